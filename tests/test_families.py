"""Player families: a surname-only mention joins the one full name it fits, whatever the arrival order."""

from __future__ import annotations

import itertools

from aggregator.families import family_of, register
from aggregator.store import Store


def families(keys: list[str]) -> dict[str, str]:
    with Store(":memory:") as store, store.transaction() as db:
        for key in keys:  # one at a time, as incremental aggregate runs would see them
            register(db, [key])
        return {k: f for k, f in db.execute("SELECT player_key, family FROM player_keys")}


def test_surname_joins_the_only_full_name_in_any_order() -> None:
    keys = ["vlahovic", "dusan vlahovic", "rice declan"]
    for order in itertools.permutations(keys):
        assert families(list(order)) == {
            "vlahovic": "dusan vlahovic",
            "dusan vlahovic": "dusan vlahovic",
            "rice declan": "rice declan",
        }


def test_ambiguous_surname_stays_alone_in_any_order() -> None:
    keys = ["silva", "bernardo silva", "david silva"]
    for order in itertools.permutations(keys):
        assert families(list(order))["silva"] == "silva"


def test_chain_of_partial_names_joins_the_longest() -> None:
    keys = ["muani", "kolo muani", "kolo muani randal"]
    for order in itertools.permutations(keys):
        assert set(families(list(order)).values()) == {"kolo muani randal"}


def test_family_of_is_pure() -> None:
    assert family_of("kim", ["jae kim min"]) == "jae kim min"
    assert family_of("kim", ["jae kim min", "kim seung"]) == "kim"
    assert family_of("rice declan", []) == "rice declan"


def test_repeated_tokens_in_any_order() -> None:
    keys = ["ibanez ibanez", "conti ibanez"]  # "Ibáñez Ibáñez" is the sub-name "ibanez" of "Conti Ibáñez"
    for order in itertools.permutations(keys):
        assert families(list(order))["ibanez ibanez"] == "conti ibanez"


def test_spelling_variants_are_one_family_in_any_order() -> None:
    keys = ["khvicha kvaratskhelia", "kvaratskhelia kvicha", "kvaratskhelia", "luka modric"]
    for order in itertools.permutations(keys):
        found = families(list(order))
        assert found["khvicha kvaratskhelia"] == found["kvaratskhelia kvicha"] == found["kvaratskhelia"]
        assert found["luka modric"] == "luka modric"


def test_near_names_of_different_people_stay_apart() -> None:
    keys = ["luca marino", "luca marini", "bernardo silva", "david silva"]
    for order in itertools.permutations(keys):
        assert len(set(families(list(order)).values())) == 4


def test_long_names_registered_in_one_batch_join_their_spelling_variant() -> None:
    # eight-word keys (long Iberian and Brazilian names written out whole), all in one batch: a variant found
    # after the first key of its length was looked up must still see the keys added since
    first = "abel bento caio dario edson fabio gilmar heitor"
    second = "abel bento caio dario edson fabio gilmar heitorr"
    earlier = "abel bento caio dario edson fabio gilmar aristides"  # another man of the same family
    with Store(":memory:") as store, store.transaction() as db:
        register(db, [earlier, first, second])
        fam = dict(db.execute("SELECT player_key, family FROM player_keys").fetchall())
    assert fam[first] == fam[second]
    assert fam[earlier] == earlier


def test_a_short_form_of_a_name_joins_the_full_one_in_any_order() -> None:
    keys = ["dani olmo", "daniel olmo", "ben white", "benjamin white"]
    for order in itertools.permutations(keys):
        found = families(list(order))
        assert found["dani olmo"] == found["daniel olmo"]
        assert found["ben white"] != found["benjamin white"]  # three letters are too short to tell
    for order in itertools.permutations(["nico kessler", "kessler nicolas", "kessler"]):
        assert len(set(families(list(order)).values())) == 1
