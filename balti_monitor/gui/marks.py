"""The status mark of an action, drawn as a small icon, and its Romanian explanation.

One icon combines the three facts the specialist scans the tree for: a coloured dot for the returns
(green: every responsible subdivision achieved all its indicators; orange: arrears; hollow grey: nothing
reported yet), a blue "M" when a Total was typed by hand, and a red "!" when the checks found something.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPen, QPixmap

from balti_monitor.domain.terms import DueState
from balti_monitor.services.item_progress import ItemProgress
from balti_monitor.services.results import ActionMark, ActionResult

translate = QCoreApplication.translate

ICON_SIZE = QSize(40, 16)

COLOURS = {
    ActionMark.COMPLETE: QColor("#2e7d32"),
    ActionMark.ARREARS: QColor("#e67e00"),
    ActionMark.EMPTY: QColor("#9e9e9e"),
}
OVERRIDE_COLOUR = QColor("#1f5fbf")
FINDING_COLOUR = QColor("#c62828")


@dataclass(frozen=True, slots=True)
class MarkKey:
    """What the icon shows."""

    mark: ActionMark
    overrides: bool
    findings: bool
    overdue: bool = False  # due at the end of the period and not achieved (the tree writes it in red)


def key_of(result: ActionResult) -> MarkKey:
    """The icon key of an action result."""
    return MarkKey(result.mark, result.has_overrides, bool(result.findings), result.due is DueState.OVERDUE)


@lru_cache(maxsize=32)
def icon(key: MarkKey, ratio: float = 2.0) -> QIcon:
    """The icon for a mark (drawn at twice the size so it stays crisp on high-DPI screens)."""
    pixmap = QPixmap(int(ICON_SIZE.width() * ratio), int(ICON_SIZE.height() * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = COLOURS[key.mark]
    dot = QRectF(2, 3, 10, 10)
    if key.mark == ActionMark.EMPTY:
        painter.setPen(QPen(colour, 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(dot.adjusted(0.5, 0.5, -0.5, -0.5))
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawEllipse(dot)
    font = QFont()
    font.setPixelSize(10)
    font.setBold(True)
    painter.setFont(font)
    if key.overrides:
        box = QRectF(15, 2, 11, 12)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(OVERRIDE_COLOUR))
        painter.drawRoundedRect(box, 2, 2)
        painter.setPen(QPen(QColor("white")))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "M")
    if key.findings:
        x = 28.0
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(FINDING_COLOUR))
        painter.drawPolygon([QPointF(x + 5.5, 2), QPointF(x + 11, 14), QPointF(x, 14)])
        painter.setPen(QPen(QColor("white")))
        painter.drawText(QRectF(x, 4, 11, 10), Qt.AlignmentFlag.AlignCenter, "!")
    painter.end()
    return QIcon(pixmap)


OVERDUE_COLOUR = QColor("#b71c1c")

#: The due states as the tree's tooltip writes them (translated when asked for).
DUE_TEXTS = {
    DueState.ACHIEVED: lambda: QCoreApplication.translate("Marks", "scadentă, realizată"),
    DueState.OVERDUE: lambda: QCoreApplication.translate("Marks", "nerealizat, termen depășit"),
    DueState.NOT_DUE: lambda: QCoreApplication.translate("Marks", "nescadent"),
    DueState.ONGOING: lambda: QCoreApplication.translate("Marks", "în desfășurare (nu este scadentă acum)"),
    DueState.UNKNOWN: lambda: QCoreApplication.translate(
        "Marks", "nestabilit (textul termenului nu a putut fi citit; stabiliți-l în Ani și termene)"
    ),
}


def describe(result: ActionResult) -> str:
    """A Romanian explanation of the mark (the tree's tooltip)."""
    texts = {
        ActionMark.COMPLETE: translate(
            "Marks", "Toate subdiviziunile responsabile au realizat toți indicatorii."
        ),
        ActionMark.ARREARS: translate(
            "Marks", "Există restanțe: informații lipsă sau indicatori nerealizați."
        ),
        ActionMark.EMPTY: translate(
            "Marks", "Nu s-a introdus încă nicio informație pentru această perioadă."
        ),
    }
    lines = [texts[result.mark]]
    counts = result.totals.counts
    lines.append(
        translate(
            "Marks", "Subdiviziuni: {all} cu toți indicatorii, {arrears} cu restanțe, {none} fără niciunul."
        ).format(all=counts.n_all, arrears=counts.n_arrears, none=counts.n_none)
    )
    lines.append(translate("Marks", "Termen: {state}.").format(state=DUE_TEXTS[result.due]()))
    if result.has_overrides:
        lines.append(translate("Marks", "M: totaluri introduse manual."))
    if result.findings:
        count = len(result.findings)
        lines.append(translate("Marks", "!: %n constatări ale verificărilor.", "", count))
    return "\n".join(lines)


def legend() -> list[tuple[QIcon, str]]:
    """Icons and labels of the legend under the tree."""
    return [
        (dot_icon(ActionMark.COMPLETE), translate("Marks", "complet")),
        (dot_icon(ActionMark.ARREARS), translate("Marks", "restanțe")),
        (dot_icon(ActionMark.EMPTY), translate("Marks", "nimic încă")),
        (override_icon(), translate("Marks", "total manual")),
        (finding_icon(), translate("Marks", "constatări")),
    ]


@lru_cache(maxsize=3)
def dot_icon(mark: ActionMark, ratio: float = 2.0) -> QIcon:
    """Just the coloured dot of a mark (legend)."""
    pixmap = QPixmap(int(14 * ratio), int(16 * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = COLOURS[mark]
    dot = QRectF(2, 3, 10, 10)
    if mark == ActionMark.EMPTY:
        painter.setPen(QPen(colour, 1.6))
        painter.drawEllipse(dot.adjusted(0.5, 0.5, -0.5, -0.5))
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawEllipse(dot)
    painter.end()
    return QIcon(pixmap)


@lru_cache(maxsize=1)
def override_icon() -> QIcon:
    """Just the "M" badge (legend)."""
    return _badge(True)


@lru_cache(maxsize=1)
def finding_icon() -> QIcon:
    """Just the "!" badge (legend)."""
    return _badge(False)


def _badge(override: bool, ratio: float = 2.0) -> QIcon:
    pixmap = QPixmap(int(14 * ratio), int(16 * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setPixelSize(10)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(Qt.PenStyle.NoPen)
    if override:
        box = QRectF(1, 2, 11, 12)
        painter.setBrush(QBrush(OVERRIDE_COLOUR))
        painter.drawRoundedRect(box, 2, 2)
        painter.setPen(QPen(QColor("white")))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "M")
    else:
        painter.setBrush(QBrush(FINDING_COLOUR))
        painter.drawPolygon([QPointF(6.5, 2), QPointF(12, 14), QPointF(1, 14)])
        painter.setPen(QPen(QColor("white")))
        painter.drawText(QRectF(1, 4, 11, 10), Qt.AlignmentFlag.AlignCenter, "!")
    painter.end()
    return QIcon(pixmap)


def item_key(item: ItemProgress, statuses: bool = True) -> MarkKey:
    """The icon key of an item of a plan whose progress is per item (seed 004): green when done, orange
    when under way or not done, hollow without status; "!" when a leaf has no status or a status outside
    the plan's vocabulary. A kind without statuses (seed 002): green once something is written."""
    written = bool(item.description.strip() or item.links or item.status.strip())
    if not statuses:
        return MarkKey(ActionMark.COMPLETE if written else ActionMark.EMPTY, False, False)
    if item.meaning == "done":
        mark = ActionMark.COMPLETE
    elif item.status.strip():
        mark = ActionMark.ARREARS
    else:
        mark = ActionMark.EMPTY
    unknown = bool(item.status.strip()) and not item.meaning
    missing = not item.status.strip() and not item.has_children
    return MarkKey(mark, False, unknown or missing)


def describe_item(item: ItemProgress, statuses: bool = True) -> str:
    """The tree's tooltip for an item of a plan whose progress is per item."""
    if not statuses:
        if item.description.strip() or item.links:
            return QCoreApplication.translate("Marks", "Rezultatele perioadei sunt scrise.")
        return QCoreApplication.translate("Marks", "Nu s-a scris încă nimic pentru această perioadă.")
    if not item.status.strip():
        if item.has_children:
            return QCoreApplication.translate("Marks", "Statusul se raportează pe subacțiuni.")
        return QCoreApplication.translate("Marks", "!: statusul lipsește pentru această perioadă.")
    text = QCoreApplication.translate("Marks", "Status: {status}").format(status=item.status.splitlines()[0])
    if not item.meaning:
        text += "\n" + QCoreApplication.translate(
            "Marks", "!: statusul nu este unul al planului (se păstrează cum a fost scris)."
        )
    return text
