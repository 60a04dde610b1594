"""Sportschau (Germany, German): football news of ARD."""

from spiders.base import OutletSpider


class SportschauSpider(OutletSpider):
    name = "sportschau"
    outlet_name = "Sportschau"
    domain = "sportschau.de"
    language = "de"
    country = "DE"
    timezone = "Europe/Berlin"
    feeds = ["https://www.sportschau.de/fussball/index~rss2.xml"]
    article_pattern = r"/fussball/.+\.html$"
    body_selectors = ["article p.textabsatz"]
