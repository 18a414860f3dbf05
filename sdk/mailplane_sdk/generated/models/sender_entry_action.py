from enum import StrEnum

class SenderEntryAction(StrEnum):
    JUNK = "junk"
    TRASH = "trash"

    def __str__(self) -> str:
        return str(self.value)
