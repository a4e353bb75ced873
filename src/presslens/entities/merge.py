"""Merging mentions into entities, by rules that treat every side alike.

Two mentions may name one entity when they have the same type and

* the same key (case, apostrophes, determiners and possessives aside), or
* one is an alias the text defined for the other (an acronym in parentheses), or
* one is an acronym of the other's initials ("EU" and "European Union"), or
* for people, one name's words are part of the other's with the same surname
  ("Naryshkin" and "Sergey Naryshkin"), or one word is the first of a two-word
  name (surname-first orders: "Mr. Li" and "Li Wen"), or
* for organisations and places, one name of at least two words is contained in
  the other and ends it ("Intelligence Service" in "Foreign Intelligence Service").

Mentions are visited in text order and joined to the *nearest* earlier mention
they may name; a join that would put incompatible names in one entity is refused:
two different place qualifiers ("the Russian Foreign Ministry" and "the
Ukrainian Foreign Ministry"), or two full personal names with different
surnames or first initials. Nothing here depends on which names these are.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from presslens.entities.mention import PERSON, Mention
from presslens.entities.names import (
    initials,
    is_acronym,
    key,
    qualifiers_compatible,
    tokens,
)


@dataclass(frozen=True)
class _Features:
    """What the rules compare, computed once per mention."""

    mention: Mention

    @cached_property
    def key(self) -> str:
        return self.mention.key

    @cached_property
    def words(self) -> tuple[str, ...]:
        return tuple(self.key.split())

    @cached_property
    def aliases(self) -> frozenset[str]:
        return frozenset(key(a) for a in self.mention.aliases)

    @cached_property
    def acronym(self) -> bool:
        return is_acronym(self.mention.name)

    @cached_property
    def initials(self) -> frozenset[str]:
        m = self.mention
        return frozenset({initials(m.lemma or m.name), initials(m.full)})


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def may_corefer(a: _Features, b: _Features) -> bool:
    """Whether two mentions may name the same entity (symmetric)."""
    if a.mention.type != b.mention.type or not a.key or not b.key:
        return False
    if a.key == b.key or a.key in b.aliases or b.key in a.aliases:
        return True
    short, long = (a, b) if len(a.words) <= len(b.words) else (b, a)
    if short.mention.type == PERSON:
        names = [w for w in short.words if not w.endswith(".")]
        if len(names) == 1 and len(long.words) == 2 and names[0] == long.words[0]:
            return True  # "Mr. Li" for "Li Wen": name order differs across cultures
        return bool(names) and names[-1] == long.words[-1] and set(names) <= set(long.words)
    if short.acronym and len(long.words) >= 2 and short.key in long.initials:
        return True
    return (
        len(short.words) >= 2
        and short.words[-1] == long.words[-1]
        and _contains(long.words, short.words)
    )


def _person_names_compatible(a: Mention, b: Mention) -> bool:
    wa, wb = tokens(a.lemma or a.name), tokens(b.lemma or b.name)
    if len(wa) < 2 or len(wb) < 2:
        return True
    return key(wa[-1]) == key(wb[-1]) and wa[0][:1].casefold() == wb[0][:1].casefold()


def compatible(left: list[Mention], right: list[Mention]) -> bool:
    """Whether two groups of mentions can be one entity."""
    if left[0].type != right[0].type:
        return False
    quals_l = {m.qualifier for m in left if m.qualifier}
    quals_r = {m.qualifier for m in right if m.qualifier}
    if any(not qualifiers_compatible(x, y) for x in quals_l for y in quals_r):
        return False
    if left[0].type == PERSON:
        return all(_person_names_compatible(x, y) for x in left for y in right)
    return True


def _blocks(f: _Features) -> set[tuple[str, str]]:
    """Blocking keys: two mentions any rule may join share at least one of them.

    Every rule needs equal keys, an alias, an equal last word, or an acronym
    equal to initials, so comparing only mentions that share a block is exact
    and keeps merging near-linear on long texts.
    """
    blocks = {("k", f.key)} | {("k", a) for a in f.aliases}
    if f.words:
        blocks.add(("w", f.words[-1]))
        if f.mention.type == PERSON and len(f.words) == 2:
            blocks.add(("w", f.words[0]))
    if f.acronym:
        blocks.add(("i", f.key))
    elif len(f.words) >= 2:
        blocks |= {("i", i) for i in f.initials}
    return blocks


def merge(mentions: list[Mention]) -> list[list[Mention]]:
    """Group mentions into entities; groups are in order of first mention."""
    ordered = sorted(mentions, key=lambda m: m.span)
    features = [_Features(m) for m in ordered]
    parent = list(range(len(ordered)))
    members: dict[int, list[Mention]] = {i: [m] for i, m in enumerate(ordered)}
    seen: dict[tuple[str, str], list[int]] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, fi in enumerate(features):
        blocks = _blocks(fi)
        earlier = sorted({j for b in blocks for j in seen.get(b, ())}, reverse=True)
        for j in earlier:  # nearest earlier mention first
            ri, rj = find(i), find(j)
            if ri == rj or not may_corefer(fi, features[j]):
                continue
            if compatible(members[ri], members[rj]):
                parent[ri] = rj
                members[rj] = sorted(members[rj] + members.pop(ri), key=lambda m: m.span)
        for b in blocks:
            seen.setdefault(b, []).append(i)
    return sorted(members.values(), key=lambda group: group[0].span)
