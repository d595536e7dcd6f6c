"""The thank-you checker's vocabularies (S2, S3, S4): what a thank-you, a gift, the status of
a suggestion, "we met", "it went well", an outcome, progress and an ask look like.

Word-bounded, precompiled patterns over folded text (``text.fold``), linear in the text's
length. Kept apart from the checks in ``thanks_check`` so each stays readable.
"""

from __future__ import annotations

import re

from .text import STOP_WORDS

# Words any thank-you note has: on their own they show nothing specific (S2).
GENERIC = STOP_WORDS | frozenset(
    """
thank thanks thanking thankful grateful gratitude appreciate appreciated appreciating
appreciation time taking took making made spend spent spending talk talking talked chat chatted
chatting speak speaking spoke meet meeting met conversation conversations call called discussion
advice insight insights insightful help helped helping helpful useful valuable wonderful
lovely nice great good kind kindly generous generosity pleasure glad happy enjoyed enjoy
learned learnt learning learn lot yesterday today tomorrow week weekend morning afternoon
evening recently earlier hear hearing heard again truly sincerely regards best wishes warmly
warm cheers hope hoping hopefully soon touch forward look looking stay staying keep keeping
posted let know busy schedule experience experiences work working job career field industry
company organization role much many dear hello hi hey name
""".split()
)


WORD_RE = re.compile(r"[a-z][a-z']+")


PLACEHOLDER_RE = re.compile(r"\[[^\[\]\n]{1,160}\](?!\()")


THANK_RE = re.compile(r"\b(?:thank|thanks|thankful|grateful|gratitude|appreciat\w*)")


GIFT_RE = re.compile(
    r"\b(?:"
    + "|".join(
        [
            r"e-?cards?",
            r"(?:electronic|online|digital|animated)\s+(?:greeting\s+)?cards?",
            r"gift\s*(?:cards?|certificates?|vouchers?|baskets?|box(?:es)?|codes?|cheques?|checks?)",
            r"vouchers?",
            r"hampers?",
            r"bouquets?",
            r"flowers",
            r"bottles?\s+of\s+(?:wine|champagne|prosecco|whisky|whiskey|scotch|gin)",
            r"(?:amazon|starbucks|itunes|apple|visa|tim\s+hortons|uber\s+eats|doordash)\s+"
            r"(?:card|credit|gift)s?",
            r"token\s+of\s+(?:my\s+|our\s+)?(?:appreciation|gratitude|thanks)",
            r"(?:sent|send|sending|bought|buy|buying|got|get|getting|attached|attaching|enclosed|"
            r"enclosing|included|including|mailing|mailed|ordered)\s+(?:you\s+)?"
            r"(?:a|an|this|the|some|my)?\s*(?:small\s+|little\s+)?(?:gift|present|token)s?",
            r"(?:a|my|small|little)\s+(?:little\s+)?(?:gift|present)s?"
            r"(?!\s+for\s+(?:\w+ing|explain\w*|teach\w*|words|people|it|this)\b)",
        ]
    )
    + r")\b"
)


STATUS_RE = re.compile(
    r"\b(?:"
    + "|".join(
        [
            r"i've",
            r"i\s+have",
            r"i'll",
            r"i\s+will",
            r"i'm",
            r"i\s+am",
            r"i'd",
            r"already",
            r"this\s+(?:week|weekend|month)",
            r"next\s+(?:week|month)",
            r"tomorrow",
            r"tonight",
            r"today",
            r"soon",
            r"plan(?:ning)?\s+to",
            r"going\s+to",
            r"started",
            r"signed\s+up",
            r"ordered",
            r"booked",
            r"contacted",
            r"reached\s+out",
            r"wrote",
            r"emailed",
            r"read",
            r"reading",
            r"bought",
            r"joined",
            r"registered",
            r"enrolled",
            r"downloaded",
            r"listened",
            r"watched",
            r"followed",
            r"subscribed",
            r"bookmarked",
            r"scheduled",
            r"set\s+up",
            r"done",
            r"finished",
            r"looked",
            r"tried",
            r"trying",
            r"applied\s+(?:it|this|that)",
        ]
    )
    + r")\b"
)


MET_RE = re.compile(
    r"\b(?:"
    + "|".join(
        [
            r"we\s+(?:finally\s+)?(?:met|spoke|talked|chatted|had)",
            r"met\s+(?:with|up)",
            r"(?:i|we)\s+(?:got|had)\s+to\s+(?:meet|talk|speak)",
            r"(?:spoke|talked|chatted)\s+with",
            r"(?:our|my)\s+(?:conversation|call|chat|meeting|coffee)",
            r"(?:conversation|call|chat|meeting|coffee)\s+with",
            r"i\s+met",
        ]
    )
    + r")\b"
)


WENT_WELL_RE = re.compile(
    r"\b(?:went\s+(?:really\s+|very\s+)?well|great|helpful|useful|"
    r"enjoyed|generous|valuable|insightful|wonderful|glad|"
    r"learned|learnt|eye-opening|encouraging)\b"
)


OUTCOME_RE = re.compile(
    r"\b(?:"
    + "|".join(
        [
            r"as\s+a\s+result",
            r"since\s+(?:then|we\s+(?:met|spoke|talked))",
            r"thanks\s+to",
            r"because\s+of\s+(?:it|that|this|the\s+conversation|our|her|him|them|your)",
            r"(?:she|he|they)\s+(?:suggested|recommended|pointed|introduced|mentioned|offered|shared|"
            r"explained|helped|encouraged|advised|told)",
            r"i(?:'ve|\s+have)\s+(?:since|already|now|just)",
            r"i(?:'ve|\s+have)\s+(?:started|signed|"
            r"joined|contacted|reached|read|enrolled|decided|booked|updated|begun|registered|changed)",
            r"i(?:'m|\s+am)\s+(?:now|going\s+to|planning)",
            r"i\s+(?:learned|learnt|decided|now|plan|realized|realised|found\s+out)",
            r"i(?:'ll|\s+will)\s+(?:be|start|read|contact|follow|try|join|reach|update|take|sign|talk|"
            r"speak|meet|attend|apply\s+what|focus)",
            r"next\s+step",
        ]
    )
    + r")\b"
)


PROGRESS_RE = re.compile(
    r"\b(?:"
    + "|".join(
        [
            r"i(?:'ve|\s+have)\s+(?:\w+\s+)?(?:started|finished|completed|joined|begun|taken|signed|"
            r"enrolled|landed|accepted|moved|launched|published|built|earned|passed|been|made|run|"
            r"done|met|spoken|talked|presented|volunteered|read|applied|learned|learnt|decided)",
            r"i\s+(?:\w+\s+)?(?:started|finished|completed|joined|took|signed|enrolled|landed|accepted|"
            r"moved|launched|published|built|earned|passed|decided|began|met|presented|volunteered|"
            r"read|learned|learnt)",
            r"i(?:'m|\s+am)\s+(?:now|currently|working|taking|studying|volunteering|leading|building|"
            r"learning|starting|about\s+to|halfway|almost)",
            r"my\s+(?:\w+\s+)?(?:is|are)\s+(?:now|finally|done|live|online|ready|published|finished)",
            r"new\s+(?:role|job|position|course|project|certificate)",
        ]
    )
    + r")\b"
)


ASK_RE = re.compile(
    r"\b(?:could|would|can|will)\s+you\b|\bwould\s+it\s+be\s+possible\b"
    r"|\bplease\s+(?:send|introduce|review|look|share|help|forward|pass)\b"
    r"|\bdo\s+you\s+(?:know|have)\b"
)


NAMED_REFERRAL_RE = re.compile(r"\breferral(s?)(?=\s+to\s+[A-Z])")


SENTENCE_RE = re.compile(r"(?<=[.!?])\s+|\n+")
