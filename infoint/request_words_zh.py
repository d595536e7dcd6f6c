"""The request checker's Chinese vocabularies (R1, R2, R4, R6, R7, T6), named as in
``request_words``: the link between you, a question, a time ask, meeting modes, a job ask,
flattery, an introduction ask, a follow-up.

Chinese has no spaces between words, so these patterns have no word boundaries; they are
bounded by the phrases themselves (and short ``.{0,n}?`` gaps), precompiled, over folded text
(``text.fold`` turns full-width punctuation into ASCII: "？" is "?", "，" is ","). Written from
how Chinese students write to professionals (您, "经王老师介绍", "请问您是否方便..."), not
translated from the English lists.
"""

from __future__ import annotations

import re

# A greeting ("王老师,您好!", "尊敬的李先生:") and the sentences after it.
GREETING_RE = re.compile(
    r"^\s*(?:(?:尊敬的)?[^\n,:!?。]{0,20}?[,:]?\s*(?:您好|你好|大家好)[,:!。.\n]?"
    r"|[^\n,:!?。]{1,12}?(?:老师|先生|女士|经理|总|教授|博士|学长|学姐|师兄|师姐)好[,:!。.\n]?"
    r"|尊敬的[^\n,:!?。]{1,20}[,:!\n])"
)


# R1: the link between you, said first ("经...介绍", "我在...看到您的", "...推荐我联系您").
CONNECTION_RE = re.compile(
    "|".join(
        [
            r"经.{0,15}?(?:介绍|推荐)",
            r"(?:介绍|推荐)我(?:联系|找|认识|向|给)",
            r"(?:向我)?推荐了?您",
            r"通过.{0,20}?(?:认识|了解到|得知|找到|看到|联系|拿到|获得)",
            r"在.{0,25}?(?:看到|读到|听到|听了|了解到|认识)(?:了)?(?:您|你)",
            r"(?:看到|读了|读到|听了|拜读了?)(?:您|你)(?:的|在|发)",
            r"拜读",
            r"校友",
            r"学长|学姐|师兄|师姐|师弟|师妹",
            r"同学",
            r"(?:前|老)?同事",
            r"共同的?(?:朋友|好友|熟人|联系人)",
            r"我们(?:曾)?在.{0,15}?(?:见过|认识|聊过|交流过)",
            r"见过面",
            r"上次在",
            r"领英|linkedin|脉脉",
            r"官网|主页|个人资料",
            r"(?:您|你)的(?:文章|演讲|讲座|分享|报告|播客|书|采访|帖子|论文|博客|视频|公众号|简介)",
            r"给了我(?:您|你)的",
            r"(?:您|你)的(?:联系方式|邮箱|名字|微信)",
        ]
    )
)


# R1: a question asking for their time. Chinese asks politely without a question mark too
# ("不知您下周是否方便..."), so ``POLITE_ASK_RE`` counts in any sentence.
REQUEST_VERB_RE = re.compile(
    r"是否|能否|可否|能不能|可不可以|方便.{0,15}?吗|可以.{0,20}?吗|能.{0,20}?吗|愿意.{0,20}?吗"
    r"|有没有(?:时间|空)|有空吗|请问"
)


POLITE_ASK_RE = re.compile(
    r"(?:不知|请问|想请问|冒昧地?问一下).{0,20}?(?:是否|能否|可否|方便|有空|有时间)|能否|可否"
)


# R4: 20-30 minutes ("20分钟", "半小时"), or much more (an hour, a meal).
TIME_OK_RE = re.compile(
    r"(?:10|15|20|25|30|十|十五|二十|二十五|三十)\s*(?:(?:-|~|到|至|或)\s*"
    r"(?:15|20|25|30|十五|二十|二十五|三十))?\s*(?:分钟|分鐘|min)|半(?:个)?小时|一刻钟"
)


TIME_TOO_MUCH_RE = re.compile(
    r"(?:一|1|两|2|几|三|3)\s*个?(?:半)?\s*(?:小时|钟头)|(?:45|60|90|四十五|六十|九十)\s*分钟"
    r"|半天|一整天|请(?:您|你)吃饭|吃(?:个|顿|一顿)?饭|午饭|午餐|晚饭|晚餐|饭局|喝(?:一杯|几杯|点)?酒"
)


# R4, T6: a phone or video call, a social network's video tool, in person, flexibility.
# WeChat is how professionals in China talk, so it is a mode, not a "social network" (T6).
MODES_RE = re.compile(
    r"电话|视频|语音|通话|线上|腾讯会议|钉钉|飞书|zoom|teams|skype|微信|网络会议|远程"
)


SOCIAL_VIDEO_RE = re.compile(r"whatsapp|facebook|instagram|脸书|抖音|微博|小红书")


IN_PERSON_RE = re.compile(
    r"当面|见面|见个面|面谈|面聊|咖啡|登门拜访|拜访(?:您|你)|到(?:您|你)的?(?:公司|办公室)|线下"
)


FLEXIBLE_RE = re.compile(
    r"(?:您|你)方便的时间|(?:您|你)方便的时候|(?:您|你)方便|配合(?:您|你)|以(?:您|你)的时间为准"
    r"|时间(?:上)?(?:很|比较)?灵活|任何时间|随时|都可以|(?:看|按)(?:您|你)的(?:安排|时间)"
    r"|(?:您|你)(?:看|定)(?:哪天|什么时候)"
)


# R1: what you want to learn, when the objective is empty.
LEARN_RE = re.compile(r"了解|学习|请教|听听|好奇|想知道|咨询")


# R1: pairs of characters of a Chinese objective that say nothing on their own.
GENERIC_PAIRS = frozenset(
    "了解 学习 希望 工作 我们 什么 如何 怎么 这个 一个 可以 我的 您的 行业 方面 相关 "
    "知道 想要 进入 日常 情况 以及 还有 需要 一些 有关 关于 目标 职业 发展 内容 主要 "
    "具体 方式 方法 过程".split()
)


# R2: asking for a job, an opening, a referral or to take a CV; learning how people got in
# ("您当初是怎么进入这个行业的", "招聘流程是怎样的") is fine.
JOB_ASK_RES = (
    re.compile(
        r"(?:有没有|有无|是否(?:还)?有|还有没有)(?:什么|合适的|相关的?|空缺的?|适合我的|开放的)?\s*"
        r"(?:职位|岗位|空缺|职缺|工作机会|实习机会|实习岗位|招聘名额|名额|hc|headcount)"
    ),
    re.compile(
        r"职位空缺|岗位空缺|空缺(?:职位|岗位)|有空缺|(?:还)?在招(?:人|聘)?吗|还招(?:人|实习生)?吗"
        r"|招不招人|缺不缺人|缺人吗|招人吗"
    ),
    re.compile(
        r"内推|内部推荐|推荐我(?:去|进|到|应聘|申请)|帮我推荐(?:一下)?(?:工作|职位|岗位)"
        r"|帮我(?:找|介绍|安排)(?:一份|一个)?(?:工作|实习|职位|岗位|面试)"
        r"|给我(?:一个|一份)?\s*(?:工作|实习|职位|岗位|面试|offer)"
    ),
    re.compile(
        r"投(?:递)?(?:个|一份|我的)?简历|(?:发|转发|转交|递交|递|交)给\s*(?:您|你|贵司|hr|人事|招聘经理"
        r"|负责人|相关同事)?(?:一份)?(?:我的)?简历|把(?:我的)?简历(?:发|转|转发|转交|递|推|交)"
        r"|发(?:一份|我的)简历|(?:转|发)给\s*hr|附(?:上|件)(?:是)?(?:我的)?简历|(?:我的)?简历(?:已)?附(?:上|后|在)"
    ),
    re.compile(
        r"我(?:目前|现在|正)?(?:在|正在)?(?:求职|找工作|找实习|谋职)|求职(?:意向|信)"
        r"|(?:正在|目前在)(?:求职|找工作|找实习)"
    ),
    re.compile(
        r"(?:录用|雇用|聘用|招)我|(?:获得|争取|给我|提供)(?:一个|一份)?(?:工作|实习|面试|职位|岗位)"
        r"(?:的)?机会|(?:安排|帮我约)(?:一个|一次)?面试|帮忙推荐(?:工作|职位|岗位)"
        r"|考虑一下我|把我考虑"
    ),
    re.compile(
        r"我(?:也)?(?:很|非常)?(?:想|希望|打算|准备|能否|可以|可否)?(?:去|来)?应聘"
        r"|(?:应聘|申请)(?:这个|该|这一|贵司的?|贵公司的?|你们的?|您们的?|贵团队的?)\s*"
        r"(?:职位|岗位|工作|实习)"
    ),
)


# R2: strong praise, and milder praise that adds up. "很" is not counted as an intensifier:
# Chinese puts it before almost every adjective.
FLATTERY_STRONG_RE = re.compile(
    r"久仰大名|如雷贯耳|(?:业界|行业)传奇|传奇人物|是(?:一个|一位)?传奇|非常崇拜|崇拜(?:您|你)"
    r"|超级崇拜|我的偶像|偶像|大神|大佬|泰斗|天才|无人能及|无人能比|最厉害的|膜拜|封神"
    r"|(?:业界|行业)翘楚|巨擘|铁粉|头号粉丝|(?:您|你)的粉丝"
)


FLATTERY_MILD_RE = re.compile(
    r"(非常|十分|特别|极其|真的|无比|太|由衷地?|深深地?|超级)?"
    r"(佩服|敬佩|钦佩|仰慕|欣赏|厉害|优秀|出色|卓越|了不起|令人印象深刻|印象深刻|深受启发"
    r"|受益匪浅|敬仰|榜样)"
)


# R1: more about you than about them (我 against 您 and 你; 我们 is both of you).
FIRST_PERSON_RE = re.compile(r"我(?!们)")
SECOND_PERSON_RE = re.compile(r"[您你]")


# R6: asking to be introduced; R7: a follow-up naming the first message.
INTRO_ASK_RE = re.compile(r"介绍|引荐|转发|转给|转交|牵线|帮我联系|帮我们联系|搭个桥|推荐给")


FOLLOW_UP_REF_RE = re.compile(
    r"跟进|上周|之前(?:给您|给你)?(?:发|写)|上次(?:给您|给你)?(?:发|写)|再次(?:联系|打扰|写信)"
    r"|前几天|此前|前些天|之前的(?:邮件|消息|留言)|上一封"
)
