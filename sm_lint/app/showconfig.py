"""`sm-lint config [PATH]`: the configuration that applies to PATH, as `lint` would use it."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from sm_lint.app.lint import failed
from sm_lint.errors import SmLintError
from sm_lint.i18n import t
from sm_lint.io.echo import echo


class ConfigSettings(NamedTuple):
    path: Path = Path(".")  # a draft or a folder
    config_path: Path | None = None  # --config: this file instead of the one found from PATH
    lang: str | None = None  # None: the configuration's


def show_config(settings: ConfigSettings) -> int:
    import yaml

    from sm_lint.pipeline.selection import refuse_names_of_no_rule
    from sm_lint.rules.sections import config_for, load_config
    from sm_lint.run.linter import Linter
    from sm_lint.settings.loader import effective

    path, lang = settings.path, settings.lang
    try:
        folder = path if path.is_dir() else path.parent
        config = load_config(settings.config_path) if settings.config_path else config_for(folder.resolve())
        # what `lint` would refuse is no configuration to show as if it worked
        refuse_names_of_no_rule(Linter().packs.pack(config), config)
        shown = effective(config)
        if not path.is_dir():
            shown["ignore"] = list(config.ignores_for(path))
    except SmLintError as exc:
        return failed(exc.text(lang or "ja"))
    words = lang or config.lang
    echo(f"# {t(words, 'config_source')}: {config.path or t(words, 'config_none')}")
    echo(yaml.safe_dump(shown, allow_unicode=True, sort_keys=False), nl=False)
    return 0
