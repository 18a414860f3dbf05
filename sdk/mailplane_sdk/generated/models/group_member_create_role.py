from enum import StrEnum

class GroupMemberCreateRole(StrEnum):
    MEMBER = "member"
    MODERATOR = "moderator"

    def __str__(self) -> str:
        return str(self.value)
