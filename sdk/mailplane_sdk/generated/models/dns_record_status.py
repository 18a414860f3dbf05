from enum import StrEnum

class DnsRecordStatus(StrEnum):
    MISMATCH = "mismatch"
    MISSING = "missing"
    OK = "ok"
    UNCHECKED = "unchecked"

    def __str__(self) -> str:
        return str(self.value)
