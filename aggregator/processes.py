"""Child processes we start (servers, crawls, analysis workers): stopping them politely, then firmly, and making
them exit when we die."""

from __future__ import annotations

import contextlib
import os
import subprocess
import threading
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext


def stop_process(proc: subprocess.Popen[str] | subprocess.Popen[bytes], timeout: float = 10) -> None:
    """SIGTERM, wait up to ``timeout`` seconds, then SIGKILL; always reaped."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class Lifeline:
    """A pipe from this process to its multiprocessing children: this process holds the write end, each child the
    read end (``child_end``, passed to it at start). The kernel closes the write end when this process dies, however
    it dies (kill -9, the OOM killer), and a child that called ``exit_with_parent`` then exits.

    A child's parent process can be a forkserver that outlives us, so its parent id tells a child nothing."""

    def __init__(self, context: BaseContext) -> None:
        self.child_end, self._parent_end = context.Pipe(duplex=False)

    def close(self) -> None:
        """Let go of both ends (the children are gone or should go)."""
        self._parent_end.close()
        self.child_end.close()


def exit_with_parent(child_end: Connection) -> None:
    """In a child: exit at once when the process holding the lifeline's other end dies, whatever the child is
    doing or waiting for (a daemon thread waits for the end of the pipe). A multiprocessing initializer."""
    threading.Thread(target=_exit_at_end, args=(child_end,), name="exit-with-parent", daemon=True).start()


def _exit_at_end(child_end: Connection) -> None:
    with contextlib.suppress(EOFError, OSError):
        child_end.recv_bytes()  # nothing is ever sent: this returns only by raising, when the parent is gone
    os._exit(1)
