"""How fast `sm-lint serve` answers the page: a check of a typical draft over HTTP, as the
browser asks for it after a pause in typing (target: under 100 ms on this machine).

    python bench/serve.py [--repeats N]

Printed beside it, measured in the same run: the floor, a request to the same server that
does no linting (the page's setup), and the same check in process. Figures are medians
and the slowest of N requests after a warm-up (the first check compiles nothing: the rules
are compiled when the server starts, and that start-up is printed too). The server is the
real command, `sm-lint serve --no-browser`, in its own process.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sm_lint.serve.session import Session  # noqa: E402

# A typical post: front matter from the form, a few sentences, a link, hashtags, two problems.
DRAFT = """---
platform: x
account: joetsu_city
approved_by: 広報対話課長
---
【高田城址公園観桜会のお知らせ】
今年も高田城址公園で観桜会を開きます。夜桜のライトアップは18時から21時までです。
会場周辺は大変混雑しますので、公共交通機関をご利用ください。裏日本の春を楽しみましょう。
窓口に来たあのバカな客の話はしません。
詳しくは https://bit.ly/3abcDEF と市のホームページをご覧ください。
#上越市 #高田の夜桜
"""


def timed(repeats: int, run) -> list[float]:
    run()  # warm: connections, caches
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, ".sm-lint.yaml").write_text(
            "accounts:\n  joetsu_city: {name: 上越市, platform: x, department: 広報対話課}\n", encoding="utf-8"
        )
        session = Session(Path(folder))  # for the lint alone, in this process
        # The real command, in its own process, as staff start it.
        started = time.perf_counter()
        server = subprocess.Popen(
            [sys.executable, "-m", "sm_lint", "serve", "--no-browser"],
            cwd=folder,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        url = urlsplit(re.search(r"http://\S+", server.stdout.readline()).group())
        startup = (time.perf_counter() - started) * 1000
        port, token = url.port, url.path.strip("/")
        connection = http.client.HTTPConnection("127.0.0.1", port)  # kept alive, as the browser does
        connection.connect()
        # http.client writes a POST's headers and body apart; a browser's body does not wait for an ACK.
        connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        headers = {"Content-Type": "application/json", "Origin": f"http://127.0.0.1:{port}"}
        body = json.dumps({"text": DRAFT, "lang": "ja"})

        def request(method: str, route: str, data: str | None = None) -> bytes:
            connection.request(method, f"/{token}/{route}", body=data, headers=headers if data else {})
            response = connection.getresponse()
            answer = response.read()
            assert response.status == 200, answer
            return answer

        found = json.loads(request("POST", "api/check", body))["findings"]
        floor = timed(args.repeats, lambda: request("GET", "api/setup"))
        lint = timed(args.repeats, lambda: session.check(DRAFT))
        check = timed(args.repeats, lambda: request("POST", "api/check", body))
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    print(
        f"sm-lint serve, a typical draft ({len(DRAFT)} characters, {len(found)} findings), "
        f"{args.repeats} requests each; median (slowest) in ms"
    )
    print(f"  start-up of `sm-lint serve` until it prints its URL:  {startup:.0f}")
    for name, times in (
        ("floor: a request that lints nothing", floor),
        ("the same check in process (lint, lengths)", lint),
        ("check over HTTP (what the page waits for)", check),
    ):
        print(f"  {name:<44} {statistics.median(times):7.2f} ({max(times):.2f})")
    verdict = "under" if statistics.median(check) < 100 else "OVER"
    print(f"  target: a check under 100 ms: {verdict}")


if __name__ == "__main__":
    main()
