from enum import StrEnum

class ScheduleTypeType0(StrEnum):
    ACCOUNT = "account"
    ROOM = "room"

    def __str__(self) -> str:
        return str(self.value)
