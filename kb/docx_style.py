"""East Asian fonts for exported Word files, so Chinese shows in a Chinese face on any machine.

python-docx's template names only theme fonts; Word on a machine without the app's font then
renders Chinese in whatever the theme's East Asian slot resolves to, often a Latin face with
fallback glyphs. Setting ``w:eastAsia`` on the document defaults and on the styles an export uses
(and dropping ``w:eastAsiaTheme``, which Word prefers over it) names a face every Chinese Windows
and Office has: 宋体 for text, 黑体 for headings and titles. Latin text keeps the theme's fonts.
"""

from __future__ import annotations

from typing import Any

__all__ = ["BODY_FACE", "HEADING_FACE", "apply_cjk_fonts"]

BODY_FACE = "宋体"  # SimSun
HEADING_FACE = "黑体"  # SimHei
BODY_STYLES = ("Normal", "Quote", "Intense Quote", "List Paragraph", "Caption", "Table Grid")
HEADING_STYLES = ("Title", "Subtitle", *(f"Heading {i}" for i in range(1, 10)))


def apply_cjk_fonts(document: Any, body_face: str = BODY_FACE, heading_face: str = HEADING_FACE) -> None:
    """Name East Asian faces on ``document``'s defaults, text styles and heading styles (in place).

    A paragraph style's linked character style ("Heading 1 Char") gets the same face, since Word
    applies it to runs formatted with the heading.
    """
    from docx.oxml.ns import qn  # python-docx loads in ~0.1 s: only when a Word file is written

    styles = document.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        _set_east_asia(_child(_child(defaults, "w:rPrDefault"), "w:rPr"), body_face)
    names = {s.name for s in styles}
    for group, face in ((BODY_STYLES, body_face), (HEADING_STYLES, heading_face)):
        for name in (n for base in group for n in (base, f"{base} Char")):
            if name in names:
                _set_east_asia(styles[name].element.get_or_add_rPr(), face)


def _set_east_asia(rpr: Any, face: str) -> None:
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), face)
    fonts.attrib.pop(qn("w:eastAsiaTheme"), None)
    lang = rpr.find(qn("w:lang"))
    if lang is None:  # w:lang precedes only these in CT_RPr's sequence
        lang = OxmlElement("w:lang")
        later = [rpr.find(qn(t)) for t in ("w:eastAsianLayout", "w:specVanish", "w:oMath")]
        nxt = next((e for e in later if e is not None), None)
        if nxt is None:
            rpr.append(lang)
        else:
            nxt.addprevious(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def _child(parent: Any, tag: str) -> Any:
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.insert(0, found)
    return found
