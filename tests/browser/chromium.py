"""How every browser check starts Chromium: Debian's build, never a download.

The browser tests, ``make budget`` and the Lighthouse run share these settings so
that a page is judged in the same browser, with the same viewports, everywhere.
"""

import os
from pathlib import Path

from playwright.sync_api import Browser, Playwright

DEFAULT_CHROMIUM = "/usr/bin/chromium"

# Without the background-networking flags Chromium phones home at start-up (update
# checks, sync, field trials); on a closed network those requests only add noise.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
)

# A mid-range phone (the site's main audience) and a laptop screen.
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}


def chromium_path() -> str:
    """Debian's Chromium, or the one in ``CHROME_PATH`` (read by Lighthouse too)."""
    return os.environ.get("CHROME_PATH", DEFAULT_CHROMIUM)


def launch_chromium(playwright: Playwright) -> Browser:
    """Start headless Chromium, with a clear message when it is not installed."""
    path = chromium_path()
    if not Path(path).is_file():
        raise RuntimeError(
            f"Chromium not found at {path}: install Debian's package "
            "(apt-get install chromium) or set CHROME_PATH."
        )
    return playwright.chromium.launch(
        executable_path=path, headless=True, args=list(CHROMIUM_ARGS)
    )
