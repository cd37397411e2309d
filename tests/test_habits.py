"""The habits of a maintained project (issue 24, 6): .ci/run checks lint, formatting and types
before the tests, with tools the test extra installs; the engine is type-checked strictly; the
project's own pre-commit hooks run the same tools from the venv, so a commit downloads nothing."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib

import yaml

from helpers import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
HOOKS = ROOT / ".pre-commit-config.yaml"


def test_ci_checks_lint_formatting_and_types_before_the_tests():
    lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    steps = (
        ".venv/bin/ruff check",
        ".venv/bin/ruff format --check",
        ".venv/bin/mypy",
        'HOME="$home" "${offline[@]}" .venv/bin/python -m pytest',  # without network: see .ci/run
    )
    at = [next(i for i, line in enumerate(lines) if line.startswith(step)) for step in steps]
    assert at == sorted(at)
    test_extra = PYPROJECT["project"]["optional-dependencies"]["test"]
    extra = {re.split(r"[<>=!~ ]", requirement)[0] for requirement in test_extra}
    assert {"ruff", "mypy"} <= extra


def test_the_engine_is_type_checked_strictly():
    strict = [override for override in PYPROJECT["tool"]["mypy"]["overrides"] if override.get("disallow_untyped_defs")]
    strict_modules = {module for override in strict for module in override["module"]}
    assert all(override.get("disallow_any_generics") and override.get("warn_return_any") for override in strict)
    # every module of the package, the engine and run/, cli/, serve/, lsp/, settings/ alike
    modules = [".".join(p.relative_to(ROOT).with_suffix("").parts) for p in (ROOT / "sm_lint").rglob("*.py")]
    modules = [m.removesuffix(".__init__") for m in modules]
    assert modules and [m for m in modules if not any(_covers(pattern, m) for pattern in strict_modules)] == []


def _covers(pattern, module):
    """mypy's override patterns: `a.b` is that module, `a.b.*` it and every module under it."""
    return module == pattern.removesuffix(".*") or (pattern.endswith(".*") and module.startswith(pattern[:-1]))


def test_no_module_is_left_out_of_the_type_check():
    # no `ignore_errors` (a pending list), and no override that turns a strict flag off again
    # (the matcher kinds were checked leniently inside the strict rules/)
    overrides = PYPROJECT["tool"]["mypy"]["overrides"]
    assert [override["module"] for override in overrides if override.get("ignore_errors")] == []
    relaxed = [override["module"] for override in overrides if False in override.values()]
    assert relaxed == []


def _untyped(path):
    """The public functions and methods of a module lacking an annotation (a parameter's or the
    return's)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    public = [n for n in tree.body if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")]
    for cls in tree.body:
        if isinstance(cls, ast.ClassDef) and not cls.name.startswith("_"):
            public += [
                n
                for n in cls.body
                if isinstance(n, ast.FunctionDef) and (not n.name.startswith("_") or n.name == "__init__")
            ]
    for function in public:
        arguments = [*function.args.posonlyargs, *function.args.args, *function.args.kwonlyargs]
        if arguments and arguments[0].arg in ("self", "cls"):
            arguments = arguments[1:]
        # mypy's rule: an __init__ with annotated parameters needs no `-> None`
        unreturned = function.returns is None and not (function.name == "__init__" and arguments)
        if unreturned or any(a.annotation is None for a in arguments):
            yield f"{path.relative_to(ROOT)}:{function.lineno} {function.name}"


def test_the_public_api_is_typed():
    # what sm_lint/__init__.py and the application layer (app/) offer a caller
    modules = [ROOT / "sm_lint" / "__init__.py", *sorted((ROOT / "sm_lint" / "app").glob("*.py"))]
    assert [name for path in modules for name in _untyped(path)] == []


def test_the_projects_own_hooks_use_the_tools_of_the_venv():
    config = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert {hook["id"] for hook in hooks} == {"ruff-check", "ruff-format", "mypy"}
    assert all(hook["language"] == "system" and hook["entry"].startswith(".venv/bin/") for hook in hooks)
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(HOOKS)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
