from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.migration_source_info_protocol import MigrationSourceInfoProtocol
from ..models.migration_source_info_security import MigrationSourceInfoSecurity






T = TypeVar("T", bound="MigrationSourceInfo")



@_attrs_define
class MigrationSourceInfo:
    """ 
        Attributes:
            host (str): Host name or address.
            port (int): TCP port.
            protocol (MigrationSourceInfoProtocol): The protocol.
            security (MigrationSourceInfoSecurity): Transport security: TLS, STARTTLS or none.
            username (str): User name on the other server.
            verify_tls (bool): Check the server's certificate.
     """

    host: str
    port: int
    protocol: MigrationSourceInfoProtocol
    security: MigrationSourceInfoSecurity
    username: str
    verify_tls: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        host = self.host

        port = self.port

        protocol = self.protocol.value

        security = self.security.value

        username = self.username

        verify_tls = self.verify_tls


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "host": host,
            "port": port,
            "protocol": protocol,
            "security": security,
            "username": username,
            "verify_tls": verify_tls,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        host = d.pop("host")

        port = d.pop("port")

        protocol = MigrationSourceInfoProtocol(d.pop("protocol"))




        security = MigrationSourceInfoSecurity(d.pop("security"))




        username = d.pop("username")

        verify_tls = d.pop("verify_tls")

        migration_source_info = cls(
            host=host,
            port=port,
            protocol=protocol,
            security=security,
            username=username,
            verify_tls=verify_tls,
        )


        migration_source_info.additional_properties = d
        return migration_source_info

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
