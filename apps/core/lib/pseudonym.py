"""Pseudonymous national keys: a keyed hash (HMAC-SHA256) of the BSN, with the key kept outside the
database (LEERROUTE_PSEUDONYM_KEY). The BSN itself is never stored, logged or shown."""
import hashlib
import hmac

from django.conf import settings


class PseudonymKeyMissing(RuntimeError):
    """No key is configured: BSNs cannot be accepted."""


def valid_bsn(value: str) -> bool:
    """The 9-digit elfproef of a burgerservicenummer."""
    if len(value) != 9 or not value.isdigit() or value == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(value[:8], range(9, 1, -1))) - int(value[8])
    return total % 11 == 0


def normalise_bsn(value: str) -> str:
    digits = "".join(ch for ch in str(value) if ch.isdigit())
    return digits.zfill(9) if 8 <= len(digits) <= 9 else digits


def national_key(bsn: str) -> str:
    """The pseudonym of a BSN. Raises PseudonymKeyMissing without a key, ValueError for a BSN that
    fails the elfproef (the message never contains the number)."""
    key = settings.LEERROUTE_PSEUDONYM_KEY
    if not key:
        raise PseudonymKeyMissing("Er is geen sleutel voor pseudoniemen ingesteld (LEERROUTE_PSEUDONYM_KEY); "
                                  "BSN's kunnen niet worden verwerkt.")
    digits = normalise_bsn(bsn)
    if not valid_bsn(digits):
        raise ValueError("Dit is geen geldig BSN (elfproef).")
    return hmac.new(key.encode(), digits.encode(), hashlib.sha256).hexdigest()
