"""Reader: the cleaned document with hits, entity mentions and an outline; or the raw page."""

from __future__ import annotations

import dataclasses
import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QGuiApplication,
    QKeySequence,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QMenu,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.citation import citation, section_at
from ui.labels import ENTITY_COLOURS, HIT_COLOUR, PASSAGE_COLOUR, entity_colour, label
from ui.models.base import ROW_ROLE
from ui.models.outline_model import OutlineModel
from ui.note_target import NoteTarget
from ui.plain import tip as plain_tip
from ui.textpos import Utf16Map
from ui.views.doc_header import DocHeader
from ui.views.text_browser import SafeTextBrowser

if TYPE_CHECKING:
    from ui.controller import DocumentView

REMOVED_COLOUR = "#a0a0a0"
NOTE_COLOUR = "#d9822b"
ADD_NOTE_SHORTCUT = "Ctrl+Shift+N"
COPY_CITATION_SHORTCUT = "Ctrl+Shift+C"


class ReaderView(QWidget):
    """Signals:
        entityActivated(int): the user clicked an entity mention.
        noteRequested(object): the ``NoteTarget`` of the selected text ("Add note…").
        citationCopied(str): the citation just put on the clipboard.
    """

    entityActivated = Signal(int)
    noteRequested = Signal(object)
    citationCopied = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: DocumentView | None = None
        self.map = Utf16Map("")
        self._pending_scroll: int | None = None
        self.header = DocHeader()
        self.title, self.meta, self.raw_toggle = self.header.title, self.header.meta, self.header.raw_toggle
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.outline = OutlineModel(self)
        self.outline_list = QListView()
        self.outline_list.setModel(self.outline)
        self.outline_list.setWordWrap(True)
        self.outline_title = QLabel()
        self.text = SafeTextBrowser()
        self.text.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.side = side = QWidget()
        sv = QVBoxLayout(side)
        sv.setContentsMargins(0, 0, 0, 0)
        sv.addWidget(self.outline_title)
        sv.addWidget(self.outline_list, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("readerSplitter")
        self.splitter.addWidget(side)
        self.splitter.addWidget(self.text)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.legend)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.splitter, 1)

        self.raw_toggle.toggled.connect(self._render)
        self.outline_list.clicked.connect(self._jump_to_heading)
        self.text.anchorClicked.connect(self._anchor_clicked)
        self._notes_allowed = True
        self.add_note_action = QAction(self)
        self.add_note_action.setObjectName("addNoteAction")
        self.add_note_action.setShortcut(QKeySequence(ADD_NOTE_SHORTCUT))
        self.add_note_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_note_action.triggered.connect(self.request_note)
        self.addAction(self.add_note_action)
        self.copy_citation_action = QAction(self)
        self.copy_citation_action.setObjectName("copyCitationAction")
        self.copy_citation_action.setShortcut(QKeySequence(COPY_CITATION_SHORTCUT))
        self.copy_citation_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_citation_action.triggered.connect(self.copy_citation)
        self.addAction(self.copy_citation_action)
        self.header.copy_button.clicked.connect(self.copy_citation)
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.text.customContextMenuRequested.connect(self._context_menu)
        self.text.selectionChanged.connect(self._update_note_action)
        self.retranslate()
        self._set_empty(True)

    # public
    def show_document(self, view: DocumentView) -> None:
        """Display a document; keeps the raw/clean choice the user made."""
        self.view = view
        self.header.show_document(view.text.doc)
        self.outline.set_rows(list(view.text.headings))
        self.side.setVisible(bool(view.text.headings))  # no headings (a news page): the text takes the width
        self._set_empty(False)
        self._render()

    def citation_text(self) -> str:
        """The citation of the selection, else of the focused passage, else of the passage at the top."""
        if self.view is None:
            return ""
        section = ""
        if not self.is_raw():
            cursor = self.text.textCursor()
            if cursor.hasSelection():
                offset = self.map.from_qt(cursor.selectionStart())
            elif self.view.focus:
                offset = self.view.focus[0]
            else:
                offset = self.map.from_qt(self.text.cursorForPosition(self.text.viewport().rect().topLeft()).position())
            section = section_at(self.view.text.passages, offset)
        return citation(self.view.text.doc, section)

    def copy_citation(self) -> str:
        """Put the citation on the clipboard; ``citationCopied`` tells the window."""
        text = self.citation_text()
        if text:
            QGuiApplication.clipboard().setText(text)
            self.citationCopied.emit(text)
        return text

    def is_raw(self) -> bool:
        return self.raw_toggle.isChecked()

    def scroll_to(self, offset: int) -> None:
        """Put the line holding body ``offset`` (code points) near the top of the view."""
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self.map.to_qt(offset))
        self.text.setTextCursor(cursor)
        self._pending_scroll = offset
        self._apply_scroll()
        QTimer.singleShot(0, self, self._finish_scroll)  # again once shown at its final size; dropped if closed

    def _apply_scroll(self) -> None:
        if self._pending_scroll is None:
            return
        bar = self.text.verticalScrollBar()
        top = self.text.cursorRect().top()
        bar.setValue(bar.value() + top - self.text.fontMetrics().height() * 2)

    def _finish_scroll(self) -> None:
        self._apply_scroll()
        self._pending_scroll = None

    def hit_selections(self) -> list[tuple[int, int]]:
        """UTF-16 (start, end) of the highlighted hits, for tests and for the status bar."""
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in self.text.extraSelections()
                if s.format.background().color() == QColor(HIT_COLOUR)]

    # rendering
    def _render(self) -> None:
        if self.view is None:
            return
        if self.raw_toggle.isChecked():
            self._render_raw()
        else:
            self._render_clean()
        self._update_note_action()

    def _render_clean(self) -> None:
        assert self.view is not None
        body = self.view.text.body
        self.map = Utf16Map(body)
        self._set_text(body)
        doc = self.text.document()
        self._space_paragraphs()
        for start, _level, heading in self.view.text.headings:
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold)
            self._format(start, start + len(heading), fmt)
        for m in self.view.mentions:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(entity_colour(m.entity_type)))
            fmt.setAnchor(True)
            fmt.setAnchorHref(f"entity:{m.entity_id}")
            fmt.setToolTip(plain_tip(f"{label('entity_type', m.entity_type)}: {m.entity_name}"))
            self._format(m.start, m.end, fmt)
        self._apply_selections()
        doc.setModified(False)
        target = self.view.focus[0] if self.view.focus else (min(self.view.highlights)[0] if self.view.highlights else 0)
        self.scroll_to(target)

    def _apply_selections(self) -> None:
        """Passage tint, search hits and note underlines: overlays that never change the text."""
        assert self.view is not None
        selections = []
        if self.view.focus:
            selections.append(self._selection(*self.view.focus, PASSAGE_COLOUR, full_width=False))
        for note in self.view.notes:
            if note.start is not None and note.end is not None:
                selections.append(self._selection(note.start, note.end, "", underline=NOTE_COLOUR))
        selections += [self._selection(s, e, HIT_COLOUR) for s, e in self.view.highlights]
        self.text.setExtraSelections(selections)

    def add_note_mark(self, note: Any) -> None:
        """Underline a note just added to the shown document (no re-render: the scroll stays)."""
        if self.view is None or note.doc_id != self.view.text.doc.id or self.is_raw():
            return
        self.view = dataclasses.replace(self.view, notes=(*self.view.notes, note))
        self._apply_selections()

    def note_spans(self) -> list[tuple[int, int]]:
        """UTF-16 (start, end) of the underlined notes, for tests."""
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in self.text.extraSelections()
                if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline]

    # notes
    def selection_target(self) -> NoteTarget | None:
        """The selected text as code-point offsets in the body (trimmed of spaces); None if nothing fits."""
        if self.view is None or self.is_raw():
            return None
        cursor = self.text.textCursor()
        if not cursor.hasSelection():
            return None
        body = self.view.text.body
        start, end = self.map.from_qt(cursor.selectionStart()), self.map.from_qt(cursor.selectionEnd())
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        if start >= end:
            return None
        return NoteTarget.passage(self.view.text.doc.id, start, end, body[start:end])

    def select_span(self, start: int, end: int) -> None:
        """Select body ``start..end`` (code points), as a mouse drag would."""
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self.map.to_qt(start))
        cursor.setPosition(self.map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)

    def request_note(self) -> bool:
        target = self.selection_target() if self._notes_allowed else None
        if target is not None:
            self.noteRequested.emit(target)
        return target is not None

    def set_notes_allowed(self, allowed: bool, reason: str = "") -> None:
        """Read-only knowledge base: the action stays visible, disabled, saying why."""
        self._notes_allowed = allowed
        self._note_reason = reason
        self._update_note_action()

    def _update_note_action(self) -> None:
        has_text = self.view is not None and not self.is_raw() and self.text.textCursor().hasSelection()
        self.add_note_action.setEnabled(self._notes_allowed and has_text)
        reason = getattr(self, "_note_reason", "")
        if not self._notes_allowed and reason:
            self.add_note_action.setToolTip(reason)
        elif self.is_raw():
            self.add_note_action.setToolTip(self.tr("Switch back to the cleaned text to add a note"))
        else:
            self.add_note_action.setToolTip(self.tr("Note the selected text (%1)").replace("%1", ADD_NOTE_SHORTCUT))

    def build_context_menu(self, pos: QPoint) -> QMenu:
        """The text's standard menu (copy, select all) with "Add note…" on top."""
        menu = self.text.createStandardContextMenu(pos)
        self._update_note_action()
        if menu.actions():
            first = menu.actions()[0]
            menu.insertAction(first, self.add_note_action)
            menu.insertAction(first, self.copy_citation_action)
            menu.insertSeparator(first)
        else:
            menu.addActions([self.add_note_action, self.copy_citation_action])
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        self.build_context_menu(pos).popup(self.text.viewport().mapToGlobal(pos))

    def _render_raw(self) -> None:
        assert self.view is not None
        raw = self.view.text.raw
        self.map = Utf16Map(raw)
        self._set_text(raw)
        self._space_paragraphs()
        for span in self.view.text.removed:
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(REMOVED_COLOUR))
            fmt.setToolTip(plain_tip(self.tr("Removed: %1").replace("%1", span.reason)))
            self._format(span.start, span.end, fmt)
        self.text.setExtraSelections([])
        self.scroll_to(0)

    def _set_text(self, text: str) -> None:
        """New text in plain formats: the cursor's format (an entity link's colour and anchor, after a
        click on one) would otherwise carry over into every character of the next document."""
        self.text.setTextCursor(QTextCursor(self.text.document()))
        self.text.setCurrentCharFormat(QTextCharFormat())
        self.text.document().clear()
        self.text.setCurrentCharFormat(QTextCharFormat())
        self.text.setPlainText(text)
        cursor = QTextCursor(self.text.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.setCharFormat(QTextCharFormat())

    def _space_paragraphs(self) -> None:
        """Air between paragraphs and lines; block formats do not move any text position."""
        fmt = QTextBlockFormat()
        fmt.setBottomMargin(6)
        fmt.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor = QTextCursor(self.text.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(fmt)

    def _format(self, start: int, end: int, fmt: QTextCharFormat) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self.map.to_qt(start))
        cursor.setPosition(self.map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)

    def _selection(self, start: int, end: int, colour: str, full_width: bool = False,
                   underline: str = "") -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self.map.to_qt(start))
        cursor.setPosition(self.map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        fmt = QTextCharFormat()
        if colour:
            fmt.setBackground(QColor(colour))
        if underline:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            fmt.setUnderlineColor(QColor(underline))
        if full_width:
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
        sel.format = fmt
        return sel

    # interaction
    def _jump_to_heading(self, index: QModelIndex) -> None:
        heading = index.data(ROW_ROLE)
        if heading is None:
            return
        if self.raw_toggle.isChecked():
            self.raw_toggle.setChecked(False)
        self.scroll_to(heading[0])

    def _anchor_clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("entity:") and text[7:].isdigit():
            self.entityActivated.emit(int(text[7:]))

    def _set_empty(self, empty: bool) -> None:
        self.placeholder.setVisible(empty)
        self.splitter.setVisible(not empty)
        self.raw_toggle.setEnabled(not empty)
        self.header.copy_button.setEnabled(not empty)
        self.copy_citation_action.setEnabled(not empty)
        self.legend.setVisible(not empty)

    def retranslate(self) -> None:
        self.add_note_action.setText(self.tr("Add note…"))
        self._update_note_action()
        self.copy_citation_action.setText(self.tr("Copy citation"))
        tip = self.tr("Copy 《title》, source, date, section and file of the selection or passage (%1)")
        self.copy_citation_action.setToolTip(tip.replace("%1", COPY_CITATION_SHORTCUT))
        self.header.copy_button.setToolTip(self.copy_citation_action.toolTip())
        self.outline_title.setText(self.tr("Outline"))
        self.placeholder.setText(self.tr("Open a search result or an entity mention to read it here."))
        chips = [f"<span style='background:{c}'>&nbsp;{html.escape(label('entity_type', t))}&nbsp;</span>"
                 for t, c in ENTITY_COLOURS.items()]
        hit = html.escape(self.tr("Search hit"))
        chips.append(f"<span style='background:{HIT_COLOUR}'>&nbsp;{hit}&nbsp;</span>")
        note = html.escape(self.tr("Note"))
        chips.append(f"<span style='text-decoration:underline; color:{NOTE_COLOUR}'>&nbsp;{note}&nbsp;</span>")
        self.legend.setText(html.escape(self.tr("Legend:")) + " " + " ".join(chips))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.view is not None:
                self.show_document(self.view)
        super().changeEvent(event)

    def current_text(self) -> str:
        return self.text.toPlainText()

    def mention_format_at(self, offset: int) -> Any:
        """The char format at body ``offset`` (code points), for tests and tooltips."""
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self.map.to_qt(offset) + 1)
        return cursor.charFormat()
