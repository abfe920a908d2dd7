"""A fixed synthetic customer with one record of every kind: for previews, tests and benchmarks.

Invented people only (identity codes with individual numbers 900-999). Free text is Finnish, as an
official in a Finnish municipality would write it; documents print it as written in every language.
``sample_records(measures=N)`` makes the plan longer to test page breaks.
"""

from __future__ import annotations

from typing import Any

from kototieto.model.records import Record, parse_record

ORG = {"type": "municipality", "code": "837", "name": "Tampereen kaupunki"}
CONTACT = {
    "name": "Liisa Esimerkki",
    "title": "kotoutumisen ohjaaja",
    "organisation": "Tampereen kaupunki, maahanmuuttajapalvelut",
    "phone": "+358 40 000 0912",
    "email": "liisa.esimerkki@example.fi",
}
CUSTOMER_ID = "c-4f2a9b1e"

_SERVICES = (
    (
        "integration-training",
        "Kotoutumiskoulutus, suomen kieli ja yhteiskuntataidot, 4 moduulia",
        "educational-institution",
        "Tampereen aikuiskoulutuskeskus",
    ),
    (
        "civic-orientation",
        "Yhteiskuntaorientaatio omalla kielellä (arabia), 60 tuntia",
        "municipality",
        "Tampereen kaupunki",
    ),
    (
        "employment-services",
        "Työnhaun valmennus ja ammatillinen ohjaus",
        "employment-authority",
        "Pirkanmaan työllisyysalue",
    ),
    ("vocational-education", "Lähihoitajakoulutuksen valmentava jakso", "educational-institution", "Tredu"),
    (
        "third-sector-activity",
        "Naisten kielikahvila ja vertaistukiryhmä",
        "third-sector",
        "Monikulttuurinen yhdistys ry",
    ),
    (
        "health-services",
        "Terveystarkastus ja hammashoito",
        "wellbeing-services-county",
        "Pirkanmaan hyvinvointialue",
    ),
)
_STATUSES = ("ongoing", "planned", "planned", "planned", "ongoing", "completed")


def _measure(i: int) -> dict[str, Any]:
    kind, text, org_type, org_name = _SERVICES[i % len(_SERVICES)]
    month = 5 + (i % 7)
    out: dict[str, Any] = {
        "service_kind": kind,
        "description": text if i < len(_SERVICES) else f"{text} (jakso {i + 1})",
        "organiser": {"type": org_type, "name": org_name},
        "start": f"2025-{month:02d}-05",
        "status": _STATUSES[i % len(_STATUSES)],
    }
    if i % 3 != 2:
        out["end"] = f"2025-{month + 1:02d}-28"
    return out


def sample_data(measures: int = 5) -> list[dict[str, Any]]:
    """Record data of one customer: customer, assessment, plan, review, guidance and the others."""
    base = {"organisation": ORG, "customer": CUSTOMER_ID, "drawn_up_by": [CONTACT]}
    customer = {
        "kind": "customer",
        "id": CUSTOMER_ID,
        "organisation": ORG,
        "date": "2025-02-03",
        "identifier": {"type": "personal-identity-code", "value": "150388-9127"},
        "first_names": "Amina Sara",
        "last_name": "Haddad",
        "date_of_birth": "1988-03-15",
        "native_language": "ar",
        "other_languages": ["en", "fr"],
        "citizenships": ["SY"],
        "home_municipality": "837",
        "first_residence": {"type": "residence-permit", "date": "2024-09-02"},
        "interpretation_needed": True,
        "interpretation_language": "ar",
    }
    assessment = {
        "kind": "assessment",
        "id": "asm-2025-03-14-k3f9",
        **base,
        "date": "2025-03-14",
        "specifying_measures": [
            {
                "kind": "language-skills-assessment",
                "planned_date": "2025-04-01",
                "how": "Lähtötasotesti kotoutumiskoulutuksen järjestäjällä.",
            }
        ],
        "plan_timing": {"plan_kind": "integration-plan", "timing": "date", "date": "2025-04-10"},
        "literacy": {"level": "literate-latin", "sources": ["official-observation"]},
        "finnish_skills": {"level": "a1-2", "method": "lähtötasotesti", "sources": ["service-provider"]},
        "employment_education_needs": {
            "employment_services": True,
            "education_services": True,
            "sources": ["person"],
        },
        "previous_education": {
            "entries": [
                {
                    "level": "isced-6",
                    "field": "kemia",
                    "country": "SY",
                    "years": 3.5,
                    "completed": True,
                    "documented": True,
                }
            ],
            "sources": ["document"],
            "source_details": "Tutkintotodistus, toimitettu 3.2.2025",
        },
        "work_experience": {
            "entries": [{"occupation": "laborantti", "country": "SY", "years": 2}],
            "sources": ["person"],
        },
        "wishes_and_goals": {
            "wishes": "Haluaa työskennellä laboratoriossa tai opiskella lähihoitajaksi.",
            "sources": ["person"],
        },
        "life_situation": {
            "description": "Asuu puolison ja kahden lapsen kanssa; nuorempi lapsi ilman päivähoitopaikkaa.",
            "service_needs": ["social-services"],
            "sources": ["person"],
        },
    }
    multi = {
        **assessment,
        "kind": "multisectoral-assessment",
        "id": "masm-2025-03-20-b7c1",
        "date": "2025-03-20",
    }
    multi["mental_health_rehabilitation_needs"] = {
        "description": "Unettomuutta; ohjattu arvioon.",
        "sources": ["other-authority"],
    }
    plan = {
        "kind": "integration-plan",
        "id": "pln-2025-04-10-a1b2",
        **base,
        "date": "2025-04-10",
        "assessment": "asm-2025-03-14-k3f9",
        "period": {"start": "2025-04-10", "end": "2026-04-09"},
        "goals": [
            {"description": "Suomen kielen taito tasolle B1.1.", "target_date": "2026-03-31"},
            {"description": "Pääsy lähihoitajakoulutukseen syksyllä 2026."},
        ],
        "measures": [_measure(i) for i in range(measures)],
        "other_content": "Asiakas osallistuu kirjaston kielikahvilaan omatoimisesti.\nLastenhoito järjestetään kurssipäivinä kunnan avoimessa päiväkodissa.",
        "first_review": "2025-10-10",
        "sources": ["person", "other-authority"],
        "source_details": "Kotoutumiskoulutuksen lähtötasotesti 1.4.2025",
    }
    multi_plan = {
        **plan,
        "kind": "multisectoral-plan",
        "id": "mpln-2025-04-20-c3d4",
        "date": "2025-04-20",
        "wellbeing_services_county": "06",
    }
    family_plan = {
        **plan,
        "kind": "family-plan",
        "id": "fpln-2025-05-02-e5f6",
        "date": "2025-05-02",
        "family_members": [
            {"name": "Omar Haddad", "relation": "spouse", "date_of_birth": "1985-07-21"},
            {"name": "Lina Haddad", "relation": "child", "date_of_birth": "2016-05-02"},
        ],
    }
    review = {
        "kind": "review",
        "id": "rev-2025-10-10-9a8b",
        **base,
        "date": "2025-10-10",
        "plan": "pln-2025-04-10-a1b2",
        "plan_kind": "integration-plan",
        "next_review": "2026-02-10",
        "participation": {"status": "participated"},
        "progress": "Suomen kieli edennyt tasolle A2.1.",
        "obstacles": "Lastenhoito järjestymättä syksyllä.",
        "changes": [
            {
                "change": "added",
                "service_kind": "vocational-education",
                "organiser": {"type": "educational-institution", "name": "Tredu"},
            }
        ],
    }
    guidance = {
        "kind": "guidance",
        "id": "gdn-2025-02-03-1c2d",
        **base,
        "date": "2025-02-03",
        "consent": {"given": True, "date": "2025-02-03", "informed": True},
        "service_needs": {"service_kinds": ["employment-services"], "description": "Etsii työtä."},
        "guided_to": [
            {
                "organiser": {"type": "municipality", "name": "Tampereen kaupunki"},
                "service_kind": "civic-orientation",
            }
        ],
        "other_matters": "Kysyi lasten harrastusmahdollisuuksista.",
    }
    return [customer, guidance, assessment, multi, plan, multi_plan, family_plan, review]


def sample_records(measures: int = 5) -> list[Record]:
    """The sample data as validated records (customer first)."""
    return [parse_record(d) for d in sample_data(measures)]
