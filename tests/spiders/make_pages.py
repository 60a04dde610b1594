"""Build the outlet fixtures: copy recorded real pages and write transfer stories into real page templates.

Run by hand (``python tests/spiders/make_pages.py [SHARED_FIXTURES]``), then regenerate the expected JSON with
``python tests/spiders/regenerate.py`` and review the diff. Only story text is replaced: head, JSON-LD keys and
layout stay the outlet's own. The rumours below are invented test data, not reporting.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "fixtures" / "outlets"
SITE = ROOT / "spiders" / "recorded" / "pages"
SHARED = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "fixtures" / "recorded"

# outlet -> [(fixture name, shared file, real URL)]
REAL_PAGES = {
    "bbc": [("2024-08-01-obr-explainer", "uk/BBC_2024_08_01.html.gz", "https://www.bbc.com/news/explainers-63159607")],
    "theguardian": [
        (
            "2024-02-24-valencia-fire",
            "uk/TheGuardian_2024_02_24.html.gz",
            "https://www.theguardian.com/world/2024/feb/24/death-toll-in-valencia-fire-rises-to-10-as-remains-of-last-missing-person-found",
        )
    ],
    "mirror": [
        (
            "2020-05-09-aubameyang-deadline",
            "transfer/mirror_aubameyang-transfer-deadline_2020-05-09.html.gz",
            "https://www.mirror.co.uk/sport/football/transfer-news/arsenal-aubameyang-transfer-real-madrid-22003093",
        )
    ],
    "dailymail": [
        (
            "2020-05-07-henderson-loan",
            "transfer/dailymail_henderson-sheffield-loan_2020-05-07.html.gz",
            "https://www.dailymail.co.uk/sport/football/article-8295573/Dean-Henderson-morally-right-finish-season-Sheffield-United.html",
        )
    ],
    "skynews": [
        (
            "2019-11-20-mourinho-tottenham",
            "transfer/skynews_mourinho-tottenham_2019-11-20.html.gz",
            "https://news.sky.com/story/jose-mourinho-agrees-deal-to-replace-mauricio-pochettino-as-tottenham-manager-11865436",
        )
    ],
    "express": [
        (
            "2024-07-18-royal-live",
            "uk/Express_2024_07_18.html.gz",
            "https://www.express.co.uk/news/royal/1924698/prince-harry-meghan-markle-live-grifters",
        )
    ],
    "standard": [
        (
            "2024-05-02-chelsea-tottenham",
            "uk/EveningStandard_2024_05_02.html.gz",
            "https://www.standard.co.uk/sport/football/chelsea-fc-vs-tottenham-analysis-premier-league-2024-b1155186.html",
        )
    ],
    "kicker": [
        (
            "2024-04-26-schubert-msv",
            "de/Kicker_2024_04_26.html.gz",
            "https://www.kicker.de/interimstrainer-schubert-nicht-mehr-viel-zu-verlieren-1019241/artikel",
        )
    ],
    "sportschau": [
        (
            "2024-04-25-everton-liverpool",
            "de/SportSchau_2024_04_25.html.gz",
            "https://www.sportschau.de/fussball/premier-league/rueckschlag-im-titelkampf-liverpool-verliert-bei-everton,nachholspiele-everton-liverpool-100.html",
        )
    ],
    "bild": [
        (
            "2023-05-15-niemiec-fortuna",
            "de/Bild_2023_05_15.html.gz",
            "https://www.bild.de/sport/fussball/fortuna-duesseldorf/bubi-bomber-wieder-da-thioune-fordert-geduld-mit-niemiec-83936220.bild.html",
        )
    ],
    "abendzeitung": [
        (
            "2023-11-07-paulo-sergio-tuchel",
            "transfer/abendzeitung_fc-bayern-tuchel_2023-11-07.html.gz",
            "https://www.abendzeitung-muenchen.de/sport/fc-bayern/fc-bayern-legende-paulo-sergio-stellt-sich-vor-tuchel-art-943416",
        )
    ],
    "elmundo": [
        (
            "2024-12-02-verstappen-russell",
            "es/ElMundo_2024_12_02.html.gz",
            "https://www.elmundo.es/deportes/formula-1/2024/12/02/674cdc8a21efa004028b45a8.html",
        )
    ],
    "corriere": [
        (
            "2025-01-05-meloni-trump",
            "it/CorriereDellaSera_2025_02_04.html.gz",
            "https://www.corriere.it/esteri/25_gennaio_05/trump-accoglie-meloni-a-mar-a-lago-ha-davvero-preso-d-assalto-l-europa-rubio-giorgia-leader-forte-incontro-anche-sul-caso-3c53a5b8-27fc-4886-a0bf-a10908331xlk.shtml",
        )
    ],
    "lefigaro": [
        (
            "2024-11-22-ukraine",
            "fr/LeFigaro_2024_11_22.html.gz",
            "https://www.lefigaro.fr/international/guerre-en-ukraine-deux-morts-dans-des-frappes-russes-dans-le-nord-est-du-pays-20241122",
        )
    ],
}


def read(rel: str) -> str:
    return gzip.decompress((SHARED / rel).read_bytes()).decode("utf-8")


def write(outlet: str, name: str, url: str, html: str, site: bool = False) -> None:
    folder = OUT / outlet
    folder.mkdir(parents=True, exist_ok=True)
    data = gzip.compress(html.encode("utf-8"), mtime=0)
    (folder / f"{name}.html.gz").write_bytes(data)
    (folder / f"{name}.url").write_text(url + "\n")
    if site:
        (SITE / outlet).mkdir(parents=True, exist_ok=True)
        (SITE / outlet / f"{name}.html.gz").write_bytes(data)
        (SITE / outlet / f"{name}.url").write_text(url + "\n")


def replace_all(html: str, pairs: dict[str, str]) -> str:
    for old, new in pairs.items():
        if old not in html:
            raise SystemExit(f"template changed: {old[:60]!r} not found")
        html = html.replace(old, new)
    return html


def drop(html: str, xpath: str) -> str:
    doc = lxml.html.document_fromstring(html)
    for node in doc.xpath(xpath):
        node.getparent().remove(node)
    return "<!DOCTYPE html>\n" + lxml.html.tostring(doc, encoding="unicode")


def main() -> None:
    for outlet, pages in REAL_PAGES.items():
        for name, rel, url in pages:
            write(outlet, name, url, read(rel), site=rel.startswith("transfer/"))
    import stories

    for outlet, name, url, html in stories.all_pages(read):
        write(outlet, name, url, html, site=True)
    print(f"wrote fixtures under {OUT} and site pages under {SITE}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
