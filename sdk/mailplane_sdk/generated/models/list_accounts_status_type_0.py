from enum import StrEnum

class ListAccountsStatusType0(StrEnum):
    ACTIVE = "active"
    DELETED = "deleted"
    FROZEN = "frozen"

    def __str__(self) -> str:
        return str(self.value)
