"""London Evening Standard (UK, English): football news."""

from spiders.base import OutletSpider


class StandardSpider(OutletSpider):
    name = "standard"
    outlet_name = "Evening Standard"
    domain = "standard.co.uk"
    language = "en"
    country = "GB"
    timezone = "Europe/London"
    feeds = ["https://www.standard.co.uk/sport/football/rss"]
    listings = ["https://www.standard.co.uk/topic/transfer-news"]
    article_pattern = r"/sport/football/.+-b\d+\.html$"
    body_selectors = ["article #main p:not([class])", "article p:not([class])"]
