"""Which encoding a text is in, and what the decision was (reported in the metadata).

Order of decisions, each only when the one before does not fit:

1. a byte-order mark;
2. UTF-16 without a BOM (the high bytes of UTF-16 text take very few values:
   ``00`` for ASCII, ``04`` for Cyrillic...), Russian and Ukrainian included;
3. UTF-8, strictly;
4. UTF-8 with a few invalid bytes: when almost all non-ASCII bytes form valid
   UTF-8 sequences, the text *is* UTF-8 with some damage, and the damaged bytes
   become U+FFFD rather than sending the whole text to a detector that guesses
   another encoding and mis-decodes every quotation mark and dash;
5. single-byte Cyrillic, Western, then charset-normalizer (:mod:`.text`).

Tolerance, measured (``bench/decoding_tolerance.py``): a legacy single-byte text
almost never forms valid UTF-8 sequences (0 to 0.33 % of its non-ASCII bytes for
the seed dispatches in cp1251, mac-cyrillic, cp1252, cp1250, and French and German
prose in latin-1/cp1252), while the English seed dispatch in UTF-8 keeps 95 % with
one stray latin-1 byte, 78 % with 5 and 47 % with 20 (it has few non-ASCII
characters; Russian keeps 99.9 % with one). ``UTF8_SHARE`` sits well between, and
at most ``MAX_REPLACED_SHARE`` of all bytes may be replaced: more damage than that
is not "UTF-8 with a few bad bytes". A text with no valid multi-byte sequence at
all (ASCII plus one ``0xE9``) is left to the legacy guesses, where latin-1 reads it
exactly.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

UTF8_SHARE = 0.25  # of the non-ASCII bytes, the share in valid UTF-8 sequences
MAX_REPLACED_SHARE = 0.01  # of all bytes, at most this many replaced
_UTF16_HIGH_VALUES = 3  # distinct high bytes that carry nearly all UTF-16 prose
_UTF16_HIGH_SHARE = 0.9
_UTF16_MIN_PAIRS = 4
_UTF16_PRINTABLE = 0.95


@dataclass(frozen=True)
class Decoding:
    """How bytes became text: ``encoding``, by which ``method``, how many bytes replaced."""

    encoding: str
    method: str  # bom, utf-8, utf-8-replaced, utf-16-no-bom, guess
    replaced: int = 0

    def report(self) -> dict[str, Any] | None:
        """What the document's metadata says; None for clean UTF-8 (the default)."""
        if self.method == "utf-8":
            return None
        out: dict[str, Any] = {"encoding": self.encoding, "method": self.method}
        if self.replaced:
            out["replaced_bytes"] = self.replaced
            out["warning"] = (
                f"{self.replaced} byte(s) were not valid UTF-8 and were replaced by U+FFFD"
            )
        return out


def utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when ``head`` reads as BOM-less UTF-16 prose, else None.

    In UTF-16 prose one byte of each pair (the high byte) takes a handful of values
    (``00`` for spaces and ASCII, ``04`` for Cyrillic, ``20`` for dashes and quotes);
    the decoded text must also be printable, which binary data with NULs is not.
    """
    pairs = len(head) // 2
    if pairs < _UTF16_MIN_PAIRS or b"\x00" not in head:
        return None
    for encoding, parity in (("utf-16-le", 1), ("utf-16-be", 0)):
        high = Counter(head[parity : pairs * 2 : 2])
        low = Counter(head[1 - parity : pairs * 2 : 2])
        top = sum(n for _, n in high.most_common(_UTF16_HIGH_VALUES))
        if top < _UTF16_HIGH_SHARE * pairs or 0 not in high or low[0] > high[0]:
            continue
        text = head[: pairs * 2].decode(encoding, errors="replace")
        printable = sum(1 for c in text if c.isprintable() or c in "\t\n\r\f\v")
        if text.count("\ufffd") <= 1 and printable >= _UTF16_PRINTABLE * len(text):
            return encoding
    return None


def mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 text with its invalid bytes replaced, and how many, when ``data`` is mostly UTF-8."""
    escaped = data.decode("utf-8", errors="surrogateescape")
    invalid = sum(1 for c in escaped if "\udc80" <= c <= "\udcff")
    if invalid == 0 or invalid > MAX_REPLACED_SHARE * len(data):
        return None
    high = sum(1 for b in data if b >= 0x80)
    valid_high = high - invalid
    if valid_high < UTF8_SHARE * high:
        return None
    text = "".join("\ufffd" if "\udc80" <= c <= "\udcff" else c for c in escaped)
    return text, invalid
