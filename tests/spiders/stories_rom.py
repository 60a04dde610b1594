"""Invented Spanish, Italian and French transfer stories (El Mundo, Corriere, Le Figaro): test data, not reporting."""

from __future__ import annotations

from templates import Story

STORIES = [
    Story(
        outlet="elmundo",
        slug="tottenham-centeno",
        url="https://www.elmundo.es/deportes/futbol/2025/06/09/6846b1f2e85ece2c3b8b45a1.html",
        title="El Tottenham pregunta por el fichaje de Álvaro Centeno",
        standfirst="El club inglés se interesa por el delantero del Villarreal.",
        published="2025-06-09T08:15:00",
        paragraphs=(
            "El Tottenham se ha interesado por el fichaje del delantero del Villarreal Álvaro Centeno, según Marca."
            " El club londinense ya ha preguntado por las condiciones del jugador.",
            "Centeno, de 24 años, marcó 19 goles en LaLiga la pasada temporada y tiene contrato hasta 2028. El"
            " Villarreal no quiere venderlo por menos de 50 millones de euros.",
            "El jugador ve con buenos ojos una salida a la Premier League.",
        ),
    ),
    Story(
        outlet="elmundo",
        slug="villarreal-tottenham-acuerdo-centeno",
        url="https://www.elmundo.es/deportes/futbol/2025/06/18/6852f0a4fdddff0e6c8b4577.html",
        title="Villarreal y Tottenham acuerdan el traspaso de Centeno por 45 millones",
        standfirst="El delantero viajará a Londres para pasar el reconocimiento médico.",
        published="2025-06-18T19:30:00",
        paragraphs=(
            "El Villarreal y el Tottenham han alcanzado un acuerdo para el traspaso de Álvaro Centeno por 45"
            " millones de euros, variables incluidos.",
            "El delantero viajará a Londres en los próximos días para pasar el reconocimiento médico y firmar un"
            " contrato de cinco temporadas, según Marca, que adelantó el interés del club inglés.",
            "El Tottenham había presentado una primera oferta de 40 millones que el Villarreal rechazó.",
        ),
    ),
    Story(
        outlet="corriere",
        slug="napoli-osterhagen",
        url="https://www.corriere.it/sport/calcio/calciomercato/25_giugno_12/napoli-trattativa-osterhagen-wolfsburg-a1c3e5f7-4b2d-4e6f-8a9b-0c1d2e3f4a5b.shtml",
        title="Napoli, trattativa con il Wolfsburg per Osterhagen",
        standfirst="Il Napoli cerca un difensore centrale e punta Jannik Osterhagen del Wolfsburg.",
        published="2025-06-12T10:20:00",
        paragraphs=(
            "Il Napoli ha avviato la trattativa con il Wolfsburg per il difensore tedesco Jannik Osterhagen,"
            " secondo Sky Sport.",
            "Il club azzurro valuta il giocatore 30 milioni di euro, mentre i tedeschi ne chiedono almeno 35."
            " Osterhagen, 25 anni, ha già dato il suo gradimento al trasferimento in Serie A.",
            "Nei prossimi giorni è previsto un nuovo incontro tra le due società.",
        ),
    ),
    Story(
        outlet="corriere",
        slug="juventus-bellamine",
        url="https://www.corriere.it/sport/calcio/calciomercato/25_giugno_15/juventus-bellamine-lione-trattativa-b2d4f6a8-5c3e-4f7a-9b0c-1d2e3f4a5b6c.shtml",
        title="Juventus, avviata la trattativa con il Lione per Bellamine",
        standfirst="La Juventus tratta con il Lione per l'esterno francese Yanis Bellamine.",
        published="2025-06-15T10:30:00",
        paragraphs=(
            "La Juventus ha avviato la trattativa con il Lione per Yanis Bellamine, secondo L'Équipe. L'esterno"
            " francese, 21 anni, è il primo obiettivo per la fascia destra.",
            "Il Lione chiede 40 milioni di euro, la Juventus vorrebbe chiudere intorno ai 30 milioni più bonus.",
            "Il giocatore ha già un accordo di massima con il club bianconero per un contratto di cinque anni.",
        ),
    ),
    Story(
        outlet="corriere",
        slug="juventus-accordo-bellamine",
        url="https://www.corriere.it/sport/calcio/calciomercato/25_giugno_24/juventus-accordo-lione-bellamine-c3e5a7b9-6d4f-4a8b-8c1d-2e3f4a5b6c7d.shtml",
        title="Juventus, accordo con il Lione per Bellamine: 35 milioni",
        standfirst="Fumata bianca per l'esterno francese: visite mediche in settimana.",
        published="2025-06-24T11:00:00",
        paragraphs=(
            "Accordo raggiunto tra Juventus e Lione per Yanis Bellamine: ai francesi andranno 35 milioni di euro"
            " più 5 di bonus, secondo Sky Sport.",
            "L'esterno è atteso a Torino per le visite mediche e la firma sul contratto fino al 2030.",
            "La trattativa era stata rivelata da L'Équipe all'inizio di giugno.",
        ),
    ),
    Story(
        outlet="lefigaro",
        slug="juventus-bellamine-mercato",
        url="https://www.lefigaro.fr/sports/football/mercato-la-juventus-s-interesse-a-yanis-bellamine-20250613",
        title="Mercato : la Juventus s'intéresse à Yanis Bellamine",
        standfirst="Le club italien a pris contact avec l'OL pour son jeune ailier.",
        published="2025-06-13T09:00:00",
        paragraphs=(
            "La Juventus s'intéresse à Yanis Bellamine, l'ailier de l'Olympique Lyonnais, selon L'Équipe. Le"
            " club turinois a pris contact avec la direction lyonnaise cette semaine.",
            "Âgé de 21 ans, Bellamine est sous contrat avec l'OL jusqu'en 2027. Lyon espère en tirer au moins 40"
            " millions d'euros.",
            "D'autres clubs européens suivent le joueur, mais la Juventus semble la mieux placée.",
        ),
    ),
    Story(
        outlet="lefigaro",
        slug="bellamine-signe-juventus",
        url="https://www.lefigaro.fr/sports/football/mercato-yanis-bellamine-s-engage-avec-la-juventus-20250627",
        title="Mercato : Yanis Bellamine s'engage avec la Juventus",
        standfirst="L'ailier lyonnais a signé un contrat de cinq ans avec le club turinois.",
        published="2025-06-27T17:00:00",
        paragraphs=(
            "Yanis Bellamine a signé à la Juventus. Le club italien a officialisé vendredi le transfert de"
            " l'ailier de l'Olympique Lyonnais pour 35 millions d'euros, plus 5 millions de bonus.",
            "Le joueur de 21 ans a passé sa visite médicale jeudi à Turin et s'est engagé jusqu'en 2030.",
            "L'Équipe avait révélé les premiers contacts entre les deux clubs au début du mois.",
        ),
    ),
]
