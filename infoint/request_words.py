"""The request checker's vocabularies (R1, R2, R4, R6, R7, T6): what a greeting, the link
between you, a question, a time ask, meeting modes, a job ask, flattery, an introduction ask,
a follow-up and a phone number look like.

Word-bounded, precompiled patterns over folded text (``text.fold``), linear in the text's
length. Kept apart from the checks in ``request_check`` so each stays readable.
"""

from __future__ import annotations

import re

# A greeting ("Hi Sam,") and the sentences after it.
GREETING_RE = re.compile(
    r"^\s*(?:hi|hello|hey|dear|greetings|good\s+(?:morning|afternoon|evening))\b[^\n!?]{0,80}?"
    r"(?:[,:!\n]|$)"
)


SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])\s+|\n+")


# R1: the link between you, said first (how their name reached you).
CONNECTION_RE = re.compile(
    r"\b(?:"
    + "|".join(
        [
            r"via",
            r"introduc\w*",
            r"recommend\w*",
            r"referr\w*",
            r"refer\s+me",
            r"suggest\w*\s+(?:that\s+)?(?:i|me|we|you)\b",
            r"pointed\s+me",
            r"passed\s+(?:on\s+|along\s+)?your",
            r"gave\s+me\s+your",
            r"got\s+your\s+(?:name|details|contact|email|address|number)",
            r"your\s+name\s+(?:came|from|was)",
            r"mentioned\s+(?:you|your)",
            r"told\s+me\s+about\s+you",
            r"alumn\w*",
            r"classmates?",
            r"fellow",
            r"we\s+met",
            r"met\s+(?:you|at|in|during)",
            r"we\s+(?:last\s+)?(?:spoke|talked|worked)",
            r"worked\s+(?:with|together)",
            r"colleagues?",
            r"connected",
            r"connection",
            r"we\s+share",
            r"in\s+common",
            r"mutual",
            r"friend\s+of",
            r"both\s+(?:studied|attended|went|worked|graduated|belong|volunteer\w*)",
            r"same\s+(?:school|university|college|program|programme|club|team|company|class|course)",
            r"member\s+of",
            r"saw\s+(?:you|your)",
            r"heard\s+(?:you|your)",
            r"read\s+your",
            r"came\s+across",
            r"found\s+(?:your|you)",
            r"your\s+(?:talk|post|article|blog|podcast|book|"
            r"interview|presentation|panel|newsletter|paper|profile|bio|page|session|webinar|video)",
            r"(?:team|staff|about|company|people|leadership)\s+page",
            r"website",
            r"linkedin",
            r"at\s+the\s+(?:event|conference|meetup|fair|workshop|session)",
        ]
    )
    + r")"
)


# R1: a question asking for their time.
REQUEST_VERB_RE = re.compile(
    r"\b(?:(?:would|could|can|may|might|will)\s+(?:you|we|i)\b|would\s+it\s+be\b"
    r"|(?:are|were)\s+you\s+(?:open|willing|available|free|up\s+for)\b|do\s+you\s+have\b"
    r"|is\s+there\s+(?:a|any)\s+(?:time|chance|way)\b|be\s+(?:open|willing)\s+to\b)"
)


# R1: what you want to learn, when the objective is empty.
LEARN_RE = re.compile(r"\b(?:learn|hear|understand|find\s+out|ask\s+(?:you\s+)?about|curious)\b")


# R4: 20-30 minutes, or much more (an hour, a meal).
TIME_OK_RE = re.compile(
    r"\b(?:(?:10|15|20|25|30|ten|fifteen|twenty|twenty-five|thirty)"
    r"(?:\s*(?:-|to|or)\s*(?:15|20|25|30|fifteen|twenty|twenty-five|thirty))?"
    r"[\s-]*(?:min(?:ute)?s?|mins)\b|half\s+an\s+hour|half-hour|half\s+hour)"
)


TIME_TOO_MUCH_RE = re.compile(
    r"\b(?:(?:an?|one|1|full|whole|couple\s+of|few|two|2|several)\s+hours?"
    r"|(?:45|60|90|120|forty-five|sixty|ninety)[\s-]*min(?:ute)?s?"
    r"|lunch(?:es)?|dinners?|drinks?|beers?|a\s+meal|breakfast)\b"
)


# R4, T6: a phone or video call, a social network's video tool, in person, flexibility.
MODES_RE = re.compile(
    r"\b(?:phone|telephone|call|calls|video|zoom|teams|google\s+meet|webex"
    r"|skype|facetime|jitsi)\b"
)


SOCIAL_VIDEO_RE = re.compile(r"\b(?:whatsapp|messenger|facebook|instagram|snapchat|tiktok)\b")


IN_PERSON_RE = re.compile(
    r"\b(?:in\s+person|in-person|face[\s-]to[\s-]face|coffee|meet\s+up"
    r"|stop\s+by|drop\s+by|visit\s+(?:you|your)|your\s+office)\b"
)


FLEXIBLE_RE = re.compile(
    r"\b(?:flexible|any\s+(?:day|time)|whenever|suits\s+you|works\s+for\s+you"
    r"|convenient|your\s+schedule|around\s+your|fit\s+(?:you|your)"
    r"|best\s+for\s+you|time\s+that\s+suits|early\s+mornings?|evenings?"
    r"|weekends?)\b"
)


# R2: asking for a job, an opening, a referral to one, or to pass on a resume.
_JOB = r"(?:jobs?|positions?|roles?|internships?|co-?ops?|openings?|vacanc(?:y|ies)|work)"


JOB_ASK_RES = (
    re.compile(
        r"\b(?:hire|hiring|employ|employing|recruit|recruiting|take\s+on|bring\s+on)\s+"
        r"(?:me|someone\s+like\s+me)\b"
    ),
    re.compile(
        r"\b(?:job|position|role|internship|co-?op|employment)\s+(?:openings?|"
        r"opportunit(?:y|ies)|leads|vacanc(?:y|ies))\b"
    ),
    re.compile(
        r"\b(?:any|open|available|upcoming|vacant)\s+(?:openings?|positions?|roles?|jobs?"
        r"|vacanc(?:y|ies)|internships?|co-?ops?)\b"
    ),
    re.compile(
        r"\b(?:openings?|positions?|jobs?|vacanc(?:y|ies)|internships?)\s+"
        r"(?:available|open|going)\b"
    ),
    re.compile(r"\b(?:are|is)\s+(?:you|they|it|(?:your|the)\s+\w+)\s+(?:\w+\s+)?hiring\b"),
    re.compile(
        r"\b(?:if|whether)\s+(?:you|they|(?:your|the)\s+\w+)\s+(?:is|are|'re|were)\s+"
        r"(?:\w+\s+)?hiring\b"
    ),
    re.compile(
        r"\b(?:you're|you\s+are|they're|they\s+are)\s+(?:currently\s+|still\s+|now\s+)?"
        r"hiring\b"
    ),
    re.compile(
        r"\b(?:refer|recommend|put)\s+me\s+(?:for|to|forward\s+for)\s+(?:a|an|the|any|"
        r"your|their)?\s*(?:job|position|opening|role|internship|posting|hiring\s+manager"
        r"|recruiter|hr)\b"
    ),
    re.compile(r"\b(?:job|employee|internal)\s+referrals?\b"),
    re.compile(
        r"\b(?:get|give\s+me|ask(?:ing)?\s+(?:you\s+)?for|request(?:ing)?|need|want|"
        r"appreciate)\s+(?:a\s+|your\s+)?referral\b(?!\s+to\s+(?:other|more|another|"
        r"someone|people|contacts))"
    ),
    re.compile(
        r"\b(?:pass|forward|send|share|give|hand|circulate)\s+(?:along\s+|on\s+)?my\s+"
        r"(?:resume|cv|application)\b"
    ),
    re.compile(
        r"\bmy\s+(?:resume|cv|application)\s+(?:to|along|on\s+to)\s+(?:the\s+|your\s+)?"
        r"(?:hr|hiring|recruit\w*|manager|team)\b"
    ),
    re.compile(r"\b(?:attached|attaching|enclosed|enclosing)\s+(?:is\s+)?my\s+(?:resume|cv)\b"),
    re.compile(r"\bleads?\s+(?:on|for|about)\s+(?:a\s+|any\s+)?" + _JOB + r"\b"),
    re.compile(
        r"\b(?:looking|searching|applying|hoping|asking)\s+for\s+(?:a\s+|an\s+|any\s+)?"
        r"(?:job|position|internship|role|employment|opening|co-?op)\b"
    ),
    re.compile(r"\bi\s+(?:could|can|might|should)\s+apply\s+(?:for|to)\b"),
    re.compile(
        r"\b(?:for|get|land|give|offer)\s+me\s+(?:a|an|the)\s+(?:job|position|"
        r"internship|role|interview|offer)\b"
    ),
    re.compile(r"\b(?:job|position|role|internship|opening)\s+for\s+me\b"),
    re.compile(r"\b(?:consider\s+me|keep\s+me\s+in\s+mind|put\s+in\s+a\s+(?:good\s+)?word)\b"),
)


# R2: strong praise, and milder praise that adds up.
FLATTERY_STRONG_RE = re.compile(
    r"\b(?:"
    + "|".join(
        [
            r"huge\s+fan",
            r"big(?:gest)?\s+fan",
            r"biggest\s+admirer",
            r"geni(?:us|uses)",
            r"legend(?:ary)?",
            r"(?:incredibly|amazingly|insanely|so|super|extremely|unbelievably)\s+talented",
            r"most\s+talented",
            r"amazing",
            r"awesome",
            r"incredible",
            r"phenomenal",
            r"extraordinary",
            r"unparalleled",
            r"world-class",
            r"rock\s*star",
            r"idol",
            r"my\s+hero",
            r"in\s+awe",
            r"visionary",
            r"brilliant",
            r"greatest",
            r"blown\s+away",
            r"worship",
            r"the\s+best\s+(?:\w+\s+)?in\s+(?:the\s+)?(?:industry|field|business|world|country|city)",
            r"(?:admire|love)\s+(?:you|your\s+work)\s+so\s+much",
        ]
    )
    + r")\b"
)


FLATTERY_MILD_RE = re.compile(
    r"\b((?:so|really|truly|very|incredibly|extremely|absolutely|deeply|hugely)\s+)?"
    r"(inspir(?:ing|ed|ation|ational)|impressive|impressed|admire|admired|admiration|fascinating"
    r"|wonderful|fantastic|remarkable|outstanding)\b"
)


# R1: more about you than about them.
FIRST_PERSON = frozenset("i me my mine myself i'm i've i'd i'll".split())


SECOND_PERSON = frozenset("you your yours yourself yourselves you're you've you'd you'll".split())


PRONOUN_RE = re.compile(r"[a-z]+(?:'[a-z]+)?")


# R6: asking to be introduced; R7: a follow-up naming the first message, a phone number.
INTRO_ASK_RE = re.compile(
    r"\b(?:introduc\w*|forward\w*|pass\s+(?:this|it|my|the|these|along|on)\b|put\s+(?:me|us)\s+"
    r"in\s+touch|connect\s+(?:me|us)|share\s+(?:this|my)\s+(?:note|message|email))"
)


FOLLOW_UP_REF_RE = re.compile(
    r"\b(?:follow(?:ing)?[\s-]up|my\s+(?:earlier\s+|last\s+|previous\s+|first\s+)?(?:note|message"
    r"|email|e-mail|request|notes|messages|emails)|last\s+week|(?:a|one)\s+week\s+ago"
    r"|wrote\s+(?:to\s+you\s+)?(?:last|a\s+week|earlier|recently)|reached\s+out|sent\s+you"
    r"|circling\s+back|checking\s+in|earlier\s+(?:note|message|email))\b"
)


# A phone number, or the draft's placeholder for it in each language (folded: no accents);
# tests/test_drafts_i18n.py checks these against outreach.PHONE_PLACEHOLDER's translations.
PHONE_RE = re.compile(
    r"\[(?:your phone number|tu numero de telefono|你的电话号码)\]|\+?\d[\d\s().-]{6,}\d"
)
