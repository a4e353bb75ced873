"""Pydantic models of the API: requests, the analysis contract, pages of results.

The contract models mirror ``presslens.analysis/1`` (DESIGN.md) so that the
served OpenAPI documents it; they allow extra fields because the contract may
grow additively.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from presslens.vocabulary import BASES, Basis

__all__ = ["BASES", "Basis"]

SpanModel = Annotated[list[int], Field(min_length=2, max_length=2, description="[start, end)")]


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


def iso_published(value: str | None) -> str | None:
    """A publication date as ISO text (``2024-06-20`` or a UTC date-time); ValueError if not one.

    >>> iso_published("2024-06-20"), iso_published("2024-06-20T10:00:00+02:00")
    ('2024-06-20', '2024-06-20T08:00:00')
    >>> iso_published("yesterday")
    Traceback (most recent call last):
    ValueError: published must be an ISO date (2024-06-20) or date-time, not 'yesterday'
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(
            f"published must be an ISO date (2024-06-20) or date-time, not {text[:40]!r}"
        ) from None
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(UTC).replace(tzinfo=None)
    return stamp.replace(microsecond=0).isoformat()


class _Input(BaseModel):
    """Metadata given with an input; on a re-post of a stored text it corrects the stored one."""

    model_config = ConfigDict(extra="forbid")

    outlet: str | None = Field(None, max_length=200, description="Outlet name to store with it.")
    published: str | None = Field(
        None,
        max_length=40,
        description="Publication date, ISO 8601 (2024-06-20 or 2024-06-20T10:00:00Z); "
        "anything else is refused with 422.",
    )
    title: str | None = Field(None, max_length=1000, description="Title, when not in the text.")

    @field_validator("published")
    @classmethod
    def _published_is_a_date(cls, value: str | None) -> str | None:
        return iso_published(value)


class TextInput(_Input):
    text: str = Field(
        min_length=1,
        description="Plain text, kept verbatim (the web form's pasted text is normalised to LF "
        "line ends first; files and this field are not).",
    )


class HtmlInput(_Input):
    html: str = Field(min_length=1, description="An HTML page; the article is extracted.")


class UrlInput(_Input):
    url: str = Field(
        min_length=1,
        max_length=2048,
        description="http(s) address, fetched through the SSRF-guarded fetcher.",
    )


AnalyzeRequest = TextInput | HtmlInput | UrlInput


@dataclass
class Upload:
    """A file from the web UI's upload field; its bytes are sniffed like a file's."""

    data: bytes
    name: str
    outlet: str | None = None
    published: str | None = None
    title: str | None = None


class SourceModel(_Open):
    path: str | None = None
    url: str | None = None
    format: str | None = None


class MetadataModel(_Open):
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    authors: list[str] = []


class DatelineModel(_Open):
    span: SpanModel | None = None
    place: str | None = None
    date: str | None = None
    agency: str | None = None


class AnatomyModel(_Open):
    headline: SpanModel | None = None
    standfirst: SpanModel | None = None
    dateline: DatelineModel | None = None
    byline: SpanModel | None = None
    boilerplate: list[SpanModel] = []
    paragraphs: list[SpanModel] = []
    sentences: list[SpanModel] = []


class EntityModel(_Open):
    id: str
    name: str
    type: str
    titles: list[str] = []
    mentions: list[SpanModel] = []


class SpeakerModel(_Open):
    span: SpanModel | None = None
    text: str | None = None
    entity: str | None = None


class QuoteModel(_Open):
    id: str
    kind: str
    span: SpanModel
    cue: SpanModel | None = None
    speaker: SpeakerModel | None = None
    via: str | None = None
    score: float | None = None


class SourcingModel(_Open):
    span: SpanModel
    basis: str
    cue: SpanModel | None = None
    source: str | None = None


class TechniqueModel(_Open):
    span: SpanModel
    technique: str
    score: float
    quote: str | None = None


class RepetitionModel(_Open):
    spans: list[SpanModel]


class AnalysisModel(_Open):
    """One analysed document: the ``presslens.analysis/1`` contract."""

    schema_: str = Field(alias="schema", serialization_alias="schema")
    id: str
    source: SourceModel | None = None
    language: str | None = None
    metadata: MetadataModel | None = None
    text: str
    anatomy: AnatomyModel | None = None
    entities: list[EntityModel] = []
    quotes: list[QuoteModel] = []
    scare_quotes: list[SpanModel] = []
    uncredited_quotes: list[QuoteModel] = []  # credited to nobody: ids u1, u2, ...
    sourcing: list[SourcingModel] = []
    techniques: list[TechniqueModel] = []
    repetitions: list[RepetitionModel] = []
    stages: list[str] = []

    model_config = ConfigDict(extra="allow", populate_by_name=True)


class DocumentSummary(_Open):
    """One search hit: metadata, a snippet of the text and per-layer counts."""

    id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    snippet: str | None = Field(None, description="Around the text match, or the opening.")
    counts: dict[str, int] = Field(
        {}, description="quotes, entities, sourcing, techniques, unverifiable (claims)"
    )


class FacetValue(BaseModel):
    value: str
    documents: int = Field(ge=0)


class DocumentPage(BaseModel):
    total: int = Field(ge=0)
    limit: int
    offset: int
    sort: str = "newest"
    items: list[DocumentSummary]
    facets: dict[str, list[FacetValue]] | None = Field(
        None, description="Per facet (outlet, language, technique, basis): values and counts."
    )


class ReprintMember(_Open):
    """One variant of a shared passage; ``diff`` lists its edits against the first."""

    doc_id: str | None = None
    outlet: str | None = None
    published: str | None = None
    passage: str | None = None
    first_publisher: bool | None = None
    similarity: float | None = None
    diff: list[dict[str, Any]] = []


class ReprintGroup(_Open):
    group_id: str | None = None
    outlets: list[str | None] = []
    copied_by: list[str | None] = []
    members: list[ReprintMember] = []


class PoolState(BaseModel):
    """The analysis pool: worker processes, analyses running and waiting."""

    workers: int
    alive: int
    running: int
    queued: int
    queue_limit: int
    per_client: int


class Health(BaseModel):
    status: Literal["ok", "unavailable"]
    version: str
    store: bool
    detail: str | None = None
    analysis: PoolState | None = None


class Problem(BaseModel):
    """An error: ``detail`` is one line a user can act on (a list for validation errors)."""

    detail: str | list[Any]


class MonthCount(BaseModel):
    outlet: str
    month: str | None
    spans: int = Field(ge=0, description="Technique spans in that month's documents.")
    documents: int = Field(ge=0)


class TechniqueCount(BaseModel):
    technique: str
    label: str = ""
    spans: int = Field(ge=0)
    documents: int = Field(ge=0)


class SourcingCount(BaseModel):
    outlet: str
    basis: str | None
    claims: int = Field(ge=0)


class SpeakerCount(BaseModel):
    speaker: str
    quotes: int = Field(ge=0)
    documents: int = Field(ge=0)


class DashboardStats(BaseModel):
    """The dashboard's numbers over the documents the filter selects."""

    documents: int = Field(ge=0)
    by_month: list[MonthCount]
    techniques: list[TechniqueCount]
    sourcing: list[SourcingCount]
    speakers: list[SpeakerCount]
