"""Matrix header texts: region and document count on two lines, long English themes wrapped."""

from __future__ import annotations

from ui.models.compare_model import doc_count, two_lines


def test_doc_count_is_singular_for_one() -> None:
    assert doc_count(1) == " (1 doc)" and doc_count(3) == " (3 docs)" and doc_count(0) == " (0 docs)"


def test_long_labels_break_at_the_space_nearest_the_middle() -> None:
    assert two_lines("Industrial digital transformation") == "Industrial digital\ntransformation"
    assert two_lines("Governance and organisation") == "Governance and\norganisation"
    assert two_lines("Talent") == "Talent"
    assert two_lines("产业数字化转型与智能制造升级重点任务") == "产业数字化转型与智能制造升级重点任务"  # no space: as is
