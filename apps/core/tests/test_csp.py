"""Content-Security-Policy and its consequences (issue 8, point 6): only the product's own scripts,
none inline, and the API documentation served from the product's own static files."""
import re
from html.parser import HTMLParser

from django.contrib.staticfiles import finders

JSON = "application/json"


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in (p.strip() for p in header.split(";")) if part}


def test_policy_on_pages_and_api_answers(client, users, api_client):
    for response in (client.get("/inloggen/"), client.get("/api/v1/docs"), client.get("/api/v1/routes"),
                     api_client.get("/api/v1/routes", **api_client.token_for("calvijn")),
                     api_client.post("/api/v1/auth/token", {}, content_type=JSON)):
        directives = policy(response)
        assert directives["default-src"] == ["'self'"]
        assert directives["script-src"] == ["'self'"]
        assert directives["style-src"] == ["'self'"]
        assert directives["img-src"] == ["'self'", "data:"]
        assert directives["frame-ancestors"] == ["'none'"]
        assert directives["form-action"] == ["'self'"]
        assert not any("unsafe" in value for values in directives.values() for value in values)


class InlineFinder(HTMLParser):
    """Collects what the policy would block: inline scripts, event-handler attributes, javascript: links,
    inline styles, and resources from another host."""

    def __init__(self):
        super().__init__()
        self.problems, self.scripts, self.in_script = [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.startswith("on") or name == "style" or name.startswith("hx-on"):
                self.problems.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action") and value and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}=javascript:>")
            if name in ("src",) and value and re.match(r"(https?:)?//", value):
                self.problems.append(f"<{tag} src={value}>")
        if tag == "link" and re.match(r"(https?:)?//", attrs.get("href") or ""):
            self.problems.append(f"<link href={attrs['href']}>")
        if tag == "style":
            self.problems.append("<style>")
        if tag == "script":
            self.in_script = attrs
            if attrs.get("src"):
                self.scripts.append(attrs["src"])

    def handle_data(self, data):
        if self.in_script is not None and not self.in_script.get("src") and data.strip() \
                and self.in_script.get("type") != "application/json":
            self.problems.append("inline <script>")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = None


def inline_problems(html: str) -> tuple[list[str], list[str]]:
    finder = InlineFinder()
    finder.feed(html)
    return finder.problems, finder.scripts


def test_main_pages_have_no_inline_scripts_or_styles(client, users, glr_route):
    from apps.students.models import Student  # noqa: F401 - the pages below list students

    client.force_login(users["calvijn"])
    pages = ["/", "/routes/", f"/routes/{glr_route.pk}/", f"/routes/{glr_route.pk}/compliance/",
             f"/routes/{glr_route.pk}/leerlingen/", f"/routes/{glr_route.pk}/teldatum/", "/overeenkomsten/",
             "/instellingen/", "/register/", "/regels/", "/account/tweestapsverificatie/", "/wachtwoord/"]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        problems, scripts = inline_problems(response.content.decode())
        assert problems == [], (url, problems)
        assert scripts and all(src.startswith("/static/") for src in scripts), (url, scripts)
    client.logout()
    problems, _scripts = inline_problems(client.get("/inloggen/").content.decode())
    assert problems == []


def test_templates_hold_no_inline_handlers_or_styles():
    """Also the pages the test above does not open (print pages, forms of other roles)."""
    from pathlib import Path

    from django.conf import settings

    pattern = re.compile(r"""<script(?![^>]*\ssrc=)[^>]*>|\son[a-z]+\s*=|\sstyle\s*=|<style|javascript:""", re.I)
    offenders = []
    for path in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{path.relative_to(settings.BASE_DIR)}:{number}")
    assert offenders == []


def test_api_documentation_loads_nothing_from_elsewhere(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert re.findall(r"(?:https?:)?//[a-z0-9.-]+", html, re.I) == []
    problems, scripts = inline_problems(html)
    assert problems == []
    references = scripts + re.findall(r'<link[^>]+href="([^"]+)"', html)
    assert any("swagger-ui-bundle" in ref for ref in references)
    for ref in references:
        assert ref.startswith("/static/"), ref
        assert finders.find(ref.removeprefix("/static/")), ref
    assert client.get("/api/v1/openapi.json").status_code == 200
