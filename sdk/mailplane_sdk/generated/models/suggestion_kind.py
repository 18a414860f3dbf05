from enum import StrEnum

class SuggestionKind(StrEnum):
    ACCOUNT = "account"
    CONTACT = "contact"
    GROUP = "group"

    def __str__(self) -> str:
        return str(self.value)
