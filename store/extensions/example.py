"""The example extension (digital skills, a digital-mentoring service kind) for demos and tests.

``install_example`` writes and commits ``extensions/<org>-digital-skills.yaml`` for the
repository's organisation; ``use_example`` then records values in some assessments and puts the
open-end service kind in some plan measures, each a normal validated store write.
"""

from __future__ import annotations

from typing import Any

from kototieto.model.extensions import ExtensionSet
from kototieto.store.extensions.changes import commit_definitions
from kototieto.store.extensions.load import EXTENSIONS_DIR, load_extensions
from kototieto.store.extensions.usage import head_records
from kototieto.store.gitcommit import atomic_write
from kototieto.store.repository import Repository
from kototieto.store.store import Store

TEMPLATE = """\
# Pilot extension of {org}: digital skills in the assessment, digital mentoring as a service kind.
organisation: '{org}'
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
    rationale:
      fi: Useimmat julkiset palvelut ovat ensisijaisesti digitaalisia; pilotti ohjaa digimentorointiin.
      sv: De flesta offentliga tjänster är i första hand digitala; piloten hänvisar till digitalt mentorskap.
      en: Most public services are digital first; the pilot refers people to digital mentoring.
    decree_items: [D1.13]
    example: basic
code_lists:
  - name: digital-skill-level
    labels: {{fi: Digitaitojen taso, sv: Nivå av digitala färdigheter, en: Digital skill level}}
    definitions:
      fi: Kuinka itsenäisesti henkilö käyttää digitaalisia palveluja.
      sv: Hur självständigt personen använder digitala tjänster.
      en: How independently the person uses digital services.
    values:
      - code: none
        labels: {{fi: Ei digitaitoja, sv: Inga digitala färdigheter, en: No digital skills}}
      - code: basic
        labels: {{fi: Perustaidot, sv: Grundläggande färdigheter, en: Basic skills}}
      - code: independent
        labels: {{fi: Itsenäinen käyttäjä, sv: Självständig användare, en: Independent user}}
  - extends: service-kind
    values:
      - code: {prefix}-digital-mentoring
        labels: {{fi: Digimentorointi, sv: Digitalt mentorskap, en: Digital mentoring}}
"""
LEVELS = ("none", "basic", "independent")


def example_text(org_code: str) -> str:
    return TEMPLATE.format(org=org_code, prefix=org_code.lower())


def install_example(repo: Repository, *, author: str | None = None) -> ExtensionSet:
    """Write and commit the example definitions for the repository's organisation."""
    org = repo.config.organisation.code
    atomic_write(
        repo.root / EXTENSIONS_DIR / f"{org.lower()}-digital-skills.yaml", example_text(org).encode("utf-8")
    )
    commit_definitions(repo, f"Extensions: digital skills (pilot {org})\n", author)
    return load_extensions(repo.root)


def use_example(repo: Repository, *, every: int = 3, plans: bool = True, author: str | None = None) -> int:
    """Record the example values in every ``every``-th assessment (and plan); returns records written."""
    org = repo.config.organisation.code
    field_id, code = f"{org}.digital-skills", f"{org.lower()}-digital-mentoring"
    store = Store(repo, author=author)
    changed: list[dict[str, Any]] = []
    n = 0
    for _, _, data in sorted(head_records(repo), key=lambda item: item[0]):
        if data.get("annulment"):
            continue
        if data.get("kind") in ("assessment", "multisectoral-assessment"):
            n += 1
            if n % every == 0:
                data["extensions"] = {**(data.get("extensions") or {}), field_id: LEVELS[(n // every) % 3]}
                changed.append(data)
        elif plans and str(data.get("kind", "")).endswith("plan") and data.get("measures"):
            n += 1
            if n % every == 0:
                data["measures"][-1]["service_kind"] = code
                changed.append(data)
    for data in changed:
        store.save(data, message=f"Use the digital skills extension in {data.get('kind')} {data.get('id')}")
    return len(changed)
