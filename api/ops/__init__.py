"""Operations: health and readiness, Prometheus metrics, JSON logs with request ids."""
