from enum import StrEnum

class PhoneType(StrEnum):
    FAX = "fax"
    HOME = "home"
    MAIN = "main"
    MOBILE = "mobile"
    OTHER = "other"
    PAGER = "pager"
    WORK = "work"

    def __str__(self) -> str:
        return str(self.value)
