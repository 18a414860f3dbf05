"""`mp.domains`: hosted domains, their DNS records and DKIM keys."""

from __future__ import annotations

from typing_extensions import Unpack

from mailplane_sdk.calls import Spec, model, nothing
from mailplane_sdk.endpoints import Namespace, R, endpoint, paged
from mailplane_sdk.generated import params
from mailplane_sdk.generated.models import DkimKey, DnsRecord, Domain, DomainVerification
from mailplane_sdk.pagination import Page, page_of


class Domains(Namespace[R]):
    """`mp.domains`. `domain` is an id or the domain name."""

    @paged("GET", "/v1/domains", "list_domains")
    def list(self, /, **query: Unpack[params.ListDomainsQuery]) -> Spec[Page[Domain]]:
        """Filters: kind, status, limit."""
        return Spec(page_of(Domain.from_dict), params=query)

    @endpoint("POST", "/v1/domains", "create_domain")
    def create(self, /, **body: Unpack[params.DomainCreate]) -> Spec[Domain]:
        """Body: DomainCreate (name, kind, …)."""
        return Spec(model(Domain), json=body)

    @endpoint("GET", "/v1/domains/{domain}", "get_domain")
    def get(self, domain: str) -> Spec[Domain]:
        return Spec(model(Domain), path={"domain": domain})

    @endpoint("DELETE", "/v1/domains/{domain}", "delete_domain")
    def delete(self, domain: str) -> Spec[None]:
        return Spec(nothing, path={"domain": domain})

    @endpoint("POST", "/v1/domains/{domain}/verify", "verify_domain")
    def verify(self, domain: str) -> Spec[DomainVerification]:
        """Check the published DNS records now."""
        return Spec(model(DomainVerification), path={"domain": domain})

    @paged("GET", "/v1/domains/{domain}/dns-records", "list_domain_dns_records")
    def dns_records(self, domain: str) -> Spec[Page[DnsRecord]]:
        """The records to publish (MX, SPF, DKIM, DMARC) and their last check."""
        return Spec(page_of(DnsRecord.from_dict), path={"domain": domain})

    @paged("GET", "/v1/domains/{domain}/dkim-keys", "list_domain_dkim_keys")
    def dkim_keys(self, domain: str) -> Spec[Page[DkimKey]]:
        return Spec(page_of(DkimKey.from_dict), path={"domain": domain})

    @endpoint("POST", "/v1/domains/{domain}/dkim-keys", "rotate_domain_dkim_key")
    def rotate_dkim_key(self, domain: str) -> Spec[DkimKey]:
        """Start a DKIM key rotation (the new key becomes active once published)."""
        return Spec(model(DkimKey), path={"domain": domain})
