from enum import StrEnum

class CreateMailSenderEntryList(StrEnum):
    ALLOW = "allow"
    BLOCK = "block"
    IMAGES = "images"

    def __str__(self) -> str:
        return str(self.value)
