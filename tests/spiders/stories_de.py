"""Invented German transfer stories (BILD, kicker, Abendzeitung, Sportschau): test data, not reporting."""

from __future__ import annotations

from templates import Story

# The dpa wire copy both Sportschau and the Abendzeitung run word for word.
DPA_BRANDTNER = (
    "Der FC Bayern München und der VfB Stuttgart haben sich auf einen Wechsel von Mittelfeldspieler Lukas"
    " Brandtner geeinigt. Das bestätigten beide Vereine am Donnerstag. Die Ablöse soll bei 45 Millionen Euro"
    " liegen, hinzu kommen mögliche Bonuszahlungen von bis zu fünf Millionen Euro.",
    "Der 23 Jahre alte Nationalspieler soll in der kommenden Woche den Medizincheck in München absolvieren und"
    " einen Vertrag bis 2030 unterschreiben. Über das Interesse der Bayern hatte zuerst die Bild-Zeitung"
    " berichtet.",
    "Brandtner war 2021 aus der eigenen Jugend zu den Profis des VfB aufgerückt und hatte in der abgelaufenen"
    " Saison in 31 Bundesligaspielen acht Tore erzielt. (dpa)",
)

STORIES = [
    Story(
        outlet="bild",
        slug="bayern-brandtner",
        url="https://www.bild.de/sport/fussball/fc-bayern-muenchen/bayern-will-stuttgart-star-brandtner-88412390.bild.html",
        title="Transfer-Hammer: Bayern will Stuttgart-Star Lukas Brandtner",
        standfirst="Der Rekordmeister hat beim VfB Stuttgart wegen Mittelfeldspieler Lukas Brandtner angefragt.",
        published="2025-06-10T07:30:00",
        keywords="FC Bayern München, VfB Stuttgart, Lukas Brandtner, Transfers",
        paragraphs=(
            "Nach BILD-Informationen hat der FC Bayern München großes Interesse an Lukas Brandtner (23) vom"
            " VfB Stuttgart. Sportvorstand und Trainer sehen in dem Mittelfeldspieler die Lösung für das Zentrum.",
            "Erste Gespräche mit dem Berater des Nationalspielers hat es bereits gegeben. Brandtner steht in"
            " Stuttgart noch bis 2028 unter Vertrag, eine Ausstiegsklausel besitzt er nicht.",
            "Der VfB will seinen Leistungsträger eigentlich halten. Unter 45 Millionen Euro dürfte in Stuttgart"
            " niemand ans Telefon gehen.",
        ),
    ),
    Story(
        outlet="kicker",
        slug="brandtner-bayern-gespraeche",
        url="https://www.kicker.de/bayern-in-gespraechen-mit-stuttgart-ueber-brandtner-1104218/artikel",
        title="Transfer: Bayern verhandelt mit dem VfB über Brandtner",
        standfirst="Der FC Bayern verhandelt mit dem VfB Stuttgart über Lukas Brandtner.",
        published="2025-06-11T14:00:00",
        paragraphs=(
            "Der FC Bayern hat Gespräche mit dem VfB Stuttgart über einen Wechsel von Lukas Brandtner"
            " aufgenommen. Das erfuhr der kicker aus dem Umfeld beider Klubs; zuerst hatte die Bild über das"
            " Interesse der Münchner berichtet.",
            "Brandtner selbst kann sich den Schritt nach München gut vorstellen. Über die Ablöse liegen die"
            " Vorstellungen der Vereine aber noch auseinander: Stuttgart fordert laut Bild mindestens 45"
            " Millionen Euro.",
            "Der 23-Jährige war in der abgelaufenen Saison mit acht Toren und sieben Vorlagen einer der"
            " auffälligsten Mittelfeldspieler der Bundesliga.",
        ),
    ),
    Story(
        outlet="abendzeitung",
        slug="bayern-angebot-brandtner",
        url="https://www.abendzeitung-muenchen.de/sport/fc-bayern/fc-bayern-legt-angebot-fuer-brandtner-vor-art-1018822",
        title="FC Bayern legt Angebot für Lukas Brandtner vor",
        standfirst="40 Millionen Euro plus Boni: Der FC Bayern macht bei Lukas Brandtner ernst.",
        published="2025-06-16T09:00:00",
        paragraphs=(
            "<b>München - </b>Der FC Bayern macht bei Lukas Brandtner ernst. Laut Bild haben die Münchner dem VfB"
            " Stuttgart ein erstes offizielles Angebot über 40 Millionen Euro plus Bonuszahlungen vorgelegt.",
            "Die Schwaben hatten zuvor eine Ablöse von 45 Millionen Euro aufgerufen. Eine Einigung gilt trotzdem"
            " als wahrscheinlich, da der Mittelfeldspieler unbedingt zum Rekordmeister wechseln will.",
            "Mit dem Spieler selbst sind sich die Bayern nach AZ-Informationen bereits über einen Vertrag bis"
            " 2030 einig.",
        ),
    ),
    Story(
        outlet="sportschau",
        slug="bayern-stuttgart-einig-brandtner",
        url="https://www.sportschau.de/fussball/bundesliga/transfer-bayern-und-stuttgart-einig-ueber-brandtner,brandtner-wechsel-100.html",
        title="Bayern und Stuttgart einig über Brandtner-Wechsel",
        standfirst="Der FC Bayern und der VfB Stuttgart haben sich auf einen Wechsel von Lukas Brandtner geeinigt.",
        published="2025-06-19T15:10:00",
        paragraphs=DPA_BRANDTNER,
    ),
    Story(
        outlet="abendzeitung",
        slug="brandtner-einigung-dpa",
        url="https://www.abendzeitung-muenchen.de/sport/fc-bayern/fc-bayern-und-vfb-einig-ueber-brandtner-wechsel-art-1019407",
        title="FC Bayern und VfB Stuttgart einig über Brandtner-Wechsel",
        standfirst="Der FC Bayern und der VfB Stuttgart haben sich auf einen Wechsel von Lukas Brandtner geeinigt.",
        published="2025-06-19T15:40:00",
        paragraphs=DPA_BRANDTNER,
    ),
    Story(
        outlet="bild",
        slug="napoli-angebot-osterhagen",
        url="https://www.bild.de/sport/fussball/vfl-wolfsburg/napoli-bietet-30-millionen-fuer-osterhagen-88431774.bild.html",
        title="Wolfsburg-Abwehrchef: Neapel bietet 30 Millionen für Osterhagen",
        standfirst="Der SSC Neapel will Jannik Osterhagen vom VfL Wolfsburg verpflichten.",
        published="2025-06-18T07:00:00",
        keywords="VfL Wolfsburg, SSC Neapel, Jannik Osterhagen, Transfers",
        paragraphs=(
            "Der SSC Neapel hat dem VfL Wolfsburg ein Angebot über 30 Millionen Euro für Innenverteidiger"
            " Jannik Osterhagen (25) gemacht. Das erfuhr BILD aus dem Umfeld des Klubs.",
            "Schon vergangene Woche hatte der Corriere dello Sport über die Gespräche berichtet. Die Wölfe"
            " wollen mindestens 35 Millionen Euro für ihren Abwehrchef.",
            "Osterhagen hat in Wolfsburg noch einen Vertrag bis 2027 und würde gerne in der Serie A spielen.",
        ),
    ),
    Story(
        outlet="kicker",
        slug="osterhagen-napoli-geplatzt",
        url="https://www.kicker.de/osterhagen-wechsel-nach-neapel-geplatzt-1104901/artikel",
        title="Wechsel geplatzt: Osterhagen bleibt in Wolfsburg",
        standfirst="Der Wechsel von Jannik Osterhagen zum SSC Neapel ist geplatzt.",
        published="2025-06-21T13:00:00",
        paragraphs=(
            "Der Wechsel von Jannik Osterhagen zum SSC Neapel ist geplatzt. Der VfL Wolfsburg und die Italiener"
            " konnten sich nicht auf die Zahlungsmodalitäten einigen, die Gespräche wurden am Samstag"
            " abgebrochen.",
            "Neapel hatte zuletzt laut Bild 30 Millionen Euro geboten, wollte die Summe aber in drei Raten"
            " zahlen. Wolfsburg bestand auf einer Sofortzahlung.",
            "Osterhagen wird damit nach kicker-Informationen in Wolfsburg bleiben. Der Innenverteidiger hat"
            " beim VfL noch einen Vertrag bis 2027.",
        ),
    ),
]
