"""Direction of a move: which club the player leaves and which he joins, from verbs and prepositions per language."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clubs import ClubMention
from .loans import RETURN, returns_to
from .registry import cities
from .roles import GO, PAST, PLACE, RIVAL, WITHDRAWN, city_club, club_role, talks_with_object

__all__ = ["Direction", "mention_cues", "resolve_direction"]

_ART = (
    r"(?:\s(?:the|der|die|das|den|dem|des|le|la|les|l'|il|lo|i|el|los|fc|ac|as|ssc|ogc|rc|sl|cf|vfl|vfb|1\.? fc))*\s?$"
)

_TO_BEFORE = {
    "any": (
        r"joins?|has joined|have joined|joining|sign(s|ed|ing)? (for|with)|move to|moving to|switch to|transfer to|"
        r"heading to|head to|headed to|bound for|loan (move )?to|loaned (out )?to|on loan (at|to|with)|"
        r"set to join|close to joining|arrive at|arrives at|arrival at|snapped up by|signed by|sold to|sale to|"
        r"move to|future at|new club|destination|interest from|bid from|offer from|approach from|wanted by|"
        r"target for|linked with|linked to|talks with|agreement with|deal with|medical (at|with)|"
        r"(interest|offer|bid|proposal|advances) of|"
        r"sign(s|ed|ing)? (a|his|a new)? ?(pre-?)?(contract|deal|agreement) with|"
        r"signe(r|ra)? (son|un) (pre-?)?contrat (avec|au|a)|firm(a|o|ado|ar)? (su|un) (pre)?contrato con|"
        r"firm(a|ato|are|era)? (il|un) (pre)?contratto con|"
        r"return to|returns to|back to|"
        r"wechsel(t|n)? (zu|zum|zur|nach|in die|an den)|wechselte (zu|zum|zur|nach)|zieht es (zu|zum|zur|nach)|"
        r"heuert (bei|beim)|unterschreibt (bei|beim)|landet (bei|beim)|geht (zu|zum|zur|nach)|"
        r"interesse (von|vom|des|der)|angebot (von|vom|des|der)|zu|zum|zur|nach|richtung|"
        r"ins visier (von|vom|des)|medizincheck (bei|beim|in)|"
        r"(unterschreibt|unterschrieb|unterzeichnet|erhalt|bekommt) (einen|den) vertrag (bei|beim)|"
        r"rejoindre|rejoint|rejoindra|rejoignait|s'engager (avec|au|a)|signer (au|a|avec|pour)|signe (au|a)|"
        r"pour|vers|direction|prete (au|a)|arrivee (au|a)|interet (du|de)|offre (du|de)|au|chez|"
        r"passa (alla|al|all')|passaggio (alla|al|all')|approdare (alla|al|all')|trasferimento (alla|al|all')|"
        r"verso|in prestito (alla|al|all')|firmare (con|per)|interesse (del|della|dell')|offerta (del|della)|"
        r"alla|all'|"
        r"fichaje por|fichar por|ficha por|rumbo al|rumbo a|cedido al|llega al|llegada al|interes del|"
        r"oferta del|destino|firma con|firmar con|transfert (au|a|vers|chez)|transfer (to|zu|zum|nach)|"
        r"trasferimento (al|alla|all')|traspaso al|fichaje (del|por)|wechsel (zu|zum|zur|nach)|"
        r"(nouveau|nouvelle) (joueur|recrue) (du|de|d')|nuovo (giocatore|acquisto) (del|della|dell')|"
        r"nuevo (jugador|fichaje) (del|de)|neuer spieler (von|vom|des|der)|new signing for|"
        r"verpflichtung durch|verpflichtet vom|unveiled (by|at)|presented (by|at)|presentado (por|con)|"
        r"(nuovo|nuova) (attaccante|centravanti|punta|centrocampista|difensore|esterno|portiere|terzino|acquisto|"
        r"giocatore|colpo|rinforzo) (del|della|dell')|(nuevo|nueva) (delantero|centrocampista|defensa|central|"
        r"extremo|portero|lateral|fichaje|jugador|refuerzo) (del|de)|(nouveau|nouvelle) (attaquant|milieu|"
        r"defenseur|ailier|gardien|recrue|joueur|lateral|renfort) (du|de|d')|(neuer|neue|neuen) (sturmer|"
        r"mittelfeldspieler|verteidiger|innenverteidiger|torwart|spieler|flugelspieler|angreifer) (von|vom|des|der)|"
        r"cierra el fichaje|ha cerrado el fichaje|chiude per|chiude l'acquisto|boucle l'arrivee|finalise l'arrivee"
    ),
}
_WEAK_TO = {
    "any": r"to|zu|zum|zur|nach|au|pour|alla|all'|for|an den|an die",
    "es": r"al|a|por",
    "it": r"al|a",
    "fr": r"a|chez",
    "en": r"at",
    "de": r"bei|beim",
}
_FROM_BEFORE = {
    "any": (
        r"from|leave|leaves|leaving|left|quit|quits|quitting|depart|departs|departure from|exit from|"
        r"sold by|released by|released from|sale by|convince|persuade|(goodbye|farewell) to|adieux? (a|au)|"
        r"addio (a|al|alla|all')|despedida del?|se despide del?|"
        r"von|vom|verlasst|verlassen|abschied (von|vom|bei|beim)|abgang (von|vom|bei|beim)|"
        r"quitte|quitter|quittera|en provenance (de|du)|depart (de|du)|"
        r"lascia|lasciare|lascera|dalla|dal|dall'|addio (al|alla)|"
        r"(time|spell|stint|career|days|years|season|seasons|spells|loan) (at|with)|"
        r"deja|dejar|dejara|abandona|abandonar|sale del|salida del|procedente del|"
        r"(bid|bids|offer|offers|approach|proposal|angebot|offre|offerta|oferta|propuesta|proposta)"
        r"(\s[a-z]{3,14})?\s(to|an|a|au|al|alla|all')|"
        r"fin de contrat (avec|au|a)|in scadenza con|"
        r"has been at|spent .{0,20} at|currently at|under contract (at|with)|contract (at|with)|"
        r"vertrag (beim|bei|in)|noch (beim|bei)|sous contrat (avec|au|a)|sotto contratto con|contrato con|"
        r"stay(s|ing)? (at|in)|remain(s|ing)? (at|in)|bleibt (in|bei|beim)|bleiben (in|bei|beim)|"
        r"resta (a|al|alla|all')|rimane (a|al|alla|all')|reste (a|au)|restera (a|au)|se queda en|seguira en"
    ),
    "es": r"del|de",
    "fr": r"de|du|d'",
    "it": r"da|del|della|dell'",
    "en": r"of",
    "de": r"beim",
}
_TO_AFTER = re.compile(
    r"^(?:'s?)?\s?(?:have|has|are|is|had|were|was|hat|haben|ist|sind|a|ont|est|ha|hanno|e|han|esta|estan|"
    r"habia|habian|hatte|hatten|avait|aveva|se ha|s'est)?\s?"
    r"(?:(?:now|already|also|reportedly|officially|finally|still|tonight|today|appear to have|appear to|"
    r"seem to|seem|(?:said|reported|believed|understood|thought|set|expected) to (?:have|be)|"
    r"bereits|auch|nun|jetzt|deja|gia|ya) )*"
    r"(sign|signed|submit|approach|approached|pushing|push|determined|hope|hoping|lead|leading|in pole|"
    r"signs|complete|completed|agreed|reached|made|make|submitted|lodged|launched|tabled|bid|"
    r"offered|offer|want|wants|interested|keen|target|targeting|close|closing|in talks|eyeing|plotting|"
    r"pursuing|chasing|confirmed the signing|announced the signing|"
    r"verpflichtet|verpflichten|holt|holen|will|wollen|bietet|bieten|interessiert|bemuht|buhlt|legt|legen|"
    r"angelt|zieht einen|uberweist|zahlt|"
    r"s'offre|recrute|signe|veut|s'interesse|offre|propose|officialise|accueille|"
    r"acquista|prende|vuole|punta|offre|ufficializza|chiude|accoglie|"
    r"ficha|quiere|oferta|anuncia|presenta|incorpora|"
    r"(?:opened|open|opening|hold|held|holding|begun|started|begin|entered|enter) (?:advanced |formal |initial )?"
    r"talks|verhandelt|verhandeln|tratta|trattano|negocia|negocian|discute|discutent|interesado|interesa|"
    r"interesan|pregunta por|preguntado por|pregunto por|sondea|sondeado|s'interesse|se renseigne|renseigne|"
    r"si interessa|interessat|sonda|sondato|erkundigt sich|angefragt|cierra|cerrado|cerro|closing in|closes in|"
    r"presentado|presentato|presente|mejorado|rilanciato|rilancia|vorgelegt|"
    r"announced the arrival|confirmed the arrival|annonce l'arrivee|annonce la signature|"
    r"officiellement annonce|a annonce l'arrivee|a officialise|ha ufficializzato|ha annunciato)"
)
_FROM_AFTER = re.compile(
    r"^(?:'s?)?\s?(?:(?:would|could|might|may|will|should) (?:have )?)?"
    r"(?:have|has|are|is|had|hat|haben|ist|a|ont|ha|hanno|han|habia|hatte|avait|aveva)?\s?"
    r"(?:now |already |reportedly |finally |bereits |deja |gia |ya )?"
    r"(sold|sell|sells|accept|accepted|rejected|reject|turned down|knocked back|demand|demanding|want £|"
    r"want €|valued|insist|refuse|"
    r"reluctant|unwilling|won't sell|will not sell|would not sell|refuse to sell|not prepared to sell|"
    r"let him (go|leave)|keep him|hold on|sees? (him|[a-z]+) as|"
    r"verkauft|verkaufen|lasst|lehnt|lehnten|fordert|fordern|verlangt|will ihn|"
    r"vend|refuse|reclame|exige|cede|vende|rifiuta|chiede|rechaza|pide|exige|"
    r"rechazo|rechazado|acepta|acepto|aceptado|rifiutato|respinto|respinge|accetta|accettato|rejette|rejete|"
    r"accepte|lehnte|abgelehnt|akzeptiert|akzeptieren|nimmt das angebot|"
    r"(?:no|non|ne) (?:quiere|vuole|veut pas) (?:vender|cedere|vendere|vendre|lacher|perder|perdere|perdre)|"
    r"will (?:ihn )?nicht (?:verkaufen|abgeben|ziehen lassen))"
)
# The club that wants to keep the player ("had hoped to persuade him to extend his contract"): the owner.
_KEEP_AFTER = re.compile(
    r"^(?:'s?)?\s?(?:\w+ ){0,3}?(?:hoped?|hoping|want(?:s|ed)?|tried|trying|plan(?:s|ned)?|desperate|keen) to "
    r"(?:(?:persuade|convince) him to )?(?:extend|renew|keep|tie him|hold on|extend his)"
    r"|^\s?(?:\w+ ){0,3}?(?:will|wollen|mochte|mochten) (?:ihn|seinen vertrag) (?:halten|verlangern)"
    r"|^\s?(?:\w+ ){0,3}?(?:veut|voulait|souhaite|espere|esperait) (?:le )?(?:conserver|garder|prolonger)"
    r"|^\s?(?:\w+ ){0,3}?(?:vuole|voleva|spera|sperava) (?:trattenerlo|rinnovare|blindarlo)"
    r"|^\s?(?:\w+ ){0,3}?(?:quiere|queria|espera|esperaba) (?:retenerlo|renovar|renovarle)"
)
_POSSESSIVE_ROLE = re.compile(
    r"^(?:'s?)?\s?(?:\w+[- ]){0,2}?(captain|star|striker|forward|midfielder|defender|centre-back|center-back|"
    r"winger|goalkeeper|keeper|full-back|left-back|right-back|playmaker|youngster|talent|academy graduate|"
    r"sturmer|mittelfeldspieler|verteidiger|innenverteidiger|torwart|profi|kapitan)\b"
)
_PAREN_CLUB = re.compile(r"\(\s?\d{2}\s?,\s?$")
_GENITIVES = frozenset(("del", "della", "dell'", "de", "du", "d'", "des", "of", "beim"))
_NEW_ROLE = re.compile(r"(?<![a-z])(?:new|neuer|neue|nouveau|nouvelle|nuovo|nuova|nuevo|nueva)\s")

# destination strength, origin strength, side role (roles.RIVAL/PLACE/WITHDRAWN/GO), club it stands for instead
Cue = tuple[float, float, str, str | None]


@dataclass(frozen=True, slots=True)
class Direction:
    from_club: str | None
    to_club: str | None
    to_score: float
    from_score: float
    withdrawn: tuple[str, ...] = ()  # clubs the text says pulled out (the claim for them is collapsed)


_HISTORIC_AFTER = re.compile(
    r"^[^.;\n]{0,12}?(\(\d{4}|\bin (19|20)\d\d|\ben (19|20)\d\d|\bim (jahr|sommer|winter) (19|20)|\bnel (19|20)\d\d)"
    r"|^[^.;\n]{0,40}?(last season|last year|previous season|vergangenen saison|letzten saison|vorigen saison|"
    r"vorsaison|verliehen|ausgeliehen|saison derniere|la saison passee|scorsa stagione|stagione scorsa|"
    r"temporada pasada|la pasada temporada|previously)"
)


# A club named as where the player used to be: "during his time at Fiorentina", "his former club", "ex-Bayern".
_HISTORIC_BEFORE = re.compile(
    r"(?:(?:during|in|over) (?:his|her|their) (?:time|spell|stint|days|years|loan spell)|formerly) (?:at|with|of)"
    r"(?: the)?\s?$|(?:his|her|their) (?:former|old|previous) (?:club|side|team|employers?)(?: the)?\s?$|"
    r"(?<![a-z])ex-$|(?:wahrend|in) seiner zeit (?:bei|beim|in)\s?$|(?:sein|seinem|seinen) (?:ex-?|alten |fruheren )"
    r"(?:klub|verein|club)\s?$|(?:lors de|pendant) son passage (?:a|au|chez)\s?$|son ancien club(?: de| du)?\s?$|"
    r"durante (?:su|la sua) (?:etapa|paso|esperienza|avventura) (?:en|al|alla|all'|in)(?: el)?\s?$|"
    r"(?:su|il suo) (?:ex|antiguo|vecchio) (?:equipo|club|club)(?: del| de)?\s?$"
)

_PAST_HINT = re.compile(
    r"time|spell|stint|days|years|formerly|former|old|previous|ex-|zeit|ex|alten|fruheren|"
    r"passage|ancien|etapa|paso|esperienza|avventura|antiguo|vecchio"
)

# "(noch) von X (an Y) ausgeliehen": borrowed from X, which owns him; not a past club.
_LENT_BY_BEFORE = re.compile(r"(?<![a-z])(?:von|vom)(?: der| dem| den)?\s?$")
_LENT_AFTER = re.compile(r"^[^.;\n]{0,40}?(?:verliehen|ausgeliehen)")

# Words one of which every _HISTORIC_AFTER match contains (a cheap test first).
_HISTORIC_HINT = re.compile(
    r"\(|19|20|last|previous|vergangen|letzten|vorigen|vorsaison|liehen|derniere|passee|scorsa|pasada"
)

_BID_AFTER = re.compile(
    r"^(?:'s?|\s(?:have|has|had|are|were)(?: (?:now|already|reportedly|also|just|had|seen|saw|made|submitted|"
    r"lodged|tabled|launched|placed|put in|opened))*(?: their| its| an?| the)?) (?:[a-z-]+ ){0,2}"
    r"(?:[€£$]?\d[\d.,]*\s?(?:m|million|bn)? )?(?:bid|offer|approach|proposal|interest|pursuit|move|attempt|advances)"
    r"|^\s(?:den|die|das)\s(?:[a-z0-9-]+\s){0,3}?(?:verpflichten|holen|kaufen|fest verpflichten)\s"
    r"(?:will|wollen|mochte|mochten|soll|sollen|konnte|konnten|wurde|wurden)"
)


# Descriptor words may stand between a cue and its club ("joins Premier League side Arsenal"), prepositions may not:
# "Liebling beim FC Schalke" is not "zum ... Schalke".
_GAP_STOP = (
    r"(?:from|at|by|of|with|in|on|to|for|and|von|vom|bei|beim|mit|im|am|zu|zum|zur|nach|fur|und|de|du|des|d'|chez|"
    r"avec|pour|et|dans|da|dal|dalla|dai|con|per|nel|nella|e|desde|del|en|para|por|y|le|la|les|il|el|los|the)"
)


def _compile(table: dict[str, str], language: str, descriptors: bool) -> re.Pattern[str]:
    parts = table["any"]
    if language in table:
        parts = f"{parts}|{table[language]}"
    gap = rf"(?:\s(?!{_GAP_STOP}\b)[a-z'-]{{2,25}}){{0,2}}?" if descriptors else ""
    return re.compile(rf"(?<![a-z])(?:{parts}){gap}{_ART}")


_CACHE: dict[tuple[str, str], re.Pattern[str]] = {}


def _pattern(kind: str, language: str) -> re.Pattern[str]:
    key = (kind, language)
    if key not in _CACHE:
        table = {"to": _TO_BEFORE, "from": _FROM_BEFORE, "weak_to": _WEAK_TO}[kind]
        _CACHE[key] = _compile(table, language, kind != "weak_to")
    return _CACHE[key]


_CLAUSE_SPLIT = re.compile(r"[.!?;\n]|, (?=\w)")


def mention_cues(low: str, clubs: list[ClubMention], language: str) -> list[Cue]:
    """Per club mention, how strongly the words around it mark a destination and an origin (weights aside),
    and its side role: a rival bidder, a city named like a club, or a club that withdrew."""
    to_re = _pattern("to", language)
    weak_to_re = _pattern("weak_to", language)
    from_re = _pattern("from", language)
    out: list[Cue] = []
    prev_end = -1
    present = {m.club for m in clubs if low[m.start : m.end] not in cities()}
    for m in clubs:
        before = _CLAUSE_SPLIT.split(low[max(0, m.start - 45) : m.start])[-1]
        subject_before = prev_end >= m.start - len(before)  # another club earlier in the same clause
        prev_end = m.end
        after = low[m.end : m.end + 60]
        historic = _HISTORIC_HINT.search(after) and _HISTORIC_AFTER.match(after)
        if historic and _LENT_BY_BEFORE.search(before) and _LENT_AFTER.match(after):
            historic = None  # "von Manchester City nach Gelsenkirchen ausgeliehen": the club that owns him
        if historic or (_PAST_HINT.search(before) and _HISTORIC_BEFORE.search(before)):
            out.append((0.0, 0.0, PAST, None))
            continue
        strong_to = to_re.search(before) is not None
        verb_after = _TO_AFTER.match(after) or _BID_AFTER.match(after)
        role = club_role(before, after, low[m.start : m.end], strong_to)
        if role == RIVAL and verb_after:
            role = ""  # "rivals Arsenal have made a bid": a bidder in its own right
        if role == RIVAL:
            out.append((0.0, 0.0, role, None))
            continue
        if not role and returns_to(before, after):
            role = RETURN  # scored as a destination; a declined loan option turns it round (see loans)
        instead = city_club(low[m.start : m.end], m.club, present) if role in (PLACE, GO) else None
        fm = from_re.search(before)
        if fm and strong_to and fm.group().split()[0] in _GENITIVES:
            fm = None  # "interesse dell'Arsenal", "oferta del Tottenham": the bidder, not the owner
        keeps = _KEEP_AFTER.match(after)
        to = 0.0
        if (strong_to or verb_after) and not keeps:
            to = 1.0
        elif not fm and weak_to_re.search(before):
            to = 0.5  # not when the words are an origin's: "goodbye to"
        frm = 0.0
        possessive = _POSSESSIVE_ROLE.match(after)
        if possessive and _NEW_ROLE.search(after, 0, possessive.end()):
            to, possessive = 1.0, None  # "Tottenham's new striker"
        if fm or keeps or _FROM_AFTER.match(after) or possessive:
            frm += 1.0
        if _PAREN_CLUB.search(low[max(0, m.start - 12) : m.start]):
            frm += 1.0
        if subject_before and not verb_after and talks_with_object(before):
            to, frm = 0.0, max(frm, 1.0)  # "Bayern have opened talks with Stuttgart": the other party sells
        if role == GO:
            to = 1.0
        if role == PLACE:
            to = 0.0
            if instead:
                role = ""  # "atteso a Torino" in a Juventus story: Juventus's city; no destination cue
        out.append((to, frm, role, instead))
    return out


def resolve_direction(
    low: str,
    clubs: list[ClubMention],
    language: str,
    weight_of: dict[int, float],
    cues: list[Cue] | None = None,
    lead_end: int = 0,
) -> Direction:
    """Pick destination and origin clubs; `weight_of` maps a club mention start to its relevance weight.

    `cues` are the precomputed `mention_cues` (they do not depend on the weights, so one document computes them once).
    A club the lead (text before `lead_end`: headline or first sentence) names as the destination is the
    destination, whatever rivals the body goes on to list: news puts its story first.
    """
    if cues is None:
        cues = mention_cues(low, clubs, language)
    to_score: dict[str, float] = {}
    from_score: dict[str, float] = {}
    count: dict[str, float] = {}
    first_seen: dict[str, int] = {}
    withdrawn: dict[str, float] = {}
    lead_to: dict[str, float] = {}
    for m, (to, frm, role, instead) in zip(clubs, cues, strict=True):
        w = weight_of.get(m.start, 1.0) * (0.6 if m.weak else 1.0)
        if w <= 0 or role in (RIVAL, PAST) or (role == PLACE and not frm):
            continue
        club = instead or m.club
        if role == WITHDRAWN:
            withdrawn[club] = withdrawn.get(club, 0.0) + w
            continue
        count[club] = count.get(club, 0.0) + w
        first_seen.setdefault(club, m.start)
        if to:
            to_score[club] = to_score.get(club, 0.0) + to * w
            if m.start < lead_end and to >= 1.0 and w >= 1.0:
                lead_to[club] = lead_to.get(club, 0.0) + to * w
        if frm:
            from_score[club] = from_score.get(club, 0.0) + frm * w
    if not count and withdrawn:
        club = max(withdrawn, key=lambda c: withdrawn[c])
        return Direction(None, club, 0.0, 0.0, (club,))
    if not count:
        return Direction(None, None, 0.0, 0.0)
    gone = tuple(c for c in withdrawn if c not in count or to_score.get(c, 0.0) <= withdrawn[c])
    net_to = {c: to_score.get(c, 0.0) - 0.7 * from_score.get(c, 0.0) for c in count if c not in gone}
    to_club = None
    lead = {c: net_to[c] for c in lead_to if c in net_to and net_to[c] > 0}
    if lead:
        to_club = max(lead, key=lambda c: (lead_to[c], net_to[c], count[c], -first_seen[c]))
    elif to_score and net_to:
        to_club = max(net_to, key=lambda c: (net_to[c], count[c], -first_seen[c]))
        if net_to[to_club] <= 0:
            to_club = None
    net_from = {c: from_score.get(c, 0.0) - 0.7 * to_score.get(c, 0.0) for c in count if c != to_club and c not in gone}
    from_club = None
    if net_from:
        best = max(net_from, key=lambda c: (net_from[c], count[c], -first_seen[c]))
        if net_from[best] > 0:
            from_club = best
    if to_club is None and gone:
        to_club = max(gone, key=lambda c: withdrawn[c])  # no other club is said to want him
    if to_club is None:
        rest = [c for c in count if c != from_club]
        if rest:
            to_club = max(rest, key=lambda c: (count[c], -first_seen[c]))
    if from_club is None:
        rest = [c for c in count if c != to_club and c not in gone]
        if rest:
            from_club = max(rest, key=lambda c: (count[c], -first_seen[c]))
    return Direction(from_club, to_club, to_score.get(to_club or "", 0.0), from_score.get(from_club or "", 0.0), gone)
