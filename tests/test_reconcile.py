"""Reading a player's reports together: the seller by consensus, weak destinations joining, rival suitors kept."""

from __future__ import annotations

import random

from aggregator.concepts.club_sides import ClubSide, sides_from_json, sides_to_json
from aggregator.grouping import ClaimRow, group_player
from aggregator.reconcile import consensus, own_evidence, reconcile
from tests.claim_rows import claim_row

WHEN = "2025-07-{day:02d}T09:00:00+00:00"


def report(
    to: str | None,
    frm: str | None,
    *sides: tuple[str, str, float, float],
    day: int = 1,
    dated: bool = True,
    copy_of: int | None = None,
    stage: str = "talks",
) -> ClaimRow:
    when = WHEN.format(day=day) if dated else None
    clubs = tuple(ClubSide(*s) for s in sides)
    return claim_row(to, when, frm=frm, stage=stage, player="Jonas Lindqvist", duplicate_of=copy_of, clubs=clubs)


# The usual readings: a club the text sends him to ("joins", "move to"), the club that owns him.
def buyer(club: str, strength: float = 2.0) -> tuple[str, str, float, float]:
    return (club, "buyer", strength, 0.0)


def seller(club: str, strength: float = 1.5) -> tuple[str, str, float, float]:
    return (club, "seller", 0.0, strength)


def confident(to: str, frm: str = "Hammarby", day: int = 1) -> ClaimRow:
    return report(to, frm, buyer(to), seller(frm), day=day)


def test_the_seller_is_the_club_most_reports_say_owns_him() -> None:
    claims = [confident("Brentford", day=d) for d in (1, 2, 3)]
    claims.append(report("Hammarby", "Brentford", ("Hammarby", "buyer", 1.0, 0.5), ("Brentford", "other", 0.5, 0.0)))
    agreed = consensus(claims)
    assert agreed.seller == "Hammarby"
    assert agreed.destinations == {"Brentford": 3}


def test_a_report_that_sends_him_to_the_club_that_owns_him_joins_the_supported_destination() -> None:
    # "Brentford's bid for the Hammarby forward ..." read backwards: Hammarby as the buyer.
    backwards = report("Hammarby", "Brentford", ("Hammarby", "buyer", 1.0, 0.5), ("Brentford", "other", 0.5, 0.0))
    claims = [confident("Brentford", day=d) for d in (1, 2, 3)] + [backwards]
    reread = reconcile(claims)[-1]
    assert (reread.from_club, reread.to_club) == ("Hammarby", "Brentford")
    deals = group_player(claims)
    assert [(d.to_club, len(d.claims)) for d in deals] == [("Brentford", 4)]


def test_the_seller_read_as_the_buyer_gives_way_even_when_the_report_gives_the_buyer_no_strength() -> None:
    # "Hammarby are in talks with Brentford over Lindqvist": the talks verb sits on Hammarby, Brentford is its object.
    backwards = report("Hammarby", "Brentford", ("Hammarby", "buyer", 2.0, 0.0), ("Brentford", "seller", 0.0, 0.6))
    claims = [confident("Brentford", day=d) for d in (1, 2)] + [backwards]
    assert consensus(claims).seller == "Hammarby"
    assert reconcile(claims)[-1].to_club == "Brentford"


def test_a_reading_with_its_sides_swapped_goes_to_the_club_it_has_him_leave() -> None:
    # Two suitors; a report on Celtic's failed bid read backwards (Hammarby -> Celtic as Celtic -> Hammarby).
    backwards = report(
        "Hammarby",
        "Celtic",
        ("Hammarby", "buyer", 1.0, 0.0),
        ("Celtic", "seller", 0.0, 1.0),
        ("Brentford", "other", 0.5, 0.0),  # "... while Brentford, who lead the race, wait"
    )
    claims = [confident("Brentford", day=d) for d in (1, 2, 3)] + [confident("Celtic", day=4), backwards]
    assert reconcile(claims)[-1].to_club == "Celtic"


def test_a_weak_reading_of_an_unsupported_club_joins_the_destination_the_others_give() -> None:
    # "... could yet end up at Celtic, though Brentford lead the race": a bare "at" for Celtic, Brentford named too.
    weak = report(
        "Celtic", "Hammarby", ("Celtic", "buyer", 0.5, 0.0), ("Brentford", "other", 0.5, 0.0), seller("Hammarby")
    )
    claims = [confident("Brentford", day=d) for d in (1, 2)] + [weak]
    assert not own_evidence(weak)
    assert reconcile(claims)[-1].to_club == "Brentford"


def test_a_rival_suitor_with_reports_of_its_own_stays_a_deal_of_its_own() -> None:
    # Celtic's bid, in reports that also name the favourites Brentford.
    rival = [
        report("Celtic", "Hammarby", ("Celtic", "buyer", 0.5, 0.0), ("Brentford", "other", 1.0, 0.0), day=4),
        report("Celtic", "Hammarby", buyer("Celtic", 1.5), ("Brentford", "other", 1.0, 0.0), day=5),
    ]
    claims = [confident("Brentford", day=d) for d in (1, 2, 3)] + rival
    assert [c.to_club for c in reconcile(claims)[-2:]] == ["Celtic", "Celtic"]
    assert sorted((d.to_club, len(d.claims)) for d in group_player(claims)) == [("Brentford", 3), ("Celtic", 2)]


def test_a_club_the_report_gives_no_buyer_strength_is_never_its_destination() -> None:
    # Brentford named only in passing ("... who face Brentford on Saturday"): nothing sends him there.
    weak = report("Celtic", "Hammarby", ("Celtic", "buyer", 0.5, 0.0), ("Brentford", "other", 0.0, 0.0))
    claims = [confident("Brentford", day=d) for d in (1, 2)] + [weak]
    assert reconcile(claims)[-1].to_club == "Celtic"


def test_a_suitor_that_pulled_out_keeps_its_collapse() -> None:
    # "Celtic have pulled out; Brentford are closing in": the second claim is Celtic's collapsed pursuit.
    gone = report("Celtic", "Hammarby", ("Celtic", "withdrawn", 0.0, 0.0), buyer("Brentford", 1.0), stage="collapsed")
    claims = [confident("Brentford", day=d) for d in (1, 2)] + [gone]
    assert reconcile(claims)[-1].to_club == "Celtic"


def test_a_former_club_or_a_city_never_becomes_the_destination() -> None:
    weak = report(None, "Hammarby", ("Brentford", "former", 2.0, 0.0), seller("Hammarby"), stage="exit_only")
    claims = [confident("Brentford", day=d) for d in (1, 2)] + [weak]
    assert reconcile(claims)[-1].to_club is None


def test_a_departure_that_names_the_supported_destination_joins_its_deal() -> None:
    # "Lindqvist wants to leave Hammarby; Brentford have asked about him."
    exit_only = report(None, "Hammarby", ("Brentford", "other", 0.5, 0.0), seller("Hammarby"), stage="exit_only")
    claims = [confident("Brentford", day=d) for d in (1, 2)] + [exit_only]
    assert reconcile(claims)[-1].to_club == "Brentford"


def test_syndicated_copies_lend_no_support() -> None:
    original = confident("Celtic", day=1)
    copies = [
        report("Celtic", "Hammarby", buyer("Celtic"), seller("Hammarby"), day=2, copy_of=original.claim_id)
        for _ in range(3)
    ]
    claims = [original, *copies, confident("Brentford", day=3), confident("Brentford", day=4)]
    assert consensus(claims).destinations == {"Celtic": 1, "Brentford": 2}


def test_undated_reports_are_read_against_the_dated_deals_too() -> None:
    dated = [confident("Brentford", day=d) for d in (1, 2, 3)]
    weak = report("Celtic", None, ("Celtic", "buyer", 0.5, 0.0), ("Brentford", "other", 0.5, 0.0), dated=False)
    deals = group_player([*dated, weak])
    assert [(d.to_club, len(d.claims)) for d in deals] == [("Brentford", 4)]


def test_reading_together_does_not_depend_on_the_order_of_the_reports() -> None:
    claims = [confident("Brentford", day=d) for d in (1, 2, 3)]
    claims += [
        report("Celtic", "Hammarby", ("Celtic", "buyer", 0.5, 0.0), ("Brentford", "other", 0.5, 0.0), day=4),
        report("Hammarby", "Brentford", ("Hammarby", "buyer", 1.0, 0.5), ("Brentford", "other", 0.5, 0.0), day=5),
        report("Celtic", "Hammarby", buyer("Celtic"), ("Brentford", "other", 1.0, 0.0), day=6),
        report(None, "Hammarby", ("Brentford", "other", 0.5, 0.0), dated=False, stage="exit_only"),
    ]
    reference = [(d.deal_id, sorted(c.claim_id for c in d.claims)) for d in group_player(claims)]
    for seed in range(6):
        shuffled = claims[:]
        random.Random(seed).shuffle(shuffled)
        assert [(d.deal_id, sorted(c.claim_id for c in d.claims)) for d in group_player(shuffled)] == reference


def test_club_sides_survive_the_store_round_trip() -> None:
    sides = (ClubSide("Brentford", "buyer", 1.25, 0.0), ClubSide("Hammarby", "seller", 0.0, 2.0))
    assert sides_from_json(sides_to_json(sides)) == sides
    assert sides_from_json(None) == ()
