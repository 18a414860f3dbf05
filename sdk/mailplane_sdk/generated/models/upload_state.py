from enum import StrEnum

class UploadState(StrEnum):
    COMMITTED = "committed"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
