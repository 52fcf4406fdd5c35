"""The lexicon machinery the stages share: tokens and their index, phrase tables, the word spotter."""

from __future__ import annotations

from sitrep.nlp.lexicon import PhraseTable, Tokens, WordSpotter, positions, tokenize


def test_tokens_keep_possessives_and_offsets() -> None:
    tokens = tokenize("The group's fighters and the militants' base")
    assert [t.norm for t in tokens] == ["the", "group", "fighters", "and", "the", "militants", "'", "base"]
    assert [t.possessive for t in tokens][:3] == [False, True, False]
    assert all("The group's fighters and the militants' base"[t.start : t.end] == t.text for t in tokens)


def test_a_character_that_lower_cases_to_two_keeps_offsets() -> None:
    tokens = tokenize("İstanbul police said")
    assert [t.norm for t in tokens] == ["istanbul", "police", "said"]
    assert tokens[1].start == 9


def test_positions_from_the_index_equal_a_walk_over_the_tokens() -> None:
    tokens = tokenize("the police said the attack killed the driver, police said")
    assert isinstance(tokens, Tokens)
    for words in ({"the"}, {"police", "said"}, {"driver", "nobody"}, {"nobody"}):
        walked = [i for i, t in enumerate(tokens) if t.norm in words]
        assert positions(tokens, frozenset(words)) == walked
        assert positions(list(tokens), frozenset(words)) == walked  # a plain list: no index


def test_a_window_finds_only_the_phrases_inside_it() -> None:
    table = PhraseTable([("police", "p"), ("police said", "ps"), ("the driver", "d")])
    tokens = tokenize("the police said the attack killed the driver, police said")
    whole = [(m.start, m.end, m.payload) for m in table.find_all(tokens)]
    assert whole == [(1, 3, "ps"), (6, 8, "d"), (9, 11, "ps")]
    # A phrase running past the window's end is not found in it (no shorter phrase stands in for it).
    assert list(table.find_all(tokens, 0, 2)) == []
    assert [(m.start, m.end) for m in table.find_all(tokens, 6, 11)] == [(6, 8), (9, 11)]
    assert [(m.start, m.end, m.payload) for m in table.find_all(tokens)] == whole
    assert [(m.start, m.end, m.payload) for m in table.find_all(list(tokens))] == whole


def test_phrase_table_takes_the_longest_phrase_sharing_a_first_word() -> None:
    table = PhraseTable([("the", "one"), ("the group", "two"), ("the group's spokesman", "three")])
    tokens = tokenize("the group's spokesman said the group and the army")
    found = [(m.start, m.end, m.payload) for m in table.find_all(tokens)]
    assert found == [(0, 3, "three"), (4, 6, "two"), (7, 8, "one")]
    assert table.match_at(tokens, 8) is None  # "army": no phrase starts there


def test_phrase_table_with_no_one_word_phrase_needs_the_second_word() -> None:
    table = PhraseTable([("at least", "bound")])
    assert table.match_at(tokenize("at least"), 0).payload == "bound"
    assert table.match_at(tokenize("at last"), 0) is None
    assert table.match_at(tokenize("at"), 0) is None


def test_word_spotter_answers_the_first_list_with_a_whole_word() -> None:
    spotter = WordSpotter(frozenset({"killed", "attack"}), frozenset({"said"}))
    assert spotter.first_list("Police said two were killed.") == 0
    assert spotter.first_list("Police said nothing.") == 1
    assert spotter.first_list("The skilled counter-attacker unsaid it") is None  # only inside words
    assert spotter.first_list("") is None
