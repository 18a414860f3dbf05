from enum import StrEnum

class ListAuditEntriesCategoryType0Item(StrEnum):
    ADMIN = "admin"
    ALL = "all"
    AUTH = "auth"
    DATA_ACCESS = "data_access"
    SECURITY = "security"
    TOKEN = "token"

    def __str__(self) -> str:
        return str(self.value)
