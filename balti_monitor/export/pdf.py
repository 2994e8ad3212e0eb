"""A PDF beside the Word report: LibreOffice headless where installed, Word itself on Windows.

Both converters sit behind one interface (:class:`PdfConverter`); :func:`find_converter` picks Word on
Windows when it is present (best fidelity on the city hall's computers), else LibreOffice, else none — then
:func:`convert_to_pdf` says so plainly and the .docx stays as written.

The PDF is written into a hidden temporary folder next to the target and renamed over it only when complete:
a cancelled, failed or interrupted conversion never leaves a half-written PDF (and an older PDF of the same
name stays as it was).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from balti_monitor.export.options import ExportCancelled, ExportError
from balti_monitor.i18n import N_, _, ngettext

#: How long a conversion may take before it is abandoned, in seconds.
TIMEOUT = 300.0

Cancelled = Callable[[], bool]


class PdfUnavailable(ExportError):
    """Neither LibreOffice nor Word is available on this computer (the message says what to do)."""


class PdfConverter(Protocol):
    """Something that turns a .docx into a .pdf."""

    name: str

    def convert(self, docx: Path, pdf: Path, cancelled: Cancelled) -> None:
        """Write ``pdf`` (a path in a temporary folder) from ``docx``; raise ExportError / ExportCancelled."""


def _soffice_candidates() -> list[Path]:
    found = [shutil.which(name) for name in ("soffice", "libreoffice")]
    paths = [Path(p) for p in found if p]
    if sys.platform == "win32":
        for base in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)")):
            if base:
                paths.append(Path(base) / "LibreOffice" / "program" / "soffice.exe")
    elif sys.platform == "darwin":
        paths.append(Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"))
    return paths


def find_soffice() -> Path | None:
    """The LibreOffice program, if installed."""
    return next((p for p in _soffice_candidates() if p.is_file()), None)


class LibreOfficeConverter:
    """``soffice --headless --convert-to pdf`` with a private profile (a running LibreOffice is not disturbed)."""

    name = "LibreOffice"

    def __init__(self, soffice: Path) -> None:
        self.soffice = soffice

    def convert(self, docx: Path, pdf: Path, cancelled: Cancelled) -> None:
        """Convert; the output lands in ``pdf.parent`` under the .docx's stem, then is renamed to ``pdf``."""
        with tempfile.TemporaryDirectory(prefix="balti-monitor-lo-") as profile:
            command = [
                str(self.soffice),
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf:writer_pdf_Export",
                "--outdir",
                str(pdf.parent),
                str(docx),
            ]
            _reset_dll_search_path()
            process = subprocess.Popen(
                command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL
            )
            started = time.monotonic()
            try:
                while process.poll() is None:
                    if cancelled():
                        raise ExportCancelled()
                    if time.monotonic() - started > TIMEOUT:
                        raise ExportError(
                            ngettext(
                                "LibreOffice nu a terminat conversia în PDF într-o secundă; documentul Word a fost păstrat.",
                                "LibreOffice nu a terminat conversia în PDF în {TIMEOUT} secunde; documentul Word a fost păstrat.",
                                int(TIMEOUT),
                            ).format(TIMEOUT=int(TIMEOUT))
                        )
                    time.sleep(0.1)
            finally:
                if process.poll() is None:
                    process.kill()
                    process.wait()
            errors = process.stderr.read().decode("utf-8", "replace").strip() if process.stderr else ""
            if process.stderr:
                process.stderr.close()
            produced = pdf.parent / (docx.stem + ".pdf")
            if process.returncode != 0 or not produced.is_file():
                detail = f" ({errors.splitlines()[-1]})" if errors else ""
                raise ExportError(
                    _("LibreOffice nu a putut converti documentul în PDF{detail}.").format(detail=detail)
                )
            if produced != pdf:
                os.replace(produced, pdf)


class WordConverter:
    """Microsoft Word through COM automation (Windows, Word installed; docx2pdf-style)."""

    name = "Microsoft Word"

    def convert(self, docx: Path, pdf: Path, cancelled: Cancelled) -> None:  # pragma: no cover - Windows only
        """Open the document read-only in an invisible Word, export it as PDF, quit Word."""
        import pythoncom  # type: ignore[import-not-found,unused-ignore]
        import win32com.client  # type: ignore[import-not-found,unused-ignore]

        if cancelled():
            raise ExportCancelled()
        pythoncom.CoInitialize()
        word = None
        try:
            word = win32com.client.DispatchEx("Word.Application")
            word.Visible = False
            word.DisplayAlerts = 0
            document = word.Documents.Open(str(docx), ReadOnly=True, AddToRecentFiles=False, Visible=False)
            try:
                document.ExportAsFixedFormat(str(pdf), 17)  # wdExportFormatPDF
            finally:
                document.Close(False)
        except Exception as exc:
            raise ExportError(
                _("Word nu a putut converti documentul în PDF ({exc}).").format(exc=exc)
            ) from exc
        finally:
            if word is not None:
                with contextlib.suppress(Exception):
                    word.Quit()
            pythoncom.CoUninitialize()


def word_available() -> bool:
    """Whether Word can be automated here (Windows, pywin32 installed, Word registered)."""
    if sys.platform != "win32":
        return False
    import importlib.util

    if importlib.util.find_spec("win32com") is None:
        return False
    try:
        import winreg

        with winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, r"Word.Application\CLSID"):  # type: ignore[attr-defined,unused-ignore]
            return True
    except OSError:
        return False


def find_converter() -> PdfConverter | None:
    """Word on Windows when present, else LibreOffice when installed, else None."""
    if word_available():
        return WordConverter()
    soffice = find_soffice()
    return LibreOfficeConverter(soffice) if soffice is not None else None


def _reset_dll_search_path() -> None:
    """A frozen (PyInstaller) app changes the DLL search path; LibreOffice must not inherit it (tech.md §4.5)."""
    if sys.platform == "win32" and getattr(sys, "frozen", False):  # pragma: no cover - Windows only
        import ctypes

        ctypes.windll.kernel32.SetDllDirectoryW(None)  # type: ignore[attr-defined,unused-ignore]


NO_CONVERTER = N_(
    "PDF-ul nu a fost creat: pe acest calculator nu s-a găsit nici LibreOffice, nici Microsoft Word. Documentul Word a fost salvat; deschideți-l și salvați-l ca PDF (Fișier → Salvare ca → PDF), sau instalați LibreOffice."
)


def pdf_path_for(docx: Path) -> Path:
    """The PDF written beside a report: same name, ``.pdf``."""
    return docx.with_suffix(".pdf")


def convert_to_pdf(
    docx: Path,
    pdf: Path | None = None,
    cancelled: Cancelled | None = None,
    converter: PdfConverter | None = None,
) -> Path:
    """Convert the finished ``docx`` to ``pdf`` (default: beside it); returns the PDF written.

    Raises :class:`PdfUnavailable` when there is no converter, :class:`ExportError` (Romanian) when the
    conversion fails and :class:`ExportCancelled` when ``cancelled()`` turns true; in every such case no PDF
    (and no half of one) is left under the target name.
    """
    docx = Path(docx)
    target = Path(pdf) if pdf is not None else pdf_path_for(docx)
    converter = converter or find_converter()
    if converter is None:
        raise PdfUnavailable(_(NO_CONVERTER))
    check = cancelled or (lambda: False)
    try:
        work = Path(tempfile.mkdtemp(prefix=".pdf-", dir=target.parent))
    except OSError as exc:
        raise ExportError(
            _("Nu se poate scrie în dosarul „{parent}”: {value}.").format(
                parent=target.parent, value=exc.strerror or exc
            )
        ) from exc
    try:
        partial = work / (docx.stem + ".pdf")
        converter.convert(docx, partial, check)
        with open(partial, "rb") as stream:
            if stream.read(5) != b"%PDF-":
                raise ExportError(_("{name} nu a produs un PDF valid.").format(name=converter.name))
        if check():
            raise ExportCancelled()
        try:
            os.replace(partial, target)
        except PermissionError as exc:
            raise ExportError(
                _(
                    "PDF-ul „{target}” nu poate fi înlocuit: este deschis în alt program. Închideți-l și încercați din nou; documentul Word a fost salvat."
                ).format(target=target)
            ) from exc
    except OSError as exc:
        raise ExportError(
            _("PDF-ul nu a putut fi scris: {value}.").format(value=exc.strerror or exc)
        ) from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target
