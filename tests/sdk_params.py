"""Generate `mailplane_sdk/generated/params.py` from openapi/openapi.json: a TypedDict for
every request body schema and for every operation's query parameters, so the hand-written
layer's `**body` and `**query` are typed, named parameters an editor completes and a type
checker checks (PEP 692 `Unpack`). Run by `make sdk` (tests/sdk_generation.py)."""

from __future__ import annotations

import json
import keyword
from pathlib import Path
from typing import Any

HEADER = '''"""Typed keyword arguments of every operation, generated from the OpenAPI document by
tests/sdk_params.py (`make sdk`): do not edit. `<Schema>` is a request body's fields,
`<OperationId>Query` an operation's query parameters."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal

from typing_extensions import NotRequired, Required, TypedDict
'''


def pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def body_schema_name(schema: dict[str, Any]) -> str | None:
    """The component a JSON body is (an optional body is `anyOf: [ref, null]`)."""
    if "$ref" in schema:
        return ref_name(schema["$ref"])
    refs = [o["$ref"] for o in schema.get("anyOf", []) if "$ref" in o]
    return ref_name(refs[0]) if len(refs) == 1 else None


class Writer:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.schemas: dict[str, Any] = spec["components"]["schemas"]
        self.wanted: list[str] = []  # body schemas to emit, in discovery order
        self.blocks: dict[str, str] = {}

    def py_type(self, schema: dict[str, Any]) -> str:
        if "$ref" in schema:
            name = ref_name(schema["$ref"])
            target = self.schemas[name]
            if target.get("type") == "object" and "properties" in target:
                self.want(name)
                return f"{name} | Mapping[str, Any]"
            return self.py_type(target)
        if "const" in schema:
            return f"Literal[{schema['const']!r}]"
        if "enum" in schema:
            return "Literal[" + ", ".join(repr(v) for v in schema["enum"]) + "]"
        if "anyOf" in schema:
            parts = []
            for option in schema["anyOf"]:
                text = self.py_type(option)
                if text not in parts:
                    parts.append(text)
            return " | ".join(parts)
        kind = schema.get("type")
        if kind == "string":
            fmt = schema.get("format")
            if fmt == "date-time":
                return "datetime.datetime | str"
            if fmt == "date":
                return "datetime.date | str"
            return "str"
        if kind == "integer":
            return "int"
        if kind == "number":
            return "float"
        if kind == "boolean":
            return "bool"
        if kind == "null":
            return "None"
        if kind == "array":
            return f"list[{self.py_type(schema.get('items', {}))}]"
        if kind == "object":
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict) and extra:
                return f"dict[str, {self.py_type(extra)}]"
            return "dict[str, Any]"
        return "Any"

    def want(self, name: str) -> None:
        if name not in self.wanted:
            self.wanted.append(name)

    def typed_dict(self, name: str, fields: list[tuple[str, str, bool, str]], doc: str) -> str:
        lines = [f"class {name}(TypedDict, total=False):", f'    """{doc}"""', ""]
        if not fields:
            lines.append("    pass")
        for field, annotation, required, description in fields:
            if keyword.iskeyword(field):
                field += "_"  # `from` is passed as `from_` (the layer sends it as `from`)
            if not field.isidentifier():
                continue
            if description:
                lines.append(f"    # {' '.join(description.split())[:300]}")
            wrap = "Required" if required else "NotRequired"
            lines.append(f"    {field}: {wrap}[{annotation}]")
        return "\n".join(lines) + "\n"

    def body(self, name: str) -> str:
        schema = self.schemas[name]
        required = set(schema.get("required", []))
        fields = [
            (p, self.py_type(s), p in required, s.get("description", ""))
            for p, s in schema.get("properties", {}).items()
        ]
        doc = (schema.get("description") or f"The fields of {name}.").split("\n")[0]
        return self.typed_dict(name, fields, doc.replace('"""', "'''"))

    def query(self, operation: dict[str, Any]) -> str | None:
        params = [p for p in operation.get("parameters", []) if p.get("in") == "query"]
        if not params:
            return None
        fields = [
            (p["name"], self.py_type(p.get("schema", {})), bool(p.get("required")),
             p.get("description", "") or p.get("schema", {}).get("description", ""))
            for p in params
        ]
        op_id = operation["operationId"]
        return self.typed_dict(pascal(op_id) + "Query", fields, f"Query parameters of {op_id}.")

    def render(self) -> str:
        queries = []
        for item in self.spec["paths"].values():
            for operation in item.values():
                content = operation.get("requestBody", {}).get("content", {})
                name = body_schema_name(content.get("application/json", {}).get("schema", {}))
                if name:
                    self.want(name)
                block = self.query(operation)
                if block:
                    queries.append(block)
        done = 0
        while done < len(self.wanted):  # bodies may name nested schemas as they are rendered
            name = self.wanted[done]
            self.blocks[name] = self.body(name)
            done += 1
        bodies = [self.blocks[n] for n in sorted(self.blocks)]
        names = sorted(self.blocks) + sorted(
            b.split("(", 1)[0].removeprefix("class ") for b in queries
        )
        exports = "__all__ = [\n" + "".join(f'    "{n}",\n' for n in names) + "]\n"
        return HEADER + "\n\n" + "\n\n".join(bodies + queries) + "\n\n" + exports


def render(spec_path: Path) -> str:
    return Writer(json.loads(spec_path.read_text())).render()
