"""Grouping rules on hand-made claims: destinations, windows, exits, order independence, first-to-break."""

from __future__ import annotations

import random
from dataclasses import replace

from aggregator.concepts import transfer_window
from aggregator.grouping import ClaimRow, Deal, RunSummary, group_player
from tests.claim_rows import claim_row, next_id


def claim(
    to: str | None,
    when: str | None,
    *,
    stage: str = "interest",
    outlet: str = "bild.de",
    frm: str | None = "Borussia Dortmund",
    fee: float | None = None,
    url: str | None = None,
) -> ClaimRow:
    return claim_row(to, when, stage=stage, outlet=outlet, frm=frm, fee=fee, url=url)


def by_destination(deals: list[Deal]) -> dict[str | None, list[Deal]]:
    out: dict[str | None, list[Deal]] = {}
    for d in deals:
        out.setdefault(d.to_club, []).append(d)
    return out


def test_two_clubs_chasing_one_player_are_two_deals_even_on_the_same_day() -> None:
    deals = group_player([claim("Arsenal", "2024-07-01T09:00:00+00:00"), claim("Chelsea", "2024-07-01T10:00:00+00:00")])
    assert sorted(d.to_club or "" for d in deals) == ["Arsenal", "Chelsea"]


def test_same_clubs_in_different_windows_are_different_deals() -> None:
    deals = group_player(
        [
            claim("Arsenal", "2022-06-01T09:00:00+00:00"),
            claim("Arsenal", "2022-07-10T09:00:00+00:00"),
            claim("Arsenal", "2024-06-20T09:00:00+00:00"),
        ]
    )
    assert sorted(d.window for d in deals) == ["2022-summer", "2024-summer"]
    assert sorted(len(d.claims) for d in deals) == [1, 2]


def test_a_done_deal_is_closed_and_a_later_story_opens_a_new_one() -> None:
    deals = group_player(
        [
            claim("Arsenal", "2024-01-05T09:00:00+00:00", stage="done"),
            claim("Arsenal", "2024-04-20T09:00:00+00:00", stage="interest"),
        ]
    )
    assert len(deals) == 2 and len({d.deal_id for d in deals}) == 2


def test_departure_without_destination_joins_the_open_exit_deal() -> None:
    deals = group_player(
        [
            claim(None, "2024-06-01T09:00:00+00:00", stage="exit_only"),
            claim(None, "2024-06-03T09:00:00+00:00", stage="exit_only"),
            claim("Arsenal", "2024-06-05T09:00:00+00:00"),
        ]
    )
    exits = by_destination(deals)[None]
    assert len(exits) == 1 and len(exits[0].claims) == 2
    assert exits[0].deal_id.endswith("borussia-dortmund-exit-2024-summer")


def test_undated_report_joins_the_deal_with_its_from_club() -> None:
    deals = group_player(
        [
            claim("Arsenal", "2022-06-01T09:00:00+00:00", frm="RB Salzburg"),
            claim("Arsenal", "2024-06-20T09:00:00+00:00", frm="Borussia Dortmund"),
            claim("Arsenal", None, frm="RB Salzburg"),
        ]
    )
    salzburg = next(d for d in deals if d.window == "2022-summer")
    assert len(salzburg.claims) == 2


def test_order_does_not_change_deals_or_ids() -> None:
    claims = [claim("Arsenal", f"2024-06-{d:02d}T09:00:00+00:00", outlet=f"o{d % 3}.com") for d in range(1, 20)]
    claims += [claim("Chelsea", None), claim(None, "2024-07-01T00:00:00+00:00", stage="exit_only")]
    reference = [(d.deal_id, sorted(c.claim_id for c in d.claims)) for d in group_player(claims)]
    for seed in range(5):
        shuffled = claims[:]
        random.Random(seed).shuffle(shuffled)
        assert [(d.deal_id, sorted(c.claim_id for c in d.claims)) for d in group_player(shuffled)] == reference


def test_first_to_break_is_the_earliest_dated_report_and_unknown_dates_never_win() -> None:
    deals = group_player(
        [
            claim("Arsenal", None, outlet="undated.com"),
            claim("Arsenal", "2024-06-03T09:00:00+00:00", outlet="late.com"),
            claim("Arsenal", "2024-06-01T07:30:00+00:00", outlet="early.com"),
        ]
    )
    assert deals[0].first is not None and deals[0].first.outlet == "early.com"
    assert deals[0].outlets == 3


def test_deal_state_furthest_latest_fee_range() -> None:
    (deal,) = group_player(
        [
            claim("Arsenal", "2024-06-01T09:00:00+00:00", stage="bid", fee=50e6),
            claim("Arsenal", "2024-06-05T09:00:00+00:00", stage="medical", fee=60e6),
            claim("Arsenal", "2024-06-06T09:00:00+00:00", stage="talks"),
        ]
    )
    assert (deal.stage, deal.latest_stage, deal.status) == ("medical", "talks", "open")
    assert (deal.fee_min_eur, deal.fee_max_eur, deal.fee_eur) == (50e6, 60e6, 60e6)


def test_collapsed_when_the_latest_report_says_so() -> None:
    (deal,) = group_player(
        [
            claim("Arsenal", "2024-06-01T09:00:00+00:00", stage="agreed"),
            claim("Arsenal", "2024-06-09T09:00:00+00:00", stage="collapsed"),
        ]
    )
    assert deal.status == "collapsed"


def test_windows() -> None:
    assert transfer_window("2024-01-31T23:00:00+00:00") == "2024-winter"
    assert transfer_window("2023-12-15T00:00:00+00:00") == "2024-winter"
    assert transfer_window("2024-03-01T00:00:00+00:00") == "2024-summer"
    assert transfer_window(None) == "undated"


def test_undated_completion_after_a_collapsed_saga_is_a_new_deal() -> None:
    deals = group_player(
        [
            claim("Arsenal", "2022-05-20T09:00:00+00:00", stage="agreed"),
            claim("Arsenal", "2022-05-21T09:00:00+00:00", stage="collapsed"),
            claim("Arsenal", None, stage="collapsed"),
            claim("Arsenal", None, stage="done"),
            claim("Arsenal", None, stage="medical"),
        ]
    )
    assert sorted(len(d.claims) for d in deals) == [2, 3]
    collapsed = next(d for d in deals if d.window == "2022-summer")
    assert collapsed.status == "collapsed"
    assert {c.stage for c in collapsed.claims} == {"agreed", "collapsed"}


def test_a_claim_read_backwards_joins_the_better_supported_direction() -> None:
    deals = group_player(
        [
            claim("Arsenal", "2024-06-01T09:00:00+00:00", frm="West Ham United"),
            claim("Arsenal", "2024-06-02T09:00:00+00:00", frm="West Ham United"),
            claim("West Ham United", "2024-06-03T09:00:00+00:00", frm="Arsenal"),
            claim("West Ham United", "2021-06-03T09:00:00+00:00", frm="Arsenal"),  # another window: left alone
        ]
    )
    assert sorted((d.to_club or "", len(d.claims)) for d in deals) == [("Arsenal", 3), ("West Ham United", 1)]


def test_an_undated_report_that_fits_a_dated_deal_never_forms_a_deal_of_its_own() -> None:
    deals = group_player(
        [
            claim("Real Madrid", "2022-05-20T09:00:00+00:00", stage="talks", frm="Paris Saint-Germain"),
            claim("Real Madrid", "2022-05-21T09:00:00+00:00", stage="collapsed", frm="Paris Saint-Germain"),
            claim("Real Madrid", None, stage="done", frm="Paris Saint-Germain"),  # contradicts the collapse
            claim("Real Madrid", None, stage="agreed", frm="Paris Saint-Germain"),  # likewise
            claim("Real Madrid", None, stage="talks", frm="Paris Saint-Germain"),  # says nothing against it: joins it
        ]
    )
    windows = {d.window: sorted(c.stage for c in d.claims) for d in deals}
    assert windows == {"2022-summer": ["collapsed", "talks", "talks"], "undated": ["agreed", "done"]}


def test_undated_reports_of_two_attempts_join_the_attempt_whose_outcome_they_state() -> None:
    deals = group_player(
        [
            claim("Arsenal", "2023-08-20T09:00:00+00:00", stage="bid"),
            claim("Arsenal", "2023-09-01T09:00:00+00:00", stage="collapsed"),
            claim("Arsenal", "2024-06-10T09:00:00+00:00", stage="talks"),
            claim("Arsenal", "2024-07-02T09:00:00+00:00", stage="done"),
            claim("Arsenal", None, stage="collapsed", outlet="undated-collapse.com"),
            claim("Arsenal", None, stage="done", outlet="undated-done.com"),
            claim("Arsenal", None, stage="interest", outlet="undated-interest.com"),  # either: the latest
        ]
    )
    outlets = {d.window: sorted(c.outlet for c in d.claims if not c.published_at) for d in deals}
    assert outlets == {
        "2023-summer": ["undated-collapse.com"],
        "2024-summer": ["undated-done.com", "undated-interest.com"],
    }


def test_one_misread_completion_does_not_close_a_deal_most_reports_say_fell_through() -> None:
    deals = group_player(
        [
            claim("Arsenal", "2023-08-20T09:00:00+00:00", stage="done"),  # one outlet got it wrong
            claim("Arsenal", "2023-08-31T09:00:00+00:00", stage="collapsed"),
            claim("Arsenal", "2023-09-01T09:00:00+00:00", stage="collapsed"),
            claim("Arsenal", None, stage="collapsed", outlet="undated.com"),
        ]
    )
    (deal,) = deals
    assert "undated.com" in {c.outlet for c in deal.claims}


def test_a_month_precision_date_places_a_report_but_never_breaks_the_story() -> None:
    month = replace(claim("Arsenal", "2024-06-01T00:00:00+00:00", outlet="month.com"), date_precision="month")
    day = replace(claim("Arsenal", "2024-06-12T08:00:00+00:00", outlet="day.com"), date_precision="day")
    (deal,) = group_player([month, day])
    assert deal.window == "2024-summer" and len(deal.claims) == 2
    assert deal.first is not None and deal.first.outlet == "day.com"
    (alone,) = group_player([replace(month, claim_id=next_id())])
    assert alone.window == "2024-summer" and alone.first is None  # nobody is known to have had it first


def test_a_saga_never_spans_two_windows() -> None:
    deals = group_player(
        [
            claim("Arsenal", "2023-10-20T09:00:00+00:00", stage="talks"),
            claim("Arsenal", "2023-11-03T09:00:00+00:00", stage="bid"),
            claim("Arsenal", "2024-01-20T09:00:00+00:00", stage="done"),
        ]
    )
    assert sorted((d.window, len(d.claims)) for d in deals) == [("2023-summer", 1), ("2024-winter", 2)]


def test_a_run_summary_stored_with_its_deal_reads_back_the_same() -> None:
    deals = group_player(
        [
            claim("Arsenal", "2023-08-20T09:00:00+00:00", stage="done"),
            claim("Arsenal", "2023-08-31T09:00:00+00:00", stage="collapsed", frm="Borussia Dortmund"),
            claim("Arsenal", "2023-09-01T09:00:00+00:00", stage="collapsed", frm="RB Salzburg"),
        ]
    )
    (summary,) = [d.run for d in deals if d.run]
    assert summary.failed and summary.reports == 3
    assert RunSummary.from_json(summary.to_json(), summary.destination, summary.window) == summary


def test_one_early_denial_does_not_turn_away_the_reports_that_say_the_deal_went_ahead() -> None:
    (deal,) = group_player(
        [
            claim("Arsenal", "2024-06-01T09:00:00+00:00", stage="denied"),  # "no offer has been received"
            claim("Arsenal", "2024-06-10T09:00:00+00:00", stage="talks"),
            claim("Arsenal", None, stage="agreed", outlet="undated.com"),
        ]
    )
    assert "undated.com" in {c.outlet for c in deal.claims}
