from django.urls import path

from . import goals_views, people_views, proposals_views, views

app_name = "routes"
urlpatterns = [
    path("routes/", views.route_list, name="list"),
    path("routes/nieuw/", views.route_form, name="create"),
    path("routes/<int:pk>/", views.route_detail, name="detail"),
    path("routes/<int:pk>/bewerken/", views.route_form, name="edit"),
    path("routes/<int:pk>/stoppen/", views.route_stop, name="stop"),
    path("routes/<int:pk>/geschiedenis/", views.route_history, name="history"),
    path("routes/<int:pk>/examenplannen/", views.route_exam_templates, name="exam_templates"),
    path("routes/<int:pk>/concept-overeenkomst/", views.route_draft_agreement, name="draft_agreement"),
    path("overeenkomsten/", views.agreement_list, name="agreements"),
    path("overeenkomsten/nieuw/", views.agreement_form, name="agreement_create"),
    path("overeenkomsten/<int:pk>/", views.agreement_detail, name="agreement"),
    path("overeenkomsten/<int:pk>/bewerken/", views.agreement_form, name="agreement_edit"),
    path("overeenkomsten/<int:pk>/geschiedenis/", views.agreement_history, name="agreement_history"),
    path("overeenkomsten/<int:pk>/documenten/", views.agreement_document_upload, name="agreement_upload"),
    path("documenten/<int:pk>/", views.agreement_document, name="document"),
    path("regels/", views.rules_catalogue, name="rules"),
    # qualitative targets (goals_views.py)
    path("routes/<int:pk>/doelen/", goals_views.add_goal, name="goal_add"),
    path("doelen/<int:pk>/wijzigen/", goals_views.change_goal, name="goal_change"),
    path("doelen/<int:pk>/verwijderen/", goals_views.remove_goal, name="goal_remove"),
    path("doelen/<int:pk>/oordeel/", goals_views.judge_goal, name="goal_judge"),
    # people and roles (people_views.py)
    path("routes/<int:pk>/mensen/", people_views.route_people, name="people"),
    path("routes/<int:pk>/mensen/nieuw/", people_views.role_add, name="role_add"),
    path("rollen/<int:pk>/wijzigen/", people_views.role_change, name="role_change"),
    path("rollen/<int:pk>/vertrek/", people_views.role_departure, name="role_departure"),
    path("personen/<int:pk>/", people_views.person_detail, name="person"),
    path("personen/mijn-rollen/", people_views.my_roles, name="my_roles"),
    # partner proposals (proposals_views.py)
    path("routes/<int:pk>/partnervoorstellen/", proposals_views.propose, name="proposal_create"),
    path("partnervoorstellen/<int:pk>/bevestigen/", proposals_views.confirm, name="proposal_confirm"),
    path("partnervoorstellen/<int:pk>/afwijzen/", proposals_views.reject, name="proposal_reject"),
    path("partnervoorstellen/<int:pk>/intrekken/", proposals_views.withdraw, name="proposal_withdraw"),
]
