from enum import StrEnum

class RoomCreateKind(StrEnum):
    RESOURCE = "resource"
    ROOM = "room"

    def __str__(self) -> str:
        return str(self.value)
