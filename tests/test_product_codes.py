"""A grade, model, strain or route code (letters and digits: "RON 95-V", "E5 RON 92",
"0,001S-V", "H5N1", "QL4B") is part of the name before it, never a figure, and each product
of a list "X là V; Y ở mức W" keeps its own price (issue 17 break-test bt23-b17 failure 3).
Products, codes, prices and dates differ from the break-test's."""
from __future__ import annotations

from rag.answer.intent import read_intent
from rag.search.query import analyze
from rag.vi.frames import extract
from rag.vi.numbers import code_word, find_values

_TITLE = "Bản tin giá cả thị trường tháng 6 năm 2081"
_FUEL = ("Tại kỳ điều hành ngày 3/6/2081, giá xăng E5 RON 92 là 22.480 đồng/lít, giảm 120 "
         "đồng/lít so với kỳ điều hành ngày 27/5/2081 (22.600 đồng/lít); xăng RON 95-V ở mức "
         "25.310 đồng/lít; dầu hỏa là 19.770 đồng/lít; dầu diesel 0,001S-V là 20.640 đồng/lít, "
         "tăng 90 đồng/lít.")


def _frames(text: str) -> list:
    return extract(text, title=_TITLE, doc_date="2081-06-30")


def test_codes_are_words_of_a_name() -> None:
    for before, word in (("", "95-V"), ("", "0,001S-V"), ("", "H5N1"), ("", "COVID-19"),
                         ("", "PM2.5"), ("", "4G"), ("", "QL4B"), ("", "ĐT.226"),
                         ("xăng E5 RON ", "92"), ("chuẩn Euro ", "5")):
        assert code_word(before, word), (before, word)
    for before, word in (("", "Q3"), ("", "T10"), ("tháng ", "6"), ("", "2081"),
                         ("", "22.480"), ("quý ", "II")):
        assert not code_word(before, word), (before, word)


def test_code_digits_are_no_figures() -> None:
    texts = [v.text for v in find_values(_FUEL)]
    assert not any(t.strip() in ("92", "95", "0", "0,001") for t in texts), texts
    assert "25.310 đồng/lít" in texts and "20.640 đồng/lít" in texts


def test_each_product_keeps_its_own_price_and_name() -> None:
    frames = _frames(_FUEL)
    by_value = {f.value: f for f in frames}
    assert not any(f.value.strip() in ("92", "95", "0") for f in frames)
    assert "E5 RON 92" in by_value["22.480 đồng/lít"].indicator
    assert "RON 95-V" in by_value["25.310 đồng/lít"].indicator
    assert "E5" not in by_value["25.310 đồng/lít"].indicator
    assert "dầu hỏa" in by_value["19.770 đồng/lít"].indicator
    for value in ("20.640 đồng/lít", "90 đồng/lít"):
        frame = next(f for f in frames if f.value.endswith(value))
        assert "diesel 0,001S-V" in frame.indicator, frame.indicator
        assert "RON" not in frame.indicator and "RON" not in frame.parent
    # the products after the ";" are no parts of the first
    assert not any(f.part for f in frames), [(f.value, f.parent) for f in frames]


def test_a_change_and_an_earlier_level_are_no_parts() -> None:
    # 250 + 8.100 = 8.350: a change and the level before add up to the new level, no parts
    text = ("Ngày 12/6/2081, giá thóc tẻ thường là 8.350 đồng/kg, tăng 250 đồng/kg so với "
            "ngày 5/6/2081 (8.100 đồng/kg); ngô hạt là 7.200 đồng/kg; sắn tươi là 3.050 "
            "đồng/kg.")
    frames = _frames(text)
    assert not any(f.part for f in frames), [(f.value, f.parent) for f in frames]
    corn = next(f for f in frames if f.value == "7.200 đồng/kg")
    assert "ngô" in corn.indicator and "thóc" not in f"{corn.indicator} {corn.parent}"


def test_strain_and_route_codes_name_their_subject() -> None:
    outbreaks = _frames("Trong tháng 6/2081, dịch cúm gia cầm do virus H5N1 đã xuất hiện "
                        "3 ổ dịch tại 2 huyện.")
    assert [f.value for f in outbreaks][:1] == ["3"] or \
        any(f.value.startswith("3 ") for f in outbreaks), [f.value for f in outbreaks]
    assert all("H5N1" in f.indicator for f in outbreaks)
    assert not any(f.value.strip() in ("5", "1") for f in outbreaks)
    road = _frames("Đến ngày 25/6/2081, dự án nâng cấp QL4B đã hoàn thành 12 km mặt đường.")
    assert [f.value for f in road] == ["12 km"]
    assert "QL4B" in road[0].indicator


def test_a_questions_code_is_one_run_with_the_frames_number() -> None:
    runs = read_intent(analyze("giá dầu diesel 0,001S-V ngày 3/6/2081?")).runs
    assert any("0.001" in run and "diesel" in run and "v" in run for run in runs), runs
