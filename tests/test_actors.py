"""Actor extraction on short texts written for these tests (real spaCy, loaded once)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from briefing.extract import gazetteer
from briefing.extract.actor_coreference import merge_people
from briefing.extract.actor_model import Cluster, Mention
from briefing.extract.actor_ranking import MAX_ACTORS
from briefing.extract.actors import find_actors
from briefing.extract.analysis import Analysis, analyse
from briefing.extract.nlp import nlp
from briefing.model import Actor, Article

Analyser = Callable[..., Analysis]


@pytest.fixture(scope="session")
def analysed() -> Analyser:
    pipeline = nlp()

    def run(*paragraphs: str, title: str = "A test story") -> Analysis:
        article = Article(source_path="test.txt", title=title, paragraphs=tuple(paragraphs))
        return analyse(article, pipeline(article.body_text))

    return run


def actors_in(analysed: Analyser, *sentences: str) -> dict[str, Actor]:
    """The actors, by name, of an article made of `sentences`."""
    return by_name(find_actors(analysed(*sentences)))


def roles_in(analysed: Analyser, *sentences: str) -> dict[str, str | None]:
    """Each actor's role, by name, in an article made of `sentences`."""
    return {name: actor.role for name, actor in actors_in(analysed, *sentences).items()}


def by_name(actors: list[Actor]) -> dict[str, Actor]:
    return {actor.name: actor for actor in actors}


def names_of(actor: Actor) -> set[str]:
    return {actor.name, *actor.aliases}


def test_islamic_state_aliases_are_one_armed_group(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "Daesh fighters attacked the town on Monday. ISIL later claimed the attack.",
            "Officials said IS-controlled villages nearby were shelled by the so-called Islamic State.",
        )
    )
    groups = [a for a in actors if a.kind == "armed_group"]
    assert [g.name for g in groups] == ["Islamic State"]
    assert {"Daesh", "ISIL", "IS", "so-called Islamic State"} <= names_of(groups[0])
    assert groups[0].mentions == 4


def test_curly_apostrophe_spelling_is_recognised(analysed: Analyser) -> None:
    actors = actors_in(analysed, "Da’esh claimed the bombing in the market, the ministry said.")
    assert "Islamic State" in actors


def test_demonyms_and_abbreviations_map_to_canonical_states(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "The U.S. and Russian diplomats met in Geneva. American officials said the talks went well.",
        "The US embassy issued a statement, and Russia confirmed the meeting.",
    )
    assert actors["United States"].kind == "country"
    assert {"U.S.", "US", "American"} <= names_of(actors["United States"])
    assert "Russian" in names_of(actors["Russia"])
    assert not {"U.S.", "US", "American", "Russian"} & set(actors)


def test_gazetteer_country_lookup() -> None:
    assert gazetteer.country_of("Iraqi") == "Iraq"
    assert gazetteer.country_of("British") == "United Kingdom"
    assert gazetteer.country_of("the United States") == "United States"
    assert gazetteer.country_of("Russian Federation") == "Russia"
    assert gazetteer.country_of("Syrian Arab Republic") == "Syria"
    assert gazetteer.country_of("Atlantis") is None


def test_surname_and_mr_merge_into_full_name_with_role(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "French Foreign Minister Jean-Marc Ayrault condemned the shelling of the city.",
            "Mr Ayrault said the convoy had been hit twice. Ayrault's office called for a ceasefire.",
        )
    )
    people = [a for a in actors if a.kind == "person"]
    assert len(people) == 1
    assert people[0].name == "Jean-Marc Ayrault"
    assert "Ayrault" in people[0].aliases
    assert people[0].mentions == 3
    assert people[0].role == "French Foreign Minister"


def test_role_from_apposition_after_the_name(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "Aid convoys were stopped at the border for a third day.",
        '"We cannot reach the wounded," said Maria Lopez, the agency\'s regional director.',
    )
    assert actors["Maria Lopez"].role == "agency's regional director"


def test_role_when_the_name_is_the_apposition(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "A spokesman for the Interior Ministry, Karim Haddad, told reporters that 12 people died.",
    )
    assert actors["Karim Haddad"].role == "spokesman for the Interior Ministry"


def test_rank_inside_the_entity_becomes_the_role(analysed: Analyser) -> None:
    actors = by_name(
        find_actors(analysed("Rebels shelled the airport overnight, Brig Gen Ahmed Nasser told state media."))
    )
    person = next(a for a in actors.values() if a.kind == "person")
    assert person.name == "Ahmed Nasser"
    assert person.role is not None and "Gen" in person.role


def test_acronym_joins_its_expansion(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "The Afghan National Army launched an offensive near the border on Monday.",
            "Commanders of the ANA said the operation would last weeks. The ANA lost two vehicles.",
        )
    )
    armies = [a for a in actors if "ANA" in names_of(a)]
    assert len(armies) == 1
    assert armies[0].mentions >= 3


def test_state_forces_are_one_military_actor(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "Nigerian troops recaptured the town from Boko Haram on Sunday.",
            "The Nigerian army said 20 militants were killed. Nigerian security forces later cleared the roads.",
        )
    )
    military = [a for a in actors if a.kind == "military"]
    assert len(military) == 1
    assert {"Nigerian troops", "Nigerian army", "Nigerian security forces"} <= names_of(military[0])
    assert "Boko Haram" in by_name(actors)
    assert "Nigeria" in by_name(actors)  # the state is named through its forces


def test_coalition_mentions_form_one_actor(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "The Saudi-led coalition carried out air strikes on the port city.",
            "Coalition jets returned the next day, and the coalition said it targeted Houthi positions.",
        )
    )
    coalitions = [a for a in actors if "coalition" in a.name.lower()]
    assert [c.name for c in coalitions] == ["Saudi-led coalition"]
    assert coalitions[0].mentions == 3
    assert "Houthis" in by_name(actors)


def test_agencies_bylines_and_fragments_are_not_actors(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "Hamas fired rockets at southern Israel, the Associated Press reported, citing Reuters and AFP.",
            "Israel said its air defences intercepted most of them.",
        )
    )
    names = {n for a in actors for n in names_of(a)}
    assert not {"Associated Press", "Reuters", "AFP", "State", "Islamic"} & names
    assert {"Hamas", "Israel"} <= set(by_name(actors))


def test_ranked_by_salience_and_capped(analysed: Analyser) -> None:
    text = (
        "Hezbollah fighters clashed with Israeli troops on the border on Tuesday, Lebanon's army said.",
        "Hezbollah said it had fired anti-tank missiles. Hezbollah later claimed two more attacks.",
        "Diplomats from France, Germany, Italy, Spain, Egypt, Jordan, Qatar, Kuwait and Oman met in Paris.",
    )
    actors = find_actors(analysed(*text))
    assert actors[0].name == "Hezbollah"
    assert [a.salience for a in actors] == sorted((a.salience for a in actors), reverse=True)
    assert len([a for a in actors if a.kind != "place"]) <= MAX_ACTORS


def test_person_mislabelled_as_place_is_not_listed_as_person(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "Shelling hit a market in Kafr Nabudah on Friday. Residents fled from Kafr Nabudah overnight.",
        )
    )
    assert not [a for a in actors if a.kind == "person"]


def test_evidence_points_at_the_sentences(analysed: Analyser) -> None:
    analysis = analysed("The Taliban seized the district. Taliban commanders said they met no resistance.")
    taliban = by_name(find_actors(analysis))["Taliban"]
    assert 1 <= len(taliban.evidence) <= 3
    for evidence in taliban.evidence:
        assert analysis.text[evidence.start : evidence.end] == evidence.sentence
        assert "Taliban" in evidence.sentence


def test_role_introduced_in_the_previous_sentence(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "On Monday, a Turkish army spokesman accused the rebels of shelling a border post.",
        "Two soldiers were wounded in the attack, Col Mehmet Aksoy said.",
    )
    role = actors["Mehmet Aksoy"].role or ""
    assert "Col" in role and "Turkish army spokesman" in role


def test_regime_mentions_form_one_government_actor(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "The Assad regime stepped up its bombardment of rebel-held suburbs on Friday.",
            "Activists said the regime had also blocked aid convoys.",
        )
    )
    regimes = [a for a in actors if a.kind == "government"]
    assert [r.name for r in regimes] == ["Assad regime"]
    assert regimes[0].mentions == 2


def test_capitals_text_and_wire_datelines_are_not_actors(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "READ MORE: THIS IS WHAT HAPPENED TO US",
            "KABUL (Reuters) - Afghan police said a suicide bomber killed five people at a checkpoint.",
        )
    )
    names = {n for a in actors for n in names_of(a)}
    assert not {"Islamic State", "United States", "KABUL", "Kabul", "Reuters"} & names
    assert "Afghanistan" in names


# --- generalisation: failure modes seen on unseen outlets (texts invented for these tests) ---


def test_org_tagged_name_with_age_is_a_person(analysed: Analyser) -> None:
    # The small model tags this invented name ORG; an age in apposition only ever follows a person.
    actors = actors_in(analysed, "He attacked his neighbour Loretta Fairbanks, 48, after a row.")
    assert actors["Loretta Fairbanks"].kind == "person"


def test_rank_inside_an_org_entity_gives_the_officer(analysed: Analyser) -> None:
    actors = by_name(
        find_actors(analysed("Officers from the Riverside Police Sgt Daniel Brooks unit responded."))
    )
    assert "Daniel Brooks" in actors and actors["Daniel Brooks"].kind == "person"
    assert "Riverside Police Sgt" not in actors  # a unit cut off before the name is a fragment


def test_shared_surname_goes_to_the_person_introduced_first(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "Jurors found Anton Berisha guilty on Monday. Berisha, 21, could face life in prison.",
        "His older brother Viktor Berisha died in 2013.",
    )
    assert "Berisha" in actors["Anton Berisha"].aliases
    assert "Berisha" not in actors


def test_title_run_keeps_adjectives_and_drops_sentence_adverbs(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "After the verdict, BBC security analyst Jane Porter said the case was unusual.",
        "However Assistant District Attorney Omar Velez said the jury had no doubt.",
    )
    assert actors["Jane Porter"].role == "BBC security analyst"
    assert actors["Omar Velez"].role == "Assistant District Attorney"


def test_quoted_official_is_kept_among_many_states(analysed: Analyser) -> None:
    text = (
        "Forces from Iraq, Syria, Turkey, Jordan, Iran, Egypt and Lebanon met in Amman. "
        "Iraq and Syria said the talks went well. Turkey and Jordan agreed. Iran and Egypt objected. "
        "Lebanon abstained. Iraq, Syria and Turkey will meet again.",
        'Gen. Harold Quinby, commander of the task force, said, "We made progress."',
    )
    actors = actors_in(analysed, *text)
    assert "Harold Quinby" in actors


def test_compass_prefixed_name_is_a_place(analysed: Analyser) -> None:
    actors = find_actors(analysed("Police chased the car into Northeast Springfield, where it crashed."))
    assert all(a.kind == "place" for a in actors if a.name == "Northeast Springfield")


def test_country_closing_a_longer_place_name_is_not_the_country(analysed: Analyser) -> None:
    actors = find_actors(
        analysed("The driver, a man from the Little Italy neighborhood, grabbed his weapon.")
    )
    assert "Italy" not in {a.name for a in actors}


def test_lowercase_arabic_article_starts_a_name(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "The al-Rashid Battalion patrols the market. Members of the al-Rashid Battalion said "
            "the al-Rashid Battalion had arrested three traders."
        )
    )
    assert "al-Rashid Battalion" in by_name(actors)


def test_social_platforms_are_the_medium_not_actors(analysed: Analyser) -> None:
    actors = find_actors(
        analysed("The pictures were posted on Twitter by Sara Okafor, who said Twitter removed them later.")
    )
    assert "Twitter" not in by_name(actors)


def test_rank_ending_an_organisation_entity_introduces_a_person(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "The victim had driven her son and his friend, Army Spc. Marcus Tolliver, to a game. "
            "Tolliver was later charged."
        )
    )
    people = {a.name: a.role for a in actors if a.kind == "person"}
    assert "Army Spc" not in by_name(actors)
    assert any("Tolliver" in name for name in people)
    assert all(role is None or "Tolliver" not in role for role in people.values())


def test_agency_acronym_after_a_state_name_merges(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "The Nevada Department of Public Safety is investigating. DPS said two officers were hurt.",
            "A DPS spokesman said the Nevada Department of Public Safety would report next week.",
        )
    )
    agency = by_name(actors).get("Nevada Department of Public Safety")
    assert agency is not None and "DPS" in agency.aliases


def test_everyday_roles_from_appositions_and_titles(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "Police charged Dan Morrow, a delivery driver, with the attack on Harbour Street.",
        "Speaking outside court, his lawyer, Sarah Whitfield, said Morrow would plead not guilty.",
        "Morrow was released on bail on Friday.",
    )
    assert actors["Dan Morrow"].role == "delivery driver"
    assert actors["Sarah Whitfield"].role == "lawyer"


def test_age_is_not_part_of_an_apposed_role(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "The court heard that her older brother, 31-year-old Karl Benson, planned the robbery.",
        "Benson denies the charges. Benson will be sentenced in May.",
    )
    assert actors["Karl Benson"].role == "older brother"


def test_a_towns_police_force_is_one_organisation(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "Leeds police said a man had been arrested after the stabbing.",
            "Leeds police are appealing for witnesses. A spokesman for Leeds police said inquiries continue.",
        )
    )
    assert any(a.name == "Leeds police" and a.kind == "organization" for a in actors)


def test_roles_read_as_an_analyst_writes_them(analysed: Analyser) -> None:
    """Ages, possessive pronouns and the rank before a name are not part of a role; a
    capitalised description or an honorific before a name is not part of the name."""
    actors = find_actors(
        analysed(
            "The 23-year-old student Maria Lopez was shot in Lima on Monday.",
            "Her cousin, Pedro Alvarez, said police had no suspect.",
            "Pentagon press operations director Navy Capt. Jeff Davis said troops held the line.",
            "Prisoner Carlos Boente was jailed for five years. Boente denied the charges.",
            "Police spokesman Major Thulani Zwane said no arrest had been made. Mr Zwane said so twice.",
            "Prime Minister Abiy Ahmed said the army would win. Abiy spoke in Addis Ababa.",
        )
    )
    roles = {a.name: a.role for a in actors}
    assert roles["Maria Lopez"] == "student"
    assert roles["Pedro Alvarez"] == "cousin"
    assert roles["Jeff Davis"] == "Pentagon press operations director"
    assert roles["Thulani Zwane"] == "Police spokesman"
    assert roles["Abiy Ahmed"] == "Prime Minister"  # an office ends a role; only ranks are cut
    assert "Carlos Boente" in roles and "Prisoner Carlos Boente" not in roles
    assert not any(name.startswith("Mr") for name in roles)


def test_names_the_model_mislabels_are_read_through_roles_and_nicknames(analysed: Analyser) -> None:
    """A name given a person's role is a person whatever the model's label; a nickname in quotes
    is an alias, not part of the name; a clause hung on the role phrase is not the role."""
    actors = find_actors(
        analysed(
            "Katiba Macina is thought to be behind the kidnapping of Mali's opposition leader, "
            "Soumaïla Cisse, in the Timbuktu region.",
            "Aguililla is the reputed birthplace of Nemesio “Mencho” Oseguera, leader of the cartel. "
            "Oseguera was not there.",
            "In an ominous signal that fighting is likely to escalate, a top rebel leader, Alexander "
            "Zakharchenko, boasted about seizing 18 Grad systems.",
        )
    )
    found = {a.name: a for a in actors}
    assert found["Soumaïla Cisse"].kind == "person"
    assert found["Soumaïla Cisse"].role in {"Mali's opposition leader", "Mali’s opposition leader"}
    assert "Mencho" in found["Nemesio Oseguera"].aliases
    assert found["Alexander Zakharchenko"].role == "top rebel leader"


def test_names_the_model_cut_short_or_glued_to_furniture(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            '"We must not forget the security imperative," President Roch Marc Christian Kabore posted.',
            "Mozambican defence and security forces were ambushed near the town. Kabore spoke again.",
            "The jet struck at 0650 GMT, Aung San Suu Kyi´s party said. Interior Minister Suleyman Soylu spoke.",
        )
    )
    names = {a.name for a in actors}
    assert "Roch Marc Christian Kabore" in names
    assert "Mozambique" in names or any(a.kind == "military" and "Mozambi" in a.name for a in actors)
    assert not names & {"GMT", "Interior", "Aung San Suu Kyi´s"}


def test_a_role_keeps_the_acronym_as_the_text_writes_it(analysed: Analyser) -> None:
    """The guide's roles keep the text's acronyms ("IS leader", "HRW deputy Middle East
    director"), and so do analysts on fresh articles ("ISPR Assistant Director")."""
    actors = find_actors(
        analysed(
            "The Arakan Army (AA) said a jet bombed the village. The AA controls most of the state.",
            "AA spokesperson Khaing Thu Kha told AFP that 40 civilians were killed.",
            "Donat Kibwana, administrator of the Beni region, said UN spokesman Stephane Dujarric was told.",
        )
    )
    roles = {a.name: a.role for a in actors}
    assert roles["Khaing Thu Kha"] == "AA spokesperson"
    assert roles["Donat Kibwana"] == "administrator of the Beni region"


def test_who_claims_or_attacks_is_key_and_spellings_of_a_name_are_one(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "Israeli troops raided Gaza. Israel said the raid in Gaza would go on for days.",
            "Israel and Gaza were named again and again by officials in Gaza and Israel.",
            "The militant group Hamas claimed responsibility for the rocket attack.",
            "Police said the militants, affiliated to the Jaish-e-Mohammad, were planning an attack.",
        )
    )
    names = [a.name for a in actors]
    assert "Hamas" in names
    assert "Jaish-e-Mohammed" in names  # the knowledge layer's spelling of "Jaish-e-Mohammad"


def test_unnamed_attackers_are_listed_when_no_group_is_named(analysed: Analyser) -> None:
    unnamed = find_actors(
        analysed("Five villagers in Barkin Ladi were killed by unknown gunmen in Pugu village.")
    )
    assert ("unknown gunmen", "armed_group") in {(a.name, a.kind) for a in unnamed}
    named = find_actors(analysed("Islamic State militants attacked the town of Hit on Monday."))
    assert not any(a.name.endswith("militants") for a in named)
    dissidents = find_actors(
        analysed("Armed dissidents attacked a police station in Suarez, killing two officers.")
    )
    assert "armed dissidents" in {a.name for a in dissidents}
    lone = find_actors(analysed("A rooftop gunman opened fire on paradegoers in Highland Park, killing six."))
    assert ("rooftop gunman", "person") in {(a.name, a.kind) for a in lone}


def test_a_police_force_keeps_its_own_name(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "A gunman opened fire in a church, said Don Aaron, a spokesman for the Metro Nashville "
            "Police Department. The Metro Nashville Police Department said the suspect was arrested."
        )
    )
    assert "Metro Nashville Police Department" in {a.name for a in actors}


def test_soldiers_of_the_main_state_are_its_army(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "KABUL, Afghanistan - The Taliban struck Thursday in Afghanistan's Kunduz province, leaving "
            "15 soldiers dead, officials said.",
            "At least 13 soldiers were wounded in the gunbattle, an army spokesman said.",
            "Peacekeeping troops from Mongolia were not involved, Afghanistan's defence ministry said.",
        )
    )
    army = next(a for a in actors if a.kind == "military")
    assert army.name == "Afghan army" and "Afghan soldiers" in army.aliases


def test_ranks_and_half_bracketed_acronyms_are_cut_from_names(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "Rebels of the Allied Democratic Forces (ADF) killed 12 people in Oicha, the army said.",
            "Among the dead were Pfc Juan Lazaro and S/Sgt Pedro Santos, the army said.",
        )
    )
    names = {a.name for a in actors}
    assert not names & {"Pfc", "S/Sgt"}
    assert not any("(" in n and ")" not in n for n in names)


def test_a_name_the_model_split_in_two_is_one_person(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "The bombers targeted the palace where Somali President Hassan Sheikh Mohamud resides.",
            "Mohamud condemned the attack.",
        )
    )
    assert "Hassan Sheikh Mohamud" in {a.name for a in actors}


def test_abbreviated_offices_and_whose_office_stay_in_the_role(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        '"It was a cowardly attack," Gov. Ramon Vela said after the ambush.',
        "The strike set three floors on fire, the region's governor Ivan Petrenko said on Telegram.",
    )
    assert actors["Ramon Vela"].role == "Governor"
    assert actors["Ivan Petrenko"].role == "region's governor"
    assert "Telegram" not in actors


def test_the_police_are_the_main_states_or_the_named_force(analysed: Analyser) -> None:
    bare = find_actors(
        analysed(
            "MORELIA, Mexico - Gunmen ambushed a state police convoy in Mexico, killing 13 officers.",
            "The police were serving a warrant, officials in Mexico said.",
        )
    )
    assert "Mexican police" in {a.name for a in bare}
    named = find_actors(
        analysed(
            "A gunman opened fire in a church in Antioch, Tennessee, the Metro Nashville Police Department said.",
            "Police said the gunman was arrested. The police did not give a motive for the attack in the United States.",
        )
    )
    assert not any(a.name.endswith(" police") for a in named)


def test_weapons_vehicles_and_holidays_are_not_actors(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "Insurgents attacked a Land Cruiser near Palma and fired Grad rockets at a Humvee during Ramadan.",
            "A Kassam rocket hit Ashkelon as Israelis marked Sukkot, the Feast of Tabernacles, police said.",
        )
    )
    names = {a.name for a in actors}
    assert not names & {
        "Land Cruiser",
        "Grad",
        "Humvee",
        "Ramadan",
        "Kassam",
        "Sukkot",
        "Feast of Tabernacles",
    }


def test_known_insurgent_groups_and_cartels_are_armed_groups(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "Rebels of the Allied Democratic Forces (ADF) killed 12 people near Oicha, officials said.",
        "Maoists ambushed a police team in Sukma, and the ELN bombed a base in Arauca.",
        "Gunmen of the CJNG attacked a bar in Celaya.",
    )
    for name in ("Allied Democratic Forces", "Communist Party of India (Maoist)", "National Liberation Army"):
        assert actors[name].kind == "armed_group"
    assert "Jalisco New Generation Cartel" in actors


def test_the_grade_of_a_rank_goes_with_the_rank(analysed: Analyser) -> None:
    actors = by_name(
        find_actors(
            analysed("The soldiers were pronounced dead, said brigade spokeswoman 2nd Lt. Dana Rowe.")
        )
    )
    assert actors["Dana Rowe"].role == "brigade spokeswoman"


def test_a_long_known_name_matches_in_any_case(analysed: Analyser) -> None:
    actors = find_actors(
        analysed("The Britain-based Syrian Observatory for Human rights said 13 people were killed in Idlib.")
    )
    assert "Syrian Observatory for Human Rights" in {a.name for a in actors}


def test_a_role_word_the_model_tags_as_a_verb_is_still_a_title(analysed: Analyser) -> None:
    actors = actors_in(
        analysed, "Enoch Miller was killed in the fight and suspect David Gaver, 28, was shot in the stomach."
    )
    assert actors["David Gaver"].role == "suspect"


def test_an_age_before_the_role_in_an_apposition_is_dropped(analysed: Analyser) -> None:
    actors = by_name(
        find_actors(
            analysed("Ivan Orlov, a 66-year-old priest at the church in Derbent, was killed in the attack.")
        )
    )
    assert actors["Ivan Orlov"].role == "priest at the church in Derbent"


def test_a_local_office_takes_the_place_its_sentence_names(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "In the Zaporizhzhia region in southeast Ukraine, governor Ivan Fedko said shells struck a farm.",
    )
    assert actors["Ivan Fedko"].role == "governor of Zaporizhzhia region"


def test_a_relative_clause_or_honorific_is_not_part_of_the_role(analysed: Analyser) -> None:
    """ "a senior doctor who treated him" is a senior doctor; "correspondent, Dr. X" leaves no "Dr."."""
    actors = find_actors(
        analysed(
            "Anil Verma, a senior doctor who treated the wounded guards, said two were critical.",
            "Verma said the hospital had run out of blood.",
            "The agency's chief medical correspondent, Dr. Rhea Patel, reported from the border town.",
            "Patel said the clinic was shelled twice. Patel spoke to reporters.",
            "Tom Ashby, the Labour politician who raised the case in parliament, called for an inquiry.",
            "Ashby wrote to ministers.",
            "Sami Aziz, a soldier who defected from the army, was shot dead in Deraa. Aziz was 30.",
        )
    )
    roles = {a.name: a.role for a in actors}
    assert roles["Anil Verma"] == "senior doctor"
    assert roles["Sami Aziz"] == "soldier who defected from the army"  # a bare noun keeps its clause
    assert roles["Rhea Patel"] == "agency's chief medical correspondent"
    assert roles["Tom Ashby"] == "Labour politician"


def test_roles_from_predicates_naming_verbs_and_office_clauses(analysed: Analyser) -> None:
    """A role can be the name's predicate, the noun it was "identified as", the fuller description
    that a bare "the priest" refers back to, or the office a "who heads ..." clause gives."""
    actors = find_actors(
        analysed(
            "Ahmed Saleh was a local journalist. Saleh was shot dead in Mogadishu on Monday.",
            "The victim was identified as John Okafor, police said. Okafor was 34.",
            "In Derbent, the gunmen killed an Orthodox priest. Local TV named the priest as Ivan Petrov.",
            "Maria Ruiz, who heads the Red Cross delegation in Goma, said aid was blocked. Ruiz left.",
            "Yasir Adel, a member of the council, and his cousin, Omar, were shot. Adel died later.",
        )
    )
    roles = {a.name: a.role for a in actors}
    assert roles["Ahmed Saleh"] == "local journalist"
    assert roles["John Okafor"] == "victim"
    assert roles["Ivan Petrov"] == "Orthodox priest"
    assert roles["Maria Ruiz"] == "head of the Red Cross delegation"
    assert roles["Yasir Adel"] == "member of the council"


def test_a_short_state_name_beside_its_full_name_is_that_state(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "Rebels killed 12 people in the Democratic Republic of Congo on Sunday.",
            "Violence has surged in eastern Congo since January. Congo's government condemned it.",
        )
    )
    states = [a for a in actors if a.kind == "country"]
    assert [s.name for s in states] == ["DR Congo"]
    assert "Congo" in states[0].aliases


def test_an_office_ending_in_general_is_not_cut_as_a_rank(analysed: Analyser) -> None:
    """ "Inspector General" is an office: neither is "General" a rank to cut, nor the words before
    it an organisation."""
    actors = find_actors(
        analysed(
            "Punjab Inspector General Usman Anwar said two attackers were killed. Anwar spoke in Lahore.",
        )
    )
    roles = {a.name: a.role for a in actors}
    assert roles["Usman Anwar"] == "Punjab Inspector General"
    assert not any(a.kind == "organization" and "Inspector" in a.name for a in actors)


def test_roles_for_named_victims_suspects_and_a_role_before_a_comma(analysed: Analyser) -> None:
    """ "The three rebels killed were identified as A, B and C": each is a rebel; "a male suspect,
    identified as X"; "According to the deputy head of the office, X, a rocket ..." (a misparse)."""
    actors = find_actors(
        analysed(
            "The three rebels killed were identified as Abel Tamba, Emanu Fon and Joseph Ngu.",
            "Fon had led raids. Tamba had led raids. Ngu had led raids.",
            "A warrant has been issued for a male suspect, identified as Uros Blazic. Blazic fled.",
            "According to the deputy head of the President's Office, Kyrylo Tymoshenko, a russian rocket "
            "struck the building. Tymoshenko said more.",
            "Troops demolished the home of Ahmed Barakat, a Palestinian terrorist. Barakat was killed in March.",
        )
    )
    roles = {a.name: a.role for a in actors}
    assert roles["Emanu Fon"] == roles["Joseph Ngu"] == "rebel"
    assert roles["Uros Blazic"] == "male suspect"
    assert roles["Kyrylo Tymoshenko"] == "deputy head of the President's Office"
    assert roles["Ahmed Barakat"] == "Palestinian terrorist"


def test_titles_across_brackets_hyphens_plurals_and_coordinated_names(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "Officials said Kashmir Range Inspector General of Police (IGP) Vijay Kumar visited the site.",
            "Kumar spoke to reporters.",
            "Lawmakers Hassan Ali and Omar Nur died in the hotel. Ali was 50. Nur was 45.",
            "A drone hit a convoy, said Denise Brown, the United Nations humanitarian co-ordinator in Sudan.",
            "According to the TPNPB commander of Ndugama Derakma, Egianus Kogoya, the attack began at dawn.",
            "Kogoya spoke by phone. Australian Defence Force Chief General David Hurley confirmed the death.",
            "The soldier was on patrol, General Hurley said.",
        )
    )
    roles = {a.name: a.role for a in actors}
    assert roles["Vijay Kumar"] == "Kashmir Range Inspector General of Police"
    assert roles["Hassan Ali"] == roles["Omar Nur"] == "Lawmaker"
    assert roles["Denise Brown"] == "United Nations humanitarian co-ordinator in Sudan"
    assert roles["Egianus Kogoya"] == "TPNPB commander of Ndugama Derakma"
    assert roles["David Hurley"] == "Australian Defence Force Chief"
    assert not {"IGP", "General Hurley"} & set(roles)


def test_the_army_of_a_story_naming_no_leading_state_is_still_an_actor(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "The army has shot and killed two armed criminals in the hills near Ruma on Sunday.",
            "The army said the men belonged to a rebel group. Weapons were found at the scene.",
        )
    )
    forces = [a for a in actors if a.kind == "military"]
    assert [f.name for f in forces] == ["army"]


def test_a_bare_army_is_the_one_army_the_story_names(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "Rebels and the Peruvian Army clashed near Pichari, leaving seven soldiers dead.",
            "The rebels attacked the Army with rifles and grenades. The Army sent more troops.",
        )
    )
    forces = [a for a in actors if a.kind == "military"]
    assert [f.name for f in forces] == ["Peruvian Army"]
    assert "soldiers" in forces[0].aliases or "Peruvian soldiers" in forces[0].aliases


def test_a_titled_name_the_model_tags_as_an_organisation_is_a_person_quoted_by_surname(
    analysed: Analyser,
) -> None:
    actors = actors_in(
        analysed,
        "Provincial police commander acting Superintendent George Pakas said the fight was between"
        " the Yama tribe of Kopa village and Lai tribe of Tera village.",
        "Pakas said Mendi police were forced back by the tribesmen when they tried to enter the area.",
        "Pakas said people travelling between Mendi and Ialibu were also assaulted at roadblocks.",
    )
    assert actors["George Pakas"].kind == "person"
    assert actors["George Pakas"].role is not None and "Superintendent" in actors["George Pakas"].role
    assert not {"Pakas", "Superintendent George Pakas"} & set(actors)


def test_a_units_number_is_part_of_its_name(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "An entire company of the Light Infantry Brigade 143 surrendered to the alliance in Kunlong.",
            "The Light Infantry Brigade 143 had held the town for years.",
            "The 103rd Infantry Brigade said rebels were killed. The 103rd Infantry Brigade sent troops.",
        )
    )
    names = {a.name for a in actors}
    assert {"Light Infantry Brigade 143", "103rd Infantry Brigade"} <= names
    assert "Light Infantry Brigade" not in names


def test_a_role_set_off_by_commas_before_a_ranked_name(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "Hours later came an attempt on the Yemeni Chief of Staff, Lieutenant General Saghir bin Aziz, "
            "which also took place in Marib. Aziz survived the attack.",
        )
    )
    roles = {a.name: a.role for a in actors}
    assert roles["Saghir bin Aziz"] == "Lieutenant General, Yemeni Chief of Staff"


def test_a_police_station_named_after_a_place_is_no_police_force(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "A policeman was shot dead near the Mandan police station in Bannu on Monday.",
            "The attack on the Mandan police station was the third this month.",
        )
    )
    assert not any("Mandan" in a.name for a in actors)


def test_a_person_tag_on_a_fronts_or_regions_name_is_corrected(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "The army shot two members of the Kuki-Chin National Front in Ruma on Sunday.",
        "The Kuki-Chin National Front has robbed banks. The Kuki-Chin National Front denied it.",
    )
    assert actors["Kuki-Chin National Front"].kind != "person"


def test_a_name_after_a_role_word_the_model_tagged_otherwise_is_a_person(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "Today Gojjam Fano spokesperson Marshet Tsehaye claimed that fighters had killed a general.",
        "Tsehaye said more fighting was expected.",
    )
    assert actors["Marshet Tsehaye"].kind == "person"
    assert actors["Marshet Tsehaye"].role == "Gojjam Fano spokesperson"


def test_units_of_a_force_split_and_names_cut_at_of_join(analysed: Analyser) -> None:
    names = {
        a.name
        for a in find_actors(
            analysed(
                "The Somalia National Army’s Danaab commandos killed 30 fighters near Adale.",
                "The Danaab unit returned to base. Somalia National Army officers praised it.",
                "The Joint Command of the Armed Forces said five soldiers died.",
                "The Joint Command of the Armed Forces sent reinforcements. Officials in Cox's Bazar agreed.",
            )
        )
    }
    assert {"Danaab", "Somalia National Army", "Joint Command of the Armed Forces"} <= names
    assert not {"Cox", "Bazar", "Joint Command of"} & names


def test_a_role_for_another_persons_office_is_not_the_second_persons(analysed: Analyser) -> None:
    """ "according to Farhan Haq, deputy spokesman for UN Secretary-General Antonio Guterres":
    Guterres is the Secretary-General, Haq his deputy spokesman."""
    analysis = analysed(
        "The attack happened east of Bunia, according to Farhan Haq, deputy spokesman for UN "
        "Secretary-General Antonio Guterres.",
        "The 20-year-old conscript, Grisha Khachatrian, was shot dead. Khachatrian was buried on Sunday.",
    )
    roles = {a.name: a.role for a in find_actors(analysis)}
    assert roles["Antonio Guterres"] == "UN Secretary-General"
    assert roles["Grisha Khachatrian"] == "conscript"
    from briefing.extract.roles import role_of

    haq = next(e for e in analysis.doc.ents if e.text == "Farhan Haq")
    assert role_of(haq) == "deputy spokesman for UN Secretary-General"


def test_a_state_and_its_government_are_one_actor(analysed: Analyser) -> None:
    """ "The government" of the leading state, and "the Beninese government", are the state itself
    under another name (as analysts list them), not a second actor beside it."""
    actors = actors_in(
        analysed,
        "Gangs killed 70 people in Haiti's Artibonite region, officials in Haiti said.",
        "The government deployed police units. The government said Haiti would not give in.",
        "The Beninese government said 54 soldiers died in attacks near the border with Niger.",
        "Benin has faced attacks since 2021.",
    )
    assert "Haitian government" in actors["Haiti"].aliases
    assert "Beninese government" in actors["Benin"].aliases
    assert not any(a.kind == "government" for a in actors.values())


def test_south_asian_ranks_reservists_elders_and_self_identified_residents(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "Sepoy Banaras Khan was killed in the attack. Khan was 24.",
            "David Kanda, 32, a Kenya Police Reservist, was killed by the bandits. Kanda was on guard.",
            "Gunmen shot residents who came out, elder Husaini Dansadau told reporters. Dansadau fled.",
            "The aircraft attacked, said a resident of the area who identified himself as Ko Lin. Ko Lin hid.",
            "According to Balochistan Inspector General of Police Mohsin Hassan Butt, gunmen stopped buses.",
            "Butt said more.",
        )
    )
    roles = {a.name: a.role for a in actors}
    assert roles["Banaras Khan"] == "Sepoy"
    assert roles["David Kanda"] == "Kenya Police Reservist"
    assert roles["Husaini Dansadau"] == "elder"
    assert roles["Ko Lin"] == "resident"
    assert roles["Mohsin Hassan Butt"] == "Balochistan Inspector General of Police"
    assert "Balochistan Inspector General of Police" not in roles


def test_people_the_model_missed_are_found_by_the_role_beside_their_name(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "The agency said among those killed was surgeon Usaeed Jabareen from the hospital. Jabareen was 50.",
            "Amer Manasra, a 25-year-old freelance journalist, told media he was wounded. Manasra was treated.",
        )
    )
    roles = {a.name: a.role for a in actors}
    assert roles["Usaeed Jabareen"] == "surgeon"
    assert roles["Amer Manasra"] == "freelance journalist"


def test_a_governor_governs_the_region_the_sentence_names(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "Two civilians were killed in a strike on the town of Shebekino in Belgorod Region, "
            "Governor Vyacheslav Gladkov said on Saturday. Gladkov said more.",
        )
    )
    assert {a.name: a.role for a in actors}["Vyacheslav Gladkov"] == "Governor of Belgorod Region"
    lowercase_region = find_actors(
        analysed(
            "In the Zaporizhzhia region in southeast Ukraine, governor Ivan Fedorov said Russian shells "
            "struck an enterprise in the town of Huliaipole."
        )
    )
    assert {a.name: a.role for a in lowercase_region}["Ivan Fedorov"] == "governor of Zaporizhzhia region"


def test_in_charge_of_belongs_to_a_title(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "Assistant Commissioner of Police in charge of Area Five Christopher Phillips confirmed the "
            "link. Phillips said more.",
        )
    )
    roles = {a.name: a.role for a in actors}
    assert roles["Christopher Phillips"] == "Assistant Commissioner of Police in charge of Area Five"


def test_roles_in_appositions_the_parse_missed(analysed: Analyser) -> None:
    """Surface shapes of an apposition: a role after the name closed by a full stop, a role
    before the name closed by the speech verb, and a role that runs on through "in charge of"."""
    roles = roles_in(
        analysed,
        "Some 100 shells were fired at the island, according to Col. Lee Bung-woo, a JCS spokesman.",
        "The militants attacked the camp at dawn, Defence Ministry Spokesman, Colonel Rajesh Kalia said.",
        "Gunmen attacked the residence of the NPR head in charge of the governor's office, Abidkar Ibrahim.",
    )
    assert roles["Lee Bung-woo"] == "Col., JCS spokesman"
    assert roles["Rajesh Kalia"] == "Colonel, Defence Ministry Spokesman"
    assert roles["Abidkar Ibrahim"] == "NPR head in charge of the governor's office"


def test_a_speaker_after_a_comma_is_not_the_names_role(analysed: Analyser) -> None:
    roles = {
        a.name: a.role
        for a in find_actors(
            analysed("The bomb went off near the home of Salim Farouk, police and witnesses said on Sunday.")
        )
    }
    assert not roles.get("Salim Farouk")


def test_people_after_a_capitalised_title_or_before_a_bare_role_are_found(analysed: Analyser) -> None:
    """The model tags none of these names; the title before them or the role after says who they are."""
    roles = roles_in(
        analysed,
        'Governor Silvano Aureoles affirmed, "No attack on the police will go unpunished."',
        "Chongo Vidigal, head of operations in the district, also verified the deaths.",
    )
    assert roles["Silvano Aureoles"] == "Governor"
    assert roles["Chongo Vidigal"] == "head of operations in the district"


def test_a_possessive_title_inside_a_person_tag_is_the_role(analysed: Analyser) -> None:
    actors = find_actors(
        analysed("Sumy’s Acting Mayor Artem Kobzar, confirming the tragedy, said in a social media post.")
    )
    assert {a.name: a.role for a in actors}.get("Artem Kobzar") == "Sumy’s Acting Mayor"


def test_a_states_ministries_government_and_named_army_are_actors(analysed: Analyser) -> None:
    lebanon = actors_in(
        analysed,
        "Lebanon's health ministry said an Israeli strike killed nine people in Nabatieh, Lebanon.",
        "The health ministry said children were among the dead in Lebanon.",
    )
    assert "health ministry" in lebanon["Lebanese health ministry"].aliases
    armies = [
        a
        for a in find_actors(
            analysed(
                "The Pakistan Army said the attackers crossed the line of control.",
                "The Pakistani army later said two soldiers died.",
            )
        )
        if a.kind == "military"
    ]
    assert len(armies) == 1  # one army, not two


def test_a_government_named_once_is_its_state(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "Syria accused Israel of bombarding an airport west of Damascus. Israel said nothing.",
        "The Israeli government has previously neither confirmed nor denied such strikes.",
    )
    assert "Israeli government" not in actors and "Israel" in actors


def test_a_groups_name_tagged_once_is_found_wherever_it_is_printed(analysed: Analyser) -> None:
    """The model tags "Assam Rifles" once, as a facility, and misses the quoted gang's name; the
    noun before a name and one name per article recover both."""
    rifles = find_actors(
        analysed(
            "A colonel of Assam Rifles, his wife and son were killed in Manipur.",
            "The commanding officer of 46 Assam Rifles was attacked. Assam Rifles is a paramilitary force.",
        )
    )
    gang = find_actors(
        analysed(
            'The transnational criminal organization "Tren de Aragua" was formed in the prison.',
            'Police said the "derailment" of the criminal gang "Tren de Aragua" occurred on Monday.',
        )
    )
    assert [a.kind for a in rifles if a.name == "Assam Rifles"] == ["organization"]
    assert [a.name for a in gang] == ["Tren de Aragua"]


def test_a_known_name_inside_a_longer_one_and_a_compass_group(analysed: Analyser) -> None:
    """ "West Papua National Liberation Army" is neither Colombia's ELN (whose English name ends
    it) nor a place (for the compass word it starts with)."""
    actors = actors_in(
        analysed,
        "Fighters of the West Papua National Liberation Army attacked a post in Intan Jaya.",
        "The West Papua National Liberation Army said it killed two soldiers.",
    )
    assert actors["West Papua National Liberation Army"].kind == "organization"
    assert "National Liberation Army" not in actors


def test_a_coalition_led_by_a_two_word_state_and_a_capitalised_army(analysed: Analyser) -> None:
    coalition = find_actors(
        analysed("The Saudi Arabia-led coalition struck Marib. The coalition said it hit Houthi targets.")
    )
    assert "Saudi-led coalition" in {a.name for a in coalition}
    army = find_actors(
        analysed(
            "Militants attacked a post in Kupwara. The Army killed two infiltrators in Baramulla.",
            "The Army said the operation continued.",
        )
    )
    assert any(a.kind == "military" for a in army)


def test_a_common_word_tagged_once_as_an_organisation_is_no_actor() -> None:
    """ "Solidarity with the families," she tweeted: the model tags the word an organisation."""
    from briefing.extract.actor_model import Cluster, Mention
    from briefing.extract.actor_ranking import select_actors

    def cluster(name: str, mentions: int) -> Cluster:
        found = [
            Mention(i * 10, i * 10 + len(name), name, f"organization:{name}", name, "organization")
            for i in range(mentions)
        ]
        return Cluster(f"organization:{name}", name, "organization", found, salience=5.0)

    clusters = {c.key: c for c in [cluster("Solidarity", 1), cluster("Walmart", 1), cluster("Frontex", 2)]}
    assert [c.name for c in select_actors(clusters)] == ["Walmart", "Frontex"]


def test_names_the_model_split_from_their_title_are_whole(analysed: Analyser) -> None:
    """A given name left between a rank and the tagged surname, a title word tagged into the
    name, and a name after a body's acronym in one "organisation" tag."""
    roles = roles_in(
        analysed,
        "Somali police spokesman Major Sadiq Aden Ali Doodishe said in a press release.",
        "Lake County Coroner Jennifer Banek said of the six people who died, five were adults.",
        "According to the head of Odesa OVA Oleg Kiper, the Russian army attacked the Odesa port.",
        "KP Inspector General of Police Zulfiqar Hameed told reporters the attack was repelled.",
    )
    assert roles["Zulfiqar Hameed"] == "KP Inspector General of Police"
    assert roles["Sadiq Aden Ali Doodishe"] == "Somali police spokesman"
    assert roles["Jennifer Banek"] == "Lake County Coroner"
    assert roles["Oleg Kiper"] == "head of Odesa OVA"


def test_the_body_after_a_titled_name_completes_the_role(analysed: Analyser) -> None:
    roles = roles_in(
        analysed,
        "“Five rangers are dead,” Sergeant Montri Prommee of Saiburi police told AFP.",
        "Captain John Smith of the Royal Navy said nothing more.",
    )
    assert roles["Montri Prommee"] == "Sergeant, Saiburi police"
    assert roles["John Smith"] == "Captain, Royal Navy"


def test_plural_titles_adjectives_before_to_and_participles_in_appositions(analysed: Analyser) -> None:
    roles = roles_in(
        analysed,
        "The officers who died were constables Matthew Arnold, 29, and Rachel McCrow, 26, both of "
        "Tara Police Station, described by the commissioner as “committed and courageous young people”.",
        "The war in Yemen opposes forces loyal to President Abd Rabbuh Mansour Hadi, backed by Riyadh.",
    )
    assert roles["Matthew Arnold"] == roles["Rachel McCrow"] == "constable"
    assert roles["Abd Rabbuh Mansour Hadi"] == "President of Yemen"  # the one state the story names


def test_unnamed_attackers_come_before_a_group_named_only_as_background(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "Twelve soldiers were killed in Northern Burkina Faso when some unidentified gunmen attacked "
            "a military post near the border with Mali, President Roch Marc Christian Kabore said.",
            "Burkina Faso has faced attacks by groups linked to al-Qaeda since 2015.",
            "Al-Qaeda has also spread into Mali and Niger.",
        )
    )
    assert "unidentified gunmen" in {a.name for a in actors}


def test_a_person_quoted_with_according_to_is_no_place(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "Police chief Lars Ove Brekke said the attacker acted alone.",
        "According to Brekke, the man was known to police.",
        "According to Brekke, he used a knife.",
    )
    assert (actors["Lars Ove Brekke"].kind, actors["Lars Ove Brekke"].role) == ("person", "Police chief")


def test_titles_and_titled_names_tagged_as_organisations(analysed: Analyser) -> None:
    assert roles_in(
        analysed, "The unrest was discussed with Kazakh President Kassym-Jomart Tokayev by phone."
    ) == {"Kassym-Jomart Tokayev": "Kazakh President"}
    spoken = actors_in(
        analysed, "The bus was ambushed on the Yei to Juba road, a Defence Ministry Spokesman told reporters."
    )
    assert "Defence Ministry Spokesman" not in spoken


def test_an_office_of_something_before_a_name_is_the_role_not_part_of_the_name(analysed: Analyser) -> None:
    assert roles_in(
        analysed,
        "More victims may be found, said Minister of Internal Affairs Arsen Avakov.",
    ) == {"Arsen Avakov": "Minister of Internal Affairs"}
    assert roles_in(
        analysed,
        "Rescuers were still searching the rubble, according to Minister of Internal Affairs Denys Monastyrsky.",
    ) == {"Denys Monastyrsky": "Minister of Internal Affairs"}
    assert roles_in(
        analysed,
        "Police inspector of Torit James Lokuju said that three of the dead were children.",
    ) == {"James Lokuju": "Police inspector of Torit"}
    untagged = roles_in(
        analysed,
        "Minister of Interior Dusko Markovic said at a press conference that all units were sent to Bar.",
    )
    assert untagged.get("Dusko Markovic") == "Minister of Interior"


def test_a_bare_surname_right_after_a_full_name_is_that_person_not_a_namesake(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "Gunmen killed Peter Gyang, 27, Daniel Bot, 25, and Christopher Ezekiel Mwantiri, 22, in Tyana.",
        "The President of the Berom Youth Association, Solomon Dalyop Mwantiri, confirmed the killings.",
        "Mwantiri explained that the gunmen came from a nearby forest.",
    )
    assert actors["Solomon Dalyop Mwantiri"].mentions == 2
    assert actors["Christopher Ezekiel Mwantiri"].mentions == 1


def test_streets_routes_and_offices_tagged_as_names_are_no_actors(analysed: Analyser) -> None:
    assert actors_in(analysed, "Police closed Warrego Bell Rd after the shooting in Tara.") == {}
    assert (
        actors_in(analysed, "Two soldiers, one from Lakhimpur in Assam and one from Dehradun, were killed.")
        == {}
    )


def test_a_posts_city_before_the_name_belongs_to_the_role(analysed: Analyser) -> None:
    roles = roles_in(
        analysed,
        "A blast hit a market in Quetta on Friday.",
        "Senior Superintendent of Police (SSP) Quetta Rehman Gul Khan said a suspect had been arrested.",
    )
    assert roles == {"Rehman Gul Khan": "Senior Superintendent of Police Quetta"}


def test_an_office_tagged_as_an_organisation_is_no_actor(analysed: Analyser) -> None:
    office = (
        "The day before, on May 2, the Minister of Health of Georgia Zurab Azarashvili informed that 30 bodies "
        "had been delivered."
    )
    assert "Minister of Health" not in actors_in(analysed, office)


def test_a_given_name_between_an_office_and_the_tagged_surname_is_part_of_the_name(
    analysed: Analyser,
) -> None:
    roles = roles_in(
        analysed, "Nasir County Commissioner Gatluak Lew Thiep described the situation as precarious."
    )
    assert roles == {"Gatluak Lew Thiep": "Nasir County Commissioner"}


def test_a_titled_speaker_takes_no_role_from_the_sentence_before(analysed: Analyser) -> None:
    roles = roles_in(
        analysed,
        "Two men and a woman were fatally shot.",
        "A member of the public, reported to be a neighbour, was also found with fatal gunshot wounds at the property.",
        "Commissioner Katherine Ross said the incident was devastating for the victims’ families and the wider "
        "police force.",
    )
    assert roles.get("Katherine Ross") == "Commissioner"


def test_a_later_part_of_a_three_word_name_is_that_person(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "Government spokesman Paul Mbarga Ndongo condemned the attack in Bamenda.",
        "Mbarga said the gendarmes were killed by separatists.",
    )
    assert "Mbarga" not in actors
    assert "Mbarga" in actors["Paul Mbarga Ndongo"].aliases


def test_the_end_of_a_persons_name_tagged_as_an_organisation_joins_the_person() -> None:
    def cluster(key: str, name: str, kind: str, start: int) -> Cluster:
        mention = Mention(start, start + len(name), name, key, name, kind)
        return Cluster(key, name, kind, mentions=[mention])

    clusters = {
        c.key: c
        for c in (
            cluster("person:renan miller rivera", "Renan Miller Rivera", "person", 0),
            cluster("organization:miller rivera", "Miller Rivera", "organization", 80),
            cluster("organization:police service", "Police Service", "organization", 120),
            cluster("person:anna service", "Anna Police Service", "person", 160),
        )
    }
    merge_people(clusters, " " * 200)
    # a two-word name with an organisation's word ("Service") is left to the organisation
    assert set(clusters) == {
        "person:renan miller rivera",
        "organization:police service",
        "person:anna service",
    }
    assert "Miller Rivera" in clusters["person:renan miller rivera"].forms


@pytest.mark.parametrize(
    ("sentences", "name", "role"),
    [
        (
            (
                "Israel refused pauses proposed by US secretary of state Anton Blake during his tour.",
                "Blake met Arab leaders.",
            ),
            "Anton Blake",
            "US secretary of state",
        ),
        (
            (
                "Deputy Inspector General of police Samuel Kiprono said there were casualties on the side of"
                " the attackers.",
                "Kiprono said an operation was ongoing.",
            ),
            "Samuel Kiprono",
            "Deputy Inspector General of police",
        ),
        (
            (
                "Unity State Minister of Information and Communication Gatwech Yohannis Keah reported that the"
                " raiders came from Warrap.",
                "Keah said the youth were not involved.",
            ),
            "Gatwech Yohannis Keah",
            "Unity State Minister of Information and Communication",
        ),
        (
            (
                "The defences shot down 14 incoming missiles, air force spokesman Yuriy Ihnatenko said in"
                " televised comments.",
                "Ihnatenko said drones were also used.",
            ),
            "Yuriy Ihnatenko",
            "air force spokesman",
        ),
        (
            (
                "Government Spokesman and Communication Minister, Paul Mbarga Ndongo has revealed that the"
                " government has declared war.",
                "Minister Mbarga said the attack began on Monday.",
            ),
            "Paul Mbarga Ndongo",
            "Government Spokesman and Communication Minister",
        ),
        (
            (
                "According to Zabihullah Hamani, spokesman for the provincial governor in northern Sari Pul"
                " province, five security officers were killed.",
                "The insurgents captured six soldiers, Hamani said.",
            ),
            "Zabihullah Hamani",
            "spokesman for the provincial governor",
        ),
    ],
)
def test_offices_with_lower_case_objects_conjunctions_and_long_appositions(
    analysed: Analyser, sentences: tuple[str, ...], name: str, role: str
) -> None:
    assert roles_in(analysed, *sentences).get(name) == role


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        (
            "Protester Sabin Maharjan, 29, succumbed to injuries he sustained during the clash.",
            "Sabin Maharjan",
            "Protester",
        ),
        (
            "The body of Suresh Rajak, a photojournalist with Avenues TV, was found charred inside a building.",
            "Suresh Rajak",
            "photojournalist with Avenues TV",
        ),
        (
            "Militias killed dozens of people using machetes, said Ndalo Budz, who is the head of the camp.",
            "Ndalo Budz",
            "head of the camp",
        ),
        ("A civilian identified as Aimee Labug was also killed in the ambush.", "Aimee Labug", "civilian"),
        (
            "Wuor Weah, who is in charge of information in Mayom County, has told the press that rebels attacked.",
            "Wuor Weah",
            "in charge of information in Mayom County",
        ),
        (
            "An indigene of the village, Malam Sani Mohammed, disclosed that the bandits invaded the village.",
            "Malam Sani Mohammed",
            "indigene of the village",
        ),
        (
            "Armenian Ombudswoman Kristine Grigoryan said that civilian infrastructure was targeted.",
            "Kristine Grigoryan",
            "Armenian Ombudswoman",
        ),
        (
            "The force suffered its first fatality in February, when a 26-year-old constable named Samuel Kitwai"
            " was shot and killed by gang members.",
            "Samuel Kitwai",
            "constable",
        ),
        (
            "The injured officers were identified as Sergeant Peetachai Saleewa, who experienced ear ringing;"
            " Ranger Somchai Boonmee, who was hurt in the leg.",
            "Peetachai Saleewa",
            "Sergeant, injured officer",
        ),
    ],
)
def test_roles_of_protesters_civilians_and_relative_clause_offices(
    analysed: Analyser, sentence: str, name: str, role: str
) -> None:
    assert roles_in(analysed, sentence).get(name) == role


def test_an_office_before_its_role_word_is_no_organisation_but_a_ministry_is(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "Union Home Minister Amit Shah condemned the attack in Manipur. Shah said the culprits would be punished.",
        "Interior Ministry Spokesman Zamary Bashary called the blast a suicide attack.",
    )
    assert actors["Amit Shah"].role == "Union Home Minister"
    assert "Union Home" not in actors


def test_the_leader_in_an_x_led_group_is_a_person(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "The MIT group, once the Ali Kalora-led militants, killed four farmers in Poso.",
        "Police said the Ali Kalora-led group was behind it.",
    )
    assert "Ali Kalora" in actors and "Ali Kalora-led" not in actors


def test_a_known_groups_long_name_with_a_space_for_a_dash_is_that_group(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "Troops clashed with the Sudan People's Liberation Army-In Opposition (SPLA-IO) in Nasir.",
            "The SPLA-IO said it repelled the attack. SPLA-IO fighters held the town.",
        )
    )
    groups = [a for a in actors if a.kind == "armed_group"]
    assert [g.name for g in groups] == ["SPLM-IO"]


def test_the_knowledge_layer_knows_the_main_gangs_and_sahel_groups(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "Members of Barrio 18 killed 46 inmates in a prison in Tamara, officials said.",
        "Barrio 18 has fought MS-13 for control of the prisons. JNIM claimed an attack in Mali.",
    )
    assert actors["Barrio 18"].kind == "armed_group"
    assert "Mara Salvatrucha" in actors["MS-13"].aliases
    assert "JNIM" in actors["Jama'at Nusrat al-Islam wal-Muslimin"].aliases


def test_attackers_who_carry_out_attacks_are_the_perpetrators(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "At least two soldiers were martyred as terrorists carried out two separate attacks on"
            " security forces in Khyber.",
        )
    )
    assert "terrorists" in {a.name for a in actors}


def test_attackers_a_story_keeps_coming_back_to_are_its_perpetrators(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "Two gendarmes were found dead near a checkpoint in Bafut on Monday.",
            "The government blamed terrorists for the deaths.",
            "Officials said the terrorists had fled into the bush.",
        )
    )
    assert "terrorists" in {a.name for a in actors}


def test_named_tribes_and_clans_are_actors(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "Six people were killed in a fight between the Yama tribe of Kopa village and Lai tribe of Tera village.",
        "The Yama tribe attacked first, police said. A rival clan later burned houses.",
    )
    assert {"Yama tribe", "Lai tribe"} <= set(actors)
    assert "Yama" in actors["Yama tribe"].aliases
    assert "A rival clan" not in actors and "rival clan" not in actors


def test_a_plural_role_before_a_list_of_names_is_each_ones_role(analysed: Analyser) -> None:
    roles = roles_in(
        analysed, "Two Jawans of CAF, Upendra Sahu and Devendra Singh were killed in the IED blast."
    )
    assert roles["Upendra Sahu"] == roles["Devendra Singh"] == "Jawan of CAF"


def test_two_places_joined_by_a_dash_are_a_route_not_an_organisation(analysed: Analyser) -> None:
    route = actors_in(
        analysed,
        "Militants ambushed a bus on the Mandera-Somalia border road near Mandera on Monday.",
        "The bus was travelling from Mandera to Elwak when it hit a bomb near the border with Somalia.",
    )
    assert "Mandera-Somalia" not in route
    region = actors_in(
        analysed,
        "Fighting broke out in Nagorno-Karabakh on Tuesday. Armenia said its troops in Karabakh were shelled.",
        "Nagorno-Karabakh authorities said two soldiers died.",
    )
    assert "Nagorno-Karabakh" in region  # "Nagorno" is no place of its own


def test_a_name_the_model_cut_after_of_loses_the_dangling_word(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "Soldiers from Alpha Company of the 47th Infantry Battalion clashed with rebels in Bilar.",
        "Alpha Company of the battalion recovered rifles.",
    )
    assert "Alpha Company" in actors and "Alpha Company of" not in actors


def test_the_singular_and_plural_of_one_name_are_one_actor(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "Militants attacked a base of the Revolutionary Guard in Chabahar on Wednesday.",
            "The Revolutionary Guards said three attackers were killed. The Revolutionary Guards sent troops.",
        )
    )
    guards = [a.name for a in actors if "Revolutionary" in a.name]
    assert len(guards) == 1, guards


def test_a_state_tagged_as_a_person_is_the_state(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "Niger said 23 of its soldiers were killed in an ambush near the border with Mali.",
            "The soldiers were killed near Tillaberi, the army said in a statement read on Nigerien television."
            "Niger is ruled by military leaders who seized power in July.",
        )
    )
    assert [a.kind for a in actors if a.name == "Niger"] == ["country"]


def test_a_body_named_with_and_without_its_state_is_one_actor(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "The Emergency Situations Ministry said six bodies were recovered in Belgorod.",
            "A video released by the Russian Emergency Situations Ministry showed rescuers at work.",
            "The Emergency Situations Ministry warned the toll could rise.",
        )
    )
    ministries = [a for a in actors if "Emergency Situations Ministry" in a.name]
    assert [a.name for a in ministries] == ["Russian Emergency Situations Ministry"]
    assert "Emergency Situations Ministry" in ministries[0].aliases


def test_a_translation_or_alias_after_a_name_is_the_same_actor(analysed: Analyser) -> None:
    group = find_actors(
        analysed(
            "The attack was claimed by the Sunni jihadist Jaish al-Adl (Army of Justice) group.",
            "Jaish al-Adl has carried out attacks before. The Army of Justice said it was behind it.",
        )
    )
    named = [a for a in group if "Jaish al-Adl" in {a.name, *a.aliases}]
    assert [(a.kind, "Army of Justice" in a.aliases) for a in named] == [("organization", True)]
    leader = find_actors(
        analysed(
            "Police said they had wounded rebel leader Victor Quispe Palomino, or “Comrade Jose,” in an operation.",
            "Comrade Jose escaped. Quispe Palomino has been wanted since 2008.",
        )
    )
    assert "Comrade Jose" not in {a.name for a in leader}


def test_a_citys_police_and_a_countys_sheriffs_office_are_forces(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "Rotterdam police are appealing for witnesses to a stabbing in the city centre.",
            "Rotterdam police said the man was arrested.",
            "Eventually West Yorkshire Police managed to contain the situation.",
            "West Yorkshire Police said four officers were hurt.",
            "The Spokane County Sheriff’s Office said the custodian stopped the gunman.",
            "The Spokane County Sheriff’s Office arrested a student.",
        )
    )
    forces = {a.name: a.kind for a in actors}
    assert forces.get("Rotterdam police") == "organization"
    riot = find_actors(
        analysed(
            "Eventually West Yorkshire Police managed to contain the disorder in Leeds.",
            "Dozens of Riot police were deployed as youths threw fireworks.",
            "West Yorkshire Police said four officers were hurt.",
        )
    )
    assert [a.name for a in riot if "police" in a.name.lower()] == ["West Yorkshire Police"]
    assert forces.get("West Yorkshire Police") == "organization"
    assert forces.get("Spokane County Sheriff's Office") == "organization"


def test_bare_gendarmes_and_security_forces_are_the_main_states(analysed: Analyser) -> None:
    gendarmes = actors_in(
        analysed,
        "Separatists in Cameroon killed two gendarmes on Wednesday near Bamenda.",
        "Cameroon's army said the gendarmes were on patrol. Cameroon has sent reinforcements.",
    )
    assert "Cameroonian gendarmerie" in gendarmes
    raids = actors_in(
        analysed,
        "Sri Lanka's death toll rose to 290 as security forces carried out raids in Colombo.",
        "Sri Lanka declared an emergency. Security forces surrounded a hospital, and security forces"
        " arrested 24 people across Sri Lanka.",
    )
    assert "Sri Lankan security forces" in raids
    policed = actors_in(
        analysed,
        "Iran's police said gunmen attacked a police station in Rask, Iran, and security forces repelled them.",
        "Iran said security forces killed three attackers. Iran blamed Jaish al-Adl.",
    )
    assert "Iranian security forces" not in policed  # where police act, the force is theirs


@pytest.mark.parametrize(
    ("form", "state"),
    [("Tajik", "Tajikistan"), ("Burma", "Myanmar"), ("South African", "South Africa"), ("Czech", "Czechia")],
)
def test_the_knowledge_layer_knows_more_demonyms_and_old_names(form: str, state: str) -> None:
    assert gazetteer.country_of(form) == state


def test_a_groups_members_and_its_mixed_case_acronym_are_the_group(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "Gunmen from the Arakan Rohingya Salvation Army attacked a camp in Ukhiya, police said.",
            "ARSA terrorists killed three refugees. The National Movement of Amhara (NaMA) condemned it.",
            "NaMA said the Arakan Rohingya Salvation Army must be stopped.",
        )
    )
    names = [a.name for a in actors]
    assert "ARSA terrorists" not in names and "NaMA" not in names, names
    assert {"Arakan Rohingya Salvation Army", "National Movement of Amhara"} <= set(names)
    rebels = find_actors(
        analysed(
            "Peru's Joint Armed Forces Command said Thursday that Shining Path rebels ambushed a military patrol"
            " in the valley, killing five soldiers.",
            "The incident is the latest in a string of attacks by the Shining Path remnants in the valley.",
            "Some 300 Shining Path rebels are believed to operate in the valley.",
        )
    )
    assert [a.name for a in rebels if "Shining Path" in a.name] == ["Shining Path"]


def test_feast_days_are_no_actors(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "A Russian missile strike killed over 31 people in Ukraine's northeastern city of Sumy on Sunday, even as"
        " locals had gathered to mark the Christian festival of Palm Sunday.",
        "The mayor said: “On this bright Palm Sunday, our community has suffered a terrible tragedy.”",
    )
    assert "Palm Sunday" not in actors


def test_a_role_word_with_a_rank_prefix_is_a_role(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "A deputy helped take the suspect into custody, Oakland County Undersheriff Michael McCabe said.",
            "McCabe said the boy was 15.",
        )
    )
    assert [(a.name, a.role) for a in actors if a.kind == "person"] == [
        ("Michael McCabe", "Oakland County Undersheriff")
    ]


def test_a_quoted_nickname_inside_a_name_and_a_role_apposed_to_a_lone_name_make_people(
    analysed: Analyser,
) -> None:
    nicknamed = find_actors(
        analysed(
            "Police vowed to track down those responsible, including Monel “Mikano” Felix, the leader of the"
            " gang controlling the area.",
            "Felix has not commented.",
        )
    )
    assert [(a.name, "Mikano" in a.aliases) for a in nicknamed if a.kind == "person"] == [
        ("Monel Felix", True)
    ]
    apposed = find_actors(
        analysed(
            "Gang members mentioned the name of Izo, leader of the ‘5 Seconds’ gang, as one of them posed with"
            " the victim.",
            "Izo has not commented.",
        )
    )
    assert [(a.name, a.kind) for a in apposed if a.name == "Izo"] == [("Izo", "person")]


def test_taking_over_a_bodys_leadership_makes_its_leader(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "This attack comes months after Saad Al-Olaqi took over leadership of Al-Qaeda in the Arabian"
            " Peninsula.",
            "Al-Olaqi has threatened more attacks.",
        )
    )
    assert [(a.name, a.role) for a in actors if a.kind == "person"] == [
        ("Saad Al-Olaqi", "leader of Al-Qaeda in the Arabian Peninsula")
    ]


def test_roles_cut_at_a_participle_of_fellows_of_a_church_and_one_of_many(analysed: Analyser) -> None:
    def roles(*sentences: str) -> list[tuple[str, str | None]]:
        return [(a.name, a.role) for a in find_actors(analysed(*sentences)) if a.kind == "person"]

    assert roles(
        "According to Lionel Lazarre, a police spokesperson interviewed by AyiboPost, around thirty gang members"
        " were killed in the ensuing clash."
    ) == [("Lionel Lazarre", "police spokesperson")]
    assert roles(
        "“This attack is yet another indication,” said Rida Lyammouri, a senior fellow at the Policy Center.",
    ) == [("Rida Lyammouri", "senior fellow at the Policy Center")]
    assert roles(
        "Reverend Stephen Kulang Jiech, of the Leer Presbyterian church, said the attacks started on Sunday.",
    ) == [("Stephen Kulang Jiech", "Reverend, Leer Presbyterian church")]
    assert roles("One of the taxi drivers, Soleno Lolo, died from a gunshot wound to the chest.") == [
        ("Soleno Lolo", "taxi driver")
    ]


def test_who_a_name_is_identified_as_is_a_role(analysed: Analyser) -> None:
    def roles(*sentences: str) -> list[tuple[str, str | None]]:
        return [(a.name, a.role) for a in find_actors(analysed(*sentences)) if a.kind == "person"]

    assert roles(
        "Abbott said at a news conference that the shooter — whom he identified as Salvador Ramos, 18 — had a"
        " handgun.",
        "Ramos was killed by officers.",
    )[-1:] == [("Salvador Ramos", "shooter")]
    assert roles("Police have identified 27-year-old Alexandre Bissonnette as the gunman.") == [
        ("Alexandre Bissonnette", "gunman")
    ]
    assert roles("Sources said the deceased suspect's name is Steve Seagraves.") == [
        ("Steve Seagraves", "deceased suspect")
    ]


def test_police_named_by_their_state_or_city_are_the_force_the_article_names(analysed: Analyser) -> None:
    def police(*sentences: str) -> list[tuple[str, list[str]]]:
        found = find_actors(analysed(*sentences))
        return sorted((a.name, a.aliases) for a in found if "olice" in a.name)

    assert police(
        "Kenyan police said gunmen attacked a donkey cart in Mandera.",
        "The Mandera County Police commander said two people were killed.",
        "Kenyan police are searching for the attackers.",
    ) == [("Mandera County Police", ["Kenyan police"])]
    assert police(
        "A gunman shot dead a doctor at Mercy Hospital, Chicago police said.",
        "A spokesman for the Chicago Police Department said an officer was also killed.",
        "Chicago police later named the gunman.",
    ) == [("Chicago Police Department", ["Chicago police"])]
    assert [
        name
        for name, _ in police(
            "Officers of the Federal Highway Police stopped the car near Nova Iguacu.",
            "Officers of the Civil Police said four militiamen were killed in the shootout.",
            "A spokesman for the Civil Police said an inquiry was opened.",
        )
    ] == ["Civil Police", "Federal Highway Police"]


def test_an_apposition_opening_with_himself_describes_and_the_office_before_is_the_role(
    analysed: Analyser,
) -> None:
    actors = find_actors(
        analysed(
            "The victims included a taxi driver, according to Türkiye’s Vice President, Cevdet Yilma, himself a"
            " Kurdish politician.",
            "Yilma said the attackers were killed.",
        )
    )
    assert [(a.name, a.role) for a in actors if a.kind == "person"] == [
        ("Cevdet Yilma", "Türkiye’s Vice President")
    ]


def test_a_unit_set_off_after_a_ranked_name_is_whose_rank(analysed: Analyser) -> None:
    actors = find_actors(
        analysed(
            "Colonel Jose Narciso, 601st Infantry “Unifier” Brigade, said the two slain members belonged to the group.",
            "Narciso said troops would stay in the area.",
        )
    )
    assert [(a.name, a.role) for a in actors if a.name == "Jose Narciso"] == [
        ("Jose Narciso", "Colonel, 601st Infantry “Unifier” Brigade")
    ]


def test_the_leader_of_a_group_led_by_a_name_and_an_office_with_its_station(analysed: Analyser) -> None:
    """ "a faction led by X" makes X its leader (not troops a general commands: his rank says
    that); "Inspector General of Police, Bastar, X" keeps the station set off by commas."""
    roles = roles_in(
        analysed,
        "Troops hunted a separatist faction led by Egianus Kogoya in the highlands.",
        "Clashes broke out between the “First Support Force,” led by Mohammed Bahroun, and the police.",
        "Troops led by General Ahmed Ali attacked the town.",
        "The rebels also suffered a severe blow, said Inspector General of Police, Bastar, Vivekanand Sinha.",
    )
    assert roles["Egianus Kogoya"] == "leader of a separatist faction"
    assert roles["Mohammed Bahroun"] == "leader of the First Support Force"
    assert roles["Ahmed Ali"] == "General"
    assert roles["Vivekanand Sinha"] == "Inspector General of Police, Bastar"


def test_a_road_between_two_places_an_address_and_a_campaign_are_no_actors(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "The blast hit a CRPF patrol along the under-construction Kistaram-Palodi road in Sukma.",
        "The shooting occurred at Old National Bank in the 300 block of E. Main Street, police said.",
        "The plot was thwarted within the framework of the Comprehensive Operation Sinai 2018, the army said.",
    )
    assert "CRPF" in actors
    assert not {"Kistaram-Palodi", "E. Main Street", "Comprehensive Operation Sinai"} & set(actors)


def test_the_army_is_the_one_states_forces_named_even_when_another_state_leads(analysed: Analyser) -> None:
    """A story mostly about Palestinians that names only Israeli forces: "the army" is theirs, while
    "the health ministry" stays the leading state's."""
    actors = actors_in(
        analysed,
        "Five Palestinians were killed by Israeli forces in a raid on Jenin, the Palestinian health ministry said.",
        "Palestinian officials said the army stormed the camp. Palestinian medics treated the wounded.",
        "The army said its troops had come under fire.",
    )
    forces = [a for a in actors.values() if a.kind == "military"]
    assert [f.name for f in forces] == ["Israeli army"]
    assert {"army", "Israeli forces"} <= set(forces[0].aliases)
    assert "Palestinian health ministry" in actors


def test_a_name_the_model_missed_set_off_after_a_role_phrase_is_a_person(analysed: Analyser) -> None:
    roles = roles_in(analysed, "The mayor of Kharkov, Igor Terekhov, announced this on Telegram.")
    assert roles.get("Igor Terekhov") == "mayor of Kharkov"


def test_a_bare_head_of_state_title_names_the_one_state_the_story_names(analysed: Analyser) -> None:
    """ "President Paul Biya" in a story naming Cameroon alone is Cameroon's President; where only
    "Nigerian militants" name a state, or a rebel group's "president" is meant, the title stays bare."""
    own = roles_in(analysed, "President Paul Biya ordered troops to Kolofata, Cameroon. Biya spoke on radio.")
    assert own["Paul Biya"] == "President of Cameroon"
    other = roles_in(
        analysed, "President Paul Biya ordered troops to Kolofata after Nigerian militants attacked."
    )
    assert other["Paul Biya"] == "President"
    rebel = roles_in(
        analysed, "M23 rebels seized Kikuku in Congo, said the group's president, Bertrand Bisimwa."
    )
    assert rebel.get("Bertrand Bisimwa") != "president of Congo"


def test_a_political_body_and_its_armed_wing_are_two_actors(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "Fresh clashes erupted between junta forces and the Karen National Liberation Army (KNLA), the armed"
        " wing of the Karen National Union (KNU), after junta troops entered KNU territory.",
        "KNLA fighters ambushed a convoy near Kyaikto.",
    )
    assert actors["Karen National Liberation Army"].aliases == ["KNLA"]
    assert actors["Karen National Union"].aliases == ["KNU"]


def test_a_verb_before_a_name_is_no_title(analysed: Analyser) -> None:
    roles = roles_in(
        analysed,
        "Yerevan accused Baku of systematically disseminating false information as cover for attacks.",
        "The accused Ali Khan was jailed for ten years.",
    )
    assert roles.get("Baku") is None
    assert roles["Ali Khan"] == "accused"


def test_the_shining_path_is_known_by_its_spanish_name(analysed: Analyser) -> None:
    actors = actors_in(
        analysed, "At least 18 were killed when Sendero Luminoso guerillas ambushed an army convoy."
    )
    assert actors["Shining Path"].kind == "armed_group"
    assert "Sendero Luminoso" in actors["Shining Path"].aliases


def test_the_outlet_the_story_only_cites_is_its_reporter_not_an_actor() -> None:
    """ "residents told Mizzima", "Mizzima reported": the publisher reporting its own story; an
    outlet whose offices are stormed stays an actor."""
    pipeline = nlp()

    def names(*paragraphs: str) -> set[str]:
        article = Article(source_path="t.txt", title="T", paragraphs=paragraphs, source="Mizzima")
        return {a.name for a in find_actors(analyse(article, pipeline(article.body_text)))}

    cited = names(
        "The Arakan Army attacked two outposts in Rathedaung, residents told Mizzima.",
        "Mizzima reported that the attacks began at 5 am.",
    )
    assert "Arakan Army" in cited and "Mizzima" not in cited
    stormed = names(
        "Soldiers stormed the offices of Mizzima in Yangon on Monday.",
        "Mizzima condemned the raid by soldiers in Yangon.",
        "Police said Mizzima staff were detained.",
    )
    assert "Mizzima" in stormed


def test_an_irish_county_written_co_is_a_place_not_an_organisation(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "The officer was injured as he left a house at Spamount village outside Castlederg, Co. Tyrone.",
        "Dissidents were blamed for a device planted in a Co. Tyrone toy store.",
    )
    assert not any(a.kind == "organization" and "Tyrone" in name for name, a in actors.items())


def test_a_barangay_is_a_village_not_a_person(analysed: Analyser) -> None:
    """ "some 100 Abu Sayyaf members Barangay Tanum": the role word before it does not make the
    village's name a member of the group."""
    actors = actors_in(
        analysed,
        "Troops engaged in a firefight with some 100 Abu Sayyaf members Barangay Tanum, Patikul town, Sulu"
        " Friday morning, leaving six militants dead.",
    )
    assert not any(a.kind == "person" and "Tanum" in name for name, a in actors.items())


def test_a_compass_named_command_is_a_body_not_a_place(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "Lt. Gen. Ramon Reyes, commander, Western Mindanao Command, told reporters that six militants died.",
        "A spokesman of the Western Mindanao Command later added that five more were killed.",
    )
    assert actors["Western Mindanao Command"].kind != "place"


def test_the_mayor_of_the_nearby_town_of_x_is_the_mayor_of_x(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "Amadou Traore, the mayor of the nearby town of Koro, said the attack took place near the village of"
        " Dinangourou.",
    )
    assert actors["Amadou Traore"].role == "mayor of Koro"


def test_a_mixed_case_acronym_between_office_and_name_keeps_the_office(analysed: Analyser) -> None:
    """ "President of the Federal Office for the Protection of the Constitution (BfV) Thomas
    Haldenwang": "BfV" is an acronym like "IGP", though not all in capitals."""
    actors = actors_in(
        analysed,
        "President of the Federal Office for Information Security (BsI) Karl Brenner told the press that the"
        " group had been watched for months.",
    )
    assert actors["Karl Brenner"].role == "President of the Federal Office for Information Security"


def test_a_role_after_an_opening_phrase_and_a_comma_is_the_names(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "If at the beginning of the morning, the deputy spokesperson of the PNH, Jean Dorval reported 18"
        " bandits killed, the figure climbed later.",
    )
    assert actors["Jean Dorval"].role == "deputy spokesperson of the PNH"


def test_an_office_written_as_one_word_is_no_part_of_the_name(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "The operation has been hugely important, Vicepresident Ana Morales said in a press conference.",
    )
    assert actors["Ana Morales"].role == "Vicepresident"


def test_runs_of_capitals_in_a_headline_line_are_no_organisations(analysed: Analyser) -> None:
    """A dateline and headline kept as the body's first line: "Bowling Alley" and "Bar Shootings
    Found Dead" are the headline's capitals, not bodies; prose with long official names is read."""
    actors = actors_in(
        analysed,
        "PORTLAND, Maine – Gunman in Portland Bowling Alley and Bar Shootings Found Dead from Self-Inflicted"
        " Gunshot.",
        "The head of the Kharkiv Regional Military Administration Oleh Syniehubov announced this on Friday.",
    )
    assert not any("Alley" in name or "Shootings" in name for name in actors)
    assert "Kharkiv Regional Military Administration" in actors


def test_constable_superintendent_and_inspector_abbreviated_are_their_offices(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "Const. Mary Fowler was killed in the line of duty.",
        "Police said Supt. John Hale and Insp. Tom Reid led the search.",
    )
    assert [actors[n].role for n in ("Mary Fowler", "John Hale", "Tom Reid")] == [
        "Constable",
        "Superintendent",
        "Inspector",
    ]


def test_an_age_between_the_role_and_the_name_keeps_the_apposition(analysed: Analyser) -> None:
    actors = actors_in(
        analysed, "Police confirmed the shooter, 51-year-old Gareth Wyman, was killed by police."
    )
    assert actors["Gareth Wyman"].role == "shooter"


def test_an_acronym_apposed_with_the_is_the_bodys_other_name(analysed: Analyser) -> None:
    """ "Russia's Federal Security Service, the FSB, ...": the acronym of the Russian name, set off
    as the whole apposition; "Maj Peter Mugisa, the UPDF 3rd division spokesperson" names his unit."""
    actors = actors_in(
        analysed,
        "Russia’s Federal Security Service, the FSB, said measures were being taken against the saboteurs.",
        "The FSB later said the group had been pushed back across the border.",
        "Maj Peter Mugisa, the UPDF 3rd division spokesperson, said two soldiers died.",
    )
    assert "FSB" in actors["Federal Security Service"].aliases
    assert "UPDF" not in actors["Peter Mugisa"].aliases


def test_names_listed_after_towns_including_are_towns(analysed: Analyser) -> None:
    """ "affecting towns including Convención, Abrego, Teorama, El Tarra, Hacarí, and Tibú": the model
    tags some of the list organisations; each is a town. "Dr Dawood Kattab" set beside a list of
    districts stays a person."""
    actors = actors_in(
        analysed,
        "The violence erupted in the Catatumbo region, affecting towns including Convención, Abrego,"
        " Teorama, El Tarra, Hacarí, and Tibú.",
        "Fighting in Tibú and El Tarra went on for three days.",
    )
    assert not any(
        a.kind == "organization" and name in {"El Tarra", "Hacarí", "Tibú"} for name, a in actors.items()
    )


def test_a_states_forces_told_generically_and_by_name_are_one_actor(analysed: Analyser) -> None:
    """ "the Somali army" ... "the Somali National Army": one actor, under its proper name."""
    actors = actors_in(
        analysed,
        "Al-Shabaab fighters attacked a base of the Somali National Army near Kismayo on Monday.",
        "The Somali army said it had repelled the attack, and Somali troops killed 12 fighters.",
    )
    army = actors["Somali National Army"]
    assert army.kind == "military"
    assert not any(name != "Somali National Army" and a.kind == "military" for name, a in actors.items())


def test_one_person_spelled_two_ways_is_one_actor(analysed: Analyser) -> None:
    """ "Qassem Soleimani" ... "Qassem Souleimani": one man; "Ali Hassan" and "Ali Hussein" are two."""
    actors = actors_in(
        analysed,
        "Two blasts struck a ceremony marking the death of General Qassem Soleimani on Wednesday.",
        "Qassem Souleimani, the commander of the Quds Force, was buried in Kerman.",
        "The governor, Ali Hassan, said the toll would rise.",
        "The police chief, Ali Hussein, said two suspects were arrested.",
    )
    assert "Qassem Souleimani" not in actors
    assert {"Ali Hassan", "Ali Hussein"} <= set(actors)


def test_a_surname_tagged_apart_from_the_name_joins_it(analysed: Analyser) -> None:
    """ "[Col Tamer]PERSON [El Rifaai]ORG": one man, whose role is the whole title before the rank;
    "Sergeant Madndjou Jean Patrice" tagged ORG is a sergeant."""
    roles = roles_in(
        analysed,
        "Chief military spokesman Col Tamer El Rifaai said soldiers at the checkpoint exchanged fire"
        " with the attackers. A statement issued by Col El Rifaai gave no location.",
        "Sergeant Madndjou Jean Patrice, the backbone of his squad, died in the ambush.",
    )
    assert roles.get("Tamer El Rifaai") == "Chief military spokesman"
    assert "Tamer" not in roles
    assert roles.get("Madndjou Jean Patrice") == "Sergeant"


def test_an_office_of_a_two_part_province_is_one_role(analysed: Analyser) -> None:
    roles = roles_in(
        analysed,
        "Governor General of Sistan and Baluchestan province Hossein Modarres Khyabani said the toll reached 19.",
        "The President of Mali and Senegal leader Macky Sall met in Dakar.",
    )
    assert roles["Hossein Modarres Khyabani"] == "Governor General of Sistan and Baluchestan province"
    assert roles["Macky Sall"] == "Senegal leader"


def test_one_of_the_leaders_holds_the_role_in_the_singular(analysed: Analyser) -> None:
    roles = roles_in(
        analysed,
        "Amrullah Saleh, one of the leaders of this front and the former vice president of Afghanistan,"
        " made the news public.",
    )
    assert roles["Amrullah Saleh"] == "leader of this front and the former vice president of Afghanistan"


def test_a_bare_surname_is_the_principal_not_the_relative_named_by_kin(analysed: Analyser) -> None:
    """ "wounding his wife, Martine Moïse. Mr. Moïse was found ...": the president, named first."""
    actors = actors_in(
        analysed,
        "Haitian police said Jovenel Moïse had been killed by an armed group.",
        "The gunmen stormed the president's home, shooting him dead and wounding his wife, Martine Moïse.",
        "Mr. Moïse was found with 12 gunshot wounds.",
    )
    assert "Moïse" in actors["Jovenel Moïse"].aliases
    assert "Moïse" not in actors["Martine Moïse"].aliases


def test_names_the_model_cuts_or_glues_are_read_whole(analysed: Analyser) -> None:
    """ "[Ursula von] der Leyen": the surname runs through its particles; "President of [Ukraine
    Volodymyr Zelensky]" tagged ORG is the president, not a Ukrainian body."""
    roles = roles_in(
        analysed,
        "European Commission President Ursula von der Leyen expressed shock at the violence.",
        "President of Ukraine Volodymyr Zelensky said people could be inside.",
    )
    assert roles["Ursula von der Leyen"] == "European Commission President"
    assert roles["Volodymyr Zelensky"] == "President of Ukraine"
    assert "Ukraine Volodymyr Zelensky" not in roles


def test_titles_legal_regimes_and_districts_are_no_organisations(analysed: Analyser) -> None:
    actors = actors_in(
        analysed,
        "Hela Provincial Administrator, William Bando, called a meeting. The Provincial Administrator warned"
        " travellers.",
        "The government declared a State of Exception in Guayaquil.",
        "Bandits killed villagers in Bakura Local Government Area of the State.",
    )
    assert actors["William Bando"].role == "Hela Provincial Administrator"
    assert not [name for name, a in actors.items() if a.kind == "organization"]


def test_hyphenated_ranks_places_of_office_and_two_given_names(analysed: Analyser) -> None:
    """ "Director Defence Information Maj.-Gen. Benjamin Sawyerr": the office, not the hyphenated rank;
    "administrator of the Dengez locality": where the office is held; "President Mahamat Idriss [Deby
    Itno]": the given names the model left out are his name, not his title."""
    roles = roles_in(
        analysed,
        "A statement by Director Defence Information Maj.-Gen. Benjamin Sawyerr said the attack failed.",
        "None of the attackers were apprehended, administrator of the Dengez locality Demelew Bengez told"
        " local media.",
        "Troops had been sent on the orders of President Mahamat Idriss Deby Itno.",
    )
    assert roles["Benjamin Sawyerr"] == "Director Defence Information"
    assert roles["Demelew Bengez"] == "administrator of the Dengez locality"
    assert roles["Mahamat Idriss Deby Itno"] == "President"


def test_a_body_named_in_full_then_by_part_of_its_name_is_one_actor(analysed: Analyser) -> None:
    """ "the Southern Transitional Council" ... "the Transitional Council" and "the Tinombala Operations
    Task Force" ... "the Tinombala Task Force" are one body each; the "Syrian Army" beside the "Free
    Syrian Army" is another."""
    actors = actors_in(
        analysed,
        "Fighters of the Southern Transitional Council clashed with the Tinombala Operations Task Force in"
        " Shabwa, and the Free Syrian Army said it would send advisers.",
        "The Transitional Council said the Tinombala Task Force attacked first, and the Syrian Army denied"
        " any role.",
    )
    assert "Transitional Council" not in actors and "Tinombala Task Force" not in actors
    assert {"Southern Transitional Council", "Tinombala Operations Task Force"} <= set(actors)
    assert {"Free Syrian Army", "Syrian Army"} <= set(actors)


def test_a_suspect_by_clause_and_an_offender_believed_to_be_someone(analysed: Analyser) -> None:
    roles = roles_in(
        analysed,
        "Police said that this person, Aco Martinović, who is suspected of committing the crime, killed ten.",
        "The offender who took his own life at the scene is believed to be 22-year-old Jake Davison.",
    )
    assert roles["Aco Martinović"] == "suspect"
    assert roles["Jake Davison"] == "offender"


def test_a_fuller_role_later_replaces_a_bare_rank_and_the_service_stays_in_the_title(
    analysed: Analyser,
) -> None:
    """ "According to Maj Mugisa ..." then "Maj Peter Mugisa, the UPDF 3rd division spokesperson": the
    office, not the rank alone; "Tulsa police Capt. Richard Meulenberg": whose captain he is."""
    roles = roles_in(
        analysed,
        "According to Maj Mugisa, the weapons were recovered in raids.",
        "Maj Peter Mugisa, the UPDF 3rd division spokesperson confirmed the incident.",
        "“It was just madness inside,” Tulsa police Capt. Richard Meulenberg said.",
    )
    assert roles["Peter Mugisa"] == "Maj, UPDF 3rd division spokesperson"
    assert roles["Richard Meulenberg"] == "Tulsa police Capt."


def test_a_force_named_once_in_an_event_it_took_part_in_is_a_key_actor(analysed: Analyser) -> None:
    """A body named once, late, but in a sentence that reports a clash took part in the story's events
    (GUIDE: key actors act or are acted on in its main events); one named once in passing is not."""
    story = [
        "More than 20 civilians were killed in an air strike on a monastery in central Myanmar, sources said.",
        "A resident confirmed the incident, which took place in Sagaing region.",
        "The resident said the monastery hall had sheltered families who fled their villages.",
        "He counted 22 bodies at the cemetery at dawn.",
        "Local volunteers buried the dead later that morning.",
        "Aid groups said food and medicine were running short in the area.",
    ]
    clash = "Residents said troops clashed with fighters of the People’s Defence Force near the village on Friday."
    passing = "Residents said they had heard of the People’s Defence Force from relatives in the next valley."
    assert "People’s Defence Force" in actors_in(analysed, *story, clash)
    assert "People’s Defence Force" not in actors_in(analysed, *story, passing)


def test_a_fuller_role_replaces_a_bare_role_noun(analysed: Analyser) -> None:
    """ "said spokeswoman Mira Okafor" then "Mira Okafor, the regional police spokeswoman": whose
    spokeswoman she is; a role in brackets' acronym ("(NUG)") is not left half open."""
    roles = roles_in(
        analysed,
        "“The road is closed,” said spokeswoman Mira Okafor on Monday.",
        "Mira Okafor, the regional police spokeswoman, said two officers were hurt in the ambush.",
        "The acting president of the National Unity Government (NUG), Duwa Lashi La, condemned the raid.",
    )
    assert roles["Mira Okafor"] == "regional police spokeswoman"
    other = roles_in(
        analysed,
        "Lawmakers Mohamud Mohamed and Abdullahi Jamac died in the hotel.",
        "“I send condolences to their families,” President Hassan sheikh Mohamud said in a statement.",
    )
    assert other["Mohamud Mohamed"] == "Lawmaker"  # not the President the model tagged "Mohamud"
    assert roles["Duwa Lashi La"] == "acting president of the National Unity Government"


def test_a_role_only_the_headline_gives(analysed: Analyser) -> None:
    """The sentences name "Jovenel Moïse" without a title; the headline calls him "the Haiti President"."""
    article = Article(
        source_path="test.txt",
        title="Armed Mercenaries Killed the Haiti President Jovenel Moïse",
        paragraphs=(
            "Haitian police said Jovenel Moïse had been killed by an armed group of 28 foreign mercenaries.",
            "The gunmen stormed the home in Port-au-Prince early on Wednesday.",
        ),
    )
    actors = by_name(find_actors(analyse(article, nlp()(article.body_text))))
    assert actors["Jovenel Moïse"].role == "Haiti President"


def test_a_region_s_ministry_is_one_actor(analysed: Analyser) -> None:
    """ "the Gaza health ministry", "the Khartoum state health ministry": a region's ministry in lower
    case; "health ministry spokesman" after "But" names no region."""
    actors = actors_in(
        analysed,
        "The Gaza health ministry said 12 people were killed in the strike on Rafah on Monday.",
        "The Khartoum state health ministry said 22 people were killed in the shelling.",
        "But health ministry spokesman Salah Abdeldayem later gave a lower toll.",
    )
    assert {"Gaza health ministry", "Khartoum state health ministry"} <= set(actors)
    assert not any(name.startswith("But") for name in actors)


def test_the_scene_of_the_main_incident_is_an_actor() -> None:
    """ "a knife attack in the western town of Solingen": the town is the scene of the story's main
    event, so it is listed (by its own name, without "town" or the compass word) even when it is
    named once; a state is no scene, and a place already listed is not listed twice."""
    from briefing.extract import extract

    article = Article(
        source_path="solingen.txt",
        title="Three killed in knife attack",
        paragraphs=(
            "Three people were killed in a knife attack at a festival in the western town of Solingen"
            " on Friday, German police said.",
            "Police said the suspect, a 26-year-old man, handed himself in on Saturday.",
        ),
    )
    actors = {a.name: a for a in extract(article, "solingen").actors}
    assert actors["Solingen"].kind == "place"


@pytest.mark.parametrize(
    ("location", "scene"),
    [
        ("Khyber Pakhtunkhwa’s Khyber district", "Khyber"),
        ("southern Urozgan", "Urozgan"),
        ("Kabul neighbourhood", "Kabul"),
        ("Turkey’s capital", None),
        ("Gaza City", "Gaza City"),
    ],
)
def test_a_scene_is_listed_by_its_own_name(location: str, scene: str | None) -> None:
    from briefing.extract.actors import scene_name

    assert scene_name(location) == scene


def test_a_name_with_a_person_s_role_is_a_person_whatever_else_the_model_tagged(analysed: Analyser) -> None:
    """ "the hideout of the Lekagak Telenggen criminal group" is tagged a place and "referring to" is
    no destination: the apposition "the general operations commander" says who he is. A role ends
    before a participle clause that tells what is said of him ("tagged by authorities as ...")."""
    actors = actors_in(
        analysed,
        "“Based on our findings during a firefight at the hideout of the Lekagak Telenggen criminal group,"
        " nine of them were shot dead,” a police spokesman said.",
        "He was referring to Lekagak Telenggen, the general operations commander for the rebels.",
        "Troops were pursuing the group of Puruji Indama, a notorious rebel leader tagged by authorities as"
        " behind the spate of deadly attacks in the region.",
    )
    assert actors["Lekagak Telenggen"].kind == "person"
    assert actors["Puruji Indama"].role == "notorious rebel leader"


def test_a_full_name_said_once_is_listed_and_an_apposed_role_keeps_a_person_a_person(
    analysed: Analyser,
) -> None:
    """A person the story names in full is someone it names, even once and beside a much-named
    state; "the villages of A, B and C in the Donetsk region, Oleksandr Syrskii, the commander-in-chief
    ..." lists villages, but the apposed role says the last name is a man's."""
    story = [
        "Pakistan summoned the Indian envoy on Saturday. Pakistan rejected claims of a link to the attack.",
        "Pakistan said it would respond to any aggression. Pakistan's foreign office issued a statement.",
        "Pakistan's army chief visited the border. Pakistan urged talks.",
        *[f"Pakistan said on day {n} that Pakistan would defend itself." for n in range(2, 9)],
        "Officials said Ajay Bisaria was handed a protest note.",
        "Forces drove out Russian troops from the villages of Mykhailivka, Zeleny Hay, and Volodymyrivka in"
        " Ukraine's Donetsk region, Oleksandr Syrskii, the commander-in-chief of Ukraine's armed forces,"
        " wrote on Facebook.",
    ]
    actors = actors_in(analysed, *story)
    assert actors["Ajay Bisaria"].kind == "person"
    assert actors["Oleksandr Syrskii"].kind == "person"


def test_a_state_named_with_a_compass_word_is_no_scene_of_its_own() -> None:
    """ "Rebels killed two peacekeepers in the Central African Republic": the state is listed as a
    state, not again as a place "African Republic"; "the Government of Niger" is Niger."""
    from briefing.extract import extract

    article = Article(
        source_path="car.txt",
        title="Rebels kill two peacekeepers",
        paragraphs=(
            "Rebels killed two peacekeepers in an attack in the Central African Republic on Monday.",
            "The Central African Republic has been in turmoil since 2013.",
            "The Government of Niger, which sent the peacekeepers, condemned the attack. Niger mourned.",
        ),
    )
    actors = extract(article, "car").actors
    assert not any(a.kind == "place" and "African Republic" in a.name for a in actors)
    assert not any(a.name == "Government of Niger" for a in actors)


def test_a_title_or_a_building_tagged_as_a_person_is_not_listed(analysed: Analyser) -> None:
    """ "Farhan Haq, Deputy Spokesperson for the Secretary-General" and "the Camp Navarro General
    Hospital": the model may tag "Spokesperson" or "Hospital" alone as a person."""
    actors = actors_in(
        analysed,
        "“We condemn the attack,” Farhan Haq, Deputy Spokesperson for the Secretary-General, said.",
        "Two ICRC staff visited the Camp Navarro General Hospital in Zamboanga City on Tuesday.",
    )
    assert not {"Spokesperson", "Hospital"} & set(actors)


def test_a_nickname_in_quotes_inside_a_name_is_one_person(analysed: Analyser) -> None:
    """'Ismael "El Mayo" Zambada': the model splits the name into pieces (a place, an
    organisation); it is one man, also called "El Mayo", whom "Zambada" names later."""
    actors = actors_in(
        analysed,
        'Violence has surged since the July arrest of the cartel co-founder Ismael "El Mayo" Zambada.',
        "Zambada's arrest triggered a war between rival factions of the cartel.",
        "Zambada, 76, was arrested in Texas.",
    )
    assert actors["Ismael Zambada"].kind == "person"
    assert "El Mayo" in actors["Ismael Zambada"].aliases
    assert "Zambada" not in actors
    titled = actors_in(analysed, 'President Joko "Jokowi" Widodo ordered troops to Papua on Monday.')
    assert titled["Joko Widodo"].role == "President"


def test_a_known_armed_group_named_once_in_a_story_dominated_by_one_state_is_listed(
    analysed: Analyser,
) -> None:
    """ "Officials pointed the finger at the Haqqani Network": a group the knowledge layer knows,
    named once, is still one of the story's actors, whatever the state it attacked scores."""
    story = [
        *[f"Afghanistan said on day {n} that Afghanistan would not bow to terror." for n in range(1, 9)],
        "Afghan officials were quick to point the finger at the Haqqani Network.",
    ]
    assert "haqqani network" in {a.name.lower() for a in find_actors(analysed(*story))}
