"""Why a report was read as it was: a reading's mentions, club roles with evidence, stage cues, fee and claims."""

from __future__ import annotations

from typing import Any

from .claims import ClaimReading, Reading
from .roles import MentionReading

__all__ = ["explanation", "render_text"]


def _span(reading: Reading, start: int, end: int) -> str:
    return reading.document.text[start:end]


def _club_reading(reading: Reading, r: MentionReading) -> dict[str, Any]:
    return {
        "club": r.mention.club,
        "text": _span(reading, r.mention.start, r.mention.end),
        "at": r.mention.start,
        "buyer": r.buyer,
        "seller": r.seller,
        "side": str(r.side) if r.side else None,
        "stands_for": r.stands_for,
        "evidence": [e.as_dict() for e in r.evidence],
    }


def _claim(c: ClaimReading) -> dict[str, Any]:
    fee = c.fee.fee
    return {
        "player": c.claim.player,
        "from_club": c.claim.from_club,
        "to_club": c.claim.to_club,
        "stage": c.claim.stage,
        "stage_reason": c.stage.reason,
        "stage_scores": c.stage.scores,
        "fee_eur": c.claim.fee_eur,
        "fee_text": c.claim.fee_text,
        "fee_kind": fee.kind if fee else None,
        "fee_reason": c.fee.reason,
        "cited_sources": list(c.claim.cited_sources),
        "roles": [role.as_dict() for role in c.sides.roles],
    }


def explanation(reading: Reading) -> dict[str, Any]:
    """A JSON-ready account of one reading."""
    doc = reading.document
    mentions = reading.mentions
    out: dict[str, Any] = {"language": doc.language, "skipped": reading.skipped, "headline_end": doc.title_end}
    if mentions is not None:
        out["mentions"] = {
            "players": [
                {
                    "name": p.display,
                    "score": round(p.score, 2),
                    "mentions": [_span(reading, s, e) for s, e in p.mentions[:8]],
                    "role_words": p.role_hits,
                    "player_words": p.hint_hits,
                }
                for p in mentions.players[:6]
            ],
            "clubs": [_club_reading(reading, r) for r in reading.club_readings]
            or [{"club": c.club, "text": _span(reading, c.start, c.end), "at": c.start} for c in mentions.clubs],
            "fees": [
                {"text": _span(reading, f.start, f.end), "eur": f.eur, "kind": f.kind, "score": f.score}
                for f in mentions.fees
            ],
            "sources": [s.as_dict() for s in mentions.sources],
            "stage_cues": [
                {
                    "text": _span(reading, c.start, c.end),
                    "at": c.start,
                    "class": c.cls,
                    "modifier": c.modifier,
                    "reads_as": c.stage,
                }
                for c in mentions.cues
            ],
        }
    out["claims"] = [_claim(c) for c in reading.claims]
    return out


def render_text(reading: Reading) -> str:
    """The explanation as plain text for a terminal."""
    data = explanation(reading)
    lines = [f"language: {data['language']}"]
    if data["skipped"]:
        lines.append(f"no claim: {data['skipped']}")
    mentions = data.get("mentions")
    if mentions:
        lines.append("players (best first):")
        for p in mentions["players"]:
            lines.append(f"  {p['name']}  score {p['score']}  mentions {len(p['mentions'])}")
        lines.append("clubs:")
        for c in mentions["clubs"]:
            how = "; ".join(f"{e['class']} {e['text']!r}" for e in c.get("evidence", [])) or "no cue"
            side = f" [{c['side']}]" if c.get("side") else ""
            lines.append(
                f"  {c['club']} ({c['text']!r} at {c['at']}){side}  buyer {c.get('buyer', 0)} "
                f"seller {c.get('seller', 0)}  - {how}"
            )
        lines.append("stage cues:")
        for cue in mentions["stage_cues"]:
            mod = f" after {cue['modifier']}" if cue["modifier"] else ""
            lines.append(f"  {cue['text']!r} at {cue['at']}: {cue['class']}{mod} -> {cue['reads_as'] or 'nothing'}")
        lines.append("fees:")
        for f in mentions["fees"]:
            lines.append(f"  {f['text']!r}: {f['kind']} €{f['eur']:,.0f} (score {f['score']})")
        lines.append("sources:")
        for s in mentions["sources"]:
            lines.append(f"  {s['name']} ({s['how']}, at {s['at']})")
    for i, c in enumerate(data["claims"]):
        lines.append(
            f"claim {i + 1}: {c['player']}: {c['from_club']} -> {c['to_club']}, {c['stage']} ({c['stage_reason']})"
        )
        lines.append(f"  stage scores: {c['stage_scores']}")
        fee = f"€{c['fee_eur']:,.0f} ({c['fee_text']!r}, {c['fee_kind']})" if c["fee_eur"] is not None else "none"
        lines.append(f"  fee: {fee}: {c['fee_reason']}")
        lines.append(f"  cited: {', '.join(c['cited_sources']) or 'none'}")
        for role in c["roles"]:
            why = "; ".join(sorted({f"{e['class']} {e['text']!r}" for e in role["evidence"]})) or "no cue"
            lines.append(
                f"  role {role['club']}: {role['role']} (buyer {role['buyer']}, seller {role['seller']}): {why}"
            )
    return "\n".join(lines)
