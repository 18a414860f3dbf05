"""A request and a response example for every operation of the OpenAPI document, built
from each schema with realistic values chosen by field name (an OA system's people, Chinese
and English, addresses, times in Beijing), kept valid by tests/test_openapi_examples.py,
which validates every example against the models the server itself validates with.
"""

from __future__ import annotations

import re
from typing import Any

WHEN = "2027-01-04T09:00:00+08:00"
_BY_NAME: dict[str, Any] = {
    "address": "li.lei@example.com",
    "addresses": ["li.lei@example.com"],
    "email": "li.lei@example.com",
    "display_name": "李雷 Li Lei",
    "name": "Sales",
    "title": "Quarterly review",
    "subject": "季度报告 Q3",
    "text": "The numbers are attached. 数据见附件。",
    "html": "<p>The numbers are attached.</p>",
    "description": "Created by the OA system",
    "job_title": "Sales lead",
    "employee_number": "E1002",
    "mobile": "+8613800138000",
    "security_phone": "+8613800138001",
    "recovery_email": "zhang.wei@example.com",
    "migration_private_networks": ["10.20.0.0/16"],
    "password": "correct-horse-battery-staple",
    "new_password": "correct-horse-battery-staple",
    "current_password": "an-old-password-1",
    "time_zone": "Asia/Shanghai",
    "locale": "zh-CN",
    "domain": "example.com",
    "url": "https://oa.example.com/hooks/mailplane",
    "redirect_uris": ["https://oa.example.com/oauth/callback"],
    "location": "Lotus room, 3F",
    "filename": "report.pdf",
    "content_type": "application/pdf",
    "q": "li",
    "cursor": None,
    "next_cursor": None,
    "state": "s_3",
    "since": "s_1",
    "rrule": "FREQ=WEEKLY;COUNT=4",
    "comment": "See you there",
    "reason": None,
    "code": "validation_failed",
    "scope": "directory:read",
    "type": None,  # decided by the schema (an enum or a const)
    "color": "#1f6feb",
    "online_meeting_url": "https://meet.example.com/r/q3-review",
    "birthday": "1990-05-01",
    "number": "+8613800138000",
    "csv": None,  # MigrationCreate: accounts or csv, the example gives accounts
}
# Schemas whose fields depend on each other (one of several), given whole.
_BY_SCHEMA: dict[str, Any] = {
    "FolderRule": {"source": "Sent Items", "role": "sent"},
}
_FALLBACK_STRINGS = ("example", "09:00", "E1002", "li.lei@example.com", "abc", "a1")


def _prefix(schema_name: str) -> str:
    letters = re.sub(r"[^a-z]", "", schema_name.lower())
    return (letters[:3] or "obj") + "_01jc8z3q9d6f2v4k7m5n0p8r2t"


def _string(schema: dict[str, Any], name: str, owner: str) -> str:
    fmt = schema.get("format")
    if fmt == "date-time":
        return WHEN
    if fmt == "date":
        return WHEN[:10]
    if fmt in ("uri", "url"):
        return "https://oa.example.com/hooks/mailplane"
    if fmt == "email":
        return "li.lei@example.com"
    candidate = _BY_NAME.get(name)
    if not isinstance(candidate, str):
        if name == "id" or name.endswith("_id"):
            stem = owner if name == "id" else name[:-3]
            candidate = _prefix(stem)
        elif name.endswith(("_at", "start", "end")) or name in ("after", "before", "until"):
            candidate = WHEN
        else:
            candidate = name.replace("_", " ") or "example"
    pattern = schema.get("pattern")
    options = [candidate, *_FALLBACK_STRINGS]
    if pattern:
        fits = [o for o in options if re.search(pattern, o)]
        candidate = fits[0] if fits else candidate
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    if len(candidate) < low:
        candidate = candidate + "x" * (low - len(candidate))
    if high is not None:
        candidate = candidate[:high]
    return candidate


class Examples:
    """Examples from the document's own schemas (components resolved)."""

    def __init__(self, components: dict[str, Any]) -> None:
        self.components = components

    def of(self, schema: dict[str, Any], name: str = "", owner: str = "", depth: int = 0) -> Any:
        if "example" in schema:
            return schema["example"]
        if schema.get("examples"):
            return schema["examples"][0]
        if "$ref" in schema:
            ref = schema["$ref"].rsplit("/", 1)[-1]
            if ref in _BY_SCHEMA:
                return _BY_SCHEMA[ref]
            return self.of(self.components[ref], name, ref, depth + 1)
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            return schema["enum"][0]
        if "default" in schema and schema["default"] is not None and depth > 0:
            return schema["default"]
        for key in ("anyOf", "oneOf"):
            if key in schema:
                options = [o for o in schema[key] if o.get("type") != "null"]
                if name in _BY_NAME and _BY_NAME[name] is None and len(options) < len(schema[key]):
                    return None
                return self.of(options[0], name, owner, depth) if options else None
        if "allOf" in schema:
            return self.of(schema["allOf"][0], name, owner, depth)
        kind = schema.get("type")
        if kind == "object" or "properties" in schema:
            if depth > 14:
                return {}
            return {
                prop: self.of(sub, prop, owner, depth + 1)
                for prop, sub in schema.get("properties", {}).items()
            }
        if kind == "array":
            value = _BY_NAME.get(name)
            if isinstance(value, list) and schema.get("items", {}).get("type") == "string":
                return value
            count = max(1, schema.get("minItems", 1))
            item = self.of(schema.get("items", {}), name.rstrip("s"), owner, depth + 1)
            return [item] * count if depth <= 14 else []
        if kind == "string":
            return _string(schema, name, owner)
        if kind == "integer":
            low = schema.get("minimum", schema.get("exclusiveMinimum", 0) + 1 if
                             "exclusiveMinimum" in schema else None)
            value = 1 if low is None else int(low)
            return min(value, schema["maximum"]) if "maximum" in schema else value
        if kind == "number":
            return float(schema.get("minimum", 1))
        if kind == "boolean":
            return False
        return None
