"""Where the reference pages' third-party files are: the dist folders shipped inside
installed PyPI packages (found without importing them), mounted under `/static/`."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


def package_dir(name: str) -> Path:
    """The folder of an installed package, without running its `__init__` (the sidecar's
    imports Django, which Mailplane never needs)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"The package {name} is not installed (see pyproject.toml).")
    return Path(next(iter(spec.submodule_search_locations)))


@dataclass(frozen=True)
class Mount:
    url: str  # the prefix it is served under
    directory: Path


def mounts() -> list[Mount]:
    sidecar = package_dir("drf_spectacular_sidecar") / "static" / "drf_spectacular_sidecar"
    graphiql = package_dir("graphene_django_graphiql_static") / "static"
    return [
        Mount("/static/swagger-ui", sidecar / "swagger-ui-dist"),
        Mount("/static/redoc", sidecar / "redoc" / "bundles"),
        Mount("/static/graphiql", graphiql / "graphene_django_graphiql_static"),
        Mount("/static/reference", HERE / "static"),
    ]
