from enum import StrEnum

class GroupSendPolicy(StrEnum):
    ANYONE = "anyone"
    MEMBERS = "members"
    MODERATORS = "moderators"
    ORGANIZATION = "organization"

    def __str__(self) -> str:
        return str(self.value)
