"""The thank-you checker's Spanish vocabularies (S2, S3, S4), the counterparts of
``thanks_words``: a thank-you, a gift, the status of a suggestion, "nos reunimos", "fue muy
útil", an outcome, progress and an ask, as students write them in Spanish.

Patterns run over folded text (``text.fold``: lower case, accents removed, so "reunión" is
"reunion" and "diseñé" is "disene"), word-bounded and linear in the text's length. Stems drop
the plural and gender endings (``stem_es``), so "consejos" meets "consejo" and "diseñadora"
meets "diseñador".
"""

from __future__ import annotations

import re

# Words any Spanish thank-you has: on their own they show nothing specific (S2). Folded.
GENERIC = frozenset(
    """
a al algo algun alguna algunas alguno algunos ante antes aqui asi aun bien cada casi como con
contra cual cuando de del desde donde dos el ella ellas ello ellos en entre era eres es esa ese
eso esta estaba estado estan estar este esto estos estas estoy fue fueron fui gran grande ha
haber habia han has hay he hemos hoy la las le les lo los mas me mi mis mucho mucha muchos
muchas muy nada ni no nos nosotros nuestra nuestro nuestras nuestros o otra otro otros otras
para pero poco por porque que quien quiero quisiera se sea ser si sin sobre solo son su sus tal
tambien tan tanto te tener tengo ti tiene tienen todo toda todos todas tu tus un una uno unos
unas usted ustedes vez y ya yo mio mia sido siendo puedo pude podria pueda hacer hizo hecho
dar dio dado decir dijo ver vi
gracias agradezco agradecer agradecerle agradecerte agradecida agradecido agradecidos
agradecidas agradecimiento agradecimientos muchisimas muchisimo mil sincero sinceras sinceramente
tiempo dedicar dedicarme dedicarle dedico dedicado dedicada dedicaste regalarme brindarme
conversacion conversaciones conversar conversamos charla charlar charlamos hablar hable
hablamos platicar platica platicamos reunion reunirnos reunimos reunirme llamada videollamada
cafe conocer conocerle conocerla conocerte conocernos conocimos consejo consejos ayuda ayudar
ayudo ayudarme util utiles utilisima utilisimo valioso valiosa valiosos valiosas amable
amabilidad generoso generosa generosidad placer gusto encanto encantado encantada feliz contento
contenta aprendi aprender aprendido ayer manana semana tarde dia dias reciente recientemente
saludos saludo cordiales cordial cordialmente atentamente abrazo abrazos estimado estimada
querido querida hola buenos buenas espero esperando pronto contacto seguir sigamos experiencia
experiencias trabajo carrera campo sector industria empresa organizacion puesto nombre
interesante interesantes enorme excelente genial increible paciencia disposicion atencion
ocasion oportunidad informacion compartir compartido compartio compartiste explicar explicarme
perspectiva vision orientacion
""".split()
)


WORD_RE = re.compile(r"[a-z][a-z']+")


def stem_es(word: str) -> str:
    """A crude Spanish stem: plural (-s, -es after a consonant) and gender (-a, -o, -e)
    endings dropped, then the first six letters ("consejos", "consejo": "consej";
    "entrevistas": "entrev"; "ciudades": "ciudad")."""
    if len(word) > 4 and word.endswith("es") and word[-3] not in "aeiou":
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s"):
        word = word[:-1]
    if len(word) > 3 and word[-1] in "aoe":
        word = word[:-1]
    return word[:6]


THANK_RE = re.compile(r"\b(?:gracias|agradec\w*|agradezc\w*|thank|thanks)\b")


GIFT_RE = re.compile(
    r"\b(?:"
    + "|".join(
        [
            r"e-?cards?",
            r"tarjetas?\s+(?:de\s+)?regalo",
            r"(?:tarjetas?|postal(?:es)?)\s+(?:electronicas?|digitales|digital|virtuales|virtual"
            r"|animadas?)",
            r"(?:cheques?|vales?|bonos?)\s+(?:de\s+)?regalo",
            r"vales?\s+de\s+(?:compra|amazon|starbucks)",
            r"(?:amazon|starbucks|uber\s+eats|rappi)\s+(?:gift\s+)?cards?",
            r"cestas?\s+(?:de\s+)?(?:regalo|navidad)",
            r"ramos?\s+de\s+flores",
            r"flores",
            r"botellas?\s+de\s+(?:vino|cava|champan|champagne|whisky|tequila|mezcal|ron)",
            r"(?:muestra|prueba|senal)\s+de\s+(?:mi\s+)?(?:agradecimiento|gratitud)",
            r"(?:envio|enviare|envie|mando|mandare|mande|adjunto|incluyo|compre|comprare|"
            r"te\s+envio|le\s+envio|le\s+mando|te\s+mando)\s+(?:un|una|este|esta|unos)?\s*"
            r"(?:pequeno\s+|pequena\s+|humilde\s+)?(?:regalo|obsequio|detalle|presente)s?",
            r"(?:un|una|mi)\s+(?:pequeno|pequena|humilde)\s+(?:regalo|obsequio|detalle)s?",
            r"un\s+(?:regalo|obsequio)s?",
        ]
    )
    + r")\b"
)


STATUS_RE = re.compile(
    r"\b(?:"
    + "|".join(
        [
            r"ya",
            r"he\s+\w+(?:ado|ido|isto|echo|crito)",
            r"voy\s+a",
            r"vamos\s+a",
            r"pienso",
            r"planeo",
            r"tengo\s+pensado",
            r"me\s+propongo",
            r"esta\s+(?:semana|tarde|noche)",
            r"este\s+(?:mes|fin\s+de\s+semana)",
            r"(?:la\s+)?proxima\s+semana",
            r"(?:el\s+)?proximo\s+mes",
            r"la\s+semana\s+que\s+viene",
            r"manana",
            r"hoy",
            r"pronto",
            r"empece",
            r"comence",
            r"me\s+(?:inscribi|apunte|suscribi|registre|matricule|uni|puse\s+en\s+contacto)",
            r"contacte",
            r"le\s+escribi",
            r"escribi",
            r"lei",
            r"estoy\s+\w+(?:ando|iendo)",
            r"compre",
            r"descargue",
            r"reserve",
            r"agende",
            r"segui",
            r"probe",
            r"termine",
            r"\w+(?<!qui)(?:are|ere|ire)",
        ]
    )
    + r")\b"
)


MET_RE = re.compile(
    r"\b(?:"
    + "|".join(
        [
            r"nos\s+(?:por\s+fin\s+)?(?:reunimos|conocimos|vimos|encontramos|juntamos)",
            r"(?:hablamos|conversamos|charlamos|platicamos|quedamos)",
            r"tuvimos\s+(?:una|la)\s+(?:charla|reunion|conversacion|llamada|videollamada)",
            r"tomamos\s+un\s+cafe",
            r"me\s+reuni\s+con",
            r"(?:hable|converse|charle|platique)\s+con",
            r"pude\s+(?:hablar|conversar|reunirme|conocer|charlar)",
            r"(?:mi|nuestra|la)\s+(?:conversacion|charla|reunion|llamada|videollamada)",
            r"(?:nuestro|el)\s+cafe\s+con",
        ]
    )
    + r")\b"
)


WENT_WELL_RE = re.compile(
    r"\b(?:salio\s+(?:muy\s+)?bien|fue\s+(?:muy\s+|realmente\s+)?(?:bien|util|agradable)|"
    r"util\w*|valios\w*|enriquecedor\w*|interesant\w*|inspirador\w*|motivador\w*|revelador\w*|"
    r"me\s+encanto|disfrute|aprendi|genial|estupend\w*|excelente|amabl\w*|generos\w*|"
    r"productiv\w*|agradable)\b"
)


OUTCOME_RE = re.compile(
    r"\b(?:"
    + "|".join(
        [
            r"gracias\s+a\s+(?:eso|ello|esa|esta|ella|el|la|su|sus|usted|ti|tu|esto)",
            r"desde\s+entonces",
            r"como\s+resultado",
            r"a\s+raiz\s+de",
            r"por\s+eso",
            r"(?:ella|el)?\s*me\s+(?:sugirio|recomendo|presento|explico|ayudo|animo|aconsejo|conto"
            r"|hablo|puso\s+en\s+contacto|ofrecio|mostro)",
            r"ya\s+(?:he|me|empece|contacte|lei|estoy|tengo|escribi)",
            r"he\s+(?:empezado|decidido|contactado|leido|inscrito|comenzado|actualizado|cambiado"
            r"|reservado|escrito|hablado)",
            r"me\s+(?:inscribi|apunte|decidi|di\s+cuenta)",
            r"decidi",
            r"ahora\s+(?:voy|estoy|tengo|se|entiendo)",
            r"voy\s+a",
            r"pienso",
            r"(?:el|mi)\s+(?:proximo|siguiente)\s+paso",
            r"aprendi",
            r"descubri",
            r"entendi",
        ]
    )
    + r")\b"
)


PROGRESS_RE = re.compile(
    r"\b(?:"
    + "|".join(
        [
            r"he\s+(?:\w+\s+)?(?:empezado|terminado|completado|acabado|comenzado|conseguido"
            r"|aprobado|publicado|lanzado|presentado|participado|asistido|leido|decidido|hecho"
            r"|entrado|unido|inscrito|matriculado|obtenido|sido|hablado|conocido|logrado)",
            r"(?:empece|termine|complete|acabe|consegui|aprobe|publique|presente|participe|asisti"
            r"|decidi|entre|obtuve|hice|comence|logre|lance)",
            r"me\s+(?:uni|inscribi|matricule|apunte|gradue|titule)",
            r"estoy\s+(?:ahora|actualmente|trabajando|haciendo|tomando|estudiando|cursando"
            r"|preparando|aprendiendo|empezando|terminando|colaborando|de\s+voluntari\w*)",
            r"ya\s+(?:tengo|estoy|termine|empece)",
            r"(?:nuevo|nueva)\s+(?:puesto|trabajo|curso|proyecto|certificado|empleo)",
            r"(?:mis|unas|las)\s+practicas",
            r"mi\s+(?:\w+\s+)?(?:ya\s+)?(?:esta|estan)\s+(?:listo|lista|publicad\w*|terminad\w*"
            r"|en\s+linea)",
        ]
    )
    + r")\b"
)


ASK_RE = re.compile(
    r"\b(?:podria|podrias|puede|puedes|pudiera|pudieras|le\s+importaria|te\s+importaria"
    r"|seria\s+posible)\b"
    r"|\bpor\s+favor\s+(?:me\s+)?(?:envie|enviame|mande|mandame|revise|revisa|comparta|comparte"
    r"|presente|presentame|ayude|ayudame|reenvie|reenvia)\w*"
    r"|\b(?:sabe|sabes|conoce|conoces|tiene|tienes)\s+(?:usted\s+)?(?:de\s+)?"
    r"(?:alguien|algun|alguna)\b"
)


SENTENCE_RE = re.compile(r"(?<=[.!?])\s+|\n+")
