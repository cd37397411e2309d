"""How far a link can be trusted (6(1)② 留意事項: 信頼できないページへのリンク).

Tiers: the city's own hosts and other public bodies (trusted), schools (ac.jp / ed.jp, trusted
with lower confidence), everything else (confirm it is reliable). Some links are unsafe
whatever the host: other schemes, an IP address, a user name before `@`, a visible URL that
differs from the target, and look-alikes of a trusted name. Only the written URL is examined.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache, partial
from typing import Any, NamedTuple

from sm_lint.checks.links.hostlists import HostList, host_in, load_lists
from sm_lint.errors import ConfigError, RuleError
from sm_lint.text.urls import Link, on_internet, parse, public_suffix, registrable, strip_www

_RESERVED = {"pref", "metro", "city", "town", "vill"}
_ATTRIBUTE_TYPES = {"ac", "ad", "co", "ed", "go", "gr", "lg", "ne", "or"}  # XX.jp, open to companies etc.
_WEB_SCHEMES = {"http", "https", ""}

# Letters that render like ASCII ones (a small part of Unicode confusables.txt), and ASCII tricks.
_CONFUSABLES = str.maketrans(
    {
        "а": "a",
        "е": "e",
        "о": "o",
        "р": "p",
        "с": "c",
        "у": "y",
        "х": "x",
        "і": "i",
        "ј": "j",
        "ѕ": "s",
        "һ": "h",
        "ԁ": "d",
        "ԛ": "q",
        "ԝ": "w",
        "ӏ": "l",
        "ο": "o",
        "α": "a",
        "ν": "v",
        "ι": "i",
        "κ": "k",
        "ρ": "p",
        "χ": "x",
        "υ": "u",
        "ε": "e",
        "ı": "i",
        "ɡ": "g",
        "ɑ": "a",
        "0": "o",
        "1": "l",
    }
)


def validate(value: Any, where: str) -> dict[str, Any]:
    """The `links:` section's check (rules/sections.py hands it to the loader)."""
    out = {}
    for key, item in value.items():
        if isinstance(item, str):  # one host is a list of one, as in the other list settings
            item = [item]
        if key == "local_government_domains":
            if not isinstance(item, bool):
                raise ConfigError(
                    where,
                    "`links.local_government_domains` は true か false です",
                    "`links.local_government_domains` is true or false",
                )
        elif not isinstance(item, list) or not all(isinstance(v, str) and v.strip() for v in item):
            raise ConfigError(
                where,
                f"`links.{key}` はホスト名か URL のリストで書いてください",
                f"`links.{key}` must be a list of host names or URLs",
            )
        elif key == "trusted_lists":
            if item:
                _check_now(key, where, partial(load_lists, item, where))
        elif key not in (
            "allow",
            "own_accounts",
            "trusted_accounts",
        ):  # host names compare lower case, without a final dot
            if key == "shorteners":  # entries of a host list (*.example, ~keyword)
                _check_now(key, where, partial(HostList().extend, item))
            item = [v.strip().lower().rstrip(".") for v in item]
        out[key] = item
    return out


def _check_now(key: str, where: str, check: Callable[[], object]) -> None:
    """A missing list file or a bad host entry is reported when the configuration is read, not
    mid-run for each draft."""
    try:
        check()
    except RuleError as exc:
        raise ConfigError(where, f"`links.{key}`: {exc.what}", f"`links.{key}`: {exc.what_en}") from None


class Verdict(NamedTuple):
    tier: str  # unsafe | insecure | trusted | lower | untrusted
    reason: str = ""
    reason_en: str = ""


class Policy(NamedTuple):
    own: tuple[str, ...]
    trusted: tuple[str, ...]
    lower: tuple[str, ...]
    local_government: bool
    listed: HostList

    @classmethod
    def of(cls, section: dict[str, Any]) -> Policy:
        return _policy(
            tuple(section["own_hosts"]),
            tuple(section["trusted"]) + tuple(section["also_trusted"]),
            tuple(section["lower_confidence"]),
            section["local_government_domains"],
            tuple(section["trusted_lists"]),
        )

    def tier(self, host: str) -> str | None:
        if host_in(host, self.own) or host_in(host, self.trusted) or self.listed.match(host, subdomains=True):
            return "trusted"
        if self.local_government and is_local_government(host):
            return "trusted"
        if host_in(host, self.lower):
            return "lower"
        return None

    def verdict(self, link: Link, label: str | None = None) -> Verdict:
        if link.scheme not in _WEB_SCHEMES:
            return Verdict(
                "unsafe",
                f"{link.scheme}: はウェブページ（https://）へのリンクではありません",
                f"{link.scheme}: is not a link to a web page (https://)",
            )
        if link.userinfo is not None:
            return Verdict(
                "unsafe",
                f"「@」より前は飾りで、実際の行き先は {link.host} です",
                f"everything before '@' is decoration; the link goes to {link.host}",
            )
        if link.is_ip:
            return Verdict(
                "unsafe",
                "ドメイン名ではなくIPアドレスを指すリンクです",
                "the link points at an IP address, not a domain name",
            )
        shown = parse(label.strip()) if label else None
        if shown is not None and shown.host and registrable(shown.host) != registrable(link.host):
            return Verdict(
                "unsafe",
                f"表示されているURL（{shown.display_host}）と実際の行き先（{link.display_host}）が違います",
                f"the visible URL ({shown.display_host}) differs from the target ({link.display_host})",
            )
        tier = self.tier(link.host)
        if tier is not None:
            return Verdict("insecure" if link.scheme == "http" else tier)
        return self.lookalike(link) or self.offline(link) or Verdict("untrusted")

    @staticmethod
    def offline(link: Link) -> Verdict | None:
        """A host that only a computer or an office network knows (localhost, fs01, intra.local)."""
        if on_internet(link.host):
            return None
        return Verdict(
            "unsafe",
            f"{link.display_host} はインターネットにないアドレスです。"
            "庁内のネットワークや手元のパソコンの中のページは、閲覧者には開けません",
            f"{link.display_host} is not an address on the internet; a page on the office network "
            "or on one computer cannot be opened by readers",
        )

    def lookalike(self, link: Link) -> Verdict | None:
        """An untrusted host made to look like a trusted one."""
        skeleton = _skeleton(link.display_host)
        imitated = next(
            (
                name
                for name in self.own + self.trusted
                if _embedded(name).search(link.host) or _embedded(name).search(skeleton)
            ),
            None,
        )
        if imitated is None:  # a typo of the city's own host: city.joetsuu.niigata.jp
            imitated = next((own for own in self.own if _one_edit(link.bare_host, strip_www(own))), None)
        if imitated is None:  # the city's type and place in another domain: city-joetsu.jp
            imitated = next((own for own in self.own if _names_municipality(link.host, own)), None)
        if imitated:
            return Verdict(
                "unsafe",
                f"信頼できる {imitated} に似せた別のドメインです",
                f"a different domain made to look like the trusted {imitated}",
            )
        if _mixed_script(link.display_host):
            return Verdict(
                "unsafe",
                "ラテン文字とキリル文字・ギリシャ文字が混ざった、見た目をまねたドメインです",
                "the domain mixes Latin with Cyrillic or Greek letters to look like another",
            )
        return None


@lru_cache(maxsize=64)
def _policy(
    own: tuple[str, ...],
    trusted: tuple[str, ...],
    lower: tuple[str, ...],
    local_government: bool,
    lists: tuple[str, ...],
) -> Policy:
    listed = load_lists(list(lists), "configuration links.trusted_lists") if lists else HostList()
    return Policy(own, trusted, lower, local_government, listed)


def is_local_government(host: str) -> bool:
    """city.joetsu.niigata.jp, pref.niigata.jp, city.yokohama.jp: a reserved first label right
    under a geographic-type suffix. anything.niigata.jp (open to anyone) is not."""
    if not host.endswith(".jp"):
        return False
    suffix = public_suffix(host)
    labels = suffix.split(".")
    if suffix == "jp" or (len(labels) == 2 and labels[0] in _ATTRIBUTE_TYPES):
        return False
    return registrable(host).split(".")[0] in _RESERVED


@lru_cache(maxsize=256)
def _embedded(name: str) -> re.Pattern[str]:
    """The trusted name inside another host, its dots possibly turned into hyphens (or dropped,
    for long names), the top-level domain optional for names of three labels or more:
    city.joetsu.niigata.jp.example.com, city-joetsu-niigata.com, lg-jp.example."""
    labels = name.split(".")
    if len(labels) >= 3:
        labels = labels[:-1]
    joiner = r"[.\-]?" if len(name) >= 10 else r"[.\-]"
    body = joiner.join(re.escape(label) for label in labels)
    return re.compile(rf"(?:^|[.\-]){body}(?:[.\-]|$)")


def _names_municipality(host: str, own: str) -> bool:
    """The registrable domain spells both the type and the place of a local government's own
    host (city-joetsu.jp, joetsucity.com for city.joetsu.niigata.jp): only the city's own
    host may say it is the city (issue 23: such a host is an error, never offered for trust)."""
    labels = strip_www(own).split(".")
    if len(labels) < 3 or labels[0] not in _RESERVED:
        return False
    kind, place = labels[0], labels[1]
    name = re.sub(r"[.\-]", "", registrable(host))
    return kind in name and place in name


def _skeleton(host: str) -> str:
    text = unicodedata.normalize("NFKD", host.lower().translate(_CONFUSABLES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("rn", "m").replace("vv", "w")


def _mixed_script(host: str) -> bool:
    """A label that mixes Latin with Cyrillic or Greek letters (раураl.com)."""
    for label in host.split("."):
        scripts = set()
        for c in label:
            if c.isalpha():
                name = unicodedata.name(c, "")
                scripts.add("latin" if c.isascii() else name.split(" ")[0])
        if "latin" in scripts and scripts & {"CYRILLIC", "GREEK"}:
            return True
    return False


def _one_edit(a: str, b: str) -> bool:
    """One insertion, deletion, substitution or swap apart (and not equal)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) == 1 or (
            len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
        )
    short, long_ = sorted((a, b), key=len)
    i = next((i for i in range(len(short)) if short[i] != long_[i]), len(short))
    return short[i:] == long_[i + 1 :]
