"""Periods a report writes relative to its own date, and the period of a figure to a day
(break-test b17 N1, N6, N10; documents of our own, not the break-test's).

N1: "năm vừa qua", "năm ngoái", "cả năm", "tháng trước", "trong tháng" in a report are
counted from the report's date (its date line or upload date), not taken from the heading
("NHIỆM VỤ NĂM 2029"); the year of a multiple ("gấp rưỡi năm 2027") is its base.
N10: "trong quý III/2029 (tính đến ngày 15/9/2029)" is the quarter up to that day.
N6: "đến hết ngày 31/10/2029 ... bằng 68,4% kế hoạch năm 2029": the share is to that day; the
plan's year is its base."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract
from rag.vi.mentions import find_mentions

REVIEW = ("HỘI NGHỊ SƠ KẾT CÔNG TÁC VÀ TRIỂN KHAI NHIỆM VỤ NĂM 2029 TỈNH AN BIÊN\n"
          "Ngày 03/02/2029\n"
          "Báo cáo tại hội nghị cho biết, năm vừa qua toàn tỉnh trồng mới 3.150 ha rừng, gấp "
          "rưỡi năm 2027. Cả năm, toàn tỉnh thu hút 27 dự án đầu tư.\n"
          "Tháng trước, doanh thu các chợ biên giới đạt 412 tỷ đồng, tăng 3,5% so với tháng "
          "12/2028. Năm ngoái, kim ngạch qua cửa khẩu Chi Ma đạt 1.284 triệu USD, tăng 9% so "
          "với năm trước.\n"
          "Trong quý IV/2028 (tính đến ngày 18/12/2028), toàn tỉnh giải ngân thêm 1.760 tỷ đồng "
          "vốn đầu tư công, nâng tổng vốn giải ngân cả năm lên 5.215 tỷ đồng, đạt 94,6% kế "
          "hoạch.")
QUARTER = ("BÁO CÁO NHANH TÌNH HÌNH ĐẦU TƯ CÔNG\n"
           "Đến hết ngày 31/10/2029, vốn đầu tư công toàn tỉnh giải ngân đạt 2.760 tỷ đồng, bằng "
           "68,4% kế hoạch năm 2029, cao hơn bình quân chung (57,2%).")
UPLOAD = ("Trong tháng, Chi cục Hải quan cửa khẩu làm thủ tục cho 8.420 tờ khai, tăng 4,1% so "
          "với tháng trước. Lũy kế từ đầu năm đến nay đạt 91.300 tờ khai.")
DOCS = [{"id": "hoi-nghi-2029", "title": "Hội nghị sơ kết", "text": REVIEW},
        {"id": "dau-tu-cong", "title": "Báo cáo nhanh đầu tư công", "date": "2029-11-02",
         "text": QUARTER},
        {"id": "tin-hai-quan", "title": "Tin hải quan", "date": "2029-11-27", "text": UPLOAD}]


def _periods(text: str, doc_date: str | None = None) -> dict[str, str]:
    return {f.value: f.period.label if f.period else "" for f in extract(text, "", doc_date)}


def test_relative_words_count_from_the_report_date() -> None:
    got = _periods(REVIEW)
    assert got["3.150 ha"] == "năm 2028"  # not the base "năm 2027", nor the heading's 2029
    assert got["27 dự án"] == "năm 2028"
    assert got["412 tỷ đồng"] == "tháng 1/2029"
    assert got["3,5%"] == "tháng 1/2029"
    assert got["1.284 triệu USD"] == "năm 2028"


def test_upload_date_gives_the_month() -> None:
    got = _periods(UPLOAD, "2029-11-27")
    assert got["8.420 tờ khai"] == "tháng 11/2029"
    assert got["91.300 tờ khai"] == "tính đến 27/11/2029"
    assert _periods(UPLOAD)["8.420 tờ khai"] == ""  # no date: no month


def test_relative_words_in_mid_year_and_in_a_comparison() -> None:
    # "năm qua" in July is the twelve months past, no calendar year; "so với năm trước" is a base
    found = find_mentions("Năm qua, sản lượng tăng 5% so với năm trước.", 2029,
                          date(2029, 7, 10), report=True)
    assert found == []
    # a base in the clause's comparison; "cả năm" qualifying a period; "năm nay" in January
    now = date(2029, 2, 3)
    assert find_mentions("diện tích lúa mùa bằng 98% so với vụ mùa năm trước", None, now,
                         report=True) == []
    assert find_mentions("tháng đầu tiên cả năm áp dụng biểu phí mới", None, now,
                         report=True) == []
    assert find_mentions("tỷ lệ nộp hồ sơ trực tuyến năm nay đạt 97%", None, now,
                         report=True) == []
    assert find_mentions("năm nay đạt 97%", None, date(2029, 6, 3), report=True)[0] \
        .period.label == "năm 2029"
    # a question reads no relative period nor plan base this way (rag.vi.asked does)
    assert not find_mentions("đạt 60% kế hoạch năm 2029", None)[0].comparison


def test_quarter_to_a_day() -> None:
    frames = {f.value: f for f in extract(REVIEW)}
    part = frames["1.760 tỷ đồng"].period
    assert part is not None and (part.start, part.end) == (date(2028, 10, 1), date(2028, 12, 18))
    assert "quý IV/2028" in part.label
    whole = frames["5.215 tỷ đồng"].period
    assert whole is not None and whole.label == "năm 2028"
    share = frames["94,6%"].period
    assert share is not None and share.label == "năm 2028"


def test_share_of_a_year_plan_at_a_day() -> None:
    frames = {f.value: f for f in extract(QUARTER, "", "2029-11-02")}
    share = frames["68,4%"]
    assert share.measure == "plan_share"
    assert share.period is not None and share.period.label == "tính đến 31/10/2029"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("report_relative"), DOCS)


OPTS = AskOptions(retrieval_mode="lexical", today=date(2029, 12, 20))


def test_asked_for_the_year_reviewed(service: RagService) -> None:
    reply = service.ask("Toàn tỉnh trồng mới bao nhiêu ha rừng năm 2028?", OPTS)
    assert reply.found and "3.150" in reply.answer, reply.answer
    other = service.ask("Toàn tỉnh trồng mới bao nhiêu ha rừng năm 2027?", OPTS)
    assert not other.found or "3.150" not in other.answer, other.answer


def test_asked_for_last_month_of_the_report(service: RagService) -> None:
    reply = service.ask("Doanh thu các chợ biên giới tháng 1/2029?", OPTS)
    assert reply.found and "412" in reply.answer, reply.answer
    projects = service.ask("Tỉnh thu hút bao nhiêu dự án đầu tư năm 2028?", OPTS)
    assert projects.found and "27" in projects.answer, projects.answer


def test_asked_for_the_uploads_month(service: RagService) -> None:
    reply = service.ask("Số tờ khai hải quan làm thủ tục tháng 11/2029?", OPTS)
    assert reply.found and "8.420" in reply.answer, reply.answer


def test_asked_for_the_quarter(service: RagService) -> None:
    reply = service.ask("Giải ngân vốn đầu tư công quý IV/2028 được bao nhiêu?", OPTS)
    assert reply.found and "1.760" in reply.answer, reply.answer
    assert reply.period_match == "partial", reply.summary
    year = service.ask("Giải ngân vốn đầu tư công năm 2028 được bao nhiêu?", OPTS)
    assert year.found and "5.215" in year.answer, year.answer


def test_year_plan_share_at_a_day_is_not_the_year(service: RagService) -> None:
    reply = service.ask("Giải ngân vốn đầu tư công cả năm 2029 đạt bao nhiêu % kế hoạch?", OPTS)
    assert not reply.found or reply.period_match != "exact", reply.summary
    if reply.found and "68,4" in reply.answer:
        assert "31/10/2029" in (reply.summary or ""), reply.summary
