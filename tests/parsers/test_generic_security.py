"""Security measures read by the generic parser: short labels, one per measure."""

from __future__ import annotations

import privmodel as pm


def parse(text: str) -> pm.Policy:
    return pm.parse(text, parser="generic", media_type="text/markdown").policy


def test_short_list_items_of_a_security_section_name_measures_only_with_a_term() -> None:
    text = (
        "# Privacy policy\n\n## Security and compliance\n\n"
        "We protect your data with these measures:\n\n"
        "- Two-factor authentication\n- Encrypted backups\n\n"
        "We comply with applicable laws, including:\n\n"
        "- General Data Protection Regulation (GDPR)\n"
        "- California Consumer Privacy Act (CCPA)\n"
    )
    policy = parse(text)
    labels = {m.label for m in policy.security_measures}
    assert {"Two-factor authentication", "Encrypted backups"} <= labels
    assert not any("Regulation" in label or "Act" in label for label in labels)
    for m in policy.security_measures:
        for ev in m.evidence:
            assert text[ev.start:ev.end] == ev.quote
