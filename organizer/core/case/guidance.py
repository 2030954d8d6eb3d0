"""Where to find a second-opinion doctor and the main treatment guidelines (data in resources/guidance)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from organizer.core.i18n import _
from organizer.core.resources import resources_folder


@dataclass(frozen=True)
class GuidanceLink:
    """One place the person can look: our own short description and its public web address."""

    title: str
    description: str
    url: str


@dataclass(frozen=True)
class GuidanceTopic:
    id: str
    title: str
    introduction: str
    links: tuple[GuidanceLink, ...]


def guidance_folder() -> Path:
    return resources_folder() / "guidance"


def guidance_topics(folder: Path | None = None) -> list[GuidanceTopic]:
    """Every topic file, sorted by its `order` field."""
    topics: list[tuple[int, GuidanceTopic]] = []
    for path in sorted((folder or guidance_folder()).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        links = tuple(GuidanceLink(_(str(link["title"])), _(str(link["description"])), str(link["url"]))
                      for link in data["links"])  # texts in the catalogue (see guidance_texts)
        topic = GuidanceTopic(path.stem, _(str(data["title"])), _(str(data["introduction"])), links)
        topics.append((int(data.get("order", 99)), topic))
    return [topic for _, topic in sorted(topics, key=lambda t: (t[0], t[1].id))]
