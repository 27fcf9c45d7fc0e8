"""The client address behind the trusted proxies (``clinic_site.client_address``)."""

from django.test import RequestFactory

import pytest

from clinic_site.client_address import client_address
from clinic_site.settings import base


def address(remote: str, forwarded: str | None = None) -> str:
    headers = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
    return client_address(RequestFactory().get("/", REMOTE_ADDR=remote, **headers))


@pytest.fixture(autouse=True)
def proxies(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8", "2001:db8::/32"]


def test_without_a_proxy_the_connection_is_the_client():
    assert address("203.0.113.7") == "203.0.113.7"


def test_the_header_from_an_untrusted_address_is_ignored():
    assert address("203.0.113.7", "198.51.100.1") == "203.0.113.7"


def test_a_trusted_proxy_names_the_client_in_the_last_entry():
    assert address("127.0.0.1", "forged, 198.51.100.1") == "198.51.100.1"


def test_entries_from_trusted_proxies_are_skipped_from_the_right():
    assert address("127.0.0.1", "forged, 198.51.100.1, 10.1.2.3") == "198.51.100.1"
    assert address("2001:db8::5", "2a00:1450::1, 2001:db8::9") == "2a00:1450::1"


def test_an_entry_that_is_no_address_is_never_the_client():
    assert address("127.0.0.1", '084\t\tnG"$"e') == "127.0.0.1"
    assert address("127.0.0.1", "198.51.100.1, junk, 10.1.2.3") == "10.1.2.3"


def test_a_trusted_proxy_without_the_header_is_the_client():
    assert address("10.0.0.2") == "10.0.0.2"
    assert address("10.0.0.2", " , ") == "10.0.0.2"


def test_no_proxy_is_trusted_by_default():
    assert base.TRUSTED_PROXIES == []
