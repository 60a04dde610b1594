"""El Mundo (Spain, Spanish): deportes and fichajes."""

from spiders.base import OutletSpider


class ElMundoSpider(OutletSpider):
    name = "elmundo"
    outlet_name = "El Mundo"
    domain = "elmundo.es"
    language = "es"
    country = "ES"
    timezone = "Europe/Madrid"
    feeds = ["https://e00-elmundo.uecdn.es/elmundo/rss/deportes.xml"]
    listings = ["https://www.elmundo.es/deportes/futbol/fichajes.html"]
    article_pattern = r"/deportes/.+/\d{4}/\d{2}/\d{2}/\w+\.html$"
    body_selectors = ["div.ue-c-article__body > p"]
