"""Text rules of the export (printable characters, paragraphs, bullets, links) and table widths."""

from __future__ import annotations

from balti_monitor.export.layout import column_widths, xml_text
from balti_monitor.export.text import description_blocks, printable, split_urls

CM = 1440 / 2.54


def test_characters_xml_cannot_carry_become_visible_markers() -> None:
    assert printable("a\x00b\x01c\x08d\x0be\x0cf\x1fg\x7fh\x9fi") == (
        "a[U+0000]b[U+0001]c[U+0008]d[U+000B]e[U+000C]f[U+001F]g[U+007F]h[U+009F]i"
    )
    assert printable("tab\tși\nrând") == "tab\tși\nrând"
    assert printable("Windows\r\nMac\rUnix\n") == "Windows\nMac\nUnix\n"
    assert printable("\ud800") == "[U+D800]"
    assert printable("ș ț ă î â ş ţ „” – —") == "ș ț ă î â ş ţ „” – —"


def test_descriptions_split_into_paragraphs_and_bullets() -> None:
    blocks = description_blocks("Primul paragraf.\n\n- unu;\n• doi\n● trei\n  al doilea paragraf  \n-5 grade")
    assert [(b.bullet, b.text) for b in blocks] == [
        (False, "Primul paragraf."),
        (True, "unu;"),
        (True, "doi"),
        (True, "trei"),
        (False, "al doilea paragraf"),
        (False, "-5 grade"),
    ]
    assert description_blocks("") == []
    assert description_blocks("\n \n") == []


def test_web_addresses_become_links_and_keep_their_text() -> None:
    segments = split_urls("Sursa: https://balti.md/x-y/?a=1&b=2. Vezi (www.cna.md) și http://a.md/p_(1)).")
    assert [(s.text, s.url) for s in segments] == [
        ("Sursa: ", None),
        ("https://balti.md/x-y/?a=1&b=2", "https://balti.md/x-y/?a=1&b=2"),
        (". Vezi (", None),
        ("www.cna.md", "http://www.cna.md"),
        (") și ", None),
        ("http://a.md/p_(1)", "http://a.md/p_(1)"),
        (").", None),
    ]
    assert "".join(s.text for s in split_urls("fără adrese http:// aici")) == "fără adrese http:// aici"
    link = split_urls("https://balti.md/știri")[0]
    assert link.text == "https://balti.md/știri" and link.url == "https://balti.md/%C8%99tiri"


def test_xml_text_escapes_and_shields_docxtpl_markers() -> None:
    assert xml_text("a & b < c > d") == "a &amp; b &lt; c &gt; d"
    assert "{_" not in xml_text("{_{ x }_} {_% y %_}") and "_}" not in xml_text("{_{ x }_}")


def test_column_widths_fill_the_page_for_1_to_10_indicators() -> None:
    landscape = round(26.7 * CM)
    floor = round(1.3 * CM)  # "Indicator" in bold
    for n in range(1, 11):
        widths = column_widths(landscape, [0] * n, floor=floor)
        assert sum(widths) == landscape
        assert all(w >= floor for w in widths[2:])
        assert all(w <= round(3.5 * CM) for w in widths[2:])
        assert widths[1] >= landscape * 22 // 100
    # a long word widens its own column
    widths = column_widths(landscape, [0, round(2.8 * CM), 0, 0, 0, 0, 0, 0], floor=floor)
    assert widths[3] >= round(2.8 * CM) > widths[2] == widths[4]
    assert sum(widths) == landscape


def test_no_indicator_column_is_narrower_than_its_longest_word_the_description_gives_way_first() -> None:
    landscape = round(26.7 * CM)
    needs = [round(2.2 * CM)] * 9  # nine columns each holding a long word
    widths = column_widths(landscape, needs, floor=round(1.3 * CM))
    assert sum(widths) == landscape
    assert all(w >= need for w, need in zip(widths[2:], needs, strict=True))
    assert widths[1] < landscape * 22 // 100  # the description gave way
    assert widths[1] >= round(3.5 * CM)
    # only when even the needs cannot fit do the indicator columns narrow
    portrait = round(16.5 * CM)
    widths = column_widths(portrait, [round(3.5 * CM)] * 10)
    assert sum(widths) == portrait and widths[1] >= round(3.5 * CM)


def test_each_line_is_its_own_paragraph_and_list_lines_keep_their_marker() -> None:
    text = (
        "Servicii oferite:\n- 100 de interpelări\n• 44 000 vizitatori\n○ Pagina oficială;\n– Buletine\n"
        "1. Luarea în evidență\n2) Recrutați tineri\nA. Popescu a semnat\n1167 persoane"
    )
    blocks = description_blocks(text)
    assert [(b.bullet, b.marker, b.text) for b in blocks] == [
        (False, "", "Servicii oferite:"),
        (True, "-", "100 de interpelări"),
        (True, "•", "44\u00a0000 vizitatori"),
        (True, "○", "Pagina oficială;"),
        (True, "–", "Buletine"),
        (True, "1.", "Luarea în evidență"),
        (True, "2)", "Recrutați tineri"),
        (False, "", "A. Popescu a semnat"),
        (False, "", "1167 persoane"),
    ]


def test_list_paragraphs_in_word_marker_tab_hanging_indent_no_second_bullet() -> None:
    from balti_monitor.export.layout import StyleIds, paragraphs_xml

    xml = paragraphs_xml(
        description_blocks("Intro\n- unu\n2. doi"), StyleIds("T", "L", None), lambda u: "rId1"
    )
    assert xml.count("<w:p>") == 3  # never merged with its neighbours
    assert '<w:pStyle w:val="L"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>' in xml
    assert '<w:t xml:space="preserve">-</w:t><w:tab/>' in xml
    assert '<w:t xml:space="preserve">2.</w:t><w:tab/>' in xml


def test_numbers_keep_together_only_in_the_export_copy() -> None:
    from balti_monitor.export.text import keep_numbers_together

    assert (
        keep_numbers_together("44 000 de spectatori, 1 008 beneficiari")
        == "44\u00a0000 de spectatori, 1\u00a0008 beneficiari"
    )
    assert (
        keep_numbers_together("169 875 beneficiari; 5 acte; 2023 2024")
        == "169\u00a0875 beneficiari; 5 acte; 2023 2024"
    )
    assert keep_numbers_together("01.01.2023 - 30.06.2023") == "01.01.2023 - 30.06.2023"
