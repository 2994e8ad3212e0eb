"""Someone else saved the same cell first (several people on one server): both values are shown and the
user chooses; a cell is never overwritten without being seen.

* **Păstrez valoarea mea** (keep mine): the same edit is saved again over what the cell holds now (a new
  undoable step; it is refused again only if the cell changed once more meanwhile).
* **Iau valoarea salvată** (take theirs): the grid is read again and shows the other person's value; the
  other cells of a paste, which nobody else had changed, are still saved.

Longer texts (the progress of an action as a whole, the report's texts) clash the same way
(:class:`~balti_monitor.services.conflicts.EditConflict`); :func:`resolve_text_conflict` shows both texts
side by side, each scrollable, with the same two choices.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from balti_monitor.domain.grid import OverrideDef
from balti_monitor.services.changes import ChangeSet, Write
from balti_monitor.services.conflicts import EditConflict
from balti_monitor.services.editing import (
    DESCRIPTION_COLUMN,
    CellClash,
    CellConflict,
    OverrideConflict,
    SetCells,
    SetOverride,
)
from balti_monitor.services.narrative import NarrativeConflict, SaveNarrative
from balti_monitor.services.progress import Link, ProgressConflict, SaveProgress

from .session import Session
from .undo import CellEditsCommand, WriteCommand

if TYPE_CHECKING:
    from .grid_model import GridModel

translate = QCoreApplication.translate

KEEP_MINE = "mine"
TAKE_THEIRS = "theirs"


def describe_clash(model: GridModel, clash: CellClash) -> str:
    """One clash as rich text: the cell, the value saved by the other person, the user's own."""
    row = model.row_of_subdivision(clash.subdivision_id)
    name = model.row_head(row).name if row >= 0 else str(clash.subdivision_id)
    column = (
        translate("Conflict", "descrierea")
        if clash.column == DESCRIPTION_COLUMN
        else translate("Conflict", "indicatorul {n}").format(n=clash.column)
    )
    empty = translate("Conflict", "(gol)")
    return translate(
        "Conflict",
        "<p><b>{name}</b>, {column}:<br>salvat între timp de altcineva: <b>{theirs}</b><br>"
        "valoarea dumneavoastră: <b>{mine}</b></p>",
    ).format(
        name=escape(name),
        column=column,
        theirs=escape(clash.theirs or "") or empty,
        mine=escape(clash.mine or "") or empty,
    )


def ask(parent: QWidget | None, text: str) -> str:
    """Ask keep mine / take theirs (replaced in tests); Escape takes theirs (nothing is overwritten)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("Conflict", "Celulă modificată de altcineva"))
    box.setText(text)
    mine = box.addButton(translate("Conflict", "&Păstrez valoarea mea"), QMessageBox.ButtonRole.AcceptRole)
    theirs = box.addButton(translate("Conflict", "&Iau valoarea salvată"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(theirs)
    box.setEscapeButton(theirs)
    box.exec()
    return KEEP_MINE if box.clickedButton() is mine else TAKE_THEIRS


def resolve_conflict(model: GridModel, command: CellEditsCommand, label: str, source: str) -> bool:
    """After a save refused by a conflict: show both values, apply the user's choice; True when the user's
    values were saved (kept)."""
    conflict = command.failure
    assert isinstance(conflict, CellConflict)
    write = command.forward
    assert isinstance(write, SetCells)
    session = model.session
    intro = translate(
        "Conflict",
        "Altcineva a salvat aceste celule după ce le-ați deschis; nu s-a scris nimic peste valoarea lui.",
    )
    text = intro + "".join(describe_clash(model, clash) for clash in conflict.clashes[:8])
    more = len(conflict.clashes) - 8
    if more > 0:
        text += translate("Conflict", "<p>… și încă %n celule.</p>", "", more)
    parent = model.parent()
    choice = ask(parent if isinstance(parent, QWidget) else None, text)
    if choice == KEEP_MINE:
        again = write.over(conflict)
    else:
        session.refresh(conflict.period_id, frozenset({conflict.action_id}))  # show their values
        again_or_none = write.without(conflict)
        if again_or_none is None:
            return False
        again = again_or_none
    retry = CellEditsCommand(
        session, again.period_id, again.action_id, again.edits, label, source, again.expected
    )
    session.undo_stack.push(retry)
    if isinstance(retry.failure, CellConflict):  # changed once more meanwhile: ask again
        return resolve_conflict(model, retry, label, source)
    if retry.error:
        session.apply(ChangeSet(actions=frozenset({conflict.action_id})))
        session.message.emit(retry.error)
        return False
    return choice == KEEP_MINE


# -- longer texts ----------------------------------------------------------------------------------------------


def text_of(value: object) -> str:
    """A field's value as plain text for the dialog: links one per line, paragraphs apart, signatures one per
    line."""
    if isinstance(value, (tuple, list)):
        lines = []
        for part in value:
            if isinstance(part, Link):
                lines.append(part.url if part.text == part.url else f"{part.text} ({part.url})")
            elif isinstance(part, dict):
                lines.append(" | ".join(str(v) for v in part.values()))
            else:
                lines.append(str(part))
        separator = "\n\n" if value and all(isinstance(p, str) for p in value) else "\n"
        return separator.join(lines)
    return str(value)


class TextConflictDialog(QDialog):
    """Both versions of each clashing text side by side (read-only, scrollable): what another person saved
    meanwhile and the user's own; "keep mine" or "take theirs" (the default, also Escape)."""

    def __init__(
        self, title: str, intro: str, pairs: Sequence[tuple[str, str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("textConflictDialog")
        self.setWindowTitle(title)
        self.resize(860, 480)
        self.choice = TAKE_THEIRS
        note = QLabel(intro, self)
        note.setWordWrap(True)
        body = QWidget(self)
        grid = QGridLayout(body)
        grid.addWidget(QLabel(self.tr("<b>Salvat între timp de altcineva</b>"), body), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>Textul dumneavoastră</b>"), body), 0, 2)
        self.texts: list[tuple[QPlainTextEdit, QPlainTextEdit]] = []
        for row, (what, theirs, mine) in enumerate(pairs, start=1):
            label = QLabel(what, body)
            label.setWordWrap(True)
            grid.addWidget(label, row, 0)
            boxes = []
            for column, text in ((1, theirs), (2, mine)):
                box = QPlainTextEdit(body)
                box.setReadOnly(True)
                box.setPlainText(text or self.tr("(gol)"))
                box.setMinimumHeight(90)
                grid.addWidget(box, row, column)
                boxes.append(box)
            self.texts.append((boxes[0], boxes[1]))
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(self)
        self.mine_button = QPushButton(self.tr("&Păstrez textul meu"), self)
        self.theirs_button = QPushButton(self.tr("&Iau textul salvat"), self)
        buttons.addButton(self.mine_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.theirs_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.theirs_button.setDefault(True)
        self.mine_button.clicked.connect(self._keep_mine)
        self.theirs_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def _keep_mine(self) -> None:
        self.choice = KEEP_MINE
        self.accept()


def ask_texts(parent: QWidget | None, title: str, intro: str, pairs: Sequence[tuple[str, str, str]]) -> str:
    """Ask keep mine / take theirs about texts (replaced in tests); closing the dialog takes theirs."""
    dialog = TextConflictDialog(title, intro, pairs, parent)
    dialog.exec()
    return dialog.choice


def _again(write: Write, conflict: EditConflict) -> Write | None:
    """The write made over what is stored now ("keep mine"), None for a write that cannot."""
    if isinstance(write, SaveProgress) and isinstance(conflict, ProgressConflict):
        return write.over(conflict)
    if isinstance(write, SaveNarrative) and isinstance(conflict, NarrativeConflict):
        return write.over(conflict)
    if isinstance(write, SetOverride) and isinstance(conflict, OverrideConflict):
        return write.over(conflict)
    return None


def resolve_text_conflict(
    session: Session,
    command: WriteCommand,
    label: str,
    parent: QWidget | None,
    labels: Mapping[str, str],
    reread: ChangeSet,
) -> bool:
    """After a save refused because another person changed the same text: show both texts, apply the
    user's choice (``label``: the undo step's text; ``labels``: each field's name; ``reread`` makes the
    views read what is stored, for "take theirs"); True when the user's text was saved."""
    conflict = command.failure
    assert isinstance(conflict, EditConflict)
    pairs = [
        (labels.get(clash.field, clash.field), text_of(clash.theirs), text_of(clash.mine))
        for clash in conflict.clashes
    ]
    choice = ask_texts(
        parent,
        translate("Conflict", "Text modificat de altcineva"),
        translate(
            "Conflict",
            "Altcineva a salvat acest text după ce l-ați deschis; nu s-a scris nimic peste textul lui. "
            "Alegeți care text rămâne.",
        ),
        pairs,
    )
    retry = _apply_choice(session, command.forward, conflict, choice, label, reread)
    if retry is None:
        return False
    if isinstance(retry.failure, EditConflict):  # changed once more meanwhile: ask again
        return resolve_text_conflict(session, retry, label, parent, labels, reread)
    if retry.error:
        session.apply(reread)
        return False
    return True


def _apply_choice(
    session: Session, write: Write, conflict: EditConflict, choice: str, label: str, reread: ChangeSet
) -> WriteCommand | None:
    """Keep mine: the write again over what is stored now, as a new undo step (returned); take theirs: the
    views read what is stored (None)."""
    again = _again(write, conflict) if choice == KEEP_MINE else None
    if again is None:
        session.apply(reread)  # show theirs
        return None
    retry = WriteCommand(session, again, label)  # the refused command is gone (obsolete): a new step
    session.undo_stack.push(retry)
    return retry


def _total_text(value: OverrideDef | None) -> str:
    if value is None:
        return translate("Conflict", "totalul calculat")
    return translate("Conflict", "{value} (motivul: {reason})").format(
        value=value.raw_text, reason=value.reason
    )


def resolve_override_conflict(
    session: Session, command: WriteCommand, label: str, parent: QWidget | None, what: str
) -> bool:
    """After a manual Total refused because another person typed or cleared it meanwhile: show both, apply
    the user's choice (``what``: the cell, e.g. "Indicator 2"); True when the user's Total was saved."""
    conflict = command.failure
    assert isinstance(conflict, OverrideConflict)
    clash = conflict.clashes[0]
    intro = translate(
        "Conflict",
        "Altcineva a modificat acest total după ce l-ați deschis; nu s-a scris nimic peste valoarea lui.",
    )
    text = intro + translate(
        "Conflict",
        "<p><b>{name}</b>, {column}:<br>salvat între timp de altcineva: <b>{theirs}</b><br>"
        "valoarea dumneavoastră: <b>{mine}</b></p>",
    ).format(
        name=escape(translate("Conflict", "Totalul introdus manual")),
        column=escape(what),
        theirs=escape(_total_text(clash.theirs)),
        mine=escape(_total_text(clash.mine)),
    )
    choice = ask(parent, text)
    reread = ChangeSet(actions=frozenset({conflict.action_id}))
    retry = _apply_choice(session, command.forward, conflict, choice, label, reread)
    if retry is None:
        return False
    if isinstance(retry.failure, OverrideConflict):  # changed once more meanwhile: ask again
        return resolve_override_conflict(session, retry, label, parent, what)
    if retry.error:
        session.apply(reread)
        return False
    return True
