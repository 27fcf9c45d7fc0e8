"""Generated images: a neutral gradient, never a photograph or a medical claim."""

import io
import random

from django.core.files.images import ImageFile

from wagtail.images.models import Image

from PIL import Image as PillowImage
from PIL import ImageChops, ImageDraw, ImageFilter


def generated_image(title: str = "Farbverlauf", size=(1600, 900)) -> Image:
    """A PNG gradient stored as a Wagtail image (in ``MEDIA_ROOT``)."""
    picture = PillowImage.linear_gradient("L").resize(size).convert("RGB")
    return stored_image(title, picture, "gradient.png", "PNG")


def photo_like_image(title: str = "Testbild", size=(2400, 1600)) -> Image:
    """A camera-sized JPEG, as cameras save them, that compresses like a
    photograph (``photo_like``)."""
    return stored_image(title, photo_like(size), "photo-like.jpg", "JPEG", quality=90)


def stored_image(
    title: str, picture: PillowImage.Image, name: str, file_format: str, **options
) -> Image:
    """``picture`` saved as a file ``name`` in ``file_format``, as a Wagtail image."""
    buffer = io.BytesIO()
    picture.save(buffer, format=file_format, **options)
    return Image.objects.create(
        title=title,
        file=ImageFile(buffer, name=name),
        width=picture.width,
        height=picture.height,
    )


def photo_like(size: tuple[int, int], seed: int = 15) -> PillowImage.Image:
    """Sky and ground gradients, soft shapes, thin lines, blotchy texture and
    grain: a flat gradient shrinks to almost nothing in AVIF or JPEG, whereas
    this comes out near a real photo's size (an 800 px JPEG at quality 76:
    about 80 KB). Seeded, so every run weighs the same."""
    rng = random.Random(seed)  # noqa: S311 (test pixels, not secrets)
    width, height = size
    horizon = height * 3 // 5
    picture = PillowImage.new("RGB", size)
    picture.paste(gradient((width, horizon), (70, 120, 190), (200, 215, 235)))
    ground = gradient((width, height - horizon), (110, 130, 70), (60, 80, 40))
    picture.paste(ground, (0, horizon))
    draw = ImageDraw.Draw(picture)
    for _ in range(40):
        x, y = rng.randrange(width), rng.randrange(height)
        rx, ry = rng.randrange(40, 400), rng.randrange(30, 300)
        colour = tuple(rng.randrange(30, 230) for _ in range(3))
        draw.ellipse((x - rx, y - ry, x + rx, y + ry), fill=colour)
    picture = picture.filter(ImageFilter.GaussianBlur(6))
    draw = ImageDraw.Draw(picture)
    for _ in range(25):
        ends = [(rng.randrange(width), rng.randrange(height)) for _ in range(2)]
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.line(ends, fill=colour, width=rng.randrange(2, 8))
    texture = noise(rng, (width // 12, height // 12), 40).resize(
        size, PillowImage.Resampling.BICUBIC
    )
    for layer in (texture, noise(rng, size, 12)):
        grey = PillowImage.merge("RGB", [layer] * 3)
        picture = ImageChops.add(picture, grey, offset=-128)
    return picture


def gradient(size: tuple[int, int], top: tuple, bottom: tuple) -> PillowImage.Image:
    """A vertical gradient from colour ``top`` to colour ``bottom``."""
    ramp = PillowImage.linear_gradient("L").resize(size)
    return PillowImage.merge(
        "RGB",
        [
            ramp.point(lambda v, a=a, b=b: a + v * (b - a) // 255)
            for a, b in zip(top, bottom, strict=True)
        ],
    )


def noise(rng: random.Random, size: tuple[int, int], amplitude: int):
    """Grey noise around 128, at most ``amplitude`` either way."""
    raw = PillowImage.frombytes("L", size, rng.randbytes(size[0] * size[1]))
    return raw.point(lambda v: 128 + (v - 128) * amplitude // 128)
