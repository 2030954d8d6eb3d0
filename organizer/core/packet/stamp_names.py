"""The names our stamp font and head form take in a page's resources, never clashing with its own."""

from __future__ import annotations

import pikepdf

from organizer.core.packet.page_shape import lookup

FONT_NAME = "/SOOStamp"
HEAD_NAME = "/SOOStampHead"


class ResourceNames:
    """Adds the stamp font (and the head form, when there is one) to pages' resources, once per
    shared dictionary, and says under which names."""

    def __init__(self, pdf: pikepdf.Pdf, font: pikepdf.Object, form: pikepdf.Object | None) -> None:
        self.pdf = pdf
        self.font = font
        self.form = form
        self._names: dict[tuple[str, tuple[int, int]], str] = {}  # per shared dictionary
        # /Font or /XObject dictionaries holding only our font or head form, for pages without one
        self._ours_alone: dict[str, pikepdf.Object] = {}

    def of(self, page: pikepdf.Dictionary, keys: set[str] | None = None) -> tuple[str, str]:
        """The names of our font and head form (or "") in the page's resources, which are looked
        up once; `keys` are the page's keys when the caller has them."""
        resources = _resources(page, keys)
        font = self._name_in(resources, "/Font", FONT_NAME, self.font)
        if self.form is None:  # (a pikepdf object's truth is its length, not whether it is there)
            return font, ""
        return font, self._name_in(resources, "/XObject", HEAD_NAME, self.form)

    def _name_in(self, resources: pikepdf.Dictionary, kind: str, base: str, thing: pikepdf.Object) -> str:
        """The name of our font or form in `resources` (`kind` /Font or /XObject)."""
        # Shared when indirect (objgen (0, 0) is a direct object): the resource dictionary, or
        # else its /Font or /XObject dictionary (pages often hold their own resources around one).
        shared = (kind, resources.objgen)
        if shared[1] != (0, 0) and shared in self._names:
            return self._names[shared]
        names = lookup(resources, kind)
        if not isinstance(names, pikepdf.Dictionary):  # ours alone, shared by every such page
            if kind not in self._ours_alone:
                self._ours_alone[kind] = self.pdf.make_indirect(pikepdf.Dictionary({base: thing}))
            resources[kind] = self._ours_alone[kind]
            if shared[1] != (0, 0):
                self._names[shared] = base
            return base
        if shared[1] == (0, 0):
            shared = (kind + " itself", names.objgen)
            if shared[1] != (0, 0) and shared in self._names:
                return self._names[shared]
        name, n = base, 1
        while (present := lookup(names, name)) is not None and present.objgen != thing.objgen:
            n += 1
            name = f"{base}{n}"
        if present is None:
            names[name] = thing
        if shared[1] != (0, 0):
            self._names[shared] = name
        return name


def _resources(page: pikepdf.Dictionary, keys: set[str] | None) -> pikepdf.Dictionary:
    if keys is None:
        resources = lookup(page, "/Resources")
    else:
        resources = page["/Resources"] if "/Resources" in keys else None
    if not isinstance(resources, pikepdf.Dictionary):
        page.Resources = pikepdf.Dictionary()
        resources = page.Resources
    return resources
