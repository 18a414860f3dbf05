"""imap: per-folder UIDs, UIDVALIDITY, UIDNEXT and subscriptions

Revision ID: 0013
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # IMAP and POP3 (issue 17): a message's UID in its folder, taken from the folder's
    # uid_next when it arrives or moves in; existing messages are numbered in arrival order.
    with op.batch_alter_table("mail_folders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("uid_validity", sa.BigInteger(), nullable=False,
                                      server_default="1"))
        batch_op.add_column(sa.Column("uid_next", sa.BigInteger(), nullable=False,
                                      server_default="1"))
        batch_op.add_column(sa.Column("subscribed", sa.Boolean(), nullable=False,
                                      server_default=sa.true()))
    with op.batch_alter_table("mail_messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("uid", sa.BigInteger(), nullable=False, server_default="0"))
        batch_op.create_index("ix_mail_messages_folder_uid", ["folder_id", "uid"], unique=False)
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT seq, folder_id FROM mail_messages ORDER BY seq")).all()
    next_uid: dict[str, int] = {}
    for seq, folder_id in rows:
        uid = next_uid.get(folder_id, 1)
        next_uid[folder_id] = uid + 1
        bind.execute(sa.text("UPDATE mail_messages SET uid = :u WHERE seq = :s"),
                     {"u": uid, "s": seq})
    for folder_id, uid in next_uid.items():
        bind.execute(sa.text("UPDATE mail_folders SET uid_next = :u WHERE id = :f"),
                     {"u": uid, "f": folder_id})


def downgrade() -> None:
    with op.batch_alter_table("mail_messages", schema=None) as batch_op:
        batch_op.drop_index("ix_mail_messages_folder_uid")
        batch_op.drop_column("uid")
    with op.batch_alter_table("mail_folders", schema=None) as batch_op:
        batch_op.drop_column("subscribed")
        batch_op.drop_column("uid_next")
        batch_op.drop_column("uid_validity")
