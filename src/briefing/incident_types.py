"""The vocabulary of incident types, shared by extraction, cross-briefing merging and the timeline.

It lives outside the extract package on purpose: relate and render need it on every build, and
importing anything under `briefing.extract` loads spaCy (~0.5 s) even when nothing is parsed.
"""

from __future__ import annotations

#: The catch-all type: an "attack" may be any specific kind of attack.
GENERIC_INCIDENT_TYPE = "attack"
FAMILIES = {
    "air": {
        "airstrike",
        "missile strike",
        "strike",
        "bombardment",
        "shelling",
        "rocket attack",
        "bombing",
        "explosion",
    },
    "violence": {
        "bombing",
        "explosion",
        "shooting",
        "stabbing",
        "execution",
        "massacre",
        "killing",
        "ambush",
        "mortar attack",
        "assault",  # gunmen storming a school or hotel
        "raid",  # gunmen raiding a village
    },
    # a firefight or an ambush is told as "clashes" in the next sentence
    "ground": {
        "offensive",
        "battle",
        "assault",
        "counterattack",
        "clashes",
        "siege",
        "raid",
        "shooting",
        "ambush",
    },
}


def types_compatible(a: str, b: str) -> bool:
    """Whether two incident types can describe one event: equal, a generic "attack", or one family
    ("strike"/"airstrike"); an unspecific "killing" goes with anything but ground fighting.
    Used by extract (one article) and relate (across briefings), so both stages agree."""
    if a == b or GENERIC_INCIDENT_TYPE in {a, b} or ("killing" in {a, b} and not {a, b} & FAMILIES["ground"]):
        return True
    return any(a in family and b in family for family in FAMILIES.values())
