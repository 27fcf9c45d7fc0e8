"""Which parts of a treatment page have English that matches their German.

For each part (title, subtitle, summary, a section with its heading, the search
engine fields) the page keeps, in ``english_baseline``, the German and English
text of the last time the English was written or confirmed. The baseline is a
page field, so every revision carries the one that matches its content.
"""

import datetime
import difflib
import hashlib
import re
from dataclasses import dataclass
from html import unescape

from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import StreamValue

from treatments.sections import SECTIONS


class EnglishStatus(models.TextChoices):
    """Ordered from best to worst; a page has the worst status of its parts."""

    UP_TO_DATE = "up-to-date", _("English up to date")
    OUTDATED = "outdated", _("English outdated")
    MISSING = "missing", _("English missing")


SEVERITY = [EnglishStatus.UP_TO_DATE, EnglishStatus.OUTDATED, EnglishStatus.MISSING]


@dataclass(frozen=True)
class Part:
    """A unit the English is confirmed for: one or more translated fields."""

    key: str
    label: Promise
    fields: tuple[str, ...]


PARTS = (
    Part("title", _("Title"), ("title",)),
    Part("subtitle", _("Subtitle"), ("subtitle",)),
    Part("summary", _("Summary"), ("summary",)),
    *(
        Part(section.field, section.label, (f"{section.field}_heading", section.field))
        for section in SECTIONS
    ),
    Part(
        "seo",
        _("Search engine title and description"),
        ("seo_title", "search_description"),
    ),
)
PARTS_BY_KEY = {part.key: part for part in PARTS}

BLOCK_END = re.compile(r"</(p|h\d|li|blockquote)>|<br\s*/?>", re.IGNORECASE)


def block_lines(block: blocks.Block, value) -> list[str]:
    """The text of a block value, one line per text field or paragraph.

    Choices and addresses count as their stored value, so the text is the
    same whatever language the admin runs in.
    """
    if value is None:
        return []
    if isinstance(block, blocks.StreamBlock):
        return [
            line for child in value for line in block_lines(child.block, child.value)
        ]
    if isinstance(block, blocks.StructBlock):
        return [
            line
            for name, child in block.child_blocks.items()
            for line in block_lines(child, value.get(name))
        ]
    if isinstance(block, blocks.ListBlock):
        return [line for item in value for line in block_lines(block.child_block, item)]
    if isinstance(block, blocks.RichTextBlock):
        text = unescape(strip_tags(BLOCK_END.sub("\n", value.source)))
        return [line.strip() for line in text.splitlines() if line.strip()]
    if hasattr(value, "pk"):
        return [str(value.pk)]
    text = str(value).strip()
    return [text] if text else []


def value_lines(value) -> list[str]:
    """The text lines of a field value: a stream or a plain string."""
    if isinstance(value, StreamValue):
        return block_lines(value.stream_block, value)
    text = str(value or "").strip()
    return [text] if text else []


def part_text(page, part: Part, language: str) -> str:
    """The text of ``part`` of ``page`` in ``language``, without fallback."""
    lines = []
    for name in part.fields:
        lines += value_lines(getattr(page, f"{name}_{language}", None))
    return "\n".join(lines)


def lacks_english(page, part: Part) -> bool:
    """Whether a field of ``part`` has German but no English (a heading alone
    is no translation of its section)."""
    return any(
        value_lines(getattr(page, f"{name}_de", None))
        and not value_lines(getattr(page, f"{name}_en", None))
        for name in part.fields
    )


def record_english(page, confirm=(), today: datetime.date | None = None) -> None:
    """Update ``page.english_baseline`` for the content it holds now.

    A part whose English changed since its baseline, or that is in ``confirm``
    (the editor checked it), is now confirmed against the current German. A part
    whose German alone changed keeps its baseline, so it shows as outdated,
    and records the day of that German change (``with_german_change``).
    Running it again on the same content changes nothing.
    """
    baseline = dict(page.english_baseline or {})
    day = (today or timezone.localdate()).isoformat()
    for part in PARTS:
        english = part_text(page, part, "en")
        german = part_text(page, part, "de")
        record = baseline.get(part.key)
        if not english:
            baseline.pop(part.key, None)
        elif part.key in confirm or record is None or record.get("en") != english:
            baseline[part.key] = {
                "de": german,
                "en": english,
                "on": day,
                "de_changed": None,
            }
        else:
            baseline[part.key] = with_german_change(record, german, day)
    page.english_baseline = baseline


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def with_german_change(record: dict, german: str, day: str) -> dict:
    """``record`` with the day its German last changed since the confirmation.

    ``de_changed`` is None while the German is the confirmed one, else the day
    and a digest of the German of that day, so a save without a German change
    keeps the day. A record from before days were kept has no ``de_changed``:
    its German may have changed on an unknown earlier day, so it gets none.
    """
    if record.get("de") == german:
        return {**record, "de_changed": None}
    known = record.get("de_changed")
    if known and known["digest"] == digest(german):
        return record
    changed_on = day if "de_changed" in record else None
    return {**record, "de_changed": {"on": changed_on, "digest": digest(german)}}


@dataclass
class PartStatus:
    part: Part
    status: EnglishStatus
    confirmed_on: datetime.date | None
    german_diff: list[str]  # unified diff of the German since the confirmation
    german_changed_on: datetime.date | None = None  # None: not outdated, or unknown


def confirmed_on(record: dict | None) -> datetime.date | None:
    return datetime.date.fromisoformat(record["on"]) if record else None


def german_changed_on(record: dict | None, german: str) -> datetime.date | None:
    """The day the German became what it is now, when the baseline knows it."""
    changed = (record or {}).get("de_changed")
    if not changed or not changed["on"] or changed["digest"] != digest(german):
        return None
    return datetime.date.fromisoformat(changed["on"])


def part_status(page, part: Part) -> PartStatus | None:
    """The status of ``part``; None when it is empty in both languages."""
    german, english = part_text(page, part, "de"), part_text(page, part, "en")
    if not german and not english:
        return None
    record = (page.english_baseline or {}).get(part.key)
    if not english or lacks_english(page, part):
        return PartStatus(part, EnglishStatus.MISSING, None, [])
    if record is not None and record.get("de") == german:
        return PartStatus(part, EnglishStatus.UP_TO_DATE, confirmed_on(record), [])
    before = record.get("de", "") if record else ""
    diff = list(
        difflib.unified_diff(before.splitlines(), german.splitlines(), lineterm="", n=1)
    )[2:]  # without the file name lines
    return PartStatus(
        part,
        EnglishStatus.OUTDATED,
        confirmed_on(record),
        diff,
        german_changed_on(record, german),
    )


def part_statuses(page) -> list[PartStatus]:
    """The status of every part with content, in page order."""
    return [status for part in PARTS if (status := part_status(page, part))]


def page_status(page) -> EnglishStatus:
    """The worst status of the page's parts."""
    return max(
        (status.status for status in part_statuses(page)),
        key=SEVERITY.index,
        default=EnglishStatus.UP_TO_DATE,
    )
