"""gunicorn settings: the systemd unit, ``make prod`` and ``make run`` use them.

Command-line options (``--bind``, ``--workers``) override these.
"""

import os

# nginx on the same host (or the load balancer) connects here: localhost by
# default, a private address when a load balancer on another host connects.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
# Sync workers: each request holds one worker; a stuck one is restarted.
timeout = 30
graceful_timeout = 30
# Recycle workers now and then, against slow memory growth, but rarely: each
# recycle stalls the requests queued at that worker, and a traffic spike is
# when the count runs up fastest. At 2,000 `make bench` saw a recycle every
# few seconds per worker and p95 of 220-370 ms for pages and static files
# served in 7 ms at p50; at 50,000 none in a run (p95 6-10 ms).
max_requests = 50_000
max_requests_jitter = 5_000
# The app is loaded once, in the master, and every worker is forked from it: a
# recycled worker serves at once instead of importing Django and Wagtail anew
# while requests wait. Nothing opens a database connection while loading, so
# none is shared between workers. A new release therefore needs a restart,
# not a HUP (deploy/README.md).
preload_app = True
# Only the proxies the settings trust (TRUSTED_PROXIES, the same variable) may
# set X-Forwarded-Proto; the app reads X-Forwarded-For from them alone too.
forwarded_allow_ips = os.environ.get("TRUSTED_PROXIES", "127.0.0.1")
accesslog = "-"
# Paths without query strings and without referrers: the front desk searches
# requests by a patient's email, patients search for their complaints, and
# neither belongs in a log.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s "%(a)s"'
errorlog = "-"
