"""What the registry tells the apps above it. The registry does not import them (dependencies run one
way): an app that keeps something derived from reference data connects a receiver in its ready()."""
from django.dispatch import Signal

# Sent after an import changed kwalificaties or the profiel-kwalificatie table (R-01, R-02 read
# them), with ``kwalificatie_ids``: the set of kwalificaties whose facts changed.
kwalificaties_changed = Signal()
