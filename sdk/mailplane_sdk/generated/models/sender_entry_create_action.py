from enum import StrEnum

class SenderEntryCreateAction(StrEnum):
    JUNK = "junk"
    TRASH = "trash"

    def __str__(self) -> str:
        return str(self.value)
