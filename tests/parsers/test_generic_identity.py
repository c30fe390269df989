"""The generic parser's publisher roles, e-mail addresses, DPO, rights, laws and legal bases,
on short self-written snippets."""

from __future__ import annotations

from privmodel.parsers.generic.parser import GenericParser
from privmodel.parsers.readers import read_text
from privmodel.schema import Policy


def _parse(text: str) -> Policy:
    policy = GenericParser().parse(read_text(text, media_type="text/markdown")).policy
    for _, fact in policy.facts():
        for ev in fact.evidence:
            assert ev.quote, fact
    return policy


_FILLER = {
    "en": "We process your personal data only as this notice describes it.",
    "de": "Wir verarbeiten Ihre personenbezogenen Daten nur so, wie es diese Erklärung "
          "beschreibt, und geben sie nicht ohne Grund an andere weiter.",
    "sv": "Vi behandlar dina personuppgifter endast på det sätt som denna policy beskriver, "
          "och vi lämnar inte ut dem utan att det finns ett skäl för det.",
    "nb": "Vi behandler personopplysningene dine bare slik denne erklæringen beskriver, "
          "og vi gir dem ikke videre til andre uten at det er nødvendig.",
}


def _opening(lang: str, title: str) -> str:
    """A title and a dozen paragraphs: the language is clear and the opening is passed."""
    return f"# {title}\n\n" + "".join(f"{_FILLER[lang]}\n\n" for _ in range(13))


def _roles(policy: Policy) -> set[str]:
    return {r.role.value for r in policy.publisher.roles} if policy.publisher else set()


def _rights(policy: Policy) -> set[str]:
    return {r.code.value for r in policy.rights}


def _bases(policy: Policy) -> set[str]:
    return {b.code.value for b in policy.legal_bases}


def _emails(policy: Policy) -> set[str]:
    return set(policy.publisher.emails) if policy.publisher else set()


def test_third_party_processor_gives_the_publisher_no_processor_role() -> None:
    policy = _parse(
        "# Privacy\n\nExample Ltd runs this website.\n\n"
        "Our hosting partners act as data processors and process data on our behalf.\n\n"
        "Our customers act as data controllers for the data they upload.\n"
    )
    assert "processor" not in _roles(policy)
    assert "controller" not in _roles(policy) or policy.publisher is not None


def test_processor_of_the_publisher_is_not_the_publisher() -> None:
    policy = _parse(
        "# Datenschutz\n\nDie Muster-Institut (MI) betreibt die App.\n\n"
        "Das MI hat die Beispiel GmbH beauftragt, die als Auftragsverarbeiter des MI tätig wird.\n"
    )
    assert "processor" not in _roles(policy)


def test_own_processor_role_and_joint_controllership() -> None:
    policy = _parse(
        "# Privacy\n\nWe act as a data processor when we handle data for our clients.\n"
    )
    assert "processor" in _roles(policy)
    policy = _parse(
        _opening("nb", "Personvernerklæring") + "## Delt behandlingsansvar\n\n"
        "Forbundet og foreningene har delt behandlingsansvar for opplysningene.\n"
    )
    assert "joint_controller" in _roles(policy)


def test_policy_without_role_words_is_the_controllers() -> None:
    policy = _parse("# Privacy\n\nWe collect your name and e-mail address to send you news.\n")
    assert _roles(policy) == {"controller"}


def test_obfuscated_and_contact_sentence_emails() -> None:
    policy = _parse(
        _opening("de", "Datenschutz") + "## Verantwortlicher\n\nE-Mail: info [at] beispiel.de\n\n"
        "## Cookies\n\nBei Fragen schreiben Sie uns an fragen@beispiel.de.\n\n"
        "## Analyse\n\nDer Anbieter ist erreichbar unter privacy@analytics.example.\n"
    )
    assert _emails(policy) == {"info@beispiel.de", "fragen@beispiel.de"}


def test_authority_address_in_rights_section_is_not_the_publishers() -> None:
    policy = _parse(
        _opening("sv", "Integritetspolicy") + "## Dina rättigheter\n\n"
        "Du kan klaga hos Integritetsskyddsmyndigheten (IMY), imy@imy.se.\n\n"
        "Begäran om registerutdrag skickas till dataskydd@exempel.se.\n"
    )
    assert _emails(policy) == {"dataskydd@exempel.se"}


def test_dpo_section_with_contact_lines() -> None:
    policy = _parse(
        _opening("de", "Datenschutz") + "## Datenschutzbeauftragter\n\nMax Muster\n"
        "Musterstraße 1\n\n"
        "Telefon: +49 30 1234567\n"
    )
    assert policy.dpo is not None


def test_rights_list_items_and_article_numbers() -> None:
    policy = _parse(
        "# Privacy\n\n## Your rights\n\nYou have the right to:\n\n"
        "- Be informed about how we use your data\n- Restrict or object to how we use it\n"
        "- Request a copy of your data\n"
    )
    assert {"information", "restriction", "object", "access"} <= _rights(policy)
    policy = _parse(
        _opening("de", "Datenschutz") + "## Weitere Rechte\n\n"
        "Ihnen stehen außerdem die Rechte aus den Artikeln 16, 17 und 20 DSGVO zu.\n"
    )
    assert {"rectification", "erasure", "portability"} <= _rights(policy)


def test_marketing_purpose_is_not_an_opt_out_right() -> None:
    policy = _parse(
        _opening("sv", "Integritetspolicy") + "## Personuppgifter\n\n"
        "Vi använder dina uppgifter för kundrelationer och direktmarknadsföring.\n"
    )
    assert "opt_out_marketing" not in _rights(policy)


def test_replaced_law_is_not_followed() -> None:
    policy = _parse(
        "# Privacy\n\nThe General Data Protection Regulation (GDPR) replaces the Swedish "
        "Personal Data Act (PUL).\n"
    )
    assert {law.name for law in policy.laws} == {"GDPR"}


def test_bases_from_labels_citations_and_obligation_purposes() -> None:
    policy = _parse(
        _opening("de", "Datenschutz") + "## Rechtsgrundlage\n\n"
        "Die Rechtsgrundlage ist Art. 6 Abs. 1 S. 1 lit. a DSGVO.\n"
    )
    assert _bases(policy) == {"consent"}
    policy = _parse(
        "# Privacy\n\n## Legal bases\n\n| Purpose | Basis |\n|---|---|\n| Accounts | Contract |\n\n"
        "## How we use your data\n\n- Comply with legal obligations\n"
    )
    assert {"contract", "legal_obligation"} <= _bases(policy)
