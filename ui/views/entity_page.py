"""One entity: type, region chain, aliases, links to follow, mentions and measures."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.labels import entity_colour, label
from ui.models.base import ROW_ROLE
from ui.models.link_model import LinkTableModel
from ui.models.measure_model import MeasureTableModel
from ui.models.mention_model import MentionTableModel
from ui.note_target import NoteTarget
from ui.views.column_fit import ColumnFitter

if TYPE_CHECKING:
    from kb.models import EntityPage, Link
    from ui.entity_corrections import EntityCorrector
    from ui.results import TitleBook


def _table(model: object, stretch: int) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(False)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setDefaultSectionSize(110)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setProperty("stretch", stretch)
    return view


def unique_links(links: tuple[Link, ...] | list[Link], focus_id: int) -> list[Link]:
    """One row per (relation, other entity): the same fact found in two documents is one link."""
    best: dict[tuple[str, int, bool], Link] = {}
    for link in links:
        outgoing = link.src_id == focus_id
        key = (link.kind, link.dst_id if outgoing else link.src_id, outgoing)
        if key not in best or link.weight > best[key].weight:
            best[key] = link
    return sorted(best.values(), key=lambda link: (link.kind == "co_mention", -link.weight))


class EntityPageView(QWidget):
    """Signals:
        entityActivated(int): follow a link to another entity.
        mentionActivated(object): open a ``Mention`` in the reader.
        measureActivated(object): open a ``Measure``'s sentence in the reader.
        noteRequested(object): a ``NoteTarget`` on this entity or one of its measures.
    """

    entityActivated = Signal(int)
    mentionActivated = Signal(object)
    measureActivated = Signal(object)
    noteRequested = Signal(object)

    def __init__(self, corrector: EntityCorrector | None = None, parent: QWidget | None = None,
                 titles: TitleBook | None = None) -> None:
        super().__init__(parent)
        self.page: EntityPage | None = None
        self.corrector = corrector
        self.titles = titles
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.links = LinkTableModel(self)
        self.mentions = MentionTableModel(self, titles)
        self.measures = MeasureTableModel(self, titles)
        self.link_view = _table(self.links, 1)
        self.mention_view = _table(self.mentions, 2)
        self.measure_view = _table(self.measures, 2)
        # The sentence columns take what is left; the others give way so nothing runs off the edge.
        self.mention_fit = ColumnFitter(self.mention_view, {MentionTableModel.COL_DOC: 130,
                                                            MentionTableModel.COL_TEXT: 110},
                                        MentionTableModel.COL_SENTENCE)
        self.measure_fit = ColumnFitter(self.measure_view, {
            MeasureTableModel.COL_KIND: 64, MeasureTableModel.COL_AMOUNT: 90, MeasureTableModel.COL_TOOL: (76, 40),
            MeasureTableModel.COL_YEAR: 56,
            MeasureTableModel.COL_REGION: 90, MeasureTableModel.COL_DOC: 110}, MeasureTableModel.COL_TEXT)
        self.link_fit = ColumnFitter(self.link_view, {LinkTableModel.COL_KIND: 100, LinkTableModel.COL_TYPE: 70,
                                                      LinkTableModel.COL_WEIGHT: 56}, LinkTableModel.COL_ENTITY)
        self.link_label, self.mention_label, self.measure_label = QLabel(), QLabel(), QLabel()

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("entityPageSplitter")
        for title, view in ((self.link_label, self.link_view), (self.mention_label, self.mention_view),
                            (self.measure_label, self.measure_view)):
            box = QWidget()
            bv = QVBoxLayout(box)
            bv.setContentsMargins(0, 0, 0, 0)
            bv.addWidget(title)
            bv.addWidget(view, 1)
            self.splitter.addWidget(box)
        self.note_button = QPushButton()
        self.note_button.setObjectName("entityNoteButton")
        self.note_button.clicked.connect(self.request_entity_note)
        self._notes_allowed = True
        self.correct_button = QPushButton()
        self.correct_button.setObjectName("entityCorrectButton")
        self.correct_menu = QMenu(self.correct_button)
        self.correct_menu.aboutToShow.connect(self.fill_correct_menu)
        self.correct_button.setMenu(self.correct_menu)
        self.correct_button.setVisible(corrector is not None)
        buttons = QVBoxLayout()
        buttons.addWidget(self.note_button)
        buttons.addWidget(self.correct_button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.measure_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.measure_view.customContextMenuRequested.connect(self._measure_menu)

        self.link_view.clicked.connect(self._link_clicked)
        self.mention_view.clicked.connect(self._mention_clicked)
        self.measure_view.clicked.connect(self._measure_clicked)
        self.retranslate()

    def set_notes_allowed(self, allowed: bool, reason: str = "") -> None:
        self._notes_allowed = allowed
        self.note_button.setToolTip(reason if not allowed else "")
        self.note_button.setEnabled(allowed and self.page is not None)

    def fill_correct_menu(self) -> None:
        """Rebuilt on every show: the page's entity and the read-only state may have changed."""
        self.correct_menu.clear()
        if self.corrector is not None:
            self.corrector.fill_menu(self.correct_menu, self.page.entity if self.page else None)

    def update_correct_button(self) -> None:
        allowed = self.corrector is not None and self.corrector.allowed()
        self.correct_button.setEnabled(allowed and self.page is not None)
        self.correct_button.setToolTip(self.corrector.reason() if self.corrector and not allowed else
                                       self.tr("Rename, retype, merge or delete this entity; kept on re-import"))

    def request_entity_note(self) -> None:
        if self.page is not None and self._notes_allowed:
            self.noteRequested.emit(NoteTarget.of_entity(self.page.entity))

    def request_measure_note(self, row: int) -> None:
        measure = self.measures.row_at(row)
        if measure is not None and self._notes_allowed:
            self.noteRequested.emit(NoteTarget.of_measure(measure))

    def _measure_menu(self, pos: QPoint) -> None:
        index = self.measure_view.indexAt(pos)
        measure = self.measures.row_at(index.row()) if index.isValid() else None
        if measure is None:
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.tr("Open in reader"), lambda: self.measureActivated.emit(measure))
        add = menu.addAction(self.tr("Add note…"), lambda: self.request_measure_note(index.row()))
        add.setEnabled(self._notes_allowed)
        menu.popup(self.measure_view.viewport().mapToGlobal(pos))

    def show_page(self, page: EntityPage | None) -> None:
        self.page = page
        self.note_button.setEnabled(page is not None and self._notes_allowed)
        self.update_correct_button()
        if page is None:
            self.links.set_rows([])
            self.mentions.set_rows([])
            self.measures.set_rows([])
            self.header.setText(html.escape(self.tr("This entity no longer exists.")))
            return
        e = page.entity
        self.links.focus_id = e.id
        self.links.set_rows(unique_links(page.links, e.id))
        self.mentions.set_rows(list(page.mentions))
        self.measures.set_rows(list(page.measures))
        chain = " > ".join(e.region_chain) or (e.region or "—")
        aliases = "、".join(e.aliases) or "—"
        colour = entity_colour(e.type)
        located = "、".join(e.located_in)
        rows = [
            (self.tr("Region"), chain),
            (self.tr("Aliases"), aliases),
        ]
        if located:
            rows.append((self.tr("Located in"), located))
        named = [self.titles.title(d) for d in e.docs] if self.titles is not None else list(e.docs)
        rows.append((self.tr("Documents"), "、".join(f"《{t}》" for t in named) or "—"))
        body = "".join(f"<tr><td style='color:#666666;padding-right:12px'>{html.escape(k)}</td>"
                       f"<td>{html.escape(v)}</td></tr>" for k, v in rows)
        self.header.setText(
            f"<span style='font-size:16pt;font-weight:bold'>{html.escape(e.name)}</span> "
            f"<span style='background:{colour}'>&nbsp;{html.escape(label('entity_type', e.type))}&nbsp;</span>"
            f"<table>{body}</table>"
        )
        self._update_counts()

    def _update_counts(self) -> None:
        n = self.page
        self.link_label.setText(self.tr("Linked entities (%1)").replace("%1", str(self.links.rowCount())))
        self.mention_label.setText(self.tr("Mentions (%1)").replace("%1", str(len(n.mentions) if n else 0)))
        self.measure_label.setText(self.tr("Measures mentioning it (%1)").replace("%1", str(len(n.measures) if n else 0)))

    def _link_clicked(self, index: QModelIndex) -> None:
        link = index.data(ROW_ROLE)
        if link is not None:
            self.entityActivated.emit(self.links.other_end(link)[0])

    def _mention_clicked(self, index: QModelIndex) -> None:
        mention = index.data(ROW_ROLE)
        if mention is not None:
            self.mentionActivated.emit(mention)

    def _measure_clicked(self, index: QModelIndex) -> None:
        measure = index.data(ROW_ROLE)
        if measure is not None:
            self.measureActivated.emit(measure)

    def retranslate(self) -> None:
        self.note_button.setText(self.tr("Add note…"))
        self.correct_button.setText(self.tr("Correct"))
        self.update_correct_button()
        for model in (self.links, self.mentions, self.measures):
            model.retranslate()
        self._update_counts()
        if self.page is not None:
            self.show_page(self.page)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
