import pytest
from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st

from apps.core.lib.pseudonym import PseudonymKeyMissing, national_key, valid_bsn

VALID = "111222333"  # passes the elfproef


def test_elfproef():
    assert valid_bsn(VALID) and not valid_bsn("111222334") and not valid_bsn("12345")


@override_settings(LEERROUTE_PSEUDONYM_KEY="k1")
def test_keyed_hash_is_stable_keyed_and_hides_the_bsn():
    key = national_key(VALID)
    assert key == national_key("1112.22.333") and len(key) == 64 and VALID not in key
    with override_settings(LEERROUTE_PSEUDONYM_KEY="k2"):
        assert national_key(VALID) != key
    with pytest.raises(ValueError) as error:
        national_key("111222334")
    assert "111222334" not in str(error.value)


@override_settings(LEERROUTE_PSEUDONYM_KEY="")
def test_refused_without_key():
    with pytest.raises(PseudonymKeyMissing):
        national_key(VALID)


@override_settings(LEERROUTE_PSEUDONYM_KEY="k1")
@given(st.from_regex(r"[0-9]{9}", fullmatch=True))
def test_only_elfproef_numbers_get_a_key(bsn):
    if valid_bsn(bsn):
        assert len(national_key(bsn)) == 64
    else:
        with pytest.raises(ValueError):
            national_key(bsn)
