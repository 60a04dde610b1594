"""Daily Express (UK, English): football news and transfer live blogs."""

from spiders.base import OutletSpider


class ExpressSpider(OutletSpider):
    name = "express"
    outlet_name = "Daily Express"
    domain = "express.co.uk"
    language = "en"
    country = "GB"
    timezone = "Europe/London"
    feeds = ["https://www.express.co.uk/posts/rss/78/football"]
    listings = ["https://www.express.co.uk/sport/football"]
    article_pattern = r"/sport/football/\d+/"
    body_selectors = ["div.text-description > p"]
    live_entry_css = "div.live-events__entry"
    live_title_css = "h3.live-events__entry-head"
    live_body_css = "div.live-events__entry-text > p"
