"""French transfer reports as L'Équipe, Foot Mercato, RMC Sport, Le Parisien, Le 10 Sport and the regional press
write them, and what a reader takes from each. Players are invented; clubs are the registry's."""

from __future__ import annotations

import pytest

from tests.extract.cases import NO_CLUB, Case, check


def _run(case: Case) -> None:
    check(case, "fr")


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Le Stade Rennais a officialisé ce jeudi l'arrivée de Noah Bertrand. Le milieu de terrain de 23 ans, "
            "en provenance de Lorient, s'est engagé jusqu'en 2029.",
            title="Officiel : Noah Bertrand s'engage avec le Stade Rennais",
            player="Noah Bertrand",
            from_club="Lorient",
            to_club="Rennes",
            stage="done",
        ),
        Case(
            "C'est officiel ! Enzo Marchetti rejoint l'OM. Le club phocéen a annoncé la signature de l'ailier, "
            "qui quitte Toulouse après trois saisons.",
            player="Enzo Marchetti",
            from_club="Toulouse",
            to_club="Marseille",
            stage="done",
        ),
        Case(
            "Moussa Kanouté a paraphé un contrat de cinq ans avec le RC Lens. L'attaquant arrive de Brest contre "
            "12 millions d'euros.",
            title="Lens tient sa nouvelle recrue",
            player="Moussa Kanouté",
            from_club="Brest",
            to_club="Lens",
            stage="done",
            fee_eur=12_000_000,
        ),
        Case(
            "Rayan Chérif est désormais un joueur du LOSC. Le défenseur central a signé un contrat de quatre ans, "
            "en provenance de l'OGC Nice.",
            player="Rayan Chérif",
            from_club="Nice",
            to_club="Lille",
            stage="done",
        ),
        Case(
            "L'AS Monaco a bouclé le recrutement d'Adrien Morel. Le latéral gauche du FC Nantes a signé jusqu'en "
            "2028, contre une indemnité de 8 millions d'euros.",
            title="Monaco s'offre Adrien Morel",
            player="Adrien Morel",
            from_club="Nantes",
            to_club="Monaco",
            stage="done",
            fee_eur=8_000_000,
        ),
        Case(
            "Le Paris Saint-Germain a annoncé ce lundi la signature de Bastien Guillot, libre depuis la fin de "
            "son contrat à Montpellier. Le gardien s'est engagé pour trois saisons.",
            title="Le PSG officialise l'arrivée de Bastien Guillot",
            player="Bastien Guillot",
            to_club="Paris Saint-Germain",
            stage="done",
            fee_eur=0,
        ),
        Case(
            "Ismaël Traoré est Lyonnais ! L'OL a officialisé le transfert du défenseur de Strasbourg pour "
            "15 millions d'euros.",
            player="Ismaël Traoré",
            from_club="Strasbourg",
            to_club="Lyon",
            stage="done",
            fee_eur=15_000_000,
        ),
        Case(
            "Le jeune attaquant du Paris FC Florian Castel est prêté à l'AJ Auxerre pour une saison, a annoncé "
            "le club bourguignon.",
            title="Prêt : Florian Castel rejoint Auxerre",
            player="Florian Castel",
            from_club="Paris FC",
            to_club="Auxerre",
            stage="done",
        ),
        Case(
            "Le milieu de terrain de Clermont Noam Lefebvre s'est lié pour quatre saisons avec le club haut-garonnais.",
            title="Transfert : Noam Lefebvre à Toulouse, c'est fait",
            player="Noam Lefebvre",
            from_club="Clermont",
            to_club="Toulouse",
            stage="done",
        ),
        Case(
            "C'est officiel : Louis Ménard retourne au FC Nantes, son club formateur, en provenance de Toulouse.",
            player="Louis Ménard",
            from_club="Toulouse",
            to_club="Nantes",
            stage="done",
        ),
        Case(
            "Le Stade Brestois a annoncé ce mardi l'arrivée d'Elias Guéguen. L'ancien latéral de Lorient, passé "
            "ensuite par Nice, a paraphé un contrat de trois ans en provenance de Reims.",
            player="Elias Guéguen",
            from_club="Reims",
            to_club="Brest",
            stage="done",
        ),
    ],
    ids=str,
)
def test_completed_moves_read_as_done(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Le LOSC a fait une offre améliorée qui a été acceptée par Rennes pour Yann Kervella.",
            player="Yann Kervella",
            from_club="Rennes",
            to_club="Lille",
            stage="agreed",
        ),
        Case(
            "Le LOSC et Rennes sont tombés d'accord pour Yann Kervella. Il ne manque plus que la signature officielle.",
            player="Yann Kervella",
            from_club="Rennes",
            to_club="Lille",
            stage="agreed",
        ),
        Case(
            "Selon nos informations, le Stade Rennais a trouvé un accord avec Lorient pour le transfert de Killian "
            "Roux. Le montant de l'opération avoisine les 10 millions d'euros.",
            player="Killian Roux",
            from_club="Lorient",
            to_club="Rennes",
            stage="agreed",
            fee_eur=10_000_000,
        ),
        Case(
            "L'OGC Nice est sur le point de boucler l'arrivée de Samuel Adjovi. Un accord a été trouvé avec "
            "Reims sur la base de 9 millions d'euros, affirme L'Équipe.",
            title="Samuel Adjovi va s'engager avec Nice",
            player="Samuel Adjovi",
            from_club="Reims",
            to_club="Nice",
            stage="agreed",
            fee_eur=9_000_000,
            cited=("L'Équipe",),
        ),
        Case(
            "Les Sang et Or ont bouclé un accord avec le FC Metz pour Aurélien Pichon. Il ne reste plus que la "
            "visite médicale à programmer.",
            title="Le transfert d'Aurélien Pichon à Lens est acté",
            player="Aurélien Pichon",
            from_club="Metz",
            to_club="Lens",
            stage="agreed",
        ),
        Case(
            "Le LOSC a trouvé un terrain d'entente avec Toulouse pour Maxence Lebrun, selon RMC Sport.",
            title="Maxence Lebrun tout proche de Lille",
            player="Maxence Lebrun",
            from_club="Toulouse",
            to_club="Lille",
            stage="agreed",
            cited=("RMC Sport",),
        ),
        Case(
            "Sofiane Benali va signer à Strasbourg. Le RC Strasbourg s'est entendu avec Montpellier pour un "
            "transfert estimé à 6 millions d'euros.",
            player="Sofiane Benali",
            from_club="Montpellier",
            to_club="Strasbourg",
            stage="agreed",
            fee_eur=6_000_000,
        ),
        Case(
            "Jordan Makengo est en passe de rejoindre le Stade Brestois. Le club breton et Angers se sont mis "
            "d'accord sur une indemnité de 4 millions d'euros.",
            player="Jordan Makengo",
            to_club="Brest",
            stage="agreed",
            fee_eur=4_000_000,
        ),
        Case(
            "Le Havre a accepté l'offre du RC Strasbourg pour Cyril Bonnaud. Le milieu de terrain devrait "
            "s'engager dans les prochains jours.",
            player="Cyril Bonnaud",
            from_club="Le Havre",
            to_club="Strasbourg",
            stage="agreed",
        ),
        Case(
            "Le Paris Saint-Germain a obtenu un accord de principe du Stade Rennais pour Matéo Le Bris. Les derniers "
            "détails sont en train d'être réglés.",
            player="Matéo Le Bris",
            from_club="Rennes",
            to_club="Paris Saint-Germain",
            stage="agreed",
        ),
        Case(
            "Le Toulouse FC a devancé l'OGC Nice dans le dossier Matthieu Roselier. Le club violet s'est entendu "
            "avec Angers sur une indemnité de 5 millions d'euros.",
            player="Matthieu Roselier",
            from_club="Angers",
            to_club="Toulouse",
            stage="agreed",
        ),
    ],
    ids=str,
)
def test_agreements_between_clubs_read_as_agreed(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Selon Foot Mercato, l'OM s'est entendu avec le joueur sur un contrat de quatre ans. Il reste "
            "désormais à convaincre le FC Lorient, qui réclame 10 millions d'euros.",
            title="L'OM a un accord avec Wilfried Nkoulou",
            player="Wilfried Nkoulou",
            from_club="Lorient",
            to_club="Marseille",
            stage="talks",
            cited=("Foot Mercato",),
        ),
        Case(
            "Le LOSC a entamé des discussions avec Clermont pour Clément Fauvel, affirme L'Équipe.",
            player="Clément Fauvel",
            from_club="Clermont",
            to_club="Lille",
            stage="talks",
        ),
        Case(
            "L'OGC Nice négocie avec l'entourage d'Axel Diakhaby, dont le contrat avec Saint-Étienne expire en juin.",
            player="Axel Diakhaby",
            from_club="Saint-Étienne",
            to_club="Nice",
            stage="talks",
        ),
        Case(
            "Les dirigeants lensois ont rencontré mercredi les représentants de Malik Ndour, le milieu de terrain "
            "de Montpellier.",
            title="Lens passe à la vitesse supérieure pour Malik Ndour",
            player="Malik Ndour",
            from_club="Montpellier",
            to_club="Lens",
            stage="talks",
        ),
        Case(
            "Le Stade Brestois a ouvert des négociations avec l'AJ Auxerre pour Valentin Rochette. Les premiers "
            "échanges sont jugés encourageants.",
            player="Valentin Rochette",
            from_club="Auxerre",
            to_club="Brest",
            stage="talks",
        ),
        Case(
            "Arthur Vidal a donné son accord au Stade Rennais, mais les deux clubs restent éloignés sur le prix. "
            "Metz attend au moins 8 millions d'euros.",
            title="Rennes avance sur le dossier Arthur Vidal",
            player="Arthur Vidal",
            from_club="Metz",
            to_club="Rennes",
            stage="talks",
        ),
        Case(
            "Le transfert de Mathias Kerleau au Stade Brestois n'est pas encore acté : Lorient et Brest négocient "
            "toujours le montant.",
            player="Mathias Kerleau",
            stage="talks",
        ),
    ],
    ids=str,
)
def test_talks_and_personal_terms_read_as_talks(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "L'offre améliorée du LOSC n'a pas été acceptée par Rennes pour Yann Kervella.",
            player="Yann Kervella",
            from_club="Rennes",
            to_club="Lille",
            stage="bid",
        ),
        Case(
            "L'OM a formulé une première offre de 7 millions d'euros à Toulouse pour Loris Peyrac, révèle La Provence.",
            player="Loris Peyrac",
            from_club="Toulouse",
            to_club="Marseille",
            stage="bid",
            fee_eur=7_000_000,
            cited=("La Provence",),
        ),
        Case(
            "Lyon passe à l'offensive pour Amine Belhadj. Les Gones ont transmis une proposition de 12 millions "
            "d'euros au Stade de Reims.",
            player="Amine Belhadj",
            from_club="Reims",
            to_club="Lyon",
            stage="bid",
            fee_eur=12_000_000,
        ),
        Case(
            "L'AS Monaco revient à la charge pour Cheikh Seck avec une offre améliorée à 20 millions d'euros. Le "
            "FC Metz en espère davantage.",
            player="Cheikh Seck",
            from_club="Metz",
            to_club="Monaco",
            stage="bid",
            fee_eur=20_000_000,
        ),
        Case(
            "Le RC Lens a fait une offre pour Benjamin Tessier, le défenseur central d'Angers. Le montant avoisine "
            "les 3 millions d'euros.",
            player="Benjamin Tessier",
            from_club="Angers",
            to_club="Lens",
            stage="bid",
            fee_eur=3_000_000,
        ),
        Case(
            "Le Stade Rennais a dégainé une offre de 14 millions d'euros pour Gaspard Lenoir, le milieu offensif "
            "du FC Nantes.",
            title="Rennes passe à l'action pour Gaspard Lenoir",
            player="Gaspard Lenoir",
            from_club="Nantes",
            to_club="Rennes",
            stage="bid",
            fee_eur=14_000_000,
        ),
        Case(
            "Les Monégasques ont relancé le FC Metz avec une proposition revue à la hausse pour le milieu Cheikh "
            "Seck, à 20 millions d'euros.",
            player="Cheikh Seck",
            from_club="Metz",
            to_club="Monaco",
            stage="bid",
            fee_eur=20_000_000,
        ),
    ],
    ids=str,
)
def test_offers_read_as_bid(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Le Paris Saint-Germain suit de près Mamadou Cissokho, le latéral droit de Lille, selon Le Parisien.",
            title="Mamadou Cissokho dans le viseur du PSG",
            player="Mamadou Cissokho",
            from_club="Lille",
            to_club="Paris Saint-Germain",
            stage="interest",
            cited=("Le Parisien",),
        ),
        Case(
            "L'Olympique de Marseille a coché le nom de Lenny Joubert pour renforcer son milieu. Le joueur de "
            "Brest plaît beaucoup à la direction phocéenne.",
            title="Lenny Joubert, la nouvelle piste de l'OM",
            player="Lenny Joubert",
            from_club="Brest",
            to_club="Marseille",
            stage="interest",
        ),
        Case(
            "L'OGC Nice s'intéresse de près à Tanguy Morin. Le gardien de Clermont figure sur les tablettes des "
            "Aiglons.",
            player="Tanguy Morin",
            from_club="Clermont",
            to_club="Nice",
            stage="interest",
        ),
        Case(
            "Selon Foot Mercato, l'OL songe à Pierre Lavigne pour remplacer son avant-centre. L'attaquant de "
            "Montpellier est également suivi par plusieurs clubs allemands.",
            player="Pierre Lavigne",
            from_club="Montpellier",
            to_club="Lyon",
            stage="interest",
        ),
        Case(
            "Le Stade Rennais a fait d'Alexis Fournier sa priorité en défense et s'est déjà renseigné auprès de "
            "Strasbourg.",
            title="Alexis Fournier, cible prioritaire de Rennes",
            player="Alexis Fournier",
            from_club="Strasbourg",
            to_club="Rennes",
            stage="interest",
        ),
        Case(
            "Le LOSC a des vues sur Kévin Dufresne, le milieu offensif d'Angers, affirme Le 10 Sport.",
            player="Kévin Dufresne",
            from_club="Angers",
            to_club="Lille",
            stage="interest",
            cited=("Le 10 Sport",),
        ),
        Case(
            "Titulaire à Auxerre, où il est prêté par le Stade Rennais, Paul Abiven intéresse le FC Nantes.",
            player="Paul Abiven",
            from_club="Rennes",
            to_club="Nantes",
            stage="interest",
        ),
        Case(
            "L'entraîneur nantais Didier Lemoine a confirmé l'intérêt du LOSC pour Axel Mbemba, qu'il juge "
            "indispensable.",
            player="Axel Mbemba",
            to_club="Lille",
            stage="interest",
        ),
    ],
    ids=str,
)
def test_interest_reads_as_interest(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Yoann Gaillard passe actuellement sa visite médicale avec le RC Lens, qui a trouvé un accord avec Angers.",
            player="Yoann Gaillard",
            from_club="Angers",
            to_club="Lens",
            stage="medical",
        ),
        Case(
            "Nabil Ouazzani est attendu ce mardi à Marseille pour passer sa visite médicale, indique La Provence. "
            "L'OM s'est entendu avec le FC Nantes.",
            player="Nabil Ouazzani",
            from_club="Nantes",
            to_club="Marseille",
            stage="medical",
            cited=("La Provence",),
        ),
        Case(
            "Le défenseur de Reims effectue ce lundi ses examens médicaux avec l'Olympique Lyonnais, qui s'est "
            "entendu avec le club champenois.",
            title="Quentin Delorme en visite médicale",
            player="Quentin Delorme",
            from_club="Reims",
            to_club="Lyon",
            stage="medical",
        ),
        Case(
            "Bryan Mendy a commencé sa visite médicale ce matin à Brest. L'ailier arrive de Clermont.",
            player="Bryan Mendy",
            from_club="Clermont",
            to_club="Brest",
            stage="medical",
        ),
        Case(
            "Le milieu de Lens Jonathan Ribeiro passera sa visite médicale demain avec l'AS Monaco.",
            player="Jonathan Ribeiro",
            from_club="Lens",
            to_club="Monaco",
            stage="medical",
        ),
        Case(
            "Joris Gaillard effectue en ce moment ses tests médicaux au RC Lens, qui s'est entendu avec Angers.",
            player="Joris Gaillard",
            from_club="Angers",
            to_club="Lens",
            stage="medical",
        ),
        Case(
            "Jonathan Ribeiro est attendu demain en Principauté pour passer sa visite médicale avec les "
            "Monégasques. Le milieu quitte Lens après quatre saisons.",
            player="Jonathan Ribeiro",
            from_club="Lens",
            to_club="Monaco",
            stage="medical",
        ),
    ],
    ids=str,
)
def test_booked_and_ongoing_medicals(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Coup de froid : le transfert de Nathan Guérin vers Lens est tombé à l'eau. Toulouse et les Sang et Or "
            "ne sont pas parvenus à s'entendre sur le montant.",
            player="Nathan Guérin",
            stage="collapsed",
        ),
        Case(
            "Courtisé par plusieurs clubs de Ligue 1, Jérémy Lacaze a prolongé son contrat avec Montpellier "
            "jusqu'en 2028.",
            title="Jérémy Lacaze prolonge au MHSC",
            player="Jérémy Lacaze",
            stage="collapsed",
        ),
        Case(
            "Les discussions entre l'OM et Lens pour Mehdi Zerrouki ont échoué. Le club phocéen va se tourner vers "
            "d'autres options.",
            title="Fin de la piste Mehdi Zerrouki pour l'OM",
            player="Mehdi Zerrouki",
            stage="collapsed",
        ),
        Case(
            "Malgré l'intérêt de Lyon, Ousmane Baldé restera finalement au Stade Brestois cette saison. Le club "
            "breton a refusé toutes les offres.",
            player="Ousmane Baldé",
            stage="collapsed",
        ),
        Case(
            "Le Stade Rennais a jeté l'éponge pour Youssouf Diarra, jugé trop cher. Le milieu de Lorient devrait "
            "prendre la direction de l'Allemagne.",
            title="Rennes se retire du dossier Youssouf Diarra",
            player="Youssouf Diarra",
            to_club="Rennes",
            stage="collapsed",
        ),
        Case(
            "Volte-face dans le dossier Thibault Marchal : l'OGC Nice a fait machine arrière et conserve son "
            "défenseur, annoncé tout proche de Monaco.",
            player="Thibault Marchal",
            stage="collapsed",
        ),
        Case(
            "Recalé lors de sa visite médicale avec le LOSC, Hugo Vasseur retourne à Metz. Le transfert est annulé.",
            title="Coup de théâtre pour Hugo Vasseur",
            player="Hugo Vasseur",
            stage="collapsed",
        ),
        Case(
            "Florian Masson a été recalé lors de sa visite médicale avec le LOSC. L'attaquant de Metz retourne en "
            "Lorraine.",
            player="Florian Masson",
            stage="collapsed",
        ),
        Case(
            "L'OGC Nice ne lèvera pas l'option d'achat d'Hamza Belkadi, prêté par le FC Metz. Le milieu "
            "retournera en Lorraine à l'issue de la saison.",
            player="Hamza Belkadi",
            stage="collapsed",
        ),
        Case(
            "Le Stade Brestois n'a pas levé l'option d'achat de Titouan Le Bihan, qui revient au Havre. Le club "
            "normand cherche désormais un nouveau point de chute pour son défenseur.",
            player="Titouan Le Bihan",
            stage="collapsed",
        ),
    ],
    ids=str,
)
def test_collapses_and_renewals(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Interrogé sur la rumeur envoyant Loïc Sanogo au PSG, le club parisien a démenti toute négociation avec "
            "l'attaquant de Nantes.",
            title="Le PSG dément pour Loïc Sanogo",
            player="Loïc Sanogo",
            stage="denied",
        ),
        Case(
            "Le président lensois a coupé court aux rumeurs concernant Gabin Lefort, convoité par Marseille : le "
            "défenseur n'est pas à vendre.",
            title="Lens ferme la porte pour Gabin Lefort",
            player="Gabin Lefort",
            stage="denied",
        ),
        Case(
            "Aucune offre de l'Olympique Lyonnais n'est parvenue à Toulouse pour Romain Achard, assure son agent.",
            player="Romain Achard",
            stage="denied",
        ),
        Case(
            "L'OM n'a jamais été intéressé par Hervé Kouassi, a assuré le directeur sportif marseillais, "
            "balayant les informations du Parisien.",
            player="Hervé Kouassi",
            stage="denied",
        ),
        Case(
            "L'OGC Nice a formellement démenti les rumeurs d'un départ de Sacha Monnier vers Monaco.",
            player="Sacha Monnier",
            stage="denied",
        ),
        Case(
            "« C'est une infox » : l'entourage de Jordan Pétrel dément tout contact avec le Paris Saint-Germain.",
            player="Jordan Pétrel",
            stage="denied",
        ),
        Case(
            "Contrairement à ce qu'annonçait la presse espagnole, le Paris Saint-Germain ne serait pas intéressé par "
            "Jordy Lavallée, le latéral de Montpellier.",
            player="Jordy Lavallée",
            stage="denied",
        ),
        Case(
            "Pierrick Dumas ne sera pas à vendre cet été, a prévenu le président du RC Lens.",
            player="Pierrick Dumas",
            stage="denied",
        ),
    ],
    ids=str,
)
def test_denials(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Anthony Gasset devrait quitter le FC Lorient cet été. Le club breton ne compte plus sur l'attaquant, "
            "poussé vers la sortie.",
            title="Lorient : Anthony Gasset sur le départ",
            player="Anthony Gasset",
            from_club="Lorient",
            to_club=NO_CLUB,
            stage="exit_only",
        ),
        Case(
            "L'AJ Auxerre et Thomas Leclercq se sont entendus sur la résiliation de son contrat. Le milieu de "
            "terrain est libre de s'engager où il le souhaite.",
            title="Auxerre libère Thomas Leclercq",
            player="Thomas Leclercq",
            from_club="Auxerre",
            to_club=NO_CLUB,
            stage="exit_only",
        ),
        Case(
            "En fin de contrat, Ludovic Garnier quittera le Stade de Reims à l'issue de la saison, a annoncé le "
            "club champenois.",
            player="Ludovic Garnier",
            from_club="Reims",
            to_club=NO_CLUB,
            stage="exit_only",
        ),
        Case(
            "Le Stade Rennais a placé Marc-Antoine Dupuy sur la liste des transferts. Le latéral n'entre plus dans "
            "les plans de l'entraîneur.",
            player="Marc-Antoine Dupuy",
            from_club="Rennes",
            to_club=NO_CLUB,
            stage="exit_only",
        ),
        Case(
            "Le FC Metz a accordé un bon de sortie à Kévin Moreau, qui ne s'entend plus avec son entraîneur.",
            player="Kévin Moreau",
            from_club="Metz",
            to_club=NO_CLUB,
            stage="exit_only",
        ),
    ],
    ids=str,
)
def test_departures_without_destination(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Le LOSC a repoussé une proposition de 15 millions d'euros de l'OM pour son milieu Dylan Koffi, selon "
            "L'Équipe.",
            title="Lille a repoussé l'offre de Marseille pour Dylan Koffi",
            player="Dylan Koffi",
            from_club="Lille",
            to_club="Marseille",
            stage="bid",
            cited=("L'Équipe",),
        ),
        Case(
            "Le RC Lens a fait une offre de 18 millions d'euros pour Ethan Rivière, mais Toulouse en réclame "
            "davantage pour son ailier.",
            player="Ethan Rivière",
            from_club="Toulouse",
            to_club="Lens",
            stage="bid",
            fee_eur=18_000_000,
        ),
        Case(
            "L'attaquant du Stade de Reims, Hugo Perrot, est dans le viseur de l'Olympique Lyonnais.",
            player="Hugo Perrot",
            from_club="Reims",
            to_club="Lyon",
            stage="interest",
        ),
        Case(
            "L'AS Monaco fonce sur Killian Ferrand, mais le Paris Saint-Germain ne veut pas le lâcher.",
            player="Killian Ferrand",
            from_club="Paris Saint-Germain",
            to_club="Monaco",
        ),
        Case(
            "Le FC Nantes discute avec le LOSC pour la vente de son défenseur Steve Ambroise.",
            player="Steve Ambroise",
            from_club="Nantes",
            to_club="Lille",
            stage="talks",
        ),
        Case(
            "Le Stade Brestois a rejeté l'offre de l'AS Monaco pour Erwan Le Goff, son défenseur central.",
            player="Erwan Le Goff",
            from_club="Brest",
            to_club="Monaco",
            stage="bid",
        ),
        Case(
            "Le FC Metz cède Lucas Humbert au Stade Brestois contre 5 millions d'euros.",
            player="Lucas Humbert",
            from_club="Metz",
            to_club="Brest",
            fee_eur=5_000_000,
        ),
        Case(
            "Montpellier a accepté la proposition de Lyon pour Yanis Amrouche, selon Le 10 Sport.",
            player="Yanis Amrouche",
            from_club="Montpellier",
            to_club="Lyon",
            stage="agreed",
        ),
        Case(
            "Courtisé par Monaco, Killian Ferrand ne bougera pas : le Paris Saint-Germain souhaite le conserver.",
            player="Killian Ferrand",
            from_club="Paris Saint-Germain",
            to_club="Monaco",
        ),
        Case(
            "Brest dit non à Monaco pour Erwan Le Goff : le club breton a rejeté une proposition de 9 millions "
            "d'euros.",
            player="Erwan Le Goff",
            from_club="Brest",
            to_club="Monaco",
            stage="bid",
        ),
    ],
    ids=str,
)
def test_the_seller_is_never_the_destination(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Passé par le PSG, Cédric Bouvard s'est engagé avec le FC Lorient en provenance de Metz.",
            player="Cédric Bouvard",
            from_club="Metz",
            to_club="Lorient",
            stage="done",
        ),
        Case(
            "Le RC Lens a coiffé l'OGC Nice au poteau pour Idriss Kamara : l'ailier de Clermont a signé chez les "
            "Sang et Or.",
            player="Idriss Kamara",
            from_club="Clermont",
            to_club="Lens",
            stage="done",
        ),
        Case(
            "Présent à Lyon ce week-end, Noé Barbier s'est engagé avec l'AS Saint-Étienne, en provenance de Bordeaux.",
            player="Noé Barbier",
            from_club="Bordeaux",
            to_club="Saint-Étienne",
            stage="done",
        ),
        Case(
            "L'ancien joueur du FC Nantes Jules Perret a signé un contrat de deux ans avec Angers, en provenance "
            "de Reims.",
            player="Jules Perret",
            from_club="Reims",
            to_club="Angers",
            stage="done",
        ),
        Case(
            "Actuellement prêté à Metz par le Stade Rennais, Léo Mabille va rejoindre Toulouse. Le club rennais a "
            "trouvé un accord avec le TFC.",
            player="Léo Mabille",
            from_club="Rennes",
            to_club="Toulouse",
            stage="agreed",
        ),
        Case(
            "Le Stade Brestois a officialisé l'arrivée de Yohan Ravier. Né à Marseille, le latéral arrive du Paris FC.",
            player="Yohan Ravier",
            from_club="Paris FC",
            to_club="Brest",
            stage="done",
        ),
        Case(
            "Après le départ de Rayan Chérif vers Monaco, le LOSC a bouclé l'arrivée de Gaspard Lenoir, le milieu "
            "du FC Nantes, pour 9 millions d'euros.",
            title="Lille s'offre Gaspard Lenoir",
            player="Gaspard Lenoir",
            from_club="Nantes",
            to_club="Lille",
            fee_eur=9_000_000,
        ),
        Case(
            "Le RC Strasbourg a officialisé la signature de Romain Ducrocq. Convoité par Nice et Rennes, l'ailier de "
            "Lorient a préféré le projet alsacien.",
            player="Romain Ducrocq",
            from_club="Lorient",
            to_club="Strasbourg",
            stage="done",
        ),
        Case(
            "Aperçu à Lyon samedi, Noé Barbier a finalement signé chez les Verts, en provenance de Bordeaux.",
            player="Noé Barbier",
            from_club="Bordeaux",
            to_club="Saint-Étienne",
            stage="done",
        ),
        Case(
            "Le FC Lorient a officialisé l'arrivée de Baptiste Carrel en provenance de Clermont. Titulaire avec "
            "Brest la saison passée, le latéral s'est engagé pour trois ans.",
            player="Baptiste Carrel",
            from_club="Clermont",
            to_club="Lorient",
            stage="done",
        ),
        Case(
            "Lilian Corbel va quitter définitivement l'OL. Lyon, qui l'a prêté à Metz cette saison, a trouvé un "
            "accord avec le RC Lens pour 6 millions d'euros.",
            player="Lilian Corbel",
            from_club="Lyon",
            to_club="Lens",
            stage="agreed",
        ),
        Case(
            "Mathis Gourvès a pris l'avion pour Nice ce matin afin de finaliser son arrivée. Le milieu quitte "
            "Lorient après cinq saisons.",
            player="Mathis Gourvès",
            from_club="Lorient",
            to_club="Nice",
        ),
    ],
    ids=str,
)
def test_background_clubs_are_no_side(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Aucun accord n'a encore été trouvé entre Lorient et les Girondins pour Maël Quéméner, mais les "
            "discussions se poursuivent.",
            player="Maël Quéméner",
            stage="talks",
        ),
        Case(
            "Selon Le 10 Sport, Théo Lemaire pourrait rejoindre l'OM cet été. Le club phocéen apprécie le profil "
            "du milieu de Lens.",
            player="Théo Lemaire",
            from_club="Lens",
            to_club="Marseille",
            stage="interest",
        ),
        Case(
            "Si le PSG ne parvient pas à boucler l'arrivée de sa priorité, il pourrait se tourner vers Nolan "
            "Brisson, l'attaquant de Lille.",
            player="Nolan Brisson",
            stage="interest",
        ),
        Case(
            "Kenzo Aubry signera dans les prochains jours à Nice, qui a trouvé un accord avec le RC Strasbourg.",
            player="Kenzo Aubry",
            from_club="Strasbourg",
            to_club="Nice",
            stage="agreed",
        ),
        Case(
            "Contrairement aux rumeurs, Gaël Sorin n'a pas signé au PSG. Les discussions entre le club parisien et "
            "Lens se poursuivent.",
            player="Gaël Sorin",
            stage="talks",
        ),
        Case(
            "Le Stade Rennais serait prêt à formuler une offre de 10 millions d'euros pour Aymeric Colin, le "
            "défenseur de Reims.",
            player="Aymeric Colin",
            from_club="Reims",
            to_club="Rennes",
            stage="interest",
        ),
        Case(
            "Le LOSC est proche d'un accord avec l'AS Monaco pour Tristan Mahé.",
            player="Tristan Mahé",
            to_club="Lille",
            stage="talks",
        ),
        Case(
            "Lucas Perrin est sur le point de signer au Stade Rennais, en provenance de Toulouse.",
            player="Lucas Perrin",
            from_club="Toulouse",
            to_club="Rennes",
            stage="agreed",
        ),
        Case(
            "En cas de qualification en Ligue des champions, Lyon pourrait lever l'option d'achat de Samy "
            "Benyahia, prêté par Nice.",
            player="Samy Benyahia",
            from_club="Nice",
            to_club="Lyon",
            stage="interest",
        ),
        Case(
            "Lukas Hamon pourrait passer sa visite médicale avec le RC Lens dès ce week-end, selon La Voix du Nord.",
            player="Lukas Hamon",
            to_club="Lens",
            stage="agreed",
        ),
        Case(
            "Le Stade Rennais n'a formulé aucune offre pour Bastien Kervella, assure le club breton.",
            player="Bastien Kervella",
            stage="denied",
        ),
    ],
    ids=str,
)
def test_negation_future_hedge_and_conditions(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "Le PSG a bouclé le transfert de Martin Coulibaly pour 20 millions d'euros, auxquels pourraient "
            "s'ajouter 5 millions de bonus.",
            player="Martin Coulibaly",
            fee_eur=20_000_000,
        ),
        Case(
            "L'OGC Nice a officialisé la signature d'Yvan Tardieu. Le défenseur de Lorient a coûté 12,5 M€ aux "
            "Aiglons.",
            player="Yvan Tardieu",
            fee_eur=12_500_000,
        ),
        Case(
            "Libre de tout contrat après son départ de Reims, Bilal Amrani s'est engagé avec le FC Nantes.",
            player="Bilal Amrani",
            to_club="Nantes",
            stage="done",
            fee_eur=0,
        ),
        Case(
            "Rémi Castagnet percevra un salaire de 3 millions d'euros par an. L'OM versera 8 millions d'euros à "
            "Montpellier pour le milieu.",
            player="Rémi Castagnet",
            fee_eur=8_000_000,
        ),
        Case(
            "Le RC Lens va payer la clause libératoire de Jérôme Vautrin, fixée à 35 millions d'euros.",
            player="Jérôme Vautrin",
            fee_eur=35_000_000,
        ),
        Case(
            "L'OM versera 8 millions d'euros à Montpellier pour Rémi Castagnet, qui touchera un salaire de 2 "
            "millions d'euros par an.",
            player="Rémi Castagnet",
            fee_eur=8_000_000,
        ),
        Case(
            "Le LOSC a officialisé l'arrivée de Nassim Haddou contre un chèque de 18 millions d'euros, bonus compris.",
            player="Nassim Haddou",
            fee_eur=18_000_000,
        ),
    ],
    ids=str,
)
def test_fees(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize(
    "case",
    [
        Case(
            "L'Olympique Lyonnais a formulé une offre pour Corentin Massé, affirme L'Équipe.",
            player="Corentin Massé",
            cited=("L'Équipe",),
        ),
        Case(
            "D'après Le Parisien, le PSG a entamé des discussions avec Rennes pour Baptiste Landry.",
            player="Baptiste Landry",
            cited=("Le Parisien",),
        ),
        Case(
            "Le Stade Brestois s'intéresse à Sébastien Kerbrat, croit savoir Ouest-France.",
            player="Sébastien Kerbrat",
            cited=("Ouest-France",),
        ),
        Case(
            "Le LOSC a trouvé un accord avec l'AS Monaco pour Mathéo Dubreuil, annonce le journaliste Fabrice Hawkins.",
            player="Mathéo Dubreuil",
            cited=("Fabrice Hawkins",),
        ),
        Case(
            "Le RC Lens a officialisé dans un communiqué la signature de Bakary Sylla, en provenance de Metz.",
            player="Bakary Sylla",
            cited=("Lens (official)",),
        ),
        Case(
            "Comme le révèle Foot Mercato, l'OM a transmis une offre à Nice pour Florent Brunel.",
            player="Florent Brunel",
            cited=("Foot Mercato",),
        ),
        Case(
            "Le FC Nantes s'intéresse à Corentin Hamel, révèle Santi Aouna de Foot Mercato.",
            player="Corentin Hamel",
            cited=("Santi Aouna",),
        ),
    ],
    ids=str,
)
def test_cited_sources(case: Case) -> None:
    _run(case)
