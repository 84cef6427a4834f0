"""One entity: type, region chain, aliases, relations in words, mentions and measures.

An entity nothing places (a national firm a text only mentions) also lists the documents that
mention it and their regions, labelled as mentions, not as its place. A placement or a link can be
corrected here ("Not located here", "Remove this link"); the request goes through the corrector to
the controller, like the other corrections, and is replayed on re-import.
"""

from __future__ import annotations

import html
from functools import partial
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
from ui.models.mention_model import DocumentMentionTableModel, MentionTableModel
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
        # minimums that leave the sentence 40% of a 1024-px window's page
        self.measure_fit = ColumnFitter(self.measure_view, {
            MeasureTableModel.COL_KIND: (64, 36), MeasureTableModel.COL_AMOUNT: (90, 44),
            MeasureTableModel.COL_TOOL: (76, 40), MeasureTableModel.COL_YEAR: (56, 32),
            MeasureTableModel.COL_REGION: (90, 36), MeasureTableModel.COL_DOC: (110, 40)}, MeasureTableModel.COL_TEXT)
        # the relation words stay whole ("Mentioned with"); the evidence sentence takes what is left
        self.link_fit = ColumnFitter(self.link_view, {LinkTableModel.COL_KIND: (112, 90), LinkTableModel.COL_ENTITY: (190, 68),
                                                      LinkTableModel.COL_TYPE: (70, 36), LinkTableModel.COL_WEIGHT: (50, 34)},
                                     LinkTableModel.COL_SENTENCE)
        self.documents = DocumentMentionTableModel(self)
        self.document_view = _table(self.documents, 1)
        self.document_view.setObjectName("entityDocumentsTable")
        self.document_fit = ColumnFitter(self.document_view, {
            DocumentMentionTableModel.COL_DATE: 90, DocumentMentionTableModel.COL_REGION: (150, 90),
            DocumentMentionTableModel.COL_COUNT: 64}, DocumentMentionTableModel.COL_TITLE)
        self.link_label, self.mention_label, self.measure_label = QLabel(), QLabel(), QLabel()
        self.document_label = QLabel()

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("entityPageSplitter")
        self.boxes: list[QWidget] = []
        for title, view in ((self.link_label, self.link_view), (self.document_label, self.document_view),
                            (self.mention_label, self.mention_view), (self.measure_label, self.measure_view)):
            box = QWidget()
            bv = QVBoxLayout(box)
            bv.setContentsMargins(0, 0, 0, 0)
            bv.addWidget(title)
            bv.addWidget(view, 1)
            self.splitter.addWidget(box)
            self.boxes.append(box)
        self.document_box = self.boxes[1]
        self.document_box.setVisible(False)  # only an unplaced entity's page shows it
        self.document_label.setWordWrap(True)  # a long label must not widen the window
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
        self.link_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.link_view.customContextMenuRequested.connect(self._link_menu)
        self.document_view.doubleClicked.connect(self._document_activated)

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
            self._fill_unplace_menu(self.correct_menu.addMenu(self.tr("Not located here")))

    def _fill_unplace_menu(self, menu: QMenu) -> None:
        """One action per place the entity is put in (a park it lies in, its region), and "anywhere"."""
        menu.menuAction().setObjectName("correctUnplace")
        e = self.page.entity if self.page is not None else None
        places = list(dict.fromkeys([*e.located_in, *e.region_chain[-1:]])) if e is not None else []
        for place in places:
            action = menu.addAction(self.tr("Not in “%1”…").replace("%1", place), partial(self.unplace, place))
            action.setObjectName(f"correctUnplace_{place}")
        anywhere = menu.addAction(self.tr("Not located anywhere we know…"), lambda: self.unplace(None))
        anywhere.setObjectName("correctUnplaceAnywhere")
        menu.menuAction().setEnabled(bool(places) and self._can_correct())

    def _can_correct(self) -> bool:
        return self.corrector is not None and self.corrector.allowed() and self.page is not None

    def unplace(self, place: str | None) -> bool:
        """Ask, then request the ``unplace`` correction of this page's entity (``place`` None: anywhere)."""
        if not self._can_correct() or self.page is None or self.corrector is None:
            return False
        e = self.page.entity
        question = (self.tr("“%1” is not located in “%2”? Its placement there is removed, and stays removed on "
                            "re-import.").replace("%2", place) if place else
                    self.tr("“%1” is not located anywhere the documents say? Every placement is removed, and "
                            "stays removed on re-import."))
        if not self.corrector.confirm(question.replace("%1", e.name)):
            return False
        self.corrector.requested.emit("unplace", e.type, e.name, place)
        return True

    def unlink(self, link: Link) -> bool:
        """Ask, then request the ``unlink`` correction of one link of this page's entity."""
        if not self._can_correct() or self.page is None or self.corrector is None:
            return False
        e = self.page.entity
        name = self.links.other_end(link)[1]
        question = self.tr("Remove the link “%1: %2”? It stays removed on re-import.")
        if not self.corrector.confirm(question.replace("%1", self.links.words(link)).replace("%2", name)):
            return False
        self.corrector.requested.emit("unlink", e.type, e.name, link.unlink_value(e.id))
        return True

    def _link_menu(self, pos: QPoint) -> None:
        index = self.link_view.indexAt(pos)
        link = self.links.row_at(index.row()) if index.isValid() else None
        if link is None:
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.fill_link_menu(menu, link)
        menu.popup(self.link_view.viewport().mapToGlobal(pos))

    def fill_link_menu(self, menu: QMenu, link: Link) -> None:
        """Open the other entity; "Not located here" on a placement; "Remove this link"."""
        other_id, other, _ = self.links.other_end(link)
        menu.setToolTipsVisible(True)
        menu.addAction(self.tr("Open “%1”").replace("%1", other), lambda: self.entityActivated.emit(other_id))
        actions = []
        if self.links.relation(link) == "located_in":
            unplace = menu.addAction(self.tr("Not located here…"), lambda: self.unplace(other))
            unplace.setObjectName("linkUnplace")
            actions.append(unplace)
        remove = menu.addAction(self.tr("Remove this link…"), lambda: self.unlink(link))
        remove.setObjectName("linkRemove")
        actions.append(remove)
        for action in actions:
            action.setEnabled(self._can_correct())
            action.setToolTip(self.corrector.reason() if self.corrector and not self.corrector.allowed() else "")

    def _document_activated(self, index: QModelIndex) -> None:
        row = self.documents.row_at(index.row())
        if row is not None:
            self.mentionActivated.emit(row.first)

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
            self.documents.set_rows([])
            self.document_box.setVisible(False)
            self.header.setText(html.escape(self.tr("This entity no longer exists.")))
            return
        e = page.entity
        self.links.focus_id = e.id
        self.links.set_rows(unique_links(page.links, e.id))
        self.mentions.set_rows(list(page.mentions))
        self.measures.set_rows(list(page.measures))
        self.documents.set_rows(list(page.documents) if not page.placed else [])
        self.document_box.setVisible(not page.placed)
        chain = " > ".join(e.region_chain) or e.region or self.tr("not placed: the documents only mention it")
        aliases = "、".join(e.aliases) or "—"
        colour = entity_colour(e.type)
        located = "、".join(e.located_in)
        rows = [
            (self.tr("Region"), chain),
            (self.tr("Aliases"), aliases),
        ]
        if located:
            rows.append((self.tr("Located in"), located))
        if not page.placed and page.mention_regions:
            rows.append((self.tr("Mentioned in documents about"), "、".join(page.mention_regions)))
        if page.placed:  # an unplaced entity lists its documents in a table of their own
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
        self.document_label.setText(self.tr("Documents mentioning it (%1) — where it is talked about, not where it is; "
                                            "double-click to read").replace("%1", str(self.documents.rowCount())))

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
        for model in (self.links, self.mentions, self.measures, self.documents):
            model.retranslate()
        self._update_counts()
        if self.page is not None:
            self.show_page(self.page)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
