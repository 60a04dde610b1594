"""The claims stage: what a report asserts about each deal it discusses, from its mentions and their roles.

``read_report`` runs the whole pipeline — document, mentions, roles, stage, fee, sources — and keeps every
intermediate result, so that ``rumours explain`` can show why a report was read as it was; ``extract_claims``
returns just the claims.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

from ..concepts import CitedSource, fold_name, player_key
from ..concepts.club_sides import ClubSide
from .cues import StageCue
from .document import Document, prepare
from .fees import FeeMention
from .mentions import Mentions, find_mentions
from .players import PlayerCandidate
from .registry import people
from .relevance import Attribution, sentence_weights
from .roles import MentionReading, Role, read_mentions
from .sides import Sides, club_roles
from .sources import canonical_source, cited_sources
from .stage import StageDecision, decide_stage

__all__ = ["Claim", "ClaimReading", "Reading", "extract_claims", "read_report"]


@dataclass(frozen=True, slots=True)
class Claim:
    """What one report asserts about one deal."""

    player: str | None
    player_key: str | None
    from_club: str | None
    to_club: str | None
    fee_eur: float | None
    fee_text: str | None
    stage: str
    cited_sources: tuple[str, ...]  # CitedSource labels: "Bild", "Arsenal (official)"
    clubs: tuple[ClubSide, ...] = ()  # every club it names, with its role and strength (read together in grouping)


@dataclass(frozen=True, slots=True)
class FeeChoice:
    fee: FeeMention | None
    reason: str


@dataclass(frozen=True, slots=True)
class ClaimReading:
    """One claim with the results it was built from."""

    claim: Claim
    subject: PlayerCandidate | None
    sides: Sides
    stage: StageDecision
    fee: FeeChoice
    sources: tuple[CitedSource, ...]


@dataclass(slots=True)
class Reading:
    """Everything the pipeline found in one report."""

    document: Document
    mentions: Mentions | None = None
    club_readings: list[MentionReading] = field(default_factory=list)
    claims: list[ClaimReading] = field(default_factory=list)
    skipped: str | None = None  # why the report gives no claim


def _choose_fee(
    doc: Document, fees: list[FeeMention], weights: list[float], others: list[PlayerCandidate], owner: Attribution
) -> FeeChoice:
    """The amount that is this deal's fee: a transfer sum (not wages, a signing-on fee, a value or add-ons), in
    the player's sentences, not another player's, a base fee before a total, a clause or a range."""
    best: tuple[float, int] | None = None
    chosen = None
    other_sentences = {doc.sentence_of(s) for c in others for s, _ in c.mentions}
    passed: list[str] = []
    for fee in fees:
        if fee.kind in ("salary", "signing", "value", "addon"):
            passed.append(f"{fee.text!r} ({fee.kind})")
            continue
        i = doc.sentence_of(fee.start)
        if weights[i] <= 0:
            continue  # a sentence this claim does not read (another player's deal)
        if fee.kind == "clause" and not doc.book.search["fee.clause_paid"].search(
            doc.low, max(0, fee.start - 50), fee.start
        ):
            passed.append(f"{fee.text!r} (a release clause nobody pays)")
            continue
        factor = owner.factor(fee.start)
        score = fee.score + 3.0 * weights[i] * factor - (3.0 if factor < 1.0 else 0.0)
        if i in other_sentences and weights[i] < 1.0:
            score -= 2.0
        score -= {"total": 1.5, "clause": 1.0, "range": 0.5}.get(fee.kind, 0.0)
        key = (score, -fee.start)
        if best is None or key > best:
            best, chosen = key, fee
    if chosen is None:
        why = "no transfer sum stated" + (f"; not fees: {', '.join(passed)}" if passed else "")
        return FeeChoice(None, why)
    where = "in the player's sentence" if weights[doc.sentence_of(chosen.start)] >= 1.0 else "in the text"
    why = f"the best-placed {chosen.kind} {where} (score {best[0]:.1f})" if best else chosen.kind
    rivals = [
        f"{f.text!r} ({f.kind})"
        for f in fees
        if f is not chosen and f.kind not in ("salary", "signing", "value", "addon")
    ]
    if rivals:
        why += f"; over {', '.join(rivals)}"
    if passed:
        why += f"; not fees: {', '.join(passed)}"
    return FeeChoice(chosen, why)


def _claim_for(
    doc: Document,
    mentions: Mentions,
    readings: list[MentionReading],
    player: PlayerCandidate | None,
    others: list[PlayerCandidate],
    cited: str | None,
    only_own_sentences: bool,
) -> ClaimReading:
    weights = sentence_weights(doc, player, others)
    if only_own_sentences:
        weights = [w if w >= 1.0 else 0.0 for w in weights]
    owner = Attribution(doc, player, others)
    club_w = {m.start: weights[doc.sentence_of(m.start)] * owner.factor(m.start) for m in mentions.clubs}
    sides = club_roles(readings, club_w, doc.lead_end)
    cues: list[StageCue] = mentions.cues
    if sides.withdrawn and sides.buyer not in sides.withdrawn:
        # "Chelsea pull out, Newcastle close in": the collapse belongs to the club that withdrew
        gone = {doc.sentence_of(r.mention.start) for r in readings if r.side is Role.WITHDRAWN}
        cues = [c for c in cues if c.stage != "collapsed" or doc.sentence_of(c.start) not in gone]
    cue_w = {c.start: weights[doc.sentence_of(c.start)] * owner.factor(c.start) for c in cues}
    decision = decide_stage(cues, cue_w, doc.lead_end, sides.buyer_score > 0)
    buyer, seller = sides.buyer, sides.seller
    declined = doc.first("role.option_declined")
    returned = [r.club for r in readings if r.returns] if declined else []
    if returned:
        # The loan ends without the option to buy: the club he returns to owns him, and the loan club's
        # permanent deal is off (the loan club may have been read as a suitor that "gave up" its option).
        owner_club = returned[0]
        loan_club = next(
            (c for c in (buyer, seller, *sides.withdrawn) if c and c != owner_club),
            None,
        )
        if loan_club:
            buyer, seller = loan_club, owner_club
            decision = StageDecision("collapsed", "the loan club does not take up its option", decision.scores)
            sides = replace(sides, withdrawn=tuple(c for c in sides.withdrawn if c != loan_club))
    if buyer is not None and buyer in sides.withdrawn:
        decision = StageDecision("collapsed", f"{buyer} pulled out", decision.scores)
    if decision.stage == "exit_only" and seller is None and buyer is not None and sides.buyer_score == 0:
        seller = buyer  # "X will leave the club": the only club named, with nothing making it a buyer, is his
    to_club = None if decision.stage == "exit_only" else buyer
    choice = _choose_fee(doc, mentions.fees, weights, others, owner)
    fee = choice.fee
    fee_eur: float | None = fee.eur if fee else None
    fee_text = doc.text[fee.start : fee.end] if fee else None
    free = [s for s, _ in mentions.free_spans if weights[doc.sentence_of(s)] * owner.factor(s) > 0.4]
    if free and (fee is None or fee.score < 2.0 or weights[doc.sentence_of(fee.start)] < 1.0):
        fee_eur, fee_text = 0.0, doc.text[free[0] : free[0] + 30].split("\n")[0]
        choice = FeeChoice(None, f"a free transfer ({fee_text!r})")
    found: list[CitedSource] = []
    if not only_own_sentences:
        default_official = to_club if decision.stage == "done" else None
        found = cited_sources(doc, mentions.sources, mentions.clubs, default_official)
    if cited:
        first = CitedSource(canonical_source(cited, doc.language) or cited.strip())
        found = [first, *[f for f in found if f != first]]
    name = player.display if player else None
    claim = Claim(
        player=name,
        player_key=player_key(name) if name else None,
        from_club=seller if seller != to_club else None,
        to_club=to_club,
        fee_eur=fee_eur,
        fee_text=fee_text,
        stage=decision.stage,
        cited_sources=tuple(s.label for s in found),
        clubs=tuple(r.side() for r in sides.roles),
    )
    return ClaimReading(claim, player, sides, decision, choice, tuple(found))


def _coach_named(doc: Document, players: list[PlayerCandidate]) -> bool:
    """The headline names no player candidate but a known coach or official (the story's real subject)."""
    title_words = set(doc.words[: bisect.bisect_left([t[0] for t in doc.toks], doc.title_end)])
    if any(s < doc.title_end for p in players for s, _ in p.mentions):
        return False
    return any(len(n) > 1 and n <= title_words for n in _coach_words())


_COACH_WORDS: list[frozenset[str]] | None = None


def _coach_words() -> list[frozenset[str]]:
    global _COACH_WORDS
    if _COACH_WORDS is None:
        _COACH_WORDS = [frozenset(fold_name(name).split()) for name in people()]
    return _COACH_WORDS


def read_report(text: str, *, title: str = "", language: str | None = None, cited_source: str | None = None) -> Reading:
    """The whole reading of one report: its claims, main deal first, and what each rests on."""
    doc = prepare(text, title, language)
    reading = Reading(doc)
    if not doc.toks:
        reading.skipped = "no words"
        return reading
    mentions = find_mentions(doc)
    reading.mentions = mentions
    if not mentions.clubs:
        reading.skipped = "no club named"  # no claim is made without a club
        return reading
    players = mentions.players
    if not players:
        reading.skipped = "no player named"
        return reading
    main = players[0]
    if doc.title_end and min(s for s, _ in main.mentions) >= doc.title_end:
        headline = doc.low[: doc.title_end]
        if doc.book.search["story.coach"].search(headline) and _coach_named(doc, players):
            reading.skipped = "a story about a coach"  # "Mourinho agrees deal to replace Pochettino as manager"
            return reading
    readings = read_mentions(doc, mentions.clubs, [span for p in players for span in p.mentions])
    reading.club_readings = readings
    first = _claim_for(doc, mentions, readings, main, players[1:], cited_source, False)
    reading.claims.append(first)
    claims = [first.claim]
    # the pursuit of a club that pulled out, as its own collapsed deal; a completed signing that recalls a
    # rival's withdrawal reports no news of the rival's deal
    withdrawn = first.sides.withdrawn if first.claim.stage != "done" else ()
    for club in withdrawn:
        if club != first.claim.to_club:
            cited = tuple(c for c in first.sources if not c.official or c.name == club)
            gone = replace(
                first.claim,
                to_club=club,
                from_club=first.claim.from_club if first.claim.from_club != club else None,
                stage="collapsed",
                fee_eur=None,
                fee_text=None,
                cited_sources=tuple(c.label for c in cited),
            )
            why = StageDecision("collapsed", f"{club} pulled out", first.stage.scores)
            reading.claims.append(ClaimReading(gone, main, first.sides, why, FeeChoice(None, "a withdrawn bid"), cited))
            claims.append(gone)
    seen = {(main.key, c.to_club) for c in claims}
    for other in players[1:6]:
        if other.role_hits or other.score < 2.5 or (not other.hint_hits and other.score < 4):
            continue
        more = _claim_for(doc, mentions, readings, other, [main], None, True)
        claim = more.claim
        if claim.to_club is None or (other.key, claim.to_club) in seen:
            continue
        if claim.to_club == claims[0].to_club and claim.stage == claims[0].stage and claim.fee_eur is None:
            continue
        seen.add((other.key, claim.to_club))
        reading.claims.append(more)
        claims.append(claim)
    return reading


def extract_claims(
    text: str, *, title: str = "", language: str | None = None, cited_source: str | None = None
) -> list[Claim]:
    """One Claim per deal the report discusses, main deal first; [] when it is not about a player transfer."""
    return [c.claim for c in read_report(text, title=title, language=language, cited_source=cited_source).claims]
