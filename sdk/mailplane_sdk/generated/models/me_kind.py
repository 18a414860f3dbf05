from enum import StrEnum

class MeKind(StrEnum):
    ACCOUNT = "account"
    APP = "app"
    APP_USER = "app_user"

    def __str__(self) -> str:
        return str(self.value)
