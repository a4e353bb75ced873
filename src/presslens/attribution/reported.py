"""Attributions in a text parsed into Universal Dependencies, read with a language's lexicon.

Why not the English extractor: spaCy's English parse and PolNeAR's conventions
shape :mod:`presslens.attribution.quotes`; Russian and Ukrainian news follow the
typographic conventions of their press (« » marks, the dash before the
attribution, the attribution inside the marks between two dashes) and mark
indirect speech with a complementiser (что/що) or a fixed phrase. So this
extractor reads the quotation's frame (the text around its marks) and the
sentence's tokens, lemmas, cases and tree; what differs between languages (cue
lemmas, complementisers, phrase cues, nominals) comes from a
:class:`~presslens.attribution.lexicon.Lexicon`. Output is the same
:class:`~presslens.attribution.found.Found` records the English path makes.

Layouts (X a speaker, Q a quotation, C a clause):
``«Q», — сказал X.``  ``«Q» — заявил X.``  ``«Q1, — отметил X, — Q2»``
``«Q1», — сказал X. — «Q2»``  ``X заявил: «Q»``  ``Как отметил X, «Q»``
``По словам X, «Q»``  ``«Q», — говорится в заявлении.``  ``«Q», — подчеркнули в пресс-бюро.``
multi-paragraph «Q (no closing mark) / «Q»; indirect: ``X заявил, что C``,
``C, — сообщил X.``, ``C, сообщили ТАСС в пресс-бюро ведомства`` (speaker the
press office, the addressee the route), ``По словам X, C``, ``Как сообщает X, C``,
``В заявлении говорится, что C``. A short quotation in running text with no
cue is not speech (a scare quote or a name: «массовые чистки», «Газпром»).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from presslens.anatomy.lines import inline_break
from presslens.attribution.found import Found, credited, inside, overlap
from presslens.attribution.headline import with_headline_reports
from presslens.attribution.lexicon import Lexicon, norm
from presslens.attribution.marks import QuotedSpan, find_quotes
from presslens.attribution.quotes import (
    SCARE_MAX_WORDS,
    _para_of,
    finish_events,
    regions,
)
from presslens.attribution.syntax_utils import tokens_in, trim
from presslens.document import QuoteKind, Span
from presslens.entities.cyrillic import CYRILLIC_LETTER

_DASHES = "—–-"
_SENT_END = re.compile(r"[.!?…]+(?=[\s»”“\"]|$)")
_MIN_CONTENT_WORDS = 3
_MIN_CLAUSE_WORDS = 2  # after a complementiser, or beside 'по словам X'
_NP_POS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "NUM", "PRON"})
_MAX_SPEAKER_WORDS = 8


# --- quotation marks -------------------------------------------------------------


def unnest(text: str) -> str:
    """A same-length copy where « » nested inside « » read as „ ” and „…“ as „…”.

    Why: Russian and Ukrainian style nests guillemets («… «…» …») and closes „ with
    “; the mark pairing of :mod:`presslens.attribution.marks` would restart at the
    inner opener, and reads “ before a comma as an opener. A name nested in a name
    often shares one closing mark ('ДП «НАЕК «Енергоатом» уклало'): an outer mark
    still open at the paragraph's end, whose few first words are followed by an inner
    quotation, closes with that quotation's mark.
    """
    out = list(text)
    stack: list[int] = []
    inner: dict[int, tuple[int, int]] = {}  # outer opener -> its first inner pair
    low_open = False

    def settle() -> None:
        for o in stack:
            if o in inner:
                q, r = inner[o]
                if len(text[o + 1 : q].split()) <= 3 and r - o < 80:
                    out[q] = "x"  # the inner opener is part of the name
                    out[r] = "»"
        stack.clear()
        inner.clear()

    for i, ch in enumerate(text):
        if ch == "\n" and i + 1 < len(text) and text[i + 1] == "\n":
            settle()  # a paragraph break ends any guillemet run
            low_open = False
        if ch == "„":
            low_open = True
        elif ch == "“" and low_open:
            out[i] = "”"  # „…“ closes with “, which English pairing reads as an opener
            low_open = False
        elif ch == "«":
            if stack:
                out[i] = "„"
            stack.append(i)
        elif ch == "»" and stack:
            o = stack.pop()
            if stack:
                out[i] = "”"
                inner.setdefault(stack[-1], (o, i))
    settle()
    return "".join(out)


# --- tokens and phrases ----------------------------------------------------------


def _words(toks: Sequence[Any]) -> list[Any]:
    return [t for t in toks if not (t.is_punct or t.is_space)]


def _lemma(tok: Any) -> str:
    return norm(tok.lemma_)


def _is_verb(tok: Any) -> bool:
    return tok.pos_ in ("VERB", "AUX")


def _case(tok: Any) -> str | None:
    values = tok.morph.get("Case")
    return values[0] if values else None


def _number(tok: Any) -> str | None:
    values = tok.morph.get("Number")
    return values[0] if values else None


def cue_kind(tok: Any, lex: Lexicon) -> str | None:
    """'speech', 'document' (говорится/йдеться), 'thought' or None for a token."""
    if tok.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):  # taggers misread some verb forms
        return None
    if _own_voice(tok):
        return None
    lemma = _lemma(tok)
    if tok.morph.get("Case") and (
        "Part" in tok.morph.get("VerbForm") or lemma.endswith(("ть", "ти", "ться", "тися"))
    ):
        return None  # a participle that describes ('подозреваемый в госизмене') reports nothing
    if lemma in lex.document_verbs:
        return "document"
    if lemma in lex.speech_verbs:
        return "speech"
    if lemma in lex.thought_verbs:
        return "thought"
    return None


def _own_voice(tok: Any) -> bool:
    """'Следует отметить, что', 'Можна припустити, що', 'Знай, що', 'Напомним, что',
    'Нагадаємо, що': an infinitive, an imperative or a 'we' with no subject word reports
    nobody's words; it is the outlet (or the speaker already quoted) going on."""
    if "Inf" in tok.morph.get("VerbForm") or "Imp" in tok.morph.get("Mood"):
        return True
    return (
        "1" in tok.morph.get("Person")
        and "Plur" in tok.morph.get("Number")
        and not any(c.dep_.startswith("nsubj") for c in tok.children)
    )


def _phrase(toks: list[Any], start: int, step: int) -> list[Any]:
    """A noun phrase from ``toks[start]``: going right (``step`` 1), its head with the
    adjectives before it, genitive dependents and names in apposition after it
    ("министр обороны Молдавии Иван Петров"), stopping at a word in another case
    ("ТАСС | в", "Интерфаксу | глава", "Петров | журналистам"); going left (-1), the
    run of noun-phrase words ending at ``toks[start]``."""
    out: list[Any] = []
    i = start
    head_case: str | None = None
    while 0 <= i < len(toks) and len(out) < _MAX_SPEAKER_WORDS:
        t = toks[i]
        if out and _line_between(out[-1], t):
            break  # 'журналісти\nLB': a phrase ends with its line (a post's signature)
        if step > 0 and out and t.text in NAME_OPENERS:
            name = _quoted_name(toks, i)
            if name:  # 'компании «Севергаз» Игорь Лапин': a quoted name inside the phrase
                out.extend(name)
                i += len(name)
                continue
        if step > 0 and t.text == "." and out and _is_initial(out[-1]):
            out.append(t)  # 'В. Путин': an initial's period inside the name
            i += step
            continue
        if step > 0 and head_case is not None and t.pos_ == "ADP":
            inner = _adjunct_before_name(toks, i, head_case)
            if inner:  # 'постпред Турции при ООН Ахмет Йылдыз': the title's own adjunct
                out.extend(toks[i : i + inner])
                i += inner
                continue
        if _latin_name_word(toks, i):
            out.append(t)  # 'газета The Wall Street Journal': a name in Latin script
            i += step
            continue
        if t.pos_ not in _NP_POS and not (t.text == "-" and out):
            break
        if step > 0 and head_case is not None:
            case = _case(t)
            # Taggers differ on which names are PROPN: a capital decides, so no name is special.
            name = t.pos_ == "PROPN" or t.text[:1].isupper()
            genitive = case == "Gen" or (
                (name or t.pos_ in ("NOUN", "ADJ")) and _case_possible(t, "Gen")
            )
            apposed = name and (case == head_case or _case_possible(t, head_case))
            # 'Ніку Русу', 'Аушра Петраускене': a capitalised word after a first name is
            # its surname, whatever case a dictionary guesses for a foreign name.
            surname = name and (_is_word_name(out[-1]) or (out[-1].text == "." and len(out) > 1))
            if not (genitive or apposed or surname or t.text == "-"):
                break
        elif step > 0 and t.pos_ in ("NOUN", "PROPN", "PRON"):
            head_case = _case(t) or "Nom"
        out.append(t)
        i += step
    return out if step > 0 else out[::-1]


def _line_between(a: Any, b: Any) -> bool:
    """Whether a line break separates tokens ``a`` and ``b`` (in either order); a break
    inside a sentence ('экс-нардеп \nИгорь Мосийчук', a post's link on its own line)
    separates nothing."""
    first, second = (a, b) if a.i < b.i else (b, a)
    text = first.doc.text
    return any(
        text[at] == "\n" and not inline_break(text, at)
        for at in range(first.idx + len(first.text), second.idx)
    )


def _adjunct_before_name(toks: list[Any], i: int, head_case: str) -> int:
    """How many words from ``toks[i]``, a preposition, make the adjunct of a title that a
    person's name in apposition follows ('посол Сербии в Москве Драган Илич', 'постпред
    при ООН Ахмет Йылдыз'): the preposition and up to three words, then a first name and
    a surname in the title's case. 0 where no name follows: 'министр Петров в Москве'."""
    for n in range(1, 4):
        if i + n + 1 >= len(toks):
            return 0
        obj = toks[i + 1 : i + n + 1]
        if any(w.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM") for w in obj):
            return 0
        first, last = toks[i + n + 1], toks[i + n + 2] if i + n + 2 < len(toks) else None
        if (
            last is not None
            and _is_word_name(first)
            and _is_word_name(last)
            and _case_possible(first, head_case)
        ):
            return n + 1
    return 0


NAME_OPENERS = frozenset('«„“"')
_NAME_CLOSERS = frozenset('»“”"')


def _quoted_name(toks: list[Any], i: int) -> list[Any]:
    """The marks and words of a short quoted name starting at ``toks[i]`` (up to 4 words)."""
    for j in range(i + 1, min(len(toks), i + 6)):
        if toks[j].text in _NAME_CLOSERS:
            inner = toks[i + 1 : j]
            if inner and inner[0].text[:1].isupper():
                return toks[i : j + 1]
            return []
    return []


_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ][A-Za-zÀ-ÖØ-öø-ɏ&.'’-]*")  # 'El País', 'Le Monde


def _latin_name_word(toks: list[Any], i: int) -> bool:
    """A word of a name in Latin script that the tagger calls foreign rather than a
    proper noun ('The Wall Street Journal', 'Bank of America'): capitalised, or
    between two such words."""
    t = toks[i]
    if t.pos_ != "X" or not _LATIN_WORD.fullmatch(t.text):
        return False
    if t.text[:1].isupper():
        return True
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    prev = toks[i - 1] if i > 0 else None
    return all(
        w is not None and _LATIN_WORD.fullmatch(w.text) and w.text[:1].isupper()
        for w in (prev, nxt)
    )


def _is_initial(tok: Any) -> bool:
    return len(tok.text) == 1 and tok.text.isupper()


def _is_word_name(tok: Any) -> bool:
    """A capitalised word that is not an acronym (a first name or surname)."""
    return tok.text[:1].isupper() and not tok.text.isupper() and tok.text.isalpha()


def _is_name_run(toks: list[Any]) -> bool:
    return bool(toks) and toks[-1].pos_ == "PROPN"


def _span(toks: Sequence[Any]) -> Span | None:
    if not toks:
        return None
    return (toks[0].idx, toks[-1].idx + len(toks[-1].text))


def _head(toks: Sequence[Any]) -> int | None:
    """The phrase's main word: its first noun, proper noun or pronoun."""
    for t in toks:
        if t.pos_ in ("NOUN", "PROPN", "PRON"):
            return t.i
    return toks[0].i if toks else None


def _agrees(verb: Any, noun: Any) -> bool:
    """A subject agrees in number with a finite verb (an indeclinable may be either)."""
    vn, nn = _number(verb), _number(noun)
    return vn is None or nn is None or vn == nn


class _Sentence:
    """The words of one sentence cut to one region, outside every quotation."""

    def __init__(self, sdoc: Any, span: Span, blocked: list[Span]):
        self.span = span
        self.tokens = [
            t
            for t in tokens_in(sdoc, span)
            if not t.is_space and not any(b[0] <= t.idx < b[1] for b in blocked)
        ]


# --- speakers around a cue --------------------------------------------------------


def speaker_of(
    cue: Any, frame: list[Any], lex: Lexicon, kind: str
) -> tuple[list[Any], int | None, int | None]:
    """Speaker words, head index and addressee index of a cue within ``frame`` tokens
    (:func:`_speaker_of`); where the speaker cites another ('Как передаёт CNN со ссылкой
    на неназванных чиновников', 'ТАСС із посиланням на пресслужбу'), the cited phrase
    is the speaker and the one who cites it the route (the addressee index), as in
    'сообщили ТАСС в пресс-службе'."""
    spk, head, addressee = _speaker_of(cue, frame, lex, kind)
    if spk and spk[-1] in frame:
        # 'Компанія «Укртранснафта» заявила': the name's words are a quotation's, left
        # out of the frame; the phrase goes on through its marks
        spk = [*spk, *_quoted_at(frame, frame.index(spk[-1]) + 1)]
    if _lemma(cue) in lex.quoting_verbs:
        quoted = _quoted_person(frame, cue, lex)
        if quoted and not any(t in quoted for t in spk):
            return quoted, _head(quoted), head  # 'цитирует министра агентство Bloomberg'
    for after in (spk[-1] if spk else None, cue):
        if after is None or after not in frame:
            continue
        j = frame.index(after) + 1
        if _quoted_at(frame, j):
            j += 2  # 'повідомляє «Інтерфакс-Україна» з посиланням на джерело'
        cited = _cited(frame, j, lex)
        if cited:
            return cited, _head(cited), head if spk else addressee
    return spk, head, addressee


def _quoted_person(frame: list[Any], cue: Any, lex: Lexicon) -> list[Any]:
    """The object of a verb of quoting ('цитирует министра'): who is quoted; or []."""
    k = frame.index(cue)
    j = _skip_adjuncts(frame, k + 1, lex)
    obj = _phrase(frame, j, 1)
    if not obj or obj[0].pos_ not in ("NOUN", "PROPN", "PRON"):
        return []
    first = obj[0]  # accusative, and not a nominative the dictionary also allows
    accusative = _case_possible(first, "Acc") and (
        not _case_possible(first, "Nom") or "Acc" in first.morph.get("Case")
    )
    return obj if accusative else []


def _cited(frame: list[Any], j: int, lex: Lexicon) -> list[Any]:
    """The phrase after the citing words at ``frame[j]`` ('со ссылкой на X'), or []."""
    for words in lex.citing:
        n = len(words)
        if tuple(t.lower_ for t in frame[j : j + n]) == words:
            return _phrase(frame, j + n, 1)
    return []


def _speaker_of(
    cue: Any, frame: list[Any], lex: Lexicon, kind: str
) -> tuple[list[Any], int | None, int | None]:
    """Speaker words, head index and addressee index of a cue within ``frame`` tokens.

    In order: the verb's subject in the parse, when it can be nominative and agrees
    with the verb; the nominative phrase opening the clause before the verb
    ("Источник в дипломатических кругах сообщил"); the nominative phrase after it
    ("сказал он", "заявил министр X"), a non-nominative phrase right after the verb
    being the addressee ("сообщили ТАСС", "повідомили Укрінформу": the route); the
    locative naming a body ("подчеркнули в пресс-бюро"). A document verb
    ("говорится в заявлении") has no speaker phrase: its body is linked later.
    """
    if cue not in frame:
        return [], None, None
    k = frame.index(cue)
    if kind == "document":
        owner = _document_owner(frame, lex)
        return owner, _head(owner), None
    subj = [
        c
        for c in cue.children
        if c.dep_.startswith("nsubj")
        and c in frame
        and _subject_like(c, cue)
        and _lemma(c) not in lex.as_words | lex.complementisers
    ]
    if subj and subj[0].i < cue.i:
        sub = [x.i for x in subj[0].subtree]
        # up to the first comma after the subject's last word: 'Посол Пьер Леви, в свою
        # очередь, заявил' ends at the name; a genitive the parse left beside it stays
        # ('Представники опозиції заявили')
        comma = next((t.i for t in frame[:k] if t.i > max(sub) and t.text == ","), None)
        phrase = _trim_phrase(
            [t for t in frame[:k] if t.i >= min(sub) and (comma is None or t.i < comma)]
        )
        phrase = _without_date(_without_adjunct(phrase), lex)
        place = _body_before_route(frame, phrase, cue, lex)
        if place:
            return place, _head(place), _head(phrase)
        if phrase:
            return phrase, _head(phrase), _addressee_after(frame, k, lex)
    opening = _without_adjunct(_opening_subject(frame, k, cue, lex))
    if opening:
        return opening, _head(opening), _addressee_after(frame, k, lex)
    place = _locative_before(frame, k, lex)
    if place:
        return place, _head(place), _addressee_after(frame, k, lex)
    route = _phrase(frame, k - 1, -1) if k else []
    place = _body_before_route(frame, route, cue, lex)
    if place:
        return place, _head(place), _head(route)
    if _is_gerund(cue):
        # 'X выступил против ..., заявив, что': the subject of the verb the gerund hangs on.
        finite = [t for t in frame[:k] if _is_verb(t) and not _is_gerund(t)]
        if finite:
            spk, head, _ = _speaker_of(finite[-1], frame[:k], lex, "speech")
            if spk:
                return spk, head, _addressee_after(frame, k, lex)
    addressee: int | None = None
    j = _skip_adjuncts(frame, k + 1, lex)
    quoted_name = _quoted_at(frame, j)
    quoted = quoted_name[1].i if quoted_name else None
    if quoted is not None:
        # 'сообщил «Интерфаксу» источник': a quoted name right after the verb is whom
        # it was told to (its words are a quotation's, left out of the frame)
        addressee = quoted
        j = _skip_adjuncts(frame, j + 2, lex)
    after = _phrase(frame, j, 1)
    if after and (
        not _subject_like(after[0], cue)
        or _route_before_place(frame, j, after, lex)
        or _route_before_subject(frame, j, after, cue)
        or _parsed_route(after, subj)
    ):
        addressee = _head(after) if _routed(after[0]) else None
        j = _skip_adjuncts(frame, j + len(after), lex)
        if _quoted_at(frame, j):
            # 'в интервью телеканалу «Мир» губернатор X': the channel's quoted name
            # belongs to the addressee (its words are a quotation's, left out of the frame)
            j = _skip_adjuncts(frame, j + 2, lex)
        after = _phrase(frame, j, 1)
    if after and _subject_like(after[0], cue):
        return _with_body(frame, j, after, lex), _head(after), addressee
    while j < len(frame) and frame[j].pos_ in ("ADV", "PART"):
        j += 1
    if j < len(frame) and _lemma(frame[j]) in lex.locative_preps:
        loc = _phrase(frame, j + 1, 1)
        if loc and any(_lemma(t) in lex.org_nouns or t.pos_ == "PROPN" for t in loc):
            # 'в пресс-службе «Газпрома»': with the body's quoted name
            loc = [*loc, *_quoted_at(frame, frame.index(loc[-1]) + 1)]
            return loc, _head(loc), addressee
    titled = _titled_name_after(frame, j)
    if titled:
        return titled, _head(titled), addressee
    if quoted_name and addressee == quoted and _number(cue) != "Plur":
        # 'C, повідомляє «Інтерфакс-Україна».': no speaker follows the quoted name, so
        # it is the one who reports (not whom it was told to, as in 'сообщил «Интерфаксу»
        # источник')
        return quoted_name, _head(quoted_name), None
    return [], None, addressee


def _body_before_route(frame: list[Any], phrase: list[Any], cue: Any, lex: Lexicon) -> list[Any]:
    """'В пресс-службе «Газпрома» РИА Новости сообщили': a locative body, then a name
    that can be whom it was told to (dative or undeclined) as the subject of a plural
    verb. The body speaks and the name is the route, as in the usual order 'сообщили
    РИА Новости в пресс-службе'; [] where the phrase is no such name."""
    if not phrase or "Plur" not in cue.morph.get("Number") or not _routed(phrase[0]):
        return []
    return _locative_before(frame, frame.index(phrase[0]), lex)


def _titled_name_after(frame: list[Any], j: int) -> list[Any]:
    """'заявил временно исполняющий обязанности главы региона Денис Пушилин': a title
    opening with a participle, which no noun phrase starts with, up to the person's
    name that ends the clause (a first name and a surname); [] otherwise."""
    run: list[Any] = []
    for t in frame[j : j + _MAX_SPEAKER_WORDS + 4]:
        if t.is_punct or "Fin" in t.morph.get("VerbForm") or (run and _line_between(run[-1], t)):
            break
        run.append(t)
    if len(run) < 3 or "Part" not in run[0].morph.get("VerbForm"):
        return []
    if not (_is_word_name(run[-1]) and _is_word_name(run[-2])):
        return []
    return run


def _with_body(frame: list[Any], j: int, phrase: list[Any], lex: Lexicon) -> list[Any]:
    """An unnamed source with the body it sits in ('источник в банке', 'джерело в
    банку'): one description, as before the verb ('Источник в правительстве сообщил');
    a time or place that speaks for no body stays out ('источник в понедельник')."""
    n = j + len(phrase)
    if not any(_lemma(t) in lex.anonymous_nouns for t in phrase) or n >= len(frame):
        return phrase
    if _lemma(frame[n]) not in lex.locative_preps:
        return phrase
    body = _phrase(frame, n + 1, 1)
    return [*phrase, frame[n], *body] if body and _names_body(body, lex) else phrase


def _names_body(phrase: list[Any], lex: Lexicon) -> bool:
    """A phrase that names a body in any of its words' dictionary readings ('банку' is
    банк as well as банка, whichever the parse chose)."""
    from presslens.syntax_cyrillic import lemmas

    return _speaking_body(phrase, lex) or any(
        norm(x) in lex.org_nouns for t in phrase for x in lemmas(t.lower_, _language(t))
    )


def _quoted_at(toks: list[Any], j: int) -> list[Any]:
    """A quoted name opening at ``toks[j]`` whose words the frame leaves out (only its
    marks are there): its tokens, marks included, read from the document; or []."""
    if j + 1 >= len(toks) or toks[j].text not in NAME_OPENERS:
        return []
    if toks[j + 1].text not in _NAME_CLOSERS or toks[j + 1].i - toks[j].i < 2:
        return []
    return list(toks[j].doc[toks[j].i : toks[j + 1].i + 1])


def _parsed_route(after: list[Any], subjects: list[Any]) -> bool:
    """'Как заявила ТАСС официальный представитель МИД': the parse reads the word after
    the verb as its indirect object and a later word as its subject (an acronym the
    dictionary declines as nominative is read either way by case alone)."""
    return (
        after[0].dep_ in ("iobj", "obl")
        and any(s.i > after[-1].i for s in subjects)
        and not any(s in after for s in subjects)
    )


def _skip_adjuncts(frame: list[Any], j: int, lex: Lexicon) -> int:
    """Past adverbs and prepositional phrases naming no body between a verb and its
    subject ('заявил в понедельник министр', 'сказал вчера журналистам он')."""
    for _ in range(3):
        start = j
        while j < len(frame) and frame[j].pos_ in ("ADV", "PART"):
            j += 1
        if j < len(frame) and frame[j].pos_ == "ADP":
            phrase = _phrase(frame, j + 1, 1)
            if not phrase or _speaking_body(phrase, lex):
                return start if j == start else j
            j += 1 + len(phrase)
        if j == start:
            break
    return j


def _route_before_subject(frame: list[Any], j: int, after: list[Any], cue: Any) -> bool:
    """'рассказал РИА Новости губернатор X': an undeclined name, then a noun the
    dictionary reads as nominative: the name is the addressee, the noun the speaker."""
    from presslens.syntax_cyrillic import cases

    first = after[0]
    if len(cases(first.text, _language(first)) | cases(first.text.lower(), _language(first))) < 6:
        return False  # the dictionary declines it (not every case): its case already decided
    rest = _phrase(frame, j + len(after), 1)
    if not rest or not rest[0].text[:1].islower():
        return False
    known = cases(rest[0].text.lower(), _language(rest[0]))
    return "Nom" in known and _subject_like(rest[0], cue)


def _route_before_place(frame: list[Any], j: int, after: list[Any], lex: Lexicon) -> bool:
    """'повідомили ЧТК у пресслужбі уряду': an undeclined name between the verb and a
    locative body is whom it was told to, the body the speaker."""
    n = j + len(after)
    if not (after[0].pos_ == "PROPN" and after[0].text.isupper()) or n + 1 >= len(frame):
        return False
    if _lemma(frame[n]) not in lex.locative_preps:
        return False
    verb_number = frame[j - 1].morph.get("Number") if j > 0 else []
    return _speaking_body(_phrase(frame, n + 1, 1), lex) and "Sing" not in verb_number


def _is_gerund(tok: Any) -> bool:
    return "Conv" in tok.morph.get("VerbForm")


def _speaking_body(phrase: list[Any], lex: Lexicon) -> bool:
    """A locative that can speak: a body, a name, or the circles of anonymous sources;
    not a medium, whoever's name follows ('в интервью телеканалу', 'в ефірі радіо')."""
    head = next((t for t in phrase if t.pos_ in ("NOUN", "PROPN")), None)
    if head is not None and _lemma(head) in lex.medium_nouns | lex.document_nouns:
        return False  # 'в своём Telegram-канале': where it was written, not who wrote it
    # a name by its capital, whatever the tagger calls it ('в Белом доме': ADJ and NOUN)
    return any(
        _lemma(t) in lex.org_nouns | lex.anonymous_nouns
        or t.pos_ == "PROPN"
        or (t.text[:1].isupper() and t.i != t.sent.start)
        for t in phrase
    )


def _locative_before(frame: list[Any], k: int, lex: Lexicon) -> list[Any]:
    """'В ведомстве отметили', 'В дипломатических кругах считают': the place that speaks."""
    j = k - 1
    while j >= 0 and frame[j].pos_ in ("ADV", "PART"):
        j -= 1
    if j < 0:
        return []
    end = j
    if frame[j].text == "»":
        # 'В «Газпроме» сообщили', 'У «Нафтогазі» повідомили': the quoted name is the body
        # (its words are a quotation's, left out of the frame; the marks span them)
        o = next((i for i in range(j - 1, -1, -1) if frame[i].text == "«"), None)
        if o is None or o == 0:
            return []
        if _lemma(frame[o - 1]) in lex.locative_preps:
            return frame[o : j + 1]
        j = o - 1  # 'В пресс-службе «Газпрома»': the body's noun, the quoted name its own
    run = _phrase(frame, j, -1)
    if not run:
        return []
    p = frame.index(run[0]) - 1
    if p < 0 or _lemma(frame[p]) not in lex.locative_preps:
        return []
    return frame[p + 1 : end + 1] if _speaking_body(run, lex) else []


def _document_owner(frame: list[Any], lex: Lexicon) -> list[Any]:
    """'говорится в заявлении МИД Сербии': the body a document belongs to, if named."""
    for n, t in enumerate(frame):
        if _lemma(t) in lex.document_nouns:
            owner = _phrase(frame, n + 1, 1)
            if owner and _case_possible(owner[0], "Gen"):
                return owner
    return []


def _language(tok: Any) -> str:
    return str(tok.doc.user_data.get("presslens_language", "ru"))


def _case_possible(tok: Any, case: str) -> bool:
    """Whether the dictionary allows ``case`` for the word (indeclinables allow all)."""
    from presslens.syntax_cyrillic import cases

    allowed = cases(tok.text, _language(tok)) | cases(tok.text.lower(), _language(tok))
    return not allowed or case in allowed


def _subject_like(tok: Any, verb: Any) -> bool:
    """A word that can be the verb's subject: nominative-possible and agreeing in number."""
    if tok.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ", "NUM"):
        return False
    return _case_possible(tok, "Nom") and _agrees(verb, tok)


def _without_adjunct(phrase: list[Any]) -> list[Any]:
    """A named speaker without the circumstance between the name and the verb ('Сергій
    Никифоров в інтерв'ю телеканалу «Рада» зазначив': the speaker ends at the name, or the
    channel's name inside the adjunct was linked as the speaker). After a common noun a
    prepositional phrase stays: 'Источник в дипломатических кругах' is one description."""
    for j in range(1, len(phrase)):
        if phrase[j].pos_ == "ADP" and phrase[j - 1].pos_ == "PROPN":
            return phrase[:j]
    return phrase


def _without_date(phrase: list[Any], lex: Lexicon) -> list[Any]:
    """A speaker phrase without the date the parse hung on it ('(У) грудні минулого року
    прокурор області повідомив': the speaker starts at 'прокурор')."""
    if not any(_lemma(t) in lex.calendar for t in phrase[:2]):
        return phrase
    for j, t in enumerate(phrase):
        noun = j and t.pos_ in ("NOUN", "PROPN") and _lemma(t) not in lex.calendar
        if noun and _case_possible(t, "Nom") and not _case_possible(t, "Gen"):
            return phrase[j:]
    return []


def _opening_subject(frame: list[Any], k: int, cue: Any, lex: Lexicon) -> list[Any]:
    """'Источник в дипломатических кругах сообщил ...': the clause opens with the subject."""
    start = _segment_start(frame, k)
    end = k
    if start > 1 and frame[start - 1].text == "»":
        # a quoted name inside a circumstance ('Никифоров в інтерв'ю телеканалу «Рада»
        # зазначив'): the phrase goes on before it, and the circumstance is cut off
        opening = next((j for j in range(start - 2, -1, -1) if frame[j].text == "«"), None)
        if opening is not None:
            first = _segment_start(frame, opening)
            cut = _without_adjunct(frame[first:k])
            if len(cut) < k - first and not any(t.text in "«»" for t in cut):
                start, end = first, first + len(cut)
            elif first < opening and not any(_is_verb(t) for t in frame[first:opening]):
                start, end = first, k  # 'Представник «Нафтогазу» сказав': the name's own
    if start == k:
        # 'Джерело, близьке до переговорів, повідомило': a modifier set off by commas
        # right before the verb belongs to the noun before it (the Ukrainian parse hangs
        # the verb on the modifier)
        start, end = _subject_before_modifier(frame, k, cue, lex)
    before = frame[start:end]
    while before and before[0].pos_ in ("ADV", "PART", "CCONJ"):
        before = before[1:]  # 'Раніше глава МЗС Петер Сійярто пригрозив'
    if before and before[0].pos_ == "ADP":
        before = _without_date(before, lex)  # 'У грудні минулого року прокурор повідомив'
    if before and before[0].pos_ == "ADP":
        before = _after_adjunct(before, cue)
    if not before or len(before) > _MAX_SPEAKER_WORDS + 2:
        return []
    first = before[0]
    if first.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ") or not _subject_like(first, cue):
        return []
    if _lemma(first) in lex.as_words | lex.complementisers or first.lower_ in lex.as_words:
        return []  # 'Как/Як заявил ...': a conjunction the dictionary also reads as a noun
    # a verb inside the modifier after the noun is the modifier's ('який побажав ...')
    noun_part = before[: next((n for n, t in enumerate(before) if t.text == ","), len(before))]
    if any(_is_verb(t) for t in noun_part) or any(_lemma(t) in lex.calendar for t in before):
        return []  # a date is no speaker: 'в четверг, 26 октября сообщили в службах'
    return _trim_phrase(before)


def _segment_start(frame: list[Any], end: int) -> int:
    """Where the run of words ending before ``frame[end]`` begins after a punctuation mark."""
    start = end
    while start > 0 and frame[start - 1].text not in _SEGMENT_MARKS:
        start -= 1
    return start


_SEGMENT_MARKS = frozenset([",", "—", "–", ":", ";", "«", "»"])


def _subject_before_modifier(frame: list[Any], k: int, cue: Any, lex: Lexicon) -> tuple[int, int]:
    """The noun phrase before a comma-bounded segment right before the verb at
    ``frame[k]``: with that segment when it modifies the noun ('Источник, близкий к
    переговорам, сообщил'), without it when it is a parenthesis naming no subject
    ('Міністр фінансів Сергій Марченко, своєю чергою, наголосив'); their bounds, or
    ``(k, k)``."""
    if k < 4 or frame[k - 1].text != ",":
        return k, k
    segment = _segment_start(frame, k - 1)
    if segment < 2 or segment == k - 1 or frame[segment - 1].text != ",":
        return k, k
    opener = frame[segment]
    # 'Источник, близкий к переговорам,', 'Представник Пентагону, який побажав ...,':
    # an adjective, a participle or a relative clause after the noun
    modifier = (
        opener.pos_ == "ADJ"
        or "Part" in opener.morph.get("VerbForm")
        or _lemma(opener) in lex.relatives
    )
    aside = not any(
        t.pos_ in ("NOUN", "PROPN", "PRON") and _subject_like(t, cue)
        for t in frame[segment : k - 1]
    )
    if not (modifier or aside):
        return k, k
    noun = _segment_start(frame, segment - 1)
    if noun == segment - 1 or frame[noun].pos_ not in ("NOUN", "PROPN"):
        return k, k
    return noun, (k - 1 if modifier else segment - 1)


def _after_adjunct(before: list[Any], cue: Any) -> list[Any]:
    """The subject after a clause-opening adjunct ('На запитання про відставку уряду
    речник президента Сергій Никифоров відповів'): from the first word after the
    adjunct's last preposition that can be the verb's subject. A parse that reads the
    subject as part of the adjunct (the Ukrainian model does here) is not needed."""
    last_prep = max(n for n, t in enumerate(before) if t.pos_ == "ADP")
    for n in range(last_prep + 1, len(before)):
        t = before[n]
        # not a word the adjunct's genitive can be ('У Повітряних силах ЗСУ повідомили':
        # the undeclined acronym belongs to the body the locative names)
        if (
            t.pos_ in ("NOUN", "PROPN", "PRON")
            and _subject_like(t, cue)
            and not _case_possible(t, "Gen")
        ):
            if t.pos_ == "NOUN" and n > 0 and before[n - 1].pos_ == "ADJ":
                n -= 1  # its adjective ('официальный представитель')
            rest = before[n:]
            return rest if all(w.pos_ in _NP_POS or w.text in ".-" for w in rest) else []
    return []


def _addressee_after(frame: list[Any], k: int, lex: Lexicon) -> int | None:
    """The dative phrase right after a verb whose subject came before ("сообщил ТАСС")."""
    after = _phrase(frame, k + 1, 1)
    if after and after[0].pos_ == "PROPN" and _routed(after[0]):
        return after[0].i
    return None


def _routed(tok: Any) -> bool:
    """A word after a verb of saying that can name whom it was said to (dative, or a
    proper name or acronym the dictionary does not decline)."""
    return _case_possible(tok, "Dat") or (tok.pos_ == "PROPN" and tok.text.isupper())


def _contiguous_before(toks: list[Any], cue: Any) -> list[Any]:
    """The run of words that ends right before the cue (a subject can be long)."""
    out: list[Any] = []
    for t in reversed(toks):
        if out and out[0].i - t.i > 1:
            break
        out.insert(0, t)
    return out


def _trim_phrase(toks: list[Any]) -> list[Any]:
    breaks = [n for n in range(1, len(toks)) if _line_between(toks[n - 1], toks[n])]
    if breaks:
        toks = toks[breaks[-1] :]  # 'психологи\nЭксперты заявили': the verb's own line
    while toks and (toks[0].is_punct or toks[0].pos_ in ("CCONJ", "SCONJ", "ADV")):
        toks = toks[1:]
    while toks and (
        toks[-1].is_punct
        or toks[-1].pos_ in ("CCONJ", "ADV", "PART")
        or (len(toks) > 1 and toks[-1].pos_ == "PRON" and not _case_possible(toks[-1], "Nom"))
    ):
        # 'Экономист Наталья Орлова не (исключила)': the verb's negation; 'они ему
        # (объяснили)': whom it was said to
        toks = toks[:-1]
    return toks[-_MAX_SPEAKER_WORDS - 4 :]


# --- direct quotations ---------------------------------------------------------------


def _ends(text: str, start: int, end: int) -> list[int]:
    """Sentence ends in ``text[start:end]``, past abbreviations and initials."""
    return [
        m.end() for m in _SENT_END.finditer(text, start, end) if not _abbreviation(text, m.start())
    ]


def _sentence_end(text: str, start: int, ceil: int) -> int:
    ends = _ends(text, start, ceil)
    return ends[0] if ends else ceil


def _sentence_start(text: str, floor: int, end: int) -> int:
    ends = [e for e in _ends(text, floor, end) if e < end]
    return ends[-1] if ends else floor


_RIGHT_DASH = re.compile(r"\s*[,!?…]?\s*[—–-]\s*")
# A lookahead, so that every dash is tried ('«Айн Рэнд – одна из ..., – рассказывает X. –
# ...»': the first dash belongs to the quotation).
_INNER = re.compile(r"(?=(?P<all>,?\s*[—–]\s+(?P<attr>[^«»„“”—–]{2,160}?)[,.:]\s*[—–]\s+))")


class _Frames:
    """Finds the cue of each quotation in the text around (and inside) its marks."""

    def __init__(self, text: str, sdoc: Any, lex: Lexicon, quotes: list[QuotedSpan]):
        self.text = text
        self.sdoc = sdoc
        self.lex = lex
        self.blocked = [q.span for q in quotes]

    def toks(self, span: Span) -> list[Any]:
        return [
            t
            for t in tokens_in(self.sdoc, span)
            if not t.is_space and not any(b[0] <= t.idx < b[1] for b in self.blocked)
        ]

    def cue_in(self, toks: list[Any], last: bool = False) -> Any:
        cues = [t for t in toks if cue_kind(t, self.lex) in ("speech", "document", "thought")]
        if not cues:
            return None
        return cues[-1] if last else cues[0]

    def found(self, kind: str, parts: tuple[Span, ...], cue: Any, frame: list[Any]) -> Found:
        ck = cue_kind(cue, self.lex) or "speech"
        spk, head, addr = speaker_of(cue, frame, self.lex, ck)
        span = (parts[0][0], parts[-1][1])
        cue_span = (cue.idx, cue.idx + len(cue.text))
        return Found(kind, span, parts, cue_span, _span(spk), head, addr, cue.i)

    def inner(self, q: QuotedSpan) -> Found | None:
        """«Q1, — отметил X, — Q2»: the attribution between two dashes inside the marks."""
        s, e = q.span
        for m in _INNER.finditer(self.text, s, e):
            attr = (m.start("attr"), m.end("attr"))
            toks = [t for t in tokens_in(self.sdoc, attr) if not t.is_space]
            cue = self.cue_in(toks)
            if cue is None or m.end("all") >= e:
                continue
            first = trim(self.text, (s, m.start()))
            second = trim(self.text, (m.end("all"), e))
            if first is None or second is None:
                continue
            f = self.found("direct", (first, second), cue, toks)
            return f.with_(span=(first[0], second[1]))
        return None

    def right(self, q: QuotedSpan, ceil: int) -> tuple[Found, int] | None:
        """«Q», — сказал X. / «Q» — заявил X. / «Q», — говорится в заявлении."""
        m = _RIGHT_DASH.match(self.text, q.outer[1], ceil)
        if m is None or m.end() == q.outer[1]:
            return None
        if not any(c in _DASHES for c in m.group(0)):
            return None
        end = _sentence_end(self.text, m.end(), ceil)
        frame = self.toks((m.end(), end))
        if not frame:
            return None
        cue = self.cue_in(frame[:6])
        if cue is None:
            # «Q» — Иван Петров. : the dash alone cues a name.
            names = _phrase(frame, 0, 1)
            if names and len(names) == len(_words(frame)) and any(t.pos_ == "PROPN" for t in names):
                dash = self.text.index(m.group(0).strip()[-1], m.start())
                f = Found(
                    "direct",
                    q.span,
                    q.parts or (q.span,),
                    (dash, dash + 1),
                    _span(names),
                    _head(names),
                )
                return f, end
            return None
        return self.found("direct", q.parts or (q.span,), cue, frame), end

    def left(self, q: QuotedSpan, floor: int) -> Found | None:
        """X заявил: «Q» / Как отметил X, «Q» / По словам X, «Q» / X: «Q»."""
        start = _sentence_start(self.text, floor, q.outer[0])
        before = self.text[start : q.outer[0]].rstrip()
        frame = self.toks((start, q.outer[0]))
        if before and frame and _lemma(frame[-1]) in self.lex.complementisers:
            # 'X подчеркнул, что «…»': reported syntax around quoted words (mixed).
            cue = self.cue_in(frame[:-1], last=True)
            if cue is not None:
                return self.found("mixed", q.parts or (q.span,), cue, frame[:-1])
        if not before or before[-1] not in ":,":
            return None
        if not frame:
            return None
        according = _according_at(frame, self.lex)
        if according is not None:
            prep, noun = according
            spk = _according_speaker(frame, prep, noun)
            if not spk and _lemma(noun) in self.lex.data_nouns:
                return None
            cue_span = (prep.idx, noun.idx + len(noun.text))
            return Found(
                "direct",
                q.span,
                q.parts or (q.span,),
                cue_span,
                _span(spk),
                _head(spk),
                None,
                noun.i,
            )
        cue = self.cue_in(frame, last=True)
        if cue is not None:
            return self.found("direct", q.parts or (q.span,), cue, frame)
        if before.endswith(":") and len(_words(frame)) <= 6:
            names = _phrase(frame, len(frame) - 2, -1) if len(frame) > 1 else []
            if names:
                colon = start + len(before) - 1
                return Found(
                    "direct",
                    q.span,
                    q.parts or (q.span,),
                    (colon, colon + 1),
                    _span(names),
                    _head(names),
                )
        return None


def _according_at(toks: list[Any], lex: Lexicon) -> tuple[Any, Any] | None:
    """'по словам', 'за словами', also with a possessive between ('по его словам')."""
    for n, (a, b) in enumerate(pairwise(toks)):
        if (a.lower_, _lemma(b)) in lex.according:
            return a, b
        c = toks[n + 2] if n + 2 < len(toks) else None
        if c is None or (a.lower_, _lemma(c)) not in lex.according:
            continue
        if b.pos_ in ("PRON", "DET") and _lemma(c) not in lex.data_nouns:
            return a, c  # 'по его словам' ('по нашим данным': the outlet's own)
        if b.pos_ in ("ADP", "ADJ"):
            return a, c  # 'згідно з доповіддю', 'по предварительным данным Минздрава'
    return None


def _according_speaker(toks: list[Any], prep: Any, noun: Any) -> list[Any]:
    """The genitive after 'по словам', or the possessive inside 'по его словам'; a
    quoted name after the genitive goes with it ('за словами співрозмовника «Економічної
    правди»')."""
    k = toks.index(noun)
    if toks[k - 1].i != prep.i and toks[k - 1].pos_ in ("PRON", "DET"):
        return [toks[k - 1]]
    phrase = _phrase(toks, k + 1, 1)
    after = k + 1 + len(phrase)
    quoted = _quoted_at(toks, after) if phrase else []
    if quoted:
        # 'директора «Національного туристичного офісу» Олега Литвяка': the name after it
        name = _phrase(toks, after + 2, 1)
        named = bool(name) and _is_word_name(name[0]) and not _line_between(quoted[-1], name[0])
        phrase = [*phrase, *quoted, *(name if named else [])]
    return phrase


def _source_modifier(text: str, toks: list[Any], last: Any, end: int) -> list[Any]:
    """The words that place a source, up to the comma after it ('по словам источника |в
    отрасли|, C', 'за словами джерела |в уряді|, C'): no verb among them, a few words,
    and a clause after the comma; [] where there are none."""
    comma = text.find(",", last.idx + len(last.text), end)
    if comma < 0 or not _long_enough(text, _content(text, comma + 1, end)):
        return []
    between = [t for t in toks if last.i < t.i and t.idx < comma]
    if not between or len(between) > _MAX_SPEAKER_WORDS or between[0].pos_ != "ADP":
        return []
    if any(_is_verb(t) or t.is_punct for t in between):
        return []
    return between


def _past_modifier(text: str, toks: list[Any], start: int, end: int, lex: Lexicon) -> int:
    """Where the words after a source phrase begin once a participle or relative clause
    set off by commas is passed ('Согласно докладу ООН, опубликованному в понедельник,
    C': C begins after it); ``start`` where there is none."""
    if not text[start:end].lstrip().startswith(","):
        return start
    first = next((t for t in toks if t.idx > start and t.is_alpha), None)
    if first is None or not (
        first.pos_ == "ADJ"
        or "Part" in first.morph.get("VerbForm")
        or _lemma(first) in lex.relatives
    ):
        return start
    comma = text.find(",", first.idx, end)
    if comma < 0 or not _long_enough(text, _content(text, comma + 1, end)):
        return start
    return comma + 1


def _embedded(text: str, q: QuotedSpan, para: Span) -> bool:
    """A short quotation inside running text: a label or a name, not speech."""
    if len(text[q.span[0] : q.span[1]].split()) > SCARE_MAX_WORDS:
        return False
    before = text[para[0] : q.outer[0]].rstrip()
    after = text[q.outer[1] : para[1]].lstrip()
    return (bool(before) and before[-1] not in ".!?:") or (
        bool(after)
        and (after[0].islower() or after[0] in ",.;)")
        and not _RIGHT_DASH.match(text, q.outer[1])
    )


def find_direct(
    text: str,
    sdoc: Any,
    lex: Lexicon,
    quotes: list[QuotedSpan],
    paras: list[Span],
    names: set[Span] | frozenset[Span] = frozenset(),
) -> list[Found]:
    """Quotations in marks and who said them; the quoted ``names`` (their spans) are
    names, not words anyone said."""
    frames = _Frames(text, sdoc, lex, quotes)
    out: list[Found] = []
    skip: set[int] = set()
    for i, q in enumerate(quotes):
        if i in skip or q.span in names:
            continue
        para = _para_of(paras, q.outer[0])
        last_para = _para_of(paras, q.outer[1] - 1)
        nxt = quotes[i + 1] if i + 1 < len(quotes) else None
        ceil = min(last_para[1] or len(text), nxt.outer[0] if nxt is not None else len(text))
        floor = max(para[0], quotes[i - 1].outer[1] if i > 0 else 0)
        inner = frames.inner(q)
        if inner is not None:
            out.append(inner)
            continue
        right = frames.right(q, max(ceil, q.outer[1]))
        if right is not None:
            f, end = right
            # «Q1», — сказал X. — «Q2» / «Q1», — сказал X, — «Q2»: one event.
            if nxt is not None and nxt.outer[0] < (last_para[1] or len(text)):
                gap = text[end : nxt.outer[0]] if nxt.outer[0] >= end else "x"
                between = text[q.outer[1] : nxt.outer[0]]
                if (not gap.strip(" —–-") and len(between) < 160) and not frames.right(
                    nxt, len(text)
                ):
                    parts = (*f.parts, *(nxt.parts or (nxt.span,)))
                    f = f.with_(parts=parts, span=(f.span[0], nxt.span[1]))
                    skip.add(i + 1)
            out.append(f)
            continue
        left = frames.left(q, floor)
        if left is None and q.outer[0] == para[0]:
            prev = [p for p in paras if p[1] <= para[0]]
            if prev and text[prev[-1][0] : prev[-1][1]].rstrip().endswith(":"):
                left = _colon_paragraph(frames, q, prev[-1])
        if left is not None:
            out.append(left)
            continue
        if _embedded(text, q, para):
            continue
        if len(text[q.span[0] : q.span[1]].split()) > SCARE_MAX_WORDS:
            out.append(Found("direct", q.span, q.parts or (q.span,), None))
    return out


_NAME_WORD = re.compile(r"[^\W_]+(?:['’ʼ.&-][^\W_]+)*")


def quoted_name_only(text: str, span: Span, lex: Lexicon) -> bool:
    """Whether the words in marks at ``span`` are a name ('ТОВ «Житлобуд ЛТД»',
    '«Укртранснафта»', '«Sofia»'): up to four words with no sentence end, after a
    company's form or a body's noun ('ПАТ «Українська залізниця»'), or each capitalised,
    a number or Latin; one Cyrillic word alone only where the dictionary knows it as no
    common word ('«Нет», — ответил он' is speech). Russian and Ukrainian put the
    names of companies, papers and albums in the same marks as speech."""
    inner = text[span[0] : span[1]].strip()
    words = _NAME_WORD.findall(inner)
    if not words or len(words) > 4 or inner[-1:] in ".!?…":
        return False
    if _after_body(text, span, lex):
        return True  # 'ПАТ «Українська залізниця»', 'ТОВ «Деміург»'
    if not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return False
    if len(words) > 1 or not CYRILLIC_LETTER.search(words[0]):
        return True
    from presslens.syntax_cyrillic import dictionary_parses

    found = dictionary_parses(words[0].lower(), lex.language)
    return not any(
        p.is_known and not ({"Name", "Surn", "Geox", "Orgn", "Trad"} & set(p.tag.grammemes))
        for p in found
    )


_WORD_BEFORE_MARK = re.compile(r"([^\W\d_]+)\s*[«„\"]\s*$")


def _after_body(text: str, span: Span, lex: Lexicon) -> bool:
    """A quotation right after a company's form or a body's noun ('ТОВ «Деміург»',
    'компанія «Деміург»'): the name of that body, whatever else the word can mean."""
    from presslens.syntax_cyrillic import lemmas

    m = _WORD_BEFORE_MARK.search(text, max(0, span[0] - 40), span[0])
    if m is None:
        return False
    word = m.group(1)
    if word.isupper() and len(word) > 1:
        return True  # ТОВ, ПАТ, ООО, ДП
    return bool(lemmas(word.lower(), lex.language) & lex.org_nouns)  # not 'заявление «…»': words


def _colon_paragraph(frames: _Frames, q: QuotedSpan, prev: Span) -> Found | None:
    """'X заявил:' closing a paragraph introduces the quotation that opens the next."""
    start = _sentence_start(frames.text, prev[0], prev[1] - 1)
    frame = frames.toks((start, prev[1]))
    cue = frames.cue_in(frame, last=True)
    if cue is None:
        return None
    return frames.found("direct", q.parts or (q.span,), cue, frame)


# --- reported speech without marks --------------------------------------------------


def _sentences(text: str, paras: list[Span]) -> list[Span]:
    out = []
    for ps, pe in paras:
        start = ps
        for stop in _ends(text, ps, pe):
            out.append((start, stop))
            start = stop
        if text[start:pe].strip():
            out.append((start, pe))
    return [s for s in (trim(text, s) for s in out) if s is not None]


def _abbreviation(text: str, at: int) -> bool:
    """'т.', 'г.', 'ул.': a period after a short lowercase word does not end a sentence,
    nor one after an initial ('В. Зеленский', 'С. Нарышкин')."""
    w = at
    while w > 0 and text[w - 1].isalpha():
        w -= 1
    word = text[w:at]
    if text[at : at + 1] == "." and len(word) == 1 and word.isupper():
        after = text[at + 1 : at + 3].lstrip()
        return bool(after) and after[0].isupper() and (w == 0 or not text[w - 1].isalnum())
    return (
        0 < len(word) <= 2
        and word.islower()
        and at + 2 < len(text)
        and text[at + 2 : at + 3].islower()
    )


def _content(text: str, start: int, end: int) -> Span | None:
    return trim(text, (start, end), ".!?…")


def _long_enough(text: str, span: Span | None, least: int = _MIN_CONTENT_WORDS) -> bool:
    return span is not None and len(text[span[0] : span[1]].split()) >= least


def _kind(span: Span, interiors: list[Span]) -> QuoteKind:
    return "mixed" if any(overlap(q, span) for q in interiors) else "indirect"


def _report(
    content: Span,
    interiors: list[Span],
    cue: Any,
    speaker: Sequence[Any],
    head: int | None,
    addressee: int | None,
) -> Found:
    """A reported-speech attribution: ``content`` said by ``speaker`` at the cue token."""
    return Found(
        _kind(content, interiors),
        content,
        (content,),
        (cue.idx, cue.idx + len(cue.text)),
        _span(speaker),
        head,
        addressee,
        cue.i,
    )


def find_indirect(
    text: str, sdoc: Any, lex: Lexicon, interiors: list[Span], paras: list[Span], used: set[int]
) -> list[Found]:
    """Reported speech: что/що clauses, по словам/за словами, как сообщает, trailing cues."""
    out: list[Found] = []
    sentences = _sentences(text, paras)
    for k, sent in enumerate(sentences):
        if any(inside(sent, q) for q in interiors):
            continue
        all_toks = [t for t in tokens_in(sdoc, sent) if not t.is_space]
        toks = [t for t in all_toks if not any(q[0] <= t.idx < q[1] for q in interiors)]
        if not toks:
            continue
        if len(toks) > 2 and (toks[0].lower_, toks[1].lower_) in lex.about_this:
            before = _reported_before(text, sentences, k, paras, out)
            f = _about_this_report(text, toks, before, lex, interiors, used) if before else None
            if f is not None:
                out.append(f)
                continue
        opened = text[: sent[0]].rstrip()
        if len(toks) > 2 and opened.endswith(tuple(_DASHES)) and cue_kind(toks[0], lex) == "speech":
            # 'C. — заявил X.': the dash after the period reports the sentence before
            before = _reported_before(text, sentences, k, paras, out)
            f = _about_this_report(text, toks, before, lex, interiors, used, 0) if before else None
            if f is not None:
                out.append(f)
                continue
        f = _about_this_after_comma(text, toks, sent, lex, interiors, used)
        if f is None:
            f = _according_report(text, toks, sent, lex, interiors, used)
        if f is None:
            f = _as_report(text, toks, sent, lex, interiors, used)
        if f is not None:
            out.append(f)
            continue
        reports = _clause_reports(text, toks, sent, lex, interiors, used)
        if reports:
            out.extend(reports)
            continue
        f = _trailing_report(text, toks, sent, lex, interiors, used) or _naming_report(
            text, toks, sent, lex, interiors, used
        )
        if f is not None:
            out.append(f)
    return out


def _naming_report(
    text: str, toks: list[Any], sent: Span, lex: Lexicon, interiors: list[Span], used: set[int]
) -> Found | None:
    """X назвал Y «Z». / X назвав Y «Z».: what X called a thing, in X's words, is a mixed
    quote from the verb's object to the sentence's end, as English 'X called Y "Z"'. Only
    with a quotation after the verb and a subject that says it ('так называемый «Z»' and
    'это называют «Z»' name no speaker)."""
    for t in toks:
        if t.i in used or _lemma(t) not in lex.naming_verbs:
            continue
        if t.pos_ != "VERB" or {"Part", "Inf"} & set(t.morph.get("VerbForm")):
            continue  # 'так называемый', 'можно назвать'; a tagger may give no VerbForm
        content = _content(text, t.idx + len(t.text), sent[1])
        if content is None or not any(inside(q, content) for q in interiors):
            continue
        if not _long_enough(text, content, _MIN_CLAUSE_WORDS):
            continue
        spk, head, addr = speaker_of(t, toks, lex, "speech")
        if spk:
            return _report(content, interiors, t, spk, head, addr)
    return None


def _reported_before(
    text: str, sentences: list[Span], k: int, paras: list[Span], found: list[Found]
) -> Span | None:
    """The sentence an 'Об этом сообщил X' at ``sentences[k]`` reports: the one before,
    in its paragraph or ending the paragraph before, unless a report already holds it. A
    headline (a first paragraph without a final stop) is reported only by the sentence
    right after it ('Франция поставит Украине ракеты\nОб этом заявил министр', as posts
    write), and not when it names its own speaker before a colon (the headline reader's)."""
    if k == 0:
        return None
    prev = sentences[k - 1]
    if any(overlap(f.span, prev) for f in found):
        return None
    first = paras[0] if paras else (0, 0)
    headline = not text[first[0] : first[1]].rstrip().endswith(tuple('.!?…»"”'))
    headed = headline and inside(prev, first) and not inside(sentences[k], first)
    if headed and (":" in text[first[0] : first[1]] or k - 1 != _last_in(sentences, first)):
        return None
    return prev


def _last_in(sentences: list[Span], para: Span) -> int:
    """The index of the last sentence inside ``para``."""
    return max((i for i, s in enumerate(sentences) if inside(s, para)), default=-1)


def _about_this_after_comma(
    text: str, toks: list[Any], sent: Span, lex: Lexicon, interiors: list[Span], used: set[int]
) -> Found | None:
    """'C, об этом ТАСС сообщили в правоохранительных органах.' / 'C, про це повідомив X.':
    the clause before the comma is what X said, as a sentence before 'Об этом сообщил X'."""
    for j in range(1, len(toks) - 3):
        if toks[j].text == "," and (toks[j + 1].lower_, toks[j + 2].lower_) in lex.about_this:
            before = trim(text, (sent[0], toks[j].idx))
            if before is None:
                return None
            return _about_this_report(text, toks[j + 1 :], before, lex, interiors, used)
    return None


def _about_this_report(
    text: str,
    toks: list[Any],
    before: Span,
    lex: Lexicon,
    interiors: list[Span],
    used: set[int],
    skip: int = 2,
) -> Found | None:
    """Об этом сообщил X. / Про це повідомив X. / Об этом говорится в заявлении X.: the
    sentence before is what X said (the commonest attribution of agency copy, which
    otherwise leaves its lead as the outlet's own words). ``toks`` open with one of
    ``lex.about_this`` (``skip`` words; none for a sentence after a dash: 'C. — заявил
    X.', the dash set after the period)."""
    for k in range(skip, min(len(toks), 10)):
        cue = toks[k]
        kind = cue_kind(cue, lex)
        if kind is None and _is_verb(cue):
            return None  # another verb comes first: not a report of the sentence before
        if kind not in ("speech", "document") or cue.i in used:
            continue
        if not _long_enough(text, before) or any(inside(before, q) for q in interiors):
            return None
        # the words after 'Об этом' are the frame: 'сообщил X', 'X сообщил', 'ТАСС
        # сообщили в пресс-службе' (a dative before the verb is the route)
        spk, head, addr = speaker_of(cue, toks[skip:], lex, kind)
        place = _phrase(toks, k + 2, 1) if k + 2 < len(toks) else []
        route = _trim_phrase(toks[skip:k])
        if (
            route
            and all(t.pos_ == "PROPN" or t.text.isupper() for t in route)
            and kind == "speech"
            and _lemma(toks[k + 1]) in lex.locative_preps
            and place
            and _speaking_body(place, lex)
        ):
            # 'Об этом ТАСС сообщили в пресс-службе ведомства': told to the agency
            # before the verb, said by the body after it
            spk, head, addr = place, _head(place), _head(route)
        content = _content(text, *before)
        assert content is not None
        return _report(content, interiors, cue, spk, head, addr)
    return None


def _according_report(
    text: str, toks: list[Any], sent: Span, lex: Lexicon, interiors: list[Span], used: set[int]
) -> Found | None:
    """По словам X, C. / C, по словам X."""
    hit = _according_at(toks, lex)
    if hit is None or hit[1].i in used:
        return None
    prep, noun = hit
    if any(_lemma(t) in lex.own_possessives for t in toks if prep.i < t.i < noun.i + 2):
        return None  # 'По нашему мнению', 'За нашими даними': the outlet's own voice
    # or a quoted name right after the noun ('По данным «Левада-центра»')
    spk = _according_speaker(toks, prep, noun) or _quoted_at(toks, toks.index(noun) + 1)
    if not spk and _lemma(noun) in lex.data_nouns:
        return None  # 'по данным, ...' with no source named: unverifiable, not a report
    phrase_end = max(spk[-1] if spk else noun, noun, key=lambda t: t.i)
    placed = _source_modifier(text, toks, phrase_end, sent[1])
    if placed:
        spk, phrase_end = [*spk, *placed], placed[-1]
    pe = _past_modifier(text, toks, phrase_end.idx + len(phrase_end.text), sent[1], lex)
    before = _content(text, sent[0], prep.idx)
    if not _clause_piece([t for t in toks if t.idx < prep.idx and not t.is_punct]):
        before = None  # 'Между тем, по данным газеты, C': a connective, no part of C
    after = _content(text, pe, sent[1])
    cue = (prep.idx, noun.idx + len(noun.text))
    if before is not None and _long_enough(text, after) and text[: prep.idx].rstrip().endswith(","):
        # 'Рост зарплат, по словам X, отстаёт ...': the proposition around the phrase.
        assert after is not None
        parts = (before, after)
        content = (before[0], after[1])
    else:
        # The frame says whose words they are: a subject and its predicate suffice.
        sides: list[Span] = [
            s for s in (before, after) if s is not None and _long_enough(text, s, _MIN_CLAUSE_WORDS)
        ]
        if not sides:
            return None
        content = max(sides, key=lambda s: s[1] - s[0])
        parts = (content,)
    if any(inside(content, q) for q in interiors):
        return None
    return Found(
        _kind(content, interiors), content, parts, cue, _span(spk), _head(spk), None, noun.i
    )


def _clause_piece(toks: list[Any]) -> bool:
    """Whether the words before an according phrase carry part of the proposition ('Рост
    зарплат, по словам X, отстаёт'): a verb, or a word that can be its subject. A
    connective ('Между тем', 'Тим часом', 'Кроме того', 'Водночас') carries none."""
    governed = False  # a preposition's object ('Кроме того', 'Між тим') is no subject
    for t in toks:
        if _is_verb(t) or (
            not governed and t.pos_ in _NP_POS - {"DET"} and _case_possible(t, "Nom")
        ):
            return True
        if t.pos_ == "ADP":
            governed = True
        elif t.pos_ not in ("ADJ", "DET", "NUM"):
            governed = False
    return False


def _as_report(
    text: str, toks: list[Any], sent: Span, lex: Lexicon, interiors: list[Span], used: set[int]
) -> Found | None:
    """Как сообщает X, C. / Як повідомляє X, C."""
    for k, t in enumerate(toks[:-1]):
        if _lemma(t) not in lex.as_words:
            continue
        cue = toks[k + 1]
        kind = cue_kind(cue, lex)
        if cue.i in used or kind not in ("speech", "document"):
            continue  # 'Как сообщает X', 'Как отмечается в сообщении ведомства'
        frame = toks[k:]
        spk, head, addr = speaker_of(cue, frame, lex, kind)
        last = spk[-1] if spk else cue
        comma = text.find(",", last.idx + len(last.text), sent[1])
        if comma < 0:
            continue
        content = _content(text, comma + 1, sent[1])
        # a subject and its predicate suffice ('Как пишут «Ведомости», поставки задерживаются')
        clause = content is not None and any(
            _is_verb(t) and not set(t.morph.get("VerbForm")) & {"Inf", "Part", "Conv"}
            for t in toks
            if content[0] <= t.idx < content[1]
        )
        least = _MIN_CLAUSE_WORDS if clause else _MIN_CONTENT_WORDS
        if not _long_enough(text, content, least) or any(inside(content, q) for q in interiors):
            continue
        assert content is not None
        return _report(content, interiors, cue, spk, head, addr)
    return None


def _clause_reports(
    text: str, toks: list[Any], sent: Span, lex: Lexicon, interiors: list[Span], used: set[int]
) -> list[Found]:
    """X заявил, что C. / В заявлении говорится, что C. / X считает, что C1, и добавил, что C2."""
    out: list[Found] = []
    k = 0
    while k < len(toks):
        t = toks[k]
        kind = cue_kind(t, lex)
        if kind is None or t.i in used:
            k += 1
            continue
        comp = None
        for j in range(k + 1, min(len(toks), k + 10)):
            u = toks[j]
            # 'заявил, что C' and 'заявил: C' (a colon before unquoted words).
            if _lemma(u) in lex.complementisers or u.lower_ in lex.complementisers or u.text == ":":
                comp = u
                break
            if _is_verb(u) and cue_kind(u, lex) is None and u.pos_ == "VERB":
                break
        c = toks.index(comp) if comp is not None else -1
        # 'Политолог уверен: C' (a stance right before its colon); a colon further on
        # after a verb of thinking opens no report of it
        if comp is None or (comp.text == ":" and kind == "thought" and c != k + 1):
            k += 1
            continue
        end, nxt = _next_report(toks, c + 1, lex)
        content = _content(text, comp.idx + len(comp.text), end if end is not None else sent[1])
        # After 'что' / 'що' a subject and its predicate are a whole report ('армия
        # готова', 'переговори тривають'); after a colon three words are asked for.
        least = _MIN_CLAUSE_WORDS if comp.text != ":" else _MIN_CONTENT_WORDS
        if not _long_enough(text, content, least) or any(inside(content, q) for q in interiors):
            k += 1
            continue
        assert content is not None
        frame = [u for u in toks if u.idx < comp.idx]
        spk, head, addr = speaker_of(t, frame, lex, "speech" if kind != "document" else "document")
        if not spk and out and toks[k - 1].lower_ in lex.conjunctions:
            spk_span, head = out[-1].speaker, out[-1].speaker_head  # '..., и добавил, что'
        else:
            spk_span = _span(spk)
        cue = (t.idx, t.idx + len(t.text))
        out.append(
            Found(_kind(content, interiors), content, (content,), cue, spk_span, head, addr, t.i)
        )
        k = nxt if nxt is not None else len(toks)
    return out


def _next_report(toks: list[Any], start: int, lex: Lexicon) -> tuple[int | None, int | None]:
    """Where a clause ends because a second report joins it ('..., и добавил, что'):
    the character offset to cut at and the index of the second cue."""
    for j in range(start + 1, len(toks)):
        t = toks[j]
        if cue_kind(t, lex) is None or toks[j - 1].lower_ not in lex.conjunctions:
            continue
        cut = j - 1
        if cut > 0 and toks[cut - 1].text == ",":
            cut -= 1
        return toks[cut].idx, j
    return None, None


def _trailing_report(
    text: str, toks: list[Any], sent: Span, lex: Lexicon, interiors: list[Span], used: set[int]
) -> Found | None:
    """C, — сообщил X. / C, сообщили ТАСС в пресс-бюро ведомства."""
    for k, t in enumerate(toks):
        if k < _MIN_CONTENT_WORDS or t.i in used or cue_kind(t, lex) not in ("speech", "document"):
            continue
        prev = toks[k - 1]
        if prev.text not in (",", "—", "–") and not (
            prev.text in _DASHES and toks[k - 2].text == ","
        ):
            continue
        cut = toks[k - 2] if prev.text in "—–" and toks[k - 2].text == "," else prev
        content = _content(text, sent[0], cut.idx)
        if not _long_enough(text, content) or any(inside(content, q) for q in interiors):
            continue
        assert content is not None
        ck = cue_kind(t, lex) or "speech"
        spk, head, addr = speaker_of(t, toks[k:], lex, ck)
        if not spk and ck == "speech" and addr is None:
            continue
        return _report(content, interiors, t, spk, head, addr)
    return None


def _names_speaker(sdoc: Any, span: Span, lex: Lexicon) -> bool:
    """Whether the words before a headline's colon can name who speaks: no verb among
    them, and their first noun a name, an acronym or a noun for a person, a body or a
    source ('Песков:', 'Украинские СМИ:', 'Источник в Кремле:'); not a clause ('Сдался
    в первом же бою:') or a figure of speech ('Форточка в Европу:')."""
    words = _words(tokens_in(sdoc, span))
    if not words or any(_is_verb(t) for t in words):
        return False
    head = next((t for t in words if t.pos_ not in ("ADJ", "DET", "NUM")), words[0])
    people = (
        lex.title_nouns
        | lex.people_nouns
        | lex.org_nouns
        | lex.anonymous_nouns
        | lex.representative_nouns
        | lex.outlet_nouns
    )
    from presslens.syntax_cyrillic import common_word

    if _lemma(head) in people or head.text.isupper() or not CYRILLIC_LETTER.search(head.text):
        return True
    return head.pos_ == "PROPN" and not common_word(head.text, _language(head))


# --- everything -----------------------------------------------------------------------


def extract(
    text: str,
    sdoc: Any,
    lex: Lexicon,
    paras: list[Span] | None = None,
    excluded: Sequence[Span] = (),
    bounded: Sequence[Span] = (),
) -> list[Found]:
    """Every attribution of a Russian or Ukrainian text, in text order (see module doc)."""
    paras = regions(text, paras, excluded, bounded)
    quotes = find_quotes(unnest(text), paras)
    names = {q.span for q in quotes if quoted_name_only(text, q.span, lex)}
    interiors = [q.span for q in quotes]
    direct = find_direct(text, sdoc, lex, quotes, paras, names)
    used = {f.cue_token for f in direct if f.cue_token is not None}
    indirect = find_indirect(text, sdoc, lex, interiors, paras, used)
    found = with_headline_reports(
        text, [*direct, *indirect], bounded, interiors, lambda span: _names_speaker(sdoc, span, lex)
    )
    speech = [s for s in interiors if s not in names]
    return [
        f.with_(kind="indirect")
        if f.kind == "mixed" and not any(overlap(s, f.span) for s in speech)
        else f  # 'стала «Житлобуд ЛТД»': a name in marks makes no words mixed speech
        for f in credited(finish_events(text, found, paras, excluded))
    ]
