"""S2-S4 on thank-you notes written in Chinese (issue 16): the Chinese word lists of
``thanks_words_zh``; what a note names is matched two characters at a time, without stemming.

Only the thank-you checker's own rules are looked at here (S2, S3, S4); spelling (none runs on
Chinese) and job asks come from step 3's checker and have their own tests.
"""

from __future__ import annotations

import pytest

from infoint import i18n
from infoint.thanks_check import check_thanks

NO_THANKS = "It doesn't actually say thank you."
GENERIC = "This reads like a note anyone could send"
NOT_HINTED = "It doesn't mention anything from your notes"
NO_SUGGESTION = "It doesn't mention what they suggested"
NO_STATUS = "It mentions their suggestion but not what you did"
GIFT = "Skip gifts"
NOT_MET = "It doesn't say that you met"
NO_OUTCOME = "It doesn't say what came of the meeting"
NO_NEWS = "It doesn't share any news"
LONG = "this is long for a"


def mine(text, **kwargs):
    kwargs.setdefault("language", "zh")
    return [f.message for f in check_thanks(text, **kwargs) if f.rule in ("S2", "S3", "S4")]


def has(messages, start):
    return any(start in m for m in messages)


SAYS_THANKS = [
    "王老师，谢谢您昨天抽时间和我交流。",
    "非常感谢您分享在投行工作的经历。",
    "多谢学姐耐心解答我的问题！",
    "感谢您百忙之中抽空见我。",
    "衷心感谢您对我职业规划的建议。",
    "谢谢你上周的视频通话，收获很大。",
    "再次感谢李经理的指点。",
    "张老师您好，特别感谢您的时间。",
    "谢过陈总，您讲的内容我都记下了。",
    "对您的帮助我非常感激。",
]


@pytest.mark.parametrize("text", SAYS_THANKS)
def test_chinese_thanks_is_recognised(text):
    assert not has(mine(text), NO_THANKS)


NO_THANK_YOU = [
    "王老师您好，昨天和您聊了数据分析岗位的日常工作。",
    "李经理，我们上周见了面，您讲的供应链内容很有启发。",
    "您好，我是上次在校友会上认识的小刘。",
    "我已经开始学习您推荐的SQL课程了。",
    "希望以后还有机会向您请教。",
    "祝您工作顺利，万事如意！",
    "这次交流让我对咨询行业有了新的认识。",
    "您提到的那本书我这周会读完。",
    "期待下次见面。",
    "昨天的会面很愉快。",
]


@pytest.mark.parametrize("text", NO_THANK_YOU)
def test_chinese_note_without_thanks_is_flagged(text):
    assert has(mine(text), NO_THANKS)


HINT = ["推荐先考CPA，再去四大做审计"]

SPECIFIC = [
    "谢谢您昨天的时间。您建议我先考CPA，我已经报了名。",
    "非常感谢您介绍四大审计的工作节奏，对我很有帮助。",
    "感谢您的分享，关于先考CPA再进四大的建议我会认真考虑。",
    "谢谢您讲了很多审计实习的细节。",
    "多谢您解释四大和内资所的区别。",
    "感谢您提醒我CPA要尽早准备。",
]


@pytest.mark.parametrize("text", SPECIFIC)
def test_chinese_note_naming_the_hint_is_specific(text):
    assert not has(mine(text, specific_hints=HINT), NOT_HINTED)


NOT_SPECIFIC = [
    "谢谢您抽出宝贵的时间和我交流，收获很大。",
    "非常感谢您的耐心指导，让我受益匪浅。",
    "感谢您的分享，希望以后保持联系。",
    "谢谢老师，今天的交流对我很有帮助。",
    "衷心感谢您的建议和帮助。",
    "谢谢您百忙之中抽空和我聊天，学到了很多东西。",
]


@pytest.mark.parametrize("text", NOT_SPECIFIC)
def test_chinese_note_missing_the_hint_is_flagged(text):
    assert has(mine(text, specific_hints=HINT), NOT_HINTED)


@pytest.mark.parametrize("text", NOT_SPECIFIC)
def test_chinese_generic_note_without_hints_is_flagged(text):
    assert has(mine(text), GENERIC)


@pytest.mark.parametrize(
    "text",
    [
        "谢谢您昨天和我聊数据分析岗位的日常工作，尤其是怎么和产品经理对接需求。",
        "感谢您介绍医院药剂科的轮班制度和药品管理流程。",
        "非常感谢您讲解城市规划院的项目流程，特别是公众参与那部分。",
    ],
)
def test_chinese_note_naming_something_is_not_generic(text):
    assert not has(mine(text), GENERIC)


def test_chinese_names_do_not_count_as_specific():
    found = mine("谢谢李伟老师，感谢李伟！", known_words=["李伟"])
    assert has(found, GENERIC)


SUGGESTION = ["读《精益创业》这本书"]


@pytest.mark.parametrize(
    "text",
    [
        "谢谢您的时间。您推荐的《精益创业》我已经买了，这周开始读。",
        "感谢您推荐《精益创业》，我打算下周读完。",
        "非常感谢！《精益创业》这本书我今天就去图书馆借。",
    ],
)
def test_chinese_suggestion_with_status_passes(text):
    found = mine(text, suggestion_hints=SUGGESTION)
    assert not has(found, NO_SUGGESTION) and not has(found, NO_STATUS)


def test_chinese_suggestion_without_status_is_flagged():
    found = mine("谢谢您向我推荐《精益创业》这本书。", suggestion_hints=SUGGESTION)
    assert has(found, NO_STATUS)


def test_chinese_suggestion_not_mentioned_is_flagged():
    found = mine("谢谢您的时间和建议。", suggestion_hints=SUGGESTION)
    assert has(found, NO_SUGGESTION)


@pytest.mark.parametrize(
    "text",
    [
        "谢谢您！给您寄了一点小心意，请收下。",
        "感谢您的帮助，随信附上一张星巴克礼品卡。",
        "我给您发了个红包表示感谢。",
        "送您一束鲜花，感谢您的指导。",
        "谢谢您，我准备了一份小礼物。",
    ],
)
def test_chinese_gifts_are_flagged(text):
    assert has(mine(text), GIFT)


@pytest.mark.parametrize(
    "text",
    [
        "谢谢您讲解审计底稿怎么写，对我帮助很大。",
        "感谢您送给我的建议：先把Excel学扎实。",
        "谢谢您给我介绍了张经理，我会尽快联系他。",
    ],
)
def test_chinese_notes_without_gifts_pass(text):
    assert not has(mine(text), GIFT)


INTRO_GOOD = (
    "王老师，非常感谢您把我介绍给刘经理。我们上周见了面，交流很愉快；"
    "我已经按照他的建议报名了物流管理课程。"
)


def test_chinese_intro_thanks_with_meeting_and_outcome_passes():
    assert mine(INTRO_GOOD, kind="intro_thanks") == []


def test_chinese_intro_thanks_without_meeting_is_flagged():
    found = mine("谢谢您把我介绍给刘经理。", kind="intro_thanks")
    assert has(found, NOT_MET) and has(found, NO_OUTCOME)


@pytest.mark.parametrize(
    "text",
    [
        "张老师您好，我完成了您推荐的Python数据分析课程。",
        "想告诉您，我已经拿到了一家咨询公司的实习。",
        "我正在和同学做一个校园二手交易的项目。",
        "我的作品集已经上线了，链接附在下面。",
    ],
)
def test_chinese_update_with_news_passes(text):
    assert not has(mine(text, kind="update"), NO_NEWS)


def test_chinese_update_without_news_is_flagged():
    assert has(mine("张老师您好，最近好吗？祝您一切顺利。", kind="update"), NO_NEWS)


def test_chinese_update_asking_is_an_info():
    found = check_thanks(
        "张老师，我完成了Python课程。请问您能帮我看看简历吗？", kind="update", language="zh"
    )
    assert any(f.rule == "S4" for f in found)


def test_chinese_length_is_counted_in_characters():
    note = "谢谢您介绍审计工作的日常。" + "好" * 280
    assert not has(mine(note), LONG)
    found = check_thanks(note + "好" * 30, language="zh")
    assert any("300 characters" in f.message for f in found)


def test_language_guessed_from_the_text():
    assert mine("感谢您介绍医院药剂科的轮班制度和药品管理流程。", language=None) == []


def test_findings_speak_the_participants_language():
    with i18n.using("zh"):
        found = check_thanks("你好", kind="thanks", language="zh")
    assert any(f.message == "信里其实没有说“谢谢”。" for f in found)
    with i18n.using("es"):
        found = check_thanks("你好", kind="thanks", language="zh")
    assert any(f.message == "En realidad no da las gracias." and "谢谢您" in f.fix for f in found)
