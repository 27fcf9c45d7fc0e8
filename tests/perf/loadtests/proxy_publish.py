"""A publish seen through the edge cache, for ``make two-instances``.

Readers poll the denervation page in both languages through nginx (kept by
its cache) while an editor publishes new titles with instance A's
environment. The publish purges both languages before it returns
(``pages/ops/edge_cache.py``), as the editor's publish request does. Measured
per language: how long after the publish began, and after it returned, the
proxy first served the new title; checked: the delay after it returned (what
the editor waits for) is at most ``MAX_DELAY_SECONDS``, the first reader
asking after the publish returned gets the new title, and no reader asking
after that gets the old one.
"""

import json
import re
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

from tests.perf.edge_proxy import EdgeProxy
from tests.perf.loadtests.concurrency import say
from tests.perf.served_site import manage

PATHS = {
    "de": "/de/behandlungen/denervation-thermokoagulation/",
    "en": "/en/treatments/denervation-thermocoagulation/",
}
NEW_TITLES = {"de": "Denervation neu {stamp}", "en": "Denervation new {stamp}"}
MAX_DELAY_SECONDS = 1.0
POLL_SECONDS = 0.01
# The publish as the admin's publish button makes it; writes when it began and
# when it returned (the purge included), as Unix time, to a file.
PUBLISH = """
import json, pathlib, time
from treatments.models import TreatmentPage
page = TreatmentPage.objects.get(slug_de="denervation-thermokoagulation").specific
page.title_de = {title_de!r}
page.title_en = {title_en!r}
began = time.time()
page.save_revision().publish()
times = {{"began": began, "returned": time.time()}}
pathlib.Path({times_file!r}).write_text(json.dumps(times))
"""


@dataclass
class Reading:
    asked: float  # Unix time the request was sent
    answered: float
    title: str
    cache: str  # nginx's X-Cache


@dataclass
class Reader:
    """One language's reader, asking again and again through the proxy."""

    proxy: EdgeProxy
    path: str
    readings: list[Reading] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def read(self, session: requests.Session) -> Reading:
        asked = time.time()
        response = session.get(
            self.proxy.url + self.path,
            verify=str(self.proxy.certificate),
            timeout=30,
        )
        response.raise_for_status()
        title = re.search(r"<h1[^>]*>(.*?)</h1>", response.text, re.S)[1].strip()
        return Reading(asked, time.time(), title, response.headers.get("X-Cache", "-"))

    def run(self) -> None:
        with requests.Session() as session:
            while not self.stop.is_set():
                self.readings.append(self.read(session))
                time.sleep(POLL_SECONDS)


def publish(env: dict[str, str], titles: dict[str, str]) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        times_file = Path(folder) / "times.json"
        script = PUBLISH.format(
            title_de=titles["de"], title_en=titles["en"], times_file=str(times_file)
        )
        manage(env, "shell", "-c", script)
        times = json.loads(times_file.read_text())
    return times["began"], times["returned"]


def check_language(
    language: str, reader: Reader, title: str, began: float, returned: float
) -> bool:
    fresh = [r for r in reader.readings if r.title == title]
    stale_after = [
        r for r in reader.readings if r.asked > returned and r.title != title
    ]
    first_after = next((r for r in reader.readings if r.asked > returned), None)
    if not fresh or first_after is None:
        say(f"proxy {language}: the new title was never served")
        return False
    first = fresh[0]
    say(
        f"proxy {language}: new title first served {first.answered - began:.3f} s "
        f"after the publish began, {first.answered - returned:+.3f} s after it "
        f"returned (X-Cache {first.cache}); first reader after it: "
        f"{'new' if first_after.title == title else 'OLD'} (X-Cache "
        f"{first_after.cache}); old title after it: {len(stale_after)} of "
        f"{len([r for r in reader.readings if r.asked > returned])} readings"
    )
    return (
        first.answered - returned <= MAX_DELAY_SECONDS
        and first_after.title == title
        and not stale_after
    )


def publish_reaches_proxy(env: dict[str, str], proxy: EdgeProxy) -> bool:
    """Publish with ``env`` while readers poll ``proxy``; True when every check
    in the module docstring holds in both languages."""
    readers = {language: Reader(proxy, path) for language, path in PATHS.items()}
    with requests.Session() as session:
        for language, reader in readers.items():
            reader.read(session)
            kept = reader.read(session)
            say(f"proxy {language} before: {kept.title!r} (X-Cache {kept.cache})")
            if kept.cache != "HIT":
                say(f"proxy {language}: the page was not kept by the proxy")
                return False
    stamp = int(time.time())
    titles = {language: NEW_TITLES[language].format(stamp=stamp) for language in PATHS}
    threads = [threading.Thread(target=reader.run) for reader in readers.values()]
    for thread in threads:
        thread.start()
    try:
        began, returned = publish(env, titles)
        time.sleep(MAX_DELAY_SECONDS + 0.5)
    finally:
        for reader in readers.values():
            reader.stop.set()
        for thread in threads:
            thread.join(timeout=60)
    say(f"published (instance A's env) in {returned - began:.3f} s, purge included")
    # Both languages checked and printed, also when the first fails.
    checks = {
        language: check_language(language, reader, titles[language], began, returned)
        for language, reader in readers.items()
    }
    return all(checks.values())
