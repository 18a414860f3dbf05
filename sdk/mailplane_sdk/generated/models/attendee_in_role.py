from enum import StrEnum

class AttendeeInRole(StrEnum):
    CHAIR = "chair"
    NON_PARTICIPANT = "non_participant"
    OPTIONAL = "optional"
    REQUIRED = "required"

    def __str__(self) -> str:
        return str(self.value)
