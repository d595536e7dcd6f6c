"""Step 3's request checker: what to improve in a request before sending it (docs/method.md R1-R4,
R6, R7, with T6 and O5 where they meet), in English, Spanish or Chinese.

Apart from composing (``outreach``) because it judges any text, the user's own as much as a
composed draft, and step 6 reuses it for typos and job asks in thank-you notes:

- ``check_request`` reviews a request, spelling included (R1-R4, R6, R7, T6, O5);
- ``linkedin_note_findings`` checks the length of a LinkedIn invitation note (R1).

Two languages meet here: the DRAFT's (``language``, or guessed by ``text_language``), which
picks the word lists, the length unit and the spelling list, and the PARTICIPANT's (the
workbook's, ``i18n.language()``), in which every reason and fix is written; the examples in a
fix are in the draft's language, since they are words to put into it. A draft mixing languages
(a Spanish note with an English job title, an English note with one Spanish sentence) is
searched with the word lists of every language it holds.

The patterns it looks for are in ``request_words`` (English), ``request_words_es`` and
``request_words_zh``, the rules one by one in ``request_rules``, the length rules in
``request_length``, the spelling check (R3) in ``spelling``. Like step 1, checks return
``Finding`` objects instead of raising; user text goes into a finding's ``subject``
(shortened), never into its ``message``. No widgets, files or network here; the spelling list
is loaded on the first check and cached.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import request_words, request_words_es, request_words_zh
from .email_check import check_email
from .i18n import N_, _
from .outreach import DRAFT_KINDS
from .records import ERROR, INFO, WARNING, Contact, Finding, Objective, Profile
from .request_length import length_findings, linkedin_note_findings
from .request_rules import (
    about_them_findings,
    ask_findings,
    example,
    learning_findings,
    opening_findings,
    search,
    time_findings,
)
from .safe import plain_text as _text
from .spelling import accepted_words, typo_findings
from .text import fold as _fold
from .text_language import text_language

__all__ = ["check_request", "draft_language", "linkedin_note_findings"]

_VOCABS = {"en": request_words, "es": request_words_es, "zh": request_words_zh}
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_LATIN = re.compile(r"(?<=[\u3400-\u9fff])(?=[a-z0-9])|(?<=[a-z0-9])(?=[\u3400-\u9fff])")
# Chinese ends a sentence with 。！？ and no space ("！" and "？" are "!" and "?" once folded).
_CJK_SPLIT = re.compile(r"(?<=。)|(?<=[!?;])(?=[\u3400-\u9fff])")
_EX_QUESTION = N_("'Would you be open to a 20-minute phone call next week?'")
_EX_AGAIN = N_("'Again, that's ...'")


def draft_language(text: str, language: str | None = None) -> str:
    """The language a draft is written in: ``language`` when it is one of the workbook's,
    else guessed from the text (English when it cannot tell)."""
    return language if language in _VOCABS else text_language(_text(text)[:20_000])


def _sentences(folded: str, vocabs: list) -> list[str]:
    """The text's sentences (split at . ! ? 。 and line breaks), after a greeting like "Hi Sam,",
    "Hola, Ana:" or "王老师,您好!" (the draft language's greeting tried first)."""
    body = folded
    for vocab in vocabs[:2]:
        stripped = vocab.GREETING_RE.sub("", folded, count=1)
        if stripped != folded:
            body = stripped
            break
    found = []
    for piece in request_words.SENTENCE_SPLIT_RE.split(body):
        found.extend(part.strip() for part in _CJK_SPLIT.split(piece) if part.strip())
    return found


def _vocabs(language: str, folded: str, sentences: list[str]) -> list:
    """The word lists to search: the draft's first, then English, then any other language one
    of its sentences is written in (an English note with one Spanish sentence)."""
    codes = [language, "en"]
    if _CJK.search(folded):
        codes.append("zh")
    if "es" not in codes and any(text_language(s, default="en") == "es" for s in sentences):
        codes.append("es")
    return [_VOCABS[c] for c in dict.fromkeys(codes)]


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
    lang: str,
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
                _("The message is empty."),
                fix=_("Start from a composed draft, or write a few sentences."),
            ),
        )
        return found
    folded = _fold(text)
    if _CJK.search(folded):
        folded = _CJK_LATIN.sub(" ", folded)  # "您的经历太amazing了": English words stand apart
    sentences = _sentences(folded, [_VOCABS[lang], request_words])
    vocabs = _vocabs(lang, folded, sentences)

    # R1 length
    if kind == "linkedin_note":
        found.extend(linkedin_note_findings(text, linkedin_plan, lang))
    else:
        found.extend(length_findings(text, kind, strict, lang))

    found.extend(opening_findings(kind, folded, " ".join(sentences[:2]), vocabs, lang))
    found.extend(learning_findings(objective, folded, vocabs, lang))

    # R1 a clear question (Chinese also asks politely without a question mark)
    questions = [s for s in sentences if "?" in s]
    asked = any(search(vocabs, "REQUEST_VERB_RE", s) for s in questions) or any(
        search(vocabs, "POLITE_ASK_RE", s) for s in sentences
    )
    if not asked:
        found.append(
            Finding(
                "R1",
                WARNING,
                _(
                    "There is no clear question asking for their time. A direct question is easy "
                    "to answer with a yes."
                ),
                fix=_("Ask, for example: {example}").format(example=example(lang, _EX_QUESTION)),
            )
        )

    found.extend(time_findings(kind, folded, contact, vocabs, lang))
    found.extend(ask_findings(folded, vocabs))
    if kind not in ("request_intro",):
        found.extend(about_them_findings(folded, lang))

    # R7 a voicemail gives the number twice
    if kind == "voicemail":
        numbers = len(request_words.PHONE_RE.findall(folded))
        if numbers < 2:
            found.append(
                Finding(
                    "R7",
                    WARNING,
                    _(
                        "A voicemail should give your phone number twice, slowly, so they can "
                        "write it down without replaying the message."
                    )
                    if numbers
                    else _("The script doesn't give your phone number."),
                    fix=_("Say your number near the end, then once more: {example}.").format(
                        example=example(lang, _EX_AGAIN)
                    ),
                )
            )

    # R3 typos
    known = accepted_words(known_words, profile, objective, contact)
    found.extend(typo_findings(text[:100_000], known, lang))
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

    ``language`` is the language the draft is written in ("en", "es", "zh"; None: guessed from
    the text by ``text_language``). The findings' reasons and fixes are in the participant's
    language (the workbook's), whatever the draft's. Rules, each a ``Finding`` with the rule id,
    the reason and what to do:

    - R1 (error) empty; (warning) over the length limit (``request_length``: English 100 words,
      or 75 with ``strict``; Spanish 115 / 85 words; Chinese 200 / 150 characters; every word of
      the text counts, greeting and sign-off included, since that is what the reader scrolls
      through), or over ``LINKEDIN_LIMITS[linkedin_plan]`` characters for a LinkedIn note
      (error); (info) between the strict limit and the limit;
    - R1 (warning) the first two sentences after the greeting don't say how you got their name;
      for a follow-up, R7 (warning) it doesn't mention the first message; for an introduction
      request, R6 (warning) it doesn't ask to introduce you or forward your note;
    - R1 (warning) no word of the objective (field, roles, goals) appears: it doesn't say what
      you want to learn; no clear question (a sentence with "?" and "would you", "¿podría...",
      "能否"...; in Chinese a polite "不知您是否方便..." without one); more "I/me/my" than
      "you/your" (yo/me/mi against usted/su/le; 我 against 您/你) and above 8% of the words (not
      for an introduction request, which is about you by nature);
    - R4 (warning) no 20-30 minutes named, or an hour, a meal or drinks asked for; (info) no
      phone or video offered, no flexibility about times; T6 (info) in person offered to someone
      not local, or not offered to someone local, or a social network's video tool;
    - R2 (error) any ask for a job, an opening, a referral to one, or to pass on a resume
      (learning how people get hired is fine); (warning) strong or repeated praise;
    - R7 (warning) a voicemail that doesn't give the number twice;
    - R3 (warning/info) words not in the draft language's word list (English, Spanish; for
      Chinese one info finding says that no spell check runs); names from ``known_words``, the
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
        text = _text(text)
        return _check(
            text,
            profile,
            objective,
            contact,
            kind,
            bool(strict),
            known_words if known_words is not None else (),
            _text(sender).strip(),
            _text(linkedin_plan).strip().lower(),
            draft_language(text, language),
        )
    except Exception:  # noqa: BLE001 - a checker must never take the page down
        return [
            Finding(
                "R1",
                INFO,
                _("This message could not be checked completely."),
                fix=_("Read it once more yourself before sending."),
            )
        ]
