"""The one message catalogue (gettext .po files under `api/locale`, read with Babel) and
language negotiation: `Accept-Language` first, then the person's, then the organisation's.

Messages are written in English in the code; the English text is the msgid. `Msg` keeps a
message and its parameters until the reader's language is known (problem documents are
rendered long after the error was raised).
"""

from __future__ import annotations

from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

from babel.core import Locale, UnknownLocaleError, negotiate_locale
from babel.messages.pofile import read_po

DEFAULT_LOCALE = "en"
SUPPORTED_LOCALES = ("zh-CN", "en")
_CATALOGUE_DIR = Path(__file__).resolve().parent / "locale"
_DOMAIN = "mailplane"
# gettext folder names use an underscore (zh_CN); the API speaks BCP 47 (zh-CN).
_FOLDER = {"zh-CN": "zh_CN", "en": "en"}


def catalogue_path(locale: str) -> Path:
    return _CATALOGUE_DIR / _FOLDER[locale] / "LC_MESSAGES" / f"{_DOMAIN}.po"


@cache
def catalogue(locale: str) -> dict[str, str]:
    """msgid → translation of one supported locale (empty translations left out)."""
    with catalogue_path(locale).open("rb") as handle:
        parsed = read_po(handle, locale=_FOLDER[locale])
    return {
        str(m.id): str(m.string) for m in parsed if m.id and isinstance(m.id, str) and m.string
    }


def normalise_locale(value: str | None) -> str | None:
    """A supported locale for a BCP 47 tag (`zh`, `zh-cn`, `zh-Hans-CN` → `zh-CN`), else None."""
    if not value:
        return None
    try:
        parsed = Locale.parse(value.strip().replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    if parsed.language == "zh" and parsed.territory in (None, "CN", "SG") and parsed.script in (
        None, "Hans"
    ):
        return "zh-CN"
    if parsed.language == "en":
        return "en"
    return None


def from_accept_language(header: str | None) -> str | None:
    """The best supported locale an `Accept-Language` header asks for (q-values honoured)."""
    if not header:
        return None
    weighted: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag and tag != "*" and quality > 0:
            weighted.append((-quality, index, tag.strip()))
    preferred = [tag for _q, _i, tag in sorted(weighted)]
    for tag in preferred:
        found = normalise_locale(tag)
        if found:
            return found
    match = negotiate_locale([t.replace("-", "_") for t in preferred], ["zh_CN", "en"], sep="_")
    return normalise_locale(match)


def pick_locale(*candidates: str | None) -> str:
    """The first supported locale among `candidates` (header, person, organisation)."""
    for candidate in candidates:
        found = normalise_locale(candidate)
        if found:
            return found
    return DEFAULT_LOCALE


def translate(locale: str, msgid: str, **params: Any) -> str:
    """`msgid` in `locale` (English when the catalogue lacks it), with `{name}` filled in."""
    text = catalogue(locale).get(msgid, msgid) if locale in _FOLDER else msgid
    return text.format(**params) if params else text


class Msg:
    """A message whose language is decided when it is rendered. `str()` is the English."""

    __slots__ = ("msgid", "params")

    def __init__(self, msgid: str, **params: Any) -> None:
        self.msgid = msgid
        self.params = params

    def render(self, locale: str) -> str:
        params = {
            k: v.render(locale) if isinstance(v, Msg) else v for k, v in self.params.items()
        }
        return translate(locale, self.msgid, **params)

    def __str__(self) -> str:
        return self.render(DEFAULT_LOCALE)

    def __repr__(self) -> str:
        return f"Msg({self.msgid!r})"


def localise(value: str | Msg, locale: str) -> str:
    """A `Msg` rendered in `locale`; a plain string translated when it is a catalogued msgid."""
    if isinstance(value, Msg):
        return value.render(locale)
    return translate(locale, value)


_CURRENT: ContextVar[str] = ContextVar("mailplane_locale", default=DEFAULT_LOCALE)


def use_locale(locale: str) -> None:
    """Set the reader's language for the rest of this task (GraphQL sets it per request)."""
    _CURRENT.set(locale)


def current_locale() -> str:
    return _CURRENT.get()


def _(msgid: str, **params: Any) -> Msg:
    """Mark a message for the catalogue (Babel's default extraction keyword)."""
    return Msg(msgid, **params)
