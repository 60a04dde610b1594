"""What the store holds of one report beside its reading: its date, where the date came from, and its deals."""

from __future__ import annotations

from dataclasses import dataclass

from .pubdates import describe
from .store import Store


@dataclass(frozen=True, slots=True)
class ClaimPlace:
    """Where grouping put one stored claim: its deal, and the destination it read the claim as."""

    seq: int
    own_to_club: str | None  # as extraction read the report alone
    deal_id: str | None
    deal_to_club: str | None  # as the deal has it, once read with the player's other reports

    @property
    def reread(self) -> bool:
        return self.deal_id is not None and self.deal_to_club != self.own_to_club


@dataclass(frozen=True, slots=True)
class ReportFacts:
    published_at: str | None
    date_source: str | None
    date_precision: str | None
    claims: tuple[ClaimPlace, ...]

    @property
    def date_text(self) -> str:
        """``2024-06-12T09:00:00+00:00 (given)``, ``2024-06 (month, from URL)`` or ``none``."""
        if not self.published_at:
            return "none"
        return describe(self.published_at, self.date_source, self.date_precision) or f"{self.published_at} (given)"

    def as_dict(self) -> dict[str, object]:
        return {
            "published_at": self.published_at,
            "date_source": self.date_source,
            "date_precision": self.date_precision,
            "deals": [
                {"claim": c.seq + 1, "deal_id": c.deal_id, "to_club": c.deal_to_club, "reread": c.reread}
                for c in self.claims
            ],
        }


def report_facts(store: Store, report_id: int) -> ReportFacts:
    row = store.db.execute(
        "SELECT published_at, date_source, date_precision FROM reports WHERE id = ?", [report_id]
    ).fetchone()
    places = store.db.execute(
        """SELECT c.seq, c.to_club, d.id, d.to_club FROM claims c
           LEFT JOIN deal_reports dr ON dr.claim_id = c.id LEFT JOIN deals d ON d.id = dr.deal_id
           WHERE c.report_id = ? ORDER BY c.seq""",
        [report_id],
    ).fetchall()
    published_at, source, precision = row if row else (None, None, None)
    return ReportFacts(published_at, source, precision, tuple(ClaimPlace(*p) for p in places))
