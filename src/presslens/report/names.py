"""Human names for technique labels, for readers who do not know the PTC ids.

``Name_Calling,Labeling`` is an identifier from the PTC label files; a reader
needs "Name calling / labelling". Labels from other models (the ru/uk
technique set, say) that have no entry here get a readable form of the label
itself, so a new label is never shown raw nor hidden.
"""

from __future__ import annotations

NAMES: dict[str, str] = {
    "Loaded_Language": "Loaded language",
    "Name_Calling,Labeling": "Name calling / labelling",
    "Repetition": "Repetition",
    "Exaggeration,Minimisation": "Exaggeration / minimisation",
    "Doubt": "Casting doubt",
    "Appeal_to_fear-prejudice": "Appeal to fear or prejudice",
    "Flag-Waving": "Flag-waving",
    "Causal_Oversimplification": "Causal oversimplification",
    "Slogans": "Slogans",
    "Appeal_to_Authority": "Appeal to authority",
    "Black-and-White_Fallacy": "Black-and-white fallacy",
    "Thought-terminating_Cliches": "Thought-terminating clichés",
    "Whataboutism,Straw_Men,Red_Herring": "Whataboutism / straw man / red herring",
    "Bandwagon,Reductio_ad_hitlerum": "Bandwagon / reductio ad Hitlerum",
}


def technique_name(label: str) -> str:
    """The human name of a technique label.

    >>> technique_name("Name_Calling,Labeling")
    'Name calling / labelling'
    >>> technique_name("cherry_picking")
    'Cherry picking'
    """
    if label in NAMES:
        return NAMES[label]
    words = label.replace("_", " ").replace(",", " / ").strip()
    return words[:1].upper() + words[1:] if words else label
