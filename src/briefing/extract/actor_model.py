"""The records actor extraction passes between its stages: mentions and the clusters they form.

Finding mentions, coreference and ranking each live in their own module; they share these types
and the name key that decides when two forms are the same name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import gazetteer


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Verbs whose subject acts in a story's main event: who attacked, killed or claimed it is a key
#: actor even when named once, and unnamed attackers are read from them.
VIOLENT_VERBS = word_set(
    "attack kill claim launch fire shell bomb ambush abduct kidnap execute behead storm strike raid"
    " shoot seize capture massacre detonate open"
)


@dataclass
class Mention:
    start: int
    end: int
    text: str  # the surface form, cleaned
    key: str  # cluster identity
    name: str  # proposed canonical name
    kind: str
    weight: float = 1.0
    aliases: tuple[str, ...] = ()  # forms in common use that the article may not print


@dataclass
class Cluster:
    key: str
    name: str
    kind: str
    mentions: list[Mention] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    role: str | None = None
    salience: float = 0.0

    @property
    def forms(self) -> set[str]:
        return {m.text for m in self.mentions} | self.aliases


def name_key(text: str) -> str:
    return gazetteer.normalise_form(text).removeprefix("the ")
