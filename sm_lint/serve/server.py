"""The HTTP side of `sm-lint serve`: the standard library's ThreadingHTTPServer. The page
makes a handful of small JSON requests a minute for one person on 127.0.0.1; a framework
(Flask, Starlette) would add dependencies and a server of its own for four routes and no
templating, and its request checks would still have to be written (guard.py).

Files: the server reads only its own page (package data, loaded at start) and the
configuration found from the folder it was started in; no request names a file. Opening
a draft and saving one happen in the browser (a file picker and a download)."""

from __future__ import annotations

import json
import socket
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from sm_lint.checks.images.entries import MEDIA_KEYS
from sm_lint.io.echo import echo
from sm_lint.serve.guard import Guard, Refused
from sm_lint.serve.session import Session

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
}
# Everything the page loads comes from this server: a stray external reference would fail.
_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
)


def page_files() -> dict[str, bytes]:
    """The page's files by name, read once from the package."""
    folder = resources.files("sm_lint.serve") / "static"
    return {
        item.name: item.read_bytes() for item in folder.iterdir() if item.is_file() and Path(item.name).suffix in _TYPES
    }


class App(ThreadingHTTPServer):
    daemon_threads = True  # Ctrl-C does not wait for a browser's open connection

    def __init__(self, session: Session, port: int = 0):
        super().__init__(("127.0.0.1", port), _Handler)
        self.session = session
        self.files = page_files()
        self.guard = Guard.new(self.server_address[1])


class _Handler(BaseHTTPRequestHandler):
    server: App
    server_version = "sm-lint"
    protocol_version = "HTTP/1.1"  # keep-alive: the page checks on every pause in typing

    def setup(self) -> None:
        super().setup()
        # Headers and body leave in two writes: with Nagle's algorithm the body waits for
        # the browser's delayed ACK, 40 ms a request.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:  # the URL holds the secret: not printed per request
        pass

    def do_GET(self) -> None:
        self._answer("GET")

    def do_POST(self) -> None:
        self._answer("POST")

    def _answer(self, method: str) -> None:
        try:
            route = self.server.guard.route(method, self.path, self.headers)
            status, kind, body = self._dispatch(method, route)
        except Refused as exc:
            status, kind, body = exc.status, "text/plain; charset=utf-8", exc.reason.encode()
            self.close_connection = True
        except Exception as exc:  # a bug: one line where the server runs, and the page says so
            echo(f"sm-lint serve: 内部エラー / internal error ({type(exc).__name__}: {exc})", err=True)
            status, kind, body = 500, "text/plain; charset=utf-8", b"internal error"
            self.close_connection = True
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Security-Policy", _POLICY)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.end_headers()
        self.wfile.write(body)

    def _dispatch(self, method: str, route: str) -> tuple[int, str, bytes]:
        session = self.server.session
        query = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
        if method == "GET" and route == "" and not urlsplit(self.path).path.endswith("/"):
            raise Refused(404, f"not found: the page is at {self.server.guard.url}")  # its links are relative to it
        if method == "GET" and route in ("", "index.html"):
            return 200, _TYPES[".html"], self.server.files["index.html"]
        if method == "GET" and route.startswith("static/") and route[7:] in self.server.files:
            return 200, _TYPES[Path(route).suffix], self.server.files[route[7:]]
        if method == "GET" and route == "api/setup":
            return _json(session.setup())
        if method == "GET" and route == "api/clause":
            found = session.clause(query.get("id", ""), query.get("lang", "ja"))
            return _json(found) if found else (404, "text/plain", b"no such clause")
        if method == "POST" and route in ("api/check", "api/front-matter"):
            data = self._body()
            text, lang = data.get("text"), data.get("lang", "ja")
            if not isinstance(text, str):
                raise Refused(400, "`text` must be a string")
            if not isinstance(lang, str):  # a list was an internal error (500)
                raise Refused(400, "`lang` must be a string")
            if route == "api/check":
                return _json(session.check(text, lang))
            values: dict[str, str | None] = {k: data[k] or None for k in ("platform", "account") if k in data}
            if not all(v is None or isinstance(v, str) for v in values.values()):
                raise Refused(400, "`platform` and `account` are strings")
            return _json(session.front_matter(text, values, lang, _media(data)))
        raise Refused(404, "not found")

    def _body(self) -> dict[str, Any]:
        raw = self.rfile.read(int(self.headers["Content-Length"]))  # checked by the guard
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise Refused(400, "not JSON") from None
        if not isinstance(data, dict):
            raise Refused(400, "not a JSON object")
        return data


def _media(data: dict[str, Any]) -> tuple[str, dict[str, str]] | None:
    """An attached image's or video's entry: {"key": "images", "entry": {path, alt, people, consent}}."""
    media = data.get("media")
    if media is None:
        return None
    entry = media.get("entry") if isinstance(media, dict) else None
    if (
        not isinstance(entry, dict)
        or media.get("key") not in MEDIA_KEYS
        or not set(entry) <= {"path", "alt", "people", "consent"}
        or not all(isinstance(v, str) for v in entry.values())
        or not entry.get("path")
    ):
        raise Refused(400, "`media` is {key: images|videos, entry: {path, alt, people, consent}}")
    return media["key"], {k: v for k, v in entry.items() if v}


def _json(value: object) -> tuple[int, str, bytes]:
    return 200, "application/json; charset=utf-8", json.dumps(value, ensure_ascii=False).encode("utf-8")


def serve(session: Session, port: int = 0, open_browser: bool = True, lang: str = "ja") -> None:
    """Serve until Ctrl-C. The URL, with its secret, is printed and opened in the browser."""
    app = App(session, port)
    url = app.guard.url
    if lang == "en":
        echo(f"sm-lint serve: open {url} (Ctrl-C to stop)")
    else:
        echo(f"sm-lint serve: {url} をブラウザーで開いてください (Ctrl-C で終了)")
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    try:
        app.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        app.server_close()
    echo("sm-lint serve: stopped" if lang == "en" else "sm-lint serve: 終了しました", err=True)


def serve_folder(
    folder: Path, config: Path | None = None, lang: str | None = None, port: int = 0, open_browser: bool = True
) -> int:
    """`sm-lint serve`: the page for drafts of `folder`, until Ctrl-C; exit status 2 when the
    configuration is broken (said at start) or the port is taken."""
    from sm_lint.app.lint import failed
    from sm_lint.errors import SmLintError

    try:
        session = Session(folder, config, lang)
    except SmLintError as exc:
        return failed(exc.text(lang or "ja"))
    try:
        serve(session, port, open_browser=open_browser, lang=session.lang)
    except OSError as exc:  # the port is taken
        return failed(f"ポート {port} で待ち受けできません / cannot listen on port {port}: {exc.strerror or exc}")
    return 0
