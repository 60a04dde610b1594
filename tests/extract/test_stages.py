"""The stage a report asserts: the furthest cue about the player's deal, read with the words around it."""

from __future__ import annotations

import pytest

from aggregator.extract import extract_claims
from aggregator.extract.cues import READ_AS, STAGE_OF_CLASS, StageCue
from aggregator.extract.stage import decide_stage


def _stage(text: str, language: str, title: str = "") -> str:
    claims = extract_claims(text, title=title, language=language)
    assert claims, text
    return claims[0].stage


@pytest.mark.parametrize(
    ("text", "language", "stage"),
    [
        ("Newcastle United's bid for Ivan Petrov was rejected by Benfica.", "en", "bid"),
        ("Talks between Chelsea and Porto over Rui Gomes have stalled.", "en", "talks"),
        (
            "Der Wechsel von Lars Hoffmann zum Hamburger SV ist geplatzt, Hertha BSC erteilte eine Absage.",
            "de",
            "collapsed",
        ),
        ("Le Paris FC dément tout contact avec Karim Haddad, annoncé proche de Nantes.", "fr", "denied"),
        ("Fabio Conti ha svolto le visite mediche con la Roma, arrivando dal Genoa.", "it", "medical"),
        ("Álvaro Ruiz pasó el reconocimiento médico con el Sevilla tras dejar el Celta.", "es", "medical"),
        ("Here we go! Nico Brandt to Bayer Leverkusen from Hoffenheim, agreement done.", "en", "agreed"),
    ],
)
def test_each_stage_in_its_own_words(text: str, language: str, stage: str) -> None:
    assert _stage(text, language) == stage


@pytest.mark.parametrize(
    ("language", "text", "stage"),
    [
        # no offer has come in: only interest
        ("it", "La Lazio segue Luca Ferraresi del Torino, ma non è arrivata nessuna offerta ufficiale.", "interest"),
        # an offer someone is ready to make has not been made
        (
            "en",
            "Everton are prepared to offer Leeds a fee for striker Sam Whitby, who is also linked with Fulham.",
            "interest",
        ),
        # a move that would follow a departure is a wish
        (
            "it",
            "Piero Sandri del Genoa piace all'Atalanta: in caso di addio a gennaio sarebbe il primo obiettivo.",
            "interest",
        ),
        # a signature reported as probable is an agreement, not yet done
        ("de", "Lukas Brandner hat wohl beim VfB Stuttgart unterschrieben, meldet der Kicker.", "agreed"),
        # set to join: agreed
        ("en", "Jamal Ortega is set to join Aston Villa from Lyon.", "agreed"),
        # an agreement the text only expects
        (
            "de",
            "Der FC Bayern hat dem VfB Stuttgart ein erstes offizielles Angebot für Jonas Kellner vorgelegt. Eine"
            " Einigung gilt als wahrscheinlich.",
            "bid",
        ),
        # German negates after the verb
        ("de", "Der 1. FC Köln verpflichtet Emil Hartwig nicht, die Gespräche mit dem HSV ruhen.", "talks"),
        # an "official offer" is an offer
        ("en", "Brighton have received an official offer from Wolves for Jamal Ortega.", "bid"),
        # a move of years ago is background
        (
            "de",
            "Timo Brandt wechselte 2019 vom VfL Bochum zu Schalke 04. Jetzt ist der FC Augsburg interessiert.",
            "interest",
        ),
    ],
)
def test_modifiers_change_what_a_cue_asserts(language: str, text: str, stage: str) -> None:
    assert _stage(text, language) == stage


def test_a_gentlemans_agreement_is_no_agreement_between_clubs() -> None:
    text = (
        "Everton have turned down Wolves' £30m offer for Jack Linton. The Everton chairman said a gentleman's "
        "agreement allows Linton to go if a club pays his valuation."
    )
    assert _stage(text, "en") == "bid"


def test_personal_terms_are_talks() -> None:
    assert (
        _stage("Jamal Ortega has agreed personal terms with Aston Villa, who are still negotiating with Lyon.", "en")
        == "talks"
    )


def test_a_collapse_in_the_lead_wins_over_the_story_behind_it() -> None:
    text = "Leon Hartley's move to Fulham has collapsed. The clubs had agreed a £20m fee last week."
    assert _stage(text, "en", title="Hartley deal off") == "collapsed"


def test_the_modifier_table_speaks_only_of_known_stages() -> None:
    stages = set(STAGE_OF_CLASS.values())
    for table in READ_AS.values():
        assert set(table) <= stages
        assert {s for s in table.values() if s is not None} <= stages | {"denied"}


def _cue(start: int, stage: str) -> StageCue:
    cls = next(c for c, s in STAGE_OF_CLASS.items() if s == stage)
    return StageCue(start, start + 5, cls, stage, None, stage)


def test_one_faint_further_cue_does_not_outvote_what_the_story_keeps_saying() -> None:
    # six bid cues about the player (weight 1 each) and one aside far from him (weight 0.6) that reads as done
    cues = [_cue(100 + 50 * i, "bid") for i in range(6)] + [_cue(900, "done")]
    weights = {900: 0.6}
    assert decide_stage(cues, weights, lead_end=80, has_destination=True).stage == "bid"


def test_a_further_stage_in_the_lead_or_with_weight_is_the_story() -> None:
    bids = [_cue(100 + 50 * i, "bid") for i in range(6)]
    in_lead = decide_stage([*bids, _cue(10, "done")], {10: 0.6}, lead_end=80, has_destination=True)
    assert in_lead.stage == "done"
    weighty = decide_stage([*bids, _cue(900, "done"), _cue(950, "done")], {}, lead_end=80, has_destination=True)
    assert weighty.stage == "done"
    close = decide_stage([_cue(100, "bid"), _cue(150, "bid"), _cue(900, "done")], {900: 0.6}, 80, True)
    assert close.stage == "done"  # two bids are not enough to call the completion an aside


def test_a_completion_stronger_than_the_departure_stays_done_without_a_destination() -> None:
    # "signed for a new club" twice, "leaves" once: a completed move whose buyer the text did not name clearly
    signed = decide_stage([_cue(100, "done"), _cue(300, "done"), _cue(500, "exit_only")], {}, 80, False)
    assert signed.stage == "done"
    # as much about leaving as about a completion: a departure with no destination
    leaving = decide_stage([_cue(100, "done"), _cue(500, "exit_only")], {}, 80, False)
    assert leaving.stage == "exit_only"
