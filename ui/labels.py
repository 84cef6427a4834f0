"""Display names for the core's codes (document kinds, entity types, ...) and entity colours."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Labels"

_LABELS: dict[str, dict[str, Any]] = {  # values: QT_TRANSLATE_NOOP source strings
    "kind": {
        "plan": QT_TRANSLATE_NOOP("Labels", "Plan"),
        "news": QT_TRANSLATE_NOOP("Labels", "News"),
        "proposal_reply": QT_TRANSLATE_NOOP("Labels", "Proposal reply"),
        "research": QT_TRANSLATE_NOOP("Labels", "Research"),
        "notice": QT_TRANSLATE_NOOP("Labels", "Notice"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "entity_type": {
        "region": QT_TRANSLATE_NOOP("Labels", "Region"),
        "park": QT_TRANSLATE_NOOP("Labels", "Park"),
        "enterprise": QT_TRANSLATE_NOOP("Labels", "Enterprise"),
        "platform": QT_TRANSLATE_NOOP("Labels", "Platform"),
    },
    "link": {
        "located_in": QT_TRANSLATE_NOOP("Labels", "located in"),
        "part_of": QT_TRANSLATE_NOOP("Labels", "part of"),
        "built_by": QT_TRANSLATE_NOOP("Labels", "built by"),
        "co_mention": QT_TRANSLATE_NOOP("Labels", "mentioned with"),
    },
    "measure": {
        "subsidy": QT_TRANSLATE_NOOP("Labels", "Subsidy"),
        "award": QT_TRANSLATE_NOOP("Labels", "Award"),
        "target": QT_TRANSLATE_NOOP("Labels", "Target"),
        "fund": QT_TRANSLATE_NOOP("Labels", "Fund"),
        "rent_support": QT_TRANSLATE_NOOP("Labels", "Rent support"),
        "tax": QT_TRANSLATE_NOOP("Labels", "Tax"),
        "achievement": QT_TRANSLATE_NOOP("Labels", "Achievement"),
    },
    "indicator": {
        "base_stations": QT_TRANSLATE_NOOP("Labels", "5G base stations"),
        "racks": QT_TRANSLATE_NOOP("Labels", "Data-centre racks"),
        "compute": QT_TRANSLATE_NOOP("Labels", "Computing power"),
        "scale": QT_TRANSLATE_NOOP("Labels", "Scale, output, revenue"),
        "investment": QT_TRANSLATE_NOOP("Labels", "Investment"),
        "funds": QT_TRANSLATE_NOOP("Labels", "Funds and awards"),
        "firms": QT_TRANSLATE_NOOP("Labels", "Enterprises"),
        "talent": QT_TRANSLATE_NOOP("Labels", "Talent"),
        "projects": QT_TRANSLATE_NOOP("Labels", "Projects"),
        "platforms": QT_TRANSLATE_NOOP("Labels", "Platforms and carriers"),
        "shares": QT_TRANSLATE_NOOP("Labels", "Shares and growth"),
        "areas": QT_TRANSLATE_NOOP("Labels", "Area"),
        "other_amounts": QT_TRANSLATE_NOOP("Labels", "Other amounts"),
        "other_counts": QT_TRANSLATE_NOOP("Labels", "Other counts"),
    },
    "tool": {
        "supply": QT_TRANSLATE_NOOP("Labels", "Supply"),
        "environment": QT_TRANSLATE_NOOP("Labels", "Environment"),
        "demand": QT_TRANSLATE_NOOP("Labels", "Demand"),
    },
    "facet": {
        "region": QT_TRANSLATE_NOOP("Labels", "Region"),
        "doc": QT_TRANSLATE_NOOP("Labels", "Document"),
        "kind": QT_TRANSLATE_NOOP("Labels", "Kind"),
        "year": QT_TRANSLATE_NOOP("Labels", "Year"),
        "entity_type": QT_TRANSLATE_NOOP("Labels", "Entity type"),
        "issuer": QT_TRANSLATE_NOOP("Labels", "Issuer"),
        "doc_number": QT_TRANSLATE_NOOP("Labels", "Doc no."),
    },
    # how a search hit matched (the core's kb.search.present.MATCH_LABELS, translated here)
    "match": {
        "exact": QT_TRANSLATE_NOOP("Labels", "Verbatim"),
        "synonym": QT_TRANSLATE_NOOP("Labels", "Synonym"),
        "related": QT_TRANSLATE_NOOP("Labels", "Related term"),
        "words": QT_TRANSLATE_NOOP("Labels", "Words in one passage"),
        "document": QT_TRANSLATE_NOOP("Labels", "Words in one document"),
    },
    "relation": {
        "synonym": QT_TRANSLATE_NOOP("Labels", "Synonym"),
        "related": QT_TRANSLATE_NOOP("Labels", "Related"),
    },
    "origin": {
        "shipped": QT_TRANSLATE_NOOP("Labels", "Shipped"),
        "user": QT_TRANSLATE_NOOP("Labels", "Mine"),
        "edited": QT_TRANSLATE_NOOP("Labels", "Shipped, edited"),
    },
}

FACET_ORDER = ("region", "doc", "kind", "year", "issuer", "doc_number", "entity_type")
MATCH_KINDS = ("exact", "synonym", "related", "words", "document")  # loosest last, as the core relaxes
MATCH_COLOURS = {"exact": "#d8f0d8", "synonym": "#d6e6ff", "related": "#eadcff", "words": "#ffe6c7",
                 "document": "#f6d5d5"}
REGION_SEP = " › "  # a region facet value is its chain from the top (kb.search.REGION_SEP)
UNDATED = "未标日期"  # the year facet's value for documents without a date (kb.search.UNDATED)

# One colour per entity type, readable as a light background behind black text.
ENTITY_COLOURS: dict[str, str] = {
    "region": "#cfe3ff",
    "park": "#c8f0c8",
    "enterprise": "#ffd9b0",
    "platform": "#e6d0ff",
}
OTHER_COLOUR = "#e0e0e0"
HIT_COLOUR = "#ffe066"
PASSAGE_COLOUR = "#fff7d6"


def label(category: str, value: str | None) -> str:
    """Translated display name of ``value``; unknown codes are shown as they are."""
    if value is None:
        return ""
    source = _LABELS.get(category, {}).get(value)
    return QCoreApplication.translate(CONTEXT, str(source)) if source else value


def entity_colour(entity_type: str) -> str:
    return ENTITY_COLOURS.get(entity_type, OTHER_COLOUR)


def theme_label(theme: Any) -> str:
    """A theme's name in the interface language: label_zh in Chinese, label_en in English.

    The core gives ``label_en`` only for a shipped theme under its shipped name, so a theme the user
    renamed (or made) keeps the user's label in both languages.
    """
    from ui.i18n import current_language

    if current_language() == "zh" or not getattr(theme, "label_en", ""):
        return str(theme.label)
    return str(theme.label_en)
