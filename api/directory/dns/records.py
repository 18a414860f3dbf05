"""The DNS records Mailplane needs for one domain, with their exact values.

MX and SPF make a domain `verified` (mail reaches us, and what we send is authorised);
DKIM and DMARC are recommended; the `mail.` and `autoconfig.` CNAMEs let people and mail
clients find the servers. Every published DKIM key (the active one and, during a
rotation, the new one) has its own TXT record.
"""

from __future__ import annotations

from dataclasses import dataclass

from api.directory.dns import dkim

MX_PRIORITY = 10
TTL = 3600
DMARC_VALUE = "v=DMARC1; p=quarantine; adkim=r; aspf=r"
TXT_CHUNK = 255


@dataclass(frozen=True)
class RequiredRecord:
    key: str  # stable within a domain: mx, spf, dkim:<selector>, dmarc, mail, autoconfig
    purpose: str  # mx | spf | dkim | dmarc | mail_cname | autoconfig_cname
    type: str  # MX | TXT | CNAME
    name: str  # fully qualified, without the trailing dot
    value: str
    required: bool
    priority: int | None = None
    selector: str | None = None

    @property
    def zone_line(self) -> str:
        """The record in zone-file syntax, long TXT values split into 255-byte strings."""
        if self.type == "MX":
            data = f"{self.priority} {self.value}."
        elif self.type == "CNAME":
            data = f"{self.value}."
        else:
            data = " ".join(
                '"' + self.value[i : i + TXT_CHUNK].replace('"', '\\"') + '"'
                for i in range(0, len(self.value), TXT_CHUNK)
            )
        return f"{self.name}. {TTL} IN {self.type} {data}"


def spf_value(mail_host: str) -> str:
    return f"v=spf1 a:{mail_host} ~all"


def required_records(
    domain: str, mail_host: str, dkim_keys: list[tuple[str, str]]
) -> list[RequiredRecord]:
    """Records for `domain`; `dkim_keys` are the published (selector, public key) pairs."""
    records = [
        RequiredRecord("mx", "mx", "MX", domain, mail_host, True, priority=MX_PRIORITY),
        RequiredRecord("spf", "spf", "TXT", domain, spf_value(mail_host), True),
    ]
    for selector, public_key in dkim_keys:
        records.append(
            RequiredRecord(
                f"dkim:{selector}",
                "dkim",
                "TXT",
                dkim.record_name(selector, domain),
                dkim.txt_value(public_key),
                False,
                selector=selector,
            )
        )
    records.append(RequiredRecord("dmarc", "dmarc", "TXT", f"_dmarc.{domain}", DMARC_VALUE, False))
    for label in ("mail", "autoconfig"):
        name = f"{label}.{domain}"
        if name != mail_host:  # the installation's own domain: the host is no alias of itself
            records.append(RequiredRecord(label, f"{label}_cname", "CNAME", name, mail_host, False))
    return records
