"""Swedish word stems that say which normalised concept a label names, where it is clear.

The first stem found in the lower-cased label wins; a label with none gets no concept.
Activities repeat their labels, so the answers are kept per label.
"""

from __future__ import annotations

from privmodel.parsers.extract._phrases import text_cache
from privmodel.schema import DataConcept, PurposeConcept

_DATA: tuple[tuple[str, DataConcept], ...] = (
    ("kontaktinformation", DataConcept.CONTACT),
    ("kontaktuppgift", DataConcept.CONTACT),
    ("enhetsinformation", DataConcept.DEVICE),
    ("finansiell", DataConcept.FINANCIAL),
    ("geografisk", DataConcept.LOCATION),
    ("historisk", DataConcept.HISTORICAL),
    ("produkter", DataConcept.TRANSACTION),
    ("inloggning", DataConcept.CREDENTIALS),
    ("företagsuppgift", DataConcept.PROFESSIONAL),
    ("ärendeuppgift", DataConcept.COMMUNICATION),
    ("beteende", DataConcept.BEHAVIOURAL),
    ("personinformation", DataConcept.IDENTIFYING),
    ("övrigt", DataConcept.OTHER),
)

_PURPOSES: tuple[tuple[str, PurposeConcept], ...] = (
    ("betalningsförmåga", PurposeConcept.CREDIT_CHECK),
    ("fakturer", PurposeConcept.PAYMENT),
    ("order", PurposeConcept.ORDER_MANAGEMENT),
    ("inbrott", PurposeConcept.SECURITY),
    ("support", PurposeConcept.CUSTOMER_SUPPORT),
    ("felsökning", PurposeConcept.CUSTOMER_SUPPORT),
    ("ärende", PurposeConcept.CUSTOMER_SUPPORT),
    ("frågor", PurposeConcept.CUSTOMER_SUPPORT),
    ("marknads", PurposeConcept.MARKETING),
    ("analys", PurposeConcept.ANALYTICS),
    ("förbättra", PurposeConcept.SERVICE_IMPROVEMENT),
    ("ansökan om arbete", PurposeConcept.RECRUITMENT),
    ("anställningsavtal", PurposeConcept.RECRUITMENT),
    ("avtal", PurposeConcept.CONTRACT),
    ("leverera tjänst", PurposeConcept.SERVICE_PROVISION),
    ("begäran", PurposeConcept.RIGHTS_FULFILMENT),
    ("utdraget", PurposeConcept.RIGHTS_FULFILMENT),
    ("säkerhetskopiering", PurposeConcept.SERVICE_PROVISION),
    ("hemsida", PurposeConcept.SERVICE_PROVISION),
    ("informera", PurposeConcept.COMMUNICATION),
    ("information", PurposeConcept.COMMUNICATION),
    ("kontakt", PurposeConcept.COMMUNICATION),
)


@text_cache
def data_concept(label: str) -> DataConcept | None:
    text = label.lower()
    return next((concept for stem, concept in _DATA if stem in text), None)


@text_cache
def purpose_concept(label: str) -> PurposeConcept | None:
    text = label.lower()
    return next((concept for stem, concept in _PURPOSES if stem in text), None)
