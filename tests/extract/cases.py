"""Test sentences for extraction: one report written for a test, and what a reader takes from it; each is read
twice, alone and inside the furniture of the page it might have been cut from."""

from __future__ import annotations

from dataclasses import dataclass, field

from aggregator.extract import Claim, extract_claims


@dataclass(frozen=True)
class Case:
    """A report and what it says; ``None`` fields are not checked (to_club=None is written as NO_CLUB)."""

    text: str
    player: str | None = None
    from_club: str | None = None
    to_club: str | None = None
    stage: str | None = None
    title: str = ""
    fee_eur: float | None = None
    cited: tuple[str, ...] = field(default=())  # each must be among the claim's cited sources
    furniture: bool = True  # also read inside page furniture (see FURNITURE)

    def __str__(self) -> str:  # the test id
        return (self.title + " " + self.text)[:70]


NO_CLUB = "<none>"  # expect no club in that role

# Real page excerpts carry a menu line first, then teasers of other deals, a comment count and a newsletter
# box. Per language: what comes before the story and what after it; the teasers name other players, other clubs and
# stages further along than many of the stories.
FURNITURE = {
    "en": (
        "Home | Football | Transfers | Premier League\nTransfer news LIVE\n",
        "\nMore on this story\nChelsea complete £30m signing of Marcus Webb from Everton\n"
        "Liverpool agree deal for Ilias Benali\nComments (14)\nSign up to our newsletter. Follow us on Facebook.",
    ),
    "de": (
        "Startseite | Fußball | Bundesliga | Transfers\nTransfer-Ticker\n",
        "\nMehr zum Thema\nOffiziell: Hertha BSC verpflichtet Timo Berger vom VfL Bochum\nHSV einig mit Lukas Meier\n"
        "Kommentare (14)\nJetzt Newsletter abonnieren.",
    ),
    "fr": (
        "Accueil | Football | Ligue 1 | Mercato\nMercato en direct\n",
        "\nÀ lire aussi\nOfficiel : Lens s'offre Hugo Lambert, en provenance de Brest\nNice tout proche de Louis "
        "Garnier\nCommentaires (14)\nInscrivez-vous à la newsletter.",
    ),
    "it": (
        "Home | Calcio | Serie A | Calciomercato\nCalciomercato LIVE\n",
        "\nLeggi anche\nUfficiale: il Genoa ha preso Marco Ferri dal Sassuolo\nLazio, accordo raggiunto per Luca "
        "Bassi\nCommenti (14)\nIscriviti alla newsletter.",
    ),
    "es": (
        "Inicio | Fútbol | LaLiga | Fichajes\nMercado de fichajes en directo\n",
        "\nTe puede interesar\nOficial: el Getafe ficha a Pablo Soria procedente del Celta\nEl Betis cierra a Javier "
        "Ruiz\nComentarios (14)\nSuscríbete a nuestra newsletter.",
    ),
}


def check(case: Case, language: str) -> Claim:
    """Extract the case's main claim and compare every field the case states, all at once."""
    claims = extract_claims(case.text, title=case.title, language=language)
    assert claims, f"no claim from: {case.text}"
    claim = claims[0]
    got: dict[str, object] = {}
    want: dict[str, object] = {}
    for name in ("player", "from_club", "to_club", "stage"):
        expected = getattr(case, name)
        if expected is None:
            continue
        actual = getattr(claim, name)
        want[name] = None if expected == NO_CLUB else expected
        got[name] = actual
    if case.fee_eur is not None:
        want["fee_eur"], got["fee_eur"] = case.fee_eur, claim.fee_eur
    for source in case.cited:
        want[f"cites {source}"], got[f"cites {source}"] = True, source in claim.cited_sources
    assert got == want, f"{case.text!r}\n  got  {got}\n  want {want}"
    if case.furniture and language in FURNITURE:
        head, tail = FURNITURE[language]
        page = head + (case.title + "\n" if case.title else "") + case.text + tail
        claims = extract_claims(page, language=language)
        on_page = {name: getattr(claims[0], name) if claims else "<no claim>" for name in got if name in _FIELDS}
        alone = {name: value for name, value in got.items() if name in _FIELDS}
        assert on_page == alone, f"inside page furniture {case.text!r}\n  got  {on_page}\n  want {alone}"
    return claim


_FIELDS = ("player", "from_club", "to_club", "stage")
