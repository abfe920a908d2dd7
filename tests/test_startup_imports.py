"""Start-up (issue 14): what ``koto`` imports before a command's own work, checked in fresh processes.

No timing here (speed targets live in ``bench/bench_startup.py``); these tests hold the structure
that keeps start-up short: ``koto --help`` imports neither the store nor the model, the write path
(``koto add``) imports no renderer, catalogue, report or web piece, and the record models' field
annotations are evaluated by Python at class creation (no ``from __future__ import annotations`` in
those modules: pydantic would compile and evaluate every field's annotation string on import).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

#: Never needed to write one record (nor for ``koto --help``).
HEAVY = (
    "jinja2",
    "weasyprint",
    "babel",
    "markdown",
    "openpyxl",
    "pyarrow",
    "pycountry",
    "kototieto.model.catalogue",
    "kototieto.model.trace",
    "kototieto.model.jsonschema",
    "kototieto.templates",
    "kototieto.reports",
    "kototieto.site",
    "kototieto.web",
    "kototieto.exchange",
    "kototieto.synthetic",
    "kototieto.demo",
)
#: What ``koto --help`` (``import kototieto.cli.main``) leaves for the commands to import.
NOT_FOR_HELP = (*HEAVY, "pydantic", "pygit2", "ruamel", "yaml", "kototieto.model.records", "kototieto.store")
WRITE_PATH = "import kototieto.cli.cmd_write, kototieto.store.store, kototieto.model.validation"


def imported_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(out.stdout.splitlines()[-1]))


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(n for n in names if n in modules or any(m.startswith(n + ".") for m in modules))


def test_koto_help_imports_neither_store_nor_model() -> None:
    modules = imported_after("import kototieto.cli.main")
    assert "click" in modules  # control: the probe sees what the import brought in
    assert loaded(modules, NOT_FOR_HELP) == []


def test_the_write_path_imports_nothing_heavy() -> None:
    modules = imported_after(WRITE_PATH)
    assert {"pydantic", "pygit2", "kototieto.model.records"} <= modules  # control
    assert loaded(modules, HEAVY) == []


def test_the_probe_sees_a_heavy_import() -> None:
    """Control for the two tests above: importing the catalogue is seen."""
    modules = imported_after(f"{WRITE_PATH}\nimport kototieto.model.catalogue")
    assert loaded(modules, HEAVY) == ["kototieto.model.catalogue", "kototieto.model.trace"]


def test_pydantic_looks_for_no_plugins_unless_the_user_allows_them() -> None:
    """The CLI switches pydantic's plugin search off (``kototieto.cli``, pydantic's documented
    ``PYDANTIC_DISABLE_PLUGINS``); a value the user has set is kept."""
    probe = "import kototieto.cli, os\nprint(repr(os.environ['PYDANTIC_DISABLE_PLUGINS']))"
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}

    def run(extra: dict[str, str]) -> str:
        out = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env={**env, **extra}
        )
        return out.stdout.strip()

    assert run({}) == "'__all__'"
    assert run({"PYDANTIC_DISABLE_PLUGINS": "my_plugin"}) == "'my_plugin'"


@pytest.mark.parametrize(
    "module", ["common", "record", "customer", "assessment", "plan", "review", "guidance"]
)
def test_record_model_annotations_are_not_strings(module: str) -> None:
    import importlib

    from pydantic import BaseModel

    mod = importlib.import_module(f"kototieto.model.{module}")
    models = [v for v in vars(mod).values() if isinstance(v, type) and issubclass(v, BaseModel)]
    own = [m for m in models if m.__module__ == mod.__name__]
    assert own  # control: the module defines record models
    strings = [
        f"{m.__name__}.{name}"
        for m in own
        for name, hint in vars(m).get("__annotations__", {}).items()
        if isinstance(hint, str)
    ]
    assert strings == []
