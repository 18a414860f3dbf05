"""A request described as data (`Call`) plus how to read its answer, so one description
serves the synchronous and the asynchronous client alike."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Generic, Protocol, TypeVar

import httpx

from mailplane_sdk.generated.types import UNSET

T = TypeVar("T")
M = TypeVar("M", bound="FromDict")


class FromDict(Protocol):
    """A generated attrs model (or any class with `from_dict`)."""

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T: ...


@dataclass(frozen=True)
class Spec(Generic[T]):
    """What a namespace method adds to its endpoint: path values, query, body, and the reader."""

    read: Callable[[httpx.Response], T]
    path: Mapping[str, object] = field(default_factory=dict)
    params: Mapping[str, object] | None = None
    json: object = None
    content: bytes | None = None
    files: Mapping[str, tuple[str, bytes, str]] | None = None
    headers: Mapping[str, str] | None = None
    auth: httpx.Auth | None = None


@dataclass(frozen=True)
class Call(Generic[T]):
    """One HTTP request ready to send (`spec` with its path filled in), and its operationId."""

    operation: str | None
    method: str
    path: str
    spec: Spec[T]

    def read(self, response: httpx.Response) -> T:
        return self.spec.read(response)

    def request_kwargs(self) -> dict[str, Any]:
        spec = self.spec
        kwargs: dict[str, Any] = {}
        if spec.params:
            kwargs["params"] = query(spec.params)
        if spec.json is not None:
            kwargs["json"] = jsonable(spec.json)
        if spec.content is not None:
            kwargs["content"] = spec.content
        if spec.files is not None:
            kwargs["files"] = dict(spec.files)
        if spec.headers:
            kwargs["headers"] = dict(spec.headers)
        if spec.auth is not None:
            kwargs["auth"] = spec.auth
        return kwargs

    def with_params(self, **params: object) -> Call[T]:
        merged = {**(self.spec.params or {}), **params}
        return replace(self, spec=replace(self.spec, params=merged))


def jsonable(value: object) -> object:
    """Plain JSON from what callers pass: datetimes, dates, enums, generated models, sets."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return jsonable(value.value)
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items() if v is not UNSET}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    return value


def query(params: Mapping[str, object]) -> dict[str, Any]:
    """Query parameters: None dropped, lists comma-joined, booleans lowercase."""
    out: dict[str, Any] = {}
    for key, value in params.items():
        if value is None or value is UNSET:
            continue
        if isinstance(value, bool):
            out[key] = "true" if value else "false"
        elif isinstance(value, list | tuple | set | frozenset):
            out[key] = ",".join(str(jsonable(v)) for v in value)
        else:
            plain = jsonable(value)
            out[key] = plain if isinstance(plain, str | int | float) else str(plain)
    return out


# --- readers: turn a 2xx response into the value a method returns -----------------------


def model(cls: type[M]) -> Callable[[httpx.Response], M]:
    """The generated model of a JSON body."""
    return lambda response: cls.from_dict(response.json())


def models(cls: type[M]) -> Callable[[httpx.Response], list[M]]:
    """A JSON array of generated models."""
    return lambda response: [cls.from_dict(item) for item in response.json()]


def nothing(response: httpx.Response) -> None:
    """204 and other answers without a body."""
    return None


def data(response: httpx.Response) -> Any:
    """The parsed JSON body, for schemaless answers."""
    return response.json() if response.content else None


def payload(response: httpx.Response) -> Any:
    """JSON for JSON answers (None when empty), else the text: what `mp.request` returns."""
    if "json" in response.headers.get("content-type", "json"):
        return data(response)
    return response.text


def text(response: httpx.Response) -> str:
    return response.text


def raw(response: httpx.Response) -> bytes:
    return response.content
