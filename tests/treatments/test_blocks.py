from django.core.exceptions import ValidationError
from django.utils import translation

import pytest

from treatments.blocks import FAQItemBlock, ProcedureStageBlock, VideoBlock
from treatments.videos import video_embed


@pytest.mark.parametrize(
    ("url", "embed"),
    [
        (
            "https://www.youtube.com/watch?v=abcDEF12345",
            "https://www.youtube-nocookie.com/embed/abcDEF12345?autoplay=1",
        ),
        (
            "https://youtu.be/abcDEF12345",
            "https://www.youtube-nocookie.com/embed/abcDEF12345?autoplay=1",
        ),
        (
            "https://vimeo.com/123456789",
            "https://player.vimeo.com/video/123456789?dnt=1&autoplay=1",
        ),
    ],
)
def test_video_embed_uses_privacy_friendly_hosts(url, embed):
    assert video_embed(url).embed_url == embed


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/video",
        "https://youtube.com/watch?v=<script>",
        "javascript:alert(1)",
    ],
)
def test_video_embed_rejects_other_addresses(url):
    assert video_embed(url) is None


def test_video_block_rejects_unknown_host():
    with pytest.raises(ValidationError):
        VideoBlock().clean({"title": "Knie", "url": "https://example.com/x"})


def test_video_block_renders_placeholder_without_loading_the_host():
    html = VideoBlock().render(
        VideoBlock().to_python({"title": "Knie", "url": "https://youtu.be/abcDEF12345"})
    )

    assert "<iframe" not in html
    assert (
        'data-video-embed="https://www.youtube-nocookie.com/embed/abcDEF12345' in html
    )
    assert 'href="https://youtu.be/abcDEF12345"' in html
    assert "YouTube" in html


@pytest.mark.parametrize("language", ["de", "en"])
def test_video_block_without_address_names_the_video_only(language):
    with translation.override(language):
        html = VideoBlock().render(
            VideoBlock().to_python({"title": "Hüfte", "url": ""})
        )

    # No player box, no promise of a publication date: the title alone.
    assert html.strip() == '<h3 class="video__title">Hüfte</h3>'


def test_faq_item_block_renders_details():
    block = FAQItemBlock()
    html = block.render(block.to_python({"question": "Tut es weh?", "answer": "Kaum."}))

    assert "<summary>Tut es weh?</summary>" in html
    assert "<p>Kaum.</p>" in html


def test_procedure_stage_block_renders_steps_in_order():
    block = ProcedureStageBlock()
    value = block.to_python(
        {
            "stage": "procedure",
            "heading": "Ablauf",
            "intro": "",
            "steps": ["Eins", "Zwei"],
            "closing": "",
        }
    )

    html = block.render(value)

    assert "<h3>Ablauf</h3>" in html
    assert html.index("Eins") < html.index("Zwei")
