"""A treatment page's English as a PO file for a translator, and back.

The export holds the parts whose English is missing or outdated: one entry per
text of the German (msgid), with the current English where the structure allows
it (msgstr) and the place in the page (msgctxt: field, then the path inside a
stream). The import rebuilds each English field from the German structure and
the translations, and refuses a file whose German no longer matches the page.
"""

import copy
import re
from collections.abc import Iterator

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import StreamValue

from .status import PARTS, EnglishStatus, part_status

TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)
FIELD_PARTS = {name: part for part in PARTS for name in part.fields}


class PoError(ValueError):
    """A file that does not fit the page; the message says why, translated."""


def raw_leaves(block: blocks.Block, raw, path: str) -> Iterator[tuple[str, str]]:
    """(path, text) for every text in ``raw``, the stored form of ``block``."""
    if isinstance(block, blocks.StreamBlock):
        for i, item in enumerate(raw or []):
            child = block.child_blocks.get(item.get("type"))
            if child is not None:
                yield from raw_leaves(child, item.get("value"), f"{path}/{i}")
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from raw_leaves(child, (raw or {}).get(name), f"{path}/{name}")
    elif isinstance(block, blocks.ListBlock):
        for i, item in enumerate(raw or []):
            value = item["value"] if is_child(item) else item
            yield from raw_leaves(block.child_block, value, f"{path}/{i}")
    elif isinstance(block, TEXT_BLOCKS) and raw:
        yield path, raw


def is_child(item) -> bool:
    """Whether ``item`` is a stream child or list item with its own id."""
    return isinstance(item, dict) and "type" in item and "value" in item


def set_leaf(raw, path: list[str], text: str):
    """Put ``text`` at ``path`` (from ``raw_leaves``) into ``raw``."""
    key, rest = path[0], path[1:]
    if isinstance(raw, list) and is_child(raw[int(key)]):
        item = raw[int(key)]
        item["value"] = set_leaf(item["value"], rest, text) if rest else text
        return raw
    index = int(key) if isinstance(raw, list) else key
    raw[index] = set_leaf(raw[index], rest, text) if rest else text
    return raw


def field_entries(page, name: str) -> list[tuple[str, str, str]]:
    """(msgctxt, German, English) of the texts of field ``name``."""
    german = getattr(page, f"{name}_de")
    english = getattr(page, f"{name}_en")
    if not isinstance(german, StreamValue):
        return [(name, german, english or "")] if german else []
    block = german.stream_block
    english_leaves = dict(raw_leaves(block, list(english.raw_data), ""))
    return [
        (f"{name}{path}", text, english_leaves.get(path, ""))
        for path, text in raw_leaves(block, list(german.raw_data), "")
    ]


def needing_english(page) -> list:
    """The parts whose English is missing or outdated."""
    return [
        part
        for part in PARTS
        if (status := part_status(page, part))
        and status.status != EnglishStatus.UP_TO_DATE
    ]


ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"}


def quote(text: str) -> str:
    return '"' + "".join(ESCAPES.get(char, char) for char in text) + '"'


def export_po(page) -> str:
    """The PO file of the parts of ``page`` that need English."""
    lines = [
        'msgid ""',
        'msgstr ""',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        '"Language: en\\n"',
        '"X-Source-Language: de\\n"',
        "",
    ]
    for part in needing_english(page):
        for name in part.fields:
            for context, german, english in field_entries(page, name):
                lines += [
                    f"#. {part.label}",
                    f"msgctxt {quote(context)}",
                    f"msgid {quote(german)}",
                    f"msgstr {quote(english)}",
                    "",
                ]
    return "\n".join(lines)


UNESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
PO_LINE = re.compile(r'^(msgctxt|msgid|msgstr)?\s*"((?:[^"\\]|\\.)*)"\s*$')


def unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: UNESCAPES.get(m.group(1), m.group(1)), text)


def parse_po(text: str) -> list[dict[str, str]]:
    """The entries of a PO file (msgctxt, msgid, msgstr), header excluded."""
    entries, entry, key = [], {}, None
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = PO_LINE.match(line)
        if not match or (match.group(1) is None and key is None):
            raise PoError(
                format_lazy(_("The file is no PO file (line {number})."), number=number)
            )
        if match.group(1):
            key = match.group(1)
            if key in ("msgctxt", "msgid") and "msgstr" in entry:
                entries.append(entry)
                entry = {}
            entry[key] = ""
        entry[key] += unquote(match.group(2))
    if "msgstr" in entry:
        entries.append(entry)
    return [entry for entry in entries if entry.get("msgid")]


def english_from_po(page, text: str) -> dict[str, object]:
    """The English fields the file gives ``page`` ({"faq_en": raw stream, …}).

    Raises ``PoError`` for a malformed file, an unknown section, a German
    source that differs from the page's, or an empty translation.
    """
    changes: dict[str, object] = {}
    translated: set[str] = set()
    for entry in parse_po(text):
        context = entry.get("msgctxt", "")
        name, _slash, path = context.partition("/")
        part = FIELD_PARTS.get(name)
        if part is None:
            raise PoError(
                format_lazy(_("Unknown section in the file: {name}"), name=context)
            )
        german = {c: g for c, g, _e in field_entries(page, name)}
        if german.get(context) != entry["msgid"]:
            raise PoError(
                format_lazy(
                    _(
                        "The German of “{section}” changed since the export; "
                        "export the page again."
                    ),
                    section=part.label,
                )
            )
        if not entry["msgstr"]:
            raise PoError(
                format_lazy(
                    _("“{section}” has an entry without translation."),
                    section=part.label,
                )
            )
        value = getattr(page, f"{name}_de")
        if not isinstance(value, StreamValue):
            changes[f"{name}_en"] = entry["msgstr"]
            continue
        raw = changes.setdefault(f"{name}_en", copy.deepcopy(list(value.raw_data)))
        set_leaf(raw, path.split("/"), entry["msgstr"])
        translated.add(context)
    for field in changes:
        name = field.removesuffix("_en")
        missing = {c for c, _g, _e in field_entries(page, name)} - translated
        if isinstance(getattr(page, f"{name}_de"), StreamValue) and missing:
            raise PoError(
                format_lazy(
                    _("“{section}” is incomplete in the file."),
                    section=FIELD_PARTS[name].label,
                )
            )
    return changes
