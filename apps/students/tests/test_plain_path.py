"""The plain path kept on the student's row (``Student.plain_entered_on`` ...): every use case that writes
events keeps it in step, so the KPI engine may read a student's state from it (the engine's tests hold
it to the reference)."""
from datetime import date

from apps.routes.models import Uitstroomrichting
from apps.students import services
from apps.students.models import PLAIN_FIELDS, Student
from apps.students.schemas import EventIn
from domain.calendar import year_start


def kept(student):
    """The plain path in the database (None: not a plain path); the instance the use case returned agrees."""
    row = Student.objects.filter(pk=student.pk, plain_entered_on__isnull=False).values(*PLAIN_FIELDS).first()
    assert (row or dict.fromkeys(PLAIN_FIELDS)) == {f: getattr(student, f) for f in PLAIN_FIELDS}
    return row and {f.removeprefix("plain_"): value for f, value in row.items()}


def test_the_use_cases_keep_it_in_step(enrol, users, glr_route, registry):
    glr_route.vmbo_diploma = True    # a DLR: verzorgende (level 3) may be its other uitstroomrichting
    glr_route.save()
    Uitstroomrichting.objects.create(route=glr_route, kwalificatie=registry["k"]["verzorgende"])
    user = users["calvijn"]
    student = enrol(cohort=2019)
    assert kept(student) == {"entered_on": year_start(2019), "out_on": None, "out_to": None, "switched_on": None,
                             "doorstroom_on": None}

    student, _ = services.record_event(user, student, EventIn(kind="switch", date=date(2020, 2, 1),
                                                              kwalificatie="25491"))
    assert kept(student)["switched_on"] == date(2020, 2, 1)

    student, _ = services.record_event(user, student, EventIn(kind="uitstroom", date=date(2021, 3, 1),
                                                              destination="regulier_vmbo"))
    assert kept(student)["out_on"] == date(2021, 3, 1) and kept(student)["out_to"] == "regulier_vmbo"

    # a terugkeer makes the path one the engine reads from the events
    student, _ = services.record_event(user, student, EventIn(kind="terugkeer", date=date(2021, 8, 16)))
    assert kept(student) is None

    student, _ = services.remove_event(user, student.events.get(kind="terugkeer"))
    assert kept(student)["out_on"] == date(2021, 3, 1)


def test_a_switch_to_the_same_kwalificatie_is_no_switch(enrol, users):
    student = enrol(cohort=2019)
    student, _ = services.record_event(users["calvijn"], student, EventIn(kind="switch", date=date(2020, 2, 1),
                                                                          kwalificatie="25498"))
    assert kept(student)["switched_on"] is None


def test_refresh_rebuilds_from_the_events(enrol):
    students = [enrol(cohort=2019), enrol(first="Daan", cohort=2020)]
    Student.objects.update(**dict.fromkeys(PLAIN_FIELDS))
    Student.objects.refresh_plain_paths([s.pk for s in students])
    assert list(Student.objects.order_by("cohort").values_list("plain_entered_on", flat=True)) == [
        year_start(2019), year_start(2020)]
    Student.objects.update(**dict.fromkeys(PLAIN_FIELDS))
    Student.objects.all().refresh_plain_paths()
    assert Student.objects.filter(plain_entered_on__isnull=False).count() == 2
