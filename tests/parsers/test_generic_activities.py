"""Processing activities the generic parser reads where the policy links them explicitly."""

from __future__ import annotations

from privmodel.eval.gold import to_gold
from privmodel.parsers.generic.activities import field_of
from privmodel.parsers.generic.parser import GenericParser
from privmodel.parsers.readers import read_text


def _activities(text: str, media_type: str = "text/markdown") -> list[dict[str, object]]:
    doc = read_text(text, path="policy.md", media_type=media_type)
    policy = GenericParser().parse(doc).policy
    for activity in policy.activities:
        for ev in activity.evidence:
            assert doc.source[ev.start:ev.end] == ev.quote
    return list(to_gold(policy, "policy.md")["activities"])


def test_field_names() -> None:
    assert field_of("Legal basis:", "en") == "legal_basis"
    assert field_of("3. Purposes of the processing", "en") == "purposes"
    assert field_of("KATEGORI AV UPPGIFTER", "sv") == "data"
    assert field_of("Rechtsgrundlage", "de") == "legal_basis"
    assert field_of("How we share your data with partners", "en") is None


RECORDS = """# Privacy policy

## Our processing

### Categories of data subjects

Customers • Contact persons

### Categories of data

Contact details • Order history

### Purpose

Deliver orders • Invoicing

### Legal basis

Performance of a contract

### Categories of data subjects

Job applicants

### Categories of data

CV

### Purpose

Evaluate applications

### Legal basis

Consent
"""


def test_heading_records() -> None:
    acts = _activities(RECORDS)
    assert [a["subjects"] for a in acts] == [["Customers", "Contact persons"], ["Job applicants"]]
    assert acts[0]["purposes"] == ["Deliver orders", "Invoicing"]
    assert acts[0]["data"] == ["Contact details", "Order history"]
    assert acts[0]["legal_bases"] == ["b"]
    assert acts[1]["legal_bases"] == ["a"]


def test_a_single_heading_record_is_an_outline() -> None:
    text = "# Policy\n\n## Purpose\n\nWe sell books.\n\n## Legal basis\n\nContract\n"
    assert _activities(text) == []


TABLE = """# Privacy notice

Acme app users can read here what we do.

## Lawful bases

| What we use your data for | What data we process | Our lawful basis |
|---|---|---|
| To provide the app | Contact data | Contract to provide the app |
| To send newsletters | Contact data | Your consent |
"""


def test_table_with_purpose_column() -> None:
    acts = _activities(TABLE)
    assert [a["purposes"] for a in acts] == [["To provide the app"], ["To send newsletters"]]
    assert all(a["subjects"] == ["Acme app users"] for a in acts)
    assert acts[1]["legal_bases"] == ["a"]


SECTIONS = """# Datenschutzerklärung

## Wofür werden Ihre Daten verarbeitet?

### a. Kontaktformular

Nutzer der Website können uns schreiben. Wir verarbeiten Ihre Daten auf Grundlage Ihrer
Einwilligung.

### b. Newsletter

Wir versenden einen Newsletter.

## Ihre Rechte

Sie haben das Recht auf Auskunft.
"""


def test_purpose_subsections() -> None:
    acts = _activities(SECTIONS)
    assert [a["purposes"] for a in acts] == [["Kontaktformular"], ["Newsletter"]]
    assert acts[0]["subjects"] == ["Nutzer der Website"]


def test_no_structure_no_activities() -> None:
    text = "# Policy\n\nWe collect your name to answer your questions.\n"
    assert _activities(text) == []
