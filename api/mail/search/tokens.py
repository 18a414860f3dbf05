"""Turn text into index tokens: words for alphabetic scripts, overlapping bigrams for
Chinese, Japanese and Korean, so any two-character substring of CJK text is findable.

Both backends index these pre-made tokens (SQLite FTS5 with unicode61, PostgreSQL as a
literal tsvector), so the two behave identically and neither depends on a locale.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

_CJK_RANGES = (
    "\u3040-\u30ff"  # hiragana, katakana
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\uf900-\ufaff"  # compatibility ideographs
    "\uac00-\ud7af"  # hangul syllables
    "\U00020000-\U0002fa1f"  # extensions B-F, compatibility supplement
)
_TOKEN = re.compile(rf"[{_CJK_RANGES}]+|[^\W_{_CJK_RANGES}]+")
MAX_TOKEN = 60


def _fold(word: str) -> str:
    """Lower-case, strip diacritics (é -> e)."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_CJK_CHAR = re.compile(rf"[{_CJK_RANGES}]")


def tokens(text: str, limit: int | None = None) -> Iterator[str]:
    """Index tokens of `text` in order (at most `limit`)."""
    if limit is not None and limit <= 0:
        return
    count = 0
    for match in _TOKEN.finditer(unicodedata.normalize("NFKC", text)):
        run = match.group()
        if _CJK_CHAR.match(run):
            if len(run) == 1:
                pieces: list[str] | tuple[str, ...] = (run,)
            else:
                pieces = [run[i : i + 2] for i in range(len(run) - 1)]
        else:
            pieces = (_fold(run)[:MAX_TOKEN],)
        for piece in pieces:
            if not piece:
                continue
            yield piece
            count += 1
            if limit is not None and count >= limit:
                return


_ASCII_WORD = re.compile(rf"([a-z0-9]{{1,{MAX_TOKEN}}})[a-z0-9]*")


def token_text(text: str, limit: int | None = None) -> str:
    """`" ".join(tokens(text, limit))`, several times faster: the indexer's hot path.
    ASCII text is tokenised by one regex pass; other text run by run without a generator."""
    text = unicodedata.normalize("NFKC", text)
    if text.isascii():
        words = _ASCII_WORD.findall(text.lower())
        return " ".join(words if limit is None else words[:limit])
    if limit is None:
        return _mixed(text)
    out: list[str] = []
    for run in _TOKEN.findall(text):
        if run.isascii():
            out.append(run.lower()[:MAX_TOKEN])
        elif _CJK_CHAR.match(run):
            if len(run) == 1:
                out.append(run)
            else:
                out.extend([run[i : i + 2] for i in range(len(run) - 1)])
        else:
            word = _fold(run)[:MAX_TOKEN]
            if word:
                out.append(word)
        if limit is not None and len(out) >= limit:
            break
    return " ".join(out if limit is None else out[:limit])


_CJK_SPLIT = re.compile(rf"([{_CJK_RANGES}]+)")


def _mixed(text: str) -> str:
    """`token_text` of non-ASCII text without a limit, a segment at a time instead of a
    word at a time: the text between CJK runs is mostly ASCII (Latin words, digits,
    addresses) and takes the one-regex ASCII pass; each CJK run becomes its bigrams
    (a 20 KB mixed Chinese and Latin body: 1.19 -> 0.91 ms)."""
    out: list[str] = []
    # split() with a group alternates: text without CJK, a CJK run, text without CJK, ...
    for i, segment in enumerate(_CJK_SPLIT.split(text)):
        if not segment:
            continue
        if i % 2:
            if len(segment) == 1:
                out.append(segment)
            else:
                out.extend([segment[j : j + 2] for j in range(len(segment) - 1)])
        elif segment.isascii():
            out.extend(_ASCII_WORD.findall(segment.lower()))
        else:
            for run in _TOKEN.findall(segment):
                if run.isascii():
                    out.append(run.lower()[:MAX_TOKEN])
                else:
                    word = _fold(run)[:MAX_TOKEN]
                    if word:
                        out.append(word)
    return " ".join(out)


def is_cjk_token(token: str) -> bool:
    return bool(_CJK_CHAR.match(token))
