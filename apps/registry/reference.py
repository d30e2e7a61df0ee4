"""The national reference lists every installation needs: the 10 vmbo profielen and 4 leerwegen."""

PROFIELEN = [
    ("BWI", "Bouwen, wonen en interieur"), ("PIE", "Produceren, installeren en energie"),
    ("MaT", "Maritiem en techniek"), ("M&T", "Mobiliteit en transport"), ("MVI", "Media, vormgeving en ICT"),
    ("D&P", "Dienstverlening en producten"), ("Z&W", "Zorg en welzijn"), ("E&O", "Economie en ondernemen"),
    ("HBR", "Horeca, bakkerij en recreatie"), ("Groen", "Groen"),
]
LEERWEGEN = [("BB", "basisberoepsgerichte leerweg"), ("KB", "kaderberoepsgerichte leerweg"),
             ("GL", "gemengde leerweg"), ("TL", "theoretische leerweg")]


def seed(apps) -> None:
    """Create or update the lists (``apps`` is a migration's app registry or django.apps.apps)."""
    Profiel = apps.get_model("registry", "Profiel")
    Leerweg = apps.get_model("registry", "Leerweg")
    for code, name in PROFIELEN:
        Profiel.objects.update_or_create(code=code, defaults={"name": name})
    for order, (code, name) in enumerate(LEERWEGEN):
        Leerweg.objects.update_or_create(code=code, defaults={"name": name, "order": order})
