"""Chinese drafts through step 3's request checker (R1, R2, R3, R4): real sentences as Chinese
students write them to professionals (您, 经…介绍, 请问您是否方便…), those that must be flagged
and those that must not; length in characters; no spell check, said once."""

from __future__ import annotations

import pytest

from infoint.records import Contact, Objective, Profile
from infoint.request_check import check_request
from infoint.request_length import length_limits, measure

PROFILE = Profile(name="李明")
OBJECTIVE = Objective(field_of_interest="数据分析", roles=["数据分析师"], goals=["日常工作内容"])
GREETING = "王老师,您好!\n\n"
INTRO = "我是北京大学经济学院大三的学生李明。"
LINK = "经张伟学长介绍,得知您在字节跳动负责数据分析工作。"
LEARN = "我想了解数据分析师的日常工作和需要的技能。"
ASK = "请问您下周是否方便通个20分钟的电话或视频?"
FLEX = "时间以您方便为准。"
SIGN = "\n\n谢谢您!\n李明"

GOOD = f"{GREETING}{INTRO}{LINK}{LEARN}{ASK}{FLEX}{SIGN}"


def check(text, **kwargs):
    kwargs.setdefault("profile", PROFILE)
    kwargs.setdefault("objective", OBJECTIVE)
    kwargs.setdefault("language", "zh")
    return check_request(text, **kwargs)


def draft(*, intro=INTRO, link=LINK, learn=LEARN, ask=ASK, flex=FLEX, extra=""):
    return GREETING + "".join((intro, link, learn, extra, ask, flex)) + SIGN


def messages(findings, rule, start=""):
    return [f for f in findings if f.rule == rule and f.message.startswith(start)]


def test_a_good_chinese_request_has_no_warnings():
    for language in ("zh", None):
        found = check(GOOD, language=language)
        assert [f for f in found if f.severity in ("error", "warning")] == []
    # other greetings, and full-width punctuation as a Chinese keyboard types it
    for greeting in ("尊敬的王经理:\n", "王老师好!", "李总,您好!", "您好!"):
        text = GOOD.replace(GREETING, greeting)
        assert [f for f in check(text) if f.severity in ("error", "warning")] == [], greeting
    wide = GOOD.replace(",", "，").replace("!", "！").replace("?", "？")
    assert [f for f in check(wide) if f.severity in ("error", "warning")] == []


# ----------------------------------------------------------------- R1 the link first

CONNECTED = [
    "经张伟学长介绍,得知您在字节跳动工作。",
    "我在学校的职业分享会上看到您的演讲。",
    "通过校友会认识了您的同事刘老师。",
    "刘老师推荐我联系您。",
    "我在领英上看到您的个人资料。",
    "我读了您在知乎上关于数据分析的文章。",
    "我们在上个月的行业峰会上见过一面。",
    "我是您的北大校友,目前在读大三。",
    "我的导师陈教授向我推荐了您。",
    "经过李老师的介绍,我了解到您的工作。",
    "您的同事赵磊是我的学姐,她给了我您的联系方式。",
    "我听了您在播客里的分享,受益良多。",
    "我们有一位共同的朋友,孙悦。",
    "我在贵公司的官网上看到了您的简介。",
    "拜读了您去年发表的行业报告。",
    "我是您在清华时的师弟,同一个实验室。",
    "在学院的校友活动上听到了您的故事。",
    "通过脉脉找到了您,冒昧来信。",
    "我的同学在您团队实习过,她推荐我联系您。",
    "上次在招聘宣讲会上,您的分享让我印象很深。",
    "我关注了您的公众号,看到您的文章。",
]

NOT_CONNECTED = [
    "冒昧打扰,希望您一切都好。",
    "我对数据行业很感兴趣。",
    "我是一名大三学生,正在考虑未来方向。",
    "我有几个问题想请教。",
    "最近我一直在思考职业规划。",
    "不好意思突然给您写信。",
    "我学的是经济学专业。",
    "我很想进入互联网行业。",
    "希望这封邮件没有打扰到您。",
    "我对您的行业充满好奇。",
]


@pytest.mark.parametrize("sentence", CONNECTED)
def test_the_link_between_you_is_found(sentence):
    found = check(draft(intro="", link=sentence))
    assert messages(found, "R1", "The opening doesn't say") == []


@pytest.mark.parametrize("sentence", NOT_CONNECTED)
def test_an_opening_without_a_link_is_flagged(sentence):
    found = check(draft(intro=sentence, link=""))
    assert len(messages(found, "R1", "The opening doesn't say")) == 1


# ----------------------------------------------------------------- R1 a clear question

ASKS = [
    "请问您下周是否方便通个20分钟的电话?",
    "不知您是否有时间和我视频聊20分钟?",
    "能否占用您20分钟时间,电话请教几个问题?",
    "可以约您下周三通个半小时的电话吗?",
    "请问您最近有没有时间,我们线上聊20分钟?",
    "您方便的话,能不能给我20分钟的时间?",
    "不知您下周是否方便,和我通话20分钟。",  # a polite ask without a question mark
    "冒昧问一下,您这周有空吗?",
    "能否请您抽出半小时,和我视频交流一下?",
    "可不可以请您喝杯咖啡,聊20分钟?",
    "您愿意和我通个电话吗?",
    "请问能否在您方便的时候约一个20分钟的电话?",
    "您看下周二或周四可以吗?",
    "方便的话,我们能用腾讯会议聊20分钟吗?",
    "是否可以请您花20分钟,给我讲讲您的工作?",
    "请问您月底前是否有空,电话交流一下?",
    "可否约一个半小时的线上交流?",
    "能不能麻烦您抽20分钟跟我聊聊?",
    "请问您方便接受一个20分钟的电话访谈吗?",
    "不知能否向您请教20分钟?",
]

NOT_ASKS = [
    "希望能和您交流。",
    "期待您的回复。",
    "您最近好吗?",
    "我想向您学习。",
    "谢谢您看完这封邮件。",
    "如果有机会,想和您聊聊。",
    "盼复。",
    "您觉得这个行业怎么样?",
    "我会准备好问题。",
    "很想听听您的经验。",
]


@pytest.mark.parametrize("question", ASKS)
def test_a_clear_question_is_found(question):
    assert messages(check(draft(ask=question)), "R1", "There is no clear question") == []


@pytest.mark.parametrize("sentence", NOT_ASKS)
def test_no_question_asking_for_time_is_flagged(sentence):
    found = check(draft(ask=sentence))
    assert len(messages(found, "R1", "There is no clear question")) == 1


# ----------------------------------------------------------------- R1 length, in characters

SENTENCES = [
    "我是北京大学经济学院大三的学生李明。",
    "经张伟学长介绍,得知您在字节跳动负责数据分析工作。",
    "我想了解数据分析师的日常工作和需要的技能。",
    "这学期我在课上做了一个关于用户留存的项目。",
    "做项目的时候,我发现自己很喜欢和数据打交道。",
    "但我还不太清楚,真正的工作和课堂上的练习有什么不同。",
    "比如,您平时花多少时间写代码,多少时间和业务部门沟通?",
    "另外,我也很好奇新人通常需要多久才能独立负责一个项目。",
    "我学过一些Python和SQL,也在自学统计。",
    "如果您有推荐的书或者课程,我也非常想知道。",
    "请问您下周是否方便通个20分钟的电话或视频?",
    "时间以您方便为准,我都可以配合。",
    "如果您更喜欢文字交流,我也可以先把问题发给您。",
    "我知道您工作很忙,所以会尽量简短。",
    "非常感谢您抽空读这封邮件。",
    "无论您是否有时间,都祝您工作顺利。",
    "我的微信和手机号都附在下面。",
    "期待您的回复。",
    "再次感谢!",
    "此致敬礼。",
]


def test_length_counts_chinese_characters_and_latin_words():
    assert measure("我学过一些Python和SQL。", "zh") == 6 + 2 * 2
    assert measure("我是学生", "zh") == 4
    assert measure("Hola, soy estudiante: 我是学生", "es") == 3 + 2
    assert length_limits("request_direct", "zh") == (200, 150)
    assert length_limits("request_intro", "zh") == (350, 300)


@pytest.mark.parametrize("count", range(1, len(SENTENCES) + 1))
def test_length_is_counted_in_characters_with_chinese_limits(count):
    text = "".join(SENTENCES[:count])
    size = measure(text, "zh")
    found = [f for f in check(text) if f.rule == "R1" and "characters" in f.subject]
    expected = "warning" if size > 200 else "info" if size > 150 else None
    assert [f.severity for f in found] == ([expected] if expected else [])
    if expected == "warning":
        assert "200 characters" in found[0].message
    # never counted in words: a Chinese text has almost no spaces
    assert not any(f.rule == "R1" and "words" in f.subject for f in check(text))


# ----------------------------------------------------------------- R2 no job ask

JOB_ASKS = [
    "请问贵公司有没有职位空缺?",
    "不知道您能不能帮我内推一下?",
    "想请您帮我推荐工作。",
    "我可以把简历发给您吗?",
    "附件是我的简历,请您过目。",
    "我现在正在求职,希望能找到数据分析的工作。",
    "请问你们团队还在招人吗?",
    "我想投简历到您的部门。",
    "请问是否有实习机会?",
    "如果有合适的岗位,希望您能考虑一下我。",
    "您能推荐我去贵公司实习吗?",
    "希望能获得一个实习机会。",
    "请问您能帮我安排一次面试吗?",
    "我目前在找工作,想问问有没有机会。",
    "能否请您把我的简历转给HR?",
    "请问明年还招实习生吗?",
    "想问下现在有没有HC?",
    "能不能给我一个面试的机会?",
    "您们部门缺人吗?",
    "希望贵公司能录用我。",
    "我想发一份简历给您看看。",
]

HIRING_QUESTIONS = [
    "您当初是怎么进入这个行业的?",
    "贵公司的招聘流程一般是怎样的?",
    "新人一般是怎么找到第一份工作的?",
    "面试数据分析岗位时,最看重什么能力?",
    "您是怎么拿到第一份offer的?",
    "简历上应该突出哪些经历?",
    "您觉得应届生求职最常犯的错误是什么?",
    "这个岗位的日常工作主要包括哪些?",
    "您刚入职时,是怎么适应工作节奏的?",
    "您会给想进入这个行业的学生什么建议?",
    "数据分析师和数据科学家的区别是什么?",
    "您团队里的新人通常是什么背景?",
    "实习经历对找工作有多大帮助?",
    "您是怎么从咨询转到互联网行业的?",
    "哪些技能是工作之后才学会的?",
    "您平时和业务团队是怎么合作的?",
    "这个行业未来几年的发展方向是什么?",
    "您当初为什么选择了这家公司?",
    "您有没有推荐我再去请教的人?",
    "工作中最有成就感的时刻是什么?",
]


@pytest.mark.parametrize("sentence", JOB_ASKS)
def test_a_job_ask_is_an_error(sentence):
    found = check(draft(extra=sentence))
    assert [f.severity for f in found if f.rule == "R2"] == ["error"], sentence


@pytest.mark.parametrize("sentence", HIRING_QUESTIONS)
def test_learning_how_people_get_hired_is_fine(sentence):
    assert [f for f in check(draft(extra=sentence)) if f.rule == "R2"] == []


# ----------------------------------------------------------------- R2 no flattery

FLATTERY = [
    "久仰大名,今天终于鼓起勇气给您写信。",
    "您是业界传奇,我一直以您为目标。",
    "我非常崇拜您。",
    "您的名字在我们学校如雷贯耳。",
    "您是我的偶像。",
    "您是数据圈的大神。",
    "您绝对是行业里最厉害的人。",
    "您是我见过的天才。",
    "您的成就无人能及。",
    "作为您的铁粉,我看过您所有的文章。",
    "您是这个领域的泰斗。",
    "我特别佩服您,也非常欣赏您的为人。",
    "您真的太优秀了,特别了不起。",
    "您的经历令人印象深刻,我由衷地敬佩。",
    "我一直很仰慕您,您是我的榜样,非常钦佩您。",
    "您是业界翘楚。",
    "我超级崇拜您的。",
    "您是传奇人物。",
    "您太厉害了,真的非常出色。",
    "我是您的头号粉丝。",
]

COMPLIMENTS = [
    "您那篇关于用户留存的文章对我的项目很有帮助。",
    "您在分享会上讲的A/B测试案例让我学到很多。",
    "我很喜欢您对数据可视化的看法。",
    "您关于指标体系的讲解非常清楚。",
    "读了您的文章,我第一次理解了漏斗分析。",
    "您的演讲让我深受启发。",  # one plain compliment is fine
    "您在播客里提到的学习方法,我已经开始尝试了。",
    "谢谢您在公众号上分享这么多实用的经验。",
    "您的报告里那张留存曲线图我印象很深。",
    "您从咨询转到互联网的经历很有参考价值。",
    "您写的SQL入门系列我们班很多同学都在看。",
    "您对新人的建议很实在。",
    "我觉得您讲的案例很贴近实际工作。",
    "您的团队最近发布的报告内容很扎实。",
    "您的回答让我对这个行业有了新的认识。",
    "您讲的数据清洗经验正是我需要的。",
    "我注意到您经常在知乎上回答学生的问题。",
    "您提出的分析框架我在课程项目里用上了。",
    "您的分享让我下定决心好好学统计。",
    "您那次讲座的内容非常有条理。",
]


@pytest.mark.parametrize("sentence", FLATTERY)
def test_strong_or_piled_up_praise_is_flagged(sentence):
    found = check(draft(extra=sentence))
    assert [f.severity for f in found if f.rule == "R2"] == ["warning"], sentence


@pytest.mark.parametrize("sentence", COMPLIMENTS)
def test_one_specific_compliment_is_fine(sentence):
    assert [f for f in check(draft(extra=sentence)) if f.rule == "R2"] == []


# ----------------------------------------------------------------- R3 no spell check, said once


@pytest.mark.parametrize("sentence", SENTENCES + ["我学过一些Pyhton和SQL。"])
def test_no_spell_check_runs_on_chinese_and_it_says_so_once(sentence):
    found = [f for f in check(draft(extra=sentence)) if f.rule == "R3"]
    assert [(f.severity, f.message) for f in found] == [
        ("info", "No spell check runs on Chinese text: read it once aloud before sending.")
    ]


def test_other_rules_in_chinese():
    meal = check(draft(extra="如果您方便,我想请您吃饭。"))
    assert [f.severity for f in meal if f.rule == "R4" and "a lot" in f.message] == ["warning"]
    hour = check(draft(ask="请问您是否方便通一个小时的电话?"))
    assert any(f.rule == "R4" and "a lot" in f.message for f in hour)
    assert not any(
        "a lot" in f.message for f in check(draft(ask=ASK.replace("20分钟", "半个小时")))
    )
    vague = check(draft(ask="请问您下周是否方便通个电话?"))
    assert any(f.rule == "R4" and "how much of their time" in f.message for f in vague)
    no_mode = check(draft(ask="请问您下周是否方便给我20分钟?"))
    assert any(f.rule == "R4" and "phone or video" in f.message for f in no_mode)
    rigid = check(draft(flex=""))
    assert any(f.rule == "R4" and "flexible" in f.message for f in rigid)
    far = Contact(first_name="伟", last_name="王", local=False)
    assert any(f.rule == "T6" for f in check(draft(extra="也可以当面聊。"), contact=far))
    wechat = check(draft(ask="请问您下周是否方便微信视频20分钟?"))
    assert not any(f.rule == "T6" for f in wechat)  # WeChat is how professionals talk in China


def test_about_me_counts_chinese_pronouns():
    selfish = "我觉得我很适合这个行业,我的专业是经济学,我的成绩也不错,我自己做过项目,我很努力。"
    found = [f for f in check(draft(extra=selfish)) if f.message.startswith("This is mostly")]
    assert len(found) == 1
    assert "'我'" in found[0].message
    assert not any(f.message.startswith("This is mostly") for f in check(GOOD))


def test_the_objective_words_are_found_in_chinese_and_generic_words_do_not_count():
    assert not any(f.message.startswith("It doesn't say what you want") for f in check(GOOD))
    other = draft(learn="我想了解产品经理的日常工作。", link="")
    assert any(f.message.startswith("It doesn't say what you want") for f in check(other))
    # an objective of generic words only ("了解日常工作内容") leaves the learning words to decide
    only_generic = Objective(goals=["了解日常工作内容"])
    found = check(draft(learn="我想了解您的日常工作。"), objective=only_generic)
    assert not any(f.message.startswith("It doesn't say what you want") for f in found)
    empty = check(draft(learn="想向您请教几个问题。"), objective=Objective())
    assert not any(f.message.startswith("It doesn't say what you want") for f in empty)
