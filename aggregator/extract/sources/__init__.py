"""Cited sources: the outlets and journalists a report credits, and the club announcements it reports."""

from .cited import cited_sources
from .find import find_source_mentions
from .mention import SourceMention, canonical_source

__all__ = ["SourceMention", "canonical_source", "cited_sources", "find_source_mentions"]
