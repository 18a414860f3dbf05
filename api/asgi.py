"""ASGI entry point for multi-process serving (`uvicorn api.asgi:app --workers N`)."""

from api.app import create_app

app = create_app(migrate=False)
