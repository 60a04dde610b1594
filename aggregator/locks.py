"""Writer locks beside the store file: one aggregate, one scheduler and one crawl per outlet at a time.

Each lock is an ``flock`` on a small file next to the store (``rumours.db.aggregate.lock``). The kernel drops the
lock when its holder exits, however it exits, so a lock left by a killed process is simply taken by the next
writer; the file also records who holds it (pid, since, what) for the message a second writer gets.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import time
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

logger = logging.getLogger(__name__)

__all__ = ["StoreBusy", "StoreLock", "lock_path"]

POLL_SECONDS = 0.2


class StoreBusy(Exception):
    """Another process holds the lock a writer needs."""

    def __init__(self, name: str, holder: dict[str, Any]) -> None:
        self.name = name
        self.holder = holder
        since = holder.get("since") or "an unknown time"
        pid = holder.get("pid") or "unknown"
        what = name.replace("-", " of ", 1) if name.startswith("crawl-") else name
        super().__init__(f"another {what} holds the store since {since}, pid {pid}")


def lock_path(db_path: str | os.PathLike[str], name: str) -> Path:
    """The lock file of ``name`` ("aggregate", "schedule", "crawl-<outlet>") for the store at ``db_path``."""
    path = Path(db_path).resolve()
    return path.with_name(f"{path.name}.{name}.lock")


class StoreLock:
    """An exclusive lock named ``name`` on the store at ``db_path``; a no-op for in-memory stores.

    ``wait``: seconds to wait for a holder to finish (0: fail at once with StoreBusy; None: wait for ever)."""

    def __init__(self, db_path: str | os.PathLike[str], name: str, *, wait: float | None = 0) -> None:
        self.name = name
        self.wait = wait
        self.path = None if str(db_path) in ("", ":memory:") else lock_path(db_path, name)
        self._file: IO[str] | None = None

    def holder(self) -> dict[str, Any]:
        """Who last wrote the lock file (the holder while it is held), or {}."""
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def acquire(self) -> None:
        if self.path is None or self._file is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 (held until release)
        deadline = None if self.wait is None else time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if deadline is not None and time.monotonic() >= deadline:
                    holder = self.holder()
                    handle.close()
                    raise StoreBusy(self.name, holder) from None
                time.sleep(POLL_SECONDS)
        previous = self.holder()
        if previous:  # a holder recorded but no lock held: that process died without releasing it
            logger.warning(
                "%s lock left by pid %s (ended without releasing it) taken over", self.name, previous.get("pid")
            )
        handle.seek(0)
        handle.truncate()
        since = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        handle.write(json.dumps({"pid": os.getpid(), "since": since, "what": self.name}))
        handle.flush()
        self._file = handle

    def release(self) -> None:
        if self._file is None:
            return
        try:
            self._file.seek(0)
            self._file.truncate()  # an empty file: released; a holder written there and no lock: its process died
            self._file.flush()
            fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
        finally:
            self._file.close()
            self._file = None

    @property
    def held(self) -> bool:
        return self._file is not None

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
