"""Step 2, quick capture's word lists: what marks a job title, an organization, a place, a name.

Kept apart from the parser (``capture.py``) so the rules read as rules and the lists can grow
without touching them. Every list is compared case-folded; words, not substrings, unless said.
Several languages, because signatures and directories come in several (English, German,
French, Spanish, Portuguese, Italian, Dutch).
"""

from __future__ import annotations

__all__ = [
    "CITIES",
    "CJK_ORG_ENDINGS",
    "CJK_TITLE_ENDINGS",
    "CLOSINGS",
    "COUNTRIES",
    "EMPLOYMENT",
    "HONORIFICS",
    "ORG_WORDS",
    "PARTICLES",
    "POSTNOMINALS",
    "REGIONS",
    "TITLE_LINKS",
    "TITLE_WORDS",
    "US_STATES",
]

# Words that make a line a job title (T5: titles mislead, but they are still titles).
TITLE_WORDS = frozenset(
    """
    engineer engineering developer programmer architect designer researcher research scientist
    analyst consultant manager director head lead leader chief officer president vp svp evp
    founder co-founder cofounder owner partner principal associate assistant intern trainee
    apprentice specialist coordinator administrator advisor adviser strategist editor writer
    journalist reporter producer composer artist musician curator librarian archivist
    teacher lecturer professor
    instructor tutor dean provost chair fellow postdoc doctoral student candidate nurse
    physician surgeon therapist pharmacist counselor counsellor recruiter accountant
    auditor controller attorney lawyer counsel paralegal economist statistician planner
    technician operator supervisor representative rep agent executive officer secretary
    treasurer fundraiser organizer organiser volunteer ambassador evangelist advocate
    marketer marketing sales product ux ui cto ceo cfo coo cmo cio cpo ciso hr
    ingenieur ingenieurin entwickler entwicklerin leiter leiterin berater beraterin
    oberarzt oberärztin facharzt fachärztin arzt ärztin referent referentin
    geschäftsführer geschäftsführerin projektleiter projektleiterin wissenschaftler
    teamleiter teamleiterin abteilungsleiter abteilungsleiterin sachbearbeiter
    sachbearbeiterin vertriebsleiter vertriebsleiterin
    directeur directrice chargé chargée responsable chef ingénieur ingénieure développeur
    développeuse chercheur chercheuse conseiller conseillère gestionnaire
    gerente director directora ingeniero ingeniera desarrollador investigador investigadora
    jefe jefa coordinador coordinadora analista consultor consultora diseñador diseñadora
    gerente diretor diretora engenheiro engenheira pesquisador pesquisadora
    direttore direttrice ingegnere responsabile ricercatore ricercatrice progettista
    directeur ontwerper onderzoeker adviseur medewerker
    """.split()
)

# Regions a title names after a comma ("VP Sales, EMEA"): part of the title, not an employer.
REGIONS = frozenset(
    "emea apac amer americas latam lac mena dach benelux nordics europe asia africa global "
    "uk&i anz".split()
) | {"north america", "south america", "asia pacific", "middle east"}

# Words and abbreviations that make a line an organization's name.
ORG_WORDS = frozenset(
    """
    inc inc. llc llp ltd ltd. limited plc corp corp. corporation company co. gmbh ag kg se sa
    s.a. sas sarl s.l. srl s.r.l. spa s.p.a. bv b.v. nv n.v. oy ab as a/s pty pvt k.k.
    university universität université universidad universidade università universiteit
    college school academy institute institut instituto istituto hochschule école escuela
    hospital clinic klinikum health healthcare medical foundation stiftung fondation
    fundación bank group gruppe groupe grupo labs lab laboratory laboratories agency council
    ministry department government city county museum library association society union
    partners consulting consultancy technologies technology tech systems solutions software
    studio studios network networks services industries holdings ventures capital media
    press publishing airlines airways energy pharma pharmaceuticals therapeutics
    biosciences analytics robotics cloud digital travel insurance trust center centre
    """.split()
)

# Joins a title to its organization on one line: "Product Manager at Stripe".
TITLE_LINKS = (
    "at",
    "@",
    "bei",
    "chez",
    "en",
    "em",
    "na",
    "presso",
    "bij",
)

HONORIFICS = frozenset(
    """
    mr mr. mrs mrs. ms ms. mx mx. miss dr dr. prof prof. professor sir dame herr frau m. mme
    mme. mlle sr sr. sra sra. srta dott. dott.ssa ing. dipl.-ing. dipl. mag. rev rev. med. rer. nat.
    """.split()
)

POSTNOMINALS = frozenset(
    """
    phd ph.d. ph.d md m.d. mba msc m.sc. ma m.a. ms bsc b.sc. ba b.a. cpa cfa pmp rn jd j.d.
    esq esq. dphil mph msw lcsw pe p.e. frcs dds facp mfa med m.ed. edd ed.d.
    """.split()
)

# Lowercase words that belong to a surname: "Ludwig van Beethoven", "Ana de la Cruz".
PARTICLES = frozenset(
    "van von der den de del della degli di da das do dos du la le les ter ten bin ibn al el".split()
)

# Lines that close or decorate a message and are never a name, title or organization.
CLOSINGS = frozenset(
    """
    best regards kind warm warmest many thanks thank cheers sincerely yours truly respectfully
    cordially all the best talk soon take care greetings
    mit freundlichen grüßen grüssen viele grüße beste liebe gruß gruss
    cordialement bien à vous salutations amitiés bonne journée
    saludos atentamente un cordial saludo abrazos
    atenciosamente abraços cumprimentos
    cordiali saluti distinti
    met vriendelijke groet groeten
    sent from my iphone android phone ipad outlook mobile mail
    experience about contact info information activity connect message follow more
    """.split()
)

# Employment types a profile page puts after the organization ("Acme · Full-time").
EMPLOYMENT = frozenset(
    """
    full-time part-time self-employed freelance contract internship apprenticeship seasonal
    temporary permanent vollzeit teilzeit cdi cdd
    """.split()
)

US_STATES = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    # Canadian provinces, written the same way in addresses
    "ON": "Ontario",
    "QC": "Quebec",
    "BC": "British Columbia",
    "AB": "Alberta",
    "MB": "Manitoba",
    "NS": "Nova Scotia",
}

COUNTRIES = frozenset(
    """
    united states|usa|us|u.s.|united kingdom|uk|england|scotland|wales|ireland|canada|mexico|
    méxico|brazil|brasil|argentina|chile|colombia|peru|perú|germany|deutschland|austria|
    österreich|switzerland|schweiz|suisse|france|belgium|belgique|belgië|netherlands|nederland|
    the netherlands|luxembourg|spain|españa|portugal|italy|italia|denmark|danmark|sweden|
    sverige|norway|norge|finland|suomi|iceland|poland|polska|czechia|czech republic|hungary|
    romania|greece|turkey|türkiye|israel|egypt|morocco|nigeria|ghana|kenya|south africa|
    ethiopia|india|pakistan|bangladesh|sri lanka|nepal|china|japan|日本|korea|south korea|
    taiwan|hong kong|singapore|malaysia|indonesia|philippines|vietnam|thailand|australia|
    new zealand|united arab emirates|uae|saudi arabia|qatar
    """.replace("\n", "").split("|")
)
COUNTRIES = frozenset(c.strip() for c in COUNTRIES if c.strip())

# Big cities that name a place on their own ("Jane Doe | Stripe | London").
CITIES = frozenset(
    """
    new york|nyc|los angeles|chicago|houston|phoenix|philadelphia|san antonio|san diego|dallas|
    austin|san francisco|seattle|boston|denver|atlanta|miami|portland|minneapolis|detroit|
    pittsburgh|baltimore|washington|nashville|toronto|montreal|montréal|vancouver|ottawa|
    calgary|london|manchester|edinburgh|glasgow|dublin|paris|lyon|marseille|berlin|hamburg|
    munich|münchen|cologne|köln|frankfurt|stuttgart|vienna|wien|zurich|zürich|geneva|genève|
    amsterdam|rotterdam|brussels|bruxelles|madrid|barcelona|valencia|seville|sevilla|lisbon|
    lisboa|porto|rome|roma|milan|milano|copenhagen|københavn|stockholm|oslo|helsinki|warsaw|
    warszawa|prague|praha|budapest|athens|istanbul|tel aviv|cairo|lagos|nairobi|cape town|
    johannesburg|mumbai|delhi|new delhi|bangalore|bengaluru|hyderabad|chennai|pune|beijing|
    shanghai|shenzhen|tokyo|東京|osaka|seoul|taipei|singapore|kuala lumpur|jakarta|manila|
    bangkok|sydney|melbourne|brisbane|auckland|mexico city|ciudad de méxico|são paulo|
    sao paulo|rio de janeiro|buenos aires|santiago|bogotá|bogota|lima|dubai
    """.replace("\n", "").split("|")
)
CITIES = frozenset(c.strip() for c in CITIES if c.strip())

# How a Chinese or Japanese job title or organization ends (written without spaces, so matched
# as the end of the text: 高级数据工程师, 阿里巴巴集团, トヨタ自動車株式会社).
CJK_TITLE_ENDINGS = (
    "工程师",
    "经理",
    "总监",
    "主任",
    "总裁",
    "主管",
    "顾问",
    "教授",
    "研究员",
    "设计师",
    "分析师",
    "专员",
    "总经理",
    "董事",
    "董事长",
    "秘书",
    "律师",
    "会计师",
    "科学家",
    "讲师",
    "助理",
    "エンジニア",
    "マネージャー",
    "部長",
    "課長",
    "係長",
    "社長",
    "取締役",
    "主任",
    "教授",
    "研究員",
    "デザイナー",
    "コンサルタント",
    "担当",
    "室長",
    "本部長",
)
CJK_ORG_ENDINGS = (
    "公司",
    "集团",
    "大学",
    "学院",
    "银行",
    "研究院",
    "研究所",
    "事务所",
    "医院",
    "中心",
    "协会",
    "株式会社",
    "有限会社",
    "会社",
    "グループ",
    "銀行",
    "大学校",
    "研究所",
    "病院",
    "財団",
)
