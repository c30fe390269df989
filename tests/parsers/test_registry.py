from __future__ import annotations

from pathlib import Path

import pytest

import privmodel as pm
from privmodel.parsers.base import Parser, ParseResult, PolicyBuilder
from privmodel.parsers.document import Document
from privmodel.parsers.readers import read_text
from privmodel.parsers.registry import select_parser

SNIPPET = """Privacy notice
Exempel Handel AB is the controller for your personal data.
Your rights
You have the right to access your data and to lodge a complaint with IMY.
"""


def test_every_parser_follows_the_protocol() -> None:
    found = pm.available_parsers()
    assert {"generic", "bluecromos", "cleverom", "bluescreen", "calectro",
            "work_management_saas"} <= set(found)
    for parser in found.values():
        assert isinstance(parser, Parser)
        assert parser.description


def test_unknown_document_goes_to_the_generic_parser() -> None:
    assert select_parser(read_text(SNIPPET)).name == "generic"
    result = pm.parse(SNIPPET)
    assert result.parser == "generic"
    assert result.policy.publisher is not None
    assert result.policy.publisher.name == "Exempel Handel AB"
    assert {r.code for r in result.policy.rights} >= {pm.RightCode.ACCESS, pm.RightCode.COMPLAINT}


def test_unknown_parser_name_is_a_clear_error() -> None:
    with pytest.raises(pm.PrivmodelError, match="no parser named 'nope'; known parsers:"):
        pm.parse(SNIPPET, parser="nope")


def test_parse_accepts_paths_and_text(tmp_path: Path) -> None:
    path = tmp_path / "policy.txt"
    path.write_text(SNIPPET, encoding="utf-8")
    from_path = pm.parse(path).policy
    from_str = pm.parse(str(path)).policy
    from_text = pm.parse(SNIPPET).policy
    assert from_path == from_str
    assert from_path.source.path == str(path)
    assert from_text.source.path is None
    assert from_path.purposes == from_text.purposes


class _Plugin:
    name = "plugin"
    description = "test plug-in"

    def detect(self, document: Document) -> float:
        return 1.0 if "PLUGIN" in document.source else 0.0

    def parse(self, document: Document) -> ParseResult:
        return PolicyBuilder(document, self.name).build()


def test_entry_point_plugins_are_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    from privmodel.parsers import registry

    class _EntryPoint:
        name = "plugin"

        def load(self) -> type[_Plugin]:
            return _Plugin

    monkeypatch.setattr(registry.metadata, "entry_points", lambda group: [_EntryPoint()])
    monkeypatch.setattr(registry, "_REGISTRY", None)
    assert pm.parse("PLUGIN policy\nSome text.").parser == "plugin"
    monkeypatch.setattr(registry, "_REGISTRY", None)


def test_subpackages_are_importable_by_dotted_name() -> None:
    import importlib

    module = importlib.import_module("privmodel.parsers.generic.parser")
    assert module.GenericParser().name == "generic"
    assert pm.parsers.__name__ == "privmodel.parsers"
