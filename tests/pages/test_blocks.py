"""The shared blocks: images in a page body."""

import re

from django.core.exceptions import ValidationError

import pytest

from pages.blocks import FigureBlock
from pages.models import StandardPage
from tests.factories.images import generated_image
from tests.pages.conftest import page_html

pytestmark = pytest.mark.django_db


def figure_value(picture, caption: str = "", **image):
    """A FigureBlock and its value for ``picture`` with ImageBlock's ``image``
    fields (alt_text, decorative)."""
    block = FigureBlock()
    data = {
        "image": {"image": picture.pk, "alt_text": "", "decorative": False, **image},
        "caption": caption,
    }
    return block, block.to_python(data)


def test_figure_renders_a_responsive_lazy_picture(media_root):
    image = generated_image()
    block, value = figure_value(
        image, caption="Ein Bild", alt_text="Farbverlauf von Schwarz nach Weiß"
    )

    html = block.render(value)

    assert 'type="image/avif"' in html
    assert 'type="image/webp"' in html
    img = re.search(r"<img [^>]+>", html).group(0)
    assert 'alt="Farbverlauf von Schwarz nach Weiß"' in img
    assert 'loading="lazy"' in img
    assert 'width="400"' in img and 'height="225"' in img
    assert re.search(r'src="/media/images/[^"]+\.jpg"', img)
    assert " 1200w" in img and 'sizes="' in img
    assert "<figcaption>Ein Bild</figcaption>" in html


def test_decorative_figure_has_empty_alt(media_root):
    block, value = figure_value(generated_image(), decorative=True)

    assert 'alt=""' in block.render(value)
    assert block.clean(value)


def test_figure_needs_alt_text_unless_decorative(media_root):
    block, value = figure_value(generated_image())

    with pytest.raises(ValidationError):
        block.clean(value)


def test_standard_page_shows_an_image_in_each_language(client, media_root):
    image = generated_image()
    page = StandardPage.objects.get(slug_de="praxis")
    for language, alt in [("de", "Ein Farbverlauf"), ("en", "A colour gradient")]:
        body = list(getattr(page, f"body_{language}").raw_data)
        body.append(
            {
                "type": "image",
                "value": {
                    "image": {"image": image.pk, "alt_text": alt, "decorative": False},
                    "caption": "",
                },
            }
        )
        setattr(page, f"body_{language}", body)
    page.save_revision().publish()

    assert 'alt="Ein Farbverlauf"' in page_html(client, "/de/praxis/")
    assert 'alt="A colour gradient"' in page_html(client, "/en/clinic/")
