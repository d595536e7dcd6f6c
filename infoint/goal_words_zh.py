"""Step 1, O2 in Chinese: what makes a learning goal vague, concrete or a job ask in disguise,
as students write goals in simplified Chinese. The counterparts of ``goals``' English lists.

Chinese has no spaces and no endings: the patterns are substrings of the folded text.
"""

from __future__ import annotations

import re

from .text import fold

VAGUE_RE = re.compile(
    "|".join(
        [
            r"了解一下",
            r"了解了解",
            r"了解更多",
            r"多了解",
            r"多学习",
            r"学习一些东西",
            r"学点东西",
            r"东西",
            r"一些事情",
            r"事情",
            r"情况",
            r"大概",
            r"总体",
            r"整体",
            r"一般性",
            r"随便聊",
            r"聊聊",
            r"建议",
            r"意见",
            r"指点",
            r"人脉",
            r"认识一下",
            r"所有",
            r"任何",
            r"什么都",
            r"机会",
            r"选择",
            r"等等",
            r"干货",
            r"怎么样",
            r"相关信息",
            r"信息",
        ]
    )
)


TOPIC_RE = re.compile(
    "|".join(
        [
            r"技能",
            r"能力",
            r"知识",
            r"工具",
            r"软件",
            r"技术",
            r"编程",
            r"语言",
            r"方法",
            r"技巧",
            r"文化",
            r"价值观",
            r"团队",
            r"同事",
            r"管理",
            r"领导",
            r"氛围",
            r"环境",
            r"导师",
            r"带教",
            r"招聘",
            r"录用",
            r"面试",
            r"笔试",
            r"资格",
            r"证书",
            r"执照",
            r"学历",
            r"学位",
            r"培训",
            r"课程",
            r"经验",
            r"背景",
            r"作品集",
            r"简历",
            r"实习",
            r"校招",
            r"应届",
            r"入门",
            r"门槛",
            r"要求",
            r"准备",
            r"脱颖而出",
            r"日常",
            r"(?:做|干)(?:什么|哪些)",
            r"一天",
            r"每天",
            r"每周",
            r"职责",
            r"工作内容",
            r"任务",
            r"项目",
            r"工作量",
            r"工作时间",
            r"加班",
            r"作息",
            r"出差",
            r"远程",
            r"客户",
            r"会议",
            r"倒班",
            r"职业发展",
            r"发展路径",
            r"晋升",
            r"升职",
            r"成长",
            r"路径",
            r"转行",
            r"转型",
            r"入行",
            r"(?:怎么|如何|怎样)(?:进入|走上|开始|找到|拿到|获得|入行)",
            r"起步",
            r"下一步",
            r"适合",
            r"匹配",
            r"优势",
            r"劣势",
            r"短板",
            r"薪资",
            r"薪水",
            r"工资",
            r"待遇",
            r"福利",
            r"收入",
            r"平衡",
            r"压力",
            r"稳定",
            r"趋势",
            r"前景",
            r"未来",
            r"变化",
            r"挑战",
            r"困难",
            r"难点",
            r"最难",
            r"成就感",
            r"最喜欢",
            r"最不喜欢",
            r"意外",
            r"后悔",
            r"教训",
            r"错误",
            r"协会",
            r"期刊",
            r"法规",
            r"政策",
            r"竞争",
            r"需求",
            r"还可以(?:找|联系)谁",
            r"组织架构",
            r"部门",
            r"产品",
            r"业务",
            r"战略",
            r"细分",
            r"方向",
            r"人工智能",
            r"(?<![a-z])ai(?![a-z])",
        ]
    )
)


# Learning how others got in is fine ("应届生一般怎么找工作").
HOW_OTHERS_RE = re.compile(
    r"(?:别人|其他人|大家|他们|她们|您|应届生|毕业生|新人|同学|一般人|通常|一般|当初)\w{0,4}(?:是)?"
    r"(?:怎么|如何|怎样)"
)


JOB_ASK_RES = (
    re.compile(r"内推"),
    re.compile(r"帮我(?:推荐|介绍|找)|推荐我(?:去|到|进)?"),
    re.compile(r"(?:投|递|发|给\w{0,3}看)(?:一?下|一份)?(?:我的)?简历"),
    re.compile(r"(?:录用|雇用|聘用|招)我"),
    re.compile(r"职位空缺|岗位空缺|空缺|(?:是否|有没有|有无)(?:在)?招(?:人|聘)?|招人吗"),
    re.compile(r"(?:工作|实习|面试)机会"),
    re.compile(r"要一个(?:职位|岗位|工作|offer)"),
)


# Getting a job for yourself: an ask unless the goal is about how others got theirs.
JOB_FOR_ME_RE = re.compile(
    r"找(?:一份|份|一个|个)?[^,.;!?。]{0,20}?(?:工作|实习|internship|job)|求职|拿到?[^,.;!?。]{0,8}?(?:offer|录用)"
    r"|进(?:他们|她们|您)的?公司"
)


CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CJK_RUN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


# Words that frame a goal or fill any note (``goals.goal_words``), in Chinese: removed as
# phrases before the text is cut into two-character pieces.
FRAMING = tuple(
    sorted(
        """
了解 学习 知道 想要 希望 工作 行业 公司 职业 岗位 职位 领域 哪些 什么 怎么 如何 怎样 是否
一下 一些 情况 我们 您的 他们 她们 这个 那个 的 了 是 我 您 你 他 她 在 和 与 对 有 会 能 想
""".split(),
        key=len,
        reverse=True,
    )
)


def pieces(text: str) -> list[str]:
    """The two-character pieces of a text's Chinese, framing phrases taken out (no stemming:
    "数据分析的日常" -> 数据, 据分, 分析, 日常)."""
    folded = fold(text[:50_000])
    for phrase in FRAMING:
        folded = folded.replace(phrase, " ")
    runs = CJK_RUN_RE.findall(folded)
    return list(dict.fromkeys(run[i : i + 2] for run in runs for i in range(len(run) - 1)))
