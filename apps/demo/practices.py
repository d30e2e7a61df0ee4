"""Demo data set of Leerroute: the real, public vmbo-mbo practices of the sources. PURE DATA.

Built from ``../shared/practices.md`` (the source of truth for the demo data) and the Dutch seed
documents it cites (``../shared/seeds/``): seed 003 (Amsterdam inventory, 19 April 2021: Tabel 1,
Tabel 2 and Bijlage 1), seed 000 (five long-running practices, about 2018), seed 001 (eight
portraits, about 2013) and seed 004 (leerlabs, 2023). Every route names its source in ``source``.
The Amsterdam routes carry the phase of the 2020-21 inventory and the portraits that of about 2013;
meeting dates are recent so that the compliance view works with today = 2026-11-22.

People are roles, never names: institutions and routes are real and public, the people in the
sources are not used. A contact is a role-based label such as "Kerndocent Facilitair Calvijn".

What is real and where it comes from
- BRIN (instellingscode) and vestigingscode of Calvijn (17HB06), Bindelmeer (14RF04), Noorderlicht
  (17VF02), MLO (16PS08), Hubertus & Berkhoff (00EF00), Cburg (14RL00), IJburg College (28DH01),
  Mediacollege vmbo (02PA00), Wellant/Yuverta Sloten (01OE22), Dr. Nassau College (20LO04, 20LO08)
  and Drenthe College (25PW): DUO's open list of vo-vestigingen. For Drenthe College the code is
  inferred (25PW are the vo-vestigingen "Drenthe College Terra" of bevoegd gezag 40872), and for
  Wellant Sloten the vestiging is matched by address; the vestiging names here are descriptive.
- Bevoegd-gezagnummers 42621 (ZAAM), 41854 (VOvA), 67107 (Mediacollege, vo), 41100
  (Wellant/Yuverta, vo), 13273 (Dr. Nassau College) and 40872 (Drenthe College): same DUO list.
- RMC-regio codes 21 (Agglomeratie Amsterdam, DUO's name for the Amsterdam region), 07 (Noord- en
  Midden Drenthe) and 24 (Noord-Kennemerland), and the CBS gemeentecodes GM....; regions with code
  None are named as well as known, their code is not confirmed. Region assignments outside
  Amsterdam and Assen (notably Altena -> West-Brabant, Veenendaal/Wageningen -> Gelderse Vallei,
  Winsum/Groningen -> Centraal en Westelijk Groningen) are best knowledge, not from the sources.
- Kwalificatie codes (crebo), levels and dossiers: Regeling vaststelling kwalificatiedossiers 2015
  (BWBR0036352), bijlage 1 (kwalificaties geldig vanaf 1-8-2015/2016). Names follow that list, so
  "Facilitair medewerker" is Medewerker facilitaire dienstverlening (25499) and "Secretarieel
  medewerker" its successor Medewerker secretariaat en receptie (25150).

What is illustrative (made up so that the demo is complete; marked in the data)
- Every institution with ``"brin_illustrative": True`` has an invented BRIN: vo codes 99xx and mbo
  codes 98xx, so they can never be mistaken for real ones. Their vestigingscodes are invented too.
- Kwalificatie 99001 "Manager groene detailhandel" (``"code_illustrative": True``): the crebo of
  the old qualification that AOC Terra used is not confirmed.
- Placeholder institutions and boards "(niet genoemd)": the Profijt schools, the three other
  vmbo-partners of the WvO-KWIC route and the leerlab schools, which the sources do not name.
- Dates marked "indicatief" in phase notes, all signing dates except Calvijn's SOK of 31-10-2013,
  the RIO registration dates, intakes per uitstroomrichting (except Bindelmeer's cohort of 78),
  BPV days per week where the sources give none (TOT 1/4 days, Het Element 1+1 and WvO 3+2 in the
  block are from the sources), contacts' labels and the last partner meetings.
- bevoegd_gezag_nummer None and board names "Bevoegd gezag X" where the legal name is not known.

Compliance problems kept on purpose (the sources show them; the product must flag them)
- mlo-glr: no vmbo diploma while KB is admitted (R-05); its 2020 SOK lacks the overstapoptie
  (R-07); three uitstroomrichtingen below the minimum of 15 (R-15, years 4 and 5 are merged).
- cburg-zuidoost: intake 0 below the minimum of 25 per uitstroomrichting (R-15).
- noorderlicht-hzw: gesloten beurzen (M5) until the first cohort reaches year 5.
- bindelmeer-vmr: ROC van Amsterdam has not registered the route in RIO itself (R-12); nobody
  covers exam coordination yet (R-09).
- tot-route: Insula College joined in 2016 without an extension of the SOK (R-06).
- wvo-kwic: no agreement until the VMR (R-06 on its 2003 start); one contact person (R-16).
- ijburg-glr: no agreement at all yet (R-06).
- profijt-toptraject: only the network convenant of 2000, without inrichting and overstapoptie
  (R-07); no uitstroomrichting known (R-01).
- focus-*-vmr: Entree (level 1) among the uitstroomrichtingen (R-01).
- raamwerk-element-rocmn-concept: an unsigned draft; lwt-noorderlicht-2021: an LWT agreement beside
  the route, covering no DLR route (R-13 done right).
- Deviating onderwijstijd without recorded MR consent (R-20) where the sources describe acceleration;
  stale partner meetings or no financial agreement (R-16) at Mediacollege, Cburg and Wellant Sloten.

Structure and codes: see ``docs/design.md``. Dates are "YYYY-MM-DD" strings; unknown is None.
This module imports nothing and must stay deterministic.
"""


# ====================================================================================================
# RMC-regio's, arbeidsmarktregio's, gemeenten en het samenwerkingsverband.
# ====================================================================================================
REGIONS = [
    {"key": "rmc-amsterdam", "kind": "rmc", "code": "21", "name": "Agglomeratie Amsterdam"},
    {"key": "rmc-achterhoek", "kind": "rmc", "code": None, "name": "Achterhoek"},
    {"key": "rmc-zuid-holland-zuid", "kind": "rmc", "code": None, "name": "Zuid-Holland-Zuid"},
    {"key": "rmc-rijnmond", "kind": "rmc", "code": None, "name": "Rijnmond"},
    {"key": "rmc-west-brabant", "kind": "rmc", "code": None, "name": "West-Brabant"},
    {"key": "rmc-noordoost-brabant", "kind": "rmc", "code": None, "name": "Noordoost-Brabant"},
    {"key": "rmc-zuidoost-brabant", "kind": "rmc", "code": None, "name": "Zuidoost-Brabant"},
    {"key": "rmc-noord-midden-drenthe", "kind": "rmc", "code": "07", "name": "Noord- en Midden Drenthe"},
    {"key": "rmc-eem-en-vallei", "kind": "rmc", "code": None, "name": "Eem en Vallei"},
    {"key": "rmc-gelderse-vallei", "kind": "rmc", "code": None, "name": "Gelderse Vallei"},
    {"key": "rmc-utrecht", "kind": "rmc", "code": None, "name": "Utrecht"},
    {"key": "rmc-rijk-van-nijmegen", "kind": "rmc", "code": None, "name": "Rijk van Nijmegen"},
    {
        "key": "rmc-centraal-westelijk-groningen",
        "kind": "rmc",
        "code": None,
        "name": "Centraal en Westelijk Groningen",
    },
    {"key": "rmc-oost-groningen", "kind": "rmc", "code": None, "name": "Oost-Groningen"},
    {"key": "rmc-midden-limburg", "kind": "rmc", "code": None, "name": "Midden-Limburg"},
    {"key": "rmc-noord-kennemerland", "kind": "rmc", "code": "24", "name": "Noord-Kennemerland"},
    {"key": "rmc-noord-west-veluwe", "kind": "rmc", "code": None, "name": "Noord-West Veluwe"},
    {
        "key": "rmc-leerlab-noord-holland",
        "kind": "rmc",
        "code": None,
        "name": "RMC-regio van leerlab Noord-Holland (niet genoemd in de bron)",
    },
    {"key": "amr-groot-amsterdam", "kind": "arbeidsmarktregio", "code": None, "name": "Groot Amsterdam"},
    {"key": "amr-achterhoek", "kind": "arbeidsmarktregio", "code": None, "name": "Achterhoek"},
    {"key": "amr-gorinchem", "kind": "arbeidsmarktregio", "code": None, "name": "Gorinchem"},
    {"key": "amr-drechtsteden", "kind": "arbeidsmarktregio", "code": None, "name": "Drechtsteden"},
    {"key": "amr-rijnmond", "kind": "arbeidsmarktregio", "code": None, "name": "Rijnmond"},
    {"key": "amr-west-brabant", "kind": "arbeidsmarktregio", "code": None, "name": "West-Brabant"},
    {"key": "amr-noordoost-brabant", "kind": "arbeidsmarktregio", "code": None, "name": "Noordoost-Brabant"},
    {"key": "amr-helmond-de-peel", "kind": "arbeidsmarktregio", "code": None, "name": "Helmond-De Peel"},
    {"key": "amr-drenthe", "kind": "arbeidsmarktregio", "code": None, "name": "Drenthe"},
    {"key": "amr-amersfoort", "kind": "arbeidsmarktregio", "code": None, "name": "Amersfoort"},
    {"key": "amr-foodvalley", "kind": "arbeidsmarktregio", "code": None, "name": "FoodValley"},
    {"key": "amr-midden-utrecht", "kind": "arbeidsmarktregio", "code": None, "name": "Midden-Utrecht"},
    {"key": "amr-rijk-van-nijmegen", "kind": "arbeidsmarktregio", "code": None, "name": "Rijk van Nijmegen"},
    {"key": "amr-groningen", "kind": "arbeidsmarktregio", "code": None, "name": "Groningen"},
    {"key": "amr-midden-limburg", "kind": "arbeidsmarktregio", "code": None, "name": "Midden-Limburg"},
    {
        "key": "amr-noord-holland-noord",
        "kind": "arbeidsmarktregio",
        "code": None,
        "name": "Noord-Holland Noord",
    },
    {
        "key": "amr-stedendriehoek-noordwest-veluwe",
        "kind": "arbeidsmarktregio",
        "code": None,
        "name": "Stedendriehoek en Noordwest Veluwe",
    },
    {
        "key": "amr-leerlab-noord-holland",
        "kind": "arbeidsmarktregio",
        "code": None,
        "name": "Arbeidsmarktregio van leerlab Noord-Holland (niet genoemd in de bron)",
    },
    {"key": "gm-amsterdam", "kind": "gemeente", "code": "GM0363", "name": "Amsterdam"},
    {"key": "gm-diemen", "kind": "gemeente", "code": "GM0384", "name": "Diemen"},
    {"key": "gm-doetinchem", "kind": "gemeente", "code": "GM0222", "name": "Doetinchem"},
    {
        "key": "gm-achterhoek-onbekend",
        "kind": "gemeente",
        "code": None,
        "name": "Gemeente in de Achterhoek (Profijt-school, niet genoemd)",
    },
    {"key": "gm-gorinchem", "kind": "gemeente", "code": "GM0512", "name": "Gorinchem"},
    {"key": "gm-dordrecht", "kind": "gemeente", "code": "GM0505", "name": "Dordrecht"},
    {"key": "gm-altena", "kind": "gemeente", "code": None, "name": "Altena (Wijk en Aalburg)"},
    {
        "key": "gm-noordoost-brabant-onbekend",
        "kind": "gemeente",
        "code": None,
        "name": "Gemeente in Noordoost-Brabant (vmbo-partner VMR, niet genoemd)",
    },
    {"key": "gm-s-hertogenbosch", "kind": "gemeente", "code": "GM0796", "name": "'s-Hertogenbosch"},
    {"key": "gm-assen", "kind": "gemeente", "code": "GM0106", "name": "Assen"},
    {"key": "gm-amersfoort", "kind": "gemeente", "code": "GM0307", "name": "Amersfoort"},
    {"key": "gm-utrecht", "kind": "gemeente", "code": "GM0344", "name": "Utrecht"},
    {"key": "gm-wageningen", "kind": "gemeente", "code": "GM0289", "name": "Wageningen"},
    {"key": "gm-veenendaal", "kind": "gemeente", "code": "GM0345", "name": "Veenendaal"},
    {"key": "gm-ede", "kind": "gemeente", "code": "GM0228", "name": "Ede"},
    {"key": "gm-nijmegen", "kind": "gemeente", "code": "GM0268", "name": "Nijmegen"},
    {"key": "gm-breda", "kind": "gemeente", "code": "GM0758", "name": "Breda"},
    {"key": "gm-land-van-cuijk", "kind": "gemeente", "code": None, "name": "Land van Cuijk (Boxmeer)"},
    {"key": "gm-barendrecht", "kind": "gemeente", "code": "GM0489", "name": "Barendrecht"},
    {"key": "gm-rotterdam", "kind": "gemeente", "code": "GM0599", "name": "Rotterdam"},
    {"key": "gm-groningen", "kind": "gemeente", "code": "GM0014", "name": "Groningen"},
    {"key": "gm-weert", "kind": "gemeente", "code": "GM0988", "name": "Weert"},
    {"key": "gm-stadskanaal", "kind": "gemeente", "code": "GM0037", "name": "Stadskanaal"},
    {
        "key": "gm-dijk-en-waard",
        "kind": "gemeente",
        "code": "GM1980",
        "name": "Dijk en Waard (Heerhugowaard)",
    },
    {"key": "gm-helmond", "kind": "gemeente", "code": "GM0794", "name": "Helmond"},
    {
        "key": "gm-goeree-overflakkee",
        "kind": "gemeente",
        "code": "GM1924",
        "name": "Goeree-Overflakkee (Middelharnis)",
    },
    {
        "key": "gm-leerlab-noord-west-veluwe",
        "kind": "gemeente",
        "code": None,
        "name": "Gemeente van leerlab Noord-West Veluwe (niet genoemd)",
    },
    {
        "key": "gm-leerlab-noord-drenthe",
        "kind": "gemeente",
        "code": None,
        "name": "Gemeente van leerlab Noord-Drenthe (niet genoemd)",
    },
    {
        "key": "gm-leerlab-west-brabant",
        "kind": "gemeente",
        "code": None,
        "name": "Gemeente van leerlab West-Brabant (niet genoemd)",
    },
    {
        "key": "gm-leerlab-noord-holland",
        "kind": "gemeente",
        "code": None,
        "name": "Gemeente van leerlab Noord-Holland (niet genoemd)",
    },
    {
        "key": "swv-amsterdam-diemen",
        "kind": "samenwerkingsverband",
        "code": None,
        "name": "Samenwerkingsverband VO Amsterdam-Diemen",
    },
]


# ====================================================================================================
# Bevoegde gezagen. An AOC or VSG is one board with institutions of both sectors.
# ====================================================================================================
BOARDS = [
    {"key": "zaam", "name": "Stichting ZAAM", "bevoegd_gezag_nummer": "42621"},
    {
        "key": "msa",
        "name": "Stichting Montessori Scholengemeenschap Amsterdam (MSA)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "vova",
        "name": "Stichting Voortgezet Onderwijs van Amsterdam (VOvA)",
        "bevoegd_gezag_nummer": "41854",
    },
    {"key": "esprit", "name": "Stichting Esprit Scholen", "bevoegd_gezag_nummer": None},
    {
        "key": "ijburg-bestuur",
        "name": "Bevoegd gezag IJburg College (SSvABVOIJ)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "mediacollege",
        "name": "Bevoegd gezag Mediacollege Amsterdam (vmbo en mbo)",
        "bevoegd_gezag_nummer": "67107",
    },
    {
        "key": "wellant",
        "name": "Stichting Wellant (AOC; sinds 2021 Yuverta)",
        "bevoegd_gezag_nummer": "41100",
    },
    {"key": "roc-amsterdam", "name": "Stichting ROC van Amsterdam - Flevoland", "bevoegd_gezag_nummer": None},
    {"key": "hmc", "name": "Bevoegd gezag HMC (Hout- en Meubileringscollege)", "bevoegd_gezag_nummer": None},
    {"key": "roc-top", "name": "Bevoegd gezag ROC TOP", "bevoegd_gezag_nummer": None},
    {
        "key": "amarantis",
        "name": "Amarantis Onderwijsgroep (opgeheven; tot 2013 bestuur van Calvijn en ROC TOP)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "profijt-vo-bestuur",
        "name": "Bestuur vmbo-scholen Profijt (Achterhoek, niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "profijt-mbo-1-bestuur",
        "name": "Bestuur mbo-instelling 1 Profijt (Achterhoek, niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "profijt-mbo-2-bestuur",
        "name": "Bestuur mbo-instelling 2 Profijt (Achterhoek, niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "uilenhof-bestuur",
        "name": "Bevoegd gezag De Uilenhof (Gorinchem)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "insula-bestuur",
        "name": "Bevoegd gezag Insula College (Dordrecht)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "da-vinci-bestuur",
        "name": "Bevoegd gezag Da Vinci College (ROC Da Vinci)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "wvo-bestuur",
        "name": "Bevoegd gezag Willem van Oranje College (Wijk en Aalburg)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "vmr-mt-b-bestuur",
        "name": "Bestuur vmbo-school B VMR Mobiliteit en Transport (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "vmr-mt-c-bestuur",
        "name": "Bestuur vmbo-school C VMR Mobiliteit en Transport (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "vmr-mt-d-bestuur",
        "name": "Bestuur vmbo-school D VMR Mobiliteit en Transport (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {"key": "kwic-bestuur", "name": "Bevoegd gezag Koning Willem I College", "bevoegd_gezag_nummer": None},
    {
        "key": "nassau-bestuur",
        "name": "Bevoegd gezag Dr. Nassau College en CS Vincent van Gogh (Assen)",
        "bevoegd_gezag_nummer": "13273",
    },
    {"key": "drenthe-college-bestuur", "name": "Stichting Drenthe College", "bevoegd_gezag_nummer": "40872"},
    {
        "key": "het-element-bestuur",
        "name": "Bevoegd gezag Het Element (besturen van beide locaties)",
        "bevoegd_gezag_nummer": None,
    },
    {"key": "roc-mn-bestuur", "name": "Stichting ROC Midden Nederland", "bevoegd_gezag_nummer": None},
    {"key": "mbo-amersfoort-bestuur", "name": "Bevoegd gezag MBO Amersfoort", "bevoegd_gezag_nummer": None},
    {"key": "rijn-ijssel-bestuur", "name": "Bevoegd gezag Rijn IJssel", "bevoegd_gezag_nummer": None},
    {
        "key": "csv-bestuur",
        "name": "Bevoegd gezag Christelijke Scholengemeenschap Veenendaal (CSV)",
        "bevoegd_gezag_nummer": None,
    },
    {"key": "roc-a12-bestuur", "name": "Bevoegd gezag ROC A12", "bevoegd_gezag_nummer": None},
    {
        "key": "kandinsky-bestuur",
        "name": "Bevoegd gezag Kandinsky College (Nijmegen)",
        "bevoegd_gezag_nummer": None,
    },
    {"key": "roc-nijmegen-bestuur", "name": "Bevoegd gezag ROC Nijmegen", "bevoegd_gezag_nummer": None},
    {"key": "newman-bestuur", "name": "Bevoegd gezag Newmancollege (Breda)", "bevoegd_gezag_nummer": None},
    {"key": "radius-bestuur", "name": "Bevoegd gezag Radius College", "bevoegd_gezag_nummer": None},
    {"key": "metameer-bestuur", "name": "Bevoegd gezag Metameer (Boxmeer)", "bevoegd_gezag_nummer": None},
    {
        "key": "focus-calvijn-bestuur",
        "name": "Bevoegd gezag CSG Calvijn (Focus Beroepsacademie)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "focus-dalton-bestuur",
        "name": "Bevoegd gezag Dalton Lyceum Barendrecht (Focus Beroepsacademie)",
        "bevoegd_gezag_nummer": None,
    },
    {"key": "albeda-bestuur", "name": "Bevoegd gezag Albeda", "bevoegd_gezag_nummer": None},
    {"key": "terra", "name": "Stichting AOC Terra", "bevoegd_gezag_nummer": None},
    {
        "key": "leerlab-noord-west-veluwe-vo-bestuur",
        "name": "Bestuur vo-school leerlab Noord-West Veluwe (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "leerlab-noord-west-veluwe-mbo-bestuur",
        "name": "Bestuur mbo-instelling leerlab Noord-West Veluwe (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "leerlab-noord-drenthe-vo-bestuur",
        "name": "Bestuur vo-school leerlab Noord-Drenthe (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "leerlab-noord-drenthe-mbo-bestuur",
        "name": "Bestuur mbo-instelling leerlab Noord-Drenthe (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "leerlab-gorinchem-vo-bestuur",
        "name": "Bestuur vo-school leerlab Gorinchem (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "leerlab-gorinchem-mbo-bestuur",
        "name": "Bestuur mbo-instelling leerlab Gorinchem (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "leerlab-middelharnis-vo-bestuur",
        "name": "Bestuur vo-school leerlab Middelharnis (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "leerlab-middelharnis-mbo-bestuur",
        "name": "Bestuur mbo-instelling leerlab Middelharnis (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "leerlab-den-bosch-vo-a-bestuur",
        "name": "Bestuur vo-school A leerlab 's-Hertogenbosch (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "leerlab-den-bosch-vo-b-bestuur",
        "name": "Bestuur vo-school B leerlab 's-Hertogenbosch (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "leerlab-den-bosch-mbo-bestuur",
        "name": "Bestuur mbo-instelling leerlab 's-Hertogenbosch (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "leerlab-weert-vo-bestuur",
        "name": "Bestuur vo-school leerlab Weert (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "leerlab-weert-mbo-bestuur",
        "name": "Bestuur mbo-instelling leerlab Weert (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "leerlab-stadskanaal-vo-bestuur",
        "name": "Bestuur vo-school leerlab Stadskanaal (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "leerlab-stadskanaal-mbo-bestuur",
        "name": "Bestuur mbo-instelling leerlab Stadskanaal (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "leerlab-heerhugowaard-vo-bestuur",
        "name": "Bestuur vo-school leerlab Heerhugowaard (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "leerlab-heerhugowaard-mbo-bestuur",
        "name": "Bestuur mbo-instelling leerlab Heerhugowaard (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "leerlab-helmond-vo-bestuur",
        "name": "Bestuur vo-school leerlab Helmond (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "leerlab-helmond-mbo-bestuur",
        "name": "Bestuur mbo-instelling leerlab Helmond (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "leerlab-west-brabant-vo-bestuur",
        "name": "Bestuur vo-school leerlab West-Brabant (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "leerlab-west-brabant-mbo-bestuur",
        "name": "Bestuur mbo-instelling leerlab West-Brabant (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "leerlab-noord-holland-vo-bestuur",
        "name": "Bestuur vo-school leerlab Noord-Holland (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
    {
        "key": "leerlab-noord-holland-mbo-bestuur",
        "name": "Bestuur mbo-instelling leerlab Noord-Holland (niet genoemd)",
        "bevoegd_gezag_nummer": None,
    },
]


# ====================================================================================================
# Vo-scholen and mbo-instellingen with their vestigingen.
# ====================================================================================================
INSTITUTIONS = [
    # -- Amsterdam: vo-scholen ---------------------------------------------------------------------
    {
        "key": "calvijn",
        "brin": "17HB",
        "name": "Calvijn College (Calvijn met Junior College)",
        "sector": "vo",
        "kind": "vo-school",
        "board": "zaam",
        "city": "Amsterdam",
        "regions": ["rmc-amsterdam", "amr-groot-amsterdam", "gm-amsterdam", "swv-amsterdam-diemen"],
        "locations": [
            {"code": "06", "name": "Calvijn College, Pieter Calandlaan (Slotervaart)", "city": "Amsterdam"},
        ],
    },
    {
        "key": "bindelmeer",
        "brin": "14RF",
        "name": "Bindelmeer College",
        "sector": "vo",
        "kind": "vo-school",
        "board": "zaam",
        "city": "Amsterdam",
        "regions": ["rmc-amsterdam", "amr-groot-amsterdam", "gm-amsterdam", "swv-amsterdam-diemen"],
        "locations": [
            {"code": "04", "name": "Bindelmeer College, Dubbelink (Zuidoost)", "city": "Amsterdam"},
        ],
    },
    {
        "key": "noorderlicht",
        "brin": "17VF",
        "name": "Beroepscollege Noorderlicht (Amsterdams Beroepscollege Noorderlicht)",
        "sector": "vo",
        "kind": "vo-school",
        "board": "zaam",
        "city": "Amsterdam",
        "regions": ["rmc-amsterdam", "amr-groot-amsterdam", "gm-amsterdam", "swv-amsterdam-diemen"],
        "locations": [
            {
                "code": "02",
                "name": "Beroepscollege Noorderlicht, Rode Kruisstraat (Noord)",
                "city": "Amsterdam",
            },
        ],
    },
    {
        "key": "over-y",
        "brin": "99AA",
        "brin_illustrative": True,
        "name": "Over-Y College",
        "sector": "vo",
        "kind": "vo-school",
        "board": "zaam",
        "city": "Amsterdam",
        "regions": ["rmc-amsterdam", "amr-groot-amsterdam", "gm-amsterdam", "swv-amsterdam-diemen"],
        "locations": [{"code": "01", "name": "Over-Y College (Noord)", "city": "Amsterdam"}],
    },
    {
        "key": "zuiderlicht",
        "brin": "99AB",
        "brin_illustrative": True,
        "name": "Zuiderlicht College",
        "sector": "vo",
        "kind": "vo-school",
        "board": "zaam",
        "city": "Amsterdam",
        "regions": ["rmc-amsterdam", "amr-groot-amsterdam", "gm-amsterdam", "swv-amsterdam-diemen"],
        "locations": [{"code": "01", "name": "Zuiderlicht College", "city": "Amsterdam"}],
    },
    {
        "key": "mlo",
        "brin": "16PS",
        "name": "Montessori Lyceum Oostpoort",
        "sector": "vo",
        "kind": "vo-school",
        "board": "msa",
        "city": "Amsterdam",
        "regions": ["rmc-amsterdam", "amr-groot-amsterdam", "gm-amsterdam", "swv-amsterdam-diemen"],
        "locations": [{"code": "08", "name": "Montessori Lyceum Oostpoort (Oost)", "city": "Amsterdam"}],
    },
    {
        "key": "hubertus-berkhoff",
        "brin": "00EF",
        "name": "Hubertus & Berkhoff",
        "sector": "vo",
        "kind": "vo-school",
        "board": "vova",
        "city": "Amsterdam",
        "regions": ["rmc-amsterdam", "amr-groot-amsterdam", "gm-amsterdam", "swv-amsterdam-diemen"],
        "locations": [{"code": "00", "name": "Hubertus & Berkhoff, Betuwestraat", "city": "Amsterdam"}],
    },
    {
        "key": "cburg",
        "brin": "14RL",
        "name": "Cburg College",
        "sector": "vo",
        "kind": "vo-school",
        "board": "vova",
        "city": "Amsterdam",
        "regions": ["rmc-amsterdam", "amr-groot-amsterdam", "gm-amsterdam", "swv-amsterdam-diemen"],
        "locations": [
            {"code": "00", "name": "Cburg College, Foekje Dillemastraat (IJburg)", "city": "Amsterdam"},
        ],
    },
    {
        "key": "mundus",
        "brin": "99AC",
        "brin_illustrative": True,
        "name": "Mundus College",
        "sector": "vo",
        "kind": "vo-school",
        "board": "esprit",
        "city": "Amsterdam",
        "regions": ["rmc-amsterdam", "amr-groot-amsterdam", "gm-amsterdam", "swv-amsterdam-diemen"],
        "locations": [{"code": "01", "name": "Mundus College (Nieuw-West)", "city": "Amsterdam"}],
    },
    {
        "key": "ijburg",
        "brin": "28DH",
        "name": "IJburg College",
        "sector": "vo",
        "kind": "vo-school",
        "board": "ijburg-bestuur",
        "city": "Amsterdam",
        "regions": ["rmc-amsterdam", "amr-groot-amsterdam", "gm-amsterdam", "swv-amsterdam-diemen"],
        "locations": [{"code": "01", "name": "IJburg College", "city": "Amsterdam"}],
    },
    {
        "key": "mediacollege-vo",
        "brin": "02PA",
        "name": "Mediacollege Amsterdam, vmbo",
        "sector": "vo",
        "kind": "vo-school",
        "board": "mediacollege",
        "city": "Amsterdam",
        "regions": ["rmc-amsterdam", "amr-groot-amsterdam", "gm-amsterdam", "swv-amsterdam-diemen"],
        "locations": [
            {"code": "00", "name": "Mediacollege Amsterdam vmbo, Dintelstraat", "city": "Amsterdam"},
        ],
    },
    {
        "key": "wellant-sloten",
        "brin": "01OE",
        "name": "Wellant College vmbo Sloten (sinds 2021 Yuverta)",
        "sector": "vo",
        "kind": "aoc",
        "board": "wellant",
        "city": "Amsterdam",
        "regions": ["rmc-amsterdam", "amr-groot-amsterdam", "gm-amsterdam", "swv-amsterdam-diemen"],
        "locations": [
            {
                "code": "22",
                "name": "Wellant College vmbo Sloten, Jan van Zutphenstraat (Nieuw-West)",
                "city": "Amsterdam",
            },
        ],
    },
    # -- Amsterdam: mbo ----------------------------------------------------------------------------
    {
        "key": "roc-amsterdam",
        "brin": "98AA",
        "brin_illustrative": True,
        "name": "ROC van Amsterdam",
        "sector": "mbo",
        "kind": "roc",
        "board": "roc-amsterdam",
        "city": "Amsterdam",
        "regions": ["rmc-amsterdam", "amr-groot-amsterdam", "gm-amsterdam"],
        "locations": [
            {"code": "01", "name": "mbo college Noord", "city": "Amsterdam"},
            {"code": "02", "name": "mbo college Zuidoost", "city": "Amsterdam"},
            {"code": "03", "name": "mbo college West", "city": "Amsterdam"},
            {"code": "04", "name": "mbo college Zuid", "city": "Amsterdam"},
            {"code": "05", "name": "mbo college Centrum", "city": "Amsterdam"},
        ],
    },
    {
        "key": "mediacollege-mbo",
        "brin": "98AB",
        "brin_illustrative": True,
        "name": "Mediacollege Amsterdam, mbo",
        "sector": "mbo",
        "kind": "vakinstelling",
        "board": "mediacollege",
        "city": "Amsterdam",
        "regions": ["rmc-amsterdam", "amr-groot-amsterdam", "gm-amsterdam"],
        "locations": [{"code": "01", "name": "Mediacollege Amsterdam mbo", "city": "Amsterdam"}],
    },
    {
        "key": "wellant-mbo",
        "brin": "98AC",
        "brin_illustrative": True,
        "name": "Wellant mbo (sinds 2021 Yuverta)",
        "sector": "mbo",
        "kind": "aoc",
        "board": "wellant",
        "city": "Amsterdam",
        "regions": ["rmc-amsterdam", "amr-groot-amsterdam", "gm-amsterdam"],
        "locations": [{"code": "01", "name": "Wellant mbo, locatie Sloten", "city": "Amsterdam"}],
    },
    {
        "key": "hmc",
        "brin": "98AD",
        "brin_illustrative": True,
        "name": "HMC (Hout- en Meubileringscollege)",
        "sector": "mbo",
        "kind": "vakinstelling",
        "board": "hmc",
        "city": "Amsterdam",
        "regions": ["rmc-amsterdam", "amr-groot-amsterdam", "gm-amsterdam"],
        "locations": [{"code": "01", "name": "HMC Amsterdam", "city": "Amsterdam"}],
    },
    {
        "key": "roc-top",
        "brin": "98AE",
        "brin_illustrative": True,
        "name": "ROC TOP",
        "sector": "mbo",
        "kind": "roc",
        "board": "roc-top",
        "city": "Amsterdam",
        "regions": ["rmc-amsterdam", "amr-groot-amsterdam", "gm-amsterdam"],
        "locations": [{"code": "01", "name": "ROC TOP Amsterdam", "city": "Amsterdam"}],
    },
    # -- Profijt (Achterhoek): de bronnen noemen geen afzonderlijke scholen ------------------------
    {
        "key": "profijt-vo-a",
        "brin": "99AD",
        "brin_illustrative": True,
        "name": "Vmbo-school A (Profijt, Achterhoek; niet genoemd)",
        "sector": "vo",
        "kind": "vo-school",
        "board": "profijt-vo-bestuur",
        "city": "Achterhoek",
        "regions": ["rmc-achterhoek", "amr-achterhoek", "gm-achterhoek-onbekend"],
        "locations": [{"code": "00", "name": "Vmbo-school A", "city": "Achterhoek"}],
    },
    {
        "key": "profijt-vo-b",
        "brin": "99AE",
        "brin_illustrative": True,
        "name": "Vmbo-school B (Profijt, Achterhoek; niet genoemd)",
        "sector": "vo",
        "kind": "vo-school",
        "board": "profijt-vo-bestuur",
        "city": "Achterhoek",
        "regions": ["rmc-achterhoek", "amr-achterhoek", "gm-achterhoek-onbekend"],
        "locations": [{"code": "00", "name": "Vmbo-school B", "city": "Achterhoek"}],
    },
    {
        "key": "profijt-vo-c",
        "brin": "99AF",
        "brin_illustrative": True,
        "name": "Vmbo-school C (Profijt, Achterhoek; niet genoemd)",
        "sector": "vo",
        "kind": "vo-school",
        "board": "profijt-vo-bestuur",
        "city": "Achterhoek",
        "regions": ["rmc-achterhoek", "amr-achterhoek", "gm-achterhoek-onbekend"],
        "locations": [{"code": "00", "name": "Vmbo-school C", "city": "Achterhoek"}],
    },
    {
        "key": "profijt-mbo-1",
        "brin": "98AF",
        "brin_illustrative": True,
        "name": "Mbo-instelling 1 (Profijt, Achterhoek; niet genoemd)",
        "sector": "mbo",
        "kind": "roc",
        "board": "profijt-mbo-1-bestuur",
        "city": "Achterhoek",
        "regions": ["rmc-achterhoek", "amr-achterhoek", "gm-achterhoek-onbekend"],
        "locations": [{"code": "00", "name": "Mbo-instelling 1", "city": "Achterhoek"}],
    },
    {
        "key": "profijt-mbo-2",
        "brin": "98AG",
        "brin_illustrative": True,
        "name": "Mbo-instelling 2 (Profijt, Achterhoek; niet genoemd)",
        "sector": "mbo",
        "kind": "roc",
        "board": "profijt-mbo-2-bestuur",
        "city": "Achterhoek",
        "regions": ["rmc-achterhoek", "amr-achterhoek", "gm-achterhoek-onbekend"],
        "locations": [{"code": "00", "name": "Mbo-instelling 2", "city": "Achterhoek"}],
    },
    # -- TOT-route ---------------------------------------------------------------------------------
    {
        "key": "uilenhof",
        "brin": "99AG",
        "brin_illustrative": True,
        "name": "De Uilenhof",
        "sector": "vo",
        "kind": "vo-school",
        "board": "uilenhof-bestuur",
        "city": "Gorinchem",
        "regions": ["rmc-zuid-holland-zuid", "amr-gorinchem", "gm-gorinchem"],
        "locations": [{"code": "00", "name": "De Uilenhof", "city": "Gorinchem"}],
    },
    {
        "key": "insula",
        "brin": "99AH",
        "brin_illustrative": True,
        "name": "Insula College",
        "sector": "vo",
        "kind": "vo-school",
        "board": "insula-bestuur",
        "city": "Dordrecht",
        "regions": ["rmc-zuid-holland-zuid", "amr-drechtsteden", "gm-dordrecht"],
        "locations": [{"code": "00", "name": "Insula College (vmbo-tl)", "city": "Dordrecht"}],
    },
    {
        "key": "da-vinci",
        "brin": "98AH",
        "brin_illustrative": True,
        "name": "Da Vinci College (ROC Da Vinci)",
        "sector": "mbo",
        "kind": "roc",
        "board": "da-vinci-bestuur",
        "city": "Dordrecht",
        "regions": ["rmc-zuid-holland-zuid", "amr-drechtsteden", "gm-dordrecht"],
        "locations": [
            {"code": "01", "name": "Da Vinci College Dordrecht", "city": "Dordrecht"},
            {"code": "02", "name": "Da Vinci College Gorinchem", "city": "Gorinchem"},
        ],
    },
    # -- WvO-KWIC ----------------------------------------------------------------------------------
    {
        "key": "wvo",
        "brin": "99AJ",
        "brin_illustrative": True,
        "name": "Willem van Oranje College",
        "sector": "vo",
        "kind": "vo-school",
        "board": "wvo-bestuur",
        "city": "Wijk en Aalburg",
        "regions": ["rmc-west-brabant", "amr-west-brabant", "gm-altena"],
        "locations": [{"code": "00", "name": "Willem van Oranje College", "city": "Wijk en Aalburg"}],
    },
    {
        "key": "vmr-mt-b",
        "brin": "99AK",
        "brin_illustrative": True,
        "name": "Vmbo-school B (VMR Mobiliteit en Transport, Noordoost-Brabant; niet genoemd)",
        "sector": "vo",
        "kind": "vo-school",
        "board": "vmr-mt-b-bestuur",
        "city": "Noordoost-Brabant",
        "regions": ["rmc-noordoost-brabant", "amr-noordoost-brabant", "gm-noordoost-brabant-onbekend"],
        "locations": [{"code": "00", "name": "Vmbo-school B", "city": "Noordoost-Brabant"}],
    },
    {
        "key": "vmr-mt-c",
        "brin": "99AL",
        "brin_illustrative": True,
        "name": "Vmbo-school C (VMR Mobiliteit en Transport, Noordoost-Brabant; niet genoemd)",
        "sector": "vo",
        "kind": "vo-school",
        "board": "vmr-mt-c-bestuur",
        "city": "Noordoost-Brabant",
        "regions": ["rmc-noordoost-brabant", "amr-noordoost-brabant", "gm-noordoost-brabant-onbekend"],
        "locations": [{"code": "00", "name": "Vmbo-school C", "city": "Noordoost-Brabant"}],
    },
    {
        "key": "vmr-mt-d",
        "brin": "99AM",
        "brin_illustrative": True,
        "name": "Vmbo-school D (VMR Mobiliteit en Transport, Noordoost-Brabant; niet genoemd)",
        "sector": "vo",
        "kind": "vo-school",
        "board": "vmr-mt-d-bestuur",
        "city": "Noordoost-Brabant",
        "regions": ["rmc-noordoost-brabant", "amr-noordoost-brabant", "gm-noordoost-brabant-onbekend"],
        "locations": [{"code": "00", "name": "Vmbo-school D", "city": "Noordoost-Brabant"}],
    },
    {
        "key": "kwic",
        "brin": "98AJ",
        "brin_illustrative": True,
        "name": "Koning Willem I College",
        "sector": "mbo",
        "kind": "roc",
        "board": "kwic-bestuur",
        "city": "'s-Hertogenbosch",
        "regions": ["rmc-noordoost-brabant", "amr-noordoost-brabant", "gm-s-hertogenbosch"],
        "locations": [
            {
                "code": "01",
                "name": "Koning Willem I College, Mobiliteit en Logistiek",
                "city": "'s-Hertogenbosch",
            },
        ],
    },
    # -- Assen -------------------------------------------------------------------------------------
    {
        "key": "nassau",
        "brin": "20LO",
        "name": "Dr. Nassau College",
        "sector": "vo",
        "kind": "vo-school",
        "board": "nassau-bestuur",
        "city": "Assen",
        "regions": ["rmc-noord-midden-drenthe", "amr-drenthe", "gm-assen"],
        "locations": [
            {"code": "04", "name": "Dr. Nassau College, A.H.G. Fokkerstraat (vmbo)", "city": "Assen"},
            {"code": "08", "name": "Dr. Nassau College, Merwedestraat (vmbo)", "city": "Assen"},
        ],
    },
    {
        "key": "drenthe-college",
        "brin": "25PW",
        "name": "Drenthe College",
        "sector": "mbo",
        "kind": "roc",
        "board": "drenthe-college-bestuur",
        "city": "Assen",
        "regions": ["rmc-noord-midden-drenthe", "amr-drenthe", "gm-assen"],
        "locations": [{"code": "00", "name": "Drenthe College Assen", "city": "Assen"}],
    },
    # -- Amersfoort --------------------------------------------------------------------------------
    {
        "key": "het-element",
        "brin": "99AN",
        "brin_illustrative": True,
        "name": "Het Element",
        "sector": "vo",
        "kind": "vo-school",
        "board": "het-element-bestuur",
        "city": "Amersfoort",
        "regions": ["rmc-eem-en-vallei", "amr-amersfoort", "gm-amersfoort"],
        "locations": [
            {"code": "00", "name": "Het Element, Kaliumweg", "city": "Amersfoort"},
            {"code": "01", "name": "Het Element, Vakcollege Hooglandseweg Noord", "city": "Amersfoort"},
        ],
    },
    {
        "key": "roc-mn",
        "brin": "98AK",
        "brin_illustrative": True,
        "name": "ROC Midden Nederland",
        "sector": "mbo",
        "kind": "roc",
        "board": "roc-mn-bestuur",
        "city": "Utrecht",
        "regions": ["rmc-utrecht", "amr-midden-utrecht", "gm-utrecht"],
        "locations": [{"code": "01", "name": "ROC Midden Nederland, Amersfoort", "city": "Amersfoort"}],
    },
    {
        "key": "mbo-amersfoort",
        "brin": "98AL",
        "brin_illustrative": True,
        "name": "MBO Amersfoort",
        "sector": "mbo",
        "kind": "roc",
        "board": "mbo-amersfoort-bestuur",
        "city": "Amersfoort",
        "regions": ["rmc-eem-en-vallei", "amr-amersfoort", "gm-amersfoort"],
        "locations": [
            {"code": "01", "name": "MBO Amersfoort", "city": "Amersfoort"},
            {"code": "02", "name": "MBO Amersfoort, Leerhotel", "city": "Amersfoort"},
        ],
    },
    {
        "key": "rijn-ijssel",
        "brin": "98AM",
        "brin_illustrative": True,
        "name": "Rijn IJssel (Vakschool Wageningen)",
        "sector": "mbo",
        "kind": "roc",
        "board": "rijn-ijssel-bestuur",
        "city": "Wageningen",
        "regions": ["rmc-gelderse-vallei", "amr-foodvalley", "gm-wageningen"],
        "locations": [{"code": "01", "name": "Rijn IJssel Vakschool Wageningen", "city": "Wageningen"}],
    },
    # -- Portretten (seed 001) ---------------------------------------------------------------------
    {
        "key": "csv-perron",
        "brin": "99AP",
        "brin_illustrative": True,
        "name": "CSV Veenendaal, vmbo Het Perron",
        "sector": "vo",
        "kind": "vo-school",
        "board": "csv-bestuur",
        "city": "Veenendaal",
        "regions": ["rmc-gelderse-vallei", "amr-foodvalley", "gm-veenendaal"],
        "locations": [{"code": "00", "name": "Het Perron (vmbo)", "city": "Veenendaal"}],
    },
    {
        "key": "roc-a12",
        "brin": "98AN",
        "brin_illustrative": True,
        "name": "ROC A12",
        "sector": "mbo",
        "kind": "roc",
        "board": "roc-a12-bestuur",
        "city": "Ede",
        "regions": ["rmc-gelderse-vallei", "amr-foodvalley", "gm-ede"],
        "locations": [{"code": "01", "name": "ROC A12, Het Perron", "city": "Veenendaal"}],
    },
    {
        "key": "kandinsky",
        "brin": "99AQ",
        "brin_illustrative": True,
        "name": "Kandinsky College, vmbo",
        "sector": "vo",
        "kind": "vo-school",
        "board": "kandinsky-bestuur",
        "city": "Nijmegen",
        "regions": ["rmc-rijk-van-nijmegen", "amr-rijk-van-nijmegen", "gm-nijmegen"],
        "locations": [{"code": "00", "name": "Kandinsky College, vmbo-locatie", "city": "Nijmegen"}],
    },
    {
        "key": "roc-nijmegen",
        "brin": "98AP",
        "brin_illustrative": True,
        "name": "ROC Nijmegen",
        "sector": "mbo",
        "kind": "roc",
        "board": "roc-nijmegen-bestuur",
        "city": "Nijmegen",
        "regions": ["rmc-rijk-van-nijmegen", "amr-rijk-van-nijmegen", "gm-nijmegen"],
        "locations": [{"code": "01", "name": "ROC Nijmegen", "city": "Nijmegen"}],
    },
    {
        "key": "newman",
        "brin": "99AR",
        "brin_illustrative": True,
        "name": "Newmancollege",
        "sector": "vo",
        "kind": "vo-school",
        "board": "newman-bestuur",
        "city": "Breda",
        "regions": ["rmc-west-brabant", "amr-west-brabant", "gm-breda"],
        "locations": [{"code": "00", "name": "Newmancollege (mavo)", "city": "Breda"}],
    },
    {
        "key": "radius",
        "brin": "98AQ",
        "brin_illustrative": True,
        "name": "Radius College",
        "sector": "mbo",
        "kind": "roc",
        "board": "radius-bestuur",
        "city": "Breda",
        "regions": ["rmc-west-brabant", "amr-west-brabant", "gm-breda"],
        "locations": [{"code": "01", "name": "Radius College", "city": "Breda"}],
    },
    {
        "key": "metameer",
        "brin": "99AS",
        "brin_illustrative": True,
        "name": "Metameer",
        "sector": "vo",
        "kind": "vo-school",
        "board": "metameer-bestuur",
        "city": "Boxmeer",
        "regions": ["rmc-noordoost-brabant", "amr-noordoost-brabant", "gm-land-van-cuijk"],
        "locations": [{"code": "00", "name": "Metameer (jenaplan)", "city": "Boxmeer"}],
    },
    {
        "key": "focus-calvijn",
        "brin": "99AT",
        "brin_illustrative": True,
        "name": "CSG Calvijn, afdeling Focus Calvijn (Focus Beroepsacademie)",
        "sector": "vo",
        "kind": "vo-school",
        "board": "focus-calvijn-bestuur",
        "city": "Barendrecht",
        "regions": ["rmc-rijnmond", "amr-rijnmond", "gm-barendrecht"],
        "locations": [{"code": "00", "name": "Focus Beroepsacademie, Focus Calvijn", "city": "Barendrecht"}],
    },
    {
        "key": "focus-dalton",
        "brin": "99AU",
        "brin_illustrative": True,
        "name": "Dalton Lyceum Barendrecht, afdeling Focus Dalton (Focus Beroepsacademie)",
        "sector": "vo",
        "kind": "vo-school",
        "board": "focus-dalton-bestuur",
        "city": "Barendrecht",
        "regions": ["rmc-rijnmond", "amr-rijnmond", "gm-barendrecht"],
        "locations": [{"code": "00", "name": "Focus Beroepsacademie, Focus Dalton", "city": "Barendrecht"}],
    },
    {
        "key": "albeda",
        "brin": "98AR",
        "brin_illustrative": True,
        "name": "Albeda",
        "sector": "mbo",
        "kind": "roc",
        "board": "albeda-bestuur",
        "city": "Rotterdam",
        "regions": ["rmc-rijnmond", "amr-rijnmond", "gm-rotterdam"],
        "locations": [{"code": "01", "name": "Albeda Rotterdam", "city": "Rotterdam"}],
    },
    {
        "key": "terra-vo",
        "brin": "99AV",
        "brin_illustrative": True,
        "name": "AOC Terra, vmbo (Groene Lyceum)",
        "sector": "vo",
        "kind": "aoc",
        "board": "terra",
        "city": "Groningen",
        "regions": ["rmc-centraal-westelijk-groningen", "amr-groningen", "gm-groningen"],
        "locations": [{"code": "01", "name": "AOC Terra vmbo Winsum (Groene Lyceum)", "city": "Winsum"}],
    },
    {
        "key": "terra-mbo",
        "brin": "98AS",
        "brin_illustrative": True,
        "name": "AOC Terra, mbo",
        "sector": "mbo",
        "kind": "aoc",
        "board": "terra",
        "city": "Groningen",
        "regions": ["rmc-centraal-westelijk-groningen", "amr-groningen", "gm-groningen"],
        "locations": [{"code": "01", "name": "AOC Terra mbo Groningen", "city": "Groningen"}],
    },
    # -- Leerlabs (seed 004): plaatsvervangers, de bron noemt geen scholen -------------------------
    {
        "key": "leerlab-noord-west-veluwe-vo",
        "brin": "99AW",
        "brin_illustrative": True,
        "name": "Vo-school leerlab Noord-West Veluwe (niet genoemd)",
        "sector": "vo",
        "kind": "vo-school",
        "board": "leerlab-noord-west-veluwe-vo-bestuur",
        "city": "Noord-West Veluwe",
        "regions": [
            "rmc-noord-west-veluwe",
            "amr-stedendriehoek-noordwest-veluwe",
            "gm-leerlab-noord-west-veluwe",
        ],
        "locations": [
            {"code": "00", "name": "Vo-school leerlab Noord-West Veluwe", "city": "Noord-West Veluwe"},
        ],
    },
    {
        "key": "leerlab-noord-west-veluwe-mbo",
        "brin": "98AT",
        "brin_illustrative": True,
        "name": "Mbo-instelling leerlab Noord-West Veluwe (niet genoemd)",
        "sector": "mbo",
        "kind": "roc",
        "board": "leerlab-noord-west-veluwe-mbo-bestuur",
        "city": "Noord-West Veluwe",
        "regions": [
            "rmc-noord-west-veluwe",
            "amr-stedendriehoek-noordwest-veluwe",
            "gm-leerlab-noord-west-veluwe",
        ],
        "locations": [
            {"code": "00", "name": "Mbo-instelling leerlab Noord-West Veluwe", "city": "Noord-West Veluwe"},
        ],
    },
    {
        "key": "leerlab-noord-drenthe-vo",
        "brin": "99AX",
        "brin_illustrative": True,
        "name": "Vo-school leerlab Noord-Drenthe (niet genoemd)",
        "sector": "vo",
        "kind": "vo-school",
        "board": "leerlab-noord-drenthe-vo-bestuur",
        "city": "Noord-Drenthe",
        "regions": ["rmc-noord-midden-drenthe", "amr-drenthe", "gm-leerlab-noord-drenthe"],
        "locations": [{"code": "00", "name": "Vo-school leerlab Noord-Drenthe", "city": "Noord-Drenthe"}],
    },
    {
        "key": "leerlab-noord-drenthe-mbo",
        "brin": "98AU",
        "brin_illustrative": True,
        "name": "Mbo-instelling leerlab Noord-Drenthe (niet genoemd)",
        "sector": "mbo",
        "kind": "roc",
        "board": "leerlab-noord-drenthe-mbo-bestuur",
        "city": "Noord-Drenthe",
        "regions": ["rmc-noord-midden-drenthe", "amr-drenthe", "gm-leerlab-noord-drenthe"],
        "locations": [
            {"code": "00", "name": "Mbo-instelling leerlab Noord-Drenthe", "city": "Noord-Drenthe"},
        ],
    },
    {
        "key": "leerlab-gorinchem-vo",
        "brin": "99AY",
        "brin_illustrative": True,
        "name": "Vo-school leerlab Gorinchem (niet genoemd)",
        "sector": "vo",
        "kind": "vo-school",
        "board": "leerlab-gorinchem-vo-bestuur",
        "city": "Gorinchem",
        "regions": ["rmc-zuid-holland-zuid", "amr-gorinchem", "gm-gorinchem"],
        "locations": [{"code": "00", "name": "Vo-school leerlab Gorinchem", "city": "Gorinchem"}],
    },
    {
        "key": "leerlab-gorinchem-mbo",
        "brin": "98AV",
        "brin_illustrative": True,
        "name": "Mbo-instelling leerlab Gorinchem (niet genoemd)",
        "sector": "mbo",
        "kind": "roc",
        "board": "leerlab-gorinchem-mbo-bestuur",
        "city": "Gorinchem",
        "regions": ["rmc-zuid-holland-zuid", "amr-gorinchem", "gm-gorinchem"],
        "locations": [{"code": "00", "name": "Mbo-instelling leerlab Gorinchem", "city": "Gorinchem"}],
    },
    {
        "key": "leerlab-middelharnis-vo",
        "brin": "99AZ",
        "brin_illustrative": True,
        "name": "Vo-school leerlab Middelharnis (niet genoemd)",
        "sector": "vo",
        "kind": "vo-school",
        "board": "leerlab-middelharnis-vo-bestuur",
        "city": "Middelharnis",
        "regions": ["rmc-rijnmond", "amr-rijnmond", "gm-goeree-overflakkee"],
        "locations": [{"code": "00", "name": "Vo-school leerlab Middelharnis", "city": "Middelharnis"}],
    },
    {
        "key": "leerlab-middelharnis-mbo",
        "brin": "98AW",
        "brin_illustrative": True,
        "name": "Mbo-instelling leerlab Middelharnis (niet genoemd)",
        "sector": "mbo",
        "kind": "roc",
        "board": "leerlab-middelharnis-mbo-bestuur",
        "city": "Middelharnis",
        "regions": ["rmc-rijnmond", "amr-rijnmond", "gm-goeree-overflakkee"],
        "locations": [{"code": "00", "name": "Mbo-instelling leerlab Middelharnis", "city": "Middelharnis"}],
    },
    {
        "key": "leerlab-den-bosch-vo-a",
        "brin": "99BA",
        "brin_illustrative": True,
        "name": "Vo-school A leerlab 's-Hertogenbosch (niet genoemd)",
        "sector": "vo",
        "kind": "vo-school",
        "board": "leerlab-den-bosch-vo-a-bestuur",
        "city": "'s-Hertogenbosch",
        "regions": ["rmc-noordoost-brabant", "amr-noordoost-brabant", "gm-s-hertogenbosch"],
        "locations": [
            {"code": "00", "name": "Vo-school A leerlab 's-Hertogenbosch", "city": "'s-Hertogenbosch"},
        ],
    },
    {
        "key": "leerlab-den-bosch-vo-b",
        "brin": "99BB",
        "brin_illustrative": True,
        "name": "Vo-school B leerlab 's-Hertogenbosch (niet genoemd)",
        "sector": "vo",
        "kind": "vo-school",
        "board": "leerlab-den-bosch-vo-b-bestuur",
        "city": "'s-Hertogenbosch",
        "regions": ["rmc-noordoost-brabant", "amr-noordoost-brabant", "gm-s-hertogenbosch"],
        "locations": [
            {"code": "00", "name": "Vo-school B leerlab 's-Hertogenbosch", "city": "'s-Hertogenbosch"},
        ],
    },
    {
        "key": "leerlab-den-bosch-mbo",
        "brin": "98AX",
        "brin_illustrative": True,
        "name": "Mbo-instelling leerlab 's-Hertogenbosch (niet genoemd)",
        "sector": "mbo",
        "kind": "roc",
        "board": "leerlab-den-bosch-mbo-bestuur",
        "city": "'s-Hertogenbosch",
        "regions": ["rmc-noordoost-brabant", "amr-noordoost-brabant", "gm-s-hertogenbosch"],
        "locations": [
            {"code": "00", "name": "Mbo-instelling leerlab 's-Hertogenbosch", "city": "'s-Hertogenbosch"},
        ],
    },
    {
        "key": "leerlab-weert-vo",
        "brin": "99BC",
        "brin_illustrative": True,
        "name": "Vo-school leerlab Weert (niet genoemd)",
        "sector": "vo",
        "kind": "vo-school",
        "board": "leerlab-weert-vo-bestuur",
        "city": "Weert",
        "regions": ["rmc-midden-limburg", "amr-midden-limburg", "gm-weert"],
        "locations": [{"code": "00", "name": "Vo-school leerlab Weert", "city": "Weert"}],
    },
    {
        "key": "leerlab-weert-mbo",
        "brin": "98AY",
        "brin_illustrative": True,
        "name": "Mbo-instelling leerlab Weert (niet genoemd)",
        "sector": "mbo",
        "kind": "roc",
        "board": "leerlab-weert-mbo-bestuur",
        "city": "Weert",
        "regions": ["rmc-midden-limburg", "amr-midden-limburg", "gm-weert"],
        "locations": [{"code": "00", "name": "Mbo-instelling leerlab Weert", "city": "Weert"}],
    },
    {
        "key": "leerlab-stadskanaal-vo",
        "brin": "99BD",
        "brin_illustrative": True,
        "name": "Vo-school leerlab Stadskanaal (niet genoemd)",
        "sector": "vo",
        "kind": "vo-school",
        "board": "leerlab-stadskanaal-vo-bestuur",
        "city": "Stadskanaal",
        "regions": ["rmc-oost-groningen", "amr-groningen", "gm-stadskanaal"],
        "locations": [{"code": "00", "name": "Vo-school leerlab Stadskanaal", "city": "Stadskanaal"}],
    },
    {
        "key": "leerlab-stadskanaal-mbo",
        "brin": "98AZ",
        "brin_illustrative": True,
        "name": "Mbo-instelling leerlab Stadskanaal (niet genoemd)",
        "sector": "mbo",
        "kind": "roc",
        "board": "leerlab-stadskanaal-mbo-bestuur",
        "city": "Stadskanaal",
        "regions": ["rmc-oost-groningen", "amr-groningen", "gm-stadskanaal"],
        "locations": [{"code": "00", "name": "Mbo-instelling leerlab Stadskanaal", "city": "Stadskanaal"}],
    },
    {
        "key": "leerlab-heerhugowaard-vo",
        "brin": "99BE",
        "brin_illustrative": True,
        "name": "Vo-school leerlab Heerhugowaard (niet genoemd)",
        "sector": "vo",
        "kind": "vo-school",
        "board": "leerlab-heerhugowaard-vo-bestuur",
        "city": "Heerhugowaard",
        "regions": ["rmc-noord-kennemerland", "amr-noord-holland-noord", "gm-dijk-en-waard"],
        "locations": [{"code": "00", "name": "Vo-school leerlab Heerhugowaard", "city": "Heerhugowaard"}],
    },
    {
        "key": "leerlab-heerhugowaard-mbo",
        "brin": "98BA",
        "brin_illustrative": True,
        "name": "Mbo-instelling leerlab Heerhugowaard (niet genoemd)",
        "sector": "mbo",
        "kind": "roc",
        "board": "leerlab-heerhugowaard-mbo-bestuur",
        "city": "Heerhugowaard",
        "regions": ["rmc-noord-kennemerland", "amr-noord-holland-noord", "gm-dijk-en-waard"],
        "locations": [
            {"code": "00", "name": "Mbo-instelling leerlab Heerhugowaard", "city": "Heerhugowaard"},
        ],
    },
    {
        "key": "leerlab-helmond-vo",
        "brin": "99BF",
        "brin_illustrative": True,
        "name": "Vo-school leerlab Helmond (niet genoemd)",
        "sector": "vo",
        "kind": "vo-school",
        "board": "leerlab-helmond-vo-bestuur",
        "city": "Helmond",
        "regions": ["rmc-zuidoost-brabant", "amr-helmond-de-peel", "gm-helmond"],
        "locations": [{"code": "00", "name": "Vo-school leerlab Helmond", "city": "Helmond"}],
    },
    {
        "key": "leerlab-helmond-mbo",
        "brin": "98BB",
        "brin_illustrative": True,
        "name": "Mbo-instelling leerlab Helmond (niet genoemd)",
        "sector": "mbo",
        "kind": "roc",
        "board": "leerlab-helmond-mbo-bestuur",
        "city": "Helmond",
        "regions": ["rmc-zuidoost-brabant", "amr-helmond-de-peel", "gm-helmond"],
        "locations": [{"code": "00", "name": "Mbo-instelling leerlab Helmond", "city": "Helmond"}],
    },
    {
        "key": "leerlab-west-brabant-vo",
        "brin": "99BG",
        "brin_illustrative": True,
        "name": "Vo-school leerlab West-Brabant (niet genoemd)",
        "sector": "vo",
        "kind": "vo-school",
        "board": "leerlab-west-brabant-vo-bestuur",
        "city": "West-Brabant",
        "regions": ["rmc-west-brabant", "amr-west-brabant", "gm-leerlab-west-brabant"],
        "locations": [{"code": "00", "name": "Vo-school leerlab West-Brabant", "city": "West-Brabant"}],
    },
    {
        "key": "leerlab-west-brabant-mbo",
        "brin": "98BC",
        "brin_illustrative": True,
        "name": "Mbo-instelling leerlab West-Brabant (niet genoemd)",
        "sector": "mbo",
        "kind": "roc",
        "board": "leerlab-west-brabant-mbo-bestuur",
        "city": "West-Brabant",
        "regions": ["rmc-west-brabant", "amr-west-brabant", "gm-leerlab-west-brabant"],
        "locations": [{"code": "00", "name": "Mbo-instelling leerlab West-Brabant", "city": "West-Brabant"}],
    },
    {
        "key": "leerlab-noord-holland-vo",
        "brin": "99BH",
        "brin_illustrative": True,
        "name": "Vo-school leerlab Noord-Holland (niet genoemd)",
        "sector": "vo",
        "kind": "vo-school",
        "board": "leerlab-noord-holland-vo-bestuur",
        "city": "Noord-Holland",
        "regions": ["rmc-leerlab-noord-holland", "amr-leerlab-noord-holland", "gm-leerlab-noord-holland"],
        "locations": [{"code": "00", "name": "Vo-school leerlab Noord-Holland", "city": "Noord-Holland"}],
    },
    {
        "key": "leerlab-noord-holland-mbo",
        "brin": "98BD",
        "brin_illustrative": True,
        "name": "Mbo-instelling leerlab Noord-Holland (niet genoemd)",
        "sector": "mbo",
        "kind": "roc",
        "board": "leerlab-noord-holland-mbo-bestuur",
        "city": "Noord-Holland",
        "regions": ["rmc-leerlab-noord-holland", "amr-leerlab-noord-holland", "gm-leerlab-noord-holland"],
        "locations": [
            {"code": "00", "name": "Mbo-instelling leerlab Noord-Holland", "city": "Noord-Holland"},
        ],
    },
]


# ====================================================================================================
# Mbo-kwalificaties (crebo) used by the routes, plus three Entree kwalificaties.
# ====================================================================================================
KWALIFICATIES = [
    {
        "code": "25498",
        "name": "Helpende zorg en welzijn",
        "level": 2,
        "dossier": "Dienstverlening (23189)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25499",
        "name": "Medewerker facilitaire dienstverlening",
        "level": 2,
        "dossier": "Dienstverlening (23189)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25500",
        "name": "Medewerker sport en recreatie",
        "level": 2,
        "dossier": "Dienstverlening (23189)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25150",
        "name": "Medewerker secretariaat en receptie",
        "level": 2,
        "dossier": "Ondersteunende administratieve beroepen (23068)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25149",
        "name": "Medewerker (financiële) administratie",
        "level": 2,
        "dossier": "Ondersteunende administratieve beroepen (23068)",
        "paths": ["BOL", "BBL"],
    },
    {"code": "25167", "name": "Verkoper", "level": 2, "dossier": "Verkoop (23080)", "paths": ["BOL", "BBL"]},
    {
        "code": "25153",
        "name": "Eerste verkoper",
        "level": 3,
        "dossier": "Advies en leiding in de verkoop (23070)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25162",
        "name": "Manager retail",
        "level": 4,
        "dossier": "Management retail (23076)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25147",
        "name": "Medewerker evenementenorganisatie",
        "level": 4,
        "dossier": "Marketing, communicatie en evenementen (23067)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25371",
        "name": "Logistiek medewerker",
        "level": 2,
        "dossier": "Logistiek (23143)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25024",
        "name": "Servicemedewerker gebouwen",
        "level": 2,
        "dossier": "Onderhoud- en verbouwbedrijf (23010)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25128",
        "name": "Timmerman",
        "level": 2,
        "dossier": "Timmeren (23057)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25118",
        "name": "Allround timmerman",
        "level": 3,
        "dossier": "Timmeren (23057)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25104",
        "name": "Middenkaderfunctionaris Bouw",
        "level": 4,
        "dossier": "Middenkader bouw en infra (23053)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25333",
        "name": "Monteur elektrotechnische installaties",
        "level": 2,
        "dossier": "Elektrotechnische Installaties (23127)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25332",
        "name": "Eerste monteur elektrotechnische installaties woning en utiliteit",
        "level": 3,
        "dossier": "Elektrotechnische Installaties (23127)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25297",
        "name": "Technicus engineering",
        "level": 4,
        "dossier": "Middenkader Engineering (23119)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25198",
        "name": "Medewerker DTP",
        "level": 2,
        "dossier": "DTP (23092)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25197",
        "name": "Allround DTP-er",
        "level": 3,
        "dossier": "DTP (23092)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25201",
        "name": "Mediavormgever",
        "level": 4,
        "dossier": "Mediavormgeving (23095)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25202",
        "name": "Medewerker podium- en evenemententechniek",
        "level": 2,
        "dossier": "Podium- en Evenemententechniek (23096)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25192",
        "name": "Medewerker ICT",
        "level": 2,
        "dossier": "ICT support (23090)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25191",
        "name": "Medewerker beheer ICT",
        "level": 3,
        "dossier": "ICT support (23090)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25189",
        "name": "ICT-beheerder",
        "level": 4,
        "dossier": "ICT- en mediabeheer (23089)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25187",
        "name": "Applicatie- en mediaontwikkelaar",
        "level": 4,
        "dossier": "Applicatieontwikkeling (23088)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25242",
        "name": "Autotechnicus",
        "level": 2,
        "dossier": "Voertuigen en mobiele werktuigen (23109)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25244",
        "name": "Eerste autotechnicus",
        "level": 3,
        "dossier": "Voertuigen en mobiele werktuigen (23109)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25168",
        "name": "Gastheer/-vrouw",
        "level": 2,
        "dossier": "Bediening (23081)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25171",
        "name": "Zelfstandig werkend gastheer/-vrouw",
        "level": 3,
        "dossier": "Bediening (23081)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25170",
        "name": "Leidinggevende bediening",
        "level": 4,
        "dossier": "Bediening (23081)",
        "paths": ["BOL", "BBL"],
    },
    {"code": "25180", "name": "Kok", "level": 2, "dossier": "Keuken (23085)", "paths": ["BOL", "BBL"]},
    {
        "code": "25182",
        "name": "Zelfstandig werkend kok",
        "level": 3,
        "dossier": "Keuken (23085)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25173",
        "name": "Uitvoerend bakker",
        "level": 2,
        "dossier": "Brood en banket (23082)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25174",
        "name": "Zelfstandig werkend bakker",
        "level": 3,
        "dossier": "Brood en banket (23082)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25184",
        "name": "Manager/ondernemer horeca",
        "level": 4,
        "dossier": "Ondernemer horeca/bakkerij (23087)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25486",
        "name": "Pedagogisch medewerker kinderopvang",
        "level": 3,
        "dossier": "Pedagogisch Werk (23183)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25491",
        "name": "Verzorgende IG",
        "level": 3,
        "dossier": "Verzorgende IG (23187)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25480",
        "name": "Mbo-Verpleegkundige",
        "level": 4,
        "dossier": "Mbo-Verpleegkundige (23182)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25400",
        "name": "Kapper",
        "level": 2,
        "dossier": "Haarverzorging (23157)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25442",
        "name": "Bedrijfsleider/ondernemer bloem, groen en styling",
        "level": 4,
        "dossier": "Bloem, groen en styling (23169)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25445",
        "name": "Vakexpert bloem, groen en styling",
        "level": 4,
        "dossier": "Bloem, groen en styling (23169)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25502",
        "name": "Manager retail (groen)",
        "level": 4,
        "dossier": "Management retail, groen (23193)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "99001",
        "name": "Manager groene detailhandel",
        "level": 4,
        "dossier": "Groene detailhandel (oude kwalificatiestructuur)",
        "paths": ["BOL", "BBL"],
        "code_illustrative": True,
    },
    {
        "code": "25251",
        "name": "Assistent dienstverlening en zorg",
        "level": 1,
        "dossier": "Entree (23110)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25257",
        "name": "Assistent verkoop/retail",
        "level": 1,
        "dossier": "Entree (23110)",
        "paths": ["BOL", "BBL"],
    },
    {
        "code": "25254",
        "name": "Assistent logistiek",
        "level": 1,
        "dossier": "Entree (23110)",
        "paths": ["BOL", "BBL"],
    },
]


# ====================================================================================================
# R-02 relation table: (vmbo profiel, kwalificatie code) pairs that are 'verwant'.
# ====================================================================================================
PROFIEL_KWALIFICATIE = [
    ("Z&W", "25498"), ("Z&W", "25499"), ("D&P", "25499"), ("Z&W", "25500"), ("D&P", "25500"),
    ("HBR", "25500"), ("E&O", "25150"), ("E&O", "25149"), ("E&O", "25167"), ("D&P", "25167"),
    ("E&O", "25153"), ("E&O", "25162"), ("E&O", "25147"), ("D&P", "25147"), ("M&T", "25371"),
    ("E&O", "25371"), ("BWI", "25024"), ("PIE", "25024"), ("BWI", "25128"), ("BWI", "25118"),
    ("BWI", "25104"), ("PIE", "25333"), ("PIE", "25332"), ("PIE", "25297"), ("MaT", "25297"),
    ("MVI", "25198"), ("D&P", "25198"), ("MVI", "25197"), ("MVI", "25201"), ("MVI", "25202"),
    ("D&P", "25202"), ("MVI", "25192"), ("MVI", "25191"), ("MVI", "25189"), ("MVI", "25187"),
    ("M&T", "25242"), ("M&T", "25244"), ("HBR", "25168"), ("HBR", "25171"), ("HBR", "25170"),
    ("HBR", "25180"), ("HBR", "25182"), ("HBR", "25173"), ("HBR", "25174"), ("HBR", "25184"),
    ("E&O", "25184"), ("Z&W", "25486"), ("Z&W", "25491"), ("Z&W", "25480"), ("Z&W", "25400"),
    ("Groen", "25442"), ("Groen", "25445"), ("Groen", "25502"), ("E&O", "25502"), ("Groen", "99001"),
    ("Z&W", "25251"), ("D&P", "25251"), ("E&O", "25257"), ("M&T", "25254"), ("E&O", "25254"),
]


# ====================================================================================================
# Every practice in practices.md as a route.
# ====================================================================================================
ROUTES = [
    # -- Amsterdam, schooljaar 2020-2021 (seed 003, Tabel 1 en Bijlage 1) --------------------------
    {
        "key": "noorderlicht-hzw",
        "name": (
            "Geïntegreerde leerroute Helpende zorg en welzijn Noorderlicht - ROC van Amsterdam (mbo college "
            "Noord)"
        ),
        "type": "geintegreerd",
        "programme_label": "Geïntegreerde route",
        "region": "rmc-amsterdam",
        "phase": "eerste_cohort",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2018-08-01",
                "note": (
                    "Samenwerking met ROC van Amsterdam aangegaan (2018-19), voortbouwend op ervaring van "
                    "Waterlant College en Rosa Beroepscollege met ROC TOP."
                ),
            },
            {
                "phase": "eerste_cohort",
                "since": "2019-08-01",
                "note": "Eerste cohort gestart (2019-20); het tweede cohort is in 2020-21 gestart.",
            },
        ],
        "start_year": 2019,
        "end_date": None,
        "partners": [
            {
                "institution": "noorderlicht",
                "role": "vo",
                "location": "02",
                "joined_on": "2018-08-01",
                "rio_registered_on": "2020-10-01",
            },
            {
                "institution": "roc-amsterdam",
                "role": "mbo",
                "location": "01",
                "joined_on": "2018-08-01",
                "rio_registered_on": "2020-10-01",
            },
        ],
        "profielen": ["Z&W"],
        "leerwegen": ["BB"],
        "uitstroomrichtingen": [{"kwalificatie": "25498", "min_intake": None, "intake": 30, "active": True}],
        "selection": "intake_gesprek",
        "vmbo_diploma": True,
        "acceleration": "allen",
        "acceleration_note": "Mbo 2 in vijf schooljaren; leerjaar 4 en 5 mbo-programma, zomerlek benut.",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": 2,
        "study_duration_years": 3,
        "onderwijstijd_hours": 3000,
        "onderwijstijd_deviation": "Versnelde route: mbo 2 (HZW) in vijf schooljaren in plaats van zes.",
        "mr_consent_on": None,
        "route_years": [
            {
                "route_year": 1,
                "vmbo_year": 3,
                "days_at_mbo": 0,
                "days_bpv": 0,
                "teaching_location": "vo",
                "teaching_by": "vo",
                "note": "Oriëntatiejaar; na leerjaar 3 instroom na een sollicitatiegesprek.",
            },
            {
                "route_year": 2,
                "vmbo_year": 4,
                "days_at_mbo": 0,
                "days_bpv": 1,
                "teaching_location": "vo",
                "teaching_by": "mbo",
                "note": (
                    "Mbo-programma HZW door docenten van mbo college Noord op locatie Noorderlicht; "
                    "vmbo-basisexamen."
                ),
            },
            {
                "route_year": 3,
                "vmbo_year": None,
                "days_at_mbo": 3,
                "days_bpv": 2,
                "teaching_location": "mbo",
                "teaching_by": "mbo",
                "note": (
                    "Leerjaar 5: streven is onderwijs grotendeels op mbo college Noord (eerste lichting "
                    "2021-22)."
                ),
            },
        ],
        "integrated_exam": False,
        "pta_oer": "PTA Noorderlicht; examenreglement mbo college Noord",
        "settlement_model": "M5",
        "reported_students": 50,
        "targets": [],
        "contacts": [
            {
                "institution": "noorderlicht",
                "role": "kartrekker",
                "name": "Coördinator doorlopende leerroute Noorderlicht",
            },
            {
                "institution": "roc-amsterdam",
                "role": "teamleider",
                "name": "Opleidingsmanager Zorg en welzijn mbo college Noord",
            },
            {"institution": "noorderlicht", "role": "mentor", "name": "Mentor HZW-route Noorderlicht"},
        ],
        "last_partner_meeting": "2026-10-29",
        "components": [
            {
                "name": "Mbo-programma Helpende zorg en welzijn (leerjaar 4 en 5)",
                "covered_by": "Docenten mbo college Noord (mbo-bevoegd), op locatie Noorderlicht",
            },
            {"name": "Vmbo-basisprogramma en vmbo-examen", "covered_by": "Docenten Noorderlicht"},
            {"name": "Mentoraat en stagebegeleiding", "covered_by": "Mentoren Noorderlicht"},
        ],
        "description": (
            "Vmbo-basisleerlingen kiezen vrijwillig, maar niet vrijblijvend, na een sollicitatiegesprek voor "
            "de route naar Helpende zorg en welzijn. Vanaf leerjaar 4 geven docenten van mbo college Noord "
            "het mbo-programma op het Noorderlicht. Noorderlicht handhaaft bewust het vmbo-basisdiploma als "
            "terugvaloptie en mijlpaal. Van het cohort in leerjaar 4 verliet ongeveer een derde (10 van 30) "
            "tussentijds de route."
        ),
        "source": "seed 003, Tabel 1 (1A) en Bijlage 1 (Beroepscollege Noorderlicht)",
    },
    {
        "key": "mlo-glr",
        "name": (
            "Geïntegreerde leerroutes Montessori Lyceum Oostpoort - ROC van Amsterdam (mbo college Zuidoost)"
        ),
        "type": "geintegreerd",
        "programme_label": "Geïntegreerde route (voorheen VM2)",
        "region": "rmc-amsterdam",
        "phase": "regulier",
        "phase_history": [
            {
                "phase": "eerste_cohort",
                "since": "2008-08-01",
                "note": (
                    "Gestart in het kader van de VM2-regeling met mbo college Zuidoost; projectleider "
                    "aangesteld."
                ),
            },
            {
                "phase": "regulier",
                "since": "2012-08-01",
                "note": (
                    "Projectgroep opgeheven; aansturing bij teammanager MLO en opleidingsmanagers ROCvA "
                    "(jaartal indicatief)."
                ),
            },
        ],
        "start_year": 2008,
        "end_date": None,
        "partners": [
            {
                "institution": "mlo",
                "role": "vo",
                "location": "08",
                "joined_on": "2008-08-01",
                "rio_registered_on": "2020-10-01",
            },
            {
                "institution": "roc-amsterdam",
                "role": "mbo",
                "location": "02",
                "joined_on": "2008-08-01",
                "rio_registered_on": "2020-10-01",
            },
        ],
        "profielen": ["E&O", "Z&W"],
        "leerwegen": ["BB", "KB"],
        "uitstroomrichtingen": [
            {"kwalificatie": "25150", "min_intake": 15, "intake": 11, "active": True},
            {"kwalificatie": "25167", "min_intake": 15, "intake": 14, "active": True},
            {"kwalificatie": "25499", "min_intake": 15, "intake": 10, "active": True},
            {"kwalificatie": "25498", "min_intake": 15, "intake": 17, "active": True},
            {"kwalificatie": "25149", "min_intake": 15, "intake": None, "active": False},
            {"kwalificatie": "25024", "min_intake": 15, "intake": None, "active": False},
        ],
        "selection": "vrijwillig_advies",
        "vmbo_diploma": False,
        "acceleration": "optioneel",
        "acceleration_note": (
            "Mbo 2 in principe in twee jaar (lj 4-5); sommigen in anderhalf jaar (route in 4,5 jaar)."
        ),
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": None,
        "study_duration_years": 3,
        "onderwijstijd_hours": 3000,
        "onderwijstijd_deviation": (
            "Leerjaren 4 en 5 samengevoegd; maatwerk voor versnelling of extra modules."
        ),
        "mr_consent_on": None,
        "route_years": [
            {
                "route_year": 1,
                "vmbo_year": 3,
                "days_at_mbo": 0,
                "days_bpv": 0,
                "teaching_location": "vo",
                "teaching_by": "vo",
                "note": "Eind leerjaar 3 keuze: E&O (secretariaat, verkoop) of Z&W (facilitair, HZW).",
            },
            {
                "route_year": 2,
                "vmbo_year": 4,
                "days_at_mbo": 0,
                "days_bpv": 1,
                "teaching_location": "vo",
                "teaching_by": "mbo",
                "note": (
                    "Alle lessen incl. keuzedelen op MLO door docenten mbo college Zuidoost; stage vanaf de "
                    "tweede helft van het jaar."
                ),
            },
            {
                "route_year": 3,
                "vmbo_year": None,
                "days_at_mbo": 0,
                "days_bpv": 2,
                "teaching_location": "vo",
                "teaching_by": "mbo",
                "note": (
                    "Leerjaar 5 als aparte mbo-klas ingeschreven; samengevoegd met leerjaar 4; examens op "
                    "locatie mbo college Zuidoost."
                ),
            },
        ],
        "integrated_exam": False,
        "pta_oer": "Examenplannen en diploma-eisen mbo college Zuidoost",
        "settlement_model": "M1",
        "reported_students": 50,
        "targets": [{"kpi": "K-09", "parameter": "", "operator": ">=", "value": 15}],
        "contacts": [
            {"institution": "mlo", "role": "teamleider", "name": "Teammanager doorlopende leerroutes MLO"},
            {
                "institution": "roc-amsterdam",
                "role": "teamleider",
                "name": "Opleidingsmanager Economie mbo college Zuidoost",
            },
            {
                "institution": "roc-amsterdam",
                "role": "teamleider",
                "name": "Opleidingsmanager Zorg en welzijn mbo college Zuidoost",
            },
            {"institution": "mlo", "role": "mentor", "name": "Mentor en stagebegeleider MLO"},
        ],
        "last_partner_meeting": "2026-09-24",
        "components": [
            {
                "name": "Mbo-beroepsprogramma's en keuzedelen (leerjaar 4 en 5)",
                "covered_by": "Docenten mbo college Zuidoost, lesgevend op MLO",
            },
            {"name": "Stagebegeleiding", "covered_by": "Mentoren MLO (getraind door ROCvA)"},
            {"name": "Vmbo-programma leerjaar 3", "covered_by": "Docenten MLO"},
        ],
        "description": (
            "Sinds 2008 (VM2) bieden MLO en mbo college Zuidoost doorlopende routes naar vier mbo "
            "2-opleidingen; twee richtingen (financiële administratie, servicemedewerker gebouwen) zijn "
            "gestopt. Deelname is vrijwillig met advies, ook voor kaderleerlingen, en het vmbo-diploma is "
            "afgeschaft. Alle lessen worden op MLO gegeven door mbo-docenten; het slagingspercentage ligt al "
            "jaren tegen de 100% en ongeveer 95% stroomt door naar niveau 3/4."
        ),
        "source": "seed 003, Tabel 1 (2) en Bijlage 1 (Montessori Lyceum Oostpoort)",
    },
    {
        "key": "bindelmeer-vmr",
        "name": "Vakmanschapsroute Bindelmeer College - ROC van Amsterdam",
        "type": "geintegreerd",
        "programme_label": "VMR (aangesloten bij Calvijn)",
        "region": "rmc-amsterdam",
        "phase": "eerste_cohort",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2019-02-01",
                "note": (
                    "Aansluiting bij de VMR van Calvijn en ROCvA voorbereid; bovenschools projectleider ZAAM "
                    "(datum indicatief)."
                ),
            },
            {
                "phase": "eerste_cohort",
                "since": "2019-08-01",
                "note": "Eerste cohort van 78 leerlingen (2019-20); tweede cohort gestart in 2020-21.",
            },
        ],
        "start_year": 2019,
        "end_date": None,
        "partners": [
            {
                "institution": "bindelmeer",
                "role": "vo",
                "location": "04",
                "joined_on": "2019-08-01",
                "rio_registered_on": "2020-10-01",
            },
            {
                "institution": "roc-amsterdam",
                "role": "mbo",
                "location": None,
                "joined_on": "2019-08-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": ["Z&W", "D&P"],
        "leerwegen": ["BB"],
        "uitstroomrichtingen": [
            {"kwalificatie": "25498", "min_intake": 15, "intake": 30, "active": True},
            {"kwalificatie": "25499", "min_intake": 15, "intake": 24, "active": True},
            {"kwalificatie": "25500", "min_intake": 15, "intake": 24, "active": True},
        ],
        "selection": "alle",
        "vmbo_diploma": False,
        "acceleration": "allen",
        "acceleration_note": "Mbo 2 in drie routejaren (vijf schooljaren) met zomerlekprogramma.",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": 2,
        "study_duration_years": 3,
        "onderwijstijd_hours": 3000,
        "onderwijstijd_deviation": (
            "Verkorte route: mbo 2 in vijf schooljaren in plaats van zes (zomerlek benut)."
        ),
        "mr_consent_on": None,
        "route_years": [
            {
                "route_year": 1,
                "vmbo_year": 3,
                "days_at_mbo": 0,
                "days_bpv": 0,
                "teaching_location": "vo",
                "teaching_by": "vo",
                "note": "Oriëntatie op de drie uitstroomrichtingen, met extra praktijkcomponent.",
            },
            {
                "route_year": 2,
                "vmbo_year": 4,
                "days_at_mbo": 0,
                "days_bpv": 1,
                "teaching_location": "vo",
                "teaching_by": "vo",
                "note": "Mbo-beroepsvak met avo door het eigen docententeam; vmbo-examens afgerond.",
            },
            {
                "route_year": 3,
                "vmbo_year": None,
                "days_at_mbo": 0,
                "days_bpv": 2,
                "teaching_location": "vo",
                "teaching_by": "vo",
                "note": "Leerjaar 5: bekostigd ingeschreven op ROCvA; mbo-examens door of o.l.v. ROCvA.",
            },
        ],
        "integrated_exam": True,
        "pta_oer": "Examenafspraken VMR Calvijn-ROCvA, overgenomen door Bindelmeer",
        "settlement_model": "M1",
        "reported_students": 145,
        "targets": [
            {"kpi": "K-04", "parameter": "3", "operator": ">=", "value": 85},
            {"kpi": "K-04", "parameter": "4", "operator": ">=", "value": 95},
            {"kpi": "K-02", "parameter": "", "operator": "<=", "value": 5},
            {"kpi": "K-05", "parameter": "", "operator": ">=", "value": 70},
            {"kpi": "K-09", "parameter": "", "operator": ">=", "value": 15},
        ],
        "contacts": [
            {
                "institution": "bindelmeer",
                "role": "projectleider",
                "name": "Bovenschools projectleider VMR (ZAAM)",
            },
            {
                "institution": "bindelmeer",
                "role": "kerndocent",
                "name": "Profielcoördinator Helpende zorg en welzijn Bindelmeer",
            },
            {
                "institution": "bindelmeer",
                "role": "kerndocent",
                "name": "Profielcoördinator Facilitair Bindelmeer",
            },
            {
                "institution": "bindelmeer",
                "role": "kerndocent",
                "name": "Profielcoördinator Sport en recreatie Bindelmeer",
            },
            {
                "institution": "roc-amsterdam",
                "role": "teamleider",
                "name": "Opleidingsmanager Dienstverlening ROCvA College Zuidoost",
            },
        ],
        "last_partner_meeting": "2026-10-08",
        "components": [
            {
                "name": "Beroepsgericht programma Helpende zorg en welzijn",
                "covered_by": "Profielcoördinator HZW Bindelmeer",
            },
            {
                "name": "Beroepsgericht programma Medewerker facilitaire dienstverlening",
                "covered_by": "Profielcoördinator Facilitair Bindelmeer",
            },
            {
                "name": "Beroepsgericht programma Medewerker sport en recreatie",
                "covered_by": "Profielcoördinator Sport en recreatie Bindelmeer",
            },
            {"name": "Examencoördinatie (mbo-examens en vmbo-cijferlijst)", "covered_by": ""},
        ],
        "description": (
            "Sinds 2019-20 volgen alle vmbo-basisleerlingen van het Bindelmeer de geïntegreerde routes die "
            "Calvijn en ROC van Amsterdam ontwikkelden (colleges West en Zuidoost; College Zuid trad in 2020 "
            "toe). Doelen, werkafspraken en rekenmodel zijn van Calvijn overgenomen; er wordt geen "
            "vmbo-diploma uitgereikt, wel een cijferlijst. Van het eerste cohort (78) gingen 73 naar "
            "leerjaar 4, 4 naar Entree en 1 doubleerde (uitval 5%)."
        ),
        "source": "seed 003, Tabel 1 (3) en Bijlage 1 (Bindelmeer College)",
    },
    {
        "key": "calvijn-vmr",
        "name": "Vakmanschapsroute Calvijn College - ROC van Amsterdam",
        "type": "geintegreerd",
        "programme_label": "VMR",
        "region": "rmc-amsterdam",
        "phase": "regulier",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2013-10-31",
                "note": (
                    "Samenwerkingsovereenkomst VMR getekend (landelijke experimentregeling doorlopende "
                    "leerlijnen)."
                ),
            },
            {
                "phase": "eerste_cohort",
                "since": "2014-08-01",
                "note": "Eerste vmbo-basisleerlingen starten in de Vakmanschapsroute (2014-15).",
            },
            {
                "phase": "regulier",
                "since": "2017-08-01",
                "note": (
                    "Projectplan van 23-05-2016 uitgevoerd; van pilot doorgegroeid naar regulier ingebedde "
                    "samenwerking (datum indicatief)."
                ),
            },
        ],
        "start_year": 2014,
        "end_date": None,
        "partners": [
            {
                "institution": "calvijn",
                "role": "vo",
                "location": "06",
                "joined_on": "2013-10-31",
                "rio_registered_on": "2020-10-01",
            },
            {
                "institution": "roc-amsterdam",
                "role": "mbo",
                "location": "03",
                "joined_on": "2013-10-31",
                "rio_registered_on": "2020-10-01",
            },
        ],
        "profielen": ["Z&W", "D&P"],
        "leerwegen": ["BB"],
        "uitstroomrichtingen": [
            {"kwalificatie": "25498", "min_intake": 15, "intake": 18, "active": True},
            {"kwalificatie": "25499", "min_intake": 15, "intake": 15, "active": True},
            {"kwalificatie": "25500", "min_intake": 15, "intake": 15, "active": True},
        ],
        "selection": "alle",
        "vmbo_diploma": False,
        "acceleration": "allen",
        "acceleration_note": (
            "Mbo 2 in drie routejaren (vijf schooljaren i.p.v. zes); apart zomerlekprogramma."
        ),
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": 2,
        "study_duration_years": 3,
        "onderwijstijd_hours": 3000,
        "onderwijstijd_deviation": (
            "Verkorte route: mbo 2 in vijf schooljaren in plaats van zes (zomerlek benut)."
        ),
        "mr_consent_on": None,
        "route_years": [
            {
                "route_year": 1,
                "vmbo_year": 3,
                "days_at_mbo": 0,
                "days_bpv": 0,
                "teaching_location": "vo",
                "teaching_by": "vo",
                "note": (
                    "Elke periode een andere uitstroomrichting, afgesloten met een integrale opdracht; "
                    "verplichte vmbo-examens."
                ),
            },
            {
                "route_year": 2,
                "vmbo_year": 4,
                "days_at_mbo": 0,
                "days_bpv": 1,
                "teaching_location": "vo",
                "teaching_by": "vo",
                "note": (
                    "Mbo-beroepsvak met avo door Calvijn-docenten op Calvijn (of met instemming van de "
                    "stuurgroep door ROCvA); vmbo-examens afgerond; kwalificerende stage."
                ),
            },
            {
                "route_year": 3,
                "vmbo_year": None,
                "days_at_mbo": 0,
                "days_bpv": 2,
                "teaching_location": "vo",
                "teaching_by": "vo",
                "note": (
                    "Leerjaar 5 (mbo-fase): bekostigd op ROCvA; generieke examens op mbo college West, "
                    "beroepsgerichte examens op het college of in de praktijk."
                ),
            },
        ],
        "integrated_exam": True,
        "pta_oer": "Gezamenlijke examenregeling VMR Calvijn-ROCvA (werkafspraken examinering en diplomering)",
        "settlement_model": "M1",
        "reported_students": 136,
        "targets": [
            {"kpi": "K-04", "parameter": "3", "operator": ">=", "value": 85},
            {"kpi": "K-04", "parameter": "4", "operator": ">=", "value": 95},
            {"kpi": "K-02", "parameter": "", "operator": "<=", "value": 5},
            {"kpi": "K-05", "parameter": "", "operator": ">=", "value": 70},
            {"kpi": "K-09", "parameter": "", "operator": ">=", "value": 15},
        ],
        "contacts": [
            {
                "institution": "calvijn",
                "role": "projectleider",
                "name": "Bovenschools projectleider VMR (ZAAM)",
            },
            {
                "institution": "calvijn",
                "role": "kerndocent",
                "name": "Kerndocent Helpende zorg en welzijn Calvijn",
            },
            {"institution": "calvijn", "role": "kerndocent", "name": "Kerndocent Facilitair Calvijn"},
            {"institution": "calvijn", "role": "kerndocent", "name": "Kerndocent Sport en recreatie Calvijn"},
            {"institution": "calvijn", "role": "examencoordinator", "name": "Examencoördinator VMR Calvijn"},
            {
                "institution": "roc-amsterdam",
                "role": "teamleider",
                "name": "Opleidingsmanager Dienstverlening ROCvA College West",
            },
        ],
        "last_partner_meeting": "2026-10-08",
        "responsibilities": [{"task": "verzuim_vsv", "party": "vo", "note": "Calvijn meldt verzuim en VSV voor de hele route (seed 003)."}],
        "components": [
            {
                "name": "Beroepsgericht programma Helpende zorg en welzijn (mbo 2)",
                "covered_by": "Kerndocent HZW Calvijn",
            },
            {
                "name": "Beroepsgericht programma Medewerker facilitaire dienstverlening (mbo 2)",
                "covered_by": "Kerndocent Facilitair Calvijn",
            },
            {
                "name": "Beroepsgericht programma Medewerker sport en recreatie (mbo 2)",
                "covered_by": "Kerndocent Sport en recreatie Calvijn",
            },
            {
                "name": "Generiek: Nederlands en rekenen (mbo)",
                "covered_by": "Docenten Nederlands en rekenen Calvijn",
            },
            {"name": "Loopbaan en burgerschap (doorlopende LOB-leerlijn)", "covered_by": "Mentoren Calvijn"},
            {"name": "Keuzedelen", "covered_by": "Docenten betrokken ROCvA-colleges (West, Zuidoost, Zuid)"},
            {
                "name": "Beroepsgerichte examinering",
                "covered_by": "Assessoren Calvijn onder verantwoordelijkheid van ROCvA",
            },
        ],
        "description": (
            "Sinds 2014-15 volgen alle vmbo-basisleerlingen van het Calvijn de Vakmanschapsroute naar "
            "Helpende zorg en welzijn, Facilitair medewerker of Sport en recreatie (colleges West, Zuidoost "
            "en Zuid van het ROCvA). De afspraken staan in de samenwerkingsovereenkomst van 31-10-2013, het "
            "projectplan van 23-05-2016 en werkafspraken; er is geen vmbo-diploma maar wel een cijferlijst. "
            "In 2019-20 haalde 88% het mbo 2-diploma binnen drie jaar (doel 85%), was de uitval 3,5% en "
            "stroomde 90% door naar niveau 3/4."
        ),
        "source": "seed 003, Tabel 1 (4) en Bijlage 1 (Calvijn College)",
    },
    {
        "key": "hubertus-berkhoff-horeca",
        "name": "Gestapelde route horeca Hubertus & Berkhoff - ROC van Amsterdam (mbo college Centrum)",
        "type": "gestapeld",
        "programme_label": "Vakschool",
        "region": "rmc-amsterdam",
        "phase": "regulier",
        "phase_history": [
            {
                "phase": "regulier",
                "since": "2020-09-01",
                "note": "Reguliere samenwerking volgens de inventarisatie 2020-21 (startdatum onbekend).",
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "hubertus-berkhoff",
                "role": "vo",
                "location": "00",
                "joined_on": None,
                "rio_registered_on": None,
            },
            {
                "institution": "roc-amsterdam",
                "role": "mbo",
                "location": "05",
                "joined_on": None,
                "rio_registered_on": None,
            },
        ],
        "profielen": ["HBR"],
        "leerwegen": ["BB", "KB"],
        "uitstroomrichtingen": [
            {"kwalificatie": "25168", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25171", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25170", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25180", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25182", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25174", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25184", "min_intake": None, "intake": None, "active": True},
        ],
        "selection": "na_diploma",
        "vmbo_diploma": True,
        "acceleration": "optioneel",
        "acceleration_note": (
            "Goed presterende leerlingen kunnen na het vmbo-diploma versneld de zelfstandig-werkende "
            "opleiding doen."
        ),
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": 2,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [
            {
                "route_year": 1,
                "vmbo_year": 3,
                "days_at_mbo": 0,
                "days_bpv": 0,
                "teaching_location": "vo",
                "teaching_by": "vo",
                "note": "Vmbo-horecaprogramma op H&B, afgestemd op het vervolg bij mbo college Centrum.",
            },
            {
                "route_year": 2,
                "vmbo_year": 4,
                "days_at_mbo": 0,
                "days_bpv": 0,
                "teaching_location": "vo",
                "teaching_by": "vo",
                "note": "Vmbo-examen; geen vervroegde mbo-onderdelen.",
            },
            {
                "route_year": 3,
                "vmbo_year": None,
                "days_at_mbo": 3,
                "days_bpv": 2,
                "teaching_location": "mbo",
                "teaching_by": "mbo",
                "note": "Mbo-horecaopleiding niveau 2, 3 of 4 op mbo college Centrum.",
            },
        ],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {"institution": "hubertus-berkhoff", "role": "decaan", "name": "Decaan Hubertus & Berkhoff"},
            {
                "institution": "roc-amsterdam",
                "role": "teamleider",
                "name": "Opleidingsmanager Horeca mbo college Centrum",
            },
        ],
        "last_partner_meeting": "2026-06-18",
        "components": [],
        "description": (
            "Hubertus & Berkhoff is een vakschool voor horeca zonder eigen mbo; het onderwijs sluit nauw aan "
            "op vervolgopleidingen van mbo college Centrum. Er worden geen mbo-onderdelen vervroegd "
            "aangeboden. Gemiddeld stroomt 65% van de leerlingen door naar een opleiding van mbo college "
            "Centrum."
        ),
        "source": "seed 003, Tabel 1 (5), §3.5 en §4.1",
    },
    {
        "key": "mediacollege-media-ict",
        "name": "Gestapelde route media en ICT Mediacollege Amsterdam (vmbo - mbo)",
        "type": "gestapeld",
        "programme_label": "Vakschool",
        "region": "rmc-amsterdam",
        "phase": "regulier",
        "phase_history": [
            {
                "phase": "regulier",
                "since": "2020-09-01",
                "note": "Reguliere samenwerking volgens de inventarisatie 2020-21 (startdatum onbekend).",
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "mediacollege-vo",
                "role": "vo",
                "location": "00",
                "joined_on": None,
                "rio_registered_on": None,
            },
            {
                "institution": "mediacollege-mbo",
                "role": "mbo",
                "location": "01",
                "joined_on": None,
                "rio_registered_on": None,
            },
        ],
        "profielen": ["MVI"],
        "leerwegen": ["BB", "KB"],
        "uitstroomrichtingen": [
            {"kwalificatie": "25198", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25197", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25201", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25192", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25191", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25187", "min_intake": None, "intake": None, "active": True},
        ],
        "selection": "na_diploma",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": 2,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [
            {
                "route_year": 1,
                "vmbo_year": 3,
                "days_at_mbo": 0,
                "days_bpv": 0,
                "teaching_location": "vo",
                "teaching_by": "vo",
                "note": "Beroepsgericht vmbo-programma en keuzevakken afgestemd op mbo-doorstroomrichtingen.",
            },
            {
                "route_year": 2,
                "vmbo_year": 4,
                "days_at_mbo": 0,
                "days_bpv": 0,
                "teaching_location": "vo",
                "teaching_by": "vo",
                "note": "Vmbo-examen; gescheiden docententeams.",
            },
            {
                "route_year": 3,
                "vmbo_year": None,
                "days_at_mbo": 3,
                "days_bpv": 2,
                "teaching_location": "mbo",
                "teaching_by": "mbo",
                "note": "Mbo-opleiding media/ICT niveau 2, 3 of 4 binnen het Mediacollege.",
            },
        ],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {"institution": "mediacollege-vo", "role": "teamleider", "name": "Teamleider vmbo Mediacollege"},
            {
                "institution": "mediacollege-mbo",
                "role": "teamleider",
                "name": "Opleidingsmanager mbo Mediacollege",
            },
        ],
        "last_partner_meeting": "2026-02-12",
        "components": [],
        "description": (
            "Het Mediacollege biedt na het vmbo-diploma doorstroom binnen de eigen instelling naar media- en "
            "ICT-opleidingen op niveau 2, 3 en 4. Een geïntegreerde route is gewenst maar kwam niet tot "
            "stand, vooral door te weinig BPV-plekken voor jonge leerlingen en pedagogisch-didactische "
            "verschillen. Gemiddeld stroomt 50% intern door."
        ),
        "source": "seed 003, Tabel 1 (6), §3.5 en §4.1",
    },
    {
        "key": "cburg-zuidoost",
        "name": "Gestapelde route Cburg College - ROC van Amsterdam (mbo college Zuidoost)",
        "type": "gestapeld",
        "programme_label": "",
        "region": "rmc-amsterdam",
        "phase": "opstartfase",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2018-08-01",
                "note": "Cburg zoekt samenwerking met mbo college Zuidoost (2018-19).",
            },
            {
                "phase": "opstartfase",
                "since": "2020-08-01",
                "note": (
                    "Instroom mogelijk vanaf 2020-21; minimum van 25 leerlingen niet gehaald, route in de "
                    "praktijk nog niet gestart."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "cburg",
                "role": "vo",
                "location": "00",
                "joined_on": "2018-08-01",
                "rio_registered_on": None,
            },
            {
                "institution": "roc-amsterdam",
                "role": "mbo",
                "location": "02",
                "joined_on": "2018-08-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": ["D&P", "E&O", "MVI"],
        "leerwegen": ["BB"],
        "uitstroomrichtingen": [
            {"kwalificatie": "25198", "min_intake": 25, "intake": 0, "active": True},
            {"kwalificatie": "25167", "min_intake": 25, "intake": 0, "active": True},
            {"kwalificatie": "25499", "min_intake": 25, "intake": 0, "active": True},
        ],
        "selection": "na_diploma",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "Mbo 2 duurt naar voortgang een, anderhalf of twee jaar.",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": 2,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [
            {
                "route_year": 1,
                "vmbo_year": 3,
                "days_at_mbo": 0,
                "days_bpv": 0,
                "teaching_location": "vo",
                "teaching_by": "vo",
                "note": "Regulier vmbo-basisprogramma.",
            },
            {
                "route_year": 2,
                "vmbo_year": 4,
                "days_at_mbo": 0,
                "days_bpv": 0,
                "teaching_location": "vo",
                "teaching_by": "vo",
                "note": "Vmbo-basisdiploma; daarna vrijwillige instroom.",
            },
            {
                "route_year": 3,
                "vmbo_year": None,
                "days_at_mbo": 0,
                "days_bpv": 1,
                "teaching_location": "vo",
                "teaching_by": "team",
                "note": "Mbo 2 op Cburg door een gecombineerd team van vo- en mbo-docenten.",
            },
        ],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": 0,
        "targets": [{"kpi": "K-09", "parameter": "", "operator": ">=", "value": 25}],
        "contacts": [
            {"institution": "cburg", "role": "teamleider", "name": "Teamleider bovenbouw Cburg College"},
            {
                "institution": "roc-amsterdam",
                "role": "teamleider",
                "name": "Opleidingsmanager mbo college Zuidoost",
            },
        ],
        "last_partner_meeting": "2025-05-20",
        "components": [],
        "description": (
            "Na het vmbo-basisdiploma kunnen leerlingen op het Cburg zelf een mbo 2-opleiding volgen "
            "(Medewerker DTP, Verkoper, Medewerker facilitaire dienstverlening), in de vertrouwde setting en "
            "zorgstructuur van de school. Het vmbo-diploma blijft om de keuzevrijheid te bewaren; ook "
            "leerlingen van andere vmbo-scholen mogen instromen. De minimuminstroom van 25 leerlingen werd "
            "in 2020-21 niet gehaald."
        ),
        "source": "seed 003, Tabel 1 (7) en §3.5",
    },
    {
        "key": "noorderlicht-beursplein",
        "name": "Project Beursplein (Handel) Noorderlicht - ROC van Amsterdam (mbo college Noord)",
        "type": "gedeeltelijk",
        "programme_label": "Beursplein",
        "region": "rmc-amsterdam",
        "phase": "eerste_cohort",
        "phase_history": [
            {
                "phase": "eerste_cohort",
                "since": "2019-08-01",
                "note": "Project Beursplein gestart (2019-20) met 34 deelnemers.",
            },
        ],
        "start_year": 2019,
        "end_date": None,
        "partners": [
            {
                "institution": "noorderlicht",
                "role": "vo",
                "location": "02",
                "joined_on": "2019-08-01",
                "rio_registered_on": None,
            },
            {
                "institution": "roc-amsterdam",
                "role": "mbo",
                "location": "01",
                "joined_on": "2019-08-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": ["E&O"],
        "leerwegen": ["KB", "GL"],
        "uitstroomrichtingen": [],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": 2,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [
            {
                "route_year": 1,
                "vmbo_year": 3,
                "days_at_mbo": 0,
                "days_bpv": 0,
                "teaching_location": "gemengd",
                "teaching_by": "team",
                "note": (
                    "Kennismaking met het beroepenveld, lokale ondernemers en het mbo; onderdeel van het "
                    "formatieve examenprogramma van beide opleidingen."
                ),
            },
        ],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": 34,
        "targets": [],
        "contacts": [
            {
                "institution": "noorderlicht",
                "role": "kerndocent",
                "name": "Docent economie en ondernemen Noorderlicht",
            },
            {"institution": "roc-amsterdam", "role": "kerndocent", "name": "Docent Handel mbo college Noord"},
        ],
        "last_partner_meeting": "2026-09-30",
        "components": [],
        "description": (
            "De opleiding Handel van mbo college Noord biedt sinds 2019-20 het project Beursplein aan kader- "
            "en GL-leerlingen van het Noorderlicht. Beide docententeams ontwikkelden het samen, bewust "
            "bottom-up; het kan uitgroeien tot intensievere samenwerking."
        ),
        "source": "seed 003, Tabel 1 (1B), §3.5 en §4.1",
    },
    {
        "key": "ijburg-glr",
        "name": "Geïntegreerde leerroute IJburg College - ROC van Amsterdam (in ontwikkeling)",
        "type": "geintegreerd",
        "programme_label": "",
        "region": "rmc-amsterdam",
        "phase": "in_ontwikkeling",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2020-09-01",
                "note": "In ontwikkeling; start beoogd in schooljaar 2021-22.",
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "ijburg",
                "role": "vo",
                "location": "01",
                "joined_on": None,
                "rio_registered_on": None,
            },
            {
                "institution": "roc-amsterdam",
                "role": "mbo",
                "location": None,
                "joined_on": None,
                "rio_registered_on": None,
            },
        ],
        "profielen": [],
        "leerwegen": ["BB"],
        "uitstroomrichtingen": [],
        "selection": "alle",
        "vmbo_diploma": False,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": None,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {
                "institution": "ijburg",
                "role": "kartrekker",
                "name": "Projectleider doorlopende leerroutes IJburg College",
            },
            {
                "institution": "roc-amsterdam",
                "role": "teamleider",
                "name": "Beleidsmedewerker vo-mbo ROC van Amsterdam",
            },
        ],
        "last_partner_meeting": "2026-11-03",
        "components": [],
        "description": (
            "IJburg College wil vanaf 2021-22 geïntegreerde leerroutes met ROC van Amsterdam aanbieden. "
            "Uitstroomrichtingen, overeenkomst en financiële afspraken zijn nog niet vastgelegd."
        ),
        "source": "seed 003, Tabel 1 (8) en §3.4",
    },
    {
        "key": "wellant-sloten-groen",
        "name": "Gestapelde route groen Wellant College vmbo Sloten - Wellant mbo",
        "type": "gestapeld",
        "programme_label": "Vakschool (AOC)",
        "region": "rmc-amsterdam",
        "phase": "in_ontwikkeling",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2019-08-01",
                "note": (
                    "Sinds 2019-20 drie mbo 4-opleidingen op de locatie; samenwerking vmbo-mbo in de "
                    "kinderschoenen."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "wellant-sloten",
                "role": "vo",
                "location": "22",
                "joined_on": "2019-08-01",
                "rio_registered_on": None,
            },
            {
                "institution": "wellant-mbo",
                "role": "mbo",
                "location": "01",
                "joined_on": "2019-08-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": ["Groen"],
        "leerwegen": ["BB", "KB"],
        "uitstroomrichtingen": [
            {"kwalificatie": "25442", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25445", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25502", "min_intake": None, "intake": None, "active": True},
        ],
        "selection": "na_diploma",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": 2,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {"institution": "wellant-sloten", "role": "teamleider", "name": "Teamleider vmbo Wellant Sloten"},
            {
                "institution": "wellant-mbo",
                "role": "teamleider",
                "name": "Opleidingsmanager mbo 4 Wellant Sloten",
            },
        ],
        "last_partner_meeting": "2026-04-14",
        "components": [],
        "description": (
            "Wellant Sloten heeft sinds 2019-20 drie mbo 4-opleidingen in huis; voor niveau 2 en 3 moeten "
            "leerlingen naar een andere mbo-instelling. Omdat er weinig GL/TL-leerlingen zijn, onderzoekt de "
            "school ook routes voor basis- en kaderleerlingen, ook buiten de groene sector. Welke drie mbo "
            "4-opleidingen het zijn, noemt de bron niet: de uitstroomrichtingen hier zijn een voorbeeld."
        ),
        "source": "seed 003, Tabel 1 (9) en §3.5",
    },
    {
        "key": "noorderlicht-pilot-nieuwe-leerweg",
        "name": "Pilot nieuwe leerweg Zorg & welzijn Noorderlicht - ROC van Amsterdam",
        "type": "gedeeltelijk",
        "programme_label": "Pilot nieuwe leerweg",
        "region": "rmc-amsterdam",
        "phase": "in_ontwikkeling",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2020-11-01",
                "note": (
                    "Via loting pilotschool nieuwe leerweg (november 2020); uitvoering praktijkgericht "
                    "programma vanaf 2021-22."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "noorderlicht",
                "role": "vo",
                "location": None,
                "joined_on": "2020-11-01",
                "rio_registered_on": None,
            },
            {
                "institution": "roc-amsterdam",
                "role": "mbo",
                "location": None,
                "joined_on": "2020-11-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": ["Z&W"],
        "leerwegen": ["GL", "TL"],
        "uitstroomrichtingen": [],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": None,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {
                "institution": "noorderlicht",
                "role": "kartrekker",
                "name": "Coördinator pilot nieuwe leerweg Noorderlicht",
            },
            {
                "institution": "roc-amsterdam",
                "role": "teamleider",
                "name": "Contactpersoon mbo voor de pilot nieuwe leerweg",
            },
        ],
        "last_partner_meeting": "2026-10-15",
        "components": [],
        "description": (
            "Pilot met het praktijkgerichte programma Zorg & welzijn in de nieuwe leerweg (GL/TL), waarvoor "
            "de vo-school actief samenwerking zoekt met het mbo en het bedrijfsleven. Hoe en in welke vorm "
            "de samenwerking met het mbo wordt ingericht, was in 2020-21 nog niet bekend."
        ),
        "source": "seed 003, Tabel 1 (1C) en Tabel 2",
    },
    {
        "key": "mundus-pilot-nieuwe-leerweg",
        "name": "Pilot nieuwe leerweg Technologie & toepassing Mundus College - ROC van Amsterdam",
        "type": "gedeeltelijk",
        "programme_label": "Pilot nieuwe leerweg",
        "region": "rmc-amsterdam",
        "phase": "in_ontwikkeling",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2020-11-01",
                "note": (
                    "Via loting pilotschool nieuwe leerweg (november 2020); uitvoering praktijkgericht "
                    "programma vanaf 2021-22."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "mundus",
                "role": "vo",
                "location": None,
                "joined_on": "2020-11-01",
                "rio_registered_on": None,
            },
            {
                "institution": "roc-amsterdam",
                "role": "mbo",
                "location": None,
                "joined_on": "2020-11-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": [],
        "leerwegen": ["GL", "TL"],
        "uitstroomrichtingen": [],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": None,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {
                "institution": "mundus",
                "role": "kartrekker",
                "name": "Coördinator pilot nieuwe leerweg Mundus College",
            },
            {
                "institution": "roc-amsterdam",
                "role": "teamleider",
                "name": "Contactpersoon mbo voor de pilot nieuwe leerweg",
            },
        ],
        "last_partner_meeting": "2026-10-15",
        "components": [],
        "description": (
            "Pilot met het praktijkgerichte programma Technologie & toepassing in de nieuwe leerweg (GL/TL), "
            "waarvoor de vo-school actief samenwerking zoekt met het mbo en het bedrijfsleven. Hoe en in "
            "welke vorm de samenwerking met het mbo wordt ingericht, was in 2020-21 nog niet bekend."
        ),
        "source": "seed 003, Tabel 1 (10) en Tabel 2",
    },
    {
        "key": "over-y-pilot-nieuwe-leerweg",
        "name": "Pilot nieuwe leerweg Technologie & toepassing Over-Y College - HMC",
        "type": "gedeeltelijk",
        "programme_label": "Pilot nieuwe leerweg",
        "region": "rmc-amsterdam",
        "phase": "in_ontwikkeling",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2020-11-01",
                "note": (
                    "Via loting pilotschool nieuwe leerweg (november 2020); uitvoering praktijkgericht "
                    "programma vanaf 2021-22."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "over-y",
                "role": "vo",
                "location": None,
                "joined_on": "2020-11-01",
                "rio_registered_on": None,
            },
            {
                "institution": "hmc",
                "role": "mbo",
                "location": None,
                "joined_on": "2020-11-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": [],
        "leerwegen": ["GL", "TL"],
        "uitstroomrichtingen": [],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": None,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {
                "institution": "over-y",
                "role": "kartrekker",
                "name": "Coördinator pilot nieuwe leerweg Over-Y College",
            },
            {
                "institution": "hmc",
                "role": "teamleider",
                "name": "Contactpersoon mbo voor de pilot nieuwe leerweg",
            },
        ],
        "last_partner_meeting": "2026-10-15",
        "components": [],
        "description": (
            "Pilot met het praktijkgerichte programma Technologie & toepassing in de nieuwe leerweg (GL/TL), "
            "waarvoor de vo-school actief samenwerking zoekt met het mbo en het bedrijfsleven. Hoe en in "
            "welke vorm de samenwerking met het mbo wordt ingericht, was in 2020-21 nog niet bekend."
        ),
        "source": "seed 003, Tabel 1 (11) en Tabel 2",
    },
    {
        "key": "zuiderlicht-pilot-nieuwe-leerweg",
        "name": "Pilot nieuwe leerweg Zorg & welzijn Zuiderlicht College - ROC van Amsterdam",
        "type": "gedeeltelijk",
        "programme_label": "Pilot nieuwe leerweg",
        "region": "rmc-amsterdam",
        "phase": "in_ontwikkeling",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2020-11-01",
                "note": (
                    "Via loting pilotschool nieuwe leerweg (november 2020); uitvoering praktijkgericht "
                    "programma vanaf 2021-22."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "zuiderlicht",
                "role": "vo",
                "location": None,
                "joined_on": "2020-11-01",
                "rio_registered_on": None,
            },
            {
                "institution": "roc-amsterdam",
                "role": "mbo",
                "location": None,
                "joined_on": "2020-11-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": ["Z&W"],
        "leerwegen": ["GL", "TL"],
        "uitstroomrichtingen": [],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": None,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {
                "institution": "zuiderlicht",
                "role": "kartrekker",
                "name": "Coördinator pilot nieuwe leerweg Zuiderlicht College",
            },
            {
                "institution": "roc-amsterdam",
                "role": "teamleider",
                "name": "Contactpersoon mbo voor de pilot nieuwe leerweg",
            },
        ],
        "last_partner_meeting": "2026-10-15",
        "components": [],
        "description": (
            "Pilot met het praktijkgerichte programma Zorg & welzijn in de nieuwe leerweg (GL/TL), waarvoor "
            "de vo-school actief samenwerking zoekt met het mbo en het bedrijfsleven. Hoe en in welke vorm "
            "de samenwerking met het mbo wordt ingericht, was in 2020-21 nog niet bekend."
        ),
        "source": "seed 003, Tabel 1 (12) en Tabel 2",
    },
    # -- Vijf langlopende praktijken (seed 000) ----------------------------------------------------
    {
        "key": "profijt-stera",
        "name": "STERA-route Profijt (Smart Technical Education Regio Achterhoek)",
        "type": "gedeeltelijk",
        "programme_label": "STERA",
        "region": "rmc-achterhoek",
        "phase": "regulier",
        "phase_history": [
            {
                "phase": "eerste_cohort",
                "since": "2017-08-01",
                "note": "STERA gestart met subsidie van de provincie en cofinanciering (datum indicatief).",
            },
            {
                "phase": "regulier",
                "since": "2018-08-01",
                "note": (
                    "Een half jaar na de start 200 leerlingen en 60 bedrijven; groei naar ca. 400 "
                    "leerlingen."
                ),
            },
        ],
        "start_year": 2017,
        "end_date": None,
        "partners": [
            {
                "institution": "profijt-vo-a",
                "role": "vo",
                "location": "00",
                "joined_on": "2000-07-14",
                "rio_registered_on": None,
            },
            {
                "institution": "profijt-vo-b",
                "role": "vo",
                "location": "00",
                "joined_on": "2000-07-14",
                "rio_registered_on": None,
            },
            {
                "institution": "profijt-vo-c",
                "role": "vo",
                "location": "00",
                "joined_on": "2000-07-14",
                "rio_registered_on": None,
            },
            {
                "institution": "profijt-mbo-1",
                "role": "mbo",
                "location": "00",
                "joined_on": "2000-07-14",
                "rio_registered_on": None,
            },
            {
                "institution": "profijt-mbo-2",
                "role": "mbo",
                "location": "00",
                "joined_on": "2000-07-14",
                "rio_registered_on": None,
            },
        ],
        "profielen": [],
        "leerwegen": ["BB", "KB", "GL", "TL"],
        "uitstroomrichtingen": [],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": 2,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [
            {
                "route_year": 1,
                "vmbo_year": 3,
                "days_at_mbo": 0,
                "days_bpv": 0,
                "teaching_location": "bedrijf",
                "teaching_by": "team",
                "note": (
                    "Leerdoelen van keuzevakken worden bij het bedrijfsleven ingevuld, onafhankelijk van het "
                    "aanbod van de eigen school."
                ),
            },
            {
                "route_year": 2,
                "vmbo_year": 4,
                "days_at_mbo": 0,
                "days_bpv": 0,
                "teaching_location": "bedrijf",
                "teaching_by": "team",
                "note": "Idem in leerjaar 4.",
            },
        ],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "M4",
        "reported_students": 400,
        "targets": [],
        "contacts": [
            {
                "institution": "profijt-vo-a",
                "role": "kartrekker",
                "name": "Coördinator Profijt (vanuit het vmbo)",
            },
            {
                "institution": "profijt-mbo-1",
                "role": "kartrekker",
                "name": "Coördinator Profijt (vanuit het mbo)",
            },
        ],
        "last_partner_meeting": "2026-11-05",
        "components": [],
        "description": (
            "STERA is een van de routes die groeien uit het netwerk Profijt: vmbo-leerlingen vullen de "
            "leerdoelen van hun keuzevakken in bij bedrijven in de Achterhoek. Het netwerk (convenant juli "
            "2000) omvat alle 16 vmbo-locaties in de regio, pro, vso, twee mbo's en het hbo; twee "
            "coördinatoren (vmbo en mbo) houden het gaande. De kosten worden 50/50 gedeeld door mbo en vo, "
            "de vo-scholen naar leerlingaantal en doorstroomaandeel."
        ),
        "source": "seed 000, portret Profijt; seed 001, portret Profijt",
    },
    {
        "key": "profijt-toptraject",
        "name": "Toptraject Profijt (gl/tl - mbo - hbo)",
        "type": "doorlopend",
        "programme_label": "Toptraject",
        "region": "rmc-achterhoek",
        "phase": "eerste_cohort",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2016-08-01",
                "note": "Grondige voorbereiding binnen de overlegstructuur van Profijt (datum indicatief).",
            },
            {
                "phase": "eerste_cohort",
                "since": "2018-08-01",
                "note": "Start van het Toptraject in schooljaar 2018-19.",
            },
        ],
        "start_year": 2018,
        "end_date": None,
        "partners": [
            {
                "institution": "profijt-vo-a",
                "role": "vo",
                "location": "00",
                "joined_on": "2018-08-01",
                "rio_registered_on": "2020-10-12",
            },
            {
                "institution": "profijt-mbo-1",
                "role": "mbo",
                "location": "00",
                "joined_on": "2018-08-01",
                "rio_registered_on": "2020-10-12",
            },
        ],
        "profielen": [],
        "leerwegen": ["GL", "TL"],
        "uitstroomrichtingen": [],
        "selection": "vrijwillig_advies",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": 2,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "M4",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {
                "institution": "profijt-vo-a",
                "role": "kartrekker",
                "name": "Coördinator Profijt (vanuit het vmbo)",
            },
            {
                "institution": "profijt-mbo-1",
                "role": "kartrekker",
                "name": "Coördinator Profijt (vanuit het mbo)",
            },
        ],
        "last_partner_meeting": "2026-11-05",
        "components": [],
        "description": (
            "Het Toptraject leidt gl/tl-leerlingen via het mbo naar het hbo en groeit, net als STERA, uit "
            "het netwerk Profijt. Het wordt deels met subsidie en deels door de scholen zelf betaald. Er is "
            "geen aparte samenwerkingsovereenkomst: het netwerkconvenant van Profijt is de basis. "
            "Uitstroomrichtingen en onderwijstijd zijn in de bron niet genoemd."
        ),
        "source": "seed 000, portret Profijt",
    },
    {
        "key": "tot-route",
        "name": "TalentOntwikkelingTechniek-route (TOT) De Uilenhof en Insula College - Da Vinci College",
        "type": "doorlopend",
        "programme_label": "TOT",
        "region": "rmc-zuid-holland-zuid",
        "phase": "regulier",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2010-08-01",
                "note": (
                    "Contact De Uilenhof en Da Vinci; plan en tijdelijke stuurgroep (ca. acht jaar vóór "
                    "2018)."
                ),
            },
            {
                "phase": "eerste_cohort",
                "since": "2014-08-01",
                "note": (
                    "Eerste TOT-groep start de omarmingsconstructie in vmbo-leerjaar 3 (datum indicatief)."
                ),
            },
            {
                "phase": "regulier",
                "since": "2017-08-01",
                "note": (
                    "Stuurgroep opgeheven; 'lopend machientje' met jaarlijks planningsoverleg (datum "
                    "indicatief)."
                ),
            },
        ],
        "start_year": 2014,
        "end_date": None,
        "partners": [
            {
                "institution": "uilenhof",
                "role": "vo",
                "location": "00",
                "joined_on": "2014-06-01",
                "rio_registered_on": "2020-10-01",
            },
            {
                "institution": "insula",
                "role": "vo",
                "location": "00",
                "joined_on": "2016-08-01",
                "rio_registered_on": "2020-10-01",
            },
            {
                "institution": "da-vinci",
                "role": "mbo",
                "location": None,
                "joined_on": "2014-06-01",
                "rio_registered_on": "2020-10-01",
            },
        ],
        "profielen": [],
        "leerwegen": ["TL"],
        "uitstroomrichtingen": [
            {"kwalificatie": "25297", "min_intake": 20, "intake": None, "active": True},
            {"kwalificatie": "25104", "min_intake": 20, "intake": None, "active": True},
            {"kwalificatie": "25189", "min_intake": 20, "intake": None, "active": True},
        ],
        "selection": "cijfers_motivatie",
        "vmbo_diploma": True,
        "acceleration": "allen",
        "acceleration_note": (
            "TL + mbo 4 + hbo in tien jaar; de vierjarige mbo-opleiding in drie jaar (behalve ICT)."
        ),
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": 2,
        "study_duration_years": 4,
        "onderwijstijd_hours": 4000,
        "onderwijstijd_deviation": (
            "Versneld: leerjaar 2 en 3 in elkaar geschoven en mbo 4 in drie jaar (behalve ICT)."
        ),
        "mr_consent_on": None,
        "route_years": [
            {
                "route_year": 1,
                "vmbo_year": 3,
                "days_at_mbo": 1,
                "days_bpv": 0,
                "teaching_location": "mbo",
                "teaching_by": "mbo",
                "note": (
                    "Omarmingsconstructie: op vrijdag naar Da Vinci; examen in vier vakken eind leerjaar 3."
                ),
            },
            {
                "route_year": 2,
                "vmbo_year": 4,
                "days_at_mbo": 4,
                "days_bpv": 0,
                "teaching_location": "mbo",
                "teaching_by": "mbo",
                "note": (
                    "Vier dagen mbo, één dag vmbo, in blokken van 10 weken; examen in drie vakken eind "
                    "leerjaar 4, daarna stage."
                ),
            },
            {
                "route_year": 3,
                "vmbo_year": None,
                "days_at_mbo": 4,
                "days_bpv": 1,
                "teaching_location": "mbo",
                "teaching_by": "mbo",
                "note": "Mbo 4 (Gebouwde omgeving, ICT of middenkader Engineering), versneld.",
            },
            {
                "route_year": 4,
                "vmbo_year": None,
                "days_at_mbo": 4,
                "days_bpv": 1,
                "teaching_location": "mbo",
                "teaching_by": "mbo",
                "note": "Laatste mbo-jaar; doorstroom naar het hbo.",
            },
        ],
        "integrated_exam": False,
        "pta_oer": "PTA De Uilenhof en Insula College; OER Da Vinci (versnelde route)",
        "settlement_model": "M2",
        "reported_students": 22,
        "targets": [{"kpi": "K-09", "parameter": "", "operator": ">=", "value": 20}],
        "contacts": [
            {"institution": "uilenhof", "role": "teamleider", "name": "Schoolleider De Uilenhof"},
            {
                "institution": "da-vinci",
                "role": "teamleider",
                "name": "Domeinleider Gebouwde omgeving Da Vinci",
            },
            {"institution": "da-vinci", "role": "teamleider", "name": "Contactpersoon ICT Da Vinci"},
            {
                "institution": "da-vinci",
                "role": "teamleider",
                "name": "Contactpersoon middenkader Engineering Da Vinci",
            },
            {"institution": "da-vinci", "role": "bestuurder", "name": "Beleidsmedewerker vo-mbo Da Vinci"},
        ],
        "last_partner_meeting": "2026-06-11",
        "components": [
            {
                "name": "Mbo-techniekprogramma (omarmingsdag en leerjaar 4)",
                "covered_by": "Docenten Da Vinci (Gebouwde omgeving, ICT, middenkader Engineering)",
            },
            {"name": "Vmbo-TL-vakken en examen", "covered_by": "Docenten De Uilenhof en Insula College"},
        ],
        "description": (
            "Een versnelde 'omarmingsroute' voor praktisch ingestelde TL-leerlingen met belangstelling voor "
            "techniek: in leerjaar 3 één dag en in leerjaar 4 vier dagen per week onderwijs op Da Vinci, "
            "daarna mbo 4 in drie jaar. De vo-scholen betalen Da Vinci 1/5 van de bekostiging van een "
            "leerling in leerjaar 3 en 4/5 in leerjaar 4. Een cohort telt 20-25 leerlingen; onder de 20 "
            "(voor de hele TL-groep, niet per richting) is de route financieel niet haalbaar. Naast De "
            "Uilenhof biedt ook het Insula College in Dordrecht de route."
        ),
        "source": "seed 000, portret TOT-route en vergelijkingstabel",
    },
    {
        "key": "wvo-kwic",
        "name": (
            "Versnelde vakmanschapsroute Mobiliteit en Transport Willem van Oranje College - Koning Willem I "
            "College"
        ),
        "type": "doorlopend",
        "programme_label": "VMR (versnelde route)",
        "region": "rmc-west-brabant",
        "phase": "regulier",
        "phase_history": [
            {
                "phase": "eerste_cohort",
                "since": "2003-08-01",
                "note": (
                    "Docenten van WvO en KWIC leggen de boeken naast elkaar (80% overlap) en ontwerpen de "
                    "versnelde route; eerst een handvol leerlingen."
                ),
            },
            {
                "phase": "regulier",
                "since": "2014-08-01",
                "note": (
                    "Opgeschaald naar vier vmbo's; vakmanschapsroute binnen Toptechniek in Bedrijf "
                    "Noordoost-Brabant, met samenwerkingsovereenkomst (datum indicatief)."
                ),
            },
        ],
        "start_year": 2003,
        "end_date": None,
        "partners": [
            {
                "institution": "wvo",
                "role": "vo",
                "location": "00",
                "joined_on": "2003-08-01",
                "rio_registered_on": "2020-10-01",
            },
            {
                "institution": "vmr-mt-b",
                "role": "vo",
                "location": "00",
                "joined_on": "2014-08-01",
                "rio_registered_on": "2020-10-01",
            },
            {
                "institution": "vmr-mt-c",
                "role": "vo",
                "location": "00",
                "joined_on": "2014-08-01",
                "rio_registered_on": "2020-10-01",
            },
            {
                "institution": "vmr-mt-d",
                "role": "vo",
                "location": "00",
                "joined_on": "2014-08-01",
                "rio_registered_on": "2020-10-01",
            },
            {
                "institution": "kwic",
                "role": "mbo",
                "location": "01",
                "joined_on": "2003-08-01",
                "rio_registered_on": "2020-10-01",
            },
        ],
        "profielen": ["M&T"],
        "leerwegen": ["BB", "KB"],
        "uitstroomrichtingen": [
            {"kwalificatie": "25242", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25244", "min_intake": None, "intake": None, "active": True},
        ],
        "selection": "cijfers_motivatie",
        "vmbo_diploma": True,
        "acceleration": "allen",
        "acceleration_note": (
            "Zevenweekse blok na het vmbo-examen rondt mbo-leerjaar 1 af; instroom in leerjaar 2 (diploma "
            "twee jaar jonger)."
        ),
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": 2,
        "study_duration_years": 4,
        "onderwijstijd_hours": 4000,
        "onderwijstijd_deviation": (
            "Eerste mbo-leerjaar in zeven weken direct na het vmbo-examen (zomerperiode)."
        ),
        "mr_consent_on": None,
        "route_years": [
            {
                "route_year": 1,
                "vmbo_year": 3,
                "days_at_mbo": 0,
                "days_bpv": 0,
                "teaching_location": "vo",
                "teaching_by": "vo",
                "note": "Gerichte voorbereiding; drie van de vier keuzevakken vastgelegd.",
            },
            {
                "route_year": 2,
                "vmbo_year": 4,
                "days_at_mbo": 3,
                "days_bpv": 2,
                "teaching_location": "mbo",
                "teaching_by": "mbo",
                "note": (
                    "Alleen in het zevenweekse blok direct na het vmbo-examen: 2 dagen stage, 3 dagen mbo; "
                    "alle eisen van mbo-leerjaar 1."
                ),
            },
            {
                "route_year": 3,
                "vmbo_year": None,
                "days_at_mbo": 3,
                "days_bpv": 2,
                "teaching_location": "mbo",
                "teaching_by": "mbo",
                "note": "Mbo-leerjaar 2 (Autotechnicus), BOL of BBL.",
            },
            {
                "route_year": 4,
                "vmbo_year": None,
                "days_at_mbo": 3,
                "days_bpv": 2,
                "teaching_location": "mbo",
                "teaching_by": "mbo",
                "note": "Mbo-leerjaar 3 (Eerste autotechnicus); praktijk zo nodig een half jaar langer.",
            },
        ],
        "integrated_exam": False,
        "pta_oer": "PTA vmbo-scholen (M&T); OER Koning Willem I College, versnelde route",
        "settlement_model": "M5",
        "reported_students": 15,
        "targets": [],
        "contacts": [
            {
                "institution": "kwic",
                "role": "kartrekker",
                "name": "Mbo-docent Mobiliteit en Logistiek KWIC (spil en mentor van de route)",
            },
        ],
        "last_partner_meeting": "2026-09-17",
        "components": [
            {
                "name": "Zevenweekse mbo-blok (eerste leerjaar Autotechnicus)",
                "covered_by": "Mbo-docent Mobiliteit KWIC",
            },
            {
                "name": "Vmbo-voorbereiding M&T (drie vaste keuzevakken)",
                "covered_by": "Docenten autotechniek vmbo-scholen",
            },
        ],
        "description": (
            "Excellente basis- en kaderleerlingen autotechniek van vier vmbo's ronden na het vmbo-examen in "
            "zeven weken het eerste mbo-leerjaar af en stromen na de zomer in leerjaar 2 van Autotechnicus "
            "(2) of Eerste autotechnicus (3) in. Jarenlang lag er geen overeenkomst onder de route; die kwam "
            "er pas met de VMR. De mbo-docent is de spil: hij plant, geeft les en is mentor. Alle deelnemers "
            "halen hun diploma."
        ),
        "source": "seed 000, portret WvO-KWIC en vergelijkingstabel",
    },
    {
        "key": "nassau-drenthe-college",
        "name": "Doorlopende leerlijnen vmbo-mbo BB/KB Dr. Nassau College - Drenthe College",
        "type": "gedeeltelijk",
        "programme_label": "Doorlopende leerlijnen (project)",
        "region": "rmc-noord-midden-drenthe",
        "phase": "regulier",
        "phase_history": [
            {
                "phase": "eerste_cohort",
                "since": "2013-08-01",
                "note": (
                    "Samenwerkingsproject met Drenthe College gestart vanuit de vijf vakcolleges (ca. vijf "
                    "jaar vóór 2018)."
                ),
            },
            {
                "phase": "regulier",
                "since": "2016-08-01",
                "note": "Vijf eigen routes per profiel; projectleiders blijven nodig (datum indicatief).",
            },
        ],
        "start_year": 2013,
        "end_date": None,
        "partners": [
            {
                "institution": "nassau",
                "role": "vo",
                "location": None,
                "joined_on": "2013-08-01",
                "rio_registered_on": None,
            },
            {
                "institution": "drenthe-college",
                "role": "mbo",
                "location": "00",
                "joined_on": "2013-08-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": ["E&O", "PIE", "Z&W", "HBR", "BWI"],
        "leerwegen": ["BB", "KB"],
        "uitstroomrichtingen": [
            {"kwalificatie": "25167", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25333", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25498", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25180", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25128", "min_intake": None, "intake": None, "active": True},
        ],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "optioneel",
        "acceleration_note": (
            "Alleen waar het de leerling helpt; bij E&O versnelde instroom in mbo-leerjaar 2."
        ),
        "start_vmbo_year": 2,
        "vmbo_exam_route_year": 3,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [
            {
                "route_year": 1,
                "vmbo_year": 2,
                "days_at_mbo": 0.5,
                "days_bpv": 0,
                "teaching_location": "gemengd",
                "teaching_by": "team",
                "note": (
                    "Ca. een dagdeel per week: ontmoeting, speeddates, meelopen met een student van het "
                    "Drenthe College."
                ),
            },
            {
                "route_year": 2,
                "vmbo_year": 3,
                "days_at_mbo": 0.5,
                "days_bpv": 0,
                "teaching_location": "gemengd",
                "teaching_by": "team",
                "note": "Gezamenlijke activiteiten per profiel (restaurantavonden, bouwprojecten).",
            },
            {
                "route_year": 3,
                "vmbo_year": 4,
                "days_at_mbo": 0.5,
                "days_bpv": 0,
                "teaching_location": "gemengd",
                "teaching_by": "team",
                "note": (
                    "E&O: enkele leerlingen volgen een programma op het mbo voor versnelde instroom in "
                    "mbo-leerjaar 2."
                ),
            },
        ],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "M5",
        "reported_students": 110,
        "targets": [],
        "contacts": [
            {
                "institution": "nassau",
                "role": "projectleider",
                "name": "Projectleider doorlopende leerlijn mbo Dr. Nassau College",
            },
            {
                "institution": "drenthe-college",
                "role": "projectleider",
                "name": "Projectleider vmbo-mbo Drenthe College",
            },
        ],
        "last_partner_meeting": "2026-10-14",
        "components": [],
        "description": (
            "Alle basis- en kaderleerlingen van het Dr. Nassau College doen mee aan een samenwerkingsproject "
            "met het Drenthe College vanuit vijf profielen, elk met een eigen route die bij de cultuur van "
            "de richting past. De samenwerking begint in leerjaar 2; het plan om al in leerjaar 3 te "
            "examineren is verlaten. Twee projectleiders buiten de lijn (vmbo en mbo) en ontwikkelgroepen "
            "van docenten dragen het project; leerlingen halen gewoon hun vmbo-diploma."
        ),
        "source": "seed 000, portret Dr. Nassau College en vergelijkingstabel",
    },
    {
        "key": "het-element-routes",
        "name": "Doorlopende routes Het Element - ROC Midden Nederland, MBO Amersfoort en Rijn IJssel",
        "type": "doorlopend",
        "programme_label": "Doorlopende routes (7 profielen)",
        "region": "rmc-eem-en-vallei",
        "phase": "regulier",
        "phase_history": [
            {
                "phase": "eerste_cohort",
                "since": "2011-08-01",
                "note": (
                    "Samenwerking met ROC Midden Nederland en MBO Amersfoort gestart (zevende jaar in 2018); "
                    "Rijn IJssel sloot later aan."
                ),
            },
            {
                "phase": "regulier",
                "since": "2013-08-01",
                "note": "Convenanten met prijsafspraken voor alle routes (datum indicatief).",
            },
        ],
        "start_year": 2011,
        "end_date": None,
        "partners": [
            {
                "institution": "het-element",
                "role": "vo",
                "location": None,
                "joined_on": "2011-08-01",
                "rio_registered_on": "2020-10-01",
            },
            {
                "institution": "roc-mn",
                "role": "mbo",
                "location": "01",
                "joined_on": "2011-08-01",
                "rio_registered_on": "2020-10-01",
            },
            {
                "institution": "mbo-amersfoort",
                "role": "mbo",
                "location": "01",
                "joined_on": "2011-08-01",
                "rio_registered_on": "2020-10-01",
            },
            {
                "institution": "rijn-ijssel",
                "role": "mbo",
                "location": "01",
                "joined_on": "2013-08-01",
                "rio_registered_on": "2020-10-01",
            },
        ],
        "profielen": ["BWI", "PIE", "M&T", "D&P", "E&O", "Z&W", "HBR"],
        "leerwegen": ["BB", "KB"],
        "uitstroomrichtingen": [
            {"kwalificatie": "25128", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25118", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25333", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25332", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25242", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25244", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25147", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25167", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25162", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25486", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25480", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25400", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25180", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25173", "min_intake": None, "intake": None, "active": True},
        ],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "optioneel",
        "acceleration_note": (
            "BB: mbo 2 in vijf jaar; KB: oriëntatiejaar en gegarandeerde instroom op niveau 4; soms een jaar "
            "winst."
        ),
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": 2,
        "study_duration_years": 3,
        "onderwijstijd_hours": 3000,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [
            {
                "route_year": 1,
                "vmbo_year": 3,
                "days_at_mbo": 0,
                "days_bpv": 0,
                "teaching_location": "vo",
                "teaching_by": "vo",
                "note": "Praktijkexamen (CSPE) in leerjaar 3 om ruimte te maken in leerjaar 4.",
            },
            {
                "route_year": 2,
                "vmbo_year": 4,
                "days_at_mbo": 1,
                "days_bpv": 1,
                "teaching_location": "mbo",
                "teaching_by": "mbo",
                "note": (
                    "Dinsdag of donderdag naar het mbo (theorie en bij voorkeur praktijk) en één dag stage "
                    "bij een erkend leerbedrijf; de eerste drie weken gaat een vmbo-docent mee."
                ),
            },
            {
                "route_year": 3,
                "vmbo_year": None,
                "days_at_mbo": 3,
                "days_bpv": 2,
                "teaching_location": "mbo",
                "teaching_by": "mbo",
                "note": "Mbo-leerjaar op de goede plek, met of zonder versnelling.",
            },
        ],
        "integrated_exam": False,
        "pta_oer": "PTA Het Element; OER per mbo-partner en per crebo",
        "settlement_model": "M3",
        "reported_students": 300,
        "targets": [],
        "contacts": [
            {
                "institution": "het-element",
                "role": "kartrekker",
                "name": "Directeur Het Element (architect van de samenwerking)",
            },
            {"institution": "het-element", "role": "kerndocent", "name": "Profieldocent PIE Het Element"},
            {"institution": "het-element", "role": "kerndocent", "name": "Profieldocent Z&W Het Element"},
            {
                "institution": "het-element",
                "role": "bpv_coordinator",
                "name": "Coördinator meetingpoint stages Het Element",
            },
            {
                "institution": "roc-mn",
                "role": "kerndocent",
                "name": "Coördinator mbo-route Economie en Ondernemen ROC Midden Nederland",
            },
            {
                "institution": "mbo-amersfoort",
                "role": "kerndocent",
                "name": "Coördinator mbo-route techniek MBO Amersfoort",
            },
            {
                "institution": "rijn-ijssel",
                "role": "kerndocent",
                "name": "Coördinator mbo-route Vakschool Wageningen",
            },
        ],
        "last_partner_meeting": "2026-10-01",
        "components": [
            {
                "name": "Leerlijn techniek BWI/PIE/M&T (leerjaar 4, mbo-dag)",
                "covered_by": "Onderwijsontwikkelaar per crebo MBO Amersfoort en profieldocent Het Element",
            },
            {"name": "Leerlijn E&O detailhandel en verkoop", "covered_by": "Docenten ROC Midden Nederland"},
            {"name": "Leerlijn Z&W niveau 3 en 4", "covered_by": "Docenten ROC Midden Nederland"},
            {"name": "Leerlijn HBR (Leerhotel)", "covered_by": "Docenten MBO Amersfoort, Leerhotel"},
            {
                "name": "Stage als BPV bij erkende leerbedrijven",
                "covered_by": "Coördinator meetingpoint Het Element",
            },
        ],
        "description": (
            "Alle ca. 300 vierdejaars basis- en kaderleerlingen van Het Element (twee locaties) volgen "
            "vanuit zeven profielen routes naar zo'n 24 mbo-kwalificaties bij drie mbo-instellingen, in "
            "groepjes van ongeveer 20. Het Element betaalt € 50 per uur per mbo-docent, in totaal zo'n twee "
            "ton per jaar, uit de eigen vmbo-bekostiging; 'spijkerharde' convenanten met prijsafspraken "
            "liggen eronder. Het switchgedrag daalde tot 6% en vsv komt nagenoeg niet meer voor. De "
            "uitstroomrichtingen hier zijn een representatieve selectie."
        ),
        "source": "seed 000, portret Het Element en vergelijkingstabel",
    },
    # -- Portretten (seed 001, ca. 2013); Profijt staat hierboven ----------------------------------
    {
        "key": "het-perron-veenendaal",
        "name": "Doorlopende leerlijnen Het Perron (CSV - ROC A12), Veenendaal",
        "type": "doorlopend",
        "programme_label": "Unilocatie (VM2/VMR)",
        "region": "rmc-gelderse-vallei",
        "phase": "regulier",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2007-07-01",
                "note": (
                    "Convenant CSV - ROC A12 en projectplan 'Ambitie, vertrouwen, realisme' (datum "
                    "indicatief)."
                ),
            },
            {
                "phase": "eerste_cohort",
                "since": "2010-08-01",
                "note": "Unilocatie Het Perron in gebruik: vmbo, praktijkonderwijs en mbo in één gebouw.",
            },
            {
                "phase": "regulier",
                "since": "2013-01-01",
                "note": "Stand volgens het portret (ca. 2013): vierde schooljaar op één locatie.",
            },
        ],
        "start_year": 2010,
        "end_date": None,
        "partners": [
            {
                "institution": "csv-perron",
                "role": "vo",
                "location": "00",
                "joined_on": "2007-07-01",
                "rio_registered_on": "2020-10-01",
            },
            {
                "institution": "roc-a12",
                "role": "mbo",
                "location": "01",
                "joined_on": "2007-07-01",
                "rio_registered_on": "2020-10-01",
            },
        ],
        "profielen": ["M&T", "E&O", "Z&W"],
        "leerwegen": ["BB", "KB"],
        "uitstroomrichtingen": [
            {"kwalificatie": "25242", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25167", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25498", "min_intake": None, "intake": None, "active": True},
        ],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "optioneel",
        "acceleration_note": (
            "Bij economie sluiten de VM2-trajecten een jaar eerder af met een startkwalificatie."
        ),
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": 2,
        "study_duration_years": 3,
        "onderwijstijd_hours": 3000,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [
            {
                "route_year": 1,
                "vmbo_year": 3,
                "days_at_mbo": 0,
                "days_bpv": 1,
                "teaching_location": "gemengd",
                "teaching_by": "team",
                "note": (
                    "Mobiliteit: verticaal vmbo-mbo-team in dezelfde praktijkruimte; stages afgestemd via "
                    "één accountmanager."
                ),
            },
            {
                "route_year": 2,
                "vmbo_year": 4,
                "days_at_mbo": 0,
                "days_bpv": 1,
                "teaching_location": "gemengd",
                "teaching_by": "team",
                "note": "Zelfde methode, opbouw en terminologie als in het mbo.",
            },
            {
                "route_year": 3,
                "vmbo_year": None,
                "days_at_mbo": 3,
                "days_bpv": 2,
                "teaching_location": "mbo",
                "teaching_by": "mbo",
                "note": "Mbo 2 op dezelfde locatie; niveau 3-4 minstens één opleiding per domein.",
            },
        ],
        "integrated_exam": False,
        "pta_oer": "PTA CSV; OER ROC A12",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {
                "institution": "csv-perron",
                "role": "teamleider",
                "name": "Plaatsvervangend directeur CSV Het Perron",
            },
            {
                "institution": "roc-a12",
                "role": "teamleider",
                "name": "Locatieverantwoordelijke ROC A12 Het Perron",
            },
            {
                "institution": "roc-a12",
                "role": "bpv_coordinator",
                "name": "Accountmanager bedrijven Het Perron",
            },
        ],
        "last_partner_meeting": "2026-11-16",
        "components": [
            {
                "name": "Mobiliteit: beroepsgericht vmbo en Autotechnicus (mbo 2)",
                "covered_by": "Verticaal team vmbo- en mbo-docenten; werkplaatsmanager ROC A12",
            },
            {"name": "Taal en rekenen (doorlopende methode)", "covered_by": "Docenten CSV en ROC A12"},
        ],
        "description": (
            "CSV en ROC A12 huisvesten sinds 2010 vmbo, praktijkonderwijs en mbo (1.600 leerlingen) in één "
            "gebouw in Veenendaal. Bij mobiliteit werkt een verticaal team van vmbo- en mbo-docenten met "
            "dezelfde praktijkruimte en methode; bij handel en helpende zorg en welzijn groeit de "
            "samenwerking via de VM2-trajecten. Er is bewust weinig op papier geregeld; het wekelijkse "
            "Perronoverleg houdt de directies op de hoogte."
        ),
        "source": "seed 001, portret Het Perron",
    },
    {
        "key": "kandinsky-vm2",
        "name": "VM2-route Kandinsky College - ROC Nijmegen",
        "type": "experiment",
        "programme_label": "VM2",
        "region": "rmc-rijk-van-nijmegen",
        "phase": "gestopt",
        "phase_history": [
            {
                "phase": "eerste_cohort",
                "since": "2008-08-01",
                "note": "Een van de eerste scholen met een VM2-traject; gemengd team vmbo- en mbo-docenten.",
            },
            {
                "phase": "regulier",
                "since": "2011-08-01",
                "note": "Stuurgroep en ontwikkelgroep; samenwerking met zeven ROC-teams (datum indicatief).",
            },
            {
                "phase": "gestopt",
                "since": "2016-08-01",
                "note": (
                    "Landelijk geen nieuwe VM2-cohorten meer (sinds 2013); laatste cohort afgerond (datum "
                    "indicatief)."
                ),
            },
        ],
        "start_year": 2008,
        "end_date": "2016-07-31",
        "partners": [
            {
                "institution": "kandinsky",
                "role": "vo",
                "location": "00",
                "joined_on": "2008-08-01",
                "rio_registered_on": None,
            },
            {
                "institution": "roc-nijmegen",
                "role": "mbo",
                "location": "01",
                "joined_on": "2008-08-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": ["Z&W"],
        "leerwegen": ["BB"],
        "uitstroomrichtingen": [
            {"kwalificatie": "25400", "min_intake": None, "intake": None, "active": False},
        ],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": 2,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [
            {
                "route_year": 1,
                "vmbo_year": 3,
                "days_at_mbo": 0,
                "days_bpv": 0,
                "teaching_location": "vo",
                "teaching_by": "team",
                "note": "Keuzemodules met mbo-docenten: sectoroverstijgende oriëntatie.",
            },
            {
                "route_year": 2,
                "vmbo_year": 4,
                "days_at_mbo": 0,
                "days_bpv": 1,
                "teaching_location": "vo",
                "teaching_by": "team",
                "note": "Vmbo-diploma met steun; gemengd team.",
            },
            {
                "route_year": 3,
                "vmbo_year": None,
                "days_at_mbo": 0,
                "days_bpv": 2,
                "teaching_location": "gemengd",
                "teaching_by": "team",
                "note": "Vanaf leerjaar 5 geleidelijk naar het mbo; definitieve crebo-keuze in januari.",
            },
        ],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {"institution": "kandinsky", "role": "teamleider", "name": "Adjunct-directeur Kandinsky College"},
            {"institution": "roc-nijmegen", "role": "teamleider", "name": "Teammanager ROC Nijmegen (VM2)"},
        ],
        "last_partner_meeting": None,
        "components": [],
        "description": (
            "Het Kandinsky College startte in 2008 als een van de eerste scholen een VM2-route met ROC "
            "Nijmegen, met een gemengd team van vmbo- en mbo-docenten die samen verantwoordelijk zijn voor "
            "de opleiding. Leerlingen maken pas in januari van leerjaar 5 hun definitieve crebo-keuze, wat "
            "het switchen sterk verminderde; velen gaan daarna naar bbl 3 bij hun stagebedrijf. Toen er "
            "landelijk geen VM2-cohorten meer startten, kon de samenwerking alleen als vakmanschapsroute "
            "verder."
        ),
        "source": "seed 001, portret Kandinsky College",
    },
    {
        "key": "newman-beta-challenge",
        "name": "Bèta Challenge Newmancollege - Radius College",
        "type": "gedeeltelijk",
        "programme_label": "Bèta Challenge",
        "region": "rmc-west-brabant",
        "phase": "in_ontwikkeling",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2012-08-01",
                "note": (
                    "Pilot Bèta Challenge voor mavo-leerlingen; gesprekken met Radius College (stand ca. "
                    "2013)."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "newman",
                "role": "vo",
                "location": "00",
                "joined_on": "2012-08-01",
                "rio_registered_on": None,
            },
            {
                "institution": "radius",
                "role": "mbo",
                "location": "01",
                "joined_on": "2012-08-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": [],
        "leerwegen": ["TL"],
        "uitstroomrichtingen": [
            {"kwalificatie": "25201", "min_intake": None, "intake": None, "active": True},
        ],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "optioneel",
        "acceleration_note": "Leerlijn leerjaar 2-4 met mogelijke leerwinst voor wie dat wil.",
        "start_vmbo_year": 2,
        "vmbo_exam_route_year": 3,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [
            {
                "route_year": 1,
                "vmbo_year": 2,
                "days_at_mbo": 0,
                "days_bpv": 0,
                "teaching_location": "vo",
                "teaching_by": "vo",
                "note": "Drie blokken van 70 minuten per week; opdrachten van bedrijven en instellingen.",
            },
            {
                "route_year": 2,
                "vmbo_year": 3,
                "days_at_mbo": 0,
                "days_bpv": 0,
                "teaching_location": "gemengd",
                "teaching_by": "team",
                "note": "Vier projecten, workshops en gastlessen; schakelmodules op het ROC.",
            },
            {
                "route_year": 3,
                "vmbo_year": 4,
                "days_at_mbo": 0,
                "days_bpv": 0,
                "teaching_location": "vo",
                "teaching_by": "team",
                "note": "Docenten van Radius beoordelen het centraal praktisch examen mee.",
            },
        ],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {"institution": "newman", "role": "kartrekker", "name": "Conrector Newmancollege"},
            {
                "institution": "radius",
                "role": "teamleider",
                "name": "Directeur Radius College (mediavormgeving)",
            },
        ],
        "last_partner_meeting": "2026-09-09",
        "components": [],
        "description": (
            "Het Newmancollege ontwikkelt met het Bèta Challenge-programma een 'technasium' voor "
            "mavo-leerlingen dat theorie en praktijk koppelt, aansluit op het mbo en perspectief biedt op "
            "het hbo. Een werkgroep van twee docenten van Newman en twee van Radius stroomlijnt audiovisuele "
            "vormgeving met mediavormgeving. Het programma loopt vanaf leerjaar 2; het is (nog) geen "
            "doorlopende leerroute in de zin van de wet."
        ),
        "source": "seed 001, portret Newmancollege",
    },
    {
        "key": "metameer-roc-nijmegen",
        "name": "Intersectoraal programma Metameer - ROC Nijmegen",
        "type": "gestapeld",
        "programme_label": "Intersectoraal programma",
        "region": "rmc-noordoost-brabant",
        "phase": "regulier",
        "phase_history": [
            {
                "phase": "regulier",
                "since": "2013-01-01",
                "note": (
                    "Stand volgens het portret (ca. 2013): natuurlijke samenwerking na een kleine, concrete "
                    "start."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "metameer",
                "role": "vo",
                "location": "00",
                "joined_on": None,
                "rio_registered_on": None,
            },
            {
                "institution": "roc-nijmegen",
                "role": "mbo",
                "location": "01",
                "joined_on": None,
                "rio_registered_on": None,
            },
        ],
        "profielen": [],
        "leerwegen": ["BB", "KB", "GL", "TL"],
        "uitstroomrichtingen": [],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": 2,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [
            {
                "route_year": 1,
                "vmbo_year": 3,
                "days_at_mbo": 0,
                "days_bpv": 0,
                "teaching_location": "vo",
                "teaching_by": "vo",
                "note": "Breed intersectoraal programma in vier thema's.",
            },
            {
                "route_year": 2,
                "vmbo_year": 4,
                "days_at_mbo": 0,
                "days_bpv": 0,
                "teaching_location": "vo",
                "teaching_by": "vo",
                "note": (
                    "Uitstroomvariant 'technologie & commercie' of 'commercie & dienstverlening'; meeloopdag "
                    "via 'Kiezen op maat'."
                ),
            },
        ],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {"institution": "metameer", "role": "teamleider", "name": "Teamleider bovenbouw vmbo Metameer"},
            {"institution": "metameer", "role": "decaan", "name": "Decaan Metameer"},
        ],
        "last_partner_meeting": "2026-10-06",
        "components": [],
        "description": (
            "Metameer, een jenaplanschool in Boxmeer (900 leerlingen), biedt een intersectoraal programma; "
            "als voorwaarde voor dat experiment sloot de school een convenant met ROC Nijmegen. De "
            "vmbo-school verzorgt de basiscompetenties, het mbo 'leert ze het beroep'. Alle leerlingen "
            "verlaten de school met diploma; de meesten gaan naar een bol-opleiding op niveau 3 of 4."
        ),
        "source": "seed 001, portret Metameer",
    },
    {
        "key": "focus-calvijn-vmr",
        "name": "Vakmanschapsroute Focus Calvijn (Focus Beroepsacademie) - Da Vinci College en Albeda",
        "type": "doorlopend",
        "programme_label": "VMR (aanvraag per BRIN)",
        "region": "rmc-rijnmond",
        "phase": "in_ontwikkeling",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2013-01-01",
                "note": (
                    "Samenwerkingsschool sinds 2009-10; lokaal opleidingscentrum met Da Vinci en Albeda in "
                    "voorbereiding (stand ca. 2013)."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "focus-calvijn",
                "role": "vo",
                "location": "00",
                "joined_on": None,
                "rio_registered_on": None,
            },
            {
                "institution": "da-vinci",
                "role": "mbo",
                "location": None,
                "joined_on": None,
                "rio_registered_on": None,
            },
            {
                "institution": "albeda",
                "role": "mbo",
                "location": "01",
                "joined_on": None,
                "rio_registered_on": None,
            },
        ],
        "profielen": ["Z&W", "M&T"],
        "leerwegen": ["BB", "KB"],
        "uitstroomrichtingen": [
            {"kwalificatie": "25251", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25254", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25498", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25371", "min_intake": None, "intake": None, "active": True},
        ],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": None,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {"institution": "focus-calvijn", "role": "kartrekker", "name": "Afdelingsleider Focus Calvijn"},
            {
                "institution": "da-vinci",
                "role": "teamleider",
                "name": "Contactpersoon lokaal opleidingscentrum Da Vinci",
            },
            {
                "institution": "albeda",
                "role": "teamleider",
                "name": "Contactpersoon lokaal opleidingscentrum Albeda",
            },
        ],
        "last_partner_meeting": "2026-10-20",
        "components": [],
        "description": (
            "Focus Beroepsacademie is een samenwerkingsschool van CSG Calvijn en het Dalton Lyceum in "
            "Barendrecht. Met Da Vinci en Albeda wordt een lokaal opleidingscentrum gevormd; de inhuizing "
            "van het mbo richt zich op trajecten naar niveau 1 en 2. Omdat beide scholen een eigen BRIN "
            "hebben, moet elk een eigen aanvraag voor de vakmanschapsroute indienen. De uitstroomrichtingen "
            "zijn indicatief."
        ),
        "source": "seed 001, portret Focus Beroepsacademie",
    },
    {
        "key": "focus-dalton-vmr",
        "name": "Vakmanschapsroute Focus Dalton (Focus Beroepsacademie) - Da Vinci College en Albeda",
        "type": "doorlopend",
        "programme_label": "VMR (aanvraag per BRIN)",
        "region": "rmc-rijnmond",
        "phase": "in_ontwikkeling",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2013-01-01",
                "note": (
                    "Samenwerkingsschool sinds 2009-10; lokaal opleidingscentrum met Da Vinci en Albeda in "
                    "voorbereiding (stand ca. 2013)."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "focus-dalton",
                "role": "vo",
                "location": "00",
                "joined_on": None,
                "rio_registered_on": None,
            },
            {
                "institution": "da-vinci",
                "role": "mbo",
                "location": None,
                "joined_on": None,
                "rio_registered_on": None,
            },
            {
                "institution": "albeda",
                "role": "mbo",
                "location": "01",
                "joined_on": None,
                "rio_registered_on": None,
            },
        ],
        "profielen": ["E&O", "MVI", "HBR"],
        "leerwegen": ["BB", "KB"],
        "uitstroomrichtingen": [
            {"kwalificatie": "25257", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25167", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25192", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25180", "min_intake": None, "intake": None, "active": True},
        ],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": None,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {"institution": "focus-dalton", "role": "kartrekker", "name": "Afdelingsleider Focus Dalton"},
            {
                "institution": "da-vinci",
                "role": "teamleider",
                "name": "Contactpersoon lokaal opleidingscentrum Da Vinci",
            },
            {
                "institution": "albeda",
                "role": "teamleider",
                "name": "Contactpersoon lokaal opleidingscentrum Albeda",
            },
        ],
        "last_partner_meeting": "2026-10-20",
        "components": [],
        "description": (
            "Focus Beroepsacademie is een samenwerkingsschool van CSG Calvijn en het Dalton Lyceum in "
            "Barendrecht. Met Da Vinci en Albeda wordt een lokaal opleidingscentrum gevormd; de inhuizing "
            "van het mbo richt zich op trajecten naar niveau 1 en 2. Omdat beide scholen een eigen BRIN "
            "hebben, moet elk een eigen aanvraag voor de vakmanschapsroute indienen. De uitstroomrichtingen "
            "zijn indicatief."
        ),
        "source": "seed 001, portret Focus Beroepsacademie",
    },
    {
        "key": "calvijn-vm2-roc-top",
        "name": "VM2-route Calvijn met Junior College - ROC TOP",
        "type": "experiment",
        "programme_label": "VM2",
        "region": "rmc-amsterdam",
        "phase": "gestopt",
        "phase_history": [
            {
                "phase": "eerste_cohort",
                "since": "2008-08-01",
                "note": "Een van de eerste VM2-trajecten, onder één bestuur (Amarantis) met ROC TOP.",
            },
            {
                "phase": "regulier",
                "since": "2010-08-01",
                "note": "Enige overgebleven VM2-traject van de acht binnen Amarantis (datum indicatief).",
            },
            {
                "phase": "gestopt",
                "since": "2014-08-01",
                "note": (
                    "VM2-experiment afgelopen; geen nieuwe cohorten. Vervolg als Vakmanschapsroute met ROC "
                    "van Amsterdam (calvijn-vmr)."
                ),
            },
        ],
        "start_year": 2008,
        "end_date": "2014-07-31",
        "partners": [
            {
                "institution": "calvijn",
                "role": "vo",
                "location": "06",
                "joined_on": "2008-08-01",
                "rio_registered_on": None,
            },
            {
                "institution": "roc-top",
                "role": "mbo",
                "location": "01",
                "joined_on": "2008-08-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": [],
        "leerwegen": ["BB"],
        "uitstroomrichtingen": [],
        "selection": "alle",
        "vmbo_diploma": False,
        "acceleration": "optioneel",
        "acceleration_note": (
            "Gemiddeld binnen vijf jaar een startkwalificatie i.p.v. zes; sommigen in 4,5 jaar."
        ),
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": None,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [
            {
                "route_year": 1,
                "vmbo_year": 3,
                "days_at_mbo": 0,
                "days_bpv": 0,
                "teaching_location": "vo",
                "teaching_by": "team",
                "note": "Start in het Beroepscollege; afnemende sturing, studieloopbaanbegeleider.",
            },
            {
                "route_year": 2,
                "vmbo_year": 4,
                "days_at_mbo": 0,
                "days_bpv": 1,
                "teaching_location": "vo",
                "teaching_by": "team",
                "note": "Competentiegericht, in eigen tempo; geen vmbo-BB-examen.",
            },
            {
                "route_year": 3,
                "vmbo_year": None,
                "days_at_mbo": 0,
                "days_bpv": 2,
                "teaching_location": "vo",
                "teaching_by": "team",
                "note": "Mbo 2 op de vmbo-locatie tot de startkwalificatie.",
            },
        ],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {"institution": "calvijn", "role": "teamleider", "name": "Teammanager Beroepscollege Calvijn"},
            {"institution": "roc-top", "role": "teamleider", "name": "Contactpersoon VM2 ROC TOP"},
        ],
        "last_partner_meeting": None,
        "components": [],
        "description": (
            "Het Calvijn met Junior College voerde het VM2-traject uit met ROC TOP, onder één bestuur "
            "(Amarantis), en schrapte bewust het diploma basisberoepsgerichte leerweg. In één jaar behaalden "
            "120 leerlingen een mbo 2-diploma en stapte 96% over naar mbo 3; leerlingen bleven tot de "
            "startkwalificatie op de vmbo-locatie. Na afloop van het experiment ging de school verder met de "
            "vakmanschapsroute met ROC van Amsterdam."
        ),
        "source": "seed 001, portret Calvijn met Junior College",
    },
    {
        "key": "terra-groene-lyceum",
        "name": "Groene Lyceum AOC Terra (vmbo - mbo 4)",
        "type": "doorlopend",
        "programme_label": "Groene Lyceum",
        "region": "rmc-centraal-westelijk-groningen",
        "phase": "regulier",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2006-08-01",
                "note": "'Nulde jaar': vmbo- en mbo-docenten bouwen de opleiding samen met het hbo op.",
            },
            {"phase": "eerste_cohort", "since": "2007-08-01", "note": "Eerste leerlingen starten in Winsum."},
            {
                "phase": "regulier",
                "since": "2012-08-01",
                "note": "Op alle vestigingen identiek ingevoerd; ruim 500 leerlingen (datum indicatief).",
            },
        ],
        "start_year": 2007,
        "end_date": None,
        "partners": [
            {
                "institution": "terra-vo",
                "role": "vo",
                "location": "01",
                "joined_on": "2006-08-01",
                "rio_registered_on": "2020-10-01",
            },
            {
                "institution": "terra-mbo",
                "role": "mbo",
                "location": "01",
                "joined_on": "2006-08-01",
                "rio_registered_on": "2020-10-01",
            },
        ],
        "profielen": ["Groen"],
        "leerwegen": ["GL", "TL"],
        "uitstroomrichtingen": [
            {"kwalificatie": "99001", "min_intake": None, "intake": None, "active": True},
        ],
        "selection": "cijfers_motivatie",
        "vmbo_diploma": True,
        "acceleration": "allen",
        "acceleration_note": "Mbo 4 (Manager groene detailhandel) in vijf jaar; instroomrecht in het hbo.",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": 2,
        "study_duration_years": 3,
        "onderwijstijd_hours": 3000,
        "onderwijstijd_deviation": "Verkorte route: mbo 4 in vijf schooljaren; avo volgens de havo-leerlijn.",
        "mr_consent_on": None,
        "route_years": [
            {
                "route_year": 1,
                "vmbo_year": 3,
                "days_at_mbo": 0,
                "days_bpv": 0,
                "teaching_location": "vo",
                "teaching_by": "vo",
                "note": "Vmbo-examen in vijf vakken; avo volgens de havo-leerlijn; blokken van 120 minuten.",
            },
            {
                "route_year": 2,
                "vmbo_year": 4,
                "days_at_mbo": 0,
                "days_bpv": 0,
                "teaching_location": "vo",
                "teaching_by": "team",
                "note": (
                    "Vmbo-examen in twee vakken; daarna les van mbo-docenten of vmbo-docenten die meegaan."
                ),
            },
            {
                "route_year": 3,
                "vmbo_year": None,
                "days_at_mbo": 4,
                "days_bpv": 1,
                "teaching_location": "mbo",
                "teaching_by": "mbo",
                "note": "Leerjaar 5 op het mbo als homogene groep; diplomering op één crebo.",
            },
        ],
        "integrated_exam": False,
        "pta_oer": "PTA/OER Groene Lyceum AOC Terra",
        "settlement_model": "M5",
        "reported_students": 500,
        "targets": [],
        "contacts": [
            {
                "institution": "terra-vo",
                "role": "projectleider",
                "name": "Projectleider Groene Lyceum AOC Terra",
            },
            {
                "institution": "terra-mbo",
                "role": "kerndocent",
                "name": "Opleidingscoördinator Groene Lyceum mbo Terra",
            },
            {
                "institution": "terra-vo",
                "role": "kerndocent",
                "name": "Opleidingscoördinator Groene Lyceum vmbo Terra",
            },
        ],
        "last_partner_meeting": "2026-11-10",
        "components": [
            {
                "name": "Vmbo-examenvakken (leerjaar 3-4, havo-leerlijn avo)",
                "covered_by": "Docenten vmbo AOC Terra",
            },
            {
                "name": "Mbo-programma Manager groene detailhandel (leerjaar 4-5)",
                "covered_by": "Docenten mbo AOC Terra en meegaande vmbo-docenten (eerstegraads)",
            },
        ],
        "description": (
            "Het Groene Lyceum is een verkorte vmbo-mbo-leerlijn voor praktisch ingestelde "
            "havo/vwo-leerlingen: het vmbo-examen valt in leerjaar 3 en 4, leerjaar 5 is op het mbo en leidt "
            "tot mbo 4 met instroomrecht in het hbo. Alle leerlingen worden op hetzelfde brede crebo "
            "gediplomeerd: Manager groene detailhandel. Omdat één bestuur vmbo en mbo verzorgt, geldt een "
            "interne regeling in plaats van een samenwerkingsovereenkomst."
        ),
        "source": "seed 001, portret AOC Terra Groene Lyceum",
    },
    # -- Leerlabs (seed 004, 2023): samenwerkingen in ontwikkeling ---------------------------------
    {
        "key": "leerlab-noord-west-veluwe",
        "name": "Leerlab Noord-West Veluwe",
        "type": "gedeeltelijk",
        "programme_label": "Leerlab",
        "region": "rmc-noord-west-veluwe",
        "phase": "in_ontwikkeling",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2022-09-01",
                "note": (
                    "Start leerlab doorlopende leerroutes (Sterk Beroepsonderwijs, schooljaar 2022-23; datum "
                    "indicatief)."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "leerlab-noord-west-veluwe-vo",
                "role": "vo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
            {
                "institution": "leerlab-noord-west-veluwe-mbo",
                "role": "mbo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": [],
        "leerwegen": [],
        "uitstroomrichtingen": [],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": None,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {
                "institution": "leerlab-noord-west-veluwe-vo",
                "role": "kartrekker",
                "name": "Trekker leerlab (vo)",
            },
            {
                "institution": "leerlab-noord-west-veluwe-mbo",
                "role": "kartrekker",
                "name": "Trekker leerlab (mbo)",
            },
        ],
        "last_partner_meeting": "2026-10-06",
        "components": [],
        "description": (
            "Leerlab in ontwikkeling; startdomein: samenwerking. Docenten van vmbo en mbo ontmoeten elkaar "
            "zonder vooropgezet programma; door het grote aantal vo-scholen ligt de focus op de avo-vakken "
            "en het vergelijken van PTA's en OER's. De bron noemt de scholen niet: de partners zijn "
            "plaatsvervangers."
        ),
        "source": "seed 004 (leerlabs, 2023)",
    },
    {
        "key": "leerlab-noord-drenthe",
        "name": "Leerlab Noord-Drenthe",
        "type": "gedeeltelijk",
        "programme_label": "Leerlab",
        "region": "rmc-noord-midden-drenthe",
        "phase": "in_ontwikkeling",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2022-09-01",
                "note": (
                    "Start leerlab doorlopende leerroutes (Sterk Beroepsonderwijs, schooljaar 2022-23; datum "
                    "indicatief)."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "leerlab-noord-drenthe-vo",
                "role": "vo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
            {
                "institution": "leerlab-noord-drenthe-mbo",
                "role": "mbo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": [],
        "leerwegen": [],
        "uitstroomrichtingen": [],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": None,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {"institution": "leerlab-noord-drenthe-vo", "role": "kartrekker", "name": "Trekker leerlab (vo)"},
            {
                "institution": "leerlab-noord-drenthe-mbo",
                "role": "kartrekker",
                "name": "Trekker leerlab (mbo)",
            },
        ],
        "last_partner_meeting": "2026-09-22",
        "components": [],
        "description": (
            "Leerlab in ontwikkeling; startdomein: samenwerking. Start bij de samenwerking (stuurgroep en "
            "ontwikkelteams, aandacht voor relaties); inhoudelijk LOB, vroege kennismaking en een zachte "
            "landing op het mbo. De bron noemt de scholen niet: de partners zijn plaatsvervangers."
        ),
        "source": "seed 004 (leerlabs, 2023)",
    },
    {
        "key": "leerlab-gorinchem",
        "name": "Leerlab Gorinchem",
        "type": "doorlopend",
        "programme_label": "Leerlab",
        "region": "rmc-zuid-holland-zuid",
        "phase": "in_ontwikkeling",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2022-09-01",
                "note": (
                    "Start leerlab doorlopende leerroutes (Sterk Beroepsonderwijs, schooljaar 2022-23; datum "
                    "indicatief)."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "leerlab-gorinchem-vo",
                "role": "vo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
            {
                "institution": "leerlab-gorinchem-mbo",
                "role": "mbo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": [],
        "leerwegen": [],
        "uitstroomrichtingen": [],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": None,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {"institution": "leerlab-gorinchem-vo", "role": "kartrekker", "name": "Trekker leerlab (vo)"},
            {"institution": "leerlab-gorinchem-mbo", "role": "kartrekker", "name": "Trekker leerlab (mbo)"},
        ],
        "last_partner_meeting": "2026-11-02",
        "components": [],
        "description": (
            "Leerlab in ontwikkeling; startdomein: inhoud en verankering. Begonnen met een "
            "haalbaarheidsonderzoek voor een doorlopende leerlijn: eerst onderzoeken of het initiatief "
            "uitvoerbaar en duurzaam is, dan pas starten. De bron noemt de scholen niet: de partners zijn "
            "plaatsvervangers."
        ),
        "source": "seed 004 (leerlabs, 2023)",
    },
    {
        "key": "leerlab-middelharnis",
        "name": "Leerlab Middelharnis",
        "type": "gedeeltelijk",
        "programme_label": "Leerlab",
        "region": "rmc-rijnmond",
        "phase": "in_ontwikkeling",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2022-09-01",
                "note": (
                    "Start leerlab doorlopende leerroutes (Sterk Beroepsonderwijs, schooljaar 2022-23; datum "
                    "indicatief)."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "leerlab-middelharnis-vo",
                "role": "vo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
            {
                "institution": "leerlab-middelharnis-mbo",
                "role": "mbo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": [],
        "leerwegen": [],
        "uitstroomrichtingen": [],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": None,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {"institution": "leerlab-middelharnis-vo", "role": "kartrekker", "name": "Trekker leerlab (vo)"},
            {
                "institution": "leerlab-middelharnis-mbo",
                "role": "kartrekker",
                "name": "Trekker leerlab (mbo)",
            },
        ],
        "last_partner_meeting": "2026-10-27",
        "components": [],
        "description": (
            "Leerlab in ontwikkeling; startdomein: inhoud. Analyse van de huidige situatie en een gedeeld "
            "beeld van de gewenste situatie; die exercitie kost tijd van alle betrokkenen. De bron noemt de "
            "scholen niet: de partners zijn plaatsvervangers."
        ),
        "source": "seed 004 (leerlabs, 2023)",
    },
    {
        "key": "leerlab-weert",
        "name": "Leerlab Weert",
        "type": "gedeeltelijk",
        "programme_label": "Leerlab",
        "region": "rmc-midden-limburg",
        "phase": "in_ontwikkeling",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2022-09-01",
                "note": (
                    "Start leerlab doorlopende leerroutes (Sterk Beroepsonderwijs, schooljaar 2022-23; datum "
                    "indicatief)."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "leerlab-weert-vo",
                "role": "vo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
            {
                "institution": "leerlab-weert-mbo",
                "role": "mbo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": [],
        "leerwegen": [],
        "uitstroomrichtingen": [],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": None,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {"institution": "leerlab-weert-vo", "role": "kartrekker", "name": "Trekker leerlab (vo)"},
            {"institution": "leerlab-weert-mbo", "role": "kartrekker", "name": "Trekker leerlab (mbo)"},
        ],
        "last_partner_meeting": "2026-10-13",
        "components": [],
        "description": (
            "Leerlab in ontwikkeling; startdomein: inhoud. Verbinding tussen keuzevakken en keuzedelen, "
            "lastig bij een breed vmbo-profiel tegenover een smalle mbo-opleiding; eerst gastlessen van "
            "mbo-docenten op het vmbo, later leerlingen naar het mbo. De bron noemt de scholen niet: de "
            "partners zijn plaatsvervangers."
        ),
        "source": "seed 004 (leerlabs, 2023)",
    },
    {
        "key": "leerlab-stadskanaal",
        "name": "Leerlab Stadskanaal",
        "type": "gedeeltelijk",
        "programme_label": "Leerlab",
        "region": "rmc-oost-groningen",
        "phase": "in_ontwikkeling",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2022-09-01",
                "note": (
                    "Start leerlab doorlopende leerroutes (Sterk Beroepsonderwijs, schooljaar 2022-23; datum "
                    "indicatief)."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "leerlab-stadskanaal-vo",
                "role": "vo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
            {
                "institution": "leerlab-stadskanaal-mbo",
                "role": "mbo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": [],
        "leerwegen": [],
        "uitstroomrichtingen": [],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": None,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {"institution": "leerlab-stadskanaal-vo", "role": "kartrekker", "name": "Trekker leerlab (vo)"},
            {"institution": "leerlab-stadskanaal-mbo", "role": "kartrekker", "name": "Trekker leerlab (mbo)"},
        ],
        "last_partner_meeting": "2026-09-29",
        "components": [],
        "description": (
            "Leerlab in ontwikkeling; startdomein: inhoud. Keuzedelen in het vmbo bij een klein aantal "
            "leerlingen: modulair werken voor een aanbod op maat. De bron noemt de scholen niet: de partners "
            "zijn plaatsvervangers."
        ),
        "source": "seed 004 (leerlabs, 2023)",
    },
    {
        "key": "leerlab-heerhugowaard",
        "name": "Leerlab Heerhugowaard",
        "type": "gedeeltelijk",
        "programme_label": "Leerlab",
        "region": "rmc-noord-kennemerland",
        "phase": "in_ontwikkeling",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2022-09-01",
                "note": (
                    "Start leerlab doorlopende leerroutes (Sterk Beroepsonderwijs, schooljaar 2022-23; datum "
                    "indicatief)."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "leerlab-heerhugowaard-vo",
                "role": "vo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
            {
                "institution": "leerlab-heerhugowaard-mbo",
                "role": "mbo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": [],
        "leerwegen": ["GL", "TL"],
        "uitstroomrichtingen": [],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": None,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {"institution": "leerlab-heerhugowaard-vo", "role": "kartrekker", "name": "Trekker leerlab (vo)"},
            {
                "institution": "leerlab-heerhugowaard-mbo",
                "role": "kartrekker",
                "name": "Trekker leerlab (mbo)",
            },
        ],
        "last_partner_meeting": "2026-11-09",
        "components": [],
        "description": (
            "Leerlab in ontwikkeling; startdomein: inhoud. Vanuit het praktijkgerichte programma voor gl- en "
            "tl-leerlingen aansluiting zoeken bij brede keuzedelen van het mbo; gastcolleges van docenten. "
            "De bron noemt de scholen niet: de partners zijn plaatsvervangers."
        ),
        "source": "seed 004 (leerlabs, 2023)",
    },
    {
        "key": "leerlab-helmond",
        "name": "Leerlab Helmond",
        "type": "gedeeltelijk",
        "programme_label": "Leerlab",
        "region": "rmc-zuidoost-brabant",
        "phase": "in_ontwikkeling",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2022-09-01",
                "note": (
                    "Start leerlab doorlopende leerroutes (Sterk Beroepsonderwijs, schooljaar 2022-23; datum "
                    "indicatief)."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "leerlab-helmond-vo",
                "role": "vo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
            {
                "institution": "leerlab-helmond-mbo",
                "role": "mbo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": [],
        "leerwegen": ["GL", "TL"],
        "uitstroomrichtingen": [],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": None,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {"institution": "leerlab-helmond-vo", "role": "kartrekker", "name": "Trekker leerlab (vo)"},
            {"institution": "leerlab-helmond-mbo", "role": "kartrekker", "name": "Trekker leerlab (mbo)"},
        ],
        "last_partner_meeting": "2026-10-20",
        "components": [],
        "description": (
            "Leerlab in ontwikkeling; startdomein: inhoud. Vanuit het praktijkgerichte programma voor gl- en "
            "tl-leerlingen aansluiting zoeken bij brede keuzedelen van het mbo; gastcolleges van docenten. "
            "De bron noemt de scholen niet: de partners zijn plaatsvervangers."
        ),
        "source": "seed 004 (leerlabs, 2023)",
    },
    {
        "key": "leerlab-west-brabant",
        "name": "Leerlab West-Brabant",
        "type": "gedeeltelijk",
        "programme_label": "Leerlab",
        "region": "rmc-west-brabant",
        "phase": "in_ontwikkeling",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2022-09-01",
                "note": (
                    "Start leerlab doorlopende leerroutes (Sterk Beroepsonderwijs, schooljaar 2022-23; datum "
                    "indicatief)."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "leerlab-west-brabant-vo",
                "role": "vo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
            {
                "institution": "leerlab-west-brabant-mbo",
                "role": "mbo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": [],
        "leerwegen": [],
        "uitstroomrichtingen": [],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": None,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {"institution": "leerlab-west-brabant-vo", "role": "kartrekker", "name": "Trekker leerlab (vo)"},
            {
                "institution": "leerlab-west-brabant-mbo",
                "role": "kartrekker",
                "name": "Trekker leerlab (mbo)",
            },
        ],
        "last_partner_meeting": "2026-06-30",
        "components": [],
        "description": (
            "Leerlab in ontwikkeling; startdomein: inhoud. Challenges: opdrachten ontworpen door mbo- en "
            "vo-docenten, uitgevoerd door vo-leerlingen, met gastlessen van mbo-docenten. De bron noemt de "
            "scholen niet: de partners zijn plaatsvervangers."
        ),
        "source": "seed 004 (leerlabs, 2023)",
    },
    {
        "key": "leerlab-noord-holland",
        "name": "Leerlab Noord-Holland",
        "type": "gedeeltelijk",
        "programme_label": "Leerlab",
        "region": "rmc-leerlab-noord-holland",
        "phase": "in_ontwikkeling",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2022-09-01",
                "note": (
                    "Start leerlab doorlopende leerroutes (Sterk Beroepsonderwijs, schooljaar 2022-23; datum "
                    "indicatief)."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "leerlab-noord-holland-vo",
                "role": "vo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
            {
                "institution": "leerlab-noord-holland-mbo",
                "role": "mbo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": [],
        "leerwegen": [],
        "uitstroomrichtingen": [],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": None,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {"institution": "leerlab-noord-holland-vo", "role": "kartrekker", "name": "Trekker leerlab (vo)"},
            {
                "institution": "leerlab-noord-holland-mbo",
                "role": "kartrekker",
                "name": "Trekker leerlab (mbo)",
            },
        ],
        "last_partner_meeting": "2026-10-01",
        "components": [],
        "description": (
            "Leerlab in ontwikkeling; startdomein: verankering. Top-down gestart door de bestuurders met "
            "commitment op alle lagen; een onafhankelijke projectleider als 'smeerolie'; programmatische "
            "aansluiting in plaats van een doorlopende leerroute, met een flink aantal vo-scholen. De bron "
            "noemt de scholen niet: de partners zijn plaatsvervangers."
        ),
        "source": "seed 004 (leerlabs, 2023)",
    },
    {
        "key": "leerlab-den-bosch-a-hbr",
        "name": "Leerlab 's-Hertogenbosch: leerroute HBR (vo-school A)",
        "type": "doorlopend",
        "programme_label": "Leerlab",
        "region": "rmc-noordoost-brabant",
        "phase": "in_ontwikkeling",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2022-09-01",
                "note": (
                    "Start leerlab doorlopende leerroutes (Sterk Beroepsonderwijs, schooljaar 2022-23; datum "
                    "indicatief)."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "leerlab-den-bosch-vo-a",
                "role": "vo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
            {
                "institution": "leerlab-den-bosch-mbo",
                "role": "mbo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": ["HBR"],
        "leerwegen": ["BB", "KB"],
        "uitstroomrichtingen": [
            {"kwalificatie": "25180", "min_intake": None, "intake": None, "active": True},
            {"kwalificatie": "25168", "min_intake": None, "intake": None, "active": True},
        ],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": None,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {"institution": "leerlab-den-bosch-vo-a", "role": "kartrekker", "name": "Trekker leerlab (vo)"},
            {"institution": "leerlab-den-bosch-mbo", "role": "kartrekker", "name": "Trekker leerlab (mbo)"},
        ],
        "last_partner_meeting": "2026-10-21",
        "components": [],
        "description": (
            "Leerlab in ontwikkeling; startdomein: inhoud. Vier afzonderlijke leerroutes, twee per "
            "vo-school, in een cyclisch proces met ontwikkelcirkels; de externe procesbegeleider vergeleek "
            "de curricula. Leerlingen HBR volgen een keuzedeel in het restaurant van het mbo; gastlessen van "
            "mbo-docenten als tussenstap worden overwogen. De bron noemt de scholen niet: de partners zijn "
            "plaatsvervangers."
        ),
        "source": "seed 004 (leerlabs, 2023)",
    },
    {
        "key": "leerlab-den-bosch-a-2",
        "name": "Leerlab 's-Hertogenbosch: tweede leerroute (vo-school A)",
        "type": "doorlopend",
        "programme_label": "Leerlab",
        "region": "rmc-noordoost-brabant",
        "phase": "in_ontwikkeling",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2022-09-01",
                "note": (
                    "Start leerlab doorlopende leerroutes (Sterk Beroepsonderwijs, schooljaar 2022-23; datum "
                    "indicatief)."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "leerlab-den-bosch-vo-a",
                "role": "vo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
            {
                "institution": "leerlab-den-bosch-mbo",
                "role": "mbo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": [],
        "leerwegen": [],
        "uitstroomrichtingen": [],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": None,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {"institution": "leerlab-den-bosch-vo-a", "role": "kartrekker", "name": "Trekker leerlab (vo)"},
            {"institution": "leerlab-den-bosch-mbo", "role": "kartrekker", "name": "Trekker leerlab (mbo)"},
        ],
        "last_partner_meeting": "2026-10-21",
        "components": [],
        "description": (
            "Leerlab in ontwikkeling; startdomein: inhoud. Vier afzonderlijke leerroutes, twee per "
            "vo-school, in een cyclisch proces met ontwikkelcirkels; de externe procesbegeleider vergeleek "
            "de curricula. Het profiel van deze route noemt de bron niet. De bron noemt de scholen niet: de "
            "partners zijn plaatsvervangers."
        ),
        "source": "seed 004 (leerlabs, 2023)",
    },
    {
        "key": "leerlab-den-bosch-b-1",
        "name": "Leerlab 's-Hertogenbosch: eerste leerroute (vo-school B)",
        "type": "doorlopend",
        "programme_label": "Leerlab",
        "region": "rmc-noordoost-brabant",
        "phase": "in_ontwikkeling",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2022-09-01",
                "note": (
                    "Start leerlab doorlopende leerroutes (Sterk Beroepsonderwijs, schooljaar 2022-23; datum "
                    "indicatief)."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "leerlab-den-bosch-vo-b",
                "role": "vo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
            {
                "institution": "leerlab-den-bosch-mbo",
                "role": "mbo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": [],
        "leerwegen": [],
        "uitstroomrichtingen": [],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": None,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {"institution": "leerlab-den-bosch-vo-b", "role": "kartrekker", "name": "Trekker leerlab (vo)"},
            {"institution": "leerlab-den-bosch-mbo", "role": "kartrekker", "name": "Trekker leerlab (mbo)"},
        ],
        "last_partner_meeting": "2026-10-21",
        "components": [],
        "description": (
            "Leerlab in ontwikkeling; startdomein: inhoud. Vier afzonderlijke leerroutes, twee per "
            "vo-school, in een cyclisch proces met ontwikkelcirkels; de externe procesbegeleider vergeleek "
            "de curricula. Het profiel van deze route noemt de bron niet. De bron noemt de scholen niet: de "
            "partners zijn plaatsvervangers."
        ),
        "source": "seed 004 (leerlabs, 2023)",
    },
    {
        "key": "leerlab-den-bosch-b-2",
        "name": "Leerlab 's-Hertogenbosch: tweede leerroute (vo-school B)",
        "type": "doorlopend",
        "programme_label": "Leerlab",
        "region": "rmc-noordoost-brabant",
        "phase": "in_ontwikkeling",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2022-09-01",
                "note": (
                    "Start leerlab doorlopende leerroutes (Sterk Beroepsonderwijs, schooljaar 2022-23; datum "
                    "indicatief)."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "leerlab-den-bosch-vo-b",
                "role": "vo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
            {
                "institution": "leerlab-den-bosch-mbo",
                "role": "mbo",
                "location": "00",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": [],
        "leerwegen": [],
        "uitstroomrichtingen": [],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": None,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {"institution": "leerlab-den-bosch-vo-b", "role": "kartrekker", "name": "Trekker leerlab (vo)"},
            {"institution": "leerlab-den-bosch-mbo", "role": "kartrekker", "name": "Trekker leerlab (mbo)"},
        ],
        "last_partner_meeting": "2026-10-21",
        "components": [],
        "description": (
            "Leerlab in ontwikkeling; startdomein: inhoud. Vier afzonderlijke leerroutes, twee per "
            "vo-school, in een cyclisch proces met ontwikkelcirkels; de externe procesbegeleider vergeleek "
            "de curricula. Het profiel van deze route noemt de bron niet. De bron noemt de scholen niet: de "
            "partners zijn plaatsvervangers."
        ),
        "source": "seed 004 (leerlabs, 2023)",
    },
    {
        "key": "leerlab-amsterdam-ijburg",
        "name": "Leerlab Amsterdam-IJburg (LOB)",
        "type": "gedeeltelijk",
        "programme_label": "Leerlab",
        "region": "rmc-amsterdam",
        "phase": "in_ontwikkeling",
        "phase_history": [
            {
                "phase": "in_ontwikkeling",
                "since": "2022-09-01",
                "note": (
                    "Start leerlab doorlopende leerroutes (Sterk Beroepsonderwijs, schooljaar 2022-23; datum "
                    "indicatief)."
                ),
            },
        ],
        "start_year": None,
        "end_date": None,
        "partners": [
            {
                "institution": "ijburg",
                "role": "vo",
                "location": "01",
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
            {
                "institution": "roc-amsterdam",
                "role": "mbo",
                "location": None,
                "joined_on": "2022-09-01",
                "rio_registered_on": None,
            },
        ],
        "profielen": [],
        "leerwegen": [],
        "uitstroomrichtingen": [],
        "selection": "alle",
        "vmbo_diploma": True,
        "acceleration": "geen",
        "acceleration_note": "",
        "start_vmbo_year": 3,
        "vmbo_exam_route_year": None,
        "study_duration_years": None,
        "onderwijstijd_hours": None,
        "onderwijstijd_deviation": "",
        "mr_consent_on": None,
        "route_years": [],
        "integrated_exam": False,
        "pta_oer": "",
        "settlement_model": "",
        "reported_students": None,
        "targets": [],
        "contacts": [
            {"institution": "ijburg", "role": "decaan", "name": "Decaan en LOB-coördinator IJburg College"},
            {
                "institution": "roc-amsterdam",
                "role": "kartrekker",
                "name": "Trekker leerlab ROC van Amsterdam",
            },
        ],
        "last_partner_meeting": "2026-11-03",
        "components": [],
        "description": (
            "Leerlab in ontwikkeling van IJburg College en ROC van Amsterdam; startdomein: inhoud (de "
            "leerling). Volle inzet op LOB voor leerlingen; tussentijdse evaluatie met leerlingen maakte de "
            "LOB-opdrachten effectiever."
        ),
        "source": "seed 004 (leerlabs, 2023)",
    },
]


# ====================================================================================================
# Samenwerkingsovereenkomsten, interne regeling and an LWT agreement.
# ====================================================================================================
AGREEMENTS = [
    {
        "key": "sok-calvijn-vmr-2013",
        "kind": "sok",
        "title": "Samenwerkingsovereenkomst Vakmanschapsroute Calvijn College - ROC van Amsterdam",
        "reference": "SOK VMR 31-10-2013; projectplan 23-05-2016; werkafspraken",
        "valid_from": "2013-10-31",
        "valid_to": None,
        "routes": ["calvijn-vmr"],
        "signatures": [
            {"board": "zaam", "signed_on": "2013-10-31", "signatory": "voorzitter college van bestuur"},
            {
                "board": "roc-amsterdam",
                "signed_on": "2013-10-31",
                "signatory": "voorzitter college van bestuur",
            },
        ],
        "topics": {
            "aansturing": (
                "Stuurgroep vo-school en ROCvA; bovenschools projectleider ZAAM; kerndocent of "
                "profielcoördinator per uitstroomrichting."
            ),
            "inrichting": (
                "Geïntegreerde route vmbo-BB naar mbo 2 in drie jaar: leerjaar 3 oriëntatie, leerjaar 4-5 "
                "mbo-beroepsvak met avo; zomerlekprogramma; werkafspraken over uitvoering."
            ),
            "bekostiging": (
                "Rekenmodel (M1): in het laatste jaar de mbo-bekostiging minus 7% overhead, examen- en "
                "administratiekosten ROCvA en BPV-begeleiding; de rest naar rato van de lessentabel."
            ),
            "overstapoptie": (
                "Terugvaloptie voor wie uitvalt: maatwerk, zo nodig naar een (versnelde) Entree-opleiding of "
                "een reguliere mbo-opleiding."
            ),
            "faciliteiten": (
                "Onderwijs op de vo-locatie; generieke examens op mbo college West; keuzedelen op de "
                "vo-school of het betrokken college."
            ),
            "sector_domein": (
                "Dienstverlening: Helpende zorg en welzijn, Medewerker facilitaire dienstverlening, "
                "Medewerker sport en recreatie (niveau 2)."
            ),
            "werkgevers": "Kwalificerende stages in leerjaar 4 en 5 bij erkende leerbedrijven; werkbezoeken.",
            "klachten": "Klachtenregeling van de instelling waar de leerling bekostigd is ingeschreven.",
            "examinering": (
                "Vmbo-examens in leerjaar 3-4 door de vo-school; mbo-examens in leerjaar 4-5 door of o.l.v. "
                "ROCvA; geen vmbo-diploma, wel een cijferlijst bij het mbo-diploma."
            ),
            "administratie_avg": (
                "Jaar 3 bekostigd vo; jaar 4 vo bekostigd en ROCvA onbekostigd; jaar 5 ROCvA bekostigd en vo "
                "onbekostigd. Resultaten in Magister en EduArte (uitwisseling BRON)."
            ),
            "begeleiding_zorg": (
                "Mentor van de vo-school gedurende de hele route; LOB-leerlijn inclusief loopbaan en "
                "burgerschap."
            ),
            "verzuim": "De vo-school doet de verzuim- en VSV-meldingen voor de hele route.",
            "looptijd": "Onbepaalde tijd; jaarlijkse bespreking in de stuurgroep.",
            "evaluatie_beeindiging": (
                "Jaarlijkse evaluatie op de VMR-doelen en een leerlingenquête; opzegging met behoud van "
                "lopende cohorten."
            ),
            "medezeggenschap": (
                "Medezeggenschap volgt de fase van inschrijving: vo-fase MR van de school, mbo-fase ROCvA."
            ),
        },
        "supersedes": None,
    },
    {
        "key": "sok-bindelmeer-2019",
        "kind": "sok",
        "title": (
            "Samenwerkingsovereenkomst geïntegreerde leerroutes Bindelmeer College - ROC van Amsterdam "
            "(colleges West en Zuidoost)"
        ),
        "reference": "SOK Bindelmeer 2019 (werkafspraken VMR Calvijn overgenomen)",
        "valid_from": "2019-08-01",
        "valid_to": "2020-07-31",
        "routes": ["bindelmeer-vmr"],
        "signatures": [
            {"board": "zaam", "signed_on": "2019-06-20", "signatory": "voorzitter college van bestuur"},
            {
                "board": "roc-amsterdam",
                "signed_on": "2019-06-27",
                "signatory": "voorzitter college van bestuur",
            },
        ],
        "topics": {
            "aansturing": (
                "Stuurgroep vo-school en ROCvA; bovenschools projectleider ZAAM; kerndocent of "
                "profielcoördinator per uitstroomrichting."
            ),
            "inrichting": (
                "Geïntegreerde route vmbo-BB naar mbo 2 in drie jaar: leerjaar 3 oriëntatie, leerjaar 4-5 "
                "mbo-beroepsvak met avo; zomerlekprogramma; werkafspraken over uitvoering."
            ),
            "bekostiging": (
                "Rekenmodel (M1): in het laatste jaar de mbo-bekostiging minus 7% overhead, examen- en "
                "administratiekosten ROCvA en BPV-begeleiding; de rest naar rato van de lessentabel."
            ),
            "overstapoptie": (
                "Terugvaloptie voor wie uitvalt: maatwerk, zo nodig naar een (versnelde) Entree-opleiding of "
                "een reguliere mbo-opleiding."
            ),
            "faciliteiten": (
                "Onderwijs op de vo-locatie; generieke examens op mbo college West; keuzedelen op de "
                "vo-school of het betrokken college."
            ),
            "sector_domein": (
                "Dienstverlening: Helpende zorg en welzijn, Medewerker facilitaire dienstverlening, "
                "Medewerker sport en recreatie (niveau 2)."
            ),
            "werkgevers": "Kwalificerende stages in leerjaar 4 en 5 bij erkende leerbedrijven; werkbezoeken.",
            "examinering": (
                "Vmbo-examens in leerjaar 3-4 door de vo-school; mbo-examens in leerjaar 4-5 door of o.l.v. "
                "ROCvA; geen vmbo-diploma, wel een cijferlijst bij het mbo-diploma."
            ),
            "administratie_avg": (
                "Jaar 3 bekostigd vo; jaar 4 vo bekostigd en ROCvA onbekostigd; jaar 5 ROCvA bekostigd en vo "
                "onbekostigd. Resultaten in Magister en EduArte (uitwisseling BRON)."
            ),
            "begeleiding_zorg": (
                "Mentor van de vo-school gedurende de hele route; LOB-leerlijn inclusief loopbaan en "
                "burgerschap."
            ),
            "verzuim": "De vo-school doet de verzuim- en VSV-meldingen voor de hele route.",
            "looptijd": "Onbepaalde tijd; jaarlijkse bespreking in de stuurgroep.",
            "evaluatie_beeindiging": (
                "Jaarlijkse evaluatie op de VMR-doelen en een leerlingenquête; opzegging met behoud van "
                "lopende cohorten."
            ),
        },
        "supersedes": None,
    },
    {
        "key": "sok-bindelmeer-2020",
        "kind": "sok",
        "title": (
            "Samenwerkingsovereenkomst geïntegreerde leerroutes Bindelmeer College - ROC van Amsterdam, "
            "aanvulling: toetreding College Zuid"
        ),
        "reference": "SOK Bindelmeer 2020 (versie 2)",
        "valid_from": "2020-08-01",
        "valid_to": None,
        "routes": ["bindelmeer-vmr"],
        "signatures": [
            {"board": "zaam", "signed_on": "2020-07-09", "signatory": "voorzitter college van bestuur"},
            {
                "board": "roc-amsterdam",
                "signed_on": "2020-07-14",
                "signatory": "voorzitter college van bestuur",
            },
        ],
        "topics": {
            "aansturing": (
                "Stuurgroep vo-school en ROCvA; bovenschools projectleider ZAAM; kerndocent of "
                "profielcoördinator per uitstroomrichting."
            ),
            "inrichting": (
                "Geïntegreerde route vmbo-BB naar mbo 2 in drie jaar: leerjaar 3 oriëntatie, leerjaar 4-5 "
                "mbo-beroepsvak met avo; zomerlekprogramma; werkafspraken over uitvoering."
            ),
            "bekostiging": (
                "Rekenmodel (M1): in het laatste jaar de mbo-bekostiging minus 7% overhead, examen- en "
                "administratiekosten ROCvA en BPV-begeleiding; de rest naar rato van de lessentabel."
            ),
            "overstapoptie": (
                "Terugvaloptie voor wie uitvalt: maatwerk, zo nodig naar een (versnelde) Entree-opleiding of "
                "een reguliere mbo-opleiding."
            ),
            "faciliteiten": (
                "Onderwijs op het Bindelmeer; generieke examens op mbo college West; keuzedelen op het "
                "Bindelmeer of op de colleges West, Zuidoost en (sinds 2020) Zuid."
            ),
            "sector_domein": (
                "Dienstverlening: Helpende zorg en welzijn, Medewerker facilitaire dienstverlening, "
                "Medewerker sport en recreatie (niveau 2)."
            ),
            "werkgevers": "Kwalificerende stages in leerjaar 4 en 5 bij erkende leerbedrijven; werkbezoeken.",
            "klachten": "Klachtenregeling van de instelling waar de leerling bekostigd is ingeschreven.",
            "examinering": (
                "Vmbo-examens in leerjaar 3-4 door de vo-school; mbo-examens in leerjaar 4-5 door of o.l.v. "
                "ROCvA; geen vmbo-diploma, wel een cijferlijst bij het mbo-diploma."
            ),
            "administratie_avg": (
                "Jaar 3 bekostigd vo; jaar 4 vo bekostigd en ROCvA onbekostigd; jaar 5 ROCvA bekostigd en vo "
                "onbekostigd. Resultaten in Magister en EduArte (uitwisseling BRON)."
            ),
            "begeleiding_zorg": (
                "Mentor van de vo-school gedurende de hele route; LOB-leerlijn inclusief loopbaan en "
                "burgerschap."
            ),
            "verzuim": "De vo-school doet de verzuim- en VSV-meldingen voor de hele route.",
            "looptijd": "Onbepaalde tijd; jaarlijkse bespreking in de stuurgroep.",
            "evaluatie_beeindiging": (
                "Jaarlijkse evaluatie op de VMR-doelen en een leerlingenquête; opzegging met behoud van "
                "lopende cohorten."
            ),
            "medezeggenschap": (
                "Medezeggenschap volgt de fase van inschrijving: vo-fase MR van de school, mbo-fase ROCvA."
            ),
        },
        "supersedes": "sok-bindelmeer-2019",
    },
    {
        "key": "convenant-mlo-vm2-2008",
        "kind": "sok",
        "title": (
            "Samenwerkingsovereenkomst VM2 Montessori Lyceum Oostpoort - ROC van Amsterdam (mbo college "
            "Zuidoost)"
        ),
        "reference": "VM2-regeling 2008",
        "valid_from": "2008-06-01",
        "valid_to": "2020-07-31",
        "routes": ["mlo-glr"],
        "signatures": [
            {"board": "msa", "signed_on": "2008-06-12", "signatory": "voorzitter college van bestuur"},
            {
                "board": "roc-amsterdam",
                "signed_on": "2008-06-19",
                "signatory": "voorzitter college van bestuur",
            },
        ],
        "topics": {
            "aansturing": "Projectgroep met projectleider; gezamenlijke trainingen van de teams.",
            "inrichting": (
                "Doorlopende route vmbo-basis/kader naar mbo 2 in vijf jaar; mbo-programma vanaf leerjaar 4."
            ),
            "bekostiging": (
                "VM2: het leerlinggebonden budget gaat alle vijf jaar naar de vo-school; mbo-inzet op "
                "detacheringsbasis vergoed."
            ),
            "overstapoptie": "Leerlingen kunnen terug naar het reguliere vmbo-programma.",
            "examinering": "Mbo-examinering volgens de examenplannen van mbo college Zuidoost.",
        },
        "supersedes": None,
    },
    {
        "key": "sok-mlo-2020",
        "kind": "sok",
        "title": (
            "Samenwerkingsovereenkomst geïntegreerde leerroutes Montessori Lyceum Oostpoort - ROC van "
            "Amsterdam"
        ),
        "reference": "SOK MLO-ROCvA 2020 (Wet doorlopende leerroutes)",
        "valid_from": "2020-08-01",
        "valid_to": None,
        "routes": ["mlo-glr"],
        "signatures": [
            {"board": "msa", "signed_on": "2020-07-02", "signatory": "voorzitter college van bestuur"},
            {
                "board": "roc-amsterdam",
                "signed_on": "2020-07-14",
                "signatory": "voorzitter college van bestuur",
            },
        ],
        "topics": {
            "aansturing": "Teammanager MLO en opleidingsmanagers ROCvA; de projectgroep is opgeheven.",
            "inrichting": (
                "Keuze eind leerjaar 3; leerjaar 4 en 5 samengevoegd; alle lessen en keuzedelen op MLO door "
                "docenten van mbo college Zuidoost; stage vanaf de tweede helft van leerjaar 4."
            ),
            "bekostiging": "Rekenmodel (M1) zoals bij Calvijn; ROCvA ontvangt de middelen voor leerjaar 5.",
            "faciliteiten": (
                "Lessen op MLO; examens op locatie mbo college Zuidoost; interne stage op MLO mogelijk."
            ),
            "sector_domein": (
                "Economie en ondernemen (secretariaat, verkoop) en Zorg en welzijn (facilitair, helpende)."
            ),
            "examinering": (
                "Vmbo-basis- en kaderdiploma afgeschaft; reguliere examenplannen en diploma-eisen van mbo "
                "college Zuidoost."
            ),
            "administratie_avg": (
                "Leerjaar 5 als aparte klas in het mbo ingeschreven; resultaten in Magister, ROCvA houdt "
                "eigen administratie in EduArte."
            ),
            "begeleiding_zorg": "Eigen mentor van MLO begeleidt ook de stage; kleine, vaste teams.",
            "looptijd": "Onbepaalde tijd.",
        },
        "supersedes": None,
    },
    {
        "key": "sok-noorderlicht-2018",
        "kind": "sok",
        "title": (
            "Samenwerkingsovereenkomst doorlopende leerroute HZW Beroepscollege Noorderlicht - ROC van "
            "Amsterdam (mbo college Noord)"
        ),
        "reference": "SOK Noorderlicht-ROCvA 2018",
        "valid_from": "2018-08-01",
        "valid_to": None,
        "routes": ["noorderlicht-hzw"],
        "signatures": [
            {"board": "zaam", "signed_on": "2018-07-05", "signatory": "voorzitter college van bestuur"},
            {
                "board": "roc-amsterdam",
                "signed_on": "2018-07-12",
                "signatory": "voorzitter college van bestuur",
            },
        ],
        "topics": {
            "aansturing": (
                "Coördinator doorlopende leerroute Noorderlicht en opleidingsmanager Zorg en welzijn mbo "
                "college Noord."
            ),
            "inrichting": (
                "Instroom na leerjaar 3 na sollicitatiegesprek; mbo-programma vanaf leerjaar 4 door docenten "
                "van mbo college Noord op het Noorderlicht; leerjaar 5 op mbo college Noord."
            ),
            "bekostiging": (
                "Gesloten beurzen (M5) tot het eerste cohort in leerjaar 5 op mbo college Noord is "
                "ingeschreven (2021-22); dan wordt bezien of dit kan blijven."
            ),
            "overstapoptie": "Het vmbo-basisdiploma blijft behouden als terugvaloptie.",
            "sector_domein": "Zorg en welzijn: Helpende zorg en welzijn (niveau 2).",
            "examinering": (
                "Vmbo-diploma op het Noorderlicht; mbo-examinering volgens het examenreglement van mbo "
                "college Noord."
            ),
            "administratie_avg": (
                "Vanaf leerjaar 5 ingeschreven op mbo college Noord, dat de onderwijsresultaten registreert."
            ),
            "begeleiding_zorg": "Mentoraat en stagebegeleiding vanuit het Noorderlicht.",
            "looptijd": "Onbepaalde tijd; herziening van de financiële afspraak in 2021-22.",
        },
        "supersedes": None,
    },
    {
        "key": "sok-tot-2014",
        "kind": "sok",
        "title": "Samenwerkingsovereenkomst TOT-route De Uilenhof - Da Vinci College",
        "reference": "SOK TOT 2014",
        "valid_from": "2014-06-01",
        "valid_to": "2016-06-30",
        "routes": ["tot-route"],
        "signatures": [
            {
                "board": "uilenhof-bestuur",
                "signed_on": "2014-05-22",
                "signatory": "voorzitter college van bestuur",
            },
            {
                "board": "da-vinci-bestuur",
                "signed_on": "2014-05-28",
                "signatory": "voorzitter college van bestuur",
            },
        ],
        "topics": {
            "aansturing": (
                "Jaarlijks planningsoverleg (mei/juni) van de vmbo-scholen en Da Vinci; bij de start een "
                "stuurgroep."
            ),
            "inrichting": (
                "Omarmingsconstructie: leerjaar 3 één dag (vrijdag) op Da Vinci, leerjaar 4 vier dagen; "
                "blokken van 10 weken; mbo 4 in drie jaar (behalve ICT)."
            ),
            "bekostiging": (
                "M2: Da Vinci factureert de vo-school 1/5 van de bekostiging van een leerling in leerjaar 3 "
                "en 4/5 in leerjaar 4."
            ),
            "overstapoptie": (
                "Leerlingen blijven tot het examen op het vmbo ingeschreven en kunnen terug naar het "
                "reguliere TL-programma."
            ),
            "faciliteiten": "Busvervoer naar Da Vinci; de kosten worden gedeeld.",
            "sector_domein": "Techniek: Gebouwde omgeving, ICT en middenkader Engineering.",
            "examinering": "Vmbo-examen in vier vakken eind leerjaar 3 en drie vakken eind leerjaar 4.",
            "looptijd": (
                "Onbepaalde tijd; exclusiviteit: geen andere school in Gorinchem e.o. biedt de route."
            ),
        },
        "supersedes": None,
    },
    {
        "key": "sok-tot-2016",
        "kind": "sok",
        "title": "Samenwerkingsovereenkomst TOT-route De Uilenhof, Insula College - Da Vinci College (uitbreiding)",
        "reference": "SOK TOT 2016 (toetreding Insula College)",
        "valid_from": "2016-07-01",
        "valid_to": None,
        "routes": ["tot-route"],
        "signatures": [
            {
                "board": "uilenhof-bestuur",
                "signed_on": "2016-06-17",
                "signatory": "voorzitter college van bestuur",
            },
            {
                "board": "da-vinci-bestuur",
                "signed_on": "2016-06-20",
                "signatory": "voorzitter college van bestuur",
            },
            {
                "board": "insula-bestuur",
                "signed_on": "2016-06-24",
                "signatory": "voorzitter college van bestuur",
            },
        ],
        "topics": {
            "aansturing": (
                "Jaarlijks planningsoverleg (mei/juni) van de vmbo-scholen en Da Vinci; bij de start een "
                "stuurgroep."
            ),
            "inrichting": (
                "Omarmingsconstructie: leerjaar 3 één dag (vrijdag) op Da Vinci, leerjaar 4 vier dagen; "
                "blokken van 10 weken; mbo 4 in drie jaar (behalve ICT)."
            ),
            "bekostiging": (
                "M2: Da Vinci factureert de vo-school 1/5 van de bekostiging van een leerling in leerjaar 3 "
                "en 4/5 in leerjaar 4."
            ),
            "overstapoptie": (
                "Leerlingen blijven tot het examen op het vmbo ingeschreven en kunnen terug naar het "
                "reguliere TL-programma."
            ),
            "faciliteiten": "Busvervoer naar Da Vinci; de kosten worden gedeeld.",
            "sector_domein": "Techniek: Gebouwde omgeving, ICT en middenkader Engineering.",
            "examinering": "Vmbo-examen in vier vakken eind leerjaar 3 en drie vakken eind leerjaar 4.",
            "looptijd": (
                "Onbepaalde tijd; exclusiviteit: geen andere school in Gorinchem e.o. biedt de route."
            ),
        },
        "supersedes": "sok-tot-2014",
    },
    {
        "key": "sok-wvo-kwic-vmr-2014",
        "kind": "sok",
        "title": (
            "Samenwerkingsovereenkomst vakmanschapsroute Mobiliteit en Transport (Willem van Oranje College "
            "e.a. - Koning Willem I College)"
        ),
        "reference": "SOK VMR M&T 2014 (Toptechniek in Bedrijf Noordoost-Brabant)",
        "valid_from": "2014-08-01",
        "valid_to": None,
        "routes": ["wvo-kwic"],
        "signatures": [
            {
                "board": "wvo-bestuur",
                "signed_on": "2014-06-16",
                "signatory": "voorzitter college van bestuur",
            },
            {
                "board": "vmr-mt-b-bestuur",
                "signed_on": "2014-06-16",
                "signatory": "voorzitter college van bestuur",
            },
            {
                "board": "vmr-mt-c-bestuur",
                "signed_on": "2014-06-18",
                "signatory": "voorzitter college van bestuur",
            },
            {
                "board": "vmr-mt-d-bestuur",
                "signed_on": "2014-06-23",
                "signatory": "voorzitter college van bestuur",
            },
            {
                "board": "kwic-bestuur",
                "signed_on": "2014-06-30",
                "signatory": "voorzitter college van bestuur",
            },
        ],
        "topics": {
            "aansturing": (
                "Profielwerkgroep Mobiliteit en Transport binnen Toptechniek in Bedrijf; drie à vier "
                "overleggen per jaar."
            ),
            "inrichting": (
                "Zevenweekse blok direct na het vmbo-examen (2 dagen stage, 3 dagen mbo); instroom in "
                "leerjaar 2 van Autotechnicus of Eerste autotechnicus; drie van de vier keuzevakken vast."
            ),
            "bekostiging": (
                "Geen overdracht van bekostiging (M5): inzet mbo-docent uit ontwikkeltijd; TiB-middelen voor "
                "de voorbereiding."
            ),
            "overstapoptie": (
                "Wie het vmbo-examen niet haalt, keert terug naar het vmbo; wie het blok niet haalt, start "
                "regulier in mbo-leerjaar 1."
            ),
            "sector_domein": "Mobiliteit en transport (autotechniek).",
            "werkgevers": "Stage bij erkende leerbedrijven in de autobranche.",
        },
        "supersedes": None,
    },
    {
        "key": "convenant-nassau-drenthe-college",
        "kind": "sok",
        "title": "Convenant doorlopende leerlijnen Dr. Nassau College - Drenthe College",
        "reference": "Bestuurlijk convenant 2013",
        "valid_from": "2013-08-01",
        "valid_to": None,
        "routes": ["nassau-drenthe-college"],
        "signatures": [
            {
                "board": "nassau-bestuur",
                "signed_on": "2013-06-24",
                "signatory": "voorzitter college van bestuur",
            },
            {
                "board": "drenthe-college-bestuur",
                "signed_on": "2013-06-27",
                "signatory": "voorzitter college van bestuur",
            },
        ],
        "topics": {
            "aansturing": (
                "Twee projectleiders buiten de lijn (vmbo en mbo); stuurgroep enkele keren per jaar."
            ),
            "inrichting": (
                "Ontwikkelgroep van vmbo- en mbo-docenten per profiel; activiteitenschema per jaar; "
                "woensdagochtend geblokt."
            ),
            "bekostiging": (
                "Gesloten beurzen (M5): vmbo in taakuren, Drenthe College uit Bureau Projecten; een "
                "mbo-docent die op het vmbo lesgeeft, mag factureren."
            ),
            "overstapoptie": "Alle leerlingen halen het vmbo-diploma en kiezen vrij hun vervolgopleiding.",
            "faciliteiten": "Vmbo-leerlingen gebruiken praktijkruimtes van het Drenthe College.",
            "evaluatie_beeindiging": "Leerlingen worden gevolgd en bevraagd, ook op switchgedrag.",
        },
        "supersedes": None,
    },
    {
        "key": "convenant-element-2011",
        "kind": "sok",
        "title": "Convenant doorlopende routes Het Element - ROC Midden Nederland en MBO Amersfoort",
        "reference": "Convenant 2011 met prijsafspraken",
        "valid_from": "2011-08-01",
        "valid_to": "2013-07-31",
        "routes": ["het-element-routes"],
        "signatures": [
            {"board": "het-element-bestuur", "signed_on": "2011-06-14", "signatory": "directeur-bestuurder"},
            {
                "board": "roc-mn-bestuur",
                "signed_on": "2011-06-21",
                "signatory": "voorzitter college van bestuur",
            },
            {
                "board": "mbo-amersfoort-bestuur",
                "signed_on": "2011-06-28",
                "signatory": "voorzitter college van bestuur",
            },
        ],
        "topics": {
            "aansturing": (
                "Per profiel een gefaciliteerde vmbo-docent en per route een mbo-coördinator; jaarlijks "
                "bestuurlijk overleg over de verdeling van het aanbod."
            ),
            "inrichting": (
                "Praktijkexamen in leerjaar 3; in leerjaar 4 op dinsdag of donderdag naar het mbo en één dag "
                "stage; KB: oriëntatiejaar en gegarandeerde instroom op niveau 4."
            ),
            "bekostiging": (
                "M3: Het Element betaalt € 50 per uur per mbo-docent; eigen urenbudgetten (120 uur "
                "stagebegeleiding, 100 uur leerlijncontacten, 100 uur aansluiting mbo)."
            ),
            "overstapoptie": (
                "Met het vmbo-diploma staan alle vervolgroutes open; wie het profiel niet past, kan extra "
                "keuzevakken doen."
            ),
            "werkgevers": "Stage als BPV bij erkende leerbedrijven via het meetingpoint.",
            "looptijd": "Jaarlijks verlengd na bestuurlijk overleg.",
        },
        "supersedes": None,
    },
    {
        "key": "convenant-element-2013",
        "kind": "sok",
        "title": (
            "Convenant doorlopende routes Het Element - ROC Midden Nederland, MBO Amersfoort en Rijn IJssel "
            "(aanvulling: toetreding Rijn IJssel)"
        ),
        "reference": "Convenant 2013 (versie 2)",
        "valid_from": "2013-08-01",
        "valid_to": None,
        "routes": ["het-element-routes"],
        "signatures": [
            {"board": "het-element-bestuur", "signed_on": "2013-06-11", "signatory": "directeur-bestuurder"},
            {
                "board": "roc-mn-bestuur",
                "signed_on": "2013-06-18",
                "signatory": "voorzitter college van bestuur",
            },
            {
                "board": "mbo-amersfoort-bestuur",
                "signed_on": "2013-06-20",
                "signatory": "voorzitter college van bestuur",
            },
            {
                "board": "rijn-ijssel-bestuur",
                "signed_on": "2013-06-25",
                "signatory": "voorzitter college van bestuur",
            },
        ],
        "topics": {
            "aansturing": (
                "Per profiel een gefaciliteerde vmbo-docent en per route een mbo-coördinator; jaarlijks "
                "bestuurlijk overleg over de verdeling van het aanbod over de drie mbo's."
            ),
            "inrichting": (
                "Praktijkexamen in leerjaar 3; in leerjaar 4 op dinsdag of donderdag naar het mbo en één dag "
                "stage; de eerste drie weken gaat een vmbo-docent mee."
            ),
            "bekostiging": (
                "M3: € 50 per uur per mbo-docent, samen zo'n € 200.000 per jaar aan de drie mbo's."
            ),
            "overstapoptie": (
                "Met het vmbo-diploma staan alle vervolgroutes open; wie het profiel niet past, kan extra "
                "keuzevakken doen."
            ),
            "sector_domein": "Zeven profielen (BWI, PIE, M&T, D&P, E&O, Z&W, HBR), zo'n 24 kwalificaties.",
            "werkgevers": "Stage als BPV bij erkende leerbedrijven via het meetingpoint.",
            "evaluatie_beeindiging": (
                "Mbo-docenten koppelen periodiek terug; afspraken worden gemonitord en zo nodig bijgesteld."
            ),
            "looptijd": "Jaarlijks verlengd na bestuurlijk overleg.",
        },
        "supersedes": "convenant-element-2011",
    },
    {
        "key": "raamwerk-element-rocmn-concept",
        "kind": "sok",
        "title": "Raamwerkovereenkomst Het Element - ROC Midden Nederland (concept)",
        "reference": "Concept, juridisch getoetst",
        "valid_from": None,
        "valid_to": None,
        "routes": ["het-element-routes"],
        "signatures": [
            {"board": "het-element-bestuur", "signed_on": None, "signatory": "directeur-bestuurder"},
            {"board": "roc-mn-bestuur", "signed_on": None, "signatory": "voorzitter college van bestuur"},
        ],
        "topics": {
            "aansturing": (
                "Eén raamwerk voor alle routes met ROC Midden Nederland in plaats van losse convenanten."
            ),
            "inrichting": "Blauwdruk per route, voor elke crebo op dezelfde manier geregeld.",
            "bekostiging": "Uurtarief per mbo-docent (M3) volgens jaarlijkse prijsafspraak.",
        },
        "supersedes": None,
    },
    {
        "key": "convenant-profijt-2000",
        "kind": "sok",
        "title": "Convenant samenwerkingsverband Profijt (Achterhoek)",
        "reference": "Convenant 14 juli 2000",
        "valid_from": "2000-07-14",
        "valid_to": None,
        "routes": ["profijt-stera", "profijt-toptraject"],
        "signatures": [
            {
                "board": "profijt-vo-bestuur",
                "signed_on": "2000-07-14",
                "signatory": "voorzitter college van bestuur",
            },
            {
                "board": "profijt-mbo-1-bestuur",
                "signed_on": "2000-07-14",
                "signatory": "voorzitter college van bestuur",
            },
            {
                "board": "profijt-mbo-2-bestuur",
                "signed_on": "2000-07-14",
                "signatory": "voorzitter college van bestuur",
            },
        ],
        "topics": {
            "aansturing": (
                "Directieberaad elke twee maanden (besluit op consensus); klankbordgroepen decanen en "
                "zorgcoördinatoren; docentenwerkgroep per profiel; twee coördinatoren."
            ),
            "bekostiging": (
                "Kosten 50% mbo en 50% vo, de vo-scholen naar leerlingaantal gecorrigeerd met het aandeel "
                "dat naar de partner-mbo's gaat (M4); STERA met subsidie van de provincie."
            ),
            "sector_domein": (
                "Alle profielen; doel: zoveel mogelijk leerlingen gekwalificeerd naar de arbeidsmarkt."
            ),
            "werkgevers": "Samenwerking met bedrijven (STERA: keuzevakken bij het bedrijfsleven).",
            "evaluatie_beeindiging": "Het directieberaad is het ijkmoment; deelname is vrijwillig.",
        },
        "supersedes": None,
    },
    {
        "key": "convenant-perron-2007",
        "kind": "sok",
        "title": "Convenant Het Perron: CSV - ROC A12",
        "reference": "Convenant 2007 en projectplan 'Ambitie, vertrouwen, realisme'",
        "valid_from": "2007-07-01",
        "valid_to": None,
        "routes": ["het-perron-veenendaal"],
        "signatures": [
            {
                "board": "csv-bestuur",
                "signed_on": "2007-06-28",
                "signatory": "voorzitter college van bestuur",
            },
            {
                "board": "roc-a12-bestuur",
                "signed_on": "2007-06-28",
                "signatory": "voorzitter college van bestuur",
            },
        ],
        "topics": {
            "aansturing": (
                "Wekelijks Perronoverleg van twee directieleden van CSV en de locatieverantwoordelijke van "
                "ROC A12."
            ),
            "inrichting": (
                "Vmbo- en mbo-aanbod op één locatie; alle niveau 2-opleidingen in Veenendaal af te ronden, "
                "niveau 3-4 minstens één per domein; doorlopende leerlijnen uitgewerkt in docentenkoppels."
            ),
            "bekostiging": (
                "Gebouw deels van de gemeente, deels van ROC A12; werkplaatsmanager in dienst van A12, deels "
                "betaald door CSV."
            ),
            "overstapoptie": (
                "Leerlingen houden het vmbo-diploma en kunnen ook elders of een andere opleiding kiezen."
            ),
            "faciliteiten": "Gemeenschappelijke docentenkamers, studiedagen en praktijkruimtes.",
        },
        "supersedes": None,
    },
    {
        "key": "interne-regeling-terra-groene-lyceum",
        "kind": "interne_regeling",
        "title": "Interne regeling Groene Lyceum AOC Terra",
        "reference": "Interne regeling hGL (één bevoegd gezag voor vmbo en mbo)",
        "valid_from": "2006-08-01",
        "valid_to": None,
        "routes": ["terra-groene-lyceum"],
        "signatures": [
            {"board": "terra", "signed_on": "2006-07-03", "signatory": "voorzitter college van bestuur"},
        ],
        "topics": {
            "aansturing": (
                "College van bestuur; projectleider Groene Lyceum; maandelijks overleg van de "
                "opleidingscoördinatoren van alle vestigingen."
            ),
            "inrichting": (
                "Verkorte leerlijn: vmbo-examen in leerjaar 3 en 4, leerjaar 5 op het mbo; homogene groep; "
                "blokken van 120 minuten."
            ),
            "bekostiging": (
                "Eén bevoegd gezag: geen overdracht tussen partners (M5); interne verdeling vmbo en mbo."
            ),
            "overstapoptie": (
                "Leerlingen behalen het vmbo-diploma en kunnen na leerjaar 4 in elk vervolg instromen."
            ),
            "faciliteiten": "Vmbo- en mbo-vestigingen van AOC Terra; ouderavond vanaf leerjaar 4 op het mbo.",
            "sector_domein": "Groen: Manager groene detailhandel (niveau 4), instroomrecht hbo.",
            "werkgevers": "Opdrachten en stages in het groene domein.",
            "klachten": "Klachtenregeling AOC Terra.",
            "examinering": (
                "Vmbo-examen op de havo-leerlijn (vijf vakken in leerjaar 3, twee in leerjaar 4); "
                "diplomering op één crebo."
            ),
            "administratie_avg": (
                "Eén administratie binnen AOC Terra; overgang naar mbo-inschrijving in leerjaar 5."
            ),
            "begeleiding_zorg": "Vmbo-docenten kunnen met de groep mee naar leerjaar 5.",
            "verzuim": "Verzuimmelding door de afdeling waar de leerling is ingeschreven.",
            "looptijd": "Onbepaalde tijd.",
            "evaluatie_beeindiging": (
                "Tweemaal per jaar 'hGL-Terra-breed'-middagen; oud-leerlingen worden gevolgd."
            ),
            "medezeggenschap": "Medezeggenschapsraden van vmbo en mbo van AOC Terra.",
        },
        "supersedes": None,
    },
    {
        "key": "convenant-calvijn-vm2-roc-top",
        "kind": "sok",
        "title": "Convenant VM2 Calvijn met Junior College - ROC TOP",
        "reference": "VM2-convenant (Amarantis Onderwijsgroep)",
        "valid_from": "2008-08-01",
        "valid_to": "2014-07-31",
        "routes": ["calvijn-vm2-roc-top"],
        "signatures": [
            {"board": "amarantis", "signed_on": "2008-06-30", "signatory": "voorzitter college van bestuur"},
        ],
        "topics": {
            "aansturing": "Gemengd team van vmbo- en mbo-docenten; teammanager Beroepscollege.",
            "inrichting": (
                "Eén stroom van vmbo-BB naar mbo 2 op de vmbo-locatie, competentiegericht en in eigen tempo."
            ),
            "bekostiging": (
                "VM2: de vo-bekostiging loopt door tot kwalificering; inzet ROC TOP binnen één bestuur "
                "verrekend."
            ),
            "overstapoptie": "Leerlingen die uitvallen krijgen maatwerk binnen ROC TOP.",
            "examinering": (
                "Geen examen basisberoepsgerichte leerweg; mbo 2-examinering onder verantwoordelijkheid van "
                "ROC TOP."
            ),
        },
        "supersedes": None,
    },
    {
        "key": "lwt-noorderlicht-2021",
        "kind": "lwt",
        "title": (
            "Overeenkomst leerwerktraject vmbo-BB Beroepscollege Noorderlicht - ROC van Amsterdam (mbo "
            "college Noord)"
        ),
        "reference": "LWT-overeenkomst 2021",
        "valid_from": "2021-08-01",
        "valid_to": None,
        "routes": [],
        "signatures": [
            {"board": "zaam", "signed_on": "2021-06-24", "signatory": "voorzitter college van bestuur"},
            {
                "board": "roc-amsterdam",
                "signed_on": "2021-07-01",
                "signatory": "voorzitter college van bestuur",
            },
        ],
        "topics": {
            "aansturing": "Teamleider BB Noorderlicht en opleidingsmanager mbo college Noord.",
            "inrichting": (
                "Leerwerktraject voor reguliere vmbo-BB-leerlingen die niet in de geïntegreerde route "
                "zitten; praktijk bij erkende leerbedrijven; staat los van de doorlopende leerroute."
            ),
            "bekostiging": "Geen overdracht; elk draagt de eigen kosten.",
            "examinering": "Vmbo-BB-examen met het leerwerktraject; geen mbo-examenonderdelen.",
            "werkgevers": "Erkende leerbedrijven in Amsterdam-Noord.",
        },
        "supersedes": None,
    },
]
