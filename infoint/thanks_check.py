"""The thank-you checker: is the note personal (S2), does the introducer's note say that you
met, how it went and what came of it (S3), does an update ask for nothing (S4)?

Typos (R3) and job asks (R2) are found by step 3's ``request_check.check_request``, keeping
only its R3 and R2 findings, so every step judges spelling and asks the same way. Checks
return ``Finding`` objects and never raise, whatever the text.

A note is judged in the language it is written in (English, Spanish or Chinese: the word lists
of ``thanks_words``, ``thanks_words_es``, ``thanks_words_zh``; what it names through
``thanks_marks``); the findings speak the participant's language (``i18n``), with example
phrases in the note's.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import thanks_words, thanks_words_es, thanks_words_zh
from .i18n import _
from .records import ERROR, INFO, WARNING, Finding, Objective, Profile
from .request_check import check_request
from .safe import one_line as _one_line
from .safe import plain_text as _text
from .text import fold
from .text_language import text_language
from .thanks import GIFT_GUIDANCE, MAX_CHECK, RULES, THANKS_KINDS, WORD_LIMITS
from .thanks_marks import known_words as _known
from .thanks_marks import marks as _marks
from .thanks_marks import note_length as _length
from .thanks_marks import specific_count as _content
from .thanks_words import GIFT_RE, NAMED_REFERRAL_RE, PLACEHOLDER_RE

# The vocabularies of each language a note can be written in (the note's, not the page's).
_VOCAB = {"en": thanks_words, "es": thanks_words_es, "zh": thanks_words_zh}
# S2-S4 length per language. Spanish runs 10-20% more words than English for the same
# content, so its limits are 15% higher for the same reading time; Chinese is counted in
# characters (a Chinese character and an English word from a mixed note count one each),
# about two characters per English word in translation.
_WORD_LIMITS_ES = {"thanks": 175, "card": 90, "intro_thanks": 175, "update": 175}
_CHAR_LIMITS_ZH = {"thanks": 300, "card": 160, "intro_thanks": 300, "update": 300}
# Step 3's spelling message about first messages, reworded here for a thank-you.
_SPELL_FIRST = (
    "This word isn't in the spelling list. A typo in a first message can make a "
    "careful person look careless."
)


def _kind(kind: str) -> str:
    kind = _text(kind).strip().lower()
    if kind in ("thanks_card", "card"):
        return "card"
    return kind if kind in THANKS_KINDS else "thanks"


def _language(text: str, language: str | None) -> str:
    """The note's language: the one given, else a guess from the text itself."""
    return language if language in _VOCAB else text_language(text)


def _by_draft(lang: str, english: str, spanish: str, chinese: str) -> str:
    """An example phrase for the fix, in the language the note is written in."""
    return {"es": spanish, "zh": chinese}.get(lang, english)


def check_thanks(
    text: str,
    *,
    kind: str = "thanks",
    specific_hints: Iterable[str] = (),
    suggestion_hints: Iterable[str] = (),
    known_words: Iterable[str] = (),
    language: str | None = None,
) -> list[Finding]:
    """S2-S4, R3: what to improve in a thank-you, a card, an introducer's thanks or an update.

    ``kind`` is "thanks", "card" (or "thanks_card"), "intro_thanks" or "update"; ``language``
    the one the note is written in ("en", "es", "zh"; None guesses it from the text), which
    picks the word lists. The findings speak the participant's language (``i18n``).

    - (error) empty; [placeholders in brackets] still unfilled;
    - S2 (warning, thanks and card) it doesn't say thank you; it names nothing specific:
      none of the meaningful words of ``specific_hints`` (the debrief's insights and notes;
      names in ``known_words`` don't count) appear in it, or, without hints, there is hardly
      a word beyond what any thank-you says ("thanks for your time"); Spanish words match by
      stem (accents folded, plural and gender endings dropped), Chinese ones two characters
      at a time, without stemming;
    - S2 (warning, thanks and card) ``suggestion_hints`` given, but the note doesn't mention
      the suggestion, or doesn't say what you did about it (in that sentence or the next);
    - S2 (warning, every kind) gifts, gift cards or e-card services mentioned (GIFT_GUIDANCE);
    - S2/S3/S4 (warning) longer than ``WORD_LIMITS`` (150 words, a card 80; Spanish 175 and
      90 words; Chinese 300 and 160 characters);
    - S3 (warning) an introducer's thanks that doesn't say you met, or what came of it
      (``specific_hints`` may hold the outcome); (info) doesn't say how it went;
    - S4 (warning) an update that shares no progress (when ``specific_hints`` hold the news
      you meant to share: none of their words appear), or asks for a job, an opening or a
      referral (the same detection as step 3's R2); (info) one that asks for something else;
      R2 (warning) the same asks in a thank-you;
    - R3 (warning/info) words not in the note's language's word list; ``known_words`` (names
      of people and organizations) are accepted.

    Never raises; user text appears only in a finding's ``subject``, shortened.
    """
    try:
        body = _text(text)[:MAX_CHECK]
        return _check(
            body,
            _kind(kind),
            list(map(_text, specific_hints or ())),
            list(map(_text, suggestion_hints or ())),
            list(map(_text, known_words or ())),
            _language(body, language),
        )
    except Exception:  # noqa: BLE001 - a checker must never take the page down
        return [
            Finding(
                RULES.get(_kind(kind), "S2"),
                INFO,
                _("This note could not be checked completely."),
                fix=_("Read it once more yourself before sending."),
            )
        ]


def _check(
    text: str,
    kind: str,
    specific_hints: list[str],
    suggestion_hints: list[str],
    known_words: list[str],
    lang: str = "en",
) -> list[Finding]:
    """All the rules of ``check_thanks`` in reading order."""
    rule = RULES[kind]
    words = _VOCAB[lang]
    if not text.strip():
        return [
            Finding(
                rule,
                ERROR,
                _("The note is empty."),
                fix=_("Start from the composed draft and make it yours."),
            )
        ]
    found: list[Finding] = []
    folded = fold(text.replace("\u2019", "'"))

    for match in list(dict.fromkeys(PLACEHOLDER_RE.findall(text)))[:5]:
        found.append(
            Finding(
                rule,
                ERROR,
                _("Replace this placeholder before sending."),
                _one_line(match, 80),
                _("Write your own words in its place, or delete the sentence."),
            )
        )

    known = _known(known_words)
    if kind in ("thanks", "card", "intro_thanks") and not words.THANK_RE.search(folded):
        found.append(
            Finding(
                rule,
                WARNING,
                _("It doesn't actually say thank you."),
                fix=_by_draft(
                    lang,
                    _("Start with a plain 'Thank you for ...'."),
                    _("Start with a plain 'Gracias por ...'."),
                    _("Start with a plain '谢谢您……'."),
                ),
            )
        )

    if kind in ("thanks", "card"):
        found.extend(_specific_findings(folded, specific_hints, known, lang))
        found.extend(_suggestion_findings(folded, suggestion_hints, lang))

    gift = words.GIFT_RE.search(folded) or (lang != "en" and GIFT_RE.search(folded))
    if gift:
        found.append(
            Finding(
                "S2",
                WARNING,
                _(
                    "Skip gifts, gift cards and e-cards: a personal note is the thanks "
                    "people value. A small token fits only after substantial help, such as a "
                    "mentor or a lead that worked out."
                ),
                _one_line(gift.group(0), 60),
                _(GIFT_GUIDANCE),
            )
        )

    found.extend(_length_findings(text, kind, lang))

    if kind == "intro_thanks":
        found.extend(_intro_findings(folded, specific_hints, known, lang))
    progress_stems = _marks(" ".join(specific_hints), lang, known) if kind == "update" else set()
    shares_news = (
        bool(progress_stems & _marks(folded, lang, known))
        if progress_stems
        else bool(words.PROGRESS_RE.search(folded))
    )
    if kind == "update" and not shares_news:
        found.append(
            Finding(
                "S4",
                WARNING,
                _(
                    "It doesn't share any news. An update is about your progress: what "
                    "you did since you spoke, ideally with their advice."
                ),
                fix=_(
                    "Add one or two sentences: a course, a project, a person you met, a step "
                    "they suggested."
                ),
            )
        )

    found.extend(_shared_findings(text, kind, known_words, lang))
    return found


def _length_findings(text: str, kind: str, lang: str) -> list[Finding]:
    """S2-S4: short enough to be read in full (words; characters for Chinese)."""
    size = _length(text, lang)
    limit = {"es": _WORD_LIMITS_ES, "zh": _CHAR_LIMITS_ZH}.get(lang, WORD_LIMITS)[kind]
    if size <= limit:
        return []
    card = kind == "card"
    if lang == "zh":
        message = (
            _(
                "At {n} characters this is long for a card like this; under {limit} "
                "characters gets read in full."
            )
            if card
            else _(
                "At {n} characters this is long for a note like this; under {limit} "
                "characters gets read in full."
            )
        )
        subject = _("{n} characters").format(n=size)
    else:
        message = (
            _(
                "At {n} words this is long for a card like this; under {limit} words gets read "
                "in full."
            )
            if card
            else _(
                "At {n} words this is long for a note like this; under {limit} words gets read "
                "in full."
            )
        )
        subject = _("{n} words").format(n=size)
    return [
        Finding(
            RULES[kind],
            WARNING,
            message.format(n=size, limit=limit),
            subject,
            _("Keep the thanks, the one specific thing and the news; cut the rest."),
        )
    ]


def _specific_findings(
    folded: str, hints: list[str], known: set[str], lang: str = "en"
) -> list[Finding]:
    """S2: the note must name something from this conversation, not only thanks for the time."""
    hint_stems = _marks(" ".join(hints), lang, known)
    text_stems = _marks(folded, lang, known)
    if hint_stems:
        shared = hint_stems & text_stems
        if not shared:
            return [
                Finding(
                    "S2",
                    WARNING,
                    _(
                        "It doesn't mention anything from your notes on the "
                        "conversation, so it could have been sent to anyone."
                    ),
                    _one_line(
                        hints[0] if len(hints) == 1 else " / ".join(h for h in hints if h.strip()),
                        80,
                    ),
                    _("Name one thing they told you that was useful, in a sentence."),
                )
            ]
        return []
    if _content(folded, lang, known) < 3:
        return [
            Finding(
                "S2",
                WARNING,
                _(
                    "This reads like a note anyone could send: it thanks them for their "
                    "time but names nothing from the conversation."
                ),
                _one_line(folded, 80),
                _("Add one specific thing they said and why it helped you."),
            )
        ]
    return []


def _suggestion_findings(folded: str, hints: list[str], lang: str = "en") -> list[Finding]:
    """S2: say what you did about something they suggested (in that sentence or the next)."""
    hints = [h for h in hints if h.strip()]
    wanted = _marks(" ".join(hints), lang)
    if not wanted:
        return []
    words = _VOCAB[lang]
    sentences = [s for s in words.SENTENCE_RE.split(folded) if s.strip()]
    where = [i for i, s in enumerate(sentences) if _marks(s, lang) & wanted]
    subject = _one_line(hints[0], 80)
    if not where:
        return [
            Finding(
                "S2",
                WARNING,
                _(
                    "It doesn't mention what they suggested. Saying what you did about "
                    "it shows you listened, and gives them a reason to help again."
                ),
                subject,
                _by_draft(
                    lang,
                    _(
                        "Add, for example: 'I've already contacted ...' or 'I'll read ... "
                        "this week'."
                    ),
                    _("Add, for example: 'Ya contacté a ...' or 'Esta semana leeré ...'."),
                    _("Add, for example: '我已经联系了……' or '我这周会读……'."),
                ),
            )
        ]
    joiner = "" if lang == "zh" else " "
    if not any(words.STATUS_RE.search(joiner.join(sentences[i : i + 2])) for i in where):
        return [
            Finding(
                "S2",
                WARNING,
                _("It mentions their suggestion but not what you did, or will do, about it."),
                subject,
                _by_draft(
                    lang,
                    _("Add when: 'I've already ...' or 'I'll ... this week'."),
                    _("Add when: 'Ya he ...' or 'Esta semana voy a ...'."),
                    _("Add when: '我已经……' or '我这周会……'."),
                ),
            )
        ]
    return []


def _intro_findings(
    folded: str, hints: list[str], known: set[str], lang: str = "en"
) -> list[Finding]:
    """S3: that you met, how it went, and what came of it."""
    found = []
    words = _VOCAB[lang]
    if not words.MET_RE.search(folded):
        found.append(
            Finding(
                "S3",
                WARNING,
                _(
                    "It doesn't say that you met. The person who introduced you wants "
                    "to know their introduction worked."
                ),
                fix=_by_draft(
                    lang,
                    _("Add, for example: 'We met last week.'"),
                    _("Add, for example: 'Nos reunimos la semana pasada.'"),
                    _("Add, for example: '我们上周见了面。'"),
                ),
            )
        )
    if not words.WENT_WELL_RE.search(folded):
        found.append(
            Finding(
                "S3",
                INFO,
                _("Say how it went, in a few words."),
                fix=_by_draft(
                    lang,
                    _("For example: 'It was a really helpful conversation.'"),
                    _("For example: 'Fue una conversación muy útil.'"),
                    _("For example: '这次交流对我很有帮助。'"),
                ),
            )
        )
    hint_stems = _marks(" ".join(hints), lang, known)
    came_of_it = (
        bool(hint_stems & _marks(folded, lang, known))
        if hint_stems
        else bool(words.OUTCOME_RE.search(folded))
    )
    if not came_of_it:
        found.append(
            Finding(
                "S3",
                WARNING,
                _(
                    "It doesn't say what came of the meeting. Hearing that their "
                    "introduction helped is the best thanks an introducer can get."
                ),
                fix=_("Add what you learned or what you are doing next because of it."),
            )
        )
    return found


def _shared_findings(
    text: str, kind: str, known_words: list[str], lang: str = "en"
) -> list[Finding]:
    """R3 typos and job asks, judged by step 3's ``check_request`` in the note's language
    (only those findings kept).

    A "referral to <Name>" is a person they pointed you to (D3), not a job referral, so it is
    read as an introduction first.
    """
    softened = NAMED_REFERRAL_RE.sub(lambda m: "introduction" + ("s" if m.group(1) else ""), text)
    results = check_request(
        softened,
        profile=Profile(),
        objective=Objective(),
        known_words=known_words,
        kind="request_direct",
        language=lang,
    )
    first_message = {_SPELL_FIRST, _(_SPELL_FIRST)}
    found = [
        f
        if f.message not in first_message and "first message" not in f.message
        else Finding(
            f.rule,
            f.severity,
            _("This word isn't in the spelling list. A typo can undo an otherwise careful note."),
            f.subject,
            f.fix,
        )
        for f in results
        if f.rule == "R3"
    ]
    asks = [f for f in results if f.rule == "R2" and f.severity == ERROR]
    if asks:
        subject = _one_line("; ".join(dict.fromkeys(f.subject for f in asks)), 80)
        if kind == "update":
            found.append(
                Finding(
                    "S4",
                    WARNING,
                    _(
                        "An update shares news and asks for nothing. Asking for a job, "
                        "an opening or a referral here turns it into a request."
                    ),
                    subject,
                    _("Remove the ask; if they know of something, they will tell you."),
                )
            )
        else:
            found.append(
                Finding(
                    "R2",
                    WARNING,
                    _(
                        "A thank-you is not the place to ask for a job, an opening or a "
                        "referral; it can undo the goodwill of the meeting."
                    ),
                    subject,
                    _("Remove the ask; if they know of something, they will tell you."),
                )
            )
    if kind == "update" and not asks:
        request = _VOCAB[lang].ASK_RE.search(fold(text))
        if request:
            found.append(
                Finding(
                    "S4",
                    INFO,
                    _(
                        "This update asks for something. Updates work best when they ask "
                        "for nothing, so people enjoy hearing from you."
                    ),
                    _one_line(request.group(0), 40),
                    _("Keep the request for a separate message, if you need it."),
                )
            )
    return found
