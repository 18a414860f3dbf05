from enum import StrEnum

class ListMailSenderEntriesList(StrEnum):
    ALLOW = "allow"
    BLOCK = "block"
    IMAGES = "images"

    def __str__(self) -> str:
        return str(self.value)
