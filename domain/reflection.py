"""The reflection instrument of a partnership: its items and scale, and the pure arithmetic of its results.

The content follows "Leerlabs doorlopende leerroutes: inhoud, samenwerking en verankering" (artikel,
2023): the five conditions for cooperation (figure 3), the three domains with the areas of inhoud
(figure 2) and of verankering, and the "achtje" (figure 4: alignment inside each school and between
the schools at the bestuurlijk, management/projectleiding and professioneel level). Each item is a
statement the participant scores on a five-point scale (or answers "weet ik niet"), with a note.
A round also asks whether the agreements and rules of the game still fit the phase of the route.

Item ids are contracts (V1-V5, D1-D8, A1-A6): the API and stored answers use them. Pure: no Django.
Averages are exact fractions; ``rounded`` gives the one-decimal value the pages and the API show."""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction

# --- the scale ---------------------------------------------------------------------------------------

LOWEST, HIGHEST = 1, 5
SCALE = tuple(range(LOWEST, HIGHEST + 1))
SCALE_LABELS = {
    1: "klopt helemaal niet",
    2: "klopt grotendeels niet",
    3: "klopt deels",
    4: "klopt grotendeels",
    5: "klopt helemaal",
}
DONT_KNOW = "weet ik niet"   # an answer without a score (None): left out of every average

# --- the items ---------------------------------------------------------------------------------------


class Group(StrEnum):
    VOORWAARDE = "voorwaarde"
    DOMEIN = "domein"
    ACHTJE = "achtje"


GROUP_LABELS = {
    Group.VOORWAARDE: "Vijf condities voor samenwerking",
    Group.DOMEIN: "Drie domeinen: inhoud, samenwerking, verankering",
    Group.ACHTJE: "Het achtje: afstemming binnen en tussen de scholen",
}
GROUP_SHORT = {Group.VOORWAARDE: "Vijf condities", Group.DOMEIN: "Drie domeinen", Group.ACHTJE: "Het achtje"}


@dataclass(frozen=True)
class Section:
    key: str
    group: Group
    label: str


SECTIONS = (
    Section("condities", Group.VOORWAARDE, "Vijf condities"),
    Section("inhoud", Group.DOMEIN, "Inhoud"),
    Section("samenwerking", Group.DOMEIN, "Samenwerking"),
    Section("verankering", Group.DOMEIN, "Verankering"),
    Section("binnen", Group.ACHTJE, "Binnen de eigen school"),
    Section("tussen", Group.ACHTJE, "Tussen de scholen"),
)
SECTION_BY_KEY = {s.key: s for s in SECTIONS}


@dataclass(frozen=True)
class Item:
    id: str
    section: str
    title: str       # short, for charts and tables
    text: str        # the statement the participant scores

    @property
    def group(self) -> Group:
        return SECTION_BY_KEY[self.section].group


ITEMS = (
    # the five conditions for a promising cooperation
    Item("V1", "condities", "Gedeelde ambitie",
         "Alle betrokkenen hebben dezelfde beelden en verwachtingen bij onze ambitie, en die ambitie is voor "
         "elke partij relevant en inspirerend."),
    Item("V2", "condities", "Recht doen aan belangen",
         "De belangen van elke partij liggen op tafel en worden erkend: voor iedere partij is er iets te brengen "
         "en iets te halen."),
    Item("V3", "condities", "Aandacht voor persoonlijke relaties",
         "We investeren in persoonlijke relaties en vertrouwen, ook buiten de formele overleggen om."),
    Item("V4", "condities", "Professioneel organiseren van de samenwerking",
         "Ontmoetingen zijn geregeld, het is helder hoe besluiten vallen en wie welke rol heeft; de organisatie "
         "is zo licht als mogelijk en zo zwaar als nodig."),
    Item("V5", "condities", "Ontwerpen van een passend proces",
         "Stappen, fasen en mijlpalen zijn helder genoeg, en we gaan ondertussen al aan de slag en leren "
         "gaandeweg; iemand die iedereen vertrouwt houdt het proces in beweging."),
    # the three domains
    Item("D1", "inhoud", "Inhoud: de opgave",
         "We hebben een gedeelde analyse van de huidige situatie en een gedeeld beeld van wat we willen "
         "bereiken."),
    Item("D2", "inhoud", "Inhoud: curriculum",
         "We leggen de curricula en eindtermen van vmbo en mbo naast elkaar en werken overlap en hiaten weg "
         "(bijvoorbeeld met keuzedelen en keuzevakken)."),
    Item("D3", "inhoud", "Inhoud: leerling",
         "Leerlingen worden goed begeleid in hun keuze (LOB) en maken vroeg kennis met het mbo."),
    Item("D4", "inhoud", "Inhoud: docent",
         "Docenten van vmbo en mbo ontmoeten elkaar, leren van elkaar en wisselen uit (gastlessen, "
         "professionalisering)."),
    Item("D5", "samenwerking", "Samenwerking",
         "We blijven investeren in contact, ontmoeting en afspraken, en evalueren niet alleen de inhoudelijke "
         "voortgang maar ook de samenwerking zelf."),
    Item("D6", "verankering", "Verankering: commitment",
         "In de eigen organisatie is er commitment voor de route op alle lagen: bestuur, management en "
         "docenten."),
    Item("D7", "verankering", "Verankering: faciliteren van de uitvoering",
         "Wie de route uitvoert krijgt daarvoor ruimte en stimulans (tijd, middelen) om te ontwikkelen, uit te "
         "voeren, te evalueren en bij te sturen."),
    Item("D8", "verankering", "Verankering: evalueren met leerlingen",
         "We evalueren de uitvoering, koppelen terug en sturen bij, het liefst ook met en door leerlingen."),
    # the achtje: inside one's own school, and between the schools, per level
    Item("A1", "binnen", "Binnen de school: bestuurlijk",
         "Binnen mijn eigen school is het bestuur betrokken bij de route en op één lijn met de uitvoering."),
    Item("A2", "binnen", "Binnen de school: management/projectleiding",
         "Binnen mijn eigen school verbindt het management of de projectleiding visie en praktijk van de route."),
    Item("A3", "binnen", "Binnen de school: professioneel",
         "Binnen mijn eigen school zijn de docenten betrokken en weten zij wat bestuur en management met de "
         "route willen."),
    Item("A4", "tussen", "Tussen de scholen: bestuurlijk",
         "Tussen de scholen is er afstemming op bestuurlijk niveau."),
    Item("A5", "tussen", "Tussen de scholen: management/projectleiding",
         "Tussen de scholen is er afstemming op het niveau van management en projectleiding."),
    Item("A6", "tussen", "Tussen de scholen: professioneel",
         "Tussen de scholen is er afstemming tussen de docenten."),
)
ITEM_IDS = tuple(item.id for item in ITEMS)
ITEM_BY_ID = {item.id: item for item in ITEMS}
_ORDER = {item_id: index for index, item_id in enumerate(ITEM_IDS)}


def items_of(group: Group | str | None = None, section: str | None = None) -> tuple[Item, ...]:
    return tuple(i for i in ITEMS if (group is None or i.group == group) and (section is None or i.section == section))


# --- the phase question ------------------------------------------------------------------------------

PHASE_FIT_QUESTION = ("Passen de afspraken en spelregels die we met elkaar hebben gemaakt nog bij de fase "
                      "waarin de samenwerking nu zit?")
PHASE_FIT_LABELS = {"ja": "ja, ze passen", "deels": "deels", "nee": "nee, ze moeten herzien worden"}

# Results are shown once this many partner institutions each have a submitted response: one partner
# alone has nothing to compare with.
MIN_PARTNERS = 2

# --- input checks ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    score: int | None      # None: "weet ik niet"
    note: str = ""


@dataclass(frozen=True)
class Problem:
    field: str             # "answers.V3", "answers.V3.score", "phase_fit"
    message: str


def problems(answers: Mapping[str, Answer], phase_fit: str = "", complete: bool = False) -> list[Problem]:
    """What is wrong with a response: an unknown item, a score off the scale; and when it is
    submitted (``complete``), every item not answered (a score or "weet ik niet") and the phase
    question left open. Each problem names the item."""
    found = [Problem(f"answers.{key}", f"Onbekend onderdeel '{key}'.") for key in answers if key not in ITEM_BY_ID]
    for key, answer in answers.items():
        if key in ITEM_BY_ID and answer.score is not None and answer.score not in SCALE:
            found.append(Problem(f"answers.{key}.score",
                                 f"{key} {ITEM_BY_ID[key].title}: kies een score van {LOWEST} tot en met {HIGHEST} "
                                 f"of '{DONT_KNOW}'."))
    if phase_fit and phase_fit not in PHASE_FIT_LABELS:
        found.append(Problem("phase_fit", f"Kies een van: {', '.join(PHASE_FIT_LABELS)}."))
    if complete:
        found += [Problem(f"answers.{item.id}", f"{item.id} {item.title}: nog niet beantwoord (kies een score of "
                                                f"'{DONT_KNOW}').")
                  for item in ITEMS if item.id not in answers]
        if not phase_fit:
            found.append(Problem("phase_fit", "Beantwoord de vraag of de afspraken nog bij de fase passen."))
    return found


# --- averages -----------------------------------------------------------------------------------------

Scores = Mapping[str, int | None]          # one response: item id -> score (None: weet ik niet)
Means = dict[str, Fraction | None]         # item id (or group, section) -> average (None: no score)


def mean(values: Iterable[int | Fraction | None]) -> Fraction | None:
    """The exact average of the values given (None left out); None when there is none."""
    present = [Fraction(v) for v in values if v is not None]
    return sum(present, Fraction(0)) / len(present) if present else None


def item_means(responses: Iterable[Scores]) -> Means:
    """Per item the average score over the responses (one partner's participants)."""
    responses = list(responses)
    return {item_id: mean(r.get(item_id) for r in responses) for item_id in ITEM_IDS}


def partner_means(responses: Iterable[tuple[Hashable, Scores]]) -> dict[Hashable, Means]:
    """Per partner (any key: an institution) the average per item of its participants' responses, the
    partners in the order they first appear."""
    grouped: dict[Hashable, list[Scores]] = {}
    for partner, scores in responses:
        grouped.setdefault(partner, []).append(scores)
    return {partner: item_means(scores) for partner, scores in grouped.items()}


def group_means(means: Mapping[str, Fraction | None]) -> Means:
    """Per group the average of its items' averages (each item weighs the same; items without a score
    left out)."""
    return {str(group): mean(means.get(i.id) for i in items_of(group)) for group in Group}


def section_means(means: Mapping[str, Fraction | None]) -> Means:
    return {s.key: mean(means.get(i.id) for i in items_of(section=s.key)) for s in SECTIONS}


def overall_means(by_partner: Mapping[Hashable, Mapping[str, Fraction | None]]) -> Means:
    """Per item the average of the partners' averages: every partner weighs the same, however many of
    its people took part."""
    return {item_id: mean(means.get(item_id) for means in by_partner.values()) for item_id in ITEM_IDS}


# --- where the partners differ ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    item: str
    spread: Fraction       # highest partner average minus lowest
    highest: Hashable      # the partner with the highest average
    lowest: Hashable


def differences(by_partner: Mapping[Hashable, Mapping[str, Fraction | None]]) -> list[Difference]:
    """Per item scored by at least two partners: how far their averages lie apart, the largest first
    (ties in the items' own order). Partners tied for highest or lowest: the first given."""
    found = []
    for item_id in ITEM_IDS:
        scored = [(partner, means[item_id]) for partner, means in by_partner.items() if means.get(item_id) is not None]
        if len(scored) < MIN_PARTNERS:
            continue
        high = max(scored, key=lambda pair: pair[1])
        low = min(scored, key=lambda pair: pair[1])
        found.append(Difference(item_id, high[1] - low[1], high[0], low[0]))
    return sorted(found, key=lambda d: (-d.spread, _ORDER[d.item]))


def comparable(submitted: Mapping[Hashable, int]) -> bool:
    """Whether a round's results can be shown: at least MIN_PARTNERS partners have a submitted response
    (``submitted``: partner -> number of submitted responses)."""
    return sum(1 for count in submitted.values() if count > 0) >= MIN_PARTNERS


# --- change between rounds -------------------------------------------------------------------------------


def change(before: Mapping[str, Fraction | None], after: Mapping[str, Fraction | None]) -> Means:
    """Per key the change from one round to the next (after minus before); None where either has no
    average."""
    return {key: (after[key] - before[key] if before.get(key) is not None and after.get(key) is not None else None)
            for key in after}


def trend(rounds: Iterable[Mapping[Hashable, Mapping[str, Fraction | None]]], key: str) -> dict[Hashable, list]:
    """Per partner its average of ``key`` (an item, group or section key of the means given) in each
    round, in the rounds' order (None where the partner had none in that round)."""
    rounds = list(rounds)
    partners = list(dict.fromkeys(p for by_partner in rounds for p in by_partner))
    return {p: [by_partner.get(p, {}).get(key) for by_partner in rounds] for p in partners}


def rounded(value: Fraction | None, places: int = 1) -> Decimal | None:
    """An average as the pages show it: a Decimal with ``places`` decimals, halves rounded up."""
    if value is None:
        return None
    quantum = Decimal(1).scaleb(-places)
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(quantum, rounding=ROUND_HALF_UP)
