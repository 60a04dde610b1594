"""The roles stage: which side of a deal each club mention is on, read from the words around it, with evidence.

Each club mention is read on its own (``read_mentions``): the phrasebook classes just before and just after it
give it buyer and seller strength, or a side role that takes it out of the deal (a rival bidder, a former club,
a club that pulled out, a city named as a place). ``sides.club_roles`` then weighs those readings per club.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache

from .clubs import ClubMention
from .document import Document
from .patterns import Hit, _after_candidates, _before_candidates
from .phrasebook import phrasebook
from .registry import cities, clubs

__all__ = ["Evidence", "MentionReading", "Role", "read_mentions"]


class Role(StrEnum):
    BUYER = "buyer"  # the club the player joins or that wants him
    SELLER = "seller"  # the club he leaves: the one that owns him
    RIVAL = "rival"  # another bidder ("beating Chelsea to him")
    WITHDRAWN = "withdrawn"  # a suitor that pulled out: its pursuit collapsed
    FORMER = "former"  # a club he played for before ("his former club")
    LOAN = "loan"  # where he is on loan now
    PLACE = "place"  # a city named like a club ("in Turin")
    OTHER = "other"  # named, with nothing to say which side it is on


@dataclass(frozen=True, slots=True)
class Evidence:
    """A phrase that set part of a reading: its phrasebook class (or rule), the words, where."""

    cls: str
    text: str
    start: int

    def as_dict(self) -> dict[str, object]:
        return {"class": self.cls, "text": self.text, "at": self.start}


@dataclass(frozen=True, slots=True)
class MentionReading:
    """One club mention read on its own."""

    mention: ClubMention
    buyer: float  # destination strength (1: a verb or preposition says so; 0.5: a bare "to")
    seller: float  # origin strength
    side: Role | None  # a side role that takes the mention out of the deal (None: buyer or seller by strength)
    stands_for: str | None  # another club the text names that this city stands for ("Torino" -> Juventus)
    evidence: tuple[Evidence, ...]
    returns: bool = False  # "returns to X": the club he goes back to

    @property
    def club(self) -> str:
        return self.stands_for or self.mention.club


# "(24, Arsenal)": the player's age and club in parentheses; a year in brackets or "in 2019" after a club dates it.
_PAREN_CLUB = re.compile(r"\(\s?\d{2}\s?,\s?$")
_NEW_WORDS = re.compile(r"(?<![a-z])(?:new|neuer|neue|neuen|nouveau|nouvelle|nuovo|nuova|nuevo|nueva)\s")


def _ev(cls: str, m: re.Match[str], offset: int) -> Evidence:
    return Evidence(cls, m.group().strip(), offset + m.start())


def _descriptor_after(doc: Document, after: str, cls: str) -> re.Match[str] | None:
    """A position or target word right after a club ("Arsenal striker", "Bayern-Stürmer", "Arsenal target")."""
    words = doc.book.words[cls]
    if not words:
        return None
    pattern = _DESCRIPTOR_CACHE.get((doc.language, cls))
    if pattern is None:
        alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        # "Arsenal's Brazilian winger", "Bayern-Stürmer"; never "Arsenal tracked the striker". English also names
        # the owner by apposition ("Arsenal striker"); in the other languages a club before a noun is its subject
        # ("beobachtet Borussia Dortmund Abwehrspieler X").
        apposition = "|\\s" if doc.language == "en" else ""
        pattern = re.compile(rf"^(?:'s?\s(?:[a-z0-9-]+\s){{0,2}}?|-{apposition})(?:{alternation})(?![a-z])")
        _DESCRIPTOR_CACHE[(doc.language, cls)] = pattern
    return pattern.match(after)


def _descriptor_before(doc: Document, before: str) -> re.Match[str] | None:
    """A position word and a genitive right before a club ("l'attaccante del", "el delantero del")."""
    pattern = _DESCRIPTOR_CACHE.get((doc.language, "owner-before"))
    if pattern is None:
        positions = "|".join(re.escape(w) for w in sorted(doc.book.words["person.positions"], key=len, reverse=True))
        genitives = "|".join(re.escape(w) for w in sorted(doc.book.words["grammar.genitives"], key=len, reverse=True))
        articles = "|".join(re.escape(w) for w in sorted(doc.book.words["grammar.articles"], key=len, reverse=True))
        if not (positions and genitives):
            pattern = re.compile(r"(?!x)x")
        else:
            tail = rf"(?:\s?(?:{articles})(?![a-z0-9]))*" if articles else ""
            pattern = re.compile(rf"(?<![a-z])(?:{positions})\s(?:{genitives}){tail}\s?$")
        _DESCRIPTOR_CACHE[(doc.language, "owner-before")] = pattern
    return pattern.search(before)


_DESCRIPTOR_CACHE: dict[tuple[str, str], re.Pattern[str]] = {}


def _read_one(doc: Document, m: ClubMention, subject_before: bool, present: set[str]) -> MentionReading:
    book = doc.book
    before = doc.clause_before(m.start)
    b0 = m.start - len(before)
    after = doc.after(m.end)
    name = doc.low[m.start : m.end]
    ev: list[Evidence] = []
    # the classes whose edge words the two windows hold, looked up once for the twenty-odd lookups below
    b_cands = _before_candidates(book.before_index, before)
    a_cands = _after_candidates(book.after_index, after)
    before_of, after_of = book.before, book.after

    def bm(cls: str) -> Hit | None:  # = book.before_match(cls, before)
        return before_of[cls].search(before, checked=True) if cls in b_cands else None

    def am(cls: str) -> re.Match[str] | None:  # = book.after_match(cls, after)
        return after_of[cls].match(after, checked=True) if cls in a_cands else None

    def reading(buyer: float, seller: float, side: Role | None, stands_for: str | None = None) -> MentionReading:
        return MentionReading(m, buyer, seller, side, stands_for, tuple(ev))

    # A club in the past: dated, or called a former club.
    lent = bm("role.seller_before") and am("role.lent_after")
    if not lent:
        past = am("role.former_after")
        if past:
            ev.append(_ev("role.former_after", past, m.end))
            return reading(0.0, 0.0, Role.FORMER)
        past = bm("role.former_before")
        if past:
            ev.append(_ev("role.former_before", past, b0))
            return reading(0.0, 0.0, Role.FORMER)
    gone = am("role.withdrawn_after")
    if gone:
        ev.append(_ev("role.withdrawn_after", gone, m.end))
        return reading(0.0, 0.0, Role.WITHDRAWN)
    bid_after = am("role.bid_after")
    verb_after = am("role.buyer_after") or bid_after
    lost = am("role.rival_after")
    if lost:
        ev.append(_ev("role.rival_after", lost, m.end))
        return reading(0.0, 0.0, Role.RIVAL)
    rival = bm("role.rival_before")
    if rival and not verb_after:
        ev.append(_ev("role.rival_before", rival, b0))
        return reading(0.0, 0.0, Role.RIVAL)
    strong = bm("role.buyer_before")
    city = name in cities() and not after.startswith("'")
    if city:
        go = bm("role.go_before")
        if go:
            ev.append(_ev("role.go_before", go, b0))
            return reading(1.0, 0.0, None, _city_club(name, m.club, present))
        place = None if strong else bm("role.place_before")
        if place:
            ev.append(_ev("role.place_before", place, b0))
            instead = _city_club(name, m.club, present)
            if instead:  # "atteso a Torino" in a Juventus story: that club's city, no cue either way
                return reading(0.0, 0.0, None, instead)
            return reading(0.0, 0.0, Role.PLACE)
    loan = bm("role.loan_before") or am("role.loan_after")
    if loan:
        ev.append(_ev("role.loan", loan, b0 if loan.string is before else m.end))
        return reading(0.0, 0.0, Role.LOAN)
    keeps = am("role.keeper_after")
    sells = am("role.seller_after")
    longer = max((x for x in (keeps, sells) if x), key=lambda x: x.end(), default=None)
    if verb_after and longer and longer.end() > verb_after.end():
        verb_after = None  # "vuole cederlo": the longer phrase says what the club wants (to sell)
    seller_before = bm("role.seller_before")
    if seller_before and strong and seller_before.start() >= strong.start():
        seller_before = None  # "bid from": the "from" belongs to the buyer's phrase
    buyer = seller = 0.0
    returns = False
    if (strong or verb_after) and not keeps:
        buyer = 1.0
        hit = strong or verb_after
        assert hit is not None
        ev.append(_ev("role.buyer_before" if strong else "role.buyer_after", hit, b0 if strong else m.end))
    elif not seller_before:
        weak = bm("role.buyer_weak_before")
        if weak:
            buyer = 0.5
            ev.append(_ev("role.buyer_weak_before", weak, b0))
    back = bm("role.return_before") or am("role.return_after")
    if back:
        returns = True
        buyer = max(buyer, 1.0)  # scored as a destination; a declined loan option turns it round
        ev.append(_ev("role.return", back, b0 if back.string is before else m.end))
    for cls, hit, offset in (
        ("role.seller_before", seller_before, b0),
        ("role.keeper_after", keeps, m.end),
        ("role.seller_after", sells, m.end),
    ):
        if hit:
            seller = 1.0
            ev.append(_ev(cls, hit, offset))
    owner = _descriptor_after(doc, after, "person.positions") or _descriptor_before(doc, before)
    if owner:
        if _NEW_WORDS.search(owner.group()):
            buyer = 1.0  # "Tottenham's new striker"
            ev.append(Evidence("role.new_player_of", owner.group().strip(), m.end))
        else:
            seller = 1.0
            ev.append(Evidence("role.owner", owner.group().strip(), m.end if owner.string is after else b0))
    target = _descriptor_after(doc, after, "person.targets")
    if target and not owner:
        buyer = max(buyer, 1.0)
        ev.append(Evidence("role.target_of", target.group().strip(), m.end))
    paren = _PAREN_CLUB.search(doc.low[max(0, m.start - 12) : m.start])
    if paren:
        seller += 1.0
        ev.append(Evidence("role.age_and_club", paren.group(), m.start - len(paren.group())))
    if subject_before and not verb_after:
        talks = bm("role.talks_with_before")
        if talks:
            # "Bayern have opened talks with Stuttgart": the other party to a club's talks is likelier the seller
            buyer, seller = 0.0, max(seller, 0.3)
            ev.append(_ev("role.talks_with_before", talks, b0))
    return MentionReading(m, buyer, seller, None, None, tuple(ev), returns)


def _city_club(mention: str, club: str, present: set[str]) -> str | None:
    """Another club the city name ``mention`` can stand for that the text names elsewhere ("Torino" -> Juventus)."""
    _, index = clubs()
    owners = index.owners.get(tuple(mention.split()), [])
    others = {o.target for o in owners if o.target != club and o.target in present}
    return others.pop() if len(others) == 1 else None


def read_mentions(
    doc: Document, club_mentions: list[ClubMention], people: Collection[tuple[int, int]] = ()
) -> list[MentionReading]:
    """Every club mention read from the words around it (independent of which player the report is about).

    ``people`` holds the spans of person names: a club's possessive right before one owns that player
    ("Brighton's Moisés Caicedo", "Bayerns Jamal Musiala"), and so does a club in brackets right after one, or
    one joined to the name by a genitive ("Nicolás Herrán, del Celta", "Luca Bassi dell'Empoli")."""
    present = {m.club for m in club_mentions if doc.low[m.start : m.end] not in cities()}
    starts = {s for s, _ in people}
    ends = {e for _, e in people}
    out: list[MentionReading] = []
    prev_end = -1
    for m in club_mentions:
        before_start = m.start - len(doc.clause_before(m.start))
        subject_before = prev_end >= before_start  # another club earlier in the same clause
        prev_end = m.end
        reading = _read_one(doc, m, subject_before, present)
        out.append(_in_context(doc, reading, starts, ends))
    for i in range(len(out) - 2, -1, -1):
        shared = _coordinated(doc, out[i], out[i + 1])
        if shared:
            out[i] = shared
    return out


_COORDINATED = re.compile(
    r"\s*(?:,|and|und|et|e|y|&|as well as|sowie|ainsi que|oltre a)\s+(?:the |der |die |le |la |les |il |el |lo |l')?"
)
_BUYER_VERB_CLASSES = ("role.buyer_after", "role.coordinated")


def _coordinated(doc: Document, r: MentionReading, next_reading: MentionReading) -> MentionReading | None:
    """A club listed with the next one shares the verb that follows both ("Liverpool and Manchester City are
    monitoring him"), unless the verb is an agreement or talks between the two ("Bournemouth and Liverpool have
    agreed a fee")."""
    if r.side is not None or r.buyer or r.seller or r.evidence or next_reading.side is not None:
        return None
    verb = next((e for e in next_reading.evidence if e.cls in _BUYER_VERB_CLASSES), None)
    if verb is None or next_reading.buyer < 1.0:
        return None
    gap = _COORDINATED.fullmatch(doc.low, r.mention.end, next_reading.mention.start)
    if gap is None:
        return None
    said = doc.low[next_reading.mention.end : verb.start + len(verb.text) + 1]
    book = doc.book
    if book.search["stage.agreed"].search(said) or book.search["stage.talks"].search(said):
        return None
    evidence = Evidence("role.coordinated", doc.text[r.mention.start : verb.start + len(verb.text)], r.mention.start)
    return replace(r, buyer=next_reading.buyer, evidence=(evidence,))


@cache
def _name_genitive(language: str) -> re.Pattern[str]:
    """A genitive between a person's name and a club, the name's end where the match starts (", del ")."""
    words = sorted(phrasebook(language).words["grammar.genitives"], key=len, reverse=True)
    return re.compile(rf"(?:\s*,)?\s+(?:{'|'.join(re.escape(w) for w in words)})\s*(?:(?:the|el|la|il|le)\s+)?$")


_POSSESSIVE = re.compile(r"'s?\s+(?:[a-z0-9-]+\s+){0,2}?")
_GENITIVE_GAP = re.compile(r"\s+(?:[a-z0-9-]+\s+){0,2}?")
_BRACKET_AFTER_NAME = re.compile(r"[A-Za-z'\-]\s?\(\s?$")


def _in_context(doc: Document, r: MentionReading, people: set[int], name_ends: set[int]) -> MentionReading:
    """What the mention's place among the people and dates of the text adds to its own reading."""
    if r.side is not None:
        return r
    m = r.mention
    of = _name_genitive(doc.language).search(doc.low, max(0, m.start - 16), m.start) if r.buyer < 1 else None
    if of and of.start() in name_ends:
        evidence = Evidence("role.player_of", doc.text[of.start() : m.end].strip(" ,"), m.start)
        return replace(r, seller=max(r.seller, 1.0), evidence=(*r.evidence, evidence))
    after = doc.low[m.end : m.end + 40]
    hit = (_POSSESSIVE.match(after) if not m.genitive else _GENITIVE_GAP.match(after)) if r.buyer < 1 else None
    if hit and m.end + hit.end() in people:
        evidence = Evidence("role.possessive", doc.text[m.start : m.end + hit.end()].strip(), m.start)
        return replace(r, seller=max(r.seller, 1.0), evidence=(*r.evidence, evidence))
    bracket = _BRACKET_AFTER_NAME.search(doc.folded[max(0, m.start - 4) : m.start])
    if bracket and doc.low[m.end : m.end + 2].lstrip().startswith(")"):
        name_end = m.start - len(bracket.group()) + 1
        if any(0 <= name_end - p <= 40 for p in people):
            evidence = Evidence("role.club_in_brackets", doc.text[m.start - 2 : m.end + 1], m.start)
            return replace(r, seller=max(r.seller, 1.0), evidence=(*r.evidence, evidence))
    dated = doc.dated_clause(m.start, m.end)
    if dated:
        if r.buyer >= 1.0 and not r.seller:
            # "he joined Bayern from Lyon in 2021": the club he joined then owns him now
            evidence = Evidence("role.joined_back_then", dated, m.start)
            return replace(r, buyer=0.0, seller=1.0, evidence=(*r.evidence, evidence))
        return replace(
            r, buyer=0.0, seller=0.0, side=Role.FORMER, evidence=(*r.evidence, Evidence("role.dated", dated, m.start))
        )
    return r
