"""Settings sources and the language stage."""

from __future__ import annotations

import pytest

from presslens.language import detect_language
from presslens.settings import Settings, get_settings, reset_settings


def test_env_overrides_toml_and_defaults(tmp_path, monkeypatch):
    config = tmp_path / "presslens.toml"
    config.write_text("max_input_bytes = 1234\nworkers = 3\n", encoding="utf-8")
    monkeypatch.setenv("PRESSLENS_CONFIG", str(config))
    monkeypatch.setenv("PRESSLENS_WORKERS", "5")
    reset_settings()
    try:
        settings = get_settings()
        assert settings.max_input_bytes == 1234
        assert settings.workers == 5
        assert get_settings(workers=7).workers == 7
    finally:
        reset_settings()


def test_defaults_refuse_private_fetches():
    assert Settings().fetch_allow_private is False


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The agency said the talks would resume on Monday after a short break.", "en"),
        ("Агентство сообщило, что переговоры возобновятся в понедельник.", "ru"),
        ("Агенція повідомила, що переговори відновляться в понеділок.", "uk"),
        ("Die Agentur teilte mit, dass die Gespräche am Montag weitergehen.", "de"),
    ],
)
def test_language_detection(text, code):
    assert detect_language(text, ("en", "ru", "uk", "de", "fr")) == code


def test_no_letters_no_language():
    assert detect_language("1234 5678 — 42", ("en", "ru")) is None
