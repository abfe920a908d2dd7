"""A municipality's own templates and logo, from its data repository's templates/ folder."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest

from kototieto.templates.render import render_record
from tests.templates import _support as S

# A 1x1 PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
)


def test_override_a_partial_by_name(tmp_path: Path) -> None:
    (tmp_path / "_signatures.html.j2").write_text(
        '<section class="signatures"><p>Oma kuittausteksti: {{ ctx.organisation }}</p></section>\n',
        encoding="utf-8",
    )
    recs = S.records()
    plan = S.by_kind(recs, "integration-plan")
    html = str(
        render_record(plan, "fi", "html", customer=recs[0], repo_templates_dir=tmp_path, today=S.TODAY)
    )
    assert "Oma kuittausteksti: Tampereen kaupunki" in html
    assert "Asiakkaan allekirjoitus" not in html
    default = str(render_record(plan, "fi", "html", customer=recs[0], today=S.TODAY))
    assert "Oma kuittausteksti" not in default and "Asiakkaan allekirjoitus" in default


def test_override_one_kind_and_the_stylesheet(tmp_path: Path) -> None:
    (tmp_path / "review.html.j2").write_text(
        '{% extends "record.html.j2" %}{% block body %}<p>Vain tarkistus {{ ctx.record_id }}</p>{% endblock %}',
        encoding="utf-8",
    )
    (tmp_path / "print.css").write_text("body { color: #123456; }\n", encoding="utf-8")
    recs = S.records()
    review = str(
        render_record(S.by_kind(recs, "review"), "fi", "html", repo_templates_dir=tmp_path, today=S.TODAY)
    )
    assert "Vain tarkistus rev-2025-10-10-9a8b" in review and "#123456" in review
    plan = str(
        render_record(
            S.by_kind(recs, "integration-plan"), "fi", "html", repo_templates_dir=tmp_path, today=S.TODAY
        )
    )
    assert "Vain tarkistus" not in plan and "Sovitut toimenpiteet" in plan


def test_override_is_still_autoescaped_and_strict(tmp_path: Path) -> None:
    from jinja2 import UndefinedError

    (tmp_path / "_person.html.j2").write_text("<p>{{ ctx.no_such_field }}</p>", encoding="utf-8")
    recs = S.records()
    with pytest.raises(UndefinedError):
        render_record(
            S.by_kind(recs, "guidance"),
            "fi",
            "html",
            customer=recs[0],
            repo_templates_dir=tmp_path,
            today=S.TODAY,
        )


@pytest.mark.slow
def test_logo_from_the_repository_templates_folder(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(PNG)
    recs = S.records()
    plan = S.by_kind(recs, "integration-plan")
    html = str(render_record(plan, "fi", "html", repo_templates_dir=tmp_path, today=S.TODAY))
    assert 'class="logo" src="data:image/png;base64,' in html
    assert 'alt="Organisaation tunnus: Tampereen kaupunki"' in html
    pdf = render_record(plan, "fi", "pdf", repo_templates_dir=tmp_path, today=S.TODAY)
    assert isinstance(pdf, bytes)
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        xobjects = doc.pages[0].obj.Resources.get("/XObject", {})
        assert any(str(x.get("/Subtype")) == "/Image" for x in xobjects.values())
    no_logo = str(render_record(plan, "fi", "html", today=S.TODAY))
    assert 'class="logo"' not in no_logo
