"""Migration's own error codes, each a subclass of the one error tree in `api.errors`."""

from __future__ import annotations

from api.errors import ValidationFailed


class MigrationCsvInvalid(ValidationFailed):
    code, title = "migration_csv_invalid", "The migration CSV is not valid"
