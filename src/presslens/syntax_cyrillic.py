"""A spaCy ``Doc`` for Russian and Ukrainian, built from razdel, slovnet and pymorphy3.

Why a spaCy ``Doc``: the quotes and sourcing stages read one syntax interface
(tokens, sentences, lemmas, POS, morphology, heads, relations) whatever the
language, so the parse for Russian and Ukrainian is poured into the same container
the English model fills. Character offsets equal ``Document.text``'s: the text is
cut into words (razdel) and the gaps between them become spaCy's trailing spaces
or whitespace tokens, so ``doc.text == text``.

Sentences: razdel splits each blank-line block, and a blank line always starts a
sentence (as :func:`presslens.stages.syntax.parse` forces for English): a headline never
shares a parse tree with the paragraph below it.

Tags and trees come from natasha's bundled slovnet models (``NewsMorphTagger``,
``NewsSyntaxParser``, trained on Russian news; Universal Dependencies labels).
Lemmas come from pymorphy3 with the document language's dictionary, choosing the
analysis that agrees with slovnet's POS and case. For Ukrainian, slovnet's Russian
tagger often misreads words it has no embedding for (measured in the README), so
where the Ukrainian dictionary knows a word and none of its analyses has slovnet's
part of speech, the dictionary's first analysis decides POS and features.
"""

from __future__ import annotations

import re
import threading
import warnings
from functools import lru_cache
from typing import Any

_lock = threading.Lock()
_BLANK = re.compile(r"\n[^\S\n]*\n\s*")

# pymorphy3 (OpenCorpora) part of speech -> Universal Dependencies POS.
_UPOS = {
    "NOUN": "NOUN",
    "ADJF": "ADJ",
    "ADJS": "ADJ",
    "COMP": "ADJ",
    "VERB": "VERB",
    "INFN": "VERB",
    "PRTF": "VERB",
    "PRTS": "VERB",
    "GRND": "VERB",
    "NUMR": "NUM",
    "ADVB": "ADV",
    "NPRO": "PRON",
    "PRED": "ADV",
    "PREP": "ADP",
    "CONJ": "CCONJ",
    "PRCL": "PART",
    "INTJ": "INTJ",
}
_CASES = {
    "nomn": "Nom",
    "gent": "Gen",
    "datv": "Dat",
    "accs": "Acc",
    "ablt": "Ins",
    "loct": "Loc",
    "voct": "Voc",
    "gen2": "Gen",
    "loc2": "Loc",
    "acc2": "Acc",
}
_GROUPS = {"PROPN": "NOUN", "AUX": "VERB", "DET": "PRON", "SCONJ": "CCONJ"}


@lru_cache(maxsize=1)
def _models() -> tuple[Any, Any]:
    """slovnet's morphology tagger and syntax parser over natasha's embeddings, loaded once."""
    with _lock, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="pkg_resources is deprecated")
        import natasha

        embedding = natasha.NewsEmbedding()
        return natasha.NewsMorphTagger(embedding), natasha.NewsSyntaxParser(embedding)


def morph_analyzer(language: str) -> Any:
    """pymorphy3's analyser with the language's dictionary (``ru`` or ``uk``): the one
    the entity readers load (:func:`presslens.entities.morph.analyzer`), not a second copy.
    Words are asked about through :func:`dictionary_parses`."""
    from presslens.entities.morph import analyzer

    return analyzer("uk" if language == "uk" else "ru")


def dictionary_parses(word: str, language: str) -> tuple[Any, ...]:
    """The dictionary's readings of ``word`` (``ru`` or ``uk``), its apostrophes spelled as
    the dictionaries spell them: the entity readers' cached parses
    (:func:`presslens.entities.morph.parses`)."""
    from presslens.entities.morph import parses

    return parses(word, "uk" if language == "uk" else "ru")


@lru_cache(maxsize=2)
def _vocab(language: str) -> Any:
    """spaCy's vocabulary for the language: its lexical attributes (``lower_``,
    ``is_punct``, ``like_num``) are what readers of the layer use."""
    import spacy

    return spacy.blank("uk" if language == "uk" else "ru").vocab


def sentences(text: str) -> list[list[tuple[int, int]]]:
    """Word spans of each sentence: razdel inside blank-line blocks."""
    from razdel import sentenize, tokenize

    out: list[list[tuple[int, int]]] = []
    start = 0
    blocks = []
    for m in _BLANK.finditer(text):
        blocks.append((start, m.start()))
        start = m.end()
    blocks.append((start, len(text)))
    for bs, be in blocks:
        block = text[bs:be]
        for sent in sentenize(block):
            words = [
                (bs + sent.start + t.start, bs + sent.start + t.stop)
                for t in tokenize(sent.text)
                if t.text.strip()
            ]
            words = _join_apostrophes(text, words)
            if words:
                out.append(words)
    return out


_APOSTROPHES = "'’ʼ"
_OPENERS = frozenset({"«", "„", "“", '"', "—", "–", "-", "("})


def _join_apostrophes(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One word for "прем'єр", "п’ятниці", "з'їзд" (razdel cuts at the apostrophe)."""
    out: list[tuple[int, int]] = []
    for s, e in words:
        if out and out[-1][1] == s and out[-1][1] > out[-1][0]:
            ps, pe = out[-1]
            piece, prev = text[s:e], text[ps:pe]
            glued = (prev[-1] in _APOSTROPHES and prev[:-1] and piece[0].isalpha()) or (
                piece in _APOSTROPHES and prev[-1].isalpha()
            )
            if glued or (prev[-1] in _APOSTROPHES and len(prev) == 1 and piece[0].isalpha()):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


def _upos_of(parse: Any) -> str:
    return _UPOS.get(str(parse.tag.POS), "X")


def _agrees(parse: Any, pos: str, feats: dict[str, str]) -> int:
    """How well a dictionary analysis agrees with the tagger (POS first, then case)."""
    score = 0
    if _GROUPS.get(pos, pos) == _GROUPS.get(_upos_of(parse), _upos_of(parse)):
        score += 4
    case = _CASES.get(str(parse.tag.case)) if parse.tag.case else None
    if case is not None and case == feats.get("Case"):
        score += 2
    if parse.tag.number and feats.get("Number", "").lower().startswith(str(parse.tag.number)[:4]):
        score += 1
    return score


def _analyse(
    word: str, pos: str, feats: dict[str, str], language: str, opening: bool = False
) -> tuple[str, str, dict[str, str]]:
    """(lemma, POS, features) for a word tagged ``pos``/``feats`` by slovnet.

    ``opening``: the word opens its sentence (or a quotation), where capitals say nothing.
    """
    if not any(c.isalpha() for c in word):
        return word, pos, feats
    parses = dictionary_parses(word, language)
    if not parses:
        return word.lower(), pos, feats
    known = any(p.is_known for p in parses)
    if not known and word.isupper() and len(word) > 1 and pos not in ("NOUN", "PROPN"):
        return word.lower(), "PROPN", {}  # 'Сумської ОВА': an abbreviation, no verb
    if language != "uk":
        best = max(parses, key=lambda p: _agrees(p, pos, feats))
        return best.normal_form, pos, feats
    # Ukrainian: slovnet's features come from a Russian model; the dictionary's analysis
    # with slovnet's part of speech (its most frequent one) gives lemma and features.
    low = word.lower()
    readings = {str(p.tag.POS) for p in parses if p.is_known}
    prep = "PREP" in readings and not readings & {"ADVB", "CONJ", "PRCL"}  # not 'раніше'
    if prep and (word[:1].islower() or (opening and not word.isupper())):
        return low, "ADP", {}  # 'під час', 'серед': the preposition, not the noun
    if low in _UK_ADVERBS or (
        any(_adverbial_pronoun(p) for p in parses)
        and not any(p.is_known and str(p.tag.POS) == "NPRO" and p.tag.case for p in parses)
    ):
        return low, "ADV", {}  # 'тепер', 'тоді', 'вже': no pronoun, no preposition
    if word[:1].islower():
        common = [p for p in parses if not _is_proper(p)]
        parses = common or parses  # 'вона' is the pronoun, not the surname 'Вон'
    elif (
        pos == "PROPN"
        and opening
        and known
        and not word.isupper()
        and not any(_is_proper(p) for p in parses if p.is_known)
    ):
        pos = _upos_of(parses[0])  # 'Економісти', 'Рішення': capitalised common words
    same = [p for p in parses if _agrees(p, pos, {}) >= 4]
    if same:
        best = same[0]
        if pos == "PROPN" and word[:1].islower() and best.is_known and not _is_proper(best):
            pos = "NOUN"  # 'в інтерв’ю телеканалу': a lowercase common noun, no name
    elif known and pos != "PROPN":
        best = parses[0]  # no analysis has slovnet's POS: trust the dictionary
        pos = _upos_of(best) if _upos_of(best) != "X" else pos
    else:
        return parses[0].normal_form, pos, feats
    lemma = best.normal_form
    if lemma == word.lower() and re.search(r"[ая]?вши(?:сь)?$", lemma) and len(lemma) > 5:
        # The dictionary lists past gerunds as their own lemma ("заявивши"): the verb's
        # infinitive is what cue lexicons name ("заявити").
        lemma = re.sub(r"вши(?:сь)?$", "ти", lemma)
        return lemma, "VERB", {"VerbForm": "Conv"}
    return lemma, pos, _features(best) if known else feats


_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
# Frequent Ukrainian adverbs and particles the dictionary lacks (the Russian-trained tagger
# reads 'вже' as a preposition).
_UK_ADVERBS = frozenset({"вже", "ще", "теж"})


def _adverbial_pronoun(parse: Any) -> bool:
    """A pronoun without case in the Ukrainian dictionary ('тепер', 'тоді', 'тут', 'де'):
    a pronominal adverb, an adverb in the parse (as Universal Dependencies tags it)."""
    return parse.is_known and str(parse.tag.POS) == "NPRO" and not parse.tag.case


def _is_proper(parse: Any) -> bool:
    return bool(_PROPER & set(parse.tag.grammemes))


def common_word(word: str, language: str) -> bool:
    """Whether the dictionary knows ``word`` only as a common word, never as a name
    ('Форточка', 'Сдался'; not 'Песков', which is also a surname, nor 'Шольц', which it
    does not know): a capital at the start of a headline says nothing."""
    known = [p for p in dictionary_parses(word, language) if p.is_known]
    return bool(known) and not any(_is_proper(p) for p in known)


def _features(parse: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    tag = parse.tag
    if tag.case and str(tag.case) in _CASES:
        out["Case"] = _CASES[str(tag.case)]
    if tag.number:
        out["Number"] = "Sing" if str(tag.number) == "sing" else "Plur"
    if tag.gender:
        out["Gender"] = {"masc": "Masc", "femn": "Fem", "neut": "Neut"}.get(str(tag.gender), "")
    if tag.person:
        out["Person"] = str(tag.person)[0]
    if str(tag.POS) == "GRND":
        out["VerbForm"] = "Conv"
    if str(tag.POS) == "INFN" or "infn" in tag.grammemes:
        out["VerbForm"] = "Inf"  # the Ukrainian dictionary files infinitives as VERB,infn
    if "impr" in tag.grammemes:
        out["Mood"] = "Imp"
    return {k: v for k, v in out.items() if v}


@lru_cache(maxsize=20000)
def cases(word: str, language: str) -> frozenset[str]:
    """Every case the dictionary allows for ``word`` (empty when it does not know the
    word, or the word does not decline: a guess from the word's ending is no evidence).
    A compound the dictionary lacks declines in its last part ('летчик-космонавт',
    'экс-нардеп'), so that part's cases are the compound's."""
    known = frozenset(
        _CASES[str(p.tag.case)]
        for p in dictionary_parses(word, language)
        if p.is_known and p.tag.case and str(p.tag.case) in _CASES
    )
    last = word.rsplit("-", 1)[-1]
    if known or last == word or not last:
        return known
    return cases(last, language)


@lru_cache(maxsize=20000)
def lemmas(word: str, language: str) -> frozenset[str]:
    """Every dictionary form the dictionary gives ``word`` ('банку': банк and банка),
    for a lexicon to be asked about each reading the parse did not choose."""
    parses = dictionary_parses(word, language)
    return frozenset(p.normal_form for p in parses if p.is_known)


def _tree(heads: list[int]) -> list[int]:
    """Heads made a tree: a word in a cycle hangs from the sentence's first root."""
    n = len(heads)
    roots = [i for i, h in enumerate(heads) if h == i]
    root = roots[0] if roots else 0
    heads = list(heads)
    heads[root] = root
    for i in range(n):
        seen = set()
        j = i
        while heads[j] != j and j not in seen:
            seen.add(j)
            j = heads[j]
        if j in seen:  # a cycle
            heads[i] = root
    return heads


def parse(text: str, language: str = "ru") -> Any:
    """A spaCy ``Doc`` over ``text`` (``doc.text == text``) with tags, lemmas and trees."""
    from spacy.tokens import Doc

    morph, syntax = _models()
    sents = sentences(text)
    chunk = [[text[s:e] for s, e in sent] for sent in sents]
    tagged = list(morph.map(chunk)) if chunk else []
    parsed = list(syntax.map(chunk)) if chunk else []
    words: list[str] = []
    spaces: list[bool] = []
    lemmas: list[str] = []
    pos: list[str] = []
    morphs: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    sent_starts: list[bool] = []
    cursor = 0

    def gap(upto: int) -> None:
        nonlocal cursor
        between = text[cursor:upto]
        if not between:
            return
        if between == " " and words:
            spaces[-1] = True
        else:
            if words and between.startswith(" "):
                spaces[-1] = True
                between = between[1:]
            # Whitespace token: hangs from the word before it (or after it at the start).
            words.append(between)
            spaces.append(False)
            lemmas.append(between)
            pos.append("SPACE")
            morphs.append("")
            heads.append(len(words) - 2 if len(words) > 1 else -1)
            deps.append("dep")
            sent_starts.append(False)
        cursor = upto

    for sent, mk, sx in zip(sents, tagged, parsed, strict=True):
        gap(sent[0][0])
        local = [int(t.head_id) - 1 if int(t.head_id) > 0 else k for k, t in enumerate(sx.tokens)]
        local = _tree(local)
        # Where each word of the sentence lands in the document: whitespace tokens (a line
        # break inside the sentence) stand between words, so a word's index is not
        # ``base + k``; heads are mapped once every word has its place.
        at: list[int] = []
        for k, ((s, e), mt, st) in enumerate(zip(sent, mk.tokens, sx.tokens, strict=True)):
            if k > 0:
                gap(s)
            at.append(len(words))
            word = text[s:e]
            opening = k == 0 or text[sent[k - 1][0] : sent[k - 1][1]] in _OPENERS
            lemma, upos, feats = _analyse(word, mt.pos, mt.feats, language, opening)
            words.append(word)
            spaces.append(False)
            lemmas.append(lemma)
            pos.append(upos)
            morphs.append("|".join(f"{a}={b}" for a, b in sorted(feats.items())))
            heads.append(local[k])
            deps.append("ROOT" if local[k] == k else st.rel)
            sent_starts.append(k == 0)
            cursor = e
        for i in at:
            heads[i] = at[heads[i]]
    gap(len(text))
    if heads and heads[0] == -1:  # leading whitespace: hang it from the first word
        heads[0] = 1 if len(heads) > 1 else 0
    for i, h in enumerate(heads):
        if h < 0:
            heads[i] = i
    doc = Doc(
        _vocab(language),
        words=words,
        spaces=spaces,
        lemmas=lemmas,
        pos=pos,
        morphs=morphs,
        heads=heads,
        deps=deps,
    )
    # Each sentence is its own tree, so spaCy's sentence starts are razdel's.
    doc.user_data["presslens_language"] = language
    return doc
