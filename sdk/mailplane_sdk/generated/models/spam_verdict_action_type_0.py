from enum import StrEnum

class SpamVerdictActionType0(StrEnum):
    INBOX = "inbox"
    JUNK = "junk"
    REJECT = "reject"

    def __str__(self) -> str:
        return str(self.value)
