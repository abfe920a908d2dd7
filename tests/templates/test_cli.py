"""``koto render`` on a real data repository (hermetic Git): one record, a dossier, all records."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from kototieto.errors import ExitCode
from tests.templates import _support as S

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One repository for the module (the tests only read it); hermetic git for the module's tests."""
    with pytest.MonkeyPatch.context() as mp:
        yield S.sample_repo(tmp_path_factory.mktemp("render"), mp)


def test_render_one_record_to_pdf_in_swedish_masked(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    done = S.koto(
        repo,
        "render",
        "pln-2025-04-10-a1b2",
        "--lang",
        "sv",
        "--format",
        "pdf",
        "-o",
        str(out),
        "--mask-identity",
    )
    assert done.returncode == 0, done.stderr
    text = " ".join(S.pdf_pages(out.read_bytes()))
    assert "Integrationsplan" in text and "Amina Sara Haddad" in text
    assert "150388-****" in text and "150388-9127" not in text
    assert "Gjorda översyner" in text  # the plan's review, read from the repository


def test_render_markdown_to_stdout_and_dossier(repo: Path, tmp_path: Path) -> None:
    done = S.koto(
        tmp_path,
        "render",
        "rev-2025-10-10-9a8b",
        "-C",
        str(repo),
        "--format",
        "md",
        "--lang",
        "en",
        "-o",
        "-",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Tampereen kaupunki\n\n# ")
    assert "10 April 2025\u20139 April 2026" in done.stdout  # the reviewed plan's period
    dossier = tmp_path / "d.html"
    done = S.koto(repo, "render", "c-4f2a9b1e", "--dossier", "--format", "html", "-o", str(dossier))
    assert done.returncode == 0, done.stderr
    assert dossier.read_text(encoding="utf-8").count('<article class="record"') == 7


def test_render_all_in_parallel(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "printed"
    done = S.koto(
        repo,
        "render",
        "--all",
        "--out",
        str(out),
        "--kind",
        "integration-plan",
        "--kind",
        "review",
        "--lang",
        "fi",
        "--lang",
        "en",
        "-j",
        "2",
    )
    assert done.returncode == 0, done.stderr
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.pdf"))
    assert files == [
        "c-4f2a9b1e/pln-2025-04-10-a1b2.en.pdf",
        "c-4f2a9b1e/pln-2025-04-10-a1b2.fi.pdf",
        "c-4f2a9b1e/rev-2025-10-10-9a8b.en.pdf",
        "c-4f2a9b1e/rev-2025-10-10-9a8b.fi.pdf",
    ]
    reader = PdfReader(io.BytesIO((out / files[1]).read_bytes()))
    assert "Kotoutumissuunnitelma" in (reader.pages[0].extract_text() or "")
    assert not list(out.rglob("*.tmp"))


def test_render_errors(repo: Path, tmp_path: Path) -> None:
    missing = S.koto(repo, "render", "no-such-record", "-o", str(tmp_path / "x.pdf"))
    assert missing.returncode == ExitCode.NOT_FOUND and "no-such-record" in missing.stderr
    assert not (tmp_path / "x.pdf").exists()
    no_out = S.koto(repo, "render", "--all")
    assert no_out.returncode == ExitCode.USAGE
    bad_kind = S.koto(repo, "render", "--all", "--out", str(tmp_path / "o"), "--kind", "letter")
    assert bad_kind.returncode == ExitCode.USAGE and "letter" in bad_kind.stderr
    not_repo = S.koto(tmp_path, "render", "pln-2025-04-10-a1b2", "-C", str(tmp_path / "nowhere"))
    assert not_repo.returncode != 0
