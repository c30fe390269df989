"""Building blocks of the model: strict frozen models, named types, evidence, stable ids."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from privmodel._memo import text_cache

CountryCode = Annotated[
    str, Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 country code")
]
LanguageCode = Annotated[
    str, Field(pattern=r"^([a-z]{2,3}|und)$", description="ISO 639-1 language code, or 'und'")
]
Email = Annotated[
    str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", description="An e-mail address")
]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256, lower-case hex")]
Label = Annotated[str, Field(min_length=1, description="Text as the policy words it")]
FactId = Annotated[
    str,
    Field(
        pattern=r"^[a-z_]+:[a-z0-9][a-z0-9-]*$",
        description="Stable id derived from the fact's content, e.g. 'purpose:marketing'",
    ),
]

_SLUG_MAX = 60


class Model(BaseModel):
    """Base of every model: immutable, and unknown fields are an error."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


class Evidence(Model):
    """Where a value was read: character offsets into the source and the quoted text.

    Invariant: ``source[start:end] == quote`` for the decoded source text.
    """

    start: int = Field(ge=0, description="Offset of the first quoted character")
    end: int = Field(ge=0, description="Offset just after the last quoted character")
    quote: str = Field(min_length=1, description="The source text between start and end")
    section: tuple[str, ...] = Field(
        default=(), description="Headings enclosing the quote, outermost first"
    )

    @model_validator(mode="after")
    def _span_matches_quote(self) -> Evidence:
        if self.end - self.start != len(self.quote):
            raise ValueError(
                f"end - start must equal the length of quote ({len(self.quote)}), "
                f"but is {self.end - self.start}"
            )
        return self


# What each byte of folded text becomes in a slug: letters in lower case, digits as they
# are, anything else a separator (a space, which bytes.split splits the words at).
_SLUG_BYTES = bytes(
    ord(ch.lower()) if ch.isascii() and ch.isalnum() else ord(" ")
    for ch in map(chr, range(256))
)


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphen-separated: 'Övrigt (e-post)' -> 'ovrigt-e-post'."""
    # ASCII text is its own NFKD form: only other text needs folding. Translating and
    # splitting bytes costs a fraction of a regular expression's substitution per word.
    folded = (
        text.encode() if text.isascii()
        else unicodedata.normalize("NFKD", text).encode("ascii", "ignore")
    )
    return b"-".join(folded.translate(_SLUG_BYTES).split()).decode() or "x"


def make_id(prefix: str, parts: Iterable[object]) -> str:
    """A readable, stable id from content: the slug, with a short hash when it is cut."""
    return _id(prefix, " ".join(str(p) for p in parts if p not in (None, "", ())))


@text_cache
def _id(prefix: str, text: str) -> str:
    # Kept per text: a policy names the same category or purpose in many places.
    slug = slugify(text)
    if len(slug) > _SLUG_MAX:
        digest = hashlib.sha256(text.encode()).hexdigest()[:8]
        slug = f"{slug[:_SLUG_MAX].rstrip('-')}-{digest}"
    return f"{prefix}:{slug}"


def _no_default(schema: dict[str, Any]) -> None:
    """The id is derived when absent, so the schema shows no placeholder default."""
    schema.pop("default", None)


class Fact(Model):
    """Something the policy states: it has a stable id, its evidence and a confidence.

    Subclasses name the fields that identify them (``_id_fields``); the id is derived from
    those when it is not given, so the same statement always gets the same id.
    """

    _id_prefix: ClassVar[str] = "fact"
    _id_fields: ClassVar[tuple[str, ...]] = ()

    id: FactId = Field(
        default="",
        description="Stable id derived from content when absent; other facts refer to it",
        json_schema_extra=_no_default,
    )
    evidence: tuple[Evidence, ...] = Field(
        default=(), description="The source spans this fact was read from"
    )
    confidence: float = Field(
        default=1.0, ge=0.0, le=1.0, description="How sure the parser is (1.0 = certain)"
    )

    @model_validator(mode="before")
    @classmethod
    def _derive_id(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("id"):
            return {**data, "id": derive_id(cls, data)}
        return data


def derive_id(cls: type[Fact], data: Mapping[str, Any]) -> str:
    """The id ``cls(**data)`` gets when ``data`` gives none: from its id fields' values."""
    prefix, fields = _ID_SPECS.get(cls) or _id_spec(cls)
    # A value equal to the field's default adds nothing, so an explicit default and an
    # omitted field give the same id; empty parts are left out, as in make_id. A plain
    # loop: this runs for every fact a parser builds.
    parts = []
    for name, default in fields:
        value = data.get(name, default)
        if value != default:
            part = value if type(value) is str else _id_part(value)
            if part:
                parts.append(part)
    return _id(prefix, " ".join(parts))


_ID_SPECS: dict[type[Fact], tuple[str, tuple[tuple[str, Any], ...]]] = {}


def _id_spec(cls: type[Fact]) -> tuple[str, tuple[tuple[str, Any], ...]]:
    """The id prefix of a Fact class and its id fields with their defaults, found once.

    Kept outside the class: reading a class attribute of a model goes through pydantic's
    metaclass, which costs more than this dictionary look-up.
    """
    fields = cls.model_fields
    spec = _ID_SPECS[cls] = (
        cls._id_prefix,
        tuple((n, fields[n].default) for n in cls._id_fields),
    )
    return spec


def _id_part(value: object) -> str:
    if type(value) is str:
        return value
    if isinstance(value, (tuple, list)):
        return " ".join(_id_part(v) for v in value)
    return "" if value is None else str(value)
