"""The desk's pages over HTTP (the in-process Datasette app): home, deal, player, club and outlet pages, and 404s."""

from __future__ import annotations

import json
import shutil
import statistics
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from parsel import Selector

from aggregator.cli import main
from aggregator.digest import select_deals, today
from aggregator.scorecards import outlet_scorecards
from aggregator.serve import make_datasette
from aggregator.store import Store
from aggregator.web.outlets import leads_of
from aggregator.web.urls import club_feed_url, club_url, deal_url, outlet_url, player_feed_url, player_url
from tests.web_data import BRANDTNER, CHELSEA, NEWCASTLE, OUTLET_NAMES, get, imported_store


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return imported_store(tmp_path_factory.mktemp("web") / "rumours.db")


def page(ds: Any, path: str, status: int = 200) -> Selector:
    (response,) = get(ds, path)
    assert response.status_code == status, (path, response.text[:500])
    assert response.headers["content-type"].startswith("text/html")
    return Selector(text=response.text)


def test_home_ranks_todays_deals_as_the_digest_does(site: Path, tmp_path: Path) -> None:
    html = page(make_datasette(site, tmp_path), "/")
    with Store(site, readonly=True) as store:
        digest = select_deals(store, today(ZoneInfo("UTC")), ZoneInfo("UTC"))
    assert len(digest.deals) == 3  # every story was first seen today
    assert html.css("ol.deals h2 a::attr(href)").getall() == [deal_url(d.deal_id) for d in digest.deals]
    assert html.css("ol.deals h2 a::text").getall() == [d.player for d in digest.deals]
    assert "Today's deals" in html.css("h1::text").get()
    assert html.css("form.search::attr(action)").get() == "/rumours/search"
    assert html.css("form.search input::attr(name)").get() == "q"
    links = html.css("a::attr(href)").getall()
    assert "/digest/" in links and "/rumours" in links and "/rumours/deals" in links
    first = html.css("ol.deals li")[0]
    assert first.css("a[href^='/outlet/']::text").get() in OUTLET_NAMES.values()  # display names, not hosts


def test_home_falls_back_to_the_latest_day_with_news(site: Path, tmp_path: Path) -> None:
    aged = tmp_path / "rumours.db"
    shutil.copy(site, aged)
    with Store(aged) as store, store.transaction() as db:  # the stories were seen when published, long ago
        db.execute("UPDATE articles SET first_seen_at = COALESCE(published_at, '2024-06-01T00:00:00+00:00')")
    html = page(make_datasette(aged, tmp_path), "/")
    notice = html.css("p.notice::text").get()
    assert "No deal has news today" in notice and "2024-06-15" in notice
    assert html.css("h1::text").get() == "Deals of 2024-06-15"
    assert html.css("ol.deals h2 a::attr(href)").getall() == [deal_url(BRANDTNER)]
    other_day = page(make_datasette(aged, tmp_path), "/?day=2024-06-13")
    assert other_day.css("ol.deals h2 a::attr(href)").getall() == [deal_url(NEWCASTLE)]


def test_deal_page_facts_and_reports(site: Path, tmp_path: Path) -> None:
    html = page(make_datasette(site, tmp_path), deal_url(BRANDTNER))
    assert html.css("h1 a::attr(href)").get() == player_url("brandtner lukas")
    assert html.css("h1 a::text").get() == "Lukas Brandtner"
    assert html.css("p.move a::attr(href)").getall() == [club_url("VfB Stuttgart"), club_url("Bayern Munich")]
    assert html.css("dd .stage::text").get() == "medical"
    assert html.css("dd.fee::text").get() == "€40m–€50m"
    broke = " ".join(html.css("dd.broke ::text").getall())
    assert "BILD" in broke and "2024-06-10 07:30 UTC" in broke and "crediting" in broke and "Bild" in broke
    assert html.css("dd.broke a::attr(href)").getall()[:2] == [
        outlet_url("bild.de"),
        "https://www.bild.de/sport/brandtner-1",
    ]
    rows = html.css("table.reports tbody tr")
    assert len(rows) == 5
    outlets = [r.css("td:nth-child(2) a::text").get() for r in rows]
    assert outlets == ["BILD", "kicker", "Sportschau", "Abendzeitung München", "The Guardian"]
    assert [r.css("td:nth-child(4)::text").get() for r in rows] == ["€45m", "€40m", "€50m", "€50m", "—"]
    assert rows[0].css(".tag.first") and not rows[1].css(".tag.first")
    assert rows[3].attrib["class"].split() == ["copy"] and rows[3].css(".tag::text").get() == "copy"
    assert rows[4].css("td.when::text").get() == "undated"
    external = rows.css("td:nth-child(5) a")
    assert external[0].attrib["href"] == "https://www.bild.de/sport/brandtner-1"
    assert all(a.attrib["rel"] == "noopener noreferrer" for a in external)
    assert rows[1].css("td:nth-child(6)::text").get() == "Bild"


def test_deal_timeline_picture(site: Path, tmp_path: Path) -> None:
    html = page(make_datasette(site, tmp_path), deal_url(BRANDTNER))
    svg = html.css("svg.timeline")
    assert len(svg) == 1
    stars, dots = svg.css("polygon.mark"), svg.css("circle.mark")
    assert len(stars) == 1 and len(dots) == 3  # four dated reports; the undated one is listed apart
    assert "BILD" in stars.css("title::text").get() and "first report" in stars.css("title::text").get()
    copies = svg.css("circle.copy")
    assert len(copies) == 1 and copies.attrib["fill"] == "#ffffff"
    assert "Abendzeitung München" in copies.css("title::text").get()
    texts = svg.css("text")[:6]
    rows = sorted((float(t.attrib["y"]), t.css("::text").get()) for t in texts)
    assert [stage for _, stage in rows] == ["done", "medical", "agreed", "bid", "talks", "interest"]  # top down
    y = {t.css("title::text").get().split(": ")[1].split(" ")[0]: float(t.attrib.get("cy") or 0) for t in dots}
    assert y["medical"] < y["bid"]  # later stages higher up
    xs = [float(c.attrib["cx"]) for c in dots]
    assert xs == sorted(xs) and xs[0] < xs[-1]  # date across
    legend = html.css(".legend span::text").getall()
    assert [s.strip() for s in legend[:5]] == ["BILD", "kicker", "Sportschau", "Abendzeitung München", "The Guardian"]
    undated = html.css("ul.undated li")
    assert len(undated) == 1 and "The Guardian" in undated.css("a::text").getall()


def test_unknown_pages_are_404s(site: Path, tmp_path: Path) -> None:
    ds = make_datasette(site, tmp_path)
    for path in ["/deal/no-such-deal", "/player/nobody-at-all", "/club/atlantis-fc", "/outlet/nowhere.example"]:
        html = page(ds, path, status=404)
        assert html.css("h1::text").get() == "Not found"
        assert html.css("a[href='/']")


def test_player_page_shows_rival_suitors_side_by_side(site: Path, tmp_path: Path) -> None:
    html = page(make_datasette(site, tmp_path), player_url("holmgard rasmus"))
    assert html.css("h1::text").get() == "Rasmus Holmgaard"
    window = html.css("section.window.rivals")
    assert len(window) == 1 and "rival suitors: Newcastle United, Chelsea" in window.css("h2::text").get()
    cards = window.css(".cards .card")
    assert [c.css("a[href^='/deal/']::attr(href)").get() for c in cards] == [deal_url(NEWCASTLE), deal_url(CHELSEA)]
    assert "€60m–€62m" in " ".join(cards[0].css("::text").getall())
    assert html.css("a[type='application/atom+xml']::attr(href)").get() == player_feed_url("holmgard rasmus")
    # the slug reads back with or without the hyphen, as urls.py makes it
    assert page(make_datasette(site, tmp_path), "/player/holmgard%20rasmus").css("h1::text").get() == "Rasmus Holmgaard"


def test_club_page_incoming_and_outgoing(site: Path, tmp_path: Path) -> None:
    ds = make_datasette(site, tmp_path)
    benfica = page(ds, club_url("Benfica"))
    assert benfica.css("h1::text").get() == "Benfica"
    assert not benfica.css("section.incoming table")
    assert benfica.css("section.outgoing a[href^='/deal/']::attr(href)").getall() == [
        deal_url(NEWCASTLE),
        deal_url(CHELSEA),
    ]
    assert benfica.css("a[type='application/atom+xml']::attr(href)").get() == club_feed_url("Benfica")
    bayern = page(ds, club_url("Bayern Munich"))
    assert bayern.css("section.incoming a[href^='/deal/']::attr(href)").getall() == [deal_url(BRANDTNER)]
    assert bayern.css("section.incoming a[href^='/player/']::attr(href)").get() == player_url("brandtner lukas")
    stuttgart = page(ds, club_url("VfB Stuttgart"))
    assert stuttgart.css("section.outgoing a[href^='/deal/']::attr(href)").getall() == [deal_url(BRANDTNER)]


def test_outlet_page_scorecard_and_leads(site: Path, tmp_path: Path) -> None:
    html = page(make_datasette(site, tmp_path), outlet_url("bild.de"))
    assert html.css("h1::text").get() == "BILD"
    with Store(site, readonly=True) as store:
        card = next(c for c in outlet_scorecards(store) if c.outlet == "bild.de")
        leads = leads_of(store, "bild.de")
        for c in outlet_scorecards(store):  # the picture's leads agree with the scorecard's median
            mine = [lead.hours for lead in leads_of(store, c.outlet) if lead.hours is not None]
            assert (round(statistics.median(mine), 1) if mine else None) == c.median_lead_hours
    terms, values = html.css("dl.scorecard dt::text").getall(), html.css("dl.scorecard dd::text").getall()
    facts = dict(zip(terms, values, strict=True))
    assert facts["Reports in deals"] == str(card.reports) == "1"
    assert facts["Broke first"] == str(card.broke_first) == "1"
    assert facts["Median lead"].startswith("2.1 days")  # 49.5 h before kicker
    bars = html.css("svg.leads rect")
    assert len(bars) == len(leads) == 1
    assert "kicker" in bars.css("title::text").get()
    assert html.css("table a[href^='/deal/']::attr(href)").get() == deal_url(BRANDTNER)
    alone = page(make_datasette(site, tmp_path), outlet_url("news.sky.com"))
    assert alone.css("svg.leads text::text").getall()[-1] == "nobody followed"
    none = page(make_datasette(site, tmp_path), outlet_url("theguardian.com"))
    assert not none.css("svg.leads") and "It broke no deal." in none.css("p::text").getall()


def test_day_parameter_ignores_nonsense(site: Path, tmp_path: Path) -> None:
    html = page(make_datasette(site, tmp_path), "/?day=not-a-day")
    assert html.css("h1::text").get().startswith("Today's deals")
    assert date.fromisoformat(html.css("h1::text").get().split("— ")[1])


def test_timeline_puts_side_stages_below_the_ladder(site: Path, tmp_path: Path) -> None:
    collapsed = tmp_path / "rumours.db"
    shutil.copy(site, collapsed)
    with Store(collapsed) as store, store.transaction() as db:  # the Chelsea bid, later reported collapsed
        db.execute(
            "UPDATE claims SET stage = 'collapsed' WHERE id = (SELECT first_claim_id FROM deals WHERE id = ?)",
            [CHELSEA],
        )
    svg = page(make_datasette(collapsed, tmp_path), deal_url(CHELSEA)).css("svg.timeline")
    rows = {
        t.css("::text").get(): float(t.attrib["y"]) for t in svg.css("text") if t.attrib.get("text-anchor") == "end"
    }
    assert list(rows)[-1] == "collapsed" and rows["collapsed"] > rows["interest"] > rows["done"]
    (star,) = svg.css("polygon.mark")
    assert "collapsed" in star.css("title::text").get()


def test_deal_page_says_how_precise_an_inferred_date_is(tmp_path: Path) -> None:
    stories = [
        {
            "url": "https://www.kicker.de/news/2024/06/brandtner-bayern-interesse",  # no date given, a month in the URL
            "title": "Bayern in talks over Lukas Brandtner",
            "text": "Bayern Munich are in talks with VfB Stuttgart over Lukas Brandtner, Bild reports.",
        },
        {
            "url": "https://www.bild.de/sport/brandtner-bayern-gebot",
            "published_at": "2024-06-12T09:00:00Z",
            "title": "Bayern bid for Brandtner",
            "text": "Bayern Munich have made a bid of €40m for VfB Stuttgart midfielder Lukas Brandtner.",
        },
    ]
    db = tmp_path / "rumours.db"
    lines = "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in stories)
    for args in (["import", "-"], ["aggregate"]):
        result = CliRunner().invoke(main, ["--db", str(db), *args], input=lines, catch_exceptions=False)
        assert result.exit_code == 0, result.output
    html = page(make_datasette(db, tmp_path), deal_url(BRANDTNER))
    when = [" ".join(r.css("td.when ::text").getall()) for r in html.css("table.reports tbody tr")]
    assert when == ["2024-06 (month, from URL)", "2024-06-12 09:00 UTC"]
    broke = " ".join(html.css("dd.broke ::text").getall())
    assert "2024-06-12 09:00 UTC" in broke  # the month-dated report is earlier in sort order but never breaks it
