"""account search index, audit categories

Revision ID: 0010
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

from api.identity.audit_categories import category_of
from api.storage.models.account_search import rows_for

revision = "0010"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Issue 14: `?q=` prefix search over name, address and pinyin as an index range
    # (api/storage/models/account_search.py), filled for the accounts that exist.
    term = sa.String(length=200).with_variant(sa.String(length=200, collation="C"), "postgresql")
    op.create_table(
        "account_search_terms",
        sa.Column("account_id", sa.String(length=40), nullable=False),
        sa.Column("term", term, nullable=False),
        sa.Column("org_id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"],
            name=op.f("fk_account_search_terms_account_id_accounts"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("account_id", "term", name=op.f("pk_account_search_terms")),
    )
    op.create_index(
        "ix_account_search_terms_org_term", "account_search_terms",
        ["org_id", "term", "account_id"], unique=False,
    )
    op.create_index("ix_accounts_org_status_id", "accounts", ["org_id", "status", "id"])
    # `?department_id=` reads members from one covering index; a page of accounts reads its
    # aliases by (org_id, target_id): SQLite took the org_id index and read every address.
    op.create_index(
        "ix_account_departments_org_dep_account", "account_departments",
        ["org_id", "department_id", "account_id"],
    )
    op.create_index(
        "ix_directory_addresses_org_target", "directory_addresses", ["org_id", "target_id"]
    )
    bind = op.get_bind()
    accounts = sa.table(
        "accounts", sa.column("id"), sa.column("org_id"), sa.column("display_name"),
        sa.column("address"), sa.column("employee_number"), sa.column("mobile"),
        sa.column("job_title"),
    )
    terms = sa.table(
        "account_search_terms", sa.column("account_id"), sa.column("term"), sa.column("org_id")
    )
    result = bind.execute(sa.select(accounts))
    while chunk := result.fetchmany(2000):
        rows = [row for account in chunk for row in rows_for(account)]
        if rows:
            bind.execute(sa.insert(terms), rows)

    # Issue 14: audit entries carry a category; the default view shows administrative ones.
    with op.batch_alter_table("audit_entries") as batch:
        batch.add_column(
            sa.Column("category", sa.String(length=20), server_default="admin", nullable=False)
        )
    op.create_index(
        "ix_audit_entries_org_category_id", "audit_entries", ["org_id", "category", "id"]
    )
    audit = sa.table("audit_entries", sa.column("action"), sa.column("category"))
    actions = bind.execute(sa.select(audit.c.action).distinct()).scalars().all()
    for action in actions:
        category = category_of(action)
        if category != "admin":
            bind.execute(
                sa.update(audit).where(audit.c.action == action).values(category=category)
            )


def downgrade() -> None:
    op.drop_index("ix_audit_entries_org_category_id", table_name="audit_entries")
    with op.batch_alter_table("audit_entries") as batch:
        batch.drop_column("category")
    op.drop_index("ix_directory_addresses_org_target", table_name="directory_addresses")
    op.drop_index("ix_account_departments_org_dep_account", table_name="account_departments")
    op.drop_index("ix_accounts_org_status_id", table_name="accounts")
    op.drop_index("ix_account_search_terms_org_term", table_name="account_search_terms")
    op.drop_table("account_search_terms")
