"""Generate ``templates/registru.docx``, the docxtpl template of the register layout (seeds 001-004).

Run from the repository root::

    python tools/make_register_template.py            # writes templates/registru.docx

The generated file is committed; a clerk may adjust it in Word (fonts, margins, header, logo, the styles
"Registru titlu", "Registru antet", "Registru tabel") as long as the tags stay intact: the title lines
(``{%p for line in register.title %}`` … ``{{ line }}`` … ``{%p endfor %}``), the paragraph
``{{ register.table }}`` (the exporter puts the table in its place) and the closing lines.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor


def make(out: Path) -> None:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.5))
    section.top_margin = section.bottom_margin = Cm(1.5)
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(11)
    styles = {}
    for name, size, bold, align in (
        ("Registru titlu", 13, True, WD_ALIGN_PARAGRAPH.CENTER),
        ("Registru antet", 9, True, WD_ALIGN_PARAGRAPH.CENTER),
        ("Registru tabel", 9, False, WD_ALIGN_PARAGRAPH.LEFT),
        ("Registru încheiere", 10, False, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.alignment = align
        style.paragraph_format.space_after = Pt(2 if size < 12 else 6)
        styles[name] = style
    body = doc.paragraphs[0] if doc.paragraphs else doc.add_paragraph()
    body.text = "{%p for line in register.title %}"
    doc.add_paragraph("{{ line }}", style="Registru titlu")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{{ register.table }}")
    doc.add_paragraph("{%p for line in register.closing %}")
    doc.add_paragraph("{{ line }}", style="Registru încheiere")
    doc.add_paragraph("{%p endfor %}")
    doc.core_properties.author = "Bălți Monitor"
    doc.save(str(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("templates/registru.docx"))
    make(parser.parse_args().out)


if __name__ == "__main__":
    main()
