"""Tests for the document readers (privmodel.parsers.readers)."""

from __future__ import annotations

import codecs
import html
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privmodel.errors import InputError
from privmodel.parsers.document import Block, BlockKind, Document
from privmodel.parsers.readers import read_bytes, read_path, read_text
from privmodel.parsers.readers.decode import CP1252_WARNING, decode
from privmodel.parsers.readers.language import detect_language

SEEDS = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))
H, P, LI, ROW, LV = (
    BlockKind.HEADING,
    BlockKind.PARAGRAPH,
    BlockKind.LIST_ITEM,
    BlockKind.TABLE_ROW,
    BlockKind.LABEL_VALUE,
)


def visible(raw: str) -> str:
    """What a reader shows for raw source text: references decoded, whitespace collapsed."""
    return re.sub(r"[ \t\n\r\f]+", " ", html.unescape(raw))


def check_offsets(doc: Document) -> None:
    """Every block's spans quote the source faithfully."""
    for block in doc.blocks:
        assert block.text
        assert block.text == block.text.strip()
        assert 0 <= block.start < block.end <= len(doc.source)
        if doc.media_type == "text/plain":
            assert block.offsets is None
            assert doc.source[block.start : block.end] == block.text
        if block.offsets is None:
            assert doc.source[block.start : block.end] == block.text
            continue
        assert len(block.offsets) == len(block.text)
        assert list(block.offsets) == sorted(block.offsets)
        for n, char in enumerate(block.text):
            s, e, quoted = doc.quote(block, n, n + 1)
            if e > s and not char.isspace():
                assert visible(quoted) == char, (block.text, n, quoted)
        for i, j in block.cells:
            assert block.text[i:j].strip() == block.text[i:j]


def kinds(doc: Document) -> list[tuple[BlockKind, str]]:
    return [(b.kind, b.text) for b in doc.blocks]


# -- plain text ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_offsets_and_language(path: Path) -> None:
    doc = read_path(path)
    check_offsets(doc)
    assert doc.media_type == "text/plain"
    assert doc.language == ("sv" if path.name.startswith("003") else "en")
    assert doc.headings()
    for block in doc.blocks:
        if block.kind is H:
            assert block.level >= 1


def test_seed_000_structure() -> None:
    doc = read_path(SEEDS[0])
    assert doc.title == doc.blocks[0].text
    intro = next(b for b in doc.blocks if b.text == "1. Introduction")
    assert (intro.kind, intro.level) == (H, 2)
    assert intro.section == (doc.title,)
    labels = [b.label for b in doc.blocks if b.kind is LV]
    assert "Email" in labels
    item = next(b for b in doc.blocks if b.kind is LI)
    assert (item.level, len(item.section)) == (1, 2)


def test_seed_003_caps_headings_and_bullets() -> None:
    doc = read_path(SEEDS[3])
    caps = [b for b in doc.headings() if b.text.isupper() and len(b.text) > 3]
    assert len(caps) > 10
    assert all(b.level >= 2 for b in caps)
    bullets = [b for b in doc.blocks if b.kind is LI]
    assert bullets
    assert not any(b.text.startswith(("•", "–")) for b in bullets)
    under = [b for b in doc.blocks if b.section and b.section[-1] == caps[0].text]
    assert under


def test_text_kinds_and_sections() -> None:
    source = (
        "Our Policy\n"
        "Effective Date: 1 May 2024\n"
        "1. Scope\n"
        "We keep it short.\n"
        "We use data to:\n"
        "Run the service\n"
        "Send invoices\n"
        "1.1 Details\n"
        "  • first point\n"
        "      - sub point\n"
        "  • second point\n"
        "CONTACT DETAILS\n"
        "Name\tEmail\tPhone\n"
        "2. Rights\n"
        "You may object.\n"
    )
    doc = read_text(source)
    check_offsets(doc)
    assert kinds(doc) == [
        (H, "Our Policy"),
        (LV, "Effective Date: 1 May 2024"),
        (H, "1. Scope"),
        (P, "We keep it short."),
        (P, "We use data to:"),
        (LI, "Run the service"),
        (LI, "Send invoices"),
        (H, "1.1 Details"),
        (LI, "first point"),
        (LI, "sub point"),
        (LI, "second point"),
        (H, "CONTACT DETAILS"),
        (ROW, "Name\tEmail\tPhone"),
        (H, "2. Rights"),
        (P, "You may object."),
    ]
    by_text = {b.text: b for b in doc.blocks}
    assert [by_text[t].level for t in ("Our Policy", "1. Scope", "1.1 Details")] == [1, 2, 3]
    assert by_text["CONTACT DETAILS"].level == 4
    assert by_text["sub point"].level == 2
    assert by_text["sub point"].section == ("Our Policy", "1. Scope", "1.1 Details")
    assert by_text["2. Rights"].section == ("Our Policy",)
    row = by_text["Name\tEmail\tPhone"]
    assert [row.text[i:j] for i, j in row.cells] == ["Name", "Email", "Phone"]
    assert by_text["Effective Date: 1 May 2024"].label == "Effective Date"


def test_text_blank_separated_headings() -> None:
    doc = read_text("Privatlivspolitik\n\nOm os\n\nVi er et firma.\n\nKlicka här.\n")
    assert kinds(doc) == [
        (H, "Privatlivspolitik"),
        (H, "Om os"),
        (P, "Vi er et firma."),
        (P, "Klicka här."),
    ]
    assert doc.blocks[2].section == ("Privatlivspolitik", "Om os")


def test_sections_and_quote() -> None:
    doc = read_text("Intro line here.\n\nTitle A\n\nText a.\n\nTitle B\n\nText b.\n")
    sections = doc.sections()
    assert sections[0][0] is None
    assert [b.text for b in sections[0][1]] == ["Intro line here."]
    assert [(h.text if h else None, len(body)) for h, body in sections] == [
        (None, 1),
        ("Title A", 1),
        ("Title B", 1),
    ]
    block = doc.blocks[-1]
    assert doc.quote(block, 0, 4) == (block.start, block.start + 4, "Text")


def test_block_source_span_with_offsets() -> None:
    block = Block(BlockKind.PARAGRAPH, "a&b", 0, 9, (), offsets=(0, 1, 6), ends=(1, 6, 7))
    assert block.source_span(1, 2) == (1, 6)
    assert block.source_span(0, 3) == (0, 7)
    plain = Block(BlockKind.PARAGRAPH, "ab", 3, 5, (), offsets=(3, 7))
    assert plain.source_span(0, 2) == (3, 8)
    with pytest.raises(ValueError, match="outside"):
        plain.source_span(0, 3)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="ab AB:•-\t1.\u00a0åÄ", max_size=30), max_size=12))
def test_text_offsets_property(lines: list[str]) -> None:
    source = "\n".join(lines)
    if not source.strip():
        return
    check_offsets(read_text(source))


# -- markdown ------------------------------------------------------------------------------


def test_markdown_blocks() -> None:
    source = (
        "---\ntitle: ignored\n---\n"
        "# Privacy **Policy**\n\n"
        "We *collect* a [name](https://x.test) &amp; `mail_addr`.\n"
        "Second line.<!-- note -->\n\n"
        "Sharing\n=======\n\n"
        "- one\n  - two __strong__\n+ three\n\n"
        "| Data | Use |\n|---|:-:|\n| Name | Billing |\n\n"
        "**Email:** a@b.test\n"
    )
    doc = read_text(source, media_type="text/markdown")
    check_offsets(doc)
    assert kinds(doc) == [
        (H, "Privacy Policy"),
        (P, "We collect a name & mail_addr. Second line."),
        (H, "Sharing"),
        (LI, "one"),
        (LI, "two strong"),
        (LI, "three"),
        (ROW, "Data | Use"),
        (ROW, "Name | Billing"),
        (LV, "Email: a@b.test"),
    ]
    assert doc.title == "Privacy Policy"
    assert [b.level for b in doc.blocks[3:6]] == [1, 2, 1]
    row = doc.blocks[7]
    assert [row.text[i:j] for i, j in row.cells] == ["Name", "Billing"]
    assert doc.blocks[8].label == "Email"
    para = doc.blocks[1]
    at = para.text.index("&")
    assert doc.quote(para, at, at + 1)[2] == "&amp;"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "# ",
                "## ",
                "- ",
                "  * ",
                "1. ",
                "**",
                "*",
                "_",
                "`",
                "[x](u)",
                "&amp;",
                "\\*",
                "| ",
                "<b>",
                "</b>",
                "<!--",
                "-->",
                "word ",
                "Mot ",
                "\n",
                "\n\n",
                "===",
                "~~",
            ]
        ),
        max_size=30,
    )
)
def test_markdown_offsets_property(pieces: list[str]) -> None:
    source = "".join(pieces)
    try:
        doc = read_text(source, media_type="text/markdown")
    except InputError:
        return
    for block in doc.blocks:
        assert block.text
        if block.offsets is not None:
            assert len(block.offsets) == len(block.text)
            assert list(block.offsets) == sorted(block.offsets)
        for n, char in enumerate(block.text):
            quoted = doc.quote(block, n, n + 1)[2]
            if quoted and not char.isspace():
                assert visible(quoted) == char, (source, block.text, n)


# -- html ----------------------------------------------------------------------------------

HTML_DOC = """<!DOCTYPE html>
<html lang="en"><head><title>ACME &amp; Co policy</title>
<style>p { color: red }</style><script>var s = "<p>no</p>";</script></head>
<body><h1>Privacy   Policy</h1>
<p>We collect <b>your</b> name &amp; email.<br>Second &copy; line</p>
<h2>Contact</h2>
<ul><li>Email: a@b.test<ul><li>nested <i>item</i></li></ul></li><li>Phone</ul>
<table><tr><th>Data</th><th>Purpose</th></tr>
<tr><td>Name</td><td><p>Billing</p><p>more</p></td><td> </td></tr></table>
<dl><dt>Controller:</dt><dd>ACME AB</dd></dl>
<!-- <p>hidden</p> --><noscript>enable js</noscript><svg><text>no</text></svg>
<footer><p>Address: Street 1</p></footer></body></html>"""


def test_html_blocks() -> None:
    doc = read_text(HTML_DOC, path="policy.html")
    check_offsets(doc)
    assert doc.media_type == "text/html"
    assert doc.title == "ACME & Co policy"
    assert kinds(doc) == [
        (H, "Privacy Policy"),
        (P, "We collect your name & email."),
        (P, "Second © line"),
        (H, "Contact"),
        (LI, "Email: a@b.test"),
        (LI, "nested item"),
        (LI, "Phone"),
        (ROW, "Data | Purpose"),
        (ROW, "Name | Billing more"),
        (LV, "Controller: ACME AB"),
        (LV, "Address: Street 1"),
    ]
    assert [b.level for b in doc.blocks[4:7]] == [1, 2, 1]
    assert doc.blocks[4].section == ("Privacy Policy", "Contact")
    assert doc.blocks[9].label == "Controller"
    row = doc.blocks[8]
    assert [row.text[i:j] for i, j in row.cells] == ["Name", "Billing more"]
    para = doc.blocks[1]
    assert doc.quote(para)[2] == "We collect <b>your</b> name &amp; email."
    assert doc.quote(para, 11, 15)[2] == "your"


_WORDS = st.text(alphabet="abcXYZ &<>;é", min_size=1, max_size=12)
_INLINE = st.sampled_from(["b", "i", "a", "span", "em"])
_BLOCKS = st.sampled_from(["p", "h2", "li", "div", "td", "dd"])


@st.composite
def html_documents(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        tag = draw(_BLOCKS)
        inner: list[str] = []
        for _ in range(draw(st.integers(1, 4))):
            text = html.escape(draw(_WORDS), quote=False)
            if draw(st.booleans()):
                text = text.replace("e", "&eacute;").replace("a", "&#97;")
            if draw(st.booleans()):
                name = draw(_INLINE)
                text = f"<{name} class='x>y'>{text}</{name}>"
            inner.append(text)
        parts.append(f"<{tag}>{' '.join(inner)}\n</{tag}>")
    return "<html><body>" + "".join(parts) + "</body></html>"


@settings(max_examples=80, deadline=None)
@given(html_documents())
def test_html_offsets_property(source: str) -> None:
    try:
        doc = read_text(source, media_type="text/html")
    except InputError:
        return
    check_offsets(doc)
    for block in doc.blocks:
        for n in range(len(block.text)):
            for m in range(n + 1, min(len(block.text), n + 6) + 1):
                quoted = doc.quote(block, n, m)[2]
                if "<" not in quoted:  # the span lies inside one text node
                    assert visible(quoted) == block.text[n:m]


# -- decoding and errors -------------------------------------------------------------------

TEXT = "Integritet för alla.\r\nÅter.\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be"],
)
def test_decode_unicode(data: bytes) -> None:
    assert decode(data) == (TEXT, ())


def test_decode_cp1252_warns() -> None:
    text, warnings = decode("Café “quoted” – ok".encode("cp1252"))
    assert text == "Café “quoted” – ok"
    assert warnings == (CP1252_WARNING,)
    doc = read_bytes("Café policy is here.".encode("cp1252"))
    assert doc.warnings == (CP1252_WARNING,)


def test_bom_offsets_index_stripped_text() -> None:
    data = codecs.BOM_UTF8 + b"Privacy Policy\nEmail: a@b.test\n"
    doc = read_bytes(data, path="p.txt")
    assert doc.source.startswith("Privacy")
    check_offsets(doc)
    assert len(doc.sha256) == 64


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty"), (b"  \n\t\n", "empty"), (b"ab\x00\x01cd\x00\x00\x02efgh", "binary")],
)
def test_input_errors_name_the_file(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=rf"doc\.txt: .*{message}"):
        read_bytes(data, path="doc.txt")


def test_undecodable_and_no_blocks() -> None:
    with pytest.raises(InputError, match="undecodable"):
        read_bytes(codecs.BOM_UTF16_LE + b"a\x00\x00\xdc", path="x.txt")
    with pytest.raises(InputError, match="no text blocks"):
        read_text("<html><script>x()</script></html>", path="x.html")


def test_read_path_errors_and_sniffing(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(InputError, match=r"missing\.txt: no such file") as info:
        read_path(missing)
    assert info.value.path == str(missing)
    with pytest.raises(InputError, match="directory"):
        read_path(tmp_path)
    odd = tmp_path / "page.data"
    odd.write_text("<!doctype html><p>Hello there, friend.</p>", encoding="utf-8")
    assert read_path(odd).media_type == "text/html"
    odd.write_text("# Title\n\nSome text here.\n", encoding="utf-8")
    assert read_path(odd).media_type == "text/markdown"
    odd.write_text("Title\n\nSome text here.\n", encoding="utf-8")
    assert read_path(odd).media_type == "text/plain"
    md = tmp_path / "policy.md"
    md.write_text("Plain **bold** text.\n", encoding="utf-8")
    doc = read_path(md)
    assert (doc.media_type, doc.path, doc.blocks[0].text) == (
        "text/markdown",
        str(md),
        "Plain bold text.",
    )


# -- language ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We keep your details safe and we do not sell them to anyone."),
        ("sv", "Vi sparar dina uppgifter och delar dem inte med någon annan än oss."),
        ("da", "Vi gemmer dine oplysninger og deler dem ikke med nogen af vores partnere."),
        ("nb", "Vi lagrer opplysningene dine og deler dem ikke med noen av våre partnere."),
        ("fi", "Säilytämme tietosi ja emme jaa niitä kenenkään kanssa, ellei laki vaadi."),
        ("de", "Wir speichern Ihre Daten und geben sie nicht an Dritte weiter."),
    ],
)
def test_detect_language(lang: str, text: str) -> None:
    assert detect_language(text) == lang


def test_detect_language_empty() -> None:
    assert detect_language("") == "und"
    assert detect_language("123 456 !!") == "und"
