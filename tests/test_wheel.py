"""The wheel carries data/, templates/ and ui/, and the installed program runs on its bundled data."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


#: What the wheel build does not need from the checkout (and what it must not see: old build output).
_NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv*", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", "tests"
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Built from a copy of the sources: setuptools writes build/ and *.egg-info beside the project, and the
    # checkout must stay clean after the tests.
    source = tmp_path_factory.mktemp("wheel-src") / "balti-monitor"
    shutil.copytree(ROOT, source, ignore=_NOT_COPIED)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(source)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (found,) = out.glob("balti_monitor-*.whl")
    return found


@pytest.mark.slow
def test_wheel_contains_the_resources(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "balti_monitor/data/pla_2023_2027.json" in names
    assert "balti_monitor/data/demo_2023_S1.json" in names
    assert "balti_monitor/data/subdivisions.json" in names
    assert "balti_monitor/data/kinds/guvernare.json" in names  # the plan kinds (docs/plan_kinds.md)
    assert any(n.startswith("balti_monitor/templates/") and n.endswith(".docx") for n in names)
    assert any(n.startswith("balti_monitor/ui/") for n in names)
    # the core's translations: compiled in the build, only the .mo files shipped (issue 17)
    assert "balti_monitor/locale/ru/LC_MESSAGES/balti_monitor.mo" in names
    assert "balti_monitor/locale/ro/LC_MESSAGES/balti_monitor.mo" in names
    assert not any(n.endswith(".po") for n in names)
    # the GUI's catalogues: compiled by the build (setup.py), their sources beside them
    for language in ("ro", "ru"):
        assert f"balti_monitor/ui/balti_monitor_{language}.qm" in names
        assert f"balti_monitor/ui/balti_monitor_{language}.ts" in names


@pytest.mark.slow
def test_installed_wheel_runs_demo_in_a_fresh_venv(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    requires = [
        line.split(":", 1)[1].strip()
        for line in zipfile.ZipFile(wheel)
        .read(next(n for n in zipfile.ZipFile(wheel).namelist() if n.endswith("METADATA")))
        .decode()
        .splitlines()
        if line.startswith("Requires-Dist:") and "extra ==" not in line
    ]
    # Qt is not needed for the command line; everything else installs as a user would get it.
    core_requires = [r for r in requires if not r.lower().startswith("pyside6")]
    subprocess.run([str(py), "-m", "pip", "install", "-q", *core_requires], check=True, timeout=600)
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True, timeout=600)
    script = env_dir / "bin" / "balti-monitor"
    db = tmp_path / "fresh.sqlite"
    result = subprocess.run(
        [str(script), "--db", str(db), "demo"], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    where = subprocess.run(
        [str(py), "-c", "import balti_monitor.resources as r; print(r.resource_dir('data'))"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    ).stdout
    assert str(env_dir) in where, where
    check = subprocess.run(
        [str(script), "--db", str(db), "check", "--period", "2023-S1"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert check.returncode == 1
    assert "1.13 · Indicator 2" in check.stdout
    russian = subprocess.run(
        [str(script), "--lang", "ru", "--db", str(db), "check", "--period", "2023-S1"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
    )
    assert russian.returncode == 1
    assert "1.13 · Индикатор 2" in russian.stdout
