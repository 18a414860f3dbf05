"""Organisations (tenants), provisioned by the installation's platform operators."""
