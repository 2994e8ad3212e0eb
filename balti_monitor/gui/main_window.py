"""The main window: lays out the panels and wires them together (behaviour lives in the other modules).

Left: the plan tree (:mod:`.plan_panel`). Right: a tab with the selected action (:mod:`.action_page`) and a
tab with the period's narrative (:mod:`.narrative_page`). Toolbar: plan and period (:mod:`.period_bar`),
undo/redo, the Word export. Menus: File (:mod:`.file_actions`, backups and restores in
:mod:`.backup_actions`), Edit, Plan, Forms (return forms, :mod:`.forms_actions`), Export
(:mod:`.export_actions`), Help. Window geometry, splitters, the last file, period and action are remembered (:mod:`.settings`).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from balti_monitor import APP_NAME, __version__
from balti_monitor.services.audit import set_user_name
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.periods import key_of

from .action_page import ActionPage
from .backup_actions import BackupActions
from .demo_file import is_demo
from .export_actions import ExportActions
from .file_actions import FileActions
from .forms_actions import FormsActions
from .language_action import LanguageAction
from .narrative_page import NarrativePage
from .period_actions import PeriodActions
from .period_bar import PeriodBar
from .plan_actions import PlanActions
from .plan_panel import MINIMUM_WIDTH as MINIMUM_TREE_WIDTH
from .plan_panel import PlanPanel
from .report_import_actions import ReportImportActions
from .server_actions import ServerActions
from .session import Session
from .settings import ACTION_SPLITTER, AUTHOR, GEOMETRY, MAIN_SPLITTER, WINDOW_STATE, AppSettings
from .signing_actions import SigningActions
from .time_actions import TimeActions

STATUS_MS = 8000
REMEMBER_ACTION_MS = 1500  # the action shown is written to the settings this long after the last switch


class MainWindow(QMainWindow):
    """The application window.

    Attributes:
        session: the working session.
        plan_panel, action_page, narrative_page, period_bar: the parts.
        file_actions, export_actions: the File and Export menus' actions.
    """

    def __init__(self, session: Session, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        set_user_name(settings.text(AUTHOR))  # who the change log names (else the system's user)
        self.setObjectName("mainWindow")
        self.setMinimumSize(760, 520)
        self._fitted_on_show = False
        # The action shown is remembered a moment after the switch, not during it: QSettings writes its
        # file on the next turn of the event loop, before the new grid is painted (a disk write in every
        # click on the tree). Written at the latest when the window closes or a file is opened.
        self._action_to_remember: tuple[str, str] | None = None
        self._remember_timer = QTimer(self)
        self._remember_timer.setSingleShot(True)
        self._remember_timer.setInterval(REMEMBER_ACTION_MS)
        self._remember_timer.timeout.connect(self.remember_action)

        self.plan_panel = PlanPanel(session, self)
        self.action_page = ActionPage(session, settings, self)
        self._narrative: NarrativePage | None = None  # built when its tab is first opened (start-up time)
        self._narrative_holder = QWidget(self)
        QVBoxLayout(self._narrative_holder).setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.action_page, self.tr("Acțiunea &selectată"))
        self.tabs.addTab(self._narrative_holder, self.tr("&Textul raportului (rezumat, riscuri, propuneri)"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.plan_panel)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, False)  # hidden only through Vizualizare (Ctrl+F brings it back)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([340, 1100])
        self.setCentralWidget(self.splitter)

        self.period_bar = PeriodBar(session, self)
        self.file_actions = FileActions(session, settings, self)
        self.server_actions = ServerActions(session, settings, self)
        self.backup_actions = BackupActions(session, settings, self)
        self.forms_actions = FormsActions(session, settings, self)
        self.report_import_actions = ReportImportActions(session, settings, self)
        self.export_actions = ExportActions(session, settings, self)
        self.export_actions.navigateRequested.connect(self._navigate)
        self.period_actions = PeriodActions(session, self)
        self.plan_actions = PlanActions(session, settings, self)
        self.signing_actions = SigningActions(session, settings, self, self.current_cell)
        self.signing_actions.navigate = self._navigate
        self.language_action = LanguageAction(settings, self)
        self._build_actions()
        self.toolbar_action = QAction(self.tr("&Bara de instrumente"), self)
        self.toolbar_action.setCheckable(True)
        self.toolbar_action.setChecked(True)
        self._build_menus()
        self._build_toolbar()
        self.server_actions.specialist_only = [
            self.subdivisions_action,
            self.period_bar.new_period_action,
            self.period_actions.delete_action,
            self.action_page.responsibility_action,
            self.action_page.override_action,
            self.action_page.clear_override_action,
            self.signing_actions.sign_action,
            self.signing_actions.unsign_action,
            self.export_actions.import_json_action,
            self.report_import_actions.import_action,
            self.report_import_actions.plan_action,
            self.forms_actions.import_action,
            self.backup_actions.restore_action,
        ]
        self.time_actions = TimeActions(session, self, self.action_page)
        self.time_actions.install()
        self.period_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.period_label)

        self.plan_panel.actionSelected.connect(self._action_selected)
        self.action_page.status_page.actionChosen.connect(self.plan_panel.select_action)
        self.action_page.message.connect(self.show_message)
        session.message.connect(self.show_message)
        session.replayed.connect(self._reveal)
        session.opened.connect(self._on_opened)
        session.periodChanged.connect(self._on_period_changed)
        session.changed.connect(self._on_changed)
        session.undo_stack.cleanChanged.connect(self._clean_changed)
        self._restore_settings()
        self._on_opened()

    # -- building -----------------------------------------------------------------------------------------
    def current_cell(self) -> tuple[int, int, int] | None:
        """(action id, subdivision id — 0 the Total row —, column) of the grid's current cell, or None."""
        page = self.action_page
        index = page.view.currentIndex()
        if page.action_id is None or not index.isValid() or index.row() >= page.model.rowCount():
            return None
        return page.action_id, page.model.row_head(index.row()).subdivision_id, index.column()

    def _build_actions(self) -> None:
        stack = self.session.undo_stack
        self.undo_action = QAction(self.tr("&Anulează"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(self.tr("&Refă"), self)
        self.redo_action.setShortcuts(
            [
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Y),
                QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_Z),
            ]
        )
        self.redo_action.triggered.connect(self.redo)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(self._undo_text_changed)
        stack.redoTextChanged.connect(self._redo_text_changed)
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self.undo_action.setIconText(self.tr("Anulează"))
        self.redo_action.setIconText(self.tr("Refă"))

        self.find_action = QAction(self.tr("Ca&ută acțiunea"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._focus_filter)
        self.search_action = QAction(self.tr("Caută în &informații…"), self)
        self.search_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_F))
        self.search_action.setToolTip(
            self.tr("Caută în descrieri, valori, textul raportului și plan, în toate perioadele")
        )
        self.search_action.triggered.connect(self.open_search)
        self._search_dialog: QWidget | None = None

        self.tree_panel_action = QAction(self.tr("&Arborele planului"), self)
        self.tree_panel_action.setCheckable(True)
        self.tree_panel_action.setChecked(True)
        self.tree_panel_action.toggled.connect(self._show_tree)
        self.indicators_panel_action = QAction(self.tr("&Indicatorii acțiunii (în antet)"), self)
        self.indicators_panel_action.setCheckable(True)
        self.indicators_panel_action.setChecked(True)
        self.indicators_panel_action.toggled.connect(self.action_page.set_indicators_shown)
        self.action_page.indicators_button.toggled.connect(self.indicators_panel_action.setChecked)
        self.header_panel_action = QAction(self.tr("A&ntetul acțiunii"), self)
        self.header_panel_action.setCheckable(True)
        self.header_panel_action.setChecked(True)
        self.header_panel_action.toggled.connect(self.action_page.header.setVisible)
        self.findings_panel_action = QAction(self.tr("&Constatările"), self)
        self.findings_panel_action.setCheckable(True)
        self.findings_panel_action.setChecked(True)
        self.findings_panel_action.toggled.connect(self.action_page.findings.setVisible)
        self.subdivisions_action = QAction(self.tr("&Subdiviziunile primăriei…"), self)
        self.subdivisions_action.triggered.connect(self._edit_subdivisions)
        self.quit_action = QAction(self.tr("Î&nchide programul"), self)
        self.quit_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q))
        self.quit_action.triggered.connect(self.close)
        self.keys_action = QAction(self.tr("&Scurtături de tastatură"), self)
        self.keys_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.keys_action.triggered.connect(self._show_keys)
        self.about_action = QAction(self.tr("&Despre {app}").format(app=APP_NAME), self)
        self.about_action.triggered.connect(self._show_about)

    def _edit_subdivisions(self) -> None:
        from .subdivisions_dialog import SubdivisionsDialog  # imported on first use (start-up time)

        SubdivisionsDialog.run(self, self.session)

    def _undo_text_changed(self, text: str) -> None:
        base = self.tr("&Anulează")
        self.undo_action.setText(f"{base}: {text}" if text else base)
        self.undo_action.setIconText(self.tr("Anulează"))  # the toolbar stays short; details in the tooltip
        self.undo_action.setToolTip(self.tr("Anulează: {what} (Ctrl+Z)").format(what=text) if text else "")

    def _redo_text_changed(self, text: str) -> None:
        base = self.tr("&Refă")
        self.redo_action.setText(f"{base}: {text}" if text else base)
        self.redo_action.setIconText(self.tr("Refă"))
        self.redo_action.setToolTip(self.tr("Refă: {what} (Ctrl+Y)").format(what=text) if text else "")

    def _clean_changed(self, _clean: bool) -> None:
        self._update_title()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Fișier"))
        file_menu.addAction(self.file_actions.open_action)
        file_menu.addAction(self.file_actions.default_action)
        file_menu.addMenu(self.file_actions.recent_menu)
        file_menu.addAction(self.server_actions.connect_action)
        file_menu.addAction(self.server_actions.refresh_action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_actions.backup_action)
        file_menu.addAction(self.backup_actions.restore_action)
        file_menu.addAction(self.backup_actions.auto_backups_action)
        file_menu.addAction(self.backup_actions.verify_action)
        file_menu.addSeparator()
        file_menu.addAction(self.report_import_actions.import_action)
        file_menu.addAction(self.report_import_actions.plan_action)
        file_menu.addAction(self.file_actions.demo_action)
        file_menu.addSeparator()
        file_menu.addAction(self.language_action.action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Editare"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        view = self.action_page.view
        for action in (view.cut_action, view.copy_action, view.paste_action, view.clear_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.action_page.override_action)
        edit_menu.addAction(self.action_page.clear_override_action)
        edit_menu.addAction(self.action_page.comment_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.search_action)

        view_menu = bar.addMenu(self.tr("&Vizualizare"))
        view_menu.setObjectName("viewMenu")
        self.view_menu = view_menu
        view_menu.addAction(self.tree_panel_action)
        view_menu.addAction(self.header_panel_action)
        view_menu.addAction(self.indicators_panel_action)
        view_menu.addAction(self.findings_panel_action)
        view_menu.addSeparator()
        view_menu.addAction(self.signing_actions.log_action)
        view_menu.addAction(self.signing_actions.followups_action)
        view_menu.addAction(self.signing_actions.findings_action)
        view_menu.addSeparator()
        view_menu.addAction(self.toolbar_action)

        plan_menu = bar.addMenu(self.tr("&Plan"))
        plan_menu.addAction(self.plan_actions.edit_action)
        plan_menu.addAction(self.plan_actions.edit_item_action)
        plan_menu.addAction(self.plan_actions.examples_action)
        plan_menu.addSeparator()
        plan_menu.addAction(self.action_page.responsibility_action)
        plan_menu.addAction(self.subdivisions_action)
        plan_menu.addSeparator()
        plan_menu.addAction(self.period_bar.new_period_action)
        plan_menu.addAction(self.period_actions.delete_action)

        forms_menu = bar.addMenu(self.tr("F&ormulare"))
        forms_menu.addAction(self.forms_actions.generate_action)
        forms_menu.addAction(self.forms_actions.import_action)
        forms_menu.addSeparator()
        forms_menu.addAction(self.forms_actions.status_action)
        forms_menu.addAction(self.signing_actions.completeness_action)

        export_menu = bar.addMenu(self.tr("E&xport"))
        export_menu.addAction(self.export_actions.report_action)
        export_menu.addAction(self.export_actions.template_action)
        export_menu.addSeparator()
        export_menu.addAction(self.signing_actions.sign_action)
        export_menu.addAction(self.signing_actions.unsign_action)
        export_menu.addAction(self.signing_actions.verify_action)
        export_menu.addSeparator()
        export_menu.addAction(self.export_actions.export_json_action)
        export_menu.addAction(self.export_actions.import_json_action)

        help_menu = bar.addMenu(self.tr("&Ajutor"))
        help_menu.addAction(self.keys_action)
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Bara principală"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addWidget(self.period_bar)
        toolbar.addAction(self.period_bar.new_period_action)
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        toolbar.addSeparator()
        toolbar.addAction(self.export_actions.report_action)
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        self.toolbar_action.toggled.connect(toolbar.setVisible)

    # -- reacting -----------------------------------------------------------------------------------------
    def _on_opened(self) -> None:
        path = self.session.path
        if path is not None and not is_demo(path):  # the demo is never "the file worked on last time"
            self.settings.remember_file(str(path))
            code = self.settings.last_period(str(path))
            if code:
                self.session.set_period_code(code)
        self._restore_action()
        self._update_title()
        if self.session.open_warning:
            self.statusBar().showMessage(self.session.open_warning)  # stays until the next message

    def _restore_action(self) -> None:
        self.remember_action()
        path = self.session.path
        code = self.settings.last_action(str(path)) if path is not None else None
        info = self.session.action_by_code(code) if code else None
        if info is not None and self.plan_panel.select_action(info.id):
            return
        self.plan_panel.select_first()

    def _on_period_changed(self) -> None:
        if self.session.path is not None and self.session.period is not None:
            self.settings.remember_period(str(self.session.path), key_of(self.session.period).code)
        self._update_title()

    def _on_changed(self, changes: ChangeSet) -> None:
        if changes.periods:
            self._update_title()

    def _action_selected(self, action_id: int) -> None:
        self.action_page.show_action(action_id)
        if self.session.path is not None:
            self._action_to_remember = (str(self.session.path), self.session.action(action_id).code)
            self._remember_timer.start()

    def remember_action(self) -> None:
        """Write the action shown to the settings now (it is reopened with its file next time)."""
        self._remember_timer.stop()
        pending, self._action_to_remember = self._action_to_remember, None
        if pending is not None:
            self.settings.remember_action(*pending)

    def _reveal(self, changes: ChangeSet) -> None:
        """After an undo or a redo: show the period and the cell it changed, so the user sees what came back."""
        focus = changes.focus
        if focus is None:
            return
        if focus.period_id is not None:
            self.session.show_period(focus.period_id)
        if focus.action_id is not None and focus.action_id in {a.id for a in self.session.actions()}:
            self._navigate(focus.action_id, focus.subdivision_id, focus.column)

    def _navigate(self, action_id: int, subdivision_id: int, column: int) -> None:
        if self.plan_panel.current_action() != action_id:
            self.plan_panel.select_action(action_id)
        self.tabs.setCurrentWidget(self.action_page)
        self.action_page.select_cell(subdivision_id, column)

    def _update_title(self) -> None:
        # The document first and the program last, as Windows names windows; the title already ends with the
        # application's display name, so Qt (xcb, windows) does not append it a second time.
        parts: list[str] = []
        if is_demo(self.session.path):
            parts.append(self.tr("DEMO (date demonstrative, fișier separat)"))
        if self.session.path is not None:
            parts.append(self.session.path.name)
        if self.session.server is not None:
            parts.append(self.session.server)
            if self.session.access.describe():
                parts.append(self.session.access.describe())
        key = self.session.period_key()
        label = key.shown if key is not None else self.tr("nicio perioadă")
        parts.append(label)
        parts.append(APP_NAME)
        self.setWindowTitle(" — ".join(parts))
        self.period_label.setText(self.tr("Perioada: {label}").format(label=label))

    def show_message(self, text: str) -> None:
        """A message in the status bar."""
        self.statusBar().showMessage(text, STATUS_MS)

    def _focus_filter(self) -> None:
        """Ctrl+F: bring the plan tree back if it was hidden, then type into its filter box."""
        if not self.tree_panel_action.isChecked():
            self.tree_panel_action.setChecked(True)
        self._show_tree(True)
        self.plan_panel.filter.setFocus()
        self.plan_panel.filter.selectAll()

    def _show_tree(self, shown: bool) -> None:
        self.plan_panel.setVisible(shown)
        if shown:
            sizes = self.splitter.sizes()
            minimum = self.plan_panel.minimumSizeHint().width()
            if len(sizes) == 2 and sizes[0] < minimum:
                whole = sum(sizes)
                left = max(minimum, min(340, whole // 3))
                self.splitter.setSizes([left, max(0, whole - left)])
        if self.tree_panel_action.isChecked() != shown:
            self.tree_panel_action.setChecked(shown)

    def open_search(self) -> None:
        """Ctrl+Shift+F: search everything typed and the plan, in every period."""
        from .search_dialog import SearchDialog  # imported on first use (start-up time)

        if self._search_dialog is None:
            self._search_dialog = SearchDialog(self.session, self)
            self._search_dialog.navigateRequested.connect(self._navigate)
        dialog = self._search_dialog
        assert isinstance(dialog, SearchDialog)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.query.setFocus()
        dialog.query.selectAll()

    # -- narrative ----------------------------------------------------------------------------------------
    @property
    def narrative_page(self) -> NarrativePage:
        """The narrative page (built on first use)."""
        if self._narrative is None:
            self._narrative = NarrativePage(self.session, self._narrative_holder)
            layout = self._narrative_holder.layout()
            assert layout is not None
            layout.addWidget(self._narrative)
        return self._narrative

    def _tab_changed(self, position: int) -> None:
        if self.tabs.widget(position) is self._narrative_holder:
            self.narrative_page  # noqa: B018 - builds the page

    def _commit_narrative(self) -> None:
        if self._narrative is not None:
            self._narrative.commit()

    # -- undo ---------------------------------------------------------------------------------------------
    def undo(self) -> None:
        """Undo the last edit (the narrative's pending text is saved first)."""
        self._commit_narrative()
        self.session.undo_stack.undo()

    def redo(self) -> None:
        """Redo the last undone edit."""
        self._commit_narrative()
        self.session.undo_stack.redo()

    # -- help ---------------------------------------------------------------------------------------------
    def _show_keys(self) -> None:
        QMessageBox.information(
            self,
            self.tr("Scurtături de tastatură"),
            self.tr(
                "<table cellpadding=3>"
                "<tr><td><b>Tab / Shift+Tab</b></td><td>celula din dreapta / din stânga</td></tr>"
                "<tr><td><b>Enter / Shift+Enter</b></td><td>salvează și trece la rândul de jos / de sus</td></tr>"
                "<tr><td><b>Tastați direct</b></td><td>înlocuiește conținutul celulei</td></tr>"
                "<tr><td><b>F2</b> sau dublu-clic</td><td>modifică celula (pe rândul Total: totalul manual)</td></tr>"
                "<tr><td><b>Ctrl+Enter</b></td><td>salvează descrierea (Enter începe un rând nou)</td></tr>"
                "<tr><td><b>Esc</b></td><td>renunță la modificarea celulei</td></tr>"
                "<tr><td><b>Delete</b></td><td>golește celulele selectate</td></tr>"
                "<tr><td><b>Ctrl+C / Ctrl+V</b></td><td>copiază / lipește blocuri din și în Excel</td></tr>"
                "<tr><td><b>Ctrl+Z / Ctrl+Y</b></td><td>anulează / refă</td></tr>"
                "<tr><td><b>Ctrl+M</b></td><td>totalul manual al coloanei (cu motiv)</td></tr>"
                "<tr><td><b>Ctrl+'</b></td><td>valoarea din perioada precedentă în celula curentă</td></tr>"
                "<tr><td><b>Ctrl+Shift+H</b></td><td>istoricul celulei pe perioade</td></tr>"
                "<tr><td><b>Ctrl+F</b></td><td>caută acțiunea după cod sau cuvinte</td></tr>"
                "<tr><td><b>Ctrl+Shift+F</b></td><td>caută în descrieri, valori, raport și plan, "
                "în toate perioadele</td></tr>"
                "<tr><td><b>Ctrl+E</b></td><td>exportă raportul Word</td></tr>"
                "</table>"
            ),
        )

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("Despre {app}").format(app=APP_NAME),
            self.tr(
                "<h3>{app} {version}</h3><p>Monitorizarea Planului local anticorupție 2023-2027 al "
                "municipiului Bălți: informațiile subdiviziunilor, totalurile, verificările și raportul "
                "semestrial Word.</p><p>Fișierul de date: {path}</p>"
            ).format(app=APP_NAME, version=__version__, path=self.session.path or "—"),
        )

    # -- settings -----------------------------------------------------------------------------------------
    def fit_to_screen(self) -> None:
        """Keep the whole window (frame included) inside the screen's available area, moving it and
        shrinking it as needed; the title bar stays reachable."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        available = screen.availableGeometry()
        inner, outer = self.geometry(), self.frameGeometry()
        # Before the first show the window manager's frame is not known yet: allow for a usual one.
        extra_w = outer.width() - inner.width() if self.isVisible() else 16
        extra_h = outer.height() - inner.height() if self.isVisible() else 40
        left = inner.x() - outer.x() if self.isVisible() else 8
        top = inner.y() - outer.y() if self.isVisible() else 32
        width = max(1, min(inner.width(), available.width() - extra_w))
        height = max(1, min(inner.height(), available.height() - extra_h))
        if self.minimumWidth() > width or self.minimumHeight() > height:
            self.setMinimumSize(min(self.minimumWidth(), width), min(self.minimumHeight(), height))
        # move() places the frame's top-left corner.
        x = min(max(inner.x() - left, available.left()), available.right() + 1 - (width + extra_w))
        y = min(max(inner.y() - top, available.top()), available.bottom() + 1 - (height + extra_h))
        if (width, height) != (inner.width(), inner.height()):
            self.resize(width, height)
        if (x, y) != (inner.x() - left, inner.y() - top):
            self.move(x, y)

    def _default_geometry(self) -> None:
        """First start: a roomy window that fits the screen, centred."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        self.resize(1440, 880)
        if screen is not None:
            available = screen.availableGeometry()
            width = min(1440, available.width() - 16)
            height = min(880, available.height() - 40)
            self.resize(width, height)
            self.move(
                available.x() + max(0, (available.width() - width - 16) // 2),
                available.y() + max(0, (available.height() - height - 40) // 2),
            )

    def _restore_settings(self) -> None:
        geometry = self.settings.bytes(GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self._default_geometry()
        # What Qt restored is checked against the screen once shown (the frame's size is known then).
        state = self.settings.bytes(WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        for setting, splitter in (
            (MAIN_SPLITTER, self.splitter),
            (ACTION_SPLITTER, self.action_page.splitter),
        ):
            saved = self.settings.bytes(setting)
            if not saved.isEmpty():
                splitter.restoreState(saved)
        sizes = self.action_page.splitter.sizes()
        if len(sizes) == 3 and sizes[2] > 60:
            self.action_page.findings_height = sizes[2]

    def save_settings(self) -> None:
        """Remember geometry, splitters (the last file and period are saved as they change, the action a
        moment after)."""
        self.remember_action()
        self.settings.set(GEOMETRY, self.saveGeometry())
        self.settings.set(WINDOW_STATE, self.saveState())
        self.settings.set(MAIN_SPLITTER, QByteArray(self.splitter.saveState()))
        self.settings.set(ACTION_SPLITTER, QByteArray(self.action_page.splitter.saveState()))
        self.settings.sync()

    def showEvent(self, event: QShowEvent) -> None:
        """Override: once the window manager's frame is known, make sure the whole window fits."""
        super().showEvent(event)
        if not self._fitted_on_show:
            self._fitted_on_show = True
            if not self.isMaximized() and not self.isFullScreen():
                self.fit_to_screen()
            if self.settings.bytes(MAIN_SPLITTER).isEmpty():
                # First start: the tree takes a quarter of a narrow window (at least 220 px, at most 340).
                whole = sum(self.splitter.sizes())
                left = max(MINIMUM_TREE_WIDTH, min(340, whole // 4))
                self.splitter.setSizes([left, max(0, whole - left)])

    def closeEvent(self, event: QCloseEvent) -> None:
        """Override: save pending text and the window's state."""
        self._commit_narrative()
        self.save_settings()
        self.server_actions.shutdown()
        super().closeEvent(event)
