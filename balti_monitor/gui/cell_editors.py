"""The cell editors of the grid (used by :class:`~.grid_delegate.GridDelegate`).

* Values: a frameless line editor; Enter commits and moves down, Tab/Shift+Tab commit and move sideways,
  Esc cancels.
* Indicators reported by sex (F/B): the value plus two number boxes, "F" and "B"; Tab walks value → F → B
  → next cell. The boxes show the split written in the value (never one derived from the total); when the
  boxes are changed the split is written into the value as "(xF/yB)" at once, so the value shows exactly
  what will be stored. F + B different from the total is shown in the editor and becomes a finding on the
  cell; it is never "fixed".
* Descriptions: a multi-line editor larger than the cell; Enter starts a new line, Ctrl+Enter commits.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QTextOption
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from balti_monitor.domain.values import format_quantity, parse_value
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.values import with_gender_split

RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ValueEditor(QLineEdit):
    """The editor of an indicator value."""

    def value(self) -> str:
        """The text to store."""
        return self.text()

    def set_value(self, text: str, replace: bool) -> None:
        """Show a cell's text: selected (typing replaces it) or with the cursor at the end."""
        self.setText(text)
        if replace:
            self.selectAll()
        else:
            self.deselect()
            self.end(False)

    def cursor_to_end(self) -> None:
        """No selection, cursor after the text (F2, double click)."""
        self.deselect()
        self.end(False)


class DescriptionEditor(QPlainTextEdit):
    """The multi-line editor of a description (Ctrl+Enter commits)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setPlaceholderText(self.tr("Descrierea măsurilor întreprinse… (Ctrl+Enter pentru a salva)"))
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)

    def value(self) -> str:
        """The text to store."""
        return self.toPlainText()

    def set_value(self, text: str, replace: bool) -> None:
        """Show the description: all selected (typing replaces it) or with the cursor at the end."""
        self.setPlainText(text)
        cursor = self.textCursor()
        if replace:
            cursor.select(cursor.SelectionType.Document)
        else:
            cursor.movePosition(cursor.MoveOperation.End)
        self.setTextCursor(cursor)

    def cursor_to_end(self) -> None:
        """No selection, cursor after the text."""
        cursor = self.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.setTextCursor(cursor)


class GenderSplitEditor(QFrame):
    """The value of an indicator reported by sex, with women (F) and men (B) boxes.

    Signals:
        finished(str): "next", "previous", "down", "up" or "cancel": how the user left the editor.
    """

    finished = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.Box)
        self.setStyleSheet("GenderSplitEditor { border: 1px solid #3d6fb4; background: palette(base); }")
        self.value_edit = QLineEdit(self)
        self.value_edit.setFrame(False)
        self.women = QSpinBox(self)
        self.men = QSpinBox(self)
        self.sum_label = QLabel(self)
        for box in (self.women, self.men):
            box.setRange(-1, 9_999_999)
            box.setSpecialValueText("–")
            box.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
            box.setMinimumWidth(46)
            box.valueChanged.connect(self._boxes_changed)
        self.women.setToolTip(self.tr("Femei"))
        self.men.setToolTip(self.tr("Bărbați"))
        self.value_edit.textEdited.connect(self._text_edited)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 1, 2, 1)
        layout.setSpacing(1)
        layout.addWidget(self.value_edit)
        split = QHBoxLayout()
        split.setSpacing(3)
        split.addWidget(QLabel(self.tr("F:"), self))
        split.addWidget(self.women)
        split.addWidget(QLabel(self.tr("B:"), self))
        split.addWidget(self.men)
        split.addWidget(self.sum_label, 1)
        layout.addLayout(split)
        self.setFocusProxy(self.value_edit)
        self._loading = False
        self._conflict: str | None = None  # why the split in the boxes cannot be written into the text
        for widget in (self.value_edit, self.women, self.men):
            widget.installEventFilter(self)

    def set_value(self, text: str, replace: bool) -> None:
        """Show a value and the split read from it."""
        self.value_edit.setText(text)
        if replace:
            self.value_edit.selectAll()
        self._show_split(text)

    def cursor_to_end(self) -> None:
        """No selection, cursor after the text."""
        self.value_edit.deselect()
        self.value_edit.end(False)

    def value(self) -> str:
        """The text to store, exactly as shown (a split set in the boxes is already written into it).

        Raises ServiceError when the boxes were changed but the text holds a split written another way.
        """
        if self._conflict is not None:
            raise ServiceError(self._conflict)
        return self.value_edit.text()

    def _show_split(self, text: str) -> None:
        """The boxes show the split written in ``text`` (never a split computed from the total)."""
        self._loading = True
        parsed = parse_value(text)
        self.women.setValue(parsed.women if parsed.women is not None else -1)
        self.men.setValue(parsed.men if parsed.men is not None else -1)
        self._conflict = None
        self._loading = False
        self._update_sum()

    def _text_edited(self, text: str) -> None:
        self._show_split(text)

    def _boxes_changed(self) -> None:
        if self._loading:
            return
        women, men = self.women.value(), self.men.value()
        self._conflict = None
        if women >= 0 and men >= 0:
            text = self.value_edit.text()
            parsed = parse_value(text)
            if (parsed.women, parsed.men) != (women, men):
                try:
                    written = with_gender_split(text, women, men)
                except ServiceError as exc:
                    self._conflict = str(exc)
                else:
                    self._loading = True
                    self.value_edit.setText(written)
                    self._loading = False
        self._update_sum()

    def _update_sum(self) -> None:
        women, men = self.women.value(), self.men.value()
        if women < 0 or men < 0:
            self.sum_label.setText("")
            self.sum_label.setToolTip("")
            return
        quantity = parse_value(self.value_edit.text()).quantity
        if quantity is not None and quantity != women + men:
            self.sum_label.setText(
                self.tr("= {n} ≠ {total}").format(n=women + men, total=format_quantity(quantity))
            )
            self.sum_label.setStyleSheet("color: #b00020;")
            self.sum_label.setToolTip(
                self.tr("F + B diferă de total; se salvează cum ați scris și apare ca o constatare.")
            )
        else:
            self.sum_label.setText(self.tr("= {n}").format(n=women + men))
            self.sum_label.setStyleSheet("")
            self.sum_label.setToolTip("")

    def _focus_left(self) -> None:
        """Focus went outside the editor (a click elsewhere): commit, as the other editors do."""
        focus = QApplication.focusWidget()
        while focus is not None:
            if focus is self:
                return
            focus = focus.parentWidget()
        if self.isVisible():
            self.finished.emit("leave")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tab walks value → F → B → next cell; Enter commits from anywhere; Esc cancels; leaving commits."""
        if event.type() == QEvent.Type.FocusOut:
            QTimer.singleShot(0, self, self._focus_left)
            return False
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        order: list[QWidget] = [self.value_edit, self.women, self.men]
        if watched not in order:
            return False
        position = order.index(watched)
        if key == Qt.Key.Key_Tab:
            if position < 2:
                order[position + 1].setFocus()
                if isinstance(order[position + 1], QSpinBox):
                    order[position + 1].selectAll()  # type: ignore[attr-defined]
            else:
                self.finished.emit("next")
            return True
        if key == Qt.Key.Key_Backtab:
            if position > 0:
                order[position - 1].setFocus()
            else:
                self.finished.emit("previous")
            return True
        if key in RETURN_KEYS:
            self.finished.emit("up" if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else "down")
            return True
        if key == Qt.Key.Key_Escape:
            self.finished.emit("cancel")
            return True
        return False
