"""The page of `sm-lint serve` in a real browser: Debian's Chromium, headless, driven by
Playwright. Every request that is not to the page's own server is blocked and recorded, and
the test fails if there was any. The screenshot of the page with its findings is kept in
tests/artifacts/serve.png (the picture in docs/staff/README.md is a copy of it).

Skipped where Playwright or Chromium is missing, except in CI (SM_LINT_CI=1), where that
is a failure: .ci/run installs both."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from helpers import serving

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent / "artifacts"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WAIT_MS = 15_000  # a loaded 2-core machine; each wait ends as soon as its condition holds

CONFIG = "accounts:\n  joetsu_city: {name: 上越市, platform: x, department: 広報対話課}\n"
DRAFT = (
    "---\nplatform: x\naccount: joetsu_city\napproved_by: 広報対話課長\n---\n"
    "【説明会のお知らせ】\n"
    "窓口に来たあのバカな客のせいで、裏日本の冬の説明会が長引きました。\n"
    "詳しくは https://bit.ly/3abcDEF をご覧ください。\n"
)


def _sync_playwright(chromium: str | None = None):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    missing = [
        what
        for what, there in (("playwright", sync_playwright), ("chromium", Path(chromium or CHROMIUM).exists()))
        if not there
    ]
    if missing:
        message = f"browser tests need {' and '.join(missing)} (apt-get install chromium; pip install playwright)"
        if os.environ.get("SM_LINT_CI") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return sync_playwright


def launch(p, tmp_path: Path, **options):
    """Debian's Chromium, headless, in a fresh profile under `tmp_path` (also the report test's)."""
    # Chromium keeps crash reports and settings under HOME (~/.config, ~/.cache) whatever the
    # profile: those go to the test's folder too.
    home = tmp_path / "home"
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }
    context = p.chromium.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=CHROMIUM,
        headless=True,
        args=FLAGS,
        env=env,
        locale="ja-JP",
        service_workers="block",
        **options,
    )
    context.set_default_timeout(WAIT_MS)
    return context


@pytest.fixture()
def app(tmp_path, request):
    """The server for a folder with CONFIG, or the configuration a test gives (indirect)."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / ".sm-lint.yaml").write_text(getattr(request, "param", CONFIG), encoding="utf-8")
    with serving(folder) as server:
        yield server


@pytest.fixture()
def browser(app, tmp_path):
    """A page in a fresh profile, with every request to anywhere else aborted and recorded."""
    sync_playwright = _sync_playwright()
    own = ("127.0.0.1", app.server_address[1])
    elsewhere: list[str] = []
    complaints: list[str] = []  # script errors, and what the page's security policy refused

    def route(r):
        parts = urlsplit(r.request.url)
        if (parts.hostname, parts.port) == own:
            r.continue_()
        else:
            elsewhere.append(r.request.url)
            r.abort()

    with sync_playwright() as p:
        context = launch(p, tmp_path, accept_downloads=True, viewport={"width": 1280, "height": 960})
        context.route("**/*", route)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=f"http://127.0.0.1:{own[1]}")
        page = context.pages[0] if context.pages else context.new_page()
        page.on("console", lambda message: message.type == "error" and complaints.append(message.text))
        page.on("pageerror", lambda error: complaints.append(str(error)))
        yield page
        context.close()
    assert elsewhere == [], f"the page asked for something outside its server: {elsewhere}"
    assert complaints == []


def _contrast(page, selector: str) -> float:
    """WCAG contrast ratio of an element's text colour on its background."""
    return page.eval_on_selector(
        selector,
        """element => {
        const rgb = (value) => value.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
        const luminance = (value) => {
            const [r, g, b] = rgb(value).map((c) => {
                c /= 255;
                return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
            });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        let background = element, colour = 'rgba(0, 0, 0, 0)';
        while (background && (colour = getComputedStyle(background).backgroundColor) === 'rgba(0, 0, 0, 0)') {
            background = background.parentElement;
        }
        const [light, dark] = [luminance(getComputedStyle(element).color), luminance(colour)].sort((a, b) => b - a);
        return (light + 0.05) / (dark + 0.05);
    }""",
    )


def test_a_draft_is_checked_as_it_is_typed(app, browser):
    page = browser
    page.goto(app.guard.url)
    page.wait_for_selector("#platform option[value=instagram]", state="attached")
    page.fill("#draft", DRAFT)

    # Both problems are marked in the text itself, at the words.
    assert page.text_content("#mirror mark[data-rule=JP-P101]") == "バカ"
    assert page.text_content("#mirror mark[data-rule=JP-L101]") == "https://bit.ly/3abcDEF"
    assert "error" in page.get_attribute("#mirror mark[data-rule=JP-P101]", "class")
    insult = page.locator("#list li", has_text="JP-P101")
    assert "5(5) 不適切な発信を行わないこと" in insult.text_content()
    assert page.text_content("#summary") == "エラー 3 件、警告 0 件、情報 0 件"
    counts = page.text_content("#counts")
    assert counts.startswith("X 換算の文字数 ") and " / 280 ・ 読みやすさ " in counts and "目安 2.5 以上" in counts

    # The clause, on demand.
    insult.get_by_role("button", name="条文を表示").click()
    clause = insult.locator(".clause-text")
    clause.wait_for(state="visible")
    assert "次に掲げる情報は発信してはなりません" in clause.text_content()
    assert insult.get_by_role("button", name="条文を閉じる").get_attribute("aria-expanded") == "true"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "serve.png"), full_page=True)

    # One click applies the suggested rewrite, and the check runs again.
    page.click("button[data-apply=JP-P201]")
    page.wait_for_selector("#list li:has-text('JP-P201')", state="detached")
    text = page.input_value("#draft")
    assert "日本海側の冬の説明会" in text and "裏日本" not in text
    assert page.text_content("#summary") == "エラー 2 件、警告 0 件、情報 0 件"

    # The platform selector writes the front matter; the account is an X account (JP-M105).
    page.select_option("#platform", "instagram")
    page.wait_for_selector("#list li:has-text('JP-M105')")
    assert page.input_value("#draft").startswith("---\nplatform: instagram\naccount: joetsu_city\n")
    assert page.text_content("#counts").startswith("文字数 ") and "ハッシュタグ 0 / 5" in page.text_content("#counts")

    # Saved as .md with its front matter; the text to post has neither it nor comments.
    with page.expect_download() as download:
        page.click("#save")
    assert download.value.suggested_filename == "draft.md"
    assert Path(download.value.path()).read_text(encoding="utf-8") == page.input_value("#draft")
    page.click("#copy")
    page.wait_for_selector("#copied:has-text('コピーしました')")
    posted = page.evaluate("navigator.clipboard.readText()")
    assert posted.startswith("【説明会のお知らせ】\n窓口に来た") and "---" not in posted


def _typed(page, app, marked: str) -> None:
    """The page opened and DRAFT typed in, checked once the mark of rule `marked` shows."""
    page.goto(app.guard.url)
    page.wait_for_selector("#platform option[value=x]", state="attached")
    page.fill("#draft", DRAFT)
    page.wait_for_selector(f"#mirror mark[data-rule={marked}]")


def test_english_keyboard_and_tablet(app, browser):
    page = browser
    _typed(page, app, "JP-P101")

    page.click("#lang")
    page.wait_for_selector("#list li:has-text('JP-P101'):has-text('Do not post inappropriate content')")
    assert page.get_attribute("html", "lang") == "en"
    assert page.text_content("#findings-heading") == "Findings"
    assert page.text_content("#summary") == "3 error(s), 0 warning(s), 0 info"

    # Every control has a label, the findings are announced, focus follows the page's order.
    assert page.evaluate("[...document.querySelectorAll('input, select, textarea')].every(e => e.labels.length)")
    assert page.get_attribute("#summary", "aria-live") == "polite"
    page.focus("#lang")
    order = []
    for _ in range(13):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id || document.activeElement.textContent"))
    assert order == [
        "open",
        "platform",
        "account",
        "media",
        "alt",
        "people",
        "consent",
        "attach",
        "draft",
        "filename",
        "save",
        "copy",
        "Show the clause",
    ]
    for selector in ("body", ".badge.error", ".badge.warning", "#list .message", "#counts"):
        if page.query_selector(selector):
            assert _contrast(page, selector) >= 4.5, selector

    # A tablet held upright: the findings go below the draft, nothing wider than the screen.
    page.set_viewport_size({"width": 768, "height": 1024})
    editor, findings = page.locator(".editor").bounding_box(), page.locator(".findings").bounding_box()
    assert findings["y"] >= editor["y"] + editor["height"]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("app", [CONFIG + "ignore: [prohibited]\n"], indirect=True)
def test_rules_the_configuration_turns_off_are_said_above_the_findings(app, browser):
    # As `sm-lint lint` says it: a page without the insult's finding must not pass for a full check.
    page = browser
    _typed(page, app, "JP-L101")
    assert page.query_selector("#mirror mark[data-rule=JP-P101]") is None
    notice = page.locator("#notice")
    said = notice.text_content()  # the file as lint names it from where it runs (here: by its whole path)
    assert notice.is_visible() and said.startswith("チェックしないルール (設定 ")
    assert said.endswith(f"{app.session.folder / '.sm-lint.yaml'}): カテゴリ prohibited")
    box, findings = notice.bounding_box(), page.locator("#list").bounding_box()
    assert box["y"] + box["height"] <= findings["y"]  # a line above the findings
    assert _contrast(page, "#notice") >= 4.5
    page.click("#lang")
    page.wait_for_selector("#notice:has-text('.sm-lint.yaml): categories prohibited')")
    assert notice.text_content().startswith("not checked (by ")


# A 1×1 PNG: what the page shows as a preview; the check reads only its entry.
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360f8cfc0f01f0005000201e2b9a1f80000000049454e44ae426082"
)


def test_an_attached_image_is_checked_by_its_entry(app, browser):
    page = browser
    page.goto(app.guard.url)
    page.wait_for_selector("#people option[value=identifiable]", state="attached")
    page.fill(
        "#draft",
        "---\nplatform: x\naccount: joetsu_city\napproved_by: 広報対話課長\n---\n雪まつりの会場のようすです。\n",
    )
    page.wait_for_selector("#summary:has-text('問題は見つかりませんでした')")

    page.set_input_files("#media", files=[{"name": "kids.png", "mimeType": "image/png", "buffer": PIXEL}])
    page.fill("#alt", "雪像の前の子どもたち")
    page.select_option("#people", "identifiable")
    page.select_option("#consent", "pending")
    page.click("#attach")
    page.wait_for_selector("#list li:has-text('JP-F101')")  # identifiable people, consent pending
    assert (
        "images:\n- path: kids.png\n  alt: 雪像の前の子どもたち\n  people: identifiable\n  consent: pending\n---\n"
        in page.input_value("#draft")
    )
    assert page.get_attribute("#thumbs img", "alt") == "雪像の前の子どもたち"
    assert page.evaluate("document.querySelector('#thumbs img').naturalWidth") == 1

    # Without a choice for the people in it, the entry says nothing and the check asks.
    page.set_input_files("#media", files=[{"name": "hall.png", "mimeType": "image/png", "buffer": PIXEL}])
    page.click("#attach")
    page.wait_for_selector("#list li:has-text('JP-F102')")
    assert "- path: hall.png\n---" in page.input_value("#draft")


def test_in_ci_a_missing_browser_fails_and_is_not_skipped(monkeypatch, tmp_path):
    monkeypatch.setenv("SM_LINT_CI", "1")
    with pytest.raises(pytest.fail.Exception, match="chromium"):
        _sync_playwright(str(tmp_path / "no-chromium"))
    monkeypatch.delenv("SM_LINT_CI")
    with pytest.raises(pytest.skip.Exception, match="chromium"):
        _sync_playwright(str(tmp_path / "no-chromium"))
