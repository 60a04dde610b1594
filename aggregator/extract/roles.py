"""Club roles that are neither buyer nor seller: rival bidders, places named like clubs, clubs that withdraw."""

from __future__ import annotations

import re

from .registry import cities, clubs

__all__ = ["GO", "PLACE", "RIVAL", "WITHDRAWN", "city_club", "club_role", "talks_with_object"]

RIVAL = "rival"  # "beating Chelsea to X": another bidder, neither the seller nor the destination
PLACE = "place"  # "atteso a Torino per le visite mediche": the city, not the club
WITHDRAWN = "out"  # "Chelsea pull out of the race": that club's pursuit collapsed
GO = "go"  # "andare a Torino", "move to Munich": a city as a destination; the club there the story names
PAST = "past"  # "during his time at Sampdoria", "in 2019": where the player was, not a side of this deal

_ART = r"(?:\s(?:the|der|die|das|den|dem|des|le|la|les|l'|il|lo|i|el|los|fc|ac|as|ssc|ogc|rc|sl|cf|vfl|vfb))*\s?$"

_RIVAL_BEFORE = re.compile(
    r"(?<![a-z])(?:beat(?:ing|s|en)?|fend(?:ing|s|ed)? off(?: competition from| interest from)?|ahead of|"
    r"rival(?:s|ling|ing)?|in competition with|competition from|competing with|compete with|battle with|"
    r"battling|hijack(?:ing|ed)?|gazump(?:ing|ed)?|outbid(?:ding)?|pip(?:ping|ped)?|"
    r"konkurrenz (?:aus|von|vom|durch|des|der)|konkurrenten?|vor der nase|ausgestochen|ausstechen|"
    r"devancer|devance|devancant|coiffer|coiffant|concurrence (?:du|de|d'|des)|rivaliser avec|"
    r"(?:battendo|battere|beffando|beffare|bruciando|bruciare)(?: la concorrenza)? (?:del|della|dell'|di)|"
    r"concorrenza (?:del|della|dell'|di)|soffiare|soffiando|"
    r"adelantarse a|adelantandose a|competencia (?:del|de)|(?:ganarle|ganando|gana) la partida al?|pelea con)"
    rf"{_ART}"
)
_OUT_AFTER = re.compile(
    r"^(?:'s?)?\s?(?:have|has|had|are|is|hat|haben|ont|a|hanno|ha|han|sind|ist)?\s?"
    r"(?:(?:now|already|reportedly|officially|also|decided to|bereits|offenbar|nun|deja|gia|ya) )*"
    r"(?:pull(?:ed|s|ing)? out|withdr[ae]wn?|withdraw(?:s|ing|al)?|drop(?:ped|s)? out|walk(?:ed|s)? away|"
    r"abandon(?:ed|s)?|end(?:ed|s)? (?:their|its) (?:interest|pursuit)|given up|give up|gave up|"
    r"(?:ziehen|zieht|zog|zogen) sich|steig(?:t|en) [^.;]{0,30}?aus\b|(?:sind|ist) ausgestiegen|ruckzug|"
    r"se retire|se retirent|s'est retire|abandonne|renonce|retrait|"
    r"si ritira|si (?:e|sono) ritirat|si sfila|si (?:e|sono) sfilat|rinuncia|ha rinunciato|ritiro|"
    r"se retira|se ha retirado|se retiro|abandona la|renuncia|desiste|se baja)"
)
_PLACE_BEFORE = re.compile(r"(?<![a-z])(?:in|a|en)\s$")
# Travelling to a city is joining the club of that city the story is about: "ha scelto di andare a Torino".
_GO_BEFORE = re.compile(
    r"(?<![a-z])(?:go|going|goes|move|moving|moves|head|heading|fly|flying|flies|travel|travelling|traveling|"
    r"gehen|geht|wechseln|wechselt|fliegt|reist|aller|partir|part|s'envoler|rejoindre|andare|va|trasferirsi|"
    r"volare|vola|volera|sbarcare|sbarca|approdare|approda|irse|ir|marcharse|viajar|viajara|viaja|vuela|volar)"
    r"\s(?:to|nach|in|a|en)\s$"
)
_TALKS_WITH = re.compile(
    r"(?<![a-z])(?:talks|negotiations|negotiating|discussions|dialogue|verhandlungen|verhandelt|verhandeln|"
    r"gesprache|trattativa|trattano|tratta|dialogo|negociaciones|negocia|negocian|conversaciones|negociations|"
    r"negocie|negocient|discute|discutent)(?:\s[a-z'-]+){0,3}?\s(?:with|mit|con|col|avec)"
    rf"{_ART}"
)


def club_role(before: str, after: str, mention: str, governed: bool) -> str:
    """The side role of a club mention from the clause before it and the text after it ("" when none).

    `mention` is the mention's folded lower-case text; `governed` tells whether a transfer verb or preposition
    already marks it as a destination ("passa al Torino", "signe à Lyon"), which rules out a place reading.
    """
    if _OUT_AFTER.match(after):
        return WITHDRAWN
    if _RIVAL_BEFORE.search(before):
        return RIVAL
    if mention in cities() and not after.startswith("'"):
        if _GO_BEFORE.search(before):
            return GO
        if not governed and _PLACE_BEFORE.search(before):
            return PLACE
    return ""


def talks_with_object(before: str) -> bool:
    """The clause ends "... in talks with" / "verhandelt mit dem" / "accordo con il": the club after it is the
    other party; when a club is the subject of those talks, the other party is the seller."""
    return _TALKS_WITH.search(before) is not None


def city_club(mention: str, club: str, present: set[str]) -> str | None:
    """Another club the city name `mention` can stand for that the text names elsewhere ("Torino" -> Juventus)."""
    _, index = clubs()
    owners = index.owners.get(tuple(mention.split()), [])
    others = {o.target for o in owners if o.target != club and o.target in present}
    return others.pop() if len(others) == 1 else None
