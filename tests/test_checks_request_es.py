"""Spanish drafts through step 3's request checker (R1, R2, R3, R4): real sentences as
Spanish-speaking students write them to professionals, those that must be flagged and those
that must not (a question about how hiring works is not a job ask)."""

from __future__ import annotations

import pytest

from infoint.records import Contact, Objective, Profile
from infoint.request_check import check_request
from infoint.request_length import length_limits, measure

PROFILE = Profile(name="Lucía Pérez")
OBJECTIVE = Objective(
    field_of_interest="logística",
    roles=["analista de cadena de suministro"],
    goals=["cómo se planifica la demanda"],
)
GREETING = "Hola, Sra. López:\n\n"
INTRO = "Me llamo Lucía y estudio Ingeniería Industrial en la Universidad de Chile."
LINK = "Javier Soto me dio su nombre y me contó que usted trabaja en logística en Falabella."
LEARN = "Me gustaría aprender cómo se planifica la demanda en una cadena de suministro grande."
ASK = "¿Tendría 20 minutos para una llamada o videollamada la próxima semana?"
FLEX = "Me adapto a su horario."
SIGN = "\n\nMuchas gracias,\nLucía Pérez"

GOOD = f"{GREETING}{INTRO} {LINK} {LEARN} {ASK} {FLEX}{SIGN}"


def check(text, **kwargs):
    kwargs.setdefault("profile", PROFILE)
    kwargs.setdefault("objective", OBJECTIVE)
    kwargs.setdefault("known_words", ["Javier Soto", "López", "Falabella"])
    kwargs.setdefault("language", "es")
    return check_request(text, **kwargs)


def draft(*, intro=INTRO, link=LINK, learn=LEARN, ask=ASK, flex=FLEX, extra=""):
    body = " ".join(s for s in (intro, link, learn, extra, ask, flex) if s)
    return f"{GREETING}{body}{SIGN}"


def messages(findings, rule, start=""):
    return [f for f in findings if f.rule == rule and f.message.startswith(start)]


def test_a_good_spanish_request_has_no_warnings():
    found = check(GOOD)
    assert [f for f in found if f.severity in ("error", "warning")] == []
    for greeting in ("Estimado Dr. Ruiz:\n\n", "Buenos días, Sra. López:\n", "¡Hola, Ana!\n"):
        text = GOOD.replace(GREETING, greeting)
        assert [f for f in check(text) if f.severity in ("error", "warning")] == [], greeting
    # and the same draft, its language guessed from the text
    guessed = check(GOOD, language=None)
    assert [f for f in guessed if f.severity in ("error", "warning")] == []


# ----------------------------------------------------------------- R1 the link first

CONNECTED = [
    "Javier Soto me dio su nombre.",
    "Le escribo por recomendación de la profesora Carmen Ruiz.",
    "Nos conocimos en la feria de empleo de la universidad el mes pasado.",
    "Encontré su perfil en LinkedIn buscando gente de logística.",
    "Mi profesor de operaciones me recomendó que le escribiera.",
    "Ana Gómez me sugirió contactarle porque usted conoce bien el sector.",
    "Vi su charla sobre cadenas de suministro en el congreso de Santiago.",
    "Leí su artículo sobre la planificación de la demanda en tiempos de crisis.",
    "Escuché su entrevista en el podcast de la Cámara de Comercio.",
    "Soy exalumna de la misma universidad que usted.",
    "Ambos estudiamos en la Universidad de Chile, aunque en años distintos.",
    "Le escribo de parte de Javier Soto, que trabajó con usted en Falabella.",
    "Un compañero de clase, Diego Ramos, me habló de usted.",
    "Javier me pasó su contacto después de su clase invitada.",
    "Coincidimos en el taller de Excel avanzado de la asociación de estudiantes.",
    "Su nombre aparece en la página web de su equipo y me llamó la atención.",
    "Tenemos un amigo en común, Tomás Herrera, que me animó a escribirle.",
    "Soy miembro de la asociación de ingenieros industriales, igual que usted.",
    "En el evento de egresados del jueves me hablaron muy bien de su trabajo.",
    "Una colega suya, María Núñez, me sugirió que le escribiera.",
    "Lo conocí brevemente en la jornada de puertas abiertas de su empresa.",
]

NOT_CONNECTED = [
    "Espero que esté muy bien.",
    "Le escribo porque me interesa la logística.",
    "Soy estudiante de cuarto año y busco orientación.",
    "Quería hacerle unas preguntas.",
    "Hace tiempo que me interesa su sector.",
    "Estoy terminando la carrera y tengo dudas.",
    "Me encantan las cadenas de suministro.",
    "Perdone que le escriba sin conocerle.",
    "Le agradezco de antemano su tiempo.",
    "Tengo mucha curiosidad por su trabajo.",
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
    "¿Tendría 20 minutos para una llamada la próxima semana?",
    "¿Podríamos hablar 20 minutos por teléfono el martes o el miércoles?",
    "¿Le parecería bien una videollamada corta la semana que viene?",
    "¿Estaría dispuesta a conversar conmigo unos 20 minutos?",
    "¿Podría dedicarme media hora en algún momento de este mes?",
    "¿Le vendría bien una llamada breve el jueves por la tarde?",
    "¿Sería posible agendar una llamada de 20 minutos?",
    "¿Le importaría que habláramos 15 minutos por Zoom?",
    "¿Tiene unos minutos la próxima semana para una llamada?",
    "¿Le gustaría tomar un café conmigo cerca de su oficina?",
    "¿Habría alguna posibilidad de hablar por videollamada?",
    "¿Podemos coordinar una llamada de media hora?",
    "¿Puedo llamarle el viernes unos 20 minutos?",
    "¿Estaría disponible para una llamada corta en las próximas semanas?",
    "Tendría 20 minutos para una llamada la próxima semana?",  # no ¿: students forget it
    "¿Le parece si hablamos 20 minutos por teléfono?",
    "¿Dispondría de media hora para una videollamada?",
    "¿Me podría regalar 20 minutos de su tiempo?",
    "¿Accedería a una breve conversación telefónica?",
    "¿Podría contarme en una llamada de 20 minutos cómo es su trabajo?",
]

NOT_ASKS = [
    "Me gustaría hablar con usted.",
    "Espero su respuesta.",
    "¿Qué tal está?",
    "Quedo atenta a sus comentarios.",
    "¿Cómo le va en el nuevo puesto?",
    "Sería un honor conversar con usted.",
    "Ojalá podamos hablar pronto.",
    "¿Qué opina del sector?",
    "Quisiera conocer su experiencia.",
    "Le agradecería mucho una conversación.",
]


@pytest.mark.parametrize("question", ASKS)
def test_a_clear_question_is_found(question):
    assert messages(check(draft(ask=question)), "R1", "There is no clear question") == []


@pytest.mark.parametrize("sentence", NOT_ASKS)
def test_no_question_asking_for_time_is_flagged(sentence):
    found = check(draft(ask=sentence))
    assert len(messages(found, "R1", "There is no clear question")) == 1


# ----------------------------------------------------------------- R1 length, in words

SENTENCES = [
    "Me llamo Lucía y estudio Ingeniería Industrial en la Universidad de Chile.",
    "Javier Soto me dio su nombre y me contó que usted trabaja en logística.",
    "Me gustaría aprender cómo se planifica la demanda en una empresa grande.",
    "Este semestre hice un proyecto sobre inventarios para una pyme de Valparaíso.",
    "Me interesa especialmente cómo se coordinan las compras con las ventas.",
    "También quisiera saber qué herramientas usan en su equipo cada día.",
    "Sé que su tiempo es valioso, así que seré breve.",
    "He leído sobre los cambios que hizo Falabella en sus centros de distribución.",
    "Me pregunto cómo se toman esas decisiones y quién participa en ellas.",
    "Mis prácticas del verano fueron en un almacén, y ahí descubrí este mundo.",
    "Desde entonces he tomado dos cursos de optimización y uno de estadística.",
    "Todavía no sé si prefiero la planificación o las operaciones.",
    "Por eso quiero escuchar a personas que trabajan en ambas áreas.",
    "Su experiencia en las dos me ayudaría mucho a entender las diferencias.",
    "¿Tendría 20 minutos para una llamada la próxima semana?",
    "Me adapto a su horario, incluso temprano por la mañana.",
    "Si lo prefiere, puedo enviarle antes mis preguntas por correo.",
    "Le agradezco mucho que lo considere.",
    "Quedo atenta a su respuesta.",
    "Un saludo cordial desde Santiago.",
]


@pytest.mark.parametrize("count", range(1, len(SENTENCES) + 1))
def test_length_is_counted_in_words_with_spanish_limits(count):
    text = " ".join(SENTENCES[:count])
    words = len(text.split())
    assert measure(text, "es") == words
    limit, strict = length_limits("request_direct", "es")
    assert (limit, strict) == (115, 85)
    found = [f for f in check(text) if f.rule == "R1" and "words" in f.subject]
    expected = "warning" if words > limit else "info" if words > strict else None
    assert [f.severity for f in found] == ([expected] if expected else [])


def test_spanish_gets_more_words_than_english_for_the_same_reading_time():
    text = " ".join(SENTENCES[:9])  # 107 words: over English's 100, within Spanish's 115
    assert len(text.split()) == 107

    def length(**kwargs):
        return [f for f in check(text, **kwargs) if f.rule == "R1" and "words" in f.subject]

    assert [f.severity for f in length()] == ["info"]
    assert [f.severity for f in length(language="en")] == ["warning"]
    strict = length(strict=True)
    assert [f.severity for f in strict] == ["warning"]
    assert "85 words" in strict[0].message


# ----------------------------------------------------------------- R2 no job ask

JOB_ASKS = [
    "¿Tienen vacantes en su equipo de logística?",
    "¿Hay alguna vacante para recién egresados en Falabella?",
    "¿Me podría recomendar para el puesto de analista que publicaron?",
    "Me encantaría enviarle mi currículum por si surge algo.",
    "Le adjunto mi CV para que lo tenga en cuenta.",
    "Estoy buscando trabajo en el área de operaciones.",
    "Busco prácticas para el próximo verano.",
    "¿Están contratando practicantes este año?",
    "¿Podría recomendarme para una plaza en su empresa?",
    "Le agradecería que me tenga en cuenta para futuras vacantes.",
    "¿Existe alguna oportunidad laboral en su área?",
    "¿Hay puestos disponibles para ingenieros junior?",
    "¿Me podría pasar mi CV a recursos humanos?",
    "¿Cree que podría aplicar a un puesto en su equipo?",
    "Quisiera postularme a la vacante de analista de demanda.",
    "¿Podrían contratarme como becaria?",
    "Si hay un puesto para mí en su área, me encantaría saberlo.",
    "¿Me podría dar una recomendación interna para la vacante?",
    "Me gustaría que me considere para el proceso de selección.",
    "¿Siguen buscando personal para el centro de distribución?",
    "Le envío mi hoja de vida por si hay algo disponible.",
]

HIRING_QUESTIONS = [
    "¿Cómo fue su proceso de contratación cuando entró en Falabella?",
    "¿Cómo consiguió su primer empleo en logística?",
    "¿Qué buscan en un candidato para un puesto de analista?",
    "¿Cómo es el proceso de selección en empresas como la suya?",
    "¿Qué me recomendaría estudiar para trabajar en planificación?",
    "Me gustaría saber cómo llegó a su puesto actual.",
    "¿Qué habilidades valoran más al contratar a recién egresados?",
    "¿Qué consejo le daría a alguien que empieza en este sector?",
    "¿Cómo es un día normal en su trabajo?",
    "¿Qué experiencias le sirvieron más al principio de su carrera?",
    "¿Qué errores suelen cometer los estudiantes al buscar su primer trabajo?",
    "¿Cómo describiría la cultura de su equipo?",
    "¿Qué cursos o certificaciones le parecen útiles en su área?",
    "¿Con quién más me recomendaría hablar para aprender sobre logística?",
    "¿Cómo pasó de las operaciones a la planificación?",
    "¿Qué tipo de proyectos hace un analista en su primer año?",
    "¿Qué diferencia hay entre trabajar en retail y en una consultora?",
    "Su puesto combina datos y operaciones, y eso es lo que me interesa entender.",
    "¿Cómo se organiza el trabajo entre su equipo y el de compras?",
    "¿Qué le habría gustado saber antes de empezar a trabajar?",
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
    "Es usted una eminencia en la logística chilena.",
    "Su trayectoria es impresionante.",
    "Su trayectoria me parece realmente admirable.",
    "Su carrera es increíble y me encantaría ser como usted.",
    "Soy su gran admiradora desde hace años.",
    "Usted es una leyenda en el sector.",
    "Es un genio de la planificación.",
    "Su trabajo es extraordinario.",
    "Es sin duda la mejor analista del sector.",
    "Lo admiro muchísimo por todo lo que ha logrado.",
    "Su charla fue fenomenal.",
    "Su análisis del mercado es brillante.",
    "Su carrera es verdaderamente impresionante y muy inspiradora.",
    "Me parece fascinante y realmente admirable todo lo que hace.",
    "Es usted mi ídolo profesional.",
    "Su experiencia es espectacular.",
    "Su trabajo en Falabella es asombroso.",
    "Su visión es inigualable en la industria.",
    "Es un referente de talla mundial.",
    "Su trayectoria resulta sumamente ejemplar, y su trabajo, muy inspirador.",
]

COMPLIMENTS = [
    "Su artículo sobre inventarios me ayudó a entender mi proyecto.",
    "Me resultó muy útil su charla sobre la demanda estacional.",
    "Su ejemplo sobre los centros de distribución me aclaró muchas dudas.",
    "Me interesó cómo explicó la relación entre compras y ventas.",
    "Su entrevista me hizo ver la logística de otra manera.",
    "Aprendí mucho de su presentación en el congreso.",
    "Su publicación sobre pronósticos me pareció muy clara.",
    "Me llamó la atención su paso de operaciones a planificación.",
    "Su experiencia en dos áreas distintas es justo lo que quiero entender.",
    "Su charla me pareció impresionante.",  # one plain compliment is fine
    "Gracias por compartir tanto en su blog.",
    "Me gustó su forma de explicar un tema tan técnico.",
    "Su trabajo con proveedores pequeños me parece muy interesante.",
    "Leí con atención su análisis sobre el transporte marítimo.",
    "Su consejo de aprender SQL me pareció práctico.",
    "Su equipo publicó un informe muy completo el año pasado.",
    "Me sirvió mucho su hilo sobre indicadores de inventario.",
    "Su caso sobre la pandemia lo usamos en clase.",
    "Su presentación fue clara y bien documentada.",
    "Valoro que comparta su experiencia con estudiantes.",
]


@pytest.mark.parametrize("sentence", FLATTERY)
def test_strong_or_piled_up_praise_is_flagged(sentence):
    found = check(draft(extra=sentence))
    assert [f.severity for f in found if f.rule == "R2"] == ["warning"], sentence


@pytest.mark.parametrize("sentence", COMPLIMENTS)
def test_one_specific_compliment_is_fine(sentence):
    assert [f for f in check(draft(extra=sentence)) if f.rule == "R2"] == []


# ----------------------------------------------------------------- R3 spelling (accents!)

TYPOS = [
    ("Me gustaría conocer su opinion sobre el sector.", "opinión"),
    ("Le escribo para pedirle informacion sobre su área.", "información"),
    ("¿Podriamos hablar la próxima semana?", "Podríamos"),
    ("¿Tendria 20 minutos para una llamada?", "Tendría"),
    ("Me gustaria aprender de su experiencia.", "gustaría"),
    ("Le agradeceria mucho su tiempo.", "agradecería"),
    ("Sería una conversacion breve.", "conversación"),
    ("Estudio ingenieria industrial.", "ingeniería"),
    ("Podemos hacer la reunion por teléfono.", "reunión"),
    ("Trabajé en una compania de transporte.", "compañía"),
    ("Me interesa la tecnologia aplicada a la logística.", "tecnología"),
    ("Estoy en mi último año de la carrrera.", "carrera"),
    ("Mi proyecto trata sobre la demnda de productos frescos.", "demanda"),
    ("Quisiera conocer su experiencai en el sector.", "experiencia"),
    ("Le escribo desde la universidda.", "universidad"),
    ("Sería un placer hablar con usted la próxima semanna.", "semana"),
    ("Muchas grcias por su tiempo.", "gracias"),
    ("Me interesa el trabjo de planificación.", "trabajo"),
    ("Tambien me gustaría saber qué herramientas usan.", "También"),
    ("Despues de clase tengo tiempo libre.", "Después"),
    ("Busco una oportunidad de aprender sobre la energia solar.", "energía"),
]

CORRECT = [
    "Me gustaría aprender cómo se planifica la demanda en su empresa.",
    "¿Tendría 20 minutos para una llamada la próxima semana?",
    "¿Podríamos hablar por videollamada el jueves?",
    "Le agradecería mucho que me contara su experiencia.",
    "Estudio Ingeniería Industrial en la Universidad de Chile.",
    "Hice mis prácticas en un almacén de distribución.",
    "Me adapto a su horario sin problema.",
    "Javier me dio su nombre después de su clase.",
    "Quisiera saber qué herramientas usan en su equipo.",
    "Nos conocimos en la feria de empleo del año pasado.",
    "Leí su artículo sobre inventarios con mucha atención.",
    "¿Le parecería bien hablar media hora por teléfono?",
    "Muchas gracias por su tiempo y su ayuda.",
    "Me interesan especialmente las decisiones de compra.",
    "Estoy terminando el cuarto año de la carrera.",
    "Si lo prefiere, puedo enviarle mis preguntas antes.",
    "Quedo atenta a su respuesta.",
    "Un saludo cordial desde Santiago.",
    "Sé que su tiempo es valioso, así que seré breve.",
    "¿Cómo describiría un día normal en su trabajo?",
]


@pytest.mark.parametrize(("sentence", "correction"), TYPOS)
def test_a_spanish_typo_is_found_with_its_correction(sentence, correction):
    found = [f for f in check(draft(extra=sentence)) if f.rule == "R3"]
    assert [f.severity for f in found] == ["warning"], sentence
    assert f"\u201c{correction}\u201d" in found[0].fix


@pytest.mark.parametrize("sentence", CORRECT)
def test_correct_spanish_is_not_flagged(sentence):
    found = [f for f in check(draft(extra=sentence)) if f.rule == "R3"]
    assert [f for f in found if f.severity == "warning"] == [], sentence


def test_other_rules_in_spanish():
    # R4 an hour or a meal; no time named; no phone or video; no flexibility
    lunch = check(draft(extra="Si quiere, podemos almorzar juntos cerca de su oficina."))
    assert [f.severity for f in lunch if f.rule == "R4" and "a lot" in f.message] == ["warning"]
    hour = check(draft(ask="¿Tendría una hora para hablar por teléfono?"))
    assert any(f.rule == "R4" and "a lot" in f.message for f in hour)
    vague = check(draft(ask="¿Podríamos hablar por teléfono la próxima semana?"))
    assert any(f.rule == "R4" and "how much of their time" in f.message for f in vague)
    no_mode = check(draft(ask="¿Tendría 20 minutos la próxima semana?"))
    assert any(f.rule == "R4" and "phone or video" in f.message for f in no_mode)
    rigid = check(draft(flex=""))
    assert any(f.rule == "R4" and "flexible" in f.message for f in rigid)
    for flexible in ("Cuando le venga bien.", "Me adapto a su agenda.", "A su conveniencia."):
        assert not any("flexible" in f.message for f in check(draft(flex=flexible)))
    # T6 in person to someone far away
    far = Contact(first_name="Marta", last_name="López", local=False)
    coffee = check(draft(extra="También podríamos tomar un café en persona."), contact=far)
    assert any(f.rule == "T6" for f in coffee)


def test_about_me_counts_spanish_pronouns():
    selfish = (
        "Yo soy estudiante y mi sueño es trabajar en logística. Me encanta mi carrera y mi "
        "proyecto. Yo creo que mi perfil encaja y me gustaría que me ayudara a mí con mis dudas."
    )
    found = [f for f in check(draft(extra=selfish)) if f.message.startswith("This is mostly")]
    assert len(found) == 1
    assert "'yo', 'me', 'mi'" in found[0].message
    assert "yo/me/mi" in found[0].subject
    assert not any(f.message.startswith("This is mostly") for f in check(GOOD))


def test_the_objective_words_are_found_in_spanish_and_generic_words_do_not_count():
    assert not any(f.message.startswith("It doesn't say what you want") for f in check(GOOD))
    vague = draft(learn="Quiero aprender sobre su trabajo y cómo es para usted.", link="")
    objective = Objective(field_of_interest="logística", goals=["aprender sobre el trabajo"])
    found = check(vague, objective=objective)
    assert any(f.message.startswith("It doesn't say what you want") for f in found)
    plural = draft(learn="Me interesan los analistas de demanda.")
    assert not any(
        f.message.startswith("It doesn't say what you want")
        for f in check(plural, objective=Objective(roles=["analista de demanda"]))
    )
    empty = check(draft(learn="Quisiera conocer su experiencia."), objective=Objective())
    assert not any(f.message.startswith("It doesn't say what you want") for f in empty)
