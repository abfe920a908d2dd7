"""Shared helpers of the extension tests: hermetic Git, a data repository with definitions, records.

Loaded by each test module with ``importlib`` (tests run with ``--import-mode=importlib``).
"""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests import gitenv

BIN = Path(sys.executable).parent
KOTO = str(BIN / "koto")

#: A complete definition file: one field with its own code list, one boolean, one open-end code.
DEFINITIONS = """\
# Pilot extensions of Testikunta (091).
organisation: '091'
fields:
  - name: digital-skills
    kinds: [assessment, multisectoral-assessment]
    type: code
    code_list: digital-skill-level
    obligation: may
    status: in-trial
    labels:
      fi: Digitaidot
      sv: Digitala färdigheter
      en: Digital skills
    definitions:
      fi: Maahanmuuttajan taito käyttää digitaalisia palveluja arvioinnin hetkellä.
      sv: Invandrarens förmåga att använda digitala tjänster vid bedömningen.
      en: The immigrant's ability to use digital services at the time of the assessment.
    rationale: Most public services are digital first; the pilot refers people to digital mentoring.
    decree_items: [D1.13]
    example: basic
  - name: bike-owner
    kinds: [assessment]
    type: boolean
    labels: {fi: Oma polkupyörä, sv: Egen cykel, en: Owns a bicycle}
    definitions:
      fi: Onko henkilöllä käytössään polkupyörä.
      sv: Om personen har en cykel.
      en: Whether the person has a bicycle.
    rationale: Travel to training in sparsely populated areas.
    need: mobility to services
  - name: mentor-notes
    kinds: [assessment]
    type: long-text
    labels: {fi: Mentorin huomiot, sv: Mentorns anteckningar, en: Mentor's notes}
    definitions: {fi: Vapaat huomiot., sv: Fria anteckningar., en: Free notes.}
    rationale: Mentors asked for a place of their own.
    need: mentoring
code_lists:
  - name: digital-skill-level
    labels: {fi: Digitaitojen taso, sv: Nivå av digitala färdigheter, en: Digital skill level}
    definitions:
      fi: Kuinka itsenäisesti henkilö käyttää digitaalisia palveluja.
      sv: Hur självständigt personen använder digitala tjänster.
      en: How independently the person uses digital services.
    values:
      - code: none
        labels: {fi: Ei digitaitoja, sv: Inga digitala färdigheter, en: No digital skills}
      - code: basic
        labels: {fi: Perustaidot, sv: Grundläggande färdigheter, en: Basic skills}
      - code: independent
        labels: {fi: Itsenäinen käyttäjä, sv: Självständig användare, en: Independent user}
  - extends: service-kind
    values:
      - code: 091-digital-mentoring
        labels: {fi: Digimentorointi, sv: Digitalt mentorskap, en: Digital mentoring}
"""


def hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A HOME of the test's own with the one hermetic Git set-up (``tests/gitenv.py``)."""
    return gitenv.apply(tmp_path / "home", monkeypatch)


def make_repo(path: Path, definitions: dict[str, str] | None = None) -> Any:
    """A data repository of organisation 091; ``definitions``: file name -> text under extensions/."""
    from kototieto.store.scaffold import init_repository

    repo = init_repository(path, organisation_code="091", name="Testikunta")
    for name, text in (definitions or {}).items():
        (path / "extensions").mkdir(exist_ok=True)
        (path / "extensions" / name).write_text(text, encoding="utf-8")
    return repo


def git(cwd: Path, *args: str) -> str:
    out = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise AssertionError(f"git {' '.join(args)}: {out.stderr}")
    return out.stdout


def koto(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.setdefault("KOTO_LANG", "en")  # the tests read English messages unless they choose a language
    return subprocess.run([KOTO, *args], cwd=cwd, capture_output=True, text=True, check=False, env=env)


_DATASET: list[dict[str, Any]] | None = None


def dataset() -> list[dict[str, Any]]:
    """Synthetic records (deep copies) of a few customers, all of organisation 091."""
    global _DATASET
    if _DATASET is None:
        from kototieto.model.records import record_to_data
        from kototieto.synthetic.generator import generate_dataset

        _DATASET = [
            record_to_data(r) for r in generate_dataset(customers=6, seed=11, today=date(2026, 11, 28))
        ]
    out = copy.deepcopy(_DATASET)
    for d in out:
        d["organisation"] = {"type": "municipality", "code": "091", "name": "Testikunta"}
    return out


def first(kind: str, records: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return next(d for d in (records or dataset()) if d["kind"] == kind)


def customer_and(kind: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """A record of ``kind`` (without annulment) and its customer record."""
    records = dataset()
    rec = next(d for d in records if d["kind"] == kind and not d.get("annulment"))
    cust = next(d for d in records if d["kind"] == "customer" and d["id"] == rec["customer"])
    return cust, rec


def fast_yaml(path: Path) -> dict[str, Any]:
    from kototieto.store.bulkload import fast_load

    return fast_load(path.read_bytes(), str(path))
