"""With debug off (as `make run` and production serve), a missing page or a refused one is the product's
own page in its layout, never Django's technical page."""
import pytest


@pytest.mark.django_db
def test_unknown_address_shows_the_products_404_page(client, users):
    client.login(username="calvijn", password="pw-calvijn")
    response = client.get("/bestaat/niet/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Deze pagina bestaat niet" in page and "Naar de startpagina" in page
    assert "Using the URLconf" not in page and "Page not found" not in page


@pytest.mark.django_db
def test_a_missing_record_shows_the_products_404_page(client, users):
    client.login(username="calvijn", password="pw-calvijn")
    response = client.get("/routes/987654/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()
