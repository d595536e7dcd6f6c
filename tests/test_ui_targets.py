"""Step 2's page in-process: organizations, import (upload, path, mapping), the table, targets,
the form."""

from __future__ import annotations

import io

import openpyxl

from infoint import organizations
from infoint import targets as tg
from infoint.demo import apply_persona, demo_dir
from infoint.ui.contacts_table import PAGE_SIZE
from infoint.ui.targets import TargetsPage
from infoint.ui.upload import as_upload

CONNECTIONS = (demo_dir() / "Connections.csv").read_bytes()


def test_upload_linkedin_then_import(ws):
    page = TargetsPage(ws)
    page.upload.value = as_upload("Connections.csv", CONNECTIONS)
    assert "LinkedIn export" in page.import_status.value and not page.import_button.disabled
    assert ws.rows("contacts") == []  # nothing before the click
    page.import_button.click()
    assert "28 added" in page.import_status.value and "blank row" in page.import_status.value
    assert len(ws.rows("contacts")) == 28
    assert len(page.assessed) == 28 and "Showing 1-25 of 28" in page.page_label.value


def test_names_are_shown_literally_in_the_table(ws):
    page = TargetsPage(ws)
    page.upload.value = as_upload("Connections.csv", CONNECTIONS)
    page.import_button.click()
    page.f_text.value = "theo"
    assert "&lt;b&gt;Theo&lt;/b&gt;" in page.table.value and "<b>Theo" not in page.table.value
    page.f_text.value = "ale"
    assert "Ale&#36;&#36;andra" in page.table.value


def test_reimport_adds_nothing(ws):
    page = TargetsPage(ws)
    for _ in range(2):
        page.upload.value = ()
        page.upload.value = as_upload("Connections.csv", CONNECTIONS)
        page.import_button.click()
    assert "0 added, 0 updated, 28 already there" in page.import_status.value
    assert len(ws.rows("contacts")) == 28


def test_bad_file_is_explained_and_imports_nothing(ws):
    page = TargetsPage(ws)
    page.upload.value = as_upload(
        "photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    )
    assert "Nothing was imported" in page.import_status.value
    assert page.import_button.disabled and ws.rows("contacts") == []


def test_other_list_needs_a_mapping(ws):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Full name", "Employer", "Job", "How we met"])
    sheet.append(["Ada Lovelace", "Analytical Engines", "Senior UX Researcher", "same school"])
    sheet.append(["placeholder", "Text Co", "Junior Analyst", ""])
    sheet["A3"].value, sheet["A3"].data_type = (
        "=1+1",
        "s",
    )  # a name that merely looks like a formula
    sheet.append(["=2+2", "Formula Co", "Analyst", ""])  # a real formula, never evaluated
    buffer = io.BytesIO()
    book.save(buffer)
    page = TargetsPage(ws)
    page.upload.value = as_upload("classmates.xlsx", buffer.getvalue())
    assert page.mapping["full_name"].value == "Full name"
    assert page.mapping["organization"].value == "Employer"
    page.mapping["position"].value = "Job"
    page.import_button.click()
    contacts = {c.full_name: c for c in tg.load_contacts(ws)}
    assert contacts["Ada Lovelace"].position == "Senior UX Researcher"
    assert contacts["Ada Lovelace"].warm_reason == "same school"
    assert "=1+1" in contacts  # a formula-looking name is kept as text
    assert "4" not in contacts and not any(
        c.organization == "Formula Co" for c in contacts.values()
    )
    assert contacts["Ada Lovelace"].source == "classmates.xlsx"


def test_import_from_a_path(ws, tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_bytes(CONNECTIONS)
    page = TargetsPage(ws)
    page.import_path.value = str(path)
    page.import_path_button.click()
    page.import_button.click()
    assert len(ws.rows("contacts")) == 28
    page.import_path.value = str(tmp_path / "missing.csv")
    page.import_path_button.click()
    assert "Could not read" in page.import_status.value


def test_organization_form_add_edit_archive(ws):
    page = TargetsPage(ws)
    page.org_name.value = "Acme <script>"
    page.org_motivation.value = 5
    page.org_postings.value = 2
    page.org_advocacy.value = True
    page.org_size.value = "51-200"
    assert organizations.load_organizations(ws) == []  # not once per keystroke
    assert page.org_form.flush()  # what the debounce does; no Save button
    assert "Saved " in page.org_save_state.value
    (org,) = organizations.load_organizations(ws)
    assert (org.name, org.motivation, org.postings, org.advocacy, org.size) == (
        "Acme <script>",
        5,
        2,
        True,
        "51-200",
    )
    assert "Acme &lt;script&gt;" in page.org_table.value and "Top 5" in page.org_table.value
    page.org_pick.value = org.id
    page.org_location.value = "Toronto"
    page.org_form.flush()
    assert organizations.load_organizations(ws)[0].location == "Toronto"
    assert len(organizations.load_organizations(ws)) == 1  # the same one, updated
    page.org_archive.click()
    assert organizations.load_organizations(ws)[0].archived
    assert "0 of about 40" in page.org_table.value


def test_organization_form_refuses_a_duplicate(ws):
    organizations.save_organization(ws, tg.Organization(name="Acme"))
    page = TargetsPage(ws)
    page.org_new.click()
    page.org_name.value = "ACME Inc."
    assert not page.org_form.flush()
    assert "Not saved" in page.org_save_state.value
    assert "already on your list" in page.org_save_state.value
    assert page.org_name.value == "ACME Inc."  # the text stays in the form
    assert len(organizations.load_organizations(ws)) == 1


def test_pick_drop_and_edit_from_the_list(ws):
    apply_persona(ws)
    page = TargetsPage(ws)
    first_id = page.row_pick.options[0][1]
    page.row_pick.value = first_id
    page.pick_button.click()
    assert "now a target" in page.table_status.value
    assert [c.id for c in tg.load_contacts(ws) if c.target] == [first_id]
    page.f_targets.value = True
    assert len(page.filtered) == 1
    page.row_pick.value = first_id
    page.drop_button.click()
    assert not any(c.target for c in tg.load_contacts(ws))
    page.f_targets.value = False
    page.row_pick.value = first_id
    page.edit_button.click()
    assert page.c_first.value and "Rank 1" in page.c_why.value


def test_contact_form_overrides_win(ws):
    apply_persona(ws)
    page = TargetsPage(ws)
    page.row_pick.value = page.row_pick.options[0][1]
    page.edit_button.click()
    page.c_seniority.value = "junior"
    page.c_via.value = "Priya"
    page.c_connection.value = "second"
    page.person_form.flush()  # what the debounce does; no Save button
    assessed = next(a for a in page.assessed if a.contact.id == page._editing_contact.id)
    assert assessed.seniority == "junior" and "set by you" in assessed.seniority_why
    assert assessed.connection == "second"


def test_new_contact_by_hand_and_validation(ws):
    page = TargetsPage(ws)
    page.c_new.click()
    page.c_email.value = "grace@example.org"
    assert not page.person_form.flush()
    assert "add a name to save this person" in page.c_save_state.value
    assert tg.load_contacts(ws) == [] and page.c_email.value == "grace@example.org"
    page.c_first.value = "Grace"
    page.c_years.value = "two"
    assert not page.person_form.flush()
    assert "should be a number" in page.c_save_state.value and page.c_years.value == "two"
    assert tg.load_contacts(ws) == []
    page.c_years.value = "2,5"
    page.c_position.value = "Product Designer"
    assert page.person_form.flush()
    (saved,) = tg.load_contacts(ws)
    assert saved.years_in_industry == 2.5 and saved.source == "form"
    assert any(a.seniority == "junior" for a in page.assessed)


def test_paging_never_renders_more_than_a_page(ws):
    rows = [
        tg.Contact(first_name=f"P{i}", position="Analyst", source="linkedin").to_row()
        for i in range(PAGE_SIZE * 3 + 4)
    ]
    ws.write(inserts={"contacts": rows})
    page = TargetsPage(ws)
    assert page.table.value.count("<tr>") == PAGE_SIZE + 1  # header row + one page
    assert page.prev_button.disabled and not page.next_button.disabled
    page.next_button.click()
    page.next_button.click()
    page.next_button.click()
    assert "page 4 of 4" in page.page_label.value and page.next_button.disabled
    assert page.table.value.count("<tr>") == 4 + 1
    assert len(page.row_pick.options) == 4


def test_pick_top_and_mix_chart(ws):
    apply_persona(ws)
    page = TargetsPage(ws)
    page.pick_top_button.click()
    assert sum(c.target for c in tg.load_contacts(ws)) == 6
    assert "so far" in page.mix_chart.value and "<svg" in page.mix_chart.value
    assert "among your 6 targets" in page.mix_tips.value
    page.pick_top_button.click()
    assert "already have 6 targets" in page.table_status.value


def test_demo_open_imports_and_picks(ws):
    TargetsPage.open(None, demo=True)
    assert len(ws.rows("organizations")) == 12 and len(ws.rows("contacts")) == 30
    assert sum(r["source"] == "linkedin" for r in ws.rows("contacts")) == 28
    assert sum(r["source"] == "contacts.vcf" for r in ws.rows("contacts")) == 2  # the phone's
    assert sum(r["target"] for r in ws.rows("contacts")) == 6


def test_every_control_has_a_label(ws):
    page = TargetsPage(ws)
    controls = [
        page.org_pick,
        page.org_name,
        page.org_size,
        page.org_motivation,
        page.org_postings,
        page.org_advocacy,
        page.c_first,
        page.c_connection,
        page.c_seniority,
        page.c_focus,
        page.c_local,
        page.f_text,
        page.f_seniority,
        page.row_pick,
        page.upload,
    ]
    assert all(w.description.strip() for w in controls)


def test_the_filtered_list_downloads_as_csv_and_xlsx_without_formulas(ws):
    import csv

    import openpyxl

    apply_persona(ws)
    tg.save_contact(
        ws,
        tg.Contact(
            first_name='=HYPERLINK("http://x")', last_name="Evil", organization="Innkeep Cloud"
        ),
    )
    page = TargetsPage(ws)
    page.f_org.value = "innkeep"
    for button in (page.csv_button, page.xlsx_button):
        button.send = lambda *a, **k: None
    name, mime, data = page.csv_button.click()
    assert name.endswith(".csv") and mime == "text/csv"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) - 1 == len(page.filtered) and all("Innkeep" in r[2] for r in rows[1:])
    assert any(r[0].startswith("'=HYPERLINK") for r in rows[1:])
    name, _, data = page.xlsx_button.click()
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet.max_row - 1 == len(page.filtered)
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_any_file_through_the_page_imports_or_changes_nothing(tmp_path):
    """Issue 8: whatever bytes arrive (garbage, odd encodings, broken CSV), the page either imports
    or says why, and then the workspace is exactly as before."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from hypothesis_budget import examples

    from infoint.workspace import Workspace

    cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
    csv_like = st.lists(st.lists(cells, min_size=1, max_size=8), min_size=1, max_size=20).map(
        lambda rows: "\n".join(";".join(r) for r in [["First Name", "Last Name", "Company"]] + rows)
    )
    files = st.one_of(
        st.binary(max_size=3000),
        csv_like.map(lambda t: t.encode("utf-8")),
        csv_like.map(lambda t: t.encode("utf-16")),
        csv_like.map(lambda t: t.encode("cp1252", "replace")),
    )
    ws = Workspace.open(tmp_path / "prop" / "workspace.sqlite3")
    apply_persona(ws)

    @settings(
        max_examples=examples(60),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(files)
    def check(data):
        before = ws.dump()
        page = TargetsPage(ws)
        page.upload.value = as_upload("contacts.csv", data)
        if not page.import_button.disabled:
            page.import_button.click()
        status = page.import_status.value
        if " added, " in status:  # imported: the report counts what was added
            ws.restore(before)  # back to the same start for the next example
        else:  # refused, with the reason shown: nothing at all changed
            assert "Nothing was imported" in status
            assert ws.dump() == before

    try:
        check()
    finally:
        ws.close()
