"""The example nginx configuration passes ``nginx -t`` (Debian's nginx)."""

import subprocess

import pytest

from tests.perf.edge_proxy import (
    NGINX,
    example_site,
    main_config,
    missing,
    self_signed_certificate,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(missing() is not None, reason=f"{missing()} (.ci installs it)"),
]


def test_the_example_passes_nginx_t(tmp_path):
    self_signed_certificate(tmp_path)
    (tmp_path / "site.conf").write_text(example_site(tmp_path))
    # The example is a site file (sites-available): wrapped as nginx.conf does.
    (tmp_path / "nginx.conf").write_text(main_config(tmp_path))

    result = subprocess.run(  # noqa: S603 (fixed arguments)
        [NGINX, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr
