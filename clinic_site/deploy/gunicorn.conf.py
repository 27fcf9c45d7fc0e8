"""gunicorn settings for production: the systemd unit and ``make prod`` use them.

Command-line options (``--bind``, ``--workers``) override these.
"""

import os

# nginx on the same host (or the load balancer) connects here.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
# Sync workers: each request holds one worker; a stuck one is restarted.
timeout = 30
graceful_timeout = 30
# Recycle workers now and then, against slow memory growth.
max_requests = 2000
max_requests_jitter = 200
# Only the local proxy may set X-Forwarded-Proto and X-Forwarded-For.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
