"""O5 on sender addresses of Spanish- and Chinese-speaking students (issue 16): double
surnames and accents, Chinese names in pinyin (李伟: li.wei, liwei, wei.li, lw), and the
nickname words of each language."""

from __future__ import annotations

import pytest

from infoint import i18n
from infoint.email_check import check_email

NICKNAME = "This looks like a nickname or hobby word"
NO_NAME = "The part before the @ contains no part of your name"


def messages(address, name=""):
    return [f.message for f in check_email(address, name)]


SPANISH_GOOD = [
    ("maria.garcia.lopez@gmail.com", "María García López"),
    ("mgarcialopez@uni.es", "María García López"),
    ("garcia.lopez.maria@outlook.com", "María García López"),
    ("mgl@alumnos.unam.mx", "María García López"),
    ("jose.nunez@gmail.com", "José Núñez"),
    ("jnunez@ucm.es", "José Núñez"),
    ("ana.belen.ruiz@hotmail.es", "Ana Belén Ruiz Sánchez"),
    ("aruizsanchez@gmail.com", "Ana Belén Ruiz Sánchez"),
    ("jdelacruz@itesm.mx", "José de la Cruz"),
    ("jose.delacruz@gmail.com", "José de la Cruz"),
    ("fernandez.ines@uc.cl", "Inés Fernández"),
    ("ibanez.lucia@us.es", "Lucía Ibáñez"),
]


@pytest.mark.parametrize("address, name", SPANISH_GOOD)
def test_spanish_names_are_found_in_the_address(address, name):
    assert messages(address, name) == []


SPANISH_NICKNAMES = [
    ("princesa.maria@gmail.com", "María García", "princesa"),
    ("elguapo@hotmail.com", "Juan Pérez", "guapo"),
    ("fiesterojuan@gmail.com", "Juan Pérez", "fiestero"),
    ("rockera_ana@gmail.com", "Ana Ruiz", "rockera"),
    ("la.chica.guapa@yahoo.es", "Sofía Díaz", "chica guapa"),
    ("bombon.lucia@gmail.com", "Lucía Gómez", "bombon"),
    ("papi.chulo@hotmail.com", "Carlos Ruiz", "papi chulo"),
    ("laura.gatita@gmail.com", "Laura Martín", "gatita"),
    ("diablito.pablo@gmail.com", "Pablo Ortiz", "diablito"),
    ("pedro.futbolero@gmail.com", "Pedro Sanz", "futbolero"),
    ("supercampeona@gmail.com", "Elena Vidal", "campeona"),
    ("lokita.marta@hotmail.com", "Marta León", None),  # not in the lists: no guess
]


@pytest.mark.parametrize("address, name, word", SPANISH_NICKNAMES)
def test_spanish_nickname_words_are_flagged(address, name, word):
    found = check_email(address, name)
    hits = [f.subject for f in found if f.message.startswith(NICKNAME)]
    assert hits == (word.split() if word else [])


def test_spanish_name_that_looks_like_a_word_is_not_flagged():
    # "Leon" and "Rey" are surnames; a nickname list never holds them.
    assert messages("marta.leon@gmail.com", "Marta León") == []
    assert messages("pablo.rey@gmail.com", "Pablo Rey") == []


def test_spanish_address_without_the_name_is_flagged():
    assert any(m.startswith(NO_NAME) for m in messages("solecito22@gmail.com", "María García"))
    assert any(m.startswith(NO_NAME) for m in messages("dela@gmail.com", "José de la Cruz"))


CHINESE_GOOD = [
    ("li.wei@gmail.com", "李伟"),
    ("liwei@qq.com", "李伟"),
    ("wei.li@163.com", "李伟"),
    ("lw@pku.edu.cn", "李伟"),
    ("weili.work@outlook.com", "李伟"),
    ("zhang.xiaoming@126.com", "张小明"),
    ("xiaoming.zhang@gmail.com", "张小明"),
    ("zxm@tsinghua.edu.cn", "张小明"),
    ("ouyang.nana@gmail.com", "欧阳娜娜"),
    ("chen.jing@fudan.edu.cn", "陈静"),
    ("jingchen@zju.edu.cn", "陈静"),
    ("wang.fang.career@gmail.com", "王芳"),
    ("huang.zixuan@outlook.com", "黄梓轩"),
    ("Li.Wei@Gmail.com", "Li Wei"),
]


@pytest.mark.parametrize("address, name", CHINESE_GOOD)
def test_chinese_names_are_found_in_pinyin(address, name):
    assert messages(address, name) == []


CHINESE_NICKNAMES = [
    ("xiaokeai@qq.com", "李伟", "xiaokeai"),
    ("baobei.wang@qq.com", "王芳", "baobei"),
    ("shuaige.liwei@163.com", "李伟", "shuaige"),
    ("meinv.chen@qq.com", "陈静", "meinv"),
    ("xiaoxiannv.zhang@126.com", "张小明", "xiaoxiannv"),
    ("nvshen.jing@qq.com", "陈静", "nvshen"),
    ("wangfang.baobao@163.com", "王芳", "baobao"),
    ("liwei.dashen@gmail.com", "李伟", "dashen"),
]


@pytest.mark.parametrize("address, name, word", CHINESE_NICKNAMES)
def test_pinyin_nickname_words_are_flagged(address, name, word):
    hits = [f.subject for f in check_email(address, name) if f.message.startswith(NICKNAME)]
    assert hits == [word]


def test_a_pinyin_name_is_never_a_nickname():
    # 包贝 reads bao bei: the person's own name, not "baby".
    assert messages("baobei@gmail.com", "包贝") == []


@pytest.mark.parametrize(
    "address, name",
    [
        ("tom.smith@gmail.com", "李伟"),
        ("sunshine@qq.com", "王芳"),
        ("happy.girl@163.com", "陈静"),
    ],
)
def test_chinese_name_missing_from_the_address_is_flagged(address, name):
    assert any(m.startswith(NO_NAME) for m in messages(address, name))


def test_an_unknown_character_gives_no_guess_about_the_name():
    assert messages("tom@qq.com", "李龘") == []


def test_digits_are_flagged_for_every_language():
    found = messages("liwei1999@qq.com", "李伟")
    assert any("looks like a year" in m for m in found)
    assert any("long run of digits" in m for m in messages("wangfang520520@qq.com", "王芳"))


def test_findings_speak_the_participants_language():
    with i18n.using("es"):
        assert messages("xiaokeai@qq.com", "李伟")[0].startswith("Parece un apodo")
        assert messages("correo")[0].startswith("No es una dirección de correo válida.")
    with i18n.using("zh"):
        assert messages("princesa.maria@gmail.com", "María García")[0].startswith("这看起来像昵称")
        assert check_email("liwei1999@qq.com", "李伟")[0].fix.startswith("用由你的名字组成的邮箱")
