"""Le Figaro (France, French): football and the mercato."""

from spiders.base import OutletSpider


class LeFigaroSpider(OutletSpider):
    name = "lefigaro"
    outlet_name = "Le Figaro"
    domain = "lefigaro.fr"
    language = "fr"
    country = "FR"
    timezone = "Europe/Paris"
    feeds = ["https://www.lefigaro.fr/rss/figaro_sport.xml"]
    listings = ["https://sport24.lefigaro.fr/football/mercato"]
    article_pattern = r"lefigaro\.fr/.+-\d{8}$"
    body_selectors = ["div.fig-content-body > p"]
