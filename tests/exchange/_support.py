"""Shared helpers of the exchange tests: the report tests' hermetic Git and generated repositories."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "_reports_support_for_exchange", Path(__file__).parents[1] / "reports" / "_support.py"
)
assert _spec and _spec.loader
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)

hermetic_env = _mod.hermetic_env
make_repo = _mod.make_repo
koto = _mod.koto
git = _mod.git
KOTO = _mod.KOTO
TODAY = _mod.TODAY
