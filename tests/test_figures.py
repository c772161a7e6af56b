"""Figures and the number reading under them, on short sentences written for these tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from briefing.extract.analysis import Analysis, analyse
from briefing.extract.dates import resolve_date
from briefing.extract.figures import find_figures
from briefing.extract.nlp import nlp
from briefing.extract.numbers import parse_number, parse_range, split_qualifier
from briefing.model import Article, Figure


@pytest.fixture(scope="session")
def analysis_of() -> Callable[..., Analysis]:
    pipeline = nlp()  # loaded once per session

    def make(*paragraphs: str, date: dt.date | None = None) -> Analysis:
        article = Article(source_path="t.txt", title="T", paragraphs=tuple(paragraphs), date=date)
        return analyse(article, pipeline(article.body_text))

    return make


def values(figures: list[Figure]) -> list[float]:
    return [f.value for f in figures]


def test_number_words_fractions_and_scales() -> None:
    assert parse_number("Seven") == 7
    assert parse_number("two-thirds") == pytest.approx(2 / 3)
    assert parse_number("4,250") == 4250
    assert parse_number("2.5 million") == 2_500_000
    assert parse_number("soldiers") is None


def test_ranges_and_qualifiers() -> None:
    assert parse_range("200 to 400") == (200, 400)
    assert parse_range("twenty-five") is None
    assert split_qualifier("at least 12") == ("at least", "12")


def test_casualty_figure_has_label_and_qualifier(analysis_of) -> None:
    figures = find_figures(analysis_of("Gunmen killed at least 12 villagers in Kandahar."))
    assert values(figures) == [12]
    assert "villagers killed" in figures[0].label
    assert figures[0].qualifier == "at least"
    assert figures[0].evidence is not None


def test_range_gives_both_ends(analysis_of) -> None:
    figures = find_figures(analysis_of("Officials estimate that 200 to 400 fighters remain in the town."))
    assert sorted(values(figures)) == [200, 400]


def test_fraction_percent_and_hyphenated_count(analysis_of) -> None:
    text = (
        "A 12-member panel said the rebels hold one-quarter of the province and 40 percent of its farmland."
    )
    figures = find_figures(analysis_of(text))
    assert 12 in values(figures)
    assert 0.25 in values(figures)
    percent = next(f for f in figures if f.unit == "percent")
    assert percent.value == 40


@pytest.mark.parametrize(
    "text",
    [
        "The talks were held in 2015 and resumed on 14 March.",
        "Watch the clip at 02:45 for the full statement.",
        "Parliament passed Resolution 2401 without debate.",
        "Security was the government's number one priority.",
        "The two delegations met again later.",
        "Crowds grew into the thousands by evening.",
    ],
)
def test_numbers_that_are_not_figures(analysis_of, text: str) -> None:
    assert find_figures(analysis_of(text)) == []


def test_reference_distance_and_conversion_skipped(analysis_of) -> None:
    text = "Shelling hit Karam, a village about 20km (12 miles) north of Homs."
    assert find_figures(analysis_of(text)) == []


def test_repeated_figure_is_kept_once(analysis_of) -> None:
    figures = find_figures(
        analysis_of("Nine soldiers were killed.", "Officials said nine soldiers were killed near Herat.")
    )
    assert values(figures) == [9]
    assert "Herat" in figures[0].label  # the placed mention is the one kept


def test_strike_report_counts_strikes_not_destroyed_equipment(analysis_of) -> None:
    text = "Near Tikrit, four strikes destroyed three bunkers and two tunnels."
    figures = find_figures(analysis_of(text))
    assert values(figures) == [4]
    assert figures[0].label == "strikes near Tikrit"


def test_single_casualty_counts_but_other_ones_do_not(analysis_of) -> None:
    assert values(find_figures(analysis_of("One of the guards was killed in the raid."))) == [1]
    assert find_figures(analysis_of("One convoy reached the city.")) == []


def test_date_resolution() -> None:
    anchor = dt.date(2018, 6, 14)  # a Thursday
    assert resolve_date("on Tuesday", anchor) == dt.date(2018, 6, 12)
    assert resolve_date("last Thursday", anchor) == dt.date(2018, 6, 7)
    assert resolve_date("Thursday", anchor) == anchor
    assert resolve_date("yesterday", anchor) == dt.date(2018, 6, 13)
    assert resolve_date("June 3rd", anchor) == dt.date(2018, 6, 3)
    assert resolve_date("Dec. 30", anchor) == dt.date(2017, 12, 30)  # no future dates
    assert resolve_date("5 May 2016", None) == dt.date(2016, 5, 5)
    assert resolve_date("on Tuesday", None) is None  # never invented without an anchor


# --- generalisation: numbers that are not counts, and counts the first version missed ---


def test_times_calibres_emergency_numbers_and_eras_are_not_figures(analysis_of) -> None:
    found = find_figures(
        analysis_of(
            "The gunman opened fire around 8pm with a .22 calibre rifle.",
            "A neighbour made a 911 emergency call. Thieves took a vase from 1100 BC.",
            "The clash began at around 6 o’clock and troops seized one Caliber 30 rifle.",
            "The group claimed the raid in a 23 May statement, days after an attack on 2 December.",
        )
    )
    assert values(found) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tom Ardley, 61, was found dead at his farm.", [(61, "age of Tom Ardley")]),
        ("A 17-year-old cyclist was hit by a van.", [(17, "age of the cyclist")]),
        ("The blast was caused by an 18-year-old female bomber.", [(18, "age of the bomber")]),
        ("A child aged 11 was among the dead.", [(11, "age of the child")]),
        ("Guterres called it the worst moment of the nine-year-old war.", []),
        ("Ali Assassa, 21, Omar Jabareen, 21, and Bassem Talib, 38, were among the dead.", []),
    ],
)
def test_the_age_of_one_or_two_people_is_a_figure(analysis_of, text: str, expected: list) -> None:
    """The dev gold lists "Dayton, 42" among the figures, as the guide's annotators do for the
    attacker or a victim; several ages in one sentence are a roll of victims, and a war's age is
    no one's."""
    assert [(f.value, f.label) for f in find_figures(analysis_of(text))] == expected


def test_a_roll_of_ages_across_the_story_is_not_listed(analysis_of) -> None:
    found = find_figures(
        analysis_of(
            "Ali Assassa, 21, died in the raid. Omar Jabareen, 23, died in hospital.",
            "Bassem Talib, 38, was wounded.",
        )
    )
    assert [f for f in found if f.label.startswith("age")] == []


def test_durations_of_what_happened_are_figures(analysis_of) -> None:
    found = find_figures(analysis_of("The hostages were held for 30 hours before police stormed the bank."))
    assert values(found) == [30]
    assert found[0].label.startswith("hours")
    assert find_figures(analysis_of("Three years ago the bridge was rebuilt.")) == []
    lasted = find_figures(analysis_of("The encounter in the forest lasted for two hours, police said."))
    assert [(f.value, f.label) for f in lasted] == [(2, "hours lasted")]
    battle = find_figures(analysis_of("The battle lasting some four hours took place in the village."))
    assert values(battle) == [4]  # annotators list how long the fighting lasted
    raid = find_figures(analysis_of("Israeli troops left Jenin after a 40-hour raid on the camp."))
    assert [(f.value, f.label) for f in raid] == [(40, "hours of raid")]


def test_glued_scale_suffix_multiplies_money(analysis_of) -> None:
    found = find_figures(analysis_of("The fugitive had a $10m bounty on his head."))
    assert values(found) == [10_000_000]


def test_area_with_square_units_is_a_figure(analysis_of) -> None:
    found = find_figures(analysis_of("The rebels have retaken more than 700 square miles of territory."))
    assert values(found) == [700]
    assert "square" in found[0].label and "territory" in found[0].label


def test_running_total_is_labelled_by_what_it_counts(analysis_of) -> None:
    found = find_figures(analysis_of("The number of munitions delivered in the campaign now totals 6,602."))
    assert values(found) == [6602]
    assert "munitions" in found[0].label


def test_plus_suffix_is_a_lower_bound(analysis_of) -> None:
    found = find_figures(analysis_of("Troops from a 60-plus nation alliance arrived."))
    assert values(found) == [60]


def test_sentence_rooted_in_a_noun_does_not_hang(analysis_of) -> None:
    """spaCy makes a new Token object on every access, so `head is token` never stops a walk up
    the tree; a caption rooted in a noun ("Three suspects in custody") used to loop for ever."""
    import signal

    def fail(*_: object) -> None:
        raise TimeoutError("figure extraction did not terminate")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(20)
    try:
        found = find_figures(analysis_of("Three suspects in custody after the raid"))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert values(found) == [3]


def test_money_with_sign_outside_the_entity_is_a_figure(analysis_of) -> None:
    figures = find_figures(analysis_of("A farmer who won $700 at a county fair was robbed hours later."))
    assert values(figures) == [700]
    assert figures[0].unit == "USD"


def test_quote_glued_to_a_number_does_not_hide_it(analysis_of) -> None:
    figures = find_figures(analysis_of("Guards gave the prisoners a 'routine' 30 lashes for talking."))
    assert values(figures) == [30]


def test_narrative_pairs_are_not_figures_but_casualties_are(analysis_of) -> None:
    figures = find_figures(
        analysis_of(
            "The film showed two separate convoys leaving the valley.",
            "Two of them were later seen in the market.",
            "Two soldiers were killed in the ambush near Tessit.",
        )
    )
    assert values(figures) == [2]
    assert "killed" in figures[0].label


def test_a_count_of_two_things_is_a_figure(analysis_of) -> None:
    figures = find_figures(analysis_of("The gunmen torched two trucks before fleeing into the forest."))
    assert values(figures) == [2]
    assert "trucks" in figures[0].label


def test_listicle_headline_count_is_not_a_figure(analysis_of) -> None:
    figures = find_figures(analysis_of("5 things to know about the floods in the north of the region."))
    assert values(figures) == []


def test_duration_without_a_number_is_skipped_not_an_error(analysis_of) -> None:
    assert find_figures(analysis_of("The suspects were held for a dozen days and then released.")) == []


def test_count_without_a_noun_in_a_casualty_clause(analysis_of) -> None:
    """ "killed one person and wounded 13", "three civilians were killed and another 10 wounded":
    the second count borrows what it counts from the first."""
    found = find_figures(
        analysis_of(
            "A suicide bomber killed at least one person and wounded 13 in an attack near Kabul airport.",
            "At least three civilians have been killed and another 10 wounded in overnight shelling.",
        )
    )
    labels = {(f.value, f.label.split(" near ")[0]) for f in found}
    assert (13, "people wounded") in labels
    assert (10, "civilians wounded") in labels


def test_one_of_the_deadliest_is_a_ranking_not_a_count(analysis_of) -> None:
    found = find_figures(analysis_of("It was one of the deadliest attacks in Iraq, where 90 people died."))
    assert values(found) == [90]
    tagged_a_noun = find_figures(analysis_of("It was one of the bloodiest attacks in Michoacan in years."))
    assert values(tagged_a_noun) == []


def test_tolls_repeated_in_other_words_are_one_figure_and_killers_are_not_victims(analysis_of) -> None:
    found = find_figures(
        analysis_of(
            "At least 13 people have died in fighting in Tripoli, emergency services said.",
            "The ambulance service said 13 people were killed and 30 were injured.",
            "A rescue worker told AFP that 41 people were killed and 52 wounded.",
            "Two attackers killed three guards.",
        )
    )
    assert values(found).count(13) == 1
    labels = {f.value: f.label for f in found}
    assert labels[30] == "people injured" and labels[52] == "people wounded"
    assert labels[3] == "guards killed"
    assert not any(f.label.startswith("attackers killed") for f in found)


def test_building_sizes_and_calibres_are_not_figures(analysis_of) -> None:
    found = find_figures(
        analysis_of(
            "The attack sparked fires on at least three floors of a 12-storey building.",
            "The shooter used a .45-caliber handgun, police said, and killed 12 people.",
        )
    )
    assert values(found) == [12]


def test_tolls_told_as_states_and_expletives(analysis_of) -> None:
    found = find_figures(
        analysis_of(
            "Weekend fighting between rebels and soldiers left 27 dead on both sides, a rebel leader said.",
            '"There were 22 deaths on their side. On our side, there were five deaths and 15 wounded," he said.',
        )
    )
    labels = {f.value: f.label for f in found}
    assert labels[27].startswith("people dead")
    assert labels[22] == "deaths" and labels[5] == "deaths"
    assert labels[15] == "people wounded"


def test_people_counted_as_missing_say_so(analysis_of) -> None:
    figures = find_figures(
        analysis_of(
            "Jihadists ambushed the troops, leaving four dead and four others missing.",
            "Two security sources said 30 soldiers were still missing.",
        )
    )
    labels = {f.value: f.label for f in figures}
    assert labels[30] == "soldiers missing"
    assert any(f.value == 4 and "missing" in f.label for f in figures)


def test_weights_of_explosives_are_figures(analysis_of) -> None:
    figures = find_figures(
        analysis_of(
            "Investigators said between 500 and 600 pounds of explosives were used in the attack.",
            "The truck was packed with 1,000 kg of explosives.",
        )
    )
    assert [(f.value, f.unit) for f in figures] == [(500, "lb"), (600, "lb"), (1000, "kg")]
    assert all("explosives" in f.label for f in figures)


def test_how_often_is_not_how_many(analysis_of) -> None:
    figures = find_figures(
        analysis_of("The police chief was shot three times and two bodyguards were killed.")
    )
    assert values(figures) == [2]


def test_a_toll_repeated_in_generic_words_is_one_figure(analysis_of) -> None:
    """ "12 people killed" ... "12 bodies"; "six lives": the same toll; but five men and five women
    killed are two counts."""
    found = find_figures(
        analysis_of(
            "Armed men killed 12 people in the town of Mbau on Sunday.",
            "We have found 12 bodies so far, the administrator said.",
            "The UN said five men and five women had been killed.",
        )
    )
    assert sorted(values(found)) == [5, 5, 12]


def test_half_mast_numbered_wards_and_unit_names_are_not_counts(analysis_of) -> None:
    found = find_figures(
        analysis_of(
            "Flags at government buildings in Regina are at half-mast after the attack.",
            "Residents of Ward No. 6 had fled to the town.",
            "A search was launched by a team including 44 Rashtriya Rifles and the police.",
            "Soldiers of the Light Infantry Brigade 143 surrendered.",
        )
    )
    assert values(found) == []


def test_tolls_told_without_a_counted_noun_are_figures(analysis_of) -> None:
    """ "Two cops lost their lives", "left three dead and eight wounded"; but a lone victim or a
    sum the text never states is no figure."""
    found = find_figures(
        analysis_of(
            "Two cops lost their lives in an attack on a checkpoint in Bannu.",
            "The knife attack in Solingen left three dead and eight wounded.",
            "A soldier was killed in Tikrit. Five men and five women had been killed in Beni.",
        )
    )
    assert sorted(values(found)) == [2, 3, 5, 5, 8]


def test_a_toll_restated_in_other_words_at_the_same_place_is_one_figure(analysis_of) -> None:
    restated = find_figures(
        analysis_of(
            "Seven marines were killed in a firefight with Abu Sayyaf gunmen in Patikul.",
            "The military said 7 personnel were killed in the clash in Patikul.",
        )
    )
    assert values(restated) == [7]
    elsewhere = find_figures(
        analysis_of(
            "Two soldiers were killed in a drone attack in Marib.",
            "In Hodeidah, two soldiers were killed in clashes.",
        )
    )
    assert values(elsewhere) == [2, 2]
    together = find_figures(
        analysis_of("Three women and three children were shot in the village of Rufaila.")
    )
    assert values(together) == [3, 3]  # two groups named in one sentence


def test_a_count_of_people_told_again_in_other_words_is_one_figure(analysis_of) -> None:
    figures = find_figures(
        analysis_of(
            "Eleven soldiers were killed when a suicide bomber struck a check post in North Waziristan.",
            "Due to the blast, eleven brave sons of soil embraced martyrdom, the military said.",
            "Two terrorists planted the bomb. Two police officers were slightly injured.",
            "Four soldiers were killed. Police said four suspects were arrested.",
        )
    )
    labels = [(f.value, f.label) for f in figures]
    assert [v for v, _ in labels].count(11) == 1, labels  # eleven soldiers, told twice
    assert [v for v, _ in labels].count(2) == 2, labels  # two terrorists, two officers injured
    assert [v for v, _ in labels].count(4) == 2, labels  # four killed, four arrested


def test_thousands_grouped_with_a_space_are_one_number(analysis_of) -> None:
    assert parse_number("800 000") == 800_000
    assert parse_number("1 200 000") == 1_200_000
    figures = find_figures(
        analysis_of("Some 800 000 people have been displaced by the fighting in the north.")
    )
    assert values(figures) == [800_000]


def test_lengths_counted_in_minutes_or_told_with_of_are_figures(analysis_of) -> None:
    """ "11 hours of fighting", "three days of national mourning", "lasted for 30 minutes"; but
    "within 24 hours of two operations" says when, not how long."""
    cases = {
        "Mourners gathered in Jenin for the funerals of those killed in 11 hours of fighting.": [
            (11, "hours of fighting")
        ],
        "The government declared three days of national mourning.": [(3, "days of national mourning")],
        "The rebels claimed it was an encounter that lasted for 30 minutes.": [(30, "minutes lasted")],
        "The attack on the post came within 24 hours of two separate operations in Bajur.": [
            (2, "separate operations in Bajur")
        ],
    }
    for sentence, expected in cases.items():
        assert [(f.value, f.label) for f in find_figures(analysis_of(sentence))] == expected


def test_a_currency_code_and_a_scale_word_read_with_their_number(analysis_of) -> None:
    """ "a USD 5 million reward": the model tags no money here, so the number is read from its
    tokens, with the scale after it and the currency code before it (no flight number "USD 5")."""
    figures = find_figures(
        analysis_of("The army offered a USD 5 million reward to anyone who helps find him.")
    )
    assert [(f.value, f.unit) for f in figures] == [(5_000_000, "USD")]


def test_the_number_of_x_is_n_counts_x(analysis_of) -> None:
    """ "the number of soldiers killed in action is 105": the copula gives the count ("The boy is
    15" stays an age, and "the toll is 15" repeats a toll told elsewhere)."""
    figures = find_figures(
        analysis_of("Per official reports, the number of soldiers killed in action is 105. The boy is 15.")
    )
    assert values(figures) == [105]


def test_a_tournament_year_and_half_time_are_no_figures(analysis_of) -> None:
    """ "The Euro 2024 match ... was abandoned at half time": a name's year and a moment of a match;
    the two fans killed are the figure."""
    figures = find_figures(
        analysis_of(
            "The Euro 2024 match between Belgium and Sweden was abandoned at half time after 2 fans were killed."
        )
    )
    assert [(f.value, f.label) for f in figures] == [(2, "fans killed")]


def test_the_length_of_a_gunbattle_and_people_who_remain_missing(analysis_of) -> None:
    figures = find_figures(
        analysis_of(
            "Security forces killed two militants in a 48-hour gunbattle in Kupwara. Sixteen people remain missing."
        )
    )
    labels = {f.value: f.label for f in figures}
    assert labels[48].startswith("hours of gunbattle")
    assert labels[16] == "people missing"
