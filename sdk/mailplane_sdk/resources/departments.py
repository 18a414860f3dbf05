"""`mp.departments`: the organisation chart."""

from __future__ import annotations

import builtins

from typing_extensions import Unpack

from mailplane_sdk.calls import Spec, model, models, nothing
from mailplane_sdk.endpoints import Namespace, R, endpoint, paged
from mailplane_sdk.generated import params
from mailplane_sdk.generated.models import Account, Changes, Department
from mailplane_sdk.pagination import Page, page_of


class Departments(Namespace[R]):
    """`mp.departments`."""

    @paged("GET", "/v1/departments", "list_departments")
    def list(self, /, **query: Unpack[params.ListDepartmentsQuery]) -> Spec[Page[Department]]:
        """Filters: parent_id, limit."""
        return Spec(page_of(Department.from_dict), params=query)

    @endpoint("POST", "/v1/departments", "create_department")
    def create(self, /, **body: Unpack[params.DepartmentCreate]) -> Spec[Department]:
        """Body: DepartmentCreate (name, parent_id, …)."""
        return Spec(model(Department), json=body)

    @endpoint("GET", "/v1/departments/{department_id}", "get_department")
    def get(self, department_id: str) -> Spec[Department]:
        return Spec(model(Department), path={"department_id": department_id})

    @endpoint("PATCH", "/v1/departments/{department_id}", "update_department")
    def update(
        self, department_id: str, /, **fields: Unpack[params.DepartmentUpdate]
    ) -> Spec[Department]:
        return Spec(model(Department), path={"department_id": department_id}, json=fields)

    @endpoint("DELETE", "/v1/departments/{department_id}", "delete_department")
    def delete(self, department_id: str) -> Spec[None]:
        return Spec(nothing, path={"department_id": department_id})

    @paged("GET", "/v1/departments/{department_id}/members", "list_department_members")
    def members(
        self, department_id: str, /, **query: Unpack[params.ListDepartmentMembersQuery]
    ) -> Spec[Page[Account]]:
        """Accounts of the department (`recursive=True` to include sub-departments)."""
        return Spec(page_of(Account.from_dict), path={"department_id": department_id}, params=query)

    @endpoint("POST", "/v1/departments/{department_id}/move", "move_department")
    def move(
        self, department_id: str, /, **body: Unpack[params.DepartmentMove]
    ) -> Spec[Department]:
        """Body: DepartmentMove (`parent_id`)."""
        return Spec(model(Department), path={"department_id": department_id}, json=body)

    @endpoint("POST", "/v1/departments/{department_id}/reorder", "reorder_departments")
    def reorder(
        self, department_id: str, /, **body: Unpack[params.DepartmentReorder]
    ) -> Spec[builtins.list[Department]]:
        """Body: DepartmentReorder (the children's ids in their new order)."""
        return Spec(models(Department), path={"department_id": department_id}, json=body)

    @endpoint("GET", "/v1/departments/changes", "list_department_changes")
    def changes(self, /, **query: Unpack[params.ListDepartmentChangesQuery]) -> Spec[Changes]:
        return Spec(model(Changes), params=query)
