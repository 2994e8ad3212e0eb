"""The PDF beside the report, and the demo's pages as LibreOffice lays them out (read page by page)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from pdf_pages import analyse

from balti_monitor import cli
from balti_monitor.export import pdf as pdf_module
from balti_monitor.export.options import ExportCancelled, ExportError
from balti_monitor.export.pdf import NO_CONVERTER, PdfUnavailable, convert_to_pdf, find_soffice


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_file, path)
    return path


class _Broken:
    """A converter that writes half a PDF and fails, or is cancelled midway."""

    name = "test"

    def __init__(self, cancel: bool = False) -> None:
        self.cancel = cancel

    def convert(self, docx: Path, pdf: Path, cancelled: object) -> None:
        pdf.write_bytes(b"%PDF-1.7\n half")
        if self.cancel:
            raise ExportCancelled()
        raise ExportError("conversia a eșuat")


def test_without_a_converter_the_message_is_plain_and_the_docx_stays(
    demo_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(pdf_module, "find_converter", lambda: None)
    out = tmp_path / "raport.docx"
    code = cli.main(["--db", str(demo_copy), "export", "--period", "2023-S1", "--out", str(out), "--pdf"])
    captured = capsys.readouterr()
    assert code == 1
    assert out.is_file() and not out.with_suffix(".pdf").exists()
    assert "nici LibreOffice, nici Microsoft Word" in captured.err
    assert "Traceback" not in captured.err
    with pytest.raises(PdfUnavailable, match="Documentul Word a fost salvat"):
        convert_to_pdf(out)
    assert NO_CONVERTER.startswith("PDF-ul nu a fost creat")


@pytest.mark.parametrize("cancel", [False, True])
def test_a_failed_or_cancelled_conversion_leaves_no_half_written_pdf(tmp_path: Path, cancel: bool) -> None:
    docx = tmp_path / "raport.docx"
    docx.write_bytes(b"x")
    old = tmp_path / "raport.pdf"
    old.write_bytes(b"%PDF-1.7 the previous, complete one")
    with pytest.raises(ExportCancelled if cancel else ExportError):
        convert_to_pdf(docx, converter=_Broken(cancel))
    assert old.read_bytes() == b"%PDF-1.7 the previous, complete one"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["raport.docx", "raport.pdf"]


def _needs_libreoffice() -> pytest.MarkDecorator:
    return pytest.mark.skipif(
        find_soffice() is None and not os.environ.get("CI"),
        reason="LibreOffice is not installed (the CI installs it)",
    )


@pytest.mark.slow
@_needs_libreoffice()
def test_the_demo_pdf_read_page_by_page(demo_copy: Path, tmp_path: Path) -> None:
    """No Total row starts a page, no row that fits on a page is split, no word is broken mid-word."""
    if shutil.which("pdftotext") is None and not os.environ.get("CI"):
        pytest.skip("poppler-utils (pdftotext) is not installed")
    out = tmp_path / "raport.docx"
    assert (
        cli.main(["--db", str(demo_copy), "export", "--period", "2023-S1", "--out", str(out), "--pdf"]) == 0
    )
    pdf = out.with_suffix(".pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-"
    report = analyse(out, pdf)
    assert 40 <= report.pages <= 70
    assert report.total_first == [], "a Total row starts these pages"
    assert report.split_rows == [], "a row that fits on one page is split across these pages"
    assert report.broken_words == [], "words broken mid-word"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".pdf-")]
