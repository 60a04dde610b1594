"""Regenerates clubs.json (offline, deterministic) from three inputs.

1. clubs_seed.tsv, hand-curated: its clubs come first, unchanged and in their order (order decides ambiguous
   aliases), each given the multi-word alternative names openfootball lists for it that no other seed club has
   (weak when a new club answers to one as well).
2. Every club of every openfootball league file (football.json, seasons 2024-25 and 2025-26; country from the
   file name, league from the file's ``name``, the newest season first), with the alternative names the
   openfootball club lists give it.
3. The clubs of the openfootball club lists of countries with no league file that matter for transfers
   (``EXTRA_COUNTRIES``; MLS only for the USA and Canada): reserve teams, defunct clubs, bare names and the
   unsorted amateur tail of the Swiss list left out. The top division is known only from openfootball's
   clubs.wiki.txt lists (about 2019-20); other clubs have no league.

A club that shares a telling strong alias with a seed club of its country is that seed club. New clubs follow,
best known first (top divisions of the bigger leagues, then the rest), with a canonical name a football desk
writes (``canonical_name``: legal-form tokens and founding years stripped when what remains is distinctive;
``CANONICAL`` for the clubs the rule gets wrong) and only safe aliases (``alias_marker``): a one-word alias that
is a common word in en/de/fr/it/es (wordfreq zipf >= 3.5), a city or name several clubs share is weak ("?") or
dropped; generic club words, outlet names, country names and reserve teams never become aliases.

Usage: python aggregator/data/build_clubs.py [--data DIR] [--out FILE] [--new-cities]
DIR is the shared data folder, by default ``shared/data`` beside the checkout (``<checkout>/../shared/data``);
``--new-cities`` prints the new clubs' city aliases that cities.txt does not list yet.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from wordfreq import zipf_frequency

Row = dict[str, Any]  # one club of clubs.json: name, country, league, aliases


def _words(text: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string."""
    return frozenset(text.split())


HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parents[2] / "shared" / "data"
SEASONS = ("2025-26", "2024-25")  # the newer season decides a club's league
LANGS = ("en", "de", "fr", "it", "es")
COMMON_ZIPF = 3.5  # a word this frequent in any of LANGS is a common word, not a name
MINOR_ZIPF = 3.0  # the bar for the one-word names of clubs in no known league (surnames: "Sousa", "Rubin")
HOME_CITY_ZIPF = 5.0  # ... unless it is the club's city, this frequent only in the city's language, and no more

# country code -> openfootball club-list folders, the language its city names are words of (one of LANGS or
# None), and the name of its top division
COUNTRIES: dict[str, tuple[tuple[str, ...], str | None, str]] = {
    "ENG": (("europe/england", "europe/wales"), "en", "Premier League"),
    "SCO": (("europe/scotland",), "en", "Scottish Premiership"),
    "GER": (("europe/germany",), "de", "Bundesliga"),
    "AUT": (("europe/austria",), "de", "Austrian Bundesliga"),
    "ESP": (("europe/spain", "europe/andorra"), "es", "La Liga"),
    "ITA": (("europe/italy",), "it", "Serie A"),
    "FRA": (("europe/france", "europe/monaco"), "fr", "Ligue 1"),
    "NED": (("europe/netherlands",), None, "Eredivisie"),
    "POR": (("europe/portugal",), None, "Primeira Liga"),
    "BEL": (("europe/belgium",), "fr", "Belgian Pro League"),
    "TUR": (("europe/turkey",), None, "Süper Lig"),
    "GRE": (("europe/greece",), None, "Super League Greece"),
    "SUI": (("europe/switzerland",), "de", "Swiss Super League"),
    "LIE": (("europe/liechtenstein",), "de", "Swiss Challenge League"),
    "DEN": (("europe/denmark",), None, "Danish Superliga"),
    "NOR": (("europe/norway",), None, "Eliteserien"),
    "SWE": (("europe/sweden",), None, "Allsvenskan"),
    "CRO": (("europe/croatia",), None, "Croatian Football League"),
    "SRB": (("europe/serbia",), None, "Serbian SuperLiga"),
    "CZE": (("europe/czech-republic",), None, "Czech First League"),
    "SVK": (("europe/slovakia",), None, "Slovak First League"),
    "POL": (("europe/poland",), None, "Ekstraklasa"),
    "UKR": (("europe/ukraine",), None, "Ukrainian Premier League"),
    "RUS": (("europe/russia",), None, "Russian Premier League"),
    "KSA": (("middle-east/saudi-arabia",), None, "Saudi Pro League"),
    "QAT": (("middle-east/qatar",), None, "Qatar Stars League"),
    "UAE": (("middle-east/united-arab-emirates",), None, "UAE Pro League"),
    "USA": (("north-america/united-states",), "en", "MLS"),
    "CAN": (("north-america/canada",), "en", "MLS"),
    "MEX": (("north-america/mexico",), "es", "Liga MX"),
    "BRA": (("south-america/brazil",), None, "Série A"),
    "ARG": (("south-america/argentina",), "es", "Primera División"),
    "JPN": (("asia/japan",), None, "J1 League"),
    "AUS": (("pacific/australia", "pacific/new-zealand"), "en", "A-League"),
    "CYP": (("europe/cyprus",), None, "Cypriot First Division"),
    "ISR": (("middle-east/israel",), None, "Israeli Premier League"),
    "ROU": (("europe/romania",), None, "Liga I"),
    "BUL": (("europe/bulgaria",), None, "First Professional League"),
    "HUN": (("europe/hungary",), None, "NB I"),
    "SVN": (("europe/slovenia",), None, "Slovenian PrvaLiga"),
    "BIH": (("europe/bosnia-n-herzegovina",), None, "Premier League of Bosnia and Herzegovina"),
    "IRL": (("europe/ireland",), "en", "League of Ireland Premier Division"),
    "URU": (("south-america/uruguay",), "es", "Uruguayan Primera División"),
    "COL": (("south-america/colombia",), "es", "Categoría Primera A"),
    "CHI": (("south-america/chile",), "es", "Chilean Primera División"),
    "ECU": (("south-america/ecuador",), "es", "LigaPro"),
    "PAR": (("south-america/paraguay",), "es", "Paraguayan Primera División"),
    "KOR": (("asia/south-korea",), None, "K League 1"),
    "CHN": (("asia/china",), None, "Chinese Super League"),
    "EGY": (("africa/egypt",), None, "Egyptian Premier League"),
    "MAR": (("africa/morocco",), None, "Botola Pro"),
    "ALG": ((), None, "Algerian Ligue 1"),
}
# league files: country by the file name's prefix; the league under the name the seed uses for it
LEAGUE_FILE_COUNTRY = {
    "at": "AUT", "au": "AUS", "be": "BEL", "de": "GER", "dz": "ALG", "eg": "EGY", "en": "ENG", "es": "ESP",
    "fr": "FRA", "gr": "GRE", "it": "ITA", "ma": "MAR", "mx": "MEX", "nl": "NED", "pt": "POR", "sco": "SCO",
    "tr": "TUR",
}  # fmt: skip
LEAGUE_NAMES = {
    "Österr. Bundesliga": "Austrian Bundesliga", "Österr. 2. Liga": "Austrian 2. Liga",
    "Belgium First Division A": "Belgian Pro League", "Deutsche Bundesliga": "Bundesliga",
    "Deutsche 2. Bundesliga": "2. Bundesliga", "English Premier League": "Premier League",
    "English Championship": "Championship", "English League One": "League One", "English League Two": "League Two",
    "Spain Primera División": "La Liga", "Spain Segunda División": "Segunda División", "French Ligue 1": "Ligue 1",
    "French Ligue 2": "Ligue 2", "Greek Super League": "Super League Greece", "Italian Serie A": "Serie A",
    "Italian Serie B": "Serie B", "Netherlands Eredivisie": "Eredivisie", "Portuguese Primeira Liga": "Primeira Liga",
    "Turkish Süper Lig": "Süper Lig", "Algeria | Ligue 1": "Algerian Ligue 1", "Egypt | Premiership":
    "Egyptian Premier League", "Morocco | Botola Pro 1": "Botola Pro", "Australia | A-League": "A-League",
}  # fmt: skip
# countries with no league file whose club lists are taken in (only MLS clubs for the USA and Canada)
EXTRA_COUNTRIES = (
    "BRA", "ARG", "SUI", "LIE", "DEN", "NOR", "SWE", "CRO", "SRB", "CZE", "POL", "UKR", "RUS", "KSA", "QAT", "UAE",
    "USA", "CAN", "JPN", "CYP", "ISR", "ROU", "BUL", "HUN", "SVK", "SVN", "BIH", "IRL", "URU", "COL", "CHI", "ECU",
    "PAR", "KOR", "CHN",
)  # fmt: skip
# sections of club lists that are unsorted amateur clubs ("== ?? ==" of the Swiss list, after a to-do note)
SKIP_SECTIONS = {"SUI": ("??",)}
COUNTRY_POS = {c: i for i, c in enumerate(COUNTRIES)}
MAJOR = ("ENG", "ESP", "GER", "ITA", "FRA", "NED", "POR", "TUR", "BEL", "SCO", "GRE", "AUT", "MEX")
SAME_FEDERATION = ({"ENG", "WAL"}, {"FRA", "MCO"}, {"SUI", "LIE"}, {"USA", "CAN"})

# legal-form and club-type tokens (folded) that a desk leaves out: "KAA Gent" is "Gent", "Celtic FC" "Celtic"
LEGAL = _words(
    """fc afc cf cfc sc sk kv rsc kaa krc kvc k kfc ksc cd jk fk ac acf as us ss ssc ssd usl ud sd rcd rc ad gd ca cr
    se ec sv tsv fsv ssv vfl nk hnk gnk rnk pfc ofk skn sku scr fcv eh va vv bk if ik ff aif gif fbk mfk sfc sm ea
    af bc spa estac aik ofc pofc ks kks wks oks mks rks ksp ae gs gfs pae pas raal calcio foot futbol football
    soccer club clube esporte sociedade futebol fotball fotboll fodbold fussball"""
)
# words of a club's formal name ("Kilmarnock Football Club", "Gençlerbirliği Spor Kulübü"): an alias that is a
# shorter alias of the same club plus such words and legal-form tokens adds nothing (the shorter one matches)
FORMAL = _words(
    """football futbol futebol fussball fusball fotbal futbal fotball fotboll fodbold club clube klub kulubu spor sport
    sports sportklub sportclub sportverein sportvereinigung verein association associazione asociacion associacao
    sociedad sociedade societa sportiva esportiva deportiva deportivo unione calcio athletic atletico
    idrottsforening idrettsforening idrettslag idraetsforening forening ballklubb bollklubb boldklub boldklubben
    fotballklubb fotbollsforening fotbollforening fotbollsklubb fotbalovy nogometni fudbalski futbolniy futbolnyy
    futbolnyi sportowa spolka akcyjna sportovni mestsky"""
)
# Brazilian state codes openfootball appends to tell clubs apart ("Palmeiras SP")
STATE_CODES = _words("sp rj mg rs pr sc ba pe ce go pa am mt ms es al se rn pb pi ma df to ro ac ap rr")
# words that name no particular club: never an alias of a new club on their own
GENERIC = _words(
    """union standard royal club real sporting city united athletic atletico atletica racing olympic olympique olympia
    olimpia olimpija star stars sport sports spor deportivo deportiva nacional national internacional international
    independiente universidad universitario juventud town county rovers wanderers albion dynamo dinamo spartak
    lokomotiv lokomotiva torpedo slavia sparta vitoria victoria viktoria fortuna borussia eintracht arminia
    concordia america rapid austria admira hapoel maccabi beitar inter academica academia alliance athletico unirea
    progres progreso esporte clube futebol calcio football soccer fussball voetbal"""
)
# one-word alternative names that mostly mean something else in football news: a sponsor ("LaLiga Santander"),
# a first name ("Pau Cubarsí"), a tennis tournament; country names (the national teams) are left out as well
ALIAS_STOP = _words("santander pau wimbledon")
# outlet names that also name clubs or could ("Sport", "Record"): never club aliases
OUTLET_WORDS = _words("record marca sport express mail as ole kicker bild mundo star sun times mirror")
RESERVE = re.compile(r"(?:\s(?:ii|b|u\d\d|am|amateure|reserves?|2)|^jong\s.*|\s(?:youth|talang)\b.*)$")
DEFUNCT = re.compile(r"\(\s*-?\d{4}\s*-\s*\d{4}\s*\)|\(\s*-\s*\d{4}\s*\)")
YEARS = re.compile(r"\(\s*\d{4}\s*\)")
SPONSOR = re.compile(r"\$\$([^$]*)\$\$")
TAG = re.compile(r"\[[a-z]{2}\]")
PLACEHOLDER = re.compile(r"^(?:n\.?\s?n\.?|sieger .*|winner .*|loser .*|tbd|tba)$", re.IGNORECASE)

# canonical names the rule gets wrong, by the folded name the rule starts from (openfootball's or the
# league file's): the English name a football desk writes
CANONICAL = {
    "spezia calcio": "Spezia",
    "heart of midlothian": "Hearts",
    "st mirren fc": "St Mirren",
    "st johnstone fc": "St Johnstone",
    "sint truidense vv": "Sint-Truiden",
    "raal la louviere": "RAAL La Louvière",
    "austria wien": "Austria Vienna",
    "legia warszawa": "Legia Warsaw",
    "ks cracovia": "Cracovia",
    "cf america": "Club América",
    "uanl tigres": "Tigres UANL",
    "deportivo toluca": "Toluca",
    "gallos blancos": "Querétaro",
    "cf monterrey": "Monterrey",
    "fc juarez": "FC Juárez",
    "pfc cska moskva": "CSKA Moscow",
    "fc spartak moskva": "Spartak Moscow",
    "lokomotiv moskva": "Lokomotiv Moscow",
    "dynamo moskva": "Dynamo Moscow",
    "fk partizan belgrade": "Partizan",
    "estudiantes lp": "Estudiantes de La Plata",
    "gimnasia y esgrima lp": "Gimnasia La Plata",
    "club atletico belgrano": "Belgrano de Córdoba",
    "club atletico aldosivi": "Aldosivi",
    "atletico pr": "Athletico Paranaense",
    "internacional porto alegre": "SC Internacional",
    "ceara": "Ceará",
    "ec vitoria": "EC Vitória",
    "racing club": "Racing Club",
    "huracan": "Huracán",
    "botafogo sp": "Botafogo-SP",
    "america rj": "America-RJ",
    "fc lausanne": "Lausanne-Sport",
    "delfino pescara": "Pescara",
    "newcastle united jets": "Newcastle Jets",
    "cd nacional": "CD Nacional",
    "pac omonia 29m": "Omonia 29M",
    "ferencvarosi tc": "Ferencváros",
    "ca penarol": "Peñarol",
    "cdc atletico nacional": "Atlético Nacional",
    "ca river plate": "River Plate Montevideo",  # (Uruguay; the Argentine one is a seed club)
}

# names a desk uses that openfootball does not list, by canonical name ("?" weak: also a common word)
EXTRA_ALIASES = {
    "Tigres UANL": ["?Tigres"],
    "Deportivo Guadalajara": ["?Chivas", "Chivas Guadalajara"],
    "Racing Santander": ["Racing de Santander"],
    "Estudiantes de La Plata": ["?Estudiantes"],
    "Independiente de Avellaneda": ["?Independiente"],
    "SC Internacional": ["?Internacional", "Inter de Porto Alegre"],
    "Hibernian": ["Hibs"],
    "Red Star FC": ["Red Star Paris"],
    "Sint-Truiden": ["STVV"],
    "Oud-Heverlee Leuven": ["OHL"],
}

# ---------------------------------------------------------------------------------------------------------------
# folding exactly as the registry does (aggregator/extract/text.py, loaded by path: no package import)


def _load_text_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("_registry_text", HERE.parent / "extract" / "text.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_TEXT = _load_text_module()


@cache
def key(text: str) -> str:
    """The token key the registry matches an alias by: folded, lower-case tokens joined by spaces."""
    return " ".join(t[2] for t in _TEXT.tokens(_TEXT.fold(text)))


@cache
def zipf(word: str) -> float:
    """Highest frequency of a word in the five languages (as written and folded)."""
    forms = {word.lower(), key(word)}
    return max(zipf_frequency(f, lang) for f in forms for lang in LANGS)


def zipf_in(word: str, langs: Iterable[str]) -> float:
    return max((zipf_frequency(f, lang) for f in {word.lower(), key(word)} for lang in langs), default=0.0)


# ---------------------------------------------------------------------------------------------------------------
# inputs


@dataclass
class Entry:
    """One club of an openfootball club list."""

    name: str
    alts: list[str]
    city: str
    country: str
    defunct: bool
    bare: bool  # a name alone: no founding year, city or alternative name (amateur lists)
    ident: str
    section: str = ""  # the "== Region ==" heading it is listed under


def _clean_name(raw: str) -> list[str]:
    """A raw openfootball name as its variants: tags and trailing commas removed, sponsors kept and left out."""
    text = TAG.sub("", raw).strip().rstrip(",").strip()
    text = YEARS.sub("", text).strip()
    if not text:
        return []
    if "$$" in text:
        with_sponsor = " ".join(SPONSOR.sub(r"\1", text).split())
        without = " ".join(SPONSOR.sub("", text).split())
        return [v for v in (without, with_sponsor) if v]
    return [" ".join(text.split())]


def parse_club_list(path: Path, country: str) -> list[Entry]:
    """The clubs of one openfootball clubs.txt ("Name, founded, @ stadium, city" lines, "|" alternative names;
    "ii)" lines are reserve teams whose alternative names follow them)."""
    entries: list[Entry] = []
    current: Entry | None = None
    section = ""
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        stripped = line.strip()
        if stripped.startswith("=="):
            section = stripped.strip("= ")
        if not stripped or stripped.startswith("="):
            continue
        if stripped.startswith("|"):
            if current is not None:
                for alt in stripped.lstrip("|").split("|"):
                    current.alts.extend(_clean_name(alt))
                current.bare = False
            continue
        if "//" in stripped:  # a street address under a club
            continue
        if stripped.startswith("ii)"):
            current = None  # a reserve team: it and its alternative names are no club to add
            continue
        fields = [f.strip() for f in stripped.split(",")]
        defunct = bool(DEFUNCT.search(fields[0]))
        names = _clean_name(DEFUNCT.sub("", fields[0]))
        if not names:
            current = None
            continue
        rest = [f for f in fields[1:] if f and not re.fullmatch(r"\d{4}", f) and not re.match(r"\d{4}\s*@|@", f)]
        city = re.split(r"[(›&/]", rest[-1])[0].strip() if rest else ""
        bare = len(fields) == 1
        current = Entry(names[0], names[1:], city, country, defunct, bare, f"{path.name}:{lineno}", section)
        entries.append(current)
    return entries


def load_seed() -> list[Row]:
    rows: list[Row] = []
    for raw in (HERE / "clubs_seed.tsv").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#") or raw.startswith("canonical\t"):
            continue
        name, country, league, aliases = raw.split("\t")
        rows.append(
            {"name": name, "country": country, "league": league, "aliases": [a for a in aliases.split("|") if a]}
        )
    return rows


def outlet_keys() -> frozenset[str]:
    """Folded names and aliases of the outlets in sources.json, plus OUTLET_WORDS."""
    raw = json.loads((HERE / "sources.json").read_text(encoding="utf-8"))
    keys = set(OUTLET_WORDS)
    for row in raw["sources"]:
        if row["kind"] == "outlet":
            keys.update(key(a.lstrip("?~@")) for a in [row["name"], *row["aliases"]])
    return frozenset(k for k in keys if k)


# ---------------------------------------------------------------------------------------------------------------
# the clubs to add


@dataclass
class Club:
    """A club this build adds (or merges into a seed club)."""

    country: str
    league: str
    rank: tuple[int, ...]  # sort key: top divisions first
    entry: Entry | None
    names: list[str] = field(default_factory=list)  # every name seen for it: league files, openfootball
    league_names: list[str] = field(default_factory=list)
    seed: Row | None = None  # the seed club it is

    @property
    def city(self) -> str:
        return self.entry.city if self.entry else ""


def is_reserve(name: str) -> bool:
    return bool(RESERVE.search(key(name)))


class ClubLists:
    """The openfootball club lists by country, indexed by folded name (full and with legal tokens stripped)."""

    def __init__(self, root: Path) -> None:
        self.by_country: dict[str, list[Entry]] = {}
        self.index: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        for country, (dirs, _, _) in COUNTRIES.items():
            entries: list[Entry] = []
            for d in dirs:
                folder = root / d
                for f in sorted(folder.glob("*.clubs.txt")) if folder.is_dir() else []:
                    entries.extend(parse_club_list(f, country))
            self.by_country[country] = entries
            for e in entries:
                for n in {key(x) for x in [e.name, *e.alts]} | {strip_key(x) for x in [e.name, *e.alts]}:
                    if n and e not in self.index[(country, n)]:
                        self.index[(country, n)].append(e)

    def find(self, name: str, country: str, loose: bool = False) -> Entry | None:
        """The entry a name stands for; ``loose``: else the only entry one long word of it names, as written or
        without a genitive "s" ("Olympiakos Piraeus", "AE Kifisias")."""
        found = self.find_exact(name, country)
        if found is not None or not loose:
            return found
        hits = set()
        for tok in strip_key(name).split():
            for k in (tok, tok[:-1] if tok.endswith("s") else tok):
                if len(k) >= 5 and k not in GENERIC:
                    hit = self.find_exact(k, country)
                    if hit is not None:
                        hits.add(hit.ident)
                        entry = hit
        return entry if len(hits) == 1 else None

    def find_exact(self, name: str, country: str) -> Entry | None:
        """The only live entry a name (or the name without legal-form tokens) is of, or the one named so."""
        for k in (key(name), strip_key(name)):
            hits = self.index.get((country, k), [])
            live = [e for e in hits if not e.defunct] or hits
            if len(live) == 1:
                return live[0]
            if len(live) > 1:  # the entry named so, rather than one listing it as an alternative
                named = [e for e in live if k in (key(e.name), strip_key(e.name))]
                if len(named) == 1:
                    return named[0]
        return None


def strip_words(name: str, country: str = "") -> list[str]:
    """The words of a name without the legal-form tokens and founding years at its ends."""
    words = name.split()
    while words:
        first, last = key(words[0]), key(words[-1])
        if len(words) > 1 and (first in LEGAL or first in ("1", "1 fc")):
            words = words[1:]
        elif len(words) > 1 and (
            last in LEGAL
            or re.fullmatch(r"\d{4}", last)
            or (country == "BRA" and last in STATE_CODES and words[-1].isupper())
        ):
            words = words[:-1]
        elif len(words) > 2 and re.fullmatch(r"\d{1,2}", last) and key(words[-2]) in LEGAL:
            words = words[:-2]
        else:
            break
    return words


def strip_key(name: str) -> str:
    return key(" ".join(strip_words(name)))


def league_files(root: Path) -> list[tuple[str, str, int, str, list[str]]]:
    """(file stem, country or "", level, league name, team names) per league file, newest season first."""
    out = []
    for season in SEASONS:
        for f in sorted((root / season).glob("*.json")):
            data = json.loads(f.read_text(encoding="utf-8"))
            teams: list[str] = []
            for m in data.get("matches", []):
                for t in (m.get("team1"), m.get("team2")):
                    if isinstance(t, str) and t not in teams:
                        teams.append(t)
            prefix, _, level = f.stem.partition(".")
            league = re.sub(r"\s*\d{4}/\d{2}$", "", str(data.get("name", ""))).strip()
            league = LEAGUE_NAMES.get(league, league.split("|")[-1].strip())
            country = LEAGUE_FILE_COUNTRY.get(prefix, "")
            out.append((f.stem, country, int(level) if level.isdigit() else 1, league, teams))
    return out


def collect(root: Path, lists: ClubLists) -> list[Club]:
    """The clubs of the league files and of EXTRA_COUNTRIES' club lists (``root``: the shared data folder), one per
    club."""
    clubs: list[Club] = []
    by_entry: dict[str, Club] = {}
    by_name: dict[tuple[str, str], Club] = {}

    def add(name: str, country: str, league: str, rank: tuple[int, ...], entry: Entry | None) -> Club:
        ident = entry.ident if entry else ""
        club = by_entry.get(ident) if entry else by_name.get((country, strip_key(name)))
        if club is None:
            club = Club(country, league, rank, entry)
            clubs.append(club)
            if entry:
                by_entry[ident] = club
                club.names.extend([entry.name, *entry.alts])
            by_name[(country, strip_key(name))] = club
        if name not in club.names:
            club.names.append(name)
        return club

    for _stem, country, level, league, teams in league_files(root / "openfootball-football.json"):
        for team in teams:
            m = re.fullmatch(r"(.*\S)\s*\(([A-Z]{3})\)", team)
            team_country = country
            if m:  # a UEFA competition's "Club Brugge KV (BEL)"
                team, code = m.group(1), m.group(2)
                team_country = {"MCO": "FRA"}.get(code, code if code in COUNTRIES else "")
            if not team_country or PLACEHOLDER.match(team) or is_reserve(team):
                continue
            entry = lists.find(team, team_country, loose=True)
            longer = [t for t in teams if t != team and key(t).startswith(key(team) + " ")]
            if entry is None and len(longer) == 1 and not m:
                entry = lists.find(longer[0], team_country)  # "Leyton" beside "Leyton Orient"
                if entry is None:
                    continue
            if m:
                league_name, rank = COUNTRIES[team_country][2], (1, COUNTRY_POS[team_country])
            else:
                league_name = league
                top = 0 if team_country in MAJOR else 2
                rank = (top if level == 1 else 3 if level == 2 else 5, COUNTRY_POS[team_country])
            club = add(team, team_country, league_name, rank, entry)
            club.rank = min(club.rank, rank)
            if not m:  # the newest season's league file decides the league
                if not club.league_names:
                    club.league = league_name
                if team not in club.league_names:
                    club.league_names.append(team)
    for country in EXTRA_COUNTRIES:
        wiki = wiki_top_division(root, country, lists)
        for entry in lists.by_country[country]:
            if entry.defunct or entry.bare or is_reserve(entry.name) or entry.ident in by_entry:
                continue
            if entry.section in SKIP_SECTIONS.get(country, ()):
                continue
            league = wiki.get(entry.ident, "")
            if country in ("USA", "CAN") and not league:
                continue  # MLS only
            rank = (2 if league == COUNTRIES[country][2] else 4 if league else 6, COUNTRY_POS[country])
            add(entry.name, country, league, rank, entry)
    return clubs


@cache
def _wiki(root: Path) -> dict[str, list[list[str]]]:
    """Club names per country section of openfootball's clubs.wiki.txt lists (top divisions, about 2019-20), in
    the blocks that blank lines part (Brazil: Série A, then Série B)."""
    out: dict[str, list[list[str]]] = defaultdict(list)
    for f in sorted(root.glob("*/clubs.wiki*.txt")):
        section = ""
        for raw in f.read_text(encoding="utf-8").splitlines():
            line = raw.split("#", 1)[0].strip()
            if line.startswith("="):
                section = line.strip("= ").split("•")[0].strip().lower() or section
                out[section].append([])
            elif not line and raw.strip() == "" and section and out[section][-1]:
                out[section].append([])
            elif line and section:
                out[section][-1].append(line)
    return out


# country -> (section of the wiki lists, league of each block of it: the last one goes on)
WIKI_SECTIONS = {
    "BRA": ("brazil", ("Série A", "Série B")), "ARG": ("argentina", ()), "SUI": ("switzerland", ()),
    "DEN": ("denmark", ()), "CZE": ("czech republic", ()), "POL": ("poland", ()), "RUS": ("russia", ()),
    "USA": ("united states", ()), "CAN": ("canada", ()), "JPN": ("japan", ()), "CHN": ("china", ()),
    "ISR": ("israel", ()), "BUL": ("bulgaria", ()),
}  # fmt: skip


def wiki_top_division(root: Path, country: str, lists: ClubLists) -> dict[str, str]:
    """The league by entry of the clubs openfootball's wiki lists name for the country (its top division)."""
    section, leagues = WIKI_SECTIONS.get(country, ("", ()))
    blocks = [b for b in _wiki(root / "openfootball-clubs").get(section, []) if b] if section else []
    out: dict[str, str] = {}
    for i, block in enumerate(blocks):
        league = leagues[min(i, len(leagues) - 1)] if leagues else COUNTRIES[country][2]
        for name in block:
            entry = lists.find(name.replace(".", ""), country) or lists.find(name, country)
            if entry is not None:
                out.setdefault(entry.ident, league)
    return out


# ---------------------------------------------------------------------------------------------------------------
# names and aliases


class Names:
    """Who answers to which alias key: seed clubs (strong or weak), new clubs, and the words that name a city or
    tell clubs apart ("Zagreb" in "Dinamo Zagreb" and "Lokomotiva Zagreb", "Radnički" in "Radnički Niš")."""

    def __init__(
        self,
        seed: list[Row],
        clubs: list[Club],
        outlets: frozenset[str],
        cities: set[str],
        countries: set[str],
    ) -> None:
        self.outlets = outlets
        self.countries = countries  # folded country names: the national team, not a club
        self.cities = cities  # folded city names of every openfootball club
        self.seed_strong: dict[str, set[str]] = defaultdict(set)
        self.seed_any: dict[str, set[str]] = defaultdict(set)
        self.new_owners: dict[str, set[int]] = defaultdict(set)
        self.city_owners: dict[str, set[int]] = defaultdict(set)  # by the city openfootball gives
        self.last_word: dict[str, set[int]] = defaultdict(set)  # ending a name of several words
        self.first_word: dict[str, set[int]] = defaultdict(set)  # opening a club's main name of several words
        for pos, row in enumerate(seed):
            for alias in [row["name"], *row["aliases"]]:
                k = key(alias.lstrip("?~"))
                self.seed_any[k].add(row["name"])
                if not alias.startswith("?"):
                    self.seed_strong[k].add(row["name"])
                if len(k.split()) > 1:
                    self.last_word[k.split()[-1]].add(-1 - pos)
            if len(key(row["name"]).split()) > 1:
                self.first_word[key(row["name"]).split()[0]].add(-1 - pos)
        for i, club in enumerate(clubs):
            if club.seed is not None:
                continue
            for n in club.names:
                self.new_owners[key(n)].add(i)
                self.new_owners[strip_key(n)].add(i)
                if len(strip_key(n).split()) > 1:
                    self.last_word[strip_key(n).split()[-1]].add(i)
            for n in [*club.league_names, *([club.entry.name] if club.entry else [])]:
                if len(strip_key(n).split()) > 1:
                    self.first_word[strip_key(n).split()[0]].add(i)
            if club.city:
                self.city_owners[key(club.city)].add(i)

    def others(self, k: str, me: int) -> bool:
        """Another club (seed or new) answers to the key: as a name or a short name, as its city, as the city
        ending the names of two others, or as the first word of another club's name."""
        if self.seed_any.get(k) or self.new_owners.get(k, set()) - {me}:
            return True
        if k in self.cities and self.city_owners.get(k, set()) - {me}:
            return True
        if len(k.split()) != 1:
            return False
        return bool(len(self.last_word.get(k, set()) - {me}) >= 2 or self.first_word.get(k, set()) - {me})

    def common(self, word: str, club: Club) -> bool:
        """A common word rather than this club's name: frequent in one of the five languages, unless it is the
        club's own city, frequent only in the city's own language and not among its most frequent words there
        ("Bari" in Italian, but not "Reading" in English). A club in no known league is held to MINOR_ZIPF."""
        if not club.league:
            return zipf(word) >= MINOR_ZIPF
        if zipf(word) < COMMON_ZIPF:
            return False
        home = COUNTRIES.get(club.country, ((), None, ""))[1]
        if home and club.city and key(word) == key(club.city) and zipf_in(word, [home]) < HOME_CITY_ZIPF:
            return zipf_in(word, [lang for lang in LANGS if lang != home]) >= COMMON_ZIPF
        return True


def distinctive(words: list[str], club: Club, me: int, names: Names) -> bool:
    """Whether a name can stand for this club alone (and so be its canonical, strong name)."""
    k = key(" ".join(words))
    toks = k.split()
    if not toks or k in names.outlets or names.others(k, me) or all(t in GENERIC or t in LEGAL for t in toks):
        return False
    if len(toks) == 1:
        word = " ".join(words)
        letters = re.sub(r"[^A-Za-z]", "", _TEXT.fold(word))
        if len(letters) < 3 and not word.isdigit():
            return False
        if letters.isupper() and len(letters) <= 4:  # an acronym: "AIK", "LASK", "OFI"
            return zipf(word) < COMMON_ZIPF
        if re.fullmatch(r"[a-z]+er", toks[0]) and club.country in ("GER", "AUT", "SUI"):
            return False  # "Wolfsberger" is "Wolfsberger AC"
        return not names.common(word, club)
    return True


def canonical_name(club: Club, me: int, names: Names) -> str | None:
    """The desk's name, or None when no name of the club is distinctive.

    CANONICAL first. Else, for each of the club's names (league files newest first, then openfootball's): the
    name with the legal-form tokens and founding years at its ends stripped ("KAA Gent" -> "Gent"; a Scandinavian
    genitive by its plain form, "Helsingborgs IF" -> "Helsingborg", or not at all), else the name with only its
    founding years dropped ("SM Caen"), else the shortest alternative name holding the stripped words ("Oeste SP"
    -> "Oeste FC"); the first of these that is distinctive."""
    bases = [*club.league_names, *([club.entry.name] if club.entry else [])]
    if club.country == "GRE" and club.entry:  # the Greek league files spell names the German way
        bases = [club.entry.name, *club.league_names]
    for base in bases:
        for k in (key(base), strip_key(base)):
            if k in CANONICAL:
                return CANONICAL[k]
    alts = sorted(
        {n for n in club.names if not is_reserve(n)},
        key=lambda n: (bool(re.search(r"[().]", n)), len(key(n).split()), len(n), n),
    )
    plain_forms = {key(n): n for n in reversed(alts)}

    def ok(words: list[str]) -> bool:
        return bool(words) and distinctive(words, club, me, names)

    for base in bases:
        full = base.split()
        stripped = strip_words(base, club.country)
        one = " ".join(stripped)
        if stripped != full and not (one[:1].isupper() or one[:1].isdigit()):
            stripped = full  # "Clube do Remo" is not "do Remo"
        genitive = (
            club.country in ("SWE", "NOR", "DEN") and len(stripped) == 1 and one.endswith("s") and stripped != full
        )
        if genitive:
            plain = plain_forms.get(key(one[:-1]))
            if plain and ok(plain.split()):
                return plain
        elif ok(stripped):
            return one
        kept = [w for w in full if not re.fullmatch(r"\d{4}", w)]
        if club.country == "BRA":
            kept = [w for w in kept if not (key(w) in STATE_CODES and w.isupper())] or kept
        if ok(kept):
            return " ".join(kept)
        inner = f" {key(one)} "
        for alt in alts:
            words = [w for w in alt.split() if not re.fullmatch(r"\d{4}", w)]
            if club.country == "BRA" and key(alt).split()[-1] in STATE_CODES:
                continue
            if inner in f" {key(alt)} " and ok(words):
                return " ".join(words)
    return next((base for base in bases if ok(base.split())), None)


def alias_marker(name: str, club: Club, me: int, names: Names, own: set[str]) -> tuple[str | None, str]:
    """The alias as registry text ("x", or "?x" for a weak one) or None when it must not be one, and why.

    ``own`` holds the keys of the club's own short names (its canonical name, its names stripped): such a name
    stays as a weak alias even when it is a common word ("Reading"); other common words are dropped."""
    k = key(name)
    toks = k.split()
    if not toks or len(toks) > 5:
        return None, "no words, or more than five"
    if is_reserve(name):
        return None, "a reserve team's name"
    if k in names.outlets:
        return None, "an outlet's name"
    if names.seed_strong.get(k):
        return None, "a seed club's strong name"
    if all(t in GENERIC or t in LEGAL or t.isdigit() for t in toks) and not (
        len(toks) > 1 and k in {key(n) for n in club.league_names}  # the league file's "CF América" stays
    ):
        return None, "generic club words only"
    if k in ALIAS_STOP or k in names.countries:
        return None, "a first name, sponsor or country"
    shared = names.others(k, me)
    if len(toks) == 1:
        letters = re.sub(r"[^A-Za-z]", "", _TEXT.fold(name))
        if len(letters) < 3:
            return None, "one or two letters"
        if letters.isupper() and len(letters) <= 4:
            if zipf(name) >= COMMON_ZIPF or shared:
                return None, "an acronym that is a word or another club's"
            return name, ""
        if re.fullmatch(r"[a-z]+er", k) and club.country in ("GER", "AUT", "SUI"):
            return None, "a town's adjective (Wolfsberger)"
        if names.common(name, club):
            # the club's own short name stays, weak, if the club plays in a known league and the word is no German
            # noun (German capitalises those, so capitals would not tell the club from the word)
            if k in own and not shared and club.league and zipf_in(name, ["de"]) < COMMON_ZIPF:
                return f"?{name}", "weak: the club's own name, but a common word"
            return None, "a common word"
    if shared:
        return f"?{name}", "weak: a city or name other clubs share"
    return name, ""


def candidates_of(club: Club) -> list[str]:
    """The names that may become a new club's aliases: openfootball's and the league files', and the latter with
    their legal-form tokens stripped."""
    return [*club.names, *(" ".join(strip_words(n, club.country)) for n in club.league_names)]


def formal_repeat(k: str, strong: set[str]) -> bool:
    """The key is a strong key of the club plus legal-form tokens and at least one formal-name word."""
    toks = k.split()
    for i in range(len(toks)):
        for j in range(i + 1, len(toks) + 1):
            if (i, j) != (0, len(toks)) and " ".join(toks[i:j]) in strong:
                rest = toks[:i] + toks[j:]
                if all(t in LEGAL or t in FORMAL or t.isdigit() for t in rest) and any(t in FORMAL for t in rest):
                    return True
    return False


# ---------------------------------------------------------------------------------------------------------------
# the build


def same_country(row: Row, country: str) -> bool:
    return row["country"] == country or any({row["country"], country} <= fed for fed in SAME_FEDERATION)


def match_seed(seed: list[Row], clubs: list[Club], lists: ClubLists) -> None:
    """Set ``Club.seed`` where a club is a seed club: a strong seed alias of its country among its names, by a
    name no other openfootball club of the country answers to ("Botafogo FC" is Botafogo SP's name too)."""
    seed_keys: dict[str, list[Row]] = defaultdict(list)
    for row in seed:
        for alias in [row["name"], *row["aliases"]]:
            if not alias.startswith("?"):
                seed_keys[key(alias.lstrip("~"))].append(row)

    def telling(club: Club, name: str) -> set[str]:
        out = set()
        for k in {key(name), strip_key(name)}:
            owners = {e.ident for e in lists.index.get((club.country, k), [])}
            if k and k not in GENERIC and not (club.entry and owners - {club.entry.ident}):
                out.add(k)
        return out

    for club in clubs:
        hits: dict[str, Row] = {}
        for n in club.names:
            for k in telling(club, n):
                hits.update((row["name"], row) for row in seed_keys.get(k, []) if same_country(row, club.country))
        if len(hits) > 1:  # the seed club named as the league file or openfootball's main name does
            first = {key(x) for x in [*club.league_names, *([club.entry.name] if club.entry else [])]}
            exact = {n: r for n, r in hits.items() if first & {key(a.lstrip("?~")) for a in [n, *r["aliases"]]}}
            hits = exact if len(exact) == 1 else hits
        if len(hits) > 1:
            print(f"warning: {club.names[0]!r} matches several seed clubs {sorted(hits)}", file=sys.stderr)
        if hits:
            club.seed = min(hits.values(), key=seed.index)


def seed_entries(seed: list[Row], clubs: list[Club], lists: ClubLists) -> list[Club]:
    """Seed clubs in no league file (relegated, or of a country without one), as clubs holding their
    openfootball entry: they get its alternative names too."""
    matched = {c.seed["name"] for c in clubs if c.seed is not None}
    collected = {c.entry.ident for c in clubs if c.entry}
    out = []
    for row in seed:
        country = {"WAL": "ENG"}.get(row["country"], row["country"])
        if row["name"] in matched or country not in COUNTRIES:
            continue
        entry = lists.find_exact(row["name"], country)
        if entry is None:
            found = {
                e.ident: e
                for a in row["aliases"]
                if not a.startswith("?") and len(key(a).split()) > 1
                for e in [lists.find_exact(a.lstrip("~"), country)]
                if e is not None
            }
            entry = next(iter(found.values())) if len(found) == 1 else None
        if entry is not None and entry.ident not in collected:
            out.append(Club(country, "", (9, 0), entry, [entry.name, *entry.alts], seed=row))
    return out


def merge_seed_aliases(seed: list[Row], clubs: list[Club], names: Names, stats: dict[str, int]) -> None:
    """Give seed clubs the multi-word alternative names openfootball lists for them: not another seed club's,
    and weak when a new club answers to it as well ("Red Star")."""
    merged: dict[str, Club] = {}
    for club in clubs:
        if club.seed is not None:
            first = merged.setdefault(club.seed["name"], club)
            if first is not club:
                first.names.extend(n for n in club.names if n not in first.names)
    for row in seed:
        holder = merged.get(row["name"])
        if holder is None:
            continue
        me = clubs.index(holder)
        known = {key(a.lstrip("~?")) for a in [row["name"], *row["aliases"]]}
        for alt in holder.names:
            k = key(alt)
            if not 2 <= len(k.split()) <= 5 or k in known or is_reserve(alt) or k in names.outlets:
                continue
            if names.seed_any.get(k, {row["name"]}) != {row["name"]}:
                stats["seed clubs: aliases left out (another seed club's)"] += 1
                continue
            shared = bool(names.new_owners.get(k, set()) - {me})
            row["aliases"].append(f"?{alt}" if shared else alt)
            names.seed_any[k].add(row["name"])
            if not shared:
                names.seed_strong[k].add(row["name"])
            known.add(k)
            stats["seed clubs: aliases added" + (" (weak: a new club's too)" if shared else "")] += 1


def new_club_rows(
    clubs: list[Club], names: Names, taken: set[str], stats: dict[str, int]
) -> tuple[list[Row], set[str]]:
    """The rows of the clubs no seed club is, best known first, and the city names among their aliases."""
    rows: list[Row] = []
    city_words: set[str] = set()
    for i in sorted((i for i, c in enumerate(clubs) if c.seed is None), key=lambda i: (clubs[i].rank, i)):
        club = clubs[i]
        name = canonical_name(club, i, names)
        if name is None or key(name) in taken:
            stats["new clubs: left out (no distinctive name)"] += 1
            print(f"left out (no distinctive name): {club.names[:3]} [{club.country}]", file=sys.stderr)
            continue
        taken.add(key(name))
        own = {key(name)} | {strip_key(n) for n in [*club.league_names, *([club.entry.name] if club.entry else [])]}
        candidates = candidates_of(club)
        strong = {key(name)} | {
            key(n) for n in candidates if (m := alias_marker(n, club, i, names, own)[0]) and m[0] != "?"
        }
        aliases: list[str] = []
        seen = {key(name)}
        for alt in candidates:
            k = key(alt)
            if not k or k in seen:
                continue
            seen.add(k)
            if formal_repeat(k, strong):
                stats["new clubs: aliases left out (a formal name holding a shorter one)"] += 1
                continue
            marked, why = alias_marker(alt, club, i, names, own)
            if marked is None or why:
                stats[f"new clubs: aliases {'dropped' if marked is None else 'made'} ({why})"] += 1
            if marked is not None:
                aliases.append(marked)
        added = {key(a.lstrip("?~")) for a in [name, *aliases]}
        for extra in EXTRA_ALIASES.get(name, []):  # vetted by hand: in even where the rules leave the name out
            k = key(extra.lstrip("?~"))
            if k not in added and not names.seed_strong.get(k):
                added.add(k)
                aliases.append(extra)
        rows.append({"name": name, "country": club.country, "league": club.league, "aliases": aliases})
        for alias in [name, *aliases]:
            text = _TEXT.fold(alias.lstrip("?~")).lower()
            if club.city and " " not in text and key(text) == key(club.city):
                city_words.add(text)
    return rows, city_words


def build(root: Path) -> tuple[list[Row], dict[str, int], set[str]]:
    """The clubs.json rows, counts of what was merged, dropped or made weak, and the city names among the new
    clubs' aliases (folded, lower case: candidates for cities.txt)."""
    seed = load_seed()
    lists = ClubLists(root / "openfootball-clubs")
    clubs = collect(root, lists)
    match_seed(seed, clubs, lists)
    clubs.extend(seed_entries(seed, clubs, lists))
    cities = {key(e.city) for entries in lists.by_country.values() for e in entries if e.city}
    countries = {key(d.name.replace("-", " ")) for d in (root / "openfootball-clubs").glob("*/*") if d.is_dir()}
    names = Names(seed, clubs, outlet_keys(), cities, countries)
    stats: dict[str, int] = defaultdict(int)
    merge_seed_aliases(seed, clubs, names, stats)
    rows, city_words = new_club_rows(clubs, names, {key(r["name"]) for r in seed}, stats)
    return seed + rows, dict(stats), city_words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"shared data folder (default {DEFAULT_DATA})")
    parser.add_argument("--out", type=Path, default=HERE / "clubs.json", help="where to write (default clubs.json)")
    parser.add_argument(
        "--new-cities", action="store_true", help="print the new clubs' city aliases that cities.txt lacks, and exit"
    )
    args = parser.parse_args(argv)
    root: Path = args.data
    missing = [d for d in ("openfootball-clubs", "openfootball-football.json") if not (root / d).is_dir()]
    if missing:
        print(f"error: {root} has no {', '.join(missing)}; pass --data DIR (the shared data folder)", file=sys.stderr)
        return 2
    rows, stats, city_words = build(root)
    if args.new_cities:
        text = (HERE / "cities.txt").read_text(encoding="utf-8")
        listed = {w for line in text.splitlines() for w in line.split("#", 1)[0].split()}
        print(" ".join(sorted(city_words - listed)))
        return 0
    out: Path = args.out
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    by_country: dict[str, int] = defaultdict(int)
    for row in rows:
        by_country[row["country"]] += 1
    print(f"wrote {len(rows)} clubs to {out}: " + ", ".join(f"{c} {n}" for c, n in sorted(by_country.items())))
    for what, count in sorted(stats.items()):
        print(f"  {what}: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
