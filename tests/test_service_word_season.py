"""A period word inside another word is no period: "dịch vụ chiếm 33,9%" is no "vụ Chiêm"
(issue 17 break-test bt23-b17 failure 1).  Wordings, figures and sectors differ from the
break-test's."""
from __future__ import annotations

from rag.vi.frames import extract
from rag.vi.mentions import find_mentions

_TITLE = "Báo cáo tình hình kinh tế 9 tháng năm 2081"


def _frames(text: str) -> list:
    return extract(text, title=_TITLE, doc_date="2081-09-28")


def test_services_share_keeps_the_sentences_period_and_its_own_subject() -> None:
    text = ("Cơ cấu kinh tế 9 tháng năm 2081: nông, lâm nghiệp và thủy sản chiếm 21,7%; "
            "thương mại - dịch vụ chiếm 38,2%; công nghiệp chiếm 40,1%.")
    by_value = {f.value: f for f in _frames(text)}
    services = by_value["38,2%"]
    assert services.period.kind != "season"
    assert services.period.label.startswith("9 tháng")
    assert "dịch vụ" in services.indicator
    assert by_value["40,1%"].period.kind != "season"


def test_other_vu_compounds_name_no_season() -> None:
    for text in ("Doanh thu dịch vụ mua sắm trực tuyến tăng 12%.",
                 "Nhiệm vụ đông đảo doanh nghiệp quan tâm năm 2081.",
                 "Phục vụ mùa du lịch hè 2081 đạt 1,2 triệu lượt khách."):
        assert all(m.period.kind != "season"
                   for m in find_mentions(text, 2081, report=True)), text


def test_crop_seasons_are_still_read() -> None:
    kinds = [m.period.label for m in find_mentions(
        "Diện tích gieo cấy vụ Chiêm đạt 6.100 ha, vụ mùa 2081 đạt 9.400 ha, "
        "vu dong xuan 2080-2081 dat 5.000 ha.", 2081, report=True)]
    assert "vụ Chiêm 2081" in kinds and "vụ Mùa 2081" in kinds
    assert "vụ Đông Xuân 2080–2081" in kinds
