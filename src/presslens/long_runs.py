"""Whitespace-free runs too long to be prose, which stages must not pay for per character.

No word, number or URL in a dispatch runs past a couple of hundred characters
without a space; such runs are brackets, base64, repeated punctuation. Left to
spaCy's tokenizer they cost time quadratic in their length, and a wordpiece model
turns each character into a token. Stages cut them into short tokens
(:mod:`presslens.syntax_bounds`) or read them as blanks (:func:`blank_long_runs`),
so one such input costs about what a normal text of its length costs.
"""

from __future__ import annotations

import re

MAX_RUN = 200  # longest whitespace-free run treated as text

LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


def blank_long_runs(text: str) -> str:
    """``text`` with every run over ``MAX_RUN`` non-space characters replaced by spaces.

    Same length, so offsets computed on the result point into ``text``.

    >>> blank_long_runs("a " + "[" * 300 + " b") == "a " + " " * 300 + " b"
    True
    """
    if LONG_RUN.search(text) is None:
        return text
    return LONG_RUN.sub(lambda m: " " * len(m.group()), text)
