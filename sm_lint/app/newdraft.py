"""`sm-lint new 下書き.md --platform x --account joetsu_city`: a draft to start from, its
front matter filled in for a platform and an account, and the keys a post may still need
written as comments beside their values (a key left empty would be a finding). The staff
reference (docs/staff/front-matter.md) shows the same template for each platform."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from sm_lint.checks.images.entries import CONSENT, PEOPLE
from sm_lint.checks.post.schema import load_schema
from sm_lint.errors import ConfigError, InputError, SmLintError, os_reason
from sm_lint.io.inputs import DRAFT_SUFFIXES
from sm_lint.settings.config import Config
from sm_lint.spelling import hint

SCHEMA = "front-matter"
BODY = "（ここに本文を書きます）\n"


def platforms() -> list[str]:
    return [str(p) for p in load_schema(SCHEMA)["keys"]["platform"]["enum"]]


def template(platform: str, account: str | None) -> str:
    """The draft's text. Optional keys are comments: uncommented, each is a valid value."""
    lines = ["---", f"platform: {platform}"]
    lines.append(f"account: {account}" if account else "# account: joetsu_city            # 発信するアカウントの ID")
    if platform == "youtube":  # JP-N112: a YouTube post needs its title
        lines.append("title: （動画のタイトル）")
    lines += [
        "# scheduled_at: 2026-12-01T09:30   # 投稿予定日時 (公式の発信は原則として就業時間内)",
        "# approved_by: 広報対話課長        # 決裁した運用管理責任者 (所属長)",
        "# images:                          # 写真を載せるとき (1 枚ごとに書く)",
        "#   - path: img/photo.jpg",
        "#     alt: 写真の内容を短く         # 画面読み上げで読まれる説明",
        f"#     people: none                 # {' / '.join(PEOPLE)}",
        f"#     consent: obtained            # identifiable のとき: {' / '.join(CONSENT)}",
        "---",
        "",
    ]
    return "\n".join(lines) + BODY


def check_choice(platform: str | None, account: str | None, config: Config) -> tuple[str, str | None]:
    """The platform and account to write: the account must be one the configuration lists
    (when it lists any), and its platform is the default; a platform it does not post to is
    refused, as JP-M105 would report it."""
    accounts = config.section("accounts")
    where = config.path or "--account"
    if account is not None and accounts and account not in accounts:
        ja, en = hint(account, accounts)
        raise ConfigError(
            where,
            f"アカウント `{account}` は設定の accounts にありません{ja}",
            f"account `{account}` is not in the configuration's accounts{en}",
        )
    registered = accounts.get(account, {}) if account else {}
    own = registered.get("platform") if isinstance(registered, dict) else None
    if platform is None:
        platform = own
    elif platform.lower() not in platforms():
        ja, en = hint(platform, platforms())
        raise ConfigError("--platform", f"知らない投稿先 `{platform}` です{ja}", f"unknown platform `{platform}`{en}")
    else:
        platform = platform.lower()
    if platform is None:
        raise ConfigError(
            "--platform",
            f"投稿先を --platform で指定してください ({', '.join(platforms())})",
            f"give the platform with --platform ({', '.join(platforms())})",
        )
    if own and platform != own:
        raise ConfigError(
            where,
            f"アカウント `{account}` の投稿先は {own} です (--platform {platform} とは違います)",
            f"account `{account}` posts to {own}, not {platform}",
        )
    return platform, account


def write_new(path: Path, text: str) -> None:
    """Create the file; an existing one is never overwritten."""
    if path.suffix.lower() not in DRAFT_SUFFIXES:
        raise InputError(
            str(path),
            f"下書きのファイル名は {', '.join(DRAFT_SUFFIXES)} で終わるようにしてください",
            f"a draft's name ends in {', '.join(DRAFT_SUFFIXES)}",
        )
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise InputError(
            str(path),
            "同じ名前のファイルがあります。上書きはしません。別の名前を指定してください",
            "the file exists; it is never overwritten: give another name",
        ) from None
    except FileNotFoundError:
        raise InputError(
            str(path),
            f"フォルダー {path.parent} がありません。先にフォルダーを作ってください",
            f"there is no folder {path.parent}: make it first",
        ) from None
    except OSError as exc:
        ja, en = os_reason(exc)  # the OS's own words are English
        raise InputError(str(path), f"ファイルを作れません ({ja})", f"cannot create the file ({en})") from None


class NewSettings(NamedTuple):
    path: Path
    platform: str | None = None
    account: str | None = None
    config_path: Path | None = None  # --config: this file instead of the one found from the draft's folder
    lang: str | None = None  # None: the configuration's


def new(settings: NewSettings) -> int:
    """Write the template (never over a file) and say so; exit status 2 when it cannot."""
    from sm_lint.app.lint import failed
    from sm_lint.io.echo import echo
    from sm_lint.rules.sections import config_for, load_config

    path, lang = settings.path, settings.lang
    try:
        config = (
            load_config(settings.config_path) if settings.config_path else config_for(path.absolute().parent.resolve())
        )
        lang = lang or config.lang
        platform, account = check_choice(settings.platform, settings.account, config)
        write_new(path, template(platform, account))
    except SmLintError as exc:
        return failed(exc.text(lang or "ja"))
    echo(
        f"{path}: draft template written; write the text, then check it with `sm-lint {path}`"
        if lang == "en"
        else f"{path}: 下書きのひな形を作りました。本文を書いたら `sm-lint {path}` で確認してください"
    )
    return 0
