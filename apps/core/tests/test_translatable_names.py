"""Every text marked for translation is found by makemessages: xgettext knows the translation functions
only by their names (gettext, gettext_lazy, ngettext, ..., and ``_``), so a module that imports one
under another name (``gettext_lazy as _lazy``) has texts that never reach the catalogue and stay Dutch
in English. The domain core marks its templates with its own ``gettext_noop`` (``domain.messages``)."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
MARKERS = {"gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext", "pgettext_lazy", "npgettext",
           "npgettext_lazy", "gettext_noop"}
KNOWN = MARKERS | {"_"}


def test_translation_functions_are_imported_under_names_makemessages_extracts():
    wrong = []
    for folder in ("apps", "leerroute", "domain"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
                    wrong += [f"{path.relative_to(ROOT)}: {a.name} as {a.asname}" for a in node.names
                              if a.name in MARKERS and a.asname not in (None, *KNOWN)]
    assert wrong == []


def test_the_domain_marks_its_templates_with_gettext_noop():
    from domain import messages

    assert messages.gettext_noop("Voldoet aan %(rule)s.") == "Voldoet aan %(rule)s."
