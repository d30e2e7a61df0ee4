"""Importing DUO population counts: both shapes of DUO's file, all rows or none, row errors that
name row, column and value, audit, and who may import."""
import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied

from apps.regional import services
from apps.regional.schemas import PopulationImportIn
from apps.registry.models import PopulationCount

WIDE_HEADER = ("BRIN NUMMER;VESTIGINGSNUMMER;INSTELLINGSNAAM VESTIGING;PLAATSNAAM VESTIGING;GEMEENTENAAM;"
               "ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR;OPLEIDINGSNAAM;"
               + ";".join(f"LEER- OF VERBLIJFSJAAR {n} - {g}" for n in range(1, 7) for g in ("MAN", "VROUW")))


def wide(*rows):
    return (WIDE_HEADER + "\n" + "\n".join(rows) + "\n").encode()


def counts(*pairs):
    """12 cells: (man, vrouw) for leerjaar 1..6."""
    cells = [""] * 12
    for leerjaar, man, vrouw in pairs:
        cells[2 * (leerjaar - 1)], cells[2 * (leerjaar - 1) + 1] = str(man), str(vrouw)
    return ";".join(cells)


def run(user, content, school_year=2021, filename="duo.csv"):
    return services.import_population(user, PopulationImportIn(school_year=school_year, filename=filename,
                                                               content=content))


def test_wide_file_imported_with_profiel_leerweg_and_leerjaar(region, users):
    content = wide(
        f"91AA;91AA00;School A;AMSTERDAM;Amsterdam;VMBO BL lj 3-4;VMBO BB ZORG EN WELZIJN;"
        f"{counts((3, 10, 12), (4, 9, 8))}",
        f"91AA;00;School A;AMSTERDAM;Amsterdam;VMBO KL lj 3-4;Economie en ondernemen;{counts((3, 4, 3))}",
        f"91AB;0;School B;AMSTERDAM;Amsterdam;Brugjaar 1-2;;{counts((1, 50, 50))}",            # not vmbo: skipped
        f"91AB;00;School B;AMSTERDAM;Amsterdam;HAVO lj 4-5;HAVO;{counts((4, 5, 5))}",            # skipped
        f"91AC;00;School C;DIEMEN;Diemen;VMBO TL lj 3-4;VMBO TL;{counts((3, '<5', 6))}",
    )
    result = run(users["beheer"], content)
    assert (result.school_year, result.rows_read, result.rows_skipped) == (2021, 5, 2)
    rows = {(c.institution.brin, c.leerweg.code, c.profiel.code if c.profiel else None, c.leerjaar): c
            for c in PopulationCount.objects.filter(school_year=2021)}
    assert rows[("91AA", "BB", "Z&W", 3)].count == 22 and rows[("91AA", "BB", "Z&W", 4)].count == 17
    assert rows[("91AA", "KB", "E&O", 3)].count == 7
    c = rows[("91AC", "TL", None, 3)]
    assert (c.count, c.below_five, c.gemeente) == (6, True, "Diemen")
    assert len(rows) == 4 and result.counts_written == 4
    entry = LogEntry.objects.get(object_repr__startswith="leerlingaantallen DUO 2021")
    assert entry.actor == users["beheer"] and entry.additional_data["rows"] == 5


def test_long_file_with_schooljaar_and_stadsdeel(region, users):
    content = (b"SCHOOLJAAR;BRIN NUMMER;VESTIGINGSNUMMER;PLAATSNAAM VESTIGING;STADSDEEL;"
               b"ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR;OPLEIDINGSNAAM;LEERJAAR;AANTAL LEERLINGEN\n"
               b"2022-2023;91AA;00;Amsterdam;Noord;VMBO BL lj 3-4;Zorg en welzijn;3;20\n"
               b"2022-2023;91AA;00;Amsterdam;Noord;VMBO BL lj 3-4;Zorg en welzijn;4;18\n")
    result = run(users["beheer"], content, school_year=None)
    assert result.school_year == 2022 and result.counts_written == 2
    c = PopulationCount.objects.get(school_year=2022, leerjaar=3)
    assert (c.count, c.gemeente, c.stadsdeel, c.profiel.code) == (20, "Amsterdam", "Noord", "Z&W")


def test_any_row_error_refuses_the_whole_file(region, users):
    before = PopulationCount.objects.count()
    content = wide(
        f"91AA;00;School A;A;Amsterdam;VMBO BL lj 3-4;Zorg en welzijn;{counts((3, 10, 12))}",
        f"99ZZ;00;Onbekend;A;Amsterdam;VMBO BL lj 3-4;Zorg en welzijn;{counts((3, 1, 1))}",
        f"91AB;07;School B;A;Amsterdam;VMBO KL lj 3-4;Zorg en welzijn;{counts((3, 1, 1))}",
        f"91AC;00;School C;A;Diemen;VMBO KL lj 3-4;Zorg en welzijn;{counts((3, 'tien', 1))}",
        f"92AA;00;Mbo Test;A;Amsterdam;VMBO KL lj 3-4;Zorg en welzijn;{counts((3, 1, 1))}",
    )
    with pytest.raises(services.PopulationImportError) as refused:
        run(users["beheer"], content)
    errors = [(e["row"], e["column"], e["value"]) for e in refused.value.errors]
    assert errors == [(3, "BRIN NUMMER", "99ZZ"), (4, "VESTIGINGSNUMMER", "07"),
                      (5, "LEER- OF VERBLIJFSJAAR 3 - MAN", "tien"), (6, "BRIN NUMMER", "92AA")]
    assert all(e["message"] for e in refused.value.errors)
    assert PopulationCount.objects.count() == before  # nothing written, also not the good first row


def test_missing_columns_and_school_year_named(region, users):
    with pytest.raises(services.PopulationImportError) as refused:
        run(users["beheer"], b"BRIN NUMMER;AANTAL\n91AA;3\n", school_year=None)
    columns = {e["column"] for e in refused.value.errors}
    assert {"VESTIGINGSNUMMER", "ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR", "SCHOOLJAAR"} <= columns
    with pytest.raises(services.PopulationImportError) as refused:
        run(users["beheer"], b"\x00\x01binary", filename="x.csv")
    assert refused.value.errors[0]["column"] == "file"


def test_reimport_replaces_the_vestigingen_in_the_file(region, users):
    run(users["beheer"], wide(f"91AA;00;A;A;Amsterdam;VMBO BL lj 3-4;Zorg en welzijn;{counts((3, 10, 10))}"),
        school_year=2020)
    a = PopulationCount.objects.filter(school_year=2020, institution=region["a"])
    assert list(a.values_list("leerjaar", "count")) == [(3, 20)]  # the fixture's counts of School A replaced
    # School B's counts of 2020 (not in the file) stay
    assert PopulationCount.objects.filter(school_year=2020, institution=region["b"]).count() == 1


def test_only_a_beheerder_imports(region, users):
    for name in ("regio", "calvijn"):
        with pytest.raises(PermissionDenied):
            run(users[name], wide())


def test_counts_grouped_by_dutch_excel_are_read_and_ambiguous_ones_refused(region, users):
    """DUO writes plain digits; a file saved by Dutch Excel may write 1.234 (domain.numbers): read as
    1234. "1,234" (English grouping or a decimal?) and "12,5" (no count) are refused, naming the cell."""
    result = run(users["beheer"], wide(
        f"91AA;00;School A;A;Amsterdam;VMBO BL lj 3-4;Zorg en welzijn;{counts((3, '1.234', 10))}"), school_year=2020)
    assert result.counts_written == 1
    assert PopulationCount.objects.get(school_year=2020, institution=region["a"], leerjaar=3).count == 1244
    with pytest.raises(services.PopulationImportError) as refused:
        run(users["beheer"], wide(
            f"91AA;00;School A;A;Amsterdam;VMBO BL lj 3-4;Zorg en welzijn;{counts((3, '1,234', '12,5'))}"))
    errors = {e["value"]: e["message"] for e in refused.value.errors}
    assert "dubbelzinnig" in errors["1,234"] and "geheel getal" in errors["12,5"]
