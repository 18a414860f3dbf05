from enum import StrEnum

class SignInLockKind(StrEnum):
    ADDRESS = "address"
    IP = "ip"

    def __str__(self) -> str:
        return str(self.value)
