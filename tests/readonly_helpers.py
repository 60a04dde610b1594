"""Run a command while a file or folder is on a read-only file system: a private mount namespace (`unshare`)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

Wrap = Callable[[list[str]], list[str]]
BIND_READ_ONLY = 'mount --bind -o ro "$0" "$0" && exec "$@"'


def read_only_wrap(target: Path) -> Wrap | None:
    """A function turning a command line into one that runs where ``target`` is bind-mounted read-only (root can,
    and so can anyone where user namespaces are allowed; chmod does not bind root). None when the system refuses."""
    if shutil.which("unshare") is None:
        return None

    def wrap(argv: list[str]) -> list[str]:
        return ["unshare", "--map-root-user", "--mount", "sh", "-c", BIND_READ_ONLY, str(target), *argv]

    probe = subprocess.run(wrap(["test", "-w", str(target)]), capture_output=True, check=False)
    return wrap if probe.returncode == 1 else None
