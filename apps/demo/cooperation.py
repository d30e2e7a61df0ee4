"""The demo's overleg, decisions and knelpunten, through the cooperation use cases (apps/cooperation/services.py)
as the beheerder, as of the demo's day (loader.today).

Drawn from "Wat regelt men (met elkaar) met het oog op continuïteit van de routes?" and "Acht portretten van
succesvolle samenwerking vmbo-mbo": Profijt's directieberaad every two months with its two coordinators (one
meeting cancelled because the mbo side could not attend: "als een van beide afwezig is, is het overleg niet
nuttig"), TOT's yearly planning meeting in May/June and no structural meetings otherwise, Het Element's yearly
board talk, Assen's projectleiders on both sides with the teachers meeting six times a year; the knelpunten these
practices name, in the source's words. The dates, the minutes and most decisions are illustrative and say so.
A few knelpunten on Amsterdam routes are illustrative too (the Amsterdam inventory names them for its practices
together), so the region sees a recurring category.

Every other route gets one meeting of both sides on the date its data gives as the last partner meeting, so that
date is derived from the meetings held, as in use (services.keep_last_partner_meeting)."""
from __future__ import annotations

from datetime import date, timedelta

from apps.accounts.models import User
from apps.cooperation import services
from apps.cooperation.schemas import CancelIn, CompleteIn, DecisionIn, KnelpuntIn, MeetingIn, SeriesIn
from apps.routes.models import Person, RoutePartner

CONTINUITY = "Wat regelt men (met elkaar) met het oog op continuïteit van de routes?"
AMSTERDAM = "Doorlopende leerroutes in Amsterdam. Een verkenning"
ILLUSTRATIVE = "(illustratief)"


class Cooperation:
    def __init__(self, loader):
        self.loader = loader
        self.today = loader.today
        self.user = User.objects.get(username="beheer")

    def ago(self, days: int) -> date:
        return self.today - timedelta(days=days)

    def ahead(self, days: int) -> date:
        return self.today + timedelta(days=days)

    def person(self, institution_key: str, name: str) -> Person:
        """The person of that name at the institution (as the route's contacts give them), made if missing."""
        institution = self.loader.institutions[institution_key]
        person = Person.objects.filter(institution=institution, name=name).first()
        return person or Person.objects.create(institution=institution, name=name)

    def series(self, route, kind: str, **values):
        return services.add_series(self.user, route, SeriesIn(kind=kind, **values))

    def meeting(self, route, held_on: date, present, absent=(), **values):
        attendance = ([{"person": p.pk, "present": True} for p in present]
                      + [{"person": p.pk, "present": False} for p in absent])
        return services.record_meeting(self.user, route, MeetingIn(held_on=held_on, attendance=attendance, **values),
                                       today=self.today, refresh=False)

    def decision(self, route, text: str, owner=None, due_on=None, meeting=None, done_on=None):
        decision = services.add_decision(self.user, route, DecisionIn(
            text=text, owner=owner.pk if owner else None, due_on=due_on, meeting=meeting.pk if meeting else None))
        if done_on:
            services.complete_decision(self.user, decision, CompleteIn(done_on=done_on), today=self.today)
        return decision

    def knelpunt(self, route=None, region=None, **values):
        return services.add_knelpunt(self.user, KnelpuntIn(**values), route=route, region=region, today=self.today)

    def link(self, username: str, person: Person) -> None:
        """The demo account is this person ("mijn openstaande besluiten"), unless either is linked already."""
        user = User.objects.filter(username=username).first()
        if user and person.user_id is None and not Person.objects.filter(user=user).exists():
            person.user = user
            person.save()

    # --- the practices the sources describe ---------------------------------------------------------------

    def profijt(self):
        route = self.loader.routes["profijt-stera"]
        vo = self.person("profijt-vo-a", "Coördinator Profijt (vanuit het vmbo)")
        mbo = self.person("profijt-mbo-1", "Coördinator Profijt (vanuit het mbo)")
        beraad = self.series(route, "directieberaad", name="Directieberaad Profijt", times_per_year=6,
                             months="elke twee maanden", note=(
                                 "Afdelingsleiders vmbo, sectordirecteuren mbo en directeuren praktijkonderwijs en "
                                 "vso; zorgt voor visieontwikkeling en controle en besluit op basis van consensus. "
                                 f"Bron: {CONTINUITY}, portret Profijt."))
        self.series(route, "werkgroep", name="Docentenwerkgroep per vmbo-profiel", note=(
            "Voor elk vmbo-profiel is er een docentenwerkgroep; bijeenkomsten doorgaans van 15-17 uur. "
            f"Frequentie illustratief. Bron: {CONTINUITY}, portret Profijt."))
        minutes = (f"Verslag illustratief; de vorm volgt het portret Profijt in '{CONTINUITY}'.")
        held = {}
        for days in (17, 78, 139, 200, 261, 322):
            held[days] = self.meeting(route, self.ago(days), [vo, mbo] if days != 139 else [vo],
                                      absent=[mbo] if days == 139 else [], series=beraad.pk,
                                      title="Directieberaad Profijt", minutes=minutes)
        services.cancel_meeting(self.user, held[139], CancelIn(reason=(
            "De mbo-partners konden niet aanwezig zijn; volgens de afspraak gaat het overleg dan niet door.")),
            refresh=False)
        self.decision(route, f"De coördinatoren onderzoeken waarom de opkomst bij de docentenwerkgroepen laag was "
                             f"{ILLUSTRATIVE}", owner=vo, due_on=held[78].held_on + timedelta(days=30),
                      meeting=held[78])   # past its due date
        self.decision(route, f"Bijeenkomsten van het komende schooljaar plannen van 15-17 uur, het minst belastend "
                             f"voor docenten die lesgeven {ILLUSTRATIVE}", owner=mbo, due_on=self.ahead(45),
                      meeting=held[17])
        self.decision(route, f"Klankbordgroep van decanen en zorgcoördinatoren bijeenroepen {ILLUSTRATIVE}", owner=vo,
                      due_on=self.ago(150), meeting=held[200], done_on=self.ago(160))
        self.knelpunt(route, category="docenttijd", owner=vo.pk,
                      title="Uren van docenten voor de samenwerking niet gefaciliteerd",
                      description=("“Als je de samenwerking serieus neemt en je het goed wil doen, zouden de uren van "
                                   "docenten gefaciliteerd moeten worden.” Bron: " + CONTINUITY + ", portret Profijt. "
                                   "Datum illustratief."), reported_on=self.ago(300))
        self.knelpunt(route, category="ov_kaart",
                      title="Vmbo-leerlingen reizen verder en hebben geen OV-kaart",
                      description=("“Een ander knelpunt is dat vmbo-ers verder moeten reizen (dan leerlingen in het "
                                   "reguliere vmbo) en geen OV-kaart hebben.” Bron: " + CONTINUITY
                                   + ", portret Profijt. Datum illustratief."), reported_on=self.ago(280))

    def tot(self):
        route = self.loader.routes["tot-route"]
        vo = self.person("uilenhof", "Schoolleider De Uilenhof")
        mbo = self.person("da-vinci", "Domeinleider Gebouwde omgeving Da Vinci")
        planning = self.series(route, "planning", name="Jaarlijks planningsoverleg", times_per_year=1,
                               months="mei/juni", note=(
                                   "Hoe het komende jaar eruit gaat zien, ook praktische zaken (welke school is "
                                   "wanneer lesvrij). De overleggen hebben geen structureel karakter: “als het eenmaal "
                                   f"een lopend machientje is verdwijnt de noodzaak daartoe”. Bron: {CONTINUITY}, "
                                   "portret TOT-route."))
        june = date(self.today.year, 6, 5)
        if june > self.today:
            june = date(self.today.year - 1, 6, 5)
        meeting = self.meeting(route, june, [vo, mbo], series=planning.pk, title="Planningsoverleg komend schooljaar",
                               minutes=f"Datum en verslag illustratief; zie '{CONTINUITY}', portret TOT-route.")
        self.meeting(route, self.ago(38), [vo, mbo], kind="overig",
                     title="Evaluatieoverleg (als daar aanleiding toe is)",
                     minutes=f"Datum illustratief. {ILLUSTRATIVE}")
        self.decision(route, f"Lesvrije dagen van de vmbo-scholen voor het komende jaar doorgeven aan Da Vinci "
                             f"{ILLUSTRATIVE}", owner=vo, due_on=june + timedelta(days=60), meeting=meeting,
                      done_on=june + timedelta(days=40))
        self.link("uilenhof", vo)
        self.link("davinci", mbo)
        self.decision(route, f"Agenda van het planningsoverleg in mei/juni voorbereiden {ILLUSTRATIVE}", owner=mbo,
                      due_on=date(june.year + 1, 5, 15))
        self.knelpunt(route, category="vervoerskosten", status="in_behandeling", title="Busvervoer naar het mbo",
                      description=("“Voor het vmbo geldt dat er busvervoer geregeld moet worden voor de weken dat de "
                                   "leerlingen naar het mbo gaan.” Bron: " + CONTINUITY + ", portret TOT-route. "
                                   "Datum illustratief."),
                      action="“Die kosten worden nu gedeeld.”", reported_on=self.ago(400))
        self.knelpunt(route, category="ov_kaart", title="Geen gratis OV-kaart in leerjaar 4",
                      description=("“In leerjaar 4 als de leerlingen al vier dagen per week naar het mbo gaan, "
                                   "staan ze nog bij het vmbo ingeschreven. [...] Daardoor lopen ze een gratis "
                                   "OV-kaart mis. Deze doelgroep valt net tussen wal en schip.” Bron: " + CONTINUITY
                                   + ", portret TOT-route. Datum illustratief."), reported_on=self.ago(380))

    def het_element(self):
        route = self.loader.routes["het-element-routes"]
        director = self.person("het-element", "Directeur Het Element (architect van de samenwerking)")
        mbo = [self.person("roc-mn",
                           "Coördinator mbo-route Economie en Ondernemen ROC Midden Nederland"),
               self.person("mbo-amersfoort", "Coördinator mbo-route techniek MBO Amersfoort"),
               self.person("rijn-ijssel", "Coördinator mbo-route Vakschool Wageningen")]
        talk = self.series(route, "bestuurlijk", name="Jaarlijks bestuurlijk gesprek", times_per_year=1, note=(
            "Elk jaar een gesprek op bestuurlijk niveau tussen de vmbo-locaties van Het Element en de mbo-besturen; de "
            "verdeling van de samenwerking over het aanbod van de mbo's is elk jaar opnieuw onderwerp van gesprek. "
            f"Bron: {CONTINUITY}, portret Het Element."))
        meeting = self.meeting(route, self.ago(52), [director, *mbo], series=talk.pk,
                               title="Bestuurlijk gesprek vmbo-locaties Het Element en mbo-besturen",
                               minutes=f"Datum en verslag illustratief; zie '{CONTINUITY}', portret Het Element.")
        self.decision(route, "De vmbo-leerlingen gaan op dinsdag of donderdag naar het mbo (roosterbaarheid). Bron: "
                             + CONTINUITY + ", portret Het Element.", owner=director, meeting=meeting,
                      done_on=meeting.held_on)
        self.decision(route, f"Verdeling van het aanbod over ROC Midden Nederland, MBO Amersfoort en Rijn IJssel voor "
                             f"het volgende schooljaar uitwerken {ILLUSTRATIVE}", owner=director, due_on=self.ahead(60),
                      meeting=meeting)
        self.link("element", director)
        self.knelpunt(route, category="ov_kaart", title="Geen OV-kaart voor vmbo-ers die naar het mbo reizen",
                      description=("“De vmbo-leerlingen moeten reizen in het vierde jaar, bijvoorbeeld naar "
                                   "Wageningen. Een knelpunt is het ontbreken van een OV-kaart voor deze "
                                   "vmbo-ers. Dat zijn extra kosten.” Bron: " + CONTINUITY
                                   + ", portret Het Element. Datum illustratief."),
                      owner=director.pk, reported_on=self.ago(200))

    def assen(self):
        route = self.loader.routes["nassau-drenthe-college"]
        vo = self.person("nassau", "Projectleider doorlopende leerlijn mbo Dr. Nassau College")
        mbo = self.person("drenthe-college", "Projectleider vmbo-mbo Drenthe College")
        source = f"Bron: {CONTINUITY}, portret Dr. Nassau College Assen."
        teachers = self.series(route, "docentenoverleg", name="Bijeenkomst docenten vmbo en mbo", times_per_year=6,
                               note=("De docenten van vmbo en mbo hebben zes keer per jaar een bijeenkomst in "
                                     "aanwezigheid van de projectleiders; de woensdagochtend is in het rooster "
                                     "geblokt. " + source))
        self.series(route, "stuurgroep", name="Stuurgroep", months="een aantal malen per jaar",
                    note="Bespreekt de voortgang; zo is de samenwerking op directie- en bestuurlijk niveau geborgd. "
                         "Aantal per jaar illustratief. " + source)
        self.series(route, "werkgroep", name="Ontwikkelgroep per profiel (vijf profielen)",
                    note="Vmbo- en mbo-docenten maken samen programma's op maat, doorgaans van 16.00 tot 19.00 uur. "
                         "Frequentie illustratief. " + source)
        minutes = f"Datum en verslag illustratief; zie '{CONTINUITY}', portret Dr. Nassau College Assen."
        held = [self.meeting(route, self.ago(days), [vo, mbo], series=teachers.pk, title="Docentenbijeenkomst",
                             minutes=minutes) for days in (39, 100, 161)]
        self.decision(route, "Komend jaar pakken dezelfde docenten de samenwerking op. " + source, owner=mbo,
                      meeting=held[-1], done_on=held[-1].held_on)
        self.decision(route, f"Gemeenschappelijke tijden vinden voor de ontwikkelgroepen {ILLUSTRATIVE}", owner=vo,
                      due_on=self.ahead(30), meeting=held[0])
        self.knelpunt(route, category="docenttijd", title="Gemeenschappelijke vergadertijden vinden", owner=vo.pk,
                      status="in_behandeling",
                      description=("“Knelpunten liggen vooral in de praktische uitvoering, bij het rooster en "
                                   "bijvoorbeeld de vergadertijden (van 16.00-19.00 uur). Het is lastig om "
                                   "gemeenschappelijke tijden te vinden.” " + source + " Datum illustratief."),
                      action="De woensdagochtend is in het rooster geblokt.", reported_on=self.ago(250))
        self.knelpunt(route, category="examenmomenten", title="Wens om flexibel te kunnen examineren",
                      description="“Meer in het algemeen bestaat er een wens om flexibel te kunnen examineren.” "
                                  + source + " Datum illustratief.", reported_on=self.ago(250))

    def wvo_kwic(self):
        route = self.loader.routes["wvo-kwic"]
        self.knelpunt(route, category="programma_overladen", title="Overladen programma in de versnelde bbl",
                      description=("“Specifiek voor de bbl-variant in de route van WvO-KWIC geldt dat een "
                                   "(versnelde) bbl-opleiding eerder last heeft van overladenheid van het "
                                   "programma door allerhande eisen (bv rekenen en taal en de omvang van de "
                                   "keuzedelen).” Bron: " + CONTINUITY
                                   + ". Datum illustratief."), reported_on=self.ago(330))

    def amsterdam(self):
        """Illustrative: the Amsterdam inventory names these for its practices together, not per route."""
        culture = ("“Samenwerking is niet vanzelfsprekend en de visie en cultuurverschillen kunnen groot zijn tussen "
                   f"het vmbo en mbo.” Bron: {AMSTERDAM}, 4.3. Illustratief: de verkenning noemt dit voor de bestaande "
                   "praktijken samen, niet voor deze route; datum illustratief.")
        for key, status, action, days in (
                ("calvijn-vmr", "opgelost", "Gezamenlijk investeren in dialoog, informatie-uitwisseling en training.",
                 500),
                ("mlo-glr", "in_behandeling", "Gezamenlijke training van vmbo- en mbo-docenten gepland.", 210),
                ("bindelmeer-vmr", "open", "", 90)):
            self.knelpunt(self.loader.routes[key], category="cao_cultuur", status=status, action=action,
                          title="Visie- en cultuurverschillen tussen vmbo en mbo", description=culture,
                          reported_on=self.ago(days))
        self.knelpunt(self.loader.routes["noorderlicht-hzw"], category="docenttijd", reported_on=self.ago(120),
                      title=f"Docenttijd voor de afstemming vmbo-mbo niet gefaciliteerd {ILLUSTRATIVE}",
                      description="Illustratief voorbeeld; de bronnen noemen dit knelpunt voor andere praktijken.")
        region = self.loader.regions["rmc-amsterdam"]
        self.knelpunt(region=region, category="overig", reported_on=self.ago(400),
                      title="Financiële afspraken tussen vo en mbo zijn een groot struikelblok",
                      description=("“De ervaring in Amsterdam leert dat het maken van afspraken over eventuele "
                                   "overdracht van financiële middelen een van de grootste struikelblokken is.” Bron: "
                                   f"{AMSTERDAM}, 4.3. Datum illustratief."))
        self.knelpunt(region=region, category="overig", reported_on=self.ago(400),
                      title="Geen middelen voor het opstarten van doorlopende leerroutes",
                      description=("“Binnen de nieuwe wet zijn geen middelen voorzien voor het opstarten en "
                                   f"ontwikkelen van doorgaande leerroutes.” Bron: {AMSTERDAM}, 4.3. "
                                   "Datum illustratief."))

    # --- every other route: its last partner meeting as a meeting held ---------------------------------------

    def side_person(self, route, role: str) -> Person | None:
        partner = route.partners.filter(role=role).select_related("institution").first()
        if partner is None:
            return None
        person = Person.objects.filter(roles__route=route, institution=partner.institution).order_by("pk").first()
        return person or Person.objects.get_or_create(
            institution=partner.institution, name=f"Contactpersoon {partner.institution.name} {ILLUSTRATIVE}")[0]

    def last_meetings(self):
        for route in self.loader.routes.values():
            if route.last_partner_meeting is None or route.meetings.exists():
                continue
            people = [p for p in (self.side_person(route, RoutePartner.Role.VO),
                                  self.side_person(route, RoutePartner.Role.MBO)) if p]
            self.meeting(route, route.last_partner_meeting, people, kind="overig", title="Partneroverleg",
                         minutes=f"Datum uit de gegevens van de route; deelnemers en verslag {ILLUSTRATIVE}")

    def load(self):
        practices = ((self.profijt, ["profijt-stera"]), (self.tot, ["tot-route"]),
                     (self.het_element, ["het-element-routes"]), (self.assen, ["nassau-drenthe-college"]),
                     (self.wvo_kwic, ["wvo-kwic"]),
                     (self.amsterdam, ["calvijn-vmr", "mlo-glr", "bindelmeer-vmr", "noorderlicht-hzw"]))
        for practice, keys in practices:
            if all(key in self.loader.routes for key in keys):     # a data set without it (tests load parts)
                practice()
        self.last_meetings()
        for route in self.loader.routes.values():
            services.keep_last_partner_meeting(route, refresh=False)


def load(loader) -> None:
    Cooperation(loader).load()
