"""A seeded generator of synthetic transfer reports in five languages, for the aggregate benchmarks.

The texts are built from short templates per language with real club names, made-up player names, fees,
stages and cited papers, spread over several transfer windows; sagas (one player, several clubs) and wire
copies (the same text at several outlets) occur at realistic rates.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from aggregator.records import ArticleRecord

CLUBS = [
    "Arsenal",
    "Chelsea",
    "Liverpool",
    "Manchester City",
    "Manchester United",
    "Tottenham Hotspur",
    "Newcastle United",
    "Aston Villa",
    "West Ham United",
    "Brighton",
    "Bayern Munich",
    "Borussia Dortmund",
    "RB Leipzig",
    "Bayer Leverkusen",
    "Eintracht Frankfurt",
    "VfB Stuttgart",
    "Real Madrid",
    "Barcelona",
    "Atletico Madrid",
    "Sevilla",
    "Real Sociedad",
    "Juventus",
    "Inter Milan",
    "AC Milan",
    "Napoli",
    "AS Roma",
    "Lazio",
    "Atalanta",
    "Paris Saint-Germain",
    "Marseille",
    "Lyon",
    "Monaco",
    "Lille",
    "Ajax",
    "PSV Eindhoven",
    "Benfica",
    "Porto",
    "Sporting CP",
    "Al-Hilal",
    "Al-Nassr",
]
FIRST = [
    "Lukas",
    "Mateo",
    "Luca",
    "Hugo",
    "Jonas",
    "Diego",
    "Marco",
    "Théo",
    "Noah",
    "Álvaro",
    "Kai",
    "Rafael",
    "Youssef",
    "Emil",
    "Tiago",
    "Milan",
    "Nico",
    "Sandro",
    "Jules",
    "Ivan",
    "Felix",
    "Pablo",
    "Enzo",
    "Timo",
]
LAST = [
    "Brenner",
    "Castillo",
    "Ferrari",
    "Moreau",
    "Lindqvist",
    "Navarro",
    "Rinaldi",
    "Dubois",
    "Kowalski",
    "Santos",
    "Hoffmann",
    "Esposito",
    "Lefèvre",
    "Okafor",
    "Jansen",
    "Petrović",
    "Almeida",
    "Schäfer",
    "Conti",
    "Girard",
    "Vidal",
    "Nowak",
    "Bakker",
    "Marchetti",
    "Roux",
    "Weber",
    "Costa",
    "Ibáñez",
    "Fontaine",
    "Bauer",
]
# Made-up surnames for a player pool that grows with the store: 30 x 30 stems, 24 first names (21,600 players).
STEMS = [
    "Bren",
    "Cas",
    "Fer",
    "Mor",
    "Lind",
    "Nav",
    "Rin",
    "Dub",
    "Kow",
    "San",
    "Hoff",
    "Esp",
    "Lef",
    "Oka",
    "Jans",
    "Pet",
    "Alm",
    "Schä",
    "Con",
    "Gir",
    "Vid",
    "Now",
    "Bak",
    "Mar",
    "Rou",
    "Web",
    "Cos",
    "Ibá",
    "Font",
    "Bau",
]
ENDINGS = [
    "ner",
    "tillo",
    "rari",
    "eau",
    "qvist",
    "arro",
    "aldi",
    "ois",
    "ski",
    "tos",
    "mann",
    "osito",
    "èvre",
    "afor",
    "sen",
    "ović",
    "eida",
    "fer",
    "ti",
    "ard",
    "al",
    "ak",
    "ker",
    "chetti",
    "oux",
    "ber",
    "ta",
    "ñez",
    "aine",
    "uer",
]
POOL_MAX = len(FIRST) * len(STEMS) * len(ENDINGS)


def pool_player(index: int) -> str:
    """Player ``index`` of the growing pool (0 <= index < POOL_MAX): every index a distinct name."""
    first = FIRST[index % len(FIRST)]
    rest = index // len(FIRST)
    return f"{first} {STEMS[rest % len(STEMS)]}{ENDINGS[rest // len(STEMS) % len(ENDINGS)]}"


SOURCES = {
    "en": ["Sky Sports", "The Athletic", "Fabrizio Romano"],
    "de": ["Bild", "Kicker", "Sky"],
    "es": ["Marca", "AS", "Mundo Deportivo"],
    "it": ["Sky Sport", "La Gazzetta dello Sport", "Tuttosport"],
    "fr": ["L'Équipe", "RMC Sport", "Le Parisien"],
}
TEMPLATES = {
    "en": {
        "interest": "{to} are interested in {player}, the {frm} midfielder, according to {src}.",
        "talks": "{to} have opened talks with {frm} over a move for {player}, {src} reports.",
        "bid": "{to} have had a €{fee} million bid for {player} rejected by {frm}, according to {src}.",
        "agreed": "{to} have agreed a €{fee} million fee with {frm} for {player}, {src} reports.",
        "medical": "{player} is undergoing a medical at {to} ahead of his €{fee} million move from {frm}, "
        "according to {src}.",
        "done": "{to} have completed the signing of {player} from {frm} for €{fee} million, {src} reports.",
    },
    "de": {
        "interest": "Laut {src} hat {to} Interesse an {player} von {frm}.",
        "talks": "{to} verhandelt laut {src} mit {frm} über einen Wechsel von {player}.",
        "bid": "{to} hat laut {src} ein Angebot über {fee} Millionen Euro für {player} bei {frm} abgegeben.",
        "agreed": "{to} und {frm} sind sich laut {src} über einen Wechsel von {player} für {fee} Millionen Euro einig.",
        "medical": "{player} absolviert laut {src} den Medizincheck bei {to}, die Ablöse an {frm} beträgt "
        "{fee} Millionen Euro.",
        "done": "Der Wechsel von {player} von {frm} zu {to} ist perfekt, berichtet {src}. Die Ablöse beträgt "
        "{fee} Millionen Euro.",
    },
    "es": {
        "interest": "El {to} sigue de cerca a {player}, jugador del {frm}, según {src}.",
        "talks": "El {to} negocia con el {frm} el fichaje de {player}, según {src}.",
        "bid": "El {to} ha presentado una oferta de {fee} millones de euros al {frm} por {player}, según {src}.",
        "agreed": "El {to} y el {frm} han llegado a un acuerdo por {player} a cambio de {fee} millones de euros, "
        "según {src}.",
        "medical": "{player} pasa el reconocimiento médico con el {to} antes de dejar el {frm} por {fee} "
        "millones de euros, según {src}.",
        "done": "El {to} ha hecho oficial el fichaje de {player}, procedente del {frm}, por {fee} millones de "
        "euros, según {src}.",
    },
    "it": {
        "interest": "Il {to} è interessato a {player} del {frm}, secondo {src}.",
        "talks": "Il {to} tratta con il {frm} per {player}, secondo {src}.",
        "bid": "Il {to} ha presentato un'offerta da {fee} milioni di euro al {frm} per {player}, secondo {src}.",
        "agreed": "Accordo raggiunto tra {to} e {frm} per {player} a {fee} milioni di euro, secondo {src}.",
        "medical": "{player} sostiene le visite mediche con il {to}: al {frm} vanno {fee} milioni di euro, "
        "secondo {src}.",
        "done": "Il {to} ha ufficializzato l'acquisto di {player} dal {frm} per {fee} milioni di euro, secondo {src}.",
    },
    "fr": {
        "interest": "Selon {src}, {to} s'intéresse à {player}, le milieu de {frm}.",
        "talks": "Selon {src}, {to} discute avec {frm} d'un transfert de {player}.",
        "bid": "Selon {src}, {to} a formulé une offre de {fee} millions d'euros à {frm} pour {player}.",
        "agreed": "Selon {src}, {to} et {frm} ont trouvé un accord pour {player} contre {fee} millions d'euros.",
        "medical": "Selon {src}, {player} passe sa visite médicale avec {to} avant de quitter {frm} pour {fee} "
        "millions d'euros.",
        "done": "Selon {src}, {player} quitte {frm} pour {to}, un transfert de {fee} millions d'euros.",
    },
}
FILLER = {
    "en": "The club's supporters have been waiting for news all week, and the manager refused to comment on "
    "speculation when asked about the squad before the weekend fixture.",
    "de": "Die Fans warten seit Tagen auf Neuigkeiten, der Trainer wollte sich vor dem Spiel am Wochenende nicht "
    "zu Spekulationen über den Kader äußern.",
    "es": "La afición lleva toda la semana esperando noticias y el entrenador no quiso hablar de rumores antes "
    "del partido del fin de semana.",
    "it": "I tifosi aspettano notizie da giorni e l'allenatore non ha voluto commentare le voci prima della "
    "partita del fine settimana.",
    "fr": "Les supporters attendent des nouvelles depuis des jours et l'entraîneur a refusé de commenter les "
    "rumeurs avant le match du week-end.",
}
STAGES = ["interest", "talks", "bid", "agreed", "medical", "done"]
LANGS = ["en", "de", "es", "it", "fr"]


def articles(
    count: int, *, seed: int = 7, start: datetime | None = None, prefix: str = "a", pool: int | None = None
) -> Iterator[ArticleRecord]:
    """``count`` synthetic articles: about 4 reports per deal, 1 in 20 a wire copy of an earlier one.

    With ``pool``, players come from a pool of that many distinct names, a few stars drawing many deals and a long
    tail few (the index is ``pool * u**2``); without, from a small fixed cast of first names and surnames."""
    rng = random.Random(seed)
    start = start or datetime(2021, 1, 1, tzinfo=UTC)
    recent: list[tuple[str, str, str]] = []
    for n in range(count):
        lang = LANGS[n % 5]
        if recent and rng.random() < 0.05:  # a wire copy at another outlet
            text, title, published = rng.choice(recent)
            outlet = f"wire{rng.randrange(20)}.example"
        else:
            deal = rng.randrange(max(1, count // 4))
            drng = random.Random(deal * 7919 + seed)
            if pool:
                player = pool_player(int(min(pool, POOL_MAX) * drng.random() ** 2))
            else:
                player = f"{drng.choice(FIRST)} {drng.choice(LAST)}"
                if deal % 4:  # double surnames
                    player += f" {drng.choice(LAST)}"
            frm, to = drng.sample(CLUBS, 2)
            fee = drng.randrange(5, 120)
            day = start + timedelta(days=drng.randrange(0, 5 * 365), minutes=rng.randrange(0, 20_000))
            stage = STAGES[min(5, rng.randrange(0, 6))]
            text = TEMPLATES[lang][stage].format(player=player, frm=frm, to=to, fee=fee, src=rng.choice(SOURCES[lang]))
            text = f"{text} {FILLER[lang]}"
            title = f"{player}: {to}"
            published = day.isoformat()
            outlet = f"outlet{n % 60}.example"
            recent.append((text, title, published))
            recent = recent[-200:]
        yield ArticleRecord(
            url=f"https://{outlet}/{prefix}/{n}",
            text=text,
            title=title,
            outlet=outlet,
            language=lang,
            published_at=published,
            origin="import",
        )
