"""The stage a report asserts: the furthest ladder stage its weighted cues support, unless a collapse or denial
leads the story or outweighs the progress."""

from __future__ import annotations

from dataclasses import dataclass

from ..concepts.stages import LADDER
from .cues import StageCue

__all__ = ["StageDecision", "decide_stage"]


@dataclass(frozen=True, slots=True)
class StageDecision:
    stage: str
    reason: str  # which rule chose it
    scores: dict[str, float]  # weighted cue count per stage asserted


def decide_stage(
    cues: list[StageCue], weights: dict[int, float], lead_end: int, has_destination: bool
) -> StageDecision:
    """``weights`` gives each cue's relevance (by its start; 0 ignores it); ``lead_end`` ends the headline/lead."""
    score: dict[str, float] = {}
    lead: dict[str, float] = {}
    for cue in cues:
        w = weights.get(cue.start, 1.0)
        if w <= 0 or cue.stage is None:
            continue
        score[cue.stage] = score.get(cue.stage, 0.0) + w
        if cue.start < lead_end:
            lead[cue.stage] = lead.get(cue.stage, 0.0) + w
    scores = {k: round(v, 2) for k, v in score.items()}
    ordered = [s for s in LADDER if score.get(s, 0.0) >= 0.5]
    while len(ordered) > 1 and _outweighed(ordered[-1], ordered[:-1], score, lead):
        ordered.pop()  # one faint cue of a further stage in a story that keeps saying something else
    best = ordered[-1] if ordered else None
    progress = score.get("done", 0) + score.get("agreed", 0) + score.get("medical", 0)
    for side in ("collapsed", "denied"):  # a story of a refusal that ended talks is a collapse
        side_score = score.get(side, 0.0)
        if side_score <= 0:
            continue
        if lead.get(side, 0) > 0 and lead.get("done", 0) == 0:
            return StageDecision(side, f"the lead says {side}", scores)
        if side_score >= 2 and side_score > progress:
            return StageDecision(side, f"{side} outweighs the progress", scores)
        if side_score >= 1.0 and side_score >= score.get("done", 0.0):
            # the story's end: talks, bids, an agreement or a medical before it are its history
            return StageDecision(side, f"{side}, after whatever came before", scores)
        if not ordered and side_score >= 0.5:
            return StageDecision(side, f"{side} and nothing else", scores)
    if best == "done" and score.get("done", 0) < 1.0 and "agreed" in ordered:
        return StageDecision("agreed", "one weak completion cue beside an agreement", scores)
    exit_score = score.get("exit_only", 0.0)
    if (
        not has_destination
        and exit_score > 0
        and (best in (None, "interest") or (best == "done" and exit_score >= score["done"]))
    ):
        return StageDecision("exit_only", "a departure with no destination", scores)
    if best:
        return StageDecision(best, "the furthest stage asserted", scores)
    return StageDecision("interest", "no stage cue: a rumour", scores)


# A further stage asserted below this weight, outside the lead, beside this many times the weight of an earlier
# stage, is not the story's: a background remark or a misread aside, not what the report keeps saying.
FAINT = 1.5
OUTWEIGHED_BY = 4.0


def _outweighed(stage: str, earlier: list[str], score: dict[str, float], lead: dict[str, float]) -> bool:
    mine = score.get(stage, 0.0)
    if mine >= FAINT or lead.get(stage, 0.0) > 0:
        return False
    return max(score.get(s, 0.0) for s in earlier) >= OUTWEIGHED_BY * mine
