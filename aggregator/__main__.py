"""``python -m aggregator`` runs the ``rumours`` CLI."""

from .cli import main

if __name__ == "__main__":  # worker processes re-import this module: only the real entry point runs the CLI
    main()
