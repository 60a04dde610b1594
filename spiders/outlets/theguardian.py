"""The Guardian (UK, English): football transfers section."""

from spiders.base import OutletSpider


class GuardianSpider(OutletSpider):
    name = "theguardian"
    outlet_name = "The Guardian"
    domain = "theguardian.com"
    language = "en"
    country = "GB"
    timezone = "Europe/London"
    feeds = ["https://www.theguardian.com/football/transfers/rss"]
    listings = ["https://www.theguardian.com/football/transfers"]
    article_pattern = r"/football/\d{4}/\w{3}/\d{2}/"
    body_selectors = ["div.article-body-commercial-selector > p", "div#maincontent p"]
