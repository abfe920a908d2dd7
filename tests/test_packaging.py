"""The built wheel installs and works in a fresh virtual environment (no source tree on the path)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=900)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.mark.slow
def test_wheel_installs_and_imports_in_a_fresh_venv(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    uv = str(Path(sys.executable).with_name("uv"))
    _run([uv, "build", "-q", "--wheel", "--out-dir", str(dist), str(ROOT)], tmp_path)
    wheels = list(dist.glob("kototieto-*.whl"))
    assert len(wheels) == 1
    venv = tmp_path / "venv"
    _run([uv, "venv", "-q", "--python", sys.executable, str(venv)], tmp_path)
    python = venv / "bin" / "python"
    # Runtime dependencies at the locked versions (constraints), the package from the wheel.
    _run(
        [
            uv,
            "pip",
            "install",
            "-q",
            "--python",
            str(python),
            str(wheels[0]),
            "-c",
            str(ROOT / "requirements.lock"),
        ],
        tmp_path,
    )
    check = (
        "import importlib.resources as r, json, kototieto, kototieto.model.catalogue as c, "
        "kototieto.store, kototieto.templates, kototieto.site, kototieto.cli.main;"
        "assert 'site-packages' in kototieto.__file__, kototieto.__file__;"
        "assert (r.files('kototieto.model') / 'data' / 'municipalities.csv').is_file();"
        "assert any(p.name.endswith('.j2') for p in r.files('kototieto.templates').iterdir());"
        "print(json.dumps({'fields': len(c.catalogue_json()['fields'])}))"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    out = _run([str(python), "-c", check], tmp_path, env)
    assert '"fields"' in out
    # The user's folders are not importable by their folder names from an installed package.
    done = subprocess.run([str(python), "-c", "import model"], cwd=tmp_path, capture_output=True, env=env)
    assert done.returncode != 0
    help_text = _run([str(venv / "bin" / "koto"), "--help"], tmp_path, env)
    assert "catalogue" in help_text
