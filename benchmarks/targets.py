"""Import and rank: a LinkedIn export of 3,000 and of 30,000 connections, imported and ranked.

What it answers: how long does a user wait after choosing their ``Connections.csv`` and clicking
"Import", then asking for the ranked list, and does that wait grow in proportion to the export
(LinkedIn allows up to 30,000 connections, docs/architecture.md "Performance")? The timed
operation is exactly what the page does::

    plan = imports.read_contacts(data, "Connections.csv")                          # parse
    existing = targets.load_contacts(ws)                                            # merge plan
    merge = imports.plan_merge(existing, plan)                                      #   "
    report = targets.apply_merge(ws, merge, existing)                               # write
    ctx = targets.context(ws); contacts = report.contacts                           # load
    assessed = classification.classify(contacts, ctx)                               # classify
    ranked = ranking.rank(assessed, ctx)                                            # rank

on a fresh temporary workspace that already holds the demo persona's profile, objective and
long list of organizations (set up untimed) and no contacts.

The floor here is the same code on a tenth of the input: the ratio of the 30,000 median to
the 3,000 median shows whether anything grows faster than the number of rows (a quadratic
step would show as a ratio near 100, not 10). The absolute target (30,000 under a second) is
machine-dependent and reported alongside.

How it stays fair: the input is generated once per size, deterministically (seeded), before
any timing; every timed run gets a fresh workspace, a garbage collection and cleared
``lru_cache``s of ``infoint.imports`` and the step 2 modules first, so each run pays what a
user's first import in a fresh kernel pays (the same file every round would otherwise be
served from warm caches). One untimed warm-up of each size, then the sizes alternate round by
round (order swapped every round) and medians are compared. Peak memory is measured in one
extra, untimed run of each size under ``tracemalloc`` (Python allocations only: SQLite's own
memory is not counted). The sanity checks (the ranked list has every named row, a re-import
adds and changes nothing) run outside the timed span.
"""

from __future__ import annotations

import csv
import gc
import io
import statistics
import sys
import tempfile
import time
import unicodedata
from datetime import date, timedelta
from pathlib import Path
from random import Random

NAME = "import-rank"
TITLE = "Import a LinkedIn Connections.csv and rank it: 30,000 connections vs 3,000"
TARGET_RATIO = 12.0  # 30k / 3k: about 10 when every step is linear
TARGET_LARGE_S = 1.0  # the 30,000-connection median, seconds (machine-dependent)
SMALL, LARGE = 3_000, 30_000
SEED = 1729
FILE_NAME = "Connections.csv"
PHASES = ("parse", "merge plan", "write", "load", "classify", "rank")

# --------------------------------------------------------------------------- the synthetic export
# LinkedIn's preamble, as in data/demo/Connections.csv and LinkedIn's own downloads.
PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. "
    'You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
HEADER = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

FIRST_NAMES = (
    "Amara",
    "Daniel",
    "Zoë",
    "Kenji",
    "Rosa",
    "Tomasz",
    "Hana",
    "Marcus",
    "José",
    "François",
    "Søren",
    "Łukasz",
    "Chloé",
    "Åsa",
    "Björn",
    "Inés",
    "Maëlle",
    "Renée",
    "Noémie",
    "Ahmed",
    "Priya",
    "Wei",
    "Olga",
    "Siobhán",
    "Ciarán",
    "Dmitri",
    "Fatima",
    "Mateo",
    "Joaquín",
    "Élodie",
    "Jürgen",
    "Zoltán",
    "Ayşe",
    "Çağla",
    "Mette",
    "Grace",
    "Ravi",
    "Nora",
    "Liam",
    "Emma",
    "Noah",
    "Olivia",
    "Lucas",
    "Mia",
    "Ethan",
    "Sofia",
    "Aarav",
    "Ananya",
    "Chen",
    "Yuki",
    "Kwame",
    "Adaeze",
    "Thandiwe",
    "Mohammed",
    "Leila",
    "Omar",
    "Sara",
    "David",
    "Anna",
    "Jean-Luc",
    "Marie-Ève",
    "Bao",
    "Minh",
    "Ingrid",
    "Pål",
)
LAST_NAMES = (
    "Osei",
    "Whitcombe",
    "Lachance-Bélanger",
    "Halvorsen",
    "Delgado-Fitch",
    "Wierzbicki",
    "Sato-Reyes",
    "Müller",
    "Núñez",
    "Ødegaard",
    "Dvořák",
    "Wiśniewski",
    "Gonçalves",
    "O'Brien",
    "García",
    "Håkansson",
    "Nguyễn",
    "Trần",
    "Kowalczyk",
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Martin",
    "Tremblay",
    "Roy",
    "Gagnon",
    "Côté",
    "Bouchard",
    "Gauthier",
    "Lee",
    "Wong",
    "Patel",
    "Singh",
    "Kumar",
    "Chen",
    "Wang",
    "Li",
    "Zhang",
    "Kim",
    "Park",
    "Tanaka",
    "Suzuki",
    "Okafor",
    "Mensah",
    "Adeyemi",
    "Dlamini",
    "Haddad",
    "Khalil",
    "Rossi",
    "Russo",
    "Ferrari",
    "Schmidt",
    "Schäfer",
    "Fischer",
    "Weber",
    "Novák",
    "Horváth",
    "Nagy",
    "Kovačević",
    "Jovanović",
    "Papadopoulos",
    "Yılmaz",
    "Öztürk",
    "Andersson",
    "Johansson",
    "Virtanen",
    "Korhonen",
    "Murphy",
    "Kelly",
    "MacDonald",
    "Fitzgerald",
    "Linwood",
    "Chandrasekar",
    "Vance",
    "da Silva",
    "van der Berg",
    "de la Cruz",
    "Al-Sayed",
)
CREDENTIALS = ("PhD", "MBA", "CPA", "PMP", "MSc")  # "Okafor, MBA": quoted, as LinkedIn writes it

# Companies: word parts combined; a few names carry commas ("Maple, Birch & Co.").
COMPANY_HEADS = (
    "Northwind",
    "Bluefin",
    "Cedar",
    "Harbor",
    "Summit",
    "Juniper",
    "Granite",
    "Lumen",
    "Oakridge",
    "Silverline",
    "Redwood",
    "Brightwater",
    "Ironbark",
    "Kestrel",
    "Meridian",
    "Nimbus",
    "Orchard",
    "Pinecrest",
    "Quarry",
    "Riverbend",
    "Sable",
    "Tamarack",
    "Umber",
    "Vantage",
    "Willow",
    "Yarrow",
    "Zephyr",
    "Alder",
    "Beacon",
    "Copperleaf",
    "Driftwood",
    "Evergreen",
    "Foxglove",
    "Goldcrest",
    "Heron",
    "Inkwell",
    "Jasper",
    "Keystone",
    "Larkspur",
    "Marigold",
    "Nettle",
    "Osprey",
    "Prairie",
    "Quill",
    "Rosemary",
    "Saffron",
    "Thistle",
    "Upland",
    "Verdant",
    "Wrenfield",
    "Åkerlund",
    "Élan",
    "Montréal",
    "Québec",
    "Zürich",
    "São Paulo",
    "Köln",
    "Málaga",
)
COMPANY_CORES = (
    "Analytics",
    "Health",
    "Software",
    "Systems",
    "Logistics",
    "Hotels",
    "Travel",
    "Bank",
    "Insurance",
    "Media",
    "Design",
    "Labs",
    "Energy",
    "Foods",
    "Retail",
    "Robotics",
    "Consulting",
    "Capital",
    "Realty",
    "Pharma",
    "Learning",
    "Games",
    "Mobility",
    "Security",
    "Cloud",
    "Networks",
    "Studios",
    "Outfitters",
    "Clinics",
    "Foundation",
)
COMPANY_FORMS = (
    "",
    "",
    "",
    " Inc.",
    " Ltd.",
    " LLC",
    " Group",
    " GmbH",
    " Technologies",
    " Partners",
    " & Co.",
)
COMMA_FORMS = (", Inc.", ", LLC", ", S.A.", ", Ltd.")

# Titles: seniority words x role words, including the demo persona's target roles.
ROLES = (
    "UX Researcher",
    "User Researcher",
    "Service Designer",
    "Product Designer",
    "UX Designer",
    "Interaction Designer",
    "Content Designer",
    "Design Researcher",
    "Software Engineer",
    "Data Scientist",
    "Data Analyst",
    "Product Manager",
    "Project Manager",
    "Program Manager",
    "Account Executive",
    "Recruiter",
    "Talent Acquisition Partner",
    "Marketing Manager",
    "Customer Success Manager",
    "Consultant",
    "Business Analyst",
    "Front Desk Agent",
    "Hotel Manager",
    "Guest Experience Manager",
    "Registered Nurse",
    "Teacher",
    "Accountant",
    "Financial Analyst",
    "Operations Manager",
    "Sales Representative",
    "HR Generalist",
    "Engineering Manager",
    "QA Engineer",
    "DevOps Engineer",
    "Copywriter",
    "Event Coordinator",
    "Research Assistant",
    "Research & Insights Manager",
)
PREFIX_WORDS = ("Junior", "Senior", "Lead", "Principal", "Staff", "Associate")
AREAS = (
    "Design",
    "Research",
    "Engineering",
    "Product",
    "Marketing",
    "Sales",
    "People",
    "Operations",
    "Customer Experience",
    "Data",
    "Finance",
    "User Experience",
)
AREA_TITLES = ("Head of {}", "Director of {}", "VP, {}", "Chief {} Officer")
TITLE_COUNT = 300


def _slug(text: str) -> str:
    """ASCII, lower case, words joined by hyphens: how LinkedIn spells a profile URL."""
    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    plain = (
        plain.replace("ø", "o")
        .replace("Ø", "O")
        .replace("ł", "l")
        .replace("Ł", "L")
        .replace("ı", "i")
    )
    out = "".join(ch if ch.isascii() and ch.isalnum() else "-" for ch in plain.lower())
    return "-".join(part for part in out.split("-") if part)


def _zipf_weights(count: int, exponent: float = 1.05, offset: float = 3.0) -> list[float]:
    """Zipf-Mandelbrot weights: the first few values common, a long tail of rare ones."""
    return [1.0 / (rank + offset) ** exponent for rank in range(count)]


def _skewed(rng: Random, values: list[str], total: int) -> list[str]:
    """``total`` draws in which every value appears at least once, the rest with a Zipf skew."""
    drawn = list(values[:total]) + rng.choices(
        values, weights=_zipf_weights(len(values)), k=max(0, total - len(values))
    )
    rng.shuffle(drawn)
    return drawn


def _companies(rng: Random, count: int, persona_orgs: list[str]) -> list[str]:
    """``count`` distinct company names, most common first; the persona's organizations sit at
    ranks spread from very common to rare, so ranking finds them as a user's network would."""
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        head, core = rng.choice(COMPANY_HEADS), rng.choice(COMPANY_CORES)
        roll = rng.random()
        if roll < 0.03:
            partner, form = rng.choice(COMPANY_HEADS), rng.choice(("Co.", "Associates", "Partners"))
            name = f"{head}, {partner} & {form}"  # like "Maple, Birch & Co."
        elif roll < 0.06:
            name = f"{head} {core}{rng.choice(COMMA_FORMS)}"
        else:
            name = f"{head} {core}{rng.choice(COMPANY_FORMS)}"
        if name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    ranks = (2, 5, 9, 14, 20, 30, 45, 70, 100, 150, 220, 320)
    for place, org in zip(ranks, persona_orgs, strict=False):  # as many as there are ranks
        if org.casefold() in seen:
            continue
        names.insert(min(place, len(names)), org)
    return names[:count]


def _titles(rng: Random) -> list[str]:
    """About 300 distinct job titles, most common first (plain role names lead)."""
    plain = list(ROLES)
    varied = [f"{word} {role}" for word in PREFIX_WORDS for role in ROLES]
    varied += [f"{role} Intern" for role in ROLES]
    varied += [pattern.format(area) for pattern in AREA_TITLES for area in AREAS]
    rng.shuffle(varied)
    rng.shuffle(plain)
    return (plain + varied)[:TITLE_COUNT]


def _connected_on(rng: Random) -> date:
    return date(2008, 1, 1) + timedelta(days=rng.randrange(6_750))  # up to mid-2026


def _linkedin_date(day: date) -> str:
    """A LinkedIn date: "12 Mar 2021" (day with two digits, English month abbreviation)."""
    return f"{day.day:02d} {MONTHS[day.month - 1]} {day.year}"


def connections_csv(n: int, persona_orgs: list[str], seed: int = SEED) -> tuple[bytes, int]:
    """A synthetic LinkedIn ``Connections.csv`` with ``n`` data rows, as UTF-8 bytes, and how many
    of those rows the import must leave out (blank rows and rows without a name).

    Deterministic for a given ``n`` and ``seed`` (no set iteration, no hashing of strings). The
    shape follows LinkedIn's export: the "Notes:" preamble and a blank line before the header,
    dates like "12 Mar 2021", about 10% of emails filled, unique profile URLs, a few blank rows
    and nameless rows (connections who hide their profile), quoted companies and titles with
    commas, accented names, newest connections first. Repetition is realistic: ~n/10 distinct
    companies and ~300 distinct titles, each with a Zipf-like skew.
    """
    rng = Random(seed + n)
    leave_out = max(1, n // 1_000)  # of each kind: blank rows, nameless rows
    named = n - 2 * leave_out
    companies = _skewed(rng, _companies(rng, max(1, n // 10), persona_orgs), named)
    titles = _skewed(rng, _titles(rng), named)
    used_urls: set[str] = set()
    used_emails: set[str] = set()
    rows: list[list] = []
    for company, title in zip(companies, titles, strict=True):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        roll = rng.random()
        if roll < 0.01:
            last = f"{last}, {rng.choice(CREDENTIALS)}"
        elif roll < 0.015:
            last = ""  # a one-word name
        base = _slug(f"{first} {last.split(',')[0]}")
        url = ""
        if rng.random() < 0.2 and base not in used_urls:
            url = base  # a vanity URL
        while not url or url in used_urls:
            url = f"{base}-{rng.getrandbits(32):08x}"
        used_urls.add(url)
        email = ""
        if rng.random() < 0.10:
            domain = (
                _slug(company).split("-")[0] + ".example"
                if company and rng.random() < 0.6
                else "mail.example"
            )
            local = f"{_slug(first)}.{_slug(last.split(',')[0]) or 'x'}"
            email, k = f"{local}@{domain}", 1
            while email in used_emails:
                k += 1
                email = f"{local}{k}@{domain}"
            used_emails.add(email)
        if rng.random() < 0.03:
            company, title = "", ""  # between jobs, or a profile without a current position
        rows.append(
            [
                first,
                last,
                f"https://www.linkedin.com/in/{url}",
                email,
                company,
                title,
                _connected_on(rng),
            ]
        )
    rows.sort(key=lambda row: row[6], reverse=True)  # LinkedIn lists the newest connections first
    for row in rows:
        row[6] = _linkedin_date(row[6])
    for _ in range(leave_out):
        # Never at the very end: trailing blank rows are dropped, not reported as left out.
        rows.insert(rng.randrange(len(rows)), [""] * 7)
        hidden = [
            "",
            "",
            "",
            "",
            rng.choice(companies),
            rng.choice(titles),
            _linkedin_date(_connected_on(rng)),
        ]
        rows.insert(rng.randrange(len(rows)), hidden)  # a connection who hides their name
    out = io.StringIO()
    out.write(PREAMBLE)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8"), 2 * leave_out


# --------------------------------------------------------------------------- the measured operation
def _persona_workspace(folder: Path):
    """A new workspace with the demo persona's profile, objective and organizations, no contacts."""
    from infoint import demo, organizations, tabular, targets
    from infoint.workspace import Workspace

    ws = Workspace.open(folder / "workspace.sqlite3")
    profile, objective = demo.load_persona()
    ws.put_rows({"profile": profile.to_row(), "objective": objective.to_row()})
    parsed = tabular.read_table(
        (demo.demo_dir() / "organizations.csv").read_bytes(), "organizations.csv"
    )
    organizations.merge_organizations(
        ws, organizations.organizations_from_table(parsed.columns, parsed.rows)[0]
    )
    if targets.load_contacts(ws) or not organizations.load_organizations(ws):
        raise RuntimeError("the benchmark's workspace should hold organizations and no contacts")
    return ws


def _persona_organizations() -> list[str]:
    from infoint import demo, organizations, tabular

    parsed = tabular.read_table(
        (demo.demo_dir() / "organizations.csv").read_bytes(), "organizations.csv"
    )
    return [o.name for o in organizations.organizations_from_table(parsed.columns, parsed.rows)[0]]


def _clear_caches() -> None:
    """Empty the lru_caches of the measured modules, so each run starts as a fresh kernel would."""
    from infoint import classification, headings, imports, organizations, ranking, tabular, targets

    for module in (tabular, headings, imports, targets, organizations, classification, ranking):
        for value in vars(module).values():
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()


def import_and_rank(ws, data: bytes) -> tuple[dict[str, float], object, object, list]:
    """The user's "Import" then the ranked list; (seconds per phase, plan, report, ranked)."""
    from infoint import classification, imports, ranking, targets

    t0 = time.perf_counter()
    plan = imports.read_contacts(data, FILE_NAME)
    t1 = time.perf_counter()
    existing = targets.load_contacts(ws)
    merge = imports.plan_merge(existing, plan)
    t2 = time.perf_counter()
    report = targets.apply_merge(ws, merge, existing)
    t3 = time.perf_counter()
    ctx = targets.context(ws)
    contacts = report.contacts  # the page ranks what the import returned; no second read
    t4 = time.perf_counter()
    assessed = classification.classify(contacts, ctx)
    t5 = time.perf_counter()
    ranked = ranking.rank(assessed, ctx)
    t6 = time.perf_counter()
    marks = (t0, t1, t2, t3, t4, t5, t6)
    phases = {name: marks[i + 1] - marks[i] for i, name in enumerate(PHASES)}
    phases["total"] = t6 - t0
    return phases, plan, report, ranked


def _check(n: int, left_out: int, plan, report, ranked, again: bool) -> None:
    """Outside the timed span: every named row ranked once; a re-import adds and changes nothing."""
    named = n - left_out
    problems = []
    if len(plan.skipped) != left_out:
        problems.append(
            f"{len(plan.skipped)} rows left out, expected {left_out}: {plan.skipped[:5]}"
        )
    if len(ranked) != named:
        problems.append(f"{len(ranked)} contacts ranked, expected {named}")
    expected = (0, 0, named) if again else (named, 0, 0)
    if (report.added, report.updated, report.unchanged) != expected:
        counts = (report.added, report.updated, report.unchanged)
        problems.append(
            f"import reported (added, updated, unchanged) = {counts}, expected {expected}"
        )
    if ranked and [a.rank for a in ranked[:3]] != [1, 2, 3][: len(ranked)]:
        problems.append("the ranked list is not numbered from 1")
    if problems:
        raise RuntimeError(
            f"{NAME} with {n:,} connections{' (re-import)' if again else ''}: "
            + "; ".join(problems)
        )


def _measured(
    data: bytes, n: int, left_out: int, reimport: bool
) -> tuple[dict[str, float], dict[str, float] | None]:
    """One run on a fresh workspace: the import (and optionally the same file again), checked."""
    with tempfile.TemporaryDirectory(prefix="infoint-bench-") as tmp:
        ws = _persona_workspace(Path(tmp))
        try:
            _clear_caches()
            gc.collect()
            phases, plan, report, ranked = import_and_rank(ws, data)
            _check(n, left_out, plan, report, ranked, again=False)
            second = None
            if reimport:
                del plan, report, ranked
                _clear_caches()  # a re-import usually comes in a later session: a fresh kernel
                gc.collect()
                second, plan, report, ranked = import_and_rank(ws, data)
                _check(n, left_out, plan, report, ranked, again=True)
            return phases, second
        finally:
            ws.close()


def _peak_mib(data: bytes, n: int, left_out: int) -> float:
    """Peak Python allocations (MiB) of one import-and-rank, under tracemalloc (not timed)."""
    import tracemalloc

    with tempfile.TemporaryDirectory(prefix="infoint-bench-") as tmp:
        ws = _persona_workspace(Path(tmp))
        try:
            _clear_caches()
            gc.collect()
            tracemalloc.start()
            try:
                _, plan, report, ranked = import_and_rank(ws, data)
                peak = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
            _check(n, left_out, plan, report, ranked, again=False)
            return peak / (1024 * 1024)
        finally:
            ws.close()


def run(repeats: int) -> dict:
    """Warm up, then alternate 3,000 and 30,000 ``repeats`` times; compare the medians."""
    if repeats < 1:
        raise ValueError("repeats must be at least 1")
    persona_orgs = _persona_organizations()
    files = {n: connections_csv(n, persona_orgs) for n in (SMALL, LARGE)}
    _log(
        f"{NAME}: generated {SMALL:,} and {LARGE:,} connections "
        f"({len(files[SMALL][0]) / 1e6:.2f} and {len(files[LARGE][0]) / 1e6:.2f} MB); "
        "warm-up (untimed)"
    )
    for n in (SMALL, LARGE):
        _measured(files[n][0], n, files[n][1], reimport=n == LARGE)

    times: dict[int, list[dict[str, float]]] = {SMALL: [], LARGE: []}
    again: list[float] = []
    for i in range(repeats):
        order = (SMALL, LARGE) if i % 2 == 0 else (LARGE, SMALL)
        for n in order:
            phases, second = _measured(files[n][0], n, files[n][1], reimport=n == LARGE)
            times[n].append(phases)
            if second is not None:
                again.append(second["total"])
        _log(
            f"{NAME}: round {i + 1}/{repeats}: {SMALL:,} {times[SMALL][-1]['total']:.3f} s, "
            f"{LARGE:,} {times[LARGE][-1]['total']:.3f} s, re-import {again[-1]:.3f} s"
        )
    _log(f"{NAME}: peak memory (untimed runs under tracemalloc)")
    peaks = {n: _peak_mib(files[n][0], n, files[n][1]) for n in (SMALL, LARGE)}

    def median(n: int, phase: str = "total") -> float:
        return statistics.median(run_[phase] for run_ in times[n])

    small, large = median(SMALL), median(LARGE)
    ratio = large / small
    fast_enough = large <= TARGET_LARGE_S
    missed = []
    if ratio > TARGET_RATIO:
        missed.append(f"ratio {ratio:.2f} > {TARGET_RATIO:g}")
    if not fast_enough:
        missed.append(f"30k median {large:.3f} s > {TARGET_LARGE_S:g} s")
    values: dict[str, object] = {
        "connections (rows, of which left out)": (
            f"{SMALL:,} ({files[SMALL][1]}) / {LARGE:,} ({files[LARGE][1]})"
        ),
        "rounds": repeats,
        "3k median (s)": small,
        "30k median (s)": large,
        "30k target": f"median <= {TARGET_LARGE_S:g} s: {'met' if fast_enough else '**missed**'}",
    }
    values.update({f"30k {phase} (s)": median(LARGE, phase) for phase in PHASES})
    values["30k re-import, all unchanged (s)"] = statistics.median(again)
    values["peak Python memory 3k (MiB)"] = peaks[SMALL]
    values["peak Python memory 30k (MiB)"] = peaks[LARGE]
    return {
        "name": NAME,
        "title": TITLE,
        "values": values,
        "runs": {
            "3k (ms)": [1000 * r["total"] for r in times[SMALL]],
            "30k (ms)": [1000 * r["total"] for r in times[LARGE]],
            "30k re-import (ms)": [1000 * t for t in again],
        },
        "ratio": ratio,
        "ratio_of": "30k median / 3k median",
        "target": TARGET_RATIO,
        "passed": not missed,
        "missed": "; ".join(missed),
    }


def _log(message: str) -> None:
    """Progress goes to stderr, so stdout carries only the results table."""
    print(message, file=sys.stderr, flush=True)
