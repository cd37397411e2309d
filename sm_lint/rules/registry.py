"""The matcher kinds a rule can use (`match: {words: ...}`), by name.

A kind is a function `compile(spec, where) -> Matcher`, where `spec` is the rule's whole
`match:` mapping and `where` is `path:line` for error messages. Registering a new kind is the
only Python a new *kind* of rule needs; new rules of an existing kind are pure YAML.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sm_lint.rules.model import Matcher

Compiler = Callable[[dict[str, Any], str], Matcher]
C = TypeVar("C", bound=Compiler)

KINDS: dict[str, tuple[Compiler, frozenset[str]]] = {}


def kind(name: str, options: tuple[str, ...] = ()) -> Callable[[C], C]:
    """Register a matcher kind; `options` are the other keys its `match:` mapping accepts."""

    def register(compiler: C) -> C:
        KINDS[name] = (compiler, frozenset(options))
        return compiler

    return register


def load_kinds() -> None:
    """Import every module of sm_lint.rules.kinds; importing registers the kinds."""
    import importlib
    import pkgutil

    from sm_lint.rules import kinds

    for module in pkgutil.iter_modules(kinds.__path__):
        importlib.import_module(f"{kinds.__name__}.{module.name}")
