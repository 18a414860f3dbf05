from enum import StrEnum

class ListRoomsKindType0(StrEnum):
    RESOURCE = "resource"
    ROOM = "room"

    def __str__(self) -> str:
        return str(self.value)
