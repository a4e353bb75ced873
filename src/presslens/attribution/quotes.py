"""All attributions of one text: direct quotations first, then reported speech.

Order matters: quotations are paired and attributed as units (frames), so the
parse-based pass for indirect speech never reads inside them; an indirect report
that contains a quotation becomes ``mixed``; a quotation interrupted by its own
attribution (``"X," he said, "Y."``) is merged into one event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from presslens.attribution.cues import cue_span, is_cue_verb, is_speech_verb
from presslens.attribution.found import Found, credited, inside, overlap
from presslens.attribution.frames import (
    LEFT_OPEN_END,
    FrameCue,
    addressee,
    dash_cue,
    find_frame_cue,
    left_frame,
)
from presslens.attribution.indirect import (
    clauses_of,
    complement,
    find_indirect,
    open_reports,
    subject,
    without_inner_report,
    without_trailing_report,
)
from presslens.attribution.marks import ALL_MARKS, QuotedSpan, find_quotes, is_title, paragraphs
from presslens.attribution.open_cues import OpenCueModel, fresh
from presslens.attribution.syntax_utils import (
    clipped_subtree,
    doc_text,
    sentence_bounds,
    span_of,
    tokens_in,
    trim,
)
from presslens.attribution.transcripts import find_transcript_turns
from presslens.document import Span

SCARE_MAX_WORDS = 4
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")


def _strip(text: str, span: Span) -> list[Span]:
    s, e = span
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return [(s, e)] if e > s else []


def _cut(text: str, piece: Span, at: Span) -> list[Span]:
    """``piece`` without the characters of ``at`` (what is left, stripped of space)."""
    if at[1] <= piece[0] or piece[1] <= at[0]:
        return [piece]
    return [*_strip(text, (piece[0], at[0])), *_strip(text, (at[1], piece[1]))]


def regions(
    text: str,
    paras: Sequence[Span] | None,
    excluded: Sequence[Span] = (),
    bounded: Sequence[Span] = (),
) -> list[Span]:
    """The stretches reported content may run in: paragraphs cut at blank lines, without
    ``excluded`` spans (the dateline, boilerplate) and split around ``bounded`` spans
    (the headline, the standfirst), which stay regions of their own.

    Why: the parser reads a headline and the next paragraph as one sentence, and a
    dateline as a modifier of the subject; what the anatomy layer marks as furniture
    must never become part of what someone said, whatever the parse or entities say.
    """
    pieces: list[Span] = []
    for p in list(paras) if paras else paragraphs(text):
        start = p[0]
        for m in _BLANK_LINE.finditer(text, p[0], p[1]):
            pieces.extend(_strip(text, (start, m.start())))
            start = m.end()
        pieces.extend(_strip(text, (start, p[1])))
    for at in excluded:
        pieces = [r for piece in pieces for r in _cut(text, piece, at)]
    for b in bounded:
        split: list[Span] = []
        for piece in pieces:
            inner = (max(piece[0], b[0]), min(piece[1], b[1]))
            if inner[0] >= inner[1] or inner == piece:
                split.append(piece)
                continue
            split.extend(_cut(text, piece, inner))
            split.extend(_strip(text, inner))
        pieces = split
    return sorted(set(pieces))


def _without(text: str, found: list[Found], excluded: Sequence[Span]) -> list[Found]:
    """Content pieces cut free of ``excluded`` spans (a last guard for odd parses)."""
    out = []
    for f in found:
        parts = list(f.parts or (f.span,))
        for at in excluded:
            parts = [r for piece in parts for r in _cut(text, piece, at)]
        parts = [r for r in (trim(text, p) for p in parts) if r is not None]
        if not parts:
            continue
        parts = sorted(parts)
        if parts != list(f.parts or (f.span,)):
            f = f.with_(parts=tuple(parts), span=(parts[0][0], parts[-1][1]))
        out.append(_speaker_without(text, f, excluded))
    return out


def _speaker_without(text: str, f: Found, excluded: Sequence[Span]) -> Found:
    """The speaker cut to what follows a dateline or byline it runs over ('Aug 27
    (Reuters) - Democrat Jane Doe' -> 'Democrat Jane Doe'): the parse joins the two
    when the agency's furniture opens the sentence."""
    if f.speaker is None:
        return f
    s, e = f.speaker
    for a, b in excluded:
        if a < e and s < b:
            s = max(s, b)
    if s == f.speaker[0]:
        return f
    span = speaker_span(text, (s, e)) if s < e else None
    return f.with_(speaker=span, speaker_head=f.speaker_head if span else None)


def _para_of(paras: list[Span], pos: int) -> Span:
    for p in paras:
        if p[0] <= pos < p[1]:
            return p
    return (0, 0)


def _inside_sentence(text: str, q: QuotedSpan, para: Span) -> bool:
    before = text[para[0] : q.outer[0]].rstrip()
    return bool(before) and before[-1] not in '.!?:"”'


def _branch(sdoc: Any, root: Any, cue: Any, q: QuotedSpan, para: Span) -> Span:
    """The phrase of the cue's that holds a quotation its complement does not ('called
    Wall Street bankers "fat cats"'): the subtree of the cue's child above the quote,
    else the quotation itself."""
    child = root
    while child.head.i != cue.i and child.head.i != child.i:
        child = child.head
    if child.head.i != cue.i:
        return q.span
    bounds = sentence_bounds(cue)
    lo, hi = max(para[0], bounds[0]), min(para[1], bounds[1])
    toks = [t for t in child.subtree if lo <= t.idx < hi]
    span = trim(doc_text(sdoc), span_of(toks), ".")
    if span is None or not inside(_words_of(doc_text(sdoc), q.span), span):
        return q.span
    return span


def _in_addressee(cue: Any, root: Any) -> bool:
    """Whether ``root`` lies in the phrase naming whom ``cue`` addressed."""
    k = addressee(cue)
    return k is not None and (root.i == k or any(a.i == k for a in root.ancestors))


def _words_of(text: str, span: Span) -> Span:
    """A quotation's content without its closing stop: a complement trimmed of its final
    full stop still holds '"absurd."' (dismissed the kerfuffle as "absurd.")."""
    return trim(text, span, ".") or span


class _Bounds:
    """A sentence's character range cut to its paragraph."""

    def __init__(self, sent: Span, para: Span):
        self.start_char = max(sent[0], para[0])
        self.end_char = min(sent[1], para[1])


_NOUN_LIKE = frozenset({"acl", "pcomp", "amod", "compound"})


def _introducer(sdoc: Any, q: QuotedSpan, para: Span) -> Any | None:
    """A verb of saying right before the quotation, set off by a comma or a colon: the
    quotation is that verb's own report, direct ('praised the bridge, saying, "..."',
    'said he agreed and added: "..."'), whatever verb higher up the parse hangs it from
    (PolNeAR credits the verb that introduces the words, and its subject)."""
    text = doc_text(sdoc)
    start = q.outer[0]
    while start > para[0] and text[start - 1] in " \t\n,:":
        start -= 1
    if not any(c in text[start : q.outer[0]] for c in ",:"):
        return None
    if text[q.outer[1] : para[1]].lstrip()[:1].islower():
        return None  # '"..." for second place': the sentence's clause runs on
    toks = [t for t in tokens_in(sdoc, (para[0], start)) if not t.is_space]
    if not toks:
        return None
    verb = toks[-1].head if toks[-1].dep_ == "prt" else toks[-1]
    if not is_speech_verb(verb) or verb.dep_ in _NOUN_LIKE:
        return None  # 'signs saying', 'without saying': the words of a thing, or none
    lo = max(para[0], sentence_bounds(verb)[0])
    if _marked(text[lo:start]):
        return None  # '"A," adding, "B"': a quotation before it in the sentence leads the report
    return verb


def _in_report_of(tok: Any, cue: int | None) -> bool:
    """Whether ``tok`` hangs in the clause the verb ``cue`` reports (a ccomp on the way up)."""
    while tok.head.i != tok.i:
        if tok.dep_ == "ccomp" and tok.head.i == cue:
            return True
        tok = tok.head
    return False


def governing_cue(sdoc: Any, q: QuotedSpan, interiors: list[Span], para: Span) -> Found | None:
    """The attribution of a quotation inside a sentence (see :func:`_governing`), credited
    to the verb of saying that introduces it where that is not the verb found: 'praised
    the bridge, saying, "..."' is the report of 'saying', not mixed speech of 'praised'."""
    found = _governing(sdoc, q, interiors, para)
    if found is None:
        return None
    intro = _introducer(sdoc, q, para)
    if intro is None or intro.i == found.cue_token:
        return None if _no_event(sdoc, found) else found
    spk, head = subject(intro, _Bounds(sentence_bounds(intro), para), interiors)
    if spk is None or _in_report_of(intro, found.cue_token):
        # 'said it was too soon but added, "..."': the parse hangs the second verb in
        # the first one's report; who added it is who said it.
        spk, head = found.speaker, found.speaker_head
    parts = q.parts or (q.span,)
    return Found("direct", q.span, parts, cue_span(intro), spk, head, addressee(intro), intro.i)


def _no_event(sdoc: Any, found: Found) -> bool:
    """Whether a quotation's governing verb is no verb of saying in its base form, a
    participle or the plain present ('would give the firm "scale"', 'giving rebels "a
    chance"', 'they have "a higher set of expectations"'): it tells what may be, goes on
    or is so, not what someone said. A verb that labels ('is labeling the order "an
    abuse"') does say."""
    if found.cue_token is None:
        return False
    verb = sdoc[found.cue_token]
    if is_cue_verb(verb) or verb.lemma_.lower() in _LABELLING:
        return False
    return verb.tag_ in _NO_EVENT_TAGS


def _own_report_words(verb: Any, comp: list[Any]) -> tuple[list[Any], int | None]:
    """The complement of ``verb`` without a report of its own at its end, as the indirect
    reader cuts it ('noted her years in office, saying "..."': the quotation is the report
    of 'saying', not part of what was noted).

    Why: the outermost verb whose complement holds a quotation governs it; the raw
    complement of an object cue runs over a participle of saying after a comma, so the
    object's cue took the quotation and its content swallowed the participle's report,
    which PolNeAR annotates apart. Also returns the cue token of a report cut off as the
    same speaker's second one (see :func:`without_inner_report`), else None."""
    return without_inner_report(verb, without_trailing_report(verb, comp))


def _governing(sdoc: Any, q: QuotedSpan, interiors: list[Span], para: Span) -> Found | None:
    """A quotation inside a sentence, object of a verb whose subject is a speaker.

    ('Cruz called Trump a "pathological liar"', 'likened the rules to "burning the
    Constitution"'): the verb is the cue and the quote is mixed speech. A quote in
    the subject ('The "reform" passed') or governed by a subjectless verb is not.
    """
    toks = tokens_in(sdoc, q.span)
    if not toks:
        return None
    # Its words decide where it hangs: the closing stop is often attached to the
    # sentence's main verb ('"...," she said, adding, "... support."').
    words_only = [t for t in toks if not t.is_punct] or toks
    root = min(words_only, key=lambda t: len(list(t.ancestors)))
    cues = [
        a
        for a in root.ancestors
        if is_cue_verb(a) and not (q.span[0] <= a.idx < q.span[1]) and para[0] <= a.idx < para[1]
    ]
    if cues:
        # Inside reported speech ('says he is making "a demand"'): the report is mixed.
        # The outermost report whose complement holds the quote wins, as in PolNeAR.
        root_sent = sentence_bounds(root)
        holding = []
        heirs: dict[int, Any] = {}  # a second report's cue token -> the first report's verb
        for a in cues:
            if sentence_bounds(a) != root_sent:
                continue
            comp_toks = [t for t in complement(a) if para[0] <= t.idx < para[1]]
            toks, heir = _own_report_words(a, comp_toks)
            if heir is not None:
                heirs[heir] = a
            comp = trim(doc_text(sdoc), span_of(toks), ".") if toks else None
            if comp is not None and inside(_words_of(doc_text(sdoc), q.span), comp):
                holding.append((a, comp))
        if not holding and _in_addressee(cues[0], root):
            return None  # 'told the program "Inside Edition"': a name of whom it was told
        verb, content = holding[-1] if holding else (cues[0], _branch(sdoc, root, cues[0], q, para))
        if content == _words_of(doc_text(sdoc), q.span):
            content = q.span  # the complement is the quotation itself: direct speech
        parts = (content,) if content != q.span else (q.parts or (q.span,))
        # 'said X and called him "..."': the second report is the first one's speaker's.
        who = heirs.get(verb.i, verb)
        spk, head = subject(who, _Bounds(sentence_bounds(who), para), interiors)
        kind = "direct" if content == q.span else "mixed"
        return Found(kind, content, parts, cue_span(verb), spk, head, addressee(verb), verb.i)
    words = doc_text(sdoc)[q.span[0] : q.span[1]].split()
    if len(words) <= SCARE_MAX_WORDS and is_title(words):
        return None  # 'starred in "The Long Night"': a title, whatever verb governs it
    verb = root.head
    if not (para[0] <= verb.idx < para[1]):
        return None
    steps = 0
    while verb.pos_ not in ("VERB",) and verb.head.i != verb.i and steps < 4:
        verb = verb.head
        steps += 1
    if verb.pos_ != "VERB" or q.span[0] <= verb.idx < q.span[1]:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if (
        subj is None
        or subj.pos_ not in ("PROPN", "PRON", "NOUN")
        or subj.lower_ in ("it", "this", "that")
    ):
        return None
    if any(q.span[0] <= t.idx < q.span[1] for t in subj.subtree):
        return None
    bounds = _Bounds(sentence_bounds(verb), para)
    speaker = clipped_subtree(subj, (bounds.start_char, bounds.end_char), interiors)
    return Found(
        "mixed", q.span, q.parts or (q.span,), cue_span(verb), speaker, subj.i, None, verb.i
    )


# Participles that give the noun before them its name ('a show called "Brokers"', 'the
# hacker known as "Guccifer"', 'a memo titled "The Facts"'). One set for both readers
# below: a second definition after the first used to shadow the first's {call, title,
# name, dub, label}, and the rules were measured with this one.
_NAMING = frozenset({"call", "know", "name", "title", "entitle"})
# The tags of a verb that governs a quotation without being a verb of saying and makes no
# report of it (:func:`_governing`): base form, gerund or participle, plain present.
_NO_EVENT_TAGS = frozenset({"VB", "VBG", "VBP"})
_LABELLING = frozenset({"label", "frame", "brand", "dub", "term", "portray", "paint", "cast"})


def _naming_participle(sdoc: Any, found: Found) -> Any | None:
    """The cue token when it is a participle of naming on a noun ('a show called'), else
    None."""
    if found.cue_token is None:
        return None
    cue = sdoc[found.cue_token]
    if cue.tag_ != "VBN" or cue.dep_ != "acl" or cue.lemma_.lower() not in _NAMING:
        return None
    return cue


def _named_by(sdoc: Any, found: Found, text: str, q: QuotedSpan) -> bool:
    """Whether a short quotation is the name a participle gives a thing ('a show called
    "Brokers"', 'a memo titled "The Facts"'): a participle of naming on a noun, right
    before the quotation, is no report of anyone's words."""
    if _words(text, q.span) > SCARE_MAX_WORDS or _naming_participle(sdoc, found) is None:
        return False
    return not text[found.cue[1] : q.outer[0]].strip(" ,:")


def _previous_para(paras: list[Span], para: Span) -> Span | None:
    k = paras.index(para) if para in paras else -1
    return paras[k - 1] if k > 0 else None


def _words(text: str, span: Span) -> int:
    return len(text[span[0] : span[1]].split())


def _embedded(text: str, q: QuotedSpan, para: Span) -> bool:
    """A short quote inside running text ("called it a “witch hunt” on Monday")."""
    if _words(text, q.span) > SCARE_MAX_WORDS:
        return False
    before = text[para[0] : q.outer[0]].rstrip()
    after = text[q.outer[1] : para[1]].lstrip()
    continues_left = bool(before) and before[-1] not in '.!?:"”'
    continues_right = bool(after) and (after[0].islower() or after[0] in ",.;)")
    return continues_left and continues_right


def _in_running_text(text: str, q: QuotedSpan, para: Span) -> bool:
    """A quotation with words of its sentence before it, or running on after it."""
    after = text[q.outer[1] : para[1]].lstrip()
    return _inside_sentence(text, q, para) or (bool(after) and after[0].islower())


def _follows(text: str, end: int, later: QuotedSpan, para: Span) -> bool:
    """Whether ``later`` opens right after ``end`` (only space between) in the same paragraph."""
    return (
        later.outer[0] >= end
        and not text[end : later.outer[0]].strip()
        and later.outer[0] < para[1]
    )


def _own_cue(
    text: str,
    sdoc: Any,
    q: QuotedSpan,
    quotes: list[QuotedSpan],
    j: int,
    para: Span,
    interiors: list[Span],
) -> bool:
    """Whether quotation ``j`` has a cue of its own beside it. A verb of saying in the
    sentence after it ('"..." The coach also praised the fans.') does not count: after
    a cued quotation the next one goes on with that report (PolNeAR reads it so)."""
    nxt = quotes[j + 1] if j + 1 < len(quotes) else None
    ceil = min(para[1], nxt.outer[0] if nxt is not None else len(text))
    fc = find_frame_cue(text, sdoc, q.outer, q.outer[0], max(ceil, q.outer[1]), interiors)
    return fc is not None and fc.side != "next"


def _second_cue(sdoc: Any, cue_token: int | None, gap: Span) -> bool:
    """Whether a second reporting verb of the same speaker introduces the next quotation
    ('"A," he said, adding: "B"', 'said before adding, "B"'): that quotation is the
    verb's own report, as PolNeAR annotates (one attribution per cue), not the rest of
    the first one. Only a verb joined to the cue and right before the quotation counts
    ('he said when asked about X. "B"' goes on with the first report)."""
    if cue_token is None:
        return False

    def joined(t: Any) -> bool:  # 'said, adding', 'said and added', 'said before adding'
        head = t.head.head if t.head.dep_ == "prep" else t.head
        return t.dep_ in ("advcl", "conj", "pcomp") and head.i == cue_token

    text = doc_text(sdoc)
    return any(
        is_cue_verb(t) and joined(t) and not text[t.idx + len(t.text) : gap[1]].strip(" ,:—–-")
        for t in tokens_in(sdoc, gap)
    )


_LEAD_WORDS = 8


def _led_continuation(
    text: str,
    sdoc: Any,
    fc: Any,
    end: int,
    quotes: list[QuotedSpan],
    j: int,
    para: Span,
    interiors: list[Span],
) -> Span | None:
    """'"X," he said. Instead, "y ..."': a sentence right after the cue's that opens
    with a few words of its own and then a quotation with no cue of its own goes on
    with the same report (PolNeAR annotates the words and the quotation as a piece of
    it, and the report is mixed). The piece, from the first word to the closing mark's
    content end, or None."""
    if fc.side != "right" or j >= len(quotes) or end < fc.frame[1]:
        return None
    later = quotes[j]
    if later.outer[1] > para[1] or later.outer[0] <= end:
        return None
    body = text[end : later.outer[0]]
    last = text[fc.frame[0] : fc.frame[1]].rstrip().rstrip("".join(ALL_MARKS))
    if not last.endswith((".", "!", "?")) or not body.strip()[:1].isupper():
        return None  # the cue's sentence must have ended, a new one open here
    if (
        len(body.split()) > _LEAD_WORDS
        or any(c in body for c in ".!?:;")
        or any(m in body for m in ALL_MARKS)
    ):
        return None
    if any(is_cue_verb(t) for t in tokens_in(sdoc, (end, later.outer[0]))):
        return None
    if _own_cue(text, sdoc, later, quotes, j, para, interiors):
        return None
    if _governing(sdoc, later, interiors, para) is not None:
        return None
    return trim(text, (end, later.span[1]))


_SIGNATURE_WORDS = 12


def _signed_below(
    text: str, sdoc: Any, paras: list[Span], para: Span, interiors: list[Span]
) -> FrameCue | None:
    """'"..."' as a paragraph, then '- Jane Doe.' as the next one (a list of quotes, a
    fact check): a short paragraph opening with a dash and a name credits the quotation
    above it, as a dash right after the closing mark does."""
    k = paras.index(para) if para in paras else -1
    if k < 0 or k + 1 >= len(paras):
        return None
    below = paras[k + 1]
    if text[below[0]] not in "-―—–" or len(text[below[0] : below[1]].split()) > _SIGNATURE_WORDS:
        return None
    toks = [t for t in tokens_in(sdoc, below) if not t.is_space]
    if not toks:
        return None
    return dash_cue(text, toks, below, interiors)


_SIGNATURE_INSIDE_WORDS = 12


def _signed_inside(text: str, sdoc: Any, q: QuotedSpan) -> Found | None:
    """'"We will not give up.\nDana Kovacs, chair of the board."': a pulled-out quotation
    whose last line, inside the marks, is who said it (a name with a title, no verb),
    the layout of quotation boxes set in the text; PolNeAR credits the words above the
    line to that name, the opening mark as cue. A last line with a verb is the
    quotation's own last sentence."""
    if len(q.parts) > 1 or q.span[0] != q.outer[0] + 1:
        return None
    body = text[q.span[0] : q.span[1]]
    cut = body.rfind("\n")
    if cut <= 0 or "\n\n" in body:
        return None
    words, line = body[:cut].rstrip(), trim(text, (q.span[0] + cut + 1, q.span[1]), ".")
    if line is None or not words.endswith((".", "!", "?")):
        return None
    toks = [t for t in tokens_in(sdoc, line) if not (t.is_punct or t.is_space)]
    if not 1 < len(toks) <= _SIGNATURE_INSIDE_WORDS or not toks[0].text[:1].isupper():
        return None
    if any(t.pos_ in ("VERB", "AUX", "PRON") or t.text in ALL_MARKS for t in toks):
        return None
    first = next((k for k, t in enumerate(toks) if t.pos_ == "PROPN"), None)
    if first is None:
        return None
    head = first
    while head + 1 < len(toks) and toks[head + 1].pos_ == "PROPN":
        head += 1  # the name's last word: 'Kovacs' of 'Dana Kovacs'
    content = (q.span[0], q.span[0] + len(words))
    cue = (q.outer[0], q.outer[0] + 1)
    return Found("direct", content, (content,), cue, line, toks[head].i)


def _repeats_speaker(text: str, signed: Found, out: list[Found]) -> bool:
    """Whether a signed quotation box names the speaker of the attribution right before
    it: the box repeats words just quoted, and goes on with that report as before."""
    prev = out[-1] if out else None
    if prev is None or prev.speaker is None or signed.speaker is None:
        return False
    return text[slice(*signed.speaker)] == text[slice(*prev.speaker)].strip(_SPEAKER_EDGE)


def _named_in_text(text: str, q: QuotedSpan, para: Span) -> bool:
    """A short quotation right after a word, inside running text: the name of a show, a
    paper or a book ('told NBC's "Today" on Monday'), not speech."""
    before = text[para[0] : q.outer[0]].rstrip()
    return q.outer[1] <= para[1] and before[-1:].isalnum() and _embedded(text, q, para)


def _frame_ceil(text: str, quotes: list[QuotedSpan], i: int, para: Span) -> int:
    """Where the search for the cue of ``quotes[i]`` after it stops: at the next quotation,
    read past names in quotation marks ('"...," she said on ABC's "This Week" on Sunday.
    "..."'), which are part of the frame: stopping there cuts the cue's sentence short,
    and the quotation after it is no longer read as going on with the report."""
    for later in quotes[i + 1 :]:
        if not _named_in_text(text, later, para):
            return later.outer[0]
    return len(text)


def find_direct(text: str, sdoc: Any, quotes: list[QuotedSpan], paras: list[Span]) -> list[Found]:
    """Attribute every quotation that has a cue beside it; merge interrupted ones."""
    interiors = [q.span for q in quotes]
    out: list[Found] = []
    skip: set[int] = set()
    for i, q in enumerate(quotes):
        if i in skip:
            continue
        para = _para_of(paras, q.outer[0])
        floor = max(para[0], quotes[i - 1].outer[1] if i > 0 else 0)
        nxt = quotes[i + 1] if i + 1 < len(quotes) else None
        last_para = _para_of(paras, q.outer[1] - 1)  # a multi-paragraph quote ends later
        ceil = min(last_para[1] or len(text), _frame_ceil(text, quotes, i, para))
        if _inside_sentence(text, q, para):
            gov = governing_cue(sdoc, q, interiors, para)
            if gov is not None and _named_by(sdoc, gov, text, q):
                continue  # 'a show called "Brokers"': the name of a thing, no speech
            if gov is not None:
                gov = with_reported_lead(text, sdoc, gov, q, para)
                gov = with_parenthetical_lead(text, sdoc, gov, q, floor)
                gov = with_subject_lead(text, sdoc, gov, q, max(floor, para[0]))
                out.append(gov)
                continue
        if _embedded(text, q, para):
            continue  # left to the indirect pass (mixed) or the scare-quote layer
        fc = find_frame_cue(
            text, sdoc, q.outer, floor, max(ceil, q.outer[1]), interiors, reach=para[0]
        )
        if fc is None and q.outer[0] == para[0]:
            # 'He said:' closing the previous paragraph introduces this one.
            prev = _previous_para(paras, para)
            if prev is not None and text[prev[0] : prev[1]].rstrip().endswith(":"):
                fc = find_frame_cue(
                    text, sdoc, (prev[1], q.outer[1]), prev[0], q.outer[1], interiors
                )
        if fc is None and not text[q.outer[1] : last_para[1]].strip():
            fc = _signed_below(text, sdoc, paras, last_para, interiors)
        if fc is None:
            signed = _signed_inside(text, sdoc, q)
            if signed is not None and not _repeats_speaker(text, signed, out):
                out.append(signed)
                continue
            if _in_running_text(text, q, para):
                # Words of its sentence around it and no cue: a fragment of someone's
                # report the rules cannot name (as a quote of kind direct it would claim
                # the report ends at the marks), or a scare quote or a title.
                continue
            if _words(text, q.span) > SCARE_MAX_WORDS:
                # No cue: kept while the events are finished, which may read it as going
                # on with the report before it; left alone, :func:`credited` hands it to
                # the uncredited_quotes layer. A short one is a scare quote or a title.
                out.append(Found("direct", q.span, q.parts or (q.span,), None))
            continue
        parts = q.parts or (q.span,)
        span = q.span
        if (
            fc.side == "right"
            and nxt is not None
            and fc.frame[1] >= nxt.outer[0]
            and text[fc.frame[0] : nxt.outer[0]].rstrip().endswith((",", ":"))
            and not _second_cue(sdoc, fc.cue_token, (fc.frame[0], nxt.outer[0]))
        ):
            parts = (*parts, *(nxt.parts or (nxt.span,)))
            span = (q.span[0], nxt.span[1])
            skip.add(i + 1)
        # '"X," he said. "Y."': quotes that follow the cue's sentence without a cue
        # of their own continue the same event.
        end = max(fc.frame[1], q.outer[1])
        j = i + 1
        if fc.side == "right":
            while j < len(quotes) and quotes[j].outer[1] <= fc.frame[1]:
                skip.add(j)  # a name in the cue's frame ('told NBC's "Today" on Monday')
                j += 1
        if fc.side == "right" and text[fc.frame[0] : fc.frame[1]].rstrip()[-1:].isalnum():
            # The cue's sentence runs into the next quotation ('said X, who thinks the
            # staff "need to ..."'): that one belongs to the sentence's own clause.
            j = len(quotes)
        while j < len(quotes) and j not in skip and _follows(text, end, quotes[j], para):
            later = quotes[j]
            if _own_cue(text, sdoc, later, quotes, j, para, interiors) or _second_cue(
                sdoc, fc.cue_token, (fc.frame[0], later.outer[0])
            ):
                break
            parts = (*parts, *(later.parts or (later.span,)))
            span = (span[0], later.span[1])
            skip.add(j)
            end = later.outer[1]
            j += 1
        kind = "direct"
        led = _led_continuation(text, sdoc, fc, end, quotes, j, para, interiors)
        if led is not None and j not in skip:
            parts = (*parts, led)
            span = (span[0], led[1])
            skip.add(j)
            kind = "mixed"
        found = Found(
            kind,
            span,
            parts,
            fc.cue,
            fc.speaker,
            fc.speaker_head,
            fc.addressee,
            fc.cue_token,
        )
        if fc.side == "left":
            found = with_complementiser(text, found)
            found = with_left_complement(text, sdoc, found, q)
            found = with_reported_lead(text, sdoc, found, q, para)
            found = with_parenthetical_lead(text, sdoc, found, q, floor)
            found = with_subject_lead(text, sdoc, found, q, max(floor, para[0]))
        elif fc.side == "right":
            # The clause may hold an earlier short quotation left unattributed
            # ('"pathetic" and "dangerous," he said'): it starts after the last event.
            last = max((f.span[1] for f in out if f.span[1] <= q.outer[0]), default=0)
            found = widen_reported(text, sdoc, found, q, para, max(para[0], last))
            found = with_said_of(text, sdoc, found, para)
            found = with_subject_lead(text, sdoc, found, q, max(floor, para[0]))
        out.append(found)
    return out


_THAT = re.compile(r"\bthat\s*$", re.IGNORECASE)


def with_complementiser(text: str, f: Found) -> Found:
    """'said that "..."': the report's content is the that-clause, marks and all, so the
    attribution is mixed (PolNeAR's content starts at "that")."""
    first = f.parts[0]
    before = text[f.cue[1] if f.cue else first[0] : first[0]]
    stripped = before.rstrip(" \t\n\"“„«‘'")
    m = _THAT.search(stripped)
    if m is None or f.cue is None:
        return f
    start = (f.cue[1] if f.cue else first[0]) + m.start()
    parts = ((start, first[1]), *f.parts[1:])
    return f.with_(kind="mixed", span=(start, f.span[1]), parts=parts)


def with_left_complement(text: str, sdoc: Any, f: Found, q: QuotedSpan) -> Found:
    """'argued that jailing him will only make his voice louder: "..."': what the cue
    reports before the colon is content too, and the attribution is mixed. Only the
    cue's own complement counts: 'told reporters:' has none (an addressee)."""
    if f.kind != "direct" or f.cue_token is None:
        return f
    cue = sdoc[f.cue_token]
    comp = [
        t
        for t in complement(cue)
        if f.cue[1] <= t.idx < q.outer[0] and not (t.is_punct or t.is_space)
    ]
    if not comp:
        return f
    start = min(t.idx for t in comp)
    parts = ((start, f.parts[0][1]), *f.parts[1:])
    return f.with_(kind="mixed", span=(start, f.span[1]), parts=parts)


_OPENERS = frozenset({"that", "how", "why", "what", "whether", "if", "when", "where", "who"})
_CLAUSE_POS = frozenset({"VERB", "AUX"})
_ASKING = frozenset(
    {"ask", "tell", "answer", "thank", "urge", "warn", "remind", "assure", "inform"}
)


def _gap_words(sdoc: Any, f: Found, q: QuotedSpan) -> list[Any]:
    """The words between a left cue (and a speaker after it, and its addressee) and the
    quotation's opening mark."""
    assert f.cue is not None
    start = max(f.cue[1], f.speaker[1] if f.speaker and f.speaker[0] >= f.cue[0] else 0)
    skip: set[int] = set()
    if f.addressee is not None:
        skip = {t.i for t in sdoc[f.addressee].subtree}
    return [
        t
        for t in tokens_in(sdoc, (start, q.outer[0]))
        if not (t.is_punct or t.is_space) and t.i not in skip and t.idx < q.outer[0]
    ]


def with_reported_lead(text: str, sdoc: Any, f: Found, q: QuotedSpan, para: Span) -> Found:
    """A quotation after its cue with reported words between them is the quoted part of
    the report: 'said he would advise Trump on the "strategic threats ..."', 'He said
    Mateen "has not done this ..."', 'suggested taking action after the election: "..."'.
    The content starts with the cue's complement and the attribution is mixed (PolNeAR
    annotates one content). An addressee, a date or a place between ('told reporters:',
    'said in a statement,') is no content: the words must hold a verb, or the quotation
    must go on from them (it opens in lower case)."""
    if f.kind != "direct" or f.cue is None or f.cue[1] > q.outer[0] or f.cue[0] < para[0]:
        return f
    gap = _gap_words(sdoc, f, q)
    if not gap:
        return f
    between = text[gap[-1].idx + len(gap[-1].text) : q.outer[0]]
    first = text[q.span[0] : q.span[0] + 1]
    if between.strip().endswith(":"):
        ok = gap[0].pos_ in _CLAUSE_POS or gap[0].pos_ == "PART" or gap[0].lower_ in _OPENERS
    else:
        ok = any(t.pos_ in _CLAUSE_POS for t in gap) or gap[0].lower_ in _OPENERS
        ok = ok or first.islower()
    if not ok and f.cue_token is not None:
        # 'played up his strength in a general election: "..."': what the cue's object
        # names is reported too (not a person asked or told).
        cue = sdoc[f.cue_token]
        ok = cue.lemma_.lower() not in _ASKING and any(
            t.dep_ == "dobj" and t.head.i == cue.i and t.pos_ == "NOUN" for t in gap
        )
    if not ok:
        return f
    that = next((t for t in gap if t.lower_ == "that" and t.dep_ == "mark"), None)
    start = (that or gap[0]).idx
    parts = ((start, f.parts[0][1]), *f.parts[1:])
    return f.with_(kind="mixed", span=(start, f.span[1]), parts=parts)


def with_parenthetical_lead(text: str, sdoc: Any, f: Found, q: QuotedSpan, floor: int) -> Found:
    """'No name change, he said, "hides what it really is."': words before a speaker
    and cue set off by commas, right before the quotation, are the report's first
    part (PolNeAR annotates the sentence's opening words as content). Only when the
    quotation opens in lower case, going on from them: before a capital the words
    set the scene ('Asked about the delay, the mayor said, "We ..."'), and PolNeAR
    leaves them out nine times in ten on the fit articles."""
    if f.kind != "direct" or f.cue is None or f.speaker is None or f.cue[1] > q.outer[0]:
        return f
    if not text[q.span[0] : q.span[0] + 1].islower():
        return f
    if not (f.speaker[1] <= f.cue[0]):
        return f
    if not text[f.cue[1] : q.outer[0]].rstrip().endswith(",") or _gap_words(sdoc, f, q):
        return f  # only an addressee may stand between the cue and the quotation
    frame = left_frame(text, q.outer[0], floor)
    before = text[frame[0] : f.speaker[0]]
    if not before.rstrip().endswith(",") or any(m in before for m in ALL_MARKS):
        return f
    lead = trim(text, (frame[0], f.speaker[0]), ",")
    if lead is None or lead[0] < floor:
        return f
    parts = (lead, *f.parts)
    return f.with_(kind="mixed", span=(lead[0], f.span[1]), parts=parts)


_FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})


def _marked(stretch: str) -> bool:
    """Whether ``stretch`` holds a quotation mark other than an apostrophe inside a word
    ("the club's"): a quotation of its own before the lead is no part of it."""
    for k, ch in enumerate(stretch):
        if ch in ALL_MARKS and not (
            0 < k < len(stretch) - 1 and stretch[k - 1].isalnum() and stretch[k + 1].isalnum()
        ):
            return True
    return False


def with_subject_lead(text: str, sdoc: Any, f: Found, q: QuotedSpan, floor: int) -> Found:
    """'A new levy "would hurt every farm," the minister wrote', 'The dam, the engineer
    said, "is a risk"': a quotation that opens in lower case with a finite verb has no
    subject of its own: the words of its sentence before the opening mark (less the
    speaker and cue standing there) are the start of the report, and the attribution is
    mixed (PolNeAR annotates the subject as content). A quotation that opens with its
    own subject ('said "we will"') is left as it is."""
    if f.kind != "direct" or f.cue is None or not text[q.span[0] : q.span[0] + 1].islower():
        return f
    toks = [t for t in tokens_in(sdoc, q.span) if not (t.is_punct or t.is_space)]
    if not toks or toks[0].tag_ not in _FINITE_TAGS:
        return f
    start = max(floor, sentence_bounds(toks[0])[0])
    end = q.outer[0]
    for frame in (f.cue, f.speaker):
        if frame is not None and start <= frame[0] < end:
            end = frame[0]
    lead = trim(text, (start, end), ",")
    if lead is None or _marked(text[lead[0] : q.outer[0]]):
        return f
    if not text[lead[1] : q.outer[0]].strip():
        parts = ((lead[0], f.parts[0][1]), *f.parts[1:])
    elif text[lead[1] : end].strip().startswith(","):
        parts = (lead, *f.parts)  # 'The dam, the engineer said, "is a risk"'
    else:
        return f  # 'the clause its authors wrote "shall stand"': the cue's own sentence
    return f.with_(kind="mixed", span=(parts[0][0], f.span[1]), parts=parts)


_ABOUT = frozenset({"of", "about"})


def with_said_of(text: str, sdoc: Any, f: Found, para: Span) -> Found:
    """'"He's funny," Levine said of Trump.': what the words were said of is content
    too (PolNeAR annotates it as a piece of the report), and the attribution is mixed."""
    if f.kind != "direct" or f.cue_token is None or f.cue is None or f.cue[0] < f.parts[0][1]:
        return f
    cue = sdoc[f.cue_token]
    prep = next(
        (c for c in cue.children if c.dep_ == "prep" and c.lower_ in _ABOUT and c.i > cue.i),
        None,
    )
    if prep is None:
        return f
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return f
    bounds = sentence_bounds(cue)
    piece = clipped_subtree(pobj, (max(bounds[0], para[0]), min(bounds[1], para[1])))
    piece = trim(text, piece, ".") if piece is not None else None
    if piece is None or piece[0] < f.cue[1] or any(overlap(piece, p) for p in f.parts):
        return f
    parts = tuple(sorted((*f.parts, piece)))
    return f.with_(kind="mixed", span=(parts[0][0], parts[-1][1]), parts=parts)


def _lead(text: str, sdoc: Any, q: QuotedSpan, para: Span, floor: int) -> Span | None:
    """Words before the opening mark that belong to the quoted clause: 'The people of
    Scranton "deserve ...," said Biden' (the subject of the quoted verb, no cue of its own)."""
    if not _inside_sentence(text, q, para):
        return None
    frame = left_frame(text, q.outer[0], max(floor, para[0]))
    if LEFT_OPEN_END.search(text[frame[0] : frame[1]]):
        return None  # 'He said:', 'As he put it,', 'warned that': an attribution's frame
    lead = trim(text, frame)
    if lead is None or any(is_cue_verb(t) for t in tokens_in(sdoc, lead)):
        return None
    return lead


def _tail(text: str, f: Found, q: QuotedSpan) -> Span | None:
    """Words after the closing mark that continue the quoted clause before the cue's own
    frame: '"We're alive" at the convention, he said'."""
    assert f.cue is not None
    at = min(f.cue[0], f.speaker[0]) if f.speaker is not None else f.cue[0]
    stretch = text[q.outer[1] : at].rstrip()
    if not stretch.endswith(",") or not stretch.lstrip()[:1].isalnum():
        return None
    return trim(text, (q.outer[1], q.outer[1] + len(stretch)))


def widen_reported(text: str, sdoc: Any, f: Found, q: QuotedSpan, para: Span, floor: int) -> Found:
    """A quotation whose clause runs on outside its marks is the quoted part of reported
    content: the content is the whole clause, and the attribution is mixed (PolNeAR
    annotates 'The people of Scranton "deserve someone..."' as one content)."""
    lead = _lead(text, sdoc, q, para, floor)
    tail = _tail(text, f, q)
    if lead is None and tail is None:
        return f
    parts = list(f.parts)
    if lead is not None:
        parts[0] = (lead[0], parts[0][1])
    if tail is not None:
        parts[-1] = (parts[-1][0], max(tail[1], parts[-1][1]))
    return f.with_(kind="mixed", span=(parts[0][0], parts[-1][1]), parts=tuple(parts))


def _within_turn(f: Found, turn: Found) -> bool:
    anchor = f.cue if f.cue is not None else f.span
    return inside(anchor, (turn.cue[0] if turn.cue else turn.span[0], turn.span[1])) or inside(
        f.span, (turn.span[0] - 2, turn.span[1] + 2)
    )


def _one_event_per_cue(found: list[Found]) -> list[Found]:
    """Quotes sharing one cue are one event ('called him a "liar," a "bully"')."""
    out: list[Found] = []
    by_cue: dict[int, int] = {}
    for f in found:
        k = by_cue.get(f.cue_token) if f.cue_token is not None else None
        if k is None:
            if f.cue_token is not None:
                by_cue[f.cue_token] = len(out)
            out.append(f)
            continue
        g = out[k]
        parts = tuple(sorted({*g.parts, *f.parts}))
        kind = g.kind if g.kind == f.kind == "direct" else "mixed"
        out[k] = g.with_(
            kind=kind, parts=parts, span=(min(g.span[0], f.span[0]), max(g.span[1], f.span[1]))
        )
    return out


_TURN_TAIL = 120


def _next_paragraph_turn(text: str, prev: Found, f: Found, end: int, paras: list[Span]) -> bool:
    """A paragraph that is only a quotation, right after a paragraph ending in a cued quote
    or in a reported clause ('Carter said that the region matters.' then '"..."'): the
    quotation goes on with that report (PolNeAR joins it, and the report is mixed)."""
    para = _para_of(paras, f.span[0])
    before = _previous_para(paras, para)
    if before is None or not (before[0] <= prev.span[0] < before[1]):
        return False
    if f.span[0] - para[0] > 1 or para[1] - f.span[1] > 3:
        return False
    tail = text[end : before[1]].strip(' "”’.,')
    # The rest of the cue's sentence may run on ('Ramos said, referring to X, standing
    # now at Y.'), but within one sentence.
    return len(tail) <= _TURN_TAIL and not any(ch in tail for ch in ".!?")


_SENTENCE_STOP = re.compile(r"[.!?]")


def _rest_of_cue_sentence(gap: str) -> bool:
    """Whether ``gap`` is only the end of the sentence that holds the cue ('said from his
    office in Orlando. '): the next quotation opens the very next sentence."""
    body = gap.rstrip().rstrip("".join(ALL_MARKS)).rstrip()
    if not body.endswith(".") or len(body) > 120 or any(m in body for m in ALL_MARKS):
        return False
    return not _SENTENCE_STOP.search(body.rstrip("."))


def _continue_previous(text: str, found: list[Found], paras: list[Span]) -> list[Found]:
    """An uncued quotation right after an attribution's sentence continues that attribution.

    ('The summit did "too little," he added. "Europe risks a lot."': one event.)
    """
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if f.kind == "direct" and f.cue is None and prev is not None and prev.cue is not None:
            para = _para_of(paras, f.span[0])
            end = max(prev.span[1], prev.cue[1], prev.speaker[1] if prev.speaker else 0)
            gap = text[end : f.span[0]]
            same_para = para[0] <= prev.span[0] and (
                (len(gap) <= 12 and not any(c.isalnum() for c in gap)) or _rest_of_cue_sentence(gap)
            )
            if same_para or _next_paragraph_turn(text, prev, f, end, paras):
                parts = (*prev.parts, *f.parts)
                kind = prev.kind if prev.kind == "direct" else "mixed"
                out[-1] = prev.with_(kind=kind, parts=parts, span=(prev.span[0], f.span[1]))
                continue
        out.append(f)
    return out


def joined_parts(text: str, parts: Sequence[Span]) -> tuple[Span, ...]:
    """Content pieces (in order) with those only space apart made one.

    Why: when the parse splits one reported clause in two (two complements of one
    cue, as 'told the audience [...] [he doesn't like ...]'), the pieces found from
    each touch; whether the parse splits depends on the names in the clause, and
    one stretch of words is one piece of content either way.
    """
    out: list[Span] = []
    for p in parts:
        if out and out[-1][1] <= p[0] and not text[out[-1][1] : p[0]].strip():
            out[-1] = (out[-1][0], max(out[-1][1], p[1]))
        else:
            out.append(p)
    return tuple(out)


def _reported_by_according(text: str, sdoc: Any, found: list[Found]) -> list[Found]:
    """'"...," the mayor said, according to the paper. "..."': the quotation and its
    speaker and cue are what the paper reports; one event whose source is the paper,
    its content the quotations (with those that go on after it) and who said them (PolNeAR
    annotates that outer report alone, not the quotation's own). The direct quotation
    whose cue lies inside an 'according to' report's content is folded into it."""
    out = list(found)
    gone: set[int] = set()
    for k, f in enumerate(found):
        if f.kind == "direct" or f.cue_token is None or sdoc[f.cue_token].lower_ != "according":
            continue
        for n, d in enumerate(found):
            if (
                n in gone
                or d.kind != "direct"
                or d.cue is None
                or d.cue[0] < d.parts[0][1]
                or not inside(d.cue, f.span)
                or not overlap(d.parts[0], f.span)
            ):
                continue
            parts = joined_parts(text, sorted({(d.parts[0][0], f.span[1]), *d.parts[1:]}))
            out[k] = f.with_(kind="mixed", parts=parts, span=(parts[0][0], parts[-1][1]))
            gone.add(n)
            break
    return [f for n, f in enumerate(out) if n not in gone]


def attributed_quotes(
    text: str,
    sdoc: Any,
    paras: list[Span] | None = None,
    excluded: Sequence[Span] = (),
    bounded: Sequence[Span] = (),
    marked: tuple[list[Span], list[QuotedSpan]] | None = None,
    open_model: OpenCueModel | None = None,
) -> list[Found]:
    """Every attribution in ``text`` (parsed as ``sdoc``), in text order.

    ``paras`` are the anatomy's paragraphs (blank-line blocks when None); content
    never includes an ``excluded`` span (dateline, boilerplate) nor runs out of a
    ``bounded`` one (headline, standfirst); see :func:`regions`. ``marked``: those
    regions and their :func:`find_quotes`, where the caller has them already.
    ``open_model``: the classifier that keeps reports of verbs outside the lexicons
    (:mod:`presslens.attribution.open_cues`); without it only the lexicons' cues count.
    """
    if marked is None:
        paras = regions(text, paras, excluded, bounded)
        quotes = find_quotes(text, paras)
    else:
        paras, quotes = list(marked[0]), list(marked[1])
    interiors = [q.span for q in quotes]
    direct = find_direct(text, sdoc, quotes, paras)
    used = {f.cue_token for f in direct if f.cue_token is not None}
    clauses = clauses_of(sdoc, paras)
    indirect = find_indirect(sdoc, interiors, paras, clauses)
    by_cue = {f.cue_token: k for k, f in enumerate(direct) if f.cue_token is not None}
    out = list(direct)
    for f in indirect:
        if f.cue_token in used:
            k = by_cue[f.cue_token]
            d = out[k]
            if (
                overlap(f.span, d.span) == 0
                and d.cue is not None
                and not inside(d.cue, f.span)
                and not (f.span[1] <= d.span[0] and d.span[1] <= d.cue[0])
            ):
                # "said [clause]: "quote"": one event, content in two parts.
                parts = joined_parts(text, sorted((*d.parts, f.span)))
                out[k] = d.with_(kind="mixed", span=(parts[0][0], parts[-1][1]), parts=parts)
            continue
        out.append(f)
    out = _reported_by_according(text, sdoc, out)
    if open_model is not None:
        taken = [*(p for f in out for p in f.parts or (f.span,)), *bounded]
        candidates = fresh(open_reports(sdoc, interiors, paras, clauses, taken), out, text, bounded)
        out += open_model.keep(sdoc, candidates)
    turns = find_transcript_turns(text, paras)
    if turns:
        # A transcript turn owns everything inside it (nested cues, its own quote marks).
        out = [f for f in out if not any(_within_turn(f, t) for t in turns)] + turns
    return credited([f for f in finish_events(text, out, paras, excluded) if not _naming(sdoc, f)])


def _naming(sdoc: Any, f: Found) -> bool:
    """Whether the cue is a participle that gives the noun before it its name ('a play
    called "Sons of Trump"', 'the hacker known as "Guccifer"', 'a class titled X'): the
    words after it are a name, nobody's report."""
    cue = _naming_participle(sdoc, f)
    if cue is None:
        return False
    if cue.head.i > cue.i or any(t.is_punct for t in sdoc[cue.head.i + 1 : cue.i]):
        return False  # 'the campaign, called the plan "childish"': a verb of its own
    names = [c for c in cue.children if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as")]
    return len(names) == 1 and not any(c.dep_ in ("dobj", "dative") for c in cue.children)


_SPEAKER_EDGE = " \t\n,;:—–-("


def speaker_span(text: str, span: Span) -> Span | None:
    """A speaker phrase without the commas, dashes and spaces the parse leaves at its edges.

    Why: a subtree ends where the clause does ('A senior official, who spoke on
    condition of anonymity,'); the comma belongs to the sentence, not to who spoke.
    A final full stop or bracket stays ('Jr.', '(R-Texas)'). A span the parse starts
    inside a hyphenated word starts with the word ('co-host ...').
    """
    s, e = span
    while s < e and text[s] in _SPEAKER_EDGE:
        s += 1
    while e > s and text[e - 1] in _SPEAKER_EDGE:
        e -= 1
    if e <= s:
        return None
    # Never from the middle of a hyphenated word ('co-host Mika Brzezinski').
    while s > 1 and text[s - 1] in "-\u2010\u2011" and text[s - 2].isalnum():
        s -= 1
        while s > 0 and text[s - 1].isalnum():
            s -= 1
    return (s, e)


def _trimmed_speaker(text: str, f: Found) -> Found:
    if f.speaker is None:
        return f
    span = speaker_span(text, f.speaker)
    if span == f.speaker:
        return f
    return f.with_(speaker=span, speaker_head=f.speaker_head if span else None)


_OPENING_MARKS = "“«„"
_ONLY_CLOSING = "”»"  # '“' opens an English quotation and closes a „…“ one


def _with_closing_mark(text: str, f: Found) -> Found:
    """A mixed report that ends inside its quoted fragment's marks, with the closing mark
    ('the talks were "at a dead end"', 'назвал решение «политическим шантажом»'): the
    trimming of a sentence's final stop took the mark with it, and the span showed an
    unclosed quotation."""
    if f.kind != "mixed" or f.span[1] >= len(text):
        return f
    inner = text[f.span[0] : f.span[1]]
    nxt = text[f.span[1]]
    straight = nxt == '"' and inner.count('"') % 2 == 1
    curly = nxt in _ONLY_CLOSING + "“" and sum(inner.count(c) for c in _OPENING_MARKS) > sum(
        inner.count(c) for c in _ONLY_CLOSING
    )
    if not (straight or curly):
        return f
    end = f.span[1] + 1
    parts = tuple((s, end if e == f.span[1] else e) for s, e in f.parts)
    return f.with_(span=(f.span[0], end), parts=parts)


def finish_events(
    text: str,
    found: list[Found],
    paras: list[Span] | None,
    excluded: Sequence[Span] | None,
) -> list[Found]:
    """The last steps every language shares: speakers without edge punctuation, one
    event per cue, continued paragraphs joined, cue-less direct quotes inside a
    reported clause folded into it (mixed), and nothing inside the excluded
    furniture; in text order."""
    found = [_trimmed_speaker(text, f) for f in found]
    out = _one_event_per_cue(sorted(found, key=lambda f: f.span))
    out = _continue_previous(text, out, paras)
    reported = [f for f in out if f.kind in ("indirect", "mixed")]
    out = [
        f
        for f in out
        if not (
            f.kind == "direct" and f.cue is None and any(inside(f.span, g.span) for g in reported)
        )
    ]
    if excluded:
        out = _without(text, out, excluded)
    return sorted((_with_closing_mark(text, f) for f in out), key=lambda f: f.span)
