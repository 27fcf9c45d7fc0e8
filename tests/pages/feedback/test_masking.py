import pytest

from pages.feedback.masking import mask_contact_details


@pytest.mark.parametrize(
    "text",
    [
        "write to anna.mueller+test@example.co.uk please",
        "call +49 89 1234567",
        "call 089/123 456 78",
        "call (0171) 234-5678",
        "0049891234567",
    ],
)
def test_contact_details_are_masked(text):
    masked = mask_contact_details(text)

    assert "@" not in masked
    assert sum(character.isdigit() for character in masked) < 6
    assert masked.count("entfernt]") == 1
    assert "(" not in masked


def test_ordinary_text_is_kept():
    text = "The section on 60–90 °C and the 3 steps was unclear."

    assert mask_contact_details(text) == text
