"""/media/images/ under make run: renditions only, never documents."""

import re

import pytest

from tests.factories.images import generated_image

pytestmark = pytest.mark.django_db


def test_a_rendition_is_served_as_an_image(client, media_root):
    rendition = generated_image().get_rendition("width-400|format-webp")

    response = client.get(rendition.url)

    assert re.fullmatch(r"/media/images/[^/]+\.webp", rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "public" in response["Cache-Control"]
    assert "max-age=604800" in response["Cache-Control"]
    assert not response.cookies
    assert client.head(rendition.url).status_code == 200


def test_a_rendition_is_sent_as_it_is_to_a_reader_taking_gzip(client, media_root):
    rendition = generated_image().get_rendition("width-400|format-webp")

    response = client.get(rendition.url, HTTP_ACCEPT_ENCODING="gzip, br")

    assert response.status_code == 200
    assert "Content-Encoding" not in response
    body = b"".join(response.streaming_content)
    assert body[8:12] == b"WEBP"
    assert int(response["Content-Length"]) == len(body)


@pytest.mark.parametrize(
    ("path", "content"),
    [
        ("documents/private.pdf", b"%PDF-1.4"),
        ("original_images/gradient.png", b"\x89PNG"),
        ("images/drawing.svg", b"<svg><script>alert(1)</script></svg>"),
        ("images/notes.txt", b"notes"),
    ],
)
def test_nothing_else_of_media_is_served(client, media_root, path, content):
    file = media_root / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(content)

    assert client.get(f"/media/{path}").status_code == 404


@pytest.mark.parametrize(
    "path", ["/media/images/../documents/private.pdf", "/media/images/%2e%2e/x.png"]
)
def test_paths_out_of_the_images_folder_are_refused(client, media_root, path):
    (media_root / "documents").mkdir(parents=True)
    (media_root / "documents" / "private.pdf").write_bytes(b"%PDF-1.4")
    (media_root / "x.png").write_bytes(b"\x89PNG")

    # 400: Django refuses the path as suspicious before looking for a file.
    assert client.get(path).status_code in (400, 404)


def test_a_post_is_not_allowed(client, media_root):
    rendition = generated_image().get_rendition("width-400")

    assert client.post(rendition.url).status_code == 405


def test_the_admins_thumbnails_are_served(admin_client, media_root):
    generated_image(title="Verlauf")

    html = admin_client.get("/admin/images/").content.decode()
    thumbnail = re.search(r'<img[^>]+src="(/media/images/[^"]+)"', html).group(1)

    assert admin_client.get(thumbnail).status_code == 200
