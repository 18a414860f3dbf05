"""Namespace methods written once for both clients.

A method decorated with `@endpoint(verb, path, operationId)` returns a `Spec` (path values,
query, body, reader); the descriptor turns it into a `Call` and hands it to the namespace's
runner, so on `Mailplane` it returns the value and on `AsyncMailplane` a coroutine.
`@paged` methods return an iterator (async iterator) over every item of every page, and
`@flow` methods are generators of Calls (multi-step work such as resumable uploads).

    class Accounts(Namespace[R]):
        @endpoint("GET", "/v1/accounts/{account}", "get_account")
        def get(self, account: str) -> Spec[Account]:
            return Spec(model(Account), path={"account": account})
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from dataclasses import replace
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, overload
from urllib.parse import quote

from mailplane_sdk.calls import Call, Spec
from mailplane_sdk.pagination import Page
from mailplane_sdk.runners import AsyncRunner, Flow, SyncRunner

P = ParamSpec("P")
T = TypeVar("T")
R = TypeVar("R", bound=SyncRunner | AsyncRunner)
S = TypeVar("S")
PRECONDITIONED = frozenset({"PATCH", "PUT", "DELETE"})


class Namespace(Generic[R]):
    """A group of methods (`mp.accounts`, `mp.mail.messages`, …) bound to one runner."""

    def __init__(self, runner: R) -> None:
        self._runner = runner


def _fill(template: str, values: dict[str, object]) -> str:
    return template.format(**{k: quote(str(v), safe="@") for k, v in values.items()})


class _Described(Generic[P, T]):
    """Shared by `Endpoint` and `Paged`: the operation a method performs and its Call."""

    def __init__(
        self,
        method: str,
        path: str,
        operation: str | None,
        build: Callable[Concatenate[Any, P], Spec[T]],
    ) -> None:
        self.method = method
        self.path = path
        self.operation = operation
        self.build = build
        self.name = build.__name__
        self.__doc__ = build.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def call(self, owner: Namespace[Any], *args: P.args, **kwargs: P.kwargs) -> Call[T]:
        # `if_match=` on any update or delete becomes the If-Match precondition (412 if stale).
        if_match = kwargs.pop("if_match", None) if self.method in PRECONDITIONED else None
        spec = self.build(owner, *args, **kwargs)
        if if_match is not None:
            spec = replace(spec, headers={**(spec.headers or {}), "If-Match": str(if_match)})
        return Call(self.operation, self.method, _fill(self.path, dict(spec.path)), spec)


class _Returns(Generic[P, T]):
    """A method that returns its value (sync) or a coroutine of it (async)."""

    def start(self, runner: Any, owner: Namespace[Any], *args: P.args, **kwargs: P.kwargs) -> Any:
        raise NotImplementedError

    @overload
    def __get__(self: S, obj: None, objtype: type | None = None) -> S: ...
    @overload
    def __get__(
        self, obj: Namespace[SyncRunner], objtype: type | None = None
    ) -> Callable[P, T]: ...
    @overload
    def __get__(
        self, obj: Namespace[AsyncRunner], objtype: type | None = None
    ) -> Callable[P, Coroutine[Any, Any, T]]: ...
    def __get__(self, obj: Namespace[Any] | None, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        return functools.wraps(self.build)(functools.partial(self.start, obj._runner, obj))  # type: ignore[attr-defined]


class Endpoint(_Described[P, T], _Returns[P, T]):
    """One operation."""

    def start(self, runner: Any, owner: Namespace[Any], *args: P.args, **kwargs: P.kwargs) -> Any:
        return runner.run(self.call(owner, *args, **kwargs))


class FlowMethod(_Returns[P, T]):
    """A multi-step method written as a generator of Calls."""

    def __init__(self, build: Callable[Concatenate[Any, P], Flow[T]]) -> None:
        self.build = build
        self.__doc__ = build.__doc__

    def start(self, runner: Any, owner: Namespace[Any], *args: P.args, **kwargs: P.kwargs) -> Any:
        return runner.drive(self.build(owner, *args, **kwargs))


class Paged(_Described[P, Page[T]]):
    """A list operation; returns an iterator (async iterator) over all items of all pages."""

    @overload
    def __get__(self: S, obj: None, objtype: type | None = None) -> S: ...
    @overload
    def __get__(
        self, obj: Namespace[SyncRunner], objtype: type | None = None
    ) -> Callable[P, Iterator[T]]: ...
    @overload
    def __get__(
        self, obj: Namespace[AsyncRunner], objtype: type | None = None
    ) -> Callable[P, AsyncIterator[T]]: ...
    def __get__(self, obj: Namespace[Any] | None, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        runner = obj._runner

        @functools.wraps(self.build)
        def bound(*args: P.args, **kwargs: P.kwargs) -> Any:
            return runner.paginate(self.call(obj, *args, **kwargs))

        return bound


def endpoint(
    method: str, path: str, operation: str | None
) -> Callable[[Callable[Concatenate[Any, P], Spec[T]]], Endpoint[P, T]]:
    """Declare a method as the operation `operation` (`method path`)."""
    return lambda build: Endpoint(method, path, operation, build)


def paged(
    method: str, path: str, operation: str
) -> Callable[[Callable[Concatenate[Any, P], Spec[Page[T]]]], Paged[P, T]]:
    """Declare a method as the list operation `operation`, iterated to its last page."""
    return lambda build: Paged(method, path, operation, build)


def flow(build: Callable[Concatenate[Any, P], Flow[T]]) -> FlowMethod[P, T]:
    """Declare a method as a generator of Calls, driven by the client's runner."""
    return FlowMethod(build)
