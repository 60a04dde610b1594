"""Corriere della Sera (Italy, Italian): sport and calciomercato."""

from spiders.base import OutletSpider


class CorriereSpider(OutletSpider):
    name = "corriere"
    outlet_name = "Corriere della Sera"
    domain = "corriere.it"
    language = "it"
    country = "IT"
    timezone = "Europe/Rome"
    feeds = ["https://xml2.corriereobjects.it/rss/sport.xml"]
    listings = ["https://www.corriere.it/sport/calcio/calciomercato/"]
    article_pattern = r"/sport/.+\.shtml$"
    body_selectors = ["#content-to-read p.chapter-paragraph", "#content-to-read p"]
