"""The sources' benchmarks: the Amsterdam niveau-2 jaarresultaat (about 65% "in 2019", at both ROCvA and
ROC TOP; taken as the school year ending in 2019, 2018-2019) and the niveau-2 uitval in the Amsterdam RMC region (11.5% in 2018-2019, a yearly rate: it is
compared with the yearly uitval beside K-08, never with the cohort figure K-02)."""
from decimal import Decimal

from django.db import migrations

SOURCE = ("Doorlopende leerroutes in Amsterdam. Een verkenning van bestaande en in ontwikkeling zijnde "
          "doorlopende leerroutes vmbo-mbo in Amsterdam (Samenwerkingsverband VO Amsterdam-Diemen, 19 april 2021)")

BENCHMARKS = (
    dict(kpi="K-08", parameter="", label="Gemiddeld jaarresultaat Amsterdamse niveau 2-opleidingen",
         value=Decimal("65"), level="regio", scope="Amsterdam (ROCvA en ROC TOP)", mbo_level=2, school_year=2018),
    dict(kpi="K-08", parameter="uitval", label="Uitval niveau 2-opleidingen in de RMC-regio Amsterdam",
         value=Decimal("11.5"), level="regio", scope="RMC-regio Amsterdam", mbo_level=2, school_year=2018),
)


def seed(apps, schema_editor):
    Benchmark = apps.get_model("results", "Benchmark")
    for row in BENCHMARKS:
        Benchmark.objects.get_or_create(kpi=row["kpi"], parameter=row["parameter"], school_year=row["school_year"],
                                        scope=row["scope"], defaults={**row, "source": SOURCE})


def unseed(apps, schema_editor):
    Benchmark = apps.get_model("results", "Benchmark")
    for row in BENCHMARKS:
        Benchmark.objects.filter(kpi=row["kpi"], parameter=row["parameter"], school_year=row["school_year"],
                                 scope=row["scope"]).delete()


class Migration(migrations.Migration):
    dependencies = [("results", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
