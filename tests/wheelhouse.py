"""A local wheelhouse, so that the tests that install sm-lint (test_wheel, test_precommit,
test_documented_commands) never reach a package index: pip runs with `offline_pip(env, house)`,
which turns the index off and points pip at the house only (the machine's pip configuration,
whose find-links or extra indexes may hold a local mirror that CI elsewhere would not have, is
not read).

The house holds sm-lint's own wheel, built from this checkout, and a wheel of every distribution
it needs (its dependencies, the `lsp` extra, the build backend, `build` for docs/release.md),
taken from what this test venv already has installed. No maintained tool turns an installed
distribution back into a wheel (pip builds wheels from sources only; `wheel pack` needs an
unpacked wheel), so `repack` does it, as the wheel format (PEP 427) allows: the files its RECORD
lists, at the same paths, with the dist-info's WHEEL (and so its tag) kept and a new RECORD; the
files it installed outside site-packages go back under `<name>.data/` (scripts, headers, data),
except the console scripts pip writes itself from entry_points.txt; bytecode and the files pip
adds at install time (INSTALLER, REQUESTED, direct_url.json) are left out."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import os
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.tags import sys_tags
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
SUPPORTED = {str(t) for t in sys_tags()}
ADDED_AT_INSTALL = {"INSTALLER", "REQUESTED", "RECORD", "direct_url.json"}


def needed() -> list[str]:
    """What the tests' installs ask for: sm-lint's dependencies and its `lsp` extra
    (docs/editors.md), the build backend (`pip install .`), `build` (docs/release.md)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return [
        *project["project"]["dependencies"],
        *project["project"]["optional-dependencies"]["lsp"],
        *project["build-system"]["requires"],
        "build",
    ]


def closure(requirements: Iterable[str]) -> list[metadata.Distribution]:
    """The installed distributions that `requirements` need, with their own requirements (markers
    evaluated here, extras followed)."""
    installed = {canonicalize_name(d.metadata["Name"]): d for d in metadata.distributions()}
    found: dict[str, metadata.Distribution] = {}
    followed: set[tuple[str, str]] = set()
    todo = [(Requirement(r), "") for r in requirements]
    while todo:
        requirement, extra = todo.pop()
        if requirement.marker and not requirement.marker.evaluate({"extra": extra}):
            continue
        name = canonicalize_name(requirement.name)
        if name not in installed:
            raise LookupError(f"{requirement.name} is not installed in the test venv: pip install -e '.[test]'")
        found[name] = installed[name]
        for extra_name in {"", *requirement.extras} - {e for n, e in followed if n == name}:
            followed.add((name, extra_name))
            todo += [(Requirement(r), extra_name) for r in installed[name].requires or []]
    return list(found.values())


def _record_hash(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return _sha256(digest.digest()), size


def repack(dist: metadata.Distribution, dest: Path) -> Path:
    """One installed distribution as a wheel in `dest`; returns its path."""
    files = dist.files or []
    name = f"{dist.metadata['Name']} {dist.version}"
    infos = {f.parts[0] for f in files if f.parts[0].endswith(".dist-info")}
    if len(infos) != 1:
        raise LookupError(
            f"{name} in the test venv lists {len(infos)} .dist-info folders in its RECORD, not one "
            "(installed without pip, or as an egg?): reinstall it with pip install --force-reinstall"
        )
    [info] = infos
    stem = info.removesuffix(".dist-info")
    tags = [
        line.split(":", 1)[1].strip()
        for line in (dist.read_text("WHEEL") or "").splitlines()
        if line.startswith("Tag:")
    ]
    usable = [t for t in tags if t in SUPPORTED]  # one this interpreter installs: py2-none-any is listed first too
    if not usable:
        raise LookupError(
            f"{name} in the test venv has no wheel tag this Python installs ({', '.join(tags) or 'no WHEEL file'}):"
            " reinstall it with pip install --force-reinstall"
        )
    tag = usable[0]
    scripts = {e.name for e in dist.entry_points if e.group in ("console_scripts", "gui_scripts")}
    site = Path(dist.locate_file("")).resolve()
    prefix, bin_dir = Path(sys.prefix).resolve(), Path(sys.executable).parent.resolve()
    wheel, record = dest / f"{stem}-{tag}.whl", []
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_STORED, strict_timestamps=False) as zf:
        for file in files:
            source = Path(dist.locate_file(file)).resolve()
            if file.suffix == ".pyc" or (file.parts[0] == info and file.name in ADDED_AT_INSTALL):
                continue
            if not source.is_file():
                continue
            if source.is_relative_to(site):
                name = source.relative_to(site).as_posix()
            elif source.parent == bin_dir:
                if source.name in scripts:
                    continue  # pip writes it again from entry_points.txt
                name = f"{stem}.data/scripts/{source.name}"
            elif source.relative_to(prefix).parts[:2] == ("include", "site"):
                # include/site/pythonX.Y/<dist>/x.h, installed from <stem>.data/headers/x.h
                name = f"{stem}.data/headers/{'/'.join(source.relative_to(prefix).parts[4:])}"
            else:
                name = f"{stem}.data/data/{source.relative_to(prefix).as_posix()}"
            data = source.read_bytes() if name.startswith(f"{stem}.data/scripts/") else None
            if data is not None and data.startswith(b"#!") and b"python" in data.split(b"\n", 1)[0]:
                data = b"#!python\n" + data.split(b"\n", 1)[1]  # pip writes this venv's interpreter back
            if data is not None:
                zf.writestr(name, data)
                record.append((name, _digest(data), len(data)))
            else:
                zf.write(source, name)
                record.append((name, *_record_hash(source)))
        _write_record(zf, info, record)
    return wheel


def _write_record(zf: zipfile.ZipFile, info: str, record: list[tuple[str, str, int]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([*record, (f"{info}/RECORD", "", "")])
    zf.writestr(f"{info}/RECORD", out.getvalue())


def _sha256(digest: bytes) -> str:
    """RECORD's form of a SHA-256 digest."""
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _digest(data: bytes) -> str:
    return _sha256(hashlib.sha256(data).digest())


def write_wheel(dest: Path, name: str, version: str, files: Mapping[str, bytes]) -> Path:
    """A pure-Python wheel of `files` (path in site-packages: content), for a stand-in package."""
    stem = f"{canonicalize_name(name).replace('-', '_')}-{version}"
    info = f"{stem}.dist-info"
    files = {
        **files,
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n".encode(),
        f"{info}/WHEEL": b"Wheel-Version: 1.0\nGenerator: sm-lint tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    wheel = dest / f"{stem}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_STORED) as zf:
        for path, data in files.items():
            zf.writestr(path, data)
        _write_record(zf, info, [(path, _digest(data), len(data)) for path, data in files.items()])
    return wheel


def build_wheelhouse(dest: Path, requirements: Iterable[str] | None = None) -> Path:
    """sm-lint's wheel from this checkout and the wheels of what it needs, in `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dest), str(ROOT)],
        check=True,
        capture_output=True,
        env=offline_pip(os.environ, dest),
    )
    for dist in closure(needed() if requirements is None else requirements):
        if canonicalize_name(dist.metadata["Name"]) != "sm-lint":
            repack(dist, dest)
    return dest


def offline_pip(env: Mapping[str, str], *houses: Path) -> dict[str, str]:
    """`env` with pip (and the pip of every venv, build environment and pre-commit hook
    environment started with it) installing from `houses` only, without compiling bytecode."""
    env = {k: v for k, v in env.items() if not k.startswith("PIP_") or k == "PIP_CACHE_DIR"}
    return {
        **env,
        "PIP_CONFIG_FILE": os.devnull,  # no global, user or machine configuration (find-links, indexes)
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": " ".join(str(h) for h in houses),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        # No bytecode written at install: it was 5.5 s of the 7.4 s that installing sm-lint with
        # its dependencies took, in each venv the tests make. The code that runs is the same:
        # Python compiles a module when it is first imported. (pip reads PIP_COMPILE=0 as
        # --no-compile; PIP_NO_COMPILE=1 does not turn compiling off.)
        "PIP_COMPILE": "0",
        "VIRTUALENV_NO_PERIODIC_UPDATE": "1",  # pre-commit's virtualenv: no background download of seed wheels
    }
