"""BILD (Germany, German): Fußball and Transfer-News."""

from spiders.base import OutletSpider


class BildSpider(OutletSpider):
    name = "bild"
    outlet_name = "BILD"
    domain = "bild.de"
    language = "de"
    country = "DE"
    timezone = "Europe/Berlin"
    feeds = ["https://www.bild.de/feed/sport.xml"]
    listings = ["https://www.bild.de/sport/fussball/transfer-news"]
    article_pattern = r"/sport/fussball/.+\.bild\.html$"
    title_selectors = ["h1.article-title"]
    body_selectors = ["div.article-body > p"]
