"""Published catalogue snapshots: ``catalogue-<version>.json`` files committed in this folder.

The site's change log and ``koto catalogue change-paper`` compare the current catalogue with the
last published one (the highest version, compared part by part: numbers as numbers). Publishing is
``koto site snapshot``, then committing the new file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kototieto.errors import InvalidInputError, NotFoundError
from kototieto.model.text import T

SNAPSHOT_DIR = Path(__file__).resolve().parent


def _version_key(path: Path) -> tuple[Any, ...]:
    version = path.stem.removeprefix("catalogue-")
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"[.-]", version))


def snapshot_files(folder: Path = SNAPSHOT_DIR) -> list[Path]:
    """Snapshot files, oldest version first."""
    return sorted(folder.glob("catalogue-*.json"), key=_version_key) if folder.is_dir() else []


def find_latest_snapshot(folder: Path = SNAPSHOT_DIR) -> dict[str, Any] | None:
    """The last published catalogue, or None when nothing was published yet."""
    files = snapshot_files(folder)
    if not files:
        return None
    try:
        data = json.loads(files[-1].read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InvalidInputError(
            T(
                "{p}: tietosisällön tilannekuvaa ei voi lukea: {exc}",
                "{p}: ögonblicksbilden av datainnehållet kan inte läsas: {exc}",
                "{p}: cannot read the catalogue snapshot: {exc}",
            ).format(p=files[-1], exc=exc)
        ) from exc
    if not isinstance(data, dict) or "fields" not in data:
        raise InvalidInputError(
            T(
                "{p}: tietosisällön tilannekuvan pitää olla tietosisällön JSON-objekti",
                "{p}: en ögonblicksbild av datainnehållet ska vara ett JSON-objekt för datainnehållet",
                "{p}: a catalogue snapshot must be a catalogue JSON object",
            ).format(p=files[-1])
        )
    return data


def latest_snapshot(folder: Path = SNAPSHOT_DIR) -> dict[str, Any]:
    """The last published catalogue; NotFoundError when there is none."""
    data = find_latest_snapshot(folder)
    if data is None:
        raise NotFoundError(
            T(
                "Kansiossa {f} ei ole julkaistua tietosisällön tilannekuvaa: julkaise se komennolla "
                "`koto site snapshot`",
                "Ingen publicerad ögonblicksbild av datainnehållet i {f}: publicera en med `koto site snapshot`",
                "no published catalogue snapshot in {f}: publish one with `koto site snapshot`",
            ).format(f=folder)
        )
    return data


def publish_snapshot(catalogue: Mapping[str, Any], folder: Path = SNAPSHOT_DIR) -> Path:
    """Write ``catalogue-<version>.json`` (sorted keys, so re-publishing is byte-stable).

    External code lists are stored without their values: the diff skips them.
    """
    version = str(catalogue.get("version") or "")
    if not re.fullmatch(r"[0-9A-Za-z.+-]+", version):
        raise InvalidInputError(
            T(
                "Tietosisällön versiosta {v!r} ei voi tehdä tilannekuvan tiedostonimeä",
                "Datainnehållets version {v!r} duger inte som namn på en ögonblicksbild",
                "catalogue version {v!r} cannot name a snapshot file",
            ).format(v=version)
        )
    data = dict(catalogue)
    lists = []
    for cl in data.get("code_lists", []):
        if cl.get("external"):
            # authoritative lists (ISO 639: 7,000 languages) are not catalogue content: the diff
            # skips them, so the snapshot keeps only their size
            cl = {k: v for k, v in cl.items() if k != "values"} | {"value_count": len(cl.get("values") or [])}
        lists.append(cl)
    data["code_lists"] = lists
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"catalogue-{version}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path
