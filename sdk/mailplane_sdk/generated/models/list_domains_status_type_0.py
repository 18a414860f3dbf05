from enum import StrEnum

class ListDomainsStatusType0(StrEnum):
    FAILING = "failing"
    PENDING = "pending"
    VERIFIED = "verified"

    def __str__(self) -> str:
        return str(self.value)
