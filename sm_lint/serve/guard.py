"""Which requests the page's server answers. It listens on 127.0.0.1 only, but any web page
open in the same browser, and any program on a shared PC, can reach that address:

- the path starts with a secret made for this run (the URL the browser is sent to), so
  nothing that was not given that URL can reach the page or its API;
- the Host header must be the server's own address (a DNS-rebinding page sends its own
  name), and so must Origin when a browser sends it (another site's script);
- a browser that says the request comes from another site (Sec-Fetch-Site) is refused;
- the API takes JSON only (a plain HTML form from another site cannot send JSON) and needs
  Origin, which browsers send on every POST.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Mapping
from email.message import Message
from typing import NamedTuple

MAX_BODY = 1 << 20  # a draft is kilobytes; a megabyte is not a post


class Refused(Exception):
    def __init__(self, status: int, reason: str):
        super().__init__(status, reason)
        self.status = status
        self.reason = reason


class Guard(NamedTuple):
    port: int
    token: str

    @classmethod
    def new(cls, port: int) -> Guard:
        return cls(port, secrets.token_urlsafe(24))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{self.token}/"

    def route(self, method: str, path: str, headers: Mapping[str, str] | Message) -> str:
        """The path below the secret (`api/check`, `static/app.js`, `` for the page), or
        Refused with the status to answer."""
        host = (headers.get("Host") or "").lower()
        if host not in (f"127.0.0.1:{self.port}", f"localhost:{self.port}"):
            raise Refused(421, "unexpected Host")
        origin = headers.get("Origin")
        if origin is not None and origin.lower() not in (
            f"http://127.0.0.1:{self.port}",
            f"http://localhost:{self.port}",
        ):
            raise Refused(403, "cross-origin request")
        if headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
            raise Refused(403, "cross-site request")
        first, _, rest = path.partition("?")[0].lstrip("/").partition("/")
        if not hmac.compare_digest(first.encode(), self.token.encode()):
            raise Refused(404, "not found")
        if method == "POST":
            if origin is None:
                raise Refused(403, "no Origin")
            if (headers.get("Content-Type") or "").split(";")[0].strip().lower() != "application/json":
                raise Refused(415, "JSON only")
            try:
                length = int(headers.get("Content-Length") or "")
            except ValueError:
                raise Refused(411, "length required") from None
            if not 0 <= length <= MAX_BODY:
                raise Refused(413, "too large")
        return rest
