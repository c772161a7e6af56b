"""Incidents on short texts written for these tests: triggers, places, casualties, dates, merging."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.tokens import Span

from briefing.extract.analysis import Analysis, analyse
from briefing.extract.incidents import find_incidents
from briefing.extract.nlp import nlp
from briefing.extract.places import places_in
from briefing.model import Actor, Article, Incident


@pytest.fixture(scope="session")
def incidents_of() -> Callable[..., list[Incident]]:
    pipeline = nlp()  # loaded once per session

    def make(
        *paragraphs: str, date: dt.date | None = None, actors: list[Actor] | None = None, title: str = "T"
    ) -> list[Incident]:
        article = Article(source_path="t.txt", title=title, paragraphs=tuple(paragraphs), date=date)
        analysis: Analysis = analyse(article, pipeline(article.body_text))
        return find_incidents(analysis, actors or [])

    return make


def test_airstrike_with_place_toll_and_date(incidents_of) -> None:
    found = incidents_of(
        "On Tuesday, an air strike on a market in Idlib killed at least 21 people.",
        date=dt.date(2019, 7, 25),  # a Thursday
    )
    assert len(found) == 1
    incident = found[0]
    assert (incident.type, incident.location, incident.killed) == ("airstrike", "Idlib", 21)
    assert incident.date == "2019-07-23"
    assert incident.evidence and "Idlib" in incident.description


def test_no_article_date_means_no_event_date(incidents_of) -> None:
    found = incidents_of("On Tuesday, an air strike on a market in Idlib killed at least 21 people.")
    assert found[0].date is None


def test_shot_dead_counts_coordinated_victims(incidents_of) -> None:
    found = incidents_of("Gunmen shot dead four men and two boys in the village of Kurdan.")
    assert [(i.location, i.killed, i.type) for i in found] == [("Kurdan", 6, "shooting")]


def test_stated_victims_are_counted_not_the_attacker(incidents_of) -> None:
    found = incidents_of(
        "A bombing struck a bus station in Kirkuk.",
        "Five people and the bomber were killed and 30 others injured in the bombing.",
    )
    assert len(found) == 1
    assert (found[0].killed, found[0].injured) == (5, 30)


def test_combined_toll_is_not_split(incidents_of) -> None:
    found = incidents_of("More than 50 civilians were killed and wounded in bombings in Homs.")
    assert found[0].location == "Homs"
    assert (found[0].killed, found[0].injured) == (None, None)


def test_same_incident_mentioned_twice_is_merged_with_richest_toll(incidents_of) -> None:
    found = incidents_of(
        "A car bomb exploded in Aden on Monday.",
        "Officials said the bombing in Aden killed 14 soldiers.",
    )
    assert len(found) == 1
    assert found[0].killed == 14
    assert len(found[0].evidence) == 2


def test_different_places_stay_apart_and_coordinated_places_split(incidents_of) -> None:
    found = incidents_of("Militants launched attacks in Gao and Timbuktu.")
    assert sorted(i.location for i in found) == ["Gao", "Timbuktu"]


def test_strike_report_gives_one_incident_per_location_block(incidents_of) -> None:
    found = incidents_of(
        "Near Sinjar, two strikes destroyed a bunker.",
        "Near Baiji, one strike destroyed a mortar.",
    )
    assert [i.location for i in found] == ["Sinjar", "Baiji"]
    assert all(i.type == "strike" for i in found)


def test_future_and_feared_attacks_are_not_incidents(incidents_of) -> None:
    assert incidents_of("We will continue to strike targets in Syria.") == []
    assert incidents_of("Officials fear new attacks in Europe.") == []


def test_perpetrator_from_claim_maps_to_actor(incidents_of) -> None:
    actors = [Actor(name="al-Shabab", kind="armed_group", aliases=["Shabab"])]
    found = incidents_of(
        "A suicide bombing in Mogadishu, claimed by al-Shabab, killed 9 people.", actors=actors
    )
    assert found[0].perpetrator == "al-Shabab"
    assert found[0].type == "bombing"


def test_most_specific_place_wins_over_reference_point(incidents_of) -> None:
    found = incidents_of("Rebels killed 11 villagers in the village of Barka, about 20km south of Kassala.")
    assert found[0].location == "Barka"


# --- generalisation: shootings, operations, anaphors and perpetrators on unseen outlets ---


def test_person_shot_then_died_is_a_fatal_shooting(incidents_of) -> None:
    found = incidents_of("A guard at the Denver bank headquarters was shot in the abdomen and later died.")
    assert [(i.type, i.killed, i.injured) for i in found] == [("shooting", 1, None)]


def test_people_shot_but_not_dead_are_injured(incidents_of) -> None:
    found = incidents_of("Two police officers were shot during a standoff in Denver.")
    assert [(i.type, i.location, i.killed, i.injured) for i in found] == [("shooting", "Denver", None, 2)]


def test_event_noun_types_a_killing_and_a_weapon_is_no_perpetrator(incidents_of) -> None:
    found = incidents_of("A car bomb killed three people outside the embassy in Kabul.")
    assert len(found) == 1
    assert (found[0].type, found[0].killed) == ("bombing", 3)
    assert found[0].perpetrator is None


def test_perpetrator_phrase_keeps_its_letters_and_pronoun_victim_counts(incidents_of) -> None:
    found = incidents_of("The governor said soldiers killed him in an operation east of Tikrit.")
    assert [(i.perpetrator, i.killed) for i in found] == [("soldiers", 1)]


def test_operation_with_a_military_goal_is_an_offensive(incidents_of) -> None:
    found = incidents_of("Backed by air strikes, the rebels began the operation to isolate Raqqah on Sunday.")
    assert [(i.type, i.location) for i in found] == [("offensive", "Raqqah")]


def test_the_city_points_back_to_the_place_named_before(incidents_of) -> None:
    found = incidents_of(
        "Militants have had control of Mosul for two years, and troops have cleared a fifth of the city "
        "since the liberation of the city began."
    )
    assert [(i.type, i.location) for i in found] == [("offensive", "Mosul")]


def test_country_attacked_in_a_figure_of_speech_is_no_incident(incidents_of) -> None:
    assert incidents_of("He acted almost like an officer of an army attacking the United States.") == []


def test_plotted_attacks_are_not_events(incidents_of) -> None:
    assert incidents_of("The group uses the city as a haven to plot external attacks against the West.") == []


def test_background_noun_does_not_retype_the_event(incidents_of) -> None:
    found = incidents_of(
        "Militants beheaded 30 men on a beach in Libya.",
        "The film shows ruins damaged by bombing before the executions.",
    )
    assert [(i.type, i.location, i.killed) for i in found] == [("execution", "Libya", 30)]


def test_possessive_day_is_not_a_perpetrator(incidents_of) -> None:
    found = incidents_of("The minister condemned yesterday's bombings in Istanbul.")
    assert [(i.location, i.perpetrator) for i in found] == [("Istanbul", None)]


def test_fatal_stabbing_is_a_killing_with_its_toll(incidents_of) -> None:
    found = incidents_of("A shopkeeper was fatally stabbed outside a bakery in Leeds on Friday.")
    assert [(i.type, i.location, i.killed, i.injured) for i in found] == [("stabbing", "Leeds", 1, None)]


def test_stab_victim_who_survives_is_injured(incidents_of) -> None:
    found = incidents_of("Two men were stabbed in a brawl outside a bar in Cardiff.")
    assert [(i.type, i.killed, i.injured) for i in found] == [("stabbing", None, 2)]


def test_place_named_in_the_next_sentence_places_the_event(incidents_of) -> None:
    found = incidents_of(
        "A farmer fatally shot his neighbour after a long dispute over a fence.",
        "Deputies found the body in a barn outside Millbrook on Sunday morning.",
    )
    assert [(i.type, i.location, i.killed) for i in found] == [("shooting", "Millbrook", 1)]


def test_unplaced_toll_joins_the_event_reported_with_its_place(incidents_of) -> None:
    found = incidents_of(
        "Four villagers were shot dead as they tended their fields, witnesses said.",
        "Elders said the gunmen who shot dead four villagers in Bauchi had fled on motorbikes.",
    )
    assert len(found) == 1
    assert (found[0].location, found[0].killed) == ("Bauchi", 4)
    assert len(found[0].evidence) == 2  # the lead's report is folded in, not dropped


def test_video_capturing_a_fight_is_not_an_offensive(incidents_of) -> None:
    found = incidents_of("A bystander's video captures the men fighting with guards in Dorchester.")
    assert [i.type for i in found if i.type == "offensive"] == []


def test_place_someone_came_from_is_not_the_event_place(incidents_of) -> None:
    found = incidents_of(
        "He was charged with killing the shop owner, while on leave from Camp Hale in Colorado.",
    )
    assert [i.location for i in found] == []


def test_age_after_a_name_is_not_a_casualty_count(incidents_of) -> None:
    found = incidents_of("Officer Dana Reyes, 34 was shot in the arm during the raid in Tulsa.")
    assert found and found[0].injured == 1


def test_gunned_down_and_murder_are_killings(incidents_of) -> None:
    found = incidents_of("A shopkeeper was gunned down outside his store in Marseille on Monday.")
    assert [(i.type, i.location) for i in found] == [("shooting", "Marseille")]
    found = incidents_of("The murder of a taxi driver in Leeds shocked the city.")
    assert [(i.type, i.location) for i in found] == [("killing", "Leeds")]


def test_gunning_for_is_not_an_incident(incidents_of) -> None:
    assert incidents_of("The opposition party is gunning for a majority in Lagos.") == []


def test_toll_given_in_the_next_sentences_completes_the_incident(incidents_of) -> None:
    """ "...attacked an army base in Kupwara. ... Five other soldiers were also injured.": the toll
    sentence names no event, but belongs to the one just reported; a lead that opens with the dead
    belongs to the first incident named after it."""
    found = incidents_of(
        "Three soldiers were killed after militants attacked an army base in Kupwara.",
        "Five other soldiers were also injured.",
    )
    assert [(i.location, i.killed, i.injured) for i in found] == [("Kupwara", 3, 5)]
    lead = incidents_of(
        "Thirteen officers were killed. Nine other officers were wounded.",
        "Authorities said the police convoy was ambushed at a home in El Aguaje.",
    )
    assert [(i.type, i.location, i.killed, i.injured) for i in lead] == [("ambush", "El Aguaje", 13, 9)]


def test_border_and_peoples_adjectives_are_not_where_it_happened(incidents_of) -> None:
    found = incidents_of(
        "At least 24 soldiers were killed in an ambush near the border with Mauritania in the Wagadou forest.",
        "Rebels said the shelling of Donetsk came after they fired at Ukrainian positions.",
    )
    places = {i.location for i in found}
    assert "Mauritania" not in places and "Ukrainian" not in places


def test_a_place_and_the_district_containing_it_are_one_incident(incidents_of) -> None:
    found = incidents_of(
        "The attack happened on Monday in Huyum, in the Askira-Uba district of Borno State, residents said.",
    )
    assert len(found) == 1


def test_a_running_total_is_not_an_incident_toll(incidents_of) -> None:
    found = incidents_of(
        "Gunmen attacked the village of Huyum on Monday, residents said.",
        "A total of 109 people have been killed in such raids, according to AFP.",
    )
    assert [(i.location, i.killed) for i in found] == [("Huyum", None)]


def test_a_firefight_is_an_incident(incidents_of) -> None:
    found = incidents_of(
        "At least 12 people were killed in a fierce firefight at a remote village in Patikul town on Saturday."
    )
    assert [(i.type, i.location, i.killed) for i in found] == [("shooting", "Patikul", 12)]


def test_two_sources_counting_one_event_a_little_differently_give_one_incident(incidents_of) -> None:
    found = incidents_of(
        "A military jet bombed Kyauk Ni Maw on Wednesday, killing 40 civilians, a spokesman said.",
        "A member of a local rescue group whose team was helping people in the area said 41 people were killed.",
    )
    assert len(found) == 1 and found[0].location == "Kyauk Ni Maw"
    apart = incidents_of(
        "A car bomb killed 12 people in Baghdad on Monday.",
        "A second car bomb killed 40 people in Baghdad on Monday.",
    )
    assert len(apart) == 2  # tolls this far apart are two events


def test_victims_beside_a_numbered_group_sources_and_hedges(incidents_of) -> None:
    mother = incidents_of("An Israeli strike on a house in Gaza City killed three children and their mother.")
    assert [(i.location, i.killed) for i in mother] == [("Gaza City", 4)]
    source = incidents_of(
        "An air strike flattened a home west of Khan Younis, killing at least four people, "
        "according to Nasser Hospital, which received the bodies."
    )
    assert [i.location for i in source] == ["Khan Younis"]
    hedged = incidents_of(
        "No fewer than five villagers have been killed by gunmen in an attack on Pugu village."
    )
    assert [i.killed for i in hedged] == [5]


def test_platforms_hospitals_and_possessors_are_not_where_it_happened(incidents_of) -> None:
    found = incidents_of(
        "A Russian drone attack on an apartment block in Kharkiv killed five people.",
        "The attack reduced part of the building to rubble, the governor said on Telegram.",
        "The attacks came as Ukrainian leaders were expected in Washington for talks.",
        "One soldier was injured in a second blast and was being treated at the Baghdad military hospital.",
        "Chadian troops recaptured Birao, at Bangui's demand, killing 65 rebels.",
    )
    places = {i.location for i in found}
    assert "Kharkiv" in places
    assert not places & {"Telegram", "Washington", "Baghdad military hospital", "Bangui"}


def test_a_when_clause_happens_where_its_main_clause_does(incidents_of) -> None:
    found = incidents_of(
        "Lane, who studied at Oklahoma's East Central University, was visiting his girlfriend in Duncan "
        "when he was randomly gunned down."
    )
    assert [i.location for i in found] == ["Duncan"]


def test_a_regional_toll_of_last_year_is_not_the_ambush_toll(incidents_of) -> None:
    found = incidents_of(
        "Jihadists ambushed the troops on Monday in Yagha province, leaving four dead and four missing.",
        "According to UN figures, jihadist attacks in Burkina Faso, Mali and Niger left nearly 4,000 people dead last year.",
    )
    assert [i.killed for i in found if i.location == "Yagha province"] in ([4], [None])


def test_group_names_communities_and_allies_are_not_where_it_happened(incidents_of) -> None:
    found = incidents_of(
        "Fighters from the Islamic State West Africa Province (ISWAP) overran a base, killing eight soldiers.",
        "Gunmen opened fire on Shias at a procession in Peshawar, killing 11 worshippers.",
        "The enclave has come under mounting bombardment by the government and its ally Russia.",
    )
    places = {i.location for i in found}
    assert "Peshawar" in places
    assert not places & {"West Africa Province", "Shias", "Russia"}


def test_one_toll_reported_at_two_places_is_one_incident(incidents_of) -> None:
    found = incidents_of(
        "At least 17 people were killed by rebels in the town of Oicha, officials say.",
        "At least 17 people have been killed by rebel fighters in eastern Congo, officials said on Sunday.",
    )
    assert [(i.location, i.killed) for i in found] == [("Oicha", 17)]


def test_a_district_named_with_or_without_its_division_noun_is_one_place(incidents_of) -> None:
    found = incidents_of(
        "A car bomb exploded in a crowded market in Ghazni province, killing 30 people.",
        "Officials said the bombing occurred in the Andar district of Ghazni, near a school.",
    )
    assert len(found) == 1 and found[0].killed == 30


def test_a_killing_during_a_school_assault_is_part_of_it(incidents_of) -> None:
    found = incidents_of(
        "Gunmen stormed a boarding school in the town of Jangebe late on Tuesday, abducting dozens of pupils.",
        "One pupil was killed during the kidnapping, the official said.",
    )
    assert len(found) == 1 and found[0].killed == 1


def test_where_a_source_spoke_is_not_where_it_happened(incidents_of) -> None:
    found = incidents_of(
        '"We were attacked by a group of militia and the army," rebel leader Ali Musa told AFP in Nairobi.'
    )
    assert "Nairobi" not in {i.location for i in found}


def test_the_attack_said_to_have_happened_in_a_village_is_the_one_reported(incidents_of) -> None:
    found = incidents_of(
        "Boko Haram fighters attacked a remote village in Yobe State, killing nine people, residents said.",
        "The attack happened at about noon in Kukareta, a farming village, residents said.",
    )
    assert [i.killed for i in found] == [9]
    named = incidents_of(
        "A bomb killed 12 people in a market in Kabul on Friday.",
        "The mastermind behind the bombing in Herat was arrested.",
    )
    assert len(named) == 2  # "the bombing in Herat" says which bombing: another one


def test_an_event_set_last_week_is_not_the_one_reported(incidents_of) -> None:
    found = incidents_of(
        "Militants attacked two army posts in Kalash in Chitral district of Khyber Pakhtunkhwa on Wednesday.",
        "Last week, nine soldiers were killed in a suicide attack on a convoy in Bannu district of Khyber Pakhtunkhwa.",
    )
    assert len(found) == 2


def test_a_relative_clause_saying_where_places_the_reported_event(incidents_of) -> None:
    found = incidents_of(
        "An army drone strike killed dozens of people in the Amhara region, witnesses said.",
        "The attack, which took place on Monday near the small town of Debre Sina, hit a truck.",
    )
    assert len(found) == 1


def test_a_known_armed_group_is_not_a_place(incidents_of) -> None:
    found = incidents_of(
        "He was the most senior commander killed in eight months of strikes between Israel and Hezbollah."
    )
    assert "Hezbollah" not in {i.location for i in found}


def test_tolls_the_parse_hides(incidents_of) -> None:
    listed = incidents_of("Three soldiers and a civilian were killed in an ambush by rebels in Tinoc.")
    assert [i.killed for i in listed] == [4]
    nominal = incidents_of(
        "A suicide bomber struck a restaurant in Kismayo, resulting in the deaths of at least five people."
    )
    assert [i.killed for i in nominal] == [5]
    dateline = incidents_of(
        "MANILA, Philippines - Eleven soldiers were killed in an ambush by rebels in Tinoc, the army said."
    )
    assert [i.killed for i in dateline] == [11]


def test_the_place_inside_a_country_or_region_named_before_it(incidents_of) -> None:
    found = incidents_of(
        "Twelve civilians were killed in an airstrike in Yemen's northern province of Saada.",
        "Gunmen in Russia's North Caucasus region of Dagestan attacked a church on Sunday, killing six people.",
        "Militants killed four soldiers in an attack on a post in Pakistan's northern Khyber Pakhtunkhwa province.",
    )
    assert [i.location for i in found] == ["Saada", "Dagestan", "northern Khyber Pakhtunkhwa"]


def test_kinds_of_events_and_regions_of_several_states_place_nothing(incidents_of) -> None:
    found = incidents_of(
        "Militants attacked an army base in the town of Inates on Tuesday.",
        "Fighters have carried out similar attacks across West Africa's Sahel region this year.",
        "Jihadists killed nearly 50 soldiers in two attacks in May and July.",
    )
    assert [i.location for i in found] == ["Inates"]


def test_two_spellings_of_a_town_are_one_place(incidents_of) -> None:
    found = incidents_of(
        "Government airstrikes on the town of Khan Sheikhoun killed 13 civilians on Monday.",
        "Separately, an airstrike hit a market in Saraqib.",
        "Rescuers said airstrikes on Khan Sheikoun had also wounded 24 people.",
    )
    assert [(i.location, i.killed, i.injured) for i in found] == [
        ("Khan Sheikhoun", 13, 24),  # "airstrikes", which the model tags as a verb, is still the event
        ("Saraqib", None, None),
    ]


def test_the_day_a_source_spoke_is_not_the_day_of_the_event(incidents_of) -> None:
    found = incidents_of(
        "Fifteen people were killed when Boko Haram attacked a village in Borno State, residents told AFP yesterday.",
        "The attack happened at about 13:00 GMT on Monday in Kukawa, residents said.",
        date=dt.date(2015, 6, 10),  # a Wednesday
    )
    assert [(i.killed, i.date) for i in found] == [(15, "2015-06-08")]


def test_fighting_is_an_event_and_a_long_name_one_victim(incidents_of) -> None:
    fighting = incidents_of(
        "Weekend fighting between rebels and soldiers near the village of Sikikede left 27 dead, a rebel leader said."
    )
    assert [(i.type, i.killed) for i in fighting] == [("clashes", 27)]
    named = incidents_of(
        "Officials said Izzat Ibrahim al-Douri had died in fighting with government troops in Salahuddin province."
    )
    assert [i.killed for i in named] == [1]


def test_a_verb_report_right_after_an_event_tells_its_detail(incidents_of) -> None:
    found = incidents_of(
        "At least 16 people were killed in an attack on two military posts in Khyber Pakhtunkhwa province.",
        "A large group of militants attacked two army posts in Kalash in Chitral district, the army said.",
    )
    assert len(found) == 1 and found[0].killed == 16
    apart = incidents_of(
        "At least 16 people were killed in an attack on two military posts in Khyber Pakhtunkhwa province.",
        "Separately, gunmen attacked a police station in Quetta.",
    )
    assert len(apart) == 2


def test_gapped_injury_counts_scales_and_sustained_injuries(incidents_of) -> None:
    gapped = incidents_of(
        "Two people were killed and five injured when a gunman opened fire in a mall in Tempe."
    )
    assert [(i.killed, i.injured) for i in gapped] == [(2, 5)]
    dozen = incidents_of(
        "Eleven soldiers were killed and nearly two dozen injured in an attack on a base in Djibo."
    )
    assert [(i.killed, i.injured) for i in dozen] == [(11, 24)]
    sustained = incidents_of(
        "A drone strike hit a truck near the town of Debre Sina.",
        "Doctors said 18 people sustained severe injuries in the strike.",
    )
    assert [i.injured for i in sustained] == [18]
    leader = incidents_of(
        "An airstrike on the village of Kfar Kila killed a senior commander and three fighters."
    )
    assert [i.killed for i in leader] == [4]


def test_more_gapped_tolls_and_people_lost(incidents_of) -> None:
    rockets = incidents_of(
        "A rocket attack on the town of Sderot killed two children and wounded more than two dozen people."
    )
    assert [(i.killed, i.injured) for i in rockets] == [(2, 24)]
    gapped = incidents_of("At least one person was killed and seven others wounded in a shooting in Antioch.")
    assert [(i.killed, i.injured) for i in gapped] == [(1, 7)]
    lost = incidents_of('Gunmen attacked the village of Kuda. "We have lost 15 people," a resident said.')
    assert [i.killed for i in lost] == [15]


def test_the_state_of_a_name_is_a_place(incidents_of) -> None:
    found = incidents_of("A double car bombing in the central state of Galmudug wounded several soldiers.")
    assert [i.location for i in found] == ["Galmudug"]


def test_threats_and_foiled_plots_are_not_events(incidents_of) -> None:
    found = incidents_of(
        "He was cleared of threats to kill charges and was jailed at Birmingham Crown Court.",
        "Police foiled a plot to bomb a church in Lahore.",
    )
    assert found == []


def test_the_city_inside_a_region_named_before_it(incidents_of) -> None:
    found = incidents_of(
        "Eight people were killed in an Israeli airstrike in the West Bank city of Jenin.",
        "A missile attack in the suburbs of the Black Sea port city of Odesa killed two people.",
    )
    assert [i.location for i in found] == ["Jenin", "Odesa"]


def test_shooting_in_the_village_attacked_and_no_shooting_at_all(incidents_of) -> None:
    found = incidents_of(
        "The attack happened in Lingyado village in Zamfara state, residents said.",
        "About 150 attackers surrounded the village, shooting residents who came out to greet them.",
        '"We almost forgot the sound of a bullet because there was no shooting for a long time," said a resident.',
    )
    assert len(found) == 1


def test_a_raid_told_by_its_verb_and_one_a_year_before(incidents_of) -> None:
    found = incidents_of(
        "Police in Rio de Janeiro raided the Vila Cruzeiro favela before dawn on Tuesday.",
        "The operation comes one year after a raid in Rio that killed 28 people.",
    )
    assert [(i.type, i.killed) for i in found] == [("raid", None), ("raid", 28)]


def test_an_exchange_of_fire_is_an_event_and_a_group_is_not_its_place(incidents_of) -> None:
    found = incidents_of(
        "Five armed members of the Eastern Hills Mujahidin exchanged fire with police in a village of "
        "Tana District on Sunday, killing one militant."
    )
    assert [(i.type, i.location, i.killed) for i in found] == [("clashes", "Tana District", 1)]


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Twelve people are dead after gunmen attacked a bar in Salta on Sunday.", 12),
        ("Four women and seven men were declared dead after the attack on a bar in Salta.", 11),
        ("The missile attack on a building in Salta took the lives of 35 residents.", 35),
        ("The death toll from the bombing in Salta has risen to 35.", 35),
        ("At least 32 dead in suicide bombing in Salta", 32),
    ],
)
def test_tolls_told_without_a_kill_verb(incidents_of, sentence: str, killed: int) -> None:
    found = incidents_of(sentence)
    assert [(i.location, i.killed) for i in found] == [("Salta", killed)]


def test_a_running_total_in_a_side_clause_leaves_the_events_own_toll(incidents_of) -> None:
    found = incidents_of(
        "Three people were shot dead at the Kamba refugee camp in Bora on Monday, taking the toll "
        "of killings in the camps to 20 so far this year."
    )
    assert len(found) == 1 and found[0].killed == 3


def test_an_event_placed_only_sentences_later_is_still_reported(incidents_of) -> None:
    found = incidents_of(
        "Twelve people are dead and two are missing after an armed group invaded a bar early Sunday.",
        "Officials said the gunmen began firing at everyone inside.",
        "Police reached the bar, in the town of San Jacinto, after a call about gunfire.",
    )
    assert [(i.location, i.killed) for i in found] == [("San Jacinto", 12)]


def test_a_country_under_another_name_yields_to_the_town_named_next(incidents_of) -> None:
    found = incidents_of(
        "Armed men killed at least a dozen people in northeast Democratic Republic of Congo on Sunday.",
        "The men attacked the town of Mbau in Beni territory before dawn.",
    )
    assert [(i.location, i.killed) for i in found] == [("Mbau", 12)]


def test_a_toll_told_between_two_reports_of_an_event_is_its_own(incidents_of) -> None:
    found = incidents_of(
        "A missile struck an apartment block in Dnipro on Saturday.",
        "Rescuers are still searching the rubble.",
        "Cranes arrived overnight. Volunteers brought food and water.",
        "Officials said 40 people were rescued and 75 were injured.",
        "Many of the injured are children.",
        "Officials said the strike on the building in Dnipro came at 3 pm.",
    )
    assert [(i.location, i.injured) for i in found] == [("Dnipro", 75)]


def test_a_reference_point_places_an_event_only_when_nothing_else_does(incidents_of) -> None:
    found = incidents_of(
        "A suicide bombing near the border with Syria killed at least 32 people in a cultural "
        "centre in the province of Kilis on Monday."
    )
    assert [(i.location, i.killed) for i in found] == [("Kilis", 32)]


def test_a_lead_placed_only_in_a_country_happened_where_the_story_was_filed(incidents_of) -> None:
    found = incidents_of(
        "PORT-AU-PRINCE, Haiti (AP) — Gang members killed two police officers in the latest attack "
        "on law enforcement in Haiti, officials said."
    )
    assert [(i.location, i.killed) for i in found] == [("Port-au-Prince", 2)]


def test_two_towns_sharing_only_their_province_are_two_events(incidents_of) -> None:
    found = incidents_of(
        "Unidentified gunmen shot dead two men in the city of Jassim in Daraa province on Sunday.",
        "Also, gunmen opened fire on Ali Hassan, a soldier, in the town of Um Walad in Daraa province, "
        "killing him.",
    )
    assert sorted(i.location for i in found) == ["Jassim", "Um Walad"]


def test_a_compass_point_of_a_wide_region_is_still_wide() -> None:
    from briefing.extract.places import is_wide

    assert is_wide("northern West Bank") and is_wide("eastern Syria")
    assert not is_wide("North Kivu")


def test_a_name_describing_a_common_noun_is_not_a_place(incidents_of) -> None:
    """ "based on Sharia law": the preposition governs "law"; but "the Kamba refugee camps" and
    "the Wagadou forest" are places."""
    from briefing.extract.nlp import nlp
    from briefing.extract.places import places_in

    doc = nlp()("The group seeks a state based on Sharia law and has fought since 2009.")
    assert [p.text for p in places_in(doc[:])] == []
    found = incidents_of("Three men were shot dead at the Kamba refugee camps on Monday.")
    assert [i.location for i in found] == ["Kamba"]


def test_a_later_report_counting_some_of_the_victims_is_the_same_event(incidents_of) -> None:
    found = incidents_of(
        "Gunmen killed six people in an attack on a village in Borno on Monday.",
        "The attack, which killed a teacher, happened in Gwoza, the police said.",
    )
    assert [i.killed for i in found] == [6]


def test_coordinated_verbs_share_their_scene(incidents_of) -> None:
    found = incidents_of(
        "Police are hunting five attackers who burst into a bar in Soweto and killed 15 customers."
    )
    assert [(i.location, i.killed) for i in found] == [("Soweto", 15)]


def test_a_days_attack_refers_back_to_the_event_told(incidents_of) -> None:
    found = incidents_of(
        "A drone attack hit a vehicle carrying displaced people in central Sudan, killing 24 people.",
        "Saturday's attack took place close to the city of Rahad, the group said.",
    )
    assert [(i.location, i.killed) for i in found] == [("Rahad", 24)]


def test_charges_figures_of_speech_and_courts_are_not_events_or_scenes(incidents_of) -> None:
    found = incidents_of(
        "Soldiers and police clashed with gunmen in Barangay Lamin on Friday.",
        "The suspects had outstanding warrants of arrest for murder and homicide, which were issued by "
        "the Regional Trial Court in Marawi.",
        "A power struggle between the two generals exploded into open warfare in 2023.",
        "At the site, police said three gunmen were killed.",
    )
    assert [(i.location, i.killed) for i in found] == [("Barangay Lamin", 3)]


def test_an_event_dated_in_an_earlier_year_is_recalled_not_reported() -> None:
    from briefing.extract.incident_mentions import find_mentions

    article = Article(
        source_path="t.txt",
        title="T",
        date=dt.date(2021, 4, 9),
        paragraphs=(
            "Three militants were killed in a gunfight in Shopian town on Thursday, police said.",
            "In 2019, a top commander was killed in an encounter in the same town.",
        ),
    )
    mentions = find_mentions(analyse(article, nlp()(article.body_text)), [])
    assert [m.earlier for m in mentions] == [False, True]


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("Two policemen lost their lives in an attack on a checkpoint in Bannu.", 2, None),
        (
            "The roadside bomb in Tikrit caused the death of one soldier and injuries to at least four others.",
            1,
            4,
        ),
        ("The clashes in Marib killed eight soldiers and left 15 more injured.", 8, 15),
        ("A levies official was martyred and two others were injured in the attack in Kalat.", 1, 2),
        (
            "After the riot at the Tamara prison, seven inmates were treated at a hospital for stab wounds.",
            None,
            7,
        ),
    ],
)
def test_tolls_told_with_other_words(
    incidents_of, sentence: str, killed: int | None, injured: int | None
) -> None:
    found = incidents_of(sentence)
    assert [(i.killed, i.injured) for i in found] == [(killed, injured)]


def test_the_named_facility_is_the_one_attacked(incidents_of) -> None:
    found = incidents_of(
        "Militants launched a deadly attack on a Mogadishu hotel, killing at least 15 people.",
        "The explosion at the Ambassador Hotel was heard across the city.",
    )
    assert [(i.location, i.killed) for i in found] == [("Ambassador Hotel", 15)]


def test_a_town_named_only_as_a_modifier_still_places_a_lone_event(incidents_of) -> None:
    found = incidents_of(
        "Colombia accused rebels of killing a Bogota police officer with hidden explosives.",
        "The explosives wounded five officers who rushed to the scene.",
    )
    assert [i.location for i in found] == ["Bogota"]


def test_background_fighting_in_a_country_comes_after_the_event(incidents_of) -> None:
    found = incidents_of(
        "Fighting has ravaged swathes of Myanmar since a coup in 2021.",
        "A military jet dropped bombs on Nyaung Kone village on Friday, killing ten people.",
    )
    assert [i.location for i in found] == ["Nyaung Kone", "Myanmar"]


def test_movements_acronyms_and_running_totals_since_a_year(incidents_of) -> None:
    found = incidents_of(
        "A claymore mine exploded near an army truck in Batticaloa on Monday, wounding two soldiers.",
        "The army blamed the attack on the Liberation Tigers, whose war has killed more than 64,000 "
        "people since 1972.",
    )
    assert [(i.location, i.killed, i.injured) for i in found] == [("Batticaloa", None, 2)]


def test_part_of_a_toll_told_about_the_village_stays_with_its_event(incidents_of) -> None:
    found = incidents_of(
        "No fewer than 40 villagers were murdered on Monday when gunmen attacked two villages in Borno.",
        "When the militants arrived at the village in the night, they initially killed 17 people.",
    )
    assert [(i.location, i.killed) for i in found] == [("Borno", 40)]


def test_a_named_scene_replaces_a_reference_point(incidents_of) -> None:
    found = incidents_of(
        "Police were deployed after an apparent massacre northwest of Port-au-Prince killed 70 people.",
        "Carried out early Thursday in the town of Pont Sonde, the attack saw gunmen open fire on residents.",
    )
    assert [(i.location, i.killed) for i in found] == [("Pont Sonde", 70)]


def test_the_toll_of_the_event_reported_never_goes_to_one_recalled(incidents_of) -> None:
    found = incidents_of(
        "A hijacked truck ploughed into shoppers on Friday, killing four people and wounding 15.",
        "Police said there were clear similarities to an attack last month in London.",
        "There was no immediate claim of responsibility for the attack in Stockholm.",
    )
    tolls = {i.location: (i.killed, i.injured) for i in found}
    assert tolls.get("London", (None, None)) == (None, None)
    assert tolls["Stockholm"] == (4, 15)


def test_targets_guards_agency_credits_and_reference_points_are_no_scenes(incidents_of) -> None:
    assert [
        i.location
        for i in incidents_of(
            "The army launched an airstrike targeting Hezbollah commander Ibrahim Qabisi in a southern suburb "
            "of Beirut on Tuesday."
        )
    ] == ["Beirut"]
    assert [
        i.location
        for i in incidents_of(
            "QAMISHLI, Syria (North Press) – Iran executed three men on Friday morning in Isfahan."
        )
    ] == ["Isfahan"]
    assert "National Guard" not in {
        i.location
        for i in incidents_of(
            "Gunmen killed two soldiers in a deadly ambush on the National Guard in Chinicuila."
        )
    }
    found = incidents_of(
        "A suicide bomber struck as people left a compound in Baqouba, 35 miles north of Baghdad, "
        "killing 15 people."
    )
    assert [i.location for i in found] == ["Baqouba"]


def test_a_datelines_country_is_where_the_story_was_filed() -> None:
    from briefing.extract.nlp import nlp
    from briefing.extract.places import places_in

    doc = nlp()("QAMISHLI, Syria (North Press) – Iran executed on Friday morning three men in Isfahan.")
    assert [p.text for p in places_in(doc[:])] == ["Isfahan"]


def test_a_day_of_the_month_is_no_count_of_victims(incidents_of) -> None:
    found = incidents_of(
        "A police officer was on Thursday, January 18 killed after a bomb went off in Mandera town."
    )
    assert all(i.killed != 18 for i in found)


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        (
            "Two ITBP jawans were on Saturday killed and two other personnel injured in a blast in Abujhmad.",
            2,
            2,
        ),
        (
            "In the shooting at a bar in Thousand Oaks, around 10 other people were shot and wounded.",
            None,
            10,
        ),
        (  # the model tags the lone "48" a date
            "A bomber struck the cathedral in Alexandria, killing 17 people, including three police "
            "officers, and injuring 48, the ministry added.",
            17,
            48,
        ),
        ("Gunmen ambushed and killed a minimum of 13 police officers in Aguililla.", 13, None),
        (
            "Officials said a total of about 20 people were injured in the attack on a hotel in Baidoa.",
            None,
            20,
        ),
        ("After the riot in Khujand, six police officers were admitted with gunshot wounds.", None, 6),
        (  # a list the parse makes an apposition
            "Seven security officers, a Canadian tourist and two civilians were shot dead in Karak.",
            10,
            None,
        ),
        ("Three people, two soldiers and a civilian, were killed in the ambush in Tessit.", 3, None),
        ("In the attack on Buringa, nine people were killed of which six women and 3 men.", 9, None),
        ("The student went on the rampage in Prague, killing 14 people and injuring two dozen.", 14, 24),
        ("The attack on the base in Aguachica left at least six soldiers dead and 31 injured.", 6, 31),
        ("Israeli shelling in Nuseirat resulted in 120 fatalities and 205 injuries.", 120, 205),
        (
            "The attack in Ankara left three people dead and three out of 15 injured people are critical.",
            3,
            15,
        ),
        (
            "Peshawar, Feb 6 (PTI) At least three policemen were killed and six others injured when "
            "militants attacked a police check post in Karak.",
            3,
            6,
        ),
        (
            "In the attack on the plant in Kahramankazan, two attackers - one man and one woman - were killed.",
            2,
            None,
        ),
        (  # a dateline the parse makes the subject
            "Lima : At least 19 people, including 12 soldiers, were killed when rebels ambushed a convoy "
            "in Tintaypunco.",
            19,
            None,
        ),
        (  # a dateline with its country, set off by a dash
            "Lower Juba, Somalia – More than 20 militants have been killed in fighting with the army in "
            "Jamame district.",
            20,
            None,
        ),
    ],
)
def test_tolls_the_parse_hangs_elsewhere(
    incidents_of, sentence: str, killed: int | None, injured: int
) -> None:
    assert [(i.killed, i.injured) for i in incidents_of(sentence)] == [(killed, injured)]


def test_a_lead_toll_without_a_place_is_placed_by_the_next_report(incidents_of) -> None:
    found = incidents_of(
        "The ELN has killed five soldiers and injured another 10 in a roadside bomb attack, the army said.",
        "The 1AM attack on an army convoy took place in Norte de Santander province.",
    )
    assert [(i.location, i.killed, i.injured) for i in found] == [("Norte de Santander", 5, 10)]


def test_weapons_common_nouns_and_rifle_regiments_are_no_places() -> None:
    from briefing.extract.nlp import nlp
    from briefing.extract.places import places_in

    doc = nlp()(
        "Troops recovered an AK-47 in Rabat after the occupants ran into the bush, while the Assam Rifles "
        "and fighters of al-Qaeda in the Islamic Maghreb clashed in northern Sinai."
    )
    assert {p.text for p in places_in(doc[:])} <= {"Rabat", "northern Sinai"}


def test_a_toll_only_the_headline_gives_is_the_lead_events(incidents_of) -> None:
    found = incidents_of(
        "Israeli soldiers pulled out of Jenin early Thursday after a raid that lasted 40 hours.",
        "The army said it had targeted militants and their infrastructure in the camp.",
        title="Israeli troops leave Jenin after 40-hour raid; 12 dead",
    )
    assert [(i.location, i.killed) for i in found] == [("Jenin", 12)]


def test_habits_runs_and_totals_since_a_month_are_no_events(incidents_of) -> None:
    found = incidents_of(
        "Gunmen killed five soldiers in an ambush near Andarapa on Monday.",
        "It is the latest in a string of attacks by the rebels in Apurimac.",
        "Since March 2015, nearly 10,000 people have been killed in the war in Yemen.",
    )
    assert [(i.type, i.location) for i in found] == [("ambush", "Andarapa")]
    assert incidents_of("Police in Rio de Janeiro regularly carry out deadly raids in Alemao.") == []


def test_modifiers_sides_and_a_state_of_siege_place_no_event(incidents_of) -> None:
    """ "English-speaking" describes the city, "between Moscow and separatists" names a side, and a
    declared state of siege is a legal regime: none of them is where an event happened."""
    found = incidents_of(
        "Gunmen killed two gendarmes in Bamenda on Wednesday.",
        "The attacks in the English-speaking city of Bamenda marked the worst fighting in years.",
        "After a war between Moscow and separatists in the 1990s, the region is still plagued by clashes.",
        "The government in Kinshasa declared a state of siege in North Kivu.",
    )
    assert [i.location for i in found] == ["Bamenda"]
    second_side = incidents_of(
        "One person was killed in an Israeli strike in the south, where a ceasefire between Hezbollah"
        " and Israel came into force last month.",
    )
    assert "Israel" not in [i.location for i in second_side]


def test_reports_at_the_place_a_lead_named_join_its_event(incidents_of) -> None:
    """ "the complex", "the site": later reports of a bombing and gunfire there are the attack the
    lead placed at the aerospace company, not new events."""
    found = incidents_of(
        "The attack struck the Turkish Aerospace Industries headquarters in Kahramankazan, Ankara.",
        "The deadly attack has left three people dead.",
        "At least one attacker detonated a bomb, while others managed to breach the complex.",
        "Continuous gunfire was heard at the site.",
    )
    assert len(found) == 1


def test_a_capitalised_city_opening_the_story_with_a_colon_is_its_dateline(incidents_of) -> None:
    found = incidents_of(
        "NEW DELHI: Synagogues, churches and a police post in Russia's North Caucasus region of "
        "Dagestan came under attack on Sunday, killing at least 17 people.",
    )
    assert [(i.location, i.killed) for i in found] == [("Dagestan", 17)]
    title_case = incidents_of(
        "New York: The Secretary-General condemned the attacks by militias on the Savo camp for displaced"
        " people in Ituri province, which left at least 58 civilians dead.",
    )
    assert [(i.location, i.killed) for i in title_case] == [("Savo", 58)]


def test_to_death_makes_any_verb_a_killing_and_a_recalled_attack_stays_apart(incidents_of) -> None:
    """ "knifed two people to death"; "stabbed four people, one of them to death" killed one, not four.
    An attack recalled at the same place ("two years ago") is not the one reported on Friday."""
    found = incidents_of(
        "Three more people were hurt in the spree, which revived memories of an attack on London Bridge"
        " two years ago that killed eight people.",
        "A man knifed two people to death in a terror attack on Friday before being shot dead by police on"
        " London Bridge.",
    )
    assert sorted(i.killed for i in found if i.location == "London Bridge") == [2, 8]
    stabbed = incidents_of("Gunmen stabbed four people, one of them to death, in an attack in Nairobi.")
    assert [i.killed for i in stabbed] != [4]


def test_the_scene_named_just_after_a_lead_placed_in_a_country_is_that_events(incidents_of) -> None:
    found = incidents_of(
        "At least three policemen were killed and six others injured when militants attacked a police "
        "check post in northwest Pakistan on Thursday, police said.",
        "The attackers launched a barrage of gunfire at the Bahadur Khel check post in the Karak district.",
    )
    assert [(i.location, i.killed, i.injured) for i in found] == [("Bahadur Khel", 3, 6)]


def test_a_wire_lead_placed_in_a_country_takes_the_village_the_next_sentence_names(incidents_of) -> None:
    found = incidents_of(
        "PRISTINA, Kosovo (AP) — Dozens of gunmen killed a police officer then stormed a monastery "
        "in Kosovo, setting off gunbattles that left three assailants dead.",
        "Kosovo police surrounded Banjska, a village located 55 kilometers north of the capital.",
    )
    assert [i.location for i in found] == ["Banjska"]


def test_a_states_two_word_name_is_one_place() -> None:
    from briefing.extract.places import places_in

    doc = nlp()("Attacks spread in June to the south near the borders with Ivory Coast and Burkina Faso.")
    assert [p.text for p in places_in(doc[:])] == ["Ivory Coast", "Burkina Faso"]


def test_the_next_sentences_definite_reference_naming_the_scene_is_the_same_event(incidents_of) -> None:
    found = incidents_of(
        "Gunmen killed eleven people in an attack on a camp for displaced people in Kasai province on "
        "Sunday, officials said.",
        "The attack on the Tshikapa camp, in Kamonia territory, was blamed on a local militia.",
    )
    assert [(i.location, i.killed) for i in found] == [("Kasai province", 11)]
    added = incidents_of(
        "Israeli strikes destroyed buildings near the Netzarim corridor in central Gaza.",
        "The forces also renewed their strikes on the Al-Awda Hospital in Jabalia.",
    )
    assert len(added) == 2  # "also" adds another event


def test_regions_sharing_one_plural_noun_are_one_area(incidents_of) -> None:
    found = incidents_of(
        "More than 20 militants were killed during fighting between the militants and the army at the "
        "border areas of Hiraan and Galgaduud regions."
    )
    assert [(i.location, i.killed) for i in found] == [("Hiraan", 20)]


def test_a_restated_toll_keeps_the_event_in_reach_of_the_next_tolls(incidents_of) -> None:
    found = incidents_of(
        "LAGOS (Reuters) – At least four people died on Monday during a major police raid in a slum of "
        "Lagos, police said.",
        "Officers raided the Makoko district to arrest a gang wanted for robberies, police said in a statement.",
        "It said 200 officers took part, backed by two helicopters. At least four people died, it said: one "
        "officer and three suspects. A woman was also wounded.",
    )
    assert [(i.killed, i.injured) for i in found] == [(4, 1)]


def test_a_count_hung_on_a_forces_name_counts_its_members(incidents_of) -> None:
    found = incidents_of(
        "Three Uganda People’s Defence Force (UPDF) soldiers were killed in an ambush in Ituri on Monday."
    )
    assert [(i.location, i.killed) for i in found] == [("Ituri", 3)]


def test_every_group_listed_before_a_shared_participle_is_counted(incidents_of) -> None:
    found = incidents_of(
        "Nine rebels were killed and 12 soldiers and three policemen wounded in fighting in Basilan province."
    )
    assert [(i.killed, i.injured) for i in found] == [(9, 15)]


def test_a_weekday_the_model_runs_into_a_place_name_is_not_part_of_it() -> None:
    doc = nlp()("Shelling in the center of the border city of Kursk Saturday killed 21 people.")
    start = [t.text for t in doc].index("Kursk")
    doc.ents = [Span(doc, start, start + 2, label="GPE")]  # "Kursk Saturday", as the model sometimes tags it
    assert [p.text for p in places_in(doc[:])] == ["Kursk"]


def test_a_clause_ranking_the_event_neither_places_nor_dates_it(incidents_of) -> None:
    found = incidents_of(
        "Shelling in the centre of the Russian border town of Shebekino on Sunday killed nine people, local "
        "officials reported.",
        "A further 40 people were wounded in the strike, said regional governor Ivan Petrov, making it one of "
        "the deadliest attacks on Russian soil since the start of the war two years ago.",
    )
    assert [(i.location, i.killed, i.injured) for i in found] == [("Shebekino", 9, 40)]


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("A car bomb exploded at a market in Kirkuk on Friday, which claimed nine lives.", 9),
        (
            "A wounded woman died in hospital in Kirkuk on Friday, raising the death toll from the market "
            "bombing to six.",
            6,
        ),
        (  # a total over a period is not the event's toll
            "Troops killed two gunmen in a raid in Jenin on Friday, taking the death toll to 16 since the "
            "operation began.",
            2,
        ),
    ],
)
def test_lives_claimed_and_a_toll_raised_by_a_death(incidents_of, sentence: str, killed: int) -> None:
    assert [i.killed for i in incidents_of(sentence)] == [killed]


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("A roadside bomb killed four soldiers and injured another in Yala province on Monday.", 4, 1),
        ("Two policemen were killed and another wounded in an ambush in Zamfara on Monday.", 2, 1),
    ],
)
def test_another_victim_is_one_more(incidents_of, sentence: str, killed: int, injured: int) -> None:
    assert [(i.killed, i.injured) for i in incidents_of(sentence)] == [(killed, injured)]


def test_a_capitalised_road_or_facility_noun_alone_is_no_place_name(incidents_of) -> None:
    found = incidents_of(
        "The convoy was ambushed by unidentified militants on the Highway in the hills of Manipur."
    )
    assert [i.location for i in found] == ["Manipur"]


def test_what_a_body_is_known_as_is_no_place(incidents_of) -> None:
    found = incidents_of(
        "A car bomb exploded in a busy market in a northern Syrian town on Saturday, killing three people.",
        "Volunteers with the Syrian Civil Defense, known as the White Helmets, said the blast killed two.",
    )
    assert "White Helmets" not in {i.location for i in found}
    area = incidents_of("Shells fell on an area known as the Green Line, killing two people.")
    assert [i.location for i in area] == ["Green Line"]


def test_a_lone_division_noun_is_no_place_name() -> None:
    doc = nlp()("Police in the State said the attackers fled.")
    assert places_in(doc[:]) == []


def test_a_toll_reported_just_after_the_event_at_the_same_place_is_its_toll(incidents_of) -> None:
    found = incidents_of(
        "Al Shabaab fighters attacked a remote army base near the town of Ceel Cadde today, residents said.",
        "The fighting lasted for hours, a military officer said.",
        "Al Shabaab said it had killed more than 60 soldiers at Ceel Cadde.",
    )
    assert [(i.location, i.killed) for i in found] == [("Ceel Cadde", 60)]
    later = incidents_of(
        "Iraqi forces launched an offensive on Mosul on Monday.",
        "Troops advanced from the south and east.",
        "Kurdish fighters held the northern front.",
        "Aid agencies prepared camps for those fleeing.",
        "The United Nations warned of a humanitarian crisis.",
        "Officials said the advance was on schedule.",
        "On Sunday, IS fighters killed 50 former police officers in Mosul.",
    )
    assert len(later) == 2  # a killing told long after is another event in the same city


@pytest.mark.parametrize(
    ("title", "killed", "injured"),
    [
        ("Five dead, 12 injured in Kabul blast", 5, 12),
        ("Two killed as gunmen storm village in Zamfara", 2, None),
    ],
)
def test_headline_style_tolls_complete_the_lead_event(
    incidents_of, title: str, killed: int, injured: int | None
) -> None:
    found = incidents_of("A bomb exploded at a busy market in Kabul on Friday, police said.", title=title)
    assert [(i.killed, i.injured) for i in found] == [(killed, injured)]


def test_a_reference_point_does_not_place_an_event_told_at_the_city(incidents_of) -> None:
    found = incidents_of(
        "Shelling in the centre of the Russian border city of Belgorod on Saturday killed 21 people.",
        "One strike hit close to an ice rink in the very heart of the city, which lies 670 kilometers south of Moscow.",
    )
    assert [i.location for i in found] == ["Belgorod"]


def test_a_facility_described_by_its_town_is_in_that_town(incidents_of) -> None:
    found = incidents_of(
        "Suicide bomber detonates explosives at a Kismayo restaurant frequented by dozens, in the latest"
        " al-Shabab-claimed attack.",
        "At least five people have been killed in the Somali port of Kismayo after a suicide bomber blew"
        " himself up in a restaurant near a police academy.",
    )
    assert [(i.location, i.killed) for i in found] == [("Kismayo restaurant", 5)]


def test_a_building_named_with_its_town_is_the_scene(incidents_of) -> None:
    found = incidents_of(
        "A 73-year-old man shot and killed five people on several floors of a suburban Ottawa condominium"
        " building before police officers killed him, authorities said.",
    )
    assert [(i.location, i.killed) for i in found] == [("Ottawa condominium building", 5)]


def test_a_person_or_a_title_attacked_is_not_the_scene(incidents_of) -> None:
    fico = Actor(name="Robert Fico", kind="person", role="Slovak Prime Minister", aliases=["Fico"])
    found = incidents_of(
        "Slovak Prime Minister Robert Fico was injured in a shooting in Handlova on Wednesday.",
        "According to JOJ television, a man in the crowd opened fire on the Prime Minister after a meeting.",
        "European leaders strongly condemned the despicable attack on Robert Fico.",
        actors=[fico],
    )
    assert [i.location for i in found] == ["Handlova"]


def test_rampaging_through_a_place_is_an_attack_there(incidents_of) -> None:
    found = incidents_of(
        "At least one extremist rampaged through a crowded Hamburg nightlife district hours ahead of a lockdown,"
        " leaving four people dead before he was killed by police, authorities said.",
    )
    assert [(i.type, i.location, i.killed) for i in found] == [("attack", "Hamburg", 4)]


def test_a_toll_beside_uncounted_others_hurt_is_still_a_toll(incidents_of) -> None:
    found = incidents_of(
        "A gunman opened fire at a gas station in Eli on Tuesday, killing at least four people and wounding"
        " several others.",
    )
    assert [(i.location, i.killed, i.injured) for i in found] == [("Eli", 4, None)]


def test_an_armed_confrontation_is_a_clash_and_an_age_in_brackets_no_toll(incidents_of) -> None:
    found = incidents_of(
        "Eleven soldiers died on Friday in an armed confrontation with dissidents near Napo.",
    )
    assert [(i.type, i.location, i.killed) for i in found] == [("clashes", "Napo", 11)]
    hurt = incidents_of(
        "One village volunteer was killed on Thursday in an attack by armed militants in Kangchup village.",
        "Wanglen Mongshatabam (27), another village volunteer, was also injured in the attack.",
    )
    assert [(i.location, i.killed, i.injured) for i in hurt] == [("Kangchup village", 1, 1)]


def test_left_dead_hung_on_the_victims_and_a_running_total_since_a_day(incidents_of) -> None:
    riot = incidents_of(
        "Inmates fought each other in a riot that left 13 prisoners and a guard dead at a prison in Machala."
    )
    assert [(i.location, i.killed) for i in riot] == [("Machala", 13)]
    total = incidents_of(
        "Since Jan. 9, a series of attacks attributed to CODECO militants has left at least 57 civilians dead in"
        " the Djugu territory."
    )
    assert [i.killed for i in total] == [None]  # a running total, not one event's toll


def test_a_toll_told_alone_anywhere_in_a_one_event_story_is_its_toll(incidents_of) -> None:
    found = incidents_of(
        "Four people were killed after a car ploughed through a pedestrian zone in Trier on Tuesday.",
        "The driver, a 51-year-old local man, was arrested at the scene.",
        "Police said he had been drinking.",
        "Shops in the old town closed for the afternoon.",
        "The mayor said up to 15 people had been injured, some of them seriously.",
    )
    assert [(i.location, i.killed, i.injured) for i in found] == [("Trier", 4, 15)]


def test_groups_that_clash_report_a_clash(incidents_of) -> None:
    found = incidents_of(
        "Two groups of refugees clashed in a camp near Ukhiya on Friday, leaving six dead and 10 injured.",
    )
    assert [(i.type, i.location, i.killed, i.injured) for i in found] == [("clashes", "Ukhiya", 6, 10)]


def test_a_killing_with_the_same_toll_as_a_clash_elsewhere_named_is_that_clash(incidents_of) -> None:
    found = incidents_of(
        "Soldiers clashed with Abu Sayyaf fighters in Patikul on Saturday, leaving eleven people dead.",
        "The fighting lasted over an hour.",
        "Troops later recovered rifles.",
        "The army said 7 marines and 4 Abu Sayyaf bandits were killed in Barangay Tugas.",
    )
    assert [(i.type, i.killed) for i in found] == [("clashes", 11)]


def test_the_killing_of_a_number_of_people_is_a_toll(incidents_of) -> None:
    found = incidents_of(
        "Government forces shelled Ibleeni, a village in southern Idlib, on Saturday.",
        "War monitors reported the killing of at least eight civilians by artillery fire.",
    )
    assert [(i.location, i.killed) for i in found] == [("Ibleeni", 8)]


def test_a_lead_toll_for_the_strike_is_placed_by_the_next_sentence(incidents_of) -> None:
    found = incidents_of(
        "On April 11, the military launched an air strike on a village, which left hundreds of people dead.",
        "It is believed to be the deadliest attack since the coup.",
        "According to an activist group, at least 100 people were killed after the air strike.",
        "The attack took place in Pa Zi Gyi village in the Sagaing region on Tuesday.",
        "According to the group, at least 30 children were killed and 50 people were injured during the strike.",
    )
    assert [(i.location, i.killed) for i in found][:1] == [("Pa Zi Gyi", 100)]


def test_a_toll_over_separate_incidents_is_no_one_events(incidents_of) -> None:
    found = incidents_of(
        "A drone strike hit a bus station in Kheret on Sunday.",
        "A rights group documented 24 strikes in 17 separate incidents this autumn, killing 87 people.",
    )
    assert [(i.location, i.killed) for i in found] == [("Kheret", None)]


def test_a_states_long_name_cut_at_of_is_read_whole_and_a_town_named_next_is_the_scene(incidents_of) -> None:
    doc = nlp()(
        "M23 rebels killed at least 131 civilians in eastern Democratic Republic of the Congo last month."
    )
    assert [(p.text, p.wide) for p in places_in(doc[:])] == [
        ("eastern Democratic Republic of the Congo", True)
    ]
    found = incidents_of(
        "In the eastern Democratic Republic of the Congo (DRC), an attack on a church claimed the lives of at"
        " least 38 people.",
        "The church in Komanda city, Ituri province, was the site of the attack early on Sunday.",
    )
    assert [(i.location, i.killed) for i in found] == [("Komanda city", 38)]


def test_feasts_and_names_someone_is_identified_as_are_no_places() -> None:
    doc = nlp()(
        "More than 500 people were injured in the Easter Sunday assault on churches in Colombo."
        " In Rafah, a photographer saw the body of a man identified as Ghannam."
    )
    assert [p.text for p in places_in(doc[:])] == ["Colombo", "Rafah"]
    palm = nlp()(
        "TANTA, Egypt — Suicide bombers attacked two Coptic churches in Egypt on Palm Sunday, killing 44."
    )
    assert [p.text for p in places_in(palm[:])] == ["Egypt"]
    others = nlp()(
        "Gunmen killed 21 people in Talata Mafara and Maru Local Government Areas, a video posted on TikTok"
        " showed. Two members of Eastern Indonesia Mujahiddin were killed in Poso."
    )
    assert [p.text for p in places_in(others[:])] == ["Talata Mafara", "Poso"]


def test_a_number_hung_on_wounded_counts_the_wounded(incidents_of) -> None:
    left = incidents_of("A car bomb in Mogadishu on Saturday left 12 dead and at least 40 wounded.")
    assert [(i.killed, i.injured) for i in left] == [(12, 40)]
    evacuated = incidents_of(
        "Seventeen soldiers were killed in an attack on an army post in Koumbri on Sunday.",
        "The army also records about thirty wounded who were evacuated.",
    )
    assert [(i.killed, i.injured) for i in evacuated] == [(17, 30)]


def test_people_treated_in_hospital_are_the_injured(incidents_of) -> None:
    found = incidents_of(
        "Police said a gunman killed ten people in a shooting at an adult school in Orebro on Tuesday.",
        "Health authorities said six people were being treated at Orebro University Hospital.",
    )
    assert [(i.killed, i.injured) for i in found] == [(10, 6)]


def test_the_number_of_injured_and_a_death_toll_that_is_a_number_are_tolls(incidents_of) -> None:
    found = incidents_of(
        "A Ukrainian missile struck an apartment block in Belgorod on Sunday, killing six people.",
        "“The number of injured, according to the latest data, is 20 people,” emergency services said.",
    )
    assert [(i.killed, i.injured) for i in found] == [(6, 20)]
    toll = incidents_of("A car bomb exploded at a market in Baghdad on Monday. The death toll is 35.")
    assert [i.killed for i in toll] == [35]


def test_a_shooting_event_is_a_shooting(incidents_of) -> None:
    found = incidents_of(
        "Three children and three adults are dead after a mass shooting event Monday at The Covenant School"
        " in Nashville.",
        "The shooter was killed by responding officers, police said.",
    )
    assert [(i.type, i.location, i.killed) for i in found] == [("shooting", "Covenant School", 6)]


def test_a_lead_toll_is_placed_by_a_chain_of_reports_and_keeps_its_toll_over_a_part(incidents_of) -> None:
    found = incidents_of(
        "Around 50 worshippers at the mosque had been killed on Friday, a journalist reported.",
        "The Taliban has yet to comment on the explosion.",
        "There were reports that the explosion was followed by the sound of gunfire.",
        "A cleric, along with other worshippers, died in the explosion on the Siddiquiya Mosque in Kabul.",
    )
    assert [(i.type, i.location, i.killed) for i in found] == [("explosion", "Siddiquiya Mosque", 50)]


def test_a_toll_three_sentences_after_its_event_is_still_its_toll(incidents_of) -> None:
    found = incidents_of(
        "Heavy clashes between the National Guard and FARC dissidents took place on Saturday in the town of Paez.",
        "The operation sought to capture a commander of the tenth front.",
        "Residents in nearby areas reported explosions and overflights.",
        "Local media report that at least four soldiers and 15 dissidents have died.",
        "In November, an armed confrontation near the town of Guasdualito left no dead.",
    )
    assert [(i.location, i.killed) for i in found][:1] == [("Paez", 19)]


def test_people_in_a_grave_state_or_under_treatment_and_a_child_by_age_are_tolls(incidents_of) -> None:
    critical = incidents_of(
        "Four people were killed in a shooting at a tavern in Pietermaritzburg on Saturday.",
        "Eight others are in critical condition, police said.",
    )
    assert [(i.killed, i.injured) for i in critical] == [(4, 8)]
    treated = incidents_of(
        "Gunmen attacked two villages in Borno on Monday, killing 26 people.",
        "A doctor said 20 are currently receiving treatment at the hospital.",
    )
    assert [(i.killed, i.injured) for i in treated] == [(26, 20)]
    aged = incidents_of(
        "Gunmen fired on a car in Kharkiv on Thursday, killing one civilian and injuring a 10-year-old."
    )
    assert [(i.killed, i.injured) for i in aged] == [(1, 1)]


def test_a_lone_name_the_model_left_untagged_is_one_victim(incidents_of) -> None:
    found = incidents_of(
        "Rebels ambushed an army patrol in Barangay San Miguel on Tuesday.",
        "Debuton was killed while Malbas was wounded in the attack.",
    )
    assert [(i.killed, i.injured) for i in found] == [(1, 1)]


def test_a_toll_over_a_number_the_parse_hangs_on_a_preposition_is_read(incidents_of) -> None:
    found = incidents_of(
        "The Israeli army has launched waves of deadly airstrikes on Lebanon since Monday morning, killing over"
        " 560 people, including 50 children and 94 women, and injuring 1,835 others."
    )
    assert [(i.killed, i.injured) for i in found] == [(560, 1835)]


def test_a_leader_and_six_others_are_seven(incidents_of) -> None:
    found = incidents_of(
        "Troops killed a Palestinian militant leader and six others in a raid on Tulkarem on Thursday."
    )
    assert [i.killed for i in found] == [7]


def test_who_condemned_the_attack_is_not_where_and_last_july_is_earlier(incidents_of) -> None:
    condemned = incidents_of(
        "A suicide bomber detonated an explosive device in Ankara on Sunday, wounding two police officers.",
        "The US Embassy in Ankara also condemned the attack, saying it stands in solidarity with Turkey.",
    )
    assert [(i.location, i.injured) for i in condemned] == [("Ankara", 2)]
    recalled = incidents_of(
        "Nine soldiers were killed and five wounded on Sunday, the government said.",
        "A supply mission fell into an ambush between Dogofri and Nampala.",
        "Last July, 17 soldiers were killed in an attack on a military base in Nampala.",
    )
    assert [(i.location, i.killed) for i in recalled] == [("Nampala", 9), ("Nampala", 17)]


def test_a_total_for_one_event_so_far_is_its_toll_but_a_years_is_not(incidents_of) -> None:
    one = incidents_of(
        "Police have so far confirmed the deaths of four people in a car ramming attack in Magdeburg on Friday.",
        "A total of 205 people suffered injuries, with 41 in critical condition.",
    )
    assert [(i.killed, i.injured) for i in one] == [(4, 205)]
    running = incidents_of(
        "A car bomb exploded at a market in Baghdad on Friday, wounding 12 people.",
        "So far this year, a total of 300 people have been killed in bombings in the city.",
    )
    assert [(i.killed, i.injured) for i in running] == [(None, 12)]


def test_missiles_shot_down_are_no_toll_and_victims_left_injured_are(incidents_of) -> None:
    strike = incidents_of(
        "A Russian missile strike on an apartment building in Dnipro killed 29 people on Saturday.",
        "Russia fired 33 cruise missiles on Saturday, of which 21 were shot down, the general said.",
        "The city government reported that at least 72 people were wounded.",
    )
    assert [(i.killed, i.injured) for i in strike] == [(29, 72)]
    left = incidents_of(
        "Insurgents set off a bomb on a road in Bannang Sata district on Monday.",
        "The attack, which took place around 1.20pm, left four rangers injured while on patrol.",
    )
    assert [i.injured for i in left] == [4]


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("The attack left two soldiers killed and eight others injured in an ambush in Kabankalan.", 2, 8),
        (
            "Fighters assaulted an army base in Cabo Delgado, resulting in the tragic loss of 25 soldiers.",
            25,
            None,
        ),
        ("Police in Zawiya found five bodies with signs of gunfire after the clashes in the city.", 5, None),
        (
            "A truck bomb in the town of Jowhar caused the loss of 12 lives and left 30 others wounded.",
            12,
            30,
        ),
        ("The toll from the bombing of a market in Jowhar rose to 14 on Sunday.", 14, None),
        ("Six soldiers were killed in the clashes and another two soldiers were injured in Hakkari.", 6, 2),
        ("After the missile strike on Kharkiv, 92 people have been reported injured and 4 killed.", 4, 92),
        (
            "A blast at a market in Baidoa killed at least three people, with injuries sustained by nine"
            " others.",
            3,
            9,
        ),
        (
            "The raid on a checkpoint in Dera Bugti killed four soldiers, with another seven troops"
            " sustaining injuries.",
            4,
            7,
        ),
        (
            "Nine civilians were killed, 35 people were injured, more than 10 apartment buildings, and more"
            " than 100 facilities were damaged as a result of the missile strike on Ganja.",
            9,
            35,
        ),
    ],
)
def test_tolls_told_as_a_loss_bodies_found_or_left_killed(
    incidents_of, sentence: str, killed: int | None, injured: int | None
) -> None:
    """Buildings damaged beside the injured are not counted among them."""
    assert [(i.killed, i.injured) for i in incidents_of(sentence)] == [(killed, injured)]


def test_words_of_an_organisations_name_and_its_acronym_are_no_place(incidents_of) -> None:
    """ "the Sudan People's Liberation Army-In Opposition (SPLA-IO)": neither "Opposition" after
    the name's "-In" nor the acronym the model tags a country is where the clashes were."""
    clashes = incidents_of(
        "Clashes between the army and the Sudan People’s Liberation Army-In Opposition (SPLA-IO) have left"
        " nine soldiers dead, the army said on Monday."
    )
    assert [i.location for i in clashes] == []
    near = incidents_of(
        "Clashes between the army and the Sudan People’s Liberation Army-In Opposition near Yei left nine"
        " soldiers dead."
    )
    assert [i.location for i in near] == ["Yei"]


def test_rockets_that_were_fired_are_a_rocket_attack(incidents_of) -> None:
    fired = incidents_of(
        "Multiple rockets were fired at the airport in Erbil on Monday night, officials said."
    )
    assert [i.type for i in fired] == ["rocket attack"]


def test_the_attack_in_the_town_its_report_named_around_the_scene_is_that_attack(incidents_of) -> None:
    kalat = incidents_of(
        "Seven security personnel have allegedly been martyred and 15 others injured when unidentified armed"
        " men attacked the Shah Mardan check post in the Johan area of Kalat, Balochistan late on Friday night.",
        "The Baloch Liberation Army is said to have claimed responsibility for the attack in Kalat.",
    )
    assert [(i.location, i.killed, i.injured) for i in kalat] == [("Shah Mardan", 7, 15)]


def test_a_count_right_before_the_injured_the_parse_hangs_elsewhere_is_their_toll(incidents_of) -> None:
    found = incidents_of(
        "Previously, the FSB reported 40 dead and more than 100 injured after the attack on Crocus City Hall."
    )
    assert [(i.killed, i.injured) for i in found] == [(40, 100)]


def test_an_event_told_before_a_day_after_is_the_one_reported(incidents_of) -> None:
    """ "Gunmen attacked ... in Cancun Tuesday, ... just a day after a shooting at a festival": the
    attack is reported, not recalled, so the toll given for it later is its own."""
    cancun = incidents_of(
        "Gunmen attacked the state prosecutors’ office in the resort city of Cancun Tuesday, and authorities"
        " said four people were killed, ratcheting up tensions just a day after a shooting at a music festival"
        " in a nearby town left three foreigners and two Mexicans dead.",
        "It was too early to say if the attacks were linked.",
        "The governor of Quintana Roo state, Carlos Joaquin, said three attackers and one police officer died"
        " in Tuesday’s incident.",
        "A reporter at the scene saw police remove a body from a guard post near the building after the attack.",
    )
    assert [(i.location, i.killed) for i in cancun] == [("Cancun", 4)]


def test_an_abbreviated_rank_ends_no_sentence_and_heads_no_toll(incidents_of) -> None:
    """ "First Lieut. Erizal Sidabutar" is one sentence with the toll's subject; "Police Insp. Ali
    Khan and Cpl. John Okafor" counts the two named, not the rank."""
    ranks = incidents_of(
        "Police Insp. Ali Khan and Cpl. John Okafor were killed in an ambush in Sukma on Monday."
    )
    assert [(i.location, i.killed) for i in ranks] == [("Sukma", 2)]
    from briefing.extract.nlp import nlp

    doc = nlp()("Two soldiers, First Lieut. Erizal Sidabutar and Sgt. Rizky, were killed in Sugapa.")
    assert len(list(doc.sents)) == 1


def test_a_township_named_with_and_without_its_division_word_is_one_place(incidents_of) -> None:
    outposts = incidents_of(
        "The Arakan Army has attacked two Border Guard Force outposts in Rathedaung Township on Monday.",
        "Local residents said the attacks were launched around 5 am.",
        "“AA attacked Cheinkhali and Donepaik outposts, and the military carried out retaliatory attacks from"
        " Rathedaung area,” a local woman said.",
    )
    assert [i.location for i in outposts] == ["Rathedaung Township"]


def test_a_report_the_parser_hangs_on_a_trailing_clause_is_still_reported(incidents_of) -> None:
    """ "..., rescue work continues": a comma splice the parser reads as a clause of "continues",
    which is no hope or plan that the shelling goes on."""
    found = incidents_of(
        "On Friday, at about noon, the army fired at a shop and a cafe in the village of Dovhe, Izium"
        " District, now 12 killed are already known, rescue work continues."
    )
    assert [(i.type, i.location, i.killed) for i in found] == [("shooting", "Dovhe", 12)]


def test_a_barangay_is_a_place_even_when_the_model_tags_a_person(incidents_of) -> None:
    """ "some 100 Abu Sayyaf members Barangay Bunkaong, Patikul town": a Philippine village, named
    without its preposition, is where the firefight was."""
    found = incidents_of(
        "Troops engaged in a 45-minute firefight with some 100 Abu Sayyaf members Barangay Tanum, Patikul"
        " town, Sulu Friday morning, leaving six militants dead."
    )
    assert [(i.location, i.killed, i.perpetrator) for i in found] == [("Barangay Tanum", 6, None)]


def test_an_encounter_is_a_firefight(incidents_of) -> None:
    """In South and South-East Asian reports "an encounter" with troops is a firefight."""
    found = incidents_of(
        "Militants wounded three soldiers in an encounter with troops in Pamplona town on Thursday."
    )
    assert [(i.type, i.location, i.injured) for i in found] == [("clashes", "Pamplona", 3)]


def test_a_hospital_issuing_a_statement_is_not_the_scene(incidents_of) -> None:
    found = incidents_of(
        "The attack, officials confirmed, left 5 dead and a statement by the Emergency Hospital in Kabul said"
        " that it had received more than 40 patients."
    )
    assert [i.location for i in found] == ["Kabul"]


def test_separate_events_announced_as_such_keep_their_own_places_and_tolls(incidents_of) -> None:
    """ "Also on Friday, ..." opens a new event whose place the next sentence gives ("the shootout
    occurred in Torreon"); "In central Mexico, meanwhile, ..." another, whose equal toll is chance."""
    found = incidents_of(
        "Mexican soldiers killed 12 gunmen in a gunbattle in Nuevo Laredo on Friday, the military said.",
        "The consulate in Nuevo Laredo issued an alert citing reports of multiple gunfights in the city.",
        "Also on Friday, state police reported that officers killed five suspects after being fired on."
        " The state government said the shootout occurred in the city of Torreon.",
        "In central Mexico, meanwhile, armed men killed five state police officers and wounded two others in"
        " Guanajuato.",
    )
    assert [(i.location, i.killed, i.injured) for i in found] == [
        ("Nuevo Laredo", 12, None),
        ("Torreon", 5, None),
        ("Guanajuato", 5, 2),
    ]


def test_events_over_recent_years_are_a_history(incidents_of) -> None:
    found = incidents_of(
        "Nuevo Laredo, which lies across the river from Laredo, Texas, has been the scene of bloody gunfights"
        " in recent years."
    )
    assert found == []


def test_the_strikes_that_killed_and_injured_are_the_event(incidents_of) -> None:
    """ "was killed and four were injured in Israeli strikes across southern Lebanon": the place hangs
    on "injured", which adds victims to the killing, so the strikes say what the event was. A control:
    it held before, and must hold now that "injured" shares the killing's place."""
    found = incidents_of(
        "A Hezbollah official was killed and four civilians were injured in Israeli strikes across different"
        " areas of southern Lebanon on Monday, said military sources."
    )
    assert [(i.type, i.killed, i.injured) for i in found] == [("strike", 1, 4)]


def test_an_ordinal_or_a_length_is_no_perpetrator(incidents_of) -> None:
    """ "the first encounter", "a 45-minute firefight": words that say which or how long."""
    found = incidents_of(
        "Eleven militants were killed in the first encounter with troops in Patikul on Friday.",
        "Troops fought a 45-minute firefight with gunmen in Indanan on Saturday.",
    )
    assert [i.perpetrator for i in found] == [None, None]


def test_a_place_noun_alone_is_no_place_name(incidents_of) -> None:
    """ "in the Valley of the Apurímac, Ene and Mantaro Rivers": the model may tag "Valley" alone,
    which names no place; the town the next sentence gives does."""
    found = incidents_of(
        "At 9:45 a.m. this Saturday, in the Valley of the Apurímac, Ene and Mantaro Rivers (VRAEM), seven"
        " agents of the national police were ambushed and killed with firearms.",
        "We mourn our policemen who were cowardly ambushed in the district of Llochegua.",
    )
    assert [(i.location, i.killed) for i in found] == [("Llochegua", 7)]


def test_an_event_that_continues_is_reported_but_killing_that_continues_is_a_pattern(incidents_of) -> None:
    """ "continues to launch a major offensive" names one event that goes on; "continue to kill
    civilians" tells what keeps happening (the second half is a control: it held before)."""
    found = incidents_of(
        "Azerbaijan continues to launch a major offensive in the Syunik province of Armenia.",
        "The militants continue to kill civilians in Cabo Delgado despite claims that security has been restored.",
    )
    assert [(i.type, i.location) for i in found] == [("offensive", "Syunik")]


def test_militants_eliminated_or_neutralised_in_a_communique_were_killed(incidents_of) -> None:
    found = incidents_of(
        "Troops eliminated 34 terrorists in an encounter at Sabon Gari village in Borno on Saturday."
    )
    assert [(i.location, i.killed) for i in found] == [("Sabon Gari", 34)]


def test_a_killing_aimed_at_is_no_toll(incidents_of) -> None:
    """ "an operation to track and kill several hundred fighters who attacked and killed more than 40
    troops": the aim is no toll; the troops killed are."""
    found = incidents_of(
        "The president has launched an operation to track and kill several hundred fighters who attacked and"
        " killed more than 40 troops on Bakaram island on Sunday."
    )
    assert [i.killed for i in found] == [40]


def test_in_excess_of_n_killed_counts_n(incidents_of) -> None:
    found = incidents_of(
        "HALIFAX – Police say “in excess” of 10 people have been killed, including a police officer, following"
        " a shooting rampage that began in Truro."
    )
    assert [i.killed for i in found] == [10]


def test_a_name_listed_among_soldiers_names_is_no_place() -> None:
    """A casualty list "Pvt. Kenneth Cerbo, Michael Besana, Angelito Bariga and Voltair Catamin":
    the model may tag one name a place; among people's full names it is one more person. A list of
    towns, one of which the model tags a person ("Maungdaw, Ann, Kyaukphyu and Thandwe"), stays."""
    people = nlp()(
        "The wounded were Pvt. Kenneth Cerbo, Michael Besana, Angelito Bariga and Voltair Catamin."
    )
    towns = nlp()("Fierce clashes also went on in Maungdaw, Ann, Kyaukphyu and Thandwe townships.")
    assert [p.text for p in places_in(people[:])] == []
    assert [p.text for p in places_in(towns[:])] != []


def test_a_named_victim_beside_n_other_victims_is_one_more(incidents_of) -> None:
    """ "X, head of public security, and at least 12 other officers died": thirteen; "the gunman and
    12 other people" stays twelve victims, as an attacker is never counted among them."""
    found = incidents_of(
        "Alfredo Ramos, head of public security in Coyuca, and at least 12 other officers were killed in an"
        " ambush in El Papayo on Monday.",
        "In a separate attack, the gunman and 12 other people were killed in Acapulco on Tuesday.",
    )
    assert [(i.location, i.killed) for i in found] == [("El Papayo", 13), ("Acapulco", 12)]


def test_a_total_of_n_members_hung_on_the_unit_counts_n(incidents_of) -> None:
    """ "A total of seven members of the MILF national guard were killed": the parse hangs "total" on
    "guard"; the count is still the seven the total counts, not one guard."""
    found = incidents_of(
        "A total of seven members of the Moro Islamic Liberation Front (MILF) national guard were killed in"
        " clashes in Shariff Saydona Mustapha on Friday."
    )
    assert [i.killed for i in found] == [7]


def test_the_martyrdom_of_n_counts_the_dead(incidents_of) -> None:
    found = incidents_of(
        "The governor expressed sorrow over the martyrdom of five FC personnel in the attack in Sibi district."
    )
    assert [i.killed for i in found] == [5]


def test_a_town_before_the_event_is_its_scene_not_its_perpetrator(incidents_of) -> None:
    """ "the Vienna terror attack": Vienna says where, not who; "a US airstrike" says who."""
    vienna = incidents_of(
        "A gunman shot dead in the Vienna terror attack which killed four people was named."
    )
    strike = incidents_of("A US airstrike killed four militants near Jilib.")
    assert [(i.location, i.killed, i.perpetrator) for i in vienna] == [("Vienna", 4, None)]
    assert [(i.location, i.perpetrator) for i in strike] == [("Jilib", "US")]


def test_a_capital_named_by_its_state_places_an_event_that_ended(incidents_of) -> None:
    """ "A terrorist attack on a hotel in the Somali capital ended on Sunday": an attack that ended
    happened ("efforts to end the attacks" are aimed at events), in the Somali capital."""
    found = incidents_of(
        "A terrorist attack on a hotel in the Somali capital ended on Sunday after 25 people had been killed."
    )
    aimed = incidents_of("The talks in Doha seek to end the attacks on convoys in Kunduz.")
    assert [(i.location, i.killed) for i in found] == [("Somali capital", 25)]
    assert aimed == []


def test_who_fired_is_no_place_and_hills_of_x_are_x(incidents_of) -> None:
    struck = incidents_of(
        "The cafe in Hroza was struck by a missile that officials said was fired by Russia, killing 52 people."
    )
    ambush = incidents_of("In the war-torn hills of Bambili, separatist gunfire killed four gendarmes.")
    assert [(i.location, i.killed) for i in struck] == [("Hroza", 52)]
    assert [(i.location, i.killed) for i in ambush] == [("Bambili", 4)]


def test_counts_glued_to_nouns_and_verbs_and_those_who_perished(incidents_of) -> None:
    """ "5-persons were killed and another 22-injured": two outcomes, each with its own count (not one
    combined toll); "perished" is "died"."""
    glued = incidents_of(
        "ANKARA — 5-persons were killed and another 22-injured when armed assailants mounted an armed"
        " assault on the Turkish Aerospace Industries."
    )
    perished = incidents_of("Three soldiers perished in an ambush near Gao on Monday.")
    assert [(i.killed, i.injured) for i in glued] == [(5, 22)]
    assert [i.killed for i in perished] == [3]


def test_a_people_s_adjective_before_a_place_noun_named_by_of_is_no_place(incidents_of) -> None:
    """ "in the Kurdish province of Diyarbakir": the province is Diyarbakir; "near Shopian town" is Shopian."""
    diyarbakir = nlp()(
        "A roadside bomb killed six soldiers in the Kurdish province of Diyarbakir on Thursday."
    )
    shopian = nlp()("Troops were deployed near Shopian town on Monday.")
    assert [p.text for p in places_in(diyarbakir[:])] == ["Diyarbakir"]
    assert [p.text for p in places_in(shopian[:])] == ["Shopian"]


def test_a_toll_thus_far_is_a_running_total_not_the_event_s(incidents_of) -> None:
    found = incidents_of(
        "The Libyan National Army launched three airstrikes on Gharyan on Saturday.",
        "The fighting has killed thus far 205 people, including 18 civilians, the World Health Organization said.",
    )
    assert [(i.location, i.killed) for i in found] == [("Gharyan", None)]


def test_a_name_after_the_capital_or_town_noun_is_a_place(incidents_of) -> None:
    """ "near the state capital Culiacan": the model tags the name a nationality; the noun before it
    says it is a city (but "the city Council" is a body)."""
    found = incidents_of(
        "Soldiers were attacked on Monday by more than 30 gunmen near the state capital Culiacan, and the"
        " ensuing firefight left 19 cartel members dead.",
    )
    assert [(i.location, i.killed) for i in found] == [("Culiacan", 19)]
