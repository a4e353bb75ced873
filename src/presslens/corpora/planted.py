"""A labelled corpus for reprint detection: real articles plus planted reprints.

Base articles are PTC and PolNeAR texts read at run time from the data folder
(research use; never copied into the repository). Some become *originals* with
1-4 planted *copies* each, edited the way outlets edit wire copy: trimmed at the
end, sentences reworded, paragraphs added (from articles used nowhere else),
headline changed, republished by another outlet on the same or a later date,
sometimes as an HTML page. The rest are unrelated articles. Corrupt items
(binary, empty, bad encoding, broken HTML, bad JSON) are mixed in.

Bases that already share a passage with another base (natural reprints and
shared boilerplate in the source corpora) are left out, so that every reprint in
the corpus is a planted one and pair precision measures the detector.

Labels name items by source id (``items.jsonl#12``); the evaluation maps them to
document ids through the store's ``sources`` table.
"""

from __future__ import annotations

import html
import json
import random
import re
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

from presslens.corpora import data_root

OUTLETS = (
    "wire-a",
    "daily-b",
    "herald-c",
    "courier-d",
    "gazette-e",
    "tribune-f",
    "post-g",
    "times-h",
    "review-i",
    "monitor-j",
    "observer-k",
    "ledger-l",
)
_SYNONYMS = {
    "said": "stated",
    "says": "states",
    "told": "informed",
    "also": "additionally",
    "government": "administration",
    "people": "citizens",
    "president": "leader",
    "however": "but",
    "according": "pursuant",
    "new": "fresh",
    "big": "large",
    "many": "numerous",
    "important": "significant",
    "country": "nation",
    "would": "could",
    "will": "shall",
    "show": "indicate",
    "help": "assist",
    "after": "following",
}
_FILLERS = (
    "reportedly",
    "apparently",
    "indeed",
    "now",
    "officially",
    "still",
    "also",
    "clearly",
    "again",
    "recently",
    "allegedly",
    "notably",
    "largely",
    "openly",
)
_WORD = re.compile(r"\w+")
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


@dataclass
class PlantedGroup:
    original: str  # source id
    copies: list[str] = field(default_factory=list)


@dataclass
class PlantedCorpus:
    root: Path
    sources: list[str]
    groups: list[PlantedGroup]
    singles: list[str]
    corrupt: list[str]

    def save(self) -> Path:
        path = self.root / "labels.json"
        data = {
            "sources": self.sources,
            "groups": [asdict(g) for g in self.groups],
            "singles": self.singles,
            "corrupt": self.corrupt,
        }
        path.write_text(json.dumps(data, indent=1), encoding="utf-8")
        return path

    @classmethod
    def load(cls, root: Path) -> PlantedCorpus:
        data = json.loads((root / "labels.json").read_text(encoding="utf-8"))
        return cls(
            root,
            data["sources"],
            [PlantedGroup(**g) for g in data["groups"]],
            data["singles"],
            data["corrupt"],
        )


@dataclass
class _Base:
    title: str
    paragraphs: list[str]
    outlet: str | None
    published: date | None


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", text) if p.strip()]


def _load_bases(data: Path) -> list[_Base]:
    bases = []
    paths = sorted((data / "ptc").glob("*/articles/*.txt"))
    paths += sorted((data / "quotes" / "polnear" / "data").glob("*/text/*.txt"))
    for path in paths:
        paras = _paragraphs(path.read_text(encoding="utf-8", errors="replace"))
        if len(paras) < 5:
            continue
        outlet, published = None, None
        match = re.match(r"([a-z-]+)_(\d{4}-\d{2}-\d{2})_", path.name)
        if match:
            outlet, published = match[1], date.fromisoformat(match[2])
        body = [p for p in paras[1:] if len(_WORD.findall(p)) >= 8]
        if len(body) >= 4:
            bases.append(_Base(paras[0], body, outlet, published))
    return bases


def _shingles(text: str, k: int = 6) -> set[str]:
    words = _WORD.findall(text.lower())
    return {" ".join(words[i : i + k]) for i in range(max(0, len(words) - k + 1))}


def _distinct(bases: list[_Base], rng: random.Random) -> list[_Base]:
    """Bases sharing no 6-word run with another kept base (no natural reprints)."""
    rng.shuffle(bases)
    seen: set[str] = set()
    kept = []
    for base in bases:
        sh = set().union(*(_shingles(p) for p in base.paragraphs))
        if sh & seen:
            continue
        seen |= sh
        kept.append(base)
    return kept


def _reword(paragraph: str, rng: random.Random) -> str:
    """Reword one sentence: some synonyms, an inserted and a dropped word, at random."""
    sentences = _SENT.split(paragraph)
    i = rng.randrange(len(sentences))
    words = sentences[i].split()
    words = [(_SYNONYMS.get(w.lower(), w) if rng.random() < 0.5 else w) for w in words]
    words.insert(rng.randrange(len(words) + 1), rng.choice(_FILLERS))
    if len(words) > 10:
        del words[rng.randrange(len(words))]
    sentences[i] = " ".join(words)
    return " ".join(sentences)


def _copy(base: _Base, extra: list[str], rng: random.Random) -> tuple[str, list[str]]:
    paras = list(base.paragraphs)
    if rng.random() < 0.6 and len(paras) > 4:  # trimmed at the end
        paras = paras[: max(3, len(paras) - rng.randint(1, max(1, len(paras) // 3)))]
    for _ in range(rng.randint(1, 3)):  # reworded sentences
        j = rng.randrange(len(paras))
        paras[j] = _reword(paras[j], rng)
    for p in extra:  # added paragraphs
        paras.insert(rng.choice((0, len(paras))), p)
    title = (
        base.title
        if rng.random() < 0.5
        else rng.choice(("UPDATE: ", "Report: ", ""))
        + base.title.rstrip(".")
        + rng.choice(("", " - sources", " (video)"))
    )
    return title, paras


def _page(title: str, paras: list[str], outlet: str, published: str) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
    return (
        f"<html><head><title>{html.escape(title)}</title>"
        f'<meta property="og:site_name" content="{outlet}">'
        f'<meta property="article:published_time" content="{published}">'
        f"</head><body><nav><a href='/'>Home</a></nav><article><h1>{html.escape(title)}</h1>"
        f"{body}</article><footer>Contact us</footer></body></html>"
    )


def _corrupt(root: Path) -> tuple[list[dict | bytes], list[Path]]:
    """Corrupt JSONL lines and files (each must become one error record)."""
    lines: list[dict | bytes] = [
        b'{"text": "unterminated',
        b'["a list", "not an object"]',
        b'{"text": "bad \xff\xfe encoding"}',
        {"text": "   \n  "},
        {"text": "\u0000\u0001\u0002\u0003" * 40},
        {"html": "<html><body><div><p>"},
        {"url": "https://x.example/no-body"},
    ]
    tree = root / "tree"
    tree.mkdir(parents=True, exist_ok=True)
    files = {
        "binary.txt": bytes(range(256)) * 8,
        "empty.txt": b"",
        "broken.html": b"<html><head><title>x</title></head><body><div><<<>>></div><script>",
        "zeros.html.gz": b"\x1f\x8b\x08\x00" + b"\x00" * 64,
    }
    paths = []
    for name, content in files.items():
        (tree / name).write_bytes(content)
        paths.append(tree / name)
    return lines, paths


def build(
    root: Path, *, groups: int = 30, singles: int = 60, seed: int = 0, data: Path | None = None
) -> PlantedCorpus:
    """Write ``items.jsonl``, ``tree/`` and ``labels.json`` under ``root``."""
    rng = random.Random(seed)
    data = data or data_root()
    assert data is not None
    bases = _distinct(_load_bases(data), rng)
    need = groups + singles
    if len(bases) < need + 2 * groups:
        raise ValueError(f"only {len(bases)} distinct base articles; lower groups/singles")
    originals, unrelated = bases[:groups], bases[groups:need]
    extra_pool = [p for b in bases[need:] for p in b.paragraphs]
    root.mkdir(parents=True, exist_ok=True)

    # (sort key, record, group index or None, is_original)
    entries: list[tuple[float, dict, int | None, bool]] = []
    start = date(2018, 1, 1)
    for g, base in enumerate(originals):
        published = base.published or start + timedelta(days=rng.randrange(700))
        outlet = base.outlet or rng.choice(OUTLETS)
        position = rng.random()
        entries.append(
            (
                position,
                {
                    "title": base.title,
                    "outlet": outlet,
                    "published": published.isoformat(),
                    "text": base.title + "\n\n" + "\n\n".join(base.paragraphs),
                },
                g,
                True,
            )
        )
        others = [o for o in OUTLETS if o != outlet]
        rng.shuffle(others)
        for c in range(rng.randint(1, 4)):
            lag = rng.choice((0, 0, 1, 2, 5))
            extra = [extra_pool.pop() for _ in range(rng.randint(0, 2))]
            title, paras = _copy(base, extra, rng)
            when = (published + timedelta(days=lag)).isoformat()
            record: dict = {
                "outlet": others[c],
                "published": when,
                "title": title,
                "url": f"https://{others[c]}.example/{g}-{c}",
            }
            if rng.random() < 0.25:
                record["html"] = _page(title, paras, others[c], when)
            else:
                record["text"] = title + "\n\n" + "\n\n".join(paras)
            # same-day copies come after the original in ingest order (the tie-break);
            # later copies may come anywhere, even before the original
            spot = position + rng.random() * (1 - position) if lag == 0 else rng.random()
            entries.append((spot + 1e-9, record, g, False))
    for base in unrelated:
        published = base.published or start + timedelta(days=rng.randrange(700))
        entries.append(
            (
                rng.random(),
                {
                    "title": base.title,
                    "outlet": base.outlet or rng.choice(OUTLETS),
                    "published": published.isoformat(),
                    "text": base.title + "\n\n" + "\n\n".join(base.paragraphs),
                },
                None,
                False,
            )
        )
    bad_lines, bad_files = _corrupt(root)
    for line in bad_lines:
        entries.append((rng.random(), line, None, False))  # type: ignore[arg-type]
    entries.sort(key=lambda e: e[0])

    jsonl = root / "items.jsonl"
    planted = [PlantedGroup("") for _ in originals]
    singles_ids, corrupt_ids = [], [str(p) for p in bad_files]
    with jsonl.open("wb") as fh:
        for number, (_, record, g, is_original) in enumerate(entries, start=1):
            source_id = f"{jsonl}#{number}"
            if isinstance(record, bytes):
                fh.write(record + b"\n")
                corrupt_ids.append(source_id)
                continue
            fh.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
            if g is None:
                (
                    singles_ids if "title" in record and "published" in record else corrupt_ids
                ).append(source_id)
            elif is_original:
                planted[g].original = source_id
            else:
                planted[g].copies.append(source_id)
    corpus = PlantedCorpus(
        root, [str(jsonl), str(root / "tree")], planted, singles_ids, sorted(corrupt_ids)
    )
    corpus.save()
    return corpus


def write_scaled(path: Path, n: int, *, seed: int = 0, data: Path | None = None) -> Path:
    """A JSON Lines corpus of ``n`` distinct documents made from the base articles.

    For benchmarks: texts cycle through the bases, each made unique (paragraphs
    rotated, a numbered closing line), with outlets and dates; written as a stream.
    """
    rng = random.Random(seed)
    data = data or data_root()
    assert data is not None
    bases = _load_bases(data)
    start = date(2018, 1, 1)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            base = bases[i % len(bases)]
            turn = (i // len(bases)) % len(base.paragraphs)
            paras = base.paragraphs[turn:] + base.paragraphs[:turn]
            text = f"{base.title}\n\n" + "\n\n".join(paras) + f"\n\nReference {i}."
            record = {
                "text": text,
                "outlet": OUTLETS[i % len(OUTLETS)],
                "published": (start + timedelta(days=rng.randrange(700))).isoformat(),
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
