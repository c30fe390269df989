"""ISO 8601 durations (P30D, P2M, P7Y, P2W, PT10M), compared the way people mean them.

Months and years are calendar units and days are clock units, so a duration keeps two
exact parts: a number of months (P1Y = P12M) and a number of seconds (P1W = P7D = PT168H).
Two durations are equal when both parts are; ordering uses the mean Gregorian month
(30.436875 days), so P1M < P31D and P30D < P1M. The canonical text: whole years as
years, other month counts as months (P12M prints P1Y, P18M stays P18M), P14D prints
P2W, PT24H prints P1D.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

_DAY = 86_400
_MEAN_MONTH_SECONDS = 30.436875 * _DAY
_PATTERN = re.compile(
    r"P(?!$)(?:(?P<y>\d+)Y)?(?:(?P<mo>\d+)M)?(?:(?P<w>\d+)W)?(?:(?P<d>\d+)D)?"
    r"(?:T(?=\d)(?:(?P<h>\d+)H)?(?:(?P<mi>\d+)M)?(?:(?P<s>\d+)S)?)?"
)
JSON_PATTERN = r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$"


@functools.total_ordering
class Duration:
    """An exact ISO 8601 duration: whole months plus whole seconds."""

    __slots__ = ("_months", "_seconds")

    def __init__(self, *, months: int = 0, seconds: int = 0) -> None:
        if months < 0 or seconds < 0:
            raise ValueError("a duration cannot be negative")
        self._months = months
        self._seconds = seconds

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Parse "P30D", "P1Y6M", "PT10M"; raises ValueError on anything else."""
        match = _PATTERN.fullmatch(text.strip().upper())
        if match is None:
            raise ValueError(f"not an ISO 8601 duration: {text!r}")
        part = {k: int(v) if v else 0 for k, v in match.groupdict().items()}
        return cls(
            months=part["y"] * 12 + part["mo"],
            seconds=(part["w"] * 7 + part["d"]) * _DAY
            + part["h"] * 3600
            + part["mi"] * 60
            + part["s"],
        )

    @classmethod
    def of(
        cls,
        *,
        years: int = 0,
        months: int = 0,
        weeks: int = 0,
        days: int = 0,
        hours: int = 0,
        minutes: int = 0,
        seconds: int = 0,
    ) -> Duration:
        return cls(
            months=years * 12 + months,
            seconds=(weeks * 7 + days) * _DAY + hours * 3600 + minutes * 60 + seconds,
        )

    @property
    def months(self) -> int:
        return self._months

    @property
    def seconds(self) -> int:
        return self._seconds

    @property
    def approx_days(self) -> float:
        """Length in days with the mean Gregorian month, for sorting and display."""
        return (self._months * _MEAN_MONTH_SECONDS + self._seconds) / _DAY

    def isoformat(self) -> str:
        # Whole years print as years, other month counts as months alone (P38M, not
        # P3Y2M): the policy's own unit, and the form day-count comparisons agree with.
        years, months = divmod(self._months, 12) if self._months % 12 == 0 else (0, self._months)
        days, clock = divmod(self._seconds, _DAY)
        hours, rest = divmod(clock, 3600)
        minutes, secs = divmod(rest, 60)
        if not (years or months or clock) and days and days % 7 == 0:
            return f"P{days // 7}W"
        date = "".join(f"{n}{u}" for n, u in ((years, "Y"), (months, "M"), (days, "D")) if n)
        time = "".join(f"{n}{u}" for n, u in ((hours, "H"), (minutes, "M"), (secs, "S")) if n)
        if not date and not time:
            return "PT0S"
        return "P" + date + ("T" + time if time else "")

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        return f"Duration({self.isoformat()!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Duration):
            return NotImplemented
        return (self._months, self._seconds) == (other._months, other._seconds)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Duration):
            return NotImplemented
        return self.approx_days < other.approx_days

    def __hash__(self) -> int:
        return hash((self._months, self._seconds))

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        def validate(value: Any) -> Duration:
            if isinstance(value, Duration):
                return value
            if isinstance(value, str):
                return cls.parse(value)
            raise ValueError("must be an ISO 8601 duration string such as 'P30D'")

        return core_schema.no_info_plain_validator_function(
            validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda d: d.isoformat(), when_used="always"
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "pattern": JSON_PATTERN,
            "description": "ISO 8601 duration, e.g. P30D, P2M, P7Y, P2W, PT10M",
            "examples": ["P30D", "P7Y"],
        }
