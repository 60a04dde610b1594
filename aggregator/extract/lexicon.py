"""Word lists for telling player names apart: stop words, name particles, role words and player descriptors."""

from __future__ import annotations

from .text import words_of

__all__ = ["ARTICLES", "HINT_ENDINGS", "PARTICLES", "ROLE_ENDINGS", "STOP", "ends_with_any"]

STOP = words_of(
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

PARTICLES = words_of("de da di del della van von der den dos das du le la el al bin ben ter ten mc")
ARTICLES = words_of(
    "der die das den dem des ein eine einen einem einer kein keine the a an le la les un une du il lo gli "
    "el los las del al seine seinen seinem ihren ihrem sein unser unseren"
)


def _endings(text: str) -> tuple[str, ...]:
    """Whitespace-separated endings; "_" stands for a space inside one."""
    return tuple(w.replace("_", " ") for w in text.split())


# A mention preceded by one of these (text ending with it, up to three non-word characters between) names a
# coach, official, agent, relative or journalist; German compounds ("Cheftrainer") end with the role word too.
ROLE_ENDINGS = _endings(
    """
    coach manager boss trainer director president prasident presidente ceo chairman owner co-owner
    miteigentumer eigentumer agent agents berater agente procuratore representante journalist reporter giornalista
    journaliste periodista insider expert entraineur allenatore tecnico entrenador mister ds sportdirektor
    sportvorstand sportchef spokesman sprecher mother father brother sister wife mutter vater bruder mere pere
    madre padre minister ministre ministro mayor burgermeister referee schiedsrichter arbitre arbitro teammate
    legend legende leggenda former ex- pundit analyst commentator chief executive vorstand geschaftsfuhrer
    dirigente dg direttore_sportivo director_deportivo
    """
)

HINT_ENDINGS = _endings(
    """
    striker forward midfielder defender centre-back center-back winger goalkeeper keeper full-back fullback
    left-back right-back playmaker international star youngster wonderkid talent captain signing target player
    sturmer mittelfeldspieler verteidiger innenverteidiger torwart torhuter flugelspieler aussenverteidiger
    nationalspieler abwehrspieler offensivspieler spielmacher neuzugang profi kapitan attaquant milieu defenseur
    gardien ailier buteur lateral attaccante centrocampista difensore portiere esterno centravanti bomber
    fantasista terzino regista delantero mediocentro defensa central portero extremo mediapunta jugador joueur
    giocatore spieler calciatore crack fenomeno pepite gioiello perla centre_back
    """
)


def ends_with_any(before: str, endings: tuple[str, ...]) -> bool:
    """True when `before`, less up to three trailing non-word characters, ends with one of `endings`."""
    n = len(before)
    for j in range(4):
        if before[: n - j].endswith(endings):
            return True
        if j >= n or before[n - j - 1].isalnum() or before[n - j - 1] == "_":
            return False
    return False
