"""A treatment page's optional lead image: picture, alt text, og:image."""

import re

from django.core.exceptions import ValidationError

import pytest

from tests.factories.images import generated_image

pytestmark = pytest.mark.django_db

DENERVATION_DE = "/de/behandlungen/denervation-thermokoagulation/"
DENERVATION_EN = "/en/treatments/denervation-thermocoagulation/"
DEFAULT_OG_IMAGE = '<meta property="og:image" content="http://testserver/static/img/share-default.png">'


@pytest.fixture
def with_lead_image(denervation_page, media_root):
    denervation_page.lead_image = generated_image()
    denervation_page.lead_image_alt_de = "Ein Farbverlauf"
    denervation_page.lead_image_alt_en = "A colour gradient"
    denervation_page.lead_image_caption_en = "Gradient"
    denervation_page.save_revision().publish()
    return denervation_page


def test_lead_image_is_shown_at_once_and_shared_as_og_image(client, with_lead_image):
    html = client.get(DENERVATION_EN).content.decode()

    picture = html[html.index('<figure class="figure figure--lead">') :]
    picture = picture[: picture.index("</figure>")]
    assert 'type="image/avif"' in picture and 'type="image/webp"' in picture
    assert 'alt="A colour gradient"' in picture
    assert 'fetchpriority="high"' in picture
    assert 'loading="lazy"' not in picture
    assert 'width="400"' in picture and 'height="225"' in picture
    assert "<figcaption>Gradient</figcaption>" in picture
    og_image = re.search(r'<meta property="og:image" content="([^"]+)">', html)
    assert og_image.group(1).startswith("http://testserver/media/images/")
    assert og_image.group(1).endswith(".jpg")
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta property="og:image:height" content="630">' in html
    assert '<meta property="og:image:alt" content="A colour gradient">' in html
    shared = client.get(og_image.group(1).removeprefix("http://testserver"))
    assert shared.status_code == 200
    assert shared["Content-Type"] == "image/jpeg"


def test_lead_image_alt_follows_the_language(client, with_lead_image):
    html = client.get(DENERVATION_DE).content.decode()

    assert 'alt="Ein Farbverlauf"' in html
    assert '<meta property="og:image:alt" content="Ein Farbverlauf">' in html


def test_without_lead_image_no_figure_and_the_default_og_image(
    client, denervation_page
):
    html = client.get(DENERVATION_DE).content.decode()

    assert "figure--lead" not in html
    assert DEFAULT_OG_IMAGE in html


def test_lead_image_needs_alt_text_in_each_language(denervation_page, media_root):
    denervation_page.lead_image = generated_image()
    denervation_page.lead_image_alt_de = "Ein Farbverlauf"

    with pytest.raises(ValidationError) as error:
        denervation_page.full_clean()

    assert set(error.value.message_dict) == {"lead_image_alt_en"}


def test_decorative_lead_image_needs_no_alt_text(client, denervation_page, media_root):
    denervation_page.lead_image = generated_image()
    denervation_page.lead_image_decorative = True
    denervation_page.lead_image_alt_de = "ignored"
    denervation_page.full_clean()
    denervation_page.save_revision().publish()

    html = client.get(DENERVATION_DE).content.decode()
    picture = html[html.index('<figure class="figure figure--lead">') :]
    assert 'alt=""' in picture[: picture.index("</figure>")]
    assert "og:image:alt" not in html
    assert "share-default.png" not in html


def test_edit_form_has_the_lead_image_in_both_languages(admin_client, denervation_page):
    html = admin_client.get(
        f"/admin/pages/{denervation_page.pk}/edit/"
    ).content.decode()

    for field in (
        "lead_image",
        "lead_image_decorative",
        "lead_image_alt_de",
        "lead_image_alt_en",
        "lead_image_caption_de",
        "lead_image_caption_en",
    ):
        assert f'name="{field}"' in html


def test_a_missing_image_file_leaves_the_page_readable(client, with_lead_image):
    with_lead_image.lead_image.file.storage.delete(with_lead_image.lead_image.file.name)

    response = client.get(DENERVATION_DE)

    assert response.status_code == 200
    assert DEFAULT_OG_IMAGE in response.content.decode()
