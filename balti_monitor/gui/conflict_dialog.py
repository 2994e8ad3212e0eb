"""Someone else saved the same cell first (several people on one server): both values are shown and the
user chooses; a cell is never overwritten without being seen.

* **Păstrez valoarea mea** (keep mine): the same edit is saved again over what the cell holds now (a new
  undoable step; it is refused again only if the cell changed once more meanwhile).
* **Iau valoarea salvată** (take theirs): the grid is read again and shows the other person's value; the
  other cells of a paste, which nobody else had changed, are still saved.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.editing import DESCRIPTION_COLUMN, CellClash, CellConflict, SetCells

from .undo import CellEditsCommand

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
