"""Who may read and who may change every page and every API operation: one line each.

A page is keyed by its URL name ("namespace:name"), an API operation by "METHOD /api/v1/path" as the
OpenAPI description spells it. `read` is the set of personas (tests/access/conftest.py) whose GET is
answered normally; `change` the personas whose POST/PUT/PATCH/DELETE is let through to the use case
(its answer to an empty body may still be a 422). Every other persona is refused and nothing changes.

    "routes:detail": Page("route", read=ROUTE_READERS, change=NOBODY),
    "PATCH /api/v1/routes/{route_id}": Api(change=ROUTE_EDITORS),

A page's `args` name the world's objects its URL takes, in order (conftest.World.objects; "@x" is the
literal x); an API path's parameters are filled in by their names (PARAMS in test_access.py).
`get=False` marks a page that only takes a POST (its GET is refused for everyone: 405, or the login
redirect). `query` is added to the GET (a page or report that needs a parameter). `ok` lists the
answers of an allowed GET when it is not simply 200 (a page that redirects on purpose). `sample=True`
asks a page that answers everyone alike (the API description) as anonymous and as one user only.
`body` names a valid body (conftest._bodies) for a change whose input is checked before the access
(django-ninja parses the body first, a form is validated first): with an empty body every persona
would get the same 422. `refusal` adds answers that count as a refusal besides 403/404/405 (a page that
shows the use case's refusal as a message on the page it redirects to). `xfail` marks known faults:
{"read" or "change": (personas, reason)}; those cases must fail (strictly, so a fix shows up).
"""
from dataclasses import dataclass

# --- personas (tests/access/conftest.py USERNAMES) ------------------------------------------------

ANONYMOUS = frozenset({"anonymous"})
COORD_VO, COORD_MBO, EXAMEN, FINANCIEEL, BESTUURDER = "coord_vo", "coord_mbo", "examen", "financieel", "bestuurder"
COORD_OTHER, REGIO, REGIO_OTHER, BEHEER = "coord_other", "regio", "regio_other", "beheer"

NOBODY = frozenset()
PARTNERS = frozenset({COORD_VO, COORD_MBO, EXAMEN, FINANCIEEL, BESTUURDER})
USERS = PARTNERS | {COORD_OTHER, REGIO, REGIO_OTHER, BEHEER}
EVERYONE = USERS | ANONYMOUS
ROUTE_READERS = PARTNERS | {REGIO, BEHEER}                      # Route.objects.visible_to
ROUTE_EDITORS = frozenset({COORD_VO, COORD_MBO, BEHEER})       # Route.objects.editable_by
ROUTE_CREATORS = ROUTE_EDITORS | {COORD_OTHER}                  # User.may_edit_routes
STUDENT_READERS = frozenset({COORD_VO, COORD_MBO, EXAMEN, BESTUURDER})   # Student.objects.visible_to
STUDENT_EDITORS = frozenset({COORD_VO, COORD_MBO, EXAMEN})      # User.changes_students
ERASERS = frozenset({COORD_VO, COORD_MBO})                      # User.erases_students
FINANCE_READERS = PARTNERS                                      # Route.objects.with_finance_for
FINANCE_EDITORS = frozenset({FINANCIEEL})                       # User.changes_finance
TEMPLATE_EDITORS = frozenset({COORD_VO, COORD_MBO, BEHEER})    # ExamPlanTemplate.objects.editable_by
IMPORT_OWNER = frozenset({COORD_VO})                            # an import job is its uploader's
PROPOSAL_PARTIES = frozenset({COORD_VO, COORD_MBO, BESTUURDER})  # a partner's coordinator or board (no beheerder)
PROPOSER = frozenset({COORD_MBO})                               # the institution that proposed withdraws
# Region.objects.readable_by: a region's dashboard, coverage, report and figures
REGION_READERS = frozenset({COORD_VO, COORD_MBO, BESTUURDER, REGIO, BEHEER})
COVERAGE_READERS = REGION_READERS
COVERAGE_STARTERS = COVERAGE_READERS | {COORD_OTHER, REGIO_OTHER}   # have some region to be sent to
BOARD_READERS = frozenset({BESTUURDER, BEHEER})                 # User.reads_board of the board, and the beheerder
BEHEERDER = frozenset({BEHEER})
REFLECTION_READERS = PARTNERS | {BEHEER}                       # ReflectionRound.objects.visible_to (not the region)
INVITEES = frozenset({COORD_VO, COORD_MBO})                     # invited to the world's reflection round
OVERLEG_READERS = PARTNERS | {BEHEER}                           # apps.cooperation.models.partner_routes
REGION_KEEPERS = frozenset({REGIO, BEHEER})                     # the region's knelpunten (keeps_region_knelpunten)
PEOPLE_READERS = PARTNERS | {BEHEER}                            # Route.objects.with_people_for: no regional user
ROLE_EDITORS = frozenset({COORD_VO, BEHEER})                    # Contact.objects.editable_by: the role is Calvijn's


@dataclass(frozen=True)
class Page:
    args: str = ""                 # the world's objects the URL takes, space-separated, in order
    read: frozenset = NOBODY
    change: frozenset = NOBODY
    get: bool = True               # False: the page only takes a POST
    query: str = ""
    ok: tuple = (200,)
    body: str = ""
    refusal: tuple = ()
    xfail: dict | None = None
    sample: bool = False           # the same answer for everyone, nothing of a user in it: asked by two personas


@dataclass(frozen=True)
class Api:
    read: frozenset = NOBODY       # for a GET
    change: frozenset = NOBODY     # for a POST, PUT, PATCH or DELETE
    query: str = ""
    body: str = ""
    multipart: bool = False        # the body is a form with a file (conftest._bodies holds a function making it)
    xfail: dict | None = None


# --- pages ------------------------------------------------------------------------------------------

PAGES = {
    "home": Page(read=USERS),
    "login": Page(read=EVERYONE, change=EVERYONE, ok=(200, 302)),
    "otp_login": Page(read=USERS, change=USERS, ok=(302,)),       # without a pending login: back home
    "two_factor": Page(read=USERS, change=USERS),
    "logout": Page(get=False, change=USERS),
    "password_change": Page(read=USERS, change=USERS),
    "password_change_done": Page(read=USERS),
    # routes
    "routes:list": Page(read=USERS),
    "routes:create": Page(read=ROUTE_CREATORS, change=ROUTE_CREATORS),
    "routes:detail": Page("route", read=ROUTE_READERS),
    "routes:edit": Page("route", read=ROUTE_EDITORS, change=ROUTE_EDITORS),
    "routes:stop": Page("route", get=False, change=ROUTE_EDITORS),
    "routes:history": Page("route", read=ROUTE_READERS),
    "routes:exam_templates": Page("route", read=ROUTE_READERS),
    "routes:draft_agreement": Page("route", read=ROUTE_READERS),
    "routes:agreements": Page(read=USERS),
    "routes:agreement_create": Page(read=ROUTE_CREATORS, change=ROUTE_CREATORS),
    "routes:agreement": Page("agreement", read=ROUTE_READERS),
    "routes:agreement_edit": Page("agreement", read=ROUTE_EDITORS, change=ROUTE_EDITORS),
    "routes:agreement_history": Page("agreement", read=ROUTE_READERS),
    "routes:agreement_upload": Page("agreement", get=False, change=ROUTE_EDITORS),
    "routes:document": Page("document", read=ROUTE_READERS),
    "routes:rules": Page(read=USERS),
    "routes:proposal_create": Page("route", get=False, change=PROPOSAL_PARTIES, body="proposal_form"),
    "routes:proposal_confirm": Page("proposal", get=False, change=PROPOSAL_PARTIES),
    "routes:proposal_reject": Page("proposal", get=False, change=PROPOSAL_PARTIES),
    "routes:proposal_withdraw": Page("proposal", get=False, change=PROPOSER),
    # register
    "registry:institutions": Page(read=USERS),
    "registry:institution": Page("institution", read=USERS),
    "registry:institution_history": Page("institution", read=USERS),
    "registry:bestuur": Page("bestuur", read=USERS),
    "registry:exam_templates": Page(read=USERS),
    "registry:exam_template": Page("exam_template", read=USERS, change=TEMPLATE_EDITORS),
    "registry:exam_template_history": Page("exam_template", read=USERS),
    "registry:exam_template_create": Page("kwalificatie", get=False, change=TEMPLATE_EDITORS),
    "registry:reference_index": Page(read=USERS),
    "registry:reference": Page("@regions", read=USERS, change=frozenset({BEHEER})),   # the beheerder imports
    # students
    "students:cohorts": Page("route", read=STUDENT_READERS),
    # the search across the user's own routes: a reader of students without routes gets an empty list
    "students:search": Page(read=STUDENT_READERS | {COORD_OTHER}),
    "students:create": Page("route", read=STUDENT_EDITORS, change=STUDENT_EDITORS),
    "students:promote": Page("route @2019", read=STUDENT_EDITORS, change=STUDENT_EDITORS),
    "students:compliance": Page("route", read=ROUTE_READERS),
    "students:teldatum": Page("route", read=STUDENT_READERS, query="date=2019-10-01"),
    "students:exam_deadlines": Page("route", read=STUDENT_READERS),
    "students:group_results": Page("route", read=STUDENT_EDITORS, change=STUDENT_EDITORS),
    "students:detail": Page("student", read=STUDENT_READERS),
    "students:edit": Page("student", read=STUDENT_EDITORS, change=STUDENT_EDITORS),
    "students:event_add": Page("student", get=False, change=STUDENT_EDITORS),
    "students:event_change": Page("student event", get=False, change=STUDENT_EDITORS),
    "students:event_remove": Page("student event", get=False, change=STUDENT_EDITORS),
    "students:exam_part_add": Page("student", get=False, change=STUDENT_EDITORS),
    "students:exam_part_edit": Page("student exam_part", read=STUDENT_EDITORS, change=STUDENT_EDITORS),
    "students:bpv_add": Page("student", get=False, change=STUDENT_EDITORS),
    "students:export": Page("student", read=STUDENT_READERS),
    "students:erase": Page("student", get=False, change=ERASERS),
    "students:cijferlijst": Page("student", read=STUDENT_READERS),
    "students:import_upload": Page("route", read=STUDENT_EDITORS, change=STUDENT_EDITORS),
    "students:import_template": Page("route @students @xlsx", read=STUDENT_EDITORS),
    "students:import_job": Page("import_job", read=IMPORT_OWNER),
    "students:import_mapping": Page("import_job", read=IMPORT_OWNER, change=IMPORT_OWNER),
    "students:import_step": Page("import_job", read=IMPORT_OWNER, ok=(302,)),
    "students:import_run": Page("import_job", get=False, change=IMPORT_OWNER),
    "students:import_errors": Page("import_job @csv", read=IMPORT_OWNER),
    # finance
    "finance:route": Page("route", read=FINANCE_READERS),
    "finance:create": Page("route", read=FINANCE_EDITORS, change=FINANCE_EDITORS),
    "finance:scenario": Page("route", read=FINANCE_READERS),
    "finance:detail": Page("settlement", read=FINANCE_READERS),
    "finance:edit": Page("settlement", read=FINANCE_EDITORS, change=FINANCE_EDITORS),
    # GET: the confirmation step; the confirmed form approves
    "finance:approve": Page("settlement", read=FINANCE_EDITORS, change=FINANCE_EDITORS, body="approval",
                            refusal=(302,)),
    "finance:overview": Page(read=FINANCE_READERS | {COORD_OTHER}),   # each user's own institutions
    # reflection instrument
    "reflection:route": Page("route", read=REFLECTION_READERS),
    "reflection:create": Page("route", read=ROUTE_EDITORS, change=ROUTE_EDITORS),
    "reflection:round": Page("route reflection_round", read=REFLECTION_READERS),
    "reflection:invite": Page("route reflection_round", get=False, change=ROUTE_EDITORS),
    "reflection:close": Page("route reflection_round", get=False, change=ROUTE_EDITORS),
    "reflection:remind": Page("route reflection_round", get=False, change=ROUTE_EDITORS),
    "reflection:respond": Page("route reflection_round", read=INVITEES, change=INVITEES),
    "reflection:export": Page("route reflection_round @xlsx", read=REFLECTION_READERS),
    # the API's own pages (its operations are in API below)
    "api:api-root": Page(),                                        # not served (404)
    "api:openapi-json": Page(read=EVERYONE, sample=True),        # the description is built on every request
    "api:openapi-view": Page(read=EVERYONE, sample=True),
    # results, dashboards, the regional picture
    "results:route": Page("route", read=ROUTE_READERS, query="cohort=2019"),
    "results:students": Page("route @K-01", read=STUDENT_READERS, query="cohort=2019"),
    "dashboard:route": Page("route", read=ROUTE_READERS, query="cohort=2019"),
    "dashboard:region": Page("region", read=REGION_READERS),
    "dashboard:board": Page("bestuur", read=BOARD_READERS),
    "regional:coverage_start": Page(read=COVERAGE_STARTERS, ok=(302,)),
    "regional:coverage": Page("region", read=COVERAGE_READERS, query="schooljaar=2019"),
    "regional:population_import": Page(read=BEHEERDER, change=BEHEERDER),
    "regional_report:report": Page("region", read=REGION_READERS, query="schooljaar=2019"),
    "regional_report:report_generate": Page("region", get=False, change=REGION_READERS),
    "regional_report:report_progress": Page("region", read=REGION_READERS, query="schooljaar=2019", ok=(200, 302)),
    "regional_report:report_pdf": Page("region", read=REGION_READERS, query="schooljaar=2019", ok=(200, 302, 404)),
    "regional_report:report_xlsx": Page("region", read=REGION_READERS, query="schooljaar=2019", ok=(200, 302, 404)),
    "routes:people": Page("route", read=PEOPLE_READERS),
    "routes:role_add": Page("route", read=ROUTE_EDITORS, change=ROUTE_EDITORS),
    "routes:role_change": Page("role", read=ROLE_EDITORS, change=ROLE_EDITORS),
    "routes:role_departure": Page("role", read=ROLE_EDITORS, change=ROLE_EDITORS),
    "routes:person": Page("person", read=PEOPLE_READERS),
    "routes:my_roles": Page(read=USERS),
    "routes:goal_add": Page("route", get=False, change=ROUTE_EDITORS),
    "routes:goal_change": Page("goal", get=False, change=ROUTE_EDITORS),
    "routes:goal_remove": Page("goal", get=False, change=ROUTE_EDITORS),
    "routes:goal_judge": Page("goal", get=False, change=ROUTE_EDITORS),
    # continuity signals (each user the signals of the routes they see) and the route health overviews
    "continuity:signals": Page(read=USERS),
    "continuity:digest": Page(get=False, change=USERS),                  # the user's own subscription
    "continuity:region_health": Page("region", read=REGION_READERS),
    "continuity:board_health": Page("bestuur", read=BOARD_READERS),
    # student surveys (the world's survey is closed, with answers)
    "survey:list": Page("route", read=ROUTE_READERS),
    "survey:create": Page("route", read=ROUTE_EDITORS, change=ROUTE_EDITORS),
    "survey:detail": Page("route survey", read=ROUTE_READERS),
    "survey:statement_add": Page("route survey", get=False, change=ROUTE_EDITORS),
    "survey:statement_change": Page("route survey statement", get=False, change=ROUTE_EDITORS),
    "survey:statement_remove": Page("route survey statement", get=False, change=ROUTE_EDITORS),
    "survey:remove": Page("route survey", get=False, change=ROUTE_EDITORS),
    "survey:open": Page("route survey", get=False, change=ROUTE_EDITORS),
    "survey:close": Page("route survey", get=False, change=ROUTE_EDITORS),
    "survey:codes": Page("route survey", read=ROUTE_EDITORS, change=ROUTE_EDITORS),
    "survey:results_export": Page("route survey", read=ROUTE_READERS),
    "survey:answer": Page(read=EVERYONE, change=EVERYONE),      # the students' page: no login, a code
    # overleg, besluiten, knelpunten (apps/cooperation)
    "cooperation:overleg": Page("route", read=OVERLEG_READERS),
    "cooperation:meeting_create": Page("route", read=ROUTE_EDITORS, change=ROUTE_EDITORS),
    "cooperation:series_add": Page("route", get=False, change=ROUTE_EDITORS),
    "cooperation:series_change": Page("series", get=False, change=ROUTE_EDITORS),
    "cooperation:series_remove": Page("series", get=False, change=ROUTE_EDITORS),
    "cooperation:meeting": Page("meeting", read=OVERLEG_READERS),
    "cooperation:meeting_edit": Page("meeting", read=ROUTE_EDITORS, change=ROUTE_EDITORS),
    "cooperation:meeting_cancel": Page("meeting", get=False, change=ROUTE_EDITORS),
    "cooperation:decisions": Page("route", read=OVERLEG_READERS, change=ROUTE_EDITORS),
    "cooperation:decision_done": Page("decision", get=False, change=ROUTE_EDITORS),
    "cooperation:decision_edit": Page("decision", read=ROUTE_EDITORS, change=ROUTE_EDITORS),
    "cooperation:decision_reopen": Page("decision", get=False, change=ROUTE_EDITORS),
    "cooperation:overleg_export": Page("route", read=OVERLEG_READERS),
    "cooperation:my_decisions": Page(read=USERS),
    "cooperation:person_decisions": Page("person", read=OVERLEG_READERS),
    "cooperation:route_knelpunten": Page("route", read=ROUTE_READERS, change=ROUTE_EDITORS),
    "cooperation:knelpunt": Page("knelpunt", read=ROUTE_READERS, change=ROUTE_EDITORS),
    "cooperation:knelpunt_close": Page("knelpunt", get=False, change=ROUTE_EDITORS),
    "cooperation:region_knelpunten": Page("region", read=REGION_KEEPERS, change=REGION_KEEPERS),
}

# --- API operations ---------------------------------------------------------------------------------

API = {
    "POST /api/v1/auth/token": Api(change=EVERYONE),
    "DELETE /api/v1/auth/token": Api(change=USERS),
    "GET /api/v1/auth/tokens": Api(read=USERS),
    "DELETE /api/v1/auth/tokens/{token_id}": Api(change=frozenset({COORD_VO})),
    "GET /api/v1/rules": Api(read=EVERYONE),
    "GET /api/v1/rules/{rule_id}": Api(read=EVERYONE),
    # routes
    "GET /api/v1/routes": Api(read=USERS),
    "POST /api/v1/routes": Api(change=ROUTE_CREATORS, body="route"),
    "GET /api/v1/routes/{route_id}": Api(read=ROUTE_READERS),
    "PUT /api/v1/routes/{route_id}": Api(change=ROUTE_EDITORS, body="route_whole"),
    "PATCH /api/v1/routes/{route_id}": Api(change=ROUTE_EDITORS),
    "POST /api/v1/routes/{route_id}/stop": Api(change=ROUTE_EDITORS),
    "GET /api/v1/routes/{route_id}/compliance": Api(read=ROUTE_READERS),
    "GET /api/v1/routes/{route_id}/history": Api(read=ROUTE_READERS),
    # agreements
    "GET /api/v1/agreements": Api(read=USERS),
    "POST /api/v1/agreements": Api(change=ROUTE_CREATORS, body="agreement"),
    "GET /api/v1/agreements/{agreement_id}": Api(read=ROUTE_READERS),
    "PUT /api/v1/agreements/{agreement_id}": Api(change=ROUTE_EDITORS, body="agreement_whole"),
    "PATCH /api/v1/agreements/{agreement_id}": Api(change=ROUTE_EDITORS),
    # partner proposals
    "GET /api/v1/routes/{route_id}/partner-proposals": Api(read=ROUTE_READERS),
    "POST /api/v1/routes/{route_id}/partner-proposals": Api(change=PROPOSAL_PARTIES, body="proposal"),
    "GET /api/v1/partner-proposals/{proposal_id}": Api(read=ROUTE_READERS),
    "POST /api/v1/partner-proposals/{proposal_id}/confirm": Api(change=PROPOSAL_PARTIES),
    "POST /api/v1/partner-proposals/{proposal_id}/reject": Api(change=PROPOSAL_PARTIES, body="reason"),
    "POST /api/v1/partner-proposals/{proposal_id}/withdraw": Api(change=PROPOSER),
    # register
    "GET /api/v1/institutions": Api(read=USERS),
    "GET /api/v1/kwalificaties": Api(read=USERS),
    "GET /api/v1/regions": Api(read=USERS),
    "GET /api/v1/profielen": Api(read=USERS),
    "GET /api/v1/leerwegen": Api(read=USERS),
    "GET /api/v1/exam-templates": Api(read=USERS),
    "GET /api/v1/kwalificaties/{code}/exam-template": Api(read=USERS),
    "POST /api/v1/kwalificaties/{code}/exam-template": Api(change=TEMPLATE_EDITORS),
    "PUT /api/v1/exam-templates/{template_id}": Api(change=TEMPLATE_EDITORS, body="exam_template"),
    # students
    "GET /api/v1/routes/{route_id}/students": Api(read=STUDENT_READERS),
    "POST /api/v1/routes/{route_id}/students": Api(change=STUDENT_EDITORS, body="student"),
    "GET /api/v1/students/{student_id}": Api(read=STUDENT_READERS),
    "PUT /api/v1/students/{student_id}": Api(change=STUDENT_EDITORS, body="student_whole"),
    "PATCH /api/v1/students/{student_id}": Api(change=STUDENT_EDITORS),
    "DELETE /api/v1/students/{student_id}": Api(change=ERASERS),
    "POST /api/v1/students/{student_id}/events": Api(change=STUDENT_EDITORS, body="event"),
    "PATCH /api/v1/students/{student_id}/events/{event_id}": Api(change=STUDENT_EDITORS),
    "DELETE /api/v1/students/{student_id}/events/{event_id}": Api(change=STUDENT_EDITORS),
    "POST /api/v1/students/{student_id}/exam-parts": Api(change=STUDENT_EDITORS, body="exam_part"),
    "PUT /api/v1/students/{student_id}/exam-parts/{part_id}": Api(change=STUDENT_EDITORS, body="exam_part_whole"),
    "PATCH /api/v1/students/{student_id}/exam-parts/{part_id}": Api(change=STUDENT_EDITORS),
    "POST /api/v1/routes/{route_id}/exam-results/bulk": Api(change=STUDENT_EDITORS, body="group_results"),
    "POST /api/v1/students/{student_id}/bpv": Api(change=STUDENT_EDITORS, body="bpv"),
    "GET /api/v1/students/{student_id}/diploma": Api(read=STUDENT_READERS),
    "GET /api/v1/students/{student_id}/export": Api(read=STUDENT_READERS),
    "GET /api/v1/routes/{route_id}/teldatum": Api(read=STUDENT_READERS, query="date=2019-10-01"),
    "GET /api/v1/routes/{route_id}/diploma-check": Api(read=STUDENT_READERS),
    "POST /api/v1/routes/{route_id}/cohorts/{cohort}/promote": Api(change=STUDENT_EDITORS),
    # finance
    "POST /api/v1/settlements/preview": Api(change=USERS),
    "POST /api/v1/settlements/break-even": Api(change=USERS),
    "POST /api/v1/settlements/route/{route_id}": Api(change=FINANCE_EDITORS, body="settlement"),
    "GET /api/v1/settlements/route/{route_id}": Api(read=FINANCE_READERS),
    "PUT /api/v1/settlements/{settlement_id}": Api(change=FINANCE_EDITORS, body="settlement_whole"),
    "GET /api/v1/settlements/{settlement_id}": Api(read=FINANCE_READERS),
    "POST /api/v1/settlements/{settlement_id}/approve": Api(change=FINANCE_EDITORS),
    # results, goals, the regional picture
    "GET /api/v1/kpis": Api(read=ROUTE_READERS, query="route={route}&cohort=2019"),
    "GET /api/v1/coverage": Api(read=COVERAGE_READERS, query="region={region}&school_year=2019"),
    "GET /api/v1/regions/{region_id}/report": Api(read=REGION_READERS, query="school_year=2019"),
    "POST /api/v1/population-counts": Api(change=BEHEERDER, body="population", multipart=True),
    "GET /api/v1/routes/{route_id}/people": Api(read=PEOPLE_READERS),
    "POST /api/v1/routes/{route_id}/roles": Api(change=ROUTE_EDITORS, body="role"),
    "PATCH /api/v1/routes/{route_id}/roles/{role_id}": Api(change=ROLE_EDITORS),
    "POST /api/v1/routes/{route_id}/roles/{role_id}/departure": Api(change=ROLE_EDITORS, body="departure"),
    "GET /api/v1/people/{person_id}": Api(read=PEOPLE_READERS),
    "GET /api/v1/routes/{route_id}/goals": Api(read=ROUTE_READERS),
    "POST /api/v1/routes/{route_id}/goals": Api(change=ROUTE_EDITORS, body="goal"),
    "GET /api/v1/routes/{route_id}/goals/{goal_id}": Api(read=ROUTE_READERS),
    "PUT /api/v1/routes/{route_id}/goals/{goal_id}": Api(change=ROUTE_EDITORS, body="goal"),
    "DELETE /api/v1/routes/{route_id}/goals/{goal_id}": Api(change=ROUTE_EDITORS),
    "POST /api/v1/routes/{route_id}/goals/{goal_id}/judgements": Api(change=ROUTE_EDITORS, body="judgement"),
    "DELETE /api/v1/routes/{route_id}/goals/{goal_id}/judgements/{school_year}": Api(change=ROUTE_EDITORS),
    # continuity signals and route health
    "GET /api/v1/signals": Api(read=USERS),
    "GET /api/v1/signals/digest": Api(read=USERS),
    "PUT /api/v1/signals/digest": Api(change=USERS),
    "GET /api/v1/regions/{region_id}/health": Api(read=REGION_READERS),
    "GET /api/v1/boards/{board_id}/health": Api(read=BOARD_READERS),
    # student surveys: staff, and the students' two operations without login
    "GET /api/v1/routes/{route_id}/surveys": Api(read=ROUTE_READERS),
    "POST /api/v1/routes/{route_id}/surveys": Api(change=ROUTE_EDITORS, body="survey"),
    "GET /api/v1/surveys/{survey_id}": Api(read=ROUTE_READERS),
    "DELETE /api/v1/surveys/{survey_id}": Api(change=ROUTE_EDITORS),
    "POST /api/v1/surveys/{survey_id}/statements": Api(change=ROUTE_EDITORS, body="statement"),
    "PUT /api/v1/surveys/{survey_id}/statements/{statement_id}": Api(change=ROUTE_EDITORS, body="statement"),
    "DELETE /api/v1/surveys/{survey_id}/statements/{statement_id}": Api(change=ROUTE_EDITORS),
    "POST /api/v1/surveys/{survey_id}/open": Api(change=ROUTE_EDITORS),
    "POST /api/v1/surveys/{survey_id}/close": Api(change=ROUTE_EDITORS),
    "GET /api/v1/surveys/{survey_id}/codes": Api(read=ROUTE_EDITORS),
    "POST /api/v1/surveys/{survey_id}/codes": Api(change=ROUTE_EDITORS, body="codes"),
    "GET /api/v1/surveys/{survey_id}/results": Api(read=ROUTE_READERS),
    "POST /api/v1/survey/questionnaire": Api(change=EVERYONE),
    "POST /api/v1/survey/answers": Api(change=EVERYONE),
    # reflection instrument
    "GET /api/v1/reflection/items": Api(read=USERS),
    "GET /api/v1/routes/{route_id}/reflection-rounds": Api(read=REFLECTION_READERS),
    "POST /api/v1/routes/{route_id}/reflection-rounds": Api(change=ROUTE_EDITORS, body="reflection_round"),
    "GET /api/v1/reflection-rounds/{reflection_round_id}": Api(read=REFLECTION_READERS),
    "POST /api/v1/reflection-rounds/{reflection_round_id}/participants": Api(change=ROUTE_EDITORS,
                                                                             body="reflection_invite"),
    "POST /api/v1/reflection-rounds/{reflection_round_id}/close": Api(change=ROUTE_EDITORS),
    "POST /api/v1/reflection-rounds/{reflection_round_id}/reminders": Api(change=ROUTE_EDITORS),
    "GET /api/v1/reflection-rounds/{reflection_round_id}/response": Api(read=INVITEES),
    "PUT /api/v1/reflection-rounds/{reflection_round_id}/response": Api(change=INVITEES, body="reflection_response"),
    # overleg, besluiten, knelpunten
    "GET /api/v1/routes/{route_id}/meeting-series": Api(read=OVERLEG_READERS),
    "POST /api/v1/routes/{route_id}/meeting-series": Api(change=ROUTE_EDITORS, body="series"),
    "PUT /api/v1/meeting-series/{series_id}": Api(change=ROUTE_EDITORS, body="series"),
    "DELETE /api/v1/meeting-series/{series_id}": Api(change=ROUTE_EDITORS),
    "GET /api/v1/routes/{route_id}/meetings": Api(read=OVERLEG_READERS),
    "POST /api/v1/routes/{route_id}/meetings": Api(change=ROUTE_EDITORS, body="meeting"),
    "GET /api/v1/meetings/{meeting_id}": Api(read=OVERLEG_READERS),
    "PUT /api/v1/meetings/{meeting_id}": Api(change=ROUTE_EDITORS, body="meeting"),
    "POST /api/v1/meetings/{meeting_id}/cancel": Api(change=ROUTE_EDITORS, body="cancel"),
    "GET /api/v1/routes/{route_id}/decisions": Api(read=OVERLEG_READERS),
    "POST /api/v1/routes/{route_id}/decisions": Api(change=ROUTE_EDITORS, body="decision"),
    "POST /api/v1/decisions/{decision_id}/complete": Api(change=ROUTE_EDITORS),
    "PUT /api/v1/decisions/{decision_id}": Api(change=ROUTE_EDITORS, body="decision"),
    "POST /api/v1/decisions/{decision_id}/reopen": Api(change=ROUTE_EDITORS),
    "GET /api/v1/decisions/mine": Api(read=USERS),
    "GET /api/v1/people/{person_id}/decisions": Api(read=OVERLEG_READERS),
    "GET /api/v1/routes/{route_id}/knelpunten": Api(read=ROUTE_READERS),
    "POST /api/v1/routes/{route_id}/knelpunten": Api(change=ROUTE_EDITORS, body="knelpunt"),
    "GET /api/v1/knelpunten/{knelpunt_id}": Api(read=ROUTE_READERS),
    "PUT /api/v1/knelpunten/{knelpunt_id}": Api(change=ROUTE_EDITORS, body="knelpunt"),
    "POST /api/v1/knelpunten/{knelpunt_id}/close": Api(change=ROUTE_EDITORS),
    "GET /api/v1/regions/{region_id}/knelpunten": Api(read=REGION_KEEPERS),
    "GET /api/v1/regions/{region_id}/knelpunten/counts": Api(read=REGION_KEEPERS),
    "POST /api/v1/regions/{region_id}/knelpunten": Api(change=REGION_KEEPERS, body="knelpunt"),
}

# --- left out of the table, with the reason -----------------------------------------------------------

EXCLUDED_URL_PREFIXES = {
    "beheer/": "the Django admin: beheerder only, with the second factor (apps/accounts/tests)",
    "i18n/": "language switch (Django's set_language), no data",
    "static/": "static files",
    "media/": "uploads are served only through routes:document",
}
