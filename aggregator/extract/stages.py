"""Deal stage: cue phrases per stage in five languages and the rule that picks the furthest asserted stage."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .scan import CueScanner

__all__ = ["STAGES", "STAGE_RANK", "StageCue", "decide_stage", "find_stage_cues"]

STAGES = ("interest", "talks", "bid", "agreed", "medical", "done", "denied", "collapsed", "exit_only")
# Ordered stages rank 0..5. The three terminal/side stages rank below "interest" so that sorting by rank
# never treats them as progress: denied = -1 (a party denies the rumour), collapsed = -2 (the move was
# on and fell through, or the player stayed/renewed), exit_only = -3 (the player leaves, no destination).
STAGE_RANK: dict[str, int] = {
    "interest": 0,
    "talks": 1,
    "bid": 2,
    "agreed": 3,
    "medical": 4,
    "done": 5,
    "denied": -1,
    "collapsed": -2,
    "exit_only": -3,
}

_CUES: dict[str, str] = {
    "done": (
        r"has (now )?(officially )?(signed|joined|completed)|have (officially )?(signed|completed|confirmed)|"
        r"signed for|signs for|signed a (\w+[- ])?(year|deal|contract)|"
        r"completed (his|a|the) (move|transfer|switch|signing)|"
        r"completes? (move|transfer|switch)|officially (joined|announced|confirmed|unveiled|completed|signed)|"
        r"announced the signing|confirmed the (signing|arrival|transfer|departure|sale)|unveiled|"
        r"is (now )?officially|official:|deal (is )?(now )?complete|joins [a-z]|(has|have|had) joined [a-z]|"
        r"ist perfekt|perfekt:|offiziell|unterschrieben|unterschreibt|hat .{0,30} verpflichtet|"
        r"hat .{0,20}unterzeichnet|neuzugang|vollzogen|gab .{0,40}bekannt|bestatigt|heuert .{0,30} an|"
        r"c'est officiel|officialise|officiellement|a signe|s'est engage|s'engage|nouveau joueur d|"
        r"est officiel|ufficiale|ufficializzato|ufficialita|ha firmato|e un nuovo giocatore|nuovo acquisto|"
        r"oficial|ha firmado|firma con|nuevo jugador d|es nuevo|presentado como|hace oficial|anuncia el fichaje"
    ),
    "medical": (
        r"medical|medizincheck|medizinische|medizin-check|untersuchung|visite medicale|visites medicales|"
        r"visite mediche|visita medica|reconocimiento medico|revision medica|pruebas medicas|examens medicaux"
    ),
    "agreed": (
        r"here we go|agreement|agreed|agree (a |on )?(fee|deal|terms)|reached an? (agreement|deal)|"
        r"deal (is )?(done|in place|struck)|set to (join|sign|complete|move)|poised to|"
        r"green light|verge of|final details|finalis|finaliz|done deal|"
        r"einigung|einig\b|geeinigt|ist fix|sind fix|wechsel fix|zusage|steht kurz vor|vor dem abschluss|"
        r"handelseinig|grunes licht|accord\b|accords\b|d'accord|trouve un accord|va devenir|tout proche|"
        r"unterschrift|signature|la firma|firmera|"
        r"accordo|intesa|fumata bianca|raggiunt|pochi dettagli|manca solo|chiusura|definizione|via libera|"
        r"acuerdo|pacto|cerrado|luz verde|ultimos detalles|inminente"
    ),
    "bid": (
        r"\bbids?\b|offer|offered|proposal|tabled|lodged|submitted|approach(ed)? (for|with)|"
        r"angebot|offerte|geboten|bietet|offre|propose|proposition|offerta|offerto|proposta|rilancio|"
        r"oferta|ofrecido|propuesta|puja"
    ),
    "talks": (
        r"talks\b|negotiat|personal terms|in contact|contacts?\b|discussions|discussing|in dialogue|"
        r"gesprache|verhandlungen|verhandel|verhandlung|kontakt|gesprach|"
        r"negociation|discussions|pourparlers|contact|discute|"
        r"trattativa|trattative|contatti|colloqui|dialogo|negoziat|"
        r"negociacion|conversaciones|contactos|negocia|dialogo"
    ),
    "interest": (
        r"interest|interested|keen on|target|linked|eyeing|monitoring|admire|want(s|ed)? to sign|shortlist|"
        r"interesse|interessiert|kandidat|auf dem zettel|im visier|beobachtet|buhlt|umworben|"
        r"interet|interesse|cible|piste|convoite|courtise|"
        r"mirino|obiettivo|nel mirino|sondaggio|pista|"
        r"interes|interesa|objetivo|en la agenda|sigue de cerca|pretende"
    ),
    "collapsed": (
        r"collapsed|fell through|falls through|broke(n)? down|called off|pulled out|walked away|abandon|"
        r"ended (his|their) interest|new (three|two|four|five|one)?-?(year )?(deal|contract) (with|at)|"
        r"extended (his|the) contract|contract extension|signed a new|penned a new|commit(s|ted)? (his|her) future|"
        r"snub|stay(s|ing)? at|remain(s|ing)? at|will remain|is staying|u-turn|rejects? (a |the )?move|"
        r"turned down (a |the )?move|collapse|pull(s|ing)? out|withdr[ae]w|drop(ped|s)? out of|"
        r"(zieht|ziehen|zog|zogen) sich [^.;]{0,40}zuruck|zuruckgezogen|ausgestiegen|"
        r"se retire|se retirent|s'est retire|renonce|si ritira|si (e|sono) ritirat|si sfila|si (e|sono) sfilat|"
        r"se retira|se ha retirado|se retiro|desiste|"
        r"geplatzt|gescheitert|abgesagt|absage|zerschlagen|ruckzieher|nicht ziehen|bleibt beim|verlangert|"
        r"kein wechsel|kommt nicht|abgeblasen|"
        r"echoue|capote|tombe a l'eau|avorte|prolonge|prolongation|reste au|reste a|"
        r"saltat|salta\b|sfumat|naufragat|rinnov|resta alla|resta al|rimane|"
        r"se cae|fracas|frustrad|se rompe|renueva|renovacion|se queda"
    ),
    "denied": (
        r"\bdenied|\bdenies|\bdeny|no truth|nothing to (it|the)|not for sale|no intention|rules? out|ruled out|"
        r"dementi|dementiert|kein thema|kein interesse|ausgeschlossen|"
        r"dement|aucun contact|pas a vendre|"
        r"smentit|smentisc|nessun contatto|non e in vendita|"
        r"desmient|desmentid|ningun contacto|no esta en venta|descarta"
    ),
    "exit_only": (
        r"leaves? the club|will leave|to leave|departure|farewell|exit|released|"
        r"verlasst|verlassen|abschied|abgang|"
        r"quitte|quitter|depart|adieu|"
        r"lascia|lasciare|addio|"
        r"deja el|dejara|abandona|salida|adios|despedida"
    ),
}

_SCANNER = CueScanner(_CUES)
_OFFER_AFTER = re.compile(r"[a-z]*\s(angebot|offer|bid|approach|anfrage|proposal)")  # "ein offizielles Angebot"
_OFFER_BEFORE = re.compile(r"(offer|offerta|offre|oferta|angebot|bid|proposta|propuesta)\s+$")
_NEGATED = re.compile(
    r"(?<![a-z])(no|not|never|kein|keine|keinerlei|nicht|nie|pas|aucun|aucune|jamais|non|nessun|nessuna|nessuno|mai|"
    r"ningun|ninguna|nunca|sin|without|ohne|denies|dementi)\s+(\w+\s+){0,2}$"
)
# A bid someone is ready or studying to make has not been made: "prepared to offer", "studia un'offerta".
_PROSPECTIVE = re.compile(
    r"(?<![a-z])(prepared to|ready to|willing to|plan(s|ning)? to|consider(s|ing)?|could|would|may|might|"
    r"bereit|erwagt|erwagen|plant|planen|konnte|wurde|pret a|prete a|pourrait|envisage|"
    r"pronto a|pronta a|disposto a|disposta a|studia|studiando|valuta|valutando|potrebbe|possibilita di|"
    r"dispuesto a|dispuesta a|podria|estudia|planea|prepara)\s+(\w+\s+){0,3}$"
)
_CONDITIONAL = re.compile(
    r"(?<![a-z])(if|in case of|should|im falle|falls|bei einem|en cas de|si|in caso di|in caso|se|en caso de)"
    r"\s+(\w+\s+){0,2}$"
)
_HEDGE = re.compile(
    r"(?<![a-z])(wohl|probably|likely|probabilmente|probablement|probablemente|voraussichtlich)\s+(\w+\s+){0,3}$"
)


_FUTURE = re.compile(
    r"(va|vont|will|wird|werden|set to|poised to|about to|close to|expected to|could|would|should|sta per|"
    r"esta a punto de|pourrait|potrebbe|podria|soll|sollen|konnte|fast|nearly|almost|quasi|presque|casi|"
    r"kurz vor|vicino|vicinissim|proche|bald|soon|in the coming|dans les prochains|nelle prossime|"
    r"en las proximas|attesa|expected|erwartet|prevue|prevista|if|wenn|falls|si|se)\s+(\w+\s+){0,3}$"
)


# An agreement the text only expects: "Eine Einigung gilt als wahrscheinlich", "an agreement is expected".
_HEDGED_AFTER = re.compile(
    r"[^.;]{0,25}?(gilt (\w+ )?als (wahrscheinlich|moglich|realistisch)|(is|seems|looks) (expected|likely|possible)|"
    r"e probabile|sembra (probabile|vicino)|semble (probable|proche)|parece (probable|cercano)|"
    r"wahrscheinlich|probable|probabile)"
)
_WITH_PLAYER_BEFORE = re.compile(
    r"(with the player|with the (striker|midfielder|defender|winger|forward)|mit dem spieler|avec le joueur|"
    r"con il calciatore|con il giocatore|col giocatore|con el jugador|con el futbolista)[^.;]{0,60}$"
)
_WITH_PLAYER = re.compile(
    r"[^.;]{0,25}?(with the player|with the (striker|midfielder|defender|winger|forward)|mit dem spieler|"
    r"mit dem (sturmer|verteidiger|angreifer)|avec le joueur|con il calciatore|con il giocatore|col giocatore|"
    r"con l'attaccante|con el jugador|con el futbolista)"
)


@dataclass(frozen=True, slots=True)
class StageCue:
    start: int
    stage: str


# A gentleman's agreement (that a player may leave, say) is an understanding, not an agreement between clubs.
_INFORMAL = re.compile(r"gentle(?:man|men)'?s?\s?$")


def find_stage_cues(low: str) -> list[StageCue]:
    """All stage cue positions in a folded lower-case text."""
    cues: list[StageCue] = []
    found = _SCANNER.scan(low)
    side = {m.start() for stage in ("collapsed", "denied") for m in found[stage]}
    for stage, matches in found.items():
        for m in matches:
            if stage in ("agreed", "talks", "bid", "medical", "done") and _NEGATED.search(
                low[max(0, m.start() - 30) : m.start()]
            ):
                continue
            if stage == "agreed" and _INFORMAL.search(low[max(0, m.start() - 16) : m.start()]):
                continue  # "a gentleman's agreement means he can leave": an understanding, not a deal
            if stage == "done" and (
                any(abs(m.start() - p) < 8 for p in side)
                or _OFFER_BEFORE.search(low[max(0, m.start() - 12) : m.start()])
                or _OFFER_AFTER.match(low, m.end(), m.end() + 20)
            ):
                continue
            if stage == "agreed" and (
                _WITH_PLAYER.match(low, m.end(), m.end() + 45)
                or _WITH_PLAYER_BEFORE.search(low, max(0, m.start() - 80), m.start())
                or _HEDGED_AFTER.match(low, m.end(), m.end() + 60)
            ):
                stage = "talks"  # terms with the player only, or an expected agreement; the clubs still negotiate
            if stage == "done" and (
                _FUTURE.search(low[max(0, m.start() - 40) : m.start()])
                or _HEDGE.search(low[max(0, m.start() - 40) : m.start()])
            ):
                stage = "agreed"
            if stage == "exit_only" and _CONDITIONAL.search(low[max(0, m.start() - 30) : m.start()]):
                continue  # "in case of a farewell": no departure asserted
            if stage == "bid" and _PROSPECTIVE.search(low[max(0, m.start() - 45) : m.start()]):
                stage = "interest"
            cues.append(StageCue(m.start(), stage))
    return cues


def decide_stage(cues: list[StageCue], weights: dict[int, float], lead_end: int, has_destination: bool) -> str:
    """The furthest stage asserted; collapses and denials win only when the lead or the bulk says so.

    `weights` gives a relevance weight per cue start (cues in sentences about the main player count more);
    cues with weight 0 are ignored. `lead_end` is where the headline/lead ends.
    """
    score: dict[str, float] = {}
    lead: dict[str, float] = {}
    for cue in cues:
        w = weights.get(cue.start, 1.0)
        if w <= 0:
            continue
        score[cue.stage] = score.get(cue.stage, 0.0) + w
        if cue.start < lead_end:
            lead[cue.stage] = lead.get(cue.stage, 0.0) + w
    ordered = [s for s in STAGES[:6] if score.get(s, 0.0) >= 0.5]
    best = ordered[-1] if ordered else None
    for side in ("denied", "collapsed"):
        side_score = score.get(side, 0.0)
        if side_score <= 0:
            continue
        if lead.get(side, 0) > 0 and lead.get("done", 0) == 0:
            return side
        if side_score >= 2 and side_score > score.get("done", 0) + score.get("agreed", 0) + score.get("medical", 0):
            return side
    if best == "done" and score.get("done", 0) < 1.0 and "agreed" in ordered:
        best = "agreed"
    if not has_destination and score.get("exit_only", 0) > 0 and best in (None, "interest", "done"):
        return "exit_only"
    return best or "interest"
