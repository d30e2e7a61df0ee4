"""The interface over real HTTP: forms keep input and show rule errors beside the field, lists,
exports, compliance, history, agreements and the draft agreement."""
import io

from auditlog.models import LogEntry
from docx import Document
from openpyxl import load_workbook

from apps.routes.models import Agreement, Route


def management(prefix, total=0, initial=0):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial)}


def route_form_data(registry, kwalificatie, **extra):
    data = {
        "name": "Zorgroute via formulier", "type": "geintegreerd", "region": registry["ams"].pk,
        "phase": "regulier", "start_year": "2021", "selection": "alle", "vmbo_diploma": "on",
        "acceleration": "geen", "start_vmbo_year": "3", "leerwegen": [],
        **management("partners", 2), **management("uitstroomrichtingen", 1), **management("years"),
        **management("targets"), **management("contacts"), **management("components"),
        **management("responsibilities"),
        "partners-0-institution": registry["calvijn"].pk, "partners-0-role": "vo",
        "partners-1-institution": registry["rocva"].pk, "partners-1-role": "mbo",
        "uitstroomrichtingen-0-kwalificatie": kwalificatie.pk, "uitstroomrichtingen-0-active": "on",
    }
    data.update(extra)
    return data


def test_create_route_entree_shows_r01_beside_the_field_and_keeps_input(registry, users, client):
    client.login(username="calvijn", password="pw-calvijn")
    response = client.post("/routes/nieuw/", route_form_data(registry, registry["k"]["entree"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "R-01" in html and "25253" in html
    row = response.context["formsets"][1][0].forms[0]
    assert any("R-01" in e for e in row.errors["kwalificatie"])
    assert 'value="Zorgroute via formulier"' in html  # what the user typed is kept
    assert not Route.objects.exists()

    response = client.post("/routes/nieuw/", route_form_data(registry, registry["k"]["helpende"]))
    assert response.status_code == 302
    route = Route.objects.get()
    assert route.partners.count() == 2 and route.phase_history.count() == 1
    page = client.get(response["Location"]).content.decode()
    assert "Zorgroute via formulier" in page and "Helpende zorg en welzijn" in page


def test_a_refused_route_reads_in_english_when_english_is_chosen(registry, users, client):
    client.login(username="calvijn", password="pw-calvijn")
    client.post("/i18n/setlang/", {"language": "en", "next": "/routes/"})
    response = client.post("/routes/nieuw/", route_form_data(registry, registry["k"]["entree"]))
    row = response.context["formsets"][1][0].forms[0]
    assert any("R-01" in e and "is level 1 (Entree)" in e for e in row.errors["kwalificatie"]), row.errors


def test_form_field_errors_are_shown_beside_the_field(registry, users, client):
    client.login(username="calvijn", password="pw-calvijn")
    data = route_form_data(registry, registry["k"]["helpende"], name="", start_year="1800")
    response = client.post("/routes/nieuw/", data)
    form = response.context["form"]
    assert "name" in form.errors and "start_year" in form.errors
    assert 'id="field-name"' in response.content.decode()


def test_edit_and_history_record_before_and_after(route, client):
    client.login(username="rocva", password="pw-rocva")
    page = client.get(f"/routes/{route.pk}/bewerken/")
    assert page.status_code == 200
    form = page.context["form"]
    data = {name: value for name, value in form.initial.items() if value not in (None, False)}
    data = {**{k: v for k, v in data.items() if k not in ("profielen", "leerwegen")},
            "profielen": [p.pk for p in form.initial["profielen"]],
            "leerwegen": [lw.pk for lw in form.initial["leerwegen"]],
            "name": "Zorgroute Noord", "vmbo_diploma": "on"}
    for formset, _title in page.context["formsets"]:
        data.update(management(formset.prefix, len(formset.forms) - formset.extra, len(formset.initial_forms)))
        for i, sub in enumerate(formset.initial_forms):
            data[f"{formset.prefix}-{i}-id"] = sub.instance.pk
            for name, value in sub.initial.items():
                if name not in ("id", "route") and value not in (None, False):
                    data[f"{formset.prefix}-{i}-{name}"] = value.pk if hasattr(value, "pk") else value
                elif value is True:
                    data[f"{formset.prefix}-{i}-{name}"] = "on"
    response = client.post(f"/routes/{route.pk}/bewerken/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    route.refresh_from_db()
    assert route.name == "Zorgroute Noord"
    entry = LogEntry.objects.filter(object_pk=str(route.pk), actor__username="rocva").latest("timestamp")
    assert entry.changes_dict["name"] == ["Testroute Zorg", "Zorgroute Noord"]
    history = client.get(f"/routes/{route.pk}/geschiedenis/").content.decode()
    assert "rocva" in history and "Zorgroute Noord" in history and "Testroute Zorg" in history


def test_home_list_filters_and_exports(route, client):
    client.login(username="calvijn", password="pw-calvijn")
    home = client.get("/").content.decode()
    assert "Testroute Zorg" in home and "voldoet niet" in home  # no agreement yet
    assert "Testroute Zorg" in client.get("/routes/?search=zorg&level=2&type=geintegreerd").content.decode()
    assert "Testroute Zorg" not in client.get("/routes/?type=gestapeld").content.decode()
    assert "Testroute Zorg" not in client.get("/routes/?level=4").content.decode()
    partial = client.get("/routes/?search=zorg", HTTP_HX_REQUEST="true").content.decode()
    assert partial.lstrip().startswith('<div id="results">') and "Testroute Zorg" in partial
    assert "?search=zorg&amp;export=xlsx" in partial and "1 route" in partial  # export follows the filter
    xlsx = client.get("/routes/?export=xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["B1"].value == "naam" and sheet["B2"].value == "Testroute Zorg"
    csv_text = client.get("/routes/?export=csv").content.decode("utf-8-sig")
    assert csv_text.splitlines()[1].split(";")[1] == "Testroute Zorg"


def test_compliance_view_lists_every_applicable_rule(route, client):
    client.login(username="calvijn", password="pw-calvijn")
    response = client.get(f"/routes/{route.pk}/compliance/")
    rules = {rule.id for rule, *_rest in response.context["rows"]}
    assert {"R-01", "R-02", "R-03", "R-04", "R-06", "R-12", "R-14", "R-16"} <= rules
    assert "R-10" not in rules  # student rules come with the students issue
    html = response.content.decode()
    assert 'data-rule="R-06" data-status="failed"' in html and 'data-rule="R-01" data-status="passed"' in html


def test_agreement_signing_is_blocked_without_mandatory_topics(route, registry, client):
    client.login(username="calvijn", password="pw-calvijn")
    assert client.get(f"/overeenkomsten/nieuw/?route={route.pk}").status_code == 200
    data = {"kind": "sok", "title": "SOK Zorgroute", "valid_from": "2020-08-01", "routes": [route.pk],
            **management("signatures", 2), **management("clauses", 1),
            "signatures-0-bestuur": registry["boards"]["zaam"].pk, "signatures-0-signed_on": "2020-07-01",
            "signatures-1-bestuur": registry["boards"]["roc"].pk, "signatures-1-signed_on": "2020-07-02",
            "clauses-0-topic": "aansturing", "clauses-0-text": "Stuurgroep van beide directies."}
    response = client.post("/overeenkomsten/nieuw/", data)
    assert response.status_code == 200 and "R-07" in response.content.decode()
    assert not Agreement.objects.exists()

    data.update(management("clauses", 4))
    for i, topic in enumerate(["aansturing", "inrichting", "bekostiging", "overstapoptie"]):
        data[f"clauses-{i}-topic"], data[f"clauses-{i}-text"] = topic, f"Afspraak over {topic}."
    response = client.post("/overeenkomsten/nieuw/", data)
    assert response.status_code == 302
    agreement = Agreement.objects.get()
    assert agreement.is_signed and agreement.topic_codes() == {"aansturing", "inrichting", "bekostiging",
                                                               "overstapoptie"}
    statuses = {f.rule: f.status for f in route.findings.all()}
    assert statuses["R-06"] == "passed"

    upload = io.BytesIO(b"%PDF-1.4 getekende overeenkomst")
    upload.name = "sok-getekend.pdf"
    client.post(f"/overeenkomsten/{agreement.pk}/documenten/", {"file": upload, "description": "getekend"})
    document = agreement.documents.get()
    assert b"".join(client.get(f"/documenten/{document.pk}/").streaming_content).startswith(b"%PDF")
    client.logout()
    client.login(username="achterhoek", password="pw-achterhoek")
    assert client.get(f"/documenten/{document.pk}/").status_code == 404


def test_draft_agreement_has_every_mandatory_topic(route, client):
    client.login(username="calvijn", password="pw-calvijn")
    response = client.get(f"/routes/{route.pk}/concept-overeenkomst/")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    headings = [p.text for p in Document(io.BytesIO(response.content)).paragraphs if p.style.name.startswith("Heading")]
    for topic in ("Aansturing", "Organisatorische en onderwijskundige inrichting", "Bekostiging", "Overstapoptie"):
        assert any(topic in h and "verplicht" in h for h in headings), topic
    assert "Stichting ZAAM" in "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)


def test_stop_keeps_route(route, client):
    client.login(username="calvijn", password="pw-calvijn")
    client.post(f"/routes/{route.pk}/stoppen/", {"note": "te weinig instroom"})
    route.refresh_from_db()
    assert route.phase == "gestopt" and route.phase_history.first().note == "te weinig instroom"


def test_rules_page_and_english(users, client):
    client.login(username="calvijn", password="pw-calvijn")
    html = client.get("/regels/").content.decode()
    assert "R-21" in html and "Regelcatalogus" in html
    client.post("/i18n/setlang/", {"language": "en", "next": "/regels/"})
    html = client.get("/regels/").content.decode()
    assert "Rules catalogue" in html and "Qualification of level 2, 3 or 4" in html


def test_new_version_when_a_partner_joins(route, registry, users, client):
    from apps.registry.models import Bestuur, Institution
    from apps.routes.models import Clause, RoutePartner, Signature

    v1 = Agreement.objects.create(title="SOK Zorgroute", kind="sok", valid_from="2020-08-01")
    v1.routes.add(route)
    for board in registry["boards"].values():
        Signature.objects.create(agreement=v1, bestuur=board, signed_on="2020-07-01")
    for topic in ("aansturing", "inrichting", "bekostiging", "overstapoptie"):
        Clause.objects.create(agreement=v1, topic=topic, text=f"Afspraak {topic}")
    new_board = Bestuur.objects.create(name="Stichting Nieuw mbo")
    newcomer = Institution.objects.create(brin="31ZZ", name="Nieuw mbo", sector="mbo", kind="roc", bestuur=new_board)
    RoutePartner.objects.create(route=route, institution=newcomer, role="mbo", joined_on="2024-08-01")

    client.login(username="calvijn", password="pw-calvijn")
    page = client.get(f"/overeenkomsten/nieuw/?supersedes={v1.pk}")
    formsets = page.context["formsets"]
    assert page.context["form"].initial["supersedes"] == v1
    assert [row["bestuur"] for row in formsets["signatures"].initial_extra] == [b.pk for b in
                                                                               Bestuur.objects.filter(signature__agreement=v1)]
    data = {"kind": "sok", "title": "SOK Zorgroute (uitbreiding)", "valid_from": "2024-08-01", "routes": [route.pk],
            "supersedes": v1.pk, **management("signatures", 3), **management("clauses", 4)}
    for i, board in enumerate([*registry["boards"].values(), new_board]):
        data[f"signatures-{i}-bestuur"], data[f"signatures-{i}-signed_on"] = board.pk, "2024-07-15"
    for i, row in enumerate(formsets["clauses"].initial_extra[:4]):
        data[f"clauses-{i}-topic"], data[f"clauses-{i}-text"] = row["topic"], row["text"]
    response = client.post("/overeenkomsten/nieuw/", data)
    assert response.status_code == 302
    v2 = Agreement.objects.get(supersedes=v1)
    assert v2.version == 2 and v2.signatures.count() == 3
    assert {f.rule: f.status for f in route.findings.all()}["R-06"] == "passed"
