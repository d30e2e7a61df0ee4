"""In a real browser under the Content-Security-Policy: the two-factor enrolment and login of a
beheerder, the admin, and the API documentation from the product's own static files."""
import re
from base64 import b32decode
from urllib.parse import urlparse

from django_otp.oath import totp


def code_from(secret_text: str) -> str:
    """The code an authenticator app would show for the secret on the enrolment page."""
    return f"{totp(b32decode(secret_text.replace(' ', ''))):06d}"


def test_beheerder_enrols_then_logs_in_with_the_code_and_reaches_the_admin(page, users, live_server):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    page.goto("/inloggen/")
    page.fill("#id_username", "beheer")
    page.fill("#id_password", "pw-beheer")
    page.click("button[type=submit]")
    page.wait_for_url("**/account/tweestapsverificatie/**")
    assert page.locator(".otp-qr svg").is_visible()
    secret = page.locator("#otp-secret").inner_text()
    page.goto("/beheer/")  # nothing else before the enrolment
    page.wait_for_url("**/account/tweestapsverificatie/**")
    page.fill("#id_code", code_from(secret))
    page.click("button[type=submit]")
    page.wait_for_url("**/beheer/")
    assert "Leerroute beheer" in page.content()
    # log out, log in again: now the code step follows the password
    page.goto("/")
    page.click("header form[action='/uitloggen/'] button")
    page.wait_for_url("**/inloggen/")
    page.goto("/inloggen/")
    page.fill("#id_username", "beheer")
    page.fill("#id_password", "pw-beheer")
    page.click("button[type=submit]")
    page.wait_for_url("**/inloggen/code/**")
    device = TOTPDevice.objects.get(user=users["beheer"])
    device.last_t = -1  # the code of the enrolment may still be the current one; an app would wait 30 s
    device.save()
    page.fill("#id_code", code_from(secret))
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/$"))
    page.goto("/beheer/accounts/user/")
    assert page.locator("#result_list").is_visible()


def test_language_switch_and_confirm_work_without_inline_scripts(page, login, users, glr_route):
    login("calvijn")
    page.goto(f"/routes/{glr_route.pk}/")
    with page.expect_navigation():
        page.select_option("select[name=language]", "en")  # submits its form (static/js/leerroute.js)
    page.wait_for_selector("html[lang=en]", state="attached")
    with page.expect_navigation():
        page.select_option("select[name=language]", "nl")
    page.wait_for_selector("html[lang=nl]", state="attached")
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))  # "no"
    page.click("form[data-confirm] button")
    page.wait_for_timeout(300)
    assert questions and "Route stoppen?" in questions[0]
    glr_route.refresh_from_db()
    assert glr_route.phase != "gestopt"
    page.once("dialog", lambda dialog: dialog.accept())  # "yes"
    with page.expect_navigation():
        page.click("form[data-confirm] button")
    assert "De route is gestopt" in page.content()
    glr_route.refresh_from_db()
    assert glr_route.phase == "gestopt"


def test_api_documentation_loads_from_our_own_static_files(page, live_server, users):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    page.goto("/api/v1/docs")
    page.wait_for_selector("#swagger-ui .information-container", timeout=15_000)
    assert "Leerroute API" in page.locator("#swagger-ui").inner_text()
    assert page.locator("button.authorize").is_visible()  # the bearer scheme
    assert hosts == {urlparse(live_server.url).netloc}, hosts
