"""``python -m aggregator`` runs the ``rumours`` CLI."""

from .cli import main

main()
