"""Regenerate the SDK's generated layer from openapi/openapi.json (openapi-python-client).

    python -m tests.sdk_generation --write   # what `make sdk` runs
"""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests import sdk_params

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "openapi.json"
CONFIG = ROOT / "sdk" / "openapi-python-client.yaml"
TARGET = ROOT / "sdk" / "mailplane_sdk" / "generated"


def generate(into: Path) -> Path:
    out = into / "generated"
    exe = Path(sys.executable).parent / "openapi-python-client"
    subprocess.run(
        [str(exe), "generate", "--path", str(SPEC), "--output-path", str(out),
         "--config", str(CONFIG), "--meta", "none", "--overwrite"],
        check=True, capture_output=True, text=True,
    )
    for cache in out.rglob("__pycache__"):
        shutil.rmtree(cache)
    (out / "params.py").write_text(sdk_params.render(SPEC))
    return out


def differences(a: Path, b: Path) -> list[str]:
    cmp = filecmp.dircmp(a, b, ignore=["__pycache__"])
    out = [f"only in fresh: {n}" for n in cmp.left_only]
    out += [f"only in sdk: {n}" for n in cmp.right_only]
    out += [f"differs: {n}" for n in cmp.diff_files]
    for name in cmp.subdirs:
        out += [f"{name}/{d}" for d in differences(a / name, b / name)]
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = generate(Path(tmp))
        if "--write" in sys.argv:
            shutil.rmtree(TARGET, ignore_errors=True)
            shutil.copytree(fresh, TARGET)
            print(f"wrote {TARGET.relative_to(ROOT)}")
        else:
            diff = differences(fresh, TARGET) if TARGET.exists() else ["sdk not generated"]
            print("\n".join(diff) or "up to date")
            sys.exit(1 if diff else 0)


if __name__ == "__main__":
    main()
