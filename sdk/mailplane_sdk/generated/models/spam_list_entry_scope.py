from enum import StrEnum

class SpamListEntryScope(StrEnum):
    ADDRESS = "address"
    DOMAIN = "domain"

    def __str__(self) -> str:
        return str(self.value)
