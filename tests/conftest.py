from __future__ import annotations

import os
import shutil
import site
import sys
import tempfile
from pathlib import Path

import pytest

from sm_lint.rules.loader import load_rules
from sm_lint.run.linter import Linter
from wheelhouse import build_wheelhouse

# Where the base interpreter (the one the venv was made from) keeps its packages. A test that
# imports from there passes only on machines whose Python happens to have the package.
BASE_SITE = [
    Path(p) for p in {*site.getsitepackages([sys.base_prefix, sys.base_exec_prefix]), site.getusersitepackages()}
]


def _in_base_site(path: str) -> bool:
    resolved = Path(path).resolve()
    return any(resolved.is_relative_to(base) for base in BASE_SITE)


CACHES = pytest.StashKey[Path]()


def pytest_configure(config):
    """Before collection: the suite runs only in a venv that cannot see the base interpreter's
    packages; caches and settings of the tests and the commands they start go to a temporary folder, never
    the user's home (test modules load the rules, and so write the rule cache, while collected)."""
    if sys.prefix == sys.base_prefix:
        raise pytest.UsageError("run the tests in the venv of the README (python3 -m venv .venv), not the base Python")
    leaks = [p for p in sys.path if p and _in_base_site(p)]
    if leaks:
        raise pytest.UsageError(
            f"the test venv sees the base interpreter's packages ({leaks[0]}): create it without --system-site-packages"
        )
    caches = Path(tempfile.mkdtemp(prefix="sm-lint-test-caches-"))
    config.stash[CACHES] = caches
    # Everything the tests start keeps its state there: sm-lint's rule cache and its key, pip and
    # virtualenv (test_wheel, pre-commit's hook environments: one download cache per run), the
    # browser of the serve tests. The two variables that would win over XDG_* are set too.
    for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        os.environ[name] = str(caches / name.lower())
    os.environ["SM_LINT_CACHE_DIR"] = str(caches / "xdg_cache_home" / "sm-lint")
    os.environ["PIP_CACHE_DIR"] = str(caches / "xdg_cache_home" / "pip")


# The files that take longest (seconds of a serial run on 2 cores, at 59f248d), started first
# under pytest-xdist: `-n auto` hands out whole files (--dist loadfile), and the longest ones,
# last in file order, kept one worker busy after the other had finished.
LONGEST_FIRST = (
    "test_documented_commands.py",  # 62 s: pip installs the documents' commands make
    "test_scale.py",  # 25 s
    "test_hostile_settings.py",  # 17 s
    "test_saferegex.py",  # 16 s
    "test_rule_cache.py",  # 12 s
    "test_serve_browser.py",  # 11 s
    "test_wheel.py",  # 7 s
    "test_precommit.py",  # 6 s
)


def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist (a worker collects), the longest files first, each file's tests in
    their order; a serial run keeps pytest's order."""
    if "PYTEST_XDIST_WORKER" in os.environ:
        rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
        items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """pytest-xdist's: whatever --dist says, each file's tests go to one worker and run there in
    their order (its module fixtures are made once, and test_documented_commands' CI template
    tests use the venv its first test made), the files in the order collected (LONGEST_FIRST),
    not xdist's (most tests first)."""
    from xdist.scheduler import LoadFileScheduling

    config.option.loadscopereorder = False
    return LoadFileScheduling(config, log)


BORROWED = pytest.StashKey[set[str]]()


def pytest_sessionfinish(session):
    """A module imported from the base interpreter's site-packages fails the run, naming it.
    Under pytest-xdist each worker hands its own to the controller (pytest_testnodedown), which
    says them: xdist takes a worker's exit status before this hook runs there."""
    borrowed = session.config.stash.get(BORROWED, set()) | {
        name
        for name, module in list(sys.modules.items())
        if isinstance(getattr(module, "__file__", None), str) and _in_base_site(module.__file__)
    }
    if hasattr(session.config, "workeroutput"):  # an xdist worker
        session.config.workeroutput["borrowed"] = sorted(borrowed)
        return
    if borrowed:
        session.config.get_terminal_writer().line(
            f"imported from the base interpreter's site-packages: {', '.join(sorted(borrowed))}", red=True
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """pytest-xdist's: a worker has finished; what it imported from the base interpreter's
    site-packages (pytest_sessionfinish)."""
    borrowed = getattr(node, "workeroutput", {}).get("borrowed", ())
    node.config.stash.setdefault(BORROWED, set()).update(borrowed)


def pytest_unconfigure(config):
    if CACHES in config.stash:
        shutil.rmtree(config.stash[CACHES], ignore_errors=True)


@pytest.fixture(scope="session")
def wheelhouse(tmp_path_factory) -> Path:
    """sm-lint's wheel and those of what it needs, from this venv (tests/wheelhouse.py): the tests
    that install sm-lint install from there, never from a package index. Under pytest-xdist the
    workers share one, built by the first that needs it (the run's temporary folder is theirs)."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return build_wheelhouse(tmp_path_factory.mktemp("wheelhouse"))
    import fcntl

    run = tmp_path_factory.getbasetemp().parent
    with (run / "wheelhouse.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when closed
        if not (run / "wheelhouse.built").exists():
            build_wheelhouse(run / "wheelhouse")
            (run / "wheelhouse.built").touch()
    return run / "wheelhouse"


@pytest.fixture(scope="session")
def rules():
    return load_rules()


@pytest.fixture(scope="session")
def linter(rules):
    return Linter(rules=rules)


@pytest.fixture(scope="session")
def lint(linter):
    """Lint a text; returns the findings."""
    return linter.lint_text


@pytest.fixture(scope="session")
def rule_ids(lint):
    def ids(text: str) -> list[str]:
        return [f.rule for f in lint(text)]

    return ids
