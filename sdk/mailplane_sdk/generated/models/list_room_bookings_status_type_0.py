from enum import StrEnum

class ListRoomBookingsStatusType0(StrEnum):
    ACCEPTED = "accepted"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
