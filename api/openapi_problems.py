"""Which problem `code`s each operation can answer, for the OpenAPI document's
`x-problem-codes`: the platform's codes for the statuses the operation documents, and the
codes its resource's rules raise (found in the source of the package that serves it, so a
new rule's code is listed without anyone remembering to).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from api.errors import AppError

# The codes the platform itself answers with, by status (api/errors.py and the middlewares).
BY_STATUS: dict[str, tuple[str, ...]] = {
    "400": ("malformed_request",),
    "401": ("unauthorized",),
    "403": ("insufficient_scope", "forbidden"),
    "404": ("not_found",),
    "409": ("conflict", "already_exists"),
    "410": ("resync_required",),
    "412": ("precondition_failed",),
    "413": ("payload_too_large",),
    "422": ("validation_failed",),
    "429": ("rate_limited",),
    "503": ("service_unavailable",),
}
_LITERAL = re.compile(r'code="([a-z_]+)"')
_RAISE = re.compile(r"raise\s+([A-Z]\w+)\(")
_NAMED = re.compile(r"\b([A-Z]\w+)\.code\b")  # a code reported by its class (rejections)
_MUTATING = ("post", "put", "patch", "delete")


def _error_classes() -> dict[str, str]:
    """AppError subclass name → its code, for every subclass imported so far."""
    out: dict[str, str] = {}
    todo = [AppError]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            out[sub.__name__] = sub.code
            todo.append(sub)
    return out


@cache
def package_codes(package_dir: str) -> tuple[str, ...]:
    """Codes raised or reported in the sources of one package (literal `code="…"`, raised
    errors and `ErrorClass.code`)."""
    classes = _error_classes()
    found: dict[str, None] = {}
    for path in sorted(Path(package_dir).glob("*.py")):
        text = path.read_text()
        found.update(dict.fromkeys(_LITERAL.findall(text)))
        for name in [*_RAISE.findall(text), *_NAMED.findall(text)]:
            if name in classes:
                found[classes[name]] = None
    return tuple(found)


_modules: dict[str, str] = {}


def register_module(operation_id: str, module_file: str) -> None:
    """Remember which source file serves `operation_id` (openapi_doc does, per route)."""
    _modules[operation_id] = module_file


def problem_codes(operation_id: str, method: str, statuses: list[str]) -> list[str]:
    codes: dict[str, None] = {}
    for status in statuses:
        codes.update(dict.fromkeys(BY_STATUS.get(status, ())))
    module = _modules.get(operation_id)
    if method in _MUTATING:  # Idempotency-Key: in flight (409) or reused with another body (422)
        codes.update(dict.fromkeys(("idempotency_in_progress", "idempotency_key_reused")))
    if module and method in _MUTATING:
        codes.update(dict.fromkeys(package_codes(str(Path(module).parent))))
    return sorted(codes)
