"""The phrasebook schema: every cue class a phrasebook must define, where it sits and what it means.

Where a class sits is part of its meaning (``Position``): ``free`` classes are found anywhere in a text; ``before``
classes must end just before a mention (a club, a source, a person), with the language's articles and a
descriptor or two between ("joins Premier League side Arsenal"); ``after`` classes must start just after one,
past a possessive, an auxiliary and adverbs ("Arsenal have now made a bid"); ``words`` classes are plain word
lists. Adding a language is one phrasebook file plus test sentences; the loader refuses a file that lacks a class.
"""

from __future__ import annotations

from enum import Enum

__all__ = ["LANGUAGES", "SCHEMA", "PhrasebookError", "Position"]


class Position(Enum):
    FREE = "free"  # anywhere in the text
    BEFORE = "before"  # ends just before a mention
    AFTER = "after"  # starts just after a mention
    PRECEDES_CUE = "precedes-cue"  # within a few words before another cue
    FOLLOWS_CUE = "follows-cue"  # in the few words after another cue, in its clause
    WORDS = "words"  # a plain word list


# Every cue class a phrasebook must define, where it sits and what it means.
SCHEMA: dict[str, tuple[Position, str]] = {
    # grammar the compiler needs
    "grammar.articles": (Position.WORDS, "articles and club prefixes that may stand between a cue and a club"),
    "grammar.auxiliaries": (Position.WORDS, "auxiliary verbs between a club (the subject) and its verb"),
    "grammar.adverbs": (Position.WORDS, "adverbs between a club and its verb (now, already, reportedly)"),
    "grammar.prepositions": (Position.WORDS, "words that end a descriptor gap (of, at, with): never inside one"),
    "grammar.genitives": (Position.WORDS, "'of' words between a position noun and a club (del, du, de)"),
    "grammar.stopwords": (Position.WORDS, "frequent function words: the language guess and name splitting"),
    # how far a deal has got
    "stage.interest": (Position.FREE, "a club wants, follows or targets a player"),
    "stage.talks": (Position.FREE, "clubs or player and club negotiate"),
    "stage.bid": (Position.FREE, "an offer is made or rejected"),
    "stage.agreed": (Position.FREE, "the clubs have agreed (a fee, a deal), nothing signed"),
    "stage.medical": (Position.FREE, "the player is having his medical"),
    "stage.done": (Position.FREE, "signed, completed, official"),
    "stage.denied": (Position.FREE, "a party denies the story or rules the move out"),
    "stage.collapsed": (Position.FREE, "the move fell through, he stays or renews"),
    "stage.exit": (Position.FREE, "the player leaves (no destination implied)"),
    "stage.medical_failed": (Position.FREE, "a failed medical (the deal is off)"),
    # what the words just before a stage cue do to it
    "modifier.not_yet": (Position.PRECEDES_CUE, "the cue has not happened yet (not yet signed, noch nicht)"),
    "modifier.negation": (Position.PRECEDES_CUE, "the cue is denied (no agreement, not interested, will not join)"),
    "modifier.future": (Position.PRECEDES_CUE, "the cue is expected, not yet true (set to, will, about to)"),
    "modifier.hedge": (Position.PRECEDES_CUE, "the cue is wished, planned or speculated (could, wants to, ready to)"),
    "modifier.conditional": (Position.PRECEDES_CUE, "the cue is a condition (if, in case of)"),
    "modifier.infinitive": (Position.PRECEDES_CUE, "the word just before the cue makes it an infinitive (to join)"),
    "modifier.towards": (Position.PRECEDES_CUE, "working towards an agreement, not yet reached (close to, hope to)"),
    "modifier.negated_after": (Position.FOLLOWS_CUE, "what follows the cue denies it (German: zieht die Option nicht)"),
    "modifier.expected_after": (Position.FOLLOWS_CUE, "what follows the cue makes it only expected (is expected)"),
    "modifier.offer_before": (Position.PRECEDES_CUE, "an offer word just before a completion cue (Offerta ufficiale)"),
    "modifier.offer_after": (Position.FOLLOWS_CUE, "an offer word just after a completion cue (official offer)"),
    "modifier.future_after": (Position.FOLLOWS_CUE, "a time after the cue puts it in the future (signs on Monday)"),
    "modifier.background": (Position.PRECEDES_CUE, "a relative clause before the cue makes it background (who joined)"),
    "modifier.player_terms": (Position.FREE, "terms agreed with the player, not between clubs"),
    "modifier.informal": (Position.PRECEDES_CUE, "an understanding, not an agreement (gentleman's)"),
    # which side of the deal a club is on
    "role.buyer_before": (Position.BEFORE, "the club after it is where the player goes (joins, move to)"),
    "role.buyer_weak_before": (Position.BEFORE, "a bare preposition towards the club after it (to, zu, à)"),
    "role.buyer_after": (Position.AFTER, "the club before it wants, bids for or signs him"),
    "role.bid_after": (Position.AFTER, "the club before it made an offer ('s bid, have made an offer)"),
    "role.seller_before": (Position.BEFORE, "the club after it is the one he leaves (from, leave)"),
    "role.seller_after": (Position.AFTER, "the club before it sells, rejects or demands (reject, want £50m)"),
    "role.keeper_after": (Position.AFTER, "the club before it wants to keep him (hope to extend)"),
    "role.rival_before": (Position.BEFORE, "the club after it is a rival bidder (beating, ahead of)"),
    "role.rival_after": (Position.AFTER, "the club before it lost the race (have been beaten to, missed out)"),
    "role.withdrawn_after": (Position.AFTER, "the club before it pulled out"),
    "role.former_before": (Position.BEFORE, "the club after it is a former club (his former club, ex-)"),
    "role.former_after": (Position.AFTER, "the club before it was in the past (last season)"),
    "role.loan_before": (Position.BEFORE, "the club after it has him on loan now"),
    "role.loan_after": (Position.AFTER, "the club before it has him on loan now"),
    "role.lent_after": (Position.AFTER, "the club before it lent him out (it owns him)"),
    "role.return_before": (Position.BEFORE, "the club after it is where he goes back to"),
    "role.return_after": (Position.AFTER, "the club before it is where he goes back to (German zurück)"),
    "role.talks_with_before": (Position.BEFORE, "the club after it is the other party to talks"),
    "role.place_before": (Position.BEFORE, "a city named like a club after it is a place (in, a, en)"),
    "role.go_before": (Position.BEFORE, "a city after it is the destination (move to, fly to)"),
    "role.option_declined": (Position.FREE, "the loan club will not take up its option to buy"),
    # who says so
    "source.before": (Position.BEFORE, "the source after it is credited (according to, reported by)"),
    "source.after": (Position.AFTER, "the source before it is credited (reports, claims)"),
    "source.credit": (Position.FREE, "words after which a person's name is a source (according to, journalist)"),
    "source.outlet_words": (Position.WORDS, "head words of a publication's name (Zeitung, Gazzetta, Diario, Echo)"),
    "source.official": (Position.FREE, "a club's own announcement (officially, announced, statement)"),
    "source.official_done": (Position.FREE, "words of a completed, presented signing (unveiled, presented)"),
    "source.spokespeople": (Position.FREE, "an official or agent named right after it may speak on record (coach)"),
    "source.speech": (Position.FREE, "words of speaking on the record (said, sagte, a déclaré, ha detto, dijo)"),
    # the page around the story
    "page.related": (Position.WORDS, "lines opening a page's related links or comments (Read more, Lesen Sie auch)"),
    "page.badges": (Position.WORDS, "words of a short section badge above a story (LIVE, Ticker, en direct)"),
    # what a story is about
    "story.coach": (Position.FREE, "a headline about a coach's appointment or sacking, not a player's move"),
    # what an amount is
    "fee.salary": (Position.FREE, "wages, not a fee"),
    "fee.signing": (Position.FREE, "a signing-on fee"),
    "fee.addon": (Position.FREE, "add-ons and bonuses"),
    "fee.total": (Position.FREE, "a total with add-ons (rising to, up to)"),
    "fee.clause": (Position.FREE, "a release clause"),
    "fee.clause_paid": (
        Position.FREE,
        "words before a release clause that pay it (paid, triggered): then it is the fee",
    ),
    "fee.value": (Position.FREE, "market value, budgets and other sums that are not fees"),
    "fee.word": (Position.FREE, "words of a transfer sum (fee, bid, pay)"),
    "fee.base": (Position.FREE, "the fixed part of a fee"),
    "fee.free": (Position.FREE, "a free transfer"),
    # who is a person, and which person is the player
    "person.role_before": (Position.WORDS, "words before a name that make it a coach, agent, relative or official"),
    "person.role_after": (Position.AFTER, "words after a name that make it a coach, agent or speaker"),
    "person.positions": (Position.WORDS, "player descriptors (striker, Stürmer): the name after one is a player"),
    "person.targets": (Position.WORDS, "words after a club that make the player its target (target, new signing)"),
    "person.not_names": (Position.WORDS, "capitalised words that are never part of a person's name"),
}

LANGUAGES = ("en", "de", "fr", "it", "es")


class PhrasebookError(ValueError):
    """A phrasebook file that is missing a class, has an unknown one, or a phrase that cannot be read."""
