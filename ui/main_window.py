"""The main window: left navigation over stacked views, history, import, settings.

It wires views to the ``AppController``; it never calls the knowledge base itself. Views refresh
from the controller's ``changed`` signal; the window re-runs what it shows (a search, an entity
page) when the ``Changes`` name what that shows.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QStackedWidget, QToolBar, QWidget

from ui import window_state
from ui.controller import AppController, DocumentView
from ui.export_menu import ExportMenu
from ui.navigation import History, NavEntry
from ui.plain import tip
from ui.views.compare_view import CompareView
from ui.views.entity_view import EntityView
from ui.views.import_dialog import ImportSummaryDialog
from ui.views.library_view import LibraryView
from ui.views.notes_view import NotesView
from ui.views.progress_bar import ProgressStrip
from ui.views.reader_view import ReaderView
from ui.views.search_view import SearchView
from ui.views.thesaurus_dialog import ThesaurusDialog
from ui.window_workspace import Workspace

if TYPE_CHECKING:
    import kb.models
    from kb.models import Changes, EntityPage, ImportReport, Measure, Mention, SearchHit, SearchResult, Stats

log = logging.getLogger(__name__)

VIEW_KEYS = ("library", "search", "reader", "entity", "compare", "notes")


def _shortcuts(main: str, standard: QKeySequence.StandardKey) -> list[QKeySequence]:
    """``main`` plus the platform's standard keys, without duplicates (Qt warns on ambiguity)."""
    keys = [QKeySequence(main)]
    keys += [k for k in QKeySequence.keyBindings(standard) if k not in keys]
    return keys


class MainWindow(QMainWindow):
    """Signals:
        importSummaryShown(object): the ``ImportSummaryDialog`` just shown (non-modal).
        reprocessFinished(object): the ``ReprocessReport`` of Tools ▸ Reprocess originals, once shown.
    """

    importSummaryShown = Signal(object)
    reprocessFinished = Signal(object)

    def __init__(self, settings: QSettings, kb_dir: Path | None = None, corpus_dir: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.kb_dir = kb_dir
        self.corpus_dir = corpus_dir
        self.stats: Stats | None = None
        self.history = History()
        self.import_dialog: ImportSummaryDialog | None = None
        self.thesaurus_dialog: ThesaurusDialog | None = None
        self.readonly = False
        self.controller = AppController(self)
        self.setAcceptDrops(True)

        self.library_view = LibraryView(self.controller)
        self.search_view = SearchView(settings)
        self.reader_view = ReaderView()
        self.entity_view = EntityView(titles=self.controller.titles)
        self.compare_view = CompareView(self.controller)
        self.notes_view = NotesView(self.controller)
        self.stack = QStackedWidget()
        self.views: dict[str, QWidget] = {}
        self.nav = QToolBar()
        self.nav.setObjectName("navBar")
        self.nav.setMovable(False)
        self.nav.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.nav_group = QActionGroup(self)
        self.nav_actions: dict[str, QAction] = {}
        self.addToolBar(Qt.ToolBarArea.LeftToolBarArea, self.nav)
        for key, view in zip(VIEW_KEYS, (self.library_view, self.search_view, self.reader_view, self.entity_view,
                                          self.compare_view, self.notes_view), strict=True):
            self.register_view(key, view)
        self.setCentralWidget(self.stack)

        self._build_actions()
        self.progress = ProgressStrip()
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # messages name files, queries, entities
        self.readonly_label = QLabel()
        self.readonly_label.setObjectName("readonlyBanner")
        self.readonly_label.setStyleSheet("QLabel { background: #fff3cd; color: #7a5200; padding: 1px 8px; }")
        self.readonly_label.hide()
        self.statusBar().addWidget(self.readonly_label)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.workspace = Workspace(self)
        self._connect()
        self.retranslate()
        self._restore_state()
        self.show_view("search")
        self._update_nav_buttons()

    # setup
    def register_view(self, key: str, widget: QWidget) -> None:
        """Add a view to the stack with its navigation button."""
        self.stack.addWidget(widget)
        action = QAction(self)
        action.setCheckable(True)
        action.setObjectName(f"nav_{key}")
        action.triggered.connect(lambda _=False, k=key: self.show_view(k))
        self.nav_group.addAction(action)
        self.nav.addAction(action)
        self.nav_actions[key] = action
        self.views[key] = widget

    def _build_actions(self) -> None:
        self.back_action = QAction(self)
        self.back_action.setShortcuts(_shortcuts("Alt+Left", QKeySequence.StandardKey.Back))
        self.forward_action = QAction(self)
        self.forward_action.setShortcuts(_shortcuts("Alt+Right", QKeySequence.StandardKey.Forward))
        self.import_files_action = QAction(self)
        self.import_folder_action = QAction(self)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.lang_group = QActionGroup(self)
        self.lang_actions = {lang: QAction(self) for lang in ("zh", "en")}
        for lang, action in self.lang_actions.items():
            action.setCheckable(True)
            action.setData(lang)
            self.lang_group.addAction(action)
        toolbar = QToolBar()
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        toolbar.addAction(self.back_action)
        toolbar.addAction(self.forward_action)
        toolbar.addSeparator()
        toolbar.addAction(self.import_files_action)
        toolbar.addAction(self.import_folder_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addAction(self.import_files_action)
        self.file_menu.addAction(self.import_folder_action)
        self.file_menu.addSeparator()
        self.export_menu = ExportMenu(self.controller, lambda what: self.workspace.export_options(what), self)
        self.file_menu.addMenu(self.export_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.go_menu = self.menuBar().addMenu("")
        self.go_menu.addAction(self.back_action)
        self.go_menu.addAction(self.forward_action)
        self.tools_menu = self.menuBar().addMenu("")
        self.thesaurus_action = QAction(self)
        self.thesaurus_action.setObjectName("thesaurusAction")
        self.tools_menu.addAction(self.thesaurus_action)
        self.reprocess_action = QAction(self)
        self.reprocess_action.setObjectName("reprocessAction")
        self.tools_menu.addAction(self.reprocess_action)
        self.lang_menu = self.menuBar().addMenu("")
        for action in self.lang_actions.values():
            self.lang_menu.addAction(action)
        for seq in ("Ctrl+K", "Ctrl+F"):
            QShortcut(QKeySequence(seq), self, self.focus_search)

    def _connect(self) -> None:
        c = self.controller
        c.opened.connect(self._opened)
        c.changed.connect(self._on_changed)
        c.searchFinished.connect(self._search_finished)
        c.documentLoaded.connect(self._document_loaded)
        c.entitiesLoaded.connect(self.entity_view.set_entities)
        c.entityLoaded.connect(self._entity_loaded)
        c.importProgress.connect(self.progress.update_progress)
        c.importSpeed.connect(self.progress.set_speed)
        c.importFinished.connect(self._import_finished)
        c.failed.connect(self._failed)
        self.progress.cancelRequested.connect(c.cancel_import)
        self.search_view.searchRequested.connect(self.run_search)
        self.search_view.cleared.connect(lambda: self.show_view("library"))
        self.library_view.openDocument.connect(lambda doc_id: self.open_document(doc_id, "library"))
        c.examplesLoaded.connect(self.search_view.set_examples)
        self.search_view.hitActivated.connect(self.open_hit)
        self.reader_view.entityActivated.connect(self.open_entity)
        self.entity_view.entitySelected.connect(self.open_entity)
        self.entity_view.page.entityActivated.connect(self.open_entity)
        self.entity_view.page.mentionActivated.connect(self.open_mention)
        self.entity_view.page.measureActivated.connect(self.open_measure)
        self.back_action.triggered.connect(self.go_back)
        self.forward_action.triggered.connect(self.go_forward)
        self.import_files_action.triggered.connect(self._pick_files)
        self.import_folder_action.triggered.connect(self._pick_folder)
        self.quit_action.triggered.connect(self.close)
        self.thesaurus_action.triggered.connect(self.open_thesaurus)
        self.reprocess_action.triggered.connect(self.reprocess)
        self.lang_group.triggered.connect(lambda a: self.set_language(a.data()))

    # opening
    def start(self) -> None:
        """Open the knowledge base in the background; the window is usable meanwhile."""
        self.status_label.setText(self.tr("Opening the knowledge base…"))
        self.controller.open(self.kb_dir)

    def _opened(self, stats: Stats) -> None:
        self.stats = stats
        readonly = self.readonly = self.controller.readonly
        self.import_files_action.setEnabled(not readonly)
        self.import_folder_action.setEnabled(not readonly)
        self.reprocess_action.setEnabled(not readonly)
        self.setAcceptDrops(not readonly)
        reason = self.workspace.readonly_reason() if readonly else ""
        self.reader_view.set_notes_allowed(not readonly, reason)
        self.entity_view.page.set_notes_allowed(not readonly, reason)
        self.entity_view.corrector.set_readonly(readonly, reason)
        self.entity_view.page.update_correct_button()
        self.readonly_label.setVisible(readonly)
        for view in (self.compare_view, self.notes_view, self.library_view):
            view.set_readonly(readonly)
        self._update_title()
        self.status_label.setText(self.tr("%1 documents, %2 passages").replace("%1", str(stats.documents))
                                  .replace("%2", str(stats.passages)))
        if stats.documents == 0 and not readonly and self.corpus_dir is not None and self.corpus_dir.is_dir():
            self.import_paths([self.corpus_dir], starter=True)
        self.controller.load_entities()
        self._land()

    def _land(self) -> None:
        """The restored last query is run (its results, not an empty page); with none, the library."""
        query = self.search_view.box.text().strip()
        if query:
            self.run_search(query, {})
        else:
            self.show_view("library")

    # navigation
    def navigate(self, entry: NavEntry) -> None:
        self.history.visit(entry)
        self._go(entry)

    def _go(self, entry: NavEntry) -> None:
        if entry.kind == "search":
            query, filters = entry.key[0], dict(entry.key[1])
            self.search_view.set_query(query, filters)
            self.show_view("search")
            self.controller.search(query, filters, by_document=self.search_view.by_document())
        elif entry.kind == "document":
            self.controller.load_document(entry.key[0], entry.extra.get("highlights", ()), entry.extra.get("focus"))
        elif entry.kind == "entity":
            self.controller.load_entity(entry.key)
        elif entry.kind == "view":
            self.show_view(entry.key)
        self._update_nav_buttons()

    def go_back(self) -> None:
        entry = self.history.back()
        if entry is not None:
            self._go(entry)

    def go_forward(self) -> None:
        entry = self.history.forward()
        if entry is not None:
            self._go(entry)

    def _update_nav_buttons(self) -> None:
        self.back_action.setEnabled(self.history.can_back())
        self.forward_action.setEnabled(self.history.can_forward())

    def show_view(self, key: str) -> None:
        self.stack.setCurrentWidget(self.views[key])
        self.nav_actions[key].setChecked(True)

    def current_view(self) -> str:
        widget = self.stack.currentWidget()
        return next(k for k, w in self.views.items() if w is widget)

    def focus_search(self) -> None:
        self.show_view("search")
        self.search_view.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_view.box.selectAll()

    # user actions
    def run_search(self, query: str, filters: dict[str, str]) -> None:
        self.navigate(NavEntry("search", (query, tuple(sorted(filters.items())))))

    def open_hit(self, hit: SearchHit) -> None:
        self.navigate(NavEntry("document", (hit.doc_id, "passage", hit.passage_id),
                               {"highlights": tuple(hit.highlights), "focus": (hit.start, hit.end)}))

    def open_mention(self, mention: Mention) -> None:
        self.navigate(NavEntry("document", (mention.doc_id, "mention", mention.start),
                               {"highlights": ((mention.start, mention.end),), "focus": None}))

    def open_measure(self, measure: Measure) -> None:
        self.navigate(NavEntry("document", (measure.doc_id, "measure", measure.start),
                               {"highlights": ((measure.start, measure.end),), "focus": None}))

    def open_entity(self, entity_id: int) -> None:
        self.navigate(NavEntry("entity", entity_id))

    def open_document(self, doc_id: str, from_view: str | None = None) -> None:
        """Read a whole document from its start; Back returns to ``from_view`` (the library)."""
        if from_view is not None:
            self.history.visit(NavEntry("view", from_view))
        self.navigate(NavEntry("document", (doc_id, "start"), {"highlights": (), "focus": None}))

    def open_passage(self, doc_id: str, start: int, end: int, from_view: str | None = None) -> None:
        """Read ``start..end`` highlighted; Back returns to ``from_view`` (compare, notes)."""
        if from_view is not None:
            self.history.visit(NavEntry("view", from_view))
        self.navigate(NavEntry("document", (doc_id, "span", start, end),
                               {"highlights": ((start, end),), "focus": (start, end)}))

    # refreshing what a write changed
    def _on_changed(self, changes: Changes) -> None:
        """Re-read only what the write named: the entity list, the shown page, the shown search."""
        entry = self.history.current
        if changes.any_entities:
            self.controller.load_entities()
            if entry is not None and entry.kind == "entity" and (changes.entities_all or entry.key in changes.entities):
                self.controller.load_entity(entry.key)
        if (changes.documents or changes.thesaurus) and entry is not None and entry.kind == "search":
            self.controller.search(entry.key[0], dict(entry.key[1]), by_document=self.search_view.by_document())

    # results
    def _search_finished(self, result: SearchResult) -> None:
        self.search_view.show_result(result)

    def _document_loaded(self, view: DocumentView) -> None:
        self.show_view("reader")  # first, so the reader scrolls with its real size
        self.reader_view.show_document(view)

    def _entity_loaded(self, page: EntityPage | None) -> None:
        self.entity_view.page.show_page(page)
        if page is not None:
            self.entity_view.select_entity(page.entity.id)
        self.show_view("entity")

    def _failed(self, kind: str, message: str) -> None:
        if kind == "search":
            self.search_view.show_error(message)
        elif kind == "import":
            self.progress.hide()
        self.status_label.setText(message)
        self.statusBar().setToolTip(tip(message))

    # import
    def import_paths(self, paths: list[Path], starter: bool = False) -> bool:
        """Import files/folders in the background; False if one is already running."""
        if not self.controller.import_paths(paths):
            self.status_label.setText(self.tr("An import is already running."))
            return False
        self.progress.start(self.tr("Importing the starter corpus…") if starter else self.tr("Importing…"))
        return True

    def _import_finished(self, report: ImportReport) -> None:
        self.progress.hide()
        self.import_dialog = ImportSummaryDialog(report, self.controller.titles, self)
        self.status_label.setText(self.import_dialog.headline())
        self.import_dialog.show()
        self.importSummaryShown.emit(self.import_dialog)

    def _pick_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import documents"), "",
            self.tr("Documents (*.txt *.md *.html *.htm *.docx *.pdf);;All files (*)"))
        if files:
            self.import_paths([Path(f) for f in files])

    def _pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder"))
        if folder:
            self.import_paths([Path(folder)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def reprocess(self) -> bool:
        """Read the kept originals again in the background (Tools menu); False if an import runs."""
        if not self.controller.reprocess(None, self._reprocessed):
            self.status_label.setText(self.tr("An import is already running."))
            return False
        self.progress.start(self.tr("Reprocessing originals…"))
        return True

    def _reprocessed(self, report: kb.models.ReprocessReport) -> None:
        self.progress.hide()
        text = (self.tr("Reprocessed: %1 changed, %2 unchanged, %3 skipped, %4 failed")
                .replace("%1", str(len(report.changed))).replace("%2", str(len(report.unchanged)))
                .replace("%3", str(len(report.skipped))).replace("%4", str(len(report.failed))))
        if report.cancelled:
            text += " " + self.tr("(cancelled)")
        details = [f"{name}: {reason}" for name, reason in report.skipped]
        details += [f"{Path(f.path).name}: {f.reason}" for f in report.failed]
        self.status_label.setText(text)
        self.statusBar().setToolTip(tip("\n".join(details)) if details else "")
        self.reprocessFinished.emit(report)

    def open_thesaurus(self) -> ThesaurusDialog:
        """The thesaurus editor (non-modal); it reads and writes through the controller."""
        if self.thesaurus_dialog is None:
            self.thesaurus_dialog = ThesaurusDialog(self.controller, self)
        self.thesaurus_dialog.open_dialog()
        return self.thesaurus_dialog

    # language and settings
    def set_language(self, lang: str) -> None:
        from ui.i18n import install_language

        install_language(lang)
        self.settings.setValue("ui/lang", lang)
        self.lang_actions[lang].setChecked(True)

    def _restore_state(self) -> None:
        window_state.restore(self, self.settings)
        last = self.settings.value("search/last", "")
        if last:
            self.search_view.box.setText(str(last))
        lang = str(self.settings.value("ui/lang", "zh"))
        self.lang_actions.get(lang, self.lang_actions["zh"]).setChecked(True)

    def save_state(self) -> None:
        window_state.save(self, self.settings)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.controller.shutdown()  # lets a running comparison or export end before the knowledge base closes
        super().closeEvent(event)

    def _update_title(self) -> None:
        title = self.tr("Zhiku — policy library")
        if self.controller.is_open():
            title += f" — {self.controller.kb_dir}"
            if self.controller.readonly:
                title += " " + self.tr("(read-only)")
                self.readonly_label.setText(self.tr("Read-only: %1").replace("%1", self.workspace.readonly_cause()))
                self.readonly_label.setToolTip(tip(self.workspace.readonly_detail()))
        self.setWindowTitle(title)

    def retranslate(self) -> None:
        names = {"library": self.tr("Library"), "search": self.tr("Search"), "reader": self.tr("Read"), "entity": self.tr("Entities"),
                 "compare": self.tr("Compare"), "notes": self.tr("Notes")}
        for key, action in self.nav_actions.items():
            action.setText(names.get(key, key))
        self.back_action.setText(self.tr("Back"))
        self.back_action.setToolTip(self.tr("Back (Alt+Left)"))
        self.forward_action.setText(self.tr("Forward"))
        self.forward_action.setToolTip(self.tr("Forward (Alt+Right)"))
        self.import_files_action.setText(self.tr("Import files…"))
        self.import_folder_action.setText(self.tr("Import folder…"))
        self.quit_action.setText(self.tr("Quit"))
        self.file_menu.setTitle(self.tr("&File"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.thesaurus_action.setText(self.tr("Thesaurus…"))
        self.thesaurus_action.setToolTip(self.tr("The synonyms and related terms a search falls back on"))
        self.reprocess_action.setText(self.tr("Reprocess originals…"))
        self.reprocess_action.setToolTip(self.tr(
            "Read every document's kept original again with this version's readers and extractors; notes stay attached"))
        self.lang_menu.setTitle(self.tr("&Language"))
        self.lang_actions["zh"].setText("中文")
        self.lang_actions["en"].setText("English")
        self._update_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def view_widget(self, key: str) -> Any:
        return self.views[key]
