"""Abendzeitung München (Germany, German): FC Bayern and TSV 1860 news."""

from spiders.base import OutletSpider


class AbendzeitungSpider(OutletSpider):
    name = "abendzeitung"
    outlet_name = "Abendzeitung München"
    domain = "abendzeitung-muenchen.de"
    language = "de"
    country = "DE"
    timezone = "Europe/Berlin"
    feeds = ["https://www.abendzeitung-muenchen.de/sport/fc-bayern/rss"]
    listings = ["https://www.abendzeitung-muenchen.de/sport/fc-bayern/"]
    article_pattern = r"/sport/.+-art-\d+$"
    body_selectors = ["section.artdetail_text > p", "section.artdetail_text p"]
