"""The README's five-minute tour and every code block of README.md and sdk/README.md run
against a `make run` server, as a new user would run them (bash, curl, the repository's
.venv python; no swaks)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.examples.demo_server import REPO, DemoServer, until

FENCE = re.compile(r"```(\w+)\n(.*?)```", re.S)


def blocks(path: Path, language: str) -> list[str]:
    return [body for lang, body in FENCE.findall(path.read_text()) if lang == language]


def _ports(demo: DemoServer) -> dict[str, int]:
    for line in demo.log.read_text(errors="replace").splitlines():
        if '"smtp edge listening"' in line:
            return {k: int(v) for k, v in json.loads(line)["ports"].items()}
    raise AssertionError(demo.server_log_tail())


def _python_env(demo: DemoServer) -> dict[str, str]:
    return demo.example_env()


def test_the_tour_runs_with_what_make_run_installed(demo: DemoServer) -> None:
    tour = blocks(REPO / "README.md", "sh")[1]
    assert "swaks --server" not in tour.split("(`swaks`")[0]
    ports = _ports(demo)
    script = (
        tour.replace("http://127.0.0.1:8025", demo.url)
        .replace('"127.0.0.1", 2525', f'"127.0.0.1", {ports["mx"]}')
        .replace('"127.0.0.1", 5870', f'"127.0.0.1", {ports["submission"]}')
        .replace(".venv/bin/python", sys.executable)
        .replace("curl -s ", "curl -sf ")  # a 4xx or 5xx fails the tour
    )
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script], cwd=demo.base, env=_python_env(demo),
        capture_output=True, text=True, timeout=180,
    )
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}\n{demo.server_log_tail()}"
    admin = demo.admin_client()

    def arrived(subject: str, box: str) -> bool:
        page = admin.get(f"/v1/accounts/{box}/mail/messages", params={"q": subject}).json()
        return any(m["subject"] == subject for m in page["data"])

    until(lambda: arrived("hello over SMTP", "zhang.wei@demo.mailplane.test"), "the MX mail")
    until(lambda: arrived("via SMTP AUTH", "admin@demo.mailplane.test"), "the submitted mail")


def _run_python(demo: DemoServer, code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=demo.base, env=_python_env(demo),
        capture_output=True, text=True, timeout=120,
    )


def test_every_python_block_of_the_readmes_runs(demo: DemoServer) -> None:
    found = blocks(REPO / "README.md", "python") + blocks(REPO / "sdk" / "README.md", "python")
    assert len(found) >= 4
    for code in found:
        done = _run_python(demo, textwrap.dedent(code))
        assert done.returncode == 0, f"{code}\n--- stderr\n{done.stderr}"


def test_the_sdk_readme_lists_by_pinyin_and_signs_in_with_pkce(demo: DemoServer) -> None:
    first, _, pkce = blocks(REPO / "sdk" / "README.md", "python")[:3]
    done = _run_python(demo, first.replace("wang.fang", "wang.fang2").replace("E2001", "E2002")
                       .replace('name="Sales"', 'name="Sales 2"'))
    assert done.returncode == 0, done.stderr
    assert "wang.fang2@demo.mailplane.test" in done.stdout
    assert "not_found req_" in done.stdout
    creds = demo.credentials
    check = pkce + textwrap.dedent(f"""
        flow, started = sign_in_url({demo.url!r}, {creds["client_id"]!r}, None)
        assert "code_challenge_method=S256" in started.url and started.code_verifier
        print(started.url)
    """)
    done = _run_python(demo, check)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(demo.url + "/oauth/authorize?")
