"""Language guessing by stop-word scoring (no model, no download).

Supported: English, Swedish, Danish, Norwegian Bokmål, Finnish and German.  Each language
has a set of common function words; words shared between the Scandinavian languages are
left out of the sets (or given to one side only where they discriminate), so that
Danish and Norwegian are told apart by words such as *af/av*, *hvad/hva*, *nogle/noen*.
"""

from __future__ import annotations

import re


def _split(words: str) -> list[str]:
    return words.split()


_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        _split(
            "the and of to in is that for you your we our with are be this on as by or it "
            "not from have may will which can any use data personal information when about "
            "an at us if such these other their they do how"
        )
    ),
    "sv": frozenset(
        _split(
            "och att det är som för på med av till inte har vi du dig din dina vår våra "
            "oss om eller kan ett en den de vid från hur vad när också sker enligt "
            "uppgifter personuppgifter behandlar behandling samt under efter denna detta "
            "eftersom mycket någon några än så skulle"
        )
    ),
    "da": frozenset(
        _split(
            "og af at det er som for på med til ikke har vi du dig din dine vores os om "
            "eller kan et en den de ved fra hvordan hvad hvornår også nogle efter blive "
            "bliver jeres oplysninger personoplysninger behandler behandling denne dette "
            "samt mere hvis være skal eksempel sådan"
        )
    ),
    "nb": frozenset(
        _split(
            "og av at det er som for på med til ikke har vi du deg din dine vår våre oss "
            "om eller kan et en den de ved fra hvordan hva når også noen etter bli blir "
            "deres opplysninger personopplysninger behandler behandling denne dette samt "
            "mer hvis være skal eksempel slik"
        )
    ),
    "fi": frozenset(
        _split(
            "ja on että tai ei se ne me te sinun meidän sinä joka jotka kun niin mukaan "
            "myös voi voimme sekä tietoja henkilötietoja henkilötietojen tietosuoja "
            "käsittelemme käsittely kanssa ovat olla jos tai kuten tämä nämä "
            "palvelun palvelu"
        )
    ),
    "de": frozenset(
        _split(
            "und der die das nicht ist zu mit sie wir ihre ihr uns unsere von auf für ein "
            "eine einer werden wird den dem des im in oder wenn auch als bei daten "
            "personenbezogenen sich dass nach können diese dieser"
        )
    ),
}


def _weights() -> dict[str, tuple[tuple[str, float], ...]]:
    """Each stop word's languages, weighted 1/n when n languages share the word."""
    langs: dict[str, list[str]] = {}
    for lang, stops in _STOPWORDS.items():
        for word in stops:
            langs.setdefault(word, []).append(lang)
    return {w: tuple((lang, 1 / len(ls)) for lang in ls) for w, ls in langs.items()}


_WEIGHTS = _weights()
_WORD = re.compile(r"[^\W\d_]+")
# ASCII non-letters and the commonest other marks: none of them is part of a word.
_ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())
_TO_SPACE = bytes.maketrans(_ASCII_NON_LETTERS, b" " * len(_ASCII_NON_LETTERS))
_MARKS = tuple(mark.encode() for mark in "’“”„–—•§…«»")
_MAX_WORDS = 5000
_CHUNK = 64  # pieces tested together for letters only


def _words(text: str) -> list[str]:
    """The matches of ``_WORD`` in ``text``, in order.

    Marks that never belong to a word (ASCII non-letters, common quotes, dashes and
    bullets) become spaces in the UTF-8 bytes, where that is done in C, and the text is
    split at whitespace.  Pieces made of letters are words: all the pieces, or a chunk of
    them, are taken whole when one isalpha over them says so, and only in the other
    chunks are the pieces with some other non-letter (a digit, a superscript) put
    through the regex.
    """
    data = text.encode("utf-8", "surrogatepass").translate(_TO_SPACE)
    for mark in _MARKS:
        if mark in data:
            data = data.replace(mark, b" ")
    pieces = data.decode("utf-8", "surrogatepass").split()
    if "".join(pieces).isalpha():
        return pieces
    words: list[str] = []
    for at in range(0, len(pieces), _CHUNK):
        chunk = pieces[at : at + _CHUNK]
        if "".join(chunk).isalpha():
            words += chunk
            continue
        for piece in chunk:
            if piece.isalpha():
                words.append(piece)
            else:
                words += _WORD.findall(piece)
    return words


def detect_language(text: str) -> str:
    """ISO 639-1 code of the likeliest language of ``text``; ``"und"`` if it has no words.

    Falls back to ``"en"`` when no stop word of any language occurs.
    """
    words = _words(text)[:_MAX_WORDS]
    if not words:
        return "und"
    scores = dict.fromkeys(_STOPWORDS, 0.0)
    for weights in filter(None, map(_WEIGHTS.get, map(str.lower, words))):
        for lang, weight in weights:
            scores[lang] += weight
    best = max(scores, key=lambda lang: scores[lang])
    if scores[best] == 0:
        return "en"
    return best
