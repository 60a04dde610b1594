"""A test-only outlet for the fault table: The Mirror's spider, with a sitemap, a broken one and redirecting ones."""

from spiders.outlets.mirror import MirrorSpider

SITEMAP = "https://www.mirror.co.uk/sitemaps/transfer-news.xml"
BROKEN_SITEMAP = "https://www.mirror.co.uk/sitemaps/transfer-news-2.xml"
# Faults that redirect to private or loopback addresses; each is served on its own sitemap URL (not an article,
# so only the private-address guard stands between the crawl and the address).
PRIVATE_REDIRECTS = [
    "redirect_loopback",
    "redirect_loopback_short",
    "redirect_ipv6_loopback",
    "redirect_private_10",
    "redirect_private_192",
    "redirect_metadata",
]
REDIRECTING_SITEMAPS = {f"https://www.mirror.co.uk/sitemaps/{f.replace('_', '-')}.xml": f for f in PRIVATE_REDIRECTS}


class MirrorFaultsSpider(MirrorSpider):
    name = "mirror_faults"
    sitemaps = [SITEMAP, BROKEN_SITEMAP, *REDIRECTING_SITEMAPS]
