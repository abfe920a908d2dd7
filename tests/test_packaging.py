"""The built wheel installs and works in a fresh virtual environment (no source tree on the path).

Offline: the wheel is built with the setuptools already installed (``pip wheel
--no-build-isolation --no-index``) and installed without dependencies into a new venv, which
finds the (locked) runtime dependencies in this environment's site-packages through a ``.pth``
file. No package index is asked for anything.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OFFLINE = {"PIP_NO_INDEX": "1", "UV_OFFLINE": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    full = {**(env if env is not None else os.environ), **OFFLINE}
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=full, timeout=900)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.mark.slow
def test_wheel_installs_and_imports_in_a_fresh_venv(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    pip = [sys.executable, "-m", "pip"]
    _run(
        [*pip, "wheel", "-q", "--no-build-isolation", "--no-deps", "--no-index", "-w", str(dist), str(ROOT)],
        tmp_path,
    )
    wheels = list(dist.glob("kototieto-*.whl"))
    assert len(wheels) == 1
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp_path)
    python = venv / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    # the runtime dependencies: this environment's (locked) packages, after the venv's own
    paths = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (site / "_koto_test_dependencies.pth").write_text("\n".join(paths) + "\n", encoding="utf-8")
    _run(
        [*pip, "--python", str(python), "install", "-q", "--no-deps", "--no-index", str(wheels[0])], tmp_path
    )
    check = (
        "import importlib.resources as r, json, kototieto, kototieto.model.catalogue as c, "
        "kototieto.store, kototieto.templates, kototieto.site, kototieto.cli.main;"
        f"assert kototieto.__file__.startswith({str(venv)!r}), kototieto.__file__;"
        "assert (r.files('kototieto.model') / 'data' / 'municipalities.csv').is_file();"
        "assert any(p.name.endswith('.j2') for p in r.files('kototieto.templates').iterdir());"
        "import kototieto.web.app;"
        "assert (r.files('kototieto.web') / 'static' / 'htmx.min.js').is_file();"
        "assert (r.files('kototieto.web') / 'templates' / 'base.html.j2').is_file();"
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
