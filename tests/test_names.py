"""Region names match despite prefixes, capitals and old names, and keep cities apart from regencies."""

import pytest

from kalimantan_equity.services.names import name_key, same_region, short_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kab. Kapuas Hulu", "Kabupaten Kapuas Hulu"),
        ("KAPUAS HULU", "Kabupaten Kapuas Hulu"),
        ("Kabupaten Pontianak", "Kabupaten Mempawah"),
        ("Pasir", "Kabupaten Paser"),
        ("Mahakam Hulu", "Kabupaten Mahakam Ulu"),
        ("Kota Baru", "Kabupaten Kotabaru"),
        ("Kota Banjar Baru", "Kota Banjarbaru"),
        ("Kota Palangka Raya", "Kota Palangkaraya"),
    ],
)
def test_same_region(a: str, b: str) -> None:
    assert same_region(a, b)


def test_city_and_regency_of_the_same_name_stay_apart() -> None:
    assert not same_region("Kota Pontianak", "Kabupaten Mempawah")
    assert not same_region("Kota Banjarmasin", "Kabupaten Banjar")
    assert name_key("Kota Pontianak").kind == "kota"


def test_short_name() -> None:
    assert short_name("Kabupaten Sambas") == "Sambas"
    assert short_name("Kota Pontianak") == "Kota Pontianak"
