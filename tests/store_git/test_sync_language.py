"""`koto sync` stopping at a conflict, a settled merge, `koto add --replace` and `koto erase` speak
the user's language (review 2026-12-newcomer A2/A17/B5): a real `git daemon` remote and clones."""

from __future__ import annotations

from pathlib import Path

import pytest

from kototieto.store.store import Store
from tests.store_git import _support as S
from tests.store_git import test_sync as SY
from tests.store_git.test_sync_settle import clone

remote = SY.remote  # the git daemon fixture

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    S.hermetic(tmp_path, monkeypatch)


@pytest.mark.parametrize(
    ("lang", "word", "english"),
    [
        ("fi", "RISTIRIITA gdn-0001", "CONFLICT"),
        ("sv", "KONFLIKT gdn-0001", "CONFLICT"),
        ("en", "CONFLICT gdn-0001", ""),
    ],
)
def test_the_conflict_line_is_in_the_language(
    remote: str, tmp_path: Path, lang: str, word: str, english: str
) -> None:
    a = clone(remote, tmp_path / "a", "Aino Ahonen")
    a.save(SY._guidance("c-0001"))
    assert SY.sync(a).returncode == 0
    b = clone(remote, tmp_path / "b", "Bertta Berg")
    SY.edit(a, "gdn-0001", other_matters="Kysyi asumisesta.")
    SY.edit(b, "gdn-0001", other_matters="Kysyi töistä.")
    assert SY.sync(a).returncode == 0
    out = S.koto(b.repo.root, "sync", env={"KOTO_LANG": lang})
    assert out.returncode == 6, out.stdout + out.stderr
    line = next(x for x in out.stdout.splitlines() if "gdn-0001" in x)
    assert line.startswith(word) and line.endswith("): other_matters"), line
    assert not english or english not in out.stdout + out.stderr


def test_a_koto_profile_without_git_config_commits_the_merges(
    remote: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review 2026-12-newcomer B5 (one identity everywhere): with only `koto profile` set (no
    `git config user.*`), `koto sync` merges and `koto resolve` commits the merge as the profile,
    instead of git's "Committer identity unknown"."""
    a = clone(remote, tmp_path / "a", "Aino Ahonen")
    a.save(SY._guidance("c-0001"))
    assert SY.sync(a).returncode == 0
    b = SY.clone(remote, tmp_path / "b")  # no user.name/email of its own
    SY.edit(a, "gdn-0001", other_matters="Kysyi asumisesta.")
    SY.edit(b, "c-0002", first_names="Toinen Uusi")
    assert SY.sync(a).returncode == 0
    bare = tmp_path / "no-identity.gitconfig"  # git may not guess a name from the host either
    bare.write_text("[user]\n\tuseConfigOnly = true\n[init]\n\tdefaultBranch = main\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(bare))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert S.git(b.repo.root, "config", "user.name", check=False) == ""
    done = S.koto(b.repo.root, "profile", "--name", "Bertta Berg", "--email", "bertta@example.org")
    assert done.returncode == 0, done.stderr
    out = SY.sync(b)
    assert out.returncode == 0, out.stdout + out.stderr
    assert S.git(b.repo.root, "log", "-1", "--format=%an <%ae> %cn <%ce> %p").split(" ", 6)[:6] == [
        "Bertta",
        "Berg",
        "<bertta@example.org>",
        "Bertta",
        "Berg",
        "<bertta@example.org>",
    ]
    SY.edit(a, "gdn-0001", other_matters="Kysyi töistä.")
    assert SY.sync(a).returncode == 0
    SY.edit(b, "gdn-0001", other_matters="Kysyi kielikurssista.")
    assert SY.sync(b).returncode == 6
    settled = S.koto(b.repo.root, "resolve", "gdn-0001", "--take", "theirs")
    assert settled.returncode == 0, settled.stdout + settled.stderr
    merge = S.git(b.repo.root, "log", "-1", "--format=%an|%ce|%p").strip().split("|")
    assert merge[:2] == ["Bertta Berg", "bertta@example.org"] and len(merge[2].split()) == 2


def test_settled_merge_replace_and_erase_lines_are_in_the_language(remote: str, tmp_path: Path) -> None:
    fi = {"KOTO_LANG": "fi"}
    a = clone(remote, tmp_path / "a", "Aino Ahonen")
    a.save(SY._guidance("c-0001"))
    assert SY.sync(a).returncode == 0
    b = clone(remote, tmp_path / "b", "Bertta Berg")
    SY.edit(a, "gdn-0001", other_matters="Kysyi asumisesta.")
    SY.edit(b, "gdn-0001", other_matters="Kysyi töistä.")
    assert SY.sync(a).returncode == 0
    assert SY.sync(b).returncode == 6
    f = b.repo.root / Store.open(b.repo.root).find_path("gdn-0001")
    f.write_text("".join(x for x in f.read_text().splitlines(True) if "koto-conflict" not in x))
    done = S.koto(b.repo.root, "commit", "-m", "sovittu", env=fi)
    assert done.returncode == 0 and done.stdout.startswith("Yhdistäminen tallennettu (muutos "), done.stdout

    record = b.repo.root / Store.open(b.repo.root).find_path("c-0002")
    incoming = tmp_path / "c-0002.yaml"
    incoming.write_text(record.read_text().replace("last_name: Asiakas", "last_name: Uusi"))
    assert "last_name: Uusi" in incoming.read_text()
    replaced = S.koto(b.repo.root, "add", "--replace", str(incoming), env=fi)
    assert replaced.returncode == 0 and "Korvataan c-0002 (" in replaced.stderr, replaced.stderr

    erased = S.koto(b.repo.root, "erase", "c-0002", "--reason", "Asiakkaan pyyntö", "--yes", env=fi)
    assert erased.returncode == 0, erased.stderr
    steps = [x for x in erased.stdout.splitlines() if x.startswith("  - ")]
    assert steps[0].startswith("  - lähetä uudelleenkirjoitettu historia heti: git push --force --all origin")
    assert "koto sync --drop-erased" in steps[1] and "clone" not in erased.stdout, erased.stdout
