from enum import StrEnum

class EmailType(StrEnum):
    HOME = "home"
    OTHER = "other"
    WORK = "work"

    def __str__(self) -> str:
        return str(self.value)
