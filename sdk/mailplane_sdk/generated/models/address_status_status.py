from enum import StrEnum

class AddressStatusStatus(StrEnum):
    ACCOUNT = "account"
    ALIAS = "alias"
    FREE = "free"
    GROUP = "group"
    INVALID = "invalid"

    def __str__(self) -> str:
        return str(self.value)
