"""How much of a text's non-ASCII bytes form valid UTF-8: legacy encodings vs damaged UTF-8.

Run from the repository root: ``python bench/decoding_tolerance.py`` (reads
../shared/fixtures); the numbers back ``presslens.ingest.decoding.UTF8_SHARE``.
"""

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures"
ENCODINGS = ("cp1251", "koi8-r", "latin-1", "cp1252", "mac_cyrillic", "cp1250", "iso8859-5")


def share(data: bytes) -> tuple[float | None, float]:
    """Share of non-ASCII bytes in valid UTF-8 sequences, and of invalid bytes overall."""
    esc = data.decode("utf-8", errors="surrogateescape")
    inv = sum(1 for c in esc if "\udc80" <= c <= "\udcff")
    high = sum(1 for b in data if b >= 0x80)
    return ((high - inv) / high if high else None), inv / len(data)


def main() -> None:
    texts = {p.name: p.read_text() for p in FIXTURES.glob("*.txt")}
    texts["french"] = "Le président a déclaré que l'été serait très chaud, selon l'agence. " * 20
    texts["german"] = "Der Präsident äußerte sich über die Größe der Übergangsregierung. " * 20
    for name, text in texts.items():
        for enc in ENCODINGS:
            try:
                data = text.encode(enc)
            except UnicodeEncodeError:
                continue
            valid, invalid = share(data)
            print(f"{name:24s} {enc:12s} valid-share={valid} invalid/all={invalid:.3f}")
    seed = texts["seed-dispatch.txt"].encode()
    for k in (1, 5, 20):
        data = bytearray(seed)
        step = len(data) // (k + 1)
        for i in range(1, k + 1):
            data[i * step] = 0xE9
        print("seed utf8 +", k, "stray bytes", share(bytes(data)))
    ru = texts["seed-dispatch.ru.txt"].encode()
    print("ru utf8 +1", share(ru[:100] + b"\xe9" + ru[100:]))


if __name__ == "__main__":
    main()
