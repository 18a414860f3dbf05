from enum import StrEnum

class SpamFeedbackLabel(StrEnum):
    HAM = "ham"
    SPAM = "spam"

    def __str__(self) -> str:
        return str(self.value)
