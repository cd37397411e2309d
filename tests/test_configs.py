"""Each draft's configuration is resolved in run/configs.py (issue 24, item 2: the runner no
longer does four jobs): its file under the command-line options, once per file."""

from __future__ import annotations

from sm_lint.io.inputs import Source
from sm_lint.run.configs import Configs, Options
from sm_lint.run.packs import Packs


def test_the_command_line_wins_and_each_file_gives_one_configuration(rules, tmp_path):
    (tmp_path / ".sm-lint.yaml").write_text("fail-on: warning\nlang: en\n", encoding="utf-8")
    first, second = tmp_path / "お知らせ.md", tmp_path / "イベント.md"
    configs = Configs(Options(lang="ja"), Packs(rules))
    config = configs.of(Source(str(first), first))
    assert configs.of(Source(str(second), second)) is config  # what rules derive from it, once
    assert (config.fail_on, config.lang) == ("warning", "ja")
    assert configs.file_of(config).lang == "en"


def test_without_the_repository_s_file_the_defaults_apply(rules, tmp_path):
    (tmp_path / ".sm-lint.yaml").write_text("fail-on: info\n", encoding="utf-8")
    draft = tmp_path / "お知らせ.md"
    config = Configs(Options(no_repo_config=True), Packs(rules)).of(Source(str(draft), draft))
    assert config.fail_on == "error" and config.path is None
