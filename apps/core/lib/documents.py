"""Agreement documents: PDF, DOCX or ODT of at most 20 MB. The extension and the content must agree:
a PDF starts with ``%PDF-``; DOCX and ODT are zip packages, DOCX with the Word main document in its
``[Content_Types].xml``, ODT with the ``mimetype`` entry ``application/vnd.oasis.opendocument.text``."""
import zipfile

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext as _

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
EXTENSIONS = ["pdf", "docx", "odt"]
DOCX_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def _zip_entry(upload, name: str, limit: int) -> bytes | None:
    """The first ``limit`` bytes of one entry of a zip package, None when it is not a zip or lacks the entry."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as package:
            with package.open(name) as entry:
                return entry.read(limit)
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, ValueError, NotImplementedError):
        return None
    finally:
        upload.seek(0)


def _content_matches(upload, extension: str) -> bool:
    if extension == "pdf":
        upload.seek(0)
        head = upload.read(5)
        upload.seek(0)
        return head == b"%PDF-"
    if extension == "docx":
        types = _zip_entry(upload, "[Content_Types].xml", 64 * 1024)
        return types is not None and DOCX_MAIN in types
    mimetype = _zip_entry(upload, "mimetype", 100)
    return mimetype is not None and mimetype.strip() == ODT_MIMETYPE


def validate_agreement_document(upload) -> None:
    """ValidationError with a Dutch message when the upload is not a PDF, DOCX or ODT of at most 20 MB."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(_("Het bestand is %(size).1f MB; een document mag hoogstens 20 MB zijn.")
                              % {"size": upload.size / (1024 * 1024)}, code="too_large")
    FileExtensionValidator(EXTENSIONS, message=_("Alleen PDF, DOCX of ODT (niet .%(extension)s)."))(upload)
    extension = upload.name.rsplit(".", 1)[-1].lower()
    if not _content_matches(upload, extension):
        raise ValidationError(_("Het bestand heet .%(extension)s maar de inhoud is geen %(kind)s-document; "
                                "alleen PDF, DOCX of ODT.") % {"extension": extension, "kind": extension.upper()},
                              code="content")
