"""Person becomes the one source of a contact's name and e-mail: every contact without a person gets
one (as 0008 did), then Contact.person is required and Contact.name and Contact.email go."""
import django.db.models.deletion
from django.db import migrations, models


def people_for_remaining_contacts(apps, schema_editor):
    Contact = apps.get_model("routes", "Contact")
    Person = apps.get_model("routes", "Person")
    for contact in Contact.objects.filter(person__isnull=True):
        person = None
        if contact.email:
            person = Person.objects.filter(institution_id=contact.institution_id, email__iexact=contact.email).first()
        if person is None:
            person, _ = Person.objects.get_or_create(institution_id=contact.institution_id, name=contact.name,
                                                     email=contact.email)
        contact.person = person
        contact.save(update_fields=["person"])


def names_back(apps, schema_editor):
    Contact = apps.get_model("routes", "Contact")
    for contact in Contact.objects.select_related("person"):
        contact.name, contact.email = contact.person.name, contact.person.email
        contact.save(update_fields=["name", "email"])


class Migration(migrations.Migration):

    dependencies = [
        ("routes", "0009_compliancefinding_message_data"),
    ]

    operations = [
        migrations.RunPython(people_for_remaining_contacts, migrations.RunPython.noop),
        migrations.AlterModelOptions(
            name="contact",
            options={"ordering": ["role", "person__name"], "verbose_name": "contactpersoon",
                     "verbose_name_plural": "contactpersonen"},
        ),
        migrations.AlterField(
            model_name="contact",
            name="person",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="roles",
                                    to="routes.person", verbose_name="persoon"),
        ),
        migrations.RunPython(migrations.RunPython.noop, names_back),
        migrations.RemoveField(model_name="contact", name="email"),
        migrations.RemoveField(model_name="contact", name="name"),
    ]
