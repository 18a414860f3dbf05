"""Decode text in the charsets real mail uses, including mislabelled and unlabelled Chinese.

Labels are widened to their supersets (GB2312 and GBK are decoded as GB18030, Big5 as
Big5-HKSCS, ISO-8859-1 as Windows-1252, as browsers do), and unlabelled 8-bit text is sniffed:
UTF-16 by its byte-order mark, then UTF-8, then GB18030 or Big5, and Windows-1252 last.

Most double-byte Chinese is valid in both GB18030 and Big5, so validity alone cannot choose:
the bytes are decoded both ways and the reading whose characters are the frequent ones of
that charset wins (`chinese_score`). Right readings land in the frequent-character level
(GB2312 level 1, Big5 level 1); wrong ones scatter into rare characters, GBK extensions and
the symbol rows (kana, bopomofo, Cyrillic). A tie keeps GB18030. Callers keep the raw bytes.
"""

from __future__ import annotations

import codecs

ALIASES = {
    "gb2312": "gb18030",
    "gb_2312-80": "gb18030",
    "euc-cn": "gb18030",
    "euccn": "gb18030",
    "x-euc-cn": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "windows-936": "gb18030",
    "chinese": "gb18030",
    "csgb2312": "gb18030",
    "big5": "big5hkscs",
    "x-big5": "big5hkscs",
    "big-5": "big5hkscs",
    "cn-big5": "big5hkscs",
    "csbig5": "big5hkscs",
    "cp950": "big5hkscs",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
    "ks_c_5601": "cp949",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "x-sjis": "cp932",
    "sjis": "cp932",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "iso_8859-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "ansi_x3.4-1968": "cp1252",
    "iso-8859-8-i": "iso-8859-8",
    "utf8": "utf-8",
    "unicode-1-1-utf-7": "utf-7",
    "windows-874": "cp874",
    "tis-620": "cp874",
}

#: Labels that mean "no idea": sniff instead.
UNKNOWN = {
    "",
    "unknown",
    "unknown-8bit",
    "x-unknown",
    "default",
    "charset",
    "8bit",
    "x-user-defined",
}

_LATIN_ISH = {"cp1252", "utf-7"}


def codec_for(label: str | None) -> str | None:
    """The Python codec to use for a declared charset label, or None to sniff."""
    if label is None:
        return None
    name = label.strip().strip("\"'").lower()
    if name in UNKNOWN:
        return None
    name = ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def sniff(data: bytes) -> str:
    """Decode unlabelled bytes, trying the likely encodings strictly, in order."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data[:65536].isascii() and b"\x00" not in data[:4096]:
        return data.decode("ascii", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    readings = []
    for codec in ("gb18030", "big5hkscs"):
        try:
            readings.append((chinese_score(data.decode(codec), codec), codec, data.decode(codec)))
        except UnicodeDecodeError:
            continue
    if readings:
        # the higher score; on a tie the first tried (GB18030) by the stable sort
        return sorted(readings, key=lambda r: -r[0])[0][2]
    return data.decode("cp1252", errors="replace")


def _cjk_punctuation(ch: str) -> bool:
    return "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"


def chinese_score(text: str, codec: str) -> int:
    """How much `text` looks like a right reading in `codec`: +1 for each character of the
    charset's frequent level, -2 for each symbol-row, extension or unassigned-looking one."""
    score = 0
    for ch in text:
        if ch < "\x80" or _cjk_punctuation(ch):
            continue
        try:
            encoded = ch.encode(codec)
        except UnicodeEncodeError:
            score -= 2
            continue
        lead = encoded[0]
        trail = encoded[1] if len(encoded) == 2 else 0
        if codec == "gb18030":
            if len(encoded) != 2 or trail < 0xA1:
                score -= 2  # four-byte or GBK extension: rare in real simplified text
            elif 0xB0 <= lead <= 0xD7:
                score += 1  # GB2312 level 1: the 3,755 frequent hanzi
            elif lead < 0xB0:
                score -= 2  # symbol rows: kana, Cyrillic, box drawing, pinyin
        else:
            if len(encoded) != 2:
                score -= 2
            elif 0xA4 <= lead <= 0xC5 or (lead == 0xC6 and trail <= 0x7E):
                score += 1  # Big5 level 1: the 5,401 frequent characters
            elif lead < 0xA4 or 0xC6 <= lead <= 0xC8 or lead > 0xF9:
                score -= 2  # symbols, bopomofo, kana, HKSCS extensions
    return score


def decode_bytes(data: bytes, label: str | None) -> str:
    """Decode `data` declared as `label`; a wrong or missing label falls back to sniffing."""
    codec = codec_for(label)
    if codec is None:
        return sniff(data)
    if codec in _LATIN_ISH or codec == "ascii":
        # "us-ascii"/"iso-8859-1" labels on UTF-8 bodies are common: prefer UTF-8 if it fits.
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        if codec == "gb18030":
            # Chinese mail labelled GB2312 is sometimes Big5 or UTF-8 in fact.
            for other in ("utf-8", "big5hkscs"):
                try:
                    return data.decode(other)
                except UnicodeDecodeError:
                    continue
        return data.decode(codec, errors="replace")
    except (LookupError, ValueError):
        return sniff(data)


def clean(text: str) -> str:
    """Text safe for every database: no NULs, no lone surrogates."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", errors="replace").decode("utf-8")
    return text
