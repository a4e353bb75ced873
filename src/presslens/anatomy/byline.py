"""Bylines: the line naming who wrote the dispatch (``By Jane Doe``, ``Автор: Иван Петров``)."""

from __future__ import annotations

import re

_EN = re.compile(r"^(?:by|BY|By)[:\s]\s*(?P<name>\S.*)$")
_CYR = re.compile(
    r"^(?:автор[ыи]?|текст|автор материала)\s*[:—–-]\s*(?P<name>\S.*)$", re.IGNORECASE
)
# Lowercase words a name may contain.
_NAME_PARTICLES = frozenset({"and", "и", "і", "та", "de", "van", "von", "al", "bin"})
MAX_WORDS = 16


def is_byline(line: str) -> bool:
    """Whether ``line`` is a byline: a "By" phrase followed by a capitalised name.

    >>> is_byline("By Jane Doe"), is_byline("By Thursday the talks had stalled.")
    (True, False)
    """
    line = line.strip()
    if not line or len(line.split()) > MAX_WORDS or line.endswith(("?", "!", ";", ":")):
        return False
    m = _EN.match(line) or _CYR.match(line)
    if m is None:
        return False
    name = m.group("name")
    words = name.split()
    if not name[0].isupper() or len(words) > MAX_WORDS - 1:
        return False
    # A sentence that happens to start with "By" has lowercase words and ends in a period.
    lowercase = [w for w in words if w[0].islower() and w not in _NAME_PARTICLES]
    if line.endswith(".") and not re.search(r"\b[A-ZА-ЯІЇЄҐ]\.$", line):
        return False
    return len(lowercase) <= 1
