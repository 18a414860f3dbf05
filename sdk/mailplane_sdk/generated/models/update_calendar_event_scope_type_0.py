from enum import StrEnum

class UpdateCalendarEventScopeType0(StrEnum):
    FOLLOWING = "following"
    SERIES = "series"
    THIS = "this"

    def __str__(self) -> str:
        return str(self.value)
