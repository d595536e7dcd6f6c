"""A short, plain guide to networking norms for people new to informational interviews.

Cross-step view (text only, no widgets). Each heading and each paragraph is one msgid, so the
guide has the same parts in every language; its Spanish and Chinese are written for their own
readers (catalog part ``norms``), not word for word. ``ui.norms`` shows it.
"""

from __future__ import annotations

from .i18n import N_, _

__all__ = ["NORMS_TITLE", "PARTS", "norms_guide", "norms_title"]

NORMS_TITLE = N_("Networking norms, in short")

# (heading, paragraph), in English; translated where shown (``norms_guide``).
PARTS: tuple[tuple[str, str], ...] = (
    (
        N_("What it is, and what it is not"),
        N_(
            "An informational interview is a conversation to learn about someone's work: what "
            "they do, how they got there, what their field is like. It is not a job interview, "
            "and you never ask for a job, an opening or a referral. If the other person offers "
            "help, accept it gladly; your part is to listen and learn."
        ),
    ),
    (
        N_("How direct to be"),
        N_(
            "Be clear and brief: say who you are, why you are writing to this person, what you "
            "would like to learn, and ask for 20 to 30 minutes. In North America it is normal, "
            "and usually welcome, to write to someone you have never met. If there is no answer, "
            "follow up once after about a week. Silence is not a rejection: people are busy, "
            "and many messages simply get buried."
        ),
    ),
    (
        N_("How to address people"),
        N_(
            "In English, first names are common, even with senior people; if you are unsure, "
            'start with "Dear Ms. Lee" or "Dear Dr. Lee" and switch when they sign with their '
            'first name. In Spanish, use usted and "Sr." or "Sra." with the surname at first, '
            "until they offer tú. In Chinese, use 您 and the family name with a title, such as "
            "李经理 or 王老师; a given name alone is too familiar."
        ),
    ),
    (
        N_("How long, and on time"),
        N_(
            "Ask for 20 to 30 minutes and keep to it. Be on time, or a few minutes early, "
            "online or in person. When the time is up, say so and offer to stop; if they want "
            "to keep talking, they will tell you."
        ),
    ),
    (
        N_("After the conversation"),
        N_(
            "Send a short thank-you within 24 hours if you can (the workbook's deadline is 48), "
            "naming something specific you learned. Thank whoever introduced you. Then keep in "
            "touch: a brief update every few months on what you did with their advice keeps "
            "the connection alive."
        ),
    ),
    (
        N_("Writing across cultures"),
        N_(
            "Mind the time zone: suggest times in theirs, with yours beside it. In some places, "
            "and with some people, an introduction from someone they know counts for much more "
            "than in North America; if a cold message goes unanswered, look for a shared "
            "contact. Gifts are not expected: a coffee, if you meet in person, and a sincere "
            "thank-you are enough. When in doubt, be polite, brief and specific."
        ),
    ),
)


def norms_title() -> str:
    """The guide's title in the language in use."""
    return _(NORMS_TITLE)


def norms_guide() -> list[tuple[str, str]]:
    """The guide in the language in use: (heading, paragraph) pairs, plain text."""
    return [(_(heading), _(paragraph)) for heading, paragraph in PARTS]
