"""Domain-free building blocks every endpoint uses: ids, pagination, etags, idempotency, clock."""
