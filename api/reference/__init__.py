"""The API reference pages (Swagger UI at /docs, a ReDoc reference at /reference, GraphiQL at
/graphql), served entirely by Mailplane from installed packages: no CDN, so they work on an
intranet without internet access."""
