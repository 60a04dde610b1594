"""Transfer fees: amounts in €, £, $, CHF and number words in five languages, classified and converted to euros."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document
from .phrasebook import Phrasebook
from .registry import fx_rates
from .scan import word_trie

__all__ = ["FeeMention", "find_fees", "free_transfer_spans"]

_WORDS = {
    # en
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1,
    # de (folded)
    "ein": 1, "eine": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "funf": 5, "sechs": 6, "sieben": 7,
    "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwolf": 12, "funfzehn": 15, "zwanzig": 20, "dreisig": 30,
    "vierzig": 40, "funfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90, "hundert": 100,
    # fr
    "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
    "quinze": 15, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100,
    # it
    "uno": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9,
    "dieci": 10, "quindici": 15, "venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50, "sessanta": 60,
    "settanta": 70, "ottanta": 80, "novanta": 90, "cento": 100,
    # es
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
    "quince": 15, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
    "ochenta": 80, "noventa": 90, "cien": 100,
}  # fmt: skip

_NUM = r"(?:\d{1,3}(?:[.,' ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?|" + word_trie([w for w in _WORDS if len(w) > 1]) + ")"
_MULT = (
    r"(?:bn|billion|billions|milliard(?:s|en|e|i)?|miliardi?|mil millones|mrd\.?|"
    r"m(?![a-z])|mn|mln|mio\.?|millions?|millionen|milioni|milione|millones|millon|million|"
    r"k(?![a-z])|thousand|tausend|mila)"
)
_CUR_BEFORE = r"(?:€|eur|euro|£|gbp|\$|usd|us\$|chf|sfr\.?)"
_CUR_AFTER = (
    r"(?:(?:de |d'|di |of )?(?:euros?|eur|€|pounds?(?: sterling)?|sterling|pfund|livres?(?: sterling)?|sterline|"
    r"libras?(?: esterlinas)?|dollars?|dollari|dolares|chf|franken|schweizer franken|francs? suisses|franchi svizzeri)"
    r"|£|\$)"
)
_AMOUNT = re.compile(
    rf"(?<![a-z0-9])(?P<cur1>{_CUR_BEFORE})?\s?(?P<num>{_NUM})"
    rf"(?:\s?(?:-|to|bis|a|à|e|y|and|und|et)\s?(?:{_CUR_BEFORE})?\s?(?P<num2>{_NUM}))?"
    rf"\s?(?P<mult>{_MULT})?\s?(?P<cur2>{_CUR_AFTER})?(?![a-z0-9])"
)

_CURRENCY = {"€": "EUR", "eur": "EUR", "euro": "EUR", "£": "GBP", "gbp": "GBP", "$": "USD", "usd": "USD"}


def _currency(token: str | None) -> str | None:
    if not token:
        return None
    t = token.strip().lower()
    if t in _CURRENCY:
        return _CURRENCY[t]
    if t.startswith(("us$",)):
        return "USD"
    if "chf" in t or "sfr" in t or "franken" in t or "suisse" in t or "svizzer" in t:
        return "CHF"
    if "eur" in t or "€" in t:
        return "EUR"
    if any(w in t for w in ("pound", "sterling", "pfund", "livre", "libra", "£")):
        return "GBP"
    if "dol" in t or "$" in t:
        return "USD"
    return None


def _number(text: str) -> float | None:
    t = text.strip().lower()
    if t in _WORDS:
        return float(_WORDS[t])
    t = t.replace("'", "").replace(" ", "")
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", t):
        return float(re.sub(r"[.,]", "", t))
    if re.fullmatch(r"\d{1,3}(,\d{3})+\.\d+", t):
        return float(t.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(\.\d{3})+,\d+", t):
        return float(t.replace(".", "").replace(",", "."))
    try:
        return float(t.replace(",", "."))
    except ValueError:
        return None


def _multiplier(token: str | None) -> float:
    if not token:
        return 1.0
    t = token.lower().rstrip(".")
    if t in ("bn", "mrd") or t.startswith(("billion", "milliard", "miliard", "mil millones")):
        return 1e9
    if t in ("k", "thousand", "tausend", "mila"):
        return 1e3
    return 1e6


@dataclass(frozen=True, slots=True)
class FeeMention:
    start: int
    end: int
    eur: float
    text: str
    currency: str
    kind: str  # "fee", "total", "addon", "salary", "signing", "clause", "value", "range", "other"
    score: float


_FREE_CLASS = "fee.free"


def free_transfer_spans(doc: Document) -> list[tuple[int, int]]:
    """Spans of explicit free-transfer wording (starting at a word)."""
    return [m.span() for m in doc.found(_FREE_CLASS)]


def find_fees(low: str, book: Phrasebook) -> list[FeeMention]:
    """Money amounts that look like transfer sums, with kind and a plausibility score (higher = better)."""
    language = book.language
    kind_of = book.search
    rates = fx_rates()
    out: list[FeeMention] = []
    default_cur = "GBP" if language == "en" and "£" in low and "€" not in low else "EUR"
    for m in _amount_matches(low):
        cur = _currency(m.group("cur1")) or _currency(m.group("cur2"))
        mult = m.group("mult")
        num_text = m.group("num")
        if not mult:
            continue
        is_word = num_text in _WORDS
        if is_word and num_text in ("a", "un", "uno", "ein", "eine", "einer") and not cur:
            continue
        if not cur:
            if mult.startswith(("k", "t", "mila")):
                continue
            if mult == "m" and not is_word:
                cur = default_cur  # "a fee of 60m"
            elif mult == "m":
                continue
            else:
                cur = default_cur
        value = _number(num_text)
        if value is None:
            continue
        num2 = m.group("num2")
        kind = "fee"
        if num2:
            v2 = _number(num2)
            if v2 is None or v2 <= value:
                continue
            value = (value + v2) / 2
            kind = "range"
        amount = value * _multiplier(mult)
        if amount < 50_000 or amount > 500_000_000 * (1.0 if cur == "EUR" else 1.3):
            continue
        eur = amount * rates.get(cur, 1.0)
        start, end = m.start(), m.end()
        before = _SENTENCE_TAIL.split(low[max(0, start - 60) : start])[-1]  # the amount's own sentence only
        after = _SENTENCE_TAIL.split(low[end : end + 50], 1)[0]
        near = before[-35:] + " " + after[:35]
        score = 0.0
        if kind_of["fee.salary"].search(after[:30]) or kind_of["fee.salary"].search(before[-35:]):
            kind = "salary"
        elif kind_of["fee.signing"].search(near):
            kind = "signing"
        elif kind_of["fee.value"].search(near):
            kind = "value"
        elif kind_of["fee.clause"].search(before[-24:]) or kind_of["fee.clause"].search(after[:18]):
            kind = "clause"
        elif (_AND_BEFORE.search(before) and kind_of["fee.addon"].search(after[:30])) or (
            _ADDON_AFTER.match(after) and not kind_of["fee.base"].search(near)
        ):
            kind = "addon"
        elif kind_of["fee.total"].search(before[-30:]):
            kind = "total"
        if kind_of["fee.word"].search(near):
            score += 2.0
        if kind_of["fee.base"].search(before[-40:] + " " + after[:20]):
            score += 1.5
        if cur == "EUR":
            score += 0.5
        if _PLUS_ADDON.match(after):
            score += 1.5  # "68 milioni + 7 di bonus": the base of a base-plus-bonus figure
        out.append(FeeMention(start, end, round(eur, 2), m.group().strip(), cur, kind, score))
    return _merge_ranges(low, out)


# Where a multiplier may stand (a superset of _MULT; the word-start check is done by hand, which is faster).
_MULT_HINT = re.compile(r"m(?:ill|ilion|iliard|io\b|ln|n\b|rd|\b|ila\b)|b(?:n\b|illion)|k\b|t(?:housand|ausend)")


def _amount_matches(low: str) -> list[re.Match[str]]:
    """_AMOUNT matches with a multiplier, searched only in windows around multiplier words (fast on long texts)."""
    out: list[re.Match[str]] = []
    last_end = 0
    for hint in _MULT_HINT.finditer(low):
        if hint.end() <= last_end or (hint.start() > 0 and "a" <= low[hint.start() - 1] <= "z"):
            continue
        ws = hint.start()
        for _ in range(5):  # an amount starts at most a few words before its multiplier ("€ 1,5 bis 2 Millionen")
            ws = low.rfind(" ", max(0, hint.start() - 64), ws - 1) if ws > 0 else -1
            if ws < 0:
                ws = max(0, hint.start() - 64)
                break
        ws = max(last_end, ws)
        for m in _AMOUNT.finditer(low, ws, min(len(low), hint.end() + 40)):
            if m.start() >= last_end and m.group("mult"):
                out.append(m)
                last_end = m.end()
    return out


_SENTENCE_TAIL = re.compile(r"[.!?;]\s|\n")

# "... plus / und / e" just before an amount, "+ 7 di bonus" just after: grammar shared by the five languages.
_AND_BEFORE = re.compile(r"(\+|(?<![a-z])(?:plus|and|und|et|e|y|piu|mas|with|con|avec|mit))\s*$")
_ADDON_AFTER = re.compile(
    r"\s*(?:di |in |of |en |de |d'|an |at )?(?:add-?ons?|bonus|boni\b|variables?|variabili|incentives)"
)
_PLUS_ADDON = re.compile(
    r"\s*(?:\+|plus|più|piu|más|mas|and|und|et|e|y)\s*[^.;]{0,25}?(?:add-?ons?|bonus|boni\b|variab)"
)
_RANGE_JOIN = re.compile(r"\s*(?:-|to|bis|a|à|au|y)\s*$")
_AND_JOIN = re.compile(r"\s*(?:and|und|et|e|y)\s*$")
_BETWEEN = re.compile(r"(?:between|zwischen|entre|tra|fra)\s+(?:i |les |los )?$")


def _merge_ranges(low: str, fees: list[FeeMention]) -> list[FeeMention]:
    """Merge "€50m-€60m" / "between 50 and 60 million" pairs into one "range" mention (midpoint)."""
    out: list[FeeMention] = []
    for fee in fees:
        prev = out[-1] if out else None
        if prev is not None and prev.currency == fee.currency and prev.eur < fee.eur:
            gap = low[prev.end : fee.start] + " "
            between = _BETWEEN.search(low[max(0, prev.start - 20) : prev.start])
            if len(gap) < 8 and (_RANGE_JOIN.match(gap.rstrip() + " ") or (between and _AND_JOIN.match(gap))):
                mid = (prev.eur + fee.eur) / 2
                text = low[prev.start : fee.end]
                out[-1] = FeeMention(prev.start, fee.end, mid, text, fee.currency, "range", prev.score)
                continue
        out.append(fee)
    return out
