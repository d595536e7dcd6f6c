"""Step 2's quick capture and vCard import/export in-process (issue 15): the same page class the
notebook and the app show; set values, click, assert what the workspace holds."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import vobject

from infoint import targets as tg
from infoint.demo import demo_dir
from infoint.ui.targets import TargetsPage
from infoint.ui.upload import as_upload

DATA = Path(__file__).resolve().parent / "data" / "vcard"
CONNECTIONS = (demo_dir() / "Connections.csv").read_bytes()
SIGNATURE = (
    "Kind regards,\nJane Doe\nSenior Product Designer\nAcme Corp\n"
    "jane.doe@acme.example | +1 (617) 555-0142\nBoston, MA"
)


def _import(page, name: str, data: bytes) -> None:
    page.upload.value = ()
    page.upload.value = as_upload(name, data)
    page.import_button.click()


def test_the_new_parts_are_folded_away_until_asked_for(ws):
    page = TargetsPage(ws)
    page.import_section()
    for details in (page.quick_capture.details, page.vcard_export.details):
        assert not details.open and details.body.layout.display == "none"
    assert page.quick_capture.details.body.children == ()  # built when first opened
    qc = page.quick_capture
    assert qc.form.layout.display == "none" and qc.save_button.layout.display == "none"
    qc.details.toggle.click()
    assert qc.details.open and qc.details.body.layout.display is None


def test_paste_check_correct_and_save_one_person(ws):
    page = TargetsPage(ws)
    qc = page.quick_capture
    qc.text.value = SIGNATURE
    qc.propose_button.click()
    values = {f: w.value for f, w in qc.fields.items()}
    assert values == {
        "first_name": "Jane",
        "last_name": "Doe",
        "position": "Senior Product Designer",
        "organization": "Acme Corp",
        "email": "jane.doe@acme.example",
        "phone": "+1 (617) 555-0142",
        "location": "Boston, MA",
        "profile_url": "",
    }
    assert "Suggested 7 of 7" in qc.status.value and qc.save_button.layout.display is None
    assert ws.rows("contacts") == []  # only a proposal until Save
    qc.fields["position"].value = "Principal Product Designer"  # the participant corrects it
    qc.save_button.click()
    (saved,) = tg.load_contacts(ws)
    assert saved.full_name == "Jane Doe" and saved.position == "Principal Product Designer"
    assert saved.source == "quick capture" and saved.location == "Boston, MA"
    assert "Saved Jane Doe" in qc.status.value
    assert qc.text.value == "" and qc.form.layout.display == "none"
    assert [a.contact.full_name for a in page.assessed] == ["Jane Doe"]  # ranked right away
    # what a paste can't say (the connection, a shared link) goes in the contact form
    assert qc.edit_button.layout.display is None
    qc.edit_button.click()
    assert page.contact_form.details.open and page.c_first.value == "Jane"
    assert page.c_position.value == "Principal Product Designer"
    assert "Editing Jane Doe" in page.c_status.value and qc.edit_button.layout.display == "none"
    page.c_warm.value = "same bootcamp"
    assert page.person_form.flush()
    (saved,) = tg.load_contacts(ws)
    assert saved.warm_reason == "same bootcamp"


def test_a_pasted_connection_is_recognised_not_added_twice(ws):
    page = TargetsPage(ws)
    _import(page, "Connections.csv", CONNECTIONS)
    qc = page.quick_capture
    qc.run_demo((demo_dir() / "signature.txt").read_text(encoding="utf-8"))
    assert "already in your contacts" in qc.status.value
    contacts = tg.load_contacts(ws)
    assert len(contacts) == 28
    tomasz = next(c for c in contacts if c.last_name == "Wierzbicki")
    assert tomasz.phone == "+1 206 555 0148" and tomasz.email == "tomasz.w@innkeep.example"
    assert tomasz.source == "linkedin"


def test_nothing_to_go_on_is_explained_and_saves_nothing(ws):
    page = TargetsPage(ws)
    qc = page.quick_capture
    assert qc.propose_button.layout.display == "none"  # shown once there is text to read
    qc.text.value = "   "
    assert qc.propose_button.layout.display == "none"
    qc.text.value = "ok see you then"
    assert qc.propose_button.layout.display is None
    qc.propose_button.click()
    assert "found nothing" in qc.status.value and qc.form.layout.display is None
    qc.save_button.click()
    assert "Give the person a name" in qc.status.value and "Nothing was saved" in qc.status.value
    assert ws.rows("contacts") == []


def test_pasted_markup_and_dollars_are_shown_literally(ws):
    page = TargetsPage(ws)
    qc = page.quick_capture
    qc.text.value = "<b>Evil</b> <img src=x onerror=alert(1)>\nLead $$ Engineer at <i>Co</i>"
    qc.propose_button.click()
    assert "<img" not in qc.status.value and "<b>" not in qc.status.value
    qc.fields["first_name"].value = "<img src=x onerror=alert(1)>"
    qc.fields["last_name"].value = "$5M"
    qc.save_button.click()
    assert "&lt;img" in qc.status.value and "<img" not in qc.status.value
    assert "&#36;5M" in qc.status.value
    (saved,) = tg.load_contacts(ws)
    assert saved.first_name == "<img src=x onerror=alert(1)>"  # stored as typed, shown escaped


def test_a_vcard_file_imports_through_the_same_plan_and_merge(ws):
    page = TargetsPage(ws)
    page.upload.value = as_upload("apple-contacts.vcf", (DATA / "apple-contacts.vcf").read_bytes())
    assert "vCard file with 2 people, 1 left out" in page.import_status.value
    assert page.mapping_box.children == () and not page.import_button.disabled
    assert ws.rows("contacts") == []
    page.import_button.click()
    assert "2 added" in page.import_status.value
    assert "Line 41: a card for an organization" in page.import_status.value
    names = sorted(c.full_name for c in tg.load_contacts(ws))
    assert names == ["Amara Osei", "Zoë Lachance-Bélanger"]
    assert len(page.assessed) == 2
    _import(page, "apple-contacts.vcf", (DATA / "apple-contacts.vcf").read_bytes())
    assert "0 added" in page.import_status.value and len(ws.rows("contacts")) == 2


def test_a_vcard_is_recognised_by_its_content_whatever_its_name(ws):
    page = TargetsPage(ws)
    _import(page, "export.txt", (DATA / "vcard4.vcf").read_bytes())
    assert "2 added" in page.import_status.value


def test_a_bad_vcard_names_the_line_and_imports_nothing(ws):
    page = TargetsPage(ws)
    _import(page, "Connections.csv", CONNECTIONS)
    cut = (DATA / "google-contacts.vcf").read_bytes().rsplit(b"END:VCARD", 1)[0]
    page.upload.value = as_upload("google.vcf", cut)
    assert "line 35 never ends" in page.import_status.value
    assert "Nothing was imported" in page.import_status.value
    assert page.import_button.layout.display == "none" and len(ws.rows("contacts")) == 28


def test_the_contacts_download_as_vcard_that_vobject_reads(ws):
    page = TargetsPage(ws)
    _import(page, "Connections.csv", CONNECTIONS)
    page.pick_top_button.click()
    first = tg.load_contacts(ws)[0]
    tg.save_contact(ws, replace(first, notes="Private: met at the mixer"), fields=("notes",))
    export = page.vcard_export
    assert export.download.layout.display is None and export.waiting.value == ""
    name, mime, data = export.download.click()
    assert (name, mime) == ("infoint-contacts.vcf", "text/vcard")
    cards = list(vobject.readComponents(data.decode("utf-8")))
    active = [c for c in tg.load_contacts(ws) if not c.archived]
    assert len(cards) == len(active) == 28
    assert "28 people, without your notes" in export.status.value
    noted = [c for c in active if c.notes.strip()]
    assert noted and not any("note" in c.contents for c in cards)  # private notes: only asked
    export.with_notes.value = True
    _, _, data = export.download.click()
    assert data.count(b"\r\nNOTE:") == len(noted) and "with your notes" in export.status.value
    export.with_notes.value = False
    # the names with markup and dollars stay literal, one card each
    assert any(c.fn.value.startswith("<b>Theo") for c in cards)
    export.targets_only.value = True
    assert export.download.layout.display is None  # the top picks are targets
    name, _, data = export.download.click()
    targets = [c for c in active if c.target]
    assert name == "infoint-targets.vcf" and data.count(b"BEGIN:VCARD") == len(targets) > 0


def test_no_contacts_to_download_is_said_plainly(ws):
    page = TargetsPage(ws)
    export = page.vcard_export
    page.import_section()
    assert export.download.layout.display == "none" and "No contacts yet" in export.waiting.value
    assert export.download.click() is None  # reached anyway (not by a person): still refused
    assert "no contacts to save yet" in export.status.value
    _import(page, "Connections.csv", CONNECTIONS)
    assert export.download.layout.display is None and export.waiting.value == ""
    export.download.click()
    assert "28 people" in export.status.value
    export.targets_only.value = True
    assert export.download.layout.display == "none" and export.status.value == ""
    assert "picked no targets yet" in export.waiting.value


def test_building_step_2_leaves_vobject_unloaded_until_a_vcard_is_used(tmp_path):
    """vobject costs tens of milliseconds: it loads when a file is chosen or a vCard written."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from infoint.workspace import Workspace\n"
        "from infoint.ui.targets import TargetsPage\n"
        f"ws = Workspace.open({str(tmp_path / 'ws.sqlite3')!r})\n"
        "page = TargetsPage(ws)\n"
        "page.import_section()\n"
        "page.quick_capture.text.value = 'Jane Doe\\nEngineer at Acme Corp'\n"
        "page.quick_capture.propose_button.click()\n"
        "print('vobject' in sys.modules)\n"
        "page.vcard_export.download.click()\n"
        "print('vobject' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


def test_a_paste_not_saved_yet_survives_a_reload_and_is_forgotten_once_saved(ws):
    page = TargetsPage(ws)
    qc = page.quick_capture
    qc.text.value = SIGNATURE
    qc.propose_button.click()
    qc.fields["position"].value = "Principal Product Designer"
    assert page.flush()  # what autosave writes about a second after typing stops
    assert ws.rows("contacts") == []  # kept as typing, not saved as a person
    again = TargetsPage(ws).quick_capture  # a reload, a closed tab, another kernel
    assert again.details.open and again.text.value == SIGNATURE
    assert again.fields["position"].value == "Principal Product Designer"
    assert again.form.layout.display is None and again.save_button.layout.display is None
    again.save_button.click()
    assert [c.position for c in tg.load_contacts(ws)] == ["Principal Product Designer"]
    fresh = TargetsPage(ws).quick_capture
    assert not fresh.details.open and fresh.details.body.children == ()


def test_a_paste_of_several_rows_proposes_the_first_and_says_so(ws):
    qc = TargetsPage(ws).quick_capture
    qc.text.value = (
        "Lena Fischer\tSoftware Engineer\tZalando SE\tBerlin\n"
        "Chidi Okafor\tData Scientist\tSpotify\tStockholm, Sweden"
    )
    qc.propose_button.click()
    assert qc.fields["last_name"].value == "Fischer"
    assert "several people" in qc.status.value


def test_a_match_is_shown_before_save_and_a_rename_needs_the_tick(ws):
    tg.save_contact(
        ws,
        tg.Contact(
            first_name="Jennifer",
            last_name="Smith",
            email="jsmith09@alumni.wharton.edu",
            organization="Goldman Sachs",
            position="MD",
        ),
    )
    page = TargetsPage(ws)
    qc = page.quick_capture
    assert not qc.undo.shown and qc.rename.layout.display == "none"
    qc.text.value = "Goldman Sachs\nManaging Director\njsmith09@alumni.wharton.edu"
    qc.propose_button.click()
    status = qc.status.value
    assert "Matches Jennifer Smith, already saved (same email)" in status
    assert "job title MD → Managing Director" in status
    assert "first name Jennifer → Goldman" in status and qc.rename.layout.display is None
    qc.fields["position"].value = "Partner"
    qc.save_button.click()  # corrected since the suggestion: shown first, saved on the next click
    assert "job title MD → Partner" in qc.status.value
    assert "press Save this person again" in qc.status.value
    assert tg.load_contacts(ws)[0].position == "MD"  # nothing changed yet
    qc.save_button.click()
    (saved,) = tg.load_contacts(ws)
    assert saved.full_name == "Jennifer Smith" and saved.position == "Partner"
    assert "Jennifer Smith was already in your contacts" in qc.status.value
    assert "changed job title MD → Partner" in qc.status.value and qc.undo.shown
    qc.undo.button.click()
    assert tg.load_contacts(ws)[0].position == "MD" and "Undone" in qc.status.value
    assert not qc.undo.shown


def test_ticking_rename_is_what_lets_a_capture_rename_someone(ws):
    tg.save_contact(ws, tg.Contact(first_name="Jennifer", last_name="Smith", email="js@x.example"))
    page = TargetsPage(ws)
    qc = page.quick_capture
    qc.text.value = "Jenny Smith-Jones\njs@x.example"
    qc.propose_button.click()
    assert "first name Jennifer → Jenny" in qc.status.value and "unless you tick" in qc.status.value
    qc.rename.value = True
    qc.save_button.click()
    assert tg.load_contacts(ws)[0].full_name == "Jenny Smith-Jones"
