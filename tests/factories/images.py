"""Generated images: a neutral gradient, never a photograph or a medical claim."""

import io

from django.core.files.images import ImageFile

from wagtail.images.models import Image

from PIL import Image as PillowImage


def generated_image(title: str = "Farbverlauf", size=(1600, 900)) -> Image:
    """A PNG gradient stored as a Wagtail image (in ``MEDIA_ROOT``)."""
    width, height = size
    picture = PillowImage.linear_gradient("L").resize(size).convert("RGB")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return Image.objects.create(
        title=title,
        file=ImageFile(buffer, name="gradient.png"),
        width=width,
        height=height,
    )
