from enum import StrEnum

class CalendarShareCreateLevel(StrEnum):
    FREEBUSY = "freebusy"
    READ = "read"
    WRITE = "write"

    def __str__(self) -> str:
        return str(self.value)
