"""Fuzzing the consultation form (hypothesis) through HTTP, in both languages.

Random unicode, huge values, null bytes and control characters, missing and
repeated fields, wrong types and undecodable bodies: the form never answers
with a 5xx, stores nothing for invalid input, and stores exactly one row for
each valid input. The number of inputs tried is printed under "figures" at the
end of the run.
"""

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pages.models import ConsultationRequest
from tests.figures import record
from tests.pages.consultation.utils import FORM_URLS, started_token, valid_data

pytestmark = pytest.mark.django_db


def fuzz_settings(examples: int) -> settings:
    """Bounded runs: 450 examples, about 40 s for the module on two busy cores.

    The counts are for Hypothesis's default of 100 examples; another profile
    scales them (``--hypothesis-profile=fast``, ``make test-fast``: a tenth).
    """
    return settings(
        max_examples=max(1, examples * settings.default.max_examples // 100),
        deadline=None,
        database=None,  # no example database: each run draws afresh
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
        ],
    )


HUGE = 100_000
PROBLEM = {"de": "Es gibt ein Problem", "en": "There is a problem"}
fuzz_counter = {"submissions": 0, "bodies": 0, "valid": 0}

# Text as an attacker sends it: any code point (null bytes, controls, RTL marks,
# astral characters), but no lone surrogates, which no client can encode.
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)
huge_text = st.sampled_from(["x", "ä", "\x00", "😀", "\u202e"]).map(
    lambda char: char * HUGE
)
wrong_type = st.one_of(
    st.integers().map(str),
    st.floats(allow_nan=True).map(str),
    st.sampled_from(["true", "None", "null", "[]", "{}", "on", "-1", "0"]),
)
uploaded_file = st.binary(max_size=64).map(
    lambda content: SimpleUploadedFile("x.bin", content)
)


def field_value(valid: str):
    """One field: its valid value mostly, otherwise something hostile."""
    single = st.one_of(any_text, huge_text, wrong_type)
    return st.one_of(
        st.just(valid),
        st.just(valid),
        single,
        st.lists(st.one_of(st.just(valid), single), min_size=2, max_size=4),
        uploaded_file,
        st.none(),  # missing
    )


@st.composite
def submissions(draw) -> dict:
    data = {}
    for name, valid in valid_data().items():
        value = draw(field_value(valid))
        if value is not None:
            data[name] = value
    extra = draw(st.dictionaries(any_text, any_text, max_size=3))
    data.update({key: value for key, value in extra.items() if key not in data})
    return data


def row_count() -> int:
    return ConsultationRequest.objects.count()


def is_honeypot_hit(data: dict) -> bool:
    website = data.get("website", "")
    # Django reads the last of repeated values; files are not in POST at all.
    if isinstance(website, list):
        website = website[-1]
    return isinstance(website, str) and bool(website.strip())


@fuzz_settings(250)
@given(data=submissions(), language=st.sampled_from(["de", "en"]))
def test_fuzzed_submission_never_fails_and_stores_only_valid_input(
    client, consultation_page, settings, data, language
):
    settings.CONSULTATION_RATE_LIMIT_REQUESTS = 10**6
    before = row_count()

    response = client.post(FORM_URLS[language], data)

    assert response.status_code in (303, 400), response.status_code
    stored = row_count() - before
    if response.status_code == 400:
        assert stored == 0
        html = response.content.decode()
        assert f'<html lang="{language}">' in html
        assert PROBLEM[language] in html
    else:
        assert stored == (0 if is_honeypot_hit(data) else 1)
    fuzz_counter["submissions"] += 1


# A huge body is built from a short random one: drawing 100 KB of entropy per
# example trips Hypothesis's data_too_large health check.
huge_body = st.binary(min_size=1, max_size=64).map(
    lambda chunk: (chunk * (HUGE // len(chunk) + 1))[:HUGE]
)


@fuzz_settings(100)
@given(
    body=st.one_of(st.binary(max_size=2000), huge_body),
    content_type=st.sampled_from(
        [
            "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=latin-1",
            "multipart/form-data; boundary=xyz",
            "multipart/form-data",
            "application/json",
            "text/plain; charset=utf-16",
        ]
    ),
    language=st.sampled_from(["de", "en"]),
)
def test_undecodable_bodies_get_a_client_error(
    client, consultation_page, settings, body, content_type, language
):
    settings.CONSULTATION_RATE_LIMIT_REQUESTS = 10**6

    # generic() sends the bytes as they are; post() would re-encode them.
    response = client.generic(
        "POST", FORM_URLS[language], body, content_type=content_type
    )

    assert response.status_code == 400, response.status_code
    assert row_count() == 0
    html = response.content.decode()
    # The form with its errors, or the bilingual page for unreadable requests.
    assert PROBLEM[language] in html or (
        "Ungültige Anfrage" in html and "Bad request" in html
    )
    fuzz_counter["bodies"] += 1


names = st.text(
    st.characters(exclude_categories=["Cc", "Cs"]), min_size=1, max_size=120
).filter(str.strip)
messages = st.text(
    st.characters(exclude_categories=["Cc", "Cs"], include_characters="\n\t"),
    max_size=500,
)


@fuzz_settings(100)
@given(
    name=names,
    local=st.from_regex(r"[a-z0-9]{1,8}([._-][a-z0-9]{1,8}){0,3}", fullmatch=True),
    phone=st.sampled_from(["", "089 1234567", "+49 89 1234567", "0171 2345678"]),
    message=messages,
    consent=st.booleans(),
    language=st.sampled_from(["de", "en"]),
)
def test_valid_generated_input_stores_exactly_one_row(
    client, consultation_page, settings, name, local, phone, message, consent, language
):
    settings.CONSULTATION_RATE_LIMIT_REQUESTS = 10**6
    before = row_count()
    email = f"{local}@example.org"

    response = client.post(
        FORM_URLS[language],
        valid_data(
            name=name,
            email=email,
            phone=phone,
            message=message,
            consent="on" if consent else None,
            preferred_language=language,
            form_started=started_token(),
        ),
    )

    if message.strip() and not consent:
        # A message is sent only with its own consent.
        assert response.status_code == 400
        assert row_count() == before
        return
    assert response.status_code == 303, response.content.decode()[:2000]
    assert row_count() == before + 1
    stored = ConsultationRequest.objects.order_by("-pk").first()
    assert stored.name == name.strip()
    assert stored.email == email
    assert stored.preferred_language == language
    assert (stored.consented_at is not None) is bool(message.strip())
    fuzz_counter["valid"] += 1


@pytest.fixture(autouse=True, scope="module")
def _print_fuzz_counts(request):
    yield
    record(
        request.config,
        "consultation form fuzz: {submissions} fuzzed submissions, {bodies} raw "
        "bodies, {valid} valid generated submissions; no 5xx".format(**fuzz_counter),
    )
