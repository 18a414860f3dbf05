"""Departments: the organisation's tree, with managers and members."""
