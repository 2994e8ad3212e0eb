"""Trends and charts: the action's Totals across the periods (table + chart, also per subdivision) and the
plan overview of the period shown (actions per priority; completeness over time).

The charts come from :mod:`balti_monitor.export.charts` (matplotlib, Agg), which this module imports only
when a dialog opens - never at start-up.
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from balti_monitor.domain.values import format_quantity
from balti_monitor.services.trends import ActionTrend, PeriodOverview, action_trend, plan_overview


def _figure(value: Decimal | None) -> str:
    return format_quantity(value) if value is not None else "—"


class TrendDialog(QDialog):
    """One action's trend: the table of Totals per period and the chart (all indicators or per subdivision)."""

    def __init__(self, plan_id: int, action_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendDialog")
        self.resize(1000, 640)
        self.plan_id, self.action_id = plan_id, action_id
        self._folder = tempfile.TemporaryDirectory(prefix="balti-grafice-")
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.scale = QComboBox(self)
        self.scale.addItems([self.tr("pe semestre"), self.tr("pe ani")])
        self.view = QComboBox(self)
        row.addWidget(QLabel(self.tr("Perioadele:"), self))
        row.addWidget(self.scale)
        row.addWidget(QLabel(self.tr("Graficul:"), self))
        row.addWidget(self.view, 1)
        layout.addLayout(row)
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        self.chart = QLabel(self)
        self.chart.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart.setMinimumHeight(300)
        layout.addWidget(self.chart, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.trend: ActionTrend | None = None
        self.chart_path: Path | None = None
        self.scale.currentIndexChanged.connect(self.reload)
        self.view.currentIndexChanged.connect(self.draw)
        self.reload()

    def reload(self) -> None:
        """Read the trend for the chosen scale and fill the table."""
        trend = self.trend = action_trend(self.plan_id, self.action_id, annual=self.scale.currentIndex() == 1)
        self.setWindowTitle(self.tr("Tendința acțiunii {code}").format(code=trend.code))
        self.table.setColumnCount(len(trend.periods))
        self.table.setHorizontalHeaderLabels(trend.periods)
        self.table.setRowCount(len(trend.indicators))
        self.table.setVerticalHeaderLabels(
            [self.tr("Indicator {n}").format(n=i.number) for i in trend.indicators]
        )
        for r, ind in enumerate(trend.indicators):
            for c, value in enumerate(ind.totals):
                item = QTableWidgetItem(_figure(value))
                item.setToolTip(ind.text)
                self.table.setItem(r, c, item)
        self.view.blockSignals(True)
        self.view.clear()
        self.view.addItem(self.tr("totalul fiecărui indicator"))
        for ind in trend.indicators:
            self.view.addItem(self.tr("indicatorul {n} pe subdiviziuni").format(n=ind.number))
        self.view.blockSignals(False)
        self.draw()

    def draw(self) -> None:
        """Draw the chosen chart as PNG and show it."""
        from balti_monitor.export.charts import trend_png

        trend = self.trend
        if trend is None:
            return
        choice = self.view.currentIndex()
        number = trend.indicators[choice - 1].number if choice > 0 and trend.indicators else None
        path = Path(self._folder.name) / f"tendinta_{choice}_{self.scale.currentIndex()}.png"
        self.chart_path = trend_png(trend, path, subdivisions=number is not None, indicator=number)
        self.chart.setPixmap(QPixmap(str(path)))

    def done(self, result: int) -> None:
        """Remove the drawn charts with the dialog."""
        super().done(result)
        self._folder.cleanup()


class OverviewDialog(QDialog):
    """The plan in the period shown (stacked bars per priority) and the completeness over time."""

    def __init__(self, plan_id: int, period_code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from balti_monitor.export.charts import completeness_png, overview_png

        self.setObjectName("overviewDialog")
        self.setWindowTitle(self.tr("Planul pe perioade"))
        self.resize(1000, 720)
        self._folder = tempfile.TemporaryDirectory(prefix="balti-grafice-")
        annual = period_code.endswith("-A")
        self.overviews: list[PeriodOverview] = plan_overview(plan_id, annual=annual)
        layout = QVBoxLayout(self)
        current = next((o for o in self.overviews if o.code == period_code), None)
        self.paths: list[Path] = []
        if current is not None:
            self.paths.append(overview_png(current, Path(self._folder.name) / "ansamblu.png"))
        self.paths.append(completeness_png(self.overviews, Path(self._folder.name) / "completitudine.png"))
        for path in self.paths:
            label = QLabel(self)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setPixmap(QPixmap(str(path)))
            layout.addWidget(label, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def done(self, result: int) -> None:
        """Remove the drawn charts with the dialog."""
        super().done(result)
        self._folder.cleanup()
