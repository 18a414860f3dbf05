from enum import StrEnum

class EventUpdateTransparencyType0(StrEnum):
    OPAQUE = "opaque"
    TRANSPARENT = "transparent"

    def __str__(self) -> str:
        return str(self.value)
