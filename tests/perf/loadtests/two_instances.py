"""``make two-instances``: two app servers, one PostgreSQL, one Redis, and the
edge cache in front of both.

Starts instances A and B (gunicorn, production settings) on two ports against
the same PostgreSQL cluster and the same private Redis, as two machines behind
the load balancer would run, with the deployment example's nginx in front of
both (``tests/perf/edge_proxy.py``, its purge address in their environment),
and shows:

1. a publish is seen on the other instance: B serves the denervation page (and
   may cache it), an editor publishes a new title (a management command run with
   A's environment: the same code path as the admin's publish button), and B
   serves the new title at once;
2. the rate limit counts across both: one patient address posts alternately to
   A and B, and the post after the shared limit gets 429, whichever instance
   receives it;
3. a publish on A reaches readers through the proxy within a second, in both
   languages (``proxy_publish``: the measured delays are printed).

Run: ``python -m tests.perf.loadtests.two_instances``. Needs PostgreSQL's server
binaries, redis-server, nginx and libnginx-mod-http-cache-purge. Prints the
figures; exits non-zero on a failure.
"""

import re
import sys
import time

import requests

from clinic_site.settings.base import (
    CONSULTATION_MIN_FILL_SECONDS,
    CONSULTATION_RATE_LIMIT_REQUESTS,
)
from tests.perf import edge_proxy
from tests.perf.loadtests import services
from tests.perf.loadtests.concurrency import say
from tests.perf.loadtests.patients import (
    load_form,
    patient_address,
    proxy_headers,
    send_form,
)
from tests.perf.loadtests.proxy_publish import publish_reaches_proxy
from tests.perf.served_site import free_port, manage

PAGE_PATH = "/de/behandlungen/denervation-thermokoagulation/"
PAGE_SLUG = "denervation-thermokoagulation"
NEW_TITLE = "Denervation – neu veröffentlicht {stamp}"
PUBLISH = """
from treatments.models import TreatmentPage
page = TreatmentPage.objects.get(slug_de={slug!r}).specific
page.title_de = {title!r}
page.save_revision().publish()
"""


def page_title(base_url: str) -> tuple[str, str]:
    """The page's h1 and whether the page cache answered (X-Page-Cache)."""
    response = requests.get(
        base_url + PAGE_PATH,
        headers=proxy_headers(base_url, patient_address(0)),
        timeout=60,
        allow_redirects=False,
    )
    response.raise_for_status()
    title = re.search(r"<h1[^>]*>(.*?)</h1>", response.text, re.S)[1].strip()
    return title, response.headers.get("X-Page-Cache", "not cacheable")


def publish_is_seen(env: dict, a_url: str, b_url: str) -> bool:
    page_title(b_url)  # fills the shared page cache
    before, before_cache = page_title(b_url)
    title = NEW_TITLE.format(stamp=int(time.time()))
    manage(env, "shell", "-c", PUBLISH.format(slug=PAGE_SLUG, title=title))
    (after_b, after_b_cache), (after_a, after_a_cache) = (
        page_title(b_url),
        page_title(a_url),
    )
    say(f"B before publish:       {before!r} (page cache: {before_cache})")
    say(f"published (via A's env): {title!r}")
    say(f"B after publish:        {after_b!r} (page cache: {after_b_cache})")
    say(f"A after publish:        {after_a!r} (page cache: {after_a_cache})")
    return before_cache == "hit" and after_a == after_b == title != before


def limit_is_shared(a_url: str, b_url: str) -> bool:
    address = patient_address(4242)
    sends = CONSULTATION_RATE_LIMIT_REQUESTS + 2
    targets = [("A", a_url) if n % 2 == 0 else ("B", b_url) for n in range(sends)]
    forms = [load_form(url, address) for _name, url in targets]
    time.sleep(CONSULTATION_MIN_FILL_SECONDS + 1)
    codes = [send_form(form, n) for n, form in enumerate(forms)]
    say(
        f"one address, {sends} posts alternating A/B (limit "
        f"{CONSULTATION_RATE_LIMIT_REQUESTS}): "
        + ", ".join(
            f"{name} {code}" for (name, _url), code in zip(targets, codes, strict=True)
        )
    )
    limit = CONSULTATION_RATE_LIMIT_REQUESTS
    return codes == [303] * limit + [429] * (sends - limit)


def run() -> bool:
    with (
        services.temporary_folder("roc-two-instances-") as folder,
        services.throwaway_postgres() as cluster,
        services.private_redis() as redis_url,
    ):
        env = services.production_env(folder, cluster.create_database("roc"), redis_url)
        say("preparing: migrate, collectstatic, load_demo_content ...")
        services.prepare_site(env)
        # Only once prepared: the proxy starts after the preparation.
        purge_port = free_port()
        env["EDGE_CACHE_PURGE_URLS"] = f"http://{services.HOST}:{purge_port}"
        with (
            services.gunicorn(env, folder / "a.log", workers=2) as a_url,
            services.gunicorn(env, folder / "b.log", workers=2) as b_url,
            edge_proxy.edge_proxy([a_url, b_url], purge_port) as proxy,
        ):
            say(f"instance A: {a_url}   instance B: {b_url}   proxy: {proxy.url}")
            say(f"shared: PostgreSQL port {cluster.port}, Redis {redis_url}")
            published = publish_is_seen(env, a_url, b_url)
            shared_limit = limit_is_shared(a_url, b_url)
            through_proxy = publish_reaches_proxy(env, proxy)
    say(f"publish on A seen on B:     {'yes' if published else 'NO'}")
    say(f"rate limit shared:          {'yes' if shared_limit else 'NO'}")
    say(f"publish on A through proxy: {'yes' if through_proxy else 'NO'}")
    ok = published and shared_limit and through_proxy
    say("PASS" if ok else "FAIL")
    return ok


def main() -> None:
    missing = (
        services.missing_postgres() or services.missing_redis() or edge_proxy.missing()
    )
    if missing:
        sys.exit(f"cannot run: {missing}")
    sys.exit(0 if run() else 1)


if __name__ == "__main__":
    main()
