"""The measuring tools work: generated catalogues validate, run.py and --startup-time report.

No timing is asserted here: only that the figures exist and the tools run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.cli import main
from explorer.model import load_catalog
from tests.content_factory import ContentFactory

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import gen_catalogue  # noqa: E402


def test_generated_catalogue_validates_and_has_realistic_roles(tmp_path: Path) -> None:
    out = tmp_path / "catalogue"
    gen_catalogue.generate(out, 40)
    result = load_catalog(out)
    assert result.issues == ()
    roles = list(result.catalog.roles.values())
    assert len(roles) == 40
    assert len(result.catalog.families) == len(gen_catalogue.FAMILIES)

    def mean(values: list[int]) -> float:
        return sum(values) / len(values)

    assert 7 <= mean([len(r.missions) for r in roles]) <= 9
    assert 10 <= mean([len(r.skills) for r in roles]) <= 13
    assert 4 <= mean([len(r.aliases) for r in roles]) <= 6
    assert all(any(not c.isascii() for c in r.summary + "".join(r.missions)) for r in roles)
    assert main(["validate", str(out)]) == 0


def test_bundled_shape_puts_every_role_in_the_seven_bundled_families(tmp_path: Path) -> None:
    out = tmp_path / "catalogue"
    gen_catalogue.generate(out, 70, families="bundled", big_role_bytes=120_000)
    result = load_catalog(out)
    assert result.issues == ()
    bundled = load_catalog(ROOT / "content").catalog
    assert [f.id for f in result.catalog.families] == [f.id for f in bundled.families]
    per_family = [len(result.catalog.roles_of(f.id)) for f in bundled.families]
    assert sum(per_family) == 71 and min(per_family) >= 10  # 70 + the size-limit role
    big = out / "roles" / f"{gen_catalogue.BIG_ROLE}.toml"
    assert 100_000 <= big.stat().st_size <= 120_000
    # Careers lead somewhere: evolutions within a family, close roles linked both ways.
    roles = result.catalog.roles
    for role in roles.values():
        for link in role.related:
            if link.kind == "evolution":
                assert roles[link.role].family == role.family
            else:
                assert any(back.role == role.id for back in roles[link.role].related)


def test_generation_is_deterministic(tmp_path: Path) -> None:
    gen_catalogue.generate(tmp_path / "a", 25)
    gen_catalogue.generate(tmp_path / "b", 25)
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.toml"))
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*.toml"))
    assert files_a == files_b
    for name in files_a:
        a, b = tmp_path / "a" / name, tmp_path / "b" / name
        assert a.read_bytes() == b.read_bytes()
        assert a.stat().st_mtime == b.stat().st_mtime == gen_catalogue.FIXED_MTIME


def test_generator_command_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "catalogue"
    assert gen_catalogue.main(["--roles", "3", "--out", str(out)]) == 0
    with pytest.raises(SystemExit):
        gen_catalogue.main(["--roles", "3", "--out", str(out)])
    assert gen_catalogue.main(["--roles", "5", "--out", str(out), "--force"]) == 0
    assert len(list((out / "roles").glob("*.toml"))) == 5


def test_startup_time_reports_each_phase(
    content_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--startup-time", "--json", "--content", str(content_dir)]) == 0
    report = json.loads(capsys.readouterr().out)
    for key in ("imports_ms", "content_load_ms", "index_build_ms", "first_frame_ms", "total_ms"):
        assert report[key] >= 0
    assert report["roles"] == 3
    assert report["cache"] in ("written", "not written")
    assert main(["--startup-time", "--content", str(content_dir)]) == 0
    text = capsys.readouterr().out
    for label in ("imports", "chargement du contenu", "index de recherche", "première image"):
        assert label in text
    assert "total" in text


@pytest.fixture
def content_dir(content: ContentFactory) -> Path:
    return content.write()


def test_json_before_a_command_or_alone_is_refused(
    content_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["--json"])
    assert "--startup-time" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--startup-time", "list"])
    capsys.readouterr()
    assert main(["list", "--json", "--content", str(content_dir)]) == 0
    assert json.loads(capsys.readouterr().out)["families"]


def test_run_quick_writes_its_tables_and_figures(tmp_path: Path) -> None:
    completed = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--quick",
            "--only",
            "30",
            "--out",
            str(tmp_path / "results"),
        ],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        cwd=ROOT,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    (written,) = (tmp_path / "results").glob("bench-*-quick.json")
    payload = json.loads(written.read_text(encoding="utf-8"))
    result = payload["results"]["30"]
    assert result["roles"] == 30
    (pair,) = result["warm"]
    assert pair["app_ms"] > pair["first_frame_ms"] > 0 and pair["baseline_ms"] > 0
    (session,) = result["interactive"]
    assert session["keys"] and session["compare"] and session["favourite"]
    (reading,) = result["reading"]
    assert len(reading["actions"]) == len("developpeur") + 2 + 1  # keys, then a comparison
    assert isinstance(reading["collections_in_actions"], list)
    (answers,) = result["model"]
    for row in ("search", "rerank", "path", "team", "decode"):
        assert answers[row]["calls_ms"], row
    assert payload["machine"]["nproc"]
    table = completed.stdout
    assert "| start-up, 30 roles in 7 families, warm | ≤ 1.3 × |" in table
    assert "| decode a 5,000-char ad p95, 30 | ≤ 50 ms |" in table
    assert "| keystroke p95 (app CPU) |" in table
    assert "| longest action, session with pauses to read (app CPU) |" in table
