"""The start page in-process: progress, download, restore (upload and path), the demo persona."""

from __future__ import annotations

from datetime import datetime

from infoint.exports import backup_bytes, read_backup
from infoint.ui.live import watcher_for
from infoint.ui.start import StartPage
from infoint.workspace import Workspace


def upload(page: StartPage, name: str, data: bytes) -> None:
    page.upload.value = (
        {
            "name": name,
            "type": "application/zip",
            "size": len(data),
            "content": memoryview(data),
            "last_modified": datetime.now(),
        },
    )


def test_progress_is_read_from_the_workspace(ws):
    page = StartPage(ws)
    assert "0 of 5 parts done" in page.progress_html.value
    assert (
        "Not built yet" not in page.progress_html.value
        and page.progress_html.value.count("0 of") == 6
    )
    watcher = watcher_for(ws)
    watcher.add(page.live_refresh)  # what StartPage.open and the app do
    other = Workspace.open(ws.path)  # another tab's kernel saves step 1
    other.put_row(
        "profile", {"name": "Ada", "email": "ada.lovelace@example.edu", "timezone": "Europe/London"}
    )
    other.close()
    assert watcher.check() is True
    assert "1 of 5 parts done" in page.progress_html.value


def test_progress_escapes_nothing_from_the_user(ws):
    ws.put_row("profile", {"name": "<img src=x onerror=alert(1)>"})
    assert "<img" not in StartPage(ws).progress_html.value


def test_demo_button_loads_the_persona(ws):
    page = StartPage(ws)
    page.demo_button.click()
    assert ws.get_row("profile")["name"] == "Leela Varadan"
    assert "Leela Varadan" in page.demo_status.value
    assert "Done: all 5 parts" in page.progress_html.value
    assert len(ws.rows("contacts")) == 28 and len(ws.rows("organizations")) == 12


def test_demo_asks_before_replacing_user_data_and_keeps_a_copy(ws):
    ws.put_row("profile", {"name": "My own name"})
    page = StartPage(ws)
    page.demo_button.click()
    assert ws.get_row("profile")["name"] == "My own name"
    assert page.demo_confirm.layout.display is None
    page.demo_confirm.click()
    assert ws.get_row("profile")["name"] == "Leela Varadan"
    copies = list((ws.path.parent / "backups").glob("before-demo-*.zip"))
    assert len(copies) == 1
    assert read_backup(copies[0].read_bytes())["tables"]["profile"]["rows"][0][1] == "My own name"


def test_open_with_demo_loads_it(ws):
    StartPage.open(None, demo=True)
    assert ws.get_row("profile")["name"] == "Leela Varadan"


def test_download_click_produces_the_backup(ws):
    ws.put_row("profile", {"name": "Ada"})
    page = StartPage(ws)
    name, mime, data = page.download.click()
    assert (
        name.startswith("infoint-backup-") and name.endswith(".zip") and mime == "application/zip"
    )
    assert read_backup(data)["tables"]["profile"]["rows"][0][1] == "Ada"
    assert "prepared for download" in page.backup_status.value


def test_upload_then_confirm_restores(ws, fresh):
    fresh.put_row("profile", {"name": "From the backup"})
    data = backup_bytes(fresh)
    ws.put_row("profile", {"name": "Current"})
    page = StartPage(ws)
    upload(page, "mine.zip", data)
    assert not page.restore_button.disabled
    assert ws.get_row("profile")["name"] == "Current"  # nothing happens before the confirmation
    page.restore_button.click()
    assert ws.get_row("profile")["name"] == "From the backup"
    assert "Restored mine.zip" in page.backup_status.value
    assert page.restore_button.disabled


def test_bad_upload_is_explained_and_changes_nothing(ws):
    ws.put_row("profile", {"name": "Current"})
    page = StartPage(ws)
    upload(page, "<b>evil</b>.zip", b"not a backup at all")
    assert page.restore_button.disabled
    assert "not a workbook backup" in page.backup_status.value
    assert "<b>evil" not in page.backup_status.value
    page.restore_button.click()
    assert ws.get_row("profile")["name"] == "Current"


def test_restore_from_a_path(ws, fresh, tmp_path):
    fresh.put_row("profile", {"name": "Big backup"})
    path = tmp_path / "big.zip"
    path.write_bytes(backup_bytes(fresh))
    page = StartPage(ws)
    page.restore_path.value = str(path)
    page.check_path_button.click()
    page.restore_button.click()
    assert ws.get_row("profile")["name"] == "Big backup"


def test_missing_path_is_explained(ws, tmp_path):
    page = StartPage(ws)
    page.restore_path.value = str(tmp_path / "nope.zip")
    page.check_path_button.click()
    assert "Could not read" in page.backup_status.value
    page.restore_path.value = "  "
    page.check_path_button.click()
    assert "Type the path" in page.backup_status.value


def test_where_names_the_file_and_warns_on_binder(ws, monkeypatch):
    page = StartPage(ws)
    assert str(ws.path) in page.where().children[0].value
    assert "Binder" not in page.where().children[0].value
    monkeypatch.setenv("BINDER_LAUNCH_HOST", "https://mybinder.org/")
    assert "deleted when the session ends" in page.where().children[0].value


def test_agenda_lists_due_items_with_links_and_escaped_names(ws):
    from infoint import targets as tg

    assert "Nothing is due today" in StartPage(ws).today().children[0].children[-1].value
    tg.save_contact(ws, tg.Contact(first_name="<img src=x onerror=alert(1)>", target=True))
    html = StartPage(ws).today().children[0].children[-1].value
    assert "Write your request to &lt;img" in html and "<img" not in html
    assert 'href="03_compose_requests.ipynb"' in html and "Step 3" in html


def test_report_download_for_the_whole_workbook_and_one_step(ws):
    from infoint.demo import apply_persona

    apply_persona(ws)
    page = StartPage(ws)
    page.report_button.send = lambda *a, **k: None
    assert page.report_level.value == "counts"  # the default shares no names
    page.report_level.value = "everything"
    name, mime, data = page.report_button.click()
    assert name.startswith("infoint-report-") and mime == "text/html" and b"Leela Varadan" in data
    assert "report was prepared" in page.report_status.value
    page.report_scope.value = 2
    name, _, data = page.report_button.click()
    assert "step-2" in name and b"Tidewater Travel Group" in data
