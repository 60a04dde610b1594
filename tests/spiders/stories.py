"""Invented transfer stories on real page templates: gossip columns, live blogs and articles (test data, not news).

The stories follow five invented players through the summer 2025 window, so that the same deal is reported by
several outlets in several languages at different times: Lukas Brandtner (Stuttgart -> Bayern, broken by BILD, a
dpa wire at two outlets), Álvaro Centeno (Villarreal -> Tottenham, credited to Marca), Yanis Bellamine (Lyon ->
Juventus, credited to L'Équipe), Rasmus Holmgaard (Benfica: Chelsea and Newcastle, a saga) and Jannik Osterhagen
(Wolfsburg -> Napoli, collapsed).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import lxml.html
import stories_de
import stories_en
import stories_rom
from outlet_templates import TEMPLATES
from templates import Reader, Story, render, rewrite_body

Page = tuple[str, str, str, str]  # outlet, fixture name, real URL, HTML
LONDON = ZoneInfo("Europe/London")

BBC_TEMPLATE = "uk/BBC_2026_04_25.html.gz"
BBC_LINK = 'class="sc-2554282c-0 cDYatN"'
# (url, published, modified, headline, standfirst, [(rumour, link to the original, citation)]), column form:
# "... (Bild - in German)".
BBC_COLUMNS = [
    (
        "https://www.bbc.com/sport/football/articles/c4gx2n7kd1po",
        "2025-06-12T05:50:00.000Z",
        "2025-06-12T06:04:12.000Z",
        "Football gossip: Brandtner, Centeno, Osterhagen, Holmgaard, Bellamine",
        "Bayern open talks over Lukas Brandtner, Tottenham step up their pursuit of Alvaro Centeno, plus more.",
        [
            (
                "Bayern Munich have opened talks with Stuttgart over Germany midfielder Lukas Brandtner, 23, who"
                " would cost about 45m euros (£38m).",
                "https://www.bild.de/sport/fussball/fc-bayern-muenchen/bayern-will-stuttgart-star-brandtner-88412390.bild.html",
                "Bild - in German",
            ),
            (
                "Tottenham are in talks with Villarreal over Spain Under-21 striker Alvaro Centeno, 24.",
                "https://www.marca.com/futbol/villarreal/2025/06/11/tottenham-centeno.html",
                "Marca - in Spanish",
            ),
            (
                "Juventus have made Lyon's France Under-21 winger Yanis Bellamine, 21, their top target for the"
                " right flank.",
                "https://www.lequipe.fr/Football/Actualites/juventus-bellamine/1570021",
                "L'Equipe - in French",
            ),
            (
                "Napoli are weighing up a move for Wolfsburg centre-back Jannik Osterhagen, 25.",
                "https://www.corrieredellosport.it/news/calcio/calciomercato/napoli-osterhagen",
                "Corriere dello Sport - in Italian",
            ),
            (
                "Newcastle and Chelsea are both tracking Benfica's Denmark striker Rasmus Holmgaard, 22, who has"
                " an 80m euros (£68m) release clause.",
                "https://www.record.pt/futebol/benfica/holmgaard-newcastle-chelsea",
                "Record - in Portuguese",
            ),
        ],
    ),
    (
        "https://www.bbc.com/sport/football/articles/cy7r0q2mxk3o",
        "2025-06-21T05:45:00.000Z",
        "2025-06-21T06:01:37.000Z",
        "Football gossip: Holmgaard, Bellamine, Brandtner, Osterhagen, Centeno",
        "Newcastle confident of beating Chelsea to Rasmus Holmgaard, Juventus close in on Yanis Bellamine, plus more.",
        [
            (
                "Newcastle are confident of beating Chelsea to Benfica striker Rasmus Holmgaard, 22, after"
                " offering £55m.",
                "https://www.thetimes.com/sport/football/article/newcastle-holmgaard-benfica",
                "Times - subscription required",
            ),
            (
                "Juventus are closing in on a deal worth 35m euros (£30m) for Lyon winger Yanis Bellamine, 21.",
                "https://www.tuttosport.com/news/calcio/calciomercato/juventus-bellamine",
                "Tuttosport - in Italian",
            ),
            (
                "Lukas Brandtner will have his Bayern Munich medical this weekend after Stuttgart accepted a fee"
                " of 45m euros (£38m) for the midfielder.",
                "https://sport.sky.de/fussball/artikel/brandtner-medizincheck-bayern",
                "Sky Germany - in German",
            ),
            (
                "Napoli's move for Wolfsburg defender Jannik Osterhagen, 25, is in doubt because the clubs cannot"
                " agree how the fee would be paid.",
                "https://www.gazzetta.it/calcio/calciomercato/napoli-osterhagen",
                "Gazzetta dello Sport - in Italian",
            ),
            (
                "Tottenham's new striker Alvaro Centeno, 24, had his medical in London on Friday.",
                "https://www.standard.co.uk/sport/football/alvaro-centeno-tottenham-medical-villarreal-b1231877.html",
                "Evening Standard",
            ),
        ],
    ),
]


def bbc_gossip(read: Reader) -> Iterator[Page]:
    """BBC Sport's gossip column on BBC's article template (BBC_2026_04_25): a paragraph per rumour."""
    from make_pages import drop, replace_all

    for url, published, modified, title, standfirst, items in BBC_COLUMNS:
        html = replace_all(
            read(BBC_TEMPLATE),
            {
                "https://www.bbc.com/news/articles/clymn8zyrp9o": url,
                "What is Nato and which countries are in it?": title,
                "2012-05-10T14:29:05.000Z": published,
                "2026-04-24T11:16:53.545Z": modified,
                "Duncan Walker": "BBC Sport",
                "The US is considering options for punishing Nato allies which it considers to have failed to offer"
                " support during the Iran war, according to a Pentagon memo seen by Reuters.": standfirst,
            },
        )
        paras = [f'{text} (<a target="_blank" href="{link}" {BBC_LINK}>{cite}</a>)' for text, link, cite in items]
        html = drop(
            html,
            '//div[@data-component="subheadline-block" or @data-component="links-block"]'
            ' | //div[@data-component="image-block"][position() > 1]',
        )
        html = rewrite_body(html, 'div[data-component="text-block"]', paras, inner="p")
        yield "bbc", f"{published[:10]}-football-gossip", url, html


# A live-blog entry: (entry id, UTC time, headline, paragraphs).
Entry = tuple[str, str, str, list[str]]


def _ld_block(html: str, ld_type: str) -> tuple[int, int, dict]:  # type: ignore[type-arg]
    at = html.index(f'"{ld_type}"')
    start = html.index(">", html.rindex("<script", 0, at)) + 1
    end = html.index("</script>", start)
    return start, end, json.loads(html[start:end])


def live_jsonld(html: str, url: str, info: dict[str, str], entries: list[Entry]) -> str:
    """The LiveBlogPosting's own fields and its liveBlogUpdate entries, in the template's entry shape."""
    start, end, data = _ld_block(html, "LiveBlogPosting")
    data.update({k: v for k, v in info.items() if k in data or k == "keywords"})
    if isinstance(data.get("mainEntityOfPage"), dict):
        data["mainEntityOfPage"]["@id"] = url
    template = data["liveBlogUpdate"][0]
    data["liveBlogUpdate"] = [
        {
            **template,
            "headline": head,
            "url": f"{url}#{entry}",
            "datePublished": when,
            **({"dateModified": when} if "dateModified" in template else {}),
            "articleBody": " ".join(paras),
        }
        for entry, when, head, paras in entries
    ]
    return html[:start] + json.dumps(data, ensure_ascii=False) + html[end:]


MIRROR_URL = "https://www.mirror.co.uk/sport/football/transfer-news/transfer-news-live-newcastle-chelsea-35412877"
MIRROR_ENTRIES: list[Entry] = [
    (
        "913420",
        "2025-06-20T16:30:00+01:00",
        "Newcastle enter Holmgaard race",
        [
            "Newcastle have tabled a £55m offer for Benfica striker Rasmus Holmgaard, trumping Chelsea's £50m bid.",
            "Eddie Howe wants a second striker before pre-season starts"
            ' (<a href="https://www.theguardian.com/football/2025/jun/19/newcastle-rival-chelsea-for-benfica-striker-rasmus-holmgaard">'
            "Guardian</a>).",
        ],
    ),
    (
        "913411",
        "2025-06-20T13:05:00+01:00",
        "Centeno medical under way",
        [
            "Alvaro Centeno is having his Tottenham medical today after Spurs agreed a €45m fee with Villarreal.",
            "The striker will sign a five-year contract"
            ' (<a href="https://www.elmundo.es/deportes/futbol/2025/06/18/6852f0a4fdddff0e6c8b4577.html">'
            "El Mundo - in Spanish</a>).",
        ],
    ),
    (
        "913398",
        "2025-06-20T09:40:00+01:00",
        "Bayern agree Brandtner fee",
        [
            "The Germany international Lukas Brandtner is expected to have his medical in Munich next week.",
            "Bayern Munich have agreed a €45m fee with Stuttgart for the midfielder, according to Bild.",
        ],
    ),
]


def mirror_live(read: Reader) -> Page:
    """A transfer live blog on the Mirror's LIVE template (TheMirror_2024_08_05), JSON-LD updates included."""
    html = read("uk/TheMirror_2024_08_05.html.gz")
    headline = "Transfer news LIVE: Newcastle rival Chelsea for Holmgaard as Centeno has Tottenham medical"
    html = live_jsonld(
        html,
        MIRROR_URL,
        {
            "headline": headline,
            "url": MIRROR_URL,
            "datePublished": "2025-06-20T07:00:00Z",
            "dateModified": "2025-06-20T15:31:04Z",
            "coverageStartTime": "2025-06-20T07:00:00Z",
            "keywords": "Transfer News, Newcastle United FC, Chelsea FC, Tottenham Hotspur FC",
            "description": "The latest transfer news from around the Premier League.",
        },
        MIRROR_ENTRIES,
    )
    old_title = "UK riots LIVE: Plymouth stand-off sees far-right protesters 'throw stones' as 3 cops injured"
    html = html.replace("https://www.mirror.co.uk/news/uk-news/uk-riots-live-hotel-rotherham-33386398", MIRROR_URL)
    for author in ("Lucy Thornton", "Tim Hanlon", "Phoebe Tonks", "Joseph Gamp"):
        html = html.replace(author, "Mirror Football")
    html = html.replace(old_title, headline).replace(
        "https://www.mirror.co.uk/news/uk-news/", "https://www.mirror.co.uk/sport/football/transfer-news/"
    )
    doc = lxml.html.document_fromstring(html)
    entries = doc.xpath('//div[@class="live-event-entry"]')
    for node, (entry, when, head, paras) in zip(entries, MIRROR_ENTRIES, strict=False):
        node.set("id", entry)
        content = node.xpath('.//div[@class="entry-content"]')[0]
        for child in list(content):
            content.remove(child)
        for fragment in [f"<h3>{head}</h3>", *(f"<p>{p}</p>" for p in paras)]:
            content.append(lxml.html.fragment_fromstring(fragment))
        node.xpath(".//time")[0].text = when[11:16]
    for node in entries[len(MIRROR_ENTRIES) :]:
        node.getparent().remove(node)
    lead = doc.xpath('//div[@class="live-event-lead-entry"]')[0]
    for child in list(lead):
        lead.remove(child)
    for text in [
        "Welcome to our live coverage of the latest transfer news and gossip from around the Premier League.",
        "Newcastle have joined Chelsea in the race for Rasmus Holmgaard while Tottenham are closing in on"
        " their first signing of the summer. Follow along with the latest updates below.",
    ]:
        lead.append(lxml.html.fragment_fromstring(f"<p>{text}</p>"))
    html = "<!DOCTYPE html>\n" + lxml.html.tostring(doc, encoding="unicode")
    return "mirror", "2025-06-20-transfer-news-live", MIRROR_URL, html


EXPRESS_OLD = "https://www.express.co.uk/news/royal/1924698/prince-harry-meghan-markle-live-grifters"
EXPRESS_URL = (
    "https://www.express.co.uk/sport/football/2071344/transfer-news-live-newcastle-holmgaard-juventus-bellamine"
)
EXPRESS_ENTRIES: list[Entry] = [
    (
        "live-2071344-k2v9d",
        "2025-06-25T17:45:00+01:00",
        "Newcastle agree Holmgaard fee",
        [
            "Newcastle are set to sign Benfica striker Rasmus Holmgaard.",
            "The Magpies have agreed a £55m fee with the Portuguese club, according to The Athletic.",
        ],
    ),
    (
        "live-2071344-p8x3q",
        "2025-06-25T12:10:00+01:00",
        "Bellamine in Turin for Juventus medical",
        [
            "Lyon winger Yanis Bellamine will sign a five-year contract with Juventus.",
            "He is in Turin for his medical after the Italian giants agreed a €35m fee, according to Sky Sport Italia.",
        ],
    ),
]


def express_live(read: Reader) -> Page:
    """A transfer live blog on the Express LIVE template (Express_2024_07_18), JSON-LD updates included."""
    html = read("uk/Express_2024_07_18.html.gz")
    headline = "Transfer news LIVE: Newcastle agree Holmgaard fee as Bellamine has Juventus medical"
    standfirst = "Follow the latest transfer news from around the Premier League and Europe."
    old_name = "Prince Harry and Meghan Markle LIVE: 'Whining' couple 'won't recover' from 'terrible' snub"
    html = live_jsonld(
        html,
        EXPRESS_URL,
        {
            "name": headline,
            "headline": headline,
            "description": standfirst,
            "url": EXPRESS_URL,
            "datePublished": "2025-06-25T08:00:00+01:00",
            "dateModified": "2025-06-25T17:47:21+01:00",
            "coverageStartTime": "2025-06-25T08:00:00+01:00",
            "coverageEndTime": "2025-06-26T08:00:00+01:00",
        },
        EXPRESS_ENTRIES,
    )
    for old, new in {
        old_name: headline,
        "'Whingers' Harry and Meghan 'won't recover' from 'terrible' snub": headline,
        "Prince Harry and Meghan LIVE: Couple 'won't recover' | Royal | News": f"{headline} | Football | Sport",
        "2024-07-18T11:48:00+01:00": "2025-06-25T08:00:00+01:00",
        "2024-07-18T11:50:13+01:00": "2025-06-25T17:47:21+01:00",
        "2024-07-18T11:48:00Z": "2025-06-25T07:00:00Z",
        "2024-07-18T11:50:13Z": "2025-06-25T16:47:21Z",
        "11:48, Thu, Jul 18, 2024": "08:00, Wed, Jun 25, 2025",
        "11:50, Thu, Jul 18, 2024": "17:47, Wed, Jun 25, 2025",
        'content="Royal"': 'content="Football"',
        "Jon King": "Express Sport",
        EXPRESS_OLD: EXPRESS_URL,
    }.items():
        html = html.replace(old, new).replace(old.replace("'", "&#039;"), new)
    html = rewrite_body(
        html,
        "div.text-description > p",
        [
            "Newcastle are closing in on Benfica striker Rasmus Holmgaard while Juventus have wrapped up a deal"
            " for Lyon winger Yanis Bellamine.",
            "THIS IS A LIVE BLOG. SCROLL DOWN FOR THE LATEST UPDATES.",
        ],
    )
    doc = lxml.html.document_fromstring(html)
    nodes = doc.xpath('//div[@class="live-events__entry"]')
    for node, (entry, when, head, paras) in zip(nodes, EXPRESS_ENTRIES, strict=False):
        node.set("id", entry)
        local = datetime.fromisoformat(when).astimezone(LONDON)
        time = node.xpath(".//time")[0]
        time.set("data-time", local.strftime("%Y-%m-%dT%H:%M"))
        time[0].tail = local.strftime("%H:%M")
        node.xpath('.//h3[@class="live-events__entry-head"]')[0].text = head
        text = node.xpath('.//div[@class="live-events__entry-text"]')[0]
        for child in list(text):
            text.remove(child)
        for para in paras:
            text.append(lxml.html.fragment_fromstring(f"<p>{para}</p>"))
        for extra in node.xpath('.//div[contains(@class, "photo")]'):
            extra.getparent().remove(extra)
    for node in nodes[len(EXPRESS_ENTRIES) :]:
        node.getparent().remove(node)
    html = "<!DOCTYPE html>\n" + lxml.html.tostring(doc, encoding="unicode")
    return "express", "2025-06-25-transfer-news-live", EXPRESS_URL, html


ARTICLES: list[Story] = [*stories_de.STORIES, *stories_en.STORIES, *stories_rom.STORIES]


def article(story: Story) -> Callable[[Reader], Page]:
    def build(read: Reader) -> Page:
        return story.outlet, story.name, story.url, render(TEMPLATES[story.outlet], story, read)

    return build


def all_pages(read: Reader) -> Iterator[Page]:
    """Every invented page: the gossip columns, the live blogs and the articles, oldest first per outlet."""
    yield from bbc_gossip(read)
    yield mirror_live(read)
    yield express_live(read)
    for story in sorted(ARTICLES, key=lambda s: s.published):
        yield article(story)(read)
