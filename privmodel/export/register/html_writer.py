"""The register as one self-contained HTML page to read and print.

No script, no external resource: one ``<style>`` block (with a print stylesheet), every
text escaped with :func:`html.escape`. Each record of the controller and processor
registers is a table of its own (column, Art. 30 item, value) followed by the policy
quotes it rests on; the child tables are ordinary tables with their quotes below.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from privmodel.export.base import ExportFormat
from privmodel.export.register.model import MARKER_MEANING, MARKER_TEXT, Cell, Register, Table
from privmodel.export.register.writing import RegisterWriter

STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; color: #1b1b1b; margin: 2em auto; max-width: 80em;
  padding: 0 1em; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 2px solid #444; }
h3 { margin: 1.4em 0 .4em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; }
th, td { border: 1px solid #bbb; padding: .3em .5em; text-align: left; vertical-align: top; }
thead th, table.record th { background: #eef2f6; }
table.record th { width: 28%; font-weight: 600; }
td.art, th.art { width: 9em; color: #555; white-space: nowrap; }
.marker { font-style: italic; background: #fff2cc; }
.marker.not_applicable { background: #eee; }
.quotes { margin: 0 0 1.5em 1em; }
blockquote { margin: .3em 0; padding: .2em .8em; border-left: 3px solid #8aa; background: #f7f9fa; }
.where { font-size: .85em; color: #555; margin: 0 0 .6em; }
nav ul { columns: 2; } dt { font-weight: 600; }
@media print {
  body { font-size: 10pt; margin: 0; max-width: none; }
  nav { display: none; }
  table.record, blockquote { page-break-inside: avoid; }
  section.table h2 { page-break-before: always; }
  section.table h2.first { page-break-before: avoid; }
  a { color: inherit; text-decoration: none; }
  @page { size: A4; margin: 15mm; }
}
"""

# The columns that name a record in its heading.
TITLE_KEYS = {
    "contact": ("role", "name"),
    "controller": ("activity",),
    "processor": ("processing", "controller"),
}
_Quote = tuple[str, str, str, str, str]  # fact, quote, start, end, section / source


def _cell(cell: Cell, tag: str = "td") -> str:
    if cell.is_marker:
        return f'<{tag} class="marker {cell.state}">{escape(cell.text)}</{tag}>'
    return f"<{tag}>{escape(cell.text)}</{tag}>"


def _quotes_by_row(register: Register) -> dict[tuple[str, str], list[_Quote]]:
    keys = [c.key for c in register.provenance.spec.columns]
    found: dict[tuple[str, str], list[_Quote]] = defaultdict(list)
    for row in register.provenance.rows:
        text = dict(zip(keys, (c.text for c in row.cells), strict=True))
        where = f"{text['section']} · {text['source']}"
        quote = (text["fact"], text["quote"], text["start"], text["end"], where)
        found[(text["table"], text["row"])].append(quote)
    return found


def _quotes(quotes: list[_Quote], ref: str) -> str:
    if not quotes:
        return ""
    parts = [f'<div class="quotes"><p><strong>Policy text behind {escape(ref)}</strong></p>']
    for fact, quote, start, end, where in quotes:
        parts.append(f"<blockquote>{escape(quote)}</blockquote>")
        parts.append(
            f'<p class="where">characters {escape(start)}–{escape(end)} · {escape(where)}'
            f" · {escape(fact)}</p>"
        )
    parts.append("</div>")
    return "\n".join(parts)


def _records(table: Table, quotes: dict[tuple[str, str], list[_Quote]]) -> str:
    """Each row as a table of its own: column, Art. 30 item, value; then its quotes."""
    parts = []
    for i, row in enumerate(table.rows, start=1):
        text = {c.key: cell.text for c, cell in zip(table.spec.columns, row.cells, strict=True)}
        title = " · ".join(text[k] for k in TITLE_KEYS.get(table.spec.key, ("ref",)))
        parts.append(f'<h3 id="{table.spec.key}-{i}">{escape(title)}</h3>')
        parts.append('<table class="record"><tbody>')
        for column, cell in zip(table.spec.columns, row.cells, strict=True):
            parts.append(
                f'<tr><th scope="row">{escape(column.header)}</th>'
                f'<td class="art">{escape(column.art30)}</td>{_cell(cell)}</tr>'
            )
        parts.append("</tbody></table>")
        parts.append(_quotes(quotes.get((table.spec.key, row.ref), []), row.ref))
    return "\n".join(parts)


def _grid(table: Table, quotes: dict[tuple[str, str], list[_Quote]]) -> str:
    """A child table: one row per item, Art. 30 items under the headers, quotes below."""
    head = "".join(
        f'<th scope="col">{escape(c.header)}<br><small>Art. {escape(c.art30)}</small></th>'
        for c in table.spec.columns
    )
    body = "\n".join("<tr>" + "".join(_cell(c) for c in row.cells) + "</tr>" for row in table.rows)
    evidence = "\n".join(
        _quotes(quotes.get((table.spec.key, row.ref), []), row.ref) for row in table.rows
    )
    empty = '<p class="marker">The policy states none.</p>' if not table.rows else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>{empty}\n" + (
        evidence
    )


def _section(table: Table, content: str, first: bool = False) -> str:
    css = ' class="first"' if first else ""
    return (
        f'<section class="table" id="{table.spec.key}"><h2{css}>{escape(table.spec.title)}</h2>\n'
        f"<p>{escape(table.spec.description)} (Art. {escape(table.spec.art30)}).</p>\n"
        f"{content}\n</section>"
    )


def _legend(register: Register) -> str:
    items = "".join(
        f"<dt>{escape(MARKER_TEXT[s])}</dt><dd>{escape(MARKER_MEANING[s])}</dd>"
        for s in MARKER_TEXT
    )
    return f'<section id="legend"><h2>Cell markers</h2><dl>{items}</dl></section>'


def register_html(register: Register) -> str:
    quotes = _quotes_by_row(register)
    tables = [t for t in register.tables() if t is not register.provenance]
    nav = "".join(f'<li><a href="#{t.spec.key}">{escape(t.spec.title)}</a></li>' for t in tables)
    sections = []
    for i, table in enumerate(tables):
        records = table.spec.key in ("contact", "controller", "processor")
        content = _records(table, quotes) if records else _grid(table, quotes)
        sections.append(_section(table, content, first=i == 0))
    title = f"Records of processing activities: {register.organisation}"
    sources = "; ".join(register.sources) or "to be completed"
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
            f"<header><h1>{escape(title)}</h1>",
            "<p>GDPR Article 30 register built from the organisation's privacy policies. "
            f"Source policies: {escape(sources)}. Generated by {escape(register.generator)}.</p>",
            f"</header><nav><ul>{nav}</ul></nav>",
            _legend(register),
            *sections,
            "</body></html>",
            "",
        ]
    )


class HtmlRegisterWriter(RegisterWriter):
    format = ExportFormat.REGISTER_HTML
    extension = ".html"

    def encode(self, register: Register) -> bytes:
        return register_html(register).encode("utf-8")
