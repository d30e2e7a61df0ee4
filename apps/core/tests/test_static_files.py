"""`make run` and production collect the static files into WhiteNoise's manifest storage, which refuses a
static file that names a file that is not there (a source map, a font). Every vendored file must pass.
Django's own manifest storage does the same check without WhiteNoise's compression (a minute of CPU)."""
from django.core.management import call_command
from django.test import override_settings


def test_static_files_collect_into_the_manifest_storage(tmp_path, settings):
    storages = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}}
    with override_settings(STORAGES=storages, STATIC_ROOT=tmp_path):
        call_command("collectstatic", interactive=False, verbosity=0)
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert "vendor/chart.umd.min.js" in manifest and "js/charts.js" in manifest
