"""The Russian/Ukrainian parse: a spaCy Doc whose offsets are Document.text's."""

from __future__ import annotations

import pytest

from presslens.syntax_cyrillic import parse, sentences

RU = "Заголовок без точки\n\nМИД заявил, что «переговоры  продолжатся».\nОни отметили это."
UK = "Прем'єр-міністр зазначив, що п’ятниця — день з'їзду.\n\nВони наголосили: «Так»."


@pytest.mark.parametrize(("text", "language"), [(RU, "ru"), (UK, "uk")])
def test_doc_text_and_offsets_equal_the_documents(text: str, language: str) -> None:
    doc = parse(text, language)
    assert doc.text == text
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text


def test_blank_line_starts_a_sentence() -> None:
    doc = parse(RU, "ru")
    starts = [s.start_char for s in doc.sents]
    assert RU.index("МИД") in starts
    assert all(not t.is_space for s in doc.sents for t in list(s)[:1])


def test_every_word_has_a_tree_inside_its_sentence() -> None:
    doc = parse(RU, "ru")
    for sent in doc.sents:
        for token in sent:
            assert sent.start <= token.head.i < sent.end


@pytest.mark.parametrize(
    ("text", "language", "word", "lemma"),
    [
        ("Министр отметил, что всё хорошо.", "ru", "отметил", "отметить"),
        ("Они подчеркнули, что всё хорошо.", "ru", "подчеркнули", "подчеркнуть"),
        ("Міністр зазначив, що все добре.", "uk", "зазначив", "зазначити"),
        ("Вони наголосили, що все добре.", "uk", "наголосили", "наголосити"),
        ("Вона виступила, заявивши, що все добре.", "uk", "заявивши", "заявити"),
        ("За словами Малюка, все добре.", "uk", "Малюка", "малюк"),
    ],
)
def test_lemmas_come_from_the_language_dictionary(
    text: str, language: str, word: str, lemma: str
) -> None:
    doc = parse(text, language)
    assert {t.lemma_ for t in doc if t.text == word} == {lemma}


def test_ukrainian_apostrophe_words_stay_one_token() -> None:
    words = [UK[s:e] for sent in sentences(UK) for s, e in sent]
    assert "Прем'єр-міністр" in words or "Прем'єр" in words
    assert "п’ятниця" in words and "з'їзду" in words


def test_lexical_attributes_are_set() -> None:
    doc = parse("По словам эксперта, рост.", "ru")
    assert doc[0].lower_ == "по"
    assert doc[3].is_punct


@pytest.mark.parametrize("language", ["ru", "uk"])
def test_heads_after_a_line_break_inside_a_sentence(language: str) -> None:
    """razdel does not cut at a single line break ('Итоги года\\nМинистр ... заявил'), so a
    whitespace token stands inside the sentence; the words after it keep their heads
    (they were shifted by one: 'Министр' hung from 'Петров', a name from the break)."""
    text = {
        "ru": "Итоги года\nМинистр финансов Иван Петров заявил, что бюджет исполнен.",
        "uk": "Підсумки року\nМіністр фінансів Іван Петренко заявив, що бюджет виконано.",
    }[language]
    doc = parse(text, language)
    assert not any(t.head.pos_ == "SPACE" for t in doc if t.pos_ != "SPACE")
    if language == "ru":
        assert next(t for t in doc if t.text == "Министр").head.text == "заявил"


def test_ukrainian_prepositions_with_noun_homographs() -> None:
    doc = parse("Він заявив це під час зустрічі серед інших гостей.", "uk")
    assert {t.text: t.pos_ for t in doc}["під"] == "ADP"
    assert {t.text: t.pos_ for t in doc}["серед"] == "ADP"


def test_ukrainian_pronominal_adverbs_and_missing_particles_are_adverbs() -> None:
    """The Ukrainian dictionary files 'тепер', 'тоді', 'тут' as pronouns without case and
    lacks 'вже', 'ще'; as pronouns they became speakers ('тепер вже пишуть')."""
    doc = parse("Тепер вже пишуть, що тоді тут ще нічого не було, а він сказав це.", "uk")
    pos = {t.text: t.pos_ for t in doc}
    assert [pos[w] for w in ("Тепер", "вже", "тоді", "тут", "ще")] == ["ADV"] * 5
    assert pos["він"] == "PRON"


def test_a_sentence_initial_ukrainian_preposition() -> None:
    doc = parse("Під час брифінгу речник заявив, що атаку відбито.", "uk")
    assert doc[0].pos_ == "ADP"
