"""Step 3's request checker: what to improve in a request before sending it (docs/method.md R1-R4,
R6, R7, with T6 and O5 where they meet).

Apart from composing (``outreach``) because it judges any text, the user's own as much as a
composed draft, and step 6 reuses it for typos and job asks in thank-you notes:

- ``check_request`` reviews a request, spelling included (R1-R4, R6, R7, T6, O5);
- ``linkedin_note_findings`` checks the length of a LinkedIn invitation note (R1).

The patterns it looks for are in ``request_words``, the spelling check (R3) in ``spelling``.
Like step 1, checks return ``Finding`` objects instead of raising; user text goes into a
finding's ``subject`` (shortened), never into its ``message``. No widgets, files or network
here; the spelling list is loaded on the first check and cached.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .email_check import check_email
from .outreach import DRAFT_KINDS, LINKEDIN_LIMITS, WORD_LIMITS
from .outreach import word_stems as _stems
from .records import ERROR, INFO, WARNING, Contact, Finding, Objective, Profile, finding_subject
from .request_words import (
    CONNECTION_RE,
    FIRST_PERSON,
    FLATTERY_MILD_RE,
    FLATTERY_STRONG_RE,
    FLEXIBLE_RE,
    FOLLOW_UP_REF_RE,
    GREETING_RE,
    IN_PERSON_RE,
    INTRO_ASK_RE,
    JOB_ASK_RES,
    MODES_RE,
    PHONE_RE,
    PRONOUN_RE,
    REQUEST_VERB_RE,
    SECOND_PERSON,
    SENTENCE_SPLIT_RE,
    SOCIAL_VIDEO_RE,
    TIME_OK_RE,
    TIME_TOO_MUCH_RE,
)
from .safe import plain_text as _text
from .safe import text_list as _as_list
from .spelling import accepted_words, typo_findings
from .text import fold as _fold
from .text import utf16_len as _utf16_len
from .text import word_count as _word_count

__all__ = ["check_request", "linkedin_note_findings"]


# ----------------------------------------------------------------- LinkedIn note length


def linkedin_note_findings(
    text: str, plan: str = "free", language: str | None = None
) -> list[Finding]:
    """R1: a LinkedIn invitation note must fit 200 characters (free) or 300 (premium).

    Characters are counted as a browser's text box counts them, so an emoji counts as two. An
    unknown plan is treated as "free", the stricter one.
    """
    limit = LINKEDIN_LIMITS.get(_text(plan).strip().lower(), LINKEDIN_LIMITS["free"])
    text = _text(text)
    count = _utf16_len(text)
    if count > limit:
        return [
            Finding(
                "R1",
                ERROR,
                f"This note has {count} characters; LinkedIn accepts at most {limit} on this plan, "
                f"so {count - limit} would be cut off or the note refused.",
                finding_subject(text),
                "Keep the link between you, what you want to learn and the question; drop the "
                "rest.",
            )
        ]
    return []


_FLATTERY_MILD_LIMIT = 3  # one plain compliment = 1, an intensified one = 2

_SELF_SHARE = 0.08  # R1: first person above 8% of the words, and more often than "you"


def _sentences(text: str) -> list[str]:
    """The text's sentences (split at . ! ? and line breaks), after a greeting like "Hi Sam,"."""
    body = GREETING_RE.sub("", text, count=1)
    return [s.strip() for s in SENTENCE_SPLIT_RE.split(body) if s.strip()]


def _finding_for(
    rule: str, severity: str, message: str, match: re.Match | None, fix: str, subject: str = ""
) -> Finding:
    """A finding whose subject is the matched words (shortened)."""
    return Finding(
        rule, severity, message, finding_subject(subject or (match.group(0) if match else "")), fix
    )


# ----------------------------------------------------------------- check_request


def _objective_stems(objective: Objective) -> set[str]:
    """R1: the meaningful words of the objective (roles, field, goals): 4+ letters, not generic."""
    words = " ".join(
        [_text(objective.field_of_interest), *_as_list(objective.roles), *_as_list(objective.goals)]
    )[:20_000]
    return {s for s in _stems(words) if len(s) >= 4}


def _check(
    text: str,
    profile: Profile,
    objective: Objective,
    contact: Contact | None,
    kind: str,
    strict: bool,
    known_words: Iterable[str],
    sender: str,
    linkedin_plan: str,
) -> list[Finding]:
    """All the rules of ``check_request`` in reading order (see there)."""
    found: list[Finding] = []
    if sender:
        found.extend(check_email(sender, profile.name))
    if not text.strip():
        found.insert(
            0,
            Finding(
                "R1",
                ERROR,
                "The message is empty.",
                fix="Start from a composed draft, or write a few sentences.",
            ),
        )
        return found
    folded = _fold(text)
    sentences = _sentences(folded)

    # R1 length
    if kind == "linkedin_note":
        found.extend(linkedin_note_findings(text, linkedin_plan))
    else:
        limit, strict_limit = WORD_LIMITS.get(kind, (100, 75))
        words = _word_count(text)
        if words > (strict_limit if strict else limit):
            found.append(
                Finding(
                    "R1",
                    WARNING,
                    f"At {words} words this is longer than {strict_limit if strict else limit} "
                    "words: a busy person reads a first message on a phone and answers a short "
                    "one more often.",
                    f"{words} words",
                    "Keep the link between you, what you want to learn and the question; cut the "
                    "rest.",
                )
            )
        elif words > strict_limit:
            found.append(
                Finding(
                    "R1",
                    INFO,
                    f"{words} words is fine; under {strict_limit} is even better.",
                    f"{words} words",
                    "See if a sentence can go.",
                )
            )

    # R1 connection first (R6 for an introduction request, R7 for a follow-up)
    head = " ".join(sentences[:2])
    if kind == "request_intro":
        if not INTRO_ASK_RE.search(folded):
            found.append(
                Finding(
                    "R6",
                    WARNING,
                    "It doesn't ask them to introduce you or to forward your note, which is the "
                    "point of writing to the person you both know.",
                    fix=(
                        "Ask, for example: 'Would you be willing to introduce us, or to forward "
                        "the note below?'"
                    ),
                )
            )
    elif kind == "follow_up":
        if not FOLLOW_UP_REF_RE.search(folded):
            found.append(
                Finding(
                    "R7",
                    WARNING,
                    "It doesn't mention your first message, so it reads like a new request.",
                    finding_subject(head),
                    "Open with, for example: 'I'm following up on my note from last week.'",
                )
            )
    elif not CONNECTION_RE.search(head):
        found.append(
            Finding(
                "R1",
                WARNING,
                "The opening doesn't say how you got their name. Saying it first tells them why "
                "you are writing to them in particular, and people answer that more often.",
                finding_subject(head),
                "Start with the link, for example: 'Sam Lee suggested I contact you' or 'I found "
                "your name on your team's page'.",
            )
        )

    # R1 what you want to learn, tied to the objective
    wanted = _objective_stems(objective)
    if wanted:
        if not (_stems(folded[:50_000]) & wanted):
            found.append(
                Finding(
                    "R1",
                    WARNING,
                    "It doesn't say what you want to learn: none of the words of your objective "
                    "(field, roles or goals) appear in it.",
                    fix=(
                        "Name one thing you want to learn from them, taken from your goals in "
                        "step 1."
                    ),
                )
            )
    elif not re.search(
        r"\b(?:learn|hear|understand|find\s+out|ask\s+(?:you\s+)?about|curious)\b", folded
    ):
        found.append(
            Finding(
                "R1",
                WARNING,
                "It doesn't say what you want to learn.",
                fix="Add one sentence on what you hope to learn from them (and fill in step 1).",
            )
        )

    # R1 a clear question
    questions = [s for s in sentences if "?" in s]
    if not any(REQUEST_VERB_RE.search(s) for s in questions):
        found.append(
            Finding(
                "R1",
                WARNING,
                "There is no clear question asking for their time. A direct question is easy to "
                "answer with a yes.",
                fix="Ask, for example: 'Would you be open to a 20-minute phone call next week?'",
            )
        )

    # R4 how much time
    too_much = TIME_TOO_MUCH_RE.search(folded)
    if too_much:
        found.append(
            _finding_for(
                "R4",
                WARNING,
                "This asks for a lot of their time (or a meal). Twenty to thirty minutes is "
                "easier to say yes to.",
                too_much,
                "Ask for 20-30 minutes; they can always offer more, and coffee is enough.",
            )
        )
    elif not TIME_OK_RE.search(folded):
        found.append(
            Finding(
                "R4",
                WARNING,
                "It doesn't say how much of their time you are asking for. Naming 20-30 minutes "
                "shows you will respect it.",
                fix="Add it to your question, e.g. 'a 20-minute call'.",
            )
        )

    # R4, T6 how to meet, and when
    if kind not in ("voicemail",) and not MODES_RE.search(folded):
        found.append(
            Finding(
                "R4",
                INFO,
                "It doesn't offer a phone or video call, which is the easiest thing to say yes to.",
                fix="Offer both, e.g. 'a short phone or video call'.",
            )
        )
    social = SOCIAL_VIDEO_RE.search(folded)
    if social:
        found.append(
            _finding_for(
                "T6",
                INFO,
                "Video tools tied to a social network mix private life and work, and "
                "not everyone has an account.",
                social,
                "Offer a phone call or a common video tool instead.",
            )
        )
    in_person = IN_PERSON_RE.search(folded)
    local = getattr(contact, "local", None) if contact is not None else None
    if in_person and local is False:
        found.append(
            _finding_for(
                "T6",
                INFO,
                "It offers to meet in person, but they don't seem to be nearby.",
                in_person,
                "Offer a phone or video call instead.",
            )
        )
    elif (
        not in_person
        and local is True
        and kind in ("request_direct", "request_cold", "request_intro")
    ):
        found.append(
            Finding(
                "T6",
                INFO,
                "They are nearby, so you could also offer to meet in person.",
                fix="Add, for example: 'or a coffee near your work, if you prefer'.",
            )
        )
    if kind in ("request_direct", "request_cold", "follow_up") and not FLEXIBLE_RE.search(folded):
        found.append(
            Finding(
                "R4",
                INFO,
                "It doesn't say you are flexible about times.",
                fix="Add, for example: 'I can work around your schedule.'",
            )
        )

    # R2 no job ask, no flattery
    spans: list[tuple[int, int]] = []
    seen_jobs: set[str] = set()
    for pattern in JOB_ASK_RES:
        if len(spans) >= 5:
            break
        for match in pattern.finditer(folded):
            start, end = match.span()
            words = match.group(0)
            if words in seen_jobs or any(start < e and s < end for s, e in spans):
                continue  # the same words, or words overlapping an ask already reported
            spans.append((start, end))
            seen_jobs.add(words)
            found.append(
                _finding_for(
                    "R2",
                    ERROR,
                    "This asks for a job, an opening or a referral. An informational interview is "
                    "only for learning, and asking turns it into an application most people turn "
                    "down. If they know of something, they will tell you.",
                    match,
                    "Remove it; ask what you want to learn instead, e.g. how people in their role "
                    "got hired.",
                )
            )
            if len(spans) >= 5:
                break
    strong = FLATTERY_STRONG_RE.search(folded)
    mild = list(FLATTERY_MILD_RE.finditer(folded[:50_000]))
    mild_score = sum(2 if m.group(1) else 1 for m in mild)
    if strong or mild_score >= _FLATTERY_MILD_LIMIT:
        subject = strong.group(0) if strong else ", ".join(dict.fromkeys(m.group(0) for m in mild))
        found.append(
            Finding(
                "R2",
                WARNING,
                "This praise is strong for someone who doesn't know you yet, and can sound "
                "insincere. One honest, specific compliment is plenty.",
                finding_subject(subject),
                "Keep one concrete compliment, e.g. what you found useful in a talk or article of "
                "theirs.",
            )
        )

    # R1 more than half about them
    if kind not in ("request_intro",):
        mine = yours = total = 0
        for word in PRONOUN_RE.findall(folded):
            total += 1
            if word in FIRST_PERSON:
                mine += 1
            elif word in SECOND_PERSON:
                yours += 1
        if mine > yours and mine > _SELF_SHARE * total:
            found.append(
                Finding(
                    "R1",
                    WARNING,
                    f"This is mostly about you: {mine} words like 'I' and 'my' against {yours} "
                    "like 'you' and 'your'. People answer more readily when a request is about "
                    "them.",
                    f"I/me/my: {mine}; you/your: {yours}",
                    "Turn a sentence around, e.g. 'Your work on X is what I hope to learn about' "
                    "instead of 'I am interested in X'.",
                )
            )

    # R7 a voicemail gives the number twice
    if kind == "voicemail":
        numbers = len(PHONE_RE.findall(folded))
        if numbers < 2:
            found.append(
                Finding(
                    "R7",
                    WARNING,
                    "A voicemail should give your phone number twice, slowly, so they can write it "
                    "down without replaying the message."
                    if numbers
                    else "The script doesn't give your phone number.",
                    fix="Say your number near the end, then once more: 'Again, that's ...'.",
                )
            )

    # R3 typos
    known = accepted_words(known_words, profile, objective, contact)
    found.extend(typo_findings(text[:100_000], known))
    return found


def check_request(
    text: str,
    *,
    profile: Profile,
    objective: Objective,
    contact: Contact | None = None,
    kind: str = "request_direct",
    strict: bool = False,
    known_words: Iterable[str] = (),
    sender: str = "",
    linkedin_plan: str = "free",
    language: str | None = None,
) -> list[Finding]:
    """R1-R4, R6, R7, T6, O5: everything to improve in a request before sending it.

    Rules, each a ``Finding`` with the rule id, the reason and what to do:

    - R1 (error) empty; (warning) over the word limit of ``WORD_LIMITS`` (100 words, or 75 with
      ``strict``; every word of the text counts, greeting and sign-off included, since that is
      what the reader scrolls through), or over ``LINKEDIN_LIMITS[linkedin_plan]`` characters
      for a LinkedIn note (error); (info) between 75 and 100 words;
    - R1 (warning) the first two sentences after the greeting don't say how you got their name;
      for a follow-up, R7 (warning) it doesn't mention the first message; for an introduction
      request, R6 (warning) it doesn't ask to introduce you or forward your note;
    - R1 (warning) no word of the objective (field, roles, goals) appears: it doesn't say what
      you want to learn; no clear question (a sentence with "?" and "would you", "could we"...);
      more "I/me/my" than "you/your" and above 8% of the words (not for an introduction request,
      which is about you by nature);
    - R4 (warning) no 20-30 minutes named, or an hour, a meal or drinks asked for; (info) no
      phone or video offered, no flexibility about times; T6 (info) in person offered to someone
      not local, or not offered to someone local, or a social network's video tool;
    - R2 (error) any ask for a job, an opening, a referral to one, or to pass on a resume
      (learning how people get hired is fine); (warning) strong or repeated praise;
    - R7 (warning) a voicemail that doesn't give the number twice;
    - R3 (warning/info) words not in the English word list; names from ``known_words``, the
      profile, the objective and the contact are accepted;
    - O5 the sender address (``sender``), checked by ``email_check.check_email``.

    Never raises: any input (empty, huge, HTML, unicode) gives findings; work is linear in the
    length of the text.
    """
    try:
        profile = profile if isinstance(profile, Profile) else Profile()
        objective = objective if isinstance(objective, Objective) else Objective()
        contact = contact if isinstance(contact, Contact) else None
        kind = kind if kind in DRAFT_KINDS else "request_direct"
        return _check(
            _text(text),
            profile,
            objective,
            contact,
            kind,
            bool(strict),
            known_words if known_words is not None else (),
            _text(sender).strip(),
            _text(linkedin_plan).strip().lower(),
        )
    except Exception:  # noqa: BLE001 - a checker must never take the page down
        return [
            Finding(
                "R1",
                INFO,
                "This message could not be checked completely.",
                fix="Read it once more yourself before sending.",
            )
        ]
