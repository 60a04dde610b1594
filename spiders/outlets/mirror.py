"""The Mirror (UK, English): transfer news and the transfer live blog."""

from spiders.base import OutletSpider


class MirrorSpider(OutletSpider):
    name = "mirror"
    outlet_name = "The Mirror"
    domain = "mirror.co.uk"
    language = "en"
    country = "GB"
    timezone = "Europe/London"
    feeds = ["https://www.mirror.co.uk/sport/football/transfer-news/?service=rss"]
    listings = ["https://www.mirror.co.uk/sport/football/transfer-news/"]
    article_pattern = r"/sport/football/.+-\d{6,}$"
    body_selectors = ["div.article-body > p", "div.live-event-lead-entry > p"]
    author_selectors = ["div.author a", "span.author"]
    live_entry_css = "div.live-event-entry"
    live_title_css = "div.entry-content > h3"
    live_body_css = "div.entry-content > p"
