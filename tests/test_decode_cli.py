"""`explorer decode [FILE | -] [--limit N] [--json]`: the command's contract."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from explorer.model.decode import AD_LIMIT
from tests.cli_run import run

ADS = Path(__file__).parent / "ads"
SEA_AD = ADS / "referenceur-sea.txt"


def stdin_bytes(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "decode", str(SEA_AD), "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert set(data) == {"roles", "skills", "terms"}
    assert len(data["roles"]) == 3
    best = data["roles"][0]
    assert set(best) == {"role", "title", "score", "why"}
    assert (best["role"], best["title"]) == ("referenceur-sea", "Référenceur SEA")
    assert best["why"][0].startswith(("titre « ", "alias « "))
    scores = [role["score"] for role in data["roles"]]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)
    assert {"referencement-payant", "achat-media", "plan-de-marquage"} <= set(data["skills"])
    assert {"roi", "kpi"} <= set(data["terms"])


def test_limit(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "decode", str(SEA_AD), "--json", "--limit", "5")
    assert code == 0 and len(json.loads(out)["roles"]) == 5


@pytest.mark.parametrize("limit", ["0", "deux"])
def test_a_bad_limit_is_refused_in_french(capsys: pytest.CaptureFixture[str], limit: str) -> None:
    code, out, err = run_exit(capsys, "decode", str(SEA_AD), "--limit", limit)
    assert code == 2 and out == "" and "--limit" in err


def run_exit(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`run` for argument errors, which argparse reports by exiting."""
    with pytest.raises(SystemExit) as exit_info:
        run(capsys, *argv)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def test_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin_bytes(monkeypatch, "Chargé·e d’emailing H/F\nNewsletters et RGPD.".encode())
    code, out, _ = run(capsys, "decode", "-", "--json")
    assert code == 0 and json.loads(out)["roles"][0]["role"] == "charge-emailing"
    # Without FILE, the ad is read from standard input too.
    stdin_bytes(monkeypatch, "Chargé(e) d'emailing\n".encode())
    code, out, _ = run(capsys, "decode", "--json")
    assert code == 0 and json.loads(out)["roles"][0]["role"] == "charge-emailing"


def test_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "decode", str(SEA_AD))
    assert code == 0
    lines = out.splitlines()
    assert "Métiers les plus proches" in lines
    assert any(line.startswith("  1. Référenceur SEA") and "%" in line for line in lines)
    assert any("titre « " in line or "alias « " in line for line in lines)
    # Skills under their category, terms with their definition.
    assert lines.index("  Marketing et vente") < lines.index("    - Référencement payant (SEA)")
    assert any(line.startswith("  ROI : ") for line in lines)


def test_jargon_is_printed_literally(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ad = tmp_path / "annonce.txt"
    ad.write_text("[bold]Référenceur SEO[/bold] \x1b[31m\nSEO et KPI.", encoding="utf-8")
    code, out, _ = run(capsys, "decode", str(ad))
    assert code == 0 and "\x1b" not in out and "Référenceur SEO" in out


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n\x00\x01\x02", "ce n’est pas un texte"),
        ("Référenceur".encode("latin-1"), "ce n’est pas un texte : encodage UTF-8 attendu"),
        (b"a" * (AD_LIMIT + 1), "fichier trop volumineux (maximum 200 ko)"),
        (b" \n\t\n", "l’annonce est vide"),
    ],
)
def test_a_file_that_is_not_an_ad_is_refused_by_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data: bytes, message: str
) -> None:
    ad = tmp_path / "annonce.pdf"
    ad.write_bytes(data)
    code, out, err = run(capsys, "decode", str(ad))
    assert (code, out) == (2, "")
    assert err.startswith(f"explorer: {ad} : {message}"), err
    assert "Traceback" not in err


def test_missing_file_and_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "decode", str(tmp_path / "absente.txt"))
    assert code == 2 and err == f"explorer: {tmp_path / 'absente.txt'} : fichier introuvable\n"
    code, _, err = run(capsys, "decode", str(tmp_path))
    assert code == 2 and err == f"explorer: {tmp_path} : est un dossier, pas un fichier\n"


def test_oversized_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin_bytes(monkeypatch, b"SEO " * AD_LIMIT)
    code, out, err = run(capsys, "decode", "-")
    assert (code, out) == (2, "")
    assert err == "explorer: entrée standard : fichier trop volumineux (maximum 200 ko)\n"


def test_help_is_french(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run(capsys, "decode", "--help")
    out = capsys.readouterr().out
    assert "annonce" in out and "--limit" in out and "--json" in out
    assert "show this help" not in out
