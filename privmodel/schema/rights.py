"""Rights the policy grants and how to exercise them."""

from __future__ import annotations

from pydantic import Field

from privmodel.schema.base import Email, Fact
from privmodel.schema.vocab import RightCode


class Right(Fact):
    """A right of the data subject, coded by what the text grants."""

    _id_prefix = "right"
    _id_fields = ("code",)

    code: RightCode
    how_to_exercise: str | None = Field(default=None, description="As the policy says")
    contact_emails: tuple[Email, ...] = ()
