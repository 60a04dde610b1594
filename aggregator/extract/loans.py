"""Loans that end without the option to buy taken up: the loan club's permanent deal collapsed, and the player's
return to the club that owns him is no new transfer."""

from __future__ import annotations

import re

__all__ = ["RETURN", "option_declined", "returns_to"]

RETURN = "return"  # "kehrt zu Manchester City zurück", "returns to Chelsea": back to the club that loaned him out

_RETURN_BEFORE = re.compile(
    r"(?<![a-z])(?:return(?:s|ing)? to|back to|go(?:es)? back to|retour (?:a|au)|retournera? (?:a|au)|"
    r"revient (?:a|au)|rientra (?:a|al|alla|all')|rientrera (?:a|al|alla|all')|torna (?:a|al|alla|all')|"
    r"tornera (?:a|al|alla|all')|vuelve (?:a|al)|volvera (?:a|al)|regresa (?:a|al)|ruckkehr (?:zu|zum|nach))"
    r"(?:\s(?:the|le|la|l'|il|lo|el|der|den|dem))?\s?$"
)
_RETURN_AFTER = re.compile(r"^\s?(?:[a-z]+ ){0,2}?zuruck(?:kehren|kehrt|kehren|gekehrt)?\b")

_OPTION_DECLINED = re.compile(
    r"kaufoption[^.;]{0,40}?\b(?:nicht|kein)\b[^.;]{0,20}?(?:gezogen|ziehen|zieht|wahrgenommen|aktiviert)|"
    r"(?:verzichtet|verzichten|verzichtete) auf (?:die|seine|ihre) kaufoption|"
    r"(?:not|won't|will not|decided not to|opted not to|declined to|chose not to|did not) (?:to )?"
    r"(?:take up|exercise|trigger|activate|use|make use of) (?:the|their|its|his) (?:[a-z-]+ )?option|"
    r"option to (?:buy|purchase|sign him)[^.;]{0,40}?(?:not be|won't be|will not be|was not|has not been) "
    r"(?:exercised|taken up|triggered)|"
    r"ne (?:levera|leve|levait|levent) pas (?:l'|son |leur )?option|n'(?:a|ont) pas leve (?:l'|son |leur )?option|"
    r"option d'achat (?:ne sera pas|n'a pas ete|n'est pas) levee|"
    r"non (?:riscattera|riscattano|ha riscattato|eserciter[a-z]*|ha esercitato) (?:il )?(?:diritto di )?riscatto|"
    r"non (?:riscattera|riscattano|ha riscattato)|riscatto non (?:esercitato|verra esercitato|sara esercitato)|"
    r"no (?:ejercera|ejecutara|ejercio|ejecuto|activara|hara efectiva) (?:la|su) opcion de compra"
)


# Words one of which every match of the patterns above contains (a cheap test first).
_RETURN_HINT = re.compile(r"return|back|retour|revient|rientra|torna|vuelve|volvera|regresa|ruckkehr")
_OPTION_HINT = re.compile(r"option|opcion|riscatt")


def returns_to(before: str, after: str) -> bool:
    """The club mention is where the player goes back to: "returns to X", "kehrt zu X zurück"."""
    if "zuruck" in after[:40] and _RETURN_AFTER.match(after):
        return True
    return _RETURN_HINT.search(before) is not None and _RETURN_BEFORE.search(before) is not None


def option_declined(low: str) -> bool:
    """The folded lower-case text says a loan club will not take up its option to buy."""
    return _OPTION_HINT.search(low) is not None and _OPTION_DECLINED.search(low) is not None
