"""DNS for hosted domains: the records Mailplane needs, verification, SPF, DKIM keys."""
