"""Every operation in `openapi/openapi.json` has an SDK method, and every SDK method names a
real operation with its exact verb and path (checked both ways)."""

from __future__ import annotations

from collections.abc import Iterator

from mailplane_sdk import AsyncMailplane, Mailplane
from mailplane_sdk.coverage import ATTRIBUTE
from mailplane_sdk.endpoints import Endpoint, Namespace, Paged

from tests.sdk.operations import spec_operations


def sdk_methods(
    namespace: Namespace[object], prefix: str = "mp"
) -> Iterator[tuple[str, str, str | None, str | None]]:
    """(method name, operationId, verb, path) for every operation an SDK method performs."""
    for cls in type(namespace).__mro__:
        for name, attr in vars(cls).items():
            if isinstance(attr, Endpoint | Paged) and attr.operation is not None:
                yield f"{prefix}.{name}", attr.operation, attr.method, attr.path
            for op in getattr(attr, ATTRIBUTE, ()):
                yield f"{prefix}.{name}", op, None, None
    for name, child in vars(namespace).items():
        if isinstance(child, Namespace) and not name.startswith("_"):
            yield from sdk_methods(child, f"{prefix}.{name}")


def mapping(client: Namespace[object]) -> dict[str, list[tuple[str, str | None, str | None]]]:
    found: dict[str, list[tuple[str, str | None, str | None]]] = {}
    for method, op, verb, path in sdk_methods(client):
        found.setdefault(op, []).append((method, verb, path))
    return found


def test_every_operation_has_an_sdk_method_and_back() -> None:
    mp = Mailplane("http://unused.test", "id", "secret")
    found = mapping(mp)  # type: ignore[arg-type]
    spec = spec_operations()
    missing = sorted(set(spec) - set(found))
    unknown = sorted(set(found) - set(spec))
    assert not missing, f"operations without an SDK method: {missing}"
    assert not unknown, f"SDK methods naming no operation: {unknown}"
    for op, methods in found.items():
        for method, verb, path in methods:
            if verb is not None:
                assert (verb, path) == (spec[op].method, spec[op].path), f"{method} is not {op}"
    duplicated = {
        op: [m for m, v, _ in ms if v]
        for op, ms in found.items()
        if len([m for m in ms if m[1]]) > 1
    }
    assert not duplicated, f"one operation, several methods: {duplicated}"


def test_async_client_has_the_same_methods() -> None:
    sync = {(m, op) for m, op, _, _ in sdk_methods(Mailplane("http://u.test", "i", "s"))}  # type: ignore[arg-type]
    asyn = {(m, op) for m, op, _, _ in sdk_methods(AsyncMailplane("http://u.test", "i", "s"))}  # type: ignore[arg-type]
    assert sync == asyn and len(sync) >= len(spec_operations())
