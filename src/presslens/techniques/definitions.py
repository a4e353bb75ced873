"""What each PTC technique means, with an example written for presslens.

Definitions paraphrase the PTC annotation guidelines (Da San Martino et al., 2019);
the examples are invented, about nobody real, so that views can explain a label
without quoting the corpus or taking a side.
"""

from __future__ import annotations

from dataclasses import dataclass

from presslens.techniques.labels import TECHNIQUES


@dataclass(frozen=True)
class Definition:
    technique: str
    title: str
    definition: str
    example: str


_DEFS = (
    Definition(
        "Appeal_to_Authority",
        "Appeal to authority",
        "A claim is presented as true because an authority or expert says so, without "
        "other evidence.",
        "Leading nutrition scientists agree: the new cereal is the only sensible breakfast.",
    ),
    Definition(
        "Appeal_to_fear-prejudice",
        "Appeal to fear or prejudice",
        "Support is built by raising anxiety or panic about an alternative, or by playing "
        "on existing prejudice.",
        "If the council approves the bike lanes, our streets will be overrun and no child "
        "will be safe walking to school.",
    ),
    Definition(
        "Bandwagon,Reductio_ad_hitlerum",
        "Bandwagon / reductio ad hitlerum",
        "Everyone else supposedly does it, so the audience should too; or an idea is "
        "rejected because a hated group is said to favour it.",
        "Every smart household has already switched to the new tariff. Don't be the last.",
    ),
    Definition(
        "Black-and-White_Fallacy",
        "Black-and-white fallacy",
        "Two alternatives are presented as the only options when more exist.",
        "Either we close the library or the town goes bankrupt.",
    ),
    Definition(
        "Causal_Oversimplification",
        "Causal oversimplification",
        "A single cause is blamed for an outcome that has several.",
        "Test scores fell the year the school bought tablets, so the tablets ruined learning.",
    ),
    Definition(
        "Doubt",
        "Doubt",
        "The credibility of someone or something is questioned, often without substance.",
        "Can we really trust a referee who has never played the game himself?",
    ),
    Definition(
        "Exaggeration,Minimisation",
        "Exaggeration or minimisation",
        "Something is made to look bigger, better or worse than it is, or is played down.",
        "The tiny leak in the pool was the greatest disaster this club has ever faced.",
    ),
    Definition(
        "Flag-Waving",
        "Flag-waving",
        "An idea is justified by playing on strong group or national feeling.",
        "True supporters of our hometown will vote for the new stadium.",
    ),
    Definition(
        "Loaded_Language",
        "Loaded language",
        "Words and phrases with strong emotional connotations are used to sway the audience.",
        "The committee's outrageous, shameful decision stunned the neighbourhood.",
    ),
    Definition(
        "Name_Calling,Labeling",
        "Name-calling or labelling",
        "The object of the message is labelled as something the audience fears, hates or "
        "finds undesirable (or loves and praises).",
        "The so-called experts at the parking office have struck again.",
    ),
    Definition(
        "Repetition",
        "Repetition",
        "The same message is repeated over and over so that the audience accepts it.",
        "The plan is fair. It is fair to drivers, fair to shops, and the plan is fair.",
    ),
    Definition(
        "Slogans",
        "Slogans",
        "A brief, striking phrase, often with labelling or stereotyping, acting as an "
        "emotional appeal.",
        "Cleaner parks, brighter futures!",
    ),
    Definition(
        "Thought-terminating_Cliches",
        "Thought-terminating cliché",
        "A short, generic phrase that discourages critical thought and further discussion.",
        "Rules are rules, and that's the end of it.",
    ),
    Definition(
        "Whataboutism,Straw_Men,Red_Herring",
        "Whataboutism, straw man, red herring",
        "An opponent's position is discredited by charging hypocrisy, misrepresenting it, or "
        "changing the subject with irrelevant material.",
        "You want quieter streets? You drove to the meeting yourself.",
    ),
)

DEFINITIONS: dict[str, Definition] = {d.technique: d for d in _DEFS}
assert tuple(sorted(DEFINITIONS)) == tuple(sorted(TECHNIQUES))


def explain(technique: str) -> Definition:
    """The definition of a PTC technique name (KeyError for unknown names)."""
    return DEFINITIONS[technique]
