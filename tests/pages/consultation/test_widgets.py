"""The long select writes exactly what Django's own select writes."""

import pickle

from django import forms

import pytest

from pages.consultation.widgets import LongSelect, RenderedOptions

CHOICES = [
    ("unsure", "Nicht <sicher>"),
    ("Behandlungen", [("treatment-1", "Knie & Hüfte"), ("treatment-2", "Rücken")]),
    ("Körperregionen", [("region-1", 'Schulter "rechts"')]),
]
# Numbers, an empty choice, an unnamed group and a value offered twice (only
# its first option is selected, as in Django's select).
ODD_CHOICES = [
    (None, "—"),
    ("", [(1, "eins"), (2, "zwei")]),
    ("Doppelt", [(1, "noch einmal eins")]),
]
ATTRS = {"aria-describedby": "id_topic_hint", "required": True, "disabled": False}


@pytest.mark.parametrize(
    ("choices", "value"),
    [
        *((CHOICES, value) for value in ["treatment-2", "unsure", "region-1", None]),
        *((ODD_CHOICES, value) for value in [1, "2", "", None]),
    ],
)
def test_the_markup_is_djangos(choices, value):
    def markup(widget_class):
        widget = widget_class(choices=choices, attrs=ATTRS)
        return widget.render("topic", value, {"id": "id_topic"})

    assert markup(LongSelect) == markup(forms.Select)


def test_labels_and_values_are_escaped():
    html = LongSelect(choices=[("<b>", "<i>")]).render("topic", None)

    assert '<option value="&lt;b&gt;">&lt;i&gt;</option>' in html


@pytest.mark.parametrize("value", ["treatment-2", "unsure", "region-1", "gone", None])
def test_kept_options_write_djangos_markup(value):
    # As the form keeps them between publishes: through the cache's pickle.
    kept = pickle.loads(pickle.dumps(RenderedOptions(CHOICES)))  # noqa: S301

    html = LongSelect(choices=kept, attrs=ATTRS).render("topic", value)

    assert html == forms.Select(choices=CHOICES, attrs=ATTRS).render("topic", value)
    assert list(kept) == CHOICES
