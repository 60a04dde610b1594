"""Test sentences for extraction: one report written for a test, and what a reader takes from it."""

from __future__ import annotations

from dataclasses import dataclass, field

from aggregator.extract import Claim, extract_claims


@dataclass(frozen=True)
class Case:
    """A report and what it says; ``None`` fields are not checked (to_club=None is written as NO_CLUB)."""

    text: str
    player: str | None = None
    from_club: str | None = None
    to_club: str | None = None
    stage: str | None = None
    title: str = ""
    fee_eur: float | None = None
    cited: tuple[str, ...] = field(default=())  # each must be among the claim's cited sources

    def __str__(self) -> str:  # the test id
        return (self.title + " " + self.text)[:70]


NO_CLUB = "<none>"  # expect no club in that role


def check(case: Case, language: str) -> Claim:
    """Extract the case's main claim and compare every field the case states, all at once."""
    claims = extract_claims(case.text, title=case.title, language=language)
    assert claims, f"no claim from: {case.text}"
    claim = claims[0]
    got: dict[str, object] = {}
    want: dict[str, object] = {}
    for name in ("player", "from_club", "to_club", "stage"):
        expected = getattr(case, name)
        if expected is None:
            continue
        actual = getattr(claim, name)
        want[name] = None if expected == NO_CLUB else expected
        got[name] = actual
    if case.fee_eur is not None:
        want["fee_eur"], got["fee_eur"] = case.fee_eur, claim.fee_eur
    for source in case.cited:
        want[f"cites {source}"], got[f"cites {source}"] = True, source in claim.cited_sources
    assert got == want, f"{case.text!r}\n  got  {got}\n  want {want}"
    return claim
