"""nginx with the deployment example (``clinic_site/deploy/nginx.conf.example``)
in front of a served site, on free ports and a throwaway folder.

Only what cannot run on a test machine is changed: the certificate (a
self-signed one for 127.0.0.1), the ports, the app server's address and the
cache folder. Needs Debian's nginx and libnginx-mod-http-cache-purge.
"""

import getpass
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.perf.served_site import HOST, free_port

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "clinic_site" / "deploy" / "nginx.conf.example"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
OPENSSL = shutil.which("openssl") or "/usr/bin/openssl"
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")


@dataclass(frozen=True)
class EdgeProxy:
    url: str  # https://127.0.0.1:port, what readers ask
    certificate: Path  # for the clients' verify=
    error_log: Path


def missing() -> str | None:
    """Why the proxy cannot start here, or None."""
    if not Path(NGINX).exists():
        return "nginx is not installed (apt-get install nginx-light)"
    if not PURGE_MODULE.exists():
        return "the cache purge module is missing (libnginx-mod-http-cache-purge)"
    return None


def self_signed_certificate(folder: Path) -> None:
    subprocess.run(  # noqa: S603 (fixed arguments)
        [
            OPENSSL,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            f"/CN={HOST}",
            "-addext",
            f"subjectAltName=IP:{HOST}",
            "-keyout",
            str(folder / "privkey.pem"),
            "-out",
            str(folder / "fullchain.pem"),
        ],
        check=True,
        capture_output=True,
    )


def site_config(folder: Path, app_url: str, port: int, purge_port: int) -> str:
    """The example with this machine's ports, certificate and folders."""
    replacements = {
        "/etc/letsencrypt/live/www.roc-ortho.de": str(folder),
        "/var/cache/nginx/roc-ortho": str(folder / "cache"),
        "server 127.0.0.1:8000 ": f"server {app_url.removeprefix('http://')} ",
        "listen 443 ssl http2;": f"listen {HOST}:{port} ssl;",
        "listen [::]:443 ssl http2;": "",
        "listen 80;": f"listen {HOST}:{free_port()};",
        "listen [::]:80;": "",
        "listen 127.0.0.1:8081;": f"listen {HOST}:{purge_port};",
    }
    config = EXAMPLE.read_text()
    for old, new in replacements.items():
        if old not in config:
            raise RuntimeError(f"{old!r} is no longer in {EXAMPLE.name}")
        config = config.replace(old, new)
    return config


def main_config(folder: Path) -> str:
    """What Debian's /etc/nginx/nginx.conf gives a site file, in ``folder``."""
    return (
        f"load_module {PURGE_MODULE};\n"
        # Workers as this user, so that they can write the throwaway folder.
        f"user {getpass.getuser()};\n"
        "worker_processes auto;\n"
        f"pid {folder}/nginx.pid;\n"
        f"error_log {folder}/error.log;\n"
        "events {}\n"
        "http {\n"
        f"    access_log {folder}/access.log;\n"
        f"    client_body_temp_path {folder}/body;\n"
        f"    proxy_temp_path {folder}/proxy;\n"
        f"    include {folder}/site.conf;\n"
        "}\n"
    )


@contextmanager
def edge_proxy(app_url: str, purge_port: int) -> Iterator[EdgeProxy]:
    """nginx serving ``app_url`` over TLS, taking PURGE on ``purge_port``."""
    reason = missing()
    if reason:
        raise RuntimeError(reason)
    with tempfile.TemporaryDirectory(prefix="roc-edge-") as name:
        folder = Path(name)
        self_signed_certificate(folder)
        port = free_port()
        (folder / "site.conf").write_text(
            site_config(folder, app_url, port, purge_port)
        )
        (folder / "nginx.conf").write_text(main_config(folder))
        process = subprocess.Popen(  # noqa: S603 (fixed arguments)
            [
                NGINX,
                "-p",
                str(folder),
                "-c",
                str(folder / "nginx.conf"),
                "-g",
                "daemon off;",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        proxy = EdgeProxy(
            url=f"https://{HOST}:{port}",
            certificate=folder / "fullchain.pem",
            error_log=folder / "error.log",
        )
        try:
            wait_for_purge_listener(purge_port, process, proxy.error_log)
            yield proxy
        finally:
            process.terminate()
            process.wait(timeout=30)


def wait_for_purge_listener(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx stopped:\n{log.read_text()}")
        request = urllib.request.Request(f"http://{HOST}:{port}/", method="PURGE")
        try:
            urllib.request.urlopen(request, timeout=2)  # noqa: S310 (own server)
        except urllib.error.HTTPError:
            return  # 404: nothing cached yet, nginx answers
        except OSError:
            time.sleep(0.1)
        else:
            return
    raise RuntimeError(f"nginx did not start within 10 s:\n{log.read_text()}")
