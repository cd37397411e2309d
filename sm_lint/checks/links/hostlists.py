"""Host lists kept as data under rules/lists/ (shorteners, adult sites, social platforms).

One entry a line, `#` comments:
  example.com        the host itself (with `subdomains`: also every subdomain)
  *.example          every host under this suffix
  ~keyword           a host whose name contains the keyword
  !text              a host containing this text is never a keyword match
Anything after the entry, separated by spaces, is the entry's note (e.g. a full-form suggestion).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from sm_lint.errors import RuleError
from sm_lint.io.listfiles import bundled, list_entries, list_path
from sm_lint.text.urls import under


class HostList:
    """Compared (and hashed) by identity: a configuration's memo keys on it. A plain class: a
    dataclass cost every cold start its making (about 0.5 ms)."""

    def __init__(
        self,
        hosts: dict[str, str] | None = None,  # host -> note
        suffixes: dict[str, str] | None = None,
        keywords: list[str] | None = None,
        not_keywords: list[str] | None = None,
    ):
        self.hosts = {} if hosts is None else hosts
        self.suffixes = {} if suffixes is None else suffixes
        self.keywords = [] if keywords is None else keywords
        self.not_keywords = [] if not_keywords is None else not_keywords

    def __repr__(self) -> str:
        return f"HostList({self.hosts!r}, {self.suffixes!r}, {self.keywords!r}, {self.not_keywords!r})"

    def add(self, line: str, where: str) -> None:
        entry, _, note = line.partition(" ")
        entry, note = entry.strip().lower().rstrip("."), note.strip()
        if entry.startswith("*."):
            self.suffixes[entry[2:]] = note
        elif entry.startswith("~") and len(entry) > 1:
            self.keywords.append(entry[1:])
        elif entry.startswith("!") and len(entry) > 1:
            self.not_keywords.append(entry[1:])
        elif entry and "/" not in entry and "*" not in entry:
            self.hosts[entry] = note
        else:
            raise RuleError(where, f"ホスト一覧の行として読めません: {line!r}", f"not a host list entry: {line!r}")

    def match(self, host: str, subdomains: bool = False) -> tuple[str, str] | None:
        """(the entry that matched, its note) or None."""
        if host in self.hosts:
            return host, self.hosts[host]
        labels = host.split(".")
        for i in range(1, len(labels)):
            parent = ".".join(labels[i:])
            if parent in self.suffixes:
                return "*." + parent, self.suffixes[parent]
            if subdomains and parent in self.hosts:
                return parent, self.hosts[parent]
        if self.keywords and not any(text in host for text in self.not_keywords):
            for keyword in self.keywords:
                if keyword in host:
                    return "~" + keyword, ""
        return None

    def extend(self, hosts: Iterable[object]) -> HostList:
        """A copy with more plain entries (hosts from the configuration); itself when none."""
        if not hosts:
            return self
        merged = HostList(dict(self.hosts), dict(self.suffixes), list(self.keywords), list(self.not_keywords))
        for host in hosts:
            merged.add(str(host), "configuration")
        return merged


@lru_cache(maxsize=32)
def load_list(path: Path) -> HostList:
    """One list file (several are merged by `load_lists`)."""
    result = HostList()
    for entry, where in list_entries(path):
        result.add(entry, where)
    return result


def bundled_list(name: str) -> HostList:
    """A list of rules/lists/ by its file name."""
    return load_list(bundled(name))


def load_lists(names: object, where: str) -> HostList:
    if isinstance(names, str):
        names = [names]
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n for n in names):
        raise RuleError(
            where,
            "ホスト一覧のオプションには rules/lists/ (またはルールパックの lists/) にある"
            "ファイル名か、そのリストを書いてください",
            "a host list option is a file name under rules/lists/ (or the rule pack's lists/) or a list of them",
        )
    merged = HostList()
    for name in names:
        part = load_list(list_path(name, where))
        merged.hosts.update(part.hosts)
        merged.suffixes.update(part.suffixes)
        merged.keywords.extend(part.keywords)
        merged.not_keywords.extend(part.not_keywords)
    return merged


def host_in(host: str, domains: Iterable[str]) -> bool:
    """`host` is one of `domains` or a subdomain of one."""
    return any(under(host, d) for d in domains)
