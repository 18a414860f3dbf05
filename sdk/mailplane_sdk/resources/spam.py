"""`mp.spam`: the organisation's spam allow and block lists."""

from __future__ import annotations

from typing_extensions import Unpack

from mailplane_sdk.calls import Spec, model, nothing
from mailplane_sdk.endpoints import Namespace, R, endpoint, paged
from mailplane_sdk.generated import params
from mailplane_sdk.generated.models import SpamListEntry
from mailplane_sdk.pagination import Page, page_of


class Allowlist(Namespace[R]):
    """`mp.spam.allowlist`: senders whose mail is never filed as spam."""

    @paged("GET", "/v1/mail/spam/allowlist", "list_spam_allowlist")
    def list(self, /, **query: Unpack[params.ListSpamAllowlistQuery]) -> Spec[Page[SpamListEntry]]:
        return Spec(page_of(SpamListEntry.from_dict), params=query)

    @endpoint("POST", "/v1/mail/spam/allowlist", "create_spam_allowlist_entry")
    def create(self, /, **body: Unpack[params.SpamListEntryCreate]) -> Spec[SpamListEntry]:
        """Body: SpamListEntryCreate (kind, value, scope, …)."""
        return Spec(model(SpamListEntry), json=body)

    @endpoint("GET", "/v1/mail/spam/allowlist/{entry_id}", "get_spam_allowlist_entry")
    def get(self, entry_id: str) -> Spec[SpamListEntry]:
        return Spec(model(SpamListEntry), path={"entry_id": entry_id})

    @endpoint("DELETE", "/v1/mail/spam/allowlist/{entry_id}", "delete_spam_allowlist_entry")
    def delete(self, entry_id: str) -> Spec[None]:
        return Spec(nothing, path={"entry_id": entry_id})


class Blocklist(Namespace[R]):
    """`mp.spam.blocklist`: senders whose mail is always refused or filed as spam."""

    @paged("GET", "/v1/mail/spam/blocklist", "list_spam_blocklist")
    def list(self, /, **query: Unpack[params.ListSpamBlocklistQuery]) -> Spec[Page[SpamListEntry]]:
        return Spec(page_of(SpamListEntry.from_dict), params=query)

    @endpoint("POST", "/v1/mail/spam/blocklist", "create_spam_blocklist_entry")
    def create(self, /, **body: Unpack[params.SpamListEntryCreate]) -> Spec[SpamListEntry]:
        return Spec(model(SpamListEntry), json=body)

    @endpoint("GET", "/v1/mail/spam/blocklist/{entry_id}", "get_spam_blocklist_entry")
    def get(self, entry_id: str) -> Spec[SpamListEntry]:
        return Spec(model(SpamListEntry), path={"entry_id": entry_id})

    @endpoint("DELETE", "/v1/mail/spam/blocklist/{entry_id}", "delete_spam_blocklist_entry")
    def delete(self, entry_id: str) -> Spec[None]:
        return Spec(nothing, path={"entry_id": entry_id})


class Spam(Namespace[R]):
    """`mp.spam`. Per-message verdicts and reports are on `mp.mail.messages`."""

    def __init__(self, runner: R) -> None:
        super().__init__(runner)
        self.allowlist = Allowlist(runner)
        self.blocklist = Blocklist(runner)
