"""Issue 16 for steps 1 and 2: the pitch counted per language, the contact's language and time
zone, Spanish and Chinese headings on import, and the two pages in Spanish and Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from infoint import classification, i18n, imports
from infoint import targets as tg
from infoint.catalogs import check
from infoint.headings import suggest_mapping
from infoint.objectives import check_pitch, check_plan, pitch_stats, step_progress
from infoint.records import Contact, Objective, Plan, Profile
from infoint.tabular import ImportFailed, read_table
from infoint.ui.objectives import ObjectivesPage
from infoint.ui.targets import TargetsPage
from infoint.ui.upload import as_upload

ROOT = Path(__file__).resolve().parent.parent

# ------------------------------------------------------------------------------ the pitch (O4)
# Real pitches of about thirty seconds: none should be called too long or too short.
GOOD_ES = [
    "Hola, soy Lucía Fernández y estudio Psicología en la Universidad de Granada. Me interesa "
    "mucho la investigación de experiencia de usuario, sobre todo en aplicaciones de salud. "
    "Te escribo porque quiero entender cómo es el trabajo diario de un equipo como el tuyo.",
    "Soy Martín, estudiante de último año de Ingeniería Industrial en Monterrey. Llevo dos "
    "veranos trabajando en logística y quiero saber cómo se pasa de la operación a la "
    "planificación. Busco tu consejo, no un empleo, porque admiro tu trayectoria en el sector.",
    "Me llamo Ana Torres, terminé Periodismo y ahora hago un máster en Comunicación Digital. "
    "Me atrae el trabajo de contenido en organizaciones sin ánimo de lucro. Quería preguntarte "
    "cómo llegaste a tu puesto y qué habilidades valoras más en alguien que empieza.",
    "Hola, soy Diego Ramírez, estudio Economía en Buenos Aires y colaboro con un banco de "
    "alimentos. Me interesa el análisis de datos para políticas públicas. Te pido media hora "
    "para conocer cómo es tu día a día y qué me recomendarías aprender primero.",
    "Soy Carmen Ruiz, enfermera con cinco años en urgencias, y estoy pensando en pasar a la "
    "gestión sanitaria. Me gustaría entender qué hace realmente una coordinadora de calidad "
    "y si mi experiencia clínica cuenta. Por eso te escribo: valoro mucho tu opinión.",
    "Hola, me llamo Pablo Ortega y estudio Diseño Gráfico en Valencia. Me interesa el diseño "
    "de servicios en la administración pública. Quiero saber cómo trabajáis con los "
    "ciudadanos y qué tipo de portafolio se espera de alguien que empieza en este campo.",
    "Soy Valeria Gómez, estudio Biología en Bogotá y hago prácticas en un laboratorio de "
    "genética. Me interesa la divulgación científica en museos. Quería preguntarte cómo es tu "
    "trabajo en el museo y qué formación te ha servido más para llegar hasta allí.",
    "Hola, me llamo Javier Molina y estoy terminando Administración de Empresas en Sevilla. "
    "Me interesan las finanzas sostenibles y cómo los bancos evalúan el impacto ambiental. Te "
    "escribo porque tu equipo trabaja justo en eso y me encantaría aprender de tu experiencia.",
    "Soy Sofía Herrera, traductora autónoma desde hace tres años, y me planteo pasar a la "
    "localización de videojuegos. Me gustaría saber cómo se organiza un equipo de "
    "localización y qué pruebas suelen pedir. Por eso te pido unos minutos de conversación.",
    "Hola, soy Andrés Castillo, estudio Arquitectura en Santiago de Chile. Me interesa la "
    "vivienda social y la participación vecinal en los proyectos. Me gustaría entender cómo "
    "trabaja tu estudio con los municipios y qué aprendiste en tus primeros años de profesión.",
    "Me llamo Laura Navarro, soy licenciada en Química y trabajo en control de calidad. Me "
    "atrae la gestión de proyectos en la industria farmacéutica. Te escribo para conocer cómo "
    "fue tu cambio de laboratorio a gestión y qué me aconsejarías hacer este año.",
    "Soy Tomás Aguilar, estudiante de Ciencias Políticas en Ciudad de México, y colaboro con "
    "una ONG de derechos humanos. Me interesa el trabajo en organismos internacionales. "
    "Quisiera preguntarte cómo es tu día a día y qué experiencias valoran en quienes empiezan.",
]
# Real pitches in Chinese, from 70 to 150 characters: about fifteen to thirty seconds.
GOOD_ZH = [
    "您好，我叫李明，是复旦大学心理学专业的大三学生。我对用户体验研究很感兴趣，尤其是健康类应用"
    "的用户研究。我想向您请教这个岗位的日常工作是什么样的，以及刚入行的人最需要具备哪些能力。"
    "我不是来求职的，只是希望听听您的经验。",
    "我叫王芳，在北京读市场营销硕士，之前在一家快消公司实习过半年。我对品牌策略这条职业道路很"
    "好奇，想了解您是怎样从执行走到策略岗位的。希望能占用您二十分钟，听听您的建议和看法，谢谢您。",
    "您好，我是张伟，浙江大学计算机专业毕业，现在在一家创业公司做后端开发。我想转向数据分析方向，"
    "但不确定自己的经历是否合适。冒昧联系您，是想请您聊聊数据团队的日常工作和招聘时看重什么。",
    "我叫陈静，是一名有五年经验的小学英语老师，最近在考虑转行做教育产品。我很想了解教育科技公司"
    "里产品经理的真实工作，以及老师的背景能带来什么优势。所以想向您请教二十分钟，非常感谢。",
    "您好，我是刘洋，在广州读环境工程研究生。我对企业的可持续发展部门很感兴趣，想知道这类岗位每天"
    "具体做些什么，和工程背景的关系有多大。听说您在这方面很有经验，所以想向您请教一些问题。",
    "我叫赵磊，去年从武汉大学新闻系毕业，现在做自由撰稿人。我想了解非营利机构的传播工作，尤其是"
    "项目宣传和筹款文案。希望能听听您是怎么进入这个领域的，以及您觉得新人应该先积累哪些经验。",
    "您好，我叫孙悦，是中山大学社会学专业的研究生，一直在做城市社区方面的调研。我对政府和社会组织"
    "合作的项目很感兴趣，想了解您所在的机构是怎么开展这类工作的，以及新人一般从哪里做起。",
    "我是周杰，在深圳一家硬件公司做了三年测试工程师，最近想转到产品经理。我很想知道硬件产品经理"
    "平时怎样和研发、供应链打交道，以及您当初是怎么完成转型的。想请您抽二十分钟聊一聊。",
    "您好，我叫吴婷，南京大学法学院大四学生。我对企业合规这个方向很好奇，但不太清楚律所和企业"
    "法务的区别。冒昧联系您，是想听听您在两边工作的体会，以及刚毕业的人应该怎么选择。",
    "我叫郑浩，是一名建筑设计专业的学生，现在在成都读研。我对城市更新和老旧小区改造很感兴趣，"
    "想了解设计院里这类项目的日常工作是什么样的。听说您参与过很多这样的项目，所以想向您请教。",
    "您好，我是黄丽，在一家医院做了四年护士，最近考虑转向医疗信息化方向。我想了解医疗软件公司"
    "里临床背景的人一般做什么工作，需要补哪些技能。希望能听听您的建议，耽误您一点时间。",
    "我叫林晨，厦门大学会计专业毕业，现在在四大做审计。我对投资者关系这个岗位很感兴趣，想了解"
    "它每天具体做些什么，和审计经验有多大关系。所以想请您聊二十分钟，非常感谢您的时间。",
]


@pytest.mark.parametrize("pitch", GOOD_ES)
def test_a_spanish_pitch_of_thirty_seconds_is_counted_in_words(pitch):
    stats = pitch_stats(pitch)
    assert stats.characters == 0 and not stats.chinese
    assert stats.words == len(pitch.split())
    assert 15 <= stats.seconds <= 32
    assert check_pitch(pitch) == []


@pytest.mark.parametrize("pitch", GOOD_ZH)
def test_a_chinese_pitch_of_thirty_seconds_is_counted_in_characters(pitch):
    stats = pitch_stats(pitch)
    assert stats.chinese and 60 <= stats.characters <= 160
    assert stats.seconds == round(stats.characters / 5, 1)  # five characters a second
    assert check_pitch(pitch) == []


def test_a_long_chinese_pitch_is_too_long_and_says_so_in_characters():
    pitch = "".join(GOOD_ZH[:2])  # about a minute
    stats = pitch_stats(pitch)
    assert stats.characters > 160 and stats.seconds > 32
    (finding,) = check_pitch(pitch)
    assert finding.rule == "O4" and finding.severity == "warning"
    assert f"({stats.characters} characters)" in finding.message
    with i18n.using("zh"):
        (finding,) = check_pitch(pitch)
    assert f"{stats.characters} 个字" in finding.message and "30 秒" in finding.message


def test_a_long_spanish_pitch_is_too_long_in_spanish():
    pitch = " ".join(GOOD_ES[:3])
    with i18n.using("es"):
        (finding,) = check_pitch(pitch)
    assert finding.severity == "warning" and "palabras" in finding.message


@pytest.mark.parametrize(
    "pitch, unit",
    [
        ("我叫李明，想请教您一些问题。", "characters"),
        ("您好，我是复旦大学的学生，想了解用户研究。", "characters"),
        ("Hola, soy Ana y estudio Diseño.", "words"),
        ("Soy Martín, estudiante de Ingeniería.", "words"),
        ("我是王芳，想了解品牌策略。", "characters"),
        ("您好，我叫张伟，想转做数据分析，想请教您。", "characters"),
        ("Me llamo Laura y trabajo en calidad.", "words"),
        ("Hola, estudio Arquitectura en Chile.", "words"),
    ],
)
def test_a_short_pitch_in_any_language_may_miss_a_part(pitch, unit):
    (finding,) = check_pitch(pitch)
    assert finding.severity == "info" and unit in finding.message


def test_a_mixed_pitch_counts_latin_words_and_chinese_characters():
    pitch = (
        "您好，我叫 Emily Chen，在 University of Toronto 读 UX design，"
        "想向您请教用户研究的日常工作。"
    )
    stats = pitch_stats(pitch)
    assert stats.words == 7  # Emily Chen University of Toronto UX design
    assert stats.chinese and stats.characters > stats.words
    assert stats.seconds == round(stats.characters / 5 + stats.words * 0.4, 1)
    english = "Hi, I'm Emily Chen (陈). I study UX design in Toronto and would like your advice."
    assert not pitch_stats(english).chinese  # one character in an English pitch: still words


# ------------------------------------------------------------------------------ step 1 in words
def test_plan_findings_and_the_checklist_speak_the_language_in_use():
    plan = Plan(total=2, position=1, organization=1, both=0, junior=1, senior=1)
    with i18n.using("es"):
        messages = [f.message for f in check_plan(plan)]
        parts = [label for label, _done in step_progress(Profile(), Objective())]
    assert any("Con 2 entrevistas" in m for m in messages)
    assert parts[0] == "Tus datos: nombre, correo y zona horaria"
    with i18n.using("zh"):
        messages = [
            f.message
            for f in check_plan(
                Plan(total=1, position=1, organization=1, both=1, junior=1, senior=0)
            )
        ]
    assert any("只有 1 次访谈" in m for m in messages)


def test_the_objectives_page_in_spanish_and_chinese(ws):
    with i18n.using("es"):
        page = ObjectivesPage(ws)
        assert page.name.description == "Tu nombre"
        assert page.kinds["industry"].description == "Sobre un sector o campo"
        page.pitch.value = GOOD_ES[0]
        assert "palabras, unos" in page.pitch_feedback.value
    with i18n.using("zh"):
        page = ObjectivesPage(ws)
        assert page.timezone.description == "你的时区"
        page.pitch.value = GOOD_ZH[0]
        assert "个字，说出来大约" in page.pitch_feedback.value


# ------------------------------------------------------------------------------ step 2
def test_the_contact_form_saves_and_reloads_language_and_time_zone(ws):
    page = TargetsPage(ws)
    assert [value for _label, value in page.c_language.options] == ["", "en", "es", "zh"]
    assert "Europe/Madrid" in page.c_time_zone.options
    page.c_new.click()
    page.c_first.value, page.c_last.value = "伟", "李"
    page.c_language.value = "zh"
    page.c_time_zone.value = "Asia/Shanghai"
    assert page.person_form.flush()
    (saved,) = tg.load_contacts(ws)
    assert (saved.full_name, saved.language, saved.time_zone) == ("李伟", "zh", "Asia/Shanghai")
    # an update writes them too (FORM_FIELDS), and the form shows them again
    page.c_language.value = "es"
    page.c_time_zone.value = "Europe/Madrid"
    assert page.person_form.flush()
    (saved,) = tg.load_contacts(ws)
    assert (saved.language, saved.time_zone) == ("es", "Europe/Madrid")
    other = TargetsPage(ws)
    other.edit_contact(saved)
    assert (other.c_language.value, other.c_time_zone.value) == ("es", "Europe/Madrid")
    other.edit_contact(Contact(source="form"))
    assert (other.c_language.value, other.c_time_zone.value) == ("", "")


def test_a_contact_round_trips_its_language_through_the_workspace(ws):
    contact_id = tg.save_contact(
        ws,
        Contact(
            first_name="Lucía", last_name="García Pérez", language="es", time_zone="Europe/Madrid"
        ),
    )
    (saved,) = tg.load_contacts(ws)
    assert saved.id == contact_id and (saved.language, saved.time_zone) == ("es", "Europe/Madrid")


@pytest.mark.parametrize(
    "columns, expected",
    [
        (
            [
                "Nombre",
                "Apellidos",
                "Correo electrónico",
                "Empresa",
                "Cargo",
                "Idioma",
                "Zona horaria",
            ],
            {
                "first_name": "Nombre",
                "last_name": "Apellidos",
                "email": "Correo electrónico",
                "organization": "Empresa",
                "position": "Cargo",
                "language": "Idioma",
                "time_zone": "Zona horaria",
            },
        ),
        (
            ["姓名", "邮箱", "公司", "职位", "语言", "时区"],
            {
                "full_name": "姓名",
                "email": "邮箱",
                "organization": "公司",
                "position": "职位",
                "language": "语言",
                "time_zone": "时区",
            },
        ),
        (
            ["Name", "Language", "Time zone"],
            {"full_name": "Name", "language": "Language", "time_zone": "Time zone"},
        ),
    ],
)
def test_spanish_and_chinese_headings_are_recognised(columns, expected):
    assert suggest_mapping(columns) == expected


def test_an_imported_language_column_becomes_the_contacts_language(ws):
    data = (
        "Nombre,Apellidos,Idioma,Zona horaria\n"
        "Lucía,García Pérez,Español,Europe/Madrid\n"
        "Wei,Li,中文,asia/shanghai\n"
        "Jane,Doe,English,Mars/Olympus\n"
        "Kim,Lee,Klingon,\n"
    ).encode()
    parsed = read_table(data, "contactos.csv")
    plan = imports.to_contacts(parsed, suggest_mapping(parsed.columns), "contactos.csv")
    got = [(c.first_name, c.language, c.time_zone) for _line, c in plan.contacts]
    assert got == [
        ("Lucía", "es", "Europe/Madrid"),
        ("Wei", "zh", "Asia/Shanghai"),
        ("Jane", "en", ""),  # not a zone: guessed from the city later
        ("Kim", "", ""),  # not one of the workbook's languages: the workbook's own
    ]
    existing = tg.load_contacts(ws)
    tg.apply_merge(ws, imports.plan_merge(existing, plan), existing)
    assert {c.first_name: c.language for c in tg.load_contacts(ws)}["Wei"] == "zh"


def test_a_refused_file_says_why_in_the_language_in_use():
    with i18n.using("es"), pytest.raises(ImportFailed) as refused:
        read_table(b"", "contactos.csv")
    assert "contactos.csv está vacío" in str(refused.value)
    with i18n.using("zh"), pytest.raises(ImportFailed) as refused:
        read_table(b"", "contacts.csv")
    assert "contacts.csv 是空的" in str(refused.value)


def test_the_targets_page_in_chinese_keeps_the_stored_values(ws):
    with i18n.using("zh"):
        page = TargetsPage(ws)
        assert page.c_connection.description == "关系"
        assert dict(page.c_focus.options)["你想要的职位"] == "position"
        assert page.f_targets.description == "只看我的目标联系人"
        assert page.c_language.options[0] == ("与练习册相同", "")


def test_the_mix_advice_and_step_progress_do_not_depend_on_english():
    plan = Plan(total=4, position=2, organization=2, both=0, junior=2, senior=2)
    mix = classification.Mix(total=1, position=1, junior=1, warm=1)
    with i18n.using("es"):
        tips = classification.mix_suggestions(plan, mix)
        progress = dict(tg.step_progress([], 1, mix, plan))
    assert "Añade 2 personas más en una organización que te interesa." in tips
    assert progress["Contactos elegidos que encajan con tu combinación prevista"] is False
    with i18n.using("zh"):
        tips = classification.mix_suggestions(plan, mix)
    assert "再添加 1 位在你想要的职位上的人。" in tips


def test_every_string_of_steps_1_and_2_is_translated():
    files = [
        "objectives",
        "pitch",
        "coverage",
        "classification",
        "mix_words",
        "targets",
        "ranking",
        "organizations",
        "imports",
        "tabular",
        "headings",
        "capture",
        "vcard",
        "records",
        "ui/objectives",
        "ui/coverage",
        "ui/goal_links",
        "ui/targets",
        "ui/target_fields",
        "ui/long_list",
        "ui/contacts_table",
        "ui/contact_form",
        "ui/contact_import",
        "ui/quick_capture",
        "ui/vcard_export",
    ]
    problems = check([ROOT / "infoint" / f"{name}.py" for name in files])
    assert problems == []


def test_an_uploaded_vcard_says_what_it_holds_in_spanish(ws):
    card = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Torres\r\nN:Torres;Ana;;;\r\nEND:VCARD\r\n"
    with i18n.using("es"):
        page = TargetsPage(ws)
        page.upload.value = as_upload("ana.vcf", card)
        assert "ana.vcf es un archivo vCard con 1 persona." in page.import_status.value


@pytest.mark.parametrize(
    "goal, focus, seniority, reason",
    [
        ("Qué herramientas usa un equipo de UX en su día a día", "position", "mid", "role"),
        ("Cómo es la cultura de los equipos de diseño en Acme", "organization", "mid", "org"),
        (
            "Cómo contratan a investigadores junior y qué portafolio esperan",
            "both",
            "junior",
            "hiring",
        ),
        ("Qué tendencias ven los empleadores en el futuro del sector", "both", "senior", "senior"),
        ("用户研究员的日常工作要用哪些工具和技能", "position", "mid", "role"),
        ("这家公司的团队文化和管理风格是什么样的", "organization", "mid", "org"),
        ("设计团队招聘初级研究员时看重作品集的哪些方面", "both", "junior", "hiring"),
        ("资深从业者怎么看这个行业未来的趋势和变化", "both", "senior", "senior"),
    ],
)
def test_who_could_answer_a_goal_follows_its_topic_in_spanish_and_chinese(
    goal, focus, seniority, reason
):
    from types import SimpleNamespace

    from infoint.coverage import _fit

    person = SimpleNamespace(
        contact=Contact(organization="Nimbus"), focus=focus, seniority=seniority
    )
    points, why = _fit(goal, person)
    wanted = {
        "role": "in a role you want to learn about",
        "org": "at an organization you want to learn about",
        "hiring": "junior: knows how hiring goes now",
        "senior": "senior: knows what employers look for",
    }[reason]
    assert points > 0 and wanted in why
