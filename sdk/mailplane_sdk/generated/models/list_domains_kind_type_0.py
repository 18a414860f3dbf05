from enum import StrEnum

class ListDomainsKindType0(StrEnum):
    ALIAS = "alias"
    PRIMARY = "primary"

    def __str__(self) -> str:
        return str(self.value)
