"""Cue and speaker of a direct quotation, found in the text around it (its frame).

Why frames rather than the parse alone: the parser attaches the reporting verb
after a quote to a verb inside it ("...she sleeps," Trump told CNN -> speaker
"she"). So the quotation is treated as a unit: the cue is searched in the text
outside the marks, right of the quote first ("," she said), then left of it
("She said:", "As she pointed out,"), and the speaker is the cue's subject
*inside the frame*, else the nearest noun phrase beside the cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from presslens.attribution.cues import (
    CUE_NOUNS,
    SPEECH_VERBS,
    cue_span,
    is_cue_verb,
    is_speech_verb,
    mended,
)
from presslens.attribution.marks import ALL_MARKS
from presslens.attribution.syntax_utils import (
    apposition_before,
    clipped_subtree,
    issuing_agent,
    last_word_before,
    subject_span,
    tokens_in,
    trim,
)
from presslens.document import Span

_SENT_END = re.compile(r"[.!?][\"”’)]*(?=\s+\S)")
LEFT_OPEN_END = re.compile(r"[:,—–-]\s*$|\b(that|as)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class FrameCue:
    """A cue found beside a quotation, with its speaker and where it was found."""

    cue: Span
    cue_token: int
    speaker: Span | None
    speaker_head: int | None
    addressee: int | None
    side: str  # "right", "next" (next sentence) or "left"
    frame: Span


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    """Sentence ends in ``text[start:end]``, skipping abbreviations ("Rep.", "Mr.", "U.S.")."""
    out = []
    for m in _SENT_END.finditer(text, start, min(len(text), end + 3)):
        if m.end() > end:
            break
        if text[m.start()] == ".":
            w = m.start()
            while w > 0 and (text[w - 1].isalpha() or text[w - 1] == "."):
                w -= 1
            word = text[w : m.start()]
            if (word[:1].isupper() and len(word) <= 3) or "." in word or len(word) == 1:
                continue
        if text[m.end() : m.end() + 40].lstrip()[:1].islower():
            continue  # '(D-Wash.) said': no sentence starts in lower case
        out.append(m.end())
    return out


def _previous_sentence(text: str, floor: int, end: int) -> int:
    ends = [e for e in _sentence_ends(text, floor, end) if e < end - 1]
    return ends[-1] if ends else floor


def left_frame(text: str, open_at: int, floor: int) -> Span:
    """From the start of the sentence holding the opening mark up to it."""
    ends = _sentence_ends(text, floor, open_at)
    return (ends[-1] if ends else floor, open_at)


def right_frame(text: str, close_at: int, ceil: int) -> tuple[Span, bool]:
    """From the closing mark to the end of its sentence; True if that is a new sentence."""
    rest = text[close_at:ceil]
    k = close_at - 1
    while k > 0 and text[k] in ALL_MARKS:
        k -= 1
    quote_ended = text[k] in ".!?"  # '...stop." She said'
    stripped = rest.lstrip()
    new_sentence = quote_ended and bool(stripped) and stripped[0].isupper()
    ends = _sentence_ends(text, close_at, ceil)
    end = ends[0] if ends else ceil
    return (close_at, end), new_sentence


def _quoted(tok: Any, blocked: list[Span]) -> bool:
    return any(b[0] <= tok.idx < b[1] for b in blocked)


def _speaker(tok: Any, frame: Span, blocked: list[Span]) -> tuple[Span | None, int | None]:
    """The cue's subject within the frame, or the noun phrase next to the cue."""
    issuer = _issuer(tok, frame, blocked)
    if issuer is not None:
        return issuer
    above = tok.head if tok.dep_ in ("conj", "xcomp", "advcl") else None
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
        above = tok.head.head  # 'he said before adding:'
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.dep_ == "dobj":
        above = tok.head.head  # 'X emailed supporters saying:' (the parse: supporters saying)
    if above is not None:
        steps = 0  # 'went so far as to say': past the adverb the verb hangs on
        while above.pos_ not in ("VERB", "AUX") and above.head.i != above.i and steps < 2:
            above = above.head
            steps += 1
        steps = 0
        while _quoted(above, blocked) and above.head.i != above.i and steps < 4:
            # 'she stated, "... turned Libya into Syria," adding:': the parse hangs the
            # participle on a verb inside the quotation; who adds is who stated it.
            above = above.head
            steps += 1
    for head in (tok, above):
        if head is None:
            continue
        # The subject of a passive verb above ('was prompted to say', 'was joined by X
        # and joked') said the words; a passive cue's own ('was asked') did not.
        # A participle after a passive ('were shown chanting') is what was seen, not said.
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        passive_ok = head is above and (tok.dep_ == "conj" or infinitive)
        kinds = ("nsubj", "nsubjpass") if passive_ok else ("nsubj",)
        subjects = [c for c in head.children if c.dep_ in kinds and frame[0] <= c.idx < frame[1]]
        span, i = subject_span(head, subjects, frame, blocked)
        if span is not None:
            return span, i
    agent = [c for c in tok.children if c.dep_ == "agent"]
    for a in agent:
        for p in a.children:
            if p.dep_ == "pobj" and frame[0] <= p.idx < frame[1]:
                return clipped_subtree(p, frame, blocked), p.i
    # Fallback: a noun phrase immediately after ("said Smith") or before the cue.
    doc = tok.doc
    for j in (tok.i + 1, tok.i - 1):
        if j == tok.i + 1 and tok.lemma_.lower() in _TELL_OBJECT:
            continue  # 'told AFP': whom it was told, never who told it
        if 0 <= j < len(doc):
            cand = doc[j]
            if (
                j == tok.i + 1
                and frame[0] <= cand.idx < frame[1]
                and (
                    (cand.pos_ in ("ADV", "ADJ") and cand.text[:1].isupper() and cand.is_alpha)
                    or cand.lower_ in ("one", "another")
                )
                and (j + 1 >= len(doc) or doc[j + 1].is_punct)
            ):
                # 'said Skelly, explaining', 'read one.': a name the parse took for an
                # adverb, or 'one' of the things just named, standing alone after the cue
                return (cand.idx, cand.idx + len(cand.text)), cand.i
            leading = cand.pos_ in ("DET", "ADJ", "NUM") or (
                cand.pos_ == "VERB" and cand.dep_ == "amod"  # 'said retired nurse Ann Vik'
            )
            if j == tok.i + 1 and leading:
                # 'added another New Hampshire Democrat', 'said the woman, who ...': the
                # parse takes an inverted speaker for an object or another verb's subject.
                while cand.dep_ in ("det", "amod", "nummod", "compound") and cand.head.i > cand.i:
                    cand = cand.head
            if (
                cand.pos_ in ("PROPN", "NOUN", "PRON")
                and cand.ent_type_ not in ("DATE", "TIME")
                and frame[0] <= cand.idx < frame[1]
            ):
                head = cand
                while head.dep_ in ("compound", "amod", "det", "poss") and head.head.i != tok.i:
                    head = head.head
                span = clipped_subtree(head, frame, blocked)
                if span is not None:
                    return span, head.i
    lead = apposition_before(tok, frame, blocked)
    if lead is not None:
        return lead
    head = _phrase_before(tok, frame)
    if head is not None:
        span = clipped_subtree(head, frame, blocked)
        if span is not None:
            return span, head.i
    return None, None


_ISSUED = CUE_NOUNS | {"video", "ad", "advertisement", "text", "note", "notice"}


def _issuer(tok: Any, frame: Span, blocked: list[Span]) -> tuple[Span | None, int] | None:
    """'she released a statement saying, "..."', 'X put out a video that said, "..."': the
    words of a statement, a video or a message a subject puts out are the subject's (the
    subject of the verb whose object the document is)."""
    doc_noun = tok.head
    if tok.dep_ not in ("acl", "relcl") or doc_noun.lemma_.lower() not in _ISSUED:
        return None
    if doc_noun.dep_ != "dobj" or doc_noun.i > tok.i:
        return None
    verb = doc_noun.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and frame[0] <= c.idx < frame[1]]
    if verb.pos_ != "VERB" or not subjects:
        return None
    span, i = subject_span(verb, subjects, frame, blocked)
    return (span, i) if span is not None else None


def _phrase_before(tok: Any, frame: Span) -> Any | None:
    """The head of the noun phrase that ends right before the cue, past a closing comma:
    '"...," Jane Doe, a top adviser, said' where the parse hangs the name on a verb
    inside the quotation and leaves the cue with no subject. Climbs from the last word
    to the phrase's head, within the frame and before the cue."""
    doc = tok.doc
    k = last_word_before(tok, frame[0])
    if k is None:
        return None
    cand = doc[k]
    while cand.head.i != cand.i and cand.head.i < tok.i and frame[0] <= cand.head.idx:
        cand = cand.head
    if cand.pos_ in ("PROPN", "NOUN", "PRON") and cand.ent_type_ not in ("DATE", "TIME"):
        return cand
    return None


_TELL_OBJECT = frozenset({"tell", "inform", "notify", "brief", "assure", "update"})


def addressee(tok: Any) -> int | None:
    """Who the words were given to: "told TASS", "said to TASS", "speaking with TASS".

    Only the addressee of a verb of telling counts: the object of "accused X" is
    a target, not a route.
    """
    lemma = tok.lemma_.lower()
    for child in tok.children:
        telling = child.dep_ in ("dobj", "dative", "iobj") and lemma in _TELL_OBJECT
        if telling and child.pos_ in ("PROPN", "NOUN"):
            return child.i
        if child.dep_ in ("prep", "dative") and child.lower_ in ("to", "with"):
            for p in child.children:
                if p.dep_ == "pobj" and p.pos_ == "PROPN":
                    return p.i
    return None


def medium_route(tok: Any) -> int | None:
    """The outlet that carried the words of verb ``tok`` ('said, in a statement carried
    by state news agency TASS', 'In an interview with Reuters, X said'): their route,
    shown as 'told TASS' is, but no addressee for the rules (whom words were told to
    decides what a verb reports; a medium does not)."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            medium = next((p for p in child.children if p.dep_ == "pobj"), None)
            route = _outlet_of(medium) if medium is not None else None
            if route is not None:
                return route
    return None


_MEDIA = frozenset(
    {"statement", "interview", "remarks", "comments", "message", "post", "video", "address"}
)


def _outlet_of(medium: Any) -> int | None:
    """The outlet that carried a statement ('in a statement carried by state news agency
    TASS', 'in an interview with Reuters', 'in remarks broadcast by CNN'): the route of
    the words, as 'told TASS' is."""
    if medium.lemma_.lower() not in _MEDIA:
        return None
    for c in medium.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            name = _named(next((p for p in c.children if p.dep_ == "pobj"), None))
            if name is not None:
                return name
    return _named(issuing_agent(medium))


def _named(tok: Any | None) -> int | None:
    """A proper name, or the name in apposition to a noun ('state news agency TASS')."""
    if tok is None:
        return None
    if tok.pos_ == "PROPN":
        return tok.i
    return next((c.i for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)


_DASHES = "―—–"


def dash_cue(text: str, rtoks: list[Any], frame: Span, blocked: list[Span]) -> FrameCue | None:
    """'"..." ― Jane Doe': a dash after the quote, then the speaker's name."""
    first = rtoks[0]
    glued = (
        len(first.text) > 1
        and first.text[0] in "-" + _DASHES
        and first.text[1].isupper()
        and first.pos_ == "PROPN"
    )  # '-Jane Doe': the dash written onto the name
    if not glued and first.text not in _DASHES and not (first.text == "-" and len(rtoks) > 1):
        return None
    names = [first] if glued else []
    for t in rtoks[1:]:
        if t.pos_ in ("PROPN",) or (names and t.text in ".'’-"):
            names.append(t)
        elif t.is_space:
            continue
        else:
            break
    if not names:
        return None
    head = max(names, key=lambda t: t.i if t.pos_ == "PROPN" else -1)
    start = names[0].idx + (1 if glued else 0)
    spk = trim(text, (start, names[-1].idx + len(names[-1].text)), ".")
    cue = (first.idx, first.idx + (1 if glued else len(first.text)))
    return FrameCue(cue, first.i, spk, head.i, None, "right", frame)


def _according(toks: list[Any], frame: Span, blocked: list[Span]) -> FrameCue | None:
    for t in toks:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            to = t.doc[t.i + 1]
            cue = (t.idx, to.idx + len(to.text))
            for p in to.children:
                if p.dep_ == "pobj":
                    return FrameCue(
                        cue, t.i, clipped_subtree(p, frame, blocked), p.i, None, "left", frame
                    )
            return FrameCue(cue, t.i, None, None, None, "left", frame)
    return None


def _cue_candidates(toks: list[Any], loose: bool) -> list[Any]:
    out = [t for t in toks if is_cue_verb(t)]
    if not out and loose:
        out = [t for t in toks if t.pos_ == "VERB"]
    return out


_RELATIVES = frozenset({"which", "who", "whom", "whose", "where", "when"})


# How far the verb may stand after the quotation, past a speaker's apposition
# ('"...?" Eva Lind, a retired nurse from the valley, said'); the apposition's own
# participles ('retired') modify a noun and are no sentence's verb.
_SAID_WITHIN = 12
_MODIFIERS = frozenset({"amod", "acl", "relcl", "compound"})


def _exclaimed_then_said(text: str, outer: Span, rtoks: list[Any]) -> bool:
    """'"... NOW!" Trump said on Twitter.': after a quotation that ends in '!' or '?',
    a capital starts no new sentence when the first verb after it, past its subject,
    is a verb of saying with nothing reported of its own."""
    inner = text[outer[0] : outer[1]].rstrip("".join(ALL_MARKS) + " ")
    if not inner.endswith(("!", "?")):
        return False
    for t in rtoks[:_SAID_WITHIN]:
        if t.pos_ == "VERB" and t.dep_ not in _MODIFIERS:
            return is_speech_verb(t) and not _reports_own(t)
    return False


def _reports_own(verb: Any) -> bool:
    """Whether ``verb`` has words of its own reported right after it: a clause or an
    object that is not whom it was told ('told the station') and is not set off by a
    comma ('asked, repeating a charge that ...' reports the quotation before it)."""
    k = addressee(verb)
    doc = verb.doc
    for c in verb.children:
        if c.dep_ not in ("ccomp", "xcomp", "dobj") or c.i == k:
            continue
        start = min(t.i for t in c.subtree)
        # 'writes back, "You look cute."': a quotation of its own after the comma
        quoted = any(t.is_quote for t in c.subtree) or any(
            doc[j].is_quote for j in range(verb.i + 1, start)
        )
        if (
            start > verb.i
            and any(doc[j].text in ",;:-—–" for j in range(verb.i + 1, start))
            and not quoted
        ):
            continue
        return True
    return False


def _in_relative_clause(tok: Any, frame: Span) -> bool:
    """Whether ``tok`` is in a relative clause on a noun of ``frame`` before it ('a
    source, who asked not to be named, told the paper', 'an official, who was not
    authorized to discuss the talks, said'): that clause describes the speaker; its
    verbs are no cue of the quotation while the frame has a cue of its own."""
    node = tok
    while node.head.i != node.i:
        if node.dep_ == "relcl" and frame[0] <= node.head.idx < node.idx:
            return True
        node = node.head
    return False


_SHORT_WORDS = 4


def _subject_then_verb(text: str, outer: Span, rtoks: list[Any], frame: Span) -> list[Any]:
    """'"...," the mayor barked and walked out': after a quotation closed by a comma, a
    frame that opens with a subject and its finite verb is the report of that verb,
    whatever the verb (barked, beamed, fumed), for a quotation of more than a few words."""
    inner = text[outer[0] : outer[1]].rstrip("".join(ALL_MARKS) + " ")
    if not inner.endswith(",") or len(inner.split()) <= _SHORT_WORDS:
        return []  # a short one is a title or a name ('"Hail, Caesar!," the film ...')
    words = [t for t in rtoks if not t.is_punct]
    verb = next((t for t in words if t.pos_ == "VERB"), None)
    if verb is None or verb.tag_ not in ("VBD", "VBZ") or verb.dep_ not in ("ROOT", "parataxis"):
        return []
    subj = [c for c in verb.children if c.dep_ == "nsubj" and frame[0] <= c.idx < verb.idx]
    phrase = {t.i for t in subj[0].subtree} if subj else set()
    if not phrase or any(t.i not in phrase for t in words if t.i < verb.i):
        return []  # only the subject stands between the quotation and the verb
    return [verb]


_NOUN_PHRASE_START = frozenset({"DET", "PROPN", "NOUN", "ADJ", "NUM", "PRON"})


def _verb_then_subject(text: str, outer: Span, rtoks: list[Any], frame: Span) -> list[Any]:
    """'"This is grand!" beamed the mayor', '"...," exhorted the host': a frame that opens
    with a finite verb and then its subject (the order of a verb of saying after a
    quotation) is the report of that verb, whatever the verb."""
    inner = text[outer[0] : outer[1]].rstrip("".join(ALL_MARKS) + " ")
    if not inner.endswith((",", "!", "?")):
        return []
    words = [t for t in rtoks if not t.is_punct]
    if len(words) < 2:
        return []
    verb, nxt = words[0], words[1]
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ") or verb.dep_ != "ROOT":
        return []
    if nxt.pos_ not in _NOUN_PHRASE_START or nxt.lower_ in ("it", "there", "that", "this"):
        return []
    subj = [c for c in verb.children if c.dep_.startswith("nsubj")]
    if any(c.i < verb.i for c in subj):
        return []
    return [verb]


_FRAME_NOUN_WORDS = 8


def _noun_tagged_cue(
    text: str, outer: Span, rtoks: list[Any], frame: Span, blocked: list[Span]
) -> FrameCue | None:
    """'"...," the email read.', '"...," a voice-over in the ad states.': after a quotation
    closed by a comma, a short frame of a noun phrase and a word of saying, which the
    parse took for a noun, is speaker and cue (the word must be a verb's present or past
    form, and a noun must end right before it: 'the report.' is no such frame)."""
    inner = text[outer[0] : outer[1]].rstrip("".join(ALL_MARKS) + " ")
    if not inner.endswith(","):
        return None
    words = [t for t in rtoks if not (t.is_punct or t.is_space)]
    if not 2 <= len(words) <= _FRAME_NOUN_WORDS:
        return None
    last, before = words[-1], words[-2]
    if last.pos_ != "NOUN" or before.pos_ not in ("NOUN", "PROPN", "NUM", "PRON"):
        return None
    base = mended(last.lemma_.lower(), last.lower_)
    if base not in SPEECH_VERBS and base != "read":
        return None
    if last.lower_ not in (base, base + "s"):
        return None
    spk = trim(text, (words[0].idx, before.idx + len(before.text)))
    if spk is None or any(b[0] <= spk[0] < b[1] for b in blocked):
        return None
    cue = (last.idx, last.idx + len(last.text))
    return FrameCue(cue, last.i, spk, before.i, None, "right", frame)


def _frame_head_cue(rtoks: list[Any], frame: Span) -> list[Any]:
    """The frame's own verb when it is a cue with its subject before it: after a long
    speaker ('"...," Jane Doe, who has farmed the valley for forty years, told the
    paper.') the cue comes after the first verbs and words the search reads; the verbs
    of the speaker's relative clause or apposition hang below it, the cue does not."""
    for t in rtoks:
        if t.pos_ != "VERB" or not is_cue_verb(t):
            continue
        if t.head.i != t.i and frame[0] <= t.head.idx < frame[1]:
            continue
        if any(c.dep_ == "nsubj" and frame[0] <= c.idx < t.idx for c in t.children):
            return [t]
        if (
            t.dep_ == "ROOT"
            and rtoks[0].pos_ in ("PROPN", "DET", "NOUN")
            and not any(c.dep_.startswith("nsubj") and frame[0] <= c.idx for c in t.children)
        ):
            return [t]  # the speaker's name hung on a word inside the quotation
    return []


_HEADING_DASH = re.compile(r"[—–―]|\s-")
_HEADING_WORDS = 7


def _after_heading(text: str, sdoc: Any, frame: Span) -> Span:
    """'Pollsters agree - Jane Doe: "..."' (a newsletter's item: its topic, a dash, the
    source, a colon): the frame is what follows the last dash, a few words with no verb;
    the topic's own verb is not the quotation's cue."""
    body = text[frame[0] : frame[1]].rstrip()
    if not body.endswith(":"):
        return frame
    dashes = list(_HEADING_DASH.finditer(text, frame[0], frame[0] + len(body)))
    if not dashes:
        return frame
    start = dashes[-1].end()
    toks = [t for t in tokens_in(sdoc, (start, frame[1])) if not (t.is_space or t.is_punct)]
    if not toks or len(toks) > _HEADING_WORDS or any(t.pos_ in ("VERB", "AUX") for t in toks):
        return frame
    return (start, frame[1])


def _put_it_cue(
    text: str, ltoks: list[Any], outer: Span, ceil: int, frame: Span, blocked: list[Span]
) -> FrameCue | None:
    """'As the historian put it, "..."': the idiom credits the words after it to the
    verb's subject as a verb of saying does (the cue is 'put it'). Not when the quoted
    words run on into the sentence ('as he puts it, "the best thing" is that ...'), nor
    without a subject in the frame."""
    if text[outer[1] : max(ceil, outer[1])].lstrip()[:1].islower():
        return None
    for tok in reversed(ltoks):
        if tok.pos_ != "VERB" or tok.lemma_.lower() != "put":
            continue
        it = next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ == "it"), None)
        if it is None:
            continue
        spk, head = _speaker(tok, frame, blocked)
        if head is None or head == it.i:
            return None
        cue = (tok.idx, it.idx + len(it.text))
        return FrameCue(cue, tok.i, spk, head, addressee(tok), "left", frame)
    return None


def find_frame_cue(
    text: str,
    sdoc: Any,
    outer: Span,
    floor: int,
    ceil: int,
    blocked: list[Span],
    reach: int | None = None,
) -> FrameCue | None:
    """The cue of the quotation whose marks span ``outer``, searched around it.

    ``floor``/``ceil`` bound the search (previous/next quotation or paragraph edge);
    ``blocked`` are quotation interiors, never part of a speaker; ``reach`` (the
    paragraph's start) is how far back a participle's subject may stand.
    """
    rframe, new_sentence = right_frame(text, outer[1], ceil)
    rtoks = [t for t in tokens_in(sdoc, rframe) if not t.is_space]
    if new_sentence and _exclaimed_then_said(text, outer, rtoks):
        new_sentence = False
    if rtoks and rtoks[0].lower_ in _RELATIVES:
        rtoks = []  # '"...," which votes in June': a clause on the quote's last word
    if rtoks and not new_sentence:
        dash = dash_cue(text, rtoks, rframe, blocked)
        if dash is not None:
            return dash
        verbs = [t for t in rtoks[:16] if t.pos_ == "VERB"]
        near = [t for t in verbs[:2] if is_cue_verb(t)]
        own = [t for t in near if not _in_relative_clause(t, rframe)]
        cands = (
            own
            or ([verbs[0]] if verbs and len(rtoks) <= 6 and not near else [])
            or _frame_head_cue(rtoks, rframe)
            or near
            or _subject_then_verb(text, outer, rtoks, rframe)
            or _verb_then_subject(text, outer, rtoks, rframe)
        )
        if cands:
            tok = cands[0]
            acc = _according([tok], rframe, blocked) if tok.lower_ == "according" else None
            if acc is not None and acc.speaker is not None:
                # '"...," according to the watchdog group.': its object is the source.
                return replace(acc, side="right")
            spk, head = _speaker(tok, rframe, blocked)
            if (
                tok.tag_ == "VBG"
                and tok.i == rtoks[0].i + (1 if rtoks[0].is_punct else 0)
                and not any(c.dep_.startswith("nsubj") for c in tok.children)
            ):
                # '"...," referencing X': a participle after the quotation goes on from
                # the clause before it; a cue before the quotation is the report's own.
                left = find_frame_cue(text, sdoc, outer, floor, outer[1], blocked, reach)
                if left is not None and left.side == "left":
                    return left
            return FrameCue(cue_span(tok), tok.i, spk, head, addressee(tok), "right", rframe)
        tagged = _noun_tagged_cue(text, outer, rtoks, rframe, blocked)
        if tagged is not None:
            return tagged
    lframe = _after_heading(text, sdoc, left_frame(text, outer[0], floor))
    ltoks = [t for t in tokens_in(sdoc, lframe) if not t.is_space]
    if (ltoks and LEFT_OPEN_END.search(text[lframe[0] : lframe[1]])) or (
        ltoks and is_cue_verb(ltoks[-1])
    ):
        acc = _according(ltoks, lframe, blocked)
        cands = [t for t in ltoks if is_cue_verb(t)]
        put = _put_it_cue(text, ltoks, outer, ceil, lframe, blocked)
        if put is not None and (not cands or put.cue_token > cands[-1].i):
            return put
        if cands:
            tok = cands[-1]
            spk, head = _speaker(tok, lframe, blocked)
            if spk is None and reach is not None:
                # 'X described it as a "breach," adding: "..."': the subject of the
                # verb the participle hangs on stands before an earlier quotation.
                start = max(reach, tok.sent.start_char)
                if start < lframe[0] and tok.dep_ in ("advcl", "conj", "xcomp", "pcomp"):
                    spk, head = _speaker(tok, (start, lframe[1]), blocked)
            return FrameCue(cue_span(tok), tok.i, spk, head, addressee(tok), "left", lframe)
        if acc is not None:
            return acc
        if text[lframe[0] : lframe[1]].rstrip().endswith(":"):
            # 'Sanders made the following comment:' - the clause's verb is the cue.
            roots = [
                t for t in ltoks if t.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in t.children)
            ]
            if roots:
                tok = roots[-1]
                spk, head = _speaker(tok, lframe, blocked)
                return FrameCue(cue_span(tok), tok.i, spk, head, addressee(tok), "left", lframe)
        # "Smith: ..." or "In a statement: ..." with no verb: the colon is the cue.
        stripped = trim(text, lframe)
        if stripped and text[lframe[0] : lframe[1]].rstrip().endswith(":"):
            colon = text.rindex(":", lframe[0], lframe[1])
            nouns = [t for t in ltoks if t.pos_ in ("PROPN", "NOUN", "PRON") and t.idx < colon]
            if nouns and len(ltoks) <= 8:
                head = nouns[-1]
                if head.lower_ in CUE_NOUNS and head.head.lower_ == "from":
                    # 'From the report:', 'From her Facebook post:': the report, or
                    # whose post it is.
                    owner = next((c for c in head.children if c.dep_ == "poss"), None)
                    node = owner if owner is not None else head
                    spk = clipped_subtree(node, (lframe[0], colon), blocked)
                    return FrameCue((colon, colon + 1), node.i, spk, node.i, None, "left", lframe)
                if head.lower_ not in CUE_NOUNS:
                    while head.dep_ == "compound":
                        head = head.head
                    spk = clipped_subtree(head, (lframe[0], colon), blocked)
                    return FrameCue((colon, colon + 1), head.i, spk, head.i, None, "left", lframe)
    if not ltoks and lframe[0] > floor:
        # 'Cruz tweeted a warning. "..."': a report without content introduces the quote.
        prev = (_previous_sentence(text, floor, lframe[0]), lframe[0])
        ptoks = [t for t in tokens_in(sdoc, prev) if not t.is_space]
        for tok in ptoks:
            if is_speech_verb(tok) and not any(
                c.dep_ in ("ccomp", "xcomp", "parataxis") for c in tok.children
            ):
                spk, head = _speaker(tok, prev, blocked)
                if spk is not None and not any(t.idx < outer[0] and t.text in '"“”' for t in ptoks):
                    return FrameCue(cue_span(tok), tok.i, spk, head, addressee(tok), "prev", prev)
    if rtoks and new_sentence:
        words = [t for t in rtoks if not (t.is_punct or t.is_space)]
        verb = next((t for t in words if t.pos_ == "VERB"), None)
        if (
            verb is not None
            and 2 <= len(words) <= 4
            and words[-1].i == verb.i
            and verb.tag_ in ("VBD", "VBZ")
            and not is_speech_verb(verb)
            and any(c.dep_ == "nsubj" for c in verb.children)
        ):
            # '"...?" Hannity pressed.': a sentence of only a speaker and a verb
            spk, head = _speaker(verb, rframe, blocked)
            if spk is not None:
                return FrameCue(cue_span(verb), verb.i, spk, head, None, "next", rframe)
        cands = [t for t in rtoks[:5] if is_speech_verb(t)]
        if cands:
            tok = cands[0]
            has_clause = any(c.dep_ in ("ccomp", "xcomp") for c in tok.children)
            if not has_clause:
                spk, head = _speaker(tok, rframe, blocked)
                if spk is not None:
                    return FrameCue(cue_span(tok), tok.i, spk, head, addressee(tok), "next", rframe)
    return None
