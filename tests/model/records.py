"""Minimal valid records of every kind, for rule tests (synthetic people only)."""

from __future__ import annotations

from typing import Any

ORG = {"type": "municipality", "code": "091", "name": "Helsingin kaupunki"}
COUNTY_ORG = {"type": "wellbeing-services-county", "code": "01", "name": "Itä-Uudenmaan hyvinvointialue"}
OFFICIAL = [{"name": "Aino Testaaja", "title": "kotoutumisen ohjaaja", "organisation": "Helsingin kaupunki"}]


def customer(**over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "customer",
        "id": "c-00000001",
        "organisation": ORG,
        "date": "2025-01-10",
        "identifier": {"type": "personal-identity-code", "value": "010190-900P"},
        "first_names": "Testi Amina",
        "last_name": "Keksitty",
        "date_of_birth": "1990-01-01",
        "native_language": "ar",
        "citizenships": ["SY"],
        "home_municipality": "091",
        "first_residence": {"type": "residence-permit", "date": "2024-09-02"},
    }
    data.update(over)
    return data


def assessment(**over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "assessment",
        "id": "asm-00000001",
        "customer": "c-00000001",
        "organisation": ORG,
        "date": "2025-03-14",
        "drawn_up_by": OFFICIAL,
        "plan_timing": {"plan_kind": "integration-plan", "timing": "date", "date": "2025-04-10"},
        "literacy": {"level": "literate-latin", "sources": ["official-observation"]},
    }
    data.update(over)
    return data


def plan(**over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "integration-plan",
        "id": "pln-00000001",
        "customer": "c-00000001",
        "organisation": ORG,
        "date": "2025-04-10",
        "drawn_up_by": OFFICIAL,
        "assessment": "asm-00000001",
        "period": {"start": "2025-04-10", "end": "2026-04-09"},
        "goals": [{"description": "Suomen kieli tasolle B1.1"}],
        "measures": [
            {
                "service_kind": "integration-training",
                "description": "Kotoutumiskoulutus",
                "organiser": {"type": "municipality"},
                "start": "2025-05-05",
            }
        ],
        "first_review": "2025-10-10",
    }
    data.update(over)
    return data


def review(**over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "review",
        "id": "rev-00000001",
        "customer": "c-00000001",
        "organisation": ORG,
        "date": "2025-10-10",
        "drawn_up_by": OFFICIAL,
        "plan": "pln-00000001",
        "plan_kind": "integration-plan",
        "next_review": "2026-03-10",
        "participation": {"status": "participated"},
        "progress": "Edistynyt hyvin.",
    }
    data.update(over)
    return data


def guidance(**over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "guidance",
        "id": "gdn-00000001",
        "customer": "c-00000001",
        "organisation": ORG,
        "date": "2025-02-03",
        "drawn_up_by": OFFICIAL,
        "consent": {"given": True, "date": "2025-02-03", "informed": True},
    }
    data.update(over)
    return data
