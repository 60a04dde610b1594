"""English transfer reports, written for these tests in the register of the British press (BBC Sport, Sky Sports,
The Athletic, the Guardian, the tabloids, local papers and the BBC gossip column). Players are invented."""

from __future__ import annotations

import pytest

from tests.extract.cases import NO_CLUB, Case, check


def run(case: Case) -> None:
    check(case, "en")


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Everton have completed the signing of centre-back Kieran Ashdown from Burnley on a four-year deal. "
            "The 26-year-old becomes the club's third arrival of the summer.",
            title="Everton complete Ashdown signing",
            player="Kieran Ashdown",
            from_club="Burnley",
            to_club="Everton",
            stage="done",
        ),
        Case(
            "Midfielder Luca Ferrandi has joined Aston Villa from Torino on a five-year contract for an undisclosed "
            "fee.",
            player="Luca Ferrandi",
            from_club="Torino",
            to_club="Aston Villa",
            stage="done",
        ),
        Case(
            "Chelsea forward Noah Whitcombe has joined Southampton on a season-long loan, with the Saints "
            "covering his wages in full.",
            player="Noah Whitcombe",
            from_club="Chelsea",
            to_club="Southampton",
            stage="done",
        ),
        Case(
            "Samuel Okonjo has put pen to paper on a deal at Brentford after the Bees agreed a fee with Club "
            "Brugge last week. The striker has signed a contract until 2029.",
            title="Brentford seal Okonjo swoop",
            player="Samuel Okonjo",
            from_club="Club Brugge",
            to_club="Brentford",
            stage="done",
        ),
        Case(
            "Sunderland have snapped up Wigan-born winger Declan Farrow from Preston North End, the Black Cats "
            "confirmed on Thursday evening.",
            player="Declan Farrow",
            from_club="Preston North End",
            to_club="Sunderland",
            stage="done",
        ),
        Case(
            "The Norway international joins the Cottagers on a three-year deal, having impressed in the "
            "Eredivisie last season.",
            title="Fulham sign Aksel Brandvold from Twente",
            player="Aksel Brandvold",
            from_club="FC Twente",
            to_club="Fulham",
            stage="done",
        ),
        Case(
            "Caio Mendes has been unveiled as a West Ham player following his move from Lazio.",
            player="Caio Mendes",
            from_club="Lazio",
            to_club="West Ham United",
            stage="done",
        ),
        Case(
            "Southampton have sold academy graduate Liam Hursey to Portsmouth for £2m.",
            player="Liam Hursey",
            from_club="Southampton",
            to_club="Portsmouth",
            stage="done",
        ),
        Case(
            "Southampton have confirmed the departure of Liam Hursey to Portsmouth, with the Saints inserting "
            "a sell-on clause.",
            player="Liam Hursey",
            from_club="Southampton",
            to_club="Portsmouth",
            stage="done",
        ),
    ],
    ids=str,
)
def test_completed_moves_read_as_done(case: Case) -> None:
    run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Arsenal have agreed a fee with Porto for Tiago Mendes and are now awaiting the official announcement.",
            player="Tiago Mendes",
            from_club="Porto",
            to_club="Arsenal",
            stage="agreed",
        ),
        Case(
            "Arsenal have agreed a £42m fee with Brighton & Hove Albion for midfielder Tomas Verhoek, it is "
            "understood. Personal terms are not expected to be an issue for the 24-year-old.",
            title="Arsenal agree fee for Verhoek",
            player="Tomas Verhoek",
            from_club="Brighton & Hove Albion",
            to_club="Arsenal",
            stage="agreed",
        ),
        Case(
            "Tottenham have reached an agreement with Lyon for centre-back Yanis Berrada worth €45m plus add-ons. "
            "The France Under-21 international is expected to complete the move once the paperwork is done.",
            player="Yanis Berrada",
            from_club="Lyon",
            to_club="Tottenham Hotspur",
            stage="agreed",
        ),
        Case(
            "Leicester City striker Owen Maddox is poised to join Wolves in a £20m deal after the clubs struck "
            "an agreement on Tuesday night.",
            player="Owen Maddox",
            from_club="Leicester City",
            to_club="Wolverhampton Wanderers",
            stage="agreed",
        ),
        Case(
            "Manchester United have struck a deal with Borussia Dortmund for the England winger, with personal "
            "terms not expected to be a problem.",
            title="Jamie Holt to join Man Utd in £50m deal",
            player="Jamie Holt",
            from_club="Borussia Dortmund",
            to_club="Manchester United",
            stage="agreed",
        ),
        Case(
            "The Scotland international is set to join the Seagulls next week, with the Tigers to receive a "
            "club-record fee.",
            title="Hull City agree deal with Brighton for Lewis Carnduff",
            player="Lewis Carnduff",
            from_club="Hull City",
            to_club="Brighton & Hove Albion",
            stage="agreed",
        ),
        Case(
            "Bournemouth have accepted a £35m offer from Chelsea for left-back Rhys Penhallow. The Wales "
            "defender is now expected to finalise personal terms.",
            player="Rhys Penhallow",
            from_club="Bournemouth",
            to_club="Chelsea",
            stage="agreed",
        ),
        Case(
            "Here we go! Marcus Delaney to West Ham, fee agreed with Leeds United. Contracts being checked and signed.",
            player="Marcus Delaney",
            from_club="Leeds United",
            to_club="West Ham United",
            stage="agreed",
        ),
        Case(
            "Chelsea have activated the £50m release clause of Villarreal defender Oriol Rovira.",
            player="Oriol Rovira",
            from_club="Villarreal",
            to_club="Chelsea",
            stage="agreed",
        ),
        Case(
            "Arsenal have agreed a fee in principle with Brighton for midfielder Tomas Verhoek.",
            player="Tomas Verhoek",
            from_club="Brighton & Hove Albion",
            to_club="Arsenal",
            stage="agreed",
        ),
        Case(
            "Southampton's Liam Hursey is set for a loan move to Portsmouth for the rest of the season.",
            player="Liam Hursey",
            from_club="Southampton",
            to_club="Portsmouth",
            stage="agreed",
        ),
    ],
    ids=str,
)
def test_agreements_between_clubs_read_as_agreed(case: Case) -> None:
    run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Liverpool have opened talks with Sporting over a deal for midfielder Rui Farinha. The Portuguese "
            "club are holding out for the full value of his release clause.",
            player="Rui Farinha",
            from_club="Sporting CP",
            to_club="Liverpool",
            stage="talks",
        ),
        Case(
            "Aston Villa have agreed personal terms with Feyenoord striker Bram de Graaf, but are yet to agree a "
            "fee with the Dutch club.",
            player="Bram de Graaf",
            from_club="Feyenoord",
            to_club="Aston Villa",
            stage="talks",
        ),
        Case(
            "Chelsea are in advanced negotiations with Napoli over Gennaro Vitale, with the two clubs still "
            "around £8m apart in their valuations.",
            player="Gennaro Vitale",
            from_club="Napoli",
            to_club="Chelsea",
            stage="talks",
        ),
        Case(
            "Everton held talks with the representatives of Marseille full-back Adrien Coulibaly on Tuesday, "
            "sources close to the club have said.",
            player="Adrien Coulibaly",
            from_club="Marseille",
            to_club="Everton",
            stage="talks",
        ),
        Case(
            "Crystal Palace are closing in on Lille forward Ibrahim Sangare, with discussions over the structure "
            "of the fee continuing.",
            title="Palace step up Sangare talks",
            player="Ibrahim Sangare",
            from_club="Lille",
            to_club="Crystal Palace",
            stage="talks",
        ),
        Case(
            "Brighton have given Arsenal permission to talk to Tomas Verhoek after the clubs made progress over a fee.",
            player="Tomas Verhoek",
            from_club="Brighton & Hove Albion",
            to_club="Arsenal",
            stage="talks",
        ),
        Case(
            "Tottenham have been quoted £50m for Brentford winger Callum Rees.",
            player="Callum Rees",
            from_club="Brentford",
            to_club="Tottenham Hotspur",
            stage="talks",
        ),
    ],
    ids=str,
)
def test_talks_and_personal_terms_read_as_talks(case: Case) -> None:
    run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Arsenal saw their bid for Jonas Lund not accepted by Ajax, who want more.",
            player="Jonas Lund",
            from_club="Ajax",
            to_club="Arsenal",
            stage="bid",
        ),
        Case(
            "Manchester City have submitted an opening bid of £60m for Real Sociedad midfielder Iker Zubiaurre.",
            player="Iker Zubiaurre",
            from_club="Real Sociedad",
            to_club="Manchester City",
            stage="bid",
        ),
        Case(
            "Newcastle have had a £25m bid for winger Callum Rees rejected by Brentford, who value the "
            "22-year-old at closer to £40m.",
            player="Callum Rees",
            from_club="Brentford",
            to_club="Newcastle United",
            stage="bid",
        ),
        Case(
            "Tottenham have returned with an improved offer of €40m for Villarreal defender Oriol Rovira after "
            "their first approach was knocked back.",
            title="Spurs table improved offer for Rovira",
            player="Oriol Rovira",
            from_club="Villarreal",
            to_club="Tottenham Hotspur",
            stage="bid",
        ),
        Case(
            "West Ham have made a formal offer for Bologna's Danish midfielder Mikkel Sonderby, the Hammers "
            "hoping to have him in place before their pre-season tour.",
            player="Mikkel Sonderby",
            from_club="Bologna",
            to_club="West Ham United",
            stage="bid",
        ),
        Case(
            "Brighton have lodged a £15m bid for Coventry City striker Ellis Brannagan.",
            title="Brighton make move for Brannagan",
            player="Ellis Brannagan",
            from_club="Coventry City",
            to_club="Brighton & Hove Albion",
            stage="bid",
        ),
        Case(
            "Lazio want £40m for Caio Mendes, but West Ham have only offered £30m so far.",
            player="Caio Mendes",
            from_club="Lazio",
            to_club="West Ham United",
            stage="bid",
        ),
    ],
    ids=str,
)
def test_offers_read_as_bid(case: Case) -> None:
    run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Arsenal are keeping tabs on Lille forward Mamadou Sy, who has scored 14 goals in Ligue 1 this season.",
            player="Mamadou Sy",
            from_club="Lille",
            to_club="Arsenal",
            stage="interest",
        ),
        Case(
            "Manchester United are monitoring Benfica full-back Tiago Moreira ahead of the summer window, "
            "with scouts sent to watch him twice this month.",
            player="Tiago Moreira",
            from_club="Benfica",
            to_club="Manchester United",
            stage="interest",
        ),
        Case(
            "Liverpool have joined the race for Bayer Leverkusen midfielder Florian Weidmann, with Real Madrid "
            "also credited with an interest.",
            player="Florian Weidmann",
            from_club="Bayer Leverkusen",
            to_club="Liverpool",
            stage="interest",
        ),
        Case(
            "Chelsea are weighing up a move for Celtic winger Aidan Kerr, according to Sky Sports.",
            player="Aidan Kerr",
            from_club="Celtic",
            to_club="Chelsea",
            stage="interest",
        ),
        Case(
            "Newcastle have made enquiries about Ajax playmaker Jesper Vos as Eddie Howe looks to strengthen "
            "his midfield.",
            player="Jesper Vos",
            from_club="Ajax",
            to_club="Newcastle United",
            stage="interest",
        ),
        Case(
            "Nottingham Forest are admirers of the Southampton youngster, who has caught the eye in the Championship.",
            title="Forest eye move for Saints teenager Alfie Dunmore",
            player="Alfie Dunmore",
            from_club="Southampton",
            to_club="Nottingham Forest",
            stage="interest",
        ),
        Case(
            "Everton are preparing a bid for Napoli forward Ciro Esposito.",
            player="Ciro Esposito",
            from_club="Napoli",
            to_club="Everton",
            stage="interest",
        ),
        Case(
            "Brighton are braced for offers for Tomas Verhoek, with Arsenal and Chelsea circling.",
            player="Tomas Verhoek",
            from_club="Brighton & Hove Albion",
            stage="interest",
        ),
    ],
    ids=str,
)
def test_interest_reads_as_interest(case: Case) -> None:
    run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Jonah Ellery is undergoing a medical at Brighton ahead of his £18m move from Hull City.",
            player="Jonah Ellery",
            from_club="Hull City",
            to_club="Brighton & Hove Albion",
            stage="medical",
        ),
        Case(
            "Everton have booked a medical for Napoli forward Ciro Esposito after agreeing a loan with an "
            "obligation to buy.",
            player="Ciro Esposito",
            from_club="Napoli",
            to_club="Everton",
            stage="medical",
        ),
        Case(
            "Nottingham Forest target Goncalo Amaral will have a medical on Thursday after the clubs agreed a "
            "fee of €22m with Porto.",
            player="Goncalo Amaral",
            from_club="Porto",
            to_club="Nottingham Forest",
            stage="medical",
        ),
        Case(
            "Sheffield United defender Toby Renwick is having medical tests with Leeds United this afternoon.",
            title="Renwick in for Leeds medical",
            player="Toby Renwick",
            from_club="Sheffield United",
            to_club="Leeds United",
            stage="medical",
        ),
        Case(
            "Jamie Holt will have a medical at Manchester United this weekend after the Red Devils struck a "
            "deal with Borussia Dortmund for the winger.",
            player="Jamie Holt",
            from_club="Borussia Dortmund",
            to_club="Manchester United",
            stage="medical",
        ),
        Case(
            "Jesper Vos has completed his medical at Newcastle and will be unveiled on Friday.",
            player="Jesper Vos",
            to_club="Newcastle United",
            stage="medical",
        ),
    ],
    ids=str,
)
def test_booked_and_ongoing_medicals(case: Case) -> None:
    run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Ellis Thornbury's proposed move to Fulham has collapsed after the two clubs failed to agree on the "
            "payment structure.",
            player="Ellis Thornbury",
            to_club="Fulham",
            stage="collapsed",
        ),
        Case(
            "Callum Brody has signed a new four-year contract at Brighton, ending speculation over a summer move "
            "to Arsenal.",
            title="Brody commits future to Brighton",
            player="Callum Brody",
            stage="collapsed",
        ),
        Case(
            "Leeds United have pulled out of the race for Stoke City winger Jordan Pickles after the "
            "Potters raised their asking price.",
            player="Jordan Pickles",
            to_club="Leeds United",
            stage="collapsed",
        ),
        Case(
            "The Dutchman has turned down a move to Old Trafford and will stay at Ajax for another season.",
            title="Reuben Kaltz snubs Manchester United",
            player="Reuben Kaltz",
            to_club="Manchester United",
            stage="collapsed",
        ),
        Case(
            "Wolves' swoop for Lazio midfielder Matteo Carrozza is off after the 25-year-old failed his medical.",
            player="Matteo Carrozza",
            stage="collapsed",
        ),
        Case(
            "Ipswich Town will not take up the option to buy Jack Fennimore, who returns to Chelsea when his "
            "loan ends in May.",
            player="Jack Fennimore",
            from_club="Chelsea",
            to_club="Ipswich Town",
            stage="collapsed",
        ),
        Case(
            "Tomas Verhoek has signed a contract extension with Brighton until 2029, despite interest from Arsenal.",
            player="Tomas Verhoek",
            stage="collapsed",
        ),
        Case(
            "Arsenal's move for Tomas Verhoek is off after Brighton refused to lower their £60m asking price.",
            player="Tomas Verhoek",
            from_club="Brighton & Hove Albion",
            to_club="Arsenal",
            stage="collapsed",
        ),
        pytest.param(
            Case(
                "Tomas Verhoek has chosen Arsenal over Chelsea after holding talks with both clubs.",
                title="Verhoek snubs Chelsea for Arsenal",
                player="Tomas Verhoek",
                to_club="Arsenal",
                stage="talks",
            ),
            marks=pytest.mark.xfail(
                reason=(
                    "a snub in the headline collapses the whole story; it should collapse "
                    "only the snubbed club's pursuit"
                ),
                strict=True,
            ),
        ),
    ],
    ids=str,
)
def test_collapses_and_renewals(case: Case) -> None:
    run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Brentford have denied reports that they have agreed a fee with Crystal Palace for winger Jaden "
            "Oduya, insisting no offer has been received.",
            player="Jaden Oduya",
            stage="denied",
        ),
        Case(
            "Crystal Palace chairman Steve Parish insists midfielder Kofi Mensah-Bright is not for sale amid "
            "interest from Manchester United.",
            player="Kofi Mensah-Bright",
            stage="denied",
        ),
        Case(
            "Liverpool have ruled out a move for Monaco forward Theo Lambert, with the club happy with their "
            "current options in attack.",
            player="Theo Lambert",
            stage="denied",
        ),
        Case(
            "Aston Villa manager said there was 'nothing to it' when asked about Josh Garvey's links with "
            "Al-Nassr. His agent has also rubbished the claims.",
            title="Villa play down Garvey talk",
            player="Josh Garvey",
            stage="denied",
        ),
        Case(
            "Tomas Verhoek is happy at Brighton and has no plans to leave, his agent has said.",
            player="Tomas Verhoek",
            stage="denied",
        ),
        Case(
            "The Arsenal manager insisted the club are not in the market for a midfielder when asked about "
            "Tomas Verhoek.",
            player="Tomas Verhoek",
            stage="denied",
        ),
        Case(
            "Mamadou Sy will not join Arsenal this summer, Lille have insisted.",
            player="Mamadou Sy",
            stage="denied",
        ),
    ],
    ids=str,
)
def test_denials(case: Case) -> None:
    run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Goalkeeper Alfie Strand will leave Bournemouth when his contract expires at the end of June, the "
            "club have confirmed.",
            player="Alfie Strand",
            from_club="Bournemouth",
            to_club=NO_CLUB,
            stage="exit_only",
        ),
        Case(
            "Bournemouth have confirmed that goalkeeper Alfie Strand will leave the club when his contract "
            "expires at the end of June.",
            player="Alfie Strand",
            from_club="Bournemouth",
            to_club=NO_CLUB,
            stage="exit_only",
        ),
        Case(
            "Southampton striker Liam Hursey has been told he can find a new club after falling out of favour "
            "under the new head coach.",
            player="Liam Hursey",
            from_club="Southampton",
            to_club=NO_CLUB,
            stage="exit_only",
        ),
        Case(
            "Burnley have placed defender Craig Mullaney on the transfer list after he rejected a new deal.",
            title="Clarets transfer-list Mullaney",
            player="Craig Mullaney",
            from_club="Burnley",
            to_club=NO_CLUB,
            stage="exit_only",
        ),
        Case(
            "Millwall have released veteran midfielder Frank Lowther after six seasons at The Den.",
            player="Frank Lowther",
            from_club="Millwall",
            to_club=NO_CLUB,
            stage="exit_only",
        ),
        Case(
            "Ajax midfielder Jesper Vos has handed in a transfer request.",
            player="Jesper Vos",
            from_club="Ajax",
            to_club=NO_CLUB,
            stage="exit_only",
        ),
        Case(
            "Chelsea are ready to offload Noah Whitcombe this summer after a disappointing season.",
            player="Noah Whitcombe",
            from_club="Chelsea",
            to_club=NO_CLUB,
            stage="exit_only",
        ),
        Case(
            "Winger Jordan Pickles wants to leave the Potters before the window shuts.",
            title="Pickles hands in transfer request at Stoke",
            player="Jordan Pickles",
            from_club="Stoke City",
            to_club=NO_CLUB,
            stage="exit_only",
        ),
    ],
    ids=str,
)
def test_departures_without_destination(case: Case) -> None:
    run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Brighton are in talks with Chelsea over the sale of midfielder Kaoru Mitsuda, with the Seagulls "
            "holding out for £70m.",
            player="Kaoru Mitsuda",
            from_club="Brighton & Hove Albion",
            to_club="Chelsea",
            stage="talks",
        ),
        Case(
            "Brighton are determined to keep Kaoru Mitsuda amid growing interest from Chelsea, with the "
            "Seagulls insisting the midfielder is not for sale.",
            player="Kaoru Mitsuda",
            from_club="Brighton & Hove Albion",
            to_club="Chelsea",
            stage="denied",
        ),
        Case(
            "Arsenal's Kai Brennan is wanted by Bayern Munich, who are preparing an opening offer.",
            player="Kai Brennan",
            from_club="Arsenal",
            to_club="Bayern Munich",
        ),
        Case(
            "Everton midfielder Tom Ridley is attracting interest from Aston Villa ahead of the January window.",
            player="Tom Ridley",
            from_club="Everton",
            to_club="Aston Villa",
            stage="interest",
        ),
        Case(
            "Brentford have rejected a £40m bid from Manchester United for defender Nils Aberg, insisting the "
            "Sweden international is worth at least £55m.",
            title="Brentford reject Man Utd's £40m bid for Aberg",
            player="Nils Aberg",
            from_club="Brentford",
            to_club="Manchester United",
            stage="bid",
        ),
        Case(
            "Fulham have told Newcastle they want £45m for their Portuguese winger Diogo Varela.",
            player="Diogo Varela",
            from_club="Fulham",
            to_club="Newcastle United",
        ),
        Case(
            "Lazio are open to selling Brazilian forward Caio Mendes to West Ham, with the Serie A club "
            "needing to raise funds this summer.",
            player="Caio Mendes",
            from_club="Lazio",
            to_club="West Ham United",
        ),
        Case(
            "Brighton have set an asking price of £60m for midfielder Tomas Verhoek.",
            player="Tomas Verhoek",
            from_club="Brighton & Hove Albion",
            to_club=NO_CLUB,
        ),
        Case(
            "Brighton will not stand in Tomas Verhoek's way if Arsenal meet their valuation.",
            player="Tomas Verhoek",
            from_club="Brighton & Hove Albion",
            to_club="Arsenal",
        ),
    ],
    ids=str,
)
def test_the_seller_is_never_the_destination(case: Case) -> None:
    run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Former Celtic defender Ross Mackie is close to joining Sheffield United from Hull City.",
            player="Ross Mackie",
            from_club="Hull City",
            to_club="Sheffield United",
        ),
        Case(
            "Newcastle are leading the race for Marseille winger Bilal Haddad, ahead of Tottenham and Aston Villa.",
            player="Bilal Haddad",
            from_club="Marseille",
            to_club="Newcastle United",
        ),
        Case(
            "Chelsea are set to sign Pedro Lobato from Sevilla for €30m. The Blues signed another Spanish "
            "midfielder, Ander Goikoetxea, from Athletic Club last summer.",
            title="Chelsea close in on Lobato",
            player="Pedro Lobato",
            from_club="Sevilla",
            to_club="Chelsea",
            stage="agreed",
        ),
        Case(  # no headline: the name next to the lead's transfer verb wins over the one a position word introduces
            "Chelsea are set to sign Pedro Lobato from Sevilla for €30m. The Blues signed another Spanish "
            "midfielder, Ander Goikoetxea, from Athletic Club last summer.",
            player="Pedro Lobato",
        ),
        Case(
            "Tottenham are ready to hijack Arsenal's move for Lille forward Mamadou Sy with a bigger offer.",
            player="Mamadou Sy",
            from_club="Lille",
            to_club="Tottenham Hotspur",
        ),
        Case(
            "Dominic Lyle has completed his return to Sunderland from Norwich City, six years after leaving the "
            "Stadium of Light.",
            player="Dominic Lyle",
            from_club="Norwich City",
            to_club="Sunderland",
            stage="done",
        ),
        Case(
            "Hugo Marchetti was spotted in Manchester on Monday ahead of his move to Everton from Genoa.",
            player="Hugo Marchetti",
            from_club="Genoa",
            to_club="Everton",
        ),
        Case(
            "Jack Fennimore, currently on loan at Ipswich Town from Chelsea, is wanted by Crystal Palace, who "
            "see him as a long-term replacement for their captain.",
            player="Jack Fennimore",
            from_club="Chelsea",
            to_club="Crystal Palace",
        ),
        Case(
            "Burnley are in talks to sign Danny Pruitt from Cardiff City. The 27-year-old, who spent last "
            "season on loan at Luton Town, has two years left on his deal.",
            player="Danny Pruitt",
            from_club="Cardiff City",
            to_club="Burnley",
        ),
        Case(
            "Arsenal are tracking Tomas Verhoek, who has been a key player for Brighton since arriving from "
            "Ajax three years ago.",
            player="Tomas Verhoek",
            from_club="Brighton & Hove Albion",
            to_club="Arsenal",
        ),
        Case(
            "Jordan Pickles has completed a £12m move from Stoke City to Leeds United, ending Burnley's "
            "interest in the winger.",
            player="Jordan Pickles",
            from_club="Stoke City",
            to_club="Leeds United",
            stage="done",
        ),
        Case(
            "Brighton midfielder Tomas Verhoek prefers a move to Arsenal over Chelsea, according to sources "
            "close to the player.",
            player="Tomas Verhoek",
            from_club="Brighton & Hove Albion",
            to_club="Arsenal",
        ),
        Case(
            "Burnley have been beaten to the signing of Jordan Pickles by Leeds.",
            player="Jordan Pickles",
            to_club="Leeds United",
        ),
        Case(
            "Arsenal are ready to rival Chelsea for Brighton midfielder Tomas Verhoek.",
            title="Arsenal ready to rival Chelsea for Verhoek",
            player="Tomas Verhoek",
            from_club="Brighton & Hove Albion",
            to_club="Arsenal",
            stage="interest",
        ),
    ],
    ids=str,
)
def test_background_clubs_are_no_side(case: Case) -> None:
    run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Aston Villa will not make a bid for Stuttgart forward Jonas Reuter this summer, despite the "
            "German club's willingness to sell.",
            player="Jonas Reuter",
            stage="interest",
        ),
        Case(
            "Liverpool could make a move for Rennes midfielder Yann Kerbrat if their captain leaves.",
            player="Yann Kerbrat",
            to_club="Liverpool",
            stage="interest",
        ),
        Case(
            "No agreement has been reached between Tottenham and Bologna for defender Riccardo Pesce, with the "
            "clubs still apart over the fee.",
            player="Riccardo Pesce",
            stage="talks",
        ),
        Case(
            "Ruben Kessie is expected to sign for Newcastle next week once the final details are sorted.",
            player="Ruben Kessie",
            to_club="Newcastle United",
            stage="agreed",
        ),
        Case(
            "Wolves are not interested in signing Porto striker Joao Pinheiro, the Molineux club have insisted.",
            player="Joao Pinheiro",
            stage="denied",
        ),
        Case(
            "Should Brentford sell Nils Aberg, Tottenham would consider a bid for the defender.",
            player="Nils Aberg",
            stage="interest",
        ),
        Case(
            "Mamadou Sy refused to sign for Arsenal and stayed at Lille for another season.",
            player="Mamadou Sy",
            stage="collapsed",
        ),
        Case(
            "Mamadou Sy has been urged to join Arsenal by his international team-mate.",
            player="Mamadou Sy",
            to_club="Arsenal",
            stage="interest",
        ),
        Case(
            "Arsenal are monitoring Lille forward Mamadou Sy. Join our Arsenal WhatsApp channel for the latest news.",
            player="Mamadou Sy",
            to_club="Arsenal",
            stage="interest",
        ),
    ],
    ids=str,
)
def test_negation_future_hedge_and_conditions(case: Case) -> None:
    run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "West Ham have agreed a £42m fee with Leeds United for defender Harvey Quint.",
            player="Harvey Quint",
            fee_eur=48_720_000,
        ),
        Case(
            "Tottenham will pay €45m plus €5m in add-ons for Lyon midfielder Yanis Berrada.",
            player="Yanis Berrada",
            fee_eur=45_000_000,
        ),
        Case(
            "Chelsea have agreed a deal for Sevilla's Pedro Lobato worth an initial £18m, with a further £4m in "
            "bonuses.",
            player="Pedro Lobato",
            fee_eur=20_880_000,
        ),
        Case(
            "Everton have signed goalkeeper Magnus Ostby on a free transfer after his contract at Bodo expired.",
            player="Magnus Ostby",
            fee_eur=0,
        ),
        Case(
            "Inter Miami have agreed a $20m fee with Aston Villa for forward Tyrell Banton.",
            player="Tyrell Banton",
            fee_eur=18_400_000,
        ),
        Case(
            "Nottingham Forest are closing in on a deal for Celtic midfielder Callum Reid in the region of £25m.",
            player="Callum Reid",
            fee_eur=29_000_000,
        ),
        Case(
            "West Ham have agreed a £30m deal, rising to £38m with add-ons, with Lazio for Caio Mendes.",
            player="Caio Mendes",
            fee_eur=34_800_000,
        ),
        Case(
            "West Ham have agreed a deal worth up to £38m with Lazio for forward Caio Mendes.",
            player="Caio Mendes",
            fee_eur=44_080_000,
        ),
        Case(
            "Caio Mendes will earn £150,000 a week at West Ham, who have agreed to pay Lazio £30m for the forward.",
            player="Caio Mendes",
            fee_eur=34_800_000,
        ),
        Case(
            "Caio Mendes has a £60m release clause, but West Ham have agreed a £40m fee with Lazio.",
            player="Caio Mendes",
            fee_eur=46_400_000,
        ),
    ],
    ids=str,
)
def test_fees(case: Case) -> None:
    run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Manchester United are ready to make a £55m offer for Crystal Palace midfielder Kofi Mensah-Bright. (Sun)",
            player="Kofi Mensah-Bright",
            cited=("The Sun",),
        ),
        Case(
            "Arsenal are considering a move for Sporting's Rui Farinha, who has a release clause of €80m. (Mail)",
            player="Rui Farinha",
            cited=("Daily Mail",),
        ),
        Case(
            "Tottenham are leading the race to sign Real Sociedad midfielder Iker Zubiaurre. (Times - "
            "subscription required)",
            player="Iker Zubiaurre",
            cited=("The Times",),
        ),
        Case(
            "Newcastle have opened talks with Ajax over Jesper Vos. (Athletic)",
            player="Jesper Vos",
            cited=("The Athletic",),
        ),
        Case(
            "Bayern Munich are ready to rival Liverpool for Bayer Leverkusen midfielder Florian Weidmann. "
            "(Bild - in German)",
            player="Florian Weidmann",
            cited=("Bild",),
        ),
        Case(
            "Juventus want to take Chelsea forward Noah Whitcombe on loan next season. (Tuttomercato, via Mail)",
            player="Noah Whitcombe",
            cited=("TuttoMercatoWeb", "Daily Mail"),
        ),
        Case(
            "Everton and West Ham are both tracking Celtic winger Aidan Kerr. (Star)",
            player="Aidan Kerr",
            cited=("Daily Star",),
        ),
        Case(
            "Rangers are weighing up a January swoop for Motherwell-born midfielder Ewan Lockhart, according to "
            "the Daily Record.",
            player="Ewan Lockhart",
            to_club="Rangers",
            cited=("Daily Record",),
        ),
        Case(
            "Aston Villa have made contact over Benfica full-back Tiago Moreira. (Telegraph - subscription required)",
            player="Tiago Moreira",
            cited=("The Telegraph",),
        ),
        Case(
            "Manchester City have opened talks with Real Sociedad over Iker Zubiaurre, according to Sky Sports News.",
            player="Iker Zubiaurre",
            cited=("Sky Sports News",),
        ),
        Case(
            "Manchester United are weighing up a bid for Jamie Holt, the Manchester Evening News reports.",
            player="Jamie Holt",
            to_club="Manchester United",
            cited=("Manchester Evening News",),
        ),
        Case(
            "Brentford have announced the signing of Samuel Okonjo from Club Brugge on a five-year contract.",
            player="Samuel Okonjo",
            to_club="Brentford",
            stage="done",
            cited=("Brentford (official)",),
        ),
        Case(
            "Aston Villa have agreed a fee with Feyenoord for Bram de Graaf, The Athletic's David Ornstein reports.",
            player="Bram de Graaf",
            cited=("David Ornstein",),
        ),
        Case(
            "Fulham have joined the queue for Wolves defender Rhys Penhallow. (Express)",
            player="Rhys Penhallow",
            cited=("Daily Express",),
        ),
        Case(
            "Crystal Palace are interested in Leeds United's Harvey Quint. (Sun on Sunday)",
            player="Harvey Quint",
            cited=("The Sun",),
        ),
        Case(
            "Newcastle are plotting a January move for Feyenoord striker Bram de Graaf. (Chronicle)",
            player="Bram de Graaf",
            to_club="Newcastle United",
            cited=("Chronicle Live",),
        ),
        Case(
            "Brentford's Callum Rees wants a move to Tottenham. (i Sport)",
            player="Callum Rees",
            cited=("The i Paper",),
        ),
        Case(
            "Tottenham have made a bid for Brentford's Callum Rees, according to the Athletic.",
            player="Callum Rees",
            from_club="Brentford",
            to_club="Tottenham Hotspur",
            cited=("The Athletic",),
        ),
    ],
    ids=str,
)
def test_cited_sources(case: Case) -> None:
    run(case)
