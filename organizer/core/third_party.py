"""The licence texts of the libraries the app runs on, read from their installed package metadata."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata

from organizer.core.resources import resources_folder

APP_DISTRIBUTION = "second-opinion-organizer"
LICENCES_FILE = "THIRD-PARTY-LICENCES.txt"
"""Written at build time into the frozen app's resources/ (packaging/third_party_licences.py)."""
BUNDLED_EXTRAS = ("ocr",)
"""Optional parts that an installer bundles when they are installed (the text-recognition engine)."""
_LICENCE_NAME = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|COPYRIGHT|AUTHORS)", re.IGNORECASE)
_REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_RULE = "=" * 78


@dataclass(frozen=True)
class Package:
    """One installed distribution: its name, version, declared licence and licence files."""

    name: str
    version: str
    licence: str
    texts: tuple[tuple[str, str], ...]  # (file name, text)


def _requirement(line: str) -> tuple[str, str] | None:
    """(name, extra it is gated on or "") for one Requires-Dist line."""
    match = _REQUIREMENT_NAME.match(line)
    if match is None:
        return None
    extra = re.search(r"extra\s*==\s*['\"]([^'\"]+)['\"]", line)
    return match.group(1), extra.group(1) if extra else ""


def _installed(name: str) -> metadata.Distribution | None:
    try:
        return metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return None


def runtime_distributions(root: str = APP_DISTRIBUTION) -> list[metadata.Distribution]:
    """Every installed distribution the app needs at run time, found by walking Requires-Dist
    from `root` (test-only extras left out; platform-specific ones are simply not installed)."""
    found: dict[str, metadata.Distribution] = {}
    pending = [(root, True)]
    while pending:
        name, is_root = pending.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        dist = _installed(name)
        if key in found or dist is None:
            continue
        if not is_root:
            found[key] = dist
        for line in dist.requires or ():
            parsed = _requirement(line)
            if parsed and (not parsed[1] or (is_root and parsed[1] in BUNDLED_EXTRAS)):
                pending.append((parsed[0], False))
    return sorted(found.values(), key=lambda d: str(d.metadata["Name"]).lower())


def _declared_licence(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    for field in ("License-Expression", "License"):
        value = next(iter(meta.get_all(field) or ()), "")
        if value and len(value) < 200 and "\n" not in value.strip():
            return str(value).strip()
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or ()
                   if c.startswith("License ::")]
    return " / ".join(classifiers) or "see the licence text below"


def _licence_texts(dist: metadata.Distribution) -> tuple[tuple[str, str], ...]:
    texts = []
    for file in dist.files or ():
        parts = file.parts
        if not parts or ".dist-info" not in parts[0] or not _LICENCE_NAME.search(str(file)):
            continue
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        texts.append(("/".join(parts[1:]), text.strip()))
    return tuple(texts)


def packages(dists: Iterable[metadata.Distribution] | None = None) -> list[Package]:
    """The app's runtime libraries with their licences (installed metadata, nothing online)."""
    return [Package(str(d.metadata["Name"]), d.version, _declared_licence(d), _licence_texts(d))
            for d in (runtime_distributions() if dists is None else dists)]


def report(found: Iterable[Package], extra_texts: Iterable[tuple[str, str]] = ()) -> str:
    """One plain-text file: a summary line per library, then every licence text in full."""
    found = list(found)
    lines = ["Second Opinion Organizer comes with these libraries, each under its own licence.",
             "Their full licence texts follow the list.", ""]
    lines += [f"- {p.name} {p.version}: {p.licence}" for p in found]
    for package in found:
        for file_name, text in package.texts:
            lines += ["", _RULE, f"{package.name} {package.version} — {file_name}", _RULE, "", text]
    for title, text in extra_texts:
        lines += ["", _RULE, title, _RULE, "", text.strip()]
    return "\n".join(lines) + "\n"


def licence_report() -> str:
    """The file written when the app was built, or (source checkout, wheel) one made now."""
    shipped = resources_folder() / LICENCES_FILE
    if shipped.is_file():
        return shipped.read_text(encoding="utf-8")
    return report(packages())
