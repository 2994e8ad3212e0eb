"""The report export off the GUI thread: a QRunnable that fills the template and, when asked, makes the PDF.

The context (everything read from the database) is built on the GUI thread before the job starts; the job
only reads the template and writes files, so it never touches the database connection. The core reports
progress through a plain callback; cancelling sets an event the callback (and the PDF converter) checks, so
the core stops at the next step and writes nothing (the .docx is renamed into place only when complete, the
PDF likewise).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Signal

from balti_monitor.export.options import ExportCancelled, ExportError, ExportOptions
from balti_monitor.export.pdf import PdfUnavailable, convert_to_pdf
from balti_monitor.export.render import render_context

translate = QCoreApplication.translate


class ExportSignals(QObject):
    """Signals of one job (created on the GUI thread; emitted from the worker, delivered queued).

    progress(done, total, message); finished(docx, pdf or None, note); failed(message); cancelled().
    """

    progress = Signal(int, int, str)
    finished = Signal(object, object, str)
    failed = Signal(str)
    cancelled = Signal()


class ExportJob(QRunnable):
    """Write ``path`` from ``context`` (and its PDF when ``want_pdf``)."""

    def __init__(
        self,
        context: dict[str, Any],
        path: Path,
        options: ExportOptions,
        template_path: Path | None,
        want_pdf: bool,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = ExportSignals()
        self.context = context
        self.path = path
        self.options = options
        self.template_path = template_path
        self.want_pdf = want_pdf
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop at the next step (thread-safe)."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        """Whether :meth:`cancel` was called."""
        return self._cancel.is_set()

    def _progress(self, done: int, total: int, message: str) -> None:
        if self._cancel.is_set():
            raise ExportCancelled()
        # the PDF is one more step after the document
        self.signals.progress.emit(done, total + (1 if self.want_pdf else 0), message)

    def run(self) -> None:
        """Override QRunnable::run (worker thread)."""
        try:
            written = render_context(
                self.context, self.path, self.options, self._progress, template_path=self.template_path
            )
        except ExportCancelled:
            self.signals.cancelled.emit()
            return
        except ExportError as exc:
            self.signals.failed.emit(str(exc))
            return
        except Exception as exc:
            self.signals.failed.emit(
                translate("ExportJob", "Raportul nu a putut fi creat: {error}").format(error=exc)
            )
            return
        pdf: Path | None = None
        note = ""
        if self.want_pdf:
            self.signals.progress.emit(0, 0, translate("ExportJob", "Se creează PDF-ul…"))
            try:
                pdf = convert_to_pdf(written, cancelled=self._cancel.is_set)
            except ExportCancelled:
                note = translate(
                    "ExportJob", "Crearea PDF-ului a fost anulată; documentul Word a fost salvat."
                )
            except PdfUnavailable as exc:
                note = str(exc)
            except ExportError as exc:
                note = str(exc)
            except Exception as exc:
                note = translate("ExportJob", "PDF-ul nu a fost creat: {error}").format(error=exc)
        self.signals.finished.emit(written, pdf, note)
