"""Link rules (issue 3): extraction, shorteners, trust policy, social posts, adult sites, config.

Every URL here is an inert string: nothing is opened, and one test makes sure of it.
"""

from __future__ import annotations

import socket

import pytest

from sm_lint.checks.links.hostlists import bundled_list
from sm_lint.errors import ConfigError
from sm_lint.io.yamlsafe import load_yaml
from sm_lint.rules.sections import parse_config

CITY = "https://www.city.joetsu.niigata.jp/soshiki/koho/"


def config(text: str):
    return parse_config(load_yaml(text), ".sm-lint.yaml")


def by_rule(findings, rule):
    return [f for f in findings if f.rule == rule]


# --- extraction -------------------------------------------------------------------------


def test_full_width_url_is_found_and_reported_on_the_original_characters(lint):
    text = "申込みはｈｔｔｐｓ：／／ｂｉｔ．ｌｙ／３ｘＡｂＣｄＥから。"
    [finding] = by_rule(lint(text), "JP-L101")
    assert finding.match == "ｈｔｔｐｓ：／／ｂｉｔ．ｌｙ／３ｘＡｂＣｄＥ"
    assert text[finding.start : finding.end] == finding.match


def test_url_stops_before_japanese_text_and_full_width_brackets(lint):
    [first] = by_rule(lint("詳しくはhttps://bit.ly/3xAbCdEです。"), "JP-L101")
    assert first.match == "https://bit.ly/3xAbCdE"
    [second] = by_rule(lint("申込フォーム（https://tinyurl.com/joetsu-event）をご利用ください。"), "JP-L101")
    assert second.match == "https://tinyurl.com/joetsu-event"


def test_markdown_link_checks_the_target_and_reports_the_whole_link(lint):
    text = "イベントの詳細は[市のページ](https://t.co/AbCdEf12)をご覧ください。"
    [finding] = by_rule(lint(text), "JP-L101")
    assert finding.match == "[市のページ](https://t.co/AbCdEf12)"


def test_markdown_link_whose_visible_url_differs_from_its_target_is_unsafe(lint):
    text = f"最新情報は[{CITY}](https://example.com/joetsu/)へ。"
    [finding] = by_rule(lint(text), "JP-L201")
    assert "表示されているURL" in finding.message


def test_www_link_without_scheme_is_checked(lint):
    [finding] = by_rule(lint("観光情報はwww.joetsu-kanko-info.net/springで確認できます。"), "JP-L203")
    assert finding.match == "www.joetsu-kanko-info.net/spring"
    assert "joetsu-kanko-info.net" in finding.message


@pytest.mark.parametrize(
    "text, rule, match",
    [
        ("申込みはbit.ly/3xAbCdEから。", "JP-L101", "bit.ly/3xAbCdE"),
        ("友だち追加は lin.ee/aBcDeFg から", "JP-L101", "lin.ee/aBcDeFg"),
        ("会見の動画（youtu.be/dQw4w9WgXcQ）です", "JP-L102", "youtu.be/dQw4w9WgXcQ"),
        ("申込みはｂｉｔ．ｌｙ／３ｘＡｂＣｄＥから。", "JP-L101", "ｂｉｔ．ｌｙ／３ｘＡｂＣｄＥ"),
        (
            "申込みは https://bit.ly/3xAbCdE から。",
            "JP-L101",
            "https://bit.ly/3xAbCdE",
        ),  # once, not again without https://
    ],
)
def test_link_without_scheme_is_checked_when_a_path_follows_a_real_domain(lint, text, rule, match):
    # X, LINE and Facebook turn bit.ly/… into a link even without https://
    [finding] = by_rule(lint(text), rule)
    assert finding.match == match


@pytest.mark.parametrize(
    "text",
    [
        "資料はreport.pdf/2ページ目です。",  # .pdf is no top-level domain
        "No.1/2の順位です。",
        "問い合わせは info@bit.ly/abc まで",  # the host of a mail address
        "#bit.ly/abc のタグ",
        "bit.ly だけでは行き先がありません",  # no path: a name, not a link
    ],
)
def test_text_that_only_looks_like_a_link_without_scheme_is_left_alone(lint, text):
    assert [f.match for f in lint(text) if f.category.endswith(("-url", "-link"))] == []


def test_visible_url_without_scheme_that_differs_from_the_target_is_unsafe(lint):
    [finding] = by_rule(lint("詳細は[city.joetsu.niigata.jp/kanko](https://joetsu-kanko.example/x)へ"), "JP-L201")
    assert "city.joetsu.niigata.jp" in finding.message and "joetsu-kanko.example" in finding.message


def test_unicode_host_is_named_as_a_reader_sees_it(lint):
    [finding] = by_rule(lint("特設サイト https://上越まつり.jp/ をご覧ください。"), "JP-L203")
    assert "上越まつり.jp" in finding.message


def test_punycode_homoglyph_of_the_city_host_is_unsafe(lint):
    label = "jоetsu".encode("idna").decode()  # Cyrillic о in place of the Latin o
    assert label.startswith("xn--")
    text = f"市のお知らせは https://www.city.{label}.niigata.jp/ です。"
    [finding] = by_rule(lint(text), "JP-L201")
    assert "city.joetsu.niigata.jp" in finding.message


# --- shortened URLs ---------------------------------------------------------------------


def test_every_listed_shortener_is_caught_in_a_sentence(linter, rules):
    rule = [r for r in rules if r.id == "JP-L101"]
    hosts = list(bundled_list("shorteners.txt").hosts)
    assert len(hosts) > 1000
    missed = [h for h in hosts if not linter.lint_text(f"申込みは https://{h}/AbC12xY から。", rules=rule)]
    assert missed == []


@pytest.mark.parametrize(
    "host",
    [
        "bit.ly",
        "t.co",
        "tinyurl.com",
        "goo.gl",
        "ow.ly",
        "is.gd",
        "x.gd",
        "buff.ly",
        "amzn.to",
        "amzn.asia",
        "r10.to",
        "cutt.ly",
        "rebrand.ly",
        "t.ly",
        "shorturl.at",
        "u0u1.net",
        "ux.nu",
        "htn.to",
        "lin.ee",
    ],
)
def test_issue_named_shorteners_are_errors(lint, host):
    [finding] = by_rule(lint(f"キャンペーンの詳細はこちら https://{host}/Zy9KpQ2 まで"), "JP-L101")
    assert finding.severity == "error"
    assert host in finding.message


def test_first_party_short_link_is_a_warning_with_the_full_form(lint):
    [finding] = by_rule(lint("市長の記者会見の動画です https://youtu.be/dQw4w9WgXcQ"), "JP-L102")
    assert finding.severity == "warning"
    assert finding.suggestion == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert not by_rule(lint("市長の記者会見の動画です https://youtu.be/dQw4w9WgXcQ"), "JP-L101")


def test_unlisted_service_with_a_random_token_looks_like_a_short_link(lint):
    [finding] = by_rule(lint("申込みは https://sho.example/Xk3pQ9a から。"), "JP-L103")
    assert finding.severity == "warning"
    assert not by_rule(lint("特集 https://example.com/Top2024 をご覧ください。"), "JP-L103")
    assert not by_rule(lint(f"{CITY}Xk3pQ9a"), "JP-L103")


def test_city_line_link_can_be_allowed_in_config(linter):
    text = "上越市公式LINEの友だち追加はこちら https://lin.ee/aBcDeFg"
    assert by_rule(linter.lint_text(text), "JP-L101")
    allowed = config("links:\n  allow: ['https://lin.ee/aBcDeFg']\n")
    assert linter.lint_text(text, config=allowed) == []
    other = "友だち追加 https://lin.ee/zZzZzZz"
    assert by_rule(linter.lint_text(other, config=allowed), "JP-L101")


def test_extra_shortener_from_config(linter):
    text = "詳しくは https://go.example.jp/abc をご覧ください。"
    assert not by_rule(linter.lint_text(text), "JP-L101")
    extra = config("links:\n  shorteners: [go.example.jp]\n")
    assert by_rule(linter.lint_text(text, config=extra), "JP-L101")
    assert not by_rule(linter.lint_text(text, config=extra), "JP-L203")


def test_configured_shorteners_are_merged_once_per_configuration(linter, monkeypatch):
    from sm_lint.checks.links.hostlists import HostList

    merged = []
    extend = HostList.extend
    monkeypatch.setattr(HostList, "extend", lambda self, hosts: merged.append(1) or extend(self, hosts))
    extra = config("links:\n  shorteners: [go.example.jp]\n")
    for n in range(5):
        findings = linter.lint_text(f"{n}件目 https://go.example.jp/abc{n} と https://bit.ly/x{n}", config=extra)
        assert len(by_rule(findings, "JP-L101")) == 2
    # one merged list per rule that adds the setting, not one per draft and link rule
    assert 0 < len(merged) <= 8


# --- trust policy -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        CITY,
        "https://city.joetsu.niigata.jp/site/kanko/",
        "https://www.pref.niigata.lg.jp/sec/kikitaisaku/",
        "https://www.jma.go.jp/bosai/warning/",
        "https://www.city.itoigawa.lg.jp/",
        "https://www.city.myoko.niigata.jp/",
        "https://www.city.yokohama.lg.jp/",
        "https://www.city.kawasaki.jp/",
        "https://www.city.sapporo.jp/chuo/",
        "https://www.vill.hakuba.nagano.jp/",
        "https://www.town-kiso.com/",
        "https://www.nhk.or.jp/niigata/",
    ],
)
def test_official_public_sites_raise_nothing(lint, url):
    assert lint(f"詳しくは {url} をご覧ください。") == []


@pytest.mark.parametrize(
    "url",
    [
        "https://event.niigata.jp/",  # prefecture-type names are open to anyone
        "https://joetsu.example.com/",
        "https://city.co.jp/",  # an attribute-type company domain whose name is "city"
    ],
)
def test_open_namespaces_are_not_trusted(lint, url):
    [finding] = by_rule(lint(f"イベント情報 {url} もどうぞ。"), "JP-L203")
    assert finding.severity == "warning"


def test_an_office_host_the_configuration_trusts_is_trusted(linter):
    text = "確認用の画面 https://cms.joetsu.lan/draft/12 で見られます。"
    assert [f.rule for f in linter.lint_text(text)] == ["JP-L201"]
    assert linter.lint_text(text, config=config("links:\n  also_trusted: joetsu.lan\n")) == []


def test_school_domain_is_trusted_with_lower_confidence(lint):
    findings = lint("研究成果は https://www.niigata-u.ac.jp/news/ で公開されています。")
    assert [(f.rule, f.severity) for f in findings] == [("JP-L204", "info")]


@pytest.mark.parametrize(
    "url,reason",
    [
        ("https://city.joetsu.niigata.jp@evil.example/login", "evil.example"),
        ("http://203.0.113.5/kyufu/", "IPアドレス"),
        ("javascript:alert(1)", "javascript:"),
        ("https://city.joetsu.niigata.jp.evil.example/", "似せた"),
        ("https://city-joetsu-niigata.com/news/", "似せた"),
        ("https://www.city.chiyoda.lg.jp.example.com/", "lg.jp"),
        ("https://www.city.joetsuu.niigata.jp/", "似せた"),
        # a page only the office network or one computer knows: readers cannot open it
        ("http://localhost:8080/preview/", "localhost はインターネットにないアドレス"),
        ("http://fs01/kouhou/2026/event.pdf", "fs01 はインターネットにないアドレス"),
        ("https://cms.joetsu.lan/draft/12", "cms.joetsu.lan はインターネットにないアドレス"),
    ],
)
def test_unsafe_links_are_errors_with_the_reason(lint, url, reason):
    findings = lint(f"申請はこちら {url} から。")
    assert [f.rule for f in findings] == ["JP-L201"]
    assert findings[0].severity == "error"
    assert reason in findings[0].message


def test_plain_http_to_a_trusted_host_suggests_https(lint):
    [finding] = lint("詳しくは http://www.city.joetsu.niigata.jp/soshiki/koho/ をご覧ください。")
    assert (finding.rule, finding.severity) == ("JP-L202", "error")
    assert finding.suggestion == CITY


def test_partner_body_can_be_trusted_in_config(linter):
    text = "観光情報は https://www.joetsu-kanko.net/ へ。"
    assert by_rule(linter.lint_text(text), "JP-L203")
    trusted = config("links:\n  also_trusted: [joetsu-kanko.net]\n")
    assert linter.lint_text(text, config=trusted) == []
    one = config("links:\n  also_trusted: Joetsu-Kanko.net\n")  # one host: a list of one
    assert linter.lint_text(text, config=one) == []


@pytest.mark.parametrize(
    "text,message",
    [
        ("links:\n  trusted_hosts: [a.jp]\n", "unknown key"),
        (
            "links:\n  trusted_lists: [no-such-list.txt]\n",
            "`links.trusted_lists`: no list 'no-such-list.txt' in rules/lists/",
        ),
        ("links:\n  also_trusted: 5\n", "list of host names"),
        (
            "links:\n  shorteners: [sho.example/abc]\n",
            "`links.shorteners`: not a host list entry",
        ),  # when read, not per draft
        ("links:\n  also_trusted: [example.jp, {host: a.jp}]\n", "list of host names"),
    ],
)
def test_bad_links_config_is_an_error(text, message):
    with pytest.raises(ConfigError) as error:
        config(text)
    assert message in error.value.text("en")


# --- social posts and adult sites -------------------------------------------------------


def test_other_accounts_post_gets_its_own_message(lint):
    [finding] = lint("この投稿が話題です https://x.com/someone_jp/status/1790000000000000000")
    assert finding.rule == "JP-L205"
    assert "投稿" in finding.message and "someone_jp" in finding.message


def test_own_account_is_not_reported(linter):
    text = "先日の投稿もご覧ください https://twitter.com/Joetsu_City/status/1790000000000000000"
    own = config("links:\n  own_accounts: ['https://x.com/joetsu_city']\n")
    assert by_rule(linter.lint_text(text), "JP-L205")
    assert linter.lint_text(text, config=own) == []


def test_a_trusted_account_is_not_reported_and_the_message_names_the_setting(linter):
    text = "県の発表です https://x.com/Niigata_Pref/status/1865432198765432109"
    [finding] = by_rule(linter.lint_text(text), "JP-L205")
    assert "https://x.com/niigata_pref を設定 links.trusted_accounts" in finding.message
    trusted = config("links:\n  trusted_accounts: https://twitter.com/niigata_pref\n")
    assert linter.lint_text(text, config=trusted) == []
    other = "こちら https://x.com/niigata_pref_fan/status/1"
    assert by_rule(linter.lint_text(other, config=trusted), "JP-L205")


@pytest.mark.parametrize(
    "url",
    [
        "https://www.pornhub.com/",
        "https://example.xxx/",
        "https://free-porno-tube.example.com/",
        "https://jp.xhamster.com/",
    ],
)
def test_adult_sites_are_obscene_links(lint, url):
    findings = lint(f"夏祭りの動画はこちら {url}")
    assert [(f.rule, f.clause, f.severity) for f in findings] == [("JP-L301", "5(5)", "error")]


@pytest.mark.parametrize(
    "url", ["https://www.essex.ac.uk/", "https://www.middlesex.example.org/", "https://sexualhealth.example.org/"]
)
def test_ordinary_words_containing_adult_keywords_are_not_obscene(lint, url):
    assert not by_rule(lint(f"交流先 {url} の紹介です。"), "JP-L301")


# --- offline ----------------------------------------------------------------------------


def test_linting_links_never_opens_a_connection(linter, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("sm-lint tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    text = "\n".join(
        [
            "https://bit.ly/3xAbCdE",
            "https://上越まつり.jp/",
            "https://example.com/Xk3pQ9a",
            "http://203.0.113.5/",
            CITY,
            "https://x.com/someone/status/1",
        ]
    )
    assert linter.lint_text(text)


def test_markdown_link_text_is_still_checked_by_word_rules(lint):
    findings = lint("[あのバカな客の話](https://www.city.joetsu.niigata.jp/soshiki/koho/)")
    assert any(f.category == "prohibited" and "バカ" in f.match for f in findings)


def test_facebook_profile_ids_name_the_account(tmp_path):
    from sm_lint.rules.sections import load_config

    config = tmp_path / ".sm-lint.yaml"
    config.write_text(
        "links:\n  own_accounts: ['https://www.facebook.com/profile.php?id=100064000000001']\n", encoding="utf-8"
    )
    from sm_lint.run.linter import Linter

    linter = Linter()
    own = "https://www.facebook.com/profile.php?id=100064000000001"
    other = "https://www.facebook.com/profile.php?id=100099000000002"
    settings = load_config(config)
    assert not [f for f in linter.lint_text(f"市のページ {own}", config=settings) if f.rule == "JP-L205"]
    [finding] = [f for f in linter.lint_text(f"こちら {other}", config=settings) if f.rule == "JP-L205"]
    assert "100099000000002" in finding.message


@pytest.mark.parametrize(
    "url,is_ip",
    [
        ("http://203.0.113.5/kyufu/", True),
        ("http://[2001:db8::1]/kyufu/", True),
        ("http://3232235777/", True),  # one number: browsers open it as 192.168.1.1
        ("http://010.1.1.1/", True),
        ("https://www.city.joetsu.niigata.jp/", False),
        ("http://1.2.3.example/", False),
        ("http://[not:an:address]/", False),
    ],
)
def test_ip_hosts_are_told_from_names(url, is_ip):
    from sm_lint.text.urls import parse

    assert parse(url).is_ip is is_ip
