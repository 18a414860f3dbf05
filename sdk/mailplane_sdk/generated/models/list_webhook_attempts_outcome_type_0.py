from enum import StrEnum

class ListWebhookAttemptsOutcomeType0(StrEnum):
    FAILED = "failed"
    SUCCEEDED = "succeeded"

    def __str__(self) -> str:
        return str(self.value)
