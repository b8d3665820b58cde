"""The load test through the deployment's own proxy on this machine: one replica against two.

Starts what ``tests/test_proxy.py`` starts (Debian's nginx with ``deploy/nginx/equity.conf.template``
rendered as the nginx image renders it, in front of N app processes run with the image's ``CMD``
and found healthy by its ``HEALTHCHECK``, uploads in a fresh PostgreSQL schema), then runs
``bench/load_test.py --url <nginx> --server-pid <each replica>`` against it and prints its report.
Server CPU and memory are those of all the replicas together.

    python -m bench.through_proxy --replicas 2 -- --sessions 20 --duration 90 --baseline 30

Arguments after ``--`` go to the load test. Loopback only; everything started is stopped at the end.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import uuid
from pathlib import Path

import psycopg

from bench import load_test
from kalimantan_equity.data import build
from tests import proxy_support
from tests.postgres_support import DSN


def main(argv: list[str]) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--replicas", type=int, default=2, help="app processes behind nginx (1-4)")
    parser.add_argument("rest", nargs=argparse.REMAINDER, help="-- then the load test's own arguments")
    args = parser.parse_args(argv)
    if not 1 <= args.replicas <= 4:
        parser.error("--replicas must be 1-4")
    rest = args.rest[1:] if args.rest[:1] == ["--"] else args.rest
    build.ensure_built(lambda _fraction, _step: None)  # the replicas serve the built data; they never build it
    schema = f"load_{uuid.uuid4().hex[:12]}"
    with tempfile.TemporaryDirectory(prefix="equity-proxy-") as scratch:
        base = Path(scratch)
        geo = base / "geo"
        shutil.copytree(build.static_dir(), geo)
        proxy_support.precompress(geo)  # as the proxy image does
        env = {"EQUITY_UPLOADS_DSN": DSN, "EQUITY_UPLOADS_SCHEMA": schema, "EQUITY_UPLOADS_CACHE": str(base / "cache-{n}")}
        try:
            with proxy_support.running_replicas(base / "replicas", args.replicas, env) as replicas:
                upstreams = [f"127.0.0.1:{port}" for port, _pid in replicas]
                with proxy_support.running_nginx(base / "nginx", upstreams, geo) as url:
                    pids = [arg for _port, pid in replicas for arg in ("--server-pid", str(pid))]
                    figures = load_test.main([*rest, "--url", url, *pids])
        finally:
            with psycopg.connect(DSN, autocommit=True) as con:
                con.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    figures["replicas"] = args.replicas
    return figures


if __name__ == "__main__":
    result = main(sys.argv[1:])
    print(f"{result['replicas']} replica(s) behind nginx")
    print(load_test.report(result))
    print(f"\nraw figures: {result['json_path']}")
