"""Italian reports written for these tests, in the register of the Italian football press (La Gazzetta dello
Sport, Corriere dello Sport, Tuttosport, Sky Sport, Calciomercato.com, TuttoMercatoWeb). Every player is invented;
the clubs are real and named as the registry spells them."""

from __future__ import annotations

import pytest

from tests.extract.cases import NO_CLUB, Case, check


def run(case: Case) -> None:
    check(case, "it")


def xfail(case: Case, reason: str):
    """A case the engine (Python, not the phrasebook) cannot yet read right."""
    return pytest.param(case, marks=pytest.mark.xfail(reason=reason, strict=True), id=str(case))


# --- done -------------------------------------------------------------------------------------------------------

DONE = [
    Case(
        "Il Bologna comunica di aver acquisito a titolo definitivo dal Sassuolo le prestazioni sportive del "
        "centrocampista Matteo Ravelli, legato al club emiliano per cinque stagioni.",
        title="UFFICIALE - Ravelli è un nuovo giocatore del Bologna",
        player="Matteo Ravelli",
        from_club="Sassuolo",
        to_club="Bologna",
        stage="done",
    ),
    Case(
        "Alessio Pirovano è un nuovo giocatore della Lazio. Il difensore centrale arriva dal Torino con la formula "
        "del prestito con obbligo di riscatto fissato a 12 milioni.",
        player="Alessio Pirovano",
        from_club="Torino",
        to_club="Lazio",
        stage="done",
    ),
    Case(
        "Il Napoli ha ufficializzato l'acquisto di Abdou Mbengue dal Lens: l'attaccante senegalese ha firmato "
        "un quinquennale e domani sarà presentato alla stampa.",
        player="Abdou Mbengue",
        from_club="Lens",
        to_club="Napoli",
        stage="done",
    ),
    Case(
        "Samuele Brancato si è legato alla Juventus fino al 2030. I bianconeri hanno annunciato l'arrivo "
        "dell'esterno dall'Udinese per 18 milioni più bonus.",
        title="Juve, colpo Brancato",
        player="Samuele Brancato",
        from_club="Udinese",
        to_club="Juventus",
        stage="done",
    ),
    Case(
        "Il Como ha tesserato Jonas Albrektsen. Il portiere danese arriva a parametro zero dopo la scadenza del "
        "contratto con il Copenhagen.",
        player="Jonas Albrektsen",
        to_club="Como",
        stage="done",
    ),
    Case(
        "Ecco Tommaso Giuliani: il terzino ha firmato con l'Atalanta, al Genoa vanno 9 milioni di euro.",
        title="Atalanta, è ufficiale l'arrivo di Giuliani",
        player="Tommaso Giuliani",
        from_club="Genoa",
        to_club="Atalanta",
        stage="done",
    ),
    Case(
        "Il Monza ha riscattato Nicolò Ferrandi dalla Roma: il centrocampista resterà in Brianza a titolo definitivo.",
        player="Nicolò Ferrandi",
        from_club="Roma",
        to_club="Monza",
        stage="done",
    ),
    Case(
        "Il Lecce ha ufficializzato l'arrivo in prestito con diritto di riscatto di Simone Quaranta dall'Atalanta.",
        player="Simone Quaranta",
        from_club="Atalanta",
        to_club="Lecce",
        stage="done",
    ),
    Case(
        "Gianmarco Tosatti è il nuovo difensore del Genoa: il club ha depositato il contratto in Lega, al Cagliari "
        "vanno 4 milioni.",
        player="Gianmarco Tosatti",
        from_club="Cagliari",
        to_club="Genoa",
        stage="done",
        fee_eur=4_000_000,
    ),
    Case(
        "Il Torino ha annunciato l'ingaggio di Leandro Pastorino, che ha messo nero su bianco un triennale.",
        player="Leandro Pastorino",
        to_club="Torino",
        stage="done",
    ),
    Case(
        "Mirko Bellandi è un nuovo calciatore del Sassuolo: alla Fiorentina vanno 6 milioni.",
        player="Mirko Bellandi",
        from_club="Fiorentina",
        to_club="Sassuolo",
        stage="done",
    ),
]


@pytest.mark.parametrize("case", DONE, ids=str)
def test_completed_moves_read_as_done(case: Case) -> None:
    run(case)


# --- agreed -----------------------------------------------------------------------------------------------------

AGREED = [
    Case(
        "Il Bologna ha chiuso con il Genoa per Marco Ferri: si attende solo l'ufficialità.",
        player="Marco Ferri",
        from_club="Genoa",
        to_club="Bologna",
        stage="agreed",
    ),
    Case(
        "Il Napoli ha trovato l'intesa con il Lecce per Dario Conti. L'annuncio ufficiale arriverà nei prossimi "
        "giorni.",
        player="Dario Conti",
        from_club="Lecce",
        to_club="Napoli",
        stage="agreed",
    ),
    Case(
        "Il Milan e il Feyenoord hanno trovato l'accordo per Davide Scarpellini sulla base di 22 milioni più 3 di "
        "bonus. Ora manca solo la firma del centrocampista.",
        title="Fumata bianca per Scarpellini al Milan",
        player="Davide Scarpellini",
        from_club="Feyenoord",
        to_club="AC Milan",
        stage="agreed",
        fee_eur=22_000_000,
    ),
    Case(
        "È fatta: Riccardo Morlacchi sarà un nuovo giocatore del Torino. Accordo totale con il Cagliari per il "
        "trasferimento a titolo definitivo.",
        player="Riccardo Morlacchi",
        from_club="Cagliari",
        to_club="Torino",
        stage="agreed",
    ),
    Case(
        "Roma ad un passo da Federico Lanzillotta: il Bologna ha accettato l'offerta da 15 milioni dei giallorossi.",
        player="Federico Lanzillotta",
        from_club="Bologna",
        to_club="Roma",
        stage="agreed",
    ),
    Case(
        "Intesa raggiunta tra Lazio e Verona per l'esterno Gabriele Santucci: prestito con obbligo di riscatto "
        "a 8 milioni. Il giocatore è atteso nella Capitale nel fine settimana.",
        player="Gabriele Santucci",
        from_club="Hellas Verona",
        to_club="Lazio",
        stage="agreed",
    ),
    Case(
        "Via libera del Sassuolo: Emanuele Fioravanti va all'Inter per 30 milioni bonus compresi.",
        player="Emanuele Fioravanti",
        from_club="Sassuolo",
        to_club="Inter Milan",
        stage="agreed",
    ),
    Case(
        "Stretta finale della Fiorentina per Andrea Vescovi: con l'Empoli manca solo l'ultimo sì sui bonus, "
        "poi la firma.",
        player="Andrea Vescovi",
        from_club="Empoli",
        to_club="Fiorentina",
        stage="agreed",
    ),
    Case(
        "I nerazzurri hanno chiuso con il Torino per Bruno Cattelan: al club granata 26 milioni più bonus.",
        player="Bruno Cattelan",
        from_club="Torino",
        to_club="Inter Milan",
        stage="agreed",
    ),
    Case(
        "Manca solo l'ufficialità per il passaggio di Omar Benkhalil dal Marsiglia alla Roma.",
        player="Omar Benkhalil",
        from_club="Marseille",
        to_club="Roma",
        stage="agreed",
    ),
    Case(
        "Il Sassuolo ha dato l'ok alla cessione di Cristian Ottolini al Monza: trattativa in dirittura d'arrivo.",
        player="Cristian Ottolini",
        from_club="Sassuolo",
        to_club="Monza",
        stage="agreed",
    ),
]


@pytest.mark.parametrize("case", AGREED, ids=str)
def test_agreements_between_clubs_read_as_agreed(case: Case) -> None:
    run(case)


# --- talks ------------------------------------------------------------------------------------------------------

TALKS = [
    Case(
        "La Fiorentina tratta con l'Empoli per Andrea Vescovi: tra le parti ballano ancora 3 milioni.",
        player="Andrea Vescovi",
        from_club="Empoli",
        to_club="Fiorentina",
        stage="talks",
    ),
    Case(
        "La Juventus ha trovato l'accordo con il giocatore: Ivan Kostadinov ha aperto ai bianconeri, ora la "
        "trattativa con il Club Brugge entra nel vivo.",
        player="Ivan Kostadinov",
        from_club="Club Brugge",
        to_club="Juventus",
        stage="talks",
    ),
    Case(
        "Contatti continui tra Milan e Porto per il terzino Rafael Guedes Moura. I rossoneri hanno già l'ok "
        "del giocatore sull'ingaggio, ma il club portoghese chiede di più.",
        player="Rafael Guedes Moura",
        from_club="Porto",
        to_club="AC Milan",
        stage="talks",
    ),
    Case(
        "Contatti continui tra Milan e Porto per il terzino Rafael Guedes. I rossoneri hanno già l'ok del "
        "giocatore sull'ingaggio, ma il club portoghese chiede di più.",
        player="Rafael Guedes",
        from_club="Porto",
        to_club="AC Milan",
        stage="talks",
    ),
    Case(
        "Vertice in sede per Mattia Zanardelli: i dirigenti del Napoli hanno visto i procuratori del mediano del "
        "Sassuolo.",
        player="Mattia Zanardelli",
        from_club="Sassuolo",
        to_club="Napoli",
        stage="talks",
    ),
    Case(
        "Il Bologna ha aperto una trattativa con il Parma per Lorenzo Trevisani: si discute sulla formula, "
        "prestito con diritto di riscatto.",
        player="Lorenzo Trevisani",
        from_club="Parma",
        to_club="Bologna",
        stage="talks",
    ),
    Case(
        "Accordo di massima tra Atalanta e Lecce per Simone Quaranta, ma resta da definire la percentuale "
        "sulla futura rivendita.",
        player="Simone Quaranta",
        from_club="Lecce",
        to_club="Atalanta",
        stage="talks",
    ),
    Case(
        "La Juventus tratta con il Club Brugge per Ivan Kostadinov: il centrocampista ha già detto sì ai bianconeri.",
        player="Ivan Kostadinov",
        from_club="Club Brugge",
        to_club="Juventus",
        stage="talks",
    ),
    pytest.param(
        Case(
            "Ivan Kostadinov ha detto sì alla Juventus, ora si tratta con il Club Brugge.",
            player="Ivan Kostadinov",
            from_club="Club Brugge",
            to_club="Juventus",
            stage="talks",
        ),
        marks=pytest.mark.xfail(
            reason=(
                "an agreement whose subject is the player is personal terms (talks); "
                "the engine cannot yet tell the player's yes from the clubs'"
            ),
            strict=True,
        ),
    ),
]


@pytest.mark.parametrize("case", TALKS, ids=str)
def test_talks_and_personal_terms_read_as_talks(case: Case) -> None:
    run(case)


# --- bid --------------------------------------------------------------------------------------------------------

BID = [
    Case(
        "Affondo del Napoli: presentata un'offerta da 25 milioni al Boca Juniors per Matías Olguín.",
        player="Matías Olguín",
        from_club="Boca Juniors",
        to_club="Napoli",
        stage="bid",
    ),
    Case(
        "L'Inter ha messo sul piatto 18 milioni per il difensore del Torino Bruno Cattelan.",
        player="Bruno Cattelan",
        from_club="Torino",
        to_club="Inter Milan",
        stage="bid",
    ),
    Case(
        "Rilancio della Roma per Kwame Asante: nuova proposta da 14 milioni più bonus al Salisburgo, che ne chiede 20.",
        player="Kwame Asante",
        from_club="Red Bull Salzburg",
        to_club="Roma",
        stage="bid",
    ),
    Case(
        "La Lazio ha formulato la prima offerta al Genoa per Pietro Marchesin: 7 milioni più il cartellino di un "
        "giovane della Primavera.",
        player="Pietro Marchesin",
        from_club="Genoa",
        to_club="Lazio",
        stage="bid",
    ),
    Case(
        "Offerta ufficiale della Juventus per Thiago Sarmento: al Benfica arrivano 35 milioni più 5 di bonus.",
        player="Thiago Sarmento",
        from_club="Benfica",
        to_club="Juventus",
        stage="bid",
    ),
    Case(
        "Il Torino ha respinto l'offerta del Bologna per Dario Cossu: i granata ne vogliono almeno 12.",
        player="Dario Cossu",
        from_club="Torino",
        to_club="Bologna",
        stage="bid",
    ),
]


@pytest.mark.parametrize("case", BID, ids=str)
def test_offers_read_as_bid(case: Case) -> None:
    run(case)


# --- interest ---------------------------------------------------------------------------------------------------

INTEREST = [
    Case(
        "Il Milan mette nel mirino Tommaso Giuliani, terzino del Genoa seguito da mesi dagli osservatori rossoneri.",
        player="Tommaso Giuliani",
        from_club="Genoa",
        to_club="AC Milan",
        stage="interest",
    ),
    Case(
        "Sondaggio dell'Inter per Nicola Bertagnoli, attaccante dell'Udinese: per ora nessuna offerta.",
        player="Nicola Bertagnoli",
        from_club="Udinese",
        to_club="Inter Milan",
        stage="interest",
    ),
    Case(
        "Piace alla Juventus il centrocampista del Como Elia Franceschini, nome nuovo per la mediana.",
        player="Elia Franceschini",
        from_club="Como",
        to_club="Juventus",
        stage="interest",
    ),
    Case(
        "La Roma segue con attenzione Yannick Obeng del Lille: il ds giallorosso ha chiesto informazioni.",
        player="Yannick Obeng",
        from_club="Lille",
        to_club="Roma",
        stage="interest",
    ),
    Case(
        "Il Napoli pensa a Stefano Brambati per il dopo-Ferrario: il talento dell'Empoli è in cima alla lista.",
        player="Stefano Brambati",
        from_club="Empoli",
        to_club="Napoli",
        stage="interest",
    ),
    Case(
        "Il Napoli pensa seriamente al talento dell'Empoli Stefano Brambati per il dopo-Ferrario.",
        player="Stefano Brambati",
        from_club="Empoli",
        to_club="Napoli",
        stage="interest",
    ),
    Case(
        "Idea Lazio per Marco Dall'Oglio: il difensore del Cagliari è il profilo giusto per la retroguardia.",
        player="Marco Dall'Oglio",
        from_club="Cagliari",
        to_club="Lazio",
        stage="interest",
    ),
    Case(
        "Il Napoli valuta Yannick Obeng del Lille come alternativa sulla fascia.",
        title="Napoli, idea Obeng",
        player="Yannick Obeng",
        from_club="Lille",
        to_club="Napoli",
        stage="interest",
    ),
    Case(
        "Occhi della Juventus su Elia Franceschini: il regista del Como è il preferito della dirigenza per gennaio.",
        player="Elia Franceschini",
        from_club="Como",
        to_club="Juventus",
        stage="interest",
    ),
]


@pytest.mark.parametrize("case", INTEREST, ids=str)
def test_interest_reads_as_interest(case: Case) -> None:
    run(case)


# --- medical ----------------------------------------------------------------------------------------------------

MEDICAL = [
    Case(
        "Giornata di visite mediche per Abdou Mbengue, che sta svolgendo i test con il Napoli a Villa Stuart.",
        player="Abdou Mbengue",
        to_club="Napoli",
        stage="medical",
    ),
    Case(
        "Giornata di visite mediche per Abdou Mbengue, che sta svolgendo i test con il Napoli in clinica.",
        player="Abdou Mbengue",
        to_club="Napoli",
        stage="medical",
    ),
    Case(
        "Jacopo Ravanelli è arrivato a Milano: domani le visite mediche con l'Inter, poi la firma sul contratto.",
        player="Jacopo Ravanelli",
        to_club="Inter Milan",
        stage="medical",
    ),
    Case(
        "Andrea Vescovi sta sostenendo le visite mediche con la Fiorentina. L'Empoli incasserà 10 milioni.",
        player="Andrea Vescovi",
        from_club="Empoli",
        to_club="Fiorentina",
        stage="medical",
    ),
    Case(
        "L'esterno Leandro Pastorino è atteso a Torino per le visite mediche con la Juventus, che ha chiuso con "
        "il Sassuolo.",
        player="Leandro Pastorino",
        from_club="Sassuolo",
        to_club="Juventus",
        stage="medical",
    ),
    Case(
        "Omar Benkhalil è atterrato a Fiumicino: domani le visite mediche con la Roma.",
        title="Roma, Benkhalil è arrivato",
        player="Omar Benkhalil",
        to_club="Roma",
        stage="medical",
    ),
    Case(
        "Lunedì le visite mediche di Federico Lanzillotta con la Roma: il Bologna ha dato il via libera.",
        player="Federico Lanzillotta",
        from_club="Bologna",
        to_club="Roma",
        stage="medical",
    ),
]


@pytest.mark.parametrize("case", MEDICAL, ids=str)
def test_booked_and_ongoing_medicals(case: Case) -> None:
    run(case)


# --- collapsed --------------------------------------------------------------------------------------------------

COLLAPSED = [
    Case(
        "Salta il trasferimento di Riccardo Morlacchi al Torino: il Cagliari non ha trovato l'intesa sui bonus.",
        player="Riccardo Morlacchi",
        to_club="Torino",
        stage="collapsed",
    ),
    Case(
        "Fumata nera tra Napoli e Fiorentina: Giacomo Peretti resta alla Fiorentina.",
        player="Giacomo Peretti",
        stage="collapsed",
    ),
    Case(
        "Giacomo Peretti ha rinnovato con la Fiorentina fino al 2028: sfuma la pista Napoli.",
        title="Peretti, rinnovo con i viola",
        player="Giacomo Peretti",
        stage="collapsed",
    ),
    Case(
        "Riccardo Morlacchi ha firmato il rinnovo con il Cagliari fino al 2028: sfuma il Torino.",
        player="Riccardo Morlacchi",
        stage="collapsed",
    ),
    Case(
        "Il Milan si è sfilato dalla corsa per Omar Benkhalil: troppo alte le richieste del Marsiglia.",
        player="Omar Benkhalil",
        to_club="AC Milan",
        stage="collapsed",
    ),
    Case(
        "Visite mediche non superate per Hugo Lemaître: salta il suo passaggio alla Lazio.",
        player="Hugo Lemaître",
        to_club="Lazio",
        stage="collapsed",
    ),
    Case(
        "Dietrofront dell'Atalanta: l'affare Cristian Ottolini è saltato all'ultimo, il centrocampista rimane "
        "al Monza.",
        player="Cristian Ottolini",
        stage="collapsed",
    ),
    Case(
        "Riccardo Morlacchi rimane al Cagliari: il Torino non ha trovato l'accordo con i sardi.",
        title="Torino, Morlacchi resta in Sardegna",
        player="Riccardo Morlacchi",
        stage="collapsed",
    ),
    Case(
        "Il Monza non eserciterà il diritto di riscatto per Nicolò Ferrandi, che a giugno tornerà alla Juventus.",
        player="Nicolò Ferrandi",
        from_club="Juventus",
        to_club="Monza",
        stage="collapsed",
    ),
]


@pytest.mark.parametrize("case", COLLAPSED, ids=str)
def test_collapses_and_renewals(case: Case) -> None:
    run(case)


# --- denied -----------------------------------------------------------------------------------------------------

DENIED = [
    Case(
        "Il ds dell'Atalanta smentisce le voci su Tommaso Giuliani: il terzino non è in vendita.",
        player="Tommaso Giuliani",
        stage="denied",
    ),
    Case(
        "Nessuna trattativa con la Juventus per Elia Franceschini, fa sapere l'entourage del centrocampista.",
        player="Elia Franceschini",
        stage="denied",
    ),
    Case(
        "La Roma chiude la porta al Newcastle: Gianmarco Tosatti è incedibile.",
        player="Gianmarco Tosatti",
        stage="denied",
    ),
    Case(
        "Il Napoli non è interessato a Yannick Obeng, nonostante le voci arrivate dalla Francia.",
        player="Yannick Obeng",
        stage="denied",
    ),
    Case(
        "Yannick Obeng non interessa al Napoli, nonostante le voci arrivate dalla Francia.",
        player="Yannick Obeng",
        stage="denied",
    ),
    Case(
        "Nessun contatto tra Inter e Bologna per Dario Cossu: il club nerazzurro smentisce.",
        player="Dario Cossu",
        stage="denied",
    ),
    Case(
        "Il presidente del Sassuolo è chiaro: Mattia Zanardelli non si muove, nonostante il pressing del Napoli.",
        player="Mattia Zanardelli",
        stage="denied",
    ),
    Case(
        "Igor Stanković ha rifiutato il trasferimento al Como: vuole restare al Genoa.",
        player="Igor Stanković",
        stage="denied",
    ),
    Case(
        "La Dea respinge l'assalto del Milan per Tommaso Giuliani: il terzino non è in vendita.",
        title="Atalanta, Giuliani non si tocca",
        player="Tommaso Giuliani",
        from_club="Atalanta",
        to_club="AC Milan",
        stage="denied",
    ),
]


@pytest.mark.parametrize("case", DENIED, ids=str)
def test_denials(case: Case) -> None:
    run(case)


# --- exit_only --------------------------------------------------------------------------------------------------

EXIT = [
    Case(
        "Addio al Sassuolo per Filippo Cavallini: il centrocampista è fuori dal progetto tecnico.",
        player="Filippo Cavallini",
        from_club="Sassuolo",
        to_club=NO_CLUB,
        stage="exit_only",
    ),
    Case(
        "Walter Lorusso lascerà la Lazio a fine stagione: il contratto non verrà rinnovato.",
        player="Walter Lorusso",
        from_club="Lazio",
        to_club=NO_CLUB,
        stage="exit_only",
    ),
    Case(
        "La Fiorentina ha deciso: Mirko Bellandi è in uscita e la società ascolta le proposte.",
        player="Mirko Bellandi",
        from_club="Fiorentina",
        to_club=NO_CLUB,
        stage="exit_only",
    ),
    Case(
        "Mirko Bellandi è in uscita dalla Fiorentina: la società ascolta le proposte.",
        player="Mirko Bellandi",
        from_club="Fiorentina",
        to_club=NO_CLUB,
        stage="exit_only",
    ),
    Case(
        "Rescissione consensuale tra il Genoa e Igor Stanković: il difensore saluta dopo tre stagioni.",
        player="Igor Stanković",
        from_club="Genoa",
        to_club=NO_CLUB,
        stage="exit_only",
    ),
    Case(
        "Leandro Pastorino è in lista di sbarco: la Juventus ascolta offerte.",
        player="Leandro Pastorino",
        from_club="Juventus",
        to_club=NO_CLUB,
        stage="exit_only",
    ),
    Case(
        "L'Udinese è pronta a cedere Nicola Bertagnoli per 15 milioni: il club friulano vuole fare cassa.",
        title="Udinese, Bertagnoli può partire",
        player="Nicola Bertagnoli",
        from_club="Udinese",
        to_club=NO_CLUB,
        stage="exit_only",
    ),
    Case(
        "Leandro Pastorino è fuori dai piani: la Juventus vuole cederlo.",
        player="Leandro Pastorino",
        from_club="Juventus",
        to_club=NO_CLUB,
        stage="exit_only",
    ),
]


@pytest.mark.parametrize("case", EXIT, ids=str)
def test_departures_without_destination(case: Case) -> None:
    run(case)


# --- seller vs. destination -------------------------------------------------------------------------------------

SELLER = [
    Case(
        "Il Sassuolo ha respinto l'offerta del Milan per Mattia Zanardelli: 20 milioni non bastano.",
        player="Mattia Zanardelli",
        from_club="Sassuolo",
        to_club="AC Milan",
    ),
    Case(
        "L'Empoli tratta con la Fiorentina la cessione di Andrea Vescovi.",
        player="Andrea Vescovi",
        from_club="Empoli",
        to_club="Fiorentina",
    ),
    Case(
        "Il Torino chiede 25 milioni alla Juventus per Bruno Cattelan.",
        player="Bruno Cattelan",
        from_club="Torino",
        to_club="Juventus",
    ),
    Case(
        "Il difensore del Bologna Dario Cossu piace all'Inter.",
        player="Dario Cossu",
        from_club="Bologna",
        to_club="Inter Milan",
    ),
    Case(
        "L'Atalanta accetta la proposta della Roma per Simone Quaranta.",
        player="Simone Quaranta",
        from_club="Atalanta",
        to_club="Roma",
    ),
    Case(
        "Il Genoa cede Pietro Marchesin al Como per 6 milioni.",
        player="Pietro Marchesin",
        from_club="Genoa",
        to_club="Como",
    ),
    Case(
        "L'Udinese apre alla cessione di Nicola Bertagnoli: sull'attaccante c'è forte il Napoli.",
        player="Nicola Bertagnoli",
        from_club="Udinese",
        to_club="Napoli",
    ),
    Case(
        "Il Lille valuta l'offerta del Napoli per Yannick Obeng: 18 milioni più bonus.",
        player="Yannick Obeng",
        from_club="Lille",
        to_club="Napoli",
        stage="bid",
    ),
    Case(
        "Il Genoa vuole blindare Pietro Marchesin con un rinnovo fino al 2029, ma la Lazio insiste.",
        player="Pietro Marchesin",
        from_club="Genoa",
        to_club="Lazio",
    ),
]


@pytest.mark.parametrize("case", SELLER, ids=str)
def test_the_seller_is_never_the_destination(case: Case) -> None:
    run(case)


# --- clubs that are no side of this deal ------------------------------------------------------------------------

BACKGROUND = [
    Case(
        "Cresciuto nel vivaio dell'Inter, Luca Ferrazzi lascia il Monza per il Como.",
        player="Luca Ferrazzi",
        from_club="Monza",
        to_club="Como",
    ),
    Case(
        "L'ex Juventus Paolo Girardi è vicino al Parma: il Lecce lo cede in prestito.",
        player="Paolo Girardi",
        from_club="Lecce",
        to_club="Parma",
    ),
    Case(
        "La Lazio batte la concorrenza del Torino e chiude per Alberto Mancuso del Verona.",
        player="Alberto Mancuso",
        from_club="Hellas Verona",
        to_club="Lazio",
    ),
    Case(
        "Il centrocampista del Torino Ettore Zampieri è stato avvistato a Roma, dove ha incontrato i dirigenti "
        "della Lazio.",
        player="Ettore Zampieri",
        from_club="Torino",
        to_club="Lazio",
    ),
    Case(
        "Nicolò Ferrandi, di proprietà della Juventus ma in prestito al Monza, piace alla Fiorentina.",
        player="Nicolò Ferrandi",
        from_club="Juventus",
        to_club="Fiorentina",
    ),
    Case(
        "Il Milan si sfila e la Roma accelera per Omar Benkhalil del Marsiglia.",
        player="Omar Benkhalil",
        from_club="Marseille",
        to_club="Roma",
    ),
    Case(
        "Paolo Girardi piace al Parma: l'attaccante della Juventus sta facendo bene al Lecce, dove è in prestito.",
        player="Paolo Girardi",
        from_club="Juventus",
        to_club="Parma",
    ),
    Case(
        "Nicolò Ferrandi, arrivato in prestito dalla Juventus, proprietaria del cartellino, piace alla Lazio.",
        player="Nicolò Ferrandi",
        from_club="Juventus",
        to_club="Lazio",
    ),
    Case(
        "Walter Lorusso, al Cagliari la scorsa stagione, è il primo obiettivo del Genoa per la difesa.",
        player="Walter Lorusso",
        from_club=NO_CLUB,
        to_club="Genoa",
    ),
    Case(
        "Finito il prestito al Lecce, Paolo Girardi torna alla Juventus, che ora valuta la cessione.",
        player="Paolo Girardi",
        to_club="Juventus",
    ),
    Case(
        "Walter Lorusso, che la scorsa stagione giocava nel Cagliari, è il primo nome del Genoa per la difesa.",
        player="Walter Lorusso",
        to_club="Genoa",
    ),
    pytest.param(
        Case(
            "Dopo aver ceduto Tiziano Corbelli al Napoli, il Bologna punta Jonas Albrektsen del Copenhagen.",
            player="Jonas Albrektsen",
            from_club="FC Copenhagen",
            to_club="Bologna",
        ),
        marks=pytest.mark.xfail(
            reason=("a player named in a background clause (dopo aver ceduto X) can become the main player"),
            strict=True,
        ),
    ),
    Case(
        "Il Bologna punta Jonas Albrektsen del Copenhagen per sostituire Tiziano Corbelli, che è passato al Napoli.",
        player="Jonas Albrektsen",
        from_club="FC Copenhagen",
        to_club="Bologna",
        stage="interest",
    ),
]


@pytest.mark.parametrize("case", BACKGROUND, ids=str)
def test_background_clubs_are_no_side(case: Case) -> None:
    run(case)


# --- modifiers --------------------------------------------------------------------------------------------------

MODIFIERS = [
    Case(
        "Non c'è ancora l'accordo tra Juventus e Atalanta per Marco Sebastiani: la trattativa prosegue.",
        player="Marco Sebastiani",
        stage="talks",
    ),
    Case(
        "Il Napoli potrebbe presentare un'offerta per Stefano Brambati nei prossimi giorni.",
        player="Stefano Brambati",
        to_club="Napoli",
        stage="interest",
    ),
    Case(
        "Se arriverà l'offerta giusta, il Genoa cederà Pietro Marchesin alla Lazio.",
        player="Pietro Marchesin",
        from_club="Genoa",
        to_club="Lazio",
        stage="interest",
    ),
    Case(
        "Jonas Albrektsen firmerà con il Como nelle prossime ore.",
        player="Jonas Albrektsen",
        to_club="Como",
        stage="agreed",
    ),
    Case(
        "Lorenzo Trevisani firmerà con il Bologna nei prossimi giorni: il Parma ha detto sì.",
        player="Lorenzo Trevisani",
        to_club="Bologna",
        stage="agreed",
    ),
    Case(
        "La Lazio è pronta a mettere sul piatto 10 milioni per Pietro Marchesin.",
        player="Pietro Marchesin",
        to_club="Lazio",
        stage="interest",
    ),
    Case(
        "La Juventus vorrebbe trovare l'intesa con l'Atalanta per Marco Sebastiani entro fine mese.",
        player="Marco Sebastiani",
        to_club="Juventus",
        stage="talks",
    ),
    Case(
        "Gabriele Santucci non ha ancora firmato con la Lazio: manca l'accordo sul contratto.",
        player="Gabriele Santucci",
        to_club="Lazio",
        stage="talks",
    ),
]


@pytest.mark.parametrize("case", MODIFIERS, ids=str)
def test_negation_future_hedge_and_conditions(case: Case) -> None:
    run(case)


# --- fees -------------------------------------------------------------------------------------------------------

FEES = [
    Case(
        "Il Bologna ha chiuso per Tiziano Corbelli: al Frosinone 9 milioni più 2 di bonus.",
        player="Tiziano Corbelli",
        fee_eur=9_000_000,
    ),
    Case(
        "Marco Sebastiani arriva alla Juventus a parametro zero dopo la scadenza con l'Atalanta.",
        player="Marco Sebastiani",
        fee_eur=0.0,
    ),
    Case(
        "L'Inter ha chiuso per Bruno Cattelan: 28 milioni al Torino, mentre al difensore va un ingaggio da 3 "
        "milioni a stagione.",
        player="Bruno Cattelan",
        fee_eur=28_000_000,
    ),
    Case(
        "La Roma ha preso Kwame Asante per 16,5 milioni di euro dal Salisburgo.",
        player="Kwame Asante",
        fee_eur=16_500_000,
    ),
    Case(
        "Il Como ha pagato 12 mln per Lorenzo Trevisani, che ha una clausola rescissoria da 50 milioni.",
        player="Lorenzo Trevisani",
        fee_eur=12_000_000,
    ),
    Case(
        "Il Milan pagherà la clausola rescissoria da 40 milioni per Omar Benkhalil.",
        player="Omar Benkhalil",
        fee_eur=40_000_000,
    ),
]


@pytest.mark.parametrize("case", FEES, ids=str)
def test_fees(case: Case) -> None:
    run(case)


# --- sources ----------------------------------------------------------------------------------------------------

SOURCES = [
    Case(
        "Secondo quanto riporta La Gazzetta dello Sport, il Milan ha chiesto informazioni per Paolo Girardi del Lecce.",
        player="Paolo Girardi",
        cited=("La Gazzetta dello Sport",),
    ),
    Case(
        "Come rivela Sky Sport, la Juventus ha presentato un'offerta per Thiago Sarmento del Benfica.",
        player="Thiago Sarmento",
        cited=("Sky Sport",),
    ),
    Case(
        "Il Napoli tratta Mattia Zanardelli con il Sassuolo, scrive il Corriere dello Sport.",
        player="Mattia Zanardelli",
        cited=("Corriere dello Sport",),
    ),
    Case(
        "La Lazio ha chiuso per Alberto Mancuso, lo riferisce Gianluca Di Marzio.",
        player="Alberto Mancuso",
        cited=("Gianluca Di Marzio",),
    ),
    Case(
        "Il Genoa ha annunciato con un comunicato ufficiale l'arrivo di Igor Stanković dalla Sampdoria.",
        player="Igor Stanković",
        to_club="Genoa",
        stage="done",
        cited=("Genoa (official)",),
    ),
    Case(
        "Stando a TuttoMercatoWeb, il Torino segue Ettore Zampieri del Parma.",
        player="Ettore Zampieri",
        cited=("TuttoMercatoWeb",),
    ),
    Case(
        "Nicola Bertagnoli è l'uomo in più per l'attacco del Napoli: lo scrive Tuttosport, che parla di 20 milioni.",
        player="Nicola Bertagnoli",
        cited=("Tuttosport",),
    ),
]


@pytest.mark.parametrize("case", SOURCES, ids=str)
def test_cited_sources(case: Case) -> None:
    run(case)
