"""The request checker's Spanish vocabularies (R1, R2, R4, R6, R7, T6), named as in
``request_words``: the link between you, a question, a time ask, meeting modes, a job ask,
flattery, an introduction ask, a follow-up.

Like the English ones: word-bounded, precompiled patterns over folded text (``text.fold``, so
accents are gone: "podría" is matched as "podria"), linear in the text's length. Written from
how Spanish-speaking students write to professionals (usted, "le escribo por recomendación
de...", "¿Tendría 20 minutos...?"), not translated from the English lists.
"""

from __future__ import annotations

import re

# A greeting ("Hola, Ana:", "Estimada Sra. López:") and the sentences after it.
GREETING_RE = re.compile(
    r"^\s*¡?\s*(?:hola|buen(?:os|as)\s+(?:dias|tardes|noches)|buenas|estimad[oa]s?|apreciad[oa]s?"
    r"|querid[oa]s?|distinguid[oa]s?|senor(?:a|ita)?|sr|sra)\b"
    r",?(?:\s*(?:sr|sra|srta|dr|dra|lic|ing|prof|profa|mtro|mtra)\.)?[^\n!?,:]{0,60}(?:[,:!\n]|$)"
)


# R1: the link between you, said first.
CONNECTION_RE = re.compile(
    r"\b(?:"
    + "|".join(
        [
            r"me\s+(?:dio|paso|facilito|compartio|ha\s+dado|ha\s+pasado)\s+su\s+"
            r"(?:nombre|contacto|correo|email|numero|datos)",
            r"(?:me\s+)?(?:recomendo|sugirio|aconsejo|animo\s+a)\s+(?:que\s+)?"
            r"(?:le\s+)?(?:escrib|contact|habl|buscar)\w*",
            r"por\s+recomendacion\s+de",
            r"de\s+parte\s+de",
            r"(?:me\s+)?hablo\s+de\s+usted",
            r"me\s+menciono",
            r"(?:nos\s+)?conocimos\s+en",
            r"coincidimos\s+en",
            r"(?:le|la|lo)\s+(?:conoci|escuche|vi|lei)",
            r"escuche\s+su",
            r"vi\s+su",
            r"lei\s+su",
            r"(?:encontre|encontrado|vi|he\s+visto|consulte)\s+su\s+(?:perfil|nombre|articulo"
            r"|charla|ponencia|entrevista|publicacion|pagina|podcast|libro|trabajo|video)",
            r"su\s+(?:charla|ponencia|conferencia|articulo|publicacion|entrevista|podcast|libro"
            r"|perfil|presentacion|blog|webinar|seminario|post)",
            r"exalumn[oa]s?",
            r"antigu[oa]s?\s+alumn[oa]s?",
            r"egresad[oa]s?",
            r"companer[oa]s?",
            r"colegas?",
            r"amig[oa]\s+en\s+comun",
            r"en\s+comun",
            r"mutu[oa]",
            r"ambos\s+(?:estudiamos|trabajamos|somos|fuimos|pertenecemos)",
            r"(?:la\s+)?misma\s+(?:universidad|escuela|facultad|empresa|carrera|asociacion)",
            r"el\s+mismo\s+(?:programa|club|equipo|curso|master|grado)",
            r"miembro\s+de",
            r"linkedin",
            r"sitio\s+web",
            r"pagina\s+web",
            r"en\s+(?:el|la)\s+(?:evento|congreso|feria|jornada|taller|encuentro|conferencia)",
        ]
    )
    + r")"
)


# R1: a question asking for their time ("¿Tendría 20 minutos...?", "¿Le parecería...?").
REQUEST_VERB_RE = re.compile(
    r"\b(?:tendria|tendrias|tiene\s+(?:tiempo|disponibilidad|unos|un\s+rato|un\s+momento)"
    r"|podria|podrias|podriamos|podemos|puedo|pudiera|pudieramos|le\s+pareceria|le\s+parece"
    r"|te\s+pareceria|estaria\s+(?:dispuest[oa]|disponible|abiert[oa])|le\s+vendria|le\s+iria"
    r"|le\s+gustaria|le\s+importaria|seria\s+posible|habria\s+(?:alguna\s+)?posibilidad"
    r"|hay\s+(?:alguna\s+)?posibilidad|dispondria|contaria|accederia|aceptaria)\b"
)


# R4: 20-30 minutes ("20 minutos", "media hora"), or much more (an hour, a meal).
TIME_OK_RE = re.compile(
    r"\b(?:(?:10|15|20|25|30|diez|quince|veinte|veinticinco|treinta)"
    r"(?:\s*(?:-|a|o|y)\s*(?:15|20|25|30|quince|veinte|veinticinco|treinta))?"
    r"[\s-]*(?:min(?:uto)?s?)\b|media\s+hora)"
)


TIME_TOO_MUCH_RE = re.compile(
    r"\b(?:(?:una|1|dos|2|unas|varias|un\s+par\s+de)\s+horas?"
    r"|(?:45|60|90|120|cuarenta\s+y\s+cinco|sesenta|noventa)[\s-]*min(?:uto)?s?"
    r"|almuerzo|almorzar|comer\s+juntos|una\s+comida|cena|cenar|desayuno|desayunar"
    r"|unas?\s+(?:cervezas?|copas?|canas?))\b"
)


# R4, T6: a phone or video call, a social network's video tool, in person, flexibility.
MODES_RE = re.compile(
    r"\b(?:llamada|llamadas|videollamada|videollamadas|llamar(?:le|la|lo)?|telefon\w*"
    r"|video\w*|zoom|teams|google\s+meet|skype|en\s+linea|virtual(?:mente)?)\b"
)


SOCIAL_VIDEO_RE = re.compile(r"\b(?:whatsapp|messenger|facebook|instagram|snapchat|tiktok)\b")


IN_PERSON_RE = re.compile(
    r"\b(?:en\s+persona|presencial(?:mente)?|cara\s+a\s+cara|(?:un|tomar\s+un|por\s+un)\s+cafe"
    r"|pasar\s+por\s+su\s+oficina|visitarl[eoa]|su\s+oficina|reunirnos\s+en)\b"
)


FLEXIBLE_RE = re.compile(
    r"\b(?:flexible|flexibilidad|cuando\s+(?:le|te|a\s+usted\s+le)\s+(?:venga|convenga|quede"
    r"|resulte|vaya)|cuando\s+(?:usted\s+)?(?:pueda|prefiera|quiera)|a\s+su\s+conveniencia"
    r"|(?:me\s+adapto|adaptarme|ajustarme|me\s+ajusto)\s+al?|su\s+(?:horario|agenda"
    r"|disponibilidad)|cualquier\s+(?:dia|hora|momento)|(?:le|te)\s+(?:venga|convenga|quede)"
    r"\s+(?:bien|mejor)|mejor\s+(?:le|te)\s+(?:venga|convenga|quede|resulte)"
    r"|lo\s+que\s+(?:le|te)\s+(?:venga|convenga|resulte))\b"
)


# R1: what you want to learn, when the objective is empty.
LEARN_RE = re.compile(
    r"\b(?:aprender|conocer|saber|entender|comprender|preguntarle|consultarle|me\s+interesa"
    r"|curiosidad|escuchar\s+su)\b"
)


# R1: words of a Spanish objective that say nothing on their own ("aprender", "trabajo"),
# as ``outreach.word_stems`` cuts them (folded, six letters).
GENERIC_STEMS = frozenset(
    "quiero quisie aprend conoce saber entend sobre trabaj para como donde cuando porque "
    "tambie mucho poder puede hacer tener estar desde entre hasta esto esta este estos estas "
    "otros otras todos todas cosas forma mejor gustar".split()
)


# R2: asking for a job, an opening, a recommendation for one, or to pass on a CV; learning how
# people get hired ("¿cómo fue su proceso de contratación?") is fine.
_JOB = r"(?:puesto|vacante|plaza|posicion|trabajo|empleo|practicas|pasantia|beca)"
_ARTICLE = r"(?:el|la|los|las|un|una|algun|alguna|su|sus|ese|esa|este|esta)"

JOB_ASK_RES = (
    re.compile(
        r"\b(?:tienen|tiene|hay|habra|habria|existe|existen|cuentan\s+con)\s+(?:alguna?s?\s+)?"
        r"(?:vacantes?|plazas?\s+(?:vacantes?|libres|disponibles)|puestos?\s+(?:vacantes?"
        r"|disponibles|libres|abiertos?)|ofertas?\s+de\s+(?:trabajo|empleo|practicas)"
        r"|posiciones?\s+(?:abiertas?|disponibles))\b"
    ),
    re.compile(
        r"\b(?:vacantes?|puestos?|posiciones?|plazas?)\s+(?:disponibles?|abiert[oa]s?|libres)\b"
    ),
    re.compile(
        r"\b(?:alguna|algun)\s+(?:vacante|puesto\s+(?:disponible|libre|vacante)"
        r"|oportunidad\s+(?:laboral|de\s+(?:trabajo|empleo|practicas)))\b"
    ),
    re.compile(
        r"\b(?:recomendar(?:me)?|referir(?:me)?|proponer(?:me)?|considerar(?:me)?|recomiende"
        r"|refiera|tener(?:me)?\s+en\s+cuenta)\s+(?:para|en|a)\s+(?:" + _ARTICLE + r"\s+)?"
        r"(?:" + _JOB + r"|proceso\s+de\s+seleccion)\b"
    ),
    re.compile(
        r"\b(?:enviar(?:le|les)?|mandar(?:le|les)?|pasar(?:le|les)?|reenviar(?:le)?"
        r"|hacer(?:le)?\s+llegar|compartir(?:le)?|entregar(?:le)?|envio|mando|adjunto|adjunta"
        r"|anexo|le\s+(?:envio|mando|paso|hago\s+llegar))\s+(?:a\s+usted\s+)?"
        r"(?:mi|el|una\s+copia\s+de\s+mi)\s+(?:curriculum|cv|c\.\s*v\.|hoja\s+de\s+vida"
        r"|solicitud|candidatura)"
    ),
    re.compile(
        r"\bmi\s+(?:curriculum|cv|hoja\s+de\s+vida)(?:\s+vitae)?\s+(?:adjunto|a\s+(?:recursos"
        r"\s+humanos|rr\.?\s*hh|la\s+persona|quien|su\s+equipo))"
    ),
    re.compile(
        r"\b(?:busco|buscando|en\s+busca\s+de|necesito|quiero\s+conseguir|conseguir)\s+"
        r"(?:un\s+|una\s+|algun\s+|alguna\s+)?(?:trabajo|empleo|puesto|practicas|pasantia"
        r"|vacante|chamba|curro)\b"
    ),
    re.compile(
        r"\b(?:estan|esta|siguen|sigue)\s+(?:ahora\s+|actualmente\s+)?(?:contratando|reclutando|hiring"
        r"|buscando\s+(?:personal|gente|candidat[oa]s|practicantes|becari[oa]s))\b"
    ),
    re.compile(
        r"\b(?:contratarme|me\s+(?:podria|pueden|puede|podrian|pudiera)\s+contratar"
        r"|darme\s+(?:trabajo|empleo|un\s+puesto|una\s+oportunidad|una\s+plaza)"
        r"|ofrecerme\s+(?:trabajo|empleo|un\s+puesto|una\s+plaza|practicas))\b"
    ),
    re.compile(r"\b(?:un|una|algun|alguna)\s+" + _JOB + r"\s+para\s+mi\b"),
    re.compile(r"\b(?:recomendacion|referencia)\s+interna\b|\breferido\s+(?:interno|para)\b"),
    re.compile(
        r"\b(?:tenerme\s+(?:en\s+cuenta|presente)|me\s+tenga\s+(?:en\s+cuenta|presente)"
        r"|me\s+considere)\b"
    ),
    re.compile(
        r"\b(?:puedo|podria|quisiera|quiero|me\s+gustaria|deberia)\s+(?:aplicar|postular(?:me)?"
        r"|presentarme|solicitar)\s+(?:a|para|en)\b"
    ),
)


# R2: strong praise, and milder praise that adds up.
FLATTERY_STRONG_RE = re.compile(
    r"\b(?:"
    + "|".join(
        [
            r"(?:una\s+)?eminencia",
            r"(?:una|un)\s+leyenda",
            r"leyenda\s+viva",
            r"legendari[oa]",
            r"(?:un|una)\s+geni[oa]",
            r"genial(?:es)?",
            r"(?:gran|mayor)\s+admirador(?:a)?",
            r"su\s+fan",
            r"fan\s+(?:numero\s+uno|de\s+usted)",
            r"idolo",
            r"mi\s+heroe",
            r"mi\s+heroina",
            r"increible(?:s|mente)?",
            r"extraordinari[oa]s?",
            r"fenomenal(?:es)?",
            r"asombros[oa]s?",
            r"espectacular(?:es)?",
            r"brillantes?",
            r"sin\s+igual",
            r"inigualable",
            r"insuperable",
            r"de\s+talla\s+mundial",
            r"(?:el|la)\s+mejor\s+(?:\w+\s+)?(?:del|de\s+la|de\s+su)\s+(?:sector|industria"
            r"|campo|pais|mundo|ciudad)",
            r"trayectoria\s+(?:es|me\s+parece|resulta)\s+(?:muy\s+|realmente\s+|sumamente\s+"
            r"|verdaderamente\s+)?(?:impresionante|admirable|increible|ejemplar|extraordinaria)",
            r"(?:lo|la|le)\s+admiro\s+(?:muchisimo|tanto|profundamente)",
            r"admiro\s+muchisimo",
        ]
    )
    + r")\b"
)


FLATTERY_MILD_RE = re.compile(
    r"\b((?:muy|realmente|verdaderamente|sumamente|tan|increiblemente|profundamente"
    r"|enormemente|absolutamente|muchisimo)\s+)?"
    r"(impresionante|impresiono|impresionad[oa]|admirable|admiro|admiracion"
    r"|inspirador(?:a|es|as)?|inspiracion|me\s+inspira|fascinante|maravillos[oa]"
    r"|fantastic[oa]|excepcional|sobresaliente)\b"
)


# R1: more about you than about them ("yo", "me", "mi" against "usted", "su", "le").
FIRST_PERSON = frozenset("yo me mi mis mio mia mios mias conmigo".split())


SECOND_PERSON = frozenset("usted ustedes su sus suyo suya le les te tu tus ti contigo".split())


PRONOUN_RE = re.compile(r"[a-z]+")


# R6: asking to be introduced; R7: a follow-up naming the first message.
INTRO_ASK_RE = re.compile(
    r"\b(?:presentar(?:nos|me|le|la|lo)|presentacion|reenviar(?:le|la|lo)?|reenvie"
    r"|ponerme\s+en\s+contacto|ponernos\s+en\s+contacto|conectarme|conectarnos"
    r"|hacerle\s+llegar|pasarle\s+(?:este|mi)\s+(?:mensaje|correo|nota))\b"
)


FOLLOW_UP_REF_RE = re.compile(
    r"\b(?:seguimiento|le\s+escribi|te\s+escribi|mi\s+(?:mensaje|correo|nota|email)\s+"
    r"(?:anterior|de\s+la\s+semana|del)|la\s+semana\s+pasada|hace\s+(?:una|unas|dos)\s+semanas?"
    r"|hace\s+unos\s+dias|vuelvo\s+a\s+escribirle|retomo|le\s+recuerdo"
    r"|mi\s+(?:primer|anterior|ultimo)\s+(?:mensaje|correo)"
    r"|mis\s+(?:mensajes|correos|notas|emails)(?:\s+anteriores)?"
    r"|(?:mensajes|correos)\s+anteriores)\b"
)
