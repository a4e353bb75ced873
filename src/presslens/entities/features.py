"""Words of Ukrainian text and what the name tagger looks at in each.

The tagger (:mod:`presslens.entities.tagger`) reads sentences of words, each
described by string features: its spelling and shape (capitals carry most of
the signal), its endings (case and gender live there), and pymorphy3's reading
of it (part of speech, case, and the dictionary's own marks for first names,
surnames, patronymics, abbreviations and places), for the word and its
neighbours. Training (``presslens_training.entities``) and inference share this
module, so the two can never read a word differently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presslens.entities.morph import parses

# A word (letters with inner apostrophes or hyphens), a number, or one other character.
_TOKEN = re.compile(r"[^\W\d_]+(?:['’ʼ\-][^\W\d_]+)*|\d+(?:[.,]\d+)*|[^\w\s]", re.UNICODE)
_SENTENCE_END = frozenset({".", "!", "?", "…"})
_MARKS = ("Name", "Surn", "Patr", "Abbr", "Geox", "Orgn", "Fixd")
_QUOTES_OPEN = frozenset({"«", "„", '"', "“"})


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def sentences(text: str) -> list[list[Token]]:
    """Words of ``text`` in sentences: a line break or an end mark before a capital ends one."""
    out: list[list[Token]] = []
    current: list[Token] = []
    last_end = 0
    for match in _TOKEN.finditer(text):
        tok = Token(match.group(), match.start(), match.end())
        gap = text[last_end : tok.start]
        if current and (
            "\n" in gap
            or (
                current[-1].text in _SENTENCE_END
                and (tok.text[:1].isupper() or tok.text in _QUOTES_OPEN)
                and not _abbreviation(current)
            )
        ):
            out.append(current)
            current = []
        current.append(tok)
        last_end = tok.end
    if current:
        out.append(current)
    return out


def _abbreviation(current: list[Token]) -> bool:
    """Whether a period closes an initial or a short abbreviation ("В. Малюк", "вул.")."""
    if len(current) < 2 or current[-1].text != ".":
        return False
    word = current[-2].text
    return word.isalpha() and (len(word) == 1 or (word.islower() and len(word) <= 4))


def shape(word: str) -> str:
    """A word's shape: case pattern of its letters, digits as "d" ("Xx", "X", "x-Xx")."""
    out = []
    for c in word:
        s = "X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c
        if not out or out[-1] != s:
            out.append(s)
    return "".join(out)[:6]


def _morph(word: str, language: str) -> tuple[str, ...]:
    """Features from pymorphy3: first reading's POS, case, lemma and the name marks of any."""
    found = parses(word, language)
    if not found:
        return ()
    first = found[0]
    tag = first.tag
    feats = [f"pos={tag.POS}", f"case={tag.case}", f"lemma={first.normal_form}"]
    marks = {m for p in found[:4] for m in _MARKS if m in p.tag.grammemes}
    feats.extend(f"mark={m}" for m in sorted(marks))
    if not any(p.is_known for p in found[:1]):
        feats.append("unknown")
    return tuple(feats)


def _own(word: str, language: str) -> list[str]:
    low = word.lower()
    feats = [
        f"w={low}",
        f"shape={shape(word)}",
        f"s2={low[-2:]}",
        f"s3={low[-3:]}",
        f"s4={low[-4:]}",
        f"p3={low[:3]}",
    ]
    if word[:1].isupper():
        feats.append("cap")
    if word.isupper() and len(word) > 1:
        feats.append("upper")
    if word.isalpha():
        feats.extend(_morph(word, language))
    return feats


def _context(word: str, language: str) -> list[str]:
    """The shorter description a neighbour contributes."""
    low = word.lower()
    feats = [f"w={low}", f"shape={shape(word)}"]
    if word.isalpha():
        found = parses(word, language)
        if found:
            tag = found[0].tag
            feats.append(f"pos={tag.POS}|{tag.case}")
            feats.append(f"lemma={found[0].normal_form}")
            marks = {g for p in found[:4] for g in p.tag.grammemes}
            feats.extend(f"mark={m}" for m in _MARKS[:3] if m in marks)
    return feats


def sentence_features(words: list[str], language: str = "uk") -> list[list[str]]:
    """Feature strings of every word of one sentence."""
    own = [_own(w, language) for w in words]
    near = [_context(w, language) for w in words]
    out = []
    n = len(words)
    for i in range(n):
        feats = ["bias", *own[i]]
        if i == 0:
            feats.append("BOS")
        if i == n - 1:
            feats.append("EOS")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < n:
                feats.extend(f"{offset}:{f}" for f in near[j])
        if i > 0:
            feats.append(f"bi={words[i - 1].lower()}|{words[i].lower()}")
            if words[i - 1] in _QUOTES_OPEN:
                feats.append("after_quote")
        out.append(feats)
    return out


def natasha_labels(text: str, words: list[Token]) -> list[str]:
    """natasha's (Russian) NER label of every word, BIO ("B-LOC", "I-PER", "O").

    Its Russian models know many names Ukrainian shares (people, countries,
    organisations); the tagger learns how far to trust them on Ukrainian.
    """
    from presslens.entities.russian import _import_natasha, _models, available

    labels = ["O"] * len(words)
    if not available() or not words:
        return labels
    segmenter, ner, _, _ = _models()
    doc = _import_natasha().Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(ner)
    starts = [w.start for w in words]
    import bisect

    for span in doc.spans:
        i = bisect.bisect_left(starts, span.start)
        first = True
        while i < len(words) and words[i].start < span.stop:
            labels[i] = ("B-" if first else "I-") + span.type
            first = False
            i += 1
    return labels


def document_features(text: str, language: str = "uk") -> list[tuple[list[Token], list[list[str]]]]:
    """Every sentence of ``text`` with its words' features (natasha's labels among them)."""
    found = sentences(text)
    flat = [w for s in found for w in s]
    hints = iter(natasha_labels(text, flat))
    out = []
    for words in found:
        feats = sentence_features([w.text for w in words], language)
        previous = "BOS"
        for f in feats:
            hint = next(hints)
            f.append(f"nat={hint}")
            f.append(f"nat_prev={previous}|{hint}")
            previous = hint
        out.append((words, feats))
    return out
