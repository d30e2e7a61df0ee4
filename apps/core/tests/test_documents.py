"""Agreement documents: only PDF, DOCX and ODT (extension and content) of at most 20 MB, with a Dutch
message naming the field; nothing else is stored."""
import io
import zipfile

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.core.lib.documents import MAX_DOCUMENT_BYTES, validate_agreement_document
from apps.routes.models import Agreement


def zipped(entries: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, content in entries.items():
            package.writestr(name, content)
    return buffer.getvalue()


PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF"
DOCX = zipped({"[Content_Types].xml": '<Types><Override PartName="/word/document.xml" ContentType="application/'
                                      'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
               "word/document.xml": "<w:document/>"})
ODT = zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>"})
XLSX = zipped({"[Content_Types].xml": '<Types><Override ContentType="application/vnd.openxmlformats-'
                                      'officedocument.spreadsheetml.sheet.main+xml"/></Types>'})
ODS = zipped({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"})


def upload(client, agreement, name, content):
    response = client.post(f"/overeenkomsten/{agreement.pk}/documenten/",
                           {"file": SimpleUploadedFile(name, content), "description": "getekend"})
    assert response.status_code == 302
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def agreement(glr_route, client):
    client.login(username="calvijn", password="pw-calvijn")
    return Agreement.objects.get()


@pytest.mark.parametrize("name,content", [("sok.pdf", PDF), ("SOK.PDF", PDF), ("sok.docx", DOCX), ("sok.odt", ODT)])
def test_pdf_docx_odt_are_accepted(agreement, client, name, content):
    assert upload(client, agreement, name, content) == ["Document toegevoegd."]
    assert agreement.documents.get().filename.lower().endswith(name.rsplit(".", 1)[1].lower())


@pytest.mark.parametrize("name,content,expected", [
    ("sok.exe", b"MZ\x90\x00", "Alleen PDF, DOCX of ODT"),
    ("sok.html", b"<html><script>alert(1)</script>", "Alleen PDF, DOCX of ODT"),
    ("sok", PDF, "Alleen PDF, DOCX of ODT"),
    ("sok.pdf", b"<html>not a pdf</html>", "geen PDF-document"),
    ("sok.pdf", DOCX, "geen PDF-document"),
    ("sok.docx", PDF, "geen DOCX-document"),
    ("sok.docx", XLSX, "geen DOCX-document"),
    ("sok.docx", ODT, "geen DOCX-document"),
    ("sok.odt", ODS, "geen ODT-document"),
    ("sok.odt", DOCX, "geen ODT-document"),
    ("sok.odt", b"PK\x03\x04 broken zip", "geen ODT-document"),
])
def test_other_files_are_refused_naming_the_field(agreement, client, name, content, expected):
    messages = upload(client, agreement, name, content)
    assert len(messages) == 1 and messages[0].startswith("Bestand: ") and expected in messages[0], messages
    assert not agreement.documents.exists()


def test_more_than_20_mb_is_refused(agreement, client):
    messages = upload(client, agreement, "groot.pdf", b"%PDF-1.7\n" + b"0" * MAX_DOCUMENT_BYTES)
    assert len(messages) == 1 and "hoogstens 20 MB" in messages[0] and messages[0].startswith("Bestand: ")
    assert not agreement.documents.exists()


def test_exactly_20_mb_is_accepted():
    validate_agreement_document(SimpleUploadedFile("precies.pdf", b"%PDF-" + b"0" * (MAX_DOCUMENT_BYTES - 5)))


def test_no_file_names_the_field(agreement, client):
    response = client.post(f"/overeenkomsten/{agreement.pk}/documenten/", {"description": "x"})
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert len(messages) == 1 and messages[0].startswith("Bestand: ")
