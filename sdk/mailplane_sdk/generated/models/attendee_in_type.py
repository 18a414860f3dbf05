from enum import StrEnum

class AttendeeInType(StrEnum):
    PERSON = "person"
    RESOURCE = "resource"
    ROOM = "room"

    def __str__(self) -> str:
        return str(self.value)
