from enum import StrEnum

class ListAccountsRoleType0(StrEnum):
    ADMIN = "admin"
    MEMBER = "member"
    OPERATOR = "operator"

    def __str__(self) -> str:
        return str(self.value)
