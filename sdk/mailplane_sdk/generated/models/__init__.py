""" Contains all the data models used in inputs/outputs """

from .account import Account
from .account_create import AccountCreate
from .account_create_locale_type_0 import AccountCreateLocaleType0
from .account_create_type import AccountCreateType
from .account_created import AccountCreated
from .account_created_locale_type_0 import AccountCreatedLocaleType0
from .account_created_status import AccountCreatedStatus
from .account_created_type import AccountCreatedType
from .account_data import AccountData
from .account_locale_type_0 import AccountLocaleType0
from .account_move import AccountMove
from .account_status import AccountStatus
from .account_totals import AccountTotals
from .account_type import AccountType
from .account_update import AccountUpdate
from .account_update_locale_type_0 import AccountUpdateLocaleType0
from .account_update_type_type_0 import AccountUpdateTypeType0
from .activation_link import ActivationLink
from .activation_link_create import ActivationLinkCreate
from .address_book import AddressBook
from .address_book_create import AddressBookCreate
from .address_book_update import AddressBookUpdate
from .address_check import AddressCheck
from .address_check_result import AddressCheckResult
from .address_in import AddressIn
from .address_status import AddressStatus
from .address_status_status import AddressStatusStatus
from .alias import Alias
from .alias_create import AliasCreate
from .app import App
from .app_create import AppCreate
from .app_create_client_type import AppCreateClientType
from .app_credentials import AppCredentials
from .app_data import AppData
from .app_password import AppPassword
from .app_password_create import AppPasswordCreate
from .app_password_created import AppPasswordCreated
from .app_token import AppToken
from .app_update import AppUpdate
from .app_usage import AppUsage
from .attachment import Attachment
from .attachment_in import AttachmentIn
from .attendee import Attendee
from .attendee_in import AttendeeIn
from .attendee_in_role import AttendeeInRole
from .attendee_in_type import AttendeeInType
from .attendee_response import AttendeeResponse
from .audit_entry import AuditEntry
from .audit_entry_details import AuditEntryDetails
from .auto_reply import AutoReply
from .auto_reply_update import AutoReplyUpdate
from .autocomplete_result import AutocompleteResult
from .bulk_result import BulkResult
from .busy_interval import BusyInterval
from .busy_interval_status import BusyIntervalStatus
from .calendar import Calendar
from .calendar_access import CalendarAccess
from .calendar_calendar_created_event import CalendarCalendarCreatedEvent
from .calendar_calendar_deleted_event import CalendarCalendarDeletedEvent
from .calendar_calendar_shared_event import CalendarCalendarSharedEvent
from .calendar_calendar_unshared_event import CalendarCalendarUnsharedEvent
from .calendar_calendar_updated_event import CalendarCalendarUpdatedEvent
from .calendar_create import CalendarCreate
from .calendar_event_cancelled_event import CalendarEventCancelledEvent
from .calendar_event_created_event import CalendarEventCreatedEvent
from .calendar_event_data import CalendarEventData
from .calendar_event_deleted_event import CalendarEventDeletedEvent
from .calendar_event_updated_event import CalendarEventUpdatedEvent
from .calendar_feed import CalendarFeed
from .calendar_invitation_replied_event import CalendarInvitationRepliedEvent
from .calendar_room_booked_event import CalendarRoomBookedEvent
from .calendar_room_created_event import CalendarRoomCreatedEvent
from .calendar_room_deleted_event import CalendarRoomDeletedEvent
from .calendar_room_updated_event import CalendarRoomUpdatedEvent
from .calendar_share import CalendarShare
from .calendar_share_create import CalendarShareCreate
from .calendar_share_create_level import CalendarShareCreateLevel
from .calendar_share_level import CalendarShareLevel
from .calendar_update import CalendarUpdate
from .cancel_calendar_event_scope_type_0 import CancelCalendarEventScopeType0
from .changed_data import ChangedData
from .changes import Changes
from .contact import Contact
from .contact_create import ContactCreate
from .contact_group import ContactGroup
from .contact_group_create import ContactGroupCreate
from .contact_group_update import ContactGroupUpdate
from .contact_import_result import ContactImportResult
from .contact_update import ContactUpdate
from .contacts_address_book_created_event import ContactsAddressBookCreatedEvent
from .contacts_address_book_deleted_event import ContactsAddressBookDeletedEvent
from .contacts_address_book_updated_event import ContactsAddressBookUpdatedEvent
from .contacts_contact_created_event import ContactsContactCreatedEvent
from .contacts_contact_deleted_event import ContactsContactDeletedEvent
from .contacts_contact_updated_event import ContactsContactUpdatedEvent
from .contacts_group_created_event import ContactsGroupCreatedEvent
from .contacts_group_deleted_event import ContactsGroupDeletedEvent
from .contacts_group_updated_event import ContactsGroupUpdatedEvent
from .create_import_body import CreateImportBody
from .create_import_format_type_0 import CreateImportFormatType0
from .create_mail_sender_entry_list import CreateMailSenderEntryList
from .delete_mail_sender_entry_list import DeleteMailSenderEntryList
from .department import Department
from .department_create import DepartmentCreate
from .department_move import DepartmentMove
from .department_reorder import DepartmentReorder
from .department_update import DepartmentUpdate
from .directory_account_activated_event import DirectoryAccountActivatedEvent
from .directory_account_activation_link_created_event import DirectoryAccountActivationLinkCreatedEvent
from .directory_account_created_event import DirectoryAccountCreatedEvent
from .directory_account_deleted_event import DirectoryAccountDeletedEvent
from .directory_account_frozen_event import DirectoryAccountFrozenEvent
from .directory_account_login_link_created_event import DirectoryAccountLoginLinkCreatedEvent
from .directory_account_purged_event import DirectoryAccountPurgedEvent
from .directory_account_restored_event import DirectoryAccountRestoredEvent
from .directory_account_unfrozen_event import DirectoryAccountUnfrozenEvent
from .directory_account_updated_event import DirectoryAccountUpdatedEvent
from .directory_app_password_created_event import DirectoryAppPasswordCreatedEvent
from .directory_app_password_revoked_event import DirectoryAppPasswordRevokedEvent
from .directory_department_created_event import DirectoryDepartmentCreatedEvent
from .directory_department_deleted_event import DirectoryDepartmentDeletedEvent
from .directory_department_updated_event import DirectoryDepartmentUpdatedEvent
from .directory_domain_created_event import DirectoryDomainCreatedEvent
from .directory_domain_deleted_event import DirectoryDomainDeletedEvent
from .directory_domain_dns_changed_event import DirectoryDomainDnsChangedEvent
from .directory_domain_updated_event import DirectoryDomainUpdatedEvent
from .directory_domain_verified_event import DirectoryDomainVerifiedEvent
from .directory_group_created_event import DirectoryGroupCreatedEvent
from .directory_group_deleted_event import DirectoryGroupDeletedEvent
from .directory_group_updated_event import DirectoryGroupUpdatedEvent
from .directory_import import DirectoryImport
from .directory_import_completed_event import DirectoryImportCompletedEvent
from .directory_import_format import DirectoryImportFormat
from .directory_import_row import DirectoryImportRow
from .directory_import_row_status import DirectoryImportRowStatus
from .directory_import_status import DirectoryImportStatus
from .directory_migration_cancelled_event import DirectoryMigrationCancelledEvent
from .directory_migration_completed_event import DirectoryMigrationCompletedEvent
from .directory_migration_failed_event import DirectoryMigrationFailedEvent
from .directory_migration_progress_event import DirectoryMigrationProgressEvent
from .directory_organization_updated_event import DirectoryOrganizationUpdatedEvent
from .directory_password_policy_updated_event import DirectoryPasswordPolicyUpdatedEvent
from .directory_sign_in_lock_cleared_event import DirectorySignInLockClearedEvent
from .dkim_key import DkimKey
from .dkim_key_status import DkimKeyStatus
from .dns_record import DnsRecord
from .dns_record_purpose import DnsRecordPurpose
from .dns_record_status import DnsRecordStatus
from .dns_record_type import DnsRecordType
from .domain import Domain
from .domain_create import DomainCreate
from .domain_data import DomainData
from .domain_kind import DomainKind
from .domain_status import DomainStatus
from .domain_totals import DomainTotals
from .domain_verification import DomainVerification
from .draft_send import DraftSend
from .draft_update import DraftUpdate
from .draft_update_headers_type_0 import DraftUpdateHeadersType0
from .draft_update_priority_type_0 import DraftUpdatePriorityType0
from .email import Email
from .email_address import EmailAddress
from .email_out import EmailOut
from .email_type import EmailType
from .endpoint_data import EndpointData
from .event import Event
from .event_create import EventCreate
from .event_create_status import EventCreateStatus
from .event_create_transparency import EventCreateTransparency
from .event_respond import EventRespond
from .event_respond_response import EventRespondResponse
from .event_type_info import EventTypeInfo
from .event_type_info_data_schema import EventTypeInfoDataSchema
from .event_update import EventUpdate
from .event_update_status_type_0 import EventUpdateStatusType0
from .event_update_transparency_type_0 import EventUpdateTransparencyType0
from .expanded_account import ExpandedAccount
from .export_accounts_encoding import ExportAccountsEncoding
from .export_accounts_format import ExportAccountsFormat
from .export_accounts_lang import ExportAccountsLang
from .export_contacts_version import ExportContactsVersion
from .find_time_request import FindTimeRequest
from .find_time_result import FindTimeResult
from .find_time_result_reason_type_0 import FindTimeResultReasonType0
from .folder import Folder
from .folder_counts import FolderCounts
from .folder_create import FolderCreate
from .folder_rule import FolderRule
from .folder_rule_role_type_0 import FolderRuleRoleType0
from .folder_update import FolderUpdate
from .forwarding import Forwarding
from .forwarding_update import ForwardingUpdate
from .free_busy_request import FreeBusyRequest
from .free_busy_result import FreeBusyResult
from .get_contact_vcard_version import GetContactVcardVersion
from .get_health_response_get_health import GetHealthResponseGetHealth
from .get_import_template_format import GetImportTemplateFormat
from .get_import_template_lang import GetImportTemplateLang
from .group import Group
from .group_create import GroupCreate
from .group_create_send_policy import GroupCreateSendPolicy
from .group_delivery import GroupDelivery
from .group_expansion import GroupExpansion
from .group_member import GroupMember
from .group_member_create import GroupMemberCreate
from .group_member_create_kind import GroupMemberCreateKind
from .group_member_create_role import GroupMemberCreateRole
from .group_member_kind import GroupMemberKind
from .group_send_policy import GroupSendPolicy
from .group_update import GroupUpdate
from .group_update_send_policy_type_0 import GroupUpdateSendPolicyType0
from .header import Header
from .http_validation_error import HTTPValidationError
from .import_activation_link import ImportActivationLink
from .import_activation_links_create import ImportActivationLinksCreate
from .import_counts import ImportCounts
from .import_result import ImportResult
from .introspect_token_body import IntrospectTokenBody
from .introspection import Introspection
from .issue_token_body import IssueTokenBody
from .job_data import JobData
from .job_data_counts_type_0 import JobDataCountsType0
from .list_accounts_role_type_0 import ListAccountsRoleType0
from .list_accounts_status_type_0 import ListAccountsStatusType0
from .list_audit_entries_category_type_0_item import ListAuditEntriesCategoryType0Item
from .list_domains_kind_type_0 import ListDomainsKindType0
from .list_domains_status_type_0 import ListDomainsStatusType0
from .list_import_rows_status_type_0 import ListImportRowsStatusType0
from .list_mail_sender_entries_list import ListMailSenderEntriesList
from .list_migrations_status_type_0 import ListMigrationsStatusType0
from .list_room_bookings_status_type_0 import ListRoomBookingsStatusType0
from .list_rooms_kind_type_0 import ListRoomsKindType0
from .list_webhook_attempts_outcome_type_0 import ListWebhookAttemptsOutcomeType0
from .list_webhook_deliveries_status_type_0 import ListWebhookDeliveriesStatusType0
from .login_link import LoginLink
from .login_link_create import LoginLinkCreate
from .mail_counts import MailCounts
from .mail_folder_created_event import MailFolderCreatedEvent
from .mail_folder_deleted_event import MailFolderDeletedEvent
from .mail_folder_updated_event import MailFolderUpdatedEvent
from .mail_message_bounced_event import MailMessageBouncedEvent
from .mail_message_deleted_event import MailMessageDeletedEvent
from .mail_message_delivered_event import MailMessageDeliveredEvent
from .mail_message_imported_event import MailMessageImportedEvent
from .mail_message_received_event import MailMessageReceivedEvent
from .mail_message_sent_event import MailMessageSentEvent
from .mail_message_updated_event import MailMessageUpdatedEvent
from .mail_sender_entry_created_event import MailSenderEntryCreatedEvent
from .mail_sender_entry_deleted_event import MailSenderEntryDeletedEvent
from .mail_settings import MailSettings
from .mail_settings_forwarding_policy import MailSettingsForwardingPolicy
from .mail_settings_update import MailSettingsUpdate
from .mail_settings_updated_event import MailSettingsUpdatedEvent
from .mail_spam_list_entry_created_event import MailSpamListEntryCreatedEvent
from .mail_spam_list_entry_deleted_event import MailSpamListEntryDeletedEvent
from .mail_volume import MailVolume
from .me import Me
from .me_kind import MeKind
from .me_update import MeUpdate
from .me_update_locale_type_0 import MeUpdateLocaleType0
from .message import Message
from .message_data import MessageData
from .message_delivery import MessageDelivery
from .message_parse_status import MessageParseStatus
from .message_summary import MessageSummary
from .message_summary_parse_status import MessageSummaryParseStatus
from .message_update import MessageUpdate
from .messages_bulk_delete import MessagesBulkDelete
from .messages_bulk_update import MessagesBulkUpdate
from .migration import Migration
from .migration_account import MigrationAccount
from .migration_account_create import MigrationAccountCreate
from .migration_account_status import MigrationAccountStatus
from .migration_counts import MigrationCounts
from .migration_create import MigrationCreate
from .migration_failure import MigrationFailure
from .migration_folder_progress import MigrationFolderProgress
from .migration_folder_progress_role_type_0 import MigrationFolderProgressRoleType0
from .migration_folder_progress_status import MigrationFolderProgressStatus
from .migration_source import MigrationSource
from .migration_source_info import MigrationSourceInfo
from .migration_source_info_protocol import MigrationSourceInfoProtocol
from .migration_source_info_security import MigrationSourceInfoSecurity
from .migration_source_protocol import MigrationSourceProtocol
from .migration_source_security import MigrationSourceSecurity
from .migration_status import MigrationStatus
from .o_auth_error import OAuthError
from .organization import Organization
from .organization_create import OrganizationCreate
from .organization_created import OrganizationCreated
from .organization_settings import OrganizationSettings
from .organization_settings_locale import OrganizationSettingsLocale
from .organization_settings_mail_forwarding import OrganizationSettingsMailForwarding
from .organization_settings_update import OrganizationSettingsUpdate
from .organization_settings_update_locale_type_0 import OrganizationSettingsUpdateLocaleType0
from .organization_settings_update_mail_forwarding_type_0 import OrganizationSettingsUpdateMailForwardingType0
from .organization_stats import OrganizationStats
from .organizer import Organizer
from .page_account import PageAccount
from .page_address_book import PageAddressBook
from .page_alias import PageAlias
from .page_app import PageApp
from .page_app_password import PageAppPassword
from .page_app_token import PageAppToken
from .page_audit_entry import PageAuditEntry
from .page_calendar import PageCalendar
from .page_calendar_share import PageCalendarShare
from .page_contact import PageContact
from .page_contact_group import PageContactGroup
from .page_department import PageDepartment
from .page_directory_import_row import PageDirectoryImportRow
from .page_dkim_key import PageDkimKey
from .page_dns_record import PageDnsRecord
from .page_domain import PageDomain
from .page_event import PageEvent
from .page_event_type_info import PageEventTypeInfo
from .page_folder import PageFolder
from .page_group import PageGroup
from .page_group_member import PageGroupMember
from .page_import_activation_link import PageImportActivationLink
from .page_message_summary import PageMessageSummary
from .page_migration import PageMigration
from .page_migration_account import PageMigrationAccount
from .page_migration_failure import PageMigrationFailure
from .page_organization import PageOrganization
from .page_platform_event import PagePlatformEvent
from .page_room import PageRoom
from .page_sender_entry import PageSenderEntry
from .page_sign_in_lock import PageSignInLock
from .page_spam_list_entry import PageSpamListEntry
from .page_thread import PageThread
from .page_webhook import PageWebhook
from .page_webhook_attempt import PageWebhookAttempt
from .page_webhook_delivery import PageWebhookDelivery
from .password_change import PasswordChange
from .password_policy import PasswordPolicy
from .password_policy_update import PasswordPolicyUpdate
from .password_reset import PasswordReset
from .password_reset_result import PasswordResetResult
from .personal_data import PersonalData
from .phone import Phone
from .phone_out import PhoneOut
from .phone_type import PhoneType
from .platform_app_created_event import PlatformAppCreatedEvent
from .platform_app_deleted_event import PlatformAppDeletedEvent
from .platform_app_secret_rotated_event import PlatformAppSecretRotatedEvent
from .platform_app_updated_event import PlatformAppUpdatedEvent
from .platform_event import PlatformEvent
from .platform_event_data import PlatformEventData
from .postal_address import PostalAddress
from .postal_address_out import PostalAddressOut
from .postal_address_type import PostalAddressType
from .problem import Problem
from .recipient_delivery import RecipientDelivery
from .recipient_delivery_status import RecipientDeliveryStatus
from .recurrence import Recurrence
from .recurrence_out import RecurrenceOut
from .rejected_recipient import RejectedRecipient
from .reminder import Reminder
from .reminder_method import ReminderMethod
from .reminder_out import ReminderOut
from .resource_data import ResourceData
from .revoke_token_body import RevokeTokenBody
from .room import Room
from .room_booking_respond import RoomBookingRespond
from .room_booking_respond_response import RoomBookingRespondResponse
from .room_create import RoomCreate
from .room_create_booking_policy import RoomCreateBookingPolicy
from .room_create_kind import RoomCreateKind
from .room_update import RoomUpdate
from .room_update_booking_policy_type_0 import RoomUpdateBookingPolicyType0
from .schedule import Schedule
from .schedule_type_type_0 import ScheduleTypeType0
from .secret_rotation import SecretRotation
from .send_request import SendRequest
from .send_request_headers import SendRequestHeaders
from .send_request_priority import SendRequestPriority
from .send_result import SendResult
from .send_result_status import SendResultStatus
from .sender_entry import SenderEntry
from .sender_entry_action import SenderEntryAction
from .sender_entry_create import SenderEntryCreate
from .sender_entry_create_action import SenderEntryCreateAction
from .sender_entry_list import SenderEntryList
from .sender_entry_scope import SenderEntryScope
from .sign_in_lock import SignInLock
from .sign_in_lock_data import SignInLockData
from .sign_in_lock_kind import SignInLockKind
from .spam_feedback import SpamFeedback
from .spam_feedback_label import SpamFeedbackLabel
from .spam_list_entry import SpamListEntry
from .spam_list_entry_create import SpamListEntryCreate
from .spam_list_entry_kind import SpamListEntryKind
from .spam_list_entry_scope import SpamListEntryScope
from .spam_verdict import SpamVerdict
from .spam_verdict_action_type_0 import SpamVerdictActionType0
from .spam_verdict_feedback_type_0 import SpamVerdictFeedbackType0
from .storage_totals import StorageTotals
from .suggestion import Suggestion
from .suggestion_kind import SuggestionKind
from .suggestion_source import SuggestionSource
from .thread import Thread
from .thread_detail import ThreadDetail
from .time_suggestion import TimeSuggestion
from .token_response import TokenResponse
from .update_calendar_event_scope_type_0 import UpdateCalendarEventScopeType0
from .upload import Upload
from .upload_create import UploadCreate
from .upload_state import UploadState
from .validation_error import ValidationError
from .validation_error_context import ValidationErrorContext
from .webhook import Webhook
from .webhook_attempt import WebhookAttempt
from .webhook_create import WebhookCreate
from .webhook_delivery import WebhookDelivery
from .webhook_endpoint_created_event import WebhookEndpointCreatedEvent
from .webhook_endpoint_deleted_event import WebhookEndpointDeletedEvent
from .webhook_endpoint_disabled_event import WebhookEndpointDisabledEvent
from .webhook_endpoint_enabled_event import WebhookEndpointEnabledEvent
from .webhook_endpoint_secret_rotated_event import WebhookEndpointSecretRotatedEvent
from .webhook_endpoint_test_event import WebhookEndpointTestEvent
from .webhook_endpoint_updated_event import WebhookEndpointUpdatedEvent
from .webhook_redelivery import WebhookRedelivery
from .webhook_replay import WebhookReplay
from .webhook_replay_result import WebhookReplayResult
from .webhook_secret_rotation import WebhookSecretRotation
from .webhook_update import WebhookUpdate
from .webhook_with_secret import WebhookWithSecret
from .working_hours import WorkingHours
from .working_hours_used import WorkingHoursUsed

__all__ = (
    "Account",
    "AccountCreate",
    "AccountCreated",
    "AccountCreatedLocaleType0",
    "AccountCreatedStatus",
    "AccountCreatedType",
    "AccountCreateLocaleType0",
    "AccountCreateType",
    "AccountData",
    "AccountLocaleType0",
    "AccountMove",
    "AccountStatus",
    "AccountTotals",
    "AccountType",
    "AccountUpdate",
    "AccountUpdateLocaleType0",
    "AccountUpdateTypeType0",
    "ActivationLink",
    "ActivationLinkCreate",
    "AddressBook",
    "AddressBookCreate",
    "AddressBookUpdate",
    "AddressCheck",
    "AddressCheckResult",
    "AddressIn",
    "AddressStatus",
    "AddressStatusStatus",
    "Alias",
    "AliasCreate",
    "App",
    "AppCreate",
    "AppCreateClientType",
    "AppCredentials",
    "AppData",
    "AppPassword",
    "AppPasswordCreate",
    "AppPasswordCreated",
    "AppToken",
    "AppUpdate",
    "AppUsage",
    "Attachment",
    "AttachmentIn",
    "Attendee",
    "AttendeeIn",
    "AttendeeInRole",
    "AttendeeInType",
    "AttendeeResponse",
    "AuditEntry",
    "AuditEntryDetails",
    "AutocompleteResult",
    "AutoReply",
    "AutoReplyUpdate",
    "BulkResult",
    "BusyInterval",
    "BusyIntervalStatus",
    "Calendar",
    "CalendarAccess",
    "CalendarCalendarCreatedEvent",
    "CalendarCalendarDeletedEvent",
    "CalendarCalendarSharedEvent",
    "CalendarCalendarUnsharedEvent",
    "CalendarCalendarUpdatedEvent",
    "CalendarCreate",
    "CalendarEventCancelledEvent",
    "CalendarEventCreatedEvent",
    "CalendarEventData",
    "CalendarEventDeletedEvent",
    "CalendarEventUpdatedEvent",
    "CalendarFeed",
    "CalendarInvitationRepliedEvent",
    "CalendarRoomBookedEvent",
    "CalendarRoomCreatedEvent",
    "CalendarRoomDeletedEvent",
    "CalendarRoomUpdatedEvent",
    "CalendarShare",
    "CalendarShareCreate",
    "CalendarShareCreateLevel",
    "CalendarShareLevel",
    "CalendarUpdate",
    "CancelCalendarEventScopeType0",
    "ChangedData",
    "Changes",
    "Contact",
    "ContactCreate",
    "ContactGroup",
    "ContactGroupCreate",
    "ContactGroupUpdate",
    "ContactImportResult",
    "ContactsAddressBookCreatedEvent",
    "ContactsAddressBookDeletedEvent",
    "ContactsAddressBookUpdatedEvent",
    "ContactsContactCreatedEvent",
    "ContactsContactDeletedEvent",
    "ContactsContactUpdatedEvent",
    "ContactsGroupCreatedEvent",
    "ContactsGroupDeletedEvent",
    "ContactsGroupUpdatedEvent",
    "ContactUpdate",
    "CreateImportBody",
    "CreateImportFormatType0",
    "CreateMailSenderEntryList",
    "DeleteMailSenderEntryList",
    "Department",
    "DepartmentCreate",
    "DepartmentMove",
    "DepartmentReorder",
    "DepartmentUpdate",
    "DirectoryAccountActivatedEvent",
    "DirectoryAccountActivationLinkCreatedEvent",
    "DirectoryAccountCreatedEvent",
    "DirectoryAccountDeletedEvent",
    "DirectoryAccountFrozenEvent",
    "DirectoryAccountLoginLinkCreatedEvent",
    "DirectoryAccountPurgedEvent",
    "DirectoryAccountRestoredEvent",
    "DirectoryAccountUnfrozenEvent",
    "DirectoryAccountUpdatedEvent",
    "DirectoryAppPasswordCreatedEvent",
    "DirectoryAppPasswordRevokedEvent",
    "DirectoryDepartmentCreatedEvent",
    "DirectoryDepartmentDeletedEvent",
    "DirectoryDepartmentUpdatedEvent",
    "DirectoryDomainCreatedEvent",
    "DirectoryDomainDeletedEvent",
    "DirectoryDomainDnsChangedEvent",
    "DirectoryDomainUpdatedEvent",
    "DirectoryDomainVerifiedEvent",
    "DirectoryGroupCreatedEvent",
    "DirectoryGroupDeletedEvent",
    "DirectoryGroupUpdatedEvent",
    "DirectoryImport",
    "DirectoryImportCompletedEvent",
    "DirectoryImportFormat",
    "DirectoryImportRow",
    "DirectoryImportRowStatus",
    "DirectoryImportStatus",
    "DirectoryMigrationCancelledEvent",
    "DirectoryMigrationCompletedEvent",
    "DirectoryMigrationFailedEvent",
    "DirectoryMigrationProgressEvent",
    "DirectoryOrganizationUpdatedEvent",
    "DirectoryPasswordPolicyUpdatedEvent",
    "DirectorySignInLockClearedEvent",
    "DkimKey",
    "DkimKeyStatus",
    "DnsRecord",
    "DnsRecordPurpose",
    "DnsRecordStatus",
    "DnsRecordType",
    "Domain",
    "DomainCreate",
    "DomainData",
    "DomainKind",
    "DomainStatus",
    "DomainTotals",
    "DomainVerification",
    "DraftSend",
    "DraftUpdate",
    "DraftUpdateHeadersType0",
    "DraftUpdatePriorityType0",
    "Email",
    "EmailAddress",
    "EmailOut",
    "EmailType",
    "EndpointData",
    "Event",
    "EventCreate",
    "EventCreateStatus",
    "EventCreateTransparency",
    "EventRespond",
    "EventRespondResponse",
    "EventTypeInfo",
    "EventTypeInfoDataSchema",
    "EventUpdate",
    "EventUpdateStatusType0",
    "EventUpdateTransparencyType0",
    "ExpandedAccount",
    "ExportAccountsEncoding",
    "ExportAccountsFormat",
    "ExportAccountsLang",
    "ExportContactsVersion",
    "FindTimeRequest",
    "FindTimeResult",
    "FindTimeResultReasonType0",
    "Folder",
    "FolderCounts",
    "FolderCreate",
    "FolderRule",
    "FolderRuleRoleType0",
    "FolderUpdate",
    "Forwarding",
    "ForwardingUpdate",
    "FreeBusyRequest",
    "FreeBusyResult",
    "GetContactVcardVersion",
    "GetHealthResponseGetHealth",
    "GetImportTemplateFormat",
    "GetImportTemplateLang",
    "Group",
    "GroupCreate",
    "GroupCreateSendPolicy",
    "GroupDelivery",
    "GroupExpansion",
    "GroupMember",
    "GroupMemberCreate",
    "GroupMemberCreateKind",
    "GroupMemberCreateRole",
    "GroupMemberKind",
    "GroupSendPolicy",
    "GroupUpdate",
    "GroupUpdateSendPolicyType0",
    "Header",
    "HTTPValidationError",
    "ImportActivationLink",
    "ImportActivationLinksCreate",
    "ImportCounts",
    "ImportResult",
    "Introspection",
    "IntrospectTokenBody",
    "IssueTokenBody",
    "JobData",
    "JobDataCountsType0",
    "ListAccountsRoleType0",
    "ListAccountsStatusType0",
    "ListAuditEntriesCategoryType0Item",
    "ListDomainsKindType0",
    "ListDomainsStatusType0",
    "ListImportRowsStatusType0",
    "ListMailSenderEntriesList",
    "ListMigrationsStatusType0",
    "ListRoomBookingsStatusType0",
    "ListRoomsKindType0",
    "ListWebhookAttemptsOutcomeType0",
    "ListWebhookDeliveriesStatusType0",
    "LoginLink",
    "LoginLinkCreate",
    "MailCounts",
    "MailFolderCreatedEvent",
    "MailFolderDeletedEvent",
    "MailFolderUpdatedEvent",
    "MailMessageBouncedEvent",
    "MailMessageDeletedEvent",
    "MailMessageDeliveredEvent",
    "MailMessageImportedEvent",
    "MailMessageReceivedEvent",
    "MailMessageSentEvent",
    "MailMessageUpdatedEvent",
    "MailSenderEntryCreatedEvent",
    "MailSenderEntryDeletedEvent",
    "MailSettings",
    "MailSettingsForwardingPolicy",
    "MailSettingsUpdate",
    "MailSettingsUpdatedEvent",
    "MailSpamListEntryCreatedEvent",
    "MailSpamListEntryDeletedEvent",
    "MailVolume",
    "Me",
    "MeKind",
    "Message",
    "MessageData",
    "MessageDelivery",
    "MessageParseStatus",
    "MessagesBulkDelete",
    "MessagesBulkUpdate",
    "MessageSummary",
    "MessageSummaryParseStatus",
    "MessageUpdate",
    "MeUpdate",
    "MeUpdateLocaleType0",
    "Migration",
    "MigrationAccount",
    "MigrationAccountCreate",
    "MigrationAccountStatus",
    "MigrationCounts",
    "MigrationCreate",
    "MigrationFailure",
    "MigrationFolderProgress",
    "MigrationFolderProgressRoleType0",
    "MigrationFolderProgressStatus",
    "MigrationSource",
    "MigrationSourceInfo",
    "MigrationSourceInfoProtocol",
    "MigrationSourceInfoSecurity",
    "MigrationSourceProtocol",
    "MigrationSourceSecurity",
    "MigrationStatus",
    "OAuthError",
    "Organization",
    "OrganizationCreate",
    "OrganizationCreated",
    "OrganizationSettings",
    "OrganizationSettingsLocale",
    "OrganizationSettingsMailForwarding",
    "OrganizationSettingsUpdate",
    "OrganizationSettingsUpdateLocaleType0",
    "OrganizationSettingsUpdateMailForwardingType0",
    "OrganizationStats",
    "Organizer",
    "PageAccount",
    "PageAddressBook",
    "PageAlias",
    "PageApp",
    "PageAppPassword",
    "PageAppToken",
    "PageAuditEntry",
    "PageCalendar",
    "PageCalendarShare",
    "PageContact",
    "PageContactGroup",
    "PageDepartment",
    "PageDirectoryImportRow",
    "PageDkimKey",
    "PageDnsRecord",
    "PageDomain",
    "PageEvent",
    "PageEventTypeInfo",
    "PageFolder",
    "PageGroup",
    "PageGroupMember",
    "PageImportActivationLink",
    "PageMessageSummary",
    "PageMigration",
    "PageMigrationAccount",
    "PageMigrationFailure",
    "PageOrganization",
    "PagePlatformEvent",
    "PageRoom",
    "PageSenderEntry",
    "PageSignInLock",
    "PageSpamListEntry",
    "PageThread",
    "PageWebhook",
    "PageWebhookAttempt",
    "PageWebhookDelivery",
    "PasswordChange",
    "PasswordPolicy",
    "PasswordPolicyUpdate",
    "PasswordReset",
    "PasswordResetResult",
    "PersonalData",
    "Phone",
    "PhoneOut",
    "PhoneType",
    "PlatformAppCreatedEvent",
    "PlatformAppDeletedEvent",
    "PlatformAppSecretRotatedEvent",
    "PlatformAppUpdatedEvent",
    "PlatformEvent",
    "PlatformEventData",
    "PostalAddress",
    "PostalAddressOut",
    "PostalAddressType",
    "Problem",
    "RecipientDelivery",
    "RecipientDeliveryStatus",
    "Recurrence",
    "RecurrenceOut",
    "RejectedRecipient",
    "Reminder",
    "ReminderMethod",
    "ReminderOut",
    "ResourceData",
    "RevokeTokenBody",
    "Room",
    "RoomBookingRespond",
    "RoomBookingRespondResponse",
    "RoomCreate",
    "RoomCreateBookingPolicy",
    "RoomCreateKind",
    "RoomUpdate",
    "RoomUpdateBookingPolicyType0",
    "Schedule",
    "ScheduleTypeType0",
    "SecretRotation",
    "SenderEntry",
    "SenderEntryAction",
    "SenderEntryCreate",
    "SenderEntryCreateAction",
    "SenderEntryList",
    "SenderEntryScope",
    "SendRequest",
    "SendRequestHeaders",
    "SendRequestPriority",
    "SendResult",
    "SendResultStatus",
    "SignInLock",
    "SignInLockData",
    "SignInLockKind",
    "SpamFeedback",
    "SpamFeedbackLabel",
    "SpamListEntry",
    "SpamListEntryCreate",
    "SpamListEntryKind",
    "SpamListEntryScope",
    "SpamVerdict",
    "SpamVerdictActionType0",
    "SpamVerdictFeedbackType0",
    "StorageTotals",
    "Suggestion",
    "SuggestionKind",
    "SuggestionSource",
    "Thread",
    "ThreadDetail",
    "TimeSuggestion",
    "TokenResponse",
    "UpdateCalendarEventScopeType0",
    "Upload",
    "UploadCreate",
    "UploadState",
    "ValidationError",
    "ValidationErrorContext",
    "Webhook",
    "WebhookAttempt",
    "WebhookCreate",
    "WebhookDelivery",
    "WebhookEndpointCreatedEvent",
    "WebhookEndpointDeletedEvent",
    "WebhookEndpointDisabledEvent",
    "WebhookEndpointEnabledEvent",
    "WebhookEndpointSecretRotatedEvent",
    "WebhookEndpointTestEvent",
    "WebhookEndpointUpdatedEvent",
    "WebhookRedelivery",
    "WebhookReplay",
    "WebhookReplayResult",
    "WebhookSecretRotation",
    "WebhookUpdate",
    "WebhookWithSecret",
    "WorkingHours",
    "WorkingHoursUsed",
)
