"""S2-S4 on thank-you notes written in Spanish (issue 16): the Spanish word lists of
``thanks_words_es``, stems with accents folded and plural and gender endings dropped.

Only the thank-you checker's own rules are looked at here (S2, S3, S4); spelling and job asks
come from step 3's checker and have their own tests.
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
    """The S-rule messages for a Spanish note (English messages: the page is in English)."""
    kwargs.setdefault("language", "es")
    return [f.message for f in check_thanks(text, **kwargs) if f.rule in ("S2", "S3", "S4")]


def has(messages, start):
    return any(m.startswith(start) or start in m for m in messages)


SAYS_THANKS = [
    "Muchas gracias por tu tiempo el martes.",
    "Le agradezco mucho la conversación de ayer.",
    "Quería agradecerte la charla sobre auditoría.",
    "Estoy muy agradecida por sus consejos sobre el máster.",
    "Te escribo para darte las gracias por recibirme.",
    "Mil gracias por explicarme cómo funciona el área de compras.",
    "Agradecido por la llamada del jueves, de verdad.",
    "Gracias de nuevo por la videollamada.",
    "Le agradecemos su tiempo y su paciencia.",
    "¡Gracias, Marta, por la visita al laboratorio!",
    "Un enorme agradecimiento por la charla de ayer.",
]


@pytest.mark.parametrize("text", SAYS_THANKS)
def test_spanish_thanks_is_recognised(text):
    assert not has(mine(text), NO_THANKS)


NO_THANK_YOU = [
    "Hola Jorge, ayer hablamos de la planta de Monterrey y de las auditorías.",
    "Estimada Laura: fue un placer conocerte el martes en la feria.",
    "Te escribo después de nuestra reunión sobre el puesto de analista.",
    "Me encantó saber cómo es un día normal en el hospital.",
    "Un saludo y hasta pronto.",
    "Qué interesante lo que contaste del sector energético.",
    "Fue muy útil la charla, nos vemos en el congreso.",
    "Ya empecé el curso de SQL que me recomendaste.",
    "Nos vemos en la próxima reunión de la asociación.",
    "Espero que tengas una buena semana.",
]


@pytest.mark.parametrize("text", NO_THANK_YOU)
def test_spanish_note_without_thanks_is_flagged(text):
    assert has(mine(text), NO_THANKS)


HINT = ["Me recomendó preparar un portafolio con casos reales de diseño"]

SPECIFIC = [
    "Muchas gracias por tu tiempo. Tu idea de preparar un portafolio con casos reales me "
    "pareció muy útil.",
    "Gracias por la charla. Ya estoy armando el portafolio con dos casos de diseño.",
    "Te agradezco el consejo sobre los portafolios: voy a incluir casos reales.",
    "Gracias por contarme cómo preparas los casos para tus clientes de diseño.",
    "Le agradezco sus consejos sobre mi portafolio de diseñadora.",
    "Mil gracias: lo de los casos reales en el portafolio me abrió los ojos.",
]


@pytest.mark.parametrize("text", SPECIFIC)
def test_spanish_note_naming_the_hint_is_specific(text):
    assert not has(mine(text, specific_hints=HINT), NOT_HINTED)


NOT_SPECIFIC = [
    "Muchas gracias por tu tiempo ayer, fue muy útil.",
    "Le agradezco mucho su amabilidad y su tiempo.",
    "Gracias por la conversación, aprendí muchísimo.",
    "Te agradezco la charla; espero que sigamos en contacto.",
    "Gracias por compartir tu experiencia conmigo.",
    "Muchas gracias por tus consejos, me ayudaron mucho.",
]


@pytest.mark.parametrize("text", NOT_SPECIFIC)
def test_spanish_note_missing_the_hint_is_flagged(text):
    assert has(mine(text, specific_hints=HINT), NOT_HINTED)


@pytest.mark.parametrize("text", NOT_SPECIFIC)
def test_spanish_generic_note_without_hints_is_flagged(text):
    assert has(mine(text), GENERIC)


@pytest.mark.parametrize(
    "text",
    [
        "Muchas gracias por explicarme cómo se planifica una auditoría de calidad en planta.",
        "Gracias por contarme lo de las certificaciones ISO y el trabajo con proveedores.",
        "Te agradezco la explicación sobre los turnos de noche en urgencias pediátricas.",
    ],
)
def test_spanish_note_naming_something_is_not_generic(text):
    assert not has(mine(text), GENERIC)


def test_spanish_stems_fold_accents_and_endings():
    text = "Gracias por hablarme de la contratación y de las diseñadoras del equipo."
    assert not has(mine(text, specific_hints=["proceso de contratacion", "diseñador"]), NOT_HINTED)


SUGGESTION = ["leer el informe anual de la asociación de ingenieros"]


@pytest.mark.parametrize(
    "text",
    [
        "Gracias por la charla. Ya leí el informe anual de la asociación.",
        "Muchas gracias. Esta semana voy a leer el informe de la asociación de ingenieros.",
        "Gracias por recomendarme el informe anual; lo leeré este fin de semana.",
        "Te agradezco lo del informe de la asociación. Pienso leerlo mañana.",
    ],
)
def test_spanish_suggestion_with_status_passes(text):
    found = mine(text, suggestion_hints=SUGGESTION)
    assert not has(found, NO_SUGGESTION) and not has(found, NO_STATUS)


def test_spanish_suggestion_without_status_is_flagged():
    found = mine(
        "Gracias por hablarme del informe anual de la asociación.", suggestion_hints=SUGGESTION
    )
    assert has(found, NO_STATUS)


def test_spanish_suggestion_not_mentioned_is_flagged():
    found = mine("Gracias por tu tiempo y tus consejos.", suggestion_hints=SUGGESTION)
    assert has(found, NO_SUGGESTION)


@pytest.mark.parametrize(
    "text",
    [
        "Gracias por todo; te envío un pequeño regalo como muestra de agradecimiento.",
        "Te mando una tarjeta regalo de Amazon para agradecerte la charla.",
        "Le envié un ramo de flores a la oficina.",
        "Te compré una botella de vino para agradecerte.",
        "Te mandé una postal electrónica, ¡gracias!",
    ],
)
def test_spanish_gifts_are_flagged(text):
    assert has(mine(text), GIFT)


@pytest.mark.parametrize(
    "text",
    [
        "Gracias por regalarme tu tiempo: lo de las auditorías me sirvió mucho.",
        "Te agradezco que me explicaras con detalle el proceso de selección.",
        "Gracias por la tarjeta con tu contacto; escribiré a tu colega Andrés.",
    ],
)
def test_spanish_notes_without_gifts_pass(text):
    assert not has(mine(text), GIFT)


INTRO_GOOD = (
    "Hola Carmen: muchas gracias por presentarme a Luis. Nos reunimos el jueves y fue muy "
    "útil; gracias a esa conversación ya me inscribí en el curso de logística que me recomendó."
)


def test_spanish_intro_thanks_with_meeting_and_outcome_passes():
    assert mine(INTRO_GOOD, kind="intro_thanks") == []


def test_spanish_intro_thanks_without_meeting_is_flagged():
    found = mine("Muchas gracias por presentarme a Luis.", kind="intro_thanks")
    assert has(found, NOT_MET) and has(found, NO_OUTCOME)


@pytest.mark.parametrize(
    "text",
    [
        "Hola Pedro: quería contarte que terminé el curso de Excel avanzado que me sugeriste.",
        "Te escribo para contarte que he empezado unas prácticas en una consultora.",
        "Estoy trabajando en un proyecto de análisis de datos con la universidad.",
        "Ya tengo mi portafolio publicado en línea, gracias a tus consejos.",
    ],
)
def test_spanish_update_with_news_passes(text):
    assert not has(mine(text, kind="update"), NO_NEWS)


def test_spanish_update_without_news_is_flagged():
    assert has(mine("Hola Pedro, ¿qué tal todo? Un abrazo.", kind="update"), NO_NEWS)


def test_spanish_update_asking_is_an_info():
    found = check_thanks(
        "Hola Pedro: terminé el curso de Excel. ¿Podrías revisar mi CV?",
        kind="update",
        language="es",
    )
    assert any(f.rule == "S4" and f.severity == "info" for f in found)


def test_spanish_length_limit_is_higher_than_english():
    note = "Muchas gracias por explicarme la planificación de auditorías. " + "palabra " * 160
    assert not has(mine(note), LONG)
    assert has(mine(note + "palabra " * 20), LONG)


def test_language_guessed_from_the_text():
    text = "Muchas gracias por explicarme cómo se planifica una auditoría de calidad en planta."
    assert mine(text, language=None) == []


def test_findings_speak_the_participants_language():
    with i18n.using("es"):
        found = check_thanks("Hola, ¿qué tal?", kind="thanks", language="es")
    assert any(f.message == "En realidad no da las gracias." for f in found)
    with i18n.using("zh"):
        found = check_thanks("Hola, ¿qué tal?", kind="thanks", language="es")
    assert any("谢谢" in f.message for f in found)
