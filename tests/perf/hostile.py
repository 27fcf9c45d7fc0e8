"""Bounded hostile HTTP requests for the fuzz run (``make fuzz``) and its small
version in the suite (``tests/clinic_site/test_fuzz_requests.py``).

Each request mixes a known address of the site with hostile paths, query
strings, headers, charsets and bodies; sizes stay under gunicorn's limits
(request line 4094 bytes, header field 8190) most of the time and cross them
sometimes. A seeded ``random.Random`` draws them, so a run repeats exactly; the
suite passes Hypothesis's ``st.randoms()``, which shrinks a failing request.
"""

import random
import re
from dataclasses import dataclass, field
from urllib.parse import quote

KNOWN_PATHS = [
    "/",
    "/de/",
    "/en/",
    "/de/beratung/",
    "/en/consultation/",
    "/de/beratung/danke/",
    "/en/consultation/thanks/",
    "/de/suche/",
    "/en/search/",
    "/healthz/",
    "/admin/",
    "/admin/login/",
    "/admin/two-factor/",
    "/admin/password_reset/",
    "/documents/1/x.pdf",
    "/robots.txt",
    "/sitemap.xml",
    "/static/missing.css",
    "/media/original_images/x.jpg",
    "/favicon.ico",
]
FORM_PATHS = ["/de/beratung/", "/en/consultation/", "/admin/login/"]
METHODS = ["GET"] * 6 + ["POST"] * 4 + ["HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"]
CHARSETS = [
    "utf-8",
    "latin-1",
    "iso-8859-1",
    "utf-16",
    "utf-32",
    "cp1252",
    "shift_jis",
    "utf-7",
    "bogus",
    "",
    "utf-8\x7f",
    '"utf-8"',
    "x" * 300,
]
CONTENT_TYPES = [
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=xyz",
    "multipart/form-data",
    "application/json",
    "text/plain",
    "text/xml",
    "application/octet-stream",
    "",
    ";;;",
]
ACCEPTS = [
    "*/*",
    "/",
    "text/html;q=abc",
    "text/html;q=0.5, application/json",
    "application/json",
    ";;;,,,",
    "*/*;q=",
    "text/*, */*;level=1;q=0.1",
    "\x7f\xff",
]
LANGUAGES = ["de", "en", "fr", "de-DE,de;q=0.9", "*", "en;q=x", "zz-ZZZZZZZZ", ",,"]
HOSTILE_PIECES = [
    "..",
    "%2e%2e",
    "%00",
    "%ff",
    "%c0%ae",
    "%e2%80%ae",
    "%f0%9f%98%80",
    "%25",
    "%",
    "%zz",
    "//",
    "\\",
    ";",
    "'",
    '"><script>',
    "{{7*7}}",
    "${jndi:x}",
    "%0d%0aSet-Cookie:x=1",
    "ä",
    "😀",
    "index.php",
    ".env",
    "wp-admin",
]
QUERY_KEYS = ["q", "treatment", "page", "p", "format", "region", "next", "lang", "id"]


@dataclass
class FormSession:
    """What a browser holds after loading a form: the CSRF cookie and tokens, so
    that hostile posts reach the form instead of stopping at the CSRF check."""

    csrf_cookie: str = ""
    csrf_token: str = ""
    form_started: str = ""
    origin: str = ""


@dataclass
class HostileRequest:
    method: str
    path: str  # percent-encoded, as on the request line
    query: str = ""
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""

    @property
    def target(self) -> str:
        return f"{self.path}?{self.query}" if self.query else self.path

    def header(self, name: str) -> str:
        return next((v for k, v in self.headers if k.lower() == name.lower()), "")

    def raw(self, host: str) -> bytes:
        """The request as bytes on the wire; header values are latin-1, as
        gunicorn reads them."""
        lines = [f"{self.method} {self.target} HTTP/1.1", f"Host: {host}"]
        lines += [f"{name}: {value}" for name, value in self.headers]
        lines += [f"Content-Length: {len(self.body)}", "Connection: close"]
        head = "\r\n".join(lines) + "\r\n\r\n"
        return head.encode("latin-1", "replace") + self.body

    def summary(self) -> str:
        target, body = self.target[:200], self.body[:200]
        return f"{self.method} {target!r} {self.headers!r} {body!r}"


def text(rng: random.Random, max_size: int = 40) -> str:
    """Any code point but surrogates: controls, RTL marks, astral characters."""
    points = [
        rng.choice([rng.randint(0, 0x7F), rng.randint(0xA0, 0xD7FF), 0x202E, 0x1F600])
        for _ in range(rng.randint(0, max_size))
    ]
    return "".join(map(chr, points))


def latin1(rng: random.Random, max_size: int = 40) -> str:
    """A header value: bytes 0x20-0xff, now and then a tab or a control byte."""
    control = rng.random() < 0.05  # gunicorn refuses these with 400 itself
    points = [
        rng.choice([rng.randint(0x20, 0x7E)] * 6 + [rng.randint(0x80, 0xFF), 9])
        for _ in range(rng.randint(0, max_size))
    ]
    if control and points:
        points[rng.randrange(len(points))] = rng.choice([0, 1, 0x7F])
    return "".join(map(chr, points))


def hostile_value(rng: random.Random) -> str:
    choice = rng.randrange(6)
    if choice == 0:
        return rng.choice(HOSTILE_PIECES)
    if choice == 1:
        return rng.choice(["x", "ä", "%00", "😀"]) * rng.choice([10, 100, 600])
    if choice == 2:
        return str(rng.choice([0, -1, 2**31, 2**63, 10**30, 1]))
    return text(rng)


def hostile_path(rng: random.Random, known: list[str]) -> str:
    path = rng.choice(known)
    for _ in range(rng.choice([0, 0, 1, 2, 3])):
        piece = rng.choice(HOSTILE_PIECES + [quote(text(rng, 20), safe="")])
        path = path.rstrip("/") + "/" + piece + rng.choice(["", "/"])
    if rng.random() < 0.03:
        path += "a" * rng.choice([200, 2000, 4100])
    # Percent-encode what is not ASCII, keep the rest as sent (%-escapes included).
    return quote(path, safe="/%;'\"<>{}$:\\?=&")


def hostile_query(rng: random.Random) -> str:
    if rng.random() < 0.4:
        return ""
    pairs = []
    for _ in range(rng.randint(1, 4)):
        key = rng.choice([*QUERY_KEYS, text(rng, 8)])
        key = rng.choice([key, key + "[]", key + "[0]"])
        pairs.append(f"{quote(key, safe='')}={quote(hostile_value(rng), safe='%')}")
    query = "&".join(pairs)
    if rng.random() < 0.1:
        query += rng.choice(["&&", "=", "%", "&=&", ";", "%ff%fe"])
    return query


def form_body(rng: random.Random, session: FormSession) -> dict[str, str]:
    fields = {
        "csrfmiddlewaretoken": session.csrf_token,
        "form_started": session.form_started,
        "name": "Anna Müller",
        "email": "anna@example.org",
        "contact_method": "email",
        "preferred_language": "de",
        "topic": "unsure",
        "username": "admin",
        "password": "x",
    }
    for name in rng.sample(list(fields), rng.randint(0, 4)):
        fields[name] = hostile_value(rng)
    return fields


def encode_body(rng: random.Random, fields: dict[str, str], charset: str) -> bytes:
    encoding = charset if charset in ("latin-1", "utf-16", "cp1252") else "utf-8"
    kind = rng.randrange(4)
    if kind == 0:  # urlencoded in the declared charset
        pairs = "&".join(f"{k}={quote(v, safe='')}" for k, v in fields.items())
        return pairs.encode(encoding, "replace")
    if kind == 1:  # multipart, maybe cut short
        parts = "".join(
            f'--xyz\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
            for k, v in fields.items()
        )
        body = (parts + "--xyz--\r\n").encode(encoding, "replace")
        return body[: rng.randint(0, len(body))] if rng.random() < 0.3 else body
    if kind == 2:
        return rng.randbytes(rng.choice([0, 10, 500, 5000]))
    return b"{" * rng.randint(1, 50) + "ä".encode()


def hostile_request(
    rng: random.Random, known: list[str], session: FormSession
) -> HostileRequest:
    """One bounded hostile request for the site that ``known`` paths belong to."""
    method = rng.choice(METHODS)
    posting_form = method == "POST" and rng.random() < 0.6
    path = rng.choice(FORM_PATHS) if posting_form else hostile_path(rng, known)
    request = HostileRequest(method=method, path=path, query=hostile_query(rng))
    headers = request.headers
    if rng.random() < 0.7:
        headers.append(("Accept", rng.choice([*ACCEPTS, latin1(rng)])))
    if rng.random() < 0.5:
        headers.append(("Accept-Language", rng.choice([*LANGUAGES, latin1(rng)])))
    if rng.random() < 0.3:
        headers.append(("User-Agent", latin1(rng, rng.choice([40, 3000]))))
    if rng.random() < 0.2:
        headers.append(("Range", rng.choice(["bytes=0-", "bytes=-1", "bytes=x"])))
    if rng.random() < 0.2:
        headers.append(("If-Modified-Since", latin1(rng, 30)))
    if rng.random() < 0.2:
        headers.append(("X-Forwarded-For", rng.choice(["1.2.3.4", latin1(rng, 30)])))
    headers.append(("X-Forwarded-Proto", rng.choice(["https"] * 9 + [latin1(rng)])))
    cookie = session.csrf_cookie if rng.random() < 0.8 else latin1(rng, 64)
    cookies = [f"csrftoken={cookie}"]
    if rng.random() < 0.2:
        cookies.append(f"sessionid={latin1(rng, 40)}")
    if rng.random() < 0.1:
        cookies.append(latin1(rng, 60))
    headers.append(("Cookie", "; ".join(cookies)))
    if session.origin and rng.random() < 0.9:
        headers.append(("Origin", session.origin))
        headers.append(("Referer", session.origin + path))
    if method in ("POST", "PUT", "PATCH"):
        charset = rng.choice(CHARSETS)
        content_type = rng.choice(CONTENT_TYPES)
        if posting_form:
            content_type = rng.choice(CONTENT_TYPES[:2])
        if charset and rng.random() < 0.6:
            content_type += f"; charset={charset}"
        headers.append(("Content-Type", content_type))
        request.body = encode_body(rng, form_body(rng, session), charset)
    if rng.random() < 0.1:
        name = rng.choice(["X-" + latin1(rng, 10).strip() or "X", "Accept-Encoding"])
        headers.append((re.sub(r"[^A-Za-z0-9-]", "", name) or "X", latin1(rng)))
    return request


def scrape_paths(html: str) -> list[str]:
    """The site's own links in ``html``: treatment pages, regions, search."""
    return sorted(set(re.findall(r'href="(/(?:de|en)/[^"?#]*)"', html)))[:60]


def form_tokens(html: str) -> tuple[str, str]:
    """The CSRF token and the fill-time token of a rendered form."""
    found = {
        name: re.search(f'name="{name}" value="([^"]+)"', html)
        for name in ("csrfmiddlewaretoken", "form_started")
    }
    return tuple(match[1] if match else "" for match in found.values())
