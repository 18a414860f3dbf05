from enum import StrEnum

class MessageSummaryParseStatus(StrEnum):
    DEFECTS = "defects"
    FAILED = "failed"
    OK = "ok"

    def __str__(self) -> str:
        return str(self.value)
