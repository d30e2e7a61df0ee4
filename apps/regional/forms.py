from django import forms
from django.utils.translation import gettext_lazy as _


class PopulationImportForm(forms.Form):
    school_year = forms.IntegerField(
        label=_("Schooljaar (eerste jaar)"), required=False, min_value=1990, max_value=2100,
        help_text=_("Bijvoorbeeld 2020 voor 2020-2021 (peildatum 1 oktober 2020). Leeg: uit de kolom SCHOOLJAAR."))
    file = forms.FileField(
        label=_("DUO-bestand"),
        help_text=_("\"Leerlingen vo per vestiging naar onderwijstype, lwoo indicatie, sector/afdeling, opleiding\" "
                    "als CSV (puntkomma) of Excel."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx,.xlsm"}))
