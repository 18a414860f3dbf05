"""Bulk account import (CSV and XLSX, UTF-8 and GB18030) and export."""
