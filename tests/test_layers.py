"""The package folders are layers, and imports go one way: down (docs/architecture.md, issue 24).
An import inside a function counts as much as one at the top: a lazy import still ties the
lower layer to the higher one, and so does one by name: importlib.import_module("sm_lint.x"),
__import__, an f-string's fixed start, or a text naming a module ("sm_lint.x.y:function") for
some code to import later. Read from the source with `ast`, so nothing is imported."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "sm_lint"

# Highest first. A module may import its own layer and the layers below it.
LAYERS = [
    ("cli", "__main__"),  # click commands (`python -m sm_lint`); may start serve and lsp
    ("serve", "lsp"),
    ("app",),
    ("report",),
    ("run",),
    ("pipeline",),
    ("rules",),
    ("checks",),
    ("text",),
    ("config", "settings"),  # the settings sit on io: the loader reads files through it
    ("io",),
    ("__init__", "errors", "findings", "i18n", "memo", "spelling"),  # the foundation
]
RANK = {top: len(LAYERS) - i for i, tops in enumerate(LAYERS) for top in tops}
MAX_LINES = 400
# a text that is a module's dotted name, maybe with `:function` (an entry point's form)
MODULE_TEXT = re.compile(r"sm_lint(\.\w+)+(:\w+)?")

# Imports that still go up, each with what removes it (issue 24). Delete the line with the fix:
# the test also fails on a line that no longer matches anything.
KNOWN = {}


def module_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """The sm_lint modules (or their attributes) that `path` imports, wherever in it."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.startswith("sm_lint"))
        elif isinstance(node, ast.ImportFrom) and node.level:
            package = module_of(path).split(".")
            if path.name != "__init__.py":
                package = package[:-1]
            base = ".".join(package[: len(package) - node.level + 1] + ([node.module] if node.module else []))
            names.update(f"{base}.{a.name}" for a in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sm_lint"):
            names.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Call) and node.args and _imports_by_name(node.func):
            name = _literal_start(node.args[0])
            if name.startswith("sm_lint"):
                names.add(name.rstrip(".:"))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and MODULE_TEXT.fullmatch(node.value):
            names.add(node.value.partition(":")[0])
    return names


def _imports_by_name(func: ast.expr) -> bool:
    """importlib.import_module(...), import_module(...) (imported from importlib), __import__(...)."""
    called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    return called in ("import_module", "__import__")


def _literal_start(argument: ast.expr) -> str:
    """The text a module name starts with, as far as the source fixes it: all of a literal, the
    start of an f-string (f"sm_lint.report.{name}" -> sm_lint.report.)."""
    if isinstance(argument, ast.JoinedStr) and argument.values:
        argument = argument.values[0]
    return argument.value if isinstance(argument, ast.Constant) and isinstance(argument.value, str) else ""


def rank(dotted: str) -> int | None:
    parts = dotted.split(".")
    return RANK.get(parts[1]) if len(parts) > 1 else RANK["__init__"]


def target(dotted: str) -> str:
    """The module an imported name lives in: `sm_lint.a.b.name` -> sm_lint.a.b when that is a module."""
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        candidate = PACKAGE.parent.joinpath(*parts[:end])
        if candidate.with_suffix(".py").is_file() or (candidate / "__init__.py").is_file():
            return ".".join(parts[:end])
    return dotted


def upward_imports() -> dict[tuple[str, str], int]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        importer = module_of(path)
        for name in imported(path):
            module = target(name)
            if rank(module) is not None and rank(importer) is not None and rank(module) > rank(importer):
                found[(importer, module)] = rank(module) - rank(importer)
    return found


def test_every_top_level_module_and_folder_has_a_layer():
    tops = {p.stem for p in PACKAGE.glob("*.py")} | {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert sorted(tops - RANK.keys()) == [], "put it in a folder of its layer, or give it a layer here"


def test_imports_go_down_only():
    found = upward_imports()
    new = sorted(f"{importer} imports {module}" for importer, module in found.keys() - KNOWN.keys())
    assert new == [], "a lower layer imports a higher one (LAYERS above; move the code down or pass it in)"


# Imports by a name the source does not fix (its start is not a literal `sm_lint.<layer>`), so
# the direction test cannot see where they go, each with why it stays in its own layer.
DYNAMIC = {
    "sm_lint.rules.registry": "the modules of its own package sm_lint.rules.kinds (kinds.__name__)",
}


def unfixed_imports() -> set[str]:
    """The modules that import a module by a name whose layer the source does not state."""
    found = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args and _imports_by_name(node.func):
                named = _literal_start(node.args[0]).rstrip(".")  # sm_lint.report(.x) states report
                if not named.startswith("sm_lint.") or named.split(".")[1] not in RANK:
                    found.add(module_of(path))
    return found


def test_every_import_by_name_states_its_layer():
    # keys.py once named areas by data (`check="sm_lint.checks...:f"`, imported by a variable)
    assert sorted(unfixed_imports() - DYNAMIC.keys()) == [], "import by a literal name, or pass the function in"
    assert sorted(DYNAMIC.keys() - unfixed_imports()) == [], "no longer imported so: delete it from DYNAMIC"


def test_no_known_upward_import_outlives_its_fix():
    stale = sorted(f"{importer} -> {module}" for importer, module in KNOWN.keys() - upward_imports().keys())
    assert stale == [], "no longer imported: delete these lines from KNOWN"


def test_the_direction_test_sees_lazy_and_aliased_imports(tmp_path, monkeypatch):
    # a lazy import in a function body, an aliased one and a relative one, from a made-up io module
    folder = tmp_path / "sm_lint" / "io"
    folder.mkdir(parents=True)
    (tmp_path / "sm_lint" / "__init__.py").write_text("")
    (folder / "__init__.py").write_text("")
    (folder / "probe.py").write_text(
        "def later():\n    from sm_lint.cli import main\nimport sm_lint.report as r\nfrom ..run import linter\n"
    )
    # and imports by name, with a literal: the checks settings/keys.py once named as strings
    (folder / "named.py").write_text(
        "import importlib\nfrom importlib import import_module\n"
        "def check(section):\n    return importlib.import_module('sm_lint.checks.post.metadata').check_accounts\n"
        "def kind(name):\n    return import_module(f'sm_lint.rules.kinds.{name}')\n"
        "def app():\n    return __import__('sm_lint.app.lint')\n"
        "def mine(name):\n    return importlib.import_module(f'sm_lint.io.{name}')\n"
        "LATER = {'links': 'sm_lint.report.sarif:validate'}\n"
    )
    for name in ("cli", "report", "run", "checks", "rules", "app"):
        (tmp_path / "sm_lint" / name).mkdir()
        (tmp_path / "sm_lint" / name / "__init__.py").write_text("")
    (tmp_path / "sm_lint" / "run" / "linter.py").write_text("")
    monkeypatch.setattr(f"{__name__}.PACKAGE", tmp_path / "sm_lint")
    assert sorted(upward_imports()) == [
        ("sm_lint.io.named", "sm_lint.app"),
        ("sm_lint.io.named", "sm_lint.checks"),
        ("sm_lint.io.named", "sm_lint.report"),
        ("sm_lint.io.named", "sm_lint.rules"),
        ("sm_lint.io.probe", "sm_lint.cli"),
        ("sm_lint.io.probe", "sm_lint.report"),
        ("sm_lint.io.probe", "sm_lint.run.linter"),
    ]


def test_no_module_is_longer_than_a_reader_can_hold():
    long = sorted(
        f"{p.relative_to(PACKAGE.parent)}: {n} lines"
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    )
    assert long == [], f"split these along their jobs (at most {MAX_LINES} lines a module)"
