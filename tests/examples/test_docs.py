"""Every example opens with a docstring that names its OA scenario and tells how to run it
against `make run`, and answers --help without a server."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from tests.examples.demo_server import REPO

EXAMPLES = [
    "hr_sync.py",
    "workflow_notification.py",
    "book_meeting.py",
    "webhook_receiver.py",
    "portal_unread.py",
    "graphql_dashboard.py",
]


def test_the_six_examples_are_there() -> None:
    assert sorted(p.name for p in (REPO / "examples").glob("*.py")) == sorted(EXAMPLES)


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_says_what_it_serves_and_how_to_run_it(name: str) -> None:
    source = (REPO / "examples" / name).read_text()
    doc = ast.get_docstring(ast.parse(source))
    assert doc, f"{name} has no module docstring"
    assert "OA scenario:" in doc
    assert "`make run`" in doc and f"examples/{name}" in doc
    done = subprocess.run(
        [sys.executable, str(REPO / "examples" / name), "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: ")
