"""Any input either parses or raises privmodel's own error: never another exception."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import privmodel as pm
from privmodel.parsers.readers import read_bytes

MEDIA = ["text/plain", "text/markdown", "text/html"]
# Fragments of policy language and markup, mixed at random.
FRAGMENTS = st.sampled_from([
    "Privacy Policy\n", "# Integritetspolicy\n", "<h2>Your rights</h2>", "<li>", "</li>",
    "- Name and e-mail address\n", "We keep invoices for 7 years.\n", "&amp;", "&#x2019;",
    "Exempel AB is the controller.\n", "Art. 6(1)(f) GDPR", "| a | b |\n", "\t", "\r\n",
    "Vi sparar uppgifterna i 30 dagar.\n", "privacy@example.org", "<!-- x -->", "<br>",
    "Legal basis:\n", "standard contractual clauses", "USA", "1. Introduction\n", "ÅÄÖ",
])


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(FRAGMENTS | st.text(max_size=20), max_size=30), st.sampled_from(MEDIA))
def test_random_documents_parse_or_fail_cleanly(parts: list[str], media: str) -> None:
    text = "".join(parts)
    try:
        result = pm.parse(text, media_type=media)
    except pm.PrivmodelError:
        return
    source = read_bytes(text.encode("utf-8"), media_type=media).source
    for _, fact in result.policy.facts():
        for ev in fact.evidence:
            assert source[ev.start:ev.end] == ev.quote
    assert pm.load(pm.dump(result.policy)) == result.policy


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_never_crash(data: bytes) -> None:
    message = ""
    try:
        read_bytes(data, path="random.bin")
    except pm.InputError as exc:
        message = str(exc)
    assert not message or "random.bin" in message


@pytest.mark.parametrize("media", MEDIA)
def test_whitespace_only_is_an_input_error(media: str) -> None:
    with pytest.raises(pm.InputError):
        pm.parse("   \n\t  \n", media_type=media)
