"""German transfer reports, written for these tests in the register of kicker, Bild, Sport Bild, Sky, Sport1,
Transfermarkt and the regional papers: what a reader takes from each (player, sides, stage, fee, sources).

Every player is invented; the clubs are real and named by their registry names."""

from __future__ import annotations

import pytest

from tests.extract.cases import NO_CLUB, Case, check


def _run(case: Case) -> None:
    check(case, "de")


def _xfail(case: Case, reason: str):
    return pytest.param(case, marks=pytest.mark.xfail(reason=reason, strict=True), id=str(case))


DONE = [
    Case(
        "Felix Oberhauser kehrt vom FC Basel zum Karlsruher SC zurück. Der Angreifer unterschrieb bei seinem "
        "Jugendklub einen Vertrag bis 2028.",
        title="Rückkehr perfekt",
        player="Felix Oberhauser",
        from_club="Basel",
        to_club="Karlsruher SC",
        stage="done",
    ),
    Case(
        "Jonas Kühnert, derzeit an den SC Paderborn 07 ausgeliehen, wechselt fest zu Hannover 96. Borussia "
        "Dortmund kassiert zwei Millionen Euro.",
        player="Jonas Kühnert",
        from_club="Borussia Dortmund",
        to_club="Hannover 96",
        stage="done",
        fee_eur=2_000_000,
    ),
    Case(
        "Borussia Dortmund hat Jannik Reuter vom SC Freiburg verpflichtet. Der 24 Jahre alte Mittelfeldspieler "
        "unterschrieb bei den Schwarz-Gelben einen Vertrag bis 2029.",
        title="Offiziell: Reuter wechselt zum BVB",
        player="Jannik Reuter",
        from_club="SC Freiburg",
        to_club="Borussia Dortmund",
        stage="done",
    ),
    Case(
        "Lennart Brückner wechselt von Werder Bremen zum VfL Wolfsburg. Die Wölfe überweisen für den "
        "Linksverteidiger rund neun Millionen Euro an die Weser.",
        title="Brückner-Wechsel ist perfekt",
        player="Lennart Brückner",
        from_club="Werder Bremen",
        to_club="VfL Wolfsburg",
        stage="done",
        fee_eur=9_000_000,
    ),
    Case(
        "Eintracht Frankfurt hat den nächsten Neuzugang unter Dach und Fach gebracht: Vom FC Basel kommt "
        "Innenverteidiger Malte Osterhagen an den Main. Der 26-Jährige erhält einen Vertrag bis 2028.",
        title="Eintracht holt Osterhagen aus Basel",
        player="Malte Osterhagen",
        from_club="Basel",
        to_club="Eintracht Frankfurt",
        stage="done",
    ),
    Case(
        "Die TSG Hoffenheim hat sich die Dienste von Kilian Rösner gesichert. Der Mittelfeldspieler kommt für acht "
        "Millionen Euro von Hannover 96, wie der Klub am Dienstag mitteilte.",
        title="TSG schlägt zu",
        player="Kilian Rösner",
        from_club="Hannover 96",
        to_club="TSG Hoffenheim",
        stage="done",
        fee_eur=8_000_000,
    ),
    Case(
        "RB Leipzig verleiht Noah Wittkamp für ein Jahr an den 1. FSV Mainz 05. Eine Kaufoption wurde nicht "
        "vereinbart.",
        title="Wittkamp geht auf Leihbasis nach Mainz",
        player="Noah Wittkamp",
        from_club="RB Leipzig",
        to_club="Mainz 05",
        stage="done",
    ),
    Case(
        "Dominik Hessler ist neuer Spieler des 1. FC Köln. Der 27-Jährige kommt ablösefrei von Arminia Bielefeld, "
        "sein Vertrag dort war ausgelaufen.",
        title="Hessler unterschreibt in Köln",
        player="Dominik Hessler",
        from_club="Arminia Bielefeld",
        to_club="1. FC Köln",
        stage="done",
        fee_eur=0.0,
    ),
    Case(
        "Der Hamburger SV hat Fynn Lehmkuhl fest verpflichtet. Der Außenverteidiger war in dieser Saison von "
        "Hertha BSC ausgeliehen, nun zogen die Hanseaten die Kaufoption über 2,5 Millionen Euro.",
        title="HSV zieht die Option bei Lehmkuhl",
        player="Fynn Lehmkuhl",
        from_club="Hertha BSC",
        to_club="Hamburger SV",
        stage="done",
        fee_eur=2_500_000,
    ),
    Case(
        "Jetzt ist es offiziell: Tobias Wendland wechselt vom 1. FC Magdeburg auf Schalke. Der Stürmer "
        "unterschrieb am Montag einen Dreijahresvertrag.",
        title="Transfer-Knaller! Schalke holt Wendland",
        player="Tobias Wendland",
        from_club="1. FC Magdeburg",
        to_club="Schalke 04",
        stage="done",
    ),
]

AGREED = [
    Case(
        "Der VfB Stuttgart und Jonas Meier sind sich einig. Die offizielle Verkündung folgt in Kürze.",
        player="Jonas Meier",
        to_club="VfB Stuttgart",
        stage="agreed",
    ),
    Case(
        "Sven Dörfler flog am Sonntag nach Leipzig, wo er beim Bundesligisten unterschreiben soll. Der "
        "Mittelfeldspieler kommt vom 1. FC Nürnberg.",
        player="Sven Dörfler",
        from_club="1. FC Nürnberg",
        to_club="RB Leipzig",
        stage="agreed",
    ),
    Case(
        "Der FC Bayern hat sich mit dem VfB Stuttgart auf einen Wechsel von Jannis Oberle geeinigt. Die Ablöse "
        "soll bei 35 Millionen Euro liegen.",
        title="Bayern und Stuttgart einig über Oberle",
        player="Jannis Oberle",
        from_club="VfB Stuttgart",
        to_club="Bayern Munich",
        stage="agreed",
        fee_eur=35_000_000,
    ),
    Case(
        "Laut Sky steht Marvin Oberdorf vor dem Wechsel von Union Berlin zum VfB Stuttgart. Die Klubs sind sich "
        "über die Ablöse im Grundsatz einig.",
        player="Marvin Oberdorf",
        from_club="Union Berlin",
        to_club="VfB Stuttgart",
        stage="agreed",
    ),
    Case(
        "Bayer Leverkusen hat mit Borussia Mönchengladbach eine Einigung über den Transfer von Elias Brandauer "
        "erzielt. Es fehlt nur noch die Unterschrift des 21-Jährigen.",
        player="Elias Brandauer",
        from_club="Borussia Mönchengladbach",
        to_club="Bayer Leverkusen",
        stage="agreed",
    ),
    Case(
        "Ole Schwertfeger wird zur neuen Saison vom SV Elversberg zum FC Augsburg wechseln. Die Ablöse soll bei "
        "rund vier Millionen Euro liegen.",
        player="Ole Schwertfeger",
        from_club="SV Elversberg",
        to_club="FC Augsburg",
        stage="agreed",
        fee_eur=4_000_000,
    ),
    Case(
        "Der Deal steht: Heidenheim und der KSC haben sich auf einen Wechsel von Torwart Jonas Riedmüller "
        "verständigt. Er soll am Wochenende beim 1. FC Heidenheim unterschreiben.",
        player="Jonas Riedmüller",
        to_club="1. FC Heidenheim",
        stage="agreed",
    ),
    Case(
        "Der Wechsel von Finn Habermann von Hansa Rostock zu Fortuna Düsseldorf ist so gut wie perfekt.",
        player="Finn Habermann",
        from_club="Hansa Rostock",
        to_club="Fortuna Düsseldorf",
        stage="agreed",
    ),
]

MEDICAL = [
    Case(
        "Mats Hinterberger absolviert am Mittwoch den Medizincheck beim VfL Wolfsburg. Die Wölfe hatten sich zuvor "
        "mit dem FC St. Pauli auf eine Ablöse geeinigt.",
        title="Medizincheck in Wolfsburg",
        player="Mats Hinterberger",
        from_club="FC St. Pauli",
        to_club="VfL Wolfsburg",
        stage="medical",
    ),
    Case(
        "Ilias Kaya ist am Montagabend in Dortmund gelandet und unterzieht sich am Dienstag der medizinischen "
        "Untersuchung. Borussia Dortmund zahlt 18 Millionen Euro an Sturm Graz.",
        player="Ilias Kaya",
        from_club="Sturm Graz",
        to_club="Borussia Dortmund",
        stage="medical",
        fee_eur=18_000_000,
    ),
    Case(
        "Der Medizincheck von Julian Stegemann beim 1. FC Kaiserslautern ist für Donnerstag angesetzt. Danach soll "
        "der Angreifer von Jahn Regensburg einen Vertrag bis 2027 unterschreiben.",
        player="Julian Stegemann",
        from_club="Jahn Regensburg",
        to_club="1. FC Kaiserslautern",
        stage="medical",
    ),
    Case(
        "Torhüter Benedikt Sauerwald ist bereits zum Medizincheck beim SC Freiburg eingetroffen. Die Breisgauer "
        "hatten sich am Wochenende mit dem FC Augsburg geeinigt.",
        player="Benedikt Sauerwald",
        from_club="FC Augsburg",
        to_club="SC Freiburg",
        stage="medical",
    ),
]

TALKS = [
    Case(
        "Der VfL Wolfsburg hofft, eine baldige Einigung mit Hertha BSC über Jonas Meier zu erzielen.",
        player="Jonas Meier",
        from_club="Hertha BSC",
        to_club="VfL Wolfsburg",
        stage="talks",
    ),
    Case(
        "Der OSC Lille akzeptiert das Angebot von Manchester United für Abwehrchef Jonas Meier.",
        player="Jonas Meier",
        from_club="Lille",
        to_club="Manchester United",
        stage="agreed",
    ),
    Case(
        "Zwischen dem BVB und dem FC Porto laufen Gespräche über Porto-Verteidiger Rui Macedo.",
        player="Rui Macedo",
        from_club="Porto",
        to_club="Borussia Dortmund",
        stage="talks",
    ),
    Case(
        "Eintracht Frankfurt ist sich mit dem Spieler bereits einig, mit Red Bull Salzburg laufen noch "
        "Verhandlungen über die Ablöse für Stürmer Luka Marinović.",
        player="Luka Marinović",
        from_club="Red Bull Salzburg",
        to_club="Eintracht Frankfurt",
        stage="talks",
    ),
    Case(
        "Union Berlin hat Gespräche mit dem Berater von Till Ahrensberg aufgenommen. Der Mittelfeldspieler steht "
        "noch bis 2026 beim SC Paderborn 07 unter Vertrag.",
        player="Till Ahrensberg",
        from_club="SC Paderborn 07",
        to_club="Union Berlin",
        stage="talks",
    ),
    Case(
        "Der SC Freiburg verhandelt mit dem FC St. Pauli über Abwehrspieler Hauke Jessen. Eine Einigung steht "
        "noch aus.",
        player="Hauke Jessen",
        from_club="FC St. Pauli",
        to_club="SC Freiburg",
        stage="talks",
    ),
    Case(
        "Werder Bremen feilscht mit Borussia Mönchengladbach um die Ablöse für Mittelfeldspieler Jonah Wiegand. "
        "Die Bremer sind sich mit dem 25-Jährigen längst einig.",
        player="Jonah Wiegand",
        from_club="Borussia Mönchengladbach",
        to_club="Werder Bremen",
        stage="talks",
    ),
    Case(
        "Werder Bremen feilscht mit Borussia Mönchengladbach um die Ablöse für Jonah Wiegand. Mit dem "
        "25-Jährigen sind sich die Bremer längst einig.",
        player="Jonah Wiegand",
        stage="talks",
    ),
    Case(
        "Persönliche Einigung erzielt: Nils Grabowski will unbedingt zum Hamburger SV. Mit dem Karlsruher SC "
        "verhandelt der HSV aber weiter über die Ablöse.",
        player="Nils Grabowski",
        from_club="Karlsruher SC",
        to_club="Hamburger SV",
        stage="talks",
    ),
]

BID = [
    Case(
        "Das Union-Angebot über fünf Millionen Euro für Stürmer Hannes Keppler hat der 1. FC Köln abgelehnt.",
        player="Hannes Keppler",
        from_club="1. FC Köln",
        to_club="Union Berlin",
        stage="bid",
        fee_eur=5_000_000,
    ),
    Case(
        "Der VfB Stuttgart hat beim 1. FC Heidenheim ein erstes Angebot für Paul Dreesen abgegeben. Die Schwaben "
        "bieten demnach sieben Millionen Euro.",
        player="Paul Dreesen",
        from_club="1. FC Heidenheim",
        to_club="VfB Stuttgart",
        stage="bid",
        fee_eur=7_000_000,
    ),
    Case(
        "Laut Bild bietet der FC Bayern 40 Millionen Euro für Leipzigs Lucas Brehmer.",
        player="Lucas Brehmer",
        from_club="RB Leipzig",
        to_club="Bayern Munich",
        stage="bid",
        fee_eur=40_000_000,
        cited=("Bild",),
    ),
    Case(
        "Schalke 04 hat sein Angebot für Paderborns Jonathan Kreis nachgebessert. Die Königsblauen bieten nun "
        "3,5 Millionen Euro.",
        title="Schalke bessert nach",
        player="Jonathan Kreis",
        from_club="SC Paderborn 07",
        to_club="Schalke 04",
        stage="bid",
        fee_eur=3_500_000,
    ),
    Case(
        "Die TSG Hoffenheim legt 15 Millionen Euro für Tim Albers vom VfL Wolfsburg auf den Tisch.",
        player="Tim Albers",
        from_club="VfL Wolfsburg",
        to_club="TSG Hoffenheim",
        stage="bid",
        fee_eur=15_000_000,
    ),
]

INTEREST = [
    Case(
        "Eintracht Frankfurt hat Jonas Pleuger vom FC Basel ins Visier genommen.",
        player="Jonas Pleuger",
        from_club="Basel",
        to_club="Eintracht Frankfurt",
        stage="interest",
    ),
    Case(
        "Laut WAZ beobachtet der BVB Lorenz Eibl von Sturm Graz. Scouts der Dortmunder waren zuletzt mehrfach im "
        "Stadion.",
        player="Lorenz Eibl",
        from_club="Sturm Graz",
        to_club="Borussia Dortmund",
        stage="interest",
        cited=("WAZ",),
    ),
    Case(
        "Wie die WAZ berichtet, beobachtet Borussia Dortmund Abwehrspieler Lorenz Eibl von Sturm Graz.",
        player="Lorenz Eibl",
        from_club="Sturm Graz",
        to_club="Borussia Dortmund",
    ),
    Case(
        "Werder Bremen buhlt um Sturmtalent Emil Sandrock von Hansa Rostock.",
        player="Emil Sandrock",
        from_club="Hansa Rostock",
        to_club="Werder Bremen",
        stage="interest",
    ),
    Case(
        "Bayer Leverkusen hat die Fühler nach Mittelfeldspieler Aaron Dittmer von Holstein Kiel ausgestreckt.",
        player="Aaron Dittmer",
        from_club="Holstein Kiel",
        to_club="Bayer Leverkusen",
        stage="interest",
    ),
    Case(
        "Kevin Haberl steht beim VfB Stuttgart auf dem Zettel. Der Flügelspieler von Hannover 96 gilt als einer "
        "von mehreren Kandidaten.",
        player="Kevin Haberl",
        from_club="Hannover 96",
        to_club="VfB Stuttgart",
        stage="interest",
    ),
]

DENIED = [
    Case(
        "Hannover 96 hat Berichte über einen Wechsel von Niko Lüttgens zum 1. FC Nürnberg dementiert. "
        "„Da ist nichts dran“, sagte Sportdirektor Heiner Voss.",
        player="Niko Lüttgens",
        stage="denied",
    ),
    Case(
        "Bayer Leverkusen schiebt den Spekulationen um Konstantin Rehm einen Riegel vor: „Er ist unverkäuflich.“",
        player="Konstantin Rehm",
        stage="denied",
    ),
    Case(
        "Der VfL Bochum schließt einen Abgang von Torhüter Sven Ottersberg im Winter aus.",
        player="Sven Ottersberg",
        stage="denied",
    ),
    Case(
        "Der FC Augsburg hat kein Interesse an Stürmer Marko Kovačević von Dynamo Dresden.",
        player="Marko Kovačević",
        stage="denied",
    ),
    Case(
        "Der FC Augsburg hat kein Interesse an Marko Kovačević von Dynamo Dresden.",
        player="Marko Kovačević",
        stage="denied",
    ),
    Case(
        "Der 1. FC Köln hat die Gerüchte um einen Transfer von Benjamin Schott zurückgewiesen.",
        player="Benjamin Schott",
        stage="denied",
    ),
]

COLLAPSED = [
    Case(
        "Der FC St. Pauli steigt aus dem Poker um Noah Brenneke aus.",
        player="Noah Brenneke",
        to_club="FC St. Pauli",
        stage="collapsed",
    ),
    Case(
        "Der Wechsel von Hendrik Marx vom SC Freiburg zu Eintracht Frankfurt ist geplatzt. Die Klubs konnten sich "
        "nicht auf eine Ablöse einigen.",
        title="Transfer geplatzt",
        player="Hendrik Marx",
        stage="collapsed",
    ),
    Case(
        "Paul Siebert verlängert beim FC St. Pauli vorzeitig bis 2028.",
        player="Paul Siebert",
        stage="collapsed",
    ),
    Case(
        "Hertha BSC zieht sich aus dem Poker um Jannes Korte von Preußen Münster zurück.",
        player="Jannes Korte",
        to_club="Hertha BSC",
        stage="collapsed",
    ),
    Case(
        "Oskar Benning fällt beim Medizincheck auf Schalke durch. Der Transfer vom VfL Bochum ist damit vom Tisch.",
        player="Oskar Benning",
        stage="collapsed",
    ),
    Case(
        "Werder Bremen zieht die Kaufoption für Leihspieler Anton Grieser nicht. Der Verteidiger kehrt im Sommer "
        "zu Union Berlin zurück.",
        player="Anton Grieser",
        from_club="Union Berlin",
        to_club="Werder Bremen",
        stage="collapsed",
    ),
    Case(
        "Werder Bremen verzichtet auf die Kaufoption bei Leihspieler Anton Grieser, der zu Union Berlin zurückkehrt.",
        player="Anton Grieser",
        from_club="Union Berlin",
        to_club="Werder Bremen",
        stage="collapsed",
    ),
    Case(
        "Lorenz Bachmaier bleibt bei RB Leipzig. Ein Wechsel zu Tottenham Hotspur ist damit vom Tisch.",
        player="Lorenz Bachmaier",
        stage="collapsed",
    ),
]

EXIT = [
    Case(
        "Tim Eggert verlässt den 1. FC Nürnberg. Der Vertrag des Mittelfeldspielers wurde in beiderseitigem "
        "Einvernehmen aufgelöst.",
        player="Tim Eggert",
        from_club="1. FC Nürnberg",
        to_club=NO_CLUB,
        stage="exit_only",
    ),
    Case(
        "Der HSV hat Verteidiger Jasper Wolke die Freigabe erteilt. Einen neuen Verein hat der 29-Jährige noch "
        "nicht gefunden.",
        player="Jasper Wolke",
        from_club="Hamburger SV",
        to_club=NO_CLUB,
        stage="exit_only",
    ),
    Case(
        "Abschied nach fünf Jahren: Jonte Fricke wird die Lilien im Sommer verlassen.",
        title="Fricke verlässt Darmstadt",
        player="Jonte Fricke",
        from_club="SV Darmstadt 98",
        to_club=NO_CLUB,
        stage="exit_only",
    ),
    Case(
        "Werder Bremen sortiert Stürmer Ben Harlinghausen aus. Der 30-Jährige darf sich einen neuen Verein suchen.",
        player="Ben Harlinghausen",
        from_club="Werder Bremen",
        to_club=NO_CLUB,
        stage="exit_only",
    ),
]

SELLER = [
    Case(
        "Der SC Freiburg will den Vertrag mit Nico Baumeister verlängern, doch der VfL Wolfsburg lockt den "
        "Mittelfeldspieler.",
        player="Nico Baumeister",
        from_club="SC Freiburg",
        to_club="VfL Wolfsburg",
    ),
    Case(
        "Der BVB will Bayern-Stürmer Moritz Lanz im Sommer verpflichten.",
        player="Moritz Lanz",
        from_club="Bayern Munich",
        to_club="Borussia Dortmund",
    ),
    Case(
        "Der 1. FC Nürnberg verhandelt mit Fortuna Düsseldorf über einen Verkauf von Eigengewächs Jakob Heller.",
        player="Jakob Heller",
        from_club="1. FC Nürnberg",
        to_club="Fortuna Düsseldorf",
        stage="talks",
    ),
    Case(
        "Borussia Dortmund bietet für Leverkusens Aaron Klingbeil 25 Millionen Euro.",
        player="Aaron Klingbeil",
        from_club="Bayer Leverkusen",
        to_club="Borussia Dortmund",
        stage="bid",
    ),
    Case(
        "Borussia Dortmund bietet für den Leverkusener Aaron Klingbeil 25 Millionen Euro.",
        player="Aaron Klingbeil",
        from_club="Bayer Leverkusen",
        to_club="Borussia Dortmund",
    ),
    Case(
        "Der BVB will Bayern-Stürmer Moritz Hauser im Sommer verpflichten.",
        player="Moritz Hauser",
        from_club="Bayern Munich",
        to_club="Borussia Dortmund",
        stage="interest",
    ),
    Case(
        "Der 1. FC Heidenheim lehnt ein Angebot von Union Berlin für Stürmer Erik Vogtland ab.",
        player="Erik Vogtland",
        from_club="1. FC Heidenheim",
        to_club="Union Berlin",
        stage="bid",
    ),
    Case(
        "Red Bull Salzburg fordert 30 Millionen Euro für Samuel Achterberg. RB Leipzig ist interessiert.",
        player="Samuel Achterberg",
        from_club="Red Bull Salzburg",
        to_club="RB Leipzig",
    ),
    Case(
        "Der VfL Wolfsburg lässt Dennis Aumann nach Hoffenheim ziehen. Die Ablöse liegt bei sechs Millionen Euro.",
        player="Dennis Aumann",
        from_club="VfL Wolfsburg",
        to_club="TSG Hoffenheim",
    ),
    Case(
        "Stuttgarts Kapitän Felix Ambros steht beim FC Bayern hoch im Kurs.",
        player="Felix Ambros",
        from_club="VfB Stuttgart",
        to_club="Bayern Munich",
        stage="interest",
    ),
]

BACKGROUND = [
    Case(
        "Der VfB Stuttgart hat im Werben um Tobias Lindner vom 1. FC Magdeburg die Nase vorn – trotz Konkurrenz "
        "von Eintracht Frankfurt.",
        player="Tobias Lindner",
        from_club="1. FC Magdeburg",
        to_club="VfB Stuttgart",
        stage="interest",
    ),
    Case(
        "Jonas Lindemann, der einst beim Karlsruher SC ausgebildet wurde, wechselt vom SC Paderborn 07 zu Hannover 96.",
        player="Jonas Lindemann",
        from_club="SC Paderborn 07",
        to_club="Hannover 96",
        stage="done",
    ),
    Case(
        "Jannik Wolters wechselt von Holstein Kiel zum 1. FC Köln. Bei seinem Ex-Klub Hertha BSC war er einst Kapitän.",
        player="Jannik Wolters",
        from_club="Holstein Kiel",
        to_club="1. FC Köln",
        stage="done",
    ),
    Case(
        "Eintracht Frankfurt will Mittelfeldspieler Henri Lachmann von den Young Boys. Konkurrenz kommt vom VfB "
        "Stuttgart.",
        player="Henri Lachmann",
        from_club="Young Boys",
        to_club="Eintracht Frankfurt",
    ),
    Case(
        "Der VfB Stuttgart hat Yannick Stark von Greuther Fürth im Blick. Der Mittelfeldspieler soll den zum "
        "FC Bayern abgewanderten Ruben Falk ersetzen.",
        player="Yannick Stark",
        from_club="Greuther Fürth",
        to_club="VfB Stuttgart",
        stage="interest",
    ),
    Case(
        "Lukas Demmler wechselt vom 1. FC Magdeburg zum 1. FC Kaiserslautern. Entdeckt wurde er einst bei einem "
        "Jugendturnier in Frankfurt.",
        player="Lukas Demmler",
        from_club="1. FC Magdeburg",
        to_club="1. FC Kaiserslautern",
    ),
    Case(
        "Bayer Leverkusen verkauft Abwehrspieler Timon Abel an den FC Augsburg. Zuletzt war der 23-Jährige an den "
        "SV Darmstadt 98 verliehen.",
        player="Timon Abel",
        from_club="Bayer Leverkusen",
        to_club="FC Augsburg",
    ),
    Case(
        "Hertha BSC ist raus, Hannover 96 hat nun die besten Karten bei Elias Wunderlich vom 1. FC Magdeburg.",
        player="Elias Wunderlich",
        from_club="1. FC Magdeburg",
        to_club="Hannover 96",
    ),
]

MODIFIED = [
    Case(
        "Aaron Wessel wird im Sommer nicht zu Eintracht Frankfurt wechseln, sondern seinen Vertrag in Mainz erfüllen.",
        player="Aaron Wessel",
        stage="denied",
    ),
    Case(
        "Laut kicker hat der SC Freiburg den Innenverteidiger Jan Hollerbach vom Hamburger SV verpflichtet.",
        player="Jan Hollerbach",
        from_club="Hamburger SV",
        to_club="SC Freiburg",
        stage="done",
        cited=("Kicker",),
    ),
    Case(
        "Malte Körber soll in Kürze beim VfB Stuttgart unterschreiben.",
        player="Malte Körber",
        to_club="VfB Stuttgart",
        stage="agreed",
    ),
    Case(
        "Zwischen dem FC Bayern und RB Leipzig gibt es noch keine Einigung über Konrad Pöschl, die Gespräche laufen "
        "aber.",
        player="Konrad Pöschl",
        stage="talks",
    ),
    Case(
        "Linus Haas soll am Wochenende beim VfB Stuttgart unterschreiben.",
        player="Linus Haas",
        to_club="VfB Stuttgart",
        stage="agreed",
    ),
    Case(
        "Werder Bremen könnte im Winter ein Angebot für Yusuf Aydın von Fortuna Düsseldorf abgeben.",
        player="Yusuf Aydın",
        to_club="Werder Bremen",
        stage="interest",
    ),
    Case(
        "Maximilian Kornmeier hat beim Hamburger SV noch nicht unterschrieben, die Gespräche laufen weiter.",
        player="Maximilian Kornmeier",
        to_club="Hamburger SV",
        stage="talks",
    ),
    Case(
        "Die TSG Hoffenheim ist bereit, 20 Millionen Euro für Florian Weidinger vom SC Freiburg zu bieten.",
        player="Florian Weidinger",
        from_club="SC Freiburg",
        to_club="TSG Hoffenheim",
        stage="interest",
    ),
    Case(
        "Sollte Fürth zustimmen, wechselt Daniel Roos im Winter zum FC Augsburg.",
        player="Daniel Roos",
        to_club="FC Augsburg",
        stage="interest",
    ),
    Case(
        "Sollte sich der FC Augsburg mit Greuther Fürth einigen, wechselt Daniel Roos im Winter zum FCA.",
        player="Daniel Roos",
        to_club="FC Augsburg",
        stage="interest",
    ),
    Case(
        "Timo Bergmann wird am Montag beim FC St. Pauli unterschreiben. Der Verteidiger kommt von Hansa Rostock.",
        player="Timo Bergmann",
        from_club="Hansa Rostock",
        to_club="FC St. Pauli",
        stage="agreed",
    ),
    Case(
        "Ein Wechsel von Marco Steinhöfel zu Bayer Leverkusen ist denkbar, konkrete Verhandlungen gibt es aber noch "
        "nicht.",
        player="Marco Steinhöfel",
        to_club="Bayer Leverkusen",
        stage="interest",
    ),
]

FEES = [
    Case(
        "Der SC Freiburg überweist 12,5 Millionen Euro an Hansa Rostock für Offensivspieler Tilman Groß. Er erhält "
        "bei den Breisgauern einen Vertrag bis 2029.",
        player="Tilman Groß",
        from_club="Hansa Rostock",
        to_club="SC Freiburg",
        fee_eur=12_500_000,
    ),
    Case(
        "Mario Klausen wechselt von Union Berlin zum VfL Bochum. Die Ablöse beträgt fünf Millionen Euro plus Boni.",
        player="Mario Klausen",
        fee_eur=5_000_000,
    ),
    Case(
        "Die Ausstiegsklausel über 40 Millionen Euro muss der FC Bayern nicht ziehen: Die Münchner einigen sich "
        "mit dem VfB Stuttgart auf 32 Millionen Euro für Tim Sonnleitner.",
        player="Tim Sonnleitner",
        to_club="Bayern Munich",
        fee_eur=32_000_000,
    ),
    Case(
        "Gladbach zahlt für Jannis Kopp vier Millionen Euro Ablöse an Holstein Kiel. Beim neuen Klub verdient er "
        "rund zwei Millionen Euro pro Jahr.",
        player="Jannis Kopp",
        fee_eur=4_000_000,
    ),
    Case(
        "Der Vertrag von Robin Kamphausen bei Union Berlin läuft aus, er wechselt ablösefrei zum 1. FC Heidenheim.",
        player="Robin Kamphausen",
        from_club="Union Berlin",
        to_club="1. FC Heidenheim",
        fee_eur=0.0,
    ),
    Case(
        "Der FC Schalke 04 holt Kevin Ritter für 7,5 Mio. Euro von Eintracht Braunschweig.",
        player="Kevin Ritter",
        from_club="Eintracht Braunschweig",
        to_club="Schalke 04",
        fee_eur=7_500_000,
    ),
]

SOURCES = [
    Case(
        "Wie der BVB am Mittwoch mitteilte, wechselt Can Öztürk für 15 Millionen Euro vom SC Freiburg nach Dortmund.",
        player="Can Öztürk",
        from_club="SC Freiburg",
        to_club="Borussia Dortmund",
        stage="done",
        fee_eur=15_000_000,
        cited=("Borussia Dortmund (official)",),
    ),
    Case(
        "Nach Sky-Informationen hat der VfL Wolfsburg ein Auge auf Jannik Voss von Hertha BSC geworfen.",
        player="Jannik Voss",
        from_club="Hertha BSC",
        to_club="VfL Wolfsburg",
        stage="interest",
        cited=("Sky",),
    ),
    Case(
        "Nach Informationen des kicker steht Sebastian Hoyer vor einem Wechsel von Mainz 05 zum SC Freiburg.",
        player="Sebastian Hoyer",
        cited=("Kicker",),
    ),
    Case(
        "Wie Sport1 berichtet, hat Hertha BSC ein Auge auf Abwehrspieler Lars Schimmelpfennig vom SV Elversberg "
        "geworfen.",
        player="Lars Schimmelpfennig",
        to_club="Hertha BSC",
        stage="interest",
        cited=("Sport1",),
    ),
    Case(
        "Ben Rautenberg soll vor einem Wechsel zum Hamburger SV stehen, berichtet das „Hamburger Abendblatt“.",
        player="Ben Rautenberg",
        to_club="Hamburger SV",
        cited=("Hamburger Abendblatt",),
    ),
    Case(
        "Laut Reporter Max Lindner ist der 1. FC Köln an Mittelfeldspieler Henrik Ostwald interessiert.",
        player="Henrik Ostwald",
        to_club="1. FC Köln",
        cited=("Max Lindner",),
    ),
    Case(
        "Philipp Ebersbach wechselt vom FC Augsburg zum VfL Bochum, wie der Klub am Freitag bekanntgab.",
        player="Philipp Ebersbach",
        to_club="VfL Bochum",
        stage="done",
        cited=("VfL Bochum (official)",),
    ),
    Case(
        "Transfermarkt-Informationen zufolge hat Darmstadt 98 bei Jannik Kessel vom SSV Ulm 1846 angefragt.",
        player="Jannik Kessel",
        to_club="SV Darmstadt 98",
        cited=("Transfermarkt",),
    ),
]


@pytest.mark.parametrize("case", DONE, ids=str)
def test_completed_moves_read_as_done(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize("case", AGREED, ids=str)
def test_agreements_between_clubs_read_as_agreed(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize("case", MEDICAL, ids=str)
def test_booked_and_ongoing_medicals(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize("case", TALKS, ids=str)
def test_talks_and_personal_terms_read_as_talks(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize("case", BID, ids=str)
def test_offers_read_as_bid(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize("case", INTEREST, ids=str)
def test_interest_reads_as_interest(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize("case", DENIED, ids=str)
def test_denials(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize("case", COLLAPSED, ids=str)
def test_collapses_and_renewals(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize("case", EXIT, ids=str)
def test_departures_without_destination(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize("case", SELLER, ids=str)
def test_the_seller_is_never_the_destination(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize("case", BACKGROUND, ids=str)
def test_background_clubs_are_no_side(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize("case", MODIFIED, ids=str)
def test_negation_future_hedge_and_conditions(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize("case", FEES, ids=str)
def test_fees(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize("case", SOURCES, ids=str)
def test_cited_sources(case: Case) -> None:
    _run(case)
