"""Outlet scorecards: reports, deals broken first, median lead over the pack, hit and collapse rates — one SQL
that both ``rumours outlets`` and Datasette's ``outlet_scorecard`` canned query run."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from .store import Store

# Copies of syndicated stories count for nobody. An outlet's lead on a deal it broke is the hours from its earliest
# report to the earliest report of the next independent outlet; the median of an even count averages the two
# middle leads. Column names are the Scorecard's fields.
SCORECARD_SQL = """WITH deal_outlets AS (  -- each deal's independent reports per outlet: how many, the earliest dated
  SELECT d.id AS deal_id, d.status, a.outlet_id AS outlet, MIN(r.published_at) AS first_at
  FROM deals d JOIN deal_reports dr ON dr.deal_id = d.id JOIN claims c ON c.id = dr.claim_id
  JOIN reports r ON r.id = c.report_id JOIN articles a ON a.id = r.article_id
  WHERE r.duplicate_of IS NULL
  GROUP BY d.id, a.outlet_id
), outlet_reports AS (  -- distinct independent reports in deals, per outlet
  SELECT a.outlet_id AS outlet, COUNT(DISTINCT r.id) AS reports
  FROM deal_reports dr JOIN claims c ON c.id = dr.claim_id JOIN reports r ON r.id = c.report_id
  JOIN articles a ON a.id = r.article_id
  WHERE r.duplicate_of IS NULL
  GROUP BY a.outlet_id
), breakers AS (  -- the outlet of each deal's earliest dated independent report
  SELECT d.id AS deal_id, a.outlet_id AS outlet
  FROM deals d JOIN claims c ON c.id = d.first_claim_id JOIN reports r ON r.id = c.report_id
  JOIN articles a ON a.id = r.article_id
), leads AS (
  SELECT b.outlet, (julianday(MIN(o.first_at)) - julianday(w.first_at)) * 24 AS hours
  FROM breakers b JOIN deal_outlets w ON w.deal_id = b.deal_id AND w.outlet = b.outlet
  JOIN deal_outlets o ON o.deal_id = b.deal_id AND o.outlet <> b.outlet AND o.first_at IS NOT NULL
  WHERE w.first_at IS NOT NULL
  GROUP BY b.deal_id
), ranked_leads AS (
  SELECT outlet, hours, ROW_NUMBER() OVER (PARTITION BY outlet ORDER BY hours) AS n,
         COUNT(*) OVER (PARTITION BY outlet) AS total
  FROM leads
), median_leads AS (
  SELECT outlet, AVG(hours) AS hours FROM ranked_leads WHERE n IN ((total + 1) / 2, (total + 2) / 2) GROUP BY outlet
)
SELECT o.outlet, rc.reports, COUNT(*) AS deals,
       (SELECT COUNT(*) FROM breakers b WHERE b.outlet = o.outlet) AS broke_first,
       ROUND(m.hours, 1) AS median_lead_hours,
       ROUND(AVG(o.status = 'done'), 3) AS hit_rate,
       ROUND(AVG(o.status = 'collapsed'), 3) AS collapse_rate
FROM deal_outlets o JOIN outlet_reports rc ON rc.outlet = o.outlet LEFT JOIN median_leads m ON m.outlet = o.outlet
GROUP BY o.outlet
ORDER BY broke_first DESC, rc.reports DESC, o.outlet"""


@dataclass
class Scorecard:
    outlet: str
    reports: int  # distinct independent reports in deals
    deals: int
    broke_first: int
    median_lead_hours: float | None  # over the next independent outlet, on the deals it broke
    hit_rate: float  # share of its deals that reached done
    collapse_rate: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def outlet_scorecards(store: Store) -> list[Scorecard]:
    """One scorecard per outlet with independent reports in deals, most deals broken first first."""
    cursor = store.db.execute(SCORECARD_SQL)
    columns = [c[0] for c in cursor.description]
    assert columns == [f.name for f in fields(Scorecard)], columns
    return [Scorecard(*row) for row in cursor.fetchall()]
