"""Pure domain core of Leerroute: no Django imports here."""
