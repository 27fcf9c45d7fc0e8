"""MDN HTTP Observatory grades for the site behind the example nginx with TLS.

``make observatory`` serves the site as production does (production settings,
a throwaway PostgreSQL and Redis, gunicorn as ``make loadtest``), puts
``clinic_site/deploy/nginx.conf.example`` in front of it for ``localhost`` on
ports 80 and 443 with a self-signed certificate made in a temporary folder, and
runs the scanner (``@mdn/mdn-http-observatory`` from ``.ci/node``) on a few
pages, trusting that certificate. Prints grade and score per page; fails
below A+ / 120 (the goal in issue 17). Needs root (ports 80 and 443), nginx
and openssl; not part of CI.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.perf.edge_proxy import (
    EXAMPLE,
    PURGE_MODULE,
    example_site,
    self_signed_certificate,
    start_nginx,
)
from tests.perf.loadtests import services
from tests.perf.loadtests.concurrency import say
from tests.perf.served_site import ROOT, stop

SCANNER = (
    ROOT / ".ci/node/node_modules/@mdn/mdn-http-observatory/src/scan.js"
).resolve()
HOST = "localhost"
PAGES = {
    "home": "/de/",
    "treatment": "/de/behandlungen/denervation-thermokoagulation/",
    "consultation": "/de/beratung/",
    "admin login": "/admin/login/",
}
TARGET_GRADE = "A+"
TARGET_SCORE = 120


def tool(name: str) -> str:
    return shutil.which(name) or name


def missing_tools() -> str | None:
    for name in ("nginx", "openssl", "node"):
        if shutil.which(name) is None:
            return f"{name} is not installed"
    if not PURGE_MODULE.exists():
        return "the cache purge module is missing (libnginx-mod-http-cache-purge)"
    if not SCANNER.exists():
        return "the scanner is not installed: make node-tools"
    if os.geteuid() != 0:
        return "ports 80 and 443 need root"
    return None


def site_config(folder: Path, upstream: str) -> str:
    """The example for ``localhost``, pointed at ``upstream`` (``http://…``)."""
    return example_site(
        folder,
        {
            "server_name www.roc-ortho.de roc-ortho.de;": f"server_name {HOST};",
            "server_name www.roc-ortho.de;": f"server_name {HOST};",
            "https://www.roc-ortho.de$request_uri": f"https://{HOST}$request_uri",
            "server 127.0.0.1:8000 ": f"server {upstream.removeprefix('http://')} ",
            "/srv/roc-ortho-media/": f"{folder}/media/",
        },
    )


def ensure_hsts_list() -> None:
    """The HSTS preload list the scanner reads, empty where it is missing.

    The package's install script downloads Chromium's list from another host,
    and ``.ci/node/.npmrc`` skips install scripts. ``localhost`` is on no such
    list, so an empty one gives the same result.
    """
    preload = SCANNER.parents[1] / "conf" / "hsts-preload.json"
    if not preload.exists():
        preload.write_text("{}")


def scan(path: str, certificate: Path) -> dict:
    """The scanner's result for ``https://localhost<path>``.

    The scanner takes a host name only and puts it into its addresses as it
    is, so a path after the name scans that page (http and https alike).
    """
    result = subprocess.run(  # noqa: S603 (fixed program, own pages)
        [tool("node"), str(SCANNER), f"{HOST}{path}"],
        env={**os.environ, "NODE_EXTRA_CA_CERTS": str(certificate)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    return json.loads(result.stdout or '{"error": "no output"}')


def run() -> bool:
    with (
        services.temporary_folder("roc-observatory-") as folder,
        services.throwaway_postgres() as cluster,
        services.private_redis() as redis_url,
    ):
        env = services.production_env(
            folder,
            cluster.create_database("roc"),
            redis_url,
            ALLOWED_HOSTS=f"{HOST},{services.HOST}",
            WAGTAILADMIN_BASE_URL=f"https://{HOST}",
            TRUSTED_PROXIES="127.0.0.1",
        )
        say("preparing: migrate, collectstatic, load_demo_content ...")
        services.prepare_site(env)
        certificate = self_signed_certificate(folder, f"DNS:{HOST}")
        ensure_hsts_list()
        with services.gunicorn(env, folder / "gunicorn.log") as url:
            nginx = start_nginx(folder, site_config(folder, url))
            try:
                say(f"nginx (TLS, {EXAMPLE.name}) -> gunicorn {url}")
                results = {
                    name: scan(path, certificate) for name, path in PAGES.items()
                }
            finally:
                stop(nginx)
    ok = True
    for name, result in results.items():
        if "error" in result:
            say(f"{name:14} {PAGES[name]:50} error: {result['error']}")
            ok = False
            continue
        grade, score = result["scan"]["grade"], result["scan"]["score"]
        credit = sorted(
            f"{key} {test['scoreModifier']:+d}"
            for key, test in result["tests"].items()
            if test["scoreModifier"]
        )
        say(f"{name:14} {PAGES[name]:50} {grade:3} {score:4}  ({', '.join(credit)})")
        ok = ok and grade == TARGET_GRADE and score >= TARGET_SCORE
    say("PASS" if ok else f"FAIL (goal: {TARGET_GRADE} at {TARGET_SCORE} or more)")
    return ok


def main() -> None:
    missing = missing_tools() or services.missing_postgres() or services.missing_redis()
    if missing:
        sys.exit(f"cannot run: {missing}")
    sys.exit(0 if run() else 1)


if __name__ == "__main__":
    main()
