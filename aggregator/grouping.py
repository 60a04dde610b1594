"""Grouping one player's claims into deals: pure and deterministic (same claims in any order, same deals)."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from unidecode import unidecode

from .concepts import CitedSource, transfer_window
from .concepts.club_sides import ClubSide
from .concepts.stages import DEAL_STATUSES, FAILURE, LADDER, PROGRESS, STAGE_RANK, TERMINAL
from .reconcile import reconcile

RANK = {stage: STAGE_RANK[stage] for stage in LADDER}

# Reports of one player and one destination further apart than this belong to different windows.
MAX_GAP_DAYS = 150
# After a deal is done or collapsed, a report this much later starts a new deal.
REOPEN_AFTER_DAYS = 45


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """A claim with what grouping needs from its report and article."""

    claim_id: int
    ref: str  # stable identity across rebuilds: "<article url>#<report seq>.<claim seq>"
    player: str
    player_key: str
    from_club: str | None
    to_club: str | None
    stage: str
    fee_eur: float | None
    published_at: str | None  # UTC ISO; None when unknown
    outlet: str
    url: str
    cited_sources: tuple[str, ...] = ()
    duplicate_of: int | None = None  # claim id of the earliest copy of a syndicated story
    clubs: tuple[ClubSide, ...] = ()  # the clubs the report names, with the side extraction gave each
    date_precision: str | None = None  # "day" or "month" (a date inferred from a URL's year and month)

    @property
    def sort_key(self) -> tuple[str, str, int]:
        # Unknown dates sort last; the URL and claim id break ties deterministically.
        return (self.published_at or "9999", self.ref, self.claim_id)

    @property
    def dated_to_the_day(self) -> bool:
        """Dated precisely enough to say who had a story first: a month-precision date places a report in its
        window but never beats a dated day."""
        return bool(self.published_at) and self.date_precision != "month"


@dataclass(slots=True)
class Deal:
    deal_id: str
    player: str
    player_key: str
    from_club: str | None
    to_club: str | None
    window: str
    stage: str
    latest_stage: str
    latest_stage_at: str | None
    fee_eur: float | None
    fee_min_eur: float | None
    fee_max_eur: float | None
    outlets: int
    first: ClaimRow | None
    status: str
    originator: str | None = None  # the source later reports credit, e.g. "Bild"
    originator_first: ClaimRow | None = None  # the earliest report that credits it
    claims: list[ClaimRow] = field(default_factory=list)
    run: RunSummary | None = None  # its dated reports, summed up (None for a deal of undated reports only)

    @property
    def undated_claims(self) -> int:
        return sum(1 for c in self.claims if not c.published_at)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-") or "unknown"


def _days(a: str, b: str) -> float:
    return abs((datetime.fromisoformat(b) - datetime.fromisoformat(a)).total_seconds()) / 86400


def _split_by_time(claims: Sequence[ClaimRow]) -> list[list[ClaimRow]]:
    """Dated claims of one window into runs: a long silence, or a fresh report well after a done/collapsed deal,
    splits."""
    runs: list[list[ClaimRow]] = []
    for claim in sorted((c for c in claims if c.published_at), key=lambda c: c.sort_key):
        if runs:
            run = runs[-1]
            last = run[-1].published_at
            assert last is not None and claim.published_at is not None
            gap = _days(last, claim.published_at)
            closed = any(c.stage in TERMINAL for c in run)
            if gap <= MAX_GAP_DAYS and not (closed and gap > REOPEN_AFTER_DAYS):
                run.append(claim)
                continue
        runs.append([claim])
    return runs


def _fell_through(run: Sequence[ClaimRow]) -> bool:
    """The run's reports say together that it fell through, for placing undated reports: failures outnumber the
    reports of progress (or match them, when the latest report is one), and either several say so or the latest
    does. One early misread denial does not turn away the reports that say the deal went ahead."""
    independent = [c for c in run if c.duplicate_of is None] or list(run)
    failures = sum(c.stage in FAILURE for c in independent)
    progress = sum(c.stage in PROGRESS for c in independent)
    last_failed = max(independent, key=lambda c: c.sort_key).stage in FAILURE
    if last_failed:
        return failures >= progress
    return failures >= 2 and failures > progress


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What placing undated claims needs to know of a run of dated claims; stored with its deal, so a run in a
    window that is not being regrouped can still take part."""

    destination: str | None
    window: str
    start: tuple[str, str]  # (published_at, ref) of its first claim: runs are ordered by it
    from_clubs: frozenset[str]
    outcome: str  # stage of its last claim
    has_done: bool
    reports: int = 1  # its independent reports: how well supported its destination is
    failed: bool = False  # more of its reports say it fell through than say it went ahead

    @classmethod
    def of(cls, run: Sequence[ClaimRow], destination: str | None) -> RunSummary:
        first, last = min(run, key=lambda c: c.sort_key), max(run, key=lambda c: c.sort_key)
        return cls(
            destination=destination,
            window=transfer_window(first.published_at),
            start=(first.published_at or "", first.ref),
            from_clubs=frozenset(c.from_club for c in run if c.from_club),
            outcome=last.stage,
            has_done=any(c.stage == "done" for c in run),
            reports=sum(c.duplicate_of is None for c in run) or 1,
            failed=_fell_through(run),
        )

    @property
    def status(self) -> str:
        """How the run ended, as its reports say together (``_fell_through``): collapsed, else done when a report
        says so, else open."""
        if self.failed:
            return "collapsed"
        return "done" if self.has_done else "open"

    def to_json(self) -> str:
        return json.dumps(
            {
                "start": list(self.start),
                "from": sorted(self.from_clubs),
                "outcome": self.outcome,
                "done": self.has_done,
                "reports": self.reports,
                "failed": self.failed,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str, destination: str | None, window: str) -> RunSummary:
        data = json.loads(text)
        start = (str(data["start"][0]), str(data["start"][1]))
        return cls(
            destination,
            window,
            start,
            frozenset(data["from"]),
            data["outcome"],
            data["done"],
            data.get("reports", 1),  # summaries stored before these two fields: one report, not failed
            data.get("failed", False),
        )


def _fit(run: RunSummary, claim: ClaimRow) -> int | None:
    """How well an undated report fits a dated run, by the run's outcome as its deal's status gives it: 2 when the
    report says what the run ended in (done, fell through), 1 when it says nothing against it, None when it
    contradicts it: progress after a collapse is a later attempt, a collapse after completion another story."""
    status = run.status
    if claim.stage in PROGRESS:
        return None if status == "collapsed" else 2 if status == "done" else 1
    if claim.stage in FAILURE:
        return None if status == "done" else 2 if status == "collapsed" else 1
    return 1


def _place_undated(undated: Sequence[ClaimRow], runs: Sequence[RunSummary]) -> dict[int, RunSummary | None]:
    """Where each undated claim goes: among the dated runs of its destination that it does not contradict, one
    with its from-club among the run's reports (the club he was at identifies the attempt), then the one whose
    outcome it states, then the latest; None (the undated deal of its destination) when it fits none."""
    by_destination: dict[str | None, list[RunSummary]] = defaultdict(list)
    for run in runs:
        by_destination[run.destination].append(run)
    placed: dict[int, RunSummary | None] = {}
    for claim in undated:
        best: tuple[bool, int, tuple[str, str]] | None = None
        chosen = None
        for run in by_destination.get(claim.to_club, ()):
            fit = _fit(run, claim)
            if fit is None:
                continue
            rank = (bool(claim.from_club and claim.from_club in run.from_clubs), fit, run.start)
            if best is None or rank > best:
                best, chosen = rank, run
        placed[claim.claim_id] = chosen
    return placed


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def _display_name(run: Sequence[ClaimRow]) -> str:
    """The fullest name the reports give (most tokens), the most common spelling of it (accents kept)."""
    longest = max(len(c.player.split()) for c in run)
    return _most_common(c.player for c in run if len(c.player.split()) == longest) or run[0].player


def _deal_from_run(run: list[ClaimRow], to_club: str | None, summary: RunSummary | None) -> Deal:
    run.sort(key=lambda c: c.sort_key)
    dated = [c for c in run if c.published_at]
    window = transfer_window(dated[0].published_at if dated else None)
    player_key = run[0].player_key
    from_club = _most_common(c.from_club for c in run)
    destination = slug(to_club) if to_club else f"{slug(from_club or 'unknown')}-exit"
    deal_id = f"{slug(player_key)}-{destination}-{window}"
    independent = [c for c in run if c.duplicate_of is None]
    first = next((c for c in independent if c.dated_to_the_day), None)
    ladder = [c.stage for c in run if c.stage in RANK]
    furthest = max(ladder, key=RANK.__getitem__) if ladder else _most_common(c.stage for c in run) or "interest"
    latest = dated[-1] if dated else run[-1]
    fees = sorted(c.fee_eur for c in run if c.fee_eur is not None)
    # The deal's fee: what the furthest-advanced report says, the latest one on a tie.
    with_fee = [c for c in run if c.fee_eur is not None]
    best_fee = max(with_fee, key=lambda c: (RANK.get(c.stage, -1), c.published_at or "", c.ref), default=None)
    opened, done, collapsed = DEAL_STATUSES
    if furthest == "done":
        status = done
    elif latest.stage in FAILURE and latest.published_at:
        status = collapsed
    else:
        status = opened
    originator, originator_first = _originator(run)
    return Deal(
        deal_id=deal_id,
        originator=originator,
        originator_first=originator_first,
        player=_display_name(run),
        player_key=player_key,
        from_club=from_club,
        to_club=to_club,
        window=window,
        stage=furthest,
        latest_stage=latest.stage,
        latest_stage_at=latest.published_at,
        fee_eur=best_fee.fee_eur if best_fee else None,
        fee_min_eur=fees[0] if fees else None,
        fee_max_eur=fees[-1] if fees else None,
        outlets=len({c.outlet for c in independent}) or len({c.outlet for c in run}),
        first=first,
        status=status,
        claims=run,
        run=summary,
    )


def _originator(run: Sequence[ClaimRow]) -> tuple[str | None, ClaimRow | None]:
    """The source the citation chain leads back to: the one credited earliest (dated reports first), preferring
    journalists and outlets over a club's own announcement; ties go to the source credited most often."""
    earliest: dict[str, ClaimRow] = {}
    counts: Counter[str] = Counter()
    for claim in sorted(run, key=lambda c: (not c.dated_to_the_day, c.sort_key)):
        for source in claim.cited_sources:
            counts[source] += 1
            earliest.setdefault(source, claim)
    if not earliest:
        return None, None

    def rank(source: str) -> tuple[bool, str, int, str]:
        first = earliest[source]
        when = first.sort_key[0] if first.dated_to_the_day else "~" + first.sort_key[0]  # day-dated ones first
        return (CitedSource.parse(source).official, when, -counts[source], source)

    best = min(earliest, key=rank)
    return best, earliest[best]


def _unswap(claims: Sequence[ClaimRow]) -> list[ClaimRow]:
    """A player does not move A -> B and B -> A in one window: a claim whose direction is the reverse of a
    better-supported one among ``claims`` (one window's reports) was read backwards, and is turned round."""
    support: Counter[tuple[str, str]] = Counter((c.from_club, c.to_club) for c in claims if c.from_club and c.to_club)
    out = []
    for c in claims:
        if c.from_club and c.to_club and support[(c.to_club, c.from_club)] > support[(c.from_club, c.to_club)]:
            c = replace(c, from_club=c.to_club, to_club=c.from_club)
        out.append(c)
    return out


def group_player(claims: Sequence[ClaimRow]) -> list[Deal]:
    """All deals of one player family (every claim shares ``player_key``), sorted by deal id."""
    deals, outside = group_windows(claims)
    assert not outside
    return deals


def group_windows(claims: Sequence[ClaimRow], others: Sequence[RunSummary] = ()) -> tuple[list[Deal], set[str]]:
    """The deals of one family in the windows whose dated claims are given, plus its undated claims' own deals.

    ``claims`` holds every dated claim of some windows and every undated claim of the family; ``others`` sums up
    the family's runs in the windows left out. Dated claims only ever group (and are turned round) within their
    window, so a window's deals depend on nothing outside it but where undated claims land. Returns the deals,
    and the windows of ``others`` that undated claims were placed in: those windows must be loaded too before
    the deals are complete."""
    dated: dict[str, list[ClaimRow]] = defaultdict(list)
    undated: list[ClaimRow] = []
    for claim in sorted(claims, key=lambda c: c.sort_key):
        if claim.published_at:
            dated[transfer_window(claim.published_at)].append(claim)
        else:
            undated.append(claim)
    runs: list[tuple[RunSummary, list[ClaimRow]]] = []
    for members in dated.values():
        by_destination: dict[str | None, list[ClaimRow]] = defaultdict(list)
        for claim in _unswap(reconcile(members)):
            by_destination[claim.to_club].append(claim)
        for destination, mine in by_destination.items():
            runs.extend((RunSummary.of(run, destination), run) for run in _split_by_time(mine))
    if undated:
        support: Counter[str] = Counter()
        for summary in [s for s, _ in runs] + list(others):
            if summary.destination:
                support[summary.destination] += summary.reports
        undated = _unswap(reconcile(undated, support))
    placed = _place_undated(undated, [summary for summary, _ in runs] + list(others))
    own = {summary: run for summary, run in runs}
    spare: dict[str | None, list[ClaimRow]] = defaultdict(list)
    outside: set[str] = set()
    for claim in undated:
        target = placed[claim.claim_id]
        if target is None:
            spare[claim.to_club].append(claim)
        elif target in own:
            own[target].append(claim)
        else:
            outside.add(target.window)
    deals = [_deal_from_run(run, summary.destination, summary) for summary, run in runs]
    deals.extend(_deal_from_run(run, destination, None) for destination, run in spare.items())
    return _unique_ids(deals), outside


def _unique_ids(deals: list[Deal]) -> list[Deal]:
    """Two runs in one window (a deal done, then reopened) get a stable suffix from their first claim."""
    seen: Counter[str] = Counter(d.deal_id for d in deals)
    for deal in deals:
        if seen[deal.deal_id] > 1:
            anchor = deal.claims[0]
            deal.deal_id += "-" + hashlib.sha1(anchor.ref.encode()).hexdigest()[:6]
    return sorted(deals, key=lambda d: d.deal_id)
