from enum import StrEnum

class FolderRuleRoleType0(StrEnum):
    ARCHIVE = "archive"
    DRAFTS = "drafts"
    INBOX = "inbox"
    JUNK = "junk"
    SENT = "sent"
    TRASH = "trash"

    def __str__(self) -> str:
        return str(self.value)
