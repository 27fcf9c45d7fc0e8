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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.perf.served_site import HOST, free_port, stop

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "clinic_site" / "deploy" / "nginx.conf.example"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
OPENSSL = shutil.which("openssl") or "/usr/bin/openssl"
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")
# The example's options on its app server line, kept for every server.
UPSTREAM_OPTIONS = "max_fails=3 fail_timeout=10s;"


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


def self_signed_certificate(folder: Path, san: str = f"IP:{HOST}") -> Path:
    """A one-day certificate for ``san`` (``IP:…`` or ``DNS:…``) as
    ``fullchain.pem`` with ``privkey.pem`` beside it, where the example looks
    for them once ``example_site`` has rewritten it; returns its path."""
    certificate = folder / "fullchain.pem"
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
            f"/CN={san.partition(':')[2]}",
            "-addext",
            f"subjectAltName={san}",
            "-keyout",
            str(folder / "privkey.pem"),
            "-out",
            str(certificate),
        ],
        check=True,
        capture_output=True,
    )
    return certificate


def example_site(folder: Path, replacements: dict[str, str] | None = None) -> str:
    """The example with its certificate and cache in ``folder``, and each of
    ``replacements``; fails when the example no longer holds one of them."""
    config = EXAMPLE.read_text()
    for old, new in {
        "/etc/letsencrypt/live/www.roc-ortho.de": str(folder),
        "/var/cache/nginx/roc-ortho": str(folder / "cache"),
        **(replacements or {}),
    }.items():
        if old not in config:
            raise RuntimeError(f"{old!r} is no longer in {EXAMPLE.name}")
        config = config.replace(old, new)
    return config


def upstream_servers(app_urls: Sequence[str]) -> str:
    """The example's upstream lines for ``app_urls`` (``http://host:port``)."""
    return "\n    ".join(
        f"server {url.removeprefix('http://')} {UPSTREAM_OPTIONS}" for url in app_urls
    )


def site_config(
    folder: Path, app_urls: Sequence[str], port: int, purge_port: int
) -> str:
    """The example with this machine's ports, certificate and folders."""
    return example_site(
        folder,
        {
            f"server 127.0.0.1:8000 {UPSTREAM_OPTIONS}": upstream_servers(app_urls),
            "listen 443 ssl http2;": f"listen {HOST}:{port} ssl;",
            "listen [::]:443 ssl http2;": "",
            "listen 80;": f"listen {HOST}:{free_port()};",
            "listen [::]:80;": "",
            "listen 127.0.0.1:8081;": f"listen {HOST}:{purge_port};",
        },
    )


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


def start_nginx(folder: Path, site: str) -> subprocess.Popen:
    """nginx in the foreground with ``site`` as its only site, all in ``folder``
    (log: ``error.log``); the caller stops it."""
    (folder / "site.conf").write_text(site)
    (folder / "nginx.conf").write_text(main_config(folder))
    return subprocess.Popen(  # noqa: S603 (fixed arguments)
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


@contextmanager
def edge_proxy(app_urls: Sequence[str], purge_port: int) -> Iterator[EdgeProxy]:
    """nginx serving ``app_urls`` (one upstream server each) over TLS, taking
    PURGE on ``purge_port``."""
    reason = missing()
    if reason:
        raise RuntimeError(reason)
    with tempfile.TemporaryDirectory(prefix="roc-edge-") as name:
        folder = Path(name)
        certificate = self_signed_certificate(folder)
        port = free_port()
        process = start_nginx(folder, site_config(folder, app_urls, port, purge_port))
        proxy = EdgeProxy(
            url=f"https://{HOST}:{port}",
            certificate=certificate,
            error_log=folder / "error.log",
        )
        try:
            wait_for_purge_listener(purge_port, process, proxy.error_log)
            yield proxy
        finally:
            stop(process)


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
