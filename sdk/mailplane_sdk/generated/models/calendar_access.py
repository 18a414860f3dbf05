from enum import StrEnum

class CalendarAccess(StrEnum):
    FREEBUSY = "freebusy"
    OWNER = "owner"
    READ = "read"
    WRITE = "write"

    def __str__(self) -> str:
        return str(self.value)
