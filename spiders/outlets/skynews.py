"""Sky News sport (UK, English): transfer and manager stories on Sky's article template."""

from spiders.base import OutletSpider


class SkyNewsSpider(OutletSpider):
    name = "skynews"
    outlet_name = "Sky News"
    domain = "news.sky.com"
    language = "en"
    country = "GB"
    timezone = "Europe/London"
    feeds = ["https://feeds.skynews.com/feeds/rss/sports.xml"]
    article_pattern = r"/story/.+-\d+$"
    body_selectors = ["div.sdc-article-body > p"]
    author_selectors = ["span.sdc-article-author__name", "p.sdc-article-author__byline"]
