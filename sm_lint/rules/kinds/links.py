"""Link kinds (6(1)② 留意事項, 5(5)): every link in the draft, checked by host.

- `link-list: [shorteners.txt]`  the link's host is on a list under rules/lists/
  (options: `subdomains: true` to match subdomains of plain entries, `config: shorteners`
  to add the hosts of that key of the `links:` configuration).
- `short-link-shape: true`  an unlisted host whose whole path is one random-looking token
  (bit.ly/3xAbCdE): the usual shape of a short link (option `skip: [lists]`).
- `link-trust: unsafe | insecure | untrusted | lower | social`  the trust policy of
  sm_lint.checks.links.linktrust (options: `skip: [lists]` hosts another rule reports; `platforms: [lists]`
  the social-media hosts for `social`).
Links listed under `links.allow` or `links.own_accounts` in the configuration are never reported. Nothing is opened.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, overload
from urllib.parse import parse_qs

from sm_lint.checks.links.hostlists import HostList, load_lists
from sm_lint.checks.links.linktrust import Policy
from sm_lint.errors import RuleError
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.options import one_of
from sm_lint.rules.registry import kind
from sm_lint.settings.keys import BY_NAME
from sm_lint.text.lazyre import lazy_compile
from sm_lint.text.urls import Link, parse, registrable

if TYPE_CHECKING:
    from sm_lint.settings.config import Config
    from sm_lint.text.analysis import Analysis
    from sm_lint.text.extract import Entity

LINK_KEYS = tuple(BY_NAME["links"].defaults)

_POST = lazy_compile(
    r"/(?:status|statuses|p|reel|reels|posts|videos?|photos?|stories|permalink\.php|story\.php)\b", re.I
)
_NOT_ACCOUNTS = {
    "",
    "home",
    "explore",
    "search",
    "hashtag",
    "i",
    "intent",
    "share",
    "sharer",
    "watch",
    "login",
    "signup",
    "about",
    "help",
    "legal",
    "privacy",
    "settings",
    "tag",
    "discover",
}
_TOKEN = lazy_compile(r"/([A-Za-z0-9]{5,12})")
# Words, camelCase, acronyms and word+number, which real page names use (myGov, Top2024, FAQ2024).
_WORDLIKE = lazy_compile(
    r"[a-z]?(?:[A-Z]?[a-z]{2,})+[0-9]*|[A-Z]{2,}[a-z]*[0-9]*|[a-z]+[A-Z]{2,}|[a-z]+[0-9]+[a-z]*|[0-9]+[a-z]*"
)
_PLATFORM_ALIASES = {"twitter.com": "x.com", "fb.com": "facebook.com", "threads.com": "threads.net"}


def _key(link: Link) -> str:
    """Host and path without scheme and `www.`, for comparing with `links.allow`."""
    return link.bare_host + link.rest


# What every link rule needs of a draft (rules/deferred.py): a link (links() reads no other).
_A_LINK: list[tuple[str, Any]] = [("entity", frozenset({"url"}))]


def links(analysis: Analysis) -> list[tuple[Entity, Link]]:
    """Every link entity with its parsed URL, less those on `links.allow`: once per draft,
    for all the link rules."""
    return analysis.memo("links", _links)


def _allowed_keys(config: Config) -> list[str]:
    """`allow`, and the city's own accounts: its LINE link (https://lin.ee/…) is on a shortener
    host, but a link to the city's own account is never a finding (issue 23)."""
    section = config.section("links")
    return [_key(a).rstrip("/") for key in ("allow", "own_accounts") for a in map(parse, section[key]) if a]


def _links(analysis: Analysis) -> list[tuple[Entity, Link]]:
    urls = [entity for entity in analysis.entities if entity.kind == "url"]
    allowed_keys = analysis.config.memo("links.allowed", _allowed_keys) if urls else []
    found: list[tuple[Entity, Link]] = []
    for entity in urls:
        link = parse(entity.text)
        if link is None:
            continue
        key = _key(link)
        if any(key == a or key.startswith(a + "/") or key.startswith(a + "?") for a in allowed_keys):
            continue
        found.append((entity, link))
    return found


def _extended(analysis: Analysis, hosts: HostList, key: str) -> HostList:
    """`hosts` plus the hosts of `links.<key>` in the configuration: made once per
    configuration, not copied for every draft and rule."""
    return analysis.config.memo(("links.hosts", hosts, key), _with_configured)


def _with_configured(config: Config, hosts: HostList, key: str) -> HostList:
    return hosts.extend(config.section("links")[key])


@overload
def _settings(analysis: Analysis, skip: HostList) -> tuple[dict[str, Any], Policy, HostList]: ...
@overload
def _settings(analysis: Analysis, skip: HostList | None) -> tuple[dict[str, Any], Policy, HostList | None]: ...
def _settings(analysis: Analysis, skip: HostList | None) -> tuple[dict[str, Any], Policy, HostList | None]:
    """The `links:` settings, the trust policy, and `skip` plus the configured shorteners."""
    section = analysis.config.section("links")
    return section, Policy.of(section), _extended(analysis, skip, "shorteners") if skip is not None else None


class ListMatcher(Matcher):
    def __init__(self, hosts: HostList, subdomains: bool, config_key: str | None) -> None:
        self.hosts = hosts
        self.subdomains = subdomains
        self.config_key = config_key

    def draft_needs(self) -> list[tuple[str, Any]] | None:
        return _A_LINK

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        found_links = links(analysis)
        if not found_links:  # most drafts: no settings or lists to prepare
            return
        hosts = _extended(analysis, self.hosts, self.config_key) if self.config_key else self.hosts
        for entity, link in found_links:
            if not link.host:
                continue
            found = hosts.match(link.host, self.subdomains)
            if found is None:
                continue
            entry, note = found
            suggestion = note.replace("{path}", link.rest.lstrip("/")) if note else None
            yield Hit(
                entity.start, entity.end, suggestion, detail={"host": link.display_host, "entry": entry.lstrip("~*.")}
            )


@kind("link-list", options=("subdomains", "config"))
def compile_link_list(spec: dict[str, Any], where: str) -> ListMatcher:
    config_key = spec.get("config")
    if config_key is not None and (not isinstance(config_key, str) or config_key not in LINK_KEYS):
        raise RuleError(
            where,
            f"`config` には設定 links: のキー ({', '.join(LINK_KEYS)}) のいずれかを書いてください",
            f"`config` names a key of the links: configuration ({', '.join(LINK_KEYS)})",
        )
    return ListMatcher(load_lists(spec["link-list"], where), bool(spec.get("subdomains")), config_key)


def _unpronounceable(token: str) -> bool:
    """Capitals in six or more letters with fewer than one vowel in four (JDRBBZA, cZVVSDA):
    the case pattern alone would pass for an acronym. Lower-case words with consonant runs
    (strength) stay words."""
    letters = [c for c in token.lower() if c.isalpha()]
    return not token.islower() and len(letters) >= 6 and sum(c in "aeiou" for c in letters) * 4 < len(letters)


def random_token(path: str) -> bool:
    """The path is a single token mixing letters with case changes or digits, not a word."""
    m = _TOKEN().fullmatch(path)
    if not m:
        return False
    token = m.group(1)
    if _unpronounceable(token):
        return True
    if _WORDLIKE().fullmatch(token):
        return False
    return sum(any(test(c) for c in token) for test in (str.isupper, str.islower, str.isdigit)) >= 2


class ShapeMatcher(Matcher):
    def __init__(self, skip: HostList) -> None:
        self.skip = skip

    def draft_needs(self) -> list[tuple[str, Any]] | None:
        return _A_LINK

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        found_links = links(analysis)
        if not found_links:
            return
        _, policy, skip = _settings(analysis, self.skip)
        for entity, link in found_links:
            if (
                link.web
                and link.host
                and random_token(link.rest)
                and policy.tier(link.host) is None
                and not skip.match(link.host, subdomains=True)
            ):
                yield Hit(entity.start, entity.end, detail={"host": link.display_host})


@kind("short-link-shape", options=("skip",))
def compile_short_link_shape(spec: dict[str, Any], where: str) -> ShapeMatcher:
    if spec["short-link-shape"] is not True:
        raise RuleError(where, "`short-link-shape` には `true` を書いてください", "`short-link-shape` takes `true`")
    return ShapeMatcher(load_lists(spec["skip"], where) if "skip" in spec else HostList())


def _account(link: Link) -> tuple[str, str]:
    platform = link.bare_host
    platform = re.sub(r"^(?:m|mobile)\.", "", platform)
    platform = _PLATFORM_ALIASES.get(platform, platform)
    first, _, query = link.rest.lstrip("/").split("/", 1)[0].partition("?")
    if first.endswith(".php"):  # facebook.com/profile.php?id=…: the id names the account
        first = parse_qs(query).get("id", [first])[0]
    return platform, first.lower()


def _quoted_accounts(config: Config) -> set[tuple[str, str]]:
    """(platform, account) of the accounts quoted freely: the city's own and the others it has
    found reliable (parsed once per configuration, not per draft and rule)."""
    section = config.section("links")
    return {_account(a) for key in ("own_accounts", "trusted_accounts") for a in map(parse, section[key]) if a}


class TrustMatcher(Matcher):
    def __init__(self, check: str, skip: HostList | None, platforms: HostList | None) -> None:
        self.check = check
        self.skip = skip
        self.platforms = platforms

    def draft_needs(self) -> list[tuple[str, Any]] | None:
        return _A_LINK

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        found_links = links(analysis)
        if not found_links:
            return
        _section, policy, skip = _settings(analysis, self.skip)
        for entity, link in found_links:
            if self.check == "social":
                hit = self._social(entity, link, analysis.config.memo("links.accounts", _quoted_accounts))
            elif skip is not None and link.host and skip.match(link.host, subdomains=True):
                continue
            else:
                hit = self._trust(entity, link, policy, analysis)
            if hit is not None:
                yield hit

    def _trust(self, entity: Entity, link: Link, policy: Policy, analysis: Analysis) -> Hit | None:
        verdict = policy.verdict(link, entity.label)
        if verdict.tier != self.check:
            return None
        detail = {
            "host": link.display_host,
            "domain": registrable(link.display_host),
            "reason": verdict.reason,
            "reason_en": verdict.reason_en,
        }
        if verdict.tier != "insecure":
            return Hit(entity.start, entity.end, detail=detail)
        suggestion = "https://" + link.url[len("http://") :]
        # --fix may swap the URL only where the draft spells exactly that URL: not inside a
        # Markdown link (the span is the whole [text](url)) nor in full-width characters.
        start, end = analysis.to_original(entity.start, entity.end)
        safe = entity.label is None and analysis.draft.text[start:end] == link.url
        return Hit(entity.start, entity.end, suggestion, detail=detail, safe=safe)

    def _social(self, entity: Entity, link: Link, quoted: set[tuple[str, str]]) -> Hit | None:
        assert self.platforms is not None  # `link-trust: social` requires `platforms:`
        if not link.host or not self.platforms.match(link.host, subdomains=True):
            return None
        platform, account = _account(link)
        if account in _NOT_ACCOUNTS or (platform, account) in quoted:
            return None
        post = bool(_POST().search(link.rest))
        return Hit(
            entity.start,
            entity.end,
            detail={
                "account": account,
                "platform": platform,
                "page": f"https://{platform}/{account}",
                "what": "他のアカウントの投稿" if post else "他のアカウント",
                "what_en": "another account's post" if post else "another account",
            },
        )


_CHECKS = ("unsafe", "insecure", "untrusted", "lower", "social")


@kind("link-trust", options=("skip", "platforms"))
def compile_link_trust(spec: dict[str, Any], where: str) -> TrustMatcher:
    check = one_of(spec["link-trust"], _CHECKS, where, "link-trust")
    if check == "social" and "platforms" not in spec:
        raise RuleError(
            where,
            "`link-trust: social` には `platforms:` (ホストのリスト) が必要です",
            "`link-trust: social` needs `platforms:` (a host list)",
        )
    skip = load_lists(spec["skip"], where) if "skip" in spec else None
    platforms = load_lists(spec["platforms"], where) if "platforms" in spec else None
    return TrustMatcher(check, skip, platforms)
