"""Extraction engine: turns a transfer report into Claims (player, clubs, fee, stage, cited sources)."""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, replace

from .clubs import ClubMention, canonical_club, find_clubs
from .direction import Cue, Direction, mention_cues, resolve_direction
from .fees import FeeMention, find_fees, free_transfer_spans
from .loans import RETURN, option_declined
from .players import PlayerCandidate, find_players, player_key
from .registry import people as _people_registry
from .registry import sources as _sources_registry
from .roles import WITHDRAWN
from .sources import canonical_source, find_sources
from .stages import STAGE_RANK, STAGES, decide_stage, find_stage_cues
from .text import fold, guess_language, sentence_bounds, tokens

__all__ = [
    "EXTRACTOR_VERSION",
    "MAX_CHARS",
    "STAGES",
    "STAGE_RANK",
    "Claim",
    "canonical_club",
    "canonical_source",
    "extract_claims",
    "player_key",
]

EXTRACTOR_VERSION = "2024.6"
MAX_CHARS = 60_000  # longer inputs are page dumps; the story is in the first part


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
    cited_sources: tuple[str, ...]


@dataclass(slots=True)
class _Doc:
    text: str
    folded: str
    low: str
    toks: list[tuple[int, int, str]]
    words: list[str]
    language: str
    title_end: int
    sentences: list[tuple[int, int]]
    starts: list[int]
    free_spans: list[tuple[int, int]]
    club_cues: list[Cue] | None = None

    def sentence_of(self, pos: int) -> int:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i if i > 0 else 0


def _prepare(text: str, title: str, language: str | None) -> _Doc:
    text = unicodedata.normalize("NFC", text or "")[:MAX_CHARS]
    title = unicodedata.normalize("NFC", title or "")[:1000].replace("\n", " ")
    if title.strip():
        full = f"{title}.\n{text}"
        title_end = len(title) + 1
    else:
        full = text
        first = full.lstrip().split("\n", 1)[0]
        title_end = (len(full) - len(full.lstrip())) + len(first) if len(first) <= 200 else 0
    folded = fold(full)
    low = folded.lower()
    lang = (language or "").lower()[:2]
    if lang not in ("en", "de", "fr", "it", "es"):
        lang = guess_language(low)
    sentences = sentence_bounds(folded) or [(0, len(folded))]
    starts = [s for s, _ in sentences]
    toks = tokens(folded, low)
    words = [t[2] for t in toks]
    return _Doc(full, folded, low, toks, words, lang, title_end, sentences, starts, free_transfer_spans(low))


def _sentence_weights(doc: _Doc, player: PlayerCandidate | None, others: list[PlayerCandidate]) -> list[float]:
    n = len(doc.sentences)
    if player is None:
        return [1.0] * n
    weights = [0.45] * n
    hit = {doc.sentence_of(s) for s, _ in player.mentions}
    for other in others:
        if other.score > 0.3 * player.score:
            for s, _ in other.mentions:
                i = doc.sentence_of(s)
                if i not in hit:
                    weights[i] = 0.2  # a sentence about another player's deal
    for i in hit:
        for j in (i - 1, i + 1):
            if 0 <= j < n and 0.2 < weights[j] < 0.75:
                weights[j] = 0.75
    for i in hit:
        weights[i] = 1.0
    for i, (s, _) in enumerate(doc.sentences):
        if s < doc.title_end:
            weights[i] *= 2.0
    return weights


class _Attribution:
    """Which person a position in the text belongs to: the nearest name before it in the same sentence."""

    def __init__(self, doc: _Doc, player: PlayerCandidate | None, others: list[PlayerCandidate]) -> None:
        marks = [(s, False) for s, _ in player.mentions] if player else []
        marks += [(s, True) for o in others if not o.role_hits for s, _ in o.mentions]
        marks.sort()
        self.doc = doc
        self.pos = [p for p, _ in marks]
        self.other = [o for _, o in marks]

    def factor(self, pos: int) -> float:
        """0.3 when the words at `pos` follow another player's name in its sentence ("X's move to Y"), else 1."""
        i = bisect.bisect_right(self.pos, pos) - 1
        if i >= 0 and self.other[i] and self.doc.sentence_of(self.pos[i]) == self.doc.sentence_of(pos):
            return 0.3
        return 1.0


def _excluded_people() -> set[str]:
    info, _, _ = _sources_registry()
    media = {player_key(name) for name in info}  # journalists, and outlets named like people ("Daily Mail")
    return media | {player_key(name) for name in _people_registry()}


_EXCLUDED: set[str] | None = None

# A headline about a coach's appointment or sacking: the story is not a player transfer.
_COACH_STORY = re.compile(
    r"(?<![a-z])(?:as (?:the )?(?:new )?(?:[a-z]+ )?(?:manager|head coach|coach|boss)|"
    r"(?:new|next|interim) (?:[a-z]+ )?(?:manager|head coach|coach|boss)|"
    r"(?:appoint|appoints|appointed|sack|sacks|sacked|replace|replaces|succeed|succeeds) |"
    r"(?:neuer|neuen|nachster) (?:chef)?trainer|(?:cheftrainer|trainer) (?:beim|bei|des|von)|entlassen|"
    r"(?:nouvel|nouveau|prochain) entraineur|entraineur (?:du|de|d')|limoge|"
    r"(?:nuovo|prossimo) (?:allenatore|tecnico)|allenatore (?:del|della|dell')|esonerato|"
    r"(?:nuevo|proximo) (?:entrenador|tecnico)|entrenador (?:del|de)|destituido)"
)


def _choose_fee(
    doc: _Doc, fees: list[FeeMention], weights: list[float], others: list[PlayerCandidate], owner: _Attribution
) -> FeeMention | None:
    best: tuple[float, int] | None = None
    chosen = None
    other_sentences = {doc.sentence_of(s) for c in others for s, _ in c.mentions}
    for fee in fees:
        if fee.kind in ("salary", "signing", "value", "addon"):
            continue
        i = doc.sentence_of(fee.start)
        factor = owner.factor(fee.start)
        score = fee.score + 3.0 * weights[i] * factor - (3.0 if factor < 1.0 else 0.0)
        if i in other_sentences and weights[i] < 1.0:
            score -= 2.0
        score -= {"total": 1.5, "clause": 1.0, "range": 0.5}.get(fee.kind, 0.0)
        key = (score, -fee.start)
        if best is None or key > best:
            best, chosen = key, fee
    return chosen


def _claim_for(
    doc: _Doc,
    player: PlayerCandidate | None,
    others: list[PlayerCandidate],
    clubs: list[ClubMention],
    cues: list,  # list[StageCue]
    fees: list[FeeMention],
    cited: str | None,
    only_own_sentences: bool,
) -> tuple[Claim, Direction]:
    weights = _sentence_weights(doc, player, others)
    if only_own_sentences:
        weights = [w if w >= 1.0 else 0.0 for w in weights]
    owner = _Attribution(doc, player, others)
    club_w = {m.start: weights[doc.sentence_of(m.start)] * owner.factor(m.start) for m in clubs}
    if doc.club_cues is None:
        doc.club_cues = mention_cues(doc.low, clubs, doc.language)
    lead_end = doc.sentences[min(1, len(doc.sentences) - 1)][1] if doc.title_end == 0 else doc.title_end
    direction = resolve_direction(doc.low, clubs, doc.language, club_w, doc.club_cues, lead_end)
    if direction.withdrawn and direction.to_club not in direction.withdrawn:
        # "Chelsea pull out, Newcastle close in": the collapse belongs to the club that withdrew
        gone = {doc.sentence_of(m.start) for m, c in zip(clubs, doc.club_cues, strict=True) if c[2] == WITHDRAWN}
        cues = [c for c in cues if c.stage != "collapsed" or doc.sentence_of(c.start) not in gone]
    cue_w = {c.start: weights[doc.sentence_of(c.start)] * owner.factor(c.start) for c in cues}
    stage = decide_stage(cues, cue_w, lead_end, direction.to_score > 0)
    if direction.from_club and option_declined(doc.low):
        # The loan ends without the option to buy: the loan club's permanent deal is off, and the player's
        # return to his club is no new transfer.
        returned = {m.club for m, c in zip(clubs, doc.club_cues, strict=True) if c[2] == RETURN}
        if direction.to_club in returned:
            direction = replace(direction, from_club=direction.to_club, to_club=direction.from_club)
        if direction.from_club in returned:
            stage = "collapsed"
    if direction.to_club is not None and direction.to_club in direction.withdrawn:
        stage = "collapsed"
    to_club = None if stage == "exit_only" else direction.to_club
    fee = _choose_fee(doc, fees, weights, others, owner)
    fee_eur: float | None = fee.eur if fee else None
    fee_text = doc.text[fee.start : fee.end] if fee else None
    free = [s for s, _ in doc.free_spans if weights[doc.sentence_of(s)] * owner.factor(s) > 0.4]
    if free and (fee is None or fee.score < 2.0 or weights[doc.sentence_of(fee.start)] < 1.0):
        fee_eur, fee_text = 0.0, doc.text[free[0] : free[0] + 30].split("\n")[0]
    found = []
    if not only_own_sentences:
        default_official = to_club if stage == "done" else None
        found = find_sources(doc.text, doc.folded, doc.low, doc.toks, clubs, doc.language, default_official, doc.words)
    if cited:
        norm = canonical_source(cited, doc.language) or cited.strip()
        found = [norm, *[f for f in found if f != norm]]
    name = player.display if player else None
    claim = Claim(
        player=name,
        player_key=player_key(name) if name else None,
        from_club=direction.from_club if direction.from_club != to_club else None,
        to_club=to_club,
        fee_eur=fee_eur,
        fee_text=fee_text,
        stage=stage,
        cited_sources=tuple(found),
    )
    return claim, direction


def _coach_named(doc: _Doc, players: list[PlayerCandidate]) -> bool:
    """The headline names no player candidate but a known coach or official (the story's real subject)."""
    title_words = set(doc.words[: bisect.bisect_left([t[0] for t in doc.toks], doc.title_end)])
    if any(s < doc.title_end for p in players for s, _ in p.mentions):
        return False
    return any(len(n) > 1 and n <= title_words for n in _coach_words())


_COACH_WORDS: list[frozenset[str]] | None = None


def _coach_words() -> list[frozenset[str]]:
    global _COACH_WORDS
    if _COACH_WORDS is None:
        _COACH_WORDS = [frozenset(player_key(name).split()) for name in _people_registry()]
    return _COACH_WORDS


def extract_claims(
    text: str, *, title: str = "", language: str | None = None, cited_source: str | None = None
) -> list[Claim]:
    """One Claim per deal the report discusses, main deal first; [] when it is not about a player transfer."""
    global _EXCLUDED
    if _EXCLUDED is None:
        _EXCLUDED = _excluded_people()
    doc = _prepare(text, title, language)
    if not doc.toks:
        return []
    clubs = find_clubs(doc.folded, doc.toks, doc.words)
    if not clubs:
        return []  # no claim is made without a club
    cues = find_stage_cues(doc.low)
    fees = find_fees(doc.low, doc.language)
    cue_positions = [c.start for c in cues if c.stage != "exit_only"] + [f.start for f in fees]
    players = find_players(doc.text, doc.folded, doc.low, clubs, cue_positions, doc.title_end, _EXCLUDED)
    if not players or not clubs:
        return []
    main = players[0]
    if doc.title_end and min(s for s, _ in main.mentions) >= doc.title_end:
        title = doc.low[: doc.title_end]
        if _COACH_STORY.search(title) and _coach_named(doc, players):
            return []  # "Mourinho agrees deal to replace Pochettino as Tottenham manager"
    first, direction = _claim_for(doc, main, players[1:], clubs, cues, fees, cited_source, False)
    claims = [first]
    for club in direction.withdrawn:  # the pursuit of a club that pulled out, as its own collapsed deal
        if club != first.to_club:
            cited = tuple(c for c in first.cited_sources if not c.endswith("(official)") or c.startswith(club))
            gone = replace(first, to_club=club, stage="collapsed", fee_eur=None, fee_text=None, cited_sources=cited)
            claims.append(replace(gone, from_club=first.from_club if first.from_club != club else None))
    seen = {(main.key, c.to_club) for c in claims}
    for other in players[1:6]:
        if other.role_hits or other.score < 2.5 or (not other.hint_hits and other.score < 4):
            continue
        claim, _ = _claim_for(doc, other, [main], clubs, cues, fees, None, True)
        if claim.to_club is None or (other.key, claim.to_club) in seen:
            continue
        if claim.to_club in (claims[0].to_club,) and claim.stage == claims[0].stage and claim.fee_eur is None:
            continue
        seen.add((other.key, claim.to_club))
        claims.append(claim)
    return claims
