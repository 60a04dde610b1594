"""A cited source: the outlet, journalist or club a report credits, and whether it is an official announcement."""

from __future__ import annotations

from dataclasses import dataclass

_OFFICIAL = " (official)"


@dataclass(frozen=True, slots=True)
class CitedSource:
    """``Bild``, ``Fabrizio Romano``, or ``Arsenal`` with ``official`` set for the club's own announcement."""

    name: str
    official: bool = False

    @property
    def label(self) -> str:
        """How claims store and pages show it: "Arsenal (official)" for a club's announcement."""
        return f"{self.name}{_OFFICIAL}" if self.official else self.name

    @classmethod
    def parse(cls, label: str) -> CitedSource:
        if label.endswith(_OFFICIAL):
            return cls(label[: -len(_OFFICIAL)], True)
        return cls(label)
