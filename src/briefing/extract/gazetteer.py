"""The curated knowledge layer: armed groups and their aliases, well-known institutions, demonyms.

Kept small, documented and general (not tied to any one article). Owned by the actors stage.

Why a gazetteer at all: the small spaCy model misses or mislabels exactly the names this domain
depends on ("ISIL" comes back as a cardinal number, "Da'esh" as nothing, "Iraqi" as a
nationality), and no statistical model knows that "Daesh", "ISIS" and "the so-called Islamic
State" are one actor. Everything here is common world knowledge found in any news style guide.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pycountry


@dataclass(frozen=True)
class Known:
    """One actor the knowledge layer recognises by any of its surface forms."""

    name: str  # canonical form shown to readers
    kind: str  # person, organization, country, armed_group, military, government
    aliases: tuple[str, ...] = ()  # other forms; written forms are matched case-sensitively


def _k(name: str, kind: str, *aliases: str) -> Known:
    return Known(name, kind, aliases)


#: Non-state armed groups. Spelling variants matter: agencies transliterate Arabic differently.
ARMED_GROUPS: tuple[Known, ...] = (
    _k(
        "Islamic State",
        "armed_group",
        "IS",
        "ISIS",
        "ISIL",
        "Daesh",
        "Da'esh",
        "Dae'sh",
        "Daish",
        "DAESH",
        "so-called Islamic State",
        "Islamic State group",
        "Islamic State of Iraq and the Levant",
        "Islamic State of Iraq and Syria",
        "Islamic State of Iraq and al-Sham",
    ),
    _k("al-Qaeda", "armed_group", "al-Qaida", "al Qaeda", "Al Qaeda", "Al-Qaeda", "al-Qa'ida", "Al-Qaida"),
    _k("al-Qaeda in the Arabian Peninsula", "armed_group", "AQAP"),
    _k("al-Qaeda in the Islamic Maghreb", "armed_group", "AQIM"),
    _k("al-Shabab", "armed_group", "al-Shabaab", "Al-Shabab", "Al-Shabaab", "al Shabaab", "Al Shabaab"),
    _k("Boko Haram", "armed_group", "JAS", "Jama'atu Ahlis Sunna Lidda'awati wal-Jihad"),
    _k("Taliban", "armed_group", "Afghan Taliban"),
    _k("Pakistani Taliban", "armed_group", "Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan", "TTP"),
    _k("Haqqani network", "armed_group", "Haqqani Network"),
    _k("Hezbollah", "armed_group", "Hizbollah", "Hizbullah", "Hezbullah", "Hizballah"),
    _k("Hamas", "armed_group", "HAMAS"),
    _k("Palestinian Islamic Jihad", "armed_group", "Islamic Jihad"),
    _k("Houthis", "armed_group", "Houthi", "Houthi rebels", "Huthis", "Huthi", "Ansar Allah", "Ansarallah"),
    _k("PKK", "armed_group", "Kurdistan Workers' Party", "Kurdistan Workers Party"),
    _k("YPG", "armed_group", "People's Protection Units", "Kurdish People's Protection Units"),
    _k("Syrian Democratic Forces", "armed_group", "SDF"),
    _k("Jabhat al-Nusra", "armed_group", "al-Nusra Front", "Nusra Front", "al-Nusra", "Jabhat Fateh al-Sham"),
    _k("Hayat Tahrir al-Sham", "armed_group", "HTS"),
    _k("Free Syrian Army", "armed_group", "FSA"),
    _k("Peshmerga", "military", "Kurdish Peshmerga", "peshmerga"),
    _k(
        "Popular Mobilisation Forces",
        "armed_group",
        "Popular Mobilization Forces",
        "Popular Mobilisation Units",
        "Popular Mobilization Units",
        "PMF",
        "PMU",
        "Hashd al-Shaabi",
        "Hashed al-Shaabi",
    ),
    _k("Wagner Group", "armed_group", "Wagner"),
    _k("Lashkar-e-Taiba", "armed_group", "Lashkar-e-Toiba", "LeT"),
    _k("Jaish-e-Mohammed", "armed_group", "Jaish-e-Muhammad", "JeM"),
    _k("FARC", "armed_group", "Revolutionary Armed Forces of Colombia"),
    _k("Rapid Support Forces", "armed_group", "RSF"),
    _k("M23", "armed_group", "M23 rebels"),
    _k(
        "Islamic State West Africa Province",
        "armed_group",
        "ISWAP",
        "Islamic State in West Africa",
        "Islamic State West Africa",
    ),
    _k("Islamic State Khorasan", "armed_group", "ISIS-K", "IS-K", "ISKP", "Islamic State Khorasan Province"),
    _k("Islamic State in the Greater Sahara", "armed_group", "ISGS", "Islamic State Sahel Province"),
    _k(
        "Jama'at Nusrat al-Islam wal-Muslimin",
        "armed_group",
        "JNIM",
        "Group for the Support of Islam and Muslims",
        "Jamaat Nusrat al-Islam wal-Muslimin",
    ),
    _k("Katiba Macina", "armed_group", "Macina Liberation Front"),
    _k("Ansaru", "armed_group"),
    _k("Allied Democratic Forces", "armed_group", "ADF", "ADF rebels"),
    _k("CODECO", "armed_group", "Cooperative for the Development of Congo"),
    _k("Ansar al-Sunna", "armed_group", "Ahlu Sunna Wal Jamaa", "Ahlu Sunnah Wa-Jama", "ASWJ"),
    _k("Abu Sayyaf", "armed_group", "Abu Sayyaf Group", "ASG"),
    _k("New People's Army", "armed_group", "NPA", "New People’s Army"),
    _k("National Liberation Army", "armed_group", "ELN", "Ejército de Liberación Nacional"),
    _k("Shining Path", "armed_group", "Sendero Luminoso", "Militarized Communist Party of Peru"),
    _k(
        "Communist Party of India (Maoist)",
        "armed_group",
        "CPI (Maoist)",
        "CPI-Maoist",
        "Maoists",
        "Naxalites",
    ),
    _k("Balochistan Liberation Army", "armed_group", "BLA"),
    _k("Tigray People's Liberation Front", "armed_group", "TPLF"),
    _k("Fano", "armed_group", "Fano militia"),
    _k("Arakan Army", "armed_group"),
    _k("Kataib Hezbollah", "armed_group", "Kata'ib Hezbollah"),
    _k("Hurras al-Din", "armed_group", "Hurras al-Deen"),
    _k("Lord's Resistance Army", "armed_group", "LRA"),
    _k("Jalisco New Generation Cartel", "armed_group", "CJNG", "Jalisco cartel", "Jalisco New Generation"),
    _k("Sinaloa Cartel", "armed_group", "Sinaloa cartel"),
    # Sahel, Lake Chad and Central Africa
    _k(
        "Jama'at Nusrat al-Islam wal-Muslimin",
        "armed_group",
        "JNIM",
        "Jama'at Nasr al-Islam wal Muslimin",
        "Group for the Support of Islam and Muslims",
    ),
    _k("Islamic State West Africa Province", "armed_group", "ISWAP", "Islamic State in West Africa"),
    _k("Ansar Dine", "armed_group", "Ansar Eddine"),
    _k("Ansarul Islam", "armed_group", "Ansar ul Islam", "Ansaroul Islam"),
    _k("Ambazonia Defence Forces", "armed_group", "ADF Ambazonia", "Ambazonian Defence Forces"),
    _k(
        "SPLM-IO",
        "armed_group",
        "SPLA-IO",
        "SPLM/A-IO",
        "Sudan People's Liberation Movement-in-Opposition",
        "Sudan People's Liberation Army-in-Opposition",
        "Sudan People's Liberation Army in Opposition",
    ),
    _k("Islamic State Sinai Province", "armed_group", "Wilayat Sinai", "Sinai Province"),
    # South and South-East Asia
    _k("Hizbul Mujahideen", "armed_group", "Hizbul Mujahidin"),
    _k("The Resistance Front", "armed_group", "TRF"),
    _k("Lashkar-e-Jhangvi", "armed_group", "LeJ"),
    # a political body and its armed wing are two actors: stories tell what each does
    _k("Kachin Independence Army", "armed_group", "KIA"),
    _k("Kachin Independence Organization", "armed_group", "KIO"),
    _k("Karen National Liberation Army", "armed_group", "KNLA"),
    _k("Karen National Union", "armed_group", "KNU"),
    _k("Barisan Revolusi Nasional", "armed_group", "BRN"),
    _k("Jemaah Islamiyah", "armed_group", "JI"),
    _k("Jamaah Ansharut Daulah", "armed_group", "JAD"),
    _k("Mujahidin Indonesia Timur", "armed_group", "MIT", "East Indonesia Mujahideen"),
    _k("Kuki-Chin National Front", "armed_group", "KNF"),
    _k("United Liberation Front of Asom", "armed_group", "ULFA", "ULFA-I"),
    # Latin America and the Caribbean
    _k("Gulf Clan", "armed_group", "Clan del Golfo", "Autodefensas Gaitanistas de Colombia"),
    _k("Barrio 18", "armed_group", "18th Street gang", "Calle 18", "M-18"),
    _k("MS-13", "armed_group", "Mara Salvatrucha", "MS13"),
    _k("Tren de Aragua", "armed_group"),
    _k("Los Choneros", "armed_group", "Choneros"),
    _k("Los Lobos", "armed_group"),
    _k("Gulf Cartel", "armed_group", "Cartel del Golfo"),
    _k("Los Zetas", "armed_group", "Zetas"),
    _k("Comando Vermelho", "armed_group", "Red Command"),
    _k("Primeiro Comando da Capital", "armed_group", "PCC", "First Capital Command"),
    _k("400 Mawozo", "armed_group"),
)

#: Institutions whose short forms the small model mislabels or splits ("State" from "State
#: Department"). CJTF-OIR is the anti-IS coalition's military command, so it is the coalition.
INSTITUTIONS: tuple[Known, ...] = (
    _k("United Nations", "organization", "UN", "U.N.", "the United Nations"),
    _k("UN Security Council", "organization", "Security Council", "UNSC", "U.N. Security Council"),
    _k(
        "NATO",
        "organization",
        "Nato",
        "North Atlantic Treaty Organization",
        "North Atlantic Treaty Organisation",
    ),
    _k("European Union", "organization", "EU", "E.U."),
    _k("African Union", "organization", "AU"),
    _k("Arab League", "organization"),
    _k(
        "US Department of Defense",
        "government",
        "Pentagon",
        "Defense Department",
        "Department of Defense",
        "DoD",
        "DOD",
        "US Defense Department",
        "U.S. Department of Defense",
    ),
    _k(
        "US State Department",
        "government",
        "State Department",
        "Department of State",
        "U.S. State Department",
    ),
    _k("White House", "government"),
    _k("Kremlin", "government"),
    _k("CIA", "government", "Central Intelligence Agency"),
    _k("FBI", "government", "Federal Bureau of Investigation"),
    _k("US Central Command", "military", "CENTCOM", "Central Command", "U.S. Central Command"),
    _k("Human Rights Watch", "organization", "HRW"),
    _k("Amnesty International", "organization", "Amnesty"),
    _k("International Committee of the Red Cross", "organization", "ICRC", "Red Cross"),
    _k(
        "Doctors Without Borders",
        "organization",
        "MSF",
        "Medecins Sans Frontieres",
        "Médecins Sans Frontières",
    ),
    _k("UNICEF", "organization", "Unicef"),
    _k("UNHCR", "organization", "UN refugee agency", "UN Refugee Agency"),
    _k("World Health Organization", "organization", "WHO", "World Health Organisation"),
    _k(
        "UN High Commissioner for Human Rights",
        "organization",
        "OHCHR",
        "UN human rights office",
        "Office of the UN High Commissioner for Human Rights",
    ),
    _k("International Criminal Court", "organization", "ICC"),
    _k("Syrian Observatory for Human Rights", "organization", "SOHR"),
    _k(
        "US-led coalition",
        "military",
        "Global Coalition",
        "Global Coalition to Defeat ISIS",
        "Global Coalition to Counter ISIL",
        "Global Coalition to Counter ISIS",
        "anti-IS coalition",
        "anti-ISIS coalition",
        "anti-ISIL coalition",
        "counter-ISIL coalition",
        "counter-ISIS coalition",
        "CJTF-OIR",
        "Combined Joint Task Force - Operation Inherent Resolve",
        "Combined Joint Task Force-Operation Inherent Resolve",
        "Combined Joint Task Force – Operation Inherent Resolve",
        "Operation Inherent Resolve",
    ),
)

#: Religious feasts, holidays and months, in lower case: days, never actors or places ("the Easter
#: Sunday assault", "during Ramadan").
FEASTS: frozenset[str] = frozenset(
    {
        "ramadan",
        "muharram",
        "ashura",
        "eid",
        "eid al-fitr",
        "eid al-adha",
        "sukkot",
        "feast of tabernacles",
        "passover",
        "yom kippur",
        "hanukkah",
        "christmas",
        "christmas eve",
        "easter",
        "easter sunday",
        "palm sunday",
        "good friday",
        "holy week",
        "diwali",
        "nowruz",
        "new year",
    }
)

#: Names that may appear in an article but are never actors of its story: news agencies and
#: publishers (they report, they do not act), acronyms of weapons the model tags as ORG, feasts.
NOT_ACTORS: frozenset[str] = (
    frozenset(
        s.lower()
        for s in (
            "Media",  # credit lines the model tags as organisations ("REUTERS Photo", "File Photo")
            "Photo",
            "File Photo",
            "Reuters Photo",
            "AP Photo",
            "AFP Photo",
            "GMT",  # time zones the model tags as organisations
            "UTC",
            "BST",
            "CET",
            "AFP",
            "Agence France-Presse",
            "dpa",
            "Reuters",
            "AP",
            "Associated Press",
            "the Associated Press",
            "DW",
            "Deutsche Welle",
            "BBC",
            "BBC News",
            "CNN",
            "Xinhua",
            "TASS",
            "Tass",
            "Interfax",
            "EFE",
            "ANSA",
            # national news agencies quoted as sources
            "RIA Novosti",
            "RIA",
            "Sputnik",
            "Anadolu",
            "Anadolu Agency",
            "IRNA",
            "SANA",
            "WAFA",
            "Yonhap",
            "Kyodo",
            "PTI",
            "Press Trust of India",
            "ANI",
            "KUNA",
            "Kuwait News Agency",
            "Saudi Press Agency",
            "SPA",
            "APP",
            "Associated Press of Pakistan",
            "NNA",
            "Bernama",
            "Antara",
            "MENA",
            "Ukrinform",
            "Fars",
            "Tasnim",
            "Mehr",
            "Getty",
            "Getty Images",
            "VBIED",
            "VBIEDs",
            "SVBIED",
            "IED",
            "IEDs",
            "UAV",
            "UAVs",
            "RPG",
            "MANPADS",
            # Platforms the story's words or pictures were posted on: the medium, not an actor.
            "Twitter",
            "Facebook",
            "Instagram",
            "YouTube",
            "TikTok",
            "Telegram",
            "WhatsApp",
            "Weibo",
            # Weapons and vehicles the model tags as people or organisations ("attacked a Land Cruiser").
            "Improvised Explosive Device",
            "Improvised Explosive Devices",
            "Land Cruiser",
            "Hilux",
            "Humvee",
            "Humvees",
            "Grad",
            "Katyusha",
            "Kassam",
            "Qassam",
            "Kalashnikov",
            "Hellfire",
            "Tomahawk",
            "Shahed",
            "Iskander",
            "Kinzhal",
            "HIMARS",
            # Abbreviated titles ("said IG Sunderaj") and lone generic words.
            "IG",
            "DIG",
            "SP",
            "SSP",
            "DSP",
            "Intelligence",
        )
    )
    | FEASTS
)

#: Demonyms (and plural forms) that pycountry does not know. Ambiguous ones are left out.
DEMONYMS: dict[str, str] = {
    "Afghan": "Afghanistan",
    "Afghans": "Afghanistan",
    "Algerian": "Algeria",
    "American": "United States",
    "Americans": "United States",
    "Australian": "Australia",
    "Austrian": "Austria",
    "Bahraini": "Bahrain",
    "Bangladeshi": "Bangladesh",
    "Belgian": "Belgium",
    "Brazilian": "Brazil",
    "British": "United Kingdom",
    "Briton": "United Kingdom",
    "Britons": "United Kingdom",
    "Burkinabe": "Burkina Faso",
    "Cameroonian": "Cameroon",
    "Canadian": "Canada",
    "Chadian": "Chad",
    "Chinese": "China",
    "Colombian": "Colombia",
    "Congolese": "DR Congo",
    "Cuban": "Cuba",
    "Danish": "Denmark",
    "Dutch": "Netherlands",
    "Egyptian": "Egypt",
    "Egyptians": "Egypt",
    "Emirati": "United Arab Emirates",
    "Eritrean": "Eritrea",
    "Ethiopian": "Ethiopia",
    "French": "France",
    "German": "Germany",
    "Germans": "Germany",
    "Greek": "Greece",
    "Indian": "India",
    "Indonesian": "Indonesia",
    "Iranian": "Iran",
    "Iranians": "Iran",
    "Iraqi": "Iraq",
    "Iraqis": "Iraq",
    "Irish": "Ireland",
    "Israeli": "Israel",
    "Israelis": "Israel",
    "Italian": "Italy",
    "Japanese": "Japan",
    "Jordanian": "Jordan",
    "Kenyan": "Kenya",
    "Kuwaiti": "Kuwait",
    "Lebanese": "Lebanon",
    "Libyan": "Libya",
    "Libyans": "Libya",
    "Malian": "Mali",
    "Mexican": "Mexico",
    "Moroccan": "Morocco",
    "Nigerian": "Nigeria",
    "Nigerien": "Niger",
    "North Korean": "North Korea",
    "Norwegian": "Norway",
    "Pakistani": "Pakistan",
    "Palestinian": "Palestine",
    "Palestinians": "Palestine",
    "Polish": "Poland",
    "Qatari": "Qatar",
    "Russian": "Russia",
    "Russians": "Russia",
    "Saudi": "Saudi Arabia",
    "Saudis": "Saudi Arabia",
    "Somali": "Somalia",
    "South Korean": "South Korea",
    "Spanish": "Spain",
    "Sudanese": "Sudan",
    "Swedish": "Sweden",
    "Swiss": "Switzerland",
    "Syrian": "Syria",
    "Syrians": "Syria",
    "Tunisian": "Tunisia",
    "Turkish": "Turkey",
    "Ukrainian": "Ukraine",
    "Ukrainians": "Ukraine",
    "Venezuelan": "Venezuela",
    "Yemeni": "Yemen",
    "Yemenis": "Yemen",
    "Mozambican": "Mozambique",
    "Mozambicans": "Mozambique",
    "Burkinabé": "Burkina Faso",
    "Burkinabè": "Burkina Faso",
    "Filipino": "Philippines",
    "Filipinos": "Philippines",
    "Philippine": "Philippines",
    "Burmese": "Myanmar",
    "Belarusian": "Belarus",
    "Belarusians": "Belarus",
    "Salvadoran": "El Salvador",
    "Salvadorans": "El Salvador",
    "Haitian": "Haiti",
    "Haitians": "Haiti",
    "Rwandan": "Rwanda",
    "Rwandans": "Rwanda",
    "Ugandan": "Uganda",
    "Ugandans": "Uganda",
    "South Sudanese": "South Sudan",
    "Central African": "Central African Republic",
    "Tanzanian": "Tanzania",
    "Tanzanians": "Tanzania",
    "Omani": "Oman",
    "Omanis": "Oman",
    "Sri Lankan": "Sri Lanka",
    "Sri Lankans": "Sri Lanka",
    "Nepali": "Nepal",
    "Nepalese": "Nepal",
    "Thai": "Thailand",
    "Malaysian": "Malaysia",
    "Malaysians": "Malaysia",
    "Azerbaijani": "Azerbaijan",
    "Azerbaijanis": "Azerbaijan",
    "Armenian": "Armenia",
    "Armenians": "Armenia",
    "Serbian": "Serbia",
    "Serbs": "Serbia",
    "Kosovar": "Kosovo",
    "Kosovars": "Kosovo",
    "Bosnian": "Bosnia and Herzegovina",
    "Bosnians": "Bosnia and Herzegovina",
    "Zimbabwean": "Zimbabwe",
    "Zambian": "Zambia",
    "Cambodian": "Cambodia",
    "Laotian": "Laos",
    "Vietnamese": "Vietnam",
    "Mauritanian": "Mauritania",
    "Senegalese": "Senegal",
    "Ivorian": "Côte d'Ivoire",
    "Ghanaian": "Ghana",
    "Beninese": "Benin",
    "Togolese": "Togo",
    "Guinean": "Guinea",
    "Burundian": "Burundi",
    "Djiboutian": "Djibouti",
    "Angolan": "Angola",
    "Namibian": "Namibia",
    "Ecuadorian": "Ecuador",
    "Peruvian": "Peru",
    "Bolivian": "Bolivia",
    "Chilean": "Chile",
    "Argentine": "Argentina",
    "Argentinian": "Argentina",
    "Honduran": "Honduras",
    "Guatemalan": "Guatemala",
    "Nicaraguan": "Nicaragua",
    "Costa Rican": "Costa Rica",
    "Panamanian": "Panama",
    "Paraguayan": "Paraguay",
    "Uruguayan": "Uruguay",
    "Jamaican": "Jamaica",
    "Jamaicans": "Jamaica",
    "South African": "South Africa",
    "South Africans": "South Africa",
    "Liberian": "Liberia",
    "Liberians": "Liberia",
    "Gambian": "Gambia",
    "Malawian": "Malawi",
    "Malawians": "Malawi",
    "Motswana": "Botswana",
    "Basotho": "Lesotho",
    "Swazi": "Eswatini",
    "Malagasy": "Madagascar",
    "Comorian": "Comoros",
    "Tajik": "Tajikistan",
    "Tajiks": "Tajikistan",
    "Kyrgyz": "Kyrgyzstan",
    "Uzbek": "Uzbekistan",
    "Uzbeks": "Uzbekistan",
    "Kazakh": "Kazakhstan",
    "Kazakhs": "Kazakhstan",
    "Turkmen": "Turkmenistan",
    "Mongolian": "Mongolia",
    "Mongolians": "Mongolia",
    "Taiwanese": "Taiwan",
    "Singaporean": "Singapore",
    "Singaporeans": "Singapore",
    "Bhutanese": "Bhutan",
    "Maldivian": "Maldives",
    "Timorese": "Timor-Leste",
    "Azeri": "Azerbaijan",
    "Azeris": "Azerbaijan",
    "Georgian": "Georgia",
    "Georgians": "Georgia",
    "Moldovan": "Moldova",
    "Moldovans": "Moldova",
    "Albanian": "Albania",
    "Albanians": "Albania",
    "Croatian": "Croatia",
    "Croat": "Croatia",
    "Croats": "Croatia",
    "Macedonian": "North Macedonia",
    "Montenegrin": "Montenegro",
    "Bulgarian": "Bulgaria",
    "Romanian": "Romania",
    "Romanians": "Romania",
    "Hungarian": "Hungary",
    "Hungarians": "Hungary",
    "Slovak": "Slovakia",
    "Slovaks": "Slovakia",
    "Slovenian": "Slovenia",
    "Czech": "Czechia",
    "Czechs": "Czechia",
    "Lithuanian": "Lithuania",
    "Latvian": "Latvia",
    "Estonian": "Estonia",
    "Finnish": "Finland",
    "Finns": "Finland",
    "Portuguese": "Portugal",
    "Cypriot": "Cyprus",
    "Cypriots": "Cyprus",
    "Maltese": "Malta",
}

#: Other names of states: abbreviations, short forms and official names that news text uses.
COUNTRY_ALIASES: dict[str, str] = {
    "Kosovo": "Kosovo",
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "America": "United States",
    "United States of America": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "Russian Federation": "Russia",
    "Syrian Arab Republic": "Syria",
    "Islamic Republic of Iran": "Iran",
    "UAE": "United Arab Emirates",
    "DRC": "DR Congo",
    "Democratic Republic of Congo": "DR Congo",
    "Democratic Republic of the Congo": "DR Congo",
    "North Korea": "North Korea",
    "South Korea": "South Korea",
    "Turkiye": "Turkey",
    "Türkiye": "Turkey",
    "Palestine": "Palestine",
    "Czech Republic": "Czechia",
    "Ivory Coast": "Côte d'Ivoire",
    "Burma": "Myanmar",
    "Swaziland": "Eswatini",
    "Cape Verde": "Cabo Verde",
    "East Timor": "Timor-Leste",
    "Macedonia": "North Macedonia",
    "KSA": "Saudi Arabia",
}

#: pycountry's formal names that read badly in a briefing, mapped to the usual English name.
_PREFERRED_NAMES: dict[str, str] = {
    "Russian Federation": "Russia",
    "Türkiye": "Turkey",
    "Palestine, State of": "Palestine",
    "Korea, Democratic People's Republic of": "North Korea",
    "Congo, The Democratic Republic of the": "DR Congo",
    "Viet Nam": "Vietnam",
}

#: Religious and ethnic communities, which the model often tags as places or organisations ("an
#: attack on Shias", "Tuareg camp residents"): people, never where something happened.
PEOPLES: frozenset[str] = frozenset(
    {
        "shia",
        "shias",
        "shiite",
        "shiites",
        "sunni",
        "sunnis",
        "alawite",
        "alawites",
        "christian",
        "christians",
        "copts",
        "muslim",
        "muslims",
        "hindu",
        "hindus",
        "sikh",
        "sikhs",
        "jew",
        "jews",
        "druze",
        "yazidi",
        "yazidis",
        "kurd",
        "kurds",
        "hazara",
        "hazaras",
        "tuareg",
        "tuaregs",
        "fulani",
        "rohingya",
        "uyghur",
        "uyghurs",
        "pashtun",
        "pashtuns",
        "baloch",
        "tamil",
        "tamils",
    }
)


def is_people(form: str) -> bool:
    """True for a religious or ethnic community's name."""
    return form.strip().lower() in PEOPLES


#: Country names that are also common first names or US states: only trusted with spaCy's support.
#: Short names that several states share, and the states whose fuller names an article may use
#: for the one it means: "Congo" beside "DR Congo" is DR Congo.
STATES_SHARING_A_SHORT_NAME: dict[str, tuple[str, ...]] = {
    "Congo": ("DR Congo",),
}
AMBIGUOUS_COUNTRIES: frozenset[str] = frozenset(
    {"Georgia", "Georgian", "Georgians", "Jordan", "Chad", "Niger", "Guinea", "Jersey", "Portuguese"}
)


@functools.cache
def country_names() -> dict[str, str]:
    """Every surface form of a state (name, alias, demonym) -> its canonical English name."""
    forms: dict[str, str] = {}
    for country in pycountry.countries:
        canonical = _PREFERRED_NAMES.get(country.name, getattr(country, "common_name", None) or country.name)
        for form in (
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
        ):
            if form and "," not in form:
                forms[form] = canonical
        forms[canonical] = canonical
    forms.update(COUNTRY_ALIASES)
    forms.update(DEMONYMS)
    return forms


def country_of(form: str) -> str | None:
    """The canonical state for a name, alias or demonym ("Iraqi" -> "Iraq"), else None."""
    form = form.strip()
    if form.lower().startswith("the "):
        form = form[4:]
    return country_names().get(form)


@functools.cache
def _state_names_folded() -> frozenset[str]:
    return frozenset(form.lower() for form in country_names() if form not in DEMONYMS)


def is_state_name(form: str) -> bool:
    """Whether `form` names a state (any case, an alias such as "DR Congo" included), not its
    people ("Congolese")."""
    form = form.strip().lower()
    return form.removeprefix("the ") in _state_names_folded()


def demonyms_of(country: str) -> list[str]:
    """Adjective forms of a state, e.g. "Iraq" -> ["Iraqi", "Iraqis"]; used as its aliases."""
    return [d for d, c in DEMONYMS.items() if c == country]


def adjective_of(country: str) -> str:
    """The adjective used to name a state's forces ("Iraqi forces"); the name itself if unknown."""
    if country == "United States":
        return "US"
    if country == "United Kingdom":
        return "British"
    forms = [d for d in demonyms_of(country) if not d.endswith("s") or d.endswith("ss")]
    return forms[0] if forms else country


@functools.cache
def known_actors() -> tuple[Known, ...]:
    return ARMED_GROUPS + INSTITUTIONS


@functools.cache
def known_pattern() -> re.Pattern[str]:
    """One regex over every known form, longest first so "Islamic State group" beats "IS".

    Forms are case-sensitive (so "IS" never matches "is"), but for the first word of names of three
    words or more; they must stand as whole words; a
    following hyphen is allowed ("IS-controlled", "ISIL-held" still name the group).
    """
    forms = {form for known in known_actors() for form in (known.name, *known.aliases)}
    alternatives = sorted((_form_regex(f) for f in forms), key=len, reverse=True)
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(alternatives) + r")(?!\w)(?!['’](?!s\b))")


def _form_regex(form: str) -> str:
    """Regex for a form, letting straight and curly apostrophes and dashes stand for each other,
    and a space for a dash ("Liberation Army-In Opposition")."""
    escaped = re.escape(form.replace("’", "'").replace("–", "-"))
    escaped = escaped.replace("'", "['’]")
    escaped = _SPELLING_IN_FORM.sub(lambda m: _SPELLING_PATTERNS[m.group(0).lower()[:3]], escaped)
    if (
        len(form.split()) >= 3
    ):  # "Syrian Observatory for Human rights": long names keep their sense in any case
        first, _, rest = escaped.partition(r"\ ")
        escaped = rf"{first}\ (?i:{rest})"
    return escaped.replace(r"\-", r"[-–\ ]")


#: Inside a known form, any transliteration of the name matches ("Jaish-e-Mohammad" is the
#: knowledge layer's "Jaish-e-Mohammed").
_SPELLING_IN_FORM = re.compile(r"(?i)(?:moh?amm?[ae]d|muh?amm?[ae]d|qaeda|qaida)")
_MUHAMMAD = r"[Mm][ou]h?amm?[ae]d"
_SPELLING_PATTERNS = {
    "moh": _MUHAMMAD,
    "mom": _MUHAMMAD,
    "moa": _MUHAMMAD,
    "muh": _MUHAMMAD,
    "mum": _MUHAMMAD,
    "mua": _MUHAMMAD,
    "qae": "[Qq]a[ei]da",
    "qai": "[Qq]a[ei]da",
}


@functools.cache
def _known_by_form() -> dict[str, Known]:
    """Every known form by its comparison key, and by that key with dashes read as spaces, as
    `known_pattern` reads them ("Army-In Opposition")."""
    table: dict[str, Known] = {}
    for known in known_actors():
        for form in (known.name, *known.aliases):
            table.setdefault(_dashes_as_spaces(normalise_form(form)), known)
            table[normalise_form(form)] = known
    return table


def _dashes_as_spaces(key: str) -> str:
    return key.replace("-", " ")


def normalise_form(form: str) -> str:
    """A comparison key for surface forms: curly quotes and dashes straightened, lower case, and
    the common transliterations of one Arabic name made one ("Mohammad", "Mohammed", "Muhammad")."""
    key = " ".join(form.replace("’", "'").replace("–", "-").lower().split())
    return _TRANSLITERATIONS.sub(lambda m: _CANONICAL_SPELLING[m.group(0)[:3]], key)


#: Spellings of the same Arabic names in English news, keyed by their first three letters.
_TRANSLITERATIONS = re.compile(r"\b(?:moh?amm?[ae]d|muh?amm?[ae]d|qaeda|qaida)\b")
_CANONICAL_SPELLING = {
    "moh": "muhammad",
    "mom": "muhammad",
    "moa": "muhammad",
    "muh": "muhammad",
    "mum": "muhammad",
    "mua": "muhammad",
    "qae": "qaeda",
    "qai": "qaeda",
}


def lookup_known(form: str) -> Known | None:
    """The known actor a surface form names, if any."""
    key = normalise_form(form)
    table = _known_by_form()
    return table.get(key) or table.get(_dashes_as_spaces(key))


def is_not_actor(form: str) -> bool:
    """True for news agencies, publishers and weapon acronyms."""
    return normalise_form(form).removeprefix("the ") in NOT_ACTORS or normalise_form(form) in NOT_ACTORS
