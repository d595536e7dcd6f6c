"""The thank-you checker's Chinese vocabularies (S2, S3, S4), the counterparts of
``thanks_words``: a thank-you, a gift, the status of a suggestion, "我们见了面", "收获很大",
an outcome, progress and an ask, as students write them in simplified Chinese.

Chinese has no spaces between words and no endings, so nothing is stemmed: the patterns are
substrings (over folded text, where full-width punctuation is plain), and what a note names
is found by removing the phrases any thank-you has (``GENERIC``) and comparing what is left,
two characters at a time, with the debrief's words (``thanks_check``).
"""

from __future__ import annotations

import re

# Phrases any Chinese thank-you has (longest first when removed): what is left is what the
# note actually names (S2). Single characters are function words.
GENERIC = tuple(
    sorted(
        """
百忙之中 抽出时间 抽空 宝贵的时间 宝贵时间 宝贵 时间 非常感谢 十分感谢 特别感谢 衷心感谢
真心感谢 感谢 谢谢 多谢 致谢 感激 谢意 您好 你好 老师 先生 女士 学长 学姐 前辈 顺祝 商祺
此致 敬礼 祝好 祝您 一切顺利 工作顺利 期待 希望 保持联系 再次 交流 谈话 聊天 沟通 分享
见面 会面 通话 电话 视频 帮助 建议 指导 指点 收获 受益匪浅 受益良多 获益良多 受益 启发
经验 经历 工作 行业 公司 职业 领域 岗位 职位 机会 耐心 热情 愉快 开心 荣幸 学到 很多 不少
东西 知识 内容 问题 一些 有用 有关 关于 非常 十分 特别 真的 真心 衷心 很大 很有 很好 很棒
帮忙 解答 介绍 讲解 抽出 聊聊 聊天 聊了 聊 昨天 今天 明天 上周 本周 这周 下周 最近 那天
这次 那次 上次 我们 您的 你的 我的 他的 她的 让我 给我 对我 使我 这么 那么 如此 这样 那样
觉得 感觉 认为 知道 了解 明白 以后 之后 将来 未来 继续 还有 以及 而且 并且 因为 所以 但是
不过 可以 能够 已经 一定 一直 真是 实在 无论 如何 专门 特意 愿意 详细 认真 仔细 具体 清楚
深入 更加 更多 一下 一点 有些 许多 大量 您 你 我 他 她 它 的 了 和 与 跟 在 是 也 都 就
很 太 吗 呢 吧 啊 呀 哦 嗯 把 被 让 给 对 从 为 着 过 得 地 又 再 还 及 或 而 并 但 这 那
会 能 要 想 去 来 些 么
""".split(),
        key=len,
        reverse=True,
    )
)


THANK_RE = re.compile(r"谢谢|感谢|多谢|谢过|致谢|感激|谢意|(?<![a-z])thank")


GIFT_RE = re.compile(
    "|".join(
        [
            r"礼物",
            r"礼品",
            r"礼券",
            r"礼卡",
            r"购物卡",
            r"购物券",
            r"代金券",
            r"(?:星巴克|京东|天猫|淘宝|亚马逊|瑞幸)\w{0,2}(?:卡|券)",
            r"电子贺卡",
            r"电子卡片",
            r"红包",
            r"鲜花",
            r"花束",
            r"一束花",
            r"一瓶\w{0,3}酒",
            r"小心意",
            r"一点心意",
            r"薄礼",
            r"伴手礼",
            r"(?<![a-z])e-?cards?(?![a-z])",
            r"(?<![a-z])gift\s*cards?(?![a-z])",
        ]
    )
)


STATUS_RE = re.compile(
    "|".join(
        [
            r"已经",
            r"我已",
            r"我会",
            r"我将",
            r"我打算",
            r"我准备",
            r"我计划",
            r"我正在",
            r"我开始",
            r"打算",
            r"准备",
            r"计划",
            r"这周",
            r"本周",
            r"下周",
            r"这个月",
            r"下个月",
            r"周末",
            r"明天",
            r"今天",
            r"马上",
            r"尽快",
            r"近期",
            r"接下来",
            r"开始(?:了|学|读|看|做|准备)",
            r"(?:报名|注册|联系|读|看|下载|买|加入|关注|订阅|预约|试|完成|申请|参加|投)了",
            r"发了(?:邮件|消息|信)",
        ]
    )
)


MET_RE = re.compile(
    "|".join(
        [
            r"见面",
            r"见了面",
            r"见到了",
            r"会面",
            r"碰面",
            r"聊了",
            r"聊过",
            r"谈了",
            r"谈过",
            r"交流了",
            r"交流过",
            r"通了电话",
            r"通话",
            r"视频(?:通话|聊)",
            r"喝了咖啡",
            r"喝咖啡",
            r"(?:我们|这次|那次|上次)的?(?:交流|谈话|会面|通话|聊天)",
            r"(?:和|与|跟)\w{1,6}(?:聊|交流|通话|谈)",
            r"(?<![a-z])we\s+met(?![a-z])",
        ]
    )
)


WENT_WELL_RE = re.compile(
    r"帮助|收获|受益|获益|启发|愉快|顺利|有用|价值|开心|很好|很棒|满意|值得|有意思|有趣|难忘|"
    r"开阔|眼界|受用|宝贵"
)


OUTCOME_RE = re.compile(
    "|".join(
        [
            r"因此",
            r"所以",
            r"于是",
            r"从那以后",
            r"之后我",
            r"后来我",
            r"(?:在|按照|听了|根据|按)\w{0,6}建议",
            r"(?:他|她|他们|您)(?:建议|推荐|介绍|提到|分享|讲了|解释|鼓励|告诉|提醒)",
            r"我(?:已经|现在|打算|准备|决定|计划|开始|报名|联系|读了|学到|了解到|意识到|明白了"
            r"|发现|会|将)",
            r"下一步",
            r"接下来",
        ]
    )
)


PROGRESS_RE = re.compile(
    "|".join(
        [
            r"(?:完成|开始|加入|参加|报名|拿到|通过|发表|上线|获得|入职|找到|考取|学完|读完|做完|发布"
            r"|提交|申请)了",
            r"已经(?:完成|开始|拿到|通过|上线|发布|加入|参加|报名|入职)",
            r"新(?:工作|职位|课程|项目|证书|岗位)",
            r"我(?:正在|目前在|现在在|最近在)",
            r"实习",
        ]
    )
)


ASK_RE = re.compile(
    r"能否|能不能|可不可以|可以\w{0,12}吗|是否(?:方便|可以|能)|麻烦您|请您(?:帮|发|介绍|看|推荐|转)"
    r"|您(?:知道|认识|有没有)|您能|请问"
)


SENTENCE_RE = re.compile(r"(?<=[.!?。;])\s*|\n+")


# Chinese characters (one script range is enough for folded simplified Chinese).
CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CJK_RUN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
