"""Contacts and contact groups, vCard 3.0/4.0 in and out."""
