"""Regenerates clubs.json from the hand-curated clubs_seed.tsv plus openfootball alternative names (offline)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from unidecode import unidecode

HERE = Path(__file__).resolve().parent
OPENFOOTBALL = Path("/work/shared/data/openfootball-clubs")
COUNTRY_DIRS = {
    "ENG": ["europe/england"],
    "WAL": ["europe/wales"],
    "SCO": ["europe/scotland"],
    "GER": ["europe/germany"],
    "ESP": ["europe/spain"],
    "ITA": ["europe/italy"],
    "FRA": ["europe/france"],
    "NED": ["europe/netherlands"],
    "POR": ["europe/portugal"],
    "KSA": ["middle-east/saudi-arabia"],
    "USA": ["north-america/united-states"],
    "CAN": ["north-america/canada"],
    "TUR": ["europe/turkey"],
    "BEL": ["europe/belgium"],
    "AUT": ["europe/austria"],
}
_TAG = re.compile(r"\[[a-z]{2}\]")


def fold(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", unidecode(text).lower()))


def parse_openfootball(path: Path) -> list[list[str]]:
    """Each club as [name, alt, alt, ...] from one openfootball clubs.txt file."""
    clubs: list[list[str]] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("="):
            continue
        if line.lstrip().startswith("|"):
            if clubs:
                for alt in line.strip().lstrip("|").split("|"):
                    alt = _TAG.sub("", alt).strip()
                    if alt:
                        clubs[-1].append(alt)
            continue
        if line[0].isspace() or line.startswith("ii)"):
            clubs.append(["__reserve__"]) if line.startswith("ii)") else None
            continue
        name = line.split(",", 1)[0].strip()
        clubs.append([name])
    return [c for c in clubs if c[0] != "__reserve__"]


def load_seed() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for raw in (HERE / "clubs_seed.tsv").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#") or raw.startswith("canonical\t"):
            continue
        name, country, league, aliases = raw.split("\t")
        rows.append(
            {"name": name, "country": country, "league": league, "aliases": [a for a in aliases.split("|") if a]}
        )
    return rows


def main() -> int:
    seed = load_seed()
    strong_owner: dict[str, str] = {}
    for club in seed:
        for alias in [club["name"], *club["aliases"]]:  # type: ignore[misc]
            if not str(alias).startswith("?"):
                strong_owner.setdefault(fold(str(alias).lstrip("~")), str(club["name"]))
    of_clubs: dict[str, list[list[str]]] = {}
    for country, dirs in COUNTRY_DIRS.items():
        for d in dirs:
            for f in sorted((OPENFOOTBALL / d).glob("*.clubs.txt")) if (OPENFOOTBALL / d).is_dir() else []:
                of_clubs.setdefault(country, []).extend(parse_openfootball(f))
    for club in seed:
        known = {fold(str(a).lstrip("~?")) for a in [club["name"], *club["aliases"]]}  # type: ignore[misc]
        for entry in of_clubs.get(str(club["country"]), []):
            if fold(entry[0]) not in known and not any(fold(a) == fold(str(club["name"])) for a in entry):
                continue
            for alt in entry:
                key = fold(alt)
                if len(key.split()) < 2 or key in known or key.endswith((" ii", " b", " am")):
                    continue
                if strong_owner.get(key, club["name"]) != club["name"]:
                    continue
                club["aliases"].append(alt)  # type: ignore[attr-defined]
                known.add(key)
    out = HERE / "clubs.json"
    out.write_text(json.dumps(seed, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {len(seed)} clubs to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
