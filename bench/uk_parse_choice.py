"""How to parse Ukrainian: natasha's Russian models against pymorphy3's Ukrainian dictionary.

Prints (1) how often slovnet's Russian tagger gives a part of speech the Ukrainian
dictionary does not allow, (2) how many one-word cue verbs of the uk dev set reach
the Ukrainian cue lexicon through Russian vs Ukrainian lemmas, and (3) uk dev quotes
F1 with natasha alone, with slovnet tags plus Ukrainian lemmas, and as shipped.
Texts: the shipped uk dev set plus ../shared/fixtures/seed-dispatch.uk.txt if present.

    python bench/uk_parse_choice.py
"""

from __future__ import annotations

from pathlib import Path

import presslens.syntax_cyrillic as sc
from presslens.attribution.lexicon import for_language, norm
from presslens.eval.quotes_language import evaluate, load


def tagger_agreement(texts: list[str]) -> None:
    morph, _ = sc._models()
    uk = sc.morph_analyzer("uk")
    total = known = disagree = 0
    for text in texts:
        chunk = [[text[s:e] for s, e in sent] for sent in sc.sentences(text)]
        for sent, markup in zip(chunk, morph.map(chunk), strict=True):
            for word, tok in zip(sent, markup.tokens, strict=True):
                if not word.isalpha():
                    continue
                total += 1
                parses = [p for p in uk.parse(word) if p.is_known]
                if not parses:
                    continue
                known += 1
                allowed = {sc._GROUPS.get(sc._upos_of(p), sc._upos_of(p)) for p in parses}
                disagree += sc._GROUPS.get(tok.pos, tok.pos) not in allowed
    print(
        f"words {total}; known to pymorphy3-uk {known} ({known / total:.1%}); "
        f"slovnet's POS not allowed by the uk dictionary {disagree} ({disagree / known:.1%})"
    )


def cue_lemmas() -> None:
    lex = for_language("uk")
    assert lex is not None
    cues = lex.speech_verbs | lex.thought_verbs | lex.document_verbs
    words = []
    for p in load("uk", "dev"):
        for q in p.quotes:
            if q.cue is not None and p.text[q.cue[0] : q.cue[1]].isalpha():
                words.append(p.text[q.cue[0] : q.cue[1]])
    for language in ("uk", "ru"):
        analyser = sc.morph_analyzer(language)
        hits = sum(norm(analyser.parse(w)[0].normal_form) in cues for w in words)
        print(f"one-word cues {len(words)}: in the uk cue lexicon via {language} lemmas {hits}")


def downstream() -> None:
    shipped = sc._analyse

    def natasha_only(word, pos, feats, language, opening=False):  # type: ignore[no-untyped-def]
        return shipped(word, pos, feats, "ru", opening)

    def uk_lemmas_only(word, pos, feats, language, opening=False):  # type: ignore[no-untyped-def]
        return shipped(word, pos, feats, language, opening)[0], pos, feats

    variants = (
        ("natasha alone (slovnet tags, Russian lemmas)", natasha_only),
        ("slovnet tags + pymorphy3-uk lemmas", uk_lemmas_only),
        ("shipped", shipped),
    )
    try:
        for name, analyse in variants:
            sc._analyse = analyse
            r = evaluate("uk", "dev")
            content, speaker = r.prf("all: content").f1, r.prf("all: content+speaker").f1
            print(
                f"{name}: uk dev content F1 {content:.3f}, content+speaker F1 {speaker:.3f}, "
                f"basis {r.basis_right}/{r.basis_total}"
            )
    finally:
        sc._analyse = shipped


def main() -> None:
    texts = [p.text for p in load("uk", "dev")]
    seed = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "seed-dispatch.uk.txt"
    if seed.is_file():
        texts.append(seed.read_text(encoding="utf-8"))
    tagger_agreement(texts)
    cue_lemmas()
    downstream()


if __name__ == "__main__":
    main()
