from enum import StrEnum

class GroupMemberCreateKind(StrEnum):
    ACCOUNT = "account"
    DEPARTMENT = "department"
    EXTERNAL = "external"
    GROUP = "group"

    def __str__(self) -> str:
        return str(self.value)
