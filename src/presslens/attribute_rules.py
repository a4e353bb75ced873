"""spaCy's attribute ruler as table lookups: the same token attributes at a fraction of the cost.

``en_core_web_sm``'s ``attribute_ruler`` maps fine-grained tags to POS and morphology
(and fixes a few lemmas) with 179 Matcher patterns. spaCy runs the whole Matcher over
every token and then writes each match through a ``Span``: about a tenth of the
model's time on news text, more than the tagger and the lemmatizer together. Its
patterns are all one or two tokens long and test a handful of token attributes, so
:class:`AttributeRules` evaluates them directly, caching which single-token rules fit
each (tag, lower, dep, is_space) combination, and writes through spaCy's own
``set_token_attrs`` in the ruler's order (later rules win, as in
``AttributeRuler.set_annotations``). The patterns are read from the loaded ruler, so
a different model's rules are used as they are; a pattern it cannot read (another
attribute or operator) leaves the original component in place
(:func:`install_attribute_rules`). ``tests/test_attribute_rules.py`` checks that
both give the same tokens.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

# Matcher attribute -> the Token attribute it reads.
_READ: dict[str, str] = {
    "TAG": "tag_",
    "LOWER": "lower_",
    "DEP": "dep_",
    "IS_SPACE": "is_space",
    "ORTH": "text",
    "POS": "pos_",
}
_KEY_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # what a single-token rule may test

Test = Callable[[Any], bool]


class UnsupportedPattern(ValueError):
    """A pattern outside what :class:`AttributeRules` evaluates."""


def _value_test(spec: Any) -> Callable[[Any], bool]:
    if not isinstance(spec, dict):
        return lambda value: value == spec
    if len(spec) != 1:
        raise UnsupportedPattern(f"operator {spec!r}")
    ((op, arg),) = spec.items()
    if op == "IN":
        members = frozenset(arg)
        return lambda value: value in members
    if op == "NOT_IN":
        excluded = frozenset(arg)
        return lambda value: value not in excluded
    if op == "REGEX":
        search = re.compile(arg).search
        return lambda value: bool(search(value))
    raise UnsupportedPattern(f"operator {op!r}")


def _token_test(spec: dict[str, Any]) -> tuple[tuple[str, ...], Callable[..., bool]]:
    """The attributes a one-token pattern reads and a test over their values."""
    if not spec or any(key not in _READ or key == "OP" for key in spec):
        raise UnsupportedPattern(f"token pattern {spec!r}")
    names = tuple(spec)
    tests = [_value_test(spec[name]) for name in names]

    def test(*values: Any) -> bool:
        return all(t(v) for t, v in zip(tests, values, strict=True))

    return names, test


class AttributeRules:
    """The rules of an ``AttributeRuler``, applied without the Matcher."""

    def __init__(self, ruler: Any, name: str | None = None):
        self.name = name or ruler.name
        self._attrs: list[dict[Any, Any]] = list(ruler.attrs)  # normalised by spaCy
        self._single: list[Any] = []  # (rule number, attributes read, test, pattern)
        self._multi: list[Any] = []  # (rule number, target index, steps, first token's pattern)
        for number, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                if isinstance(pattern, str) or not pattern:
                    raise UnsupportedPattern(f"pattern {pattern!r}")
                steps = [_token_test(spec) for spec in pattern]
                if len(steps) == 1:
                    if any(name not in _KEY_ATTRS for name in steps[0][0]):
                        raise UnsupportedPattern(f"token pattern {pattern!r}")
                    self._single.append((number, *steps[0], pattern[0]))
                else:
                    if any(name not in _KEY_ATTRS for name in steps[0][0]):
                        raise UnsupportedPattern(f"token pattern {pattern!r}")
                    self._multi.append((number, rule.get("index", 0), steps, pattern[0]))
        self._index()
        self._cache: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[int, ...]]] = {}
        from spacy.tokens._retokenize import set_token_attrs

        self._set = set_token_attrs

    def _index(self) -> None:
        """Index the rules (single ones and multi-token rules' first tokens) by the tag or
        lowercase word they require, so a token is tested against a few rules only."""
        entries = [
            (("s", i), names, test, spec) for i, (_, names, test, spec) in enumerate(self._single)
        ]
        entries += [
            (("m", k), steps[0][0], steps[0][1], first)
            for k, (_, _, steps, first) in enumerate(self._multi)
        ]
        self._by: dict[str, dict[str, list[Any]]] = {"TAG": {}, "LOWER": {}}
        self._unindexed: list[Any] = []
        for entry in entries:
            key, names, test, spec = entry
            for attr in ("TAG", "LOWER"):
                want = spec.get(attr)
                if isinstance(want, str):
                    self._by[attr].setdefault(want, []).append((key, names, test))
                    break
                if isinstance(want, dict) and set(want) == {"IN"}:
                    for value in want["IN"]:
                        self._by[attr].setdefault(value, []).append((key, names, test))
                    break
            else:
                self._unindexed.append((key, names, test))

    def _fitting(
        self, key: tuple[int, ...], strings: Any
    ) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """For a token's (tag, lower, dep, is_space) hashes: the single-token rules it
        fits, and the multi-token rules whose first token it fits."""
        found = self._cache.get(key)
        if found is None:
            tag, lower, dep, space = key
            values = {
                "TAG": strings[tag],
                "LOWER": strings[lower],
                "DEP": strings[dep],
                "IS_SPACE": bool(space),
            }
            candidates = [
                *self._by["TAG"].get(values["TAG"], ()),
                *self._by["LOWER"].get(values["LOWER"], ()),
                *self._unindexed,
            ]
            fits = {k for k, names, test in candidates if test(*(values[a] for a in names))}
            found = (
                tuple(sorted({self._single[i][0] for kind, i in fits if kind == "s"})),
                tuple(sorted(i for kind, i in fits if kind == "m")),
            )
            self._cache[key] = found
        return found

    def _rest_fits(self, doc: Any, start: int, steps: list[Any]) -> bool:
        if start + len(steps) > len(doc):
            return False
        return all(
            test(*(getattr(doc[start + k], _READ[name]) for name in names))
            for k, (names, test) in enumerate(steps)
            if k
        )

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        # Every rule is matched against the tokens as they were before any rule wrote
        # (spaCy matches first, then sets), so the matches are collected first.
        strings = doc.vocab.strings
        keys = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        found = [self._fitting(tuple(key), strings) for key in keys]
        extra: dict[int, list[int]] = {}
        for start, (_, firsts) in enumerate(found):
            for k in firsts:
                number, index, steps, _ = self._multi[k]
                if self._rest_fits(doc, start, steps):
                    target = start + (index if index >= 0 else len(steps) + index)
                    extra.setdefault(target, []).append(number)
        attrs, write = self._attrs, self._set
        for i, (numbers, _) in enumerate(found):
            if i in extra:
                numbers = tuple(sorted({*numbers, *extra[i]}))
            if numbers:
                token = doc[i]
                for number in numbers:
                    write(token, attrs[number])
        return doc

    def pipe(self, docs: Iterable[Any], batch_size: int = 128) -> Iterator[Any]:
        for doc in docs:
            yield self(doc)


_FACTORY = "presslens_attribute_rules"


def _make_rules(nlp: Any, name: str, source: str) -> AttributeRules:
    return AttributeRules(nlp.get_pipe(source), name)


def install_attribute_rules(nlp: Any) -> None:
    """Put :class:`AttributeRules` in place of each ``AttributeRuler`` of ``nlp`` whose
    patterns it can evaluate (spaCy's public pipe API: add, remove, rename)."""
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler

    if not Language.has_factory(_FACTORY):
        Language.factory(_FACTORY, default_config={"source": "attribute_ruler"})(_make_rules)
    for name, proc in list(nlp.pipeline):
        if not isinstance(proc, AttributeRuler):
            continue
        try:
            AttributeRules(proc)
        except UnsupportedPattern:
            continue
        temporary = f"{name}__rules"
        nlp.add_pipe(_FACTORY, name=temporary, after=name, config={"source": name})
        nlp.remove_pipe(name)
        nlp.rename_pipe(temporary, name)
