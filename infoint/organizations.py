"""Step 2, T1: the long list of organizations, sorted by LAMP, checked, read from a table, saved.

The long list is its own job: it is kept, rated and sorted before any contact exists, and
classification and ranking only read its order and ratings. Reads and writes go through the
workspace's generic methods, each write one transaction.
"""

from __future__ import annotations

from .i18n import _
from .records import SIZE_BANDS, Organization, org_key
from .text import fold

LONG_LIST = 40  # T1: about 40 organizations on the long list


TOP = 5  # T1: work the top five first


def sort_organizations(orgs: list[Organization]) -> list[tuple[int, Organization]]:
    """T1: motivation, then postings, then advocacy (unrated last); returns (place, org), archived
    left out."""
    active = [o for o in orgs if not o.archived]
    ranked = sorted(
        active,
        key=lambda o: (
            -(o.motivation or 0),
            -(o.postings or 0),
            -(1 if o.advocacy else 0),
            fold(o.name),
        ),
    )
    return [(i + 1, o) for i, o in enumerate(ranked)]


def check_organization(org: Organization) -> list[str]:
    """Plain reasons an organization can't be saved as entered (empty list: fine)."""
    problems = []
    if not org.name.strip():
        problems.append(_("Give the organization a name."))
    elif not org_key(org.name):
        problems.append(_("The name needs at least one letter or digit."))
    if org.motivation is not None and not 1 <= org.motivation <= 5:
        problems.append(_("Motivation is rated from 1 (a little) to 5 (very much)."))
    if org.postings is not None and not 1 <= org.postings <= 3:
        problems.append(_("Postings are rated from 1 (none seen) to 3 (several relevant ones)."))
    if org.size and org.size not in SIZE_BANDS:
        problems.append(_("Size is one of {sizes}.").format(sizes=", ".join(SIZE_BANDS)))
    return problems


def long_list_note(count: int) -> str:
    """Where the long list stands against the suggested 40 (T1)."""
    if count >= LONG_LIST:
        return _("{n} organizations: a full long list. Work the top {top} first.").format(
            n=count, top=TOP
        )
    return _(
        "{n} of about {target} organizations. A long list gives you choices: "
        "add large, small and in-between ones, then rate them and work the top five first."
    ).format(n=count, target=LONG_LIST)


# Headings in English, Spanish and Chinese (folded: case and accents don't matter).
ORG_COLUMNS = {
    "name": (
        "name",
        "organization",
        "organisation",
        "company",
        "employer",
        "nombre",
        "organizacion",
        "empresa",
        "名称",
        "公司",
        "机构",
        "单位",
    ),
    "industry": ("industry", "sector", "field", "industria", "rubro", "行业", "领域"),
    "size": ("size", "size band", "employees", "headcount", "tamano", "empleados", "规模", "人数"),
    "location": (
        "location",
        "city",
        "place",
        "ubicacion",
        "ciudad",
        "lugar",
        "地点",
        "城市",
        "所在地",
    ),
    "motivation": ("motivation", "interest", "motivacion", "interes", "兴趣", "动机"),
    "postings": ("postings", "posting", "openings", "ofertas", "vacantes", "职位空缺", "招聘"),
    "advocacy": (
        "advocacy",
        "alumni",
        "contact there",
        "contacto alli",
        "exalumnos",
        "联系人",
        "校友",
    ),
    "website": ("website", "site", "url", "web", "sitio web", "pagina web", "网站", "网址"),
    "notes": ("notes", "comments", "notas", "comentarios", "备注", "说明"),
}


def organizations_from_table(
    columns: list[str], rows: list[tuple[int, list[str]]]
) -> tuple[list[Organization], list[tuple[int, str]]]:
    """Organizations from a parsed CSV/XLSX table, with (line, reason) for rows left out."""
    index: dict[str, int] = {}
    for i, col in enumerate(columns):
        folded = fold(col)
        for field_name, names in ORG_COLUMNS.items():
            if folded in names and field_name not in index:
                index[field_name] = i
    if "name" not in index:
        raise ValueError(
            _("The file has no column for the organization's name (for example 'Name').")
        )
    orgs, skipped, seen = [], [], {}
    for line, cells in rows:
        get = lambda f, cells=cells: (  # noqa: E731
            cells[index[f]].strip() if f in index and index[f] < len(cells) else ""
        )
        org = Organization(
            name=get("name"),
            industry=get("industry"),
            location=get("location"),
            website=get("website"),
            notes=get("notes"),
        )
        org.size = get("size") if get("size") in SIZE_BANDS else ""
        org.motivation = _rating(get("motivation"), 5)
        org.postings = _rating(get("postings"), 3)
        yes_no = fold(get("advocacy"))
        org.advocacy = (
            True
            if yes_no in ("yes", "y", "true", "1")
            else False
            if yes_no in ("no", "n", "false", "0")
            else None
        )
        if not org_key(org.name):
            skipped.append((line, _("no organization name")))
        elif org_key(org.name) in seen:
            skipped.append(
                (line, _("same organization as line {line}").format(line=seen[org_key(org.name)]))
            )
        else:
            seen[org_key(org.name)] = line
            orgs.append(org)
    return orgs, skipped


def _rating(text: str, top: int) -> int | None:
    try:
        value = int(float(text.replace(",", ".")))
    except ValueError:
        return None
    return value if 1 <= value <= top else None


# ----------------------------------------------------------------- the long list in the workspace
# These only call the workspace's generic methods; every write is one transaction.
def load_organizations(ws) -> list[Organization]:
    """Every organization, archived ones included (the views filter)."""
    return [Organization.from_row(r) for r in ws.rows("organizations")]


def save_organization(ws, org: Organization) -> int:
    """Add or update one organization; ValueError with a plain reason when it can't be saved."""
    problems = check_organization(org)
    if problems:
        raise ValueError(_(" ").join(problems))
    key = org_key(org.name)
    clash = ws.query(
        "SELECT id FROM organizations WHERE name_key = ? AND id IS NOT ?", (key, org.id)
    )
    if clash:
        raise ValueError(_("{name} is already on your list.").format(name=org.name))
    return ws.save("organizations", org.id, org.to_row())


def set_archived(ws, org_id: int, archived: bool = True) -> None:
    """Archive (or bring back) an organization; nothing is deleted."""
    ws.write(updates={"organizations": [(org_id, {"archived": int(archived)})]})


def merge_organizations(ws, orgs: list[Organization]) -> tuple[int, int]:
    """Add new organizations and fill in known ones by name (a file or the demo); (added,
    updated)."""
    known = {org_key(o.name): o for o in load_organizations(ws)}
    inserts, updates = [], []
    for org in orgs:
        current = known.get(org_key(org.name))
        if current is None:
            inserts.append(org.to_row())
            continue
        changes = {
            k: v
            for k, v in org.to_row().items()
            if k not in ("name", "name_key", "archived", "notes")
            and v not in (None, "")
            and getattr(current, k, None) != v
        }
        if "advocacy" in changes and current.advocacy == bool(changes["advocacy"]):
            changes.pop("advocacy")
        if changes:
            updates.append((current.id, changes))
    ws.write(inserts={"organizations": inserts}, updates={"organizations": updates})
    return len(inserts), len(updates)
