"""``/docs``: the API's documentation, rendered here from the served OpenAPI spec.

FastAPI's Swagger UI and ReDoc pages load their JavaScript from a CDN, which an
offline newsroom tool must not do; this page needs no asset at all: it is the
spec itself (``/openapi.json``) as server-rendered HTML — every operation with
its parameters, request body and responses — under the UI's strict CSP.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from presslens.api.pages import page

router = APIRouter(include_in_schema=False)
METHODS = ("get", "post", "put", "patch", "delete")


def schema_name(schema: dict[str, Any] | None) -> str:
    """A short readable type for a JSON schema (``$ref`` names, arrays, enums, unions)."""
    if not schema:
        return ""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "enum" in schema:
        return " | ".join(repr(v) for v in schema["enum"])
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return " | ".join(schema_name(s) for s in schema[key])
    if schema.get("type") == "array":
        return f"list[{schema_name(schema.get('items'))}]"
    return str(schema.get("type", ""))


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The spec's operations in path order, flattened for the template."""
    out = []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if not op:
                continue
            body = (op.get("requestBody") or {}).get("content", {})
            out.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "anchor": f"{method}-{path}".replace("/", "-").strip("-"),
                    "summary": op.get("summary") or "",
                    "description": op.get("description") or "",
                    "parameters": [
                        {
                            "name": p.get("name"),
                            "where": p.get("in"),
                            "required": bool(p.get("required")),
                            "type": schema_name(p.get("schema")),
                            "description": p.get("description") or "",
                        }
                        for p in op.get("parameters", [])
                    ],
                    "body": [
                        {"type": kind, "schema": schema_name(c.get("schema"))}
                        for kind, c in body.items()
                    ],
                    "responses": [
                        {"status": status, "description": r.get("description", "")}
                        for status, r in sorted(op.get("responses", {}).items())
                    ],
                }
            )
    return out


def models(spec: dict[str, Any]) -> list[dict[str, Any]]:
    schemas = spec.get("components", {}).get("schemas", {})
    return [
        {
            "name": name,
            "description": s.get("description") or "",
            "fields": [
                {
                    "name": field,
                    "type": schema_name(f),
                    "required": field in s.get("required", ()),
                    "description": f.get("description") or "",
                }
                for field, f in s.get("properties", {}).items()
            ],
        }
        for name, s in sorted(schemas.items())
    ]


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    return page(
        "docs",
        title="API documentation",
        info=spec.get("info", {}),
        operations=operations(spec),
        models=models(spec),
    )
