"""transfer-rumours aggregator: the store, extraction, grouping and reporting side (never imports Scrapy)."""

__version__ = "0.1.0"
