from enum import StrEnum

class MailSettingsForwardingPolicy(StrEnum):
    ANY = "any"
    INTERNAL = "internal"
    OFF = "off"

    def __str__(self) -> str:
        return str(self.value)
