"""Running the slow part of a forms operation in a worker thread, with a progress dialog and a clean cancel.

Generating the forms and reading filled ones spend their time in openpyxl, not in the database: the core
splits each operation so that the middle step touches no database (``forms_out.write_form_files``,
``forms_in.read_forms``) and reports progress through a plain callback ``(done, total, what)``. Here that
step runs on :class:`~PySide6.QtCore.QThreadPool` (a :class:`~PySide6.QtCore.QRunnable`, as Picard does)
while a :class:`~PySide6.QtWidgets.QProgressDialog` shows how far it is; *Anulează* asks the core to stop
between two files, and the core then leaves nothing behind. The steps before and after, which read and
write the database, stay on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

translate = QCoreApplication.translate

T = TypeVar("T")

#: The worker's step: gets the progress callback and the "was cancel asked?" predicate.
Work = Callable[[Callable[[int, int, str], None], Callable[[], bool]], T]


class _Signals(QObject):
    """Signals a worker emits; they are delivered on the GUI thread (queued)."""

    progressed = Signal(int, int, str)
    finished = Signal()


@dataclass
class Outcome(Generic[T]):
    """What the worker's step gave: its result, or that the user cancelled it."""

    result: T | None
    cancelled: bool
    worker_thread: int  # the thread the step ran on (tests check it is not the GUI thread)


class _Job(QRunnable, Generic[T]):
    def __init__(self, work: Work[T], signals: _Signals, stop: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.work = work
        self.signals = signals
        self.stop = stop
        self.result: T | None = None
        self.error: BaseException | None = None
        self.thread_id = 0

    def run(self) -> None:
        self.thread_id = threading.get_ident()
        try:
            self.result = self.work(self.signals.progressed.emit, self.stop.is_set)
        except BaseException as exc:  # handed to the GUI thread, which raises it there
            self.error = exc
        finally:
            self.signals.finished.emit()


def run_with_progress(parent: QWidget | None, title: str, label: str, work: Work[T]) -> Outcome[T]:
    """Run ``work`` in a worker thread behind a window-modal progress dialog; returns when it has ended.

    An exception of ``work`` is raised again here, on the GUI thread. The dialog appears only when the
    step takes longer than a moment.
    """
    stop = threading.Event()
    signals = _Signals()
    dialog = QProgressDialog(label, translate("FormsWorker", "Anulează"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(stop.set)

    def show(done: int, total: int, what: str) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))
        if what:
            dialog.setLabelText(f"{label}\n{what}")

    signals.progressed.connect(show)
    loop = QEventLoop()
    signals.finished.connect(loop.quit)
    job: _Job[T] = _Job(work, signals, stop)
    QThreadPool.globalInstance().start(job)
    loop.exec()
    asked = stop.is_set()
    dialog.canceled.disconnect(stop.set)  # closing the dialog emits "canceled" too
    dialog.close()
    dialog.deleteLater()
    if job.error is not None:
        raise job.error
    # A cancel that came after the last file changes nothing: the step has finished and its result stands.
    return Outcome(job.result, asked and job.result is None, job.thread_id)
