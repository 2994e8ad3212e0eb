"""The header of the action shown: title, term, responsible subdivisions and the numbered indicators.

All text is shown in full (wrapped, never cut); the header scrolls when it is taller than its space
(the page gives it the height of its text, up to a share of the page). The indicators' texts can be
collapsed (they are also on the column headers' tooltips). Each action's laid-out document is cached, so
switching back to an action costs no HTML parsing.
"""

from __future__ import annotations

import contextlib
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette, QTextDocument
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from balti_monitor.domain.grid import Aggregation
from balti_monitor.services.outline import ActionInfo
from balti_monitor.services.results import ActionResult

from .grid_model import rule_short

translate = QCoreApplication.translate

PLACEHOLDER_STYLE = "color:#8a6d3b; font-style:italic"
DOCUMENT_CACHE = 64


class ActionHeader(QTextBrowser):
    """Rich-text header of an action (plan text, read-only, selectable).

    A text browser rather than a label in a scroll area: its document is laid out once per text and width,
    so the splitter giving the header another height at each action switch costs nothing.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionHeaderText")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setOpenLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.document().setDocumentMargin(8)
        # The window's colour behind the text, like a label (not the white of an editor).
        palette = self.viewport().palette()
        palette.setColor(QPalette.ColorRole.Base, self.palette().color(QPalette.ColorRole.Window))
        self.viewport().setPalette(palette)
        self._html = ""
        self.indicators_shown = True
        self._documents: dict[str, QTextDocument] = {}
        #: the plan's own columns' labels by key (set by the page when a plan is shown or edited)
        self.column_labels: dict[str, str] = {}

    def content_height(self) -> int:
        """The height the whole text needs at the current width (no scrolling)."""
        document = self.document()
        width = max(200, self.viewport().width())
        if document.textWidth() != width:
            document.setTextWidth(width)
        return int(document.size().height()) + 2 * self.frameWidth() + 2

    @property
    def text(self) -> str:
        """The text shown, as plain text (tests read it)."""
        return self.toPlainText()

    def clear(self) -> None:
        """Show nothing."""
        self._html = ""
        self._use(self._document(""))

    def set_indicators_shown(self, shown: bool) -> None:
        """Show or hide the list of indicators (the page shows it again with the header's button)."""
        self.indicators_shown = shown

    def show_action(self, info: ActionInfo, result: ActionResult | None) -> None:
        """Show the header of an action (a cached document when this exact text was shown before)."""
        html = self.html(info, result)
        if html != self._html:
            self._html = html
            self._use(self._document(html))

    def _document(self, html: str) -> QTextDocument:
        document = self._documents.pop(html, None)
        if document is None:
            document = QTextDocument(self)
            document.setDocumentMargin(8)
            document.setDefaultFont(self.font())
            document.setHtml(html)
            if len(self._documents) >= DOCUMENT_CACHE:
                oldest = next(iter(self._documents))
                old = self._documents.pop(oldest)
                if old is not self.document():
                    old.deleteLater()
        self._documents[html] = document  # most recently used last
        return document

    def _use(self, document: QTextDocument) -> None:
        if document is not self.document():
            width = max(200, self.viewport().width())
            if document.textWidth() != width:
                document.setTextWidth(width)
            self.setDocument(document)

    def html(self, info: ActionInfo, result: ActionResult | None) -> str:
        """The header as rich text."""
        title = escape(info.shown_title)
        if info.title_placeholder:
            title = f'<span style="{PLACEHOLDER_STYLE}">{title}</span>'
        # texts first: lupdate does not read calls inside f-strings
        action_word = (
            translate("ActionHeader", "Subacțiunea")
            if info.parent_id is not None
            else translate("ActionHeader", "Acțiunea")
        )
        unspecified = translate("ActionHeader", "nespecificat")
        term_label = translate("ActionHeader", "Termenul de realizare:")
        responsible_label = translate("ActionHeader", "Instituția responsabilă:")
        indicators_label = translate("ActionHeader", "Indicatori de progres:")
        where_texts = translate(
            "ActionHeader", "(textele lor: butonul „Indicatorii” sau capetele coloanelor)"
        )
        parts = [
            f'<p style="margin:0 0 6px 0; font-size:large"><b>{action_word} {escape(info.code.rstrip("."))}.</b> {title}</p>'
        ]
        per_item = result is None  # the status page: no grid, show only what the plan states
        term = (
            escape(info.deadline)
            if info.deadline
            else f'<span style="{PLACEHOLDER_STYLE}">{unspecified}</span>'
        )
        if info.deadline or not per_item:
            parts.append(f'<p style="margin:2px 0"><b>{term_label}</b> {term}</p>')
        responsible = escape(info.responsible_text) if info.responsible_text else ""
        others = "; ".join(escape(o) for o in info.other_responsible)
        if result is not None:
            names = [escape(r.subdivision_name) for r in result.grid.rows if r.responsible]
            grid_names = ", ".join(names) if names else translate("ActionHeader", "niciuna")
        else:
            grid_names = ""
        if responsible or grid_names or others:
            line = f'<p style="margin:2px 0"><b>{responsible_label}</b> {responsible or grid_names}'
            if others:
                line += f"; {others}"
            line += "</p>"
            parts.append(line)
        for key, value in info.columns:  # the plan's own columns (partners, cost, risks …)
            if value.strip():
                label = escape(self.column_labels.get(key, key))
                text = escape(value).replace("\n", "<br>")
                parts.append(f'<p style="margin:2px 0"><b>{label}:</b> {text}</p>')
        if per_item and not info.indicators:
            return "".join(parts)
        if not self.indicators_shown:
            count = len(info.indicators)
            parts.append(
                f'<p style="margin:2px 0; color:#5b6f8f">{indicators_label} {count} {where_texts}</p>'
            )
            return "".join(parts)
        parts.append(f'<p style="margin:6px 0 2px 0"><b>{indicators_label}</b></p>')
        items = []
        for ind in info.indicators:
            text = escape(ind.text)
            if ind.placeholder or text.startswith("["):
                text = f'<span style="{PLACEHOLDER_STYLE}">{text}</span>'
            badges = []
            if ind.gender_split:
                badges.append(translate("ActionHeader", "F/B"))
            if not per_item:  # no Total row where the progress is per item
                with contextlib.suppress(ValueError):
                    badges.append(rule_short(Aggregation(ind.aggregation)))
            badge = f' <span style="color:#5b6f8f">({"; ".join(badges)})</span>' if badges else ""
            # Paragraphs with a hanging indent, not a table: Qt lays tables out much more slowly.
            items.append(
                f'<p style="margin:1px 0 1px 22px; text-indent:-22px"><b>{ind.number}.</b>&nbsp;{text}{badge}</p>'
            )
        parts.extend(items)
        return "".join(parts)
