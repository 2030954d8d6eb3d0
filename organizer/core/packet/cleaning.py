"""Making a record's pages safe to pass on: forms drawn flat, no actions but jumps within the record.

Only the pages of a record go into the packet, so its document-level scripts, OpenAction,
attachments, XFA and structure tree stay behind. What a page itself carries is cleaned here, in the
record's own in-memory copy, before the page is copied:

- form fields (also widgets whose field is missing from /AcroForm) are drawn into the page and go;
- every other annotation is dropped — attachments, media, sound, movie, 3D, screen, notes, popups —
  except links that jump to a page of the same record, which are rebuilt from their target alone.
  Web links are dropped as actions; their text stays readable on the page, where the record drew it;
- a page keeps only the keys that say how to draw it: no /AA (open and close actions), no
  /StructParents (the record's tags would claim the packet's own), no thumbnails, beads or page info.
"""

from __future__ import annotations

from decimal import Decimal

import pikepdf
from pikepdf import Array, Dictionary, Name

from organizer.core.packet.page_shape import lookup

# What a page needs to be drawn; everything else on a page dictionary is dropped.
PAGE_KEYS = frozenset({"/Type", "/Parent", "/Resources", "/MediaBox", "/CropBox", "/BleedBox", "/TrimBox",
                       "/ArtBox", "/Contents", "/Rotate", "/Group", "/UserUnit", "/Annots"})
_FLATTENED = frozenset({"/Widget", "/Text", "/FreeText", "/Line", "/Square", "/Circle", "/Polygon",
                        "/PolyLine", "/Highlight", "/Underline", "/Squiggly", "/StrikeOut", "/Stamp",
                        "/Caret", "/Ink", "/Redact"})  # markup whose look is worth keeping on paper
_DEFAULT_FONT = "/Helv 0 Tf 0 g"
Pages = dict[tuple[int, int], pikepdf.Dictionary]  # page objgen → page


def clean_pages(pdf: pikepdf.Pdf, pages: list[pikepdf.Dictionary]) -> list[str]:
    """Clean `pages` (every page of `pdf`) in place; plain-words notes on what could not be kept."""
    notes = []
    keys = [page.keys() for page in pages]  # one call a page: pikepdf's `in` costs as much
    if any("/Annots" in present for present in keys):
        try:
            _draw_annotations(pdf, pages)
        except Exception:  # qpdf's appearance code on a hostile form: drop the fields, keep the pages
            notes.append("Its form fields could not be drawn into its pages, so filled-in values "
                         "may be missing.")
        by_id: Pages = {page.objgen: page for page in pages}
        try:
            for page in pages:
                _keep_internal_links(pdf, page, by_id)
        except Exception:  # a damaged link: no links for this record, its pages still go in
            for page in pages:
                if "/Annots" in page:
                    del page["/Annots"]
            notes.append("Its links could not be kept, so they were left out.")
        keys = [page.keys() for page in pages]  # drawing and relinking changed them
    for page, present in zip(pages, keys, strict=True):
        for key in present - PAGE_KEYS:
            del page[key]
    return notes


def _annots(page: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    annots = lookup(page, "/Annots")
    if not isinstance(annots, Array):
        return []
    return [a for a in annots if isinstance(a, Dictionary)]


def _draw_annotations(pdf: pikepdf.Pdf, pages: list[pikepdf.Dictionary]) -> None:
    """Draw form fields and markup into the page content (qpdf), after removing what must never show."""
    widgets = []
    drawn = False
    for page in pages:
        kept = []
        for annot in _annots(page):
            subtype = annot.get("/Subtype")
            if subtype == "/Link" or subtype in _FLATTENED:
                for key in ("/AA", "/A") if subtype != "/Link" else ("/AA",):
                    if key in annot:
                        del annot[key]
                kept.append(annot)
                drawn = drawn or subtype != "/Link"
                if subtype == "/Widget":
                    widgets.append(annot)
        page.Annots = Array(kept)
    if widgets:
        _complete_form(pdf, widgets)
    if drawn:
        pdf.generate_appearance_streams()
        pdf.flatten_annotations("all")


def _complete_form(pdf: pikepdf.Pdf, widgets: list[pikepdf.Dictionary]) -> None:
    """Every widget's field listed in /AcroForm (made when missing), so qpdf draws and flattens it."""
    form = pdf.Root.get("/AcroForm")
    if not isinstance(form, Dictionary):
        helvetica = Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica,
                               Encoding=Name.WinAnsiEncoding)
        form = pdf.Root.AcroForm = Dictionary(Fields=Array(), DA=pikepdf.String(_DEFAULT_FONT),
                                              DR=Dictionary(Font=Dictionary(Helv=helvetica)))
    for key in ("/XFA", "/AA"):
        if key in form:
            del form[key]
    fields = form.get("/Fields")
    if not isinstance(fields, Array):
        form.Fields = fields = Array()
    listed = {f.objgen for f in fields if isinstance(f, Dictionary)}
    for widget in widgets:
        field = _root_field(widget)
        if field.objgen not in listed:
            fields.append(field if field.is_indirect else pdf.make_indirect(field))
            listed.add(field.objgen)
        if "/AP" not in widget and "/V" in _inherited(widget):
            form.NeedAppearances = True


def _root_field(widget: pikepdf.Dictionary) -> pikepdf.Dictionary:
    field, seen = widget, {widget.objgen}
    while isinstance(parent := field.get("/Parent"), Dictionary) and parent.objgen not in seen:
        seen.add(parent.objgen)
        field = parent
    return field


def _inherited(widget: pikepdf.Dictionary) -> set[str]:
    keys, field, hops = set(widget.keys()), widget, 0
    while isinstance(parent := field.get("/Parent"), Dictionary) and hops < 32:
        keys |= set(parent.keys())
        field, hops = parent, hops + 1
    return keys


def _keep_internal_links(pdf: pikepdf.Pdf, page: pikepdf.Dictionary, pages: Pages) -> None:
    """Only links that jump to a page of this record stay, rebuilt from their target alone."""
    links = []
    for annot in _annots(page):
        if annot.get("/Subtype") != "/Link":
            continue
        target = internal_target(pdf, link_target(annot), pages)
        rect = annot.get("/Rect")
        if target is not None and isinstance(rect, Array) and len(rect) == 4:
            links.append(pdf.make_indirect(Dictionary(
                Type=Name.Annot, Subtype=Name.Link, Rect=Array([float(v) for v in rect]),
                Border=Array([0, 0, 0]), Dest=target)))
    if links:
        page.Annots = Array(links)
    elif "/Annots" in page:
        del page["/Annots"]


def link_target(item: pikepdf.Dictionary) -> object:
    """A link's or bookmark's destination: its /Dest, or the /D of a plain GoTo action."""
    target = item.get("/Dest")
    action = item.get("/A")
    if target is None and isinstance(action, Dictionary) and action.get("/S") == "/GoTo":
        target = action.get("/D")
    return target


def internal_target(pdf: pikepdf.Pdf, target: object, pages: Pages) -> Array | None:
    """An explicit destination within this record ([page, view…]), or None."""
    target = named(pdf, target)
    if isinstance(target, Dictionary):
        target = target.get("/D")
    if not isinstance(target, Array) or len(target) == 0:
        return None
    first = target[0]
    page = pages.get(first.objgen) if isinstance(first, Dictionary) else None
    if page is None:
        return None
    view = list(target)[1:6]
    kind = view[0] if view and isinstance(view[0], Name) else Name.Fit
    numbers = [float(v) if isinstance(v, int | float | Decimal) and not isinstance(v, bool) else None
               for v in view[1:]]
    return Array([page, kind, *numbers])


def named(pdf: pikepdf.Pdf, target: object) -> object:
    """A named destination's value (old /Dests dictionary or the /Names tree), else `target`."""
    if isinstance(target, Name):
        dests = pdf.Root.get("/Dests")
        return dests.get(str(target)) if isinstance(dests, Dictionary) else None
    if isinstance(target, pikepdf.String):
        names = pdf.Root.get("/Names")
        if isinstance(names, Dictionary) and isinstance(names.get("/Dests"), Dictionary):
            return pikepdf.NameTree(names.Dests).get(str(target))
    return target
