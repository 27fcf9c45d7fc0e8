"""Turn a video page address into a privacy-friendly embed address."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
VIMEO_ID = re.compile(r"^\d{5,12}$")


@dataclass(frozen=True)
class VideoEmbed:
    host_name: str
    embed_url: str


def youtube_id(url: str) -> str | None:
    parsed = urlparse(url)
    host = (parsed.hostname or "").removeprefix("www.").removeprefix("m.")
    candidate = None
    if host == "youtu.be":
        candidate = parsed.path.lstrip("/")
    elif host in {"youtube.com", "youtube-nocookie.com"}:
        if parsed.path == "/watch":
            candidate = parse_qs(parsed.query).get("v", [""])[0]
        elif parsed.path.startswith(("/embed/", "/shorts/")):
            candidate = parsed.path.split("/")[2]
    return candidate if candidate and YOUTUBE_ID.match(candidate) else None


def vimeo_id(url: str) -> str | None:
    parsed = urlparse(url)
    host = (parsed.hostname or "").removeprefix("www.")
    if host not in {"vimeo.com", "player.vimeo.com"}:
        return None
    candidate = parsed.path.rstrip("/").rsplit("/", 1)[-1]
    return candidate if VIMEO_ID.match(candidate) else None


def video_embed(url: str) -> VideoEmbed | None:
    """The embed for a YouTube or Vimeo address, or None for any other address.

    YouTube plays from youtube-nocookie.com and Vimeo with ``dnt=1`` so that
    neither sets tracking cookies before the reader presses play.
    """
    if video := youtube_id(url):
        return VideoEmbed(
            "YouTube", f"https://www.youtube-nocookie.com/embed/{video}?autoplay=1"
        )
    if video := vimeo_id(url):
        return VideoEmbed(
            "Vimeo", f"https://player.vimeo.com/video/{video}?dnt=1&autoplay=1"
        )
    return None
