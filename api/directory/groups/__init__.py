"""Groups: mailing lists with members of four kinds, a send policy and an expansion."""
