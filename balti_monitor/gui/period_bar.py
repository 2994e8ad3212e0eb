"""The toolbar's plan and period selector (year + semester) and "create the next period"."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.periods import PeriodInfo, PeriodKey
from balti_monitor.services.plans import next_period_of

from . import dialogs
from .session import Session
from .undo import CreatePeriodCommand


class PeriodBar(QWidget):
    """Plan, year and semester combo boxes; :attr:`new_period_action` creates the next semester."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.plan_combo = QComboBox(self)
        self.plan_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.plan_combo.setMinimumContentsLength(36)
        self.plan_combo.setToolTip(self.tr("Planul de acțiuni"))
        self.year_combo = QComboBox(self)
        self.year_combo.setToolTip(self.tr("Anul perioadei de raportare"))
        self.year_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.year_combo.setMinimumContentsLength(9)  # "2020" or a span "2017-2019" whole
        self.semester_combo = QComboBox(self)
        self.semester_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.semester_combo.setMinimumContentsLength(13)
        self.semester_combo.setToolTip(self.tr("Semestrul perioadei de raportare"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(6)
        self.plan_label = QLabel(self.tr("P&lanul:"), self)
        self.plan_label.setBuddy(self.plan_combo)
        year_label = QLabel(self.tr("An&ul:"), self)
        year_label.setBuddy(self.year_combo)
        semester_label = QLabel(self.tr("Pe&rioada:"), self)
        semester_label.setBuddy(self.semester_combo)
        for widget in (self.plan_label, self.plan_combo, year_label, self.year_combo, semester_label):
            layout.addWidget(widget)
        layout.addWidget(self.semester_combo)
        self.new_period_action = QAction(self.tr("Perioadă &nouă…"), self)
        self.new_period_action.setToolTip(self.tr("Creează perioada de raportare următoare"))
        self.new_period_action.triggered.connect(self.create_next_period)
        self._syncing = False
        # Ids live in Python lists beside the combo boxes (never itemData(): see qt_compat).
        self._plan_ids: list[int] = []
        self._years: list[tuple[int, int]] = []  # (year, last year of a span or 0)
        self._period_ids: list[int] = []
        self.plan_combo.currentIndexChanged.connect(self._plan_chosen)
        self.year_combo.currentIndexChanged.connect(self._year_chosen)
        self.semester_combo.currentIndexChanged.connect(self._semester_chosen)
        session.opened.connect(self.rebuild)
        session.periodChanged.connect(self.sync)
        session.changed.connect(self._on_changed)
        self.rebuild()

    # -- filling ------------------------------------------------------------------------------------------
    def rebuild(self) -> None:
        """Fill the plan combo and the periods of the plan shown."""
        self._syncing = True
        try:
            self.plan_combo.clear()
            plans = self.session.plans()
            self._plan_ids = [plan.id for plan in plans]
            for plan in plans:
                self.plan_combo.addItem(plan.short_title or plan.title)
            if self.session.plan is not None and self.session.plan.id in self._plan_ids:
                self.plan_combo.setCurrentIndex(self._plan_ids.index(self.session.plan.id))
            self.plan_combo.setEnabled(self.plan_combo.count() > 1)  # shown even alone: it names the plan
        finally:
            self._syncing = False
        self.sync()

    def _periods(self) -> list[PeriodInfo]:
        return self.session.periods()

    def sync(self) -> None:
        """Show the session's period in the combo boxes."""
        self._syncing = True
        try:
            periods = self._periods()
            years = sorted({(p.year, p.span_end) for p in periods})
            self.year_combo.clear()
            self._years = years
            for year, span_end in years:
                self.year_combo.addItem(f"{year}-{span_end}" if span_end else str(year))
            current = self.session.period
            key = (current.year, current.span_end) if current is not None else None
            if key is not None and key in years:
                self.year_combo.setCurrentIndex(years.index(key))
            self._fill_semesters(key, current)
            self.year_combo.setEnabled(bool(years))
            self.semester_combo.setEnabled(bool(years))
            if not years:
                self.year_combo.addItem(self.tr("—"))
                self.semester_combo.addItem(self.tr("nicio perioadă"))
        finally:
            self._syncing = False

    def _fill_semesters(self, year: tuple[int, int] | None, current: PeriodInfo | None) -> None:
        self.semester_combo.clear()
        self._period_ids = []
        if year is None:
            return
        for period in self._periods():
            if (period.year, period.span_end) == year:
                name = self.tr("toată perioada") if period.span_end else self.semester_name(period.semester)
                self.semester_combo.addItem(name)
                self._period_ids.append(period.id)
        if current is not None and current.id in self._period_ids:
            self.semester_combo.setCurrentIndex(self._period_ids.index(current.id))

    def semester_name(self, semester: int) -> str:
        """ "semestrul I", "semestrul II" or "anual"."""
        if semester == 1:
            return self.tr("semestrul I")
        if semester == 2:
            return self.tr("semestrul II")
        return self.tr("anual")

    # -- choosing -----------------------------------------------------------------------------------------
    def _plan_chosen(self, position: int) -> None:
        if self._syncing or position < 0:
            return
        if position < len(self._plan_ids):
            self.session.set_plan(self._plan_ids[position])

    def _year_chosen(self, position: int) -> None:
        if self._syncing or position < 0:
            return
        if position >= len(self._years):
            return
        year = self._years[position]
        semester = self.session.period.semester if self.session.period is not None else 1
        candidates = [p for p in self._periods() if (p.year, p.span_end) == year]
        if not candidates:
            return
        chosen = next((p for p in candidates if p.semester == semester), candidates[-1])
        self.session.set_period(chosen.id)

    def _semester_chosen(self, position: int) -> None:
        if self._syncing or position < 0:
            return
        if position < len(self._period_ids):
            self.session.set_period(self._period_ids[position])

    def _on_changed(self, changes: ChangeSet) -> None:
        if changes.periods:
            self.sync()

    # -- creating -----------------------------------------------------------------------------------------
    def next_key(self) -> PeriodKey | None:
        """The period after the latest one, as the plan's kind counts them (a semester for the Bălți plan,
        a year, or a span of years), or the plan's first."""
        plan = self.session.plan
        if plan is None:
            return None
        return next_period_of(plan.id)

    def create_next_period(self) -> bool:
        """Ask, then create the next period as one undo step and show it."""
        key = self.next_key()
        plan = self.session.plan
        if key is None or plan is None:
            return False
        if not dialogs.ask_yes(
            self.window(),
            self.tr("Perioadă nouă"),
            self.tr("Creați perioada de raportare {label}?").format(label=key.shown),
        ):
            return False
        command = CreatePeriodCommand(
            self.session, plan.id, key, self.tr("Perioada {code}").format(code=key.code)
        )
        self.session.undo_stack.push(command)
        if command.error or command.period_id is None:
            dialogs.show_error(self.window(), self.tr("Perioadă nouă"), command.error or self.tr("Eroare."))
            return False
        self.session.set_period(command.period_id)
        return True
