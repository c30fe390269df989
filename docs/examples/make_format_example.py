"""Build the example policy shown in docs/format.md: python docs/examples/make_format_example.py"""

from __future__ import annotations

import privmodel as pm

SOURCE = (
    "Exempel AB (556000-0000) is the controller. We use your e-mail address to send our "
    "newsletter, based on your consent. We keep it until you unsubscribe, and invoices for "
    "7 years (Bokföringslagen). We do not transfer personal data outside the EU/EEA."
)


def ev(quote: str) -> pm.Evidence:
    start = SOURCE.index(quote)
    return pm.Evidence(start=start, end=start + len(quote), quote=quote)


def example() -> pm.Policy:
    subject = pm.DataSubjectCategory(label="newsletter subscribers", concept="subscriber",
                                     evidence=(ev("your e-mail address"),), confidence=0.8)
    data = pm.DataCategory(label="e-mail address", concept="contact",
                           evidence=(ev("e-mail address"),))
    purpose = pm.Purpose(label="send our newsletter", concept="marketing",
                         evidence=(ev("send our newsletter"),))
    basis = pm.LegalBasis(code="consent", label="your consent", purpose_ids=(purpose.id,),
                          evidence=(ev("your consent"),))
    keep = pm.RetentionRule(applies_to="e-mail address", kind="until_withdrawal",
                            data_category_ids=(data.id,), evidence=(ev("until you unsubscribe"),))
    books = pm.RetentionRule(applies_to="invoices", kind="legal_requirement", duration="P7Y",
                             law="Bokföringslagen", evidence=(ev("invoices for 7 years"),))
    activity = pm.ProcessingActivity(
        name="Newsletter", subject_ids=(subject.id,), data_category_ids=(data.id,),
        purpose_ids=(purpose.id,), legal_basis_ids=(basis.id,), retention_ids=(keep.id,),
    )
    no_transfer = ev("We do not transfer personal data outside the EU/EEA")
    return pm.Policy(
        source=pm.Source(path="example.txt", media_type="text/plain", language="en"),
        publisher=pm.Organisation(
            name="Exempel AB", org_number="556000-0000", evidence=(ev("Exempel AB"),),
            roles=(pm.RoleClaim(role="controller", evidence=(ev("controller"),)),),
        ),
        data_subjects=(subject,), data_categories=(data,), purposes=(purpose,),
        legal_bases=(basis,), retention_rules=(keep, books), activities=(activity,),
        laws=(pm.Law(name="Bokföringslagen", jurisdiction="SE",
                     evidence=(ev("Bokföringslagen"),)),),
        declarations=pm.Declarations(
            transfers_outside_eea=pm.Declaration(presence="none", evidence=(no_transfer,))
        ),
    )


if __name__ == "__main__":
    print(pm.dump(example()), end="")
