"""`mp.migrations`: mailbox migrations in over IMAP or POP3."""

from __future__ import annotations

from typing_extensions import Unpack

from mailplane_sdk.calls import Spec, model
from mailplane_sdk.endpoints import Namespace, R, endpoint, paged
from mailplane_sdk.generated import params
from mailplane_sdk.generated.models import Migration, MigrationAccount, MigrationFailure
from mailplane_sdk.pagination import Page, page_of


class Migrations(Namespace[R]):
    """`mp.migrations`."""

    @paged("GET", "/v1/directory/migrations", "list_migrations")
    def list(self, /, **query: Unpack[params.ListMigrationsQuery]) -> Spec[Page[Migration]]:
        return Spec(page_of(Migration.from_dict), params=query)

    @endpoint("POST", "/v1/directory/migrations", "create_migration")
    def create(self, /, **body: Unpack[params.MigrationCreate]) -> Spec[Migration]:
        """Body: MigrationCreate (source server, accounts with their source credentials)."""
        return Spec(model(Migration), json=body)

    @endpoint("GET", "/v1/directory/migrations/{migration_id}", "get_migration")
    def get(self, migration_id: str) -> Spec[Migration]:
        return Spec(model(Migration), path={"migration_id": migration_id})

    @endpoint("POST", "/v1/directory/migrations/{migration_id}/cancel", "cancel_migration")
    def cancel(self, migration_id: str) -> Spec[Migration]:
        return Spec(model(Migration), path={"migration_id": migration_id})

    @paged("GET", "/v1/directory/migrations/{migration_id}/accounts", "list_migration_accounts")
    def accounts(
        self, migration_id: str, /, **query: Unpack[params.ListMigrationAccountsQuery]
    ) -> Spec[Page[MigrationAccount]]:
        return Spec(
            page_of(MigrationAccount.from_dict), path={"migration_id": migration_id}, params=query
        )

    @paged("GET", "/v1/directory/migrations/{migration_id}/failures", "list_migration_failures")
    def failures(
        self, migration_id: str, /, **query: Unpack[params.ListMigrationFailuresQuery]
    ) -> Spec[Page[MigrationFailure]]:
        return Spec(
            page_of(MigrationFailure.from_dict), path={"migration_id": migration_id}, params=query
        )
