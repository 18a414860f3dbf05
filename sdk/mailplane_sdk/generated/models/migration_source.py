from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.migration_source_protocol import MigrationSourceProtocol
from ..models.migration_source_security import MigrationSourceSecurity
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="MigrationSource")



@_attrs_define
class MigrationSource:
    """ The mailbox to copy from. The password is stored encrypted and wiped when this
    account's migration ends; it is never returned.

        Attributes:
            host (str): IMAP or POP3 server name or address.
            password (str): A password (never returned, except a generated one, once).
            username (str): User name on the other server.
            port (int | None | Unset): Default: 993 (imap+tls), 143 (imap), 995 (pop3+tls), 110 (pop3).
            protocol (MigrationSourceProtocol | Unset): imap, or pop3 (inbox only). Default: MigrationSourceProtocol.IMAP.
            security (MigrationSourceSecurity | Unset): tls (implicit), starttls, or none. Default:
                MigrationSourceSecurity.TLS.
            verify_tls (bool | Unset): Check the server's certificate. Default: True.
     """

    host: str
    password: str
    username: str
    port: int | None | Unset = UNSET
    protocol: MigrationSourceProtocol | Unset = MigrationSourceProtocol.IMAP
    security: MigrationSourceSecurity | Unset = MigrationSourceSecurity.TLS
    verify_tls: bool | Unset = True





    def to_dict(self) -> dict[str, Any]:
        host = self.host

        password = self.password

        username = self.username

        port: int | None | Unset
        if isinstance(self.port, Unset):
            port = UNSET
        else:
            port = self.port

        protocol: str | Unset = UNSET
        if not isinstance(self.protocol, Unset):
            protocol = self.protocol.value


        security: str | Unset = UNSET
        if not isinstance(self.security, Unset):
            security = self.security.value


        verify_tls = self.verify_tls


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "host": host,
            "password": password,
            "username": username,
        })
        if port is not UNSET:
            field_dict["port"] = port
        if protocol is not UNSET:
            field_dict["protocol"] = protocol
        if security is not UNSET:
            field_dict["security"] = security
        if verify_tls is not UNSET:
            field_dict["verify_tls"] = verify_tls

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        host = d.pop("host")

        password = d.pop("password")

        username = d.pop("username")

        def _parse_port(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        port = _parse_port(d.pop("port", UNSET))


        _protocol = d.pop("protocol", UNSET)
        protocol: MigrationSourceProtocol | Unset
        if isinstance(_protocol,  Unset):
            protocol = UNSET
        else:
            protocol = MigrationSourceProtocol(_protocol)




        _security = d.pop("security", UNSET)
        security: MigrationSourceSecurity | Unset
        if isinstance(_security,  Unset):
            security = UNSET
        else:
            security = MigrationSourceSecurity(_security)




        verify_tls = d.pop("verify_tls", UNSET)

        migration_source = cls(
            host=host,
            password=password,
            username=username,
            port=port,
            protocol=protocol,
            security=security,
            verify_tls=verify_tls,
        )

        return migration_source

