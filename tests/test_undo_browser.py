"""Undo and Remove the demo persona in a real browser: Voila, Playwright, Debian's Chromium."""

from __future__ import annotations

import pytest

from infoint import organizations
from infoint import targets as tg
from infoint.records import Contact, Organization
from infoint.workspace import Workspace

# The fixtures (voila, browser, page) are in conftest.py.
pytestmark = pytest.mark.browser


def _contacts(workspace) -> list[str]:
    with Workspace.open(workspace) as ws:
        return [c.first_name for c in tg.load_contacts(ws)]


def test_start_page_undo_and_remove_the_demo_keep_the_users_own_row(voila, page):
    from playwright.sync_api import expect

    base, workspace = voila
    with Workspace.open(workspace) as ws:
        tg.save_contact(ws, Contact(first_name="Mina", last_name="Own", organization="My Co"))
    page.goto(f"{base}/voila/render/00_start_here.ipynb")
    page.wait_for_selector(".ii-start-demo")
    progress, status = page.locator(".ii-start-progress"), page.locator(".ii-start-demo-status")
    undo = page.locator(".ii-start-demo-undo")
    expect(undo).to_be_hidden()
    expect(page.locator(".ii-start-demo-remove")).to_be_hidden()

    # load the demo (asked first: the workbook holds Mina), then Undo
    page.click(".ii-start-demo")
    page.click(".ii-start-demo-confirm")
    expect(status).to_contain_text("Leela Varadan")
    expect(progress).to_contain_text("Done: all 5 parts")
    expect(undo).to_be_visible()
    assert len(_contacts(workspace)) == 29
    undo.click()
    expect(status).to_contain_text("Undone: The demo persona is removed: 28 people")
    expect(undo).to_be_hidden()
    expect(page.locator(".ii-start-demo-remove")).to_be_hidden()
    expect(progress).not_to_contain_text("Done: all 5 parts")  # step 1 is empty again
    expect(progress).to_contain_text("0 of 5 parts done")
    expect(progress).to_contain_text("1 of 5 parts done")  # step 2: Mina is still there
    assert _contacts(workspace) == ["Mina"]

    # load it again, then Remove the demo persona (asked first)
    page.click(".ii-start-demo")
    page.click(".ii-start-demo-confirm")
    expect(progress).to_contain_text("Done: all 5 parts")
    page.click(".ii-start-demo-remove")
    expect(status).to_contain_text("even those you edited")
    assert len(_contacts(workspace)) == 29  # nothing removed before the confirmation
    page.click(".ii-start-demo-remove-confirm")
    expect(status).to_contain_text("The demo persona is removed")
    expect(progress).to_contain_text("0 of 5 parts done")
    expect(page.locator(".ii-start-demo-remove")).to_be_hidden()
    assert _contacts(workspace) == ["Mina"]


def test_step_2_archive_an_organization_and_undo_it(voila, page):
    from playwright.sync_api import expect

    base, workspace = voila
    with Workspace.open(workspace) as ws:
        org_id = organizations.save_organization(ws, Organization(name="Undo Northwind"))
    page.goto(f"{base}/voila/render/02_build_target_list.ipynb")
    page.wait_for_selector(".ii-targets-org-pick select")
    undo = page.locator(".ii-targets-org-undo")
    expect(undo).to_be_hidden()
    page.select_option(".ii-targets-org-pick select", label="Undo Northwind")
    expect(page.locator(".ii-targets-org-name input")).to_have_value("Undo Northwind")
    page.click(".ii-targets-org-archive")
    expect(page.locator(".ii-targets-org-status")).to_contain_text("Undo Northwind is archived")
    expect(undo).to_be_visible()
    with Workspace.open(workspace) as ws:
        assert {o.id: o.archived for o in organizations.load_organizations(ws)}[org_id]

    undo.click()

    expect(page.locator(".ii-targets-org-status")).to_contain_text("back on your list")
    expect(undo).to_be_hidden()
    expect(page.locator(".ii-targets-org-table")).to_contain_text("Undo Northwind")
    expect(page.locator(".ii-targets-org-archive")).to_have_text("Archive it")
    with Workspace.open(workspace) as ws:
        assert not {o.id: o.archived for o in organizations.load_organizations(ws)}[org_id]
