"""O2 on learning goals written in Spanish and Chinese (issue 16): concrete goals pass, vague
ones and job asks in disguise are flagged, with the reason in the participant's language."""

from __future__ import annotations

import pytest

from infoint import i18n
from infoint.goals import check_goal, check_goals

JOB = "This sounds like asking for a job"
VAGUE = "Too vague"


def messages(goal, language=None):
    return [f.message for f in check_goal(goal, language)]


SPANISH_CONCRETE = [
    "Qué habilidades usa cada semana una analista de datos junior",
    "Cómo es un día normal de una enfermera en turnos de noche",
    "Qué herramientas de diseño usa el equipo de producto",
    "Cómo consiguió su primer trabajo en el sector energético",
    "Qué experiencia cuenta más en el proceso de selección de una consultora",
    "Qué certificaciones necesita un contador en sus primeros dos años",
    "Cómo ha cambiado la auditoría con la inteligencia artificial",
    "Cuáles son los mayores retos de trabajar en una ONG pequeña",
    "Si mi perfil de biología encaja en la industria farmacéutica",
    "Qué rango de sueldo y qué horarios esperar como abogado recién egresado",
    "Cómo es la cultura de equipo en un estudio de videojuegos",
    "Qué asociaciones profesionales recomienda para urbanistas",
    "Qué tareas y responsabilidades tiene un coordinador de logística",
    "Cómo llegó a dirigir un laboratorio después de las prácticas",
    "Qué cursos o maestrías valen la pena para entrar en finanzas sostenibles",
    "Cómo se prepara la entrevista técnica para un puesto de ingeniería",
    "Con quién más podría hablar sobre farmacia hospitalaria",
    "Qué tendencias ve en el futuro del periodismo de datos",
    "Cómo es el equilibrio entre vida personal y trabajo en un bufete",
    "Qué lo que más le gusta y lo que menos de trabajar en hostelería",
]


@pytest.mark.parametrize("goal", SPANISH_CONCRETE)
def test_concrete_spanish_goal_passes(goal):
    assert check_goal(goal, "es") == []
    assert check_goal(goal) == []  # the language guessed from the goal itself


SPANISH_VAGUE = [
    "Aprender más",
    "Saber cosas sobre el sector",
    "Aprender más sobre la industria",
    "Conocer más sobre la empresa",
    "Información general sobre el trabajo",
    "Hacer contactos en la empresa",
    "Pedirle consejos",
    "Cosas en general",
    "Todo lo que pueda contarme",
    "Saber más de su área",
    "Networking",
]


@pytest.mark.parametrize("goal", SPANISH_VAGUE)
def test_vague_spanish_goal_is_flagged(goal):
    found = messages(goal, "es")
    assert found and found[0].startswith(VAGUE)


SPANISH_JOB_ASKS = [
    "Conseguir trabajo en su empresa",
    "Que me contraten para el verano",
    "Preguntar si tienen vacantes en marketing",
    "Enviarle mi CV para el puesto de analista",
    "Que me recomiende para un puesto en recursos humanos",
    "Saber si están contratando",
    "Busco trabajo de ingeniera",
    "Encontrar unas prácticas en su departamento",
    "Pedirle una entrevista de trabajo",
]


@pytest.mark.parametrize("goal", SPANISH_JOB_ASKS)
def test_spanish_job_ask_is_flagged(goal):
    found = messages(goal, "es")
    assert found and found[0].startswith(JOB)


@pytest.mark.parametrize(
    "goal",
    [
        "Cómo consiguieron trabajo otros egresados de mi carrera",
        "Cómo suele ser el proceso de contratación en su empresa",
    ],
)
def test_spanish_how_others_got_hired_is_not_an_ask(goal):
    assert not any(m.startswith(JOB) for m in messages(goal, "es"))


CHINESE_CONCRETE = [
    "初级数据分析师每周会用到哪些技能",
    "护士夜班的一天是什么样的",
    "产品团队平时用哪些设计工具",
    "您当初是怎么进入新能源行业的",
    "咨询公司招聘时最看重哪些经历",
    "会计入职头两年需要考哪些证书",
    "人工智能给审计工作带来了哪些变化",
    "在小型公益组织工作最大的挑战是什么",
    "我的生物学背景是否适合进入制药行业",
    "应届律师的薪资和工作时间大概是怎样的",
    "游戏工作室的团队文化怎么样",
    "城市规划师应该加入哪些专业协会",
    "物流协调员的日常职责有哪些",
    "从实习到带领实验室，您的职业发展路径是怎样的",
    "想进入绿色金融，哪些课程或硕士项目值得读",
    "工程岗位的技术面试应该怎么准备",
    "关于医院药剂科，我还可以找谁聊聊",
    "数据新闻行业未来有哪些趋势",
    "律所的工作与生活平衡做得怎么样",
    "在酒店业工作您最喜欢和最不喜欢的是什么",
]


@pytest.mark.parametrize("goal", CHINESE_CONCRETE)
def test_concrete_chinese_goal_passes(goal):
    assert check_goal(goal, "zh") == []
    assert check_goal(goal) == []


CHINESE_VAGUE = [
    "了解一下",
    "了解一下这个行业",
    "学习一些东西",
    "多了解公司的情况",
    "随便聊聊",
    "听听您的建议",
    "拓展人脉",
    "了解更多信息",
    "什么都想知道",
    "行业",
    "学点东西",
]


@pytest.mark.parametrize("goal", CHINESE_VAGUE)
def test_vague_chinese_goal_is_flagged(goal):
    found = messages(goal, "zh")
    assert found and found[0].startswith(VAGUE)


CHINESE_JOB_ASKS = [
    "找工作",
    "请他帮我内推",
    "问问有没有职位空缺",
    "给她投一份简历",
    "希望他们能录用我",
    "帮我推荐一个岗位",
    "争取一个实习机会",
    "问问公司是否在招人",
    "拿到他们公司的offer",
]


@pytest.mark.parametrize("goal", CHINESE_JOB_ASKS)
def test_chinese_job_ask_is_flagged(goal):
    found = messages(goal, "zh")
    assert found and found[0].startswith(JOB)


@pytest.mark.parametrize(
    "goal", ["应届生一般是怎么找工作的", "您当初是如何拿到第一份offer的，面试准备了什么"]
)
def test_chinese_how_others_got_hired_is_not_an_ask(goal):
    assert not any(m.startswith(JOB) for m in messages(goal, "zh"))


def test_chinese_length_is_counted_in_characters():
    assert "5 characters" in messages("团队的技能", "zh")[0]
    assert check_goal("团队用的技能", "zh") == []


def test_mixed_goals_with_english_titles():
    assert check_goal("Qué habilidades necesita un UX designer junior", "es") == []
    assert check_goal("Cómo es el día a día de un product manager en una startup") == []
    assert check_goal("Product manager每天的工作内容是什么") == []
    assert messages("Conseguir un job en Google", "es")[0].startswith(JOB)
    assert messages("Pedir una job referral en su empresa", "es")[0].startswith(JOB)
    assert messages("找一份software engineer的工作", "zh")[0].startswith(JOB)
    assert messages("请他帮忙找internship", "zh")[0].startswith(JOB)


def test_goals_in_three_languages_at_once():
    goals = [
        "Which skills a junior data analyst uses every week",
        "Qué herramientas usa el equipo de diseño",
        "了解一下",
    ]
    found = check_goals(goals)
    assert [f.subject for f in found] == ["了解一下"]


def test_findings_speak_the_participants_language():
    with i18n.using("es"):
        assert messages("了解一下", "zh")[0].startswith("Demasiado vago:")
    with i18n.using("zh"):
        assert messages("Conseguir trabajo en su empresa", "es")[0].startswith("这听起来像是在求职")
        assert messages("learn more", "en")[0].startswith("过于笼统：")
    with i18n.using("es"):
        found = check_goals([])
    assert found[0].message.startswith("Escribe al menos una cosa")


@pytest.mark.parametrize(
    "goal, note, shared",
    [
        ("数据分析师每天用哪些工具", "她说数据分析师每天都用SQL和Excel这些工具", True),
        ("医院药剂科的轮班制度", "聊了医院药剂科夜班怎么排", True),
        ("数据分析师每天用哪些工具", "聊了城市规划的公众参与", False),
        ("Qué habilidades necesita una analista de datos", "Las habilidades de análisis", True),
        ("Qué habilidades necesita una analista de datos", "Hablamos de la empresa", False),
    ],
)
def test_goal_words_link_notes_in_spanish_and_chinese(goal, note, shared):
    from infoint.goals import goal_words

    assert bool(set(goal_words(goal)) & set(goal_words(note))) is shared
