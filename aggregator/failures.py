"""Failures of the store or the disk (full, read-only, damaged) as opposed to bad input, each told in one line."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

# What went wrong and what to do about it, by SQLite result code (the primary code: SQLITE_READONLY_DBMOVED is
# SQLITE_READONLY) or by errno. The failures that strike in the middle of a write say that it was rolled back.
ROLLED_BACK = "the unfinished change was rolled back, nothing half-written is kept"
_DISK_FULL = ("the disk is full", "Free some space and run the command again", True)
_SQLITE: dict[str, tuple[str, str, bool]] = {
    "SQLITE_FULL": _DISK_FULL,
    "SQLITE_READONLY": ("the store is read-only", "Commands that only read it still work", True),
    "SQLITE_CANTOPEN": ("the store cannot be opened", "Check that its folder exists and is writable", False),
    "SQLITE_IOERR": ("the disk reported an I/O error", "Check the disk, then run the command again", True),
    "SQLITE_CORRUPT": ("the store is damaged", "Restore it from a backup", False),
    "SQLITE_NOTADB": ("the file is not a transfer-rumours store", "Check --db", False),
    "SQLITE_BUSY": ("another process kept the store locked", "Run the command again when it has finished", True),
    "SQLITE_LOCKED": ("another process kept the store locked", "Run the command again when it has finished", True),
}
_ERRNO: dict[int, tuple[str, str, bool]] = {
    errno.ENOSPC: _DISK_FULL,
    errno.EDQUOT: ("the disk quota is used up", "Free some space and run the command again", True),
    errno.EROFS: ("the file system is read-only", "Write to a writable disk", True),
}
# Errors a single line of input can cause alone: a constraint its values break, a value SQLite cannot bind.
_INPUT_ERRORS = (sqlite3.IntegrityError, sqlite3.DataError, sqlite3.InterfaceError, sqlite3.ProgrammingError)


def _primary_code(exc: sqlite3.Error) -> str:
    name = getattr(exc, "sqlite_errorname", None) or ""
    return next((code for code in _SQLITE if name == code or name.startswith(code + "_")), name)


def is_store_failure(exc: BaseException) -> bool:
    """True for an error of the store or the disk, which no input line causes alone: stop, do not skip."""
    if isinstance(exc, _INPUT_ERRORS):
        return False
    return isinstance(exc, sqlite3.Error | OSError)


def describe_failure(exc: BaseException, store_path: str | Path | None) -> str | None:
    """One line for the user: what failed, why, that the unfinished transaction was rolled back, what to do.
    None when ``exc`` is not a store or disk failure this module knows (a bug should keep its traceback)."""
    if isinstance(exc, sqlite3.Error):
        meaning = _SQLITE.get(_primary_code(exc))
        where, detail = (f"store {str(store_path)!r}" if store_path else "store"), str(exc)
    elif isinstance(exc, OSError):
        meaning = _ERRNO.get(exc.errno or 0)
        where, detail = (repr(exc.filename) if exc.filename else "a file"), exc.strerror or str(exc)
    else:
        return None
    if meaning is None:
        return None
    what, remedy, mid_write = meaning
    return f"{where}: {what} ({detail}){'; ' + ROLLED_BACK if mid_write else ''}. {remedy}."
