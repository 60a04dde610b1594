"""Daily Mail (UK, English): transfer news."""

from spiders.base import OutletSpider


class DailyMailSpider(OutletSpider):
    name = "dailymail"
    outlet_name = "Daily Mail"
    domain = "dailymail.co.uk"
    language = "en"
    country = "GB"
    timezone = "Europe/London"
    feeds = ["https://www.dailymail.co.uk/sport/transfernews/index.rss"]
    listings = ["https://www.dailymail.co.uk/sport/transfernews/index.html"]
    article_pattern = r"/sport/football/article-\d+/"
    body_selectors = ["div[itemprop=articleBody] > p", "div[itemprop=articleBody] p"]
