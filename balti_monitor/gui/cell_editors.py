"""The cell editors of the grid (used by :class:`~.grid_delegate.GridDelegate`).

* Values: a frameless line editor; Enter commits and moves down, Tab/Shift+Tab commit and move sideways,
  Esc cancels.
* Indicators reported by sex (F/B): the value plus two number boxes, "F" and "B"; Tab walks value → F → B
  → next cell. When the boxes are changed the split is written into the value as "(xF/yB)".
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

from balti_monitor.domain.values import parse_value
from balti_monitor.services.gui_support import with_gender_split

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
        self.value_edit.textEdited.connect(self._update_sum)
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
        self._touched = False
        self._loading = False
        for widget in (self.value_edit, self.women, self.men):
            widget.installEventFilter(self)

    def set_value(self, text: str, replace: bool) -> None:
        """Show a value and the split read from it."""
        self._loading = True
        self.value_edit.setText(text)
        if replace:
            self.value_edit.selectAll()
        parsed = parse_value(text)
        self.women.setValue(parsed.women if parsed.women is not None else -1)
        self.men.setValue(parsed.men if parsed.men is not None else -1)
        self._touched = False
        self._loading = False
        self._update_sum()

    def cursor_to_end(self) -> None:
        """No selection, cursor after the text."""
        self.value_edit.deselect()
        self.value_edit.end(False)

    def value(self) -> str:
        """The text to store: as typed, with the split written in when the boxes were changed.

        Raises ServiceError when the text already holds a split written another way.
        """
        text = self.value_edit.text()
        women, men = self.women.value(), self.men.value()
        if not self._touched or women < 0 or men < 0:
            return text
        parsed = parse_value(text)
        if (parsed.women, parsed.men) == (women, men):
            return text
        return with_gender_split(text, women, men)

    def _focus_left(self) -> None:
        """Focus went outside the editor (a click elsewhere): commit, as the other editors do."""
        focus = QApplication.focusWidget()
        while focus is not None:
            if focus is self:
                return
            focus = focus.parentWidget()
        if self.isVisible():
            self.finished.emit("leave")

    def _boxes_changed(self) -> None:
        if not self._loading:
            self._touched = True
        self._update_sum()

    def _update_sum(self) -> None:
        women, men = self.women.value(), self.men.value()
        if women >= 0 and men >= 0:
            self.sum_label.setText(self.tr("= {n}").format(n=women + men))
        else:
            self.sum_label.setText("")

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
