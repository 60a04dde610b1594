"""Linking near-duplicate reports in the store: every copy points at the earliest one (see ``dedup``)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat

import numpy as np

from . import bands, dedup
from .store import Store, chunked, marks

COMMON_BAND = 50  # a band shared by more reports than this is boilerplate (a footer, a wire credit): ignored


def candidate_pairs(store: Store, report_ids: Sequence[int]) -> set[tuple[int, int]]:
    """Pairs (new report, other report) that share at least one LSH band that is not boilerplate."""
    pairs: set[tuple[int, int]] = set()
    rows = list(bands.bands_of(store.db, report_ids))
    postings = bands.postings(store.db, (band for _, band in rows), COMMON_BAND + 1)
    for rid, band in rows:
        posting = postings.get(band, ())
        if len(posting) <= COMMON_BAND:
            pairs.update(zip(repeat(rid), posting))
    for rid in report_ids:
        pairs.discard((rid, rid))  # a report's own bands list it too
    return pairs


def confirmed_pairs(store: Store, pairs: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Candidates whose signatures agree on at least ``THRESHOLD`` of their values (estimated Jaccard)."""
    if not pairs:
        return []
    ids = sorted({i for pair in pairs for i in pair})
    rows: dict[int, int] = {}
    blobs: list[bytes] = []
    for chunk in chunked(ids):
        for rid, blob in store.db.conn.execute(
            f"SELECT id, signature FROM reports WHERE id IN ({marks(chunk)}) AND signature IS NOT NULL", list(chunk)
        ):
            rows[rid] = len(blobs)
            blobs.append(blob)
    matrix = np.frombuffer(b"".join(blobs), dtype="<u4").reshape(len(blobs), dedup.NUM_PERM)
    usable = sorted(p for p in pairs if p[0] in rows and p[1] in rows)
    if not usable:
        return []
    left = np.array([rows[a] for a, _ in usable])
    right = np.array([rows[b] for _, b in usable])
    similarity = (matrix[left] == matrix[right]).mean(axis=1)
    similar = [pair for pair, sim in zip(usable, similarity, strict=True) if sim >= dedup.THRESHOLD]
    return _same_players(store, similar)


def _same_players(store: Store, pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A copy tells the same story: two reports that do not both name a player in common (the same name, or one
    name inside the other, as "Vlahovic" in "Dusan Vlahovic"), are two stories from one template (a club's standard
    announcement, an agency's formula), not copies."""
    ids = sorted({i for pair in pairs for i in pair})
    names: dict[int, list[frozenset[str]]] = {}
    for chunk in chunked(ids):
        for rid, key in store.db.conn.execute(
            f"SELECT report_id, player_key FROM claims WHERE report_id IN ({marks(chunk)}) AND player_key IS NOT NULL",
            list(chunk),
        ):
            names.setdefault(rid, []).append(frozenset(key.split()))

    def same(a: int, b: int) -> bool:
        if a not in names or b not in names:
            return False  # a report that names no player changes no deal: it must not bridge two stories
        return any(x <= y or y <= x for x in names[a] for y in names[b])

    return [(a, b) for a, b in pairs if same(a, b)]


def link_copies(store: Store, report_ids: list[int]) -> None:
    """Point every near-duplicate of the given reports at the earliest copy."""
    if not report_ids:
        return
    db = store.db
    pairs = confirmed_pairs(store, candidate_pairs(store, report_ids))
    if not pairs:
        return
    nodes = sorted({i for pair in pairs for i in pair})
    # Existing clusters the new copies join come along whole, so the earliest copy is chosen over all of them.
    originals: set[int] = set()
    for chunk in chunked(nodes):
        for rid, original in db.execute(
            f"SELECT id, COALESCE(duplicate_of, id) FROM reports WHERE id IN ({marks(chunk)})", list(chunk)
        ):
            originals.add(original)
            if original != rid:
                pairs.append((rid, original))
    members = sorted(originals)
    for chunk in chunked(members):
        pairs.extend(
            db.execute(
                f"SELECT id, duplicate_of FROM reports WHERE duplicate_of IN ({marks(chunk)})", list(chunk)
            ).fetchall()
        )
    everyone = sorted({i for pair in pairs for i in pair})
    for cluster in dedup.clusters(pairs, everyone):
        ordered = sorted(cluster)
        in_list = marks(ordered)
        original = db.execute(
            f"""SELECT r.id FROM reports r JOIN articles a ON a.id = r.article_id WHERE r.id IN ({in_list})
                ORDER BY r.published_at IS NULL, r.published_at, a.url, r.seq LIMIT 1""",
            ordered,
        ).fetchone()[0]
        # A report that becomes (or stops being) a copy queues its players' windows for regrouping (a trigger).
        db.execute(
            f"""UPDATE reports SET duplicate_of = CASE WHEN id = ? THEN NULL ELSE ? END
                WHERE id IN ({in_list}) AND duplicate_of IS NOT (CASE WHEN id = ? THEN NULL ELSE ? END)""",
            [original, original, *ordered, original, original],
        )


def relink_copies(store: Store, report_ids: Sequence[int]) -> None:
    """Link the given (new or re-analysed) reports: the copy clusters they were in are computed afresh, since a
    changed text can leave its cluster, split it, or stop being the story the others copied."""
    if not report_ids:
        return
    db = store.db
    members = set(report_ids)
    originals: set[int] = set()
    for chunk in chunked(sorted(members)):
        originals.update(
            r[0]
            for r in db.execute(
                f"SELECT duplicate_of FROM reports WHERE id IN ({marks(chunk)}) AND duplicate_of IS NOT NULL",
                list(chunk),
            )
        )
    roots = sorted(members | originals)
    for chunk in chunked(roots):
        members.update(
            r[0] for r in db.execute(f"SELECT id FROM reports WHERE duplicate_of IN ({marks(chunk)})", list(chunk))
        )
    members |= originals
    linked = sorted(members)
    for chunk in chunked(linked):
        db.execute(
            f"UPDATE reports SET duplicate_of = NULL WHERE id IN ({marks(chunk)}) AND duplicate_of IS NOT NULL",
            list(chunk),
        )
    link_copies(store, linked)
