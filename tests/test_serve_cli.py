"""`rumours serve` refuses a port already in use in one line, before it says it is serving."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from aggregator.store import Store


def test_a_taken_port_is_one_line_and_exit_1_before_serving(cli: Callable[..., Result], db_path: Path) -> None:
    Store(db_path).close()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cli("serve", "--port", str(port), expect=1)
    assert "Serving" not in result.output
    assert result.output.splitlines() == [
        f"Error: cannot serve at http://127.0.0.1:{port}/: port {port} is already in use (another server? try --port)"
    ]


def test_an_unknown_host_is_one_line_and_exit_1(cli: Callable[..., Result], db_path: Path) -> None:
    Store(db_path).close()
    result = cli("serve", "--host", "no-such-host.invalid", expect=1)
    [line] = result.output.splitlines()
    assert line.startswith("Error: cannot serve at http://no-such-host.invalid:8001/: unknown host")
