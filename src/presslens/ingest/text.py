"""Bytes to text: bounded reading, gzip, binary sniffing and encoding detection.

Everything here works on untrusted bytes, so every step is bounded: files are
``stat``-ed and read up to ``max_input_bytes + 1``, gzip is decompressed only up to
the same limit (a small bomb cannot expand into gigabytes), and binary files are
refused by their magic numbers or control bytes before anything tries to decode
them. Decoding never rewrites the text: only a byte-order mark is dropped, since it
is not text, so spans computed later point into the file as the user has it.
"""

from __future__ import annotations

import codecs
import gzip
import io
import os
import re
import stat
import unicodedata
import zlib
from pathlib import Path

from charset_normalizer import from_bytes

from presslens.errors import InputError
from presslens.ingest.decoding import Decoding, mostly_utf8, utf16_without_bom
from presslens.settings import Settings

GZIP_MAGIC = b"\x1f\x8b"

# Leading bytes of common non-text formats, with the name the error message uses.
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/ODT/EPUB)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x7fELF", "an ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE document (old MS Office)"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x00asm", "a WebAssembly module"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"\x1a\x45\xdf\xa3", "a Matroska/WebM video"),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O binary"),
)

# BOMs, longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SNIFF_BYTES = 8192
_GUESS_BYTES = 65536  # enough text to tell encodings apart, cheap on a 20 MB file
_ALLOWED_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_MAX_CONTROL_RATIO = 0.05
# Punctuation a Western cp1252 text plausibly contains above 0x7f, besides letters.
_CP1252_PUNCTUATION = frozenset("‘’‚“”„–—…€£¥©®°«»·•\xa0§¶×±™†‡¢")
_MULTIBYTE_WORDS = ("shift_jis", "gb", "big5", "euc", "cp949", "iso2022", "johab", "hz", "cp932")


def _error(kind: str, message: str, source: str | None) -> InputError:
    return InputError(kind, message, source=source)


def read_file_bounded(path: str, max_bytes: int) -> bytes:
    """Read ``path`` without ever holding more than ``max_bytes + 1`` bytes of it.

    Regular files are refused by their size before being opened; pipes and devices
    (``/dev/stdin``, ``<(...)``) have no meaningful size, so the read itself is bounded.
    """
    p = Path(path)
    try:
        info = p.stat()
    except FileNotFoundError:
        raise _error("not-found", "no such file", path) from None
    except PermissionError:
        raise _error("unreadable", "permission denied", path) from None
    except OSError as exc:
        raise _error("unreadable", exc.strerror or str(exc), path) from None
    if stat.S_ISDIR(info.st_mode):
        raise _error("unreadable", "is a directory, not a file", path)
    if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
        raise _error("too-large", _too_large(info.st_size, max_bytes), path)
    try:
        with _open_for_reading(path, regular=stat.S_ISREG(info.st_mode)) as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise _error("unreadable", "permission denied", path) from None
    except OSError as exc:
        raise _error("unreadable", exc.strerror or str(exc), path) from None
    if len(data) > max_bytes:
        raise _error("too-large", _too_large(None, max_bytes), path)
    return data


def _open_for_reading(path: str, *, regular: bool) -> io.BufferedReader:
    """Open ``path``; a FIFO is opened without waiting for a writer.

    Opening a FIFO blocks until some process opens it for writing, which may be
    never (a FIFO left in a corpus folder). Opened non-blocking, a FIFO with no
    writer reads as empty (and is refused as such); one with a writer (``<(...)``)
    reads normally once the flag is cleared.
    """
    if regular:
        return open(path, "rb")  # the caller closes it
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def read_stream_bounded(stream: io.BufferedIOBase, max_bytes: int, source: str) -> bytes:
    """Read a binary stream (stdin, an upload) up to ``max_bytes``; refuse anything longer."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _error("too-large", _too_large(None, max_bytes), source)
    return data


def _too_large(size: int | None, limit: int) -> str:
    got = f"{size:,} bytes" if size is not None else "more"
    return f"input is {got}, over the limit of {limit:,} bytes (max_input_bytes)"


def is_gzip(data: bytes) -> bool:
    return data[:2] == GZIP_MAGIC


def gunzip_bounded(data: bytes, max_bytes: int, source: str | None = None) -> bytes:
    """Decompress gzip ``data`` (all members), refusing output over ``max_bytes``.

    ``GzipFile.read(n)`` decompresses at most ``n`` bytes, so a bomb is refused
    after producing ``max_bytes + 1`` bytes rather than after filling memory.
    """
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            out = handle.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise _error("unreadable", f"corrupt gzip data ({exc})", source) from None
    if len(out) > max_bytes:
        raise _error(
            "too-large",
            f"gzip data expands to over the limit of {max_bytes:,} bytes (max_input_bytes)",
            source,
        )
    return out


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces, and the BOM's length."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def sniff_binary(data: bytes) -> str | None:
    """Why ``data`` is not text (a sentence fragment), or None when it may be text.

    Called on BOM-less data; UTF-16/32 text with a BOM is decoded before this.
    """
    head = data[:_SNIFF_BYTES]
    for magic, what in MAGIC_NUMBERS:
        if head.startswith(magic):
            return f"looks like {what}, not text"
    if b"\x00" in head:
        if _utf16_without_bom(head):
            return None
        return "contains NUL bytes (a binary file?)"
    if head:
        controls = sum(1 for b in head if b < 0x20 and b not in _ALLOWED_CONTROLS)
        if controls / len(head) > _MAX_CONTROL_RATIO:
            return f"{controls / len(head):.0%} control bytes (a binary file?)"
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """BOM-less UTF-16 (see :func:`presslens.ingest.decoding.utf16_without_bom`)."""
    return utf16_without_bom(head)


def decode_text(data: bytes, source: str | None = None) -> str:
    """Decode ``data`` (see :func:`decode_text_reported`, which also says how)."""
    return decode_text_reported(data, source)[0]


def decode_text_reported(data: bytes, source: str | None = None) -> tuple[str, Decoding]:
    """Decode ``data`` as the text it is, dropping only a byte-order mark.

    UTF-8 is tried first (most of the web), then UTF-8 with a few damaged bytes
    (:mod:`presslens.ingest.decoding`); then single-byte Cyrillic (cp1251 or
    KOI8-R, told apart by letter case: Russian prose is mostly lower case), then
    Western cp1252/latin-1, then charset-normalizer for everything else (CJK,
    Central European...). charset-normalizer alone guesses wrong on short texts
    (KOI8-R as Shift-JIS, latin-1 as cp1250), which is why the common cases come first.
    """
    found = bom_encoding(data)
    if found is not None:
        encoding, length = found
        try:
            text = data[length:].decode(encoding)
        except UnicodeDecodeError as exc:
            raise _error(
                "encoding", f"invalid {encoding} after its byte-order mark ({exc.reason})", source
            ) from None
        return text, Decoding(encoding, "utf-8" if encoding == "utf-8" else "bom")
    utf16 = _utf16_without_bom(data[:_SNIFF_BYTES]) if b"\x00" in data[:_SNIFF_BYTES] else None
    if utf16 is not None:
        try:
            return data.decode(utf16), Decoding(utf16, "utf-16-no-bom")
        except UnicodeDecodeError:
            raise _error("encoding", f"looks like {utf16} but does not decode", source) from None
    try:
        return data.decode("utf-8"), Decoding("utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    damaged = mostly_utf8(data)
    if damaged is not None:
        return damaged[0], Decoding("utf-8", "utf-8-replaced", damaged[1])
    sample = data[:_GUESS_BYTES]
    for guess in (_single_byte_cyrillic(sample), _western(sample)):
        if guess is not None:
            try:
                return data.decode(guess), Decoding(guess, "guess")
            except UnicodeDecodeError:
                break  # the sample fitted, the rest does not: let detection decide
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.chaos < 0.25:
        try:
            return data.decode(best.encoding), Decoding(best.encoding, "guess")
        except (LookupError, UnicodeDecodeError):
            pass
    raise _error("encoding", "not UTF-8 and no other text encoding fits", source)


def _single_byte_cyrillic(data: bytes) -> str | None:
    """``cp1251`` or ``koi8-r`` when the high bytes are almost all Cyrillic letters."""
    high = [b for b in data if b >= 0x80]
    ascii_letters = sum(1 for b in data if 0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A)
    if not high or len(high) < 0.3 * (len(high) + ascii_letters):
        return None
    extra = {
        0xA8,
        0xB8,
        0xA3,
        0xB3,
        0xA5,
        0xAA,
        0xAF,
        0xB2,
        0xB4,
        0xBA,
        0xBF,
        0xA0,
        0xAB,
        0xBB,
        0x96,
        0x97,
        0x85,
        0x93,
        0x94,
        0xB9,
    }
    letters = sum(1 for b in high if b >= 0xC0 or b in extra)
    if letters < 0.95 * len(high):
        return None
    # In cp1251 lower case is 0xE0-0xFF; in KOI8-R it is 0xC0-0xDF.
    upper_block = sum(1 for b in high if b >= 0xE0)
    lower_block = sum(1 for b in high if 0xC0 <= b < 0xE0)
    return "cp1251" if upper_block >= lower_block else "koi8-r"


def _western(data: bytes) -> str | None:
    """``cp1252`` (or ``latin-1``) when every non-ASCII character is a Latin letter or
    common punctuation there; Central European texts fail this (¹, ³, ¿ are not letters)."""
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        odd = [c for c in text if ord(c) > 0x7F and not (c.isalpha() or c in _CP1252_PUNCTUATION)]
        if not odd:
            return encoding
        return None
    return None


def control_ratio(text: str) -> float:
    """Share of control characters (C0 and C1, except whitespace) in the first 8k chars."""
    head = text[:_SNIFF_BYTES]
    if not head:
        return 0.0
    bad = sum(1 for c in head if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v\x1b")
    return bad / len(head)


_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|script|iframe|h1|div|font|table|"
    rb"a|style|title|b|br|p|article|meta|section|main|header|\?xml)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(rb"<(?:html|body|p|div|article|head|title)[\s>]", re.IGNORECASE)

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")
TEXT_SUFFIXES = (".txt", ".text", ".md")


def looks_like_html(data: bytes, name: str | None = None) -> bool:
    """Whether ``data`` is an HTML page, by content first, by name to break ties.

    Follows the spirit of the WHATWG MIME sniffing rules: an HTML document starts
    (after whitespace and comments) with one of a few tags. A name ending in
    ``.html`` also counts when typical tags occur anywhere in the first 64 KB.
    """
    head = data[:_SNIFF_BYTES]
    found = bom_encoding(head)
    if found is not None and found[0] != "utf-8":
        head = head[found[1] :].decode(found[0], errors="ignore").encode("utf-8")
    elif found is not None:
        head = head[found[1] :]
    if _HTML_START.match(head):
        return True
    suffix = strip_gz(name or "").lower()
    return suffix.endswith(HTML_SUFFIXES) and bool(_HTML_TAGS.search(data[:65536]))


def strip_gz(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name


def check_text_length(text: str, settings: Settings, where: str | None) -> None:
    """Refuse a text too long to analyse in bounded time and memory, in one line.

    The byte limit bounds what is read; this bounds what is analysed (an extracted
    article, a decoded file, a pasted text), so a batch records the error and goes on.
    """
    if len(text) > settings.max_text_chars:
        raise InputError(
            "too-large",
            f"the text has {len(text):,} characters, over the analysis limit of"
            f" {settings.max_text_chars:,} (max_text_chars; PRESSLENS_MAX_TEXT_CHARS)",
            source=where,
        )
