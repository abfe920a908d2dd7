"""Finnish personal identity codes and temporary identifiers (kototieto.model.identity).

python-stdnum's hetu module serves as an independent oracle for the check character.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.fi import hetu as stdnum_hetu

from kototieto.model.identity import (
    CENTURY_SIGNS,
    Hetu,
    is_temporary_id,
    is_test_range,
    is_valid_hetu,
    make_hetu,
    make_temporary_id,
    parse_hetu,
)

# Check characters computed by hand: DDMMYYZZZ mod 31 indexes "0123456789ABCDEFHJKLMNPRSTUVWXY".
# 010101900 = 31 * 325867 + 23 -> R; 241219950 = 31 * 7781288 + 22 -> P;
# 150588901 = 31 * 4857706 + 15 -> F; 290200999 = 31 * 9361322 + 17 -> J.
HAND_CHECKED = [
    ("010101-900R", date(1901, 1, 1), 900, "female"),
    ("241219A950P", date(2019, 12, 24), 950, "female"),
    ("241219B950P", date(2019, 12, 24), 950, "female"),
    ("150588+901F", date(1888, 5, 15), 901, "male"),
    ("290200A999J", date(2000, 2, 29), 999, "male"),
]


@pytest.mark.parametrize(("value", "born", "number", "sex"), HAND_CHECKED)
def test_hand_checked_synthetic_codes(value: str, born: date, number: int, sex: str) -> None:
    parsed = parse_hetu(value)
    assert parsed == Hetu(value=value, birth_date=born, individual_number=number, sex=sex)  # type: ignore[arg-type]
    assert is_test_range(parsed)
    assert stdnum_hetu.is_valid(value, allow_temporary=True)


def test_every_century_sign_is_accepted() -> None:
    assert set(CENTURY_SIGNS) == set("+-YXWVUABCDEF")
    for sign, century in CENTURY_SIGNS.items():
        born = date(century + 75, 6, 30)
        primary = make_hetu(born, 942)
        value = primary[:6] + sign + primary[7:]
        parsed = parse_hetu(value)
        assert parsed.birth_date == born, sign
        assert parsed.individual_number == 942
        assert parsed.value == value
        assert parsed.canonical == primary
        assert stdnum_hetu.is_valid(value, allow_temporary=True), sign


def test_new_and_old_century_signs_are_equivalent() -> None:
    old_1900, old_2000 = parse_hetu("010101-900R"), parse_hetu("241219A950P")
    for sign in "YXWVU":
        new = parse_hetu(f"010101{sign}900R")
        assert (new.birth_date, new.individual_number, new.sex) == (
            old_1900.birth_date,
            old_1900.individual_number,
            old_1900.sex,
        )
        assert new.canonical == old_1900.value
    for sign in "BCDEF":
        new = parse_hetu(f"241219{sign}950P")
        assert new.birth_date == old_2000.birth_date
        assert new.canonical == old_2000.value


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("010101-900S", "wrong check character 'S': expected 'R'"),
        ("010101-900r", "wrong check character 'r'"),
        ("310224-950A", "impossible birth date: day 31 of month 02 in year 1924"),
        ("290200-999J", "impossible birth date: day 29 of month 02 in year 1900"),
        ("011301-900R", "impossible birth date: day 01 of month 13"),
        ("000101-900R", "impossible birth date: day 00"),
        ("010101Z900R", "unknown century sign 'Z'"),
        ("010101a900R", "century signs are upper case"),
        ("010101/900R", "unknown century sign '/'"),
        ("010101-" + "001X", "individual number 001 is never issued"),  # split: never issued, not a person
        ("010101-900", "expected 11 characters"),
        (" 010101-900R", "expected 11 characters"),
        ("010101-900R ", "expected 11 characters"),
        ("01O101-900R", "expected 11 characters"),
        ("", "expected 11 characters"),
    ],
)
def test_invalid_codes_raise_a_clear_message(value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(")) as raised:
        parse_hetu(value)
    assert not is_valid_hetu(value)
    # The message must not echo the personal data it was given.
    assert value.strip() == "" or value.strip() not in str(raised.value)


def test_wrong_checksum_agrees_with_stdnum() -> None:
    good = make_hetu(date(1975, 3, 9), 913)
    for check in "0123456789ABCDEFHJKLMNPRSTUVWXY":
        value = good[:-1] + check
        assert is_valid_hetu(value) == stdnum_hetu.is_valid(value, allow_temporary=True) == (value == good)


def test_non_string_input_is_rejected() -> None:
    with pytest.raises(ValueError, match="expected 11 characters"):
        parse_hetu(10101900)  # type: ignore[arg-type]


def test_is_synthetic_boundaries() -> None:
    born = date(1990, 4, 1)
    assert not is_test_range(parse_hetu(make_hetu(born, 899)))
    assert is_test_range(parse_hetu(make_hetu(born, 900)))
    assert is_test_range(parse_hetu(make_hetu(born, 999)))
    assert not is_test_range(parse_hetu(make_hetu(born, 2)))


def test_sex_follows_the_parity_of_the_individual_number() -> None:
    assert parse_hetu(make_hetu(date(2010, 7, 7), 900)).sex == "female"
    assert parse_hetu(make_hetu(date(2010, 7, 7), 901)).sex == "male"


def test_make_hetu_uses_the_primary_sign_and_checks_its_range() -> None:
    assert make_hetu(date(1899, 12, 31), 900)[6] == "+"
    assert make_hetu(date(1900, 1, 1), 900)[6] == "-"
    assert make_hetu(date(2000, 1, 1), 900)[6] == "A"
    with pytest.raises(ValueError, match="birth year 1799"):
        make_hetu(date(1799, 12, 31), 900)
    with pytest.raises(ValueError, match="birth year 2100"):
        make_hetu(date(2100, 1, 1), 900)
    for bad in (0, 1, 1000, -5):
        with pytest.raises(ValueError, match="individual number"):
            make_hetu(date(2000, 1, 1), bad)


@given(
    born=st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31)),
    number=st.integers(min_value=2, max_value=999),
)
def test_make_then_parse_round_trips(born: date, number: int) -> None:
    value = make_hetu(born, number)
    parsed = parse_hetu(value)
    assert (parsed.value, parsed.birth_date, parsed.individual_number) == (value, born, number)
    assert stdnum_hetu.is_valid(value, allow_temporary=True)


@given(
    born=st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31)),
    number=st.integers(min_value=900, max_value=999),
    position=st.integers(min_value=0, max_value=10),
    replacement=st.sampled_from("0123456789ABCDEFHJKLMNPRSTUVWXY-+"),
)
def test_any_single_change_is_caught_or_is_an_equivalent_sign(
    born: date, number: int, position: int, replacement: str
) -> None:
    value = make_hetu(born, number)
    changed = value[:position] + replacement + value[position + 1 :]
    if changed == value:
        return
    if (
        position == 6
        and replacement in CENTURY_SIGNS
        and CENTURY_SIGNS[replacement] == born.year // 100 * 100
    ):
        assert parse_hetu(changed).canonical == value
    elif is_valid_hetu(changed):
        # A changed digit can only pass if it moves to another real person's code, which then
        # must differ in date or number: never silently the same code.
        assert parse_hetu(changed).canonical != value


def test_temporary_ids() -> None:
    assert make_temporary_id(0) == "T-00000000"
    assert make_temporary_id(63) == "T-0000001Z"
    assert make_temporary_id(32**8 - 1) == "T-ZZZZZZZZ"
    assert is_temporary_id("T-0000001Z")
    for value in ("T-0000001", "T-000000012", "t-0000001Z", "T-0000001I", "T-0000001O", "X-0000001Z", 7):
        assert not is_temporary_id(value), value  # type: ignore[arg-type]
    for bad in (-1, 32**8):
        with pytest.raises(ValueError, match="out of range"):
            make_temporary_id(bad)


@given(st.integers(min_value=0, max_value=32**8 - 1))
def test_temporary_ids_are_distinct_and_never_hetus(number: int) -> None:
    value = make_temporary_id(number)
    assert is_temporary_id(value)
    assert not is_valid_hetu(value)
    assert make_temporary_id(number + 1 if number < 32**8 - 1 else 0) != value


def test_a_hetu_is_never_a_temporary_id() -> None:
    for value, *_ in HAND_CHECKED:
        assert not is_temporary_id(value)
