"""ISO 3166-1 alpha-2 country codes with English, Swedish and German names, as data.

Used by the exports (TILT wants alpha-2 codes, descriptions want names) and by the TILT
importer to repair real files that give names ("Deutschland", "USA") or near-codes ("UK").
The Swedish and German names, and extra English variants, come from the parser lexicons
(``privmodel.parsers.lexicon``, section "countries"), so they are kept in one place.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from privmodel.parsers import lexicon

# Every officially assigned ISO 3166-1 alpha-2 code and its short English name.
_TABLE = """
AD Andorra|AE United Arab Emirates|AF Afghanistan|AG Antigua and Barbuda|AI Anguilla
AL Albania|AM Armenia|AO Angola|AQ Antarctica|AR Argentina|AS American Samoa|AT Austria
AU Australia|AW Aruba|AX Åland Islands|AZ Azerbaijan|BA Bosnia and Herzegovina|BB Barbados
BD Bangladesh|BE Belgium|BF Burkina Faso|BG Bulgaria|BH Bahrain|BI Burundi|BJ Benin
BL Saint Barthélemy|BM Bermuda|BN Brunei Darussalam|BO Bolivia|BQ Bonaire, Sint Eustatius and Saba
BR Brazil|BS Bahamas|BT Bhutan|BV Bouvet Island|BW Botswana|BY Belarus|BZ Belize|CA Canada
CC Cocos (Keeling) Islands|CD Democratic Republic of the Congo|CF Central African Republic
CG Congo|CH Switzerland|CI Côte d'Ivoire|CK Cook Islands|CL Chile|CM Cameroon|CN China
CO Colombia|CR Costa Rica|CU Cuba|CV Cabo Verde|CW Curaçao|CX Christmas Island|CY Cyprus
CZ Czechia|DE Germany|DJ Djibouti|DK Denmark|DM Dominica|DO Dominican Republic|DZ Algeria
EC Ecuador|EE Estonia|EG Egypt|EH Western Sahara|ER Eritrea|ES Spain|ET Ethiopia|FI Finland
FJ Fiji|FK Falkland Islands|FM Micronesia|FO Faroe Islands|FR France|GA Gabon
GB United Kingdom|GD Grenada|GE Georgia|GF French Guiana|GG Guernsey|GH Ghana|GI Gibraltar
GL Greenland|GM Gambia|GN Guinea|GP Guadeloupe|GQ Equatorial Guinea|GR Greece
GS South Georgia and the South Sandwich Islands|GT Guatemala|GU Guam|GW Guinea-Bissau
GY Guyana|HK Hong Kong|HM Heard Island and McDonald Islands|HN Honduras|HR Croatia|HT Haiti
HU Hungary|ID Indonesia|IE Ireland|IL Israel|IM Isle of Man|IN India
IO British Indian Ocean Territory|IQ Iraq|IR Iran|IS Iceland|IT Italy|JE Jersey|JM Jamaica
JO Jordan|JP Japan|KE Kenya|KG Kyrgyzstan|KH Cambodia|KI Kiribati|KM Comoros
KN Saint Kitts and Nevis|KP North Korea|KR South Korea|KW Kuwait|KY Cayman Islands
KZ Kazakhstan|LA Laos|LB Lebanon|LC Saint Lucia|LI Liechtenstein|LK Sri Lanka|LR Liberia
LS Lesotho|LT Lithuania|LU Luxembourg|LV Latvia|LY Libya|MA Morocco|MC Monaco|MD Moldova
ME Montenegro|MF Saint Martin (French part)|MG Madagascar|MH Marshall Islands
MK North Macedonia|ML Mali|MM Myanmar|MN Mongolia|MO Macao|MP Northern Mariana Islands
MQ Martinique|MR Mauritania|MS Montserrat|MT Malta|MU Mauritius|MV Maldives|MW Malawi
MX Mexico|MY Malaysia|MZ Mozambique|NA Namibia|NC New Caledonia|NE Niger|NF Norfolk Island
NG Nigeria|NI Nicaragua|NL Netherlands|NO Norway|NP Nepal|NR Nauru|NU Niue|NZ New Zealand
OM Oman|PA Panama|PE Peru|PF French Polynesia|PG Papua New Guinea|PH Philippines|PK Pakistan
PL Poland|PM Saint Pierre and Miquelon|PN Pitcairn|PR Puerto Rico|PS Palestine|PT Portugal
PW Palau|PY Paraguay|QA Qatar|RE Réunion|RO Romania|RS Serbia|RU Russia|RW Rwanda
SA Saudi Arabia|SB Solomon Islands|SC Seychelles|SD Sudan|SE Sweden|SG Singapore
SH Saint Helena, Ascension and Tristan da Cunha|SI Slovenia|SJ Svalbard and Jan Mayen
SK Slovakia|SL Sierra Leone|SM San Marino|SN Senegal|SO Somalia|SR Suriname|SS South Sudan
ST Sao Tome and Principe|SV El Salvador|SX Sint Maarten (Dutch part)|SY Syria|SZ Eswatini
TC Turks and Caicos Islands|TD Chad|TF French Southern Territories|TG Togo|TH Thailand
TJ Tajikistan|TK Tokelau|TL Timor-Leste|TM Turkmenistan|TN Tunisia|TO Tonga|TR Türkiye
TT Trinidad and Tobago|TV Tuvalu|TW Taiwan|TZ Tanzania|UA Ukraine|UG Uganda
UM United States Minor Outlying Islands|US United States|UY Uruguay|UZ Uzbekistan
VA Holy See|VC Saint Vincent and the Grenadines|VE Venezuela|VG British Virgin Islands
VI United States Virgin Islands|VN Viet Nam|VU Vanuatu|WF Wallis and Futuna|WS Samoa
YE Yemen|YT Mayotte|ZA South Africa|ZM Zambia|ZW Zimbabwe
"""

NAMES_EN: Mapping[str, str] = dict(
    entry.strip().split(" ", 1)
    for line in _TABLE.strip().splitlines()
    for entry in line.split("|")
)

# Near-codes seen in real documents: reserved or wrong codes and the country meant.
ALIASES: Mapping[str, str] = {
    "UK": "GB",  # exceptionally reserved for the United Kingdom, not assigned
    "EL": "GR",  # the EU's own code for Greece
    "SW": "SE",  # used for Sweden in the TILT corpus; SW is not assigned
    "USA": "US",
}

# "ZZ" is user-assigned in ISO 3166-1 and conventionally means "unknown country".
UNKNOWN = "ZZ"

_LANGUAGES = ("en", "sv", "de")


def is_code(text: str) -> bool:
    """True for an assigned ISO 3166-1 alpha-2 code in upper case ("SE", not "se" or "UK")."""
    return text in NAMES_EN


def name(code: str, lang: str = "en") -> str:
    """The country's name in ``lang`` ("en", "sv" or "de"), English when no other is known."""
    if lang != "en":
        names = _plain_names(lang).get(code)
        if names:
            return names[0]
    return NAMES_EN.get(code, code)


@functools.cache
def _plain_names(lang: str) -> dict[str, list[str]]:
    """Lexicon patterns that are plain words, usable as names: {code: [name, ...]}."""
    out: dict[str, list[str]] = {}
    for code, patterns in lexicon.merged("countries", lang, common=False).items():
        plain = [p for p in patterns if re.fullmatch(r"[\w .'-]+", p)]
        if plain:
            out[code] = plain
    return out


@functools.cache
def _matchers() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Full-text matchers for every known name: English table, then the lexicons."""
    found: list[tuple[re.Pattern[str], str]] = []
    for code, english in NAMES_EN.items():
        found.append((re.compile(re.escape(english), re.IGNORECASE), code))
    for lang in _LANGUAGES:
        for code, patterns in lexicon.merged("countries", lang).items():
            found.extend((re.compile(p, re.IGNORECASE), code) for p in patterns if code in NAMES_EN)
    return tuple(found)


def to_code(text: str) -> str | None:
    """The alpha-2 code ``text`` means: a code, a near-code ("UK") or a name in en/sv/de.

    Returns None when nothing matches. Surrounding space, a leading "the" and a trailing
    full stop are ignored ("the United States." -> "US").
    """
    cleaned = re.sub(r"^(?:the\s+)", "", text.strip().rstrip("."), flags=re.IGNORECASE).strip()
    if is_code(cleaned):
        return cleaned
    upper = cleaned.upper()
    if upper in ALIASES:
        return ALIASES[upper]
    if len(cleaned) == 2 and is_code(upper):
        return upper
    for pattern, code in _matchers():
        if pattern.fullmatch(cleaned):
            return code
    return None


def find_in(text: str) -> str | None:
    """The code of the country a text ends with ("Box 1, 111 22 Stockholm, Sweden" -> "SE")."""
    tail = re.split(r"[,\n]", text.strip().rstrip("."))[-1].strip()
    return to_code(tail) if tail and not tail.isdigit() else None


__all__ = ["ALIASES", "NAMES_EN", "UNKNOWN", "find_in", "is_code", "name", "to_code"]
