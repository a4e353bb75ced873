"""Property-based checks of the API against its own OpenAPI spec (schemathesis).

Bounded so it stays fast: 20 examples per operation, no deadline. URL inputs are
resolved by a fake DNS that answers a loopback address, so the fuzzer exercises
the SSRF guard's refusal without any network lookups.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from analyzers import offline_analyzer
from presslens.analysis import Analysis
from presslens.api.app import create_app
from presslens.document import Document
from presslens.settings import get_settings
from presslens.store import open_store

TEXT = "MOSCOW, June 20. /TASS/. The agency said the talks would go on."


def _app() -> Any:
    """The app over a fresh DuckDB store in a temporary folder, with one document."""
    folder = Path(tempfile.mkdtemp(prefix="presslens-schema-"))
    store = open_store(str(folder / "schema.duckdb"))
    store.put_analysis(Analysis(Document(TEXT), ()).to_dict())
    app_settings = get_settings().model_copy(
        update={"max_request_bytes": 64_000, "analysis_timeout_s": 20.0}
    )
    app = create_app(app_settings, store)
    app.state.analyzer = offline_analyzer
    app.state.cleanup = (store, folder)
    return app


APP = _app()
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def _close_store() -> Iterator[None]:
    yield
    APP.state.pool.close()
    store, folder = APP.state.cleanup
    store.close()
    shutil.rmtree(folder, ignore_errors=True)


@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
)
def test_api_conforms_to_its_openapi_spec(case: Any) -> None:
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ]
    )
