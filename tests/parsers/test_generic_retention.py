"""The generic parser on retention: periods anywhere with a storage verb, criteria in retention
sections, labels that name the data kept, and the same codes across languages."""

from __future__ import annotations

import pytest

import privmodel as pm
from privmodel.parsers.generic.retention import retention_subject
from privmodel.schema import Duration, RetentionKind


def rules(text: str) -> list[pm.RetentionRule]:
    policy = pm.parse(text, parser="generic", media_type="text/markdown").policy
    for rule in policy.retention_rules:
        for ev in rule.evidence:
            assert text[ev.start:ev.end] == ev.quote
    return list(policy.retention_rules)


def test_period_outside_retention_section_needs_storage_verb() -> None:
    text = (
        "# Privacy notice\n\n## Camera surveillance\n\n"
        "Our office is monitored. Recordings are deleted after 30 days.\n\n"
        "## Your rights\n\nWe answer your request within one month.\n"
    )
    found = rules(text)
    assert [(r.kind, r.duration) for r in found] == [(RetentionKind.FIXED, Duration.of(days=30))]
    assert found[0].applies_to == "Recordings"


def test_age_is_not_a_period() -> None:
    text = "# Privacy\n\n## Children\n\nWe delete data of users under 16 years of age.\n"
    assert rules(text) == []


def test_retention_heading_in_german_question() -> None:
    text = (
        "# Datenschutz\n\n## Wann werden Ihre Daten gelöscht?\n\n"
        "Ihre Daten werden gelöscht, sobald sie nicht mehr erforderlich sind.\n"
    )
    kinds = {r.kind for r in rules(text)}
    assert RetentionKind.AS_LONG_AS_NECESSARY in kinds


def test_right_to_erasure_heading_is_not_retention() -> None:
    text = (
        "# Datenschutz\n\n## Recht auf Löschung\n\n"
        "Sie können die Löschung verlangen, solange dies nicht mehr erforderlich ist.\n"
    )
    assert rules(text) == []


@pytest.mark.parametrize(("text", "kind"), [
    ("## Storage period\n\nUsers can ask to have their personal data removed.",
     RetentionKind.UNTIL_DELETION_REQUEST),
    ("## Säilytysaika\n\nKäyttäjä voi pyytää henkilötietojensa poistamista.",
     RetentionKind.UNTIL_DELETION_REQUEST),
    ("## Lagring\n\nVissa uppgifter sparas enligt tillämplig preskriptionstid.",
     RetentionKind.LIMITATION_PERIOD),
    ("## Retention\n\nRetention periods vary with the customer configuration.",
     RetentionKind.CUSTOMER_CONFIGURED),
])
def test_criteria_in_each_language(text: str, kind: RetentionKind) -> None:
    assert kind in {r.kind for r in rules("# Policy\n\n" + text + "\n")}


def test_permanent_cookie_is_not_indefinite_retention() -> None:
    text = "# Policy\n\n## Cookies\n\nVi använder sessionscookies och permanenta cookies.\n"
    assert RetentionKind.INDEFINITE not in {r.kind for r in rules(text)}


@pytest.mark.parametrize(("sentence", "lang", "label"), [
    ("Backuper sparas maximalt i 90 dagar.", "sv", "Backuper"),
    ("We retain your account data for two years.", "en", "your account data"),
    ("Login cookies last for two days.", "en", "Login cookies"),
    ("Die Server-Log-Dateien werden nach 14 Tagen gelöscht.", "de", "Die Server-Log-Dateien"),
    ("Fehlerberichte, die Sie senden, werden nach 14 Tagen gelöscht.", "de", "Fehlerberichte"),
    ("Som hovedregel blir alle opplysninger arkivert i 5 år.", "nb", "alle opplysninger"),
    ("It expires after one day.", "en", "personal data"),
])
def test_label_is_the_data_kept(sentence: str, lang: str, label: str) -> None:
    anchor = next(i for i, ch in enumerate(sentence) if ch.isdigit() or sentence[i:].startswith(
        ("two", "one")))
    assert retention_subject(sentence, 0, anchor, lang) == label


@pytest.mark.parametrize(("text", "field", "iso"), [
    ("# Datenschutz\n\nVersion: 22.11.2023\n\nText.\n", "last_updated", "2023-11-22"),
    ("# Datenschutz\n\nDie Hinweise gelten ab dem 1. Mai 2023.\n", "effective_date", "2023-05-01"),
])
def test_date_label_phrasings(text: str, field: str, iso: str) -> None:
    policy = pm.parse(text, parser="generic", media_type="text/markdown").policy
    assert getattr(policy, field).value.isoformat() == iso
