"""The example nginx configuration passes ``nginx -t`` (Debian's nginx)."""

import shutil
import subprocess
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "clinic_site/deploy/nginx.conf.example"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
OPENSSL = shutil.which("openssl") or "/usr/bin/openssl"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not Path(NGINX).exists(), reason="nginx is not installed (.ci installs it)"
    ),
]


def test_the_example_passes_nginx_t(tmp_path):
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
            "/CN=www.roc-ortho.de",
            "-keyout",
            str(tmp_path / "privkey.pem"),
            "-out",
            str(tmp_path / "fullchain.pem"),
        ],
        check=True,
        capture_output=True,
    )
    site = EXAMPLE.read_text().replace(
        "/etc/letsencrypt/live/www.roc-ortho.de", str(tmp_path)
    )
    (tmp_path / "site.conf").write_text(site)
    # The example is a site file (sites-available): wrap it as nginx.conf does.
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\n"
        f"error_log {tmp_path}/error.log;\n"
        "events {}\n"
        "http {\n"
        f"    access_log {tmp_path}/access.log;\n"
        f"    include {tmp_path}/site.conf;\n"
        "}\n"
    )

    result = subprocess.run(  # noqa: S603 (fixed arguments)
        [NGINX, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr
