from enum import StrEnum

class PostalAddressType(StrEnum):
    HOME = "home"
    OTHER = "other"
    WORK = "work"

    def __str__(self) -> str:
        return str(self.value)
