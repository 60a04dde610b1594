"""The digest: selection and heat ranking, every format, escaping of hostile titles, safe output paths."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import pytest
from click.testing import Result

from aggregator.digest import FORMATS, build_digest, render, write_digest_files
from aggregator.digest.render import csv_cell, entry_id
from aggregator.digest.select import heat, today
from aggregator.digest.text import fee_range, safe_url
from aggregator.store import Store
from tests.conftest import jsonl
from tests.digest_data import DAY, XSS_ATTR, XSS_TITLE, fill

UTC_ZONE = ZoneInfo("UTC")
NOW = datetime(2024, 6, 3, 20, 0, tzinfo=UTC)
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def filled() -> Iterator[Store]:
    with Store(":memory:") as store:
        fill(store)
        yield store


def _digest(store: Store):  # type: ignore[no-untyped-def]
    return build_digest(store, UTC_ZONE, date.fromisoformat(DAY), now=NOW)


class TagCounter(HTMLParser):
    """What a browser would build: the elements and the attributes, after entity decoding."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)


def _parsed(html: str) -> TagCounter:
    parser = TagCounter()
    parser.feed(html)
    return parser


# -- selection and ranking ----------------------------------------------------------------------------


def test_the_days_deals_ranked_by_heat(filled: Store) -> None:
    digest = _digest(filled)
    assert [d.player for d in digest.deals] == ["Declan Rice", "Harry Kane"]  # Mbappé had nothing that day
    rice, kane = digest.deals
    assert (rice.rank, rice.new_reports, rice.new_outlets, rice.outlets) == (1, 2, 2, 3)
    assert rice.heat == heat(2, 2, "agreed") > kane.heat == heat(2, 2, "interest")
    assert (rice.fee_min_eur, rice.fee_max_eur) == (90e6, 105e6)
    assert rice.broke_it is not None and rice.broke_it.outlet == "bild"
    assert rice.broke_it.published_at == "2024-06-02T08:00:00+00:00"
    assert rice.originator == "Bild" and rice.originator_report and rice.originator_report.outlet == "theguardian"
    assert [r.new for r in rice.reports] == [False, True, True]  # every report is linked, today's marked new


def test_the_day_is_local_to_the_configured_time_zone(filled: Store) -> None:
    # 2024-06-03 07:00 UTC (kicker) is still 2024-06-03 in Los Angeles, and 09:00/11:30 too; Auckland is ahead
    assert today(ZoneInfo("Pacific/Auckland"), datetime(2024, 6, 3, 13, 0, tzinfo=UTC)) == date(2024, 6, 4)
    assert today(ZoneInfo("America/Los_Angeles"), datetime(2024, 6, 3, 5, 0, tzinfo=UTC)) == date(2024, 6, 2)
    tokyo = build_digest(filled, ZoneInfo("Asia/Tokyo"), date(2024, 6, 3), now=NOW)
    # 2024-06-02T08:00Z is 17:00 on 06-02 in Tokyo; the 06-03 morning reports (UTC) are 06-03 afternoon there
    assert {d.player for d in tokyo.deals} == {"Declan Rice", "Harry Kane"}
    assert tokyo.deals[0].new_reports == 2


@pytest.mark.parametrize(
    ("low", "high", "fee", "text"),
    [
        (None, None, None, "fee unknown"),
        (50e6, 60e6, 55e6, "€50m–€60m"),
        (None, None, 0, "free"),
        (5e5, 5e5, None, "€500k"),
    ],
)
def test_fee_range(low: float | None, high: float | None, fee: float | None, text: str) -> None:
    assert fee_range(low, high, fee) == text


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://www.bbc.co.uk/sport/a?b=1&c=2", "https://www.bbc.co.uk/sport/a?b=1&c=2"),
        ("javascript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//evil.example/x", None),
        ('https://x.example/"><script>', "https://x.example/%22%3E%3Cscript%3E"),
    ],
)
def test_only_http_links_are_linked(url: str, safe: str | None) -> None:
    assert safe_url(url) == safe


# -- every format, with hostile titles -----------------------------------------------------------------


def test_html_escapes_scraped_text_and_is_self_contained(filled: Store) -> None:
    html = render(_digest(filled), "html")
    assert XSS_TITLE not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    parsed = _parsed(html)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert not [name for name, _ in parsed.attrs if name.startswith("on")]
    hrefs = [value for name, value in parsed.attrs if name == "href"]
    assert hrefs and all(h and h.startswith("https://") for h in hrefs)  # the javascript: URL is not linked
    assert "link" not in parsed.tags and "style" not in parsed.tags  # inline styles only: mail clients
    assert "Declan Rice" in html and "West Ham United → Arsenal" in html and "€90m–€105m" in html


def test_atom_is_valid_xml_with_stable_entry_ids(filled: Store) -> None:
    digest = _digest(filled)
    text = render(digest, "atom")
    root = ET.fromstring(text.encode("utf-8"))
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == [entry_id(d, digest) for d in digest.deals]
    later = build_digest(filled, UTC_ZONE, date.fromisoformat(DAY), now=datetime(2024, 6, 4, 9, 0, tzinfo=UTC))
    assert [e.findtext(f"{ATOM}id") for e in ET.fromstring(render(later, "atom")).findall(f"{ATOM}entry")] == [
        e.findtext(f"{ATOM}id") for e in entries
    ]
    for entry in entries:
        content = entry.findtext(f"{ATOM}content") or ""
        assert "<script" not in content and "<img" not in content  # HTML inside is escaped once more
        assert "script" not in _parsed(content).tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in (entries[0].findtext(f"{ATOM}content") or "")
    feed = feedparser.parse(text)
    assert not feed.bozo
    assert feed.entries[0].title.startswith("1. Declan Rice")


def test_json_keeps_the_text_as_data(filled: Store) -> None:
    data = json.loads(render(_digest(filled), "json"))
    assert data["date"] == DAY and [d["rank"] for d in data["deals"]] == [1, 2]
    titles = [r["title"] for r in data["deals"][0]["reports"]]
    assert titles[:2] == [XSS_TITLE, XSS_ATTR]
    assert data["deals"][0]["broke_it"]["outlet"] == "bild"


def test_markdown_disarms_html_and_links(filled: Store) -> None:
    md = render(_digest(filled), "md")
    assert "<script" not in md and "<img" not in md and "javascript:" not in md
    assert "&lt;script&gt;" in md
    assert "[bild](<https://www.bild.de/sport/rice-1>)" in md
    assert md.index("Declan Rice") < md.index("Harry Kane")


def test_csv_rows_and_formula_injection(filled: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(render(_digest(filled), "csv"))))
    assert [r["player"] for r in rows] == ["Declan Rice", "Harry Kane"]
    assert rows[0]["broke_it_outlet"] == "bild"
    assert len(rows[0]["report_urls"].split()) == 3
    assert "javascript:" not in rows[1]["report_urls"]
    assert csv_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert csv_cell("Arsenal") == "Arsenal"


def test_control_characters_do_not_break_the_feed(filled: Store) -> None:
    with filled.transaction() as db:
        db.execute("UPDATE articles SET title = ? WHERE outlet_id = 'bild'", ["Rice\x00\x0b deal\x1b done"])
    for fmt in FORMATS:
        text = render(_digest(filled), fmt)
        assert "\x00" not in text and "\x0b" not in text
    ET.fromstring(render(_digest(filled), "atom").encode())


def test_write_every_format(filled: Store, tmp_path: Path) -> None:
    written = write_digest_files(filled, tmp_path / "out", UTC_ZONE, date.fromisoformat(DAY), now=NOW)
    assert set(written) == set(FORMATS)
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert names == {f"digest-{DAY}.{ext}" for ext in FORMATS} | {"index.html"}  # index: the latest day's HTML


# -- the CLI: data through `rumours import`, output paths -------------------------------------------------


@pytest.fixture
def imported(cli: Callable[..., Result]) -> Callable[..., Result]:
    rows = [
        {
            "url": "https://www.bild.de/sport/kane-bayern",
            "title": XSS_TITLE,
            "text": "Bayern Munich are in talks with Tottenham Hotspur over Harry Kane, with a bid of €100m planned.",
            "published_at": "2024-06-03T08:00:00Z",
            "outlet": "bild",
        },
        {
            "url": "https://www.theguardian.com/football/kane",
            "title": XSS_ATTR,
            "text": "Tottenham Hotspur have rejected a €100m bid from Bayern Munich for Harry Kane, according to Bild.",
            "published_at": "2024-06-03T10:00:00Z",
            "outlet": "theguardian",
        },
    ]
    cli("import", "-", input=jsonl(rows))
    cli("aggregate")
    return cli


@pytest.mark.parametrize("fmt", FORMATS)
def test_digest_command_every_format_escapes(imported: Callable[..., Result], fmt: str) -> None:
    out = imported("digest", "--date", DAY, "--format", fmt).output
    if fmt == "html":
        assert "script" not in _parsed(out).tags and "img" not in _parsed(out).tags
    elif fmt == "atom":
        ET.fromstring(out.encode())
        assert not feedparser.parse(out).bozo
    elif fmt == "json":
        assert json.loads(out)["date"] == DAY
    elif fmt == "md":
        assert "<script" not in out and "<img" not in out
    else:
        assert next(csv.reader(io.StringIO(out)))[0] == "rank"


def test_digest_default_date_is_today_in_the_configured_zone(imported: Callable[..., Result], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("RUMOURS_TIMEZONE", "Pacific/Kiritimati")  # UTC+14: often a day ahead of UTC
    out = json.loads(imported("digest", "--format", "json").output)
    assert out["date"] == today(ZoneInfo("Pacific/Kiritimati")).isoformat()
    assert out["timezone"] == "Pacific/Kiritimati"


def test_digest_output_paths(imported: Callable[..., Result], tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "digest.html"
    imported("digest", "--date", DAY, "--format", "html", "-o", str(target))
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    (tmp_path / "folder").mkdir()
    refused = imported("digest", "--format", "html", "-o", str(tmp_path / "folder"), expect=1)
    assert "is a directory" in refused.output
    refused = imported("digest", "--format", "html", "-o", str(tmp_path / "new") + "/", expect=1)
    assert "is a directory" in refused.output and not (tmp_path / "new").exists()
    weird = tmp_path / "x; rm -rf $HOME" / "d.md"  # no shell anywhere: the name is just a name
    imported("digest", "--date", DAY, "-o", str(weird))
    assert weird.is_file()
    assert imported("digest", "--date", "yesterday", expect=2).exit_code == 2


def test_digest_needs_a_store(cli: Callable[..., Result]) -> None:
    assert "no store" in cli("digest", expect=1).output


def test_a_gossip_item_shows_what_it_said_not_the_column_headline() -> None:
    from aggregator.aggregate import aggregate
    from aggregator.records import ArticleRecord, ReportRecord

    items = [
        "Bayern Munich have opened talks with Stuttgart over midfielder Lukas Brandtner, 23. (Bild - in German)",
        "Juventus are closing in on a deal for Lyon winger Yanis Bellamine, 21. (Tuttosport - in Italian)",
        "Newcastle have made a bid for Benfica striker Rasmus Holmgaard, 22. (Times)",
    ]
    with Store(":memory:") as store:
        store.upsert_article(
            ArticleRecord(
                url="https://www.bbc.com/sport/football/articles/gossip-1",
                outlet="bbc.com",
                title="Football gossip: Brandtner, Bellamine, Holmgaard",
                text="\n\n".join(items),
                published_at="2025-06-12T05:50:00+00:00",
                reports=[
                    ReportRecord(text=t, cited_source=t.rsplit("(", 1)[1].split(" -")[0].rstrip(")")) for t in items
                ],
            )
        )
        aggregate(store, workers=0)
        digest = build_digest(store, ZoneInfo("UTC"), date(2025, 6, 12))
    said = {r.title for d in digest.deals for r in d.reports}
    assert said and all(s.split(",")[0] in " ".join(items) for s in said)
    assert not any(s.startswith("Football gossip") for s in said)


def test_every_format_says_how_precise_an_inferred_date_is_and_where_it_was_read() -> None:
    from aggregator.aggregate import aggregate
    from aggregator.digest.render import CSV_COLUMNS
    from aggregator.records import ArticleRecord

    talks = "Tottenham Hotspur are in talks with Everton over a move for striker Callum Brayford."
    bid = "Published: 2 June 2024\nTottenham Hotspur have made a £30m bid to Everton for Callum Brayford."
    agreed = "Tottenham Hotspur have agreed a £32m fee with Everton for Callum Brayford."
    with Store(":memory:") as store:
        for url, text, published_at in (
            ("https://www.example-sport.com/2024/06/talks", talks, None),
            ("https://www.example-sport.com/bid", bid, None),
            ("https://www.other.com/agreed", agreed, "2024-06-03T09:15:00+00:00"),
        ):
            store.upsert_article(ArticleRecord(url=url, outlet=None, text=text, published_at=published_at))
        aggregate(store)
        digest = build_digest(store, UTC_ZONE, today(UTC_ZONE))  # every report is first seen today
        out = {fmt: render(digest, fmt) for fmt in FORMATS}
    month, text_day = "2024-06 (month, from URL)", "2024-06-02 (from text)"
    for fmt in ("md", "html", "atom"):
        assert month in out[fmt] and text_day in out[fmt], fmt
        assert "2024-06-03 09:15 UTC" in out[fmt], fmt  # a given date as before
    (deal,) = json.loads(out["json"])["deals"]
    assert [(r["date_precision"], r["date_source"]) for r in deal["reports"]] == [
        ("month", "url"),
        ("day", "text"),
        ("day", "given"),
    ]
    broke = deal["broke_it"]
    (first,) = [r for r in deal["reports"] if r["url"] == broke["url"]]  # which one is grouping's business
    assert (broke["date_precision"], broke["date_source"]) == (first["date_precision"], first["date_source"])
    (row,) = csv.DictReader(io.StringIO(out["csv"]))
    assert list(row) == list(CSV_COLUMNS)
    assert (row["broke_it_date_precision"], row["broke_it_date_source"]) == (
        first["date_precision"],
        first["date_source"],
    )
    assert row["report_dates"] == f"{month}; {text_day}; 2024-06-03 09:15 UTC"
