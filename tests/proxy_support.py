"""The deployment of ``deploy/`` on this one machine: Debian's nginx with the compose file's own
configuration in front of app replicas started as the image starts them.

Nothing here is a second copy of the deployment: the nginx server block is
``deploy/nginx/equity.conf.template`` rendered by ``envsubst`` exactly as the official nginx image
renders it for compose (only the ``EQUITY_*`` variables are filled in), and each replica runs the
``CMD`` of the Dockerfile's ``app`` stage (the address and port changed to a loopback port) and is
found healthy by the Dockerfile's own ``HEALTHCHECK`` command. What is local is only what the nginx
image's main ``nginx.conf`` provides around the snippet (pid file, logs, temporary folders), plus
an access log naming the replica that served each request, so a test can see where requests went.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"
TEMPLATE = DEPLOY / "nginx" / "equity.conf.template"
DOCKERFILE = DEPLOY / "Dockerfile"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MIME_TYPES = Path("/etc/nginx/mime.types")
_MAIN = """\
{user}worker_processes 2;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    include {mime};
    default_type application/octet-stream;
    log_format equity '$request_method\t$uri\t$status\t$upstream_addr\t$cookie_equity_route';
    access_log {dir}/access.log equity;
    client_body_temp_path {dir}/client_body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    include {dir}/equity.conf;
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def render(listen: str, upstreams: list[str], geo_root: Path) -> str:
    """The template as the nginx image renders it: ``envsubst`` with the ``EQUITY_*`` names only."""
    values = {
        "EQUITY_LISTEN": listen,
        "EQUITY_UPSTREAMS": " ".join(f"server {address};" for address in upstreams),
        "EQUITY_GEO_ROOT": str(geo_root),
    }
    names = " ".join(f"${{{name}}}" for name in values)
    done = subprocess.run(
        ["envsubst", names],
        input=TEMPLATE.read_text(),
        env={**values, "PATH": os.environ["PATH"]},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def write_config(folder: Path, listen: str, upstreams: list[str], geo_root: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "equity.conf").write_text(render(listen, upstreams, geo_root))
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read the test's private temp folders
    main = folder / "nginx.conf"
    main.write_text(_MAIN.format(user=user, dir=folder, mime=MIME_TYPES))
    return main


def check_config(main: Path) -> subprocess.CompletedProcess:
    """``nginx -t`` on the rendered configuration."""
    return subprocess.run([NGINX, "-t", "-p", str(main.parent), "-e", str(main.parent / "error.log"), "-c", str(main)],
                          capture_output=True, text=True)  # fmt: skip


def precompress(geo_root: Path) -> None:
    """What the proxy image does to its geometry: a ``.gz`` beside each file, for ``gzip_static``."""
    for path in geo_root.glob("*.geojson"):
        subprocess.run(["gzip", "-k", "-f", "-9", str(path)], check=True)


@contextlib.contextmanager
def running_nginx(folder: Path, upstreams: list[str], geo_root: Path) -> Iterator[str]:
    port = free_port()
    main = write_config(folder, f"127.0.0.1:{port}", upstreams, geo_root)
    tested = check_config(main)
    assert tested.returncode == 0, tested.stderr
    proc = subprocess.Popen(
        [NGINX, "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(main), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        _wait_for_port(port, proc, folder / "error.log")
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def access_log(folder: Path) -> list[dict[str, str]]:
    """Each request nginx passed or served: method, uri, status, upstream (replica address or '-'), route cookie."""
    names = ("method", "uri", "status", "upstream", "route")
    return [dict(zip(names, line.split("\t"), strict=True)) for line in (folder / "access.log").read_text().splitlines()]


def _wait_for_port(port: int, proc: subprocess.Popen, log: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError("nginx stopped: " + (log.read_text()[-2000:] if log.exists() else ""))
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.2)
    raise AssertionError(f"nginx did not listen on {port}")


# ----------------------------------------------------------------------------------- the app image


def _stage(name: str) -> list[str]:
    """The instructions of one Dockerfile stage, continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE.read_text())
    lines, inside = [], False
    for line in text.splitlines():
        if line.startswith("FROM "):
            inside = line.rstrip().endswith(f" AS {name}")
        elif inside and line.strip() and not line.lstrip().startswith("#"):
            lines.append(line.strip())
    return lines


def image_command(port: int) -> list[str]:
    """The app stage's ``CMD``, on a loopback port, with this environment's Python."""
    (cmd,) = [json.loads(line[len("CMD ") :]) for line in _stage("app") if line.startswith("CMD ")]
    cmd = [sys.executable if part == "python" else part for part in cmd]
    cmd = [f"--server.port={port}" if part.startswith("--server.port=") else part for part in cmd]
    return ["127.0.0.1".join(part.rsplit("0.0.0.0", 1)) if part.startswith("--server.address=") else part for part in cmd]


def image_env() -> dict[str, str]:
    """The ``ENV`` the app stage sets that the app reads (``EQUITY_*``)."""
    found = {}
    for line in _stage("app"):
        if line.startswith("ENV "):
            found.update(dict(re.findall(r"(EQUITY_[A-Z_]+)=(\S+)", line)))
    return found


def healthy(port: int, scratch: Path) -> bool:
    """The Dockerfile's ``HEALTHCHECK`` command, pointed at ``port``, with the replica's own temporary folder."""
    (check,) = [line for line in _stage("app") if line.startswith("HEALTHCHECK ")]
    cmd = json.loads(check[check.index("CMD ") + 4 :])
    cmd = [sys.executable if part == "python" else str(port) if part == "8501" else part for part in cmd]
    env = {**os.environ, "TMPDIR": str(scratch)}
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, timeout=90).returncode == 0


@contextlib.contextmanager
def running_replicas(folder: Path, count: int, env: dict[str, str]) -> Iterator[list[tuple[int, int]]]:
    """``count`` app processes as the image runs them, with ``env`` (warehouse, upload store) added;
    yields (port, pid) of each. ``{n}`` in a value is the replica's number (its own cache folder, say)."""
    folder.mkdir(parents=True, exist_ok=True)
    base = {k: v for k, v in os.environ.items() if not k.startswith("EQUITY_")} | image_env() | env
    procs, ports = [], []
    try:
        for n in range(count):
            port = free_port()
            log = (folder / f"replica{n + 1}.log").open("wb")
            env_n = base | {k: v.format(n=n + 1) for k, v in env.items()}
            procs.append(subprocess.Popen(image_command(port), cwd=ROOT, env=env_n, stdout=log, stderr=subprocess.STDOUT))
            ports.append(port)
        deadline = time.monotonic() + 120
        for n, port in enumerate(ports):
            scratch = folder / f"tmp{n + 1}"
            scratch.mkdir(exist_ok=True)
            while not healthy(port, scratch):
                if procs[n].poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"replica {n + 1} did not start: " + (folder / f"replica{n + 1}.log").read_text()[-2000:])
                time.sleep(0.5)
        yield [(port, proc.pid) for port, proc in zip(ports, procs, strict=True)]
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
