"""The "Partners" section of the route page: open partner proposals, what the user may do with
them, and the form to propose a partner."""
from django import template

from apps.routes import models as m
from apps.routes import proposals

register = template.Library()


@register.inclusion_tag("routes/_partner_proposals.html", takes_context=True)
def partner_proposals(context, route):
    from apps.routes.proposals_views import PartnerProposalForm

    user = context["request"].user
    rows = []
    for proposal in route.partner_proposals.select_related(
            "institution", "replaces", "proposed_by", "proposed_for", "decided_by", "location")[:20]:
        is_open = proposal.status == m.PartnerProposal.Status.OPEN
        rows.append({
            "proposal": proposal, "open": is_open,
            "confirmations": list(proposal.confirmations.select_related("institution")),
            "waiting_for": proposals.waiting_for(proposal) if is_open else [],
            "may_confirm": proposals.may_confirm(user, proposal),
            "may_reject": proposals.may_reject(user, proposal),
            "may_withdraw": proposals.may_withdraw(user, proposal),
        })
    may_propose = bool(proposals.own_partner_institutions(user, route))
    return {
        "route": route, "rows": rows, "request": context["request"],
        "has_students": route.students.exists(),
        "may_propose": may_propose,
        "form": PartnerProposalForm(route=route, auto_id="id_proposal_%s") if may_propose else None,
        "csrf_token": context.get("csrf_token"),
    }
