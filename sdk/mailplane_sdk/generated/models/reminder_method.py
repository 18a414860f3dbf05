from enum import StrEnum

class ReminderMethod(StrEnum):
    DISPLAY = "display"
    EMAIL = "email"

    def __str__(self) -> str:
        return str(self.value)
