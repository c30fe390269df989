"""Language guessing by stop-word scoring (no model, no download).

Supported: English, Swedish, Danish, Norwegian Bokmål, Finnish and German.  Each language
has a set of common function words; words shared between the Scandinavian languages are
left out of the sets (or given to one side only where they discriminate), so that
Danish and Norwegian are told apart by words such as *af/av*, *hvad/hva*, *nogle/noen*.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import compress


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
# The weights in whole sixtieths (1/n is one for every n up to the six languages), so
# that the scores of counted words are summed exactly.
_SIXTIETHS = {
    word: tuple((lang, round(60 * weight)) for lang, weight in weights)
    for word, weights in _WEIGHTS.items()
}
_WORD = re.compile(r"[^\W\d_]+")
# ASCII non-letters and the commonest other marks: none of them is part of a word.
_ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())
_TO_SPACE = bytes.maketrans(_ASCII_NON_LETTERS, b" " * len(_ASCII_NON_LETTERS))
_MARKS = tuple((mark, mark.encode()) for mark in "’“”„–—•§…«»")
_MAX_WORDS = 5000
_CHUNK = 64  # pieces tested together for letters only


def _pieces(text: str) -> list[str]:
    """``text`` split at whitespace, ASCII non-letters and the commonest other marks.

    Those marks never belong to a word: they become spaces in the UTF-8 bytes, where
    that is done in C.  A piece made of letters only is a word.
    """
    data = text.encode("utf-8", "surrogatepass").translate(_TO_SPACE)
    for mark, encoded in _MARKS:
        if mark in text:  # far cheaper to look for than its bytes
            data = data.replace(encoded, b" ")
    return data.decode("utf-8", "surrogatepass").split()


def _words(text: str) -> list[str]:
    """The matches of ``_WORD`` in ``text``, in order."""
    return _words_of(_pieces(text))


def _words_of(pieces: list[str]) -> list[str]:
    """The words of a text cut into :func:`_pieces`.

    All the pieces, or a chunk of them, are taken whole when one isalpha over them says
    they are letters only, and only in the other chunks are the pieces with some other
    non-letter (a digit, a superscript) put through the regex.
    """
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


def _counts(text: str) -> Counter[str]:
    """How often each of the first ``_MAX_WORDS`` words of ``text`` occurs.

    The pieces are counted, and only the distinct ones with a non-letter are cut into
    their words.  When the first pieces are all letters they are the first words; when
    all the pieces were counted and hold no more words than are wanted, the words are
    all the words.  Else the words are found in order and cut off.
    """
    pieces = _pieces(text)
    counts = Counter(pieces[:_MAX_WORDS])
    if "".join(counts).isalpha():
        return counts
    if len(pieces) <= _MAX_WORDS:
        for piece in [piece for piece in counts if not piece.isalpha()]:
            times = counts.pop(piece)
            for word in _WORD.findall(piece):
                counts[word] += times
        if counts.total() <= _MAX_WORDS:
            return counts
    return Counter(_words_of(pieces)[:_MAX_WORDS])


def _float_vote(words: list[str]) -> str:
    """The language with the highest sum of weights, added word by word in float."""
    scores = dict.fromkeys(_STOPWORDS, 0.0)
    for weights in filter(None, map(_WEIGHTS.get, map(str.lower, words))):
        for lang, weight in weights:
            scores[lang] += weight
    return max(scores, key=lambda lang: scores[lang])


def detect_language(text: str) -> str:
    """ISO 639-1 code of the likeliest language of ``text``; ``"und"`` if it has no words.

    Each of the first words that is a stop word of n languages adds 1/n to the score of
    each of them, and the highest score wins.  Falls back to ``"en"`` when no stop word
    of any language occurs.

    The scores are summed exactly, in sixtieths, once per distinct word (lower-cased
    once).  Scores that differ do so by at least 1/60, far beyond the rounding of float
    sums, so only a tie at the top is decided as the float sums, word by word in text
    order, always decided it.
    """
    counts = _counts(text)
    if not counts:
        return "und"
    sixtieths = list(map(_SIXTIETHS.get, map(str.lower, counts)))
    scores = dict.fromkeys(_STOPWORDS, 0)
    # Only the stop words (the words with shares) reach the loop.
    for shares, count in compress(zip(sixtieths, counts.values(), strict=True), sixtieths):
        for lang, share in shares or ():
            scores[lang] += count * share
    best = max(scores, key=scores.__getitem__)
    if scores[best] == 0:
        return "en"
    if list(scores.values()).count(scores[best]) > 1:
        return _float_vote(_words(text)[:_MAX_WORDS])
    return best
