from enum import StrEnum

class SpamVerdictFeedbackType0(StrEnum):
    HAM = "ham"
    SPAM = "spam"

    def __str__(self) -> str:
        return str(self.value)
