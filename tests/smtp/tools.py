"""Real peers for SMTP tests: Debian packages installed on demand (swaks, postfix, dovecot),
swaks as a client, raw SMTP conversations, and zone lines for the local DNS server."""

from __future__ import annotations

import asyncio
import fcntl
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from api.directory.dns.dkim import generate_key

PEER_SCRIPT = Path(__file__).resolve().parent.parent / "peers" / "postfix-dovecot.sh"


def ensure_binary(binary: str, packages: list[str]) -> str | None:
    """The binary's path, installing the Debian packages when root; None if impossible."""
    found = shutil.which(binary) or next(
        (p for p in (f"/usr/sbin/{binary}", f"/usr/bin/{binary}") if os.path.exists(p)), None)
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return None
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    with open(Path(tempfile.gettempdir()) / "mailplane-apt.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if "postfix" in packages:
            subprocess.run(["debconf-set-selections"], input=b"postfix postfix/main_mailer_type "
                           b"select No configuration\n", env=env, check=False)
        for step in (["apt-get", "install", "-y", "-q", *packages],
                     ["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", *packages]):
            if shutil.which(binary):
                break
            subprocess.run(step, env=env, capture_output=True, timeout=900, check=False)
    return shutil.which(binary) or next(
        (p for p in (f"/usr/sbin/{binary}", f"/usr/bin/{binary}") if os.path.exists(p)), None)


async def run(*argv: str, stdin: bytes | None = None, timeout: float = 60) -> tuple[int, str]:
    """Run a client program without blocking the event loop that serves it."""
    proc = await asyncio.create_subprocess_exec(
        *argv, stdin=asyncio.subprocess.PIPE if stdin is not None else asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await asyncio.wait_for(proc.communicate(stdin), timeout=timeout)
    return int(proc.returncode or 0), out.decode("utf-8", "replace")


async def swaks(port: int, *args: str, timeout: float = 60) -> tuple[int, str]:
    return await run("swaks", "--server", f"127.0.0.1:{port}", "--helo", "client.example.net",
                     *args, timeout=timeout)


class Conversation:
    """A raw SMTP client for what swaks will not send (smuggling, pipelined STARTTLS)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, port: int) -> Conversation:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        self = cls(reader, writer)
        await self.reply()
        return self

    async def reply(self, timeout: float = 10) -> str:
        lines = []
        while True:
            line = (await asyncio.wait_for(self.reader.readline(), timeout)).decode()
            if not line:
                break
            lines.append(line.rstrip("\r\n"))
            if len(line) < 4 or line[3] != "-":
                break
        return "\n".join(lines)

    async def send(self, data: bytes) -> None:
        self.writer.write(data)
        await self.writer.drain()

    async def command(self, line: str) -> str:
        await self.send(line.encode() + b"\r\n")
        return await self.reply()

    async def close(self) -> None:
        self.writer.close()
        try:
            await self.writer.wait_closed()
        except (ConnectionError, OSError):
            pass


def txt(name: str, value: str) -> str:
    chunks = " ".join('"' + value[i:i + 200] + '"' for i in range(0, len(value), 200))
    return f"{name}. 60 IN TXT {chunks}"


def new_dkim_key() -> tuple[str, str]:
    """(private PEM, public base64) for a sender domain the tests play."""
    return generate_key(1024)
