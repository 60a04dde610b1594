"""Scrapy side of transfer-rumours: spiders, items, pipelines and middlewares; knows HTML and HTTP only."""
