"""The ceiling for api_overhead.py: a bare Starlette app returning the same JSON as /v1/me."""

from __future__ import annotations

import json
import sys

import uvicorn
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route

BODY = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {"ok": True}
RAW = json.dumps(BODY, separators=(",", ":")).encode()


async def me(request):  # type: ignore[no-untyped-def]
    return Response(RAW, media_type="application/json")


async def health(request):  # type: ignore[no-untyped-def]
    return Response(b'{"status":"ok"}', media_type="application/json")


app = Starlette(routes=[Route("/v1/me", me), Route("/healthz", health)])

if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False)
