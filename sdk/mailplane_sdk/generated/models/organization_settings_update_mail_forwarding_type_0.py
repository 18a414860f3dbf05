from enum import StrEnum

class OrganizationSettingsUpdateMailForwardingType0(StrEnum):
    ANY = "any"
    INTERNAL = "internal"
    OFF = "off"

    def __str__(self) -> str:
        return str(self.value)
