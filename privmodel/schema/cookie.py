"""Cookies and similar trackers the policy lists (ePrivacy Directive Art. 5(3))."""

from __future__ import annotations

import enum

from pydantic import Field

from privmodel.schema.base import Fact, FactId, Label
from privmodel.schema.duration import Duration


class CookieCategory(enum.StrEnum):
    NECESSARY = "necessary"
    FUNCTIONAL = "functional"
    PREFERENCES = "preferences"
    ANALYTICS = "analytics"
    MARKETING = "marketing"


class Cookie(Fact):
    """A cookie or group of cookies with its lifetime."""

    _id_prefix = "cookie"
    _id_fields = ("name", "provider")

    name: Label
    provider: str | None = None
    provider_id: FactId | None = Field(default=None, description="The party that sets it")
    purpose: str | None = None
    category: CookieCategory | None = None
    duration: Duration | None = None
    session: bool = Field(default=False, description="Deleted when the browser closes")
    first_party: bool | None = None
