"""Exported Word files name Chinese faces (w:eastAsia), read back from the saved XML."""

from __future__ import annotations

import io
import zipfile

import docx
from lxml import etree

from kb.docx_style import apply_cjk_fonts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _styles_xml(document) -> etree._Element:
    buf = io.BytesIO()
    document.save(buf)
    return etree.fromstring(zipfile.ZipFile(buf).read("word/styles.xml"))


def _fonts(root: etree._Element, style_id: str) -> etree._Element | None:
    return root.find(f"{W}style[@{W}styleId='{style_id}']/{W}rPr/{W}rFonts")


def test_template_names_no_east_asian_face_before() -> None:
    root = _styles_xml(docx.Document())
    assert root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts").get(f"{W}eastAsia") is None
    assert _fonts(root, "Heading1").get(f"{W}eastAsia") is None


def test_defaults_text_and_heading_styles_get_chinese_faces() -> None:
    document = docx.Document()
    apply_cjk_fonts(document)
    document.add_heading("贵州省数字经济发展情况", level=1)
    document.add_paragraph("数据中心上架率达到65%。", style="Quote")
    root = _styles_xml(document)
    defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert defaults.find(f"{W}rFonts").get(f"{W}eastAsia") == "宋体"
    assert defaults.find(f"{W}lang").get(f"{W}eastAsia") == "zh-CN"
    for style_id, face in (("Normal", "宋体"), ("Quote", "宋体"), ("IntenseQuote", "宋体"), ("Heading1", "黑体"),
                           ("Heading2", "黑体"), ("Title", "黑体"), ("Heading1Char", "黑体"), ("QuoteChar", "宋体")):
        fonts = _fonts(root, style_id)
        assert fonts is not None and fonts.get(f"{W}eastAsia") == face, style_id
        assert fonts.get(f"{W}eastAsiaTheme") is None  # Word prefers a theme font over eastAsia
    # Latin text keeps the theme's faces
    assert _fonts(root, "Heading1").get(f"{W}asciiTheme") == "majorHAnsi"


def test_rpr_children_stay_in_schema_order() -> None:
    document = docx.Document()
    apply_cjk_fonts(document, body_face="仿宋", heading_face="微软雅黑")
    root = _styles_xml(document)
    rpr = root.find(f"{W}style[@{W}styleId='Heading1']/{W}rPr")
    tags = [etree.QName(c).localname for c in rpr]
    assert tags[0] == "rFonts" and tags.index("lang") > tags.index("sz")
    assert _fonts(root, "Normal").get(f"{W}eastAsia") == "仿宋" and _fonts(root, "Title").get(f"{W}eastAsia") == "微软雅黑"
