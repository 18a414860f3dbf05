from enum import StrEnum

class DomainKind(StrEnum):
    ALIAS = "alias"
    PRIMARY = "primary"

    def __str__(self) -> str:
        return str(self.value)
