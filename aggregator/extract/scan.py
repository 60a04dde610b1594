"""Fast word-start matching of many cue regexes: a literal-prefix trie finds where any could match, then those run."""

from __future__ import annotations

import re
from re import _constants as _sre  # type: ignore[attr-defined]
from re import _parser as _sre_parse  # type: ignore[attr-defined]
from typing import Any

__all__ = ["CueScanner", "literal_prefixes", "split_alternatives", "word_trie"]

_PREFIX_LEN = 4
_MAX_SET = 256


def split_alternatives(pattern: str) -> list[str]:
    """Top-level `|` alternatives of a regex (parentheses, classes and escapes respected)."""
    out: list[str] = []
    depth = 0
    in_class = False
    start = 0
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


Pairs = set[tuple[str, bool]]  # (prefix, complete): complete = the sub-pattern matched exactly this text


def _op(op: Any, av: Any, n: int) -> Pairs | None:
    if op is _sre.LITERAL:
        return {(chr(av), True)}
    if op is _sre.IN:
        chars: set[str] = set()
        for kind, val in av:
            if kind is _sre.LITERAL:
                chars.add(chr(val))
            elif kind is _sre.RANGE and val[1] - val[0] < 40:
                chars.update(chr(c) for c in range(val[0], val[1] + 1))
            else:
                return None
        return {(c, True) for c in chars}
    if op is _sre.SUBPATTERN:
        return _seq(av[3], n)
    if op is _sre.BRANCH:
        out: Pairs = set()
        for item in av[1]:
            sub = _seq(item, n)
            if sub is None:
                return None
            out |= sub
        return out
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        lo, hi, item = av
        sub = _seq(item, n)
        if sub is None:
            return None
        once = sub if (lo, hi) in ((0, 1), (1, 1)) else {(s, False) for s, _ in sub}
        return once | {("", True)} if lo == 0 else once
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return {("", True)}
    return None


def _seq(items: Any, n: int) -> Pairs | None:
    partial = {""}
    done: Pairs = set()
    for op, av in items:
        if not partial:
            break
        opts = _op(op, av, n)
        if opts is None:
            done |= {(p, False) for p in partial}
            return done
        nxt: set[str] = set()
        for p in partial:
            for s, complete in opts:
                q = p + s
                if len(q) >= n:
                    done.add((q[:n], False))
                elif complete:
                    nxt.add(q)
                else:
                    done.add((q, False))
        partial = nxt
        if len(partial) + len(done) > _MAX_SET:
            return None
    return done | {(p, True) for p in partial}


def literal_prefixes(pattern: str, n: int = _PREFIX_LEN) -> set[str] | None:
    """Strings (length <= n) one of which every match of `pattern` starts with; None when they cannot be listed."""
    pairs = _seq(_sre_parse.parse(pattern), n)
    if pairs is None or any(not p for p, _ in pairs):
        return None
    return {p for p, _ in pairs}


def _trie_regex(prefixes: set[str]) -> str:
    trie: dict[str, Any] = {}
    for p in sorted(prefixes, key=len):
        node = trie
        for ch in p:
            if node.get("") is True:
                break
            node = node.setdefault(ch, {})
        else:
            node.clear()
            node[""] = True

    def emit(node: dict[str, Any]) -> str:
        parts = [re.escape(ch) + ("" if child.get("") is True else emit(child)) for ch, child in node.items() if ch]
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return emit(trie)


def word_trie(words: list[str]) -> str:
    """A regex matching exactly `words`, longest first, written as a trie (far faster than a flat alternation)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict[str, Any]) -> str:
        parts = [re.escape(ch) + emit(child) for ch, child in node.items() if ch]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        if node.get(""):
            return f"(?:{body})?"
        return body

    return emit(trie)


class CueScanner:
    """Matches a named set of regexes at word starts ((?<![a-z]) before each), like one finditer per name."""

    def __init__(self, patterns: dict[str, str]) -> None:
        self.names = list(patterns)
        self.full = {name: re.compile(rf"(?<![a-z])(?:{pat})") for name, pat in patterns.items()}
        self.by_prefix: dict[str, list[str]] = {}
        self.always: list[str] = []
        prefixes: set[str] = set()
        for name, pat in patterns.items():
            for alt in split_alternatives(pat):
                found = literal_prefixes(alt)
                if found is None:
                    if name not in self.always:
                        self.always.append(name)
                    continue
                prefixes |= found
                for p in found:
                    owners = self.by_prefix.setdefault(p, [])
                    if name not in owners:
                        owners.append(name)
        self.lengths = sorted({len(p) for p in self.by_prefix})
        self.trie = re.compile(rf"(?<![a-z])(?={_trie_regex(prefixes)})") if prefixes else None

    def scan(self, low: str) -> dict[str, list[re.Match[str]]]:
        """Non-overlapping matches per name, in text order (same as each pattern's finditer)."""
        found: dict[str, list[re.Match[str]]] = {name: [] for name in self.names}
        for name in self.always:
            found[name] = list(self.full[name].finditer(low))
        if self.trie is None:
            return found
        last_end = {name: 0 for name in self.names}
        by_prefix = self.by_prefix
        lengths = self.lengths
        full = self.full
        always = self.always
        for hit in self.trie.finditer(low):
            pos = hit.start()
            seen: list[str] = []
            for k in lengths:
                owners = by_prefix.get(low[pos : pos + k])
                if owners:
                    seen.extend(o for o in owners if o not in seen and o not in always)
            for name in seen:
                if pos < last_end[name]:
                    continue
                m = full[name].match(low, pos)
                if m is not None:
                    found[name].append(m)
                    last_end[name] = max(m.end(), pos + 1)
        return found
