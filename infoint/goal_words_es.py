"""Step 1, O2 in Spanish: what makes a learning goal vague, concrete or a job ask in disguise,
as students write goals in Spanish. The counterparts of ``goals``' English lists.

Patterns run over folded text (``text.fold``: lower case, accents removed: "contratación" is
"contratacion"), word-bounded and linear in the text's length.
"""

from __future__ import annotations

import re

from .text import words_re

VAGUE_RE = words_re(
    [
        r"aprender (?:mas|algo|cosas)",
        r"saber (?:mas|algo|cosas)",
        r"conocer (?:mas|algo|cosas)",
        r"entender (?:mas|algo)",
        r"informarme",
        r"mas (?:sobre|de|acerca)",
        r"(?:sobre|de|acerca de) (?:el|la|este|esta|ese|esa|su) (?:sector|campo|area|mundo|trabajo"
        r"|puesto|empresa|industria|rubro|carrera|profesion|negocio)",
        r"cosas",
        r"algo",
        r"en general",
        r"general(?:es|mente)?",
        r"informacion",
        r"info",
        r"idea",
        r"consejos?",
        r"orientacion",
        r"hacer (?:contactos|networking|red|conexiones)",
        r"networking",
        r"conocerl[aeo]s?",
        r"todo",
        r"lo que sea",
        r"cualquier cosa",
        r"como es",
        r"oportunidades?",
        r"opciones",
        r"tips",
        r"etc",
    ]
)


TOPIC_RE = words_re(
    [
        r"habilidades?",
        r"competencias?",
        r"conocimientos?",
        r"destrezas?",
        r"herramientas?",
        r"software",
        r"programas?",
        r"tecnologias?",
        r"programacion",
        r"lenguajes?",
        r"idiomas?",
        r"metodos?",
        r"metodologias?",
        r"tecnicas?",
        r"cultura",
        r"valores",
        r"equipos?",
        r"companeros",
        r"jefes?",
        r"liderazgo",
        r"gestion",
        r"ambiente",
        r"entorno",
        r"mentor\w*",
        r"contrat\w*",
        r"reclut\w*",
        r"seleccion",
        r"entrevistas?",
        r"requisitos?",
        r"titul\w*",
        r"certifica\w*",
        r"licencias?",
        r"formacion",
        r"estudios",
        r"cursos?",
        r"maestrias?",
        r"experiencias?",
        r"trayectoria",
        r"portafolio",
        r"cv",
        r"curriculum",
        r"practicas",
        r"pasantias?",
        r"primer (?:trabajo|empleo)",
        r"prepar\w*",
        r"destacar",
        r"dia a dia",
        r"(?:un|una) (?:dia|jornada|semana) (?:normal|tipic[ao]|habitual|cualquiera)",
        r"rutina",
        r"(?:que|a que se) (?:hace|hacen|dedica|dedican)",
        r"primer (?:ano|mes|anio)",
        r"tareas?",
        r"responsabilidades?",
        r"funciones",
        r"proyectos?",
        r"horarios?",
        r"carga de trabajo",
        r"clientes?",
        r"reuniones?",
        r"viajes?",
        r"remoto",
        r"teletrabajo",
        r"hibrido",
        r"turnos?",
        r"guardias?",
        r"camino",
        r"como (?:llego|llegaron|empezo|empezaron|entro|entraron|consiguio|consiguieron|se entra"
        r"|se llega|se consigue)",
        r"ascen\w*",
        r"crecimiento",
        r"promocion",
        r"carrera profesional",
        r"cambio de (?:carrera|sector)",
        r"siguientes? pasos?",
        r"encaj\w*",
        r"perfil",
        r"fortalezas?",
        r"debilidades?",
        r"si (?:yo )?(?:podria|deberia|puedo|sirvo|encajo)",
        r"salari\w*",
        r"sueldos?",
        r"remuneracion",
        r"beneficios",
        r"prestaciones",
        r"conciliacion",
        r"equilibrio",
        r"estres",
        r"presion",
        r"estabilidad",
        r"tendencias?",
        r"futuro",
        r"cambios?",
        r"cambiando",
        r"evolucion\w*",
        r"retos?",
        r"desafios?",
        r"dificultad\w*",
        r"dificil\w*",
        r"lo (?:mejor|peor)",
        r"gratificante",
        r"(?:mas|menos) (?:le )?gusta",
        r"sorpren\w*",
        r"errores?",
        r"lecciones?",
        r"asociaciones?",
        r"colegios? profesionales?",
        r"congresos?",
        r"conferencias?",
        r"sindicatos?",
        r"regulaci\w*",
        r"normativas?",
        r"competencia",
        r"demanda",
        r"quien mas",
        r"(?<!hacer )contactos?",
        r"estructura",
        r"departamentos?",
        r"areas? de",
        r"productos?",
        r"mision",
        r"estrategia",
        r"especializ\w*",
        r"nicho",
        r"inteligencia artificial",
        r"automatizacion",
    ]
)


# Learning how others got in is fine ("cómo consiguió su primer trabajo").
HOW_OTHERS_RE = re.compile(
    r"\bcomo (?:la gente|otros|otras personas|alguien|se|los (?:candidatos|recien egresados"
    r"|egresados|estudiantes)|suelen|consiguio|consiguieron|llego|llegaron|entro|entraron"
    r"|empezo|empezaron)\b"
)


JOB_ASK_RES = (
    re.compile(
        r"\b(?:contratarme|me (?:contrate|contraten|contratarian|contrataria|den trabajo))\b"
    ),
    re.compile(r"\bbusco (?:trabajo|empleo|chamba|curro|practicas)\b"),
    re.compile(
        r"\b(?:vacantes?|plazas? (?:libres|disponibles|vacantes|abiertas)|ofertas? de (?:empleo"
        r"|trabajo|practicas)|puestos? (?:libres|disponibles|vacantes|abiertos))\b"
    ),
    re.compile(
        r"\b(?:recomendarme|referirme|me (?:recomiende|recomienden|refiera|refieran))\s+"
        r"(?:para|a|en)\s+(?:un|el|una|la|algun|alguna)?\s*(?:puesto|trabajo|vacante|empleo"
        r"|rrhh|recursos humanos|practicas|posicion)\b"
    ),
    re.compile(r"\b(?:si )?(?:estan|esta) contratando\b"),
    re.compile(
        r"\b(?:entregar|enviar|pasar|dejar|mandar)(?:le|les)?\s+(?:mi\s+)?(?:cv|curriculum"
        r"|hoja de vida)\b"
    ),
    re.compile(
        r"\b(?:pedir|pedirle|pedirles)\s+(?:un|una|el|la)?\s*(?:trabajo|empleo|puesto"
        r"|entrevista|recomendacion|referencia)\b"
    ),
)


# Getting a job for yourself: an ask unless the goal is about how others got theirs.
JOB_FOR_ME_RE = re.compile(
    r"\b(?:conseguir|encontrar|buscar|obtener|lograr|tener)\s+(?:un |el |una |la |unas |unos )?"
    r"(?:trabajo|empleo|puesto|practicas|pasantia|chamba|curro|job|internship)\b"
)
