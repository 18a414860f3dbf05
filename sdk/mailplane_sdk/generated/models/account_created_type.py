from enum import StrEnum

class AccountCreatedType(StrEnum):
    EMPLOYEE = "employee"
    SHARED = "shared"

    def __str__(self) -> str:
        return str(self.value)
