"""mail folders: one folder per system role and sibling names unique regardless of case,
after merging the duplicates concurrent first uses of a mailbox made

Revision ID: 0019irace
Revises: 0017i16b

Before this revision two first requests for one account at the same moment on PostgreSQL
could each make a full set of system folders (two Inboxes). For every (account, role) with
more than one folder the oldest is kept and the others are merged into it:

- their messages move into the kept folder with new UIDs taken from its uid_next, in the
  order they had (as an IMAP MOVE would number them), and a new account modseq;
- the kept folder gets a new, greater UIDVALIDITY: an IMAP client may have cached the
  same path under the duplicate's UIDVALIDITY (duplicates made in the same second even
  share one), so every client resynchronises the folder instead of trusting its cache;
- its counters are recounted from the messages; subfolders of a duplicate move under it;
  migration records that pointed at a duplicate point at it;
- the duplicates are deleted.

Then sibling folders whose names differ only by case (never made through the API, which
refuses them, but possible under the same race) keep the system or oldest one's name and
the others get " (2)", " (3)"…; and the two unique indexes are created.
"""

from __future__ import annotations

import time

import sqlalchemy as sa
from alembic import op

revision = "0019irace"
down_revision = "0017i16b"
branch_labels = None
depends_on = None

ROLE_WHERE = sa.text("role IS NOT NULL")


def _new_validity(old: list[int]) -> int:
    """Greater than every UIDVALIDITY the merged folders had (32 bits, never 0)."""
    value = max(max(old) + 1, int(time.time()))
    return value if 0 < value <= 0xFFFFFFFF else 1


def _merge(bind: sa.Connection, account_id: str, keep: str, dupes: list[str]) -> None:
    folders = {
        row.id: row
        for row in bind.execute(
            sa.text("SELECT id, uid_validity, uid_next FROM mail_folders WHERE id IN :ids")
            .bindparams(sa.bindparam("ids", expanding=True)),
            {"ids": [keep, *dupes]},
        )
    }
    moving = bind.execute(
        sa.text("SELECT seq FROM mail_messages WHERE account_id = :a AND folder_id IN :ids"
                " ORDER BY seq").bindparams(sa.bindparam("ids", expanding=True)),
        {"a": account_id, "ids": dupes},
    ).scalars().all()
    uid_next = int(folders[keep].uid_next)
    if moving:
        modseq = bind.execute(
            sa.text("UPDATE mail_mailboxes SET modseq = modseq + 1 WHERE account_id = :a"
                    " RETURNING modseq"), {"a": account_id},
        ).scalar()
        for seq in moving:
            bind.execute(
                sa.text("UPDATE mail_messages SET folder_id = :k, uid = :u,"
                        " modseq = COALESCE(:m, modseq) WHERE seq = :s"),
                {"k": keep, "u": uid_next, "m": modseq, "s": seq},
            )
            uid_next += 1
    validity = _new_validity([int(f.uid_validity) for f in folders.values()])
    bind.execute(
        sa.text(
            "UPDATE mail_folders SET uid_next = :n, uid_validity = :v, version = version + 1,"
            " total_count = (SELECT COUNT(*) FROM mail_messages m WHERE m.folder_id = :k),"
            " unread_count = (SELECT COUNT(*) FROM mail_messages m WHERE m.folder_id = :k"
            "   AND m.seen = :f),"
            " size_bytes = (SELECT COALESCE(SUM(m.size), 0) FROM mail_messages m"
            "   WHERE m.folder_id = :k)"
            " WHERE id = :k"
        ),
        {"n": uid_next, "v": validity, "k": keep, "f": False},
    )
    for dupe in dupes:
        params = {"k": keep, "d": dupe, "a": account_id}
        bind.execute(sa.text("UPDATE mail_folders SET parent_id = :k WHERE parent_id = :d"),
                     params)
        bind.execute(sa.text("UPDATE migration_folders SET target_folder_id = :k"
                             " WHERE target_folder_id = :d"), params)
        # a message imported into both keeps one record (the kept folder's) of its import
        bind.execute(sa.text(
            "DELETE FROM migration_messages WHERE account_id = :a AND folder_id = :d"
            " AND content_sha IN (SELECT content_sha FROM migration_messages"
            "   WHERE account_id = :a AND folder_id = :k)"), params)
        bind.execute(sa.text("UPDATE migration_messages SET folder_id = :k"
                             " WHERE account_id = :a AND folder_id = :d"), params)
        bind.execute(sa.text("DELETE FROM mail_folders WHERE id = :d"), params)


def _merge_system_duplicates(bind: sa.Connection) -> None:
    groups = bind.execute(sa.text(
        "SELECT account_id, role FROM mail_folders WHERE role IS NOT NULL"
        " GROUP BY account_id, role HAVING COUNT(*) > 1"
    )).all()
    for account_id, role in groups:
        ids = bind.execute(
            sa.text("SELECT id FROM mail_folders WHERE account_id = :a AND role = :r"
                    " ORDER BY created_at, id"), {"a": account_id, "r": role},
        ).scalars().all()
        _merge(bind, account_id, ids[0], list(ids[1:]))


def _rename_name_clashes(bind: sa.Connection) -> None:
    groups = bind.execute(sa.text(
        "SELECT account_id, COALESCE(parent_id, '') AS parent, lower(name) AS lname"
        " FROM mail_folders GROUP BY account_id, COALESCE(parent_id, ''), lower(name)"
        " HAVING COUNT(*) > 1"
    )).all()
    for account_id, parent, lname in groups:
        rows = bind.execute(
            sa.text("SELECT id, name FROM mail_folders WHERE account_id = :a"
                    " AND COALESCE(parent_id, '') = :p AND lower(name) = :l"
                    " ORDER BY CASE WHEN role IS NULL THEN 1 ELSE 0 END, created_at, id"),
            {"a": account_id, "p": parent, "l": lname},
        ).all()
        taken = {
            n.lower() for n in bind.execute(
                sa.text("SELECT name FROM mail_folders WHERE account_id = :a"
                        " AND COALESCE(parent_id, '') = :p"), {"a": account_id, "p": parent},
            ).scalars()
        }
        for row in rows[1:]:
            n = 2
            while f"{row.name} ({n})".lower() in taken:
                n += 1
            name = f"{row.name} ({n})"
            taken.add(name.lower())
            bind.execute(
                sa.text("UPDATE mail_folders SET name = :n, version = version + 1"
                        " WHERE id = :i"), {"n": name, "i": row.id},
            )


def upgrade() -> None:
    bind = op.get_bind()
    _merge_system_duplicates(bind)
    _rename_name_clashes(bind)
    op.create_index("uq_mail_folders_account_role", "mail_folders", ["account_id", "role"],
                    unique=True, sqlite_where=ROLE_WHERE, postgresql_where=ROLE_WHERE)
    op.create_index(
        "uq_mail_folders_account_parent_name", "mail_folders",
        ["account_id", sa.text("coalesce(parent_id, '')"), sa.text("lower(name)")],
        unique=True,
    )


def downgrade() -> None:
    op.drop_index("uq_mail_folders_account_parent_name", table_name="mail_folders")
    op.drop_index("uq_mail_folders_account_role", table_name="mail_folders")
