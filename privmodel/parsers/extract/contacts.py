"""Contact details: e-mail addresses, telephone numbers, web addresses and postal addresses."""

from __future__ import annotations

import functools
import re

from privmodel.parsers import lexicon
from privmodel.parsers.extract._phrases import alternation
from privmodel.parsers.extract.match import Match, select

_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\w-])"
)
_URL = re.compile(r"(?<![\w@./-])(?:https?://|www\.)[^\s<>\"'`{}|\\^\[\]]+", re.IGNORECASE)
_URL_TRAILING = ".,;:!?)»”’'\""
_PHONE = re.compile(
    (
        r"(?<![\w+/.-])(?:"
        r"\+_?\d{1,3}(?:[_.-]?\(0\))?(?:[_.-]?\(?\d{1,4}\)?){2,6}"  # +46 8 657 61 00
        r"|\(\d{3}\)_?\d{3}[_.-]\d{4}"  # (555) 123-4567
        r"|\d{3}[.-]\d{3}[.-]\d{4}"  # 555-123-4567
        r"|0\d{1,3}(?:[_/-]|_?-_?)\d{2,4}(?:[_-]?\d{2,4}){0,3}"  # 08-123 45 67
        r")(?![\w-]|[.,]\d)"
    ).replace("[_", "[ \u00a0").replace("_", "[ \u00a0]")
)
_NOT_PHONE = re.compile(
    r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{6}-\d{4}|\d{7}-\d|\d{3} \d{2}"
)


def find_emails(text: str) -> list[Match[str]]:
    """E-mail addresses; the value is the address as written."""
    return [Match(m.group(), m.start(), m.end(), m.group()) for m in _EMAIL.finditer(text)]


def find_urls(text: str) -> list[Match[str]]:
    """Web addresses starting with http://, https:// or www., trailing punctuation dropped."""
    out: list[Match[str]] = []
    for m in _URL.finditer(text):
        url = _strip_url(m.group())
        if "." in url.split("://")[-1].strip("."):
            out.append(Match(url, m.start(), m.start() + len(url), url))
    return out


def _strip_url(url: str) -> str:
    while url and url[-1] in _URL_TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def find_phones(text: str) -> list[Match[str]]:
    """Telephone numbers, national or international; dates, org numbers, postcodes excluded."""
    out: list[Match[str]] = []
    for m in _PHONE.finditer(text):
        phone = m.group().rstrip(" -")
        digits = sum(c.isdigit() for c in phone)
        if not 7 <= digits <= 15 or _NOT_PHONE.fullmatch(phone):
            continue
        value = re.sub(r"\s+", " ", re.sub(r"^\+\s+", "+", phone))
        out.append(Match(value, m.start(), m.start() + len(phone), phone))
    return out


@functools.cache
def _address_regex(langs: str) -> re.Pattern[str]:
    lang = langs if "," not in langs else "*"
    boxes = alternation(lexicon.flat("po_box", lang, common=False))
    countries = alternation(
        p
        for name in {lang, "en"}
        for table in lexicon.section("countries", name)
        for ps in table.values()
        for p in ps
    )
    word = r"[A-ZÅÄÖÆØÜ][\w'’.-]*"
    number = r"\d{1,4}(?:_?[A-Za-z]\b)?"
    street = (
        rf"(?:{word}(?:[_-](?:{word}|[a-zåäöæøü][\w.-]*)){{0,3}}_{number}(?:[_,-]+{number})?"
        rf"|(?-i:{boxes})_?\d{{1,6}})"
    )
    postcode = r"(?:(?:SE|S|FI|FIN|DK|D|DE|NO|N)-)?(?:\d{3}_\d{2}|\d{4,5})"
    city_word = r"[A-ZÅÄÖÆØÜ][\w'’-]*"
    city = rf"{city_word}(?:[_-]{city_word}){{0,2}}"
    source = (
        rf"(?<![\w-]){street}\s*[,\n]?\s*{postcode}_{city}(?:,?_(?:{countries}))?(?!\w)"
    )
    return re.compile(source.replace("[_", "[ \u00a0").replace("_", "[ \u00a0]"))


def find_postal_addresses(text: str, lang: str) -> list[Match[str]]:
    """Street (or P.O. box) with number, then postcode and city, optionally the country.

    The value is the address on one line with single spaces ("Box 8114, 104 20 Stockholm").
    A postcode and city without a street is not an address.
    """
    regex = _address_regex(",".join(lexicon.languages(lang)))
    found = [
        Match(_one_line(m.group()), m.start(), m.end(), m.group()) for m in regex.finditer(text)
    ]
    return select(found)


def _one_line(address: str) -> str:
    lines = [part.strip(" ,") for part in re.split(r"\s*\n\s*", address.strip())]
    return re.sub(r"\s+", " ", ", ".join(p for p in lines if p))


__all__ = ["find_emails", "find_phones", "find_postal_addresses", "find_urls"]
