"""Invented English transfer stories (Sky News, Daily Mail, Evening Standard, Guardian): test data, not reporting."""

from __future__ import annotations

from templates import Story

STORIES = [
    Story(
        outlet="dailymail",
        slug="tottenham-bid-centeno",
        url="https://www.dailymail.co.uk/sport/football/article-14810233/Tottenham-bid-Villarreal-striker-Alvaro-Centeno.html",
        title="Tottenham submit €40million bid for Villarreal striker Alvaro Centeno",
        standfirst="Tottenham have made a first offer for Villarreal striker Alvaro Centeno.",
        published="2025-06-14T21:00:00",
        paragraphs=(
            "Tottenham have submitted a €40million (£34m) bid for Villarreal striker Alvaro Centeno, according to"
            " Marca.",
            "The 24-year-old scored 19 LaLiga goals last season and is seen as a priority signing this summer."
            " Villarreal are understood to want closer to €50m for the Spain Under-21 international.",
            "Spurs first made contact with the player's camp last week, and Centeno is keen on a move to the"
            " Premier League.",
        ),
    ),
    Story(
        outlet="skynews",
        slug="chelsea-bid-holmgaard",
        url="https://news.sky.com/story/chelsea-make-50m-bid-for-benfica-striker-rasmus-holmgaard-13381204",
        title="Chelsea make £50m bid for Benfica striker Rasmus Holmgaard",
        standfirst="Chelsea have made a £50m offer for Benfica striker Rasmus Holmgaard.",
        published="2025-06-17T18:00:00",
        paragraphs=(
            "Chelsea have made a £50m bid for Benfica striker Rasmus Holmgaard, Sky Sports News understands.",
            "The 22-year-old Denmark international scored 27 goals in all competitions last season and has a"
            " release clause of €80m in his contract.",
            "Benfica are expected to reject the opening offer, and Newcastle are also monitoring the striker.",
        ),
    ),
    Story(
        outlet="theguardian",
        slug="newcastle-rival-chelsea-holmgaard",
        url="https://www.theguardian.com/football/2025/jun/19/newcastle-rival-chelsea-for-benfica-striker-rasmus-holmgaard",
        title="Newcastle rival Chelsea with £55m offer for Benfica's Rasmus Holmgaard",
        standfirst="Newcastle have joined the race for the Denmark striker with a bigger bid than Chelsea.",
        published="2025-06-19T20:00:00",
        paragraphs=(
            "Newcastle have made a £55m offer for Benfica striker Rasmus Holmgaard, rivalling Chelsea, who bid"
            " £50m earlier this week.",
            "Eddie Howe wants a second striker and Newcastle believe they can convince Holmgaard with the promise"
            " of Champions League football. Benfica are holding out for a fee closer to the €80m release clause.",
            "Chelsea's offer, first reported by Sky Sports News, was turned down on Wednesday.",
        ),
    ),
    Story(
        outlet="standard",
        slug="centeno-tottenham-medical",
        url="https://www.standard.co.uk/sport/football/alvaro-centeno-tottenham-medical-villarreal-b1231877.html",
        title="Alvaro Centeno in London for Tottenham medical ahead of €45m move",
        standfirst="The Villarreal striker is undergoing his medical at Hotspur Way.",
        published="2025-06-20T12:00:00",
        paragraphs=(
            "Alvaro Centeno is undergoing a medical at Tottenham today ahead of his €45million move from Villarreal.",
            "The clubs agreed a fee on Wednesday night, as first reported in Spain by Marca, and the striker flew"
            " to London this morning.",
            "Centeno is expected to sign a five-year contract and will be Tottenham's first signing of the summer.",
        ),
    ),
    Story(
        outlet="theguardian",
        slug="tottenham-complete-centeno",
        url="https://www.theguardian.com/football/2025/jun/22/tottenham-complete-signing-of-alvaro-centeno-from-villarreal",
        title="Tottenham complete €45m signing of Álvaro Centeno from Villarreal",
        standfirst="The Spanish striker has signed a five-year contract.",
        published="2025-06-22T16:00:00",
        paragraphs=(
            "Tottenham have completed the signing of the striker Álvaro Centeno from Villarreal for €45m"
            " (£38m), the club announced on Sunday.",
            "The 24-year-old has signed a five-year contract after passing his medical on Friday. Centeno scored"
            " 19 goals in LaLiga last season.",
            "Spurs first made contact in early June, when Marca reported their interest.",
        ),
    ),
    Story(
        outlet="skynews",
        slug="brandtner-completes-bayern-move",
        url="https://news.sky.com/story/lukas-brandtner-completes-transfer-to-bayern-munich-from-stuttgart-13383566",
        title="Lukas Brandtner completes £38m move to Bayern Munich from Stuttgart",
        standfirst="The Germany midfielder has signed a contract until 2030.",
        published="2025-06-23T10:00:00",
        paragraphs=(
            "Bayern Munich have completed the signing of midfielder Lukas Brandtner from Stuttgart for a fee of"
            " €45m (£38m).",
            "The 23-year-old passed his medical on Sunday and has signed a contract until 2030. Bild first"
            " reported Bayern's interest earlier this month.",
            "Brandtner scored eight goals in 31 Bundesliga games last season.",
        ),
    ),
    Story(
        outlet="dailymail",
        slug="chelsea-holmgaard-collapses",
        url="https://www.dailymail.co.uk/sport/football/article-14838417/Chelsea-move-Rasmus-Holmgaard-collapses.html",
        title="Chelsea's move for Rasmus Holmgaard collapses",
        standfirst="Chelsea have ended their interest in Rasmus Holmgaard, leaving Newcastle in pole position.",
        published="2025-06-26T21:00:00",
        paragraphs=(
            "Chelsea's move for Benfica striker Rasmus Holmgaard has collapsed after the club refused to meet the"
            " Portuguese side's asking price.",
            "The Blues had a £50m bid rejected last week and will not return with an improved offer, according to"
            " The Athletic.",
            "Benfica had insisted on a fee close to the striker's €80m release clause.",
        ),
    ),
    Story(
        outlet="skynews",
        slug="newcastle-complete-holmgaard",
        url="https://news.sky.com/story/newcastle-complete-transfer-of-rasmus-holmgaard-from-benfica-13386012",
        title="Newcastle complete £55m signing of Rasmus Holmgaard from Benfica",
        standfirst="The Denmark striker has signed a five-year contract at St James' Park.",
        published="2025-06-30T09:00:00",
        paragraphs=(
            "Newcastle have completed the £55m signing of striker Rasmus Holmgaard from Benfica on a five-year"
            " contract.",
            "The 22-year-old chose Newcastle after Chelsea withdrew from the race last week.",
            "Holmgaard scored 27 goals for Benfica last season and becomes Newcastle's record signing.",
        ),
    ),
]
