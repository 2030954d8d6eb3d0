"""Parsing XML from outside with every risky feature off: no entities, no DTDs, no network."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from organizer.core.errors import IntakeError
from organizer.core.i18n import N_, _

MAX_XML_BYTES = 64 * 1024 * 1024
"""The largest portal document we read (real ones are a few MB at most)."""

HOSTILE = (N_("This file declares its own XML entities, which health records never need, so it was "
           "not read, to keep your computer safe."))
TOO_BIG = N_("This file is too large (over 64 MB) to be a portal record we can read.")
_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")
BROKEN = N_("This XML file is damaged or incomplete, so it could not be read")


def _parser() -> Any:
    """Whitespace-only text between two elements is dropped (fewer nodes to build and walk): every
    reader joins the texts of separate elements with a space, so no words run together."""
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                           load_dtd=False, dtd_validation=False, remove_comments=True, remove_blank_text=True,
                           remove_pis=True, collect_ids=False)


class LastTree:
    """In a reader process (sandbox_worker sets `enabled`), the last parsed tree is freed only
    once the answer has gone out (`release`): freeing a portal document's tree costs about a
    fifth of parsing it, and the reader can do that while the importing process stores the
    answer. At most one tree is kept (a zip's documents free each other's as they are read)."""

    enabled = False
    root: Any = None

    @classmethod
    def keep(cls, root: Any) -> None:
        if cls.enabled:
            cls.root = root  # the previous one (another document of a zip) is freed here

    @classmethod
    def release(cls) -> None:
        cls.root = None


def parse_xml(data: bytes) -> Any:
    """The root element of `data`; IntakeError with a one-line reason for hostile or broken XML."""
    if len(data) > MAX_XML_BYTES:
        raise IntakeError(_(TOO_BIG))
    if _declares_entities(data):
        raise IntakeError(_(HOSTILE))
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        root = _with_windows_encoding(data, error)
    except ValueError as error:  # e.g. a declared encoding lxml does not know
        raise IntakeError(_("{broken}.").format(broken=BROKEN), details=str(error)) from None
    tree = root.getroottree()
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise IntakeError(_(HOSTILE))
    LastTree.keep(root)
    return root


def _with_windows_encoding(data: bytes, error: Any) -> Any:
    """Exports that say UTF-8 but hold Windows-1252 letters (é, ’) are read as Windows-1252."""
    if "encoding" not in str(error).lower() and "utf-8" not in str(error).lower():
        raise IntakeError(_("{broken} (line {lineno}).")
                          .format(broken=BROKEN, lineno=error.lineno), details=str(error)) from None
    text = data.decode("cp1252", errors="replace")
    text = _DECLARATION.sub("", text, count=1)
    try:
        return etree.fromstring(text.encode("utf-8"), _parser())
    except etree.XMLSyntaxError as again:
        raise IntakeError(_("{broken} (line {lineno}).")
                          .format(broken=BROKEN, lineno=again.lineno), details=str(again)) from None


def _declares_entities(data: bytes) -> bool:
    """A quick look before parsing: an internal DTD with ENTITY declarations (any encoding)."""
    if data.find(b"DOCTYPE", 0, 65536) < 0 and (
            data.find(b"\x00", 0, 65536) < 0  # UTF-16 (either order) holds NULs
            or data.find(b"D\x00O\x00C\x00T\x00Y\x00P\x00E", 0, 65536) < 0):
        return False  # no DTD at all (nearly every record): nothing to decode, nothing copied
    head = data[:65536]
    for encoding in ("utf-8", "utf-16"):
        try:
            text = head.decode(encoding, errors="ignore")
        except LookupError:  # pragma: no cover - both codecs always exist
            continue
        start = text.find("<!DOCTYPE")
        if start >= 0 and "<!ENTITY" in text[start:]:
            return True
    return False
