"""`sm-lint serve` without a browser: the session's answers, the front-matter form, the
request guard over real HTTP, and Ctrl-C on the real command."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from helpers import chdir, run, serving
from sm_lint.errors import ConfigError
from sm_lint.serve.frontmatter import set_keys
from sm_lint.serve.server import page_files
from sm_lint.serve.session import Session

ACCOUNTS = "accounts:\n  joetsu_city: {name: 上越市, platform: x, department: 広報対話課}\n"
DRAFT = (
    "---\nplatform: x\naccount: joetsu_city\napproved_by: 広報対話課長\n---\n"
    "窓口に来たあのバカな客のせいで、裏日本の冬の説明会が長引きました🙇。\n"
    "詳しくは https://bit.ly/3abcDEF をご覧ください。\n"
)


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / ".sm-lint.yaml").write_text(ACCOUNTS, encoding="utf-8")
    return tmp_path


def test_findings_carry_browser_offsets_and_clauses(folder):
    result = Session(folder).check(DRAFT)
    by_rule = {f["rule"]: f for f in result["findings"]}
    assert {"JP-P101", "JP-P201", "JP-L101"} <= set(by_rule)
    # JavaScript counts UTF-16 units: the emoji before the URL takes two of them.
    for f in by_rule.values():
        assert DRAFT.encode("utf-16-le")[2 * f["start"] : 2 * f["end"]].decode("utf-16-le") == f["match"]
    assert by_rule["JP-L101"]["match"] == "https://bit.ly/3abcDEF"
    assert by_rule["JP-P101"]["clause"] == "5(5)" and by_rule["JP-P101"]["clause_title"] == "不適切な発信を行わないこと"
    assert by_rule["JP-P201"]["fix"] == "日本海側"
    assert result["meta"] == {"platform": "x", "account": "joetsu_city"}


def test_the_plain_japanese_score_is_the_one_sm_lint_score_gives_with_its_target(folder):
    (folder / ".sm-lint.yaml").write_text(
        ACCOUNTS + "readability:\n  accounts:\n    joetsu_city: 4.5\n", encoding="utf-8"
    )
    (folder / "post.md").write_text(DRAFT, encoding="utf-8")
    score = subprocess.run(
        [sys.executable, "-m", "sm_lint", "score", "--format", "json", "post.md"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
    )
    expected = json.loads(score.stdout)[0]
    plain = Session(folder).check(DRAFT)["readability"]
    assert plain == {"score": round(expected["score"], 2), "band": expected["band"], "target": 4.5}
    assert Session(folder).check("---\nplatform: x\n---\n")["readability"] is None  # no words, no score


def test_the_text_to_post_and_its_length_on_x(folder):
    text = DRAFT + "<!-- sm-lint-allow JP-P101: 市民の投書をそのまま引用するため -->\n"
    result = Session(folder).check(text)
    body = text.split("---\n", 2)[2]
    assert result["plain"] == body.split("<!--")[0].strip()  # no front matter, no waiver comment
    # X: the URL is 23, the emoji 2, each other non-ASCII character 2, each ASCII one 1.
    plain = result["plain"].replace("https://bit.ly/3abcDEF", "").replace("🙇", "")
    ascii_count = sum(c.isascii() for c in plain)
    expected = 23 + 2 + ascii_count + 2 * (len(plain) - ascii_count)
    assert result["meters"] == [
        {"rule": "JP-N101", "measure": "x-weighted", "per": None, "limit": 280, "count": expected}
    ]


@pytest.mark.parametrize(
    "front, body, expected",
    [
        ("platform: instagram", "雪まつり #上越市 #雪", [("characters", 12, 2200), ("hashtags", 2, 5)]),
        (
            "platform: line",
            "雪まつり\n---\n会場は高田公園です。",
            [("characters", 10, 500)],
        ),  # the longer bubble: 会場は高田公園です。
        ("platform: youtube\ntitle: 雪まつり", "雪まつり", [("bytes", 12, 5000)]),
        ("title: 雪まつり", "雪まつり", [("characters", 4, None)]),  # no platform: only the characters
    ],
)
def test_the_length_as_the_platform_counts_it(folder, front, body, expected):
    meters = Session(folder).check(f"---\n{front}\n---\n{body}\n")["meters"]
    assert [(m["measure"], m["count"], m["limit"]) for m in meters] == expected


def test_limits_follow_the_configuration(folder):
    (folder / ".sm-lint.yaml").write_text(ACCOUNTS + "platforms:\n  limits: {x-length: 25000}\n", encoding="utf-8")
    assert Session(folder).check("---\nplatform: x\n---\nあ")["meters"][0]["limit"] == 25000


def test_messages_in_english(folder):
    result = Session(folder).check(DRAFT, "en")
    insult = next(f for f in result["findings"] if f["rule"] == "JP-P101")
    assert insult["severity_label"] == "error" and "バカ" in insult["message"] and "insult" in insult["message"].lower()


def test_a_bad_front_matter_is_one_message(folder):
    result = Session(folder).check("---\nplatform: [x\n---\n本文\n")
    assert result["findings"] == [] and result["error"].startswith("2 行目: front matter の YAML が読めません")


def test_an_excluded_draft_is_said_not_to_be_checked_as_on_the_command_line(folder):
    # The page lints draft.md as `sm-lint lint draft.md` would (app/buffer.py), exclusions too.
    (folder / ".sm-lint.yaml").write_text(ACCOUNTS + "exclude: [draft.md]\n", encoding="utf-8")
    result = Session(folder).check(DRAFT, "en")
    assert result["findings"] == [] and result["error"].endswith("not checked: matched by .sm-lint.yaml: exclude")
    (folder / "draft.md").write_text(DRAFT, encoding="utf-8")
    with chdir(folder):
        said = run(["draft.md", "--lang", "en"])
    assert said.exit_code == 0 and said.stderr.splitlines() == [
        "sm-lint: draft.md: not checked: matched by .sm-lint.yaml: exclude"
    ]


def test_a_draft_over_the_size_limit_is_refused_as_on_the_command_line(folder):
    (folder / ".sm-lint.yaml").write_text(ACCOUNTS + "max-draft-size: 300\n", encoding="utf-8")
    result = Session(folder).check(DRAFT + "雪" * 100, "en")  # 100 characters, 300 bytes more
    assert result["findings"] == [] and "too large for a draft" in result["error"]
    assert "JP-P101" in {f["rule"] for f in Session(folder).check(DRAFT)["findings"]}


def test_a_broken_configuration_stops_at_start(folder):
    (folder / ".sm-lint.yaml").write_text("fail-on: sometimes\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        Session(folder)


@pytest.mark.parametrize(
    "text, values, expected",
    [
        ("本文\n", {"platform": "x"}, "---\nplatform: x\n---\n本文\n"),
        (
            "---\nplatform: x\n# 決裁済み\n---\n本文\n",
            {"platform": "instagram"},
            "---\nplatform: instagram\n# 決裁済み\n---\n本文\n",
        ),
        (
            "---\nplatform:\n  - x\n  - facebook\naccount: a\n---\n本文\n",
            {"platform": "line"},
            "---\nplatform: line\naccount: a\n---\n本文\n",
        ),
        (
            "---\nplatform: x\n---\n本文\n",
            {"account": "joetsu_city"},
            "---\nplatform: x\naccount: joetsu_city\n---\n本文\n",
        ),
        ("---\naccount: a\n---\n本文\n", {"account": None}, "本文\n"),
        (
            "---\r\ntitle: 観桜会\r\n---\r\n本文\r\n",
            {"platform": "youtube"},
            "---\r\ntitle: 観桜会\r\nplatform: youtube\r\n---\r\n本文\r\n",
        ),
        ("---\nplatform: x\n---\n本文\n", {"account": "yes"}, "---\nplatform: x\naccount: 'yes'\n---\n本文\n"),
    ],
)
def test_the_form_writes_the_front_matter(text, values, expected):
    assert set_keys(text, values) == expected


def test_an_attached_image_is_an_entry_of_its_list(folder):
    text = "---\nplatform: x\nimages:\n  - path: hall.jpg\n    alt: 会場\n---\n雪まつりのようすです。\n"
    entry = {"path": "kids.png", "alt": "子どもたち", "people": "identifiable", "consent": "pending"}
    result = Session(folder).front_matter(text, {}, media=("images", entry))
    assert result["text"] == (
        "---\nplatform: x\nimages:\n- path: hall.jpg\n  alt: 会場\n- path: kids.png\n"
        "  alt: 子どもたち\n  people: identifiable\n  consent: pending\n---\n雪まつりのようすです。\n"
    )
    assert "JP-F101" in {f["rule"] for f in Session(folder).check(result["text"])["findings"]}


@pytest.fixture()
def server(folder):
    with serving(folder) as app:
        yield app


def _request(url, data=None, headers=None):
    request = urllib.request.Request(
        url, data=None if data is None else json.dumps(data).encode(), headers=headers or {}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(), exc.headers


def _json_headers(app, origin=None):
    return {"Content-Type": "application/json", "Origin": origin or f"http://127.0.0.1:{app.server_address[1]}"}


def test_the_page_and_its_api_are_under_the_secret(server):
    url = server.guard.url
    status, body, headers = _request(url)
    assert status == 200 and b'<html lang="ja">' in body
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert _request(url + "static/app.js")[0] == 200
    status, body, _ = _request(url + "api/check", {"text": DRAFT}, _json_headers(server))
    assert status == 200 and "JP-P101" in {f["rule"] for f in json.loads(body)["findings"]}
    status, body, _ = _request(url + "api/clause?id=5(5)")
    clause = json.loads(body)
    assert status == 200 and clause["title"] == "不適切な発信を行わないこと"
    assert clause["text"].startswith("次に掲げる情報は発信してはなりません。")
    root = f"http://127.0.0.1:{server.server_address[1]}/"
    assert _request(root)[0] == 404
    assert _request(root + "x" * len(server.guard.token) + "/api/setup")[0] == 404
    assert _request(url + "static/../../../etc/passwd")[0] == 404
    assert _request(url + "api/setup")[0] == 200


@pytest.mark.parametrize(
    "headers, status",
    [
        ({"Host": "evil.example"}, 421),  # DNS rebinding: the page's name, not ours
        ({"Origin": "http://evil.example"}, 403),  # a script on another site
        ({"Sec-Fetch-Site": "cross-site"}, 403),
    ],
)
def test_requests_from_elsewhere_are_refused(server, headers, status):
    assert _request(server.guard.url + "api/setup", headers=headers)[0] == status


def test_the_api_takes_json_from_its_own_page_only(server):
    url = server.guard.url + "api/check"
    own = _json_headers(server)
    assert _request(url, {"text": DRAFT}, {**own, "Content-Type": "text/plain"})[0] == 415
    assert _request(url, {"text": DRAFT}, {"Content-Type": "application/json"})[0] == 403  # no Origin
    assert _request(url, {"text": ["not", "text"]}, own)[0] == 400
    assert _request(url, {"text": DRAFT, "lang": ["en"]}, own)[0] == 400
    assert _request(server.guard.url + "api/front-matter", {"text": "本文", "platform": 3}, own)[0] == 400
    for media in (
        {"key": "../etc", "entry": {"path": "a.png"}},
        {"key": "images", "entry": {"path": ""}},
        {"key": "images", "entry": {"path": "a.png", "owner": "x"}},
        ["images"],
    ):
        assert _request(server.guard.url + "api/front-matter", {"text": "本文", "media": media}, own)[0] == 400
    # Refused on its headers, before any of its body is read.
    connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
    connection.putrequest("POST", f"/{server.guard.token}/api/check")
    for key, value in {**own, "Content-Length": str(8 << 20)}.items():
        connection.putheader(key, value)
    connection.endheaders()
    assert connection.getresponse().status == 413
    connection.close()


def test_the_page_refers_to_nothing_outside_the_server():
    assert set(page_files()) == {"index.html", "app.js", "app.css"}  # package data, as in the wheel
    for name, data in page_files().items():
        text = data.decode("utf-8")
        assert "http://" not in text and "https://" not in text and "//" + "cdn" not in text, name


def _start(folder: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    return subprocess.Popen(
        [sys.executable, "-m", "sm_lint", "serve", "--no-browser", *args],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.mark.parametrize("encoding", [None, "ascii"])
def test_ctrl_c_stops_the_command_cleanly(folder, encoding):
    # On a stream whose encoding is ASCII (a misconfigured locale) its lines are UTF-8, as every
    # command's (io/echo.py): they were written as \u escapes.
    process = _start(folder, env={"PYTHONIOENCODING": encoding} if encoding else None)
    try:
        line = process.stdout.readline()
        assert "をブラウザーで開いてください" in line
        url = re.search(r"http://\S+", line).group()
        assert url.startswith("http://127.0.0.1:") and _request(url + "api/setup")[0] == 200
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=20)
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert err.strip() == "sm-lint serve: 終了しました"
    assert not set(os.listdir(folder)) - {".sm-lint.yaml"}  # nothing written where it ran


def test_a_broken_configuration_is_one_line_and_exit_2(folder):
    (folder / ".sm-lint.yaml").write_text("fail-on: sometimes\n", encoding="utf-8")
    process = _start(folder)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 2 and out == ""
    assert err.startswith("sm-lint: ") and ".sm-lint.yaml:1" in err and len(err.strip().splitlines()) == 1


def test_the_rule_caches_notice_and_what_is_turned_off_are_said_as_lint_says_them(folder):
    (folder / ".sm-lint.yaml").write_text(ACCOUNTS + "ignore: [prohibited]\n", encoding="utf-8")
    shared = folder / "shared-cache"  # writable by anyone: the rule cache is not used
    shared.mkdir()
    shared.chmod(0o777)
    process = _start(folder, "--lang", "en", env={"SM_LINT_CACHE_DIR": str(shared)})
    try:
        url = re.search(r"http://\S+", process.stdout.readline()).group()
        origin = url.split("/")[0] + "//" + url.split("/")[2]
        headers = {"Content-Type": "application/json", "Origin": origin}
        status, body, _ = _request(url + "api/check", {"text": DRAFT, "lang": "en"}, headers)
    finally:
        process.kill()
        process.communicate()
    assert status == 200
    result = json.loads(body)
    assert "JP-P101" not in {f["rule"] for f in result["findings"]}
    off, cache = result["notice"].split("\n")
    assert off == "not checked (by .sm-lint.yaml): categories prohibited"  # the folder is where it runs
    assert cache.startswith(str(shared)) and "not using the rule cache" in cache
    (folder / "draft.md").write_text(DRAFT, encoding="utf-8")  # the same lines as the command line's
    said = subprocess.run(
        [sys.executable, "-m", "sm_lint", "--format", "concise", "--lang", "en", "draft.md"],
        cwd=folder,
        env={**os.environ, "SM_LINT_CACHE_DIR": str(shared)},
        capture_output=True,
        text=True,
    )
    assert said.stderr.splitlines() == [f"sm-lint: {off}", f"sm-lint: {cache}"]
