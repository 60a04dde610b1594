"""BBC Sport (UK, English): the football gossip column and transfer stories."""

from spiders.base import OutletSpider


class BBCSpider(OutletSpider):
    name = "bbc"
    outlet_name = "BBC Sport"
    domain = "bbc.com"
    language = "en"
    country = "GB"
    timezone = "Europe/London"
    feeds = ["https://feeds.bbci.co.uk/sport/football/rss.xml"]
    listings = ["https://www.bbc.com/sport/football/gossip"]
    article_pattern = r"/sport/football/(?:articles/\w+|\d+)$"
    body_selectors = ['div[data-component="text-block"] p']
