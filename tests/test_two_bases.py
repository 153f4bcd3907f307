"""One clause, two changes against two bases (issue 17, break-test bt17i): each value takes
the comparison that belongs to it, and a fall said in words is negative in the answer's
figure.  Wordings of our own:

- "giảm A% so với X nhưng tăng B% so với Y": "nhưng" (like "và", "trong khi") ends X, the
  first value's base -- never read as the second value's base written before it;
- "so với tháng trước giảm A%, so với cùng kỳ tăng B%": the base before each value, whole
  ("tháng trước", not "tháng tr" cut at the "ước" of "trước" taken for "ước giảm");
- three bases in one CPI sentence, a retail sentence with a level first; txt, html, docx;
- near-misses: "tăng 8,05% so với cùng kỳ năm trước" alone, "giảm 3,5%" with no base.
"""

from __future__ import annotations

import pytest
from conftest import service_over_files
from helpers import make_docx

from rag.records import AskOptions
from rag.vi.frames import extract


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Chỉ số sản xuất công nghiệp tháng 10/2034 giảm 1,4% so với tháng 9 nhưng tăng 6,2% "
     "so với cùng kỳ.", [("giảm 1,4%", -1, "tháng 9"), ("6,2%", 1, "cùng kỳ")]),
    ("Chỉ số sản xuất công nghiệp tháng 10/2034 so với tháng trước giảm 1,4%, so với cùng "
     "kỳ năm trước tăng 6,2%.",
     [("giảm 1,4%", -1, "tháng trước"), ("6,2%", 1, "cùng kỳ năm trước")]),
    ("Chỉ số giá tiêu dùng tháng 10/2034 giảm 0,2% so với tháng trước, tăng 3,1% so với "
     "cùng kỳ năm trước nhưng giảm 0,5% so với tháng 12/2033.",
     [("giảm 0,2%", -1, "tháng trước"), ("3,1%", 1, "cùng kỳ năm trước"),
      ("giảm 0,5%", -1, "tháng 12/2033")]),
    ("Chỉ số giá tiêu dùng tháng 10/2034 so với tháng trước tăng 0,3%, so với cùng kỳ năm "
     "trước tăng 3,1%, so với tháng 12/2033 tăng 2,5%.",
     [("0,3%", 1, "tháng trước"), ("3,1%", 1, "cùng kỳ năm trước"),
      ("2,5%", 1, "tháng 12/2033")]),
    ("Doanh thu bán lẻ tháng 10/2034 ước đạt 2.345 tỷ đồng, giảm 1,2% so với tháng trước "
     "nhưng tăng 11,3% so với cùng kỳ năm trước.",
     [("giảm 1,2%", -1, "tháng trước"), ("11,3%", 1, "cùng kỳ năm trước")]),
    ("Kim ngạch xuất khẩu tháng 10/2034 giảm 4,7% so với tháng 9 trong khi tăng 12,5% so với "
     "cùng kỳ.", [("giảm 4,7%", -1, "tháng 9"), ("12,5%", 1, "cùng kỳ")]),
    # near-miss: one change, one base
    ("Tính chung 10 tháng năm 2034, IIP tăng 8,05% so với cùng kỳ năm trước.",
     [("8,05%", 1, "cùng kỳ năm trước")]),
])
def test_each_change_takes_its_own_base(sentence: str,
                                        expected: list[tuple[str, int, str]]) -> None:
    changes = [(f.value, f.direction, f.comparison)
               for f in extract(sentence, "t", "2034-10-31") if f.measure == "change"]
    assert changes == expected


def test_a_fall_with_no_base_keeps_its_value() -> None:
    [f] = [f for f in extract("Than sạch đạt 392 nghìn tấn, giảm 3,5%.", "t", "2034-10-31")
           if f.measure == "change"]
    assert (f.value, f.low, f.direction, f.comparison) == ("giảm 3,5%", 3.5, -1, None)


IIP = ("Chỉ số sản xuất công nghiệp tháng 10/2034 giảm 1,4% so với tháng 9 nhưng tăng 6,2% so "
       "với cùng kỳ. Tính chung 10 tháng năm 2034, IIP tăng 8,05% so với cùng kỳ năm trước.")
CPI = ("Chỉ số giá tiêu dùng (CPI) tháng 9/2036 so với tháng trước giảm 0,36%, so với cùng kỳ "
       "năm trước tăng 2,74%, so với tháng 12/2035 tăng 1,18%.")
RETAIL = ("Tổng mức bán lẻ hàng hóa tháng 5/2035 ước đạt 2.418 tỷ đồng, giảm 2,3% so với "
          "tháng trước và tăng 9,6% so với cùng kỳ năm trước.")
DOCS: dict[str, str | bytes] = {
    "iip-10-2034.txt": "Tình hình sản xuất công nghiệp tháng 10 năm 2034\nNgày 31/10/2034\n\n"
                       + IIP + "\nThan sạch 10 tháng đạt 392 nghìn tấn, giảm 3,5%.\n",
    "cpi-9-2036.html": "<html><head><title>Chỉ số giá tháng 9 năm 2036</title></head><body>"
                       "<p>Ngày 29/9/2036</p><p>" + CPI + "</p></body></html>",
    "ban-le-5-2035.docx": make_docx("Tình hình thương mại tháng 5 năm 2035", "Ngày 29/5/2035",
                                    RETAIL),
}


@pytest.fixture(scope="module")
def svc(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return service_over_files(tmp_path_factory.mktemp("twobases"), DOCS)


@pytest.mark.parametrize(("question", "value", "number", "base"), [
    ("IIP tháng 10/2034 tăng bao nhiêu so với cùng kỳ?", "6,2%", 6.2, "cùng kỳ"),
    ("IIP tháng 10/2034 so với tháng 9 giảm bao nhiêu?", "1,4%", -1.4, "tháng 9"),
    ("CPI tháng 9/2036 so với tháng trước thay đổi thế nào?", "0,36%", -0.36, "tháng trước"),
    ("CPI tháng 9/2036 tăng bao nhiêu so với cùng kỳ năm trước?", "2,74%", 2.74, "cùng kỳ"),
    ("CPI tháng 9/2036 tăng bao nhiêu so với tháng 12/2035?", "1,18%", 1.18, "tháng 12/2035"),
    ("Tổng mức bán lẻ hàng hóa tháng 5/2035 giảm bao nhiêu so với tháng trước?", "2,3%", -2.3,
     "tháng trước"),
    ("Tổng mức bán lẻ hàng hóa tháng 5/2035 tăng bao nhiêu so với cùng kỳ?", "9,6%", 9.6,
     "cùng kỳ"),
    # near-misses: one base alone; a fall with no base
    ("IIP 10 tháng năm 2034 tăng bao nhiêu?", "8,05%", 8.05, "cùng kỳ năm trước"),
])
def test_the_asked_base_answers(svc, question: str, value: str, number: float,  # type: ignore[no-untyped-def]
                                base: str) -> None:
    a = svc.ask(question, AskOptions())
    assert a.found and a.figure is not None, a.answer
    assert value in a.figure.value, (a.answer, a.figure)
    assert a.figure.number == number, (a.answer, a.figure)
    assert a.figure.comparison is not None and a.figure.comparison.startswith(base), a.figure
    assert "nhưng." not in a.answer and " tr." not in a.answer, a.answer
