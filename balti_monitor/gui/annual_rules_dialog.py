"""The "Reguli anuale" dialog: how each indicator of the action shown gives its annual value.

One row per indicator (number, text, rule). "(implicit)" marks the inferred rule; choosing it again drops
the choice. The caller turns the changed rows into undoable writes (:class:`SetAnnualRule`).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from balti_monitor import i18n
from balti_monitor.domain.annual import RULE_LABELS
from balti_monitor.domain.grid import AnnualRule
from balti_monitor.services.annual import IndicatorRule

_RULES = list(AnnualRule)


class AnnualRulesDialog(QDialog):
    """Choose the annual rule of each indicator of one action."""

    def __init__(self, code: str, rules: list[IndicatorRule], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annualRulesDialog")
        self.setWindowTitle(self.tr("Reguli anuale – acțiunea {code}").format(code=code))
        self.resize(760, 420)
        self.rules = rules
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Cum rezultă valoarea anului din cele două semestre. Regula marcată „(implicit)” este dedusă "
                "din textul indicatorului; o cifră anuală trimisă de subdiviziune are întotdeauna prioritate."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(rules), 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Nr."), self.tr("Indicatorul"), self.tr("Regula anuală")]
        )
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.combos: list[QComboBox] = []
        for row, rule in enumerate(rules):
            number = QTableWidgetItem(str(rule.number))
            text = QTableWidgetItem(rule.text)
            text.setToolTip(rule.text)
            self.table.setItem(row, 0, number)
            self.table.setItem(row, 1, text)
            combo = QComboBox(self.table)
            for option in _RULES:
                label = i18n._(RULE_LABELS[option])
                if option is rule.inferred:
                    label = self.tr("{label} (implicit)").format(label=label)
                combo.addItem(label)
            combo.setCurrentIndex(_RULES.index(rule.rule))
            self.table.setCellWidget(row, 2, combo)
            self.combos.append(combo)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def changes(self) -> list[tuple[int, AnnualRule | None]]:
        """(indicator id, new choice) for every row the user changed; None = back to the inferred rule."""
        found: list[tuple[int, AnnualRule | None]] = []
        for rule, combo in zip(self.rules, self.combos, strict=True):
            picked = _RULES[combo.currentIndex()]
            if picked is rule.rule:
                continue
            found.append((rule.indicator_id, None if picked is rule.inferred else picked))
        return found
