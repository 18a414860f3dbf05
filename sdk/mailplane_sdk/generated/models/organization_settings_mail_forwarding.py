from enum import StrEnum

class OrganizationSettingsMailForwarding(StrEnum):
    ANY = "any"
    INTERNAL = "internal"
    OFF = "off"

    def __str__(self) -> str:
        return str(self.value)
