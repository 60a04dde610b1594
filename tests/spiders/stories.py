"""Transfer stories written into real page templates for the outlet fixtures (invented test data)."""

from __future__ import annotations

import json
from collections.abc import Callable

from make_pages import drop, replace_all, rewrite_paragraphs

Reader = Callable[[str], str]
Page = tuple[str, str, str, str]

BBC_URL = "https://www.bbc.com/sport/football/articles/c5ygl0ssip2o"
BBC_STANDFIRST = "Newcastle want £150m for Alexander Isak, Bayern open talks over Florian Wirtz, plus more."
BBC_LINK = 'class="sc-2554282c-0 cDYatN"'
# (rumour, link to the original, citation) in the column's form: "... (Bild - in German)".
BBC_GOSSIP = [
    (
        "Newcastle United want at least £150m for Swedish striker Alexander Isak, 25, as Liverpool and Arsenal"
        " weigh up summer bids.",
        "https://www.telegraph.co.uk/football/2025/05/28/isak-newcastle-150m/",
        "Telegraph - subscription required",
    ),
    (
        "Bayern Munich have opened talks with Bayer Leverkusen over Germany playmaker Florian Wirtz, 22, who"
        " is also wanted by Manchester City.",
        "https://www.bild.de/sport/fussball/bayern-muenchen/wirtz-bayern.bild.html",
        "Bild - in German",
    ),
    (
        "Chelsea are considering a move for Napoli's Nigeria striker Victor Osimhen, 26, whose release clause"
        " is set at 75m euros (£63m).",
        "https://www.corrieredellosport.it/news/calcio/calciomercato/osimhen-chelsea",
        "Corriere dello Sport - in Italian",
    ),
    (
        "Manchester United have made Sporting striker Viktor Gyokeres, 26, their top target and are ready to"
        " offer a player in part-exchange.",
        "https://www.record.pt/futebol/futebol-nacional/liga-betclic/sporting/gyokeres-united",
        "Record - in Portuguese",
    ),
    (
        "Real Madrid are close to agreeing a deal with Liverpool for Jeremie Frimpong's team-mate, England"
        " right-back Trent Alexander-Arnold, 26, to leave early.",
        "https://www.marca.com/futbol/real-madrid/trent.html",
        "Marca - in Spanish",
    ),
    (
        "Tottenham will listen to offers for midfielder Yves Bissouma, 28, this summer.",
        "https://www.thesun.co.uk/sport/spurs-bissouma-transfer/",
        "Sun",
    ),
]


def bbc_gossip(read: Reader) -> Page:
    """BBC Sport's gossip column on BBC's article template (BBC_2026_04_25)."""
    html = read("uk/BBC_2026_04_25.html.gz")
    title = "Football gossip: Isak, Wirtz, Osimhen, Gyokeres, Alexander-Arnold, Bissouma"
    html = replace_all(
        html,
        {
            "https://www.bbc.com/news/articles/clymn8zyrp9o": BBC_URL,
            "What is Nato and which countries are in it?": title,
            "2012-05-10T14:29:05.000Z": "2025-05-28T05:48:10.000Z",
            "2026-04-24T11:16:53.545Z": "2025-05-28T06:02:41.000Z",
            "Duncan Walker": "BBC Sport",
            "The US is considering options for punishing Nato allies which it considers to have failed to offer"
            " support during the Iran war, according to a Pentagon memo seen by Reuters.": BBC_STANDFIRST,
        },
    )
    paras = [f'{text} (<a target="_blank" href="{link}" {BBC_LINK}>{cite}</a>)' for text, link, cite in BBC_GOSSIP]
    html = drop(
        html,
        '//div[@data-component="subheadline-block" or @data-component="links-block"]'
        ' | //div[@data-component="image-block"][position() > 1]',
    )
    html = rewrite_paragraphs(html, '//div[@data-component="text-block"]', ".//p", paras)
    return "bbc", "2025-05-28-football-gossip", BBC_URL, html


MIRROR_URL = "https://www.mirror.co.uk/sport/football/transfer-news/transfer-news-live-arsenal-chelsea-35291337"
MIRROR_OLD = "https://www.mirror.co.uk/news/uk-news/uk-riots-live-hotel-rotherham-33386398"
# (entry id, time, headline, paragraphs)
MIRROR_ENTRIES = [
    (
        "912004",
        "2025-06-02T18:40:00+01:00",
        "Arsenal make Zubimendi breakthrough",
        [
            "Arsenal have agreed personal terms with Real Sociedad midfielder Martin Zubimendi and will trigger his"
            " £51m release clause next week.",
            "The Spain international has chosen a move to the Emirates over interest from Real Madrid, according to"
            ' <a href="https://www.marca.com/futbol/arsenal-zubimendi.html">Marca</a>.',
        ],
    ),
    (
        "912001",
        "2025-06-02T17:15:00+01:00",
        "Chelsea submit Sancho decision",
        [
            "Chelsea have decided not to take up their £25m obligation to sign Jadon Sancho from Manchester United,"
            " paying a £5m penalty instead.",
            "United will now look for a permanent buyer for the winger, with Juventus monitoring the situation"
            ' (<a href="https://www.thesun.co.uk/sport/sancho-chelsea-united/">Sun</a>).',
        ],
    ),
    (
        "911996",
        "2025-06-02T15:02:00+01:00",
        "Liverpool close in on Kerkez",
        [
            "Liverpool are in advanced talks with Bournemouth over a £45m deal for left-back Milos Kerkez.",
            "The Hungary defender is keen on the move and Arne Slot sees him as a long-term replacement for Andy"
            ' Robertson (<a href="https://www.bild.de/sport/fussball/kerkez-liverpool.bild.html">'
            "Bild - in German</a>).",
        ],
    ),
]


def mirror_live(read: Reader) -> Page:
    """A transfer live blog on the Mirror's LIVE template (TheMirror_2024_08_05), JSON-LD updates included."""
    html = read("uk/TheMirror_2024_08_05.html.gz")
    start = html.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    end = html.index("</script>", start)
    data = json.loads(html[start:end])
    data.update(
        headline="Transfer news LIVE: Arsenal agree Zubimendi terms as Chelsea make Sancho call",
        url=MIRROR_URL,
        datePublished="2025-06-02T08:00:00Z",
        dateModified="2025-06-02T17:41:12Z",
        coverageStartTime="2025-06-02T08:00:00Z",
        keywords="Transfer News, Arsenal FC, Chelsea FC",
        description="The latest transfer news from around the Premier League.",
    )
    data["mainEntityOfPage"]["@id"] = MIRROR_URL
    template = data["liveBlogUpdate"][0]
    data["liveBlogUpdate"] = [
        {
            **template,
            "headline": head,
            "url": f"{MIRROR_URL}#{entry}",
            "datePublished": when,
            "dateModified": when,
            "articleBody": " ".join(paras),
        }
        for entry, when, head, paras in MIRROR_ENTRIES
    ]
    html = html[:start] + json.dumps(data, ensure_ascii=False) + html[end:]
    old_title = "UK riots LIVE: Plymouth stand-off sees far-right protesters 'throw stones' as 3 cops injured"
    html = html.replace(MIRROR_OLD, MIRROR_URL).replace(old_title, data["headline"])
    html = html.replace(
        "https://www.mirror.co.uk/news/uk-news/", "https://www.mirror.co.uk/sport/football/transfer-news/"
    )
    import lxml.html

    doc = lxml.html.document_fromstring(html)
    entries = doc.xpath('//div[@class="live-event-entry"]')
    for node, (entry, when, head, paras) in zip(entries, MIRROR_ENTRIES, strict=False):
        node.set("id", entry)
        content = node.xpath('.//div[@class="entry-content"]')[0]
        for child in list(content):
            content.remove(child)
        content.append(lxml.html.fragment_fromstring(f"<h3>{head}</h3>"))
        for para in paras:
            content.append(lxml.html.fragment_fromstring(f"<p>{para}</p>"))
        node.xpath(".//time")[0].text = when[11:16]
    for node in entries[len(MIRROR_ENTRIES) :]:
        node.getparent().remove(node)
    lead = doc.xpath('//div[@class="live-event-lead-entry"]')[0]
    for child in list(lead):
        lead.remove(child)
    for text in [
        "Welcome to our live coverage of the latest transfer news and gossip from around the Premier"
        " League as clubs prepare for the summer window.",
        "Arsenal are closing in on their first signing of the summer while Chelsea have made a decision"
        " on Jadon Sancho. Follow along with the latest updates below.",
    ]:
        lead.append(lxml.html.fragment_fromstring(f"<p>{text}</p>"))
    html = "<!DOCTYPE html>\n" + lxml.html.tostring(doc, encoding="unicode")
    return "mirror", "2025-06-02-transfer-news-live", MIRROR_URL, html


def retitle(html: str, old: str, new: str) -> str:
    """Replace a headline in every spelling the page uses (plain, &quot; escaped)."""
    for spelling in (old.replace('"', "&quot;"), old):
        html = html.replace(spelling, new)
    return html


KICKER_URL = "https://www.kicker.de/bvb-vor-einigung-mit-stuttgarts-fuehrich-1101377/artikel"


def kicker_transfer(read: Reader) -> Page:
    """A Wechsel story on kicker's article template (Kicker_2024_04_26)."""
    html = read("de/Kicker_2024_04_26.html.gz")
    html = replace_all(
        html,
        {
            "https://www.kicker.de/interimstrainer-schubert-nicht-mehr-viel-zu-verlieren-1019241/artikel": KICKER_URL,
            "2024-04-26T15:24:10+02:00": "2025-06-03T09:12:00+02:00",
        },
    )
    html = retitle(
        html,
        'MSV-Interimstrainer Schubert: "Nicht mehr viel zu verlieren"',
        "Transfer: BVB vor Einigung mit Stuttgarts Führich",
    )
    html = retitle(
        html, 'Interimstrainer Schubert: "Nicht mehr viel zu verlieren"', "BVB vor Einigung mit Stuttgarts Führich"
    )
    paras = [
        "Borussia Dortmund steht vor der Verpflichtung von Chris Führich. Nach kicker-Informationen haben sich"
        " der BVB und der VfB Stuttgart grundsätzlich auf einen Wechsel des Flügelspielers geeinigt.",
        "Die Ablöse soll inklusive Bonuszahlungen bei rund 25 Millionen Euro liegen. Führich, der in Stuttgart"
        " noch einen Vertrag bis 2026 besitzt, hatte zuletzt seinen Wechselwunsch hinterlegt.",
        "Der 27-Jährige wäre nach Jobe Bellingham bereits der zweite Neuzugang der Dortmunder für die kommende"
        " Saison. Der medizinische Check ist für die kommende Woche geplant.",
    ]
    html = rewrite_paragraphs(html, '//div[contains(@class, "kick__article__content__child")]/p', ".", paras)
    return "kicker", "2025-06-03-fuehrich-bvb", KICKER_URL, html


ELMUNDO_URL = "https://www.elmundo.es/deportes/futbol/2025/06/04/6840a1c2fc6c83c1588b4575.html"


def elmundo_fichaje(read: Reader) -> Page:
    """A fichaje story on El Mundo's article template (ElMundo_2024_12_02)."""
    html = read("es/ElMundo_2024_12_02.html.gz")
    html = replace_all(
        html,
        {
            "https://www.elmundo.es/deportes/formula-1/2024/12/02/674cdc8a21efa004028b45a8.html": ELMUNDO_URL,
            "2024-12-02T01:20:33Z": "2025-06-04T07:45:10Z",
            "2024-12-02T01:24:33Z": "2025-06-04T08:02:51Z",
            "Fórmula 1 2024": "Fútbol",
        },
    )
    html = retitle(
        html,
        'La revancha de Verstappen frente a Russell tras su sanción: "No le soporto. Que se vaya a la mierda"',
        "El Real Madrid cierra el fichaje de Dean Huijsen por 58 millones",
    )
    paras = [
        "El Real Madrid ha cerrado el fichaje del central Dean Huijsen, que llegará procedente del Bournemouth"
        " tras el pago de su cláusula de rescisión de 58 millones de euros.",
        "El defensa internacional español, de 20 años, firmará un contrato por cinco temporadas y será el"
        " segundo fichaje del club blanco en este mercado de verano, después de Trent Alexander-Arnold.",
        "Xabi Alonso había pedido un central zurdo y el club aceleró la operación para que el jugador pueda"
        " disputar el Mundial de Clubes.",
    ]
    html = rewrite_paragraphs(html, '//div[@class="ue-c-article__body"]/p', ".", paras)
    return "elmundo", "2025-06-04-huijsen-real-madrid", ELMUNDO_URL, html
