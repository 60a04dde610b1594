"""A test-only outlet with a bug: The Mirror's spider with a byline selector that cannot be compiled."""

from spiders.outlets.mirror import MirrorSpider


class MirrorBrokenBylineSpider(MirrorSpider):
    """Pages whose JSON-LD names the author parse; the others raise (the byline selector is their fallback)."""

    name = "mirror_broken_byline"
    author_selectors = ["div.author a:nth-child("]
