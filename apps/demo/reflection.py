"""Demo reflection rounds (the reflection instrument of "Leerlabs doorlopende leerroutes: inhoud,
samenwerking en verankering", 2023) for two partnerships, each with an earlier and a recent round so the
change shows, written through the app's use cases on the days they happened:

- the Calvijn College - ROC van Amsterdam Vakmanschapsroute, a mature route (students since 2014-15);
- the IJburg College - ROC van Amsterdam route in development, the leerlab Amsterdam-IJburg, which put
  LOB first and evaluated the LOB assignments with students along the way (the article).

The sources give no scores: every score and note here is illustrative, and the rounds say so. Where the
partners' views differ (belangen and facilitating at Calvijn, where the target "kostendekkend voor beide
partners" is the inventory's; the achtje between the schools at IJburg) is an illustration too.
Deterministic: the same days (counted back from the loader's day) and the same scores every load."""
from datetime import timedelta

from apps.accounts.models import User
from apps.reflection import services
from apps.reflection.schemas import ResponseIn, RoundIn
from domain import reflection as core

ILLUSTRATIVE = ("Illustratief: de bronnen geven geen scores; scores en toelichtingen in deze demo zijn verzonnen om "
                "het instrument te laten zien. Instrument naar 'Leerlabs doorlopende leerroutes: inhoud, "
                "samenwerking en verankering' (2023).")

# (days before the loader's day the round opened, days it was open)
EARLIER, RECENT = (430, 28), (70, 28)


def _scores(base: int, **items: int) -> dict[str, int | None]:
    return {item: items.get(item, base) for item in core.ITEM_IDS}


# Per partner side and round: the scores per item its participants give (each person may differ on a
# few items, "personal" below; None is "weet ik niet").
CALVIJN_VO = {
    "earlier": _scores(4, V2=2, V4=4, D2=4, D7=3, A1=3, A4=3, A6=4),
    "recent": _scores(4, V2=3, V3=5, D2=4, D7=3, A1=4, A4=4, A6=4),
}
CALVIJN_MBO = {
    "earlier": _scores(4, V2=4, V3=3, D4=3, D7=2, A3=3, A4=3, A6=2, D8=3),
    "recent": _scores(4, V2=4, V3=4, D4=3, D7=2, A3=3, A4=4, A6=3, D8=3),
}
IJBURG_VO = {
    "earlier": _scores(3, V1=4, V3=4, D1=3, D2=2, D3=4, D8=3, A1=3, A4=2, A5=3, A6=3),
    "recent": _scores(3, V1=4, V3=4, D1=4, D2=3, D3=5, D8=5, A1=3, A4=2, A5=4, A6=4),
}
IJBURG_MBO = {
    "earlier": _scores(3, V1=3, V2=2, V5=2, D2=2, D3=4, D7=2, A2=2, A4=2, A5=2, A6=2),
    "recent": _scores(3, V1=4, V2=3, V5=3, D2=2, D3=4, D7=2, D8=4, A2=3, A4=2, A5=3, A6=3),
}

PARTNERSHIPS = [
    {"route": "calvijn-vmr", "opener": "calvijn",
     "profiles": {"vo": CALVIJN_VO, "mbo": CALVIJN_MBO},
     "participants": {"calvijn": "vo", "financien-calvijn": "vo", "bestuur-zaam": "vo",
                      "rocva": "mbo", "examen-rocva": "mbo", "financien-rocva": "mbo"},
     # one person answers an item differently from their colleagues ("weet ik niet": None)
     "personal": {"financien-calvijn": {"D4": None, "D3": None}, "bestuur-zaam": {"A1": 5, "D4": None},
                  "examen-rocva": {"D8": 2, "V4": 3}, "financien-rocva": {"D3": None, "V2": 5}},
     "phase_fit": {"earlier": {"vo": "ja", "mbo": "deels"}, "recent": {"vo": "ja", "mbo": "ja"}},
     "phase_notes": {("rocva", "earlier"): "Illustratief: de afspraken over de uren van de mbo-docenten zijn van de "
                                           "start; ze passen niet meer bij cohorten van ongeveer 45 leerlingen."},
     "notes": {
         ("calvijn", "V2"): "Illustratief: hoe de bekostiging over de routejaren wordt verdeeld, vraagt elk jaar "
                            "opnieuw gesprek; beide partners willen kostendekkend werken.",
         ("rocva", "D7"): "Illustratief: de mbo-docenten die op het Calvijn lesgeven krijgen daar te weinig uren voor.",
         ("rocva", "A6"): "Illustratief: de docenten van beide kanten zien elkaar vooral bij de overgang naar jaar 5.",
         ("bestuur-zaam", "A4"): "Illustratief: het bestuurlijk overleg gaat over de afrekening, minder over de koers.",
     }},
    {"route": "ijburg-glr", "opener": "ijburg",
     "profiles": {"vo": IJBURG_VO, "mbo": IJBURG_MBO},
     "participants": {"ijburg": "vo", "rocva": "mbo", "examen-rocva": "mbo"},
     "personal": {"examen-rocva": {"D3": 3, "D8": None}},
     "phase_fit": {"earlier": {"vo": "deels", "mbo": "nee"}, "recent": {"vo": "deels", "mbo": "deels"}},
     "phase_notes": {("rocva", "earlier"): "Illustratief: we werken nog zonder vastgelegde afspraken; voor een eerste "
                                           "cohort is een overeenkomst nodig."},
     "notes": {
         ("ijburg", "D3"): "Illustratief: de LOB-opdrachten zijn tussentijds met leerlingen geëvalueerd en "
                           "aangepast, zoals in het leerlab.",
         ("ijburg", "A4"): "Illustratief: er is nog geen bestuurlijk overleg over de route.",
         ("rocva", "D7"): "Illustratief: voor gastlessen op IJburg is bij het mbo nog geen tijd vrijgemaakt.",
     }},
]

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")


def _response(partnership: dict, username: str, when: str) -> ResponseIn:
    side = partnership["participants"][username]
    scores = {**partnership["profiles"][side][when], **partnership["personal"].get(username, {})}
    notes = partnership["notes"] if when == "recent" else {}
    answers = {item: {"score": score, "note": notes.get((username, item), "")} for item, score in scores.items()}
    return ResponseIn.model_validate({
        "answers": answers, "phase_fit": partnership["phase_fit"][when][side],
        "phase_fit_note": partnership["phase_notes"].get((username, when), ""), "submit": True})


def load(loader) -> None:
    users = {u.username: u for u in User.objects.filter(is_demo=True)}
    for partnership in PARTNERSHIPS:
        route = loader.routes[partnership["route"]]
        for when, (days_ago, open_days) in (("earlier", EARLIER), ("recent", RECENT)):
            opens_on = loader.today - timedelta(days=days_ago)
            closes_on = opens_on + timedelta(days=open_days)
            rnd = services.open_round(users[partnership["opener"]], route, RoundIn(
                title=f"Reflectie {MONTHS[opens_on.month - 1]} {opens_on.year}", opens_on=opens_on,
                closes_on=closes_on, note=ILLUSTRATIVE, participants=list(partnership["participants"])), on=opens_on)
            for n, username in enumerate(partnership["participants"]):
                services.save_response(users[username], rnd, _response(partnership, username, when),
                                       on=opens_on + timedelta(days=3 + n))
