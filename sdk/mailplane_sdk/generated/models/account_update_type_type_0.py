from enum import StrEnum

class AccountUpdateTypeType0(StrEnum):
    EMPLOYEE = "employee"
    SHARED = "shared"

    def __str__(self) -> str:
        return str(self.value)
