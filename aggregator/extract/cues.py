"""Stage cues: every phrase of a stage class in a report, and how the words before it change what it asserts.

A cue is read as its class ("has signed": done) unless a modifier stands just before it: "set to join" is
agreed, not done; "could bid" is interest; "no agreement" asserts nothing; "not interested" is a denial. The
table ``READ_AS`` holds what each modifier makes of each stage; the phrases of both are in the phrasebooks.
"""

from __future__ import annotations

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
    "modifier.hedge": {
        "talks": "interest",
        "bid": "interest",
        "agreed": "talks",
        "medical": "agreed",
        "done": "interest",
        "collapsed": None,
        "denied": None,
    },
    "modifier.future": {
        "talks": "interest",
        "bid": "interest",
        "agreed": "talks",
        "medical": "agreed",
        "done": "agreed",
    },
    "modifier.infinitive": {
        "talks": "interest",
        "bid": "interest",
        "agreed": "talks",
        "medical": "agreed",
        "done": "agreed",
    },
    "modifier.towards": {"agreed": "talks", "medical": "agreed", "done": "agreed"},
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


def _modifier(doc: Document, start: int, stage: str) -> str | None:
    before = doc.low[max(0, start - _WINDOW) : start]
    for cls, table in READ_AS.items():
        if stage in table and doc.book.precedes[cls].search(before):
            return cls
    return None


def find_stage_cues(doc: Document) -> list[StageCue]:
    """Every stage cue in text order; a cue overlapped by a collapse, denial or failed medical yields to it."""
    found = doc.book.free.scan(doc.low)
    side = [
        (m.start(), m.end())
        for cls in ("stage.collapsed", "stage.denied", "stage.medical_failed")
        for m in found.get(cls, [])
    ]
    failed = [(m.start(), m.end()) for m in found.get("stage.medical_failed", [])]
    terms = [m.start() for m in found.get("modifier.player_terms", [])]
    out: list[StageCue] = []
    for cls, stage in STAGE_OF_CLASS.items():
        for m in found.get(cls, []):
            start, end = m.span()
            if stage in ("done", "agreed") and any(s < end and start < e for s, e in side):
                continue  # "signed a new contract" renews; "agreed a new deal" too
            if stage == "medical" and any(s <= start < e or start <= s < end for s, e in failed):
                continue
            modifier = _modifier(doc, start, stage)
            read = READ_AS[modifier].get(stage, stage) if modifier else stage
            if read == "agreed" and any(end - 2 <= p <= end + 25 or 0 <= start - p <= 20 for p in terms):
                modifier, read = "modifier.player_terms", "talks"  # terms with the player; the clubs still talk
            out.append(StageCue(start, end, cls, m.group(), modifier, read))
    out.sort(key=lambda c: (c.start, -c.end))
    return _outermost(out)


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
