"""What the spam filter decides about one message: the score, the action, the rules that
fired and the `X-Spam-*` header fields that record it in the stored message."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Action = Literal["inbox", "junk", "reject"]

#: Header values stay far below RFC 5322's 998-octet line limit.
MAX_REPORT_CHARS = 900


@dataclass(frozen=True)
class Hit:
    """One rule that fired: its name (upper-case, stable, shown in reports), points and why."""

    name: str
    score: float
    description: str

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "score": round(self.score, 3), "description": self.description}


@dataclass(frozen=True)
class Verdict:
    """The filter's answer. `headers` are (name, value) pairs to prepend to the stored
    message; their values are single lines built only from rule names and numbers, never
    from message content, so they cannot smuggle header fields."""

    score: float
    action: Action
    reasons: list[Hit]
    headers: list[tuple[str, str]]
    junk_threshold: float
    reject_threshold: float
    bayes_probability: float | None = None
    virus: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_spam(self) -> bool:
        return self.action != "inbox"

    def header_bytes(self) -> bytes:
        """The header fields as CRLF-terminated lines, ready to prepend to raw message bytes."""
        return b"".join(f"{name}: {value}\r\n".encode("ascii") for name, value in self.headers)

    def as_dict(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 3),
            "action": self.action,
            "junk_threshold": self.junk_threshold,
            "reject_threshold": self.reject_threshold,
            "bayes_probability": (None if self.bayes_probability is None
                                  else round(self.bayes_probability, 6)),
            "virus": self.virus,
            "reasons": [h.as_dict() for h in self.reasons],
        }


def decide(
    hits: list[Hit], *, junk_threshold: float, reject_threshold: float,
    floor: Action = "inbox", bayes_probability: float | None = None, virus: str | None = None,
) -> Verdict:
    """Add up the hits and pick the action; `floor` is the least the action may be (a
    DMARC policy or a virus can demand junk or reject whatever the score)."""
    score = round(sum(h.score for h in hits), 3)
    action: Action = "inbox"
    if score >= reject_threshold:
        action = "reject"
    elif score >= junk_threshold:
        action = "junk"
    order = {"inbox": 0, "junk": 1, "reject": 2}
    if order[floor] > order[action]:
        action = floor
    ordered = sorted(hits, key=lambda h: (-abs(h.score), h.name))
    return Verdict(
        score=score, action=action, reasons=ordered,
        headers=_headers(score, action, ordered, junk_threshold),
        junk_threshold=junk_threshold, reject_threshold=reject_threshold,
        bayes_probability=bayes_probability, virus=virus,
    )


def _safe(text: str) -> str:
    """ASCII, one line: descriptions are ours, but be strict anyway."""
    return "".join(ch if 32 <= ord(ch) < 127 else "?" for ch in text)


def _headers(
    score: float, action: Action, hits: list[Hit], required: float
) -> list[tuple[str, str]]:
    names = ",".join(h.name for h in sorted(hits, key=lambda h: h.name)) or "none"
    status = (f"{'Yes' if action != 'inbox' else 'No'}, score={score:.1f} "
              f"required={required:.1f} action={action} tests={names}")
    report_parts = [f"{h.score:+.1f} {h.name} {h.description}" for h in hits]
    report = _safe("; ".join(report_parts) or "no rules fired")
    if len(report) > MAX_REPORT_CHARS:
        report = report[: MAX_REPORT_CHARS - 3] + "..."
    return [
        ("X-Spam-Status", _safe(status)[:MAX_REPORT_CHARS]),
        ("X-Spam-Score", f"{score:.1f}"),
        ("X-Spam-Report", report),
    ]
