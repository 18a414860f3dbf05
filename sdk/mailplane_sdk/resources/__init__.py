"""The namespaces of the client (`mp.accounts`, `mp.mail`, …), one module per API area."""
