from enum import StrEnum

class GetContactVcardVersion(StrEnum):
    VALUE_0 = "3.0"
    VALUE_1 = "4.0"

    def __str__(self) -> str:
        return str(self.value)
