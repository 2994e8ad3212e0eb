"""The wizard of File → *Importă un plan din Word/Excel…*: tables → columns → unknown names → preview.

Form in ``ui/plan_import_wizard.ui``. It works on the tables ``interchange.plan_tables.read_tables``
read and runs the same steps as ``balti-monitor import-plan``: the kind and the tables with a recognised
header are pre-selected, each column's field is guessed from the header words (``guess_mapping``), the tree
is parsed (``parse_plan``) when the user goes on, every responsible name that matches no subdivision must be
given a subdivision, "create" or "other" (never dropped), and the last page shows the tree, the warnings
and the plan's code, title and years. It only asks; the caller imports (``import_plan_reading``).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QListWidgetItem,
    QTableWidgetItem,
    QTreeWidgetItem,
    QWidget,
    QWizard,
)

from balti_monitor.errors import BaltiMonitorError
from balti_monitor.interchange.plan_import_doc import guess_meta, unknown_names
from balti_monitor.interchange.plan_mapping import KIND_FIELDS, Mapping, guess_kind, guess_mapping, header_row
from balti_monitor.interchange.plan_parse import PlanReading, parse_plan
from balti_monitor.interchange.plan_tables import SourceTable

from . import dialogs
from .collation import sorted_by_text
from .forms.ui_plan_import_wizard import Ui_PlanImportWizard

translate = QCoreApplication.translate

CHOOSE, CREATE, OTHER = "", "create", "other"


class _Wizard(QWizard):
    """The QWizard of the form, asking its owner before leaving a page."""

    def __init__(self, parent: QWidget | None, owner: PlanImportWizard) -> None:
        super().__init__(parent)
        self.owner = owner

    def validateCurrentPage(self) -> bool:
        """Go on only when the page is complete (the reason is shown otherwise)."""
        return self.owner.validate(self.currentId())


def _code_for(name: str, taken: set[str]) -> str:
    """A new subdivision code from the initials of its name ("Agenția Nouă de Comunicare" → "ANC")."""
    letters = "".join(w[0] for w in re.findall(r"\w+", name) if len(w) > 2 or w[0].isupper()).upper() or "SUB"
    code, n = letters, 2
    while code in taken:
        code, n = f"{letters}{n}", n + 1
    return code


class PlanImportWizard:
    """The plan import wizard.

    Attributes:
        wizard: the QWizard built from the form.
        reading: the tree parsed from the chosen tables and columns (after page 2).
    """

    def __init__(
        self,
        parent: QWidget | None,
        path: Path,
        tables: list[SourceTable],
        subdivisions: list[tuple[str, str]],
    ) -> None:
        self.path = path
        self.tables = tables
        self.subdivisions = subdivisions  # (code, name)
        self.wizard = _Wizard(parent, self)
        self.ui = Ui_PlanImportWizard()
        self.ui.setupUi(self.wizard)
        self.wizard.setButtonText(
            QWizard.WizardButton.FinishButton, translate("PlanImportWizard", "&Importă")
        )
        self.reading: PlanReading | None = None
        self._combos: list[QComboBox] = []
        self._names: list[tuple[str, QComboBox]] = []
        kind = guess_kind(tables)
        for name in KIND_FIELDS:
            self.ui.kindCombo.addItem(name, name)
        self.ui.kindCombo.setCurrentIndex(list(KIND_FIELDS).index(kind))
        self.ui.kindNote.setText(translate("PlanImportWizard", "(ghicit din cuvintele capului de tabel)"))
        for table in tables:
            header = header_row(table, kind)
            first = " | ".join(c.text for c in table.rows[header if header is not None else 0] if c.text)[
                :120
            ]
            rows, cols = len(table.rows), table.width
            item = QListWidgetItem(
                translate("PlanImportWizard", "{name}: {rows}, {cols} — {first}").format(
                    name=table.name,
                    rows=translate("PlanImportWizard", "%n rânduri", "", rows),
                    cols=translate("PlanImportWizard", "%n coloane", "", cols),
                    first=first,
                )
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if header is not None else Qt.CheckState.Unchecked)
            self.ui.tablesList.addItem(item)
        self.wizard.currentIdChanged.connect(self._entered)

    # -- state ---------------------------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        """The chosen plan kind."""
        return str(self.ui.kindCombo.currentData())

    def chosen(self) -> list[int]:
        """Indices of the ticked tables."""
        items = self.ui.tablesList
        return [i for i in range(items.count()) if items.item(i).checkState() == Qt.CheckState.Checked]

    def columns(self) -> dict[int, str]:
        """Column → field, as chosen on page 2."""
        return {
            col: str(combo.currentData()) for col, combo in enumerate(self._combos) if combo.currentData()
        }

    def mapping(self) -> Mapping:
        """What the user chose, in the shape of a mapping file."""
        taken = {code for code, _ in self.subdivisions}
        names: dict[str, object] = {}
        for name, combo in self._names:
            choice = str(combo.currentData())
            if choice == CREATE:
                code = _code_for(name, taken)
                taken.add(code)
                names[name] = {"create": code}
            elif choice:
                names[name] = choice
        meta = {
            "code": self.ui.codeEdit.text().strip(),
            "title": self.ui.titleEdit.text().strip(),
            "first_year": self.ui.firstYearSpin.value(),
            "last_year": self.ui.lastYearSpin.value(),
        }
        return Mapping(self.kind, self.chosen(), self.columns(), meta, names)

    # -- pages ---------------------------------------------------------------------------------------------
    def _page(self, page_id: int) -> QWidget | None:
        return self.wizard.page(page_id)

    def validate(self, page_id: int) -> bool:
        """Whether the user may leave the page (a message says why not)."""
        page = self._page(page_id)
        problem = ""
        if page is self.ui.tablesPage and not self.chosen():
            problem = translate("PlanImportWizard", "Bifați cel puțin un tabel.")
        elif page is self.ui.columnsPage:
            fields = list(self.columns().values())
            if "action" not in fields:
                problem = translate("PlanImportWizard", "Alegeți coloana „Acțiune”.")
            elif len(set(fields) - {"ignore"}) != len([f for f in fields if f != "ignore"]):
                problem = translate("PlanImportWizard", "Un câmp este ales pentru două coloane.")
            else:
                try:
                    self.reading = parse_plan(
                        self.tables,
                        kind=self.kind,
                        chosen=self.chosen(),
                        columns=self.columns(),
                        source=self.path.name,
                    )
                    self.reading.meta = guess_meta(self.path, self.tables, self.reading)
                except BaltiMonitorError as exc:
                    problem = str(exc)
                else:
                    if not self.reading.actions:
                        problem = translate(
                            "PlanImportWizard", "În tabelele alese nu am găsit nicio acțiune."
                        )
        elif page is self.ui.namesPage and any(not combo.currentData() for _, combo in self._names):
            problem = translate(
                "PlanImportWizard",
                "Alegeți ce înseamnă fiecare nume (o subdiviziune, „creează” sau „alt responsabil”).",
            )
        elif page is self.ui.previewPage:
            mapping = self.mapping()
            if not mapping.plan["code"] or not mapping.plan["title"]:
                problem = translate("PlanImportWizard", "Completați codul și titlul planului.")
            elif mapping.plan["first_year"] > mapping.plan["last_year"]:
                problem = translate("PlanImportWizard", "Primul an al planului este după ultimul.")
        if problem:
            dialogs.show_error(self.wizard, translate("PlanImportWizard", "Nu se poate continua"), problem)
            return False
        return True

    def _entered(self, page_id: int) -> None:
        page = self._page(page_id)
        if page is self.ui.columnsPage:
            self._fill_columns()
        elif page is self.ui.namesPage:
            self._fill_names()
        elif page is self.ui.previewPage:
            self._fill_preview()

    def _fill_columns(self) -> None:
        table = self.tables[self.chosen()[0]]
        guessed = guess_mapping(table, self.kind)
        header = header_row(table, self.kind)
        labels = KIND_FIELDS[self.kind]
        grid = self.ui.columnsTable
        grid.clear()
        grid.setColumnCount(4)
        grid.setHorizontalHeaderLabels(
            [
                translate("PlanImportWizard", "Coloana"),
                translate("PlanImportWizard", "Capul de tabel"),
                translate("PlanImportWizard", "Exemplu"),
                translate("PlanImportWizard", "Conține"),
            ]
        )
        grid.setRowCount(table.width)
        self._combos = []
        start = (header + 1) if header is not None else 0
        for col in range(table.width):
            head = (
                table.rows[header][col].text if header is not None and col < len(table.rows[header]) else ""
            )
            sample = next(
                (
                    r[col].text
                    for r in table.rows[start:]
                    if col < len(r) and r[col].text and not r[col].hcont
                ),
                "",
            )
            grid.setItem(col, 0, QTableWidgetItem(str(col + 1)))
            grid.setItem(col, 1, QTableWidgetItem(" ".join(head.split()) or "—"))
            grid.setItem(col, 2, QTableWidgetItem(" ".join(sample.split())[:80] or "—"))
            combo = QComboBox()
            combo.addItem(translate("PlanImportWizard", "— nefolosită —"), "")
            for name, (label, _) in labels.items():
                combo.addItem(label, name)
            chosen = guessed.get(col)
            if chosen:
                combo.setCurrentIndex(combo.findData(chosen))
            grid.setCellWidget(col, 3, combo)
            self._combos.append(combo)
        grid.verticalHeader().setVisible(False)
        grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _fill_names(self) -> None:
        assert self.reading is not None
        unknown = unknown_names(self.reading, Mapping())
        grid = self.ui.namesTable
        grid.clear()
        grid.setColumnCount(2)
        grid.setHorizontalHeaderLabels(
            [
                translate("PlanImportWizard", "Numele scris în document"),
                translate("PlanImportWizard", "Înseamnă"),
            ]
        )
        grid.setRowCount(len(unknown))
        self._names = []
        for row, name in enumerate(unknown):
            grid.setItem(row, 0, QTableWidgetItem(name))
            combo = QComboBox()
            combo.addItem(translate("PlanImportWizard", "— alegeți —"), CHOOSE)
            combo.addItem(translate("PlanImportWizard", "Creează subdiviziune nouă"), CREATE)
            combo.addItem(translate("PlanImportWizard", "Alt responsabil (se păstrează ca text)"), OTHER)
            for code, sub_name in sorted_by_text(self.subdivisions, lambda pair: pair[1]):
                combo.addItem(f"{sub_name} ({code})", code)
            grid.setCellWidget(row, 1, combo)
            self._names.append((name, combo))
        if not unknown:
            self.ui.namesPage.setSubTitle(
                translate("PlanImportWizard", "Toate numele de responsabili corespund unor subdiviziuni.")
            )
        grid.verticalHeader().setVisible(False)
        grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def _fill_preview(self) -> None:
        assert self.reading is not None
        meta = self.reading.meta
        self.ui.codeEdit.setText(str(meta["code"]))
        self.ui.titleEdit.setText(str(meta["title"]))
        self.ui.firstYearSpin.setValue(int(meta["first_year"]))
        self.ui.lastYearSpin.setValue(int(meta["last_year"]))
        tree = self.ui.previewTree
        tree.clear()
        tree.setHeaderLabels([translate("PlanImportWizard", "Plan")])
        for group in self.reading.groups:
            top = QTreeWidgetItem(
                [translate("PlanImportWizard", "Prioritatea {n}: {t}").format(n=group.number, t=group.title)]
            )
            tree.addTopLevelItem(top)
            for action in group.actions:
                who = ", ".join(action.responsible) or "—"
                count = len(action.indicators)
                node = QTreeWidgetItem(
                    [
                        translate(
                            "PlanImportWizard",
                            "{code} {title} — %n indicatori; responsabili: {who}; numărul din: {src}",
                            "",
                            count,
                        ).format(
                            code=action.code,
                            title=" ".join(action.title.split()),
                            who=who,
                            src=action.code_source,
                        )
                    ]
                )
                top.addChild(node)
                for number, text in enumerate(action.indicators, start=1):
                    node.addChild(QTreeWidgetItem([f"{number}. {text}"]))
            top.setExpanded(True)
        self.ui.warningsList.clear()
        for warning in self.reading.warnings:
            self.ui.warningsList.addItem(warning)

    # -- running -------------------------------------------------------------------------------------------
    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        path: Path,
        tables: list[SourceTable],
        subdivisions: list[tuple[str, str]],
    ) -> tuple[PlanReading, Mapping] | None:
        """Run the wizard; the parsed plan and the user's choices, or None when cancelled."""
        wizard = cls(parent, path, tables, subdivisions)
        try:
            if wizard.wizard.exec() != QWizard.DialogCode.Accepted or wizard.reading is None:
                return None
            mapping = wizard.mapping()
            wizard.reading.meta = {**wizard.reading.meta, **mapping.plan}
            return wizard.reading, mapping
        finally:
            wizard.wizard.deleteLater()
