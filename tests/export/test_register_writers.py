"""The register writers: CSV (guarded), XLSX (text only, reproducible) and HTML (self-contained)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import lxml.html
import pytest
from test_register_model import make_policy, org

import privmodel as pm
from privmodel.errors import MissingExtraError
from privmodel.export import ExportFormat, get_writer
from privmodel.export.register import register_from_policies
from privmodel.export.register.csv_writer import BOM, CsvRegisterWriter, guard_cell
from privmodel.export.register.writing import LEGEND_HEADERS

HOSTILE = ('=HYPERLINK("http://x")', "@SUM(1)", "+46 8 123", "＝1+1")


def hostile_policy() -> pm.Policy:
    policy = make_policy(text=HOSTILE[0], publisher=org(phones=(HOSTILE[2],)))
    measures = (pm.SecurityMeasure(label=HOSTILE[1]), pm.SecurityMeasure(label=HOSTILE[3]))
    return policy.model_copy(update={"security_measures": measures})


def read_zip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rows_of(data: bytes) -> list[list[str]]:
    assert data.startswith(BOM.encode("utf-8"))
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


# CSV


def test_csv_render_is_a_deterministic_zip_of_one_file_per_table() -> None:
    policy = make_policy(processor=True)
    writer = get_writer(ExportFormat.REGISTER_CSV)
    data, _ = writer.render([policy])
    assert data == writer.render([policy])[0]
    files = read_zip(data)
    register = register_from_policies([policy])
    expected = {f"register-{t.spec.key}.csv" for t in register.tables()}
    assert set(files) == expected | {"register-legend.csv"}
    assert list(files) == sorted(files)
    for table in register.tables():
        rows = rows_of(files[f"register-{table.spec.key}.csv"])
        assert tuple(rows[0]) == table.spec.headers
        assert len(rows) == len(table.rows) + 1
    assert tuple(rows_of(files["register-legend.csv"])[0]) == LEGEND_HEADERS


def test_csv_write_file_writes_one_file_per_table(tmp_path: Path) -> None:
    report = get_writer("register-csv").write_file([make_policy()], tmp_path / "ropa.csv")
    names = sorted(p.name for p in report.paths)
    assert names == sorted(p.name for p in tmp_path.iterdir())
    assert "ropa-controller.csv" in names
    assert "ropa-data-categories.csv" in names
    assert "ropa-processor.csv" not in names
    assert not (tmp_path / "ropa.csv").exists()
    for path in report.paths:
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_csv_zip_target(tmp_path: Path) -> None:
    report = get_writer("register-csv").write_file([make_policy()], tmp_path / "ropa.zip")
    assert report.paths == (tmp_path / "ropa.zip",)
    assert "register-controller.csv" in read_zip(report.paths[0].read_bytes())


@pytest.mark.parametrize("text", [*HOSTILE, "-1", "\tx", "\rx", "\nx", "＋1", "－1", "＠x"])
def test_guard_quotes_every_trigger(text: str) -> None:
    assert guard_cell(text) == "'" + text
    assert guard_cell("Fakturering") == "Fakturering"


def test_csv_injection_arrives_as_text() -> None:
    files = read_zip(get_writer("register-csv").render([hostile_policy()])[0])
    cells = {c for data in files.values() for row in rows_of(data) for c in row}
    for text in HOSTILE:
        assert "'" + text in cells
        assert text not in cells
    # Inside a list cell the text is not at the start, so it needs no quote.
    assert any(c.endswith(HOSTILE[0]) and not c.startswith("'") for c in cells)


def test_csv_guard_can_be_turned_off() -> None:
    writer = CsvRegisterWriter(formula_guard=False, delimiter=";")
    files = read_zip(writer.render([hostile_policy()])[0])
    text = files["register-controller.csv"].decode("utf-8-sig")
    cells = {c for row in csv.reader(io.StringIO(text), delimiter=";") for c in row}
    assert HOSTILE[0] in cells
    assert '";"' in text


# XLSX


def xlsx(policy: pm.Policy) -> bytes:
    return get_writer(ExportFormat.REGISTER_XLSX).render([policy])[0]


def test_xlsx_bytes_are_reproducible() -> None:
    pytest.importorskip("xlsxwriter")  # the extra privmodel[xlsx]
    assert xlsx(make_policy(processor=True)) == xlsx(make_policy(processor=True))


def test_xlsx_sheets_headers_frozen_panes(tmp_path: Path) -> None:
    pytest.importorskip("xlsxwriter")
    openpyxl = pytest.importorskip("openpyxl")
    policy = make_policy(processor=True)
    path = tmp_path / "ropa.xlsx"
    get_writer("register-xlsx").write_file([policy], path)
    book = openpyxl.load_workbook(path)
    register = register_from_policies([policy])
    assert book.sheetnames == ["Legend", *(t.spec.sheet for t in register.tables())]
    for table in register.tables():
        sheet = book[table.spec.sheet]
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref
        assert tuple(c.value for c in sheet[1]) == table.spec.headers
        assert sheet.max_row == len(table.rows) + 1
    assert tuple(c.value for c in book["Legend"][1]) == LEGEND_HEADERS


def test_xlsx_injection_stays_text(tmp_path: Path) -> None:
    pytest.importorskip("xlsxwriter")
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "ropa.xlsx"
    path.write_bytes(xlsx(hostile_policy()))
    book = openpyxl.load_workbook(path)
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    for text in HOSTILE:
        hits = [c for c in cells if c.value == text]
        assert hits, text
        assert all(c.data_type == "s" for c in hits)
    assert all(c.data_type in ("s", "n") and not isinstance(c.value, int) for c in cells)
    assert not any(c.hyperlink for c in cells)


def test_xlsx_without_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def fake_import(name: str, *args: object, **kwargs: object) -> object:
        if name == "xlsxwriter":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(MissingExtraError, match=r"privmodel\[xlsx\]"):
        xlsx(make_policy())


# HTML


def test_html_is_self_contained_and_quotes_the_policy() -> None:
    data, _ = get_writer(ExportFormat.REGISTER_HTML).render([hostile_policy()])
    text = data.decode("utf-8")
    doc = lxml.html.document_fromstring(text)
    assert doc.xpath("//style")
    assert "@media print" in doc.xpath("string(//style)")
    assert not doc.xpath("//script")
    for node in doc.xpath("//*[@src or @href]"):
        target = node.get("src") or node.get("href")
        assert target.startswith("#"), target
    assert len(doc.xpath("//table")) >= 8
    quotes = [q.text_content() for q in doc.xpath("//blockquote")]
    assert "Vi fakturerar" in quotes
    assert "characters 50–63" in text
    assert HOSTILE[0] in doc.text_content()
    assert '<a href="http://x"' not in text
    assert doc.xpath("//*[contains(@class, 'marker')]")


def test_html_escapes_markup() -> None:
    policy = make_policy(text="<script>alert(1)</script>")
    text = get_writer("register-html").render([policy])[0].decode("utf-8")
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
