"""Each draft's configuration: its configuration file (found from its folder up to the
repository's root, or --config, or none with --no-repo-config) under the command-line options,
which win. One effective configuration per file, so that what rules derive from it (Config.memo)
is derived once per run, not once per draft."""

from __future__ import annotations

from pathlib import Path

from sm_lint.io.inputs import Source
from sm_lint.pipeline.selection import refuse_names_of_no_rule
from sm_lint.rules.sections import config_for, load_config
from sm_lint.run.options import Options as Options  # re-exported: built by the command line
from sm_lint.run.packs import Packs
from sm_lint.settings.config import Config


def draft_path(source: Source) -> Path | None:
    """Where a draft lives, for configuration lookup: stdin counts as --stdin-filename."""
    if source.path is not None:
        return source.path
    return Path(source.display) if source.display != "-" else None


class Configs:
    def __init__(self, options: Options, packs: Packs):
        self.options = options
        self.packs = packs  # to refuse selectors and overrides that name no rule
        self.explicit = load_config(options.config) if options.config else None
        self._effective: dict[int, tuple[Config, Config]] = {}  # id(file's config) -> (it, effective)
        self._file_of: dict[int, Config] = {}  # id(effective configuration) -> the file's
        self._no_file = Config()  # --no-repo-config without --config
        self._directories: dict[Path, Config] = {}  # a draft's folder -> its configuration file's

    def of(self, source: Source) -> Config:
        """The draft's configuration file (or --config) under the command-line options."""
        if self.explicit is not None:
            config = self.explicit
        elif self.options.no_repo_config:
            config = self._no_file
        else:
            where = draft_path(source)
            directory = where.parent if where is not None else Path.cwd()
            if directory not in self._directories:  # resolving costs a system call per part
                self._directories[directory] = config_for(directory.resolve())
            config = self._directories[directory]
        if id(config) not in self._effective:
            o = self.options
            refuse_names_of_no_rule(self.packs.pack(config), config, o.select, o.ignore)
            self._effective[id(config)] = (
                config,
                config.replace(
                    select=o.select or config.select,
                    ignore=(*config.ignore, *o.ignore),
                    fail_on=o.fail_on or config.fail_on,
                    lang=o.lang or config.lang,
                    max_draft_size=o.max_draft_size or config.max_draft_size,
                ),
            )
            self._file_of[id(self._effective[id(config)][1])] = config
        return self._effective[id(config)][1]

    def file_of(self, effective: Config) -> Config:
        """The configuration file's own settings behind an effective configuration."""
        return self._file_of[id(effective)]
