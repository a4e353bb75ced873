"""Reported speech without quotation marks, found on the dependency parse.

Why the parse: indirect speech has no marks to find; its shape is a reporting word
with a complement: a clause ("pointed out that ..."), an infinitive ("wants to
..."), a "for"-phrase ("called for ..."), or a clause around a parenthetical
("The plan, he said, failed"); and "according to X". The content is the
complement's subtree, the speaker the subject of the reporting word. Only the
outermost attribution of a nested chain is kept, as PolNeAR annotates.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import Any

from presslens.attribution.cues import (
    INTENT_VERBS,
    SPEECH_VERBS,
    THOUGHT_VERBS,
    cue_span,
    is_cue_verb,
    is_speech_verb,
    is_thought_verb,
    words,
)
from presslens.attribution.cues import lemma as cue_lemma
from presslens.attribution.found import Found, inside
from presslens.attribution.frames import addressee
from presslens.attribution.impressions import HEARSAY_ADVERBS, attitude, hearsay, impression, regard
from presslens.attribution.noun_reports import in_view_report, noun_object_report, received_report
from presslens.attribution.sourcing import PEOPLE_NOUNS
from presslens.attribution.syntax_utils import (
    apposition_before,
    clipped_subtree,
    doc_text,
    last_word_before,
    name_read_as_verb,
    orphaned_lead,
    span_of,
    subject_span,
    tokens_in,
    trim,
    without_possessive,
)
from presslens.document import Span

# Speech verbs whose direct object is what was said ("denied the report").
OBJECT_CUES = words(
    """
    deny confirm announce criticize criticise blast slam attack condemn praise cite
    reject dispute propose recommend demand question acknowledge welcome endorse predict
    want support oppose prefer favor favour expect fear
    defend endorse back describe express denounce discuss show
    """
)
_MIN_CONTENT_TOKENS = 3
# Verbs of giving that report only when what is given is words ('offered no details',
# 'offered his thoughts on X', 'offered a defense of the plan'): PolNeAR marks these
# (about 56 missed gold attributions of 'offer' on the fit articles), but 'offer' with
# any object is a cue less than half the time ('offered a discount', 'offered her a job').
GIVING_VERBS = words("offer")
# Nouns of saying, judging and advising given by a verb of giving.
SAYING_NOUNS = words(
    """
    specifics detail details thought thoughts view views opinion opinions assessment
    assessments evaluation evaluations advice tip tips idea ideas defense defence
    criticism critique critiques praise congratulations condolences apology apologies
    explanation explanations response answer answers reassurance reassurances warning
    warnings prediction predictions forecast forecasts testimony words remarks comment
    comments message messages promise promises suggestion suggestions insight insights
    rebuttal retort argument arguments reason reasons account description vision plan
    plans proposal proposals guidance review reviews
    """
)
# Documents one's words are in ('in an article stating'), as the frames read them.
_DOCUMENT_NOUNS = words(
    """
    statement report memo letter interview tweet post release announcement speech
    message email op-ed column editorial article video ad advertisement note
    """
)
# Verbs that report through a preposition's object: what they talk, write, ask or
# complain about ('talking about the working class', 'referring to X', 'responded to
# the remarks', 'focused on the economy', 'railed against the deal'). Read as cues only
# with that preposition; the content is its object. PolNeAR marks these as attributions
# (the fit articles' misses, bench/quotes_missed.py); no entry depends on who speaks.
PREP_CUES: dict[str, frozenset[str]] = {
    lemma: frozenset(preps.split("/"))
    for lemma, preps in (
        line.split()
        for line in """
    talk about/of
    speak about/of/against/on
    write about/of
    refer to
    respond to
    reply to
    point to
    allude to
    focus on
    comment on
    elaborate on
    reflect on
    touch on
    weigh on
    ask about/for
    call for
    push for
    press for
    hint at
    insist on
    complain about
    brag about/of
    boast about/of
    joke about
    worry about
    warn about/of/against
    testify about/on
    rail against/at
    argue for/against/about
    advocate for
    campaign for/against/on
    vote for/against
    agree with/on
    disagree with/on
    apologize for
    apologise for
    vouch for
    balk at
    lash at/against
    spar with/over
    acquiesce to/in
    think about/of
    believe in
    hope for
    know about
    learn about
    caution against
    speculate about
    muse about
    """.strip().splitlines()
    )
}
# Verbs of taking a side, for or against, whose object, however short, is what the
# holder stands for ('Christie endorsed Trump', 'voters who support Sanders', 'voted
# for Clinton', 'she criticized Singer'):
# PolNeAR marks the object as the content (the fit articles' misses, bench/quotes_missed.py).
STANCE_VERBS = words(
    "support oppose endorse back favor favour prefer vote"
    " criticize criticise blast slam attack condemn denounce praise"
)
_SHORT_HEADS = frozenset({"NOUN", "PROPN"})
# Verbs whose two-word infinitive is a report ('declined to comment', 'vowed to fight').
_SHORT_INFINITIVES = INTENT_VERBS


_PERMISSIONS = words("authorize authorise allow permit")
_NAMING = words("name identify")


def _anonymity_formula(tok: Any) -> bool:
    """Whether the cue ``tok`` is part of a formula that marks a source as anonymous
    ('who was not authorized to discuss the talks', 'who asked not to be named'): it
    reports nothing (what was not discussed, a request not to be named); the speaker
    phrase holding it says whose word the report is, and the sourcing stage reads the
    formula as the basis."""
    head = tok.head
    if (
        tok.dep_ == "xcomp"
        and head.lemma_.lower() in _PERMISSIONS
        and any(c.dep_ == "neg" for c in head.children)
    ):
        return True
    return any(
        c.dep_ == "xcomp"
        and c.lemma_.lower() in _NAMING
        and any(g.dep_ == "auxpass" for g in c.children)
        and any(g.dep_ == "neg" for g in c.children)
        for c in tok.children
    )


def _short_object(tok: Any, comp: list[Any]) -> bool:
    """Whether ``comp`` is a report's short noun object ('endorsed Trump', 'announced
    6,000 layoffs', 'warned about the deficit').

    Why only nouns: a short clause or a pronoun ('backed down', 'support it') rarely
    names what the holder stands for on its own.
    """
    if not comp:
        return False
    if _stand_in(tok):
        return True
    inside = {t.i for t in comp}
    tops = [t for t in comp if t.head.i not in inside]
    if len(tops) != 1:
        return False
    if tops[0].dep_ == "xcomp" and cue_lemma(tok) in _SHORT_INFINITIVES:
        # 'declined to comment', 'refused to say' (news's formula for no answer),
        # 'wants to win'.
        return any(g.dep_ == "aux" and g.lower_ == "to" for g in tops[0].children)
    if tops[0].dep_ == "nsubjpass" and tops[0].lower_ in _NONRESTRICTIVE:
        # 'the letter, which was first reported by the Post': the relative pronoun is the
        # content PolNeAR marks, however short, when the agent makes it a report.
        return any(c.dep_ == "agent" for c in tok.children)
    if tops[0].pos_ not in _SHORT_HEADS:
        return False
    if tops[0].dep_ == "nsubjpass":
        # 'The meeting was first reported by Politico': the agent makes it a report.
        return any(c.dep_ == "agent" for c in tok.children)
    lemma = cue_lemma(tok)
    if tops[0].dep_ == "dobj":
        # What a report verb takes as its object is what was said, however short
        # ('announced 6,000 layoffs', 'lamented illegal immigration', 'questioned his
        # statements'), unless the verb's object is its addressee ('told reporters').
        return (
            lemma in STANCE_VERBS
            or lemma in OBJECT_CUES
            or (lemma in SPEECH_VERBS and _said_object(tok, tops[0]))
            or _given_words(tok) is not None
        )
    # A reporting preposition's object ('warned about the deficit', 'complained about the noise').
    return tops[0].dep_ == "pobj" and (lemma in STANCE_VERBS or prep_of(tok) is not None)


def _short_stance(tok: Any, comp: list[Any]) -> bool:
    """Whether a short object is what the holder stands for or calls someone, however
    short: a person's pronoun after a verb of taking a side ('endorsed him', 'who many
    members oppose'), or an object with what it is called ('called him divisive',
    'calling them rapists')."""
    inside = {t.i for t in comp}
    tops = [t for t in comp if t.head.i not in inside]
    if not tops or tops[0].dep_ != "dobj":
        return False
    if cue_lemma(tok) in STANCE_VERBS and len(tops) == 1:
        return tops[0].pos_ == "PRON" and tops[0].lower_ in _PERSONS
    return any(t.dep_ == "oprd" for t in tops[1:]) and cue_lemma(tok) in _NAMING_VERBS


def _agent_subject(tok: Any) -> list[Any]:
    """'It was never mentioned by the moderators', 'These proposals have been applauded by
    economists': any passive cue verb with its agent named reports its subject, as the
    object cues do (:func:`_passive_object`)."""
    if not is_cue_verb(tok) or tok.tag_ != "VBN":
        return []
    if cue_lemma(tok) in _NO_OBJECT | _CLAUSE_ONLY or cue_lemma(tok) == "write":
        # 'was asked by X', 'was told by X': the subject is whom, not what; 'The novel was
        # written by X' names an author.
        return []
    if not any(c.dep_ == "agent" for c in tok.children):
        return []
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subj is None or (subj.lower_ in _RELATIVE_SUBJECTS and subj.lower_ not in _NONRESTRICTIVE):
        return []
    return list(subj.subtree)


# Relative pronouns of a clause that adds to a noun already named ('the attacks, which
# were claimed by X', 'Doe, who is reviled by Y'): with an agent, a report of that noun
# (issue 19, lex9: 8 of 12 new predictions on the fit articles right; 'that', which
# narrows the noun, was right in none of 2).
_NONRESTRICTIVE = frozenset({"which", "who"})


def _short_passive_noun(tok: Any, comp: list[Any]) -> bool:
    """Whether a short complement is the noun a passive participle with its agent
    describes ('a practice criticized by civil rights groups', 'a call echoed by Japan'):
    what the agent said or stood for, however short, as the object would be."""
    return (
        tok.dep_ == "acl"
        and any(c.dep_ == "agent" for c in tok.children)
        and bool(comp)
        and all(t.i < tok.i for t in comp)
        and tok.head.pos_ in _SHORT_HEADS
    )


def _short_clause(tok: Any, comp: list[Any]) -> bool:
    """Whether a short complement is a clause of its own ('denied it happened', 'said she
    would', 'insists they agree'): a verb with its subject is what was said however short."""
    inside = {t.i for t in comp}
    tops = [t for t in comp if t.head.i not in inside]
    if len(tops) != 1 or tops[0].dep_ != "ccomp" or tops[0].head.i != tok.i:
        return False
    verb = tops[0]
    return verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("what", "which")
        for c in verb.children
    )


_PERSONS = words("him her them me us you who whom")
_NAMING_VERBS = words("call label brand dub")


_NOT_NONFINITE = words("continue show find prove learn know")


def _nonfinite_object(tok: Any) -> list[Any]:
    """'supports squeezing out ...', 'is considering issuing summonses', 'proposed to draft
    him', 'claim to object to ...': a gerund or 'to'-infinitive after a verb of saying,
    thinking or taking a side is what was said, thought or stood for, as a clause would be.
    Not after verbs whose non-finite complement is an aspect or a result ('continued
    fighting', 'proved to be', 'learned to live', 'knows how to')."""
    if not is_cue_verb(tok) or cue_lemma(tok) in _NOT_NONFINITE or _passive(tok):
        return []
    for child in tok.children:
        if child.dep_ != "xcomp" or child.i < tok.i or name_read_as_verb(child):
            continue
        to = any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children)
        if child.tag_ == "VBG" or (to and child.tag_ == "VB"):
            return list(child.subtree)
    return []


# Nouns of saying that 'make' takes as a light verb ('made the case that', 'made no
# mention of', 'made comments about', 'made a plea for'): the phrase says what 'said
# that', 'mentioned', 'commented on' or 'pleaded for' would.
MADE_NOUNS = words(
    """
    case point mention comment comments remark remarks statement statements argument
    arguments plea call appeal reference references prediction predictions pitch
    commitment claim claims accusation accusations allegation allegations announcement
    joke jokes observation observations admission
    """
)


def _given_words(tok: Any) -> Any:
    """The object of a verb of giving when it is a noun of saying ('offered few
    specifics'), or of 'make' when it is one of :data:`MADE_NOUNS`; or None."""
    lemma = cue_lemma(tok)
    if tok.pos_ != "VERB" or (lemma not in GIVING_VERBS and lemma != "make"):
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    nouns = MADE_NOUNS if lemma == "make" else SAYING_NOUNS
    if obj is None or obj.lower_ not in nouns:
        return None
    if lemma == "make" and not _said_about(obj, tok):
        return None  # 'made their case', 'made the announcement': what about is not said
    return obj


_MADE_PREPS = frozenset({"of", "about", "on", "for", "against", "over"})


def _said_about(noun: Any, verb: Any) -> bool:
    """Whether a noun made ('made the case', 'made comments') says what about: a
    preposition of its subject ('of', 'about', 'on', 'for', 'against', 'over'), on the
    noun or on the verb right after it ('made a plea for calm'), or a 'that'-clause
    ('made the point that ...')."""
    end = max(t.i for t in noun.subtree)
    for c in (*noun.children, *(c for c in verb.children if c.i == end + 1)):
        if c.i < noun.i:
            continue
        if (
            c.dep_ == "prep"
            and c.lower_ in _MADE_PREPS
            and any(
                g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME")
                for g in c.children
            )
        ):
            return True
        if c.dep_ in ("acl", "ccomp") and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in c.children
        ):
            return True
    return False


# Speech verbs whose object is the addressee or a thing, not what was said. Not 'thank':
# whom and what for is what PolNeAR marks ('thanked the volunteers for their help').
_NO_OBJECT = words(
    """
    say tell ask inform notify post send share text email message
    """
)
# Speech verbs that report a clause ('maintained that ...', 'advised that ...', 'pledged
# to ...') but whose noun object is a thing kept, counselled or given ('maintained a wide
# lead', 'continued her tour', 'advised the campaign', 'pledged delegates'), unless the
# noun is itself words or an attack in words ('continued his remarks', 'continued his
# assault on the mayor'). 'add' and 'threaten' take a thing too ('added 300 jobs',
# 'the drought threatens the harvest'), yet 'added that ...', 'threatened to resign';
# so does 'write' ('wrote a children's book', 'writes checks'), yet 'wrote that ...'.
_CLAUSE_ONLY = words("maintain continue advise pledge add threaten write")
_ATTACK_NOUNS = words("attack attacks assault assaults onslaught barrage tirade broadside")


def _said_object(tok: Any, obj: Any) -> bool:
    """Whether a speech verb's noun object ``obj`` is what was said."""
    lemma = cue_lemma(tok)
    if lemma in _NO_OBJECT:
        return False
    if lemma not in _CLAUSE_ONLY:
        return True
    if lemma == "write" and _says_what(obj):
        return True
    return bool({obj.lower_, obj.lemma_.lower()} & (SAYING_NOUNS | _ATTACK_NOUNS))


def _says_what(obj: Any) -> bool:
    """Whether a written thing is told with what it says ('wrote a letter urging the
    council to act'): the piece reports its words; 'wrote a letter' alone does not."""
    return any(c.dep_ == "acl" and c.tag_ == "VBG" for c in obj.children)


def _within(token: Any, bounds: Span, blocked: list[Span]) -> tuple[Span | None, int | None]:
    """The subject phrase cut to the clause; if its head lies outside (a parse run across
    a paragraph break), the highest noun of its subtree inside the clause stands in."""
    span = clipped_subtree(token, bounds, blocked)
    if span is not None:
        return orphaned_lead(token, span, bounds), token.i
    inner = [
        t
        for t in token.subtree
        if bounds[0] <= t.idx < bounds[1] and t.pos_ in ("PROPN", "NOUN", "PRON")
    ]
    if not inner:
        return None, None
    top = min(inner, key=lambda t: (len(list(t.ancestors)), t.i))
    return clipped_subtree(top, bounds, blocked), top.i


# The relations a cue's subject is looked for above: an adjective predicate ('eager to
# prove', 'likely to support', 'able to expect') as well as clauses and prepositions, up
# to six steps ('has been the most aggressive in denouncing').
_CLIMB = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep", "advmod", "relcl", "acl", "acomp"})
_CLIMB_STEPS = 6
_EXPLETIVE = frozenset({"it", "there"})


def subject(tok: Any, sent: Any, blocked: list[Span]) -> tuple[Span | None, int | None]:
    """Who reports: the verb's subject, else the subject of the verb it hangs from.

    ('He left, saying that ...' -> He; 'the letter that says ...' -> the letter;
    'was told by X' -> X; 'She'll be eager to prove that ...' -> She; 'took the step of
    accusing ...' -> who took it; 'released an ad that urges ...' -> who released it.)
    """
    bounds = (sent.start_char, sent.end_char)
    has = _contracted_has(tok)
    if has is not None:
        return _within(has, bounds, blocked)
    if _passive(tok):
        # 'When asked whether ..., she said', 'the topic is not expected to come up': who
        # is asked or expected is no speaker; only an agent ('by X') is.
        span, head = _agent(tok, bounds, blocked)
        if span is None:
            span, head = _stranded_agent(tok, bounds, blocked)
        return span, head
    reduced = _reduced_relative_subject(tok, bounds, blocked) or _said_between_commas(
        tok, bounds, blocked
    )
    if reduced is not None:
        return reduced
    cited = _citing_after_report(tok)
    if cited is not None:
        # 'X reported, citing Y': who cites is who reports
        reporter = _within(next(c for c in cited.children if c.dep_ == "nsubj"), bounds, blocked)
        if reporter[0] is not None:
            return reporter
    holder = _participle_holder(tok) or _left_in_state(tok) or _stolen_subject(tok, bounds)
    if holder is not None:
        return _within(holder, bounds, blocked)
    seen = tok
    path: list[str] = []  # the relations climbed so far
    matrix = _matrix_of_trailing_participle(tok)
    if matrix is not None:
        seen, path = matrix, ["advcl"]
    relative = None  # the relative pronoun that is the subject of a relative clause climbed
    below = None  # the word climbed from
    for _ in range(_CLIMB_STEPS):
        if below is not None and path[-2:] == ["pcomp", "prep"]:
            controller = _object_before_prep(seen, below)
            if controller is not None:
                return _within(controller, bounds, blocked)
        subjects = (
            [c for c in seen.children if c.dep_ == "nsubj"]
            or _share_subject(seen)
            or _name_read_as_modal(seen)
            or _subject_read_as_object(seen)
        )
        # Several subjects happen when a parse runs over a break: the clause's own first.
        subjects.sort(key=lambda c: not (bounds[0] <= c.idx < bounds[1]))
        own = [c for c in subjects if bounds[0] <= c.idx < bounds[1]]
        if len(own) > 1 and not any(c.lower_ == "that" for c in own):
            span, head = subject_span(seen, own, bounds, blocked)
            if span is not None:
                return span, head
        for child in subjects:
            if child.dep_ in ("nsubj", "nummod", "aux", "pobj"):  # (see the lists above)
                if child.lower_ in _RELATIVE_SUBJECTS and seen.dep_ == "relcl":
                    relative = child
                    break
                if child.lower_ in _EXPLETIVE and ("acomp" in path or _extraposed(seen, path)):
                    return None, None  # 'it's worth pointing out that ...': nobody
                return _within(child, bounds, blocked)
        held = _passive_holder(seen, path)
        if held is not None:
            return _within(held, bounds, blocked)
        climb = (
            seen.dep_ in _CLIMB
            or (
                # A gerund under a noun's preposition: 'took the step of accusing'.
                path[-2:] == ["pcomp", "prep"]
                and seen.pos_ == "NOUN"
                and seen.dep_ in ("pobj", "dobj", "attr")
            )
            or _comma_coordinated(seen)
            or _under_participle_read_as_main(seen)
            # A superlative the copula's subject is: 'has been the most aggressive in
            # denouncing' (as 'acomp' is climbed: 'eager to prove'); not a comparison
            # ('That is not the same as saying').
            or (seen.dep_ == "attr" and _superlative(seen))
        )
        if not climb or seen.head.i == seen.i:
            break
        shared = _conjunct_subject(seen)
        if shared is not None:
            return _within(shared, bounds, blocked)
        # A means ('by claiming ...') under an infinitive whose doer is an object
        # ('convinced them to leave by claiming', 'pressured lawmakers to drop the bill
        # by warning'): the means is the one who convinced or pressured, not the object.
        means = path[-2:] == ["pcomp", "prep"] and below is not None and below.lower_ == "by"
        caused = None if means else _caused_to(seen)
        if caused is not None:
            return _within(caused, bounds, blocked)
        if seen.dep_ == "xcomp":
            # Raising: 'Obama is reported to have called', 'she is expected to say'.
            raised = next((c for c in seen.head.children if c.dep_ == "nsubjpass"), None)
            if raised is not None:
                return _within(raised, bounds, blocked)
        if seen.dep_ == "xcomp" and not means:
            # Object control: 'prompted Parliament to call', 'led her to declare'; not
            # a means or the time spent ('used his speech to call', 'spent time mocking').
            obj = next((c for c in seen.head.children if c.dep_ == "dobj" and c.i < seen.i), None)
            if obj is not None and seen.head.lemma_ not in _MEANS_VERBS:
                return _within(obj, bounds, blocked)
            # A preposition's object: 'relies on drivers to report', 'appealed to voters to'.
            obj = _prep_controller(seen)
            if obj is not None:
                return _within(obj, bounds, blocked)
        on_noun = seen.head.pos_ in ("PROPN", "NOUN", "PRON")
        if relative is not None and relative.lower_ != "that" and not on_noun:
            return _within(relative, bounds, blocked)  # a relative clause on no noun
        if seen.dep_ in ("relcl", "acl") and on_noun:
            noun = seen.head
            holder = _holder_around(noun, seen)
            if holder is not None:
                return _within(holder, bounds, blocked)
            things = relative is None or relative.lower_ != "who"
            # (Not a gerund on the object of 'leave' / 'keep': 'kept reporters guessing'.)
            left = seen.tag_ == "VBG" and noun.head.lemma_ in _STATE_VERBS
            # (Through a coordination: 'included a photo and data showing'.)
            base = _first_of_coordination(noun)
            if noun.pos_ == "NOUN" and base.dep_ == "dobj" and things and not left:
                # 'The campaign released an ad that urges voters to ...': the campaign.
                owner = next((c for c in base.head.children if c.dep_ == "nsubj"), None)
                if owner is not None and owner.lower_ not in ("that", "which", "who"):
                    span, head = _within(owner, bounds, blocked)
                    if span is not None:
                        return span, head
            owner = _owner_through_prep(noun, things and not left)
            if owner is not None:
                span, head = _within(owner, bounds, blocked)
                if span is not None:
                    return span, head
            own = span_of(seen.subtree)
            span = clipped_subtree(seen.head, bounds, [*blocked, own])
            return _with_relative(span, relative), seen.head.i
        path.append(seen.dep_)
        below, seen = seen, seen.head
    span, head = _agent(tok, bounds, blocked)
    if span is None:
        first = _first_conjunct_below(seen)
        if first is not None:
            return _within(first, bounds, blocked)
    # The verb the climb ended on ('was bracing ... and hoping' climbs to 'bracing'),
    # else the cue itself, may have lost its subject to the opening phrase.
    for verb in dict.fromkeys((seen, tok)):
        if span is None and _finite_without_subject(verb):
            lead = apposition_before(verb, bounds, blocked)
            if lead is not None:
                return lead
    return span, head


_RELATIVE_SUBJECTS = frozenset({"that", "who", "which"})
_COMPLEMENT_MARKS = frozenset({"that", "whether"})


def _complement_clause(verb: Any) -> bool:
    """A clause that is what a word above it says, thinks or holds ('wrote the agents
    knew ...', 'rejected the idea that ...', 'made it clear that ...', 'hedged on whether
    ...'), not an adjunct of time or cause."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.dep_ == "ccomp":
        return True
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if not marks & _COMPLEMENT_MARKS:
        return False
    return verb.dep_ in ("acl", "advcl", "pcomp")


def _matrix_of_trailing_participle(tok: Any) -> Any | None:
    """The verb above a complement clause that a comma-set participle closing the
    sentence was hung on: 'Doe rejected the idea that the plan would fail, saying ...',
    'She wrote the agents knew it, adding ...' (who says or adds is who rejected or
    wrote, not the subject inside what was rejected or written).

    Why: a participle set off by a comma after a clause that is someone's words or
    thought goes with the clause that reports them; the parse hangs it on the nearest
    verb, inside the complement, whose subject is what the report is about.
    """
    if tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "xcomp") or tok.i == 0:
        return None
    if not _set_off(tok):
        return None
    if any(c.dep_ in _SUBJECTS for c in tok.children):
        return None
    clause = tok.head
    if not _complement_clause(clause) or clause.i > tok.i:
        return None
    if any(c.i > tok.i and not c.is_punct for c in clause.children if not _quoted(c)):
        return None  # the participle does not close the clause
    above = clause.head
    for _ in range(4):
        if above.pos_ in ("VERB", "AUX") or above.head.i == above.i:
            break
        above = above.head
    if above.pos_ not in ("VERB", "AUX") or above.i == clause.i:
        return None
    return above


_SEPARATORS = frozenset({",", "-", "\u2013", "\u2014", "--"})
_CLOSING_QUOTES = frozenset({'"', "\u201d", "''", "'"})


def _set_off(tok: Any) -> bool:
    """Whether a comma or a dash (after a closing quotation mark, or before an adverb)
    comes right before ``tok``: 'the plan would fail, saying', '..., essentially
    conceding', 'was dangerous," adding'."""
    doc = tok.doc
    k = tok.i - 1
    if k > 0 and doc[k].dep_ == "advmod" and doc[k].head.i == tok.i:
        k -= 1
    if k > 0 and doc[k].text in _CLOSING_QUOTES:
        k -= 1
    return k >= 0 and doc[k].text in _SEPARATORS


def _quoted(tok: Any) -> bool:
    """Whether a quotation mark opens ``tok``'s phrase (the quoted words a cue closing
    a clause introduces, which the parse may hang on the clause instead)."""
    first = tok.left_edge
    return first.text in _CLOSING_QUOTES | {"\u201c"}


def _share_subject(verb: Any) -> list[Any]:
    """'About 4 in 10 say ...': a share the parse hung on the verb as its number."""
    if verb.pos_ != "VERB":
        return []
    return [c for c in verb.children if c.dep_ == "nummod" and c.i < verb.i][:1]


# Words that open a clause of time or cause, which the parse may read as prepositions.
_SUBORDINATORS = frozenset({"as", "after", "before", "since", "until", "because", "while"})


def _subject_read_as_object(verb: Any) -> list[Any]:
    """'grew louder as Ann Doe, his daughter, attacked him', 'made the announcement after
    Ann Doe earlier in the day touted ...': the subject of a clause of time or cause that
    the parse read as the object of its opening word taken for a preposition, leaving
    the clause's verb without a subject."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return []
    if any(c.dep_ in _SUBJECTS or c.dep_ == "mark" for c in verb.children):
        return []
    doc = verb.doc
    for prep in (*verb.head.children, *verb.children):
        if prep.dep_ != "prep" or prep.lower_ not in _SUBORDINATORS or prep.i > verb.i:
            continue
        obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if obj is None or obj.pos_ not in ("PROPN", "NOUN"):
            continue
        between = doc[max(t.i for t in obj.subtree) + 1 : verb.i]
        if any(t.pos_ in ("VERB", "AUX") for t in between):
            continue
        if obj.i + 1 == verb.i or doc[obj.i + 1].is_punct or obj.pos_ == "PROPN":
            return [obj]
    return []


def _name_read_as_modal(verb: Any) -> list[Any]:
    """'Will wrote', 'May argued': a capitalised name the parse read as the verb's modal
    auxiliary, though a modal takes only a bare verb after it, never a past or a third
    person form. The name is the verb's subject."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBN"):
        return []
    if any(c.dep_ in _SUBJECTS for c in verb.children):
        return []
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if len(aux) != 1 or aux[0].tag_ != "MD" or not aux[0].text.istitle():
        return []
    between = verb.doc[aux[0].i + 1 : verb.i]
    if any(t.pos_ != "ADV" for t in between):
        return []
    return aux


_CONTRACTED = frozenset({"'s", "’s"})


def _contracted_has(verb: Any) -> Any | None:
    """The subject of 'he's said he will ...' that the parse read as a passive 'is said':
    a participle with a clause after it and a contracted auxiliary is 'has said' (the
    passive of a verb of saying takes an infinitive, 'is said to', or an empty 'it')."""
    if verb.tag_ not in ("VBN", "VBD"):
        return None
    if not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None
    aux = [c for c in verb.children if c.dep_ == "auxpass"]
    if len(aux) != 1 or aux[0].lower_ not in _CONTRACTED:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.lower_ in _EXPLETIVE or subj.i > aux[0].i:
        return None
    return subj


def _extraposed(verb: Any, path: list[str]) -> bool:
    """'It is hard to argue that ...': an infinitive the parse hung on the copula beside
    its adjective, whose 'it' stands for the infinitive, not for who argues."""
    return (
        path == ["xcomp"] and verb.lemma_ == "be" and any(c.dep_ == "acomp" for c in verb.children)
    )


# Verbs whose object is the means or the time a non-finite verb after it is done with
# ('used his speech to call for', 'spent more time mocking'): its subject reports.
_MEANS_VERBS = frozenset({"use", "spend"})
# Verbs that leave their object in a state a gerund describes ('has left many voters
# wondering what ...', 'kept reporters guessing whether ...'): the object reports.
_STATE_VERBS = frozenset({"leave", "keep"})


def _holder_around(noun: Any, clause: Any) -> Any | None:
    """Who spent the time a gerund on ``noun`` fills ('spent much of his speech
    defending'): the subject of 'spend' / 'use', not the time or the means."""
    if clause.tag_ != "VBG":
        return None
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i != noun.head.i:
        noun = noun.head.head
    if noun.dep_ == "dobj" and noun.head.lemma_ in _MEANS_VERBS:
        return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    return None


def _stolen_subject(verb: Any, bounds: Span) -> Any | None:
    """The subject of a coordinated clause that the parse read as a noun coordinated
    with the object before it: 'has not talked about the flood and his office did not
    respond', where 'office' hangs on 'flood' and 'respond' shares 'talked''s subject.

    Why: a clause's own subject right before its verb, after 'and' / 'but', is who
    reports; the parse left the verb without one and the 'and' on the noun.
    """
    if verb.dep_ not in ("conj", "ccomp") or verb.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in _SUBJECTS or c.dep_ == "cc" for c in verb.children):
        return None
    if not (verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in verb.children)):
        return None
    k = last_word_before(verb, bounds[0])
    if k is None:
        return None
    noun = verb.doc[k]
    while noun.dep_ in ("pobj", "prep") and noun.head.i < noun.i:
        noun = noun.head  # 'and one in five said': from 'five' to 'one'
    if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
        return None
    if noun.head.dep_ in _SUBJECTS or noun.head.i > noun.i:
        return None
    first = min(t.i for t in noun.subtree)
    cc = verb.doc[first - 1]
    if cc.dep_ != "cc" or cc.head.i != noun.head.i or cc.lower_ not in ("and", "but"):
        return None
    return noun


# Verbs that move their object to do what an infinitive says ('drove thousands of
# farmers to demand', 'prompted the council to argue'), where the parse may hang the
# infinitive on the verb as an adverbial clause (of purpose) instead of its complement.
_CAUSATIVE = frozenset(
    {"drive", "push", "prompt", "lead", "force", "spur", "inspire", "encourage", "compel"}
)


def _caused_to(verb: Any) -> Any | None:
    """The object right before an infinitive a causative verb moves it to: who was
    driven to demand is who demands."""
    if verb.dep_ != "advcl" or verb.head.lemma_ not in _CAUSATIVE:
        return None
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None:
        return None
    obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return obj if max(t.i for t in obj.subtree) + 1 == to.i else None


def _reduced_relative_subject(
    verb: Any, bounds: Span, blocked: list[Span]
) -> tuple[Span | None, int | None] | None:
    """'Activists clamoring to block the mayor say ...': the parse took the participle of
    the subject's reduced relative for the main verb and hung the finite verb on it; the
    subject with its participle phrase, up to the verb, is who reports."""
    head = verb.head
    if (
        verb.dep_ != "dep"
        or head.i >= verb.i
        or head.tag_ != "VBG"
        or verb.tag_
        not in (
            "VBD",
            "VBZ",
            "VBP",
        )
    ):
        return None
    if any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    if any(c.dep_ in ("aux", "auxpass") for c in head.children):
        return None
    subj = next((c for c in head.children if c.dep_ == "nsubj" and c.i < head.i), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
        return None
    k = last_word_before(verb, bounds[0])
    start = min(t.i for t in subj.subtree)
    if k is None or k < head.i:
        return None
    doc = verb.doc
    span = trim(doc_text(doc), (doc[start].idx, doc[k].idx + len(doc[k].text)))
    if span is None or any(b[0] < span[1] and span[0] < b[1] for b in blocked):
        return None
    return span, subj.i


def _said_between_commas(
    verb: Any, bounds: Span, blocked: list[Span]
) -> tuple[Span | None, int | None] | None:
    """'Any reading of the moves, said Ann Doe, an expert, would find ...': a name set
    off by commas right after a comma-set 'said', which the parse took for the subject
    of the clause after it and the fronted noun for the subject of 'said'."""
    doc = verb.doc
    if verb.lemma_ != "say" or verb.i < 1 or verb.i + 1 >= len(doc):
        return None
    if doc[verb.i - 1].text != ",":
        return None
    name = doc[verb.i + 1]
    while name.dep_ == "compound" and name.head.i > name.i:
        name = name.head
    if name.pos_ != "PROPN" or name.dep_ != "nsubj" or name.head.head.i != verb.i:
        return None
    if name.head.dep_ != "ccomp":
        return None
    last = max(t.i for t in name.subtree)
    if last + 1 >= len(doc) or (doc[last + 1].text != "," and doc[last].text != ","):
        return None
    span = clipped_subtree(name, bounds, blocked)
    if span is None:
        return None
    return trim(doc_text(doc), span, ","), name.i


def _left_in_state(tok: Any) -> Any | None:
    """The object of 'leave' / 'keep' right before a gerund hung on the verb: who is
    left wondering is who wonders, not what left them so."""
    if tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "xcomp", "ccomp"):
        return None
    if tok.head.lemma_ not in _STATE_VERBS or any(c.dep_ == "nsubj" for c in tok.children):
        return None
    obj = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    if max(t.i for t in obj.subtree) + 1 != tok.i:
        return None
    return obj


_CONTROL_PREPS = frozenset({"on", "upon", "for"})


def _prep_controller(xcomp: Any) -> Any | None:
    """The object of 'on' / 'for' right before an infinitive, which does what the
    infinitive says: 'relies on drivers to report', 'waited for the board to announce'.
    The parse hangs both on the verb above. Not 'to' ('alluding to him only to echo')."""
    if not any(g.dep_ == "aux" and g.lower_ == "to" for g in xcomp.children):
        return None
    start = min(t.i for t in xcomp.subtree)
    for c in xcomp.head.children:
        if c.dep_ != "prep" or c.i > xcomp.i or c.lower_ not in _CONTROL_PREPS:
            continue
        pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if (
            pobj is not None
            and max(t.i for t in pobj.subtree) + 1 == start
            and pobj.pos_ in ("NOUN", "PROPN", "PRON")
        ):
            return pobj
    return None


def _with_relative(span: Span | None, relative: Any) -> Span | None:
    """The speaker of a relative clause's verb: the noun phrase it hangs on, with the
    relative pronoun that stands for it right after ('experts who', 'the polls that').

    Why: the relative pronoun is the verb's subject and the noun phrase is who it
    names; PolNeAR marks one or the other as the source, about as often each, and
    the speaker phrase holds both words.
    """
    if span is None or relative is None or relative.idx < span[1]:
        return span
    between = doc_text(relative.doc)[span[1] : relative.idx]
    if between.strip(" ,\n"):
        return span
    return (span[0], relative.idx + len(relative.text))


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def _finite_without_subject(tok: Any) -> bool:
    """A finite verb ('said', 'has said') with no subject in the parse: where a comma-set
    name before it was read as an apposition of the opening phrase's noun."""
    if any(c.dep_ in _SUBJECTS for c in tok.children):
        return False
    return tok.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in tok.children)


_RELATIVES = frozenset({"that", "which", "what"})


def _conjunct_subject(verb: Any) -> Any | None:
    """The subject of the conjunct right before a coordinated verb, when the verb they
    hang on has none: 'Hastily dismissing the report, Doe cast the blame on his rivals
    and emphasized that ...', where the parse makes 'dismissing' the head of both
    'cast' and 'emphasized'.

    Why: coordinated verbs share the subject of the one before them; the parse's
    choice of which word heads the chain should not lose it.
    """
    head = verb.head
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return None
    before = [
        c for c in head.children if c.dep_ == "conj" and c.i < verb.i and c.pos_ in ("VERB", "AUX")
    ]
    if not before:
        return None
    subj = next((c for c in before[-1].children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in _RELATIVES or subj.lower_ == "who":
        return None
    return subj


# Prepositions that put a document a subject's words are in ('shot back in an article
# stating', 'spoke during a speech attacking').
_IN_DOCUMENT = frozenset({"in", "during", "through", "via"})


def _first_of_coordination(noun: Any) -> Any:
    """The first conjunct of the coordination ``noun`` is in (``noun`` itself if none):
    'released a photo and data showing X': the data stand where the photo does."""
    while noun.dep_ == "conj" and noun.head.i != noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun


def _owner_through_prep(noun: Any, thing: bool) -> Any | None:
    """Who a report on a noun speaks for when the noun is the object of a preposition:
    'Doe is among those who say ...' (Doe: one of them), and 'Doe shot back in an
    article stating ...' (Doe: the words of a document one speaks in are one's own,
    unless the document names whose it is: 'in her statement condemning').
    """
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.i == prep.i:
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in _RELATIVES or subj.lower_ in _EXPLETIVE:
        return None
    if prep.lower_ == "among" and noun.lower_ in ("those", "people", "others"):
        return subj if verb.lemma_ == "be" else None
    if not thing or prep.lower_ not in _IN_DOCUMENT or noun.pos_ != "NOUN":
        return None
    if any(c.dep_ in ("poss", "compound") for c in noun.children):
        return None  # 'in her statement condemning', 'in the campaign release': its own
    return subj if cue_lemma(noun) in _DOCUMENT_NOUNS else None


# Prepositions after a verb's object that a gerund the object does hangs on: 'kept
# his wife from writing about', 'sold him on supporting', 'talked her into running'.
_CONTROL_GERUND_PREPS = frozenset({"from", "on", "into"})


def _object_before_prep(verb: Any, prep: Any) -> Any | None:
    """The verb's object right before a preposition whose gerund it does: who was kept
    from writing is who writes, not who kept them."""
    if prep.lower_ not in _CONTROL_GERUND_PREPS or verb.pos_ != "VERB":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < prep.i), None)
    if obj is None or obj.pos_ not in ("PROPN", "PRON", "NOUN"):
        return None
    if max(t.i for t in obj.subtree) + 1 != prep.i:
        return None
    return obj


def _under_participle_read_as_main(verb: Any) -> bool:
    """'Doe, channeling his roots, responded by saying ...': the parse took the comma-set
    participle after the subject for the main verb and hung the real one on it as an
    unlabelled dependent; the participle's subject is the verb's."""
    head = verb.head
    if verb.dep_ != "dep" or head.tag_ != "VBG" or head.i >= verb.i:
        return False
    if any(c.dep_ in _SUBJECTS for c in verb.children):
        return False
    return any(c.dep_ == "nsubj" and c.i < head.i for c in head.children)


def _superlative(tok: Any) -> bool:
    """'loudest', 'most aggressive', 'least willing'."""
    if tok.pos_ != "ADJ":
        return False
    return tok.tag_ == "JJS" or any(c.lower_ in ("most", "least") for c in tok.children)


def _comma_coordinated(verb: Any) -> bool:
    """A finite verb the parse left as an unlabelled dependent of a verb before it,
    with only a comma (and an adverb) between the two clauses: 'Doe paused, then
    revealed why ...', 'The agency obfuscated facts, admitted it withheld emails, and
    ...'. The two verbs share a subject, as coordinated verbs do."""
    if verb.dep_ != "dep" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    head = verb.head
    if head.i >= verb.i or head.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in _SUBJECTS for c in verb.children):
        return False
    k = verb.i - 1
    doc = verb.doc
    while k > head.i and doc[k].dep_ == "advmod" and doc[k].head.i == verb.i:
        k -= 1
    return doc[k].text == "," and any(c.dep_ == "nsubj" for c in head.children)


def _first_conjunct_below(verb: Any) -> Any | None:
    """The subject of a first conjunct the parse hung below the next one as its
    complement: 'Doe stood at his pulpit and, citing X, endorsed Roe, urging ...',
    'Doe summed up the plan as "terrible," denounced it and said ...', where 'stood'
    or 'summed' is read as the complement of 'endorsed' or 'denounced', which is left
    without a subject. Only for a finite verb with no subject, and a complement clause
    before it, ended by a comma or an 'and', whose subject is no pronoun of a relative
    clause or an empty 'it'."""
    if not _finite_without_subject(verb) or verb.pos_ != "VERB":
        return None
    doc = verb.doc
    for c in verb.children:
        if c.dep_ != "ccomp" or c.i > verb.i:
            continue
        last = max(t.i for t in c.subtree)
        between = doc[last + 1 : verb.i]
        if not any(t.text == "," or t.lower_ in ("and", "but") for t in between):
            continue
        if any(t.dep_ == "mark" for t in c.children):
            continue  # 'that ...', 'if ...': a clause, not a conjunct
        subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ in _RELATIVES | _EXPLETIVE | {"who"}:
            continue
        if subj.i > c.i:
            continue
        return subj
    return None


_LEAD_MARKS = frozenset({"as", "when", "while", "where"})


def _participle_holder(tok: Any) -> Any | None:
    """Who a subjectless participle clause belongs to when the clause right before it
    has its own subject: 'came when protesters interrupted her speech, shouting ...',
    'which the mayor called a disgrace, blaming ...', 'ended with the host asking ...'.

    Why: the parse hangs the participle on the main verb, whose subject (an incident,
    a rally) is no speaker; the participle goes on the clause just before it. Only a
    clause introduced by 'as', 'when', 'while' or 'where', a relative clause or a
    coordinated clause counts ('after the senator won, remarking' is about the main
    clause's subject), and only with a comma before the participle; 'with X V-ing'
    needs no comma.
    """
    if tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "xcomp") or tok.i == 0:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    doc = tok.doc
    before = doc[tok.i - 1]
    if before.dep_ == "pobj" and before.head.lower_ == "with" and before.head.head == tok.head:
        return before if before.pos_ in ("NOUN", "PROPN", "PRON") else None
    if before.text != "," or tok.i < 2:
        return None
    verb = doc[tok.i - 2]
    while verb.head.i != verb.i and verb.i != tok.head.i and not _clause_verb(verb):
        verb = verb.head
    if verb.i == tok.head.i or verb.i >= tok.i or verb not in tok.head.subtree:
        return None
    if not _clause_verb(verb):
        return None
    marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")}
    if not (verb.dep_ in ("relcl", "conj") or (verb.dep_ == "advcl" and marks & _LEAD_MARKS)):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in _RELATIVES:
        return None
    return subj


def _clause_verb(tok: Any) -> bool:
    """A finite verb with its own subject."""
    return tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in tok.children)


_CITING = frozenset({"citing", "quoting"})


def _citing_after_report(tok: Any) -> Any | None:
    """The report verb a 'citing' / 'quoting' participle follows ('Reuters said, citing
    two officials, that ...', 'Bloomberg reported, citing people familiar with the
    matter, that ...'): the verb right before its comma, with its own subject, or None.

    Why: the parse hangs the participle, and often the 'that' clause, on whatever verb
    it reads as the main one (in the second sentence 'collapsed' of the reported
    clause), so the participle took 'the deal' as its speaker and the clause as its
    content; the one who cites is who reports, and what is cited is the participle's
    object (PolNeAR marks 'citing X' so: the source cites X)."""
    if tok.lower_ not in _CITING or tok.i < 2:
        return None
    doc = tok.doc
    verb = doc[tok.i - 2]
    if doc[tok.i - 1].text != "," or not _clause_verb(verb) or verb.tag_ not in _FINITE_TAGS:
        return None
    return verb if is_speech_verb(verb) else None


def _cited_object(tok: Any) -> list[Any]:
    """What 'citing' / 'quoting' reports: its object, not a 'that' clause the parse
    hung on it (that is the report verb's, :func:`_clause_after_citing`)."""
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    return list(obj.subtree) if obj is not None else []


def _clause_after_citing(tok: Any) -> list[Any]:
    """The 'that' clause after 'X said, citing Y, that C': C, the report verb's own
    complement wherever the parse hung it."""
    doc = tok.doc
    k = tok.i + 2
    if k >= len(doc) or doc[tok.i + 1].text != "," or doc[k].lower_ not in _CITING:
        return []
    if _citing_after_report(doc[k]) is None or doc[k].sent != tok.sent:
        return []
    end = tok.sent.end
    for j in range(k + 1, end - 1):
        if doc[j].text == "," and doc[j + 1].lower_ == "that":
            return [t for t in doc[j + 1 : end] if not (t.is_punct and t.i == end - 1)]
        if doc[j].text in (".", ";", ":"):
            break
    return []


# How a cue hangs from a passive clause as its adjunct ('was fired after suggesting',
# 'was booed ... after telling', 'was denounced ...; praised'), not as a raising verb's
# complement (handled before climbing).
_ADJUNCT_STEPS = frozenset({"advcl", "prep", "pcomp", "conj"})


def _passive_holder(verb: Any, path: list[str]) -> Any | None:
    """The passive subject of a clause that a subjectless cue climbed to as its adjunct.

    Why: 'The spokesman was fired after suggesting that ...' has no active subject
    above the gerund; who was fired is who suggested, as a verb's own subject would be.
    """
    if not path or path[-1] not in _ADJUNCT_STEPS:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _passive(tok: Any) -> bool:
    """A passive cue: with a passive auxiliary or subject, or a bare participle clause
    ('Asked about ..., she said')."""
    deps = {c.dep_ for c in tok.children}
    if _asked_read_as_past(tok, deps):
        return True
    if tok.tag_ != "VBN":
        return False
    if deps & {"auxpass", "nsubjpass"}:
        return True
    if tok.dep_ == "acl" and "agent" in deps:
        return True  # 'the bill, opposed by House Republicans'
    if tok.dep_ == "advcl" and tok.lemma_ in _FEELING and not deps & {"agent", "aux", "nsubj"}:
        return False  # 'Worried the nation might miss its target, the government ...'
    return tok.dep_ == "advcl" and not deps & {"aux", "nsubj"}


# Participles of a state of mind, whose holder is the subject of the clause they open
# ('Worried that ...', 'Convinced that ...'), not someone who worried or convinced them.
_FEELING = frozenset({"worry", "convince", "concern", "persuade", "alarm", "fear"})


# Verbs of asking: who is asked answers, the asker is someone else; and their 'if'- or
# 'whether'-clause is the question, which the parse may hang as an adverbial clause
# ('asked workers if they planned to vote'). One set for both readings: a second
# definition further down used to shadow this one's {ask, press, question, quiz}, and
# the rules were measured with the set below.
_ASKING = words("ask wonder inquire enquire question")


def _asked_read_as_past(tok: Any, deps: set[str]) -> bool:
    """'Asked whether ..., Doe replied', 'Doe, when asked about it, said': a bare
    participle of asking the tagger read as a past tense. It has no subject and no
    auxiliary of its own and hangs on another clause, as no finite past verb does; the
    one asked is no asker."""
    if tok.tag_ != "VBD" or tok.lemma_ not in _ASKING:
        return False
    if deps & {"aux", "auxpass", "nsubj", "nsubjpass", "csubj", "expl"}:
        return False
    return tok.dep_ in ("advcl", "relcl", "xcomp", "ccomp", "acl")


_NOT_AGENTS = frozenset({"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"})


def _stranded_agent(tok: Any, bounds: Span, blocked: list[Span]) -> tuple[Span | None, int | None]:
    """'was asked to preserve the files by the committee', 'was urged to resign by the
    council': the parse hung the passive's 'by' phrase on the infinitive after it."""
    for xcomp in tok.children:
        if xcomp.dep_ != "xcomp" or xcomp.i < tok.i:
            continue
        for c in xcomp.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if (
                    obj is not None
                    and obj.pos_ in ("NOUN", "PROPN")
                    and obj.ent_type_ not in _NOT_AGENTS
                ):
                    return clipped_subtree(obj, bounds, blocked), obj.i
    return None, None


def _agent(tok: Any, bounds: Span, blocked: list[Span]) -> tuple[Span | None, int | None]:
    for child in tok.children:
        if child.dep_ == "agent":
            for p in child.children:
                if p.dep_ == "pobj":
                    return clipped_subtree(p, bounds, blocked), p.i
    return None, None


_MADE_CLEAR = frozenset({"clear", "plain"})
_MADE_CLEAR_CLAUSE = frozenset({"ccomp", "advcl", "xcomp", "nsubj", "dobj"})


def made_clear(tok: Any) -> tuple[Any, list[Any]] | None:
    """'made it clear that ...', 'made clear she would ...', 'makes clear the problems
    ahead': the word 'clear' and the clause (or noun phrase) made clear, or None.

    Why: the phrase says what 'said' would, but its verb reports nothing alone and the
    parse hangs the clause on 'clear' as often as on 'made'.
    """
    if tok.pos_ != "VERB" or tok.lemma_.lower() != "make":
        return None
    doc = tok.doc
    clear = next(
        (
            doc[i]
            for i in (tok.i + 1, tok.i + 2)
            if i < len(doc)
            and doc[i].lower_ in _MADE_CLEAR
            and doc[i].head.i == tok.i
            and (i == tok.i + 1 or doc[i - 1].lower_ == "it")
        ),
        None,
    )
    if clear is None:
        return None
    said = sorted(
        (
            g
            for g in (*clear.children, *tok.children)
            if g.i > clear.i and g.dep_ in _MADE_CLEAR_CLAUSE
        ),
        key=lambda g: g.i,
    )
    if not said:
        return None
    return clear, list(said[0].subtree)


def _first_conjunct(tok: Any, clause: Any) -> bool:
    """'she has promised to X, opposed the deal and ...', 'He pledged to X and cast
    doubt on Y, suggested that ...': the parse hangs the first of a row of verbs sharing
    one subject on a later verb of saying, which has no subject of its own, as its clause.
    That clause (before the cue, with its own subject, a comma between) is no content:
    the cue reports what follows it, and its subject is the cue's speaker (see
    :func:`find_indirect`)."""
    if clause.i > tok.i or tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
        return False
    subj = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj or subj[0].lower_ in ("who", "which", "that", "whom"):
        return False  # 'Beck, who backed X, said ...': a relative clause on the subject
    last = max(t.i for t in clause.subtree)
    between = tok.doc[last + 1 : tok.i]
    if not any(t.text == "," for t in between) or any(t.text in _CLOSING for t in between):
        return False  # '"The river will rise," warned the mayor': a quotation's frame
    return any(c.i > tok.i and c.dep_ in ("dobj", "ccomp", "xcomp", "prep") for c in tok.children)


# Nouns of people and bodies that speak (with :data:`PEOPLE_NOUNS`): who stands after a
# speech verb in the inverted order ('..., claimed a spokesman for the party').
_SPEAKING_NOUNS = words(
    """
    leader chief head president minister secretary senator governor mayor lawmaker
    legislator congressman congresswoman lawyer attorney counsel manager director
    chairman chairwoman chair executive ceo strategist consultant economist professor
    scholar historian pollster candidate nominee challenger incumbent commissioner judge
    prosecutor detective sheriff commander general ambassador envoy opponent voter
    founder owner partner organizer organiser campaign party ministry department agency bank
    government administration committee council board union group company firm police
    """
)
_INVERTED_DEPS = frozenset({"dobj", "npadvmod", "attr", "dative", "oprd", "appos"})
_SPEAKING_ENTS = frozenset({"PERSON", "ORG", "NORP"})
# Clause-taking speech verbs also common in the inverted order with a noun object.
_INVERTED_OBJECT_CUES = words("acknowledge confirm announce predict")


def _speaking_noun(tok: Any) -> bool:
    """A name, or a noun of people or of a body that speaks."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in _SPEAKING_ENTS:
        return tok.ent_type_ not in _NOT_SPEAKER_ENTS
    if tok.pos_ != "NOUN":
        return False
    return bool({tok.lower_, tok.lemma_.lower()} & (PEOPLE_NOUNS | _SPEAKING_NOUNS))


_NOT_SPEAKER_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "MONEY", "PERCENT", "CARDINAL"})


def _clause_before_comma(tok: Any) -> tuple[Any, list[Any]] | None:
    """The clause with its own subject that ends with the comma right before ``tok``
    (its complement, or the verb it is hung on as a conjunct), and its tokens."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text != ",":
        return None
    verb = next((c for c in tok.children if c.dep_ == "ccomp" and c.i < tok.i), None)
    if verb is not None:
        toks = list(verb.subtree)
    elif tok.dep_ == "conj" and tok.head.i < tok.i and tok.head.pos_ in ("VERB", "AUX"):
        verb = tok.head
        if any(c.dep_ == "cc" and c.i < tok.i for c in verb.children):
            return None  # '... and claimed a victory': a row of verbs
        own = {t.i for t in tok.subtree}
        toks = [t for t in verb.subtree if t.i not in own]
        if any(t.i > tok.i and not t.is_punct for t in toks):
            return None
        toks = [t for t in toks if t.i < tok.i]
    else:
        return None
    if max(t.i for t in toks) not in (tok.i - 1, tok.i - 2):
        return None
    if not any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    return verb, [t for t in toks if t.i < tok.i - 1]


def _inverted_report(tok: Any, sent: Any) -> tuple[list[Any], list[Any], Any] | None:
    """'The vote was rigged, claimed a spokesman for the party.': a speech verb with no
    subject after a comma-set clause, and a noun phrase of people closing the sentence
    after it: the clause is what was said and the noun phrase who said it, whatever the
    parse made of it (an object, an adverbial noun, the verb a conjunct of the clause).
    Returns the content's tokens, the speaker's tokens and the speaker's head.

    Why: the parser reads the speaker after 'said' as its subject but after 'claimed',
    'insisted' or 'warned' often as an object; the complement was then dropped as the
    first of a row of verbs (:func:`_first_conjunct`) and the speaker taken as content.
    """
    if tok.pos_ != "VERB" or tok.tag_ not in ("VBD", "VBZ", "VBP") or not is_speech_verb(tok):
        return None
    lemma = cue_lemma(tok)
    if lemma in OBJECT_CUES and lemma not in _INVERTED_OBJECT_CUES:
        return None
    if lemma in _NO_OBJECT and lemma != "say":
        return None  # 'told employees': whom one tells
    if any(c.dep_ in _SUBJECTS for c in tok.children):
        return None
    after = [c for c in tok.children if c.i > tok.i and not c.is_punct]
    nps = [c for c in after if c.dep_ in _INVERTED_DEPS]
    if len(nps) != 1 or any(c.dep_ != "prep" for c in after if c is not nps[0]):
        return None
    np = nps[0]
    if min(t.i for t in np.subtree) != tok.i + 1 or not _speaking_noun(np):
        return None
    if any(c.i < np.i for c in after if c is not np):
        return None
    said = _clause_before_comma(tok)
    if said is None:
        return None
    last = max(t.i for c in after for t in c.subtree)
    # The speaker is the noun phrase with the phrases the parse hung on the verb right
    # after it ('Republican leaders [in the House]'), not a time ('on Friday').
    speaker = list(np.subtree)
    for c in sorted(after, key=lambda c: c.i):
        if c is np or min(t.i for t in c.subtree) != max(t.i for t in speaker) + 1:
            continue
        if any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree):
            break
        speaker.extend(c.subtree)
    speaker = [t for t in speaker if sent.start <= t.i < sent.end]
    if any(not t.is_punct for t in tok.doc[last + 1 : sent.end]):
        return None
    if any(t.is_quote for t in tok.doc[tok.i : sent.end]):
        return None
    return said[1], speaker, np


def complement(tok: Any) -> list[Any]:
    """Tokens of what ``tok`` reports, or [] when it reports nothing."""
    lemma = cue_lemma(tok)
    clear = made_clear(tok)
    if clear is not None:
        return clear[1]
    cited = _cited_object(tok) if _citing_after_report(tok) is not None else []
    if cited:
        return cited
    after_citing = _clause_after_citing(tok)
    if after_citing:
        return after_citing
    clauses = [
        c
        for c in tok.children
        if c.dep_ == "ccomp" and not _clause_across_stop(tok, c) and not _first_conjunct(tok, c)
    ]
    if clauses:
        child = next((c for c in clauses if _runs_on(tok, c, clauses)), clauses[0])
        return [*child.subtree, *_absolute_with(tok, child)]
    question = _asked_if(tok)
    if question is not None:
        return list(question.subtree)
    if lemma in SPEECH_VERBS:
        fragment = _fragment_before(tok)
        if fragment:
            return fragment
    if lemma in INTENT_VERBS:
        for child in tok.children:
            if child.dep_ == "xcomp" and not name_read_as_verb(child):
                return list(child.subtree)
            if child.dep_ == "prep" and child.lower_ in ("for", "on") and lemma == "call":
                rest = [
                    t
                    for c in tok.children
                    if c.i > child.i and c.dep_ in ("xcomp", "ccomp")
                    for t in c.subtree
                ]
                return [*list(child.subtree)[1:], *rest]
    if lemma in SPEECH_VERBS and lemma != "continue":
        # 'reported raising $9 million', 'denied taking the money': a gerund is what
        # was said, as a clause would be ('continued fighting' is no report).
        for child in tok.children:
            if child.dep_ == "xcomp" and child.tag_ == "VBG" and child.i > tok.i:
                return list(child.subtree)
    if lemma in OBJECT_CUES or lemma in STANCE_VERBS or lemma in _PASSIVE_REPORTS:
        passive = _passive_object(tok)
        if passive:
            return passive
    if lemma == "call":
        called = _called_for(tok)
        if called:
            return called
    prep = prep_of(tok)
    if prep is not None:
        return [*list(prep.subtree)[1:], *_prep_tail(tok, prep)]
    given = _given_words(tok)
    if given is not None:
        tail = [t for c in tok.children if c.i > given.i and c.dep_ == "prep" for t in c.subtree]
        return [*given.subtree, *tail]
    stand_in = _stand_in(tok)
    if stand_in:
        return stand_in
    if tok.dep_ == "parataxis" and tok.head.i != tok.i:
        return _parataxis_report(tok)
    clause = _clause_read_as_object(tok)
    if clause is not None:
        return list(clause.subtree)
    if (
        lemma in OBJECT_CUES
        or (lemma in SPEECH_VERBS and lemma not in _NO_OBJECT)
        or (lemma == "find" and _research_subject(tok))
    ):
        # The object after the verb before one in front of it ('a row that the poll has
        # shown Trump in the lead': 'that' is the relative, 'Trump' what was shown).
        objects = sorted(tok.children, key=lambda c: c.i < tok.i)
        for child in objects:
            if child.dep_ == "dobj" and (lemma not in _CLAUSE_ONLY or _said_object(tok, child)):
                # The object with what follows it ('attacked X for accepting ...').
                # A name read as an infinitive ('her vote to [Name]') is the object of
                # the preposition 'to' it is: it goes on as a prepositional phrase would.
                tail = [
                    t
                    for c in tok.children
                    if c.i > child.i
                    and (c.dep_ in ("prep", "advcl", "oprd") or name_read_as_verb(c))
                    for t in c.subtree
                ]
                return [*child.subtree, *tail]
    return []


def _fragment_before(tok: Any) -> list[Any]:
    """What a trailing 'X, two Egyptian officials said.' reports when the parse hangs
    the clause before the comma on the verb as an unlabelled fragment ('dep') rather
    than its complement, or splits the sentence at the comma: the fragment, if it holds
    a verb and ends at the comma right before the verb's subject."""
    subject = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    if subject is None:
        return []
    first = min(t.i for t in subject.subtree)
    doc = tok.doc
    if first < 2 or doc[first - 1].text != ",":
        return []
    heads = [c for c in tok.children if c.dep_ == "dep" and c.i < first]
    top = doc[first - 2]
    while top.head.i != top.i:
        top = top.head
    if top.i < first - 1:
        heads.append(top)  # a tree of its own: the parser split the sentence at the comma
    for head in heads:
        sub = list(head.subtree)
        if sub[-1].i == first - 2 and any(t.pos_ in ("VERB", "AUX") for t in sub):
            return sub
    return []


def _parataxis_report(tok: Any) -> list[Any]:
    """What a reporting clause set in the sentence reports ('X, he said, Y', '..., he
    said, "I hope not."'): the clause it hangs from, less its own subtree and, before
    it, the clauses that are no part of that clause (:func:`_other_clause`).

    Where the parse hangs the cue on a clause after it (a quotation that follows), a
    clause before the cue is another one ('He said he had not seen it, and when asked,
    he said, "I hope not."'), not what this cue reports; the whole clause was taken
    and the content ran back over the sentence's first report. Its subject before the
    cue stays ('The plan, officials said, would cost more')."""
    own = {t.i for t in tok.subtree}
    if tok.head.i > tok.i:
        for c in tok.head.children:
            if c.i < tok.i and _other_clause(c):
                own.update(t.i for t in c.subtree)
    return [t for t in tok.head.subtree if t.i not in own]


def _other_clause(c: Any) -> bool:
    """A clause hung on a reported clause without being part of what is reported:
    another report, a conjunct, or an adverbial clause that is a report ('When asked
    about X, he said, "..."'); a condition ('If X, he said, Y') is part of it."""
    if c.dep_ in ("ccomp", "parataxis", "conj"):
        return True
    return c.dep_ == "advcl" and is_cue_verb(c)


# Nouns that 'say' takes as a true object: words, things and amounts in general ('said
# the right things', 'says a lot of stupid stuff', 'say one word that ...').
_SAID_THINGS = words("thing things stuff word words lot prayer goodbye thanks same least")
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _clause_read_as_object(tok: Any) -> Any | None:
    """'Stone says the increase that X decries also makes Y unlikely', 'the candidate said
    families of people killed by police file lawsuits': 'say' takes no noun object but
    words or things; a noun object with a finite verb below it is the subject of the
    clause said, which the parse mistook for the object and hung its verb on. The noun
    with all below it is the content."""
    if cue_lemma(tok) != "say" or tok.pos_ != "VERB":
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or obj.lemma_.lower() in _SAID_THINGS:
        return None
    below = [t for t in obj.subtree if t.i != obj.i]
    if not any(t.tag_ in _FINITE_TAGS or (t.tag_ == "NN" and t.dep_ == "compound") for t in below):
        return None
    return obj


def _asked_if(tok: Any) -> Any | None:
    """The 'if'/'whether' clause after a verb of asking that the parse read as an
    adverbial clause ('asked workers if they planned to attend'): the question asked,
    the report's content, not a condition."""
    if cue_lemma(tok) not in _ASKING:
        return None
    return next(
        (
            c
            for c in tok.children
            if c.dep_ == "advcl"
            and c.i > tok.i
            and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)
        ),
        None,
    )


# What finds a result ('A poll this month found the mayor ahead', 'studies have found
# little evidence that ...'): with one of these as its subject, 'find' reports its object.
_RESEARCH_NOUNS = words(
    """
    poll polls survey surveys study studies paper papers report reports analysis
    analyses inquiry investigation investigations review audit research
    """
)


def _research_subject(verb: Any) -> bool:
    """Whether the verb's subject (or the noun its relative clause is on) is a poll,
    study or inquiry."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in _RELATIVE_SUBJECTS and verb.dep_ == "relcl":
        subj = verb.head
    return subj is not None and subj.lemma_.lower() in _RESEARCH_NOUNS


_CLAUSE_STOPS = frozenset({";", ":"})


def _clause_across_stop(tok: Any, clause: Any) -> bool:
    """Whether ``clause`` stands before the cue with a semicolon or colon between them
    ('About 60 percent said they were satisfied; 35 percent said they wanted a change'):
    the parse hangs the clause before the stop on the verb after it, but it is a clause
    of its own (its own report, or no report), not what the cue's subject said. A clause
    before the cue set off by a comma ('The plan failed, she said') is its content."""
    if clause.i > tok.i:
        return False
    end = max(t.i for t in clause.subtree)
    return end < tok.i and any(t.text in _CLAUSE_STOPS for t in tok.doc[end + 1 : tok.i])


def _runs_on(tok: Any, clause: Any, clauses: list[Any]) -> bool:
    """Whether ``clause`` follows the cue with no punctuation between them ('Trump said
    he was ready', 'told reporters on Friday that ...').

    Why: with a clause on each side of the cue, the parse has often hung the words
    before it on the cue as well (a sentence run on from the one before, a fronted
    phrase: 'Moments earlier, Trump said he was ready'); the clause right after the
    cue is what it reports. One set off by a comma goes on with the clause before
    ('It is no surprise, she said, that ...').
    """
    start = min(t.i for t in clause.subtree)
    if start <= tok.i or any(t.is_punct for t in tok.doc[tok.i + 1 : start]):
        return False
    # Not where the parse takes an inverted speaker or an adverbial clause for the
    # clause ('..." said Jane Doe, half joking', '..." he said as the crowd booed').
    first = tok.doc[start]
    if first.dep_ == "mark" and first.lower_ not in _OPENING_MARKS:
        return False
    if not any(c.dep_ == "nsubj" and c.i < tok.i for c in tok.children):
        return False
    # A quotation before the cue is what it reports ('"...," she said after a pause').
    lead = min((t.i for c in clauses if c.i < tok.i for t in c.subtree), default=tok.i)
    return not any(t.is_quote for t in tok.doc[lead : tok.i])


_OPENING_MARKS = frozenset({"that", "whether", "if"})


# Words that stand in for what was said or thought: 'said yes', 'thinks so', 'said the
# same of X'.
_ANSWERS = frozenset({"yes", "no", "so"})
_SAID_OF = frozenset({"of", "for", "about", "to", "on"})


def _stand_in(tok: Any) -> list[Any]:
    """'75 percent said yes', 'she thinks so', 'a third said the same of the mayor': a
    word after a cue verb that stands in for a clause, with the phrase it names ('of
    the mayor'); or [].

    Why: in poll reports and answers the clause is given before ('Asked whether ...,
    60 percent said yes'); PolNeAR marks the stand-in as the content, however short.
    """
    if not is_cue_verb(tok) or cue_lemma(tok) == "continue":
        return []
    for c in tok.children:
        if c.i <= tok.i:
            continue
        answer = c.lower_ in _ANSWERS and c.dep_ in ("intj", "advmod", "dobj", "ccomp")
        if answer or (c.dep_ == "dobj" and c.lower_ == "same"):
            # With the phrase it is said of, right after it ('the same of X', 'said no
            # to the war'); not a comparison that goes on ('yes, compared with ...').
            end = max(t.i for t in c.subtree)
            tail = next(
                (
                    list(g.subtree)
                    for g in tok.children
                    if g.dep_ == "prep" and g.i == end + 1 and g.lower_ in _SAID_OF
                ),
                [],
            )
            return [*c.subtree, *tail]
    return []


_TAIL_STOPS = frozenset({"as"})


def _prep_tail(tok: Any, prep: Any) -> list[Any]:
    """The phrases after a prepositional report's object that the parse hangs on the cue
    ('asked about bankruptcies [in his past]'): as with an object's tail, what follows
    the object goes on with it, and whether the parse hangs it on the object or on the
    cue depends on the words in the object (a name among them). Each phrase is read up
    to its first punctuation: an aside in brackets or after a comma hangs anywhere."""
    own = [t for t in prep.subtree if not (t.is_punct or t.is_space)][1:]
    if len(own) < _MIN_CONTENT_TOKENS:
        return []  # a tail never makes a report of a short object ('on Friday [in ...]')
    end = max(t.i for t in prep.subtree)
    out: list[Any] = []
    for c in sorted(tok.children, key=lambda c: c.i):
        if c.i <= end:
            continue
        sub = sorted(c.subtree, key=lambda t: t.i)
        if c.dep_ != "prep" or sub[0].i != end + 1 or c.lower_ in _TAIL_STOPS:
            break
        words = [t for t in sub if t.i < next((p.i for p in sub if p.is_punct), sub[-1].i + 1)]
        if len(words) < 2 or any(t.ent_type_ in ("DATE", "TIME") for t in words):
            break
        out.extend(words)
        if len(words) < len(sub):
            break
        end = sub[-1].i
    return out


# Verbs besides the object cues whose passive subject is what was said ('was first
# reported by', 'were echoed by').
_PASSIVE_REPORTS = words("report echo")


def _passive_object(tok: Any) -> list[Any]:
    """'The meeting was first reported by Politico', 'Kasich, endorsed by the Globe':
    with its agent named, a passive cue's subject (or the noun its participle
    describes) is what was said, as the object would be in the active."""
    if tok.tag_ != "VBN" or not any(c.dep_ == "agent" for c in tok.children):
        return []
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subj is not None:
        return list(subj.subtree)
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i:
        own = {t.i for t in tok.subtree}
        return [t for t in tok.head.subtree if t.i not in own and t.i < tok.i]
    return []


def _absolute_with(tok: Any, clause: Any) -> list[Any]:
    """A 'with'-clause after the complement that goes on with what was said ('shows Trump
    leading Clinton 44 to 37, with 13 percent supporting another candidate'): the parse
    hangs it on the cue, PolNeAR keeps it in the content. One with a speech verb is a
    report of its own ('denied it, with his aide taking to Twitter to call ...')."""
    last = max(t.i for t in clause.subtree)
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ != "with" or c.i <= last:
            continue
        if any(g.dep_ == "pcomp" and g.pos_ == "VERB" for g in c.children) and not any(
            is_speech_verb(t) for t in c.subtree
        ):
            return list(c.subtree)
    return []


def _called_for(tok: Any) -> list[Any]:
    """'called for the city to act': the parse reads 'for' as the mark of a clause
    ('for X to do'), not a preposition; what was called for is that clause."""
    for child in tok.children:
        if child.dep_ == "advcl" and child.i > tok.i:
            mark = next((g for g in child.children if g.dep_ == "mark"), None)
            if mark is not None and mark.lower_ == "for" and mark.i == tok.i + 1:
                return [t for t in child.subtree if t.i != mark.i]
    return []


# Objects that say how or for whom someone spoke, not what about: "spoke on condition of
# anonymity", "on the record", "on background", "on behalf of the ministry".
_MANNER_OBJECTS = words("condition background record behalf")


def _asked_whom(tok: Any, obj: Any) -> bool:
    """Whether ``obj`` is whom a question was put to ('asked the mayor about the budget'):
    a person or a pronoun of one as the object of 'ask', before the preposition."""
    return (
        cue_lemma(tok) == "ask"
        and obj.dep_ == "dobj"
        and (obj.ent_type_ == "PERSON" or obj.lower_ in _PERSONS or obj.pos_ == "PROPN")
    )


def _on_a_speaker(tok: Any) -> bool:
    """Whether ``tok`` is in a relative clause on the subject of a verb of saying ('...,"
    said Jane Doe, who thinks often about ...'): it describes who speaks; a thought there
    is no report of the quotation's."""
    if tok.dep_ != "relcl":
        return False
    noun = tok.head
    return noun.dep_ in ("nsubj", "nsubjpass") and is_speech_verb(noun.head)


# Objects of 'say' that measure how much was said, not what ('said little about the plan',
# 'what it says about America'): the report is what it was said about (issue 19, lex9).
_AMOUNTS = words("little nothing much something anything more less what")
_ABOUT = frozenset({"about"})


def _amount_said(tok: Any, obj: Any) -> bool:
    """Whether ``obj`` is an amount 'say' takes before its 'about'-phrase, no content:
    only then is 'say' read as a prepositional report, as the verbs of
    :data:`PREP_CUES` are."""
    return cue_lemma(tok) == "say" and obj.dep_ == "dobj" and obj.lower_ in _AMOUNTS


def prep_of(tok: Any) -> Any:
    """The preposition through which ``tok`` reports ('talked about'), or None."""
    if tok.pos_ != "VERB":
        return None
    preps = PREP_CUES.get(cue_lemma(tok))
    if preps is None and any(_amount_said(tok, c) for c in tok.children):
        preps = _ABOUT  # 'said little about X'; not 'five things he said about X'
    if not preps or any(
        c.dep_ in ("ccomp", "xcomp", "dobj")
        and not _asked_whom(tok, c)
        and not _amount_said(tok, c)
        for c in tok.children
    ):
        return None
    if cue_lemma(tok) in THOUGHT_VERBS and _on_a_speaker(tok):
        return None
    if _passive(tok) and cue_lemma(tok) != "ask":
        return None  # 'was referred to': no report
    # 'has been asked about a loan', 'Asked about X, ...': a report whose asker is not
    # said (PolNeAR marks it with no source).
    return next(
        (
            c
            for c in tok.children
            if c.dep_ == "prep"
            and c.lower_ in preps
            and c.i > tok.i
            and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
            and not any(g.dep_ == "pobj" and _manner_or_time(g) for g in c.children)
        ),
        None,
    )


def _manner_or_time(obj: Any) -> bool:
    """Whether a preposition's object says how or when someone spoke, not what about:
    'on condition of anonymity', and 'spoke on Monday' (the day is when the speaking
    happened; as content it made 'Monday' what the mayor said)."""
    return obj.lower_ in _MANNER_OBJECTS or obj.ent_type_ in ("DATE", "TIME")


def _according(tok: Any, sent: Any, blocked: list[Span]) -> Found | None:
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    phrase = span_of([tok, *(pobj.subtree if pobj is not None else [to])])
    assert phrase is not None
    bounds = (sent.start_char, sent.end_char)
    before = trim(doc_text(doc), (bounds[0], phrase[0]))
    after = trim(doc_text(doc), (phrase[1], bounds[1]), ".")
    sides = [s for s in (before, after) if s is not None]
    if not sides:
        return None
    content = max(sides, key=lambda s: s[1] - s[0])
    speaker = clipped_subtree(pobj, bounds, blocked) if pobj is not None else None
    if speaker is None:
        speaker = _words_after(to, bounds)
    cue = (tok.idx, to.idx + len(to.text))
    return Found(
        "indirect",
        content,
        (content,),
        cue,
        speaker,
        pobj.i if pobj is not None else None,
        None,
        tok.i,
    )


def _words_after(to: Any, bounds: Span) -> Span | None:
    """The words after 'according to' up to the next comma or the sentence's end, when
    the parse gave 'to' no object or the object is a quoted title ('according to "The
    Fixers," a history of the studio', 'according to the F.A.A.'): who the words are
    from, whatever the parse made of them."""
    doc = to.doc
    toks = []
    for t in doc[to.i + 1 :]:
        if t.idx >= bounds[1] or (t.text in (",", ";") and toks):
            break
        toks.append(t)
    return trim(doc_text(doc), span_of(toks), ".")


class _Clause:
    """A sentence cut to one paragraph (spaCy sentences can run across headlines)."""

    def __init__(self, sent: Any, para: Span):
        doc = sent.doc
        toks = [t for t in sent if para[0] <= t.idx < para[1]]
        self.start = toks[0].i if toks else sent.start
        self.end = toks[-1].i + 1 if toks else sent.start
        self.start_char = doc[self.start].idx if toks else para[0]
        self.end_char = (doc[self.end - 1].idx + len(doc[self.end - 1].text)) if toks else para[0]
        self.tokens = toks


def clauses_of(sdoc: Any, paras: list[Span]) -> list[_Clause]:
    """Each sentence cut to each paragraph it runs in: the units reports are read in."""
    out: list[_Clause] = []
    for sent in sdoc.sents:
        for para in paras:
            if para[0] < sent.end_char and sent.start_char < para[1]:
                c = _Clause(sent, para)
                if not c.tokens:
                    continue
                if c.tokens[0].text in (",", ";") and out and out[-1].end == c.start:
                    # No sentence opens with a comma: the parser split one ('Talks stalled
                    # on Sunday, two Egyptian officials said.' read as two), so the units
                    # are glued back.
                    c = _Clause(sdoc[out[-1].start : c.end], para)
                    out.pop()
                out.append(c)
    return out


# Nouns that carry a that-clause of reported content ("his claim that ...").
CLAIM_NOUNS = words(
    """
    claim claims assertion allegation allegations argument belief view warning promise
    pledge statement suggestion accusation contention insistence prediction assurance
    admission insinuation charge complaint hope fear
    """
)
# More nouns with a that-clause of what someone thinks or says ('the idea that', 'advice
# from aides that', 'speculation that'), measured on the fit articles (session 13).
CLAIM_NOUNS_MORE = words(
    """
    assumption advice speculation rumor rumour revelation recommendation demand
    impression worry criticism suspicion
    """
)
_ALL_CLAIM_NOUNS = CLAIM_NOUNS | CLAIM_NOUNS_MORE  # once, not per noun token


_HOLDER_PREPS = frozenset({"by", "from"})
_SAID_IN = frozenset({"in", "with", "under"})


# Verbs whose subject stirs up or undoes a claim others hold, not holds it ('the
# megadeal fuelled speculation that', 'the program undermines the assumption that').
_STIRRING = words(
    """
    fuel stoke spark prompt trigger feed fan undermine dispel contradict refute
    debunk belie undercut
    """
)


def _stirs(verb: Any) -> bool:
    return cue_lemma(verb) in _STIRRING


def _noun_holder(
    tok: Any, sent: Any, bounds: Span, blocked: list[Span]
) -> tuple[Span | None, int | None]:
    """Who holds a claim noun without a possessive: 'claims by the agencies that',
    'the promise she has made is that', the subject of the verb whose object it is
    ('made the claim that'), or of the verb it is said in or with ('said in a statement
    that', 'protested in the hope that', 'entered the debate with an argument that')."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in _HOLDER_PREPS and c.i > tok.i:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return clipped_subtree(pobj, bounds, blocked), pobj.i
        if c.dep_ == "relcl" and c.i > tok.i:
            subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ not in _RELATIVE_SUBJECTS:
                return _within(subj, bounds, blocked)
    verb = tok.head
    if tok.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in _SAID_IN:
        verb = verb.head
    elif tok.dep_ != "dobj":
        return None, None
    if verb.pos_ not in ("VERB", "AUX") or _stirs(verb):
        return None, None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in _RELATIVE_SUBJECTS:
        return None, None
    return _within(subj, bounds, blocked)


def _noun_report(tok: Any, sent: Any, blocked: list[Span]) -> Found | None:
    """'Trump's claim that ...', 'the warning that ...', 'His argument was that ...'."""
    clause = next(
        (
            c
            for c in tok.children
            if c.dep_ in ("acl", "ccomp")
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ),
        None,
    )
    if clause is None and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
        clause = next((c for c in tok.head.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return None
    comp = [t for t in clause.subtree if sent.start <= t.i < sent.end]
    if len([t for t in comp if not t.is_punct]) < _MIN_CONTENT_TOKENS:
        return None
    content = trim(doc_text(tok.doc), span_of(comp), ".")
    if content is None or any(inside(content, q) for q in blocked):
        return None
    bounds = (sent.start_char, sent.end_char)
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    speaker: Span | None = None
    head: int | None = None
    if poss is not None:
        speaker, head = clipped_subtree(poss, bounds, blocked), poss.i
    else:
        speaker, head = _noun_holder(tok, sent, bounds, blocked)
    speaker = without_possessive(doc_text(tok.doc), speaker)
    kind = "mixed" if any(inside(q, content) for q in blocked) else "indirect"
    cue = (tok.idx, tok.idx + len(tok.text))
    return Found(kind, content, (content,), cue, speaker, head, None, tok.i)


def _orphaned(tok: Any, inside: range) -> bool:
    """Whether ``tok`` hangs, through its ancestors in the clause, from a word outside it."""
    seen = tok
    for _ in range(64):
        head = seen.head
        if head.i == seen.i:
            return False
        if head.i not in inside:
            return True
        seen = head
    return False


def with_orphans(comp: list[Any], clause: Any) -> list[Any]:
    """The complement with the words after it that the parse hung outside the clause.

    Why: across a paragraph break spaCy often reads on into the next paragraph and
    attaches a clause's last words there ('... to intimidate farmers' + 'Interior
    Minister ...' gives 'farmers' as a compound of 'Minister'); cut to the paragraph
    they belong to nothing, and whether they do depends on the names that follow.
    Words right after the complement whose attachment leaves the clause continue it.
    """
    if not comp:
        return comp
    inside = range(clause.start, clause.end)
    doc = comp[0].doc
    last = max(t.i for t in comp)
    extra = []
    i = last + 1
    while i < clause.end:
        t = doc[i]
        if not (t.is_punct or t.is_space or _orphaned(t, inside)):
            break
        extra.append(t)
        i += 1
    while extra and (extra[-1].is_punct or extra[-1].is_space):
        extra.pop()
    return [*comp, *extra]


_LABEL_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "NUM", "PART", "CCONJ", "PUNCT"})
_LINE_END = re.compile(r"[.!?](?=\s|$)")
_HEADLINE_WORDS = 25


def _name_mistagged(tok: Any) -> bool:
    """A capitalised word of a headline label the tagger read as another part of speech
    ('Issa' as an adjective, 'HUFFPOLLSTER' as a verb): a name all the same."""
    if tok.pos_ not in ("ADJ", "VERB", "INTJ") or not tok.text[:1].isupper():
        return False
    return tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")


def _sentence_end(doc: Any, text: str, start: int, end: int) -> int | None:
    """Where the first sentence of ``text[start:end]`` ends, not counting the dot of an
    abbreviation ('D.C. lobbyists'), or None."""
    for m in _LINE_END.finditer(text, start, end):
        at = next((t for t in doc if t.idx <= m.start() < t.idx + len(t.text)), None)
        if at is not None and len(at.text) > 1 and at.text.endswith("."):
            continue
        return m.end()
    return None


def _colon_report(tok: Any, clause: Any, text: str, blocked: list[Span]) -> Found | None:
    """'Poll: Sanders leads in Iowa', 'Jeb Bush: Student loans ...': a line opened by a
    short noun phrase and a colon reports what follows (headline style)."""
    before = [t for t in clause.tokens if t.i < tok.i]
    if not before or len(before) > 6 or clause.tokens[0].idx != clause.start_char:
        return None
    start = clause.start_char
    if start > 0 and text[start - 1] != "\n":
        return None
    if any(t.pos_ not in _LABEL_POS and not _name_mistagged(t) for t in before):
        return None
    if before[-1].is_punct:
        return None
    heads = [t for t in before if t.pos_ in ("PROPN", "NOUN") or _name_mistagged(t)]
    if not heads:
        return None
    if len(before) == 1 and len(before[0].text) == 1:
        return None  # 'Q:' / 'A:' turns belong to the transcript pass
    # Only a line of its own (a headline or a title line), one sentence long.
    end = text.find("\n", tok.idx)
    end = len(text) if end < 0 else end
    m = _sentence_end(tok.doc, text, tok.idx + 1, end)
    if m is not None and text[m:end].strip():
        return None
    if len(text[start:end].split()) > _HEADLINE_WORDS:
        return None
    content = trim(text, (tok.idx + 1, end), ".")
    if content is None or len(text[content[0] : content[1]].split()) < _MIN_CONTENT_TOKENS:
        return None
    if any(inside(content, q) for q in blocked):
        return None
    kind = "mixed" if any(inside(q, content) for q in blocked) else "indirect"
    speaker = span_of(before)
    cue = (tok.idx, tok.idx + 1)
    return Found(kind, content, (content,), cue, speaker, heads[-1].i, None, tok.i)


def noun_read_for_verb(tok: Any) -> bool:
    """A reporting word the tagger made a noun but the parse gives a subject and an
    object or clause, as a verb's ('half of the voters surveyed support [noun] X'):
    with one name after it the tagger says verb, with another noun. A noun takes no
    subject of its own, so the parse's frame decides, not the tag."""
    if tok.pos_ != "NOUN" or cue_lemma(tok) not in SPEECH_VERBS | THOUGHT_VERBS:
        return False
    deps = {c.dep_ for c in tok.children}
    return "nsubj" in deps and bool(deps & {"dobj", "ccomp"})


_CONTRASTS = frozenset({"while", "whereas", "though", "although"})


def _own_report(clause: Any) -> bool:
    """Whether ``clause`` (or a verb right under it) is a report with a subject of its
    own ('while the councils defended', 'because she worries')."""
    return any(
        is_cue_verb(t) and any(c.dep_ == "nsubj" for c in t.children)
        for t in (clause, *clause.children)
    )


def _contrast(clause: Any) -> bool:
    """An adverbial clause of contrast: 'while ...', 'though ...', 'even as ...'."""
    for c in clause.children:
        if c.dep_ != "mark":
            continue
        if c.lower_ in _CONTRASTS:
            return True
        if c.lower_ == "as" and c.i > 0 and c.doc[c.i - 1].lower_ == "even":
            return True
    return False


def without_trailing_report(tok: Any, comp: list[Any]) -> list[Any]:
    """A report's content cut before an adverbial clause at its end that is a report of
    its own: 'is backing the incumbent because she worries that ...', 'criticized the
    governor for the cut, while the councils defended it'. After a clause complement
    ('said that X') only a clause of contrast counts ('said X, while others said Y'):
    the reason or time of what was said ('said she left because she feared ...') is
    part of what was said.

    Why: the parse hangs such a clause on a word of the content, but it says what
    someone else (or the same speaker, apart) reports; PolNeAR annotates it as its own
    report, never inside another's content, and the content before it ends there.
    """
    words_at = [t.i for t in comp if not (t.is_punct or t.is_space)]
    if not words_at:
        return comp
    first, last = min(words_at), max(words_at)
    own = set(words_at)
    clausal = any(t.head.i not in own and t.dep_ in ("ccomp", "parataxis") for t in comp)
    if not clausal:
        comp = _without_closing_apposition(comp, first, last)
    for t in sorted(comp, key=lambda t: t.i):
        if t.i == tok.i or t.dep_ != "advcl":
            continue
        sub = [s.i for s in t.subtree]
        if min(sub) <= first or max(sub) < last:
            continue
        if not clausal and (_saying_after(t, min(sub)) or _cue_participle(tok, t, min(sub))):
            return [c for c in comp if c.i < min(sub)]
        if not _own_report(t):
            continue
        if clausal and not _contrast(t):
            continue
        return [c for c in comp if c.i < min(sub)]
    return comp


def _without_closing_apposition(comp: list[Any], first: int, last: int) -> list[Any]:
    """An object's content cut before an apposition (:func:`_gloss`) set off by a comma
    or a dash that runs to its end ('cited the case of the hacker, a group that officials say ...',
    'predicted a victory - a landslide that ...'): the writer's gloss on the thing
    reported, often holding a report of its own, which PolNeAR leaves out of the
    object's content."""
    for t in sorted(comp, key=lambda t: t.i):
        if t.dep_ != "appos" or not _gloss(t):
            continue
        start = _tail_start(t, first, last)
        if start is None or start <= first + 1:
            continue
        before = t.doc[start - 1]
        if before.text in (",", "-", "--", "\u2013", "\u2014"):
            return _cut_before(comp, start)
    return comp


def _gloss(noun: Any) -> bool:
    """A common noun with its determiner ('a group that ...', 'the Founding Father'): a
    description, where a name or a bare noun set after a comma may as well be the next
    item of a list the parse misread ('an image of X, money and a star')."""
    return noun.pos_ == "NOUN" and any(c.dep_ in ("det", "poss") for c in noun.children)


def _after_comma(doc: Any, start: int) -> bool:
    """Whether token ``start`` comes right after a comma, past the closing quotation
    marks and spaces between ('the party,” claiming ...', 'the incident,\xa0calling')."""
    k = start - 1
    while k >= 0 and (doc[k].is_space or doc[k].text in _CLOSING):
        k -= 1
    return k >= 0 and doc[k].text == ","


# Closing marks with the single right quotation mark, which ends a quotation or an
# elision before a comma ('the party,’ claiming').
_CLOSING = _CLOSING_QUOTES | {"’"}


def _saying_after(verb: Any, start: int) -> bool:
    """A participle of saying set off by a comma after an object ('endorsed the mayor on
    Tuesday, saying he ...', 'criticized the plan, calling it ...'): a report of the same
    speaker's own, which PolNeAR annotates apart; the object's report ends before it."""
    return (
        verb.tag_ == "VBG"
        and is_speech_verb(verb)
        and _after_comma(verb.doc, start)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and bool(complement(verb))
    )


def _cue_participle(tok: Any, verb: Any, start: int) -> bool:
    """A participle set off by a comma on the cue itself after its object ('continued his
    attack on the governor, mocking his record', 'rejected the plan, hoping to delay it'):
    what else the speaker did, not what the cue reports; PolNeAR ends the object's
    content before it, as before a participle of saying (:func:`_saying_after`)."""
    return (
        verb.head.i == tok.i
        and verb.tag_ == "VBG"
        and _after_comma(verb.doc, start)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _put_it(tok: Any) -> bool:
    """'as she put it': a verb of saying only in this formula."""
    return cue_lemma(tok) == "put" and any(
        c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children
    )


def _clause_around(
    head: Any, aside: Any, sent: Any, blocked: list[Span], own: set[int] | None = None
) -> tuple[Span, tuple[Span, ...]] | None:
    """The clause of ``head`` without the phrase ``aside`` heads (an 'as'-clause, an 'in
    a poll' phrase), or without the tokens ``own`` where given: its pieces around the
    aside, or None when it is under three words, lies in a quotation or names a source of
    its own ('according to X')."""
    if own is None:
        own = {t.i for t in aside.subtree}
    toks = sorted(
        (t for t in head.subtree if t.i not in own and sent.start <= t.i < sent.end),
        key=lambda t: t.i,
    )
    runs: list[list[Any]] = []
    for t in toks:
        if runs and runs[-1][-1].i + 1 == t.i:
            runs[-1].append(t)
        else:
            runs.append([t])
    # 'But, as X noted, ...': a lone conjunction before the clause is no piece of it.
    runs = [r for r in runs if any(t.dep_ != "cc" and not t.is_punct for t in r)]
    text = doc_text(head.doc)
    parts = [trim(text, span_of(run), ".") for run in runs]
    pieces = tuple(p for p in parts if p is not None)
    words = [t for r in runs for t in r if not (t.is_punct or t.is_space)]
    if not pieces or len(words) < _MIN_CONTENT_TOKENS:
        return None
    if any(t.lower_ == "according" for t in words):
        return None  # the clause names its own source ('..., according to X')
    if any(inside(p, q) for p in pieces for q in blocked):
        return None
    return (pieces[0][0], pieces[-1][1]), pieces


_POLL_NOUNS = frozenset({"poll", "survey"})


def poll_of(tok: Any) -> Any:
    """The poll a clause opens with ('In a recent poll, ...'): the object of an 'in'
    before ``tok`` when it is a poll or survey, else None."""
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ != "in" or c.i > tok.i:
            continue
        pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if pobj is not None and pobj.lemma_.lower() in _POLL_NOUNS:
            return pobj
    return None


_SHARES = frozenset({"percent", "%", "majority", "half", "third", "quarter", "most"})


def _share_of_people(verb: Any) -> bool:
    """Whether the verb's subject is a share of those polled ('79 percent of Democrats',
    'a majority', 'six in 10')."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    return any(t.like_num or t.lower_ in _SHARES for t in subj.subtree)


def poll_report(tok: Any, sent: Any, blocked: list[Span]) -> Found | None:
    """'In a recent poll, the mayor leads by ten points': a clause read in a poll is the
    poll's report (PolNeAR: source the poll, cue 'In'), when its verb reports nothing
    itself ('In a poll, most voters said ...' keeps the verb's report, with the poll as
    its source, see :func:`find_indirect`)."""
    if tok.dep_ != "prep" or tok.lower_ != "in" or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    head = tok.head
    pobj = poll_of(head)
    if pobj is None or pobj.head.i != tok.i or tok.i > head.i or _reports(head):
        return None  # only a clause opened by the poll: 'rose in the polls' is no report
    if any(c.dep_ in ("ccomp", "auxpass") for c in head.children):
        return None  # '73 percent accepted that ...', 'voters were asked ...': their own
    around = _clause_around(head, tok, sent, blocked)
    if around is None:
        return None
    content, pieces = around
    kind = "mixed" if any(inside(q, content) for q in blocked) else "indirect"
    bounds = (sent.start_char, sent.end_char)
    speaker = clipped_subtree(pobj, bounds, blocked)
    cue = (tok.idx, tok.idx + len(tok.text))
    return Found(kind, content, pieces, cue, speaker, pobj.i, None, tok.i)


def _as_reported_by(tok: Any) -> bool:
    """'As reported by the Times, ...', 'as first reported by X': a passive 'as'-clause of
    saying with its agent named, who is the speaker."""
    return is_speech_verb(tok) and any(c.dep_ == "agent" for c in tok.children)


def _as_known(tok: Any) -> bool:
    """'as we learned in Iowa', 'as she showed in the debates', 'as some liberals hope':
    a verb of knowing, showing or hoping with its subject and no object of its own ('as
    she seeks reelection' is a time)."""
    return (
        is_thought_verb(tok)
        and any(c.dep_ == "nsubj" for c in tok.children)
        and not any(c.dep_ in ("dobj", "xcomp", "ccomp", "oprd", "attr") for c in tok.children)
    )


def as_report(tok: Any, sent: Any, blocked: list[Span]) -> Found | None:
    """'As the auditor noted, the city spent more on consultants', 'The council raised
    the fees, as the paper reported', 'as one critic put it': a verb of saying in an
    'as'-clause with nothing reported of its own attributes the clause it hangs on (the
    content, around the 'as'-clause), to its own subject.

    Why: the parse reads the 'as'-clause as an adverbial clause of the main verb, so the
    cue has no complement and the main clause (or a report inside it) went to nobody or
    to another speaker; PolNeAR annotates the main clause as what the 'as'-clause's
    subject reported. A main verb that reports a clause itself ('As he noted, the mayor
    said that ...'), or a clause that names its source ('according to X'), keeps its own;
    one that reports an object ('as the paper first reported, the mayor voiced support
    for X', 'the RNC agreed to ..., as the site revealed') is part of what the 'as'-clause
    reports, as PolNeAR annotates it.
    """
    if tok.dep_ != "advcl" or tok.pos_ != "VERB" or tok.head.i == tok.i:
        return None
    marks = [c for c in tok.children if c.dep_ == "mark"]
    if [m.lower_ for m in marks] != ["as"] or marks[0].i > tok.i:
        return None  # 'as if to say', 'as though'
    doc = tok.doc
    as_ = marks[0]
    if as_.i > sent.start and doc[as_.i - 1].text != "," and as_.i > tok.head.i:
        return None  # 'grew impatient as he joked': a time, set off by no comma
    if not (is_speech_verb(tok) or _put_it(tok) or _as_known(tok)) or cue_lemma(tok) == "continue":
        return None  # 'as the war continues': no saying
    if (_passive(tok) and not _as_reported_by(tok)) or complement(tok):
        return None
    after = tok.idx + len(tok.text)
    if any(after <= q[0] <= after + 4 or as_.idx - 4 <= q[1] <= as_.idx for q in blocked):
        return None  # '"...," as she said,': the quotation's own frame (the direct pass's)
    head = tok.head
    for _ in range(4):  # 'The bridge, as one engineer put it, is ...': hung on the subject
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    if _reports(head) and any(c.dep_ == "ccomp" for c in head.children):
        return None  # 'As he noted, the mayor said that ...': the main verb's own report
    around = _clause_around(head, tok, sent, blocked)
    if around is None:
        return None
    content, pieces = around
    kind = "mixed" if any(inside(q, content) for q in blocked) else "indirect"
    speaker, spk_head = subject(tok, sent, blocked)
    cue = cue_span(tok)
    if _put_it(tok):
        it = next(c for c in tok.children if c.dep_ == "dobj")
        cue = (cue[0], max(cue[1], it.idx + len(it.text)))
    return Found(kind, content, pieces, cue, speaker, spk_head, addressee(tok), tok.i)


# Verbs of intent that are no verbs of saying or thinking ('vote', 'push', 'press',
# 'encourage'): cues only with an infinitive.
_INTENT_ONLY = INTENT_VERBS - SPEECH_VERBS - THOUGHT_VERBS


def _intent_infinitive(tok: Any) -> bool:
    """'The council voted to close the plant', 'leaders are pushing to end the deal',
    'she encouraged voters to stay home', 'pressed the mayor to resign': a verb of intent
    with a 'to'-infinitive is a report of what its subject wants (PolNeAR marks it), the
    infinitive (with whom it urges) the content."""
    if tok.pos_ != "VERB" or cue_lemma(tok) not in _INTENT_ONLY or _passive(tok):
        return False  # 'pressed by X to resign': who was pressed wants nothing
    return any(
        c.dep_ == "xcomp"
        and c.i > tok.i
        and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for c in tok.children
    )


_ASIDE_DEPS = frozenset({"advcl", "conj", "ccomp"})
_ASIDE_STOPS = frozenset({",", "—", "--", "–", "-"})


# What makes a cue verb no bare aside: a clause, object or predicate of its own, a
# coordination ('toughen, student debt would decline, and ...'), a mark or an infinitive.
_ASIDE_OWN = frozenset(
    {"dobj", "dative", "iobj", "xcomp", "ccomp", "oprd", "acomp", "attr", "cc", "conj", "mark"}
)


def _aside_blocks(tok: Any, child: Any) -> bool:
    """Whether ``child`` of the cue ``tok`` makes it more than an aside ('said a lot',
    'sent Nega north', 'deemed unfit', 'to counter'); whom it was told is no obstacle
    ('told The Post')."""
    if child.dep_ == "aux" and child.lower_ == "to":
        return True
    if child.dep_ not in _ASIDE_OWN:
        return False
    return not (child.dep_ in ("dobj", "dative") and addressee(tok) == child.i)


def aside_report(tok: Any, sent: Any, blocked: list[Span]) -> Found | None:
    """'The plant will close, the company's chief executive told reporters', 'If she
    wins, Clinton suggested in a tweet, the law will stay': a cue verb with its own
    subject and nothing reported of its own, set off by a comma or dash after or inside
    the clause it hangs on, attributes that clause (around it) to its subject.

    Why: the parse often hangs such a reporting clause on the reported clause's verb as
    an adverbial clause, a conjunct or a clausal complement, not as the head the clause
    would hang on (or as a parataxis): the cue then has no complement, and PolNeAR
    annotates the clause around it as what the cue's subject said. The verb's object
    may be whom it was told ('told The Post'); a mark ('as', 'if', 'when'), a
    conjunction before it ('and said') or a report of the host's own keep their reading.
    """
    if tok.dep_ not in _ASIDE_DEPS or tok.pos_ != "VERB" or not is_cue_verb(tok):
        return None
    head = tok.head
    if head.i == tok.i or head.pos_ not in ("VERB", "AUX") or _passive(tok):
        return None
    if tok.tag_ == "VBG" or any(_aside_blocks(tok, c) for c in tok.children):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in _RELATIVE_SUBJECTS:
        return None
    # The aside runs from its subject (or the verb) to its end; what the parse hung on
    # the cue before it ('Instead, [Trump told CNN], ...') goes with the clause.
    start = min(tok.i, min(t.i for t in subj.subtree))
    aside = sorted(t.i for t in tok.subtree if t.i >= start)
    if aside[-1] - aside[0] + 1 != len(aside) or aside[0] != start:
        return None
    doc = tok.doc
    if start <= sent.start or doc[start - 1].text not in _ASIDE_STOPS:
        return None
    after = aside[-1] + 1
    if after < sent.end and not doc[after].is_punct:
        return None
    if complement(tok) or _reports(head):
        return None
    if not any(c.dep_ in _SUBJECTS for c in head.children):
        return None  # the host is no clause of its own
    around = _clause_around(head, tok, sent, blocked, set(aside))
    if around is None:
        return None
    content, pieces = around
    kind = "mixed" if any(inside(q, content) for q in blocked) else "indirect"
    speaker, spk_head = subject(tok, sent, blocked)
    return Found(kind, content, pieces, cue_span(tok), speaker, spk_head, addressee(tok), tok.i)


_PASSIVE_PREDICATE_PREPS = frozenset({"as", "of", "for", "with"})
# 'is assured of winning': certain, not reassured by anyone.
_NO_PASSIVE_PREDICATE = words("assure")


def _passive_predicate(tok: Any) -> Any | None:
    """The predicate a passive cue gives its subject ('is considered [an asset]', 'was
    declared [the winner]', 'is projected [to be ...]', 'is known [for ...]', 'was accused
    [of ...]', 'was remembered [as ...]'), or None."""
    for c in sorted(tok.children, key=lambda c: c.i):
        if c.i < tok.i:
            continue
        if c.dep_ in ("oprd", "xcomp"):
            return c
        if (
            c.dep_ == "prep"
            and c.lower_ in _PASSIVE_PREDICATE_PREPS
            and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
        ):
            return c
    return None


def _predicate_agent(pred: Any) -> Any | None:
    """The 'by' of a passive's agent that the parse hung on its predicate ('considered a
    danger by most fishermen'), or None."""
    for c in pred.children:
        if c.dep_ == "prep" and c.lower_ == "by" and c.i > pred.i:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if (
                obj is not None
                and obj.pos_ in ("NOUN", "PROPN")
                and obj.ent_type_ not in _NOT_AGENTS
            ):
                return c
    return None


def passive_predicate_report(tok: Any, sent: Any, blocked: list[Span]) -> Found | None:
    """'Pigs are considered unclean by many', 'He was accused of fraud', 'The deficit is
    projected to be $500 billion', 'She is known for her temper': a passive cue verb
    with nothing reported of its own says something of its subject; PolNeAR marks the
    subject and the predicate as the content (two pieces), the agent as the source (none
    without one)."""
    if tok.pos_ != "VERB" or not is_cue_verb(tok) or tok.tag_ != "VBN":
        return None
    if cue_lemma(tok) in _NO_PASSIVE_PREDICATE:
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subj is None or complement(tok):
        return None
    pred = _passive_predicate(tok)
    if pred is None:
        return None
    text = doc_text(tok.doc)
    # The agent the parse hangs inside the predicate ('considered a danger [by most
    # fishermen]') is the speaker: the predicate stops before it.
    by = _predicate_agent(pred)
    agents = [g.i for g in tok.subtree if g.dep_ == "agent"] + ([by.i] if by is not None else [])
    pieces = []
    for t in (subj, pred):
        stop = min((i for i in agents if i > t.i), default=sent.end)
        own = [g for g in t.subtree if sent.start <= g.i < min(sent.end, stop)]
        if not own:
            return None
        piece = trim(text, span_of(own), ".")
        if piece is None:
            return None
        pieces.append(piece)
    words = [g for t in (subj, pred) for g in t.subtree if not (g.is_punct or g.is_space)]
    if len(words) < _MIN_CONTENT_TOKENS:
        return None
    if any(min(p[1], q[1]) > max(p[0], q[0]) for p in pieces for q in blocked):
        return None  # a quotation in it: the direct pass's ('shown chanting "..."')
    pieces.sort()
    content = (pieces[0][0], pieces[-1][1])
    kind = "mixed" if any(inside(q, content) for q in blocked) else "indirect"
    speaker, spk_head = subject(tok, sent, blocked)
    if speaker is None and by is not None:
        obj = next(g for g in by.children if g.dep_ == "pobj")
        speaker, spk_head = clipped_subtree(obj, (sent.start_char, sent.end_char), blocked), obj.i
    return Found(kind, content, tuple(pieces), cue_span(tok), speaker, spk_head, None, tok.i)


# Nouns a relative clause is on as an adverb, not an object ('the time he said', 'the
# reason she gave'), and the relative adverbs ('a year when voters ...').
_ADVERBIAL_HEADS = words("time times day days year years moment week month night way reason place")
_RELATIVE_ADVERBS = frozenset({"when", "where", "why", "how", "that", "which"})


def relative_object_report(tok: Any, sent: Any, blocked: list[Span]) -> Found | None:
    """'a deal she once supported', 'something he denied', 'the things the candidate had
    said about immigrants', 'the trends Democrats point to': a cue verb in a relative
    clause whose object is the noun the clause is on reports that noun (PolNeAR marks the
    noun phrase, however short, as the content and the clause's subject as the source).
    """
    if tok.dep_ != "relcl" or tok.pos_ != "VERB" or not is_cue_verb(tok) or _passive(tok):
        return None
    noun = tok.head
    if noun.pos_ not in ("NOUN", "PROPN", "PRON") or noun.i > tok.i:
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ not in _RELATIVE_SUBJECTS for c in tok.children):
        return None
    if noun.lemma_.lower() in _ADVERBIAL_HEADS or noun.ent_type_ in ("DATE", "TIME"):
        return None  # 'the day she said', 'the way he put it': no object relative
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp", "oprd", "attr", "acomp", "dobj", "dative"):
            return None  # an object of its own, or a relative one the cue already reads
        if c.dep_ in ("advmod", "mark") and c.lower_ in _RELATIVE_ADVERBS:
            return None
        if c.dep_ == "prep" and any(g.dep_ in ("pobj", "pcomp") for g in c.children):
            preps = PREP_CUES.get(cue_lemma(tok), frozenset())
            if c.lower_ in preps:
                return None  # 'a plan she talked about with X' has its own object
    own = {t.i for t in tok.subtree}
    doc = tok.doc
    after = doc[tok.i + 1 : min(max(own) + 2, len(doc))]
    end = tok.idx + len(tok.text)
    if any(t.text == ":" or t.is_quote for t in after) or any(
        end <= q[0] <= end + 6 for q in blocked
    ):
        return None  # 'an ad in which he declares: "..."': a quotation's own cue
    if any(
        c.dep_ == "prep" and any(g.lower_ in ("which", "whom") for g in c.children)
        for c in tok.children
    ):
        return None  # 'in which he declares': the noun is where, not what, he said
    toks = [t for t in noun.subtree if t.i not in own and t.i < min(own) and t.i >= sent.start]
    if not toks:
        return None
    text = doc_text(tok.doc)
    content = trim(text, span_of(toks), ".")
    if content is None or any(min(content[1], q[1]) > max(content[0], q[0]) for q in blocked):
        return None
    speaker, spk_head = subject(tok, sent, blocked)
    return Found("indirect", content, (content,), cue_span(tok), speaker, spk_head, None, tok.i)


def verb_report(
    tok: Any, sent: Any, text: str, interiors: list[Span], prep: Any = None
) -> tuple[Found, int | None] | None:
    """The report of verb ``tok`` with its complement as content and its subject as
    speaker, or None where the complement is too short or a quotation; with the cue
    token of a report cut off its end (see :func:`without_inner_report`).

    ``prep``: the preposition that makes the verb a cue ('called for'), if any.
    """
    inverted = _inverted_report(tok, sent)
    if inverted is not None:
        comp = inverted[0]
    else:
        comp = complement(tok) or _nonfinite_object(tok) or _agent_subject(tok)
    comp = [t for t in comp if sent.start <= t.i < sent.end]
    if not comp:
        return None  # most verbs: nothing reported (checked first, it is the common case)
    comp = without_trailing_report(tok, with_orphans(comp, sent))
    comp, heir = without_inner_report(tok, comp)
    words = [t for t in comp if not t.is_punct and not t.is_space]
    if (
        len(words) < _MIN_CONTENT_TOKENS
        and not _short_object(tok, comp)
        and not _short_stance(tok, comp)
        and not _short_clause(tok, comp)
        and not _short_passive_noun(tok, comp)
    ):
        return None
    content = trim(text, span_of(comp), ".")
    if content is None:
        return None
    if any(inside(content, q) for q in interiors):
        return None  # the content is a quotation: the direct pass owns it
    kind = "mixed" if any(inside(q, content) for q in interiors) else "indirect"
    if inverted is not None:
        speaker = trim(text, span_of(inverted[1]), ".")
        head = inverted[2].i
    else:
        speaker, head = subject(tok, sent, interiors)
    if speaker is None:
        # 'she has promised X, opposed Y': the first verb's subject is the cue's.
        first = next((c for c in tok.children if _first_conjunct(tok, c)), None)
        if first is not None:
            speaker, head = subject(first, sent, interiors)
    poll = poll_of(tok)
    if poll is not None and _share_of_people(tok):
        # 'In a poll, 79 percent said ...': PolNeAR names the poll as the source.
        speaker = clipped_subtree(poll, (sent.start_char, sent.end_char), interiors)
        head = poll.i
    cue = cue_span(tok)
    if prep is not None:
        cue = (cue[0], max(cue[1], prep.idx + len(prep.text)))
    clear = made_clear(tok)
    if clear is not None:
        cue = (cue[0], clear[0].idx + len(clear[0].text))
    return (
        Found(kind, content, (content,), cue, speaker, head, addressee(tok), tok.i),
        heir,
    )


def find_indirect(
    sdoc: Any, interiors: list[Span], paras: list[Span], clauses: list[Any] | None = None
) -> list[Found]:
    """Indirect and mixed attributions whose cue lies outside every quotation
    (``clauses``: :func:`clauses_of` of the same text, where the caller has them)."""
    text = doc_text(sdoc)
    found: list[Found] = []
    used: set[int] = set()
    quoted = {t.i for span in interiors for t in tokens_in(sdoc, span)}
    impressions: set[int] = set()  # indices in ``found`` of 'X seems to Y'
    heirs: dict[int, int] = {}  # a cut-off report's cue token -> the report it was cut from
    for sent in clauses if clauses is not None else clauses_of(sdoc, paras):
        for tok in sent.tokens:
            if tok.i in used or tok.i in quoted:
                continue
            if tok.text == ":":
                f = _colon_report(tok, sent, text, interiors)
                if f is not None:
                    found.append(f)
                continue
            if tok.lower_ == "in":
                f = poll_report(tok, sent, interiors)
                if f is not None:
                    found.append(f)
                    continue
            if tok.lower_ == "according":
                f = _according(tok, sent, interiors)
                if f is not None:
                    found.append(f)
                continue
            if tok.pos_ == "NOUN":
                f = None
                if tok.lemma_.lower() in _ALL_CLAIM_NOUNS:
                    f = _noun_report(tok, sent, interiors)
                if f is None:
                    f = noun_object_report(tok, sent, interiors, subject)
                if f is None:
                    f = in_view_report(tok, sent, interiors)
                if f is None:
                    f = received_report(tok, sent, interiors, subject)
                if f is not None:
                    found.append(f)
                if not noun_read_for_verb(tok):
                    continue
            f = impression(tok, sent, interiors, _reports) or hearsay(
                tok, sent, interiors, _reports
            )
            if f is not None:
                found.append(f)
                impressions.add(len(found) - 1)
                continue
            f = regard(tok, sent, interiors, subject) or attitude(tok, sent, interiors, subject)
            if f is not None:
                found.append(f)
                continue
            if _anonymity_formula(tok):
                continue
            f = (
                as_report(tok, sent, interiors)
                or aside_report(tok, sent, interiors)
                or passive_predicate_report(tok, sent, interiors)
                or relative_object_report(tok, sent, interiors)
            )
            if f is not None:
                found.append(f)
                continue
            prep = prep_of(tok)
            if not lexical_cue(tok, prep):
                continue
            report = verb_report(tok, sent, text, interiors, prep)
            if report is None:
                continue
            found.append(report[0])
            if report[1] is not None:
                heirs[report[1]] = len(found) - 1
    found = _with_heirs(found, heirs)
    found = before_relatives(sdoc, found)
    kept = outermost(_without_hosts(found, _yielding(sdoc, found, impressions)))
    return [f for f in kept if _plausible(sdoc, text, f)]


def _plausible(sdoc: Any, text: str, f: Found) -> bool:
    """Whether a report survives the checks every found report goes through: no
    impersonal judgement, purpose noun, markup, question to the reader, 'added to',
    imperative or headline kicker."""
    return not (
        _impersonal_judgement(sdoc, f)
        or _noun_purpose(sdoc, f)
        or _markup_cue(text, f)
        or _reader_question(sdoc, f)
        or _added_to(sdoc, f)
        or _imperative(sdoc, f)
        or _kicker(text, f)
    )


def lexical_cue(tok: Any, prep: Any) -> bool:
    """Whether verb ``tok`` is a cue by the lexicons (or by a preposition, an intent
    infinitive, words given or 'made clear'), as :func:`find_indirect` reads it."""
    return (
        prep is not None
        or is_cue_verb(tok)
        or _intent_infinitive(tok)
        or noun_read_for_verb(tok)
        or _given_words(tok) is not None
        or made_clear(tok) is not None
    )


def open_reports(
    sdoc: Any,
    interiors: list[Span],
    paras: list[Span],
    clauses: list[Any] | None = None,
    taken: Sequence[Span] = (),
) -> list[Found]:
    """Reports of verbs outside every lexicon: any verb with a complement clause, a
    'to'-infinitive, an object or a prepositional object after it reads as a report,
    its subject as the speaker. A verb of the lexicons the rules did not read as a
    report is a candidate with an infinitive, an object or a prepositional object
    only (its clauses are the rules' to read).

    Why: of the PolNeAR attributions the rules miss on the fit articles (4,287), a
    quarter have a verb cue with its object as content (1,030: 'signed the bill',
    'nominated a judge') and more with a prepositional object, a clause or an
    infinitive; their verbs are a long tail no word list reaches (be, have, see, look,
    make, take, ...). These candidates are many and mostly wrong (about one in ten
    matches an attribution the rules miss); :mod:`presslens.attribution.open_cues`
    keeps those a classifier trained on PolNeAR reads as attributions. Tried and left
    out, the cross-validated gain inside the folds' spread: nouns with a prepositional
    object ('support for the bill') and passive verbs reporting their subject (these
    also read differently by the names in the subject).
    """
    text = doc_text(sdoc)
    # Verbs inside a quotation, or inside ``taken`` (what the rules report, the
    # headline): their candidates would be dropped, so none is read (the cost is the
    # subject and complement of every other verb).
    blocked = sorted((*interiors, *taken))
    starts = [b[0] for b in blocked]
    reach = list(accumulate((b[1] for b in blocked), max))  # furthest end so far
    found: list[Found] = []
    for sent in clauses if clauses is not None else clauses_of(sdoc, paras):
        for tok in sent.tokens:
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            at = bisect_right(starts, tok.idx) - 1
            if (at >= 0 and tok.idx < reach[at]) or _anonymity_formula(tok):
                continue
            if lexical_cue(tok, prep_of(tok)):
                report = _infinitive_report(tok, sent, text, interiors) or _object_report(
                    tok, sent, text, interiors
                )
            else:
                report = (
                    verb_report(tok, sent, text, interiors)
                    or _infinitive_report(tok, sent, text, interiors)
                    or _object_report(tok, sent, text, interiors)
                )
            # A quotation inside such a report is mostly a title or a name ('released a
            # book titled "X"'): the quotation's own reading stands.
            if (
                report is not None
                and report[0].kind != "mixed"
                and _plausible(sdoc, text, report[0])
            ):
                found.append(report[0])
    return found


def _object_report(
    tok: Any, sent: Any, text: str, interiors: list[Span]
) -> tuple[Found, int | None] | None:
    """The report of a verb's object or prepositional object after it ('embraced the
    plan', 'spoke of his friendship with X'): PolNeAR marks many such stances and
    acts, most such phrases are neither."""
    for child in sorted(tok.children, key=lambda c: c.i):
        if child.i < tok.i or not sent.start <= child.i < sent.end:
            continue
        if child.dep_ == "dobj":
            comp = [t for t in child.subtree if sent.start <= t.i < sent.end]
            cue = cue_span(tok)
        elif child.dep_ == "prep" and any(c.dep_ == "pobj" for c in child.children):
            comp = [t for t in list(child.subtree)[1:] if sent.start <= t.i < sent.end]
            cue = (cue_span(tok)[0], child.idx + len(child.text))
        else:
            continue
        return _candidate(tok, comp, cue, sent, text, interiors)
    return None


def _infinitive_report(
    tok: Any, sent: Any, text: str, interiors: list[Span]
) -> tuple[Found, int | None] | None:
    """The report of a verb with a 'to'-infinitive after it ('tried to block the
    bill'), as :func:`verb_report` reads an intent verb's."""
    for child in tok.children:
        if child.dep_ != "xcomp" or child.i < tok.i or name_read_as_verb(child):
            continue
        if child.tag_ == "VB" and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
            comp = [t for t in child.subtree if sent.start <= t.i < sent.end]
            words_ = [t for t in comp if not t.is_punct and not t.is_space]
            if len(words_) < _MIN_CONTENT_TOKENS:
                return None
            return _candidate(tok, comp, cue_span(tok), sent, text, interiors)
    return None


def _candidate(
    tok: Any, comp: list[Any], cue: Span, sent: Any, text: str, interiors: list[Span]
) -> tuple[Found, int | None] | None:
    """A candidate report of ``tok`` with ``comp`` as content and its subject as speaker,
    or None where the content is empty or a quotation."""
    content = trim(text, span_of(comp), ".") if comp else None
    if content is None or any(inside(content, q) for q in interiors):
        return None
    kind = "mixed" if any(inside(q, content) for q in interiors) else "indirect"
    speaker, head = subject(tok, sent, interiors)
    return Found(kind, content, (content,), cue, speaker, head, None, tok.i), None


# The labels a headline opens with ('BREAKING: ...', 'Exclusive: ...', 'Correction: ...').
_KICKERS = words(
    """
    breaking exclusive busted boom look watch listen correction update updated video photos
    analysis opinion editorial
    """
)


def _kicker(text: str, f: Found) -> bool:
    """Whether the speaker is the label a headline opens with ('BREAKING: X wins', 'LOOK:
    ...', 'Correction: ...'): the outlet's flag on its own story, nobody who said it."""
    if f.speaker is None or f.cue is None or text[f.cue[0] : f.cue[1]].strip() != ":":
        return False  # 'Analysis shows that ...': a source of its own
    return text[f.speaker[0] : f.speaker[1]].strip().lower() in _KICKERS


def _imperative(sdoc: Any, f: Found) -> bool:
    """Whether a report with no speaker is an imperative to the reader ('Never forget that
    ...', 'Remember: ...', 'Call it a fetish.', 'Or support the mayor.'): a bare verb that
    opens its sentence with no subject and no auxiliary bids the reader, it reports no one."""
    if f.cue_token is None or f.speaker is not None:
        return False
    cue = sdoc[f.cue_token]
    if cue.dep_ == "conj" and cue.head.dep_ == "ROOT" and cue.head.tag_ == "VB":
        cue = cue.head  # 'Attack the plans and propose others'
    if cue.tag_ != "VB" or cue.dep_ != "ROOT":
        return False
    if any(c.dep_ in _CLAUSE_SUBJECTS for c in cue.children):
        return False
    opening = sdoc[cue.sent.start : cue.i]
    return all(
        t.head.i == cue.i and t.dep_ in ("cc", "advmod", "intj", "neg", "punct") for t in opening
    )


_CLAUSE_SUBJECTS = frozenset({"aux", "auxpass", "nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def _reader_question(sdoc: Any, f: Found) -> bool:
    """Whether a report is a question put to the reader or listener ('Do you support the
    mayor?', 'Did you know that ...?'): 'you' after the 'do' of a question holds no view the
    text reports, it is asked for one."""
    if f.cue_token is None or f.speaker_head is None:
        return False
    you = sdoc[f.speaker_head]
    if you.lower_ != "you":
        return False
    cue = sdoc[f.cue_token]
    return any(
        c.dep_ == "aux" and c.lemma_.lower() == "do" and c.i < you.i < cue.i for c in cue.children
    )


def _added_to(sdoc: Any, f: Found) -> bool:
    """Whether 'add' joins a thing to another ('added a new dish to the menu', 'adds
    another title to her resume'): an object and a 'to' of where it goes, nothing said."""
    if f.cue_token is None:
        return False
    cue = sdoc[f.cue_token]
    if cue.lemma_.lower() != "add":
        return False
    return any(c.dep_ == "dobj" for c in cue.children) and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in cue.children
    )


def _markup_cue(text: str, f: Found) -> bool:
    """Whether the cue is the name of a markup tag left in the text ('<tweet
    author="..." ...>'): no word of the article."""
    return f.cue is not None and f.cue[0] > 0 and text[f.cue[0] - 1] == "<"


def _noun_purpose(sdoc: Any, f: Found) -> bool:
    """Whether a report's cue is an infinitive on a noun that the rules take for its
    speaker ('an attempt to dismiss him', 'a chance to back the mayor', 'under pressure
    to pledge that ...', 'reason to believe'): the noun names an aim, a chance, a duty or
    a ground, not who spoke."""
    if f.cue_token is None or f.speaker_head is None:
        return False
    cue = sdoc[f.cue_token]
    if cue.dep_ not in ("acl", "relcl") or cue.tag_ != "VB" or cue.head.i != f.speaker_head:
        return False
    if cue.dep_ == "relcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children):
        return False  # 'a replacement, who would determine ...': a relative clause of its own
    noun = cue.head
    return noun.pos_ == "NOUN" and not noun.ent_type_


# Adjectives and adverbs of the writer's judgement in 'it is hard to imagine', 'it is
# important to remember that', 'it is too soon to say whether', 'it is worth noting'.
_JUDGEMENT_WORDS = words(
    """
    hard easy difficult impossible possible important necessary essential crucial vital
    safe fair unfair wrong right premature early soon late interesting striking notable
    worth worthwhile useful tempting tough reasonable fascinating instructive telling
    """
)


def _impersonal_judgement(sdoc: Any, f: Found) -> bool:
    """Whether a report is the writer's impersonal judgement ('It is hard to imagine
    him winning', 'it's important to remember that ...', 'It is too soon to say
    whether ...'): the cue is the infinitive of a word of judgement whose subject is
    the empty 'it', so nobody is reported."""
    if f.cue_token is None or f.speaker_head is None:
        return False
    if sdoc[f.speaker_head].lower_ != "it":
        return False
    cue = sdoc[f.cue_token]
    if cue.dep_ not in ("xcomp", "pcomp"):
        return False
    gov = cue.head
    judged = [gov, *(c for c in gov.children if c.dep_ in ("acomp", "oprd", "advmod"))]
    return any(t.lemma_.lower() in _JUDGEMENT_WORDS or t.lower_ in _JUDGEMENT_WORDS for t in judged)


def _yielding(sdoc: Any, found: list[Found], impressions: set[int]) -> set[int]:
    """The impressions that give way to a report inside them (:func:`_without_hosts`):
    not hearsay ('The firm has reportedly taken heat from a group demanding X'): the
    adverb makes the whole clause hearsay, inner reports and all, and PolNeAR keeps it."""
    return {
        k
        for k in impressions
        if found[k].cue_token is None or sdoc[found[k].cue_token].lower_ not in HEARSAY_ADVERBS
    }


def _without_hosts(found: list[Found], impressions: set[int]) -> list[Found]:
    """Impressions that hold another report's cue give way to it ('seems to be doing the
    same in blaming X', 'Sanders, who backed X, appeared ready'): PolNeAR keeps the
    report inside, not the impression around it."""
    cues = [f.cue for f in found if f.cue is not None]
    return [
        f
        for k, f in enumerate(found)
        if k not in impressions
        or not any(c != f.cue and any(inside(c, p) for p in f.parts) for c in cues)
    ]


def _relative_tail(sdoc: Any, f: Found, cue: int) -> int | None:
    """Where the relative clause holding the cue token ``cue`` starts, when that clause
    comes after ``f``'s cue, after a comma, and runs to the end of ``f``'s content
    ('appear to have ties to the movement, which has been accused of ...'); else None."""
    assert f.cue is not None
    last = f.parts[-1]
    tok = sdoc[cue]
    rel = next((a for a in (tok, *tok.ancestors) if a.dep_ == "relcl"), None)
    if rel is None or rel.idx < f.cue[1]:
        return None
    sub = sorted(rel.subtree, key=lambda t: t.i)
    start = sub[0]
    words = [t for t in sub if not (t.is_punct or t.is_space)]
    if not words or start.idx <= last[0] or words[-1].idx + len(words[-1].text) < last[1]:
        return None
    if start.i == 0 or sdoc[start.i - 1].text != ",":
        return None
    return start.idx


def before_relatives(sdoc: Any, found: list[Found]) -> list[Found]:
    """Reports whose content ends in a relative clause after a comma that holds another
    report's cue, cut before that clause ('The donors appear to have ties to the network,
    which has said it will close'; 'according to X, the rule favors the firms, which
    have argued that ...'): the clause tells of its noun, and its report is its own, so
    neither is dropped for holding the other (:func:`_without_hosts`, :func:`outermost`).
    PolNeAR ends the outer content before the clause and annotates the inner report."""
    out = list(found)
    for k, f in enumerate(found):
        if f.cue is None:
            continue
        cut = None
        for g in found:
            if g is f or g.cue is None or g.cue_token is None:
                continue
            if not inside(g.cue, f.parts[-1]):
                continue
            at = _relative_tail(sdoc, f, g.cue_token)
            if at is not None:
                cut = at if cut is None else min(cut, at)
        if cut is None:
            continue
        text = doc_text(sdoc)
        s = f.parts[-1][0]
        e = cut
        while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
            e -= 1
        if e <= s:
            continue
        parts = (*f.parts[:-1], (s, e))
        out[k] = f.with_(parts=parts, span=(parts[0][0], e))
    return out


def _reports(tok: Any) -> bool:
    """Whether ``tok`` is a report of its own: a cue with something it reports."""
    if prep_of(tok) is None and not is_cue_verb(tok) and cue_lemma(tok) not in OBJECT_CUES:
        return False
    return bool(complement(tok))


def outermost(found: list[Found]) -> list[Found]:
    """Drop attributions whose cue lies inside another's content (nested reports).

    The content is read part by part: an impression's content ('X ... seemed to Y')
    is two parts around its cue, and a report inside the subject's relative clause
    ('Cruz, who said ..., seemed ...') is not inside either part."""
    keep = []
    for f in found:
        assert f.cue is not None
        nested = any(
            g is not f
            and g.cue is not None
            and any(inside(f.cue, p) for p in g.parts)
            and not any(inside(g.cue, p) for p in f.parts)
            for g in found
        )
        if not nested:
            keep.append(f)
    return keep


def _tail_start(t: Any, first: int, last: int) -> int | None:
    """Where the subtree of ``t`` starts, when it starts after the content's first
    word and runs to its last one (a clause at the content's end); else None."""
    sub = [s.i for s in t.subtree]
    if min(sub) <= first or max(sub) < last:
        return None
    return min(sub)


def _cut_before(comp: list[Any], start: int) -> list[Any]:
    """``comp`` before token ``start``, without the conjunction or punctuation that
    would end it ('said X and', 'touted X,')."""
    out = sorted((c for c in comp if c.i < start), key=lambda c: c.i)
    while out and (out[-1].is_punct or out[-1].is_space or out[-1].dep_ in ("cc", "preconj")):
        out.pop()
    return out


def _coordinated_report(tok: Any, t: Any) -> bool:
    """'announced that he was in therapy and vowed to X', 'says X and says Y': a finite
    verb of saying with no subject of its own, coordinated with the verb at the top of
    the content: the parse hangs it in the content, but it is the speaker's second
    report."""
    return (
        t.dep_ == "conj"
        and t.pos_ in ("VERB", "AUX")
        and t.tag_ in ("VBD", "VBZ", "VBP")
        and t.head.head.i == tok.i
        and is_speech_verb(t)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        and _reports(t)
    )


def _finite_tag(verb: Any) -> str:
    """The tag that carries a verb's tense: its first auxiliary's, else its own ('will
    be voting': MD; 'have been calling': VBP; 'highlighted': VBD)."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    return min(aux, key=lambda c: c.i).tag_ if aux else verb.tag_


def _cue_tense_conjunct(tok: Any, t: Any) -> bool:
    """'said she admires his drive and highlighted their goals', 'believe relief is
    possible and have been calling for ...': a finite verb with no subject of its own
    coordinated with the top verb of a clause the cue reports, in the cue's tense where
    that verb is in another: the parse hangs it in the content, but it goes with the cue
    (the speaker's next act), and PolNeAR ends the content before it."""
    top = t.head
    if (
        t.dep_ != "conj"
        or t.pos_ not in ("VERB", "AUX")
        or top.head.i != tok.i
        or top.dep_ != "ccomp"
        or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children)
    ):
        return False
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in top.children):
        return False  # 'has been impressed by her and liked ...': one past told in two tenses
    tense = _finite_tag(t)
    other = _finite_tag(top)
    return tense in _FINITE_TAGS and tense == _finite_tag(tok) and other in _TENSED - {tense}


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# The tags of a clause's top verb that show its tense (a modal, a subjunctive 'be').
_TENSED = _FINITE_TAGS | {"MD", "VB"}


def _saying_aside(t: Any, start: int) -> bool:
    """'argued that X, saying Y', 'said X, calling it Y': a participle of saying with
    no subject of its own, set off by a comma at the end of the content: the speaker's
    own second report."""
    return (
        t.dep_ in ("advcl", "conj", "xcomp")
        and t.tag_ == "VBG"
        and is_speech_verb(t)
        and _after_comma(t.doc, start)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        and bool(complement(t))
    )


def _report_in_time_phrase(tok: Any, t: Any) -> Any | None:
    """'charged him after determining that ...', 'endorsed X before backing Y', 'called
    her son a hero before explaining why ...', 'dismissed the charge by pointing out that
    ...': the participle of a report (no subject of its own) in an 'after'/'before'/'while'/
    'by' phrase on the cue itself, where the cue reports
    an object rather than a clause; the speaker's own second report. Returns the
    participle (or None)."""
    if (
        t.dep_ != "prep"
        or t.lower_ not in ("after", "before", "while", "by")
        or t.head.i != tok.i
        or any(c.dep_ == "ccomp" for c in tok.children)
    ):
        return None
    verb = next((c for c in t.children if c.dep_ == "pcomp"), None)
    if (
        verb is None
        or verb.tag_ != "VBG"
        or not is_cue_verb(verb)
        or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        or not complement(verb)
    ):
        return None
    return verb


def _reporting_relative(t: Any, start: int) -> bool:
    """'touted his wins in Florida, which he describes as his second home', 'made no
    mention of X, who announced ...': a relative clause set off by a comma whose verb is
    a report of its own."""
    return t.dep_ == "relcl" and _after_comma(t.doc, start) and _reports(t)


def without_inner_report(tok: Any, comp: list[Any]) -> tuple[list[Any], int | None]:
    """A report's content cut before a report at its end that PolNeAR annotates apart,
    and, where that report is the same speaker's, its cue token (else None).

    Four shapes: a second verb of saying coordinated with the content's top verb
    ('He announced that he was in therapy and vowed to ...'), a participle of saying
    after a comma ('argued that X, saying Y'), a participle of a report in an
    'after'/'before' phrase on a cue that reports an object ('charged him after
    determining that ...'), and a relative clause after a comma whose verb reports
    ('touted X, which he describes as Y'). The parse hangs each inside the
    content, so the outer report swallowed the inner one and the inner one was dropped
    as nested; PolNeAR never nests them: the outer content ends where the inner report
    begins, and the inner report is its own (the participles and the coordinated verb
    the outer speaker's, the relative clause its own subject's).
    """
    words_at = [t.i for t in comp if not (t.is_punct or t.is_space)]
    if not words_at:
        return comp, None
    first, last = min(words_at), max(words_at)
    own = set(words_at)
    for t in sorted(comp, key=lambda t: t.i):
        if t.i == tok.i or t.i not in own:
            continue
        start = _tail_start(t, first, last)
        if start is None:
            continue
        if _coordinated_report(tok, t) or _saying_aside(t, start) or _cue_tense_conjunct(tok, t):
            return _cut_before(comp, start), t.i
        verb = _report_in_time_phrase(tok, t)
        if verb is not None:
            # A means on an infinitive ('pressured them to back X by arguing ...') is
            # not the infinitive's doer's: the participle finds its own speaker.
            means = t.lower_ == "by" and tok.dep_ == "xcomp"
            return _cut_before(comp, start), None if means else verb.i
        if _reporting_relative(t, start):
            return _cut_before(comp, start), None
    return comp, None


def _with_heirs(found: list[Found], heirs: dict[int, int]) -> list[Found]:
    """Reports cut off the end of another's content as the same speaker's second report
    (see :func:`without_inner_report`) take that report's speaker; ``heirs`` maps such
    a report's cue token to the index in ``found`` of the report it was cut from."""
    if not heirs:
        return found
    out = list(found)
    for k, f in enumerate(found):
        src = heirs.get(f.cue_token) if f.cue_token is not None else None
        if src is None or src == k or found[src].speaker is None:
            continue
        g = found[src]
        out[k] = f.with_(speaker=g.speaker, speaker_head=g.speaker_head)
    return out
