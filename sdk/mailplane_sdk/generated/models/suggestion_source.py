from enum import StrEnum

class SuggestionSource(StrEnum):
    DIRECTORY = "directory"
    PERSONAL = "personal"

    def __str__(self) -> str:
        return str(self.value)
