"""Parse a link as written in a draft into the parts the link rules compare.

Offline only: nothing here resolves or fetches anything. Hosts are compared lower-case,
without a trailing dot, in both forms (punycode `xn--…` and Unicode); the registrable
domain comes from the Public Suffix List shipped inside the `publicsuffixlist` package.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from typing import Any, NamedTuple

from sm_lint.io import rulecache
from sm_lint.text.draftcache import draft_cache
from sm_lint.text.lazyre import lazy_compile

_SCHEME = lazy_compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_AUTHORITY = lazy_compile(r"^(?:(?P<userinfo>[^/?#@]*)@)?(?P<host>\[[^\]]*\]|[^/?#:]*)(?::(?P<port>\d*))?")
# A host written without a scheme, as in bit.ly/3xAbCdE: ASCII labels, the last of letters.
HOST_LABELS = r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+"
BARE_HOST = HOST_LABELS + r"[A-Za-z]{2,63}"
_BARE = lazy_compile(rf"^({BARE_HOST})/")


class Link(NamedTuple):
    url: str  # as written (normalized view text)
    scheme: str  # lower case; "" for a link written without one (www.…, bit.ly/…)
    userinfo: str | None
    host: str  # ASCII (punycode) form, lower case, no trailing dot
    display_host: str  # Unicode form, as a reader sees it
    rest: str  # path, query and fragment

    @property
    def is_ip(self) -> bool:
        host = self.host.strip("[]")
        # Without a colon only IPv4 is possible, which is digits and dots; so are 3232235777 and
        # 010.1.1.1, which browsers still open. Parsing every host cost a raised ValueError each.
        if ":" not in host:
            return host.replace(".", "").isdigit()
        try:
            ipaddress.ip_address(host)
        except ValueError:
            return False
        return True

    @property
    def web(self) -> bool:
        return self.scheme in ("http", "https", "")

    @property
    def bare_host(self) -> str:
        """Host without a leading `www.`."""
        return strip_www(self.host)


def strip_www(host: str) -> str:
    return host[4:] if host.startswith("www.") else host


def _label_to_ascii(label: str) -> str:
    if label.isascii():
        return label
    try:
        return label.encode("idna").decode("ascii")
    except UnicodeError:
        return label


def _label_to_unicode(label: str) -> str:
    if not label.startswith("xn--"):
        return label
    try:
        return label.encode("ascii").decode("idna")
    except UnicodeError:
        return label


def hosts(raw: str) -> tuple[str, str]:
    """(ASCII form, Unicode form) of a host name: lower case, no trailing dot."""
    name = raw.lower().rstrip(".")
    labels = name.split(".")
    return ".".join(map(_label_to_ascii, labels)), ".".join(map(_label_to_unicode, labels))


def parse(url: str) -> Link | None:
    """The parts of an absolute link, or None when `url` is not one (a relative path)."""
    m = _SCHEME().match(url)
    if m and not url.lower().startswith("www."):
        scheme = m.group(1).lower()
        rest = url[m.end() :]
        if not rest.startswith("//"):  # javascript:…, data:…, mailto:…
            return Link(url, scheme, None, "", "", rest)
        rest = rest[2:]
    elif url.lower().startswith("www.") or is_bare(url):
        scheme, rest = "", url
    else:
        return None
    auth = _AUTHORITY().match(rest)
    assert auth is not None  # every part of the pattern is optional
    host, display = hosts(auth.group("host"))
    return Link(url, scheme, auth.group("userinfo"), host, display, rest[auth.end() :])


@lru_cache(maxsize=1)
def _psl() -> Any:  # publicsuffixlist has no type information
    """Only for drafts with links. Parsing the list took 20 ms a run: it is kept in the cache."""
    return rulecache.from_package("publicsuffixlist", "publicsuffixlist", _parse_psl)


def _parse_psl() -> Any:
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList(only_icann=True)  # private suffixes (github.io…) are not registries


def is_bare(url: str) -> bool:
    """`url` is a host and a path with no scheme (bit.ly/3xAbCdE), which X, LINE and
    Facebook still turn into a link. The path and a real top-level domain are both needed, so
    that abbreviations and file names (No.1/…, report.pdf/…) stay text."""
    m = _BARE().match(url)
    return m is not None and _psl().publicsuffix(m.group(1), accept_unknown=False) is not None


def on_internet(host: str) -> bool:
    """`host` is a name under a real top-level domain (not localhost, a server's bare name
    such as fs01, or intra.local, which only a computer or an office network knows)."""
    return _psl().privatesuffix(host, accept_unknown=False) is not None


@draft_cache(maxsize=4096)
def public_suffix(host: str) -> str:
    suffix: str | None = _psl().publicsuffix(host)
    return suffix or host


@draft_cache(maxsize=4096)
def registrable(host: str) -> str:
    """The registrable domain (city.joetsu.niigata.jp, example.co.jp); the host itself when
    it has none (an IP address or a bare suffix)."""
    domain: str | None = _psl().privatesuffix(host)
    return domain or host


def under(host: str, domain: str) -> bool:
    """`host` is `domain` or one of its subdomains."""
    return host == domain or host.endswith("." + domain)
