"""How much each sentence of a report is about a given player, and which person a phrase belongs to."""

from __future__ import annotations

import bisect
import re

from .document import Document
from .players import PlayerCandidate

__all__ = ["Attribution", "sentence_weights"]

OWN = 1.0  # a sentence naming the player
NEIGHBOUR = 0.75  # next to one
BACKGROUND = 0.45  # any other sentence
OTHER_PLAYER = 0.2  # a sentence about another player's deal
LEAD_FACTOR = 2.0  # the headline counts double


def sentence_weights(doc: Document, player: PlayerCandidate | None, others: list[PlayerCandidate]) -> list[float]:
    n = len(doc.sentences)
    if player is None:
        return [OWN] * n
    weights = [BACKGROUND] * n
    hit = {doc.sentence_of(s) for s, _ in player.mentions}
    for other in others:
        if other.score > 0.3 * player.score:
            for s, _ in other.mentions:
                i = doc.sentence_of(s)
                if i not in hit:
                    weights[i] = OTHER_PLAYER
    for i in hit:
        for j in (i - 1, i + 1):
            if 0 <= j < n and OTHER_PLAYER < weights[j] < NEIGHBOUR:
                weights[j] = NEIGHBOUR
    for i in hit:
        weights[i] = OWN
    for i, (s, _) in enumerate(doc.sentences):
        if s < doc.title_end:
            weights[i] *= LEAD_FACTOR
    return weights


class Attribution:
    """Which person a position in the text belongs to: the nearest name before it in the same sentence."""

    def __init__(self, doc: Document, player: PlayerCandidate | None, others: list[PlayerCandidate]) -> None:
        marks = [(s, False) for s, _ in player.mentions] if player else []
        marks += [(s, True) for o in others if not o.role_hits for s, _ in o.mentions]
        marks.sort()
        self.doc = doc
        self.pos = [p for p, _ in marks]
        self.other = [o for _, o in marks]

    def factor(self, pos: int) -> float:
        """0.3 when the words at ``pos`` belong to another player: they follow his name in its sentence ("X's
        move to Y"), or, with no name before them in their clause, his name comes right after them ("Real's bid
        to take X", "cierra el fichaje de X"); else 1."""
        doc = self.doc
        i = bisect.bisect_right(self.pos, pos) - 1
        if i >= 0 and doc.sentence_of(self.pos[i]) == doc.sentence_of(pos):
            if self.other[i]:
                return 0.3
            if not _CLAUSE_BREAK.search(doc.low, self.pos[i], pos):
                return 1.0  # the player's own name opens the clause
        j = i + 1
        if (
            j < len(self.pos)
            and self.other[j]
            and self.pos[j] - pos <= 40
            and not _CLAUSE_BREAK.search(doc.low, pos, self.pos[j])
        ):
            return 0.3
        return 1.0


_CLAUSE_BREAK = re.compile(r"[.;:!?\n]|,\s")
