"""The direction of imports between the top-level folders, read from the source (``ast``).

Every ``import`` and ``from ... import`` counts, at module level, inside functions and under
``TYPE_CHECKING`` alike. The layers (README, "Architecture"):

- ``core`` (``kototieto``: errors, i18n) imports nothing of the project (its ``__main__`` starts the CLI);
- ``model`` imports only ``core``; ``synthetic`` imports ``model``;
- ``store`` imports ``model`` (never ``templates``, ``site``, ``reports``, ``demo``, ``synthetic``, ``cli``);
- ``reports``, ``templates`` and ``exchange`` import ``model`` and ``store``; ``site`` shows the
  reports' figures (key figures, charts, fill rates), so it may import ``reports`` too;
- ``web``, ``demo`` and ``cli`` are the applications: they may import anything (``web``
  and ``demo`` never ``cli``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = (
    "core",
    "model",
    "synthetic",
    "store",
    "reports",
    "templates",
    "site",
    "exchange",
    "web",
    "demo",
    "cli",
)
LIBRARY = {"core", "model", "synthetic", "store", "reports", "templates", "site", "exchange"}
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "model": {"core"},
    "synthetic": {"core", "model"},
    "store": {"core", "model"},
    "reports": {"core", "model", "store"},
    "templates": {"core", "model", "store"},
    "exchange": {"core", "model", "store", "reports"},
    "site": {"core", "model", "store", "reports"},
    "web": LIBRARY,
    "demo": LIBRARY,
    "cli": LIBRARY | {"web", "demo"},
}
#: The one allowed exception: ``python -m kototieto`` runs the CLI.
EXCEPTIONS = {("core/__main__.py", "cli")}


def _module(rel: Path) -> list[str]:
    parts = list(rel.with_suffix("").parts)
    top, rest = parts[0], parts[1:]
    if rest and rest[-1] == "__init__":
        rest = rest[:-1]
    return ["kototieto", *([] if top == "core" else [top]), *rest]


def _folder_of(name: str) -> str | None:
    """The top-level folder of an imported module name; None when it is not the project's."""
    parts = name.split(".")
    if parts[0] != "kototieto":
        return None
    if len(parts) > 1 and parts[1] in FOLDERS and parts[1] != "core":
        return parts[1]
    return "core"


def imports_of(path: Path, rel: Path) -> list[tuple[int, str]]:
    """(line, module name) of every import in ``path`` (at ``rel`` in the tree), relative imports
    resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    module = _module(rel)
    package = module if path.name == "__init__.py" else module[:-1]
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                name = ".".join([*base, *([node.module] if node.module else [])])
            else:
                name = node.module or ""
            if name == "kototieto":  # from kototieto import model, errors, ...
                out.extend((node.lineno, f"kototieto.{alias.name}") for alias in node.names)
            else:
                out.append((node.lineno, name))
    return out


def source_files() -> list[Path]:
    return [
        p for folder in FOLDERS for p in sorted((ROOT / folder).rglob("*.py")) if (ROOT / folder).is_dir()
    ]


def violations(files: list[tuple[Path, Path]]) -> list[str]:
    """Imports against the direction, of ``(file, its path in the tree)`` pairs."""
    found = []
    for path, where in files:
        folder = where.parts[0]
        rel = where.as_posix()
        for line, name in imports_of(path, where):
            target = _folder_of(name)
            if target is None or target == folder or (rel, target) in EXCEPTIONS:
                continue
            if target not in ALLOWED[folder]:
                found.append(f"{rel}:{line}: {folder} imports {name} ({target})")
    return found


def test_every_import_goes_in_the_allowed_direction() -> None:
    files = source_files()
    assert len(files) > 100  # the scan sees the whole tree
    assert violations([(p, p.relative_to(ROOT)) for p in files]) == []


@pytest.mark.parametrize(
    ("folder", "code", "bad"),
    [
        ("model", "def f():\n    from kototieto.store import layout\n", True),  # function level counts
        (
            "store",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from kototieto.site import build\n",
            True,
        ),
        ("store", "from ...reports import load\n", True),  # relative import resolved
        ("store", "from kototieto import synthetic\n", True),
        ("templates", "from kototieto.store import store\nfrom kototieto.model import records\n", False),
        ("model", "from kototieto.errors import KotoError\n", False),
    ],
)
def test_the_check_itself_catches_a_wrong_import(tmp_path: Path, folder: str, code: str, bad: bool) -> None:
    """The checker on a planted module, as if it were ``<folder>/sub/probe.py``."""
    path = tmp_path / "probe.py"
    path.write_text(code, encoding="utf-8")
    assert bool(violations([(path, Path(folder, "sub", "probe.py"))])) is bad


def test_the_model_does_not_mention_synthetic_data() -> None:
    """The synthetic data generator has its own folder; the record model knows nothing of it."""
    mentions = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in sorted((ROOT / "model").rglob("*.py"))
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if "synthetic" in line.lower()
    ]
    assert mentions == []
