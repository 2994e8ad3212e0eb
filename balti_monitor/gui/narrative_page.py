"""The period's narrative: executive summary, risks, proposals and signatures (form in ``ui/narrative_page.ui``).

Text is saved by itself (no "Save" button): when a field loses focus, a moment after typing stops, before
another period is shown and when the window closes. Each save is an undo step; consecutive saves of the
same field merge into one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.narrative import NarrativeConflict, NarrativeData, get_narrative
from balti_monitor.services.periods import key_of

from . import dialogs
from .forms.ui_narrative_page import Ui_NarrativePage
from .session import Session
from .undo import NarrativeCommand

AUTOSAVE_MS = 1500
SEPARATOR = "|"

# widget name → NarrativeData field
LINE_FIELDS = {
    "risksIntroEdit": "risks_intro",
    "proposalsIntroEdit": "proposals_intro",
    "preparedNameEdit": "prepared_by_name",
    "preparedFunctionEdit": "prepared_by_function",
    "coordinatedNameEdit": "coordinated_by_name",
    "coordinatedFunctionEdit": "coordinated_by_function",
}
TEXT_FIELDS = {
    "summaryEdit": "executive_summary",
    "risksEdit": "risks",
    "proposalsEdit": "proposals",
    "extraEdit": "extra_signatures",
}


class NarrativePage(QWidget):
    """The narrative form of the period shown."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.form = QWidget(self)
        self.ui = Ui_NarrativePage()
        self.ui.setupUi(self.form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.period_label = self.ui.periodLabel
        self.saved_label = self.ui.savedLabel
        ui = self.ui
        self.lines: dict[str, QLineEdit] = {
            "risksIntroEdit": ui.risksIntroEdit,
            "proposalsIntroEdit": ui.proposalsIntroEdit,
            "preparedNameEdit": ui.preparedNameEdit,
            "preparedFunctionEdit": ui.preparedFunctionEdit,
            "coordinatedNameEdit": ui.coordinatedNameEdit,
            "coordinatedFunctionEdit": ui.coordinatedFunctionEdit,
        }
        self.texts: dict[str, QPlainTextEdit] = {
            "summaryEdit": ui.summaryEdit,
            "risksEdit": ui.risksEdit,
            "proposalsEdit": ui.proposalsEdit,
            "extraEdit": ui.extraEdit,
        }
        assert self.lines.keys() == LINE_FIELDS.keys() and self.texts.keys() == TEXT_FIELDS.keys()
        self._loaded: NarrativeData | None = None
        self._period_id: int | None = None
        self._loading = False
        self._dirty_field: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.commit)
        for name, line in self.lines.items():
            line.textEdited.connect(lambda _text, n=name: self._edited(LINE_FIELDS[n]))
            line.editingFinished.connect(self.commit)
        for name, text in self.texts.items():
            text.textChanged.connect(lambda n=name: self._edited(TEXT_FIELDS[n]))
            text.installEventFilter(self)
        self.draft_button = QPushButton(self.tr("Adaugă ciorna: acțiunile scadente nerealizate…"), self.form)
        self.draft_button.setObjectName("section3DraftButton")
        self.draft_button.setToolTip(
            self.tr(
                "Acțiunile scadente la sfârșitul perioadei care nu sunt realizate, cu subdiviziunile responsabile, "
                "adăugate la riscuri pentru a fi redactate"
            )
        )
        self.draft_button.clicked.connect(self.add_section3_draft)
        ui.risksLayout.addWidget(self.draft_button)
        session.opened.connect(self.load)
        session.periodAboutToChange.connect(self.commit)
        session.periodChanged.connect(self.load)
        session.changed.connect(self._on_changed)
        self.load()

    # -- loading ------------------------------------------------------------------------------------------
    def load(self) -> None:
        """Show the narrative of the period shown."""
        period = self.session.period
        self._timer.stop()
        self._dirty_field = None
        self._period_id = period.id if period is not None else None
        if period is None:
            self._fill(NarrativeData())
            self._loaded = None
            self.period_label.setText(
                self.tr("<b>Nu există nicio perioadă.</b> Creați mai întâi o perioadă.")
            )
            self.form.setEnabled(False)
            return
        self.form.setEnabled(True)
        self.period_label.setText(
            self.tr("<h3>Textul raportului pentru {label}</h3>").format(label=key_of(period).shown)
        )
        data = get_narrative(period)
        self._fill(data)
        self._loaded = data

    def _fill(self, data: NarrativeData) -> None:
        self._loading = True
        try:
            values = data.as_dict()
            for name, line in self.lines.items():
                text = str(values[LINE_FIELDS[name]])
                if line.text() != text:
                    line.setText(text)
            texts = {
                "summaryEdit": data.executive_summary,
                "risksEdit": "\n\n".join(data.risks),
                "proposalsEdit": "\n\n".join(data.proposals),
                "extraEdit": "\n".join(
                    f"{s.get('function', '')} {SEPARATOR} {s.get('name', '')}" for s in data.extra_signatures
                ),
            }
            for name, widget in self.texts.items():
                if widget.toPlainText() != texts[name]:
                    widget.setPlainText(texts[name])
        finally:
            self._loading = False

    def current_data(self) -> NarrativeData:
        """What the form holds now."""
        lines = {LINE_FIELDS[name]: line.text().strip() for name, line in self.lines.items()}
        extra = []
        for row in self.texts["extraEdit"].toPlainText().splitlines():
            if not row.strip():
                continue
            function, _, name = row.partition(SEPARATOR)
            extra.append({"function": function.strip(), "name": name.strip()})
        return NarrativeData(
            executive_summary=self.texts["summaryEdit"].toPlainText().strip(),
            risks=_paragraphs(self.texts["risksEdit"].toPlainText()),
            proposals=_paragraphs(self.texts["proposalsEdit"].toPlainText()),
            extra_signatures=extra,
            **lines,
        )

    # -- saving -------------------------------------------------------------------------------------------
    def _edited(self, field: str) -> None:
        if self._loading:
            return
        if self._dirty_field is not None and self._dirty_field != field:
            self.commit()
        self._dirty_field = field
        self.saved_label.setText(self.tr("Modificări nesalvate…"))
        self._timer.start()

    def add_section3_draft(self) -> bool:
        """Offer the draft of section III (due actions not achieved) and, if accepted, add it to the risks
        (saved as a normal edit of the text: one undo step)."""
        from balti_monitor.services.terms import section3_items

        if self._period_id is None:
            return False
        items = section3_items(self.session.results())
        title = self.tr("Ciorna secțiunii III")
        if not items:
            dialogs.show_info(
                self, title, self.tr("Nu sunt acțiuni scadente nerealizate în această perioadă.")
            )
            return False
        question = self.tr("Adăugați la riscuri aceste paragrafe, pentru a le redacta?\n\n{items}").format(
            items="\n\n".join(items)
        )
        if not dialogs.ask_yes(self, title, question):
            return False
        edit = self.texts["risksEdit"]
        current = edit.toPlainText().rstrip()
        edit.setPlainText("\n\n".join([current, *items]) if current else "\n\n".join(items))
        self._dirty_field = "risks"
        self.commit()
        return True

    def commit(self) -> None:
        """Save the form if it differs from what is stored (one undo step, merged per field)."""
        self._timer.stop()
        if self._period_id is None or self._loaded is None or self._loading or self.session.replaying:
            return
        data = self.current_data()
        field = self._dirty_field or "text"
        self._dirty_field = None
        if data == self._loaded:
            self.saved_label.setText(self.tr("Textul se salvează automat."))
            return
        before = self._loaded
        self._loaded = data
        label = self.tr("Textul raportului")
        command = NarrativeCommand(self.session, self._period_id, data, field, label, before)
        self.session.undo_stack.push(command)
        if isinstance(command.failure, NarrativeConflict):  # somebody else saved this text meanwhile
            from .conflict_dialog import resolve_text_conflict

            self._loaded = before
            reread = ChangeSet(narrative=True)
            kept = resolve_text_conflict(
                self.session, command, label, self.window(), self.field_labels(), reread
            )
            self.saved_label.setText(
                self.tr("Salvat.") if kept else self.tr("Se afișează textul salvat de altcineva.")
            )
            return
        if command.error:
            self._loaded = before
            self.saved_label.setText(command.error)
        else:
            self.saved_label.setText(self.tr("Salvat."))

    def field_labels(self) -> dict[str, str]:
        """Each text's name, as the conflict dialog shows it."""
        ui = self.ui
        return {
            "executive_summary": ui.summaryBox.title(),
            "risks_intro": self.tr("Riscuri: fraza de introducere"),
            "risks": ui.risksBox.title(),
            "proposals_intro": self.tr("Propuneri: fraza de introducere"),
            "proposals": ui.proposalsBox.title(),
            "prepared_by_name": self.tr("Elaborat: numele"),
            "prepared_by_function": self.tr("Elaborat: funcția"),
            "coordinated_by_name": self.tr("Coordonat: numele"),
            "coordinated_by_function": self.tr("Coordonat: funcția"),
            "extra_signatures": self.tr("Alte semnături"),
        }

    def _on_changed(self, changes: ChangeSet) -> None:
        if not changes.narrative or self.session.period is None:
            return
        if self._period_id != self.session.period.id:
            self.load()
            return
        stored = get_narrative(self.session.period)
        if stored != self.current_data():
            self._fill(stored)
        self._loaded = stored

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Save when a text field loses focus."""
        if event.type() == QEvent.Type.FocusOut:
            self.commit()
        return False


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]
