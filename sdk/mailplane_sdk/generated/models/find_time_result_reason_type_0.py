from enum import StrEnum

class FindTimeResultReasonType0(StrEnum):
    ATTENDEES_BUSY = "attendees_busy"
    NO_ATTENDEE_FOUND = "no_attendee_found"
    OUTSIDE_WORKING_HOURS = "outside_working_hours"
    ROOMS_BUSY = "rooms_busy"

    def __str__(self) -> str:
        return str(self.value)
