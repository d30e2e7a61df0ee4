"""URLs of the import wizard (see import_views.py)."""
urlpatterns = []
