"""Player names: capitalised-token candidates, stop lists, role words, surname resolution and the main subject."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from unidecode import unidecode

from .clubs import ClubMention
from .text import words_of as _words

__all__ = ["PlayerCandidate", "find_players", "player_key"]


def player_key(name: str) -> str:
    """Stable cross-article key: diacritics folded, lower-cased, tokens sorted ("Min-jae Kim" == "Kim Min-jae")."""
    words = re.findall(r"[a-z0-9]+", unidecode(name or "").lower())
    return " ".join(sorted(words))


_STOP = _words(
    """
    the a an and or but in on at for from to of by with as is it he she his her its they their this that these
    those there here what when where why who how after before while if than then so not no yes also just only
    new old big more most other report reports reportedly according breaking exclusive official update live
    transfer transfers news rumours rumour gossip deal deals window summer winter january february march april
    may june july august september october november december monday tuesday wednesday thursday friday saturday
    sunday january premier league championship bundesliga serie liga ligue laliga eredivisie primeira cup pokal
    coppa copa coupe champions europa conference world euro euros fifa uefa super club fc ac as sc cf afc
    football soccer sport sports calcio mercato fussball futbol video videos photo photos foto image images
    getty imago reuters ap afp dpa sid read more also see share comments comment home menu login subscribe
    advertisement anzeige werbung pubblicita publicidad publicite click follow tags related latest top best
    watch listen podcast newsletter sign up mr sir dr original title source photo credit getty
    joins signs completes agrees seals set close nears eyes wants targets move bid offer talks medical
    confirmed confirms rejects rejected lodges makes reach reached agreement fee reveals admits says
    explains could would will should why how exclusive here we go done stadium arena curva
    england english germany german spain spanish italy
    italian france french portugal portuguese netherlands dutch brazil brazilian argentina argentine japan
    japanese serbia serbian belgium belgian croatia scotland wales ireland europe european african african
    american usa saudi arabia qatar london manchester madrid paris munich munchen milan milano turin torino rome
    roma florence firenze naples barcelona berlin liverpool lisbon
    der die das den dem des ein eine einen einem einer und oder aber im am vom zum zur beim bei mit von zu auf
    fur nach wie was wer wenn als auch noch schon nur jetzt dann doch so sein seine ihr ihre er sie es wir
    man mehr bereits laut demnach dass nun heute gestern morgen januar februar marz mai juni juli oktober
    dezember montag dienstag mittwoch donnerstag freitag samstag sonntag euro millionen million milliarden
    wechsel transfer vertrag verein klub saison spieler trainer medizincheck angebot kaufoption leihe ablose
    informationen bericht berichten medien jahr jahre sommer tor tore spiel spiele mannschaft team profi
    sturmer verteidiger innenverteidiger mittelfeldspieler torwart nationalspieler abwehr rekord
    le la les un une des du au aux et ou mais dans sur pour par avec sans son sa ses il elle ils elles on
    ce cette qui que quoi selon mercato janvier fevrier mars avril juin juillet aout septembre octobre
    novembre decembre lundi mardi mercredi jeudi vendredi samedi dimanche millions euros
    il lo gli i una di da del della dello dei degli nel nella alla al per con su tra fra che non come
    secondo gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
    lunedi martedi mercoledi giovedi venerdi sabato domenica milioni
    el los las y o pero en con sin sobre segun enero febrero abril mayo junio julio agosto septiembre
    octubre noviembre diciembre lunes martes miercoles jueves viernes sabado domingo millones
    """
)

_ROLE = re.compile(
    r"(coach|manager|boss|head coach|trainer|cheftrainer|coach|sportdirektor|sportvorstand|sportchef|director|"
    r"president|prasident|president|presidente|ceo|chairman|owner|co-owner|miteigentumer|eigentumer|agent|"
    r"agents|berater|agente|procuratore|representante|journalist|reporter|giornalista|journaliste|periodista|"
    r"insider|expert|entraineur|allenatore|tecnico|entrenador|mister|ds|direttore sportivo|director deportivo|"
    r"spokesman|sprecher|mother|father|brother|sister|wife|mutter|vater|bruder|mere|pere|madre|padre|"
    r"minister|ministre|ministro|mayor|burgermeister|referee|schiedsrichter|arbitre|arbitro|teammate|"
    r"legend|legende|leggenda|former|ex-|pundit|analyst|commentator|chief|executive|vorstand|geschaftsfuhrer|"
    r"technical director|sporting director|managing director|general manager|dirigente|dg)\W{0,3}$"
)
_ROLE_AFTER = re.compile(
    r"^\W{0,3}(,\s)?(the |der |le |il |el )?(coach|manager|boss|trainer|president|presidente|prasident|"
    r"agent|berater|agente|journalist|reporter|giornalista|journaliste|periodista|said|sagte|told|a declare|"
    r"ha detto|dijo|explained|erklarte|spiegato)"
)
_PLAYER_HINT = re.compile(
    r"(striker|forward|midfielder|defender|centre-back|center-back|centre back|winger|goalkeeper|keeper|"
    r"full-back|fullback|left-back|right-back|playmaker|international|star|youngster|wonderkid|talent|"
    r"captain|signing|target|player|stürmer|sturmer|mittelfeldspieler|verteidiger|innenverteidiger|torwart|"
    r"torhuter|flugelspieler|aussenverteidiger|nationalspieler|abwehrspieler|offensivspieler|spielmacher|"
    r"neuzugang|profi|kapitan|attaquant|milieu|defenseur|gardien|ailier|buteur|latéral|lateral|international|"
    r"attaccante|centrocampista|difensore|portiere|esterno|centravanti|bomber|fantasista|terzino|regista|"
    r"delantero|mediocentro|defensa|central|portero|extremo|mediapunta|jugador|joueur|giocatore|spieler|"
    r"calciatore|crack|fenomeno|pepite|gioiello|perla)\W{0,3}$"
)
_AGE_AFTER = re.compile(r"^\s?(\(\d{2}\b|,\s?\d{2}\b|\s?\(\d{2},)")
_NAME_TOKEN = re.compile(r"[A-Z][a-z]*(?:['\-][A-Za-z][a-z]*)*[a-z](?:['\-][A-Za-z][a-z]*)*|[A-Z]{1}[a-z]")
_PARTICLES = _words("de da di del della van von der den dos das du le la el al bin ben ter ten mc")
_ARTICLES = _words(
    "der die das den dem des ein eine einen einem einer kein keine the a an le la les un une du il lo gli "
    "el los las del al seine seinen seinem ihren ihrem sein unser unseren"
)


@dataclass(slots=True)
class PlayerCandidate:
    """A person named in the text, with every mention (full or surname-only) and a relevance score."""

    key: str
    forms: dict[str, int] = field(default_factory=dict)  # display form -> count (full names only)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    score: float = 0.0
    role_hits: int = 0
    hint_hits: int = 0

    @property
    def surname(self) -> str:
        return self.key_tokens[-1]

    @property
    def key_tokens(self) -> list[str]:
        return self.display.lower().split()

    @property
    def display(self) -> str:
        """Most frequent full form; a form with diacritics wins over its plain-ASCII twin."""
        return max(self.forms.items(), key=lambda kv: (len(kv[0].split()) > 1, kv[1] + _accent_bonus(kv[0])))[0]


def _accent_bonus(form: str) -> float:
    return 100.0 if any(ord(c) > 127 for c in form) else 0.0


_RUN = re.compile(
    r"[A-Z][A-Za-z'\-]*(?:[ \t]{1,2}(?:(?:de|da|di|del|della|van|von|der|den|dos|das|du|le|la|el|al|bin|ben|"
    r"ter|ten|mc)[ \t])*[A-Z][A-Za-z'\-]*)*"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")


def _runs(text: str, folded: str, blocked: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Runs of adjacent capitalised name tokens (particles allowed inside), split at stop words and clubs."""
    blocked_starts = sorted(blocked)
    runs: list[list[tuple[int, int]]] = []
    for rm in _RUN.finditer(folded):
        current: list[tuple[int, int]] = []
        first = True
        for m in _WORD.finditer(folded, rm.start(), rm.end()):
            s, e = m.start(), m.end()
            word = m.group()
            lw = word.lower().strip("'-")
            in_block = _inside(blocked_starts, s)
            is_cap = word[0].isupper() and (not word.isupper() or len(word) == 2)
            if lw in _PARTICLES and not word[0].isupper():
                if current and not in_block:
                    current.append((s, e))
                continue
            if in_block or not is_cap or lw in _STOP:
                if current:
                    runs.append(current)
                current = []
                first = False
                continue
            if first and not current:
                prev = folded[max(0, s - 12) : s].split()
                if prev and prev[-1].lower() in _ARTICLES and folded[s - 1 : s] == " ":
                    first = False
                    continue  # "der Japaner", "les Parisiens": a noun, not a name
            first = False
            current.append((s, e))
        if current:
            runs.append(current)
    out = []
    for run in runs:
        while run and folded[run[-1][0] : run[-1][1]].lower() in _PARTICLES:
            run.pop()
        while run and folded[run[0][0] : run[0][1]].lower() in _PARTICLES:
            run.pop(0)
        if run:
            out.append(run[:4])
    return out


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    import bisect

    i = bisect.bisect_right(spans, (pos, 1 << 60)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _units(run: list[tuple[int, int]], folded: str) -> list[tuple[int, int]]:
    """Merge particles into the following token: [Virgil] [van Dijk]."""
    units: list[tuple[int, int]] = []
    pending: int | None = None
    for s, e in run:
        if folded[s:e].lower() in _PARTICLES:
            pending = s if pending is None else pending
            continue
        units.append((pending if pending is not None else s, e))
        pending = None
    return units


def find_players(
    text: str,
    folded: str,
    low: str,
    clubs: list[ClubMention],
    cue_positions: list[int],
    title_end: int,
    excluded_names: set[str],
) -> list[PlayerCandidate]:
    """Person candidates ranked by how likely they are the player the story is about (best first)."""
    blocked = [(c.start, c.end) for c in clubs]
    runs = [_units(run, folded) for run in _runs(text, folded, blocked)]
    pair_freq: dict[str, int] = {}
    single_freq: dict[str, int] = {}
    for units in runs:
        if len(units) == 1:
            w = _last_word(folded, units[0])
            single_freq[w] = single_freq.get(w, 0) + 1
        for a, b in pairwise(units):
            k = player_key(folded[_core_start(folded, a) : b[1]])
            pair_freq[k] = pair_freq.get(k, 0) + 1
    full: dict[str, PlayerCandidate] = {}
    singles: list[tuple[str, int, int]] = []
    for units in runs:
        if len(units) == 1:
            singles.append((_last_word(folded, units[0]), units[0][0], units[0][1]))
            continue
        pairs = list(pairwise(units))

        def rank(i: int, pairs: list[tuple[tuple[int, int], tuple[int, int]]] = pairs) -> tuple[float, int]:
            a, b = pairs[i]
            k = player_key(folded[_core_start(folded, a) : b[1]])
            return (pair_freq.get(k, 0) + 0.5 * single_freq.get(_last_word(folded, b), 0), i)

        a, b = pairs[max(range(len(pairs)), key=rank)]
        start, end = _core_start(folded, a), b[1]
        display = text[start:end]
        key = player_key(display)
        if key in excluded_names:
            continue
        cand = full.setdefault(key, PlayerCandidate(key))
        cand.forms[display] = cand.forms.get(display, 0) + 1
        cand.mentions.append((start, end))
    by_surname: dict[str, list[PlayerCandidate]] = {}
    by_first: dict[str, list[PlayerCandidate]] = {}
    for cand in full.values():
        disp_toks = re.findall(r"[a-z0-9]+", unidecode(cand.display).lower())
        if disp_toks:
            by_surname.setdefault(disp_toks[-1], []).append(cand)
            by_first.setdefault(disp_toks[0], []).append(cand)
    lone: dict[str, PlayerCandidate] = {}
    for word, s, e in singles:
        owners = by_surname.get(word) or by_first.get(word)
        if owners and len(owners) == 1:
            owners[0].mentions.append((s, e))
        elif not owners and len(word) > 2 and not word.isdigit():
            display = text[s:e]
            cand = lone.setdefault(word, PlayerCandidate(player_key(display)))
            cand.forms[display] = cand.forms.get(display, 0) + 1
            cand.mentions.append((s, e))
    cue_positions = sorted(cue_positions)
    for cand in full.values():
        _score(cand, low, cue_positions, title_end)
    best_full = max((c.score for c in full.values()), default=0.0)
    for cand in lone.values():
        if len(cand.mentions) < 2 or cand.key in excluded_names:
            continue
        _score(cand, low, cue_positions, title_end)
        cand.score *= 0.6
        if cand.score > max(2.0 * best_full, 3.0):
            full[cand.key] = cand
    ranked = sorted(full.values(), key=lambda c: -c.score)
    return [c for c in ranked if c.score > 0]


def _core_start(folded: str, unit: tuple[int, int]) -> int:
    """Start of a unit without its leading particles ("von Declan" -> "Declan")."""
    m = re.search(r"[A-Z]", folded[unit[0] : unit[1]])
    return unit[0] + m.start() if m else unit[0]


def _last_word(folded: str, unit: tuple[int, int]) -> str:
    words = re.findall(r"[a-z0-9]+", folded[unit[0] : unit[1]].lower())
    return words[-1] if words else ""


def _near_cue(pos: int, cues: list[int], window: int = 160) -> bool:
    import bisect

    i = bisect.bisect_left(cues, pos - window)
    return i < len(cues) and cues[i] <= pos + window


def _score(cand: PlayerCandidate, low: str, cues: list[int], title_end: int) -> None:
    score = 0.0
    for n_seen, (start, end) in enumerate(cand.mentions):
        w = 1.0
        if n_seen >= 12:  # later mentions only add frequency; keeps long texts fast
            score += w + (3.0 if start < title_end else 0.0)
            continue
        before = low[max(0, start - 32) : start]
        after = low[end : end + 30]
        if start < title_end:
            w += 3.0
        elif start < title_end + 400:
            w += 0.5
        if _near_cue(start, cues):
            w += 1.0
        if _ROLE.search(before) or _ROLE_AFTER.match(after):
            cand.role_hits += 1
        if _PLAYER_HINT.search(before) or _AGE_AFTER.match(after):
            cand.hint_hits += 1
            w += 1.0
        score += w
    n = len(cand.mentions)
    if cand.role_hits and cand.role_hits * 2 >= n - cand.hint_hits:
        score *= 0.15
    if len(cand.display.split()) > 3:
        score *= 0.5
    cand.score = score
