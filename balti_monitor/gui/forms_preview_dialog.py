"""The preview of an import of filled return forms: every change, every refused file, the findings.

Form in ``ui/forms_preview_dialog.ui``. Three tabs:

* *Modificări* — one row per form row compared with the database (:class:`ChangesModel`): kind (nou /
  modificat / șters / conflict, and on request neschimbat / păstrat din aplicație), action, row, subdivision,
  the value now → the value in the form. A conflict (changed in the application and in the form since the
  form went out) keeps the application's value unless its box is ticked.
* *Fișiere* — per selected file: recognised (subdivision and counts) or refused, with the reason.
* *Constatări* — the findings of the checks the import would add and those it would clear.

It only asks; the caller applies the import as one undoable step (:class:`~.undo.FormsImportCommand`).
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from balti_monitor import i18n
from balti_monitor.interchange.forms_in import (
    KIND_LABELS,
    CellChange,
    CellRef,
    ChangeKind,
    FormFile,
    ImportPreview,
)

from .forms.ui_forms_preview_dialog import Ui_FormsPreviewDialog
from .row_table_model import Column, ModelIndex, RowTableModel, compact_rows

#: Kinds shown without "Arată și rândurile care nu se schimbă".
SHOWN_KINDS = frozenset({ChangeKind.NEW, ChangeKind.CHANGED, ChangeKind.CLEARED, ChangeKind.CONFLICT})
KIND_COLOURS = {
    ChangeKind.NEW: QColor("#1b6e35"),
    ChangeKind.CHANGED: QColor("#1f4e9a"),
    ChangeKind.CLEARED: QColor("#8a4b00"),
    ChangeKind.CONFLICT: QColor("#b00020"),
    ChangeKind.UNCHANGED: QColor("#6b6b6b"),
    ChangeKind.KEPT: QColor("#6b6b6b"),
}
REFUSED_COLOUR = QColor("#b00020")
SHORT = 90

translate = QCoreApplication.translate


def _phrases(n: int) -> list[tuple[ChangeKind, str]]:
    """Counted phrases per kind for ``n`` rows ("%n" and the plural forms of each language), in the order they
    are listed."""
    return [
        (ChangeKind.NEW, translate("FormsPreview", "%n rânduri noi", "", n)),
        (ChangeKind.CHANGED, translate("FormsPreview", "%n rânduri modificate", "", n)),
        (ChangeKind.CLEARED, translate("FormsPreview", "%n rânduri șterse", "", n)),
        (ChangeKind.CONFLICT, translate("FormsPreview", "%n conflicte", "", n)),
        (ChangeKind.UNCHANGED, translate("FormsPreview", "%n rânduri neschimbate", "", n)),
        (ChangeKind.KEPT, translate("FormsPreview", "%n rânduri păstrate din aplicație", "", n)),
    ]


def counts_text(source: ImportPreview | FormFile) -> str:
    """ "2 rânduri modificate, 1 conflict, 68 de rânduri neschimbate" (kinds that occur)."""
    kinds = [kind for kind, _ in _phrases(0)]
    return ", ".join(dict(_phrases(source.count(kind)))[kind] for kind in kinds if source.count(kind))


def short(text: str, limit: int = SHORT) -> str:
    """A value on one line, cut at ``limit`` characters ("—" for nothing)."""
    flat = " ".join(text.split())
    if not flat:
        return "—"
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _where(change: CellChange) -> str:
    return translate("FormsPreview", "{file}, rândul {row}").format(
        file=change.file_name, row=change.sheet_row
    )


class ChangesModel(RowTableModel):
    """The rows of an import preview; conflicts carry a check box ("take the form's value").

    Attributes:
        changes: every row of the preview; ``rows`` holds those shown.
        accepted: the conflicts whose form value is taken.
        show_all: also show unchanged rows and rows kept from the application.
    """

    KIND_COLUMN = 0

    def __init__(self, changes: tuple[CellChange, ...], parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(self.tr("Tip"), lambda c: i18n._(KIND_LABELS[c.kind])),
                Column(self.tr("Acțiunea"), lambda c: c.action_code),
                Column(self.tr("Rândul"), lambda c: c.label),
                Column(self.tr("Subdiviziunea"), lambda c: c.subdivision_name),
                Column(self.tr("Valoarea actuală"), lambda c: short(c.current), lambda c: c.current or "—"),
                Column(
                    self.tr("Valoarea din formular"),
                    lambda c: short(c.incoming),
                    lambda c: f"{_where(c)}\n\n{c.incoming or '—'}",
                ),
            ],
            parent,
        )
        self.changes = changes
        self.accepted: set[CellRef] = set()
        self.show_all = False
        self._filter()

    def _filter(self) -> None:
        self.set_rows([c for c in self.changes if self.show_all or c.kind in SHOWN_KINDS])

    def set_show_all(self, show: bool) -> None:
        """Show (or hide) the rows that would not change."""
        if show != self.show_all:
            self.show_all = show
            self._filter()

    def change_at(self, row: int) -> CellChange | None:
        """The change shown in a row."""
        found = self.row_at(row)
        return found if isinstance(found, CellChange) else None

    def set_accepted(self, ref: CellRef, accepted: bool) -> None:
        """Take (or not) the form's value for a conflict."""
        if accepted:
            self.accepted.add(ref)
        else:
            self.accepted.discard(ref)
        for row, change in enumerate(self.rows):
            if change.ref == ref:
                where = self.index(row, self.KIND_COLUMN)
                self.dataChanged.emit(where, where, [Qt.ItemDataRole.CheckStateRole])

    def accept_all(self) -> None:
        """Take the form's value for every conflict."""
        for change in self.changes:
            if change.kind is ChangeKind.CONFLICT:
                self.set_accepted(change.ref, True)

    # -- QAbstractItemModel -------------------------------------------------------------------------------
    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Override: the kind cell of a conflict can be ticked."""
        flags = super().flags(index)
        change = self.change_at(index.row()) if index.isValid() else None
        if change is not None and index.column() == self.KIND_COLUMN and change.kind is ChangeKind.CONFLICT:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override: the check box of conflicts."""
        if role == Qt.ItemDataRole.CheckStateRole:
            change = self.change_at(index.row()) if index.isValid() else None
            if change is None or index.column() != self.KIND_COLUMN or change.kind is not ChangeKind.CONFLICT:
                return None
            return Qt.CheckState.Checked if change.ref in self.accepted else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Override: tick or untick a conflict."""
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        change = self.change_at(index.row())
        if change is None or index.column() != self.KIND_COLUMN or change.kind is not ChangeKind.CONFLICT:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        self.set_accepted(change.ref, checked)
        return True

    def foreground(self, item: Any, column: int) -> QColor | None:
        """Override: the kind column in the kind's colour; unchanged rows grey."""
        assert isinstance(item, CellChange)
        if column == self.KIND_COLUMN or item.kind in (ChangeKind.UNCHANGED, ChangeKind.KEPT):
            return KIND_COLOURS[item.kind]
        return None

    def bold(self, item: Any, column: int) -> bool:
        """Override: conflicts stand out."""
        assert isinstance(item, CellChange)
        return column == self.KIND_COLUMN and item.kind is ChangeKind.CONFLICT


class FormsPreviewDialog:
    """The import preview.

    Attributes:
        dialog: the QDialog built from the form.
        model: the changes (with the ticked conflicts).
        files: one row per selected file.
        apply_button: accepts the dialog (disabled when no form was recognised).
    """

    def __init__(self, parent: QWidget | None, preview: ImportPreview) -> None:
        loaded = QDialog(parent)
        self.ui = Ui_FormsPreviewDialog()
        self.ui.setupUi(loaded)
        self.dialog = loaded
        self.preview = preview
        self.ui.summaryLabel.setText(self._summary())

        self.model = ChangesModel(preview.changes, loaded)
        self.view = self.ui.changesView
        self.view.setModel(self.model)
        compact_rows(self.view, self.view.verticalHeader())
        header = self.view.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.show_all = self.ui.showAllCheck
        self.show_all.toggled.connect(self.model.set_show_all)
        conflicts = len(preview.conflicts)
        conflict_label = self.ui.conflictLabel
        accept_all = self.ui.acceptAllButton
        if conflicts:
            conflict_label.setText(
                translate(
                    "FormsPreviewDialog",
                    "<b>{n}</b>: valoarea a fost modificată și în aplicație după generarea formularului. Bifați "
                    "în coloana „Tip” rândurile pentru care se preia valoarea din formular; celelalte își "
                    "păstrează valoarea din aplicație.",
                ).format(n=escape(translate("FormsPreviewDialog", "%n conflicte", "", conflicts)))
            )
            accept_all.clicked.connect(self.model.accept_all)
        else:
            conflict_label.hide()
            accept_all.hide()

        self.files = self.ui.filesTable
        self._fill_files()
        self._fill_findings()

        tabs = self.ui.tabs
        shown = sum(1 for c in preview.changes if c.kind in SHOWN_KINDS)
        tabs.setTabText(0, translate("FormsPreviewDialog", "&Modificări ({n})").format(n=shown))
        tabs.setTabText(
            1,
            translate("FormsPreviewDialog", "&Fișiere ({n})").format(
                n=len(preview.files) + len(preview.refused)
            ),
        )
        tabs.setTabText(
            2,
            translate("FormsPreviewDialog", "&Constatări (+{new} / −{gone})").format(
                new=len(preview.new_findings), gone=len(preview.resolved_findings)
            ),
        )
        self.answers = self._answers_table()
        if self.answers is not None:
            tabs.addTab(
                self.answers,
                translate("FormsPreviewDialog", "&Răspunsuri la observații ({n})").format(
                    n=len(preview.answers)
                ),
            )
        if not preview.files or (not preview.has_changes and preview.refused):
            tabs.setCurrentIndex(1)

        buttons = self.ui.buttonBox
        self.apply_button = buttons.addButton(
            translate("FormsPreviewDialog", "&Aplică"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setEnabled(bool(preview.files))
        self.apply_button.setDefault(bool(preview.files))
        buttons.accepted.connect(loaded.accept)
        buttons.rejected.connect(loaded.reject)

    def _answers_table(self) -> QTableWidget | None:
        """The answers typed beside the forms' "Observații": where, the follow-up asked, the answer (stored as
        the follow-up's reply on "Aplică"; the follow-up stays open until the specialist resolves it)."""
        answers = [(f, a) for f in self.preview.files for a in f.answers]
        if not answers:
            return None
        table = QTableWidget(len(answers), 4)
        table.setObjectName("answersTable")
        table.setHorizontalHeaderLabels(
            [
                translate("FormsPreviewDialog", "Subdiviziunea"),
                translate("FormsPreviewDialog", "Rândul"),
                translate("FormsPreviewDialog", "Observația primăriei"),
                translate("FormsPreviewDialog", "Răspunsul din formular"),
            ]
        )
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        for row, (f, a) in enumerate(answers):
            for column, text in enumerate((f.subdivision_name, a.location, a.question, a.answer)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(row, column, item)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = table.horizontalHeader()
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        return table

    def _summary(self) -> str:
        p = self.preview
        lines = []
        if p.files:
            head = translate(
                "FormsPreviewDialog", "<b>Perioada {code}</b> · formulare recunoscute: {n}"
            ).format(code=escape(p.period_code or ""), n=len(p.files))
            if p.refused:
                head += translate(
                    "FormsPreviewDialog", " · <span style='color:#b00020'>refuzate: {n}</span>"
                ).format(n=len(p.refused))
            lines.append(head)
            counted = counts_text(p)
            lines.append(
                escape(counted)
                if counted
                else translate("FormsPreviewDialog", "Formularele nu au niciun rând de valori.")
            )
            if p.answers:
                lines.append(
                    translate(
                        "FormsPreviewDialog",
                        "Răspunsuri la observații: <b>{n}</b> (se păstrează la observațiile lor).",
                    ).format(n=len(p.answers))
                )
            if not p.has_changes:
                lines.append(
                    translate(
                        "FormsPreviewDialog",
                        "Formularele nu aduc nicio modificare; „Aplică” doar le marchează ca importate.",
                    )
                )
        else:
            refused = len(p.refused)  # a plain name: lupdate reads no call as the count
            lines.append(
                translate(
                    "FormsPreviewDialog",
                    "<b>Niciun formular nu poate fi importat</b> (%n refuzate); motivele sunt în fila „Fișiere”. Nu se modifică nimic.",
                    "",
                    refused,
                )
            )
        return "<br>".join(lines)

    def _fill_files(self) -> None:
        table = self.files
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels(
            [
                translate("FormsPreviewDialog", "Fișierul"),
                translate("FormsPreviewDialog", "Subdiviziunea"),
                translate("FormsPreviewDialog", "Rezultatul"),
            ]
        )
        rows: list[tuple[str, str, str, bool]] = []
        for f in self.preview.files:
            result = translate("FormsPreviewDialog", "✓ se importă: {summary}").format(
                summary=counts_text(f) or translate("FormsPreviewDialog", "niciun rând")
            )
            if f.answers:
                result += translate("FormsPreviewDialog", ", răspunsuri la observații: {n}").format(
                    n=len(f.answers)
                )
            if f.warnings:
                result += "\n" + "\n".join(
                    translate("FormsPreviewDialog", "atenție: {w}").format(w=w) for w in f.warnings
                )
            rows.append((f.path.name, f.subdivision_name, result, False))
        for r in self.preview.refused:
            rows.append(
                (
                    r.path.name,
                    "—",
                    translate("FormsPreviewDialog", "✗ refuzat: {reason}").format(reason=r.message),
                    True,
                )
            )
        table.setRowCount(len(rows))
        for row, (name, sub, result, refused) in enumerate(rows):
            for column, text in enumerate((name, sub, result)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if refused:
                    item.setForeground(QBrush(REFUSED_COLOUR))
                table.setItem(row, column, item)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def _fill_findings(self) -> None:
        for label, items, findings, title, none in (
            (
                self.ui.newFindingsLabel,
                self.ui.newFindingsList,
                self.preview.new_findings,
                translate("FormsPreviewDialog", "Constatări noi după import: {n}"),
                translate("FormsPreviewDialog", "Importul nu adaugă constatări noi."),
            ),
            (
                self.ui.resolvedFindingsLabel,
                self.ui.resolvedFindingsList,
                self.preview.resolved_findings,
                translate("FormsPreviewDialog", "Constatări care dispar după import: {n}"),
                translate("FormsPreviewDialog", "Importul nu rezolvă constatări existente."),
            ),
        ):
            label.setText(f"<b>{escape(title.format(n=len(findings)))}</b>" if findings else escape(none))
            for finding in findings:
                items.addItem(f"{finding.location()}: {finding.message}")
            items.setVisible(bool(findings))

    def accepted_conflicts(self) -> list[CellRef]:
        """The conflicts whose form value is taken, in preview order."""
        return [c.ref for c in self.preview.conflicts if c.ref in self.model.accepted]

    @classmethod
    def ask(cls, parent: QWidget | None, preview: ImportPreview) -> list[CellRef] | None:
        """Show the preview; the accepted conflicts when the user chose "Aplică", None when cancelled."""
        dialog = cls(parent, preview)
        try:
            if dialog.dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.accepted_conflicts()
        finally:
            dialog.dialog.deleteLater()
