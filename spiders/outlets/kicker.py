"""kicker (Germany, German): Fußball-News and the Wechselbörse."""

from spiders.base import OutletSpider


class KickerSpider(OutletSpider):
    name = "kicker"
    outlet_name = "kicker"
    domain = "kicker.de"
    language = "de"
    country = "DE"
    timezone = "Europe/Berlin"
    feeds = ["https://newsfeed.kicker.de/news/fussball"]
    listings = ["https://www.kicker.de/wechselboerse/aktuell"]
    article_pattern = r"kicker\.de/[\w-]+-\d+/artikel$"
    body_selectors = ["div.kick__article__content__child > p"]
