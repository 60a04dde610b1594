"""Ctrl-C and SIGTERM for commands that run crawls: the first asks everything to stop, a second forces it."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Interruption:
    """Set by the signal handlers ``stop_on_signals`` installs: ``stop`` at the first signal, ``force`` at the
    second; ``exit_code`` is the shell's convention for a command ended by a signal (130 for Ctrl-C)."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.force = threading.Event()
        self.signum: int | None = None

    def handle(self, signum: int, frame: FrameType | None = None) -> None:
        if self.stop.is_set():
            self.force.set()
            return
        self.signum = signum
        self.stop.set()

    @property
    def exit_code(self) -> int | None:
        return None if self.signum is None else 128 + self.signum


@contextmanager
def stop_on_signals() -> Iterator[Interruption]:
    """Catch SIGINT, SIGTERM and SIGHUP while the block runs (main thread only), then restore the old handlers."""
    interruption = Interruption()
    if threading.current_thread() is not threading.main_thread():
        yield interruption
        return
    previous: dict[int, Any] = {signum: signal.signal(signum, interruption.handle) for signum in STOP_SIGNALS}
    try:
        yield interruption
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
