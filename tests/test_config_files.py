"""A .sm-lint.yaml as Windows editors save it (CP932, UTF-8 with a BOM) is read like a draft
would be; a configuration the system cannot open is one line in the user's language, naming it."""

from __future__ import annotations

import json

import pytest

from helpers import run

# Settings of the public-relations section: the address of a facility the city publishes.
CONFIG = "# 広報対話課: 公開している施設の住所\nprivacy:\n  allowed_addresses: [上越市新光町9-9-9]\n"
DRAFT = "こども科学教室は、上越市新光町9-9-9の市民プラザで開きます。\n"


def found(folder) -> list[tuple[str, str]]:
    result = run(["--format", "json", "post.md"], cwd=folder)
    assert result.exit_code in (0, 1), result.stderr
    return [(f["rule"], f["match"]) for f in json.loads(result.stdout)["findings"]]


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "post.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def test_without_the_configuration_the_address_is_reported(folder):
    assert found(folder) == [("JP-I106", "上越市新光町9-9-9")]  # an address: personal, unless published


@pytest.mark.parametrize("encoding", ["cp932", "utf-8-sig", "utf-8"])
def test_a_configuration_saved_by_a_windows_editor_is_read(folder, encoding):
    (folder / ".sm-lint.yaml").write_bytes(CONFIG.encode(encoding))
    assert found(folder) == []


def test_a_configuration_in_no_known_encoding_is_one_line_naming_it(folder):
    (folder / ".sm-lint.yaml").write_bytes(b"privacy:\n  allowed_addresses: [\x85\x86]\n")
    result = run(["post.md"], cwd=folder)
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"sm-lint: {folder / '.sm-lint.yaml'}: 設定ファイルの文字コードが分かりません。UTF-8 で保存してください\n"
    )


@pytest.mark.parametrize(
    "lang, said",
    [
        ("ja", "設定ファイルを読めません (シンボリックリンクが循環しています)"),
        ("en", "cannot read the configuration (the symbolic links form a loop)"),
    ],
)
def test_a_configuration_the_system_cannot_open_is_said_in_the_users_language(folder, lang, said):
    (folder / "loop.yaml").symlink_to("loop.yaml")
    result = run(["--config", "loop.yaml", "--lang", lang, "post.md"], cwd=folder)
    assert result.exit_code == 2
    assert result.stderr == f"sm-lint: loop.yaml: {said}\n"
