"""Names as Dutch schools sort them: on the surname without its tussenvoegsel, so "de Vries" is
filed under V and "van der Berg" under B (as in Magister, Somtoday, Eduarte and the phone book).

Students keep their surname as they write it, tussenvoegsel included ("de Vries"; the import joins a
separate tussenvoegsel column in front of it). :func:`sort_key` gives the key to sort on: the
surname lowercased, without the leading tussenvoegsel(s) it starts with. The database computes the
same key (``apps.students.models.Student.sort_name``, a generated column built from
:data:`TUSSENVOEGSELS`), so that sorting and pagination run in the database.
"""

# The tussenvoegsels a surname can start with (lowercase), longest first so that "van der" is taken
# whole before "van". A surname that is only a tussenvoegsel ("Van") keeps it: the prefix must be
# followed by a space (or, for "d'" and "l'", by the rest of the name) and then more name.
TUSSENVOEGSELS: tuple[str, ...] = (
    "van de la", "van der", "van den", "van het", "van 't", "van de", "van ter", "van ten", "van in 't",
    "in 't", "in de", "in het", "in den", "uit de", "uit den", "uit het", "uit 't", "op de", "op den",
    "op het", "op 't", "aan de", "aan den", "aan het", "bij de", "bij den", "onder de", "over de",
    "voor de", "voor den", "de la", "de le", "de los", "de las", "de van der", "van", "von", "de", "den",
    "der", "des", "het", "'t", "te", "ter", "ten", "la", "le", "les", "du", "da", "dos", "del", "el",
)
# Prefixes written against the name without a space ("d'Ancona", "l'Ami").
ELIDED: tuple[str, ...] = ("d'", "l'")


def _sorted_prefixes() -> list[tuple[str, bool]]:
    """(prefix as matched, elided) with the longest first: the order the database's CASE tries them."""
    spaced = [(f"{p} ", False) for p in TUSSENVOEGSELS]
    elided = [(p, True) for p in ELIDED]
    return sorted(spaced + elided, key=lambda pair: -len(pair[0]))


PREFIXES = _sorted_prefixes()


def sort_key(last_name: str) -> str:
    """The key a surname sorts on: lowercased, without its leading tussenvoegsel.

    >>> sort_key("de Vries"), sort_key("van der Berg"), sort_key("Van"), sort_key("d'Ancona")
    ('vries', 'berg', 'van', 'ancona')
    """
    name = last_name.lower()
    for prefix, _elided in PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix):]
    return name
