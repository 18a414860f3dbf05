"""`mp.groups`: distribution groups and their members."""

from __future__ import annotations

from typing_extensions import Unpack

from mailplane_sdk.calls import Spec, model, nothing
from mailplane_sdk.endpoints import Namespace, R, endpoint, paged
from mailplane_sdk.generated import params
from mailplane_sdk.generated.models import Changes, Group, GroupExpansion, GroupMember
from mailplane_sdk.pagination import Page, page_of


class GroupMembers(Namespace[R]):
    """`mp.groups.members`."""

    @paged("GET", "/v1/groups/{group}/members", "list_group_members")
    def list(
        self, group: str, /, **query: Unpack[params.ListGroupMembersQuery]
    ) -> Spec[Page[GroupMember]]:
        return Spec(page_of(GroupMember.from_dict), path={"group": group}, params=query)

    @endpoint("POST", "/v1/groups/{group}/members", "add_group_member")
    def add(self, group: str, /, **body: Unpack[params.GroupMemberCreate]) -> Spec[GroupMember]:
        """Body: GroupMemberCreate (kind, member id or address, role)."""
        return Spec(model(GroupMember), path={"group": group}, json=body)

    @endpoint("DELETE", "/v1/groups/{group}/members/{member_id}", "remove_group_member")
    def remove(self, group: str, member_id: str) -> Spec[None]:
        return Spec(nothing, path={"group": group, "member_id": member_id})


class Groups(Namespace[R]):
    """`mp.groups`. `group` is an id or the group's address."""

    def __init__(self, runner: R) -> None:
        super().__init__(runner)
        self.members = GroupMembers(runner)

    @paged("GET", "/v1/groups", "list_groups")
    def list(self, /, **query: Unpack[params.ListGroupsQuery]) -> Spec[Page[Group]]:
        return Spec(page_of(Group.from_dict), params=query)

    @endpoint("POST", "/v1/groups", "create_group")
    def create(self, /, **body: Unpack[params.GroupCreate]) -> Spec[Group]:
        """Body: GroupCreate (address, name, send_policy, …)."""
        return Spec(model(Group), json=body)

    @endpoint("GET", "/v1/groups/{group}", "get_group")
    def get(self, group: str) -> Spec[Group]:
        return Spec(model(Group), path={"group": group})

    @endpoint("PATCH", "/v1/groups/{group}", "update_group")
    def update(self, group: str, /, **fields: Unpack[params.GroupUpdate]) -> Spec[Group]:
        return Spec(model(Group), path={"group": group}, json=fields)

    @endpoint("DELETE", "/v1/groups/{group}", "delete_group")
    def delete(self, group: str) -> Spec[None]:
        return Spec(nothing, path={"group": group})

    @endpoint("GET", "/v1/groups/{group}/expansion", "expand_group")
    def expand(self, group: str) -> Spec[GroupExpansion]:
        """Every account the group delivers to, nested groups resolved."""
        return Spec(model(GroupExpansion), path={"group": group})

    @endpoint("GET", "/v1/groups/changes", "list_group_changes")
    def changes(self, /, **query: Unpack[params.ListGroupChangesQuery]) -> Spec[Changes]:
        return Spec(model(Changes), params=query)
