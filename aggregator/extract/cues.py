"""Stage cues: every phrase of a stage class in a report, and how the words before it change what it asserts.

A cue is read as its class ("has signed": done) unless a modifier stands just before it: "set to join" is
agreed, not done; "could bid" is interest; "no agreement" asserts nothing; "not interested" is a denial. The
table ``READ_AS`` holds what each modifier makes of each stage; the phrases of both are in the phrasebooks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document

__all__ = ["READ_AS", "StageCue", "find_stage_cues"]

# phrasebook class -> the stage it asserts
STAGE_OF_CLASS = {
    "stage.interest": "interest",
    "stage.talks": "talks",
    "stage.bid": "bid",
    "stage.agreed": "agreed",
    "stage.medical": "medical",
    "stage.done": "done",
    "stage.denied": "denied",
    "stage.collapsed": "collapsed",
    "stage.exit": "exit_only",
    "stage.medical_failed": "collapsed",
}

# modifier -> {stage: what the cue asserts with that modifier before it (None: nothing)}; a stage a modifier does
# not list is read unchanged. Modifiers are tried in this order and the first found acts.
READ_AS: dict[str, dict[str, str | None]] = {
    "modifier.conditional": {s: None for s in STAGE_OF_CLASS.values()},
    # "not yet signed", "noch keine Einigung": what has not happened yet asserts nothing (unlike "not interested")
    "modifier.not_yet": {s: None for s in ("talks", "bid", "agreed", "medical", "done")},
    # "not interested": a denial; "no agreement", "no bid", "has not signed": nothing asserted
    "modifier.negation": {
        "interest": "denied",
        "talks": None,
        "bid": None,
        "agreed": None,
        "medical": None,
        "done": None,
        "denied": None,
        "collapsed": None,
        "exit_only": None,
    },
    "modifier.informal": {"agreed": None},
    "modifier.background": {s: None for s in ("talks", "bid", "agreed", "medical", "done")},
    "modifier.offer_before": {"done": "bid"},
    "modifier.offer_after": {"done": "bid"},
    "modifier.negated_after": {
        "interest": "denied",
        "talks": None,
        "bid": None,
        "agreed": None,
        "medical": None,
        "done": None,
        "exit_only": None,
    },
    "modifier.hedge": {
        "talks": "interest",
        "bid": "interest",
        "agreed": "talks",
        "medical": "agreed",
        "done": "interest",
        "collapsed": None,
        "denied": None,
    },
    # a booked medical is the medical stage; only a hedged one ("could undergo a medical") is not
    "modifier.future": {"talks": "interest", "bid": "interest", "agreed": "talks", "done": "agreed"},
    "modifier.infinitive": {"talks": "interest", "bid": "interest", "agreed": "talks", "done": "agreed"},
    "modifier.towards": {"agreed": "talks", "done": "agreed"},
    "modifier.expected_after": {"agreed": "talks", "done": "agreed"},
    # an agreement "on Monday" is no less agreed; a signature on Monday is not done yet
    "modifier.future_after": {"talks": "interest", "bid": "interest", "done": "agreed"},
}

# How far before a cue its modifiers are looked for.
_WINDOW = 45


@dataclass(frozen=True, slots=True)
class StageCue:
    """A stage phrase in the text: what its class says, what modifier stood before it, what it asserts."""

    start: int
    end: int
    cls: str  # phrasebook class ("stage.done")
    phrase: str  # the matched text, folded
    modifier: str | None  # phrasebook class of the modifier that acted ("modifier.future")
    stage: str | None  # the stage it asserts after the modifier (None: nothing)

    @property
    def stated(self) -> str:
        return STAGE_OF_CLASS[self.cls]


def _modifier(doc: Document, start: int, end: int, stage: str) -> str | None:
    """The first modifier of ``READ_AS`` that acts on the cue at ``start:end``: before it, after it, or inside
    a phrase with a gap ("wechselt höchstwahrscheinlich zu": the hedge stands in the gap)."""
    before = doc.low[max(0, start - _WINDOW) : start]
    before = before[before.rfind("\n") + 1 :]  # a modifier never acts across a line break (a headline's end)
    # a completion phrase with a gap can hold its own hedge ("wechselt höchstwahrscheinlich zu"); a phrase of
    # another stage already says how sure it is ("soll ~9 unterschreiben" is agreed, whatever stands between)
    inner = doc.low[start:end] if stage == "done" else ""
    inner = inner[inner.find(" ") + 1 :] if " " in inner else ""
    book = doc.book
    # a phrase that opens with a negation ("pas à vendre") shares the negation before it ("ne sera pas à vendre")
    framed = book.search["modifier.negation"].match(doc.low, start) is not None
    for cls, table in READ_AS.items():
        if stage not in table or (framed and cls == "modifier.negation"):
            continue
        if cls in book.follows:
            if book.follows[cls].match(doc.low, end, end + _WINDOW):
                return cls
        elif (
            (cls == "modifier.conditional" and _conditional_sentence(doc, start))
            or book.precedes_match(cls, before)
            or (inner and cls not in _NOT_INSIDE and book.search[cls].search(inner))
        ):
            return cls
    return None


# Modifiers that only act next to a cue, never from inside its phrase.
# A phrase written with its own negation ("ne lèvera pas l'option", "not for sale") is not negated by it.
_NOT_INSIDE = frozenset({"modifier.infinitive", "modifier.informal", "modifier.offer_before", "modifier.negation"})


def _conditional_sentence(doc: Document, start: int) -> bool:
    """The cue's sentence opens with a condition ("Sollte sich X mit Y einigen, wechselt Z ..."): what follows
    the condition is as uncertain as the condition."""
    begin = doc.starts[doc.sentence_of(start)]
    if start - begin > 200:
        return False
    return doc.book.search["modifier.conditional"].match(doc.low, begin) is not None and "," in doc.low[begin:start]


def find_stage_cues(doc: Document) -> list[StageCue]:
    """Every stage cue in text order; a cue overlapped by a collapse, denial or failed medical yields to it."""
    found = doc.found
    side = [m.span() for cls in ("stage.collapsed", "stage.denied", "stage.medical_failed") for m in found(cls)]
    failed = [(m.start(), m.end()) for m in found("stage.medical_failed")]
    terms = [m.start() for m in found("modifier.player_terms")]
    out: list[StageCue] = []
    for cls, stage in STAGE_OF_CLASS.items():
        for m in found(cls):
            start, end = m.span()
            if stage in ("done", "agreed") and any(s < end and start < e for s, e in side):
                continue  # "signed a new contract" renews; "agreed a new deal" too
            if stage == "medical" and any(s <= start < e or start <= s < end for s, e in failed):
                continue
            if stage in ("done", "agreed", "medical", "bid", "talks") and doc.dated_clause(start, end):
                continue  # background: a move of years ago
            modifier = _modifier(doc, start, end, stage)
            read = READ_AS[modifier].get(stage, stage) if modifier else stage
            if read == "agreed" and any(
                end - 2 <= p <= end + 25
                or (0 <= start - p <= 90 and doc.sentence_of(p) == doc.sentence_of(start))
                or (
                    0 <= p - end <= 90
                    and doc.sentence_of(p) == doc.sentence_of(start)
                    and _ABOUT.search(doc.low, max(0, p - 20), p)
                )
                for p in terms
            ):
                modifier, read = "modifier.player_terms", "talks"  # terms with the player; the clubs still talk
            out.append(StageCue(start, end, cls, m.group(), modifier, read))
    out.sort(key=lambda c: (c.start, -c.end))
    return _outermost(out)


# "an agreement ... over personal terms": what the agreement is about, in the five languages
_ABOUT = re.compile(
    r"(?<![a-z])(?:over|on|about|regarding|uber|sur|su|sobre|sui|sulle)\s+(?:the |die |den |les |i |los )?$"
)


def _outermost(cues: list[StageCue]) -> list[StageCue]:
    """Drop a cue that lies inside a longer cue of another class: the longer phrase says what the words mean
    ("falta la firma" is an agreement waiting for a signature, not a signature). ``cues`` by start, longest first."""
    out: list[StageCue] = []
    reach = -1
    owner: StageCue | None = None
    for cue in cues:
        if (
            owner is not None
            and cue.end <= reach
            and cue.cls != owner.cls
            and (cue.start, cue.end) != (owner.start, owner.end)
        ):
            continue
        out.append(cue)
        if cue.end > reach:
            reach, owner = cue.end, cue
    out.sort(key=lambda c: (c.start, c.end))
    return out
