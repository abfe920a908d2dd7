"""Record schema migrations: functions from version N to N+1 on plain data.

Version 1 (the memo's wording) called D1.03 ``expert_assessments``; version 2 follows the issued
decree 874/2024 and calls it ``specifying_measures``. Version 3 drops the plan-ending ground
``registered-jobseeker``: under memo 3 § 4 mom. a plan does not end when the customer registers as a
jobseeker, its review passes to the employment authority (D3.15). A version-2 review with that ground
becomes a review with ``employment_referral`` (the referral's date is the ending date) and no
``plan_ended``. The step is idempotent, so records written without a ``schema_version`` get it too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kototieto.model.record import CURRENT_SCHEMA_VERSION

Data = dict[str, Any]


def _v1_to_v2(data: Data) -> Data:
    out = dict(data)
    if "expert_assessments" in out:
        out["specifying_measures"] = out.pop("expert_assessments")
    return out


def _v2_to_v3(data: Data) -> Data:
    ended = data.get("plan_ended")
    if (
        data.get("kind") != "review"
        or not isinstance(ended, dict)
        or ended.get("ground") != "registered-jobseeker"
    ):
        return data
    out = dict(data)
    del out["plan_ended"]
    if not out.get("employment_referral"):
        referral: Data = {"date": ended.get("date")}
        if ended.get("description"):
            referral["reason"] = ended["description"]
        out["employment_referral"] = referral
    return out


#: ``MIGRATIONS[n]`` turns a version-n record into a version-(n+1) record.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {1: _v1_to_v2, 2: _v2_to_v3}


def migrate(data: Data) -> Data:
    """Bring ``data`` to ``CURRENT_SCHEMA_VERSION``; a record without a version is taken as current.

    Unknown (newer or non-integer) versions are returned unchanged for validation to report.
    """
    if "schema_version" not in data:
        return _v2_to_v3(data)  # no version: taken as current, with the one idempotent clean-up
    version = data.get("schema_version", CURRENT_SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version >= CURRENT_SCHEMA_VERSION:
        return data
    out = dict(data)
    while version < CURRENT_SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            return out
        out = step(out)
        version += 1
        out["schema_version"] = version
    return out


__all__ = ["CURRENT_SCHEMA_VERSION", "MIGRATIONS", "migrate"]
