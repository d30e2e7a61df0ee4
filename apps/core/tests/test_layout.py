"""The page frame every page shares: a skip link to the content, the account's pages under the user's
name (the header stays on one line on a laptop), and words instead of Django's "---------" in choices."""
import re

import pytest

EMPTY_OPTION = re.compile(r'<option value=""[^>]*>([^<]*)</option>')


@pytest.mark.django_db
def test_every_page_has_a_skip_link_to_its_content(client, users):
    client.login(username="calvijn", password="pw-calvijn")
    page = client.get("/routes/").content.decode()
    assert '<a class="skip-link" href="#inhoud">' in page and '<main id="inhoud"' in page
    assert 'class="account"' in page and "Wachtwoord wijzigen" in page


@pytest.mark.django_db
def test_empty_choices_say_what_they_mean(client, users, route):
    client.login(username="calvijn", password="pw-calvijn")
    paths = ("/routes/", "/routes/nieuw/", f"/routes/{route.pk}/bewerken/")
    pages = [client.get(path).content.decode() for path in paths]
    labels = {label for page in pages for label in EMPTY_OPTION.findall(page)}
    assert "---------" not in "".join(pages)
    assert "Alle" in labels                       # a list filter left open
    assert labels & {"Maak een keuze", "(geen)"}  # a form's required or optional choice
