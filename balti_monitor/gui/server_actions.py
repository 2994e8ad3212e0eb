"""Working on a PostgreSQL server with other people: "Fișier → Conectare la server…", the recent servers,
and keeping the window in step with the others' changes.

* **Connecting** (form in ``ui/server_dialog.ui``): host, port, database, user (or a libpq ``service``).
  The password is never written in the dialog nor in the settings: libpq finds it in ``.pgpass`` /
  ``pgpass.conf``, a service file or ``PGPASSWORD``; when the server still asks for one, the program asks
  for it and keeps it in memory for this connection only. The recent servers are remembered without
  passwords.
* **Who may do what** is the server's business (:mod:`balti_monitor.services.server_setup`); the window
  follows it: a subdivision's clerk can edit only its own row (the others are read-only), a reader nothing.
* **Other people's changes** arrive as notifications on a connection of their own, watched by a
  ``QSocketNotifier``: the grids they touched are read again (``dataChanged`` for the cells that differ,
  the cell being edited keeps its editor). **F5** reads the period shown again by hand (also for a file).
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QLineEdit, QWidget

from balti_monitor.errors import BaltiMonitorError
from balti_monitor.services.server_session import ChangeFeed, ServerAddress, needs_password

from .forms.ui_server_dialog import Ui_ServerDialog
from .session import Session
from .settings import RECENT_SERVERS, AppSettings

MAX_RECENT_SERVERS = 8

translate = QCoreApplication.translate


class ServerDialog:
    """The connection dialog: fills an address, from the recent ones or typed."""

    def __init__(self, parent: QWidget | None, recent: list[ServerAddress]) -> None:
        self.dialog = QDialog(parent)
        self.ui = Ui_ServerDialog()
        self.ui.setupUi(self.dialog)
        self.recent = recent
        combo = self.ui.recentCombo
        combo.addItem(translate("ServerDialog", "(o conectare nouă)"))
        for address in recent:
            combo.addItem(address.shown())
        combo.currentIndexChanged.connect(self._recent_chosen)
        self.ui.buttonBox.accepted.connect(self._accept)
        self.ui.buttonBox.rejected.connect(self.dialog.reject)
        if recent:
            combo.setCurrentIndex(1)

    def _recent_chosen(self, index: int) -> None:
        if 1 <= index <= len(self.recent):
            self.fill(self.recent[index - 1])

    def fill(self, address: ServerAddress) -> None:
        """Show an address in the fields."""
        self.ui.hostEdit.setText(address.host)
        self.ui.portSpin.setValue(address.port)
        self.ui.databaseEdit.setText(address.database)
        self.ui.userEdit.setText(address.user)
        self.ui.serviceEdit.setText(address.service)

    def address(self) -> ServerAddress:
        """The address in the fields."""
        return ServerAddress(
            host=self.ui.hostEdit.text().strip(),
            port=self.ui.portSpin.value(),
            database=self.ui.databaseEdit.text().strip(),
            user=self.ui.userEdit.text().strip(),
            service=self.ui.serviceEdit.text().strip(),
        )

    def _accept(self) -> None:
        address = self.address()
        if not address.service and not address.database:
            self.ui.errorLabel.setText(
                translate("ServerDialog", "Scrieți numele bazei de date (sau un serviciu).")
            )
            return
        self.dialog.accept()

    def ask(self) -> ServerAddress | None:
        """Show the dialog; the address, or None when cancelled."""
        return self.address() if self.dialog.exec() == QDialog.DialogCode.Accepted else None

    @property
    def ok_button(self) -> object:
        """The OK button (tests)."""
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)


def ask_address(parent: QWidget | None, recent: list[ServerAddress]) -> ServerAddress | None:
    """Ask where the server is (replaced in tests)."""
    return ServerDialog(parent, recent).ask()


def ask_password(parent: QWidget | None, address: ServerAddress) -> str | None:
    """Ask the password the server wants (replaced in tests); None when cancelled."""
    text, ok = QInputDialog.getText(
        parent,
        translate("Server", "Parola"),
        translate("Server", "Parola pentru {user} pe {server} (nu se păstrează):").format(
            user=address.user or "…", server=address.host or address.service or "server"
        ),
        QLineEdit.EchoMode.Password,
    )
    return text if ok else None


class ServerActions(QObject):
    """The server's actions (File menu) and the live refresh of the window.

    Attributes:
        connect_action: "Conectare la server…".
        refresh_action: F5, read the period shown again.
    """

    def __init__(self, session: Session, settings: AppSettings, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.settings = settings
        self.window = window
        self.connect_action = QAction(self.tr("Conectare la &server…"), self)
        self.connect_action.setStatusTip(
            self.tr("Lucrul pe baza de date comună a primăriei (PostgreSQL), împreună cu alte persoane")
        )
        self.connect_action.triggered.connect(lambda: self.choose_and_connect())
        self.refresh_action = QAction(self.tr("R&eîncarcă datele"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.setStatusTip(self.tr("Citește din nou perioada afișată (modificările altora)"))
        self.refresh_action.triggered.connect(lambda: self.refresh())
        self._feed: ChangeFeed | None = None
        self._notifier: QSocketNotifier | None = None
        self._url: str | None = None  # with the password, if one was typed: in memory only
        #: actions only the specialist can use (the plan, periods, imports, signing …): hidden for a clerk
        #: or a reader on a server, whose writes there the server would refuse anyway
        self.specialist_only: list[QAction] = []
        session.opened.connect(self._opened)

    # -- recent servers -----------------------------------------------------------------------------------
    def recent(self) -> list[ServerAddress]:
        """The servers connected to lately (no passwords), newest first."""
        try:
            urls = json.loads(self.settings.text(RECENT_SERVERS) or "[]")
        except ValueError:
            return []
        return [ServerAddress.parse(u) for u in urls if isinstance(u, str)]

    def _remember(self, address: ServerAddress) -> None:
        url = address.url()  # never a password
        urls = [url] + [a.url() for a in self.recent() if a.url() != url]
        self.settings.set(RECENT_SERVERS, json.dumps(urls[:MAX_RECENT_SERVERS]))

    # -- connecting ---------------------------------------------------------------------------------------
    def choose_and_connect(self) -> bool:
        """Ask for the server and connect."""
        address = ask_address(self.window, self.recent())
        return self.connect_to(address) if address is not None else False

    def connect_to(self, address: ServerAddress, url: str | None = None) -> bool:
        """Connect (asking the password only if the server wants one libpq did not find); ``url`` is the
        address as given on the command line (it may hold a password, used but never remembered)."""
        from . import dialogs

        self.session.flush_pending()
        previous_path = self.session.path
        previous_url = self._url if self.session.server is not None else None
        password: str | None = None
        given = url
        while True:
            url = given if given is not None and password is None else address.url(password)
            try:
                access = self.session.open_server(url, address.shown())
            except BaltiMonitorError as exc:
                if needs_password(exc):
                    password = ask_password(self.window, address)
                    if password is not None:
                        continue
                dialogs.show_error(self.window, self.tr("Conectare la server"), str(exc))
                self._reopen(previous_path, previous_url)
                return False
            break
        self._url = url
        self._remember(address)
        self._start_feed()
        if access.describe():
            self.session.message.emit(
                self.tr("Conectat la {server} ({who}).").format(server=address.shown(), who=access.describe())
            )
        return True

    def _reopen(self, path: Path | None, url: str | None) -> None:
        """After a refused connection: back to the file or server that was open."""
        if url is not None:
            try:
                self.session.open_server(url, ServerAddress.parse(url).shown())
            except BaltiMonitorError as exc:
                self.session.message.emit(str(exc))
            else:
                self._url = url
                self._start_feed()
            return
        if path is not None:
            from .file_opening import open_or_explain

            open_or_explain(self.session, path, self.window)

    # -- other people's changes ---------------------------------------------------------------------------
    def _opened(self) -> None:
        for action in self.specialist_only:
            action.setVisible(self.session.access.everything)
        if self.session.server is None:
            self._stop_feed()
            self._url = None

    def _start_feed(self) -> None:
        self._stop_feed()
        if self._url is None:
            return
        try:
            self._feed = ChangeFeed(self._url)
        except Exception as exc:  # the window works without it (F5 remains)
            self.session.message.emit(
                self.tr("Modificările altora nu apar singure ({error}); apăsați F5.").format(error=exc)
            )
            return
        self._notifier = QSocketNotifier(self._feed.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(lambda *_: self.take_changes())

    def _stop_feed(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._feed is not None:
            self._feed.close()
            self._feed = None

    def take_changes(self) -> int:
        """Read again the grids other people changed (of the period shown); how many grids."""
        if self._feed is None:
            return 0
        try:
            arrived = self._feed.take()
        except Exception as exc:  # the listening connection was lost: F5 still works
            self._stop_feed()
            self.session.message.emit(
                self.tr("Modificările altora nu mai apar singure ({error}); apăsați F5.").format(error=exc)
            )
            return 0
        count = 0
        for period_id, actions in arrived.items():
            if self.session.period is not None and period_id == self.session.period.id:
                self.session.refresh(period_id, actions)
                count += len(actions)
        return count

    def refresh(self) -> None:
        """F5: read the period shown again."""
        self.session.flush_pending()
        self.session.refresh()
        self.session.message.emit(self.tr("Datele perioadei au fost citite din nou."))

    def shutdown(self) -> None:
        """Stop listening (the window closes)."""
        self._stop_feed()
