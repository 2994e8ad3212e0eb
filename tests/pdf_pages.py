"""Reading an exported report's PDF page by page (``pdftotext -layout``), as a signer would look at it.

Used by the LibreOffice tests and runnable by hand::

    python tests/pdf_pages.py raport.docx raport.pdf

prints every page that starts with a Total row, continues a split row, or shows a word broken mid-word.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

#: Words of the action tables' two header rows (repeated on every page a table continues on).
_HEADER_WORDS = set(
    [
        "Descrierea",
        "măsurilor",
        "întreprinse",
        "de",
        "către",
        "instituțiile",
        "responsabile",
        "de",
        "realizarea",
        "acțiunii:",
        "Realizarea",
        "indicatorilor",
        "progres",
        "Indicator",
    ]
)
_NAME_COLUMN = 12  # characters of the layout text that belong to the subdivision-name column
_URLISH = re.compile(r"(https?://|www\.|\.md|\.ro|\.com|/)", re.IGNORECASE)


def page_texts(pdf: Path) -> list[str]:
    """The text of every page (``pdftotext -layout``), split at form feeds."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def _is_header_line(line: str) -> bool:
    words = line.split()
    return bool(words) and all(w in _HEADER_WORDS or w.isdigit() for w in words)


def _body_lines(page: str) -> list[str]:
    """The page's lines after a leading repeated table header (empty when the page does not start with one)."""
    lines = [line for line in page.splitlines() if line.strip()]
    if not lines or (not _is_header_line(lines[0]) and "Descrierea" not in lines[0]):
        return []
    index = 0
    while index < len(lines) and (_is_header_line(lines[index]) or "Descrierea" in lines[index]):
        index += 1
    return lines[index:]


@dataclass
class PageReport:
    """What was seen on the pages.

    ``split_rows``: pages that continue a row that would have fitted on one page (a failure);
    ``tall_rows``: pages that continue a row taller than a page (it has to split; not a failure).
    """

    pages: int = 0
    total_first: list[int] = field(default_factory=list)
    split_rows: list[int] = field(default_factory=list)
    tall_rows: list[int] = field(default_factory=list)
    broken_words: list[tuple[int, str]] = field(default_factory=list)


def _content_lines(page: str) -> list[str]:
    """The page's non-empty lines without the page number at the bottom."""
    lines = [line for line in page.splitlines() if line.strip()]
    if lines and lines[-1].strip().isdigit():
        lines.pop()
    return lines


def _named(line: str) -> bool:
    return bool(line[:_NAME_COLUMN].strip())


def _row_lines_at_end(page: str) -> int:
    """Lines of the last row of a page: from the bottom up to where that row's name starts."""
    lines = _content_lines(page)
    index = len(lines) - 1
    while index >= 0 and not _named(lines[index]):  # description lines below the name
        index -= 1
    while index > 0 and _named(lines[index - 1]) and not _is_header_line(lines[index - 1]):
        index -= 1  # the name's own wrapped lines (or a shorter row above: an overestimate, on purpose)
    return len(lines) - max(index, 0)


def _row_lines_at_start(body: list[str]) -> int:
    """Lines of the continued row at the top of a page (until the next row's name)."""
    count = 0
    for line in body:
        if line.strip().isdigit():
            break
        if count and _named(line):
            break
        count += 1
    return count


def docx_words(docx: Path) -> set[str]:
    """Every whitespace-separated word of the document (a no-break space joins a number into one word)."""
    with zipfile.ZipFile(docx) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    words: set[str] = set()
    for p in root.iter(f"{W}p"):
        text = "".join(
            (el.text or "") if el.tag == f"{W}t" else " " for el in p.iter(f"{W}t", f"{W}tab", f"{W}br")
        )
        for word in re.split(r"[ \t\n]+", text):
            if word:
                words.add(word)
                # a line may break after a hyphen, a dash or a slash inside a word: keep those pieces
                for piece in re.split(r"(?<=[-/–—])", word):
                    if piece:
                        words.add(piece)
    return words


def analyse(docx: Path, pdf: Path) -> PageReport:
    """Pages starting with a Total row, pages continuing a split row, tokens that are pieces of a word."""
    report = PageReport()
    known = docx_words(docx)
    joined = {w.replace("\u00a0", " ") for w in known}
    known_tokens = known | {part for w in joined for part in w.split(" ")}
    pages = page_texts(pdf)
    report.pages = len(pages)
    capacity = max((len(_body_lines(p)) for p in pages), default=0)
    for number, page in enumerate(pages, start=1):
        body = _body_lines(page)
        if body:
            first = body[0]
            if first.lstrip().startswith("Total instituții"):
                report.total_first.append(number)
            elif not first[:_NAME_COLUMN].strip():
                height = _row_lines_at_end(pages[number - 2]) + _row_lines_at_start(body)
                (report.tall_rows if height > capacity else report.split_rows).append(number)
        for line in page.splitlines():
            for token in line.split():
                if token in known_tokens or _URLISH.search(token) or token.isdigit():
                    continue
                if any(token in w for w in known if _URLISH.search(w)):
                    continue
                report.broken_words.append((number, token))
    return report


def main(argv: list[str]) -> int:
    """Print what :func:`analyse` found."""
    report = analyse(Path(argv[1]), Path(argv[2]))
    print(f"pages: {report.pages}")
    print(f"Total row first on page: {report.total_first}")
    print(f"split rows continued on page: {report.split_rows}")
    print(f"rows taller than a page continued on page: {report.tall_rows}")
    print(f"broken words: {report.broken_words}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
