from enum import StrEnum

class DnsRecordPurpose(StrEnum):
    AUTOCONFIG_CNAME = "autoconfig_cname"
    DKIM = "dkim"
    DMARC = "dmarc"
    MAIL_CNAME = "mail_cname"
    MX = "mx"
    SPF = "spf"

    def __str__(self) -> str:
        return str(self.value)
