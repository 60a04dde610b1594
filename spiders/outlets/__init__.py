"""One small declarative module per outlet; Scrapy's spider loader finds them here."""
