"""M2 with several vo-schools (TOT: De Uilenhof and Insula each receive invoices from Da Vinci):
one invoice per vo-school for its own students; the single-school statement stays as it was."""
import pytest

from domain.settlement import ParameterError, Transfer, calculate

TOT = {"funding_per_student": 9000, "lines": [
    {"students": 15, "days_at_partner": 1, "vo_school": "De Uilenhof"},
    {"students": 12, "days_at_partner": 4, "vo_school": "De Uilenhof"},
    {"students": 10, "days_at_partner": 1, "vo_school": "Insula College"},
    {"students": 10, "days_at_partner": 4, "vo_school": "Insula College"}]}


def test_each_vo_school_gets_its_own_invoice():
    s = calculate("M2", TOT)
    assert [(i.debtor, i.creditor, i.lines, i.total_cents) for i in s.invoices] == [
        ("De Uilenhof", "mbo", ("lines[0]", "lines[1]"), 27_000_00 + 86_400_00),
        ("Insula College", "mbo", ("lines[2]", "lines[3]"), 18_000_00 + 72_000_00)]
    assert s.transfers == (Transfer("De Uilenhof", "mbo", 113_400_00), Transfer("Insula College", "mbo", 90_000_00))
    # the same 25 + 22 students as the worked example: together 203.400 invoiced by the mbo
    assert s.parties == {"De Uilenhof": 243_000_00 - 113_400_00, "Insula College": 180_000_00 - 90_000_00,
                         "mbo": 203_400_00}
    assert sum(s.parties.values()) == 423_000_00
    assert s.to_json(full=True)["invoices"][1] == {"debtor": "Insula College", "creditor": "mbo",
                                                   "lines": ["lines[2]", "lines[3]"], "total": "90000.00"}
    assert calculate("M2", s.inputs) == s


def test_one_vo_school_is_unchanged():
    s = calculate("M2", {"funding_per_student": 9000, "lines": [{"students": 25, "days_at_partner": 1},
                                                                {"students": 22, "days_at_partner": 4}]})
    assert s.parties == {"vo": 219_600_00, "mbo": 203_400_00} and s.invoices == ()
    assert "invoices" not in s.to_json(full=True)
    empty_names = calculate("M2", {"funding_per_student": 9000, "lines": [
        {"students": 25, "days_at_partner": 1, "vo_school": ""}]})
    assert empty_names.parties["mbo"] == 45_000_00 and "vo_school" not in empty_names.inputs["lines"][0]


def test_every_line_names_its_vo_school_or_none_does():
    lines = [*TOT["lines"][:2], {"students": 3, "days_at_partner": 1}]
    with pytest.raises(ParameterError) as problem:
        calculate("M2", {**TOT, "lines": lines})
    assert problem.value.parameter == "lines[2].vo_school"
