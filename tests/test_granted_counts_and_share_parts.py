"""Counts granted by a body, and parts given only as shares (issue 17, break-test bt17c #204
and #61).  "Hội đồng đánh giá cấp tỉnh đã công nhận mới 52 sản phẩm OCOP": the figure is of
the products (what is counted after the number), never of the body that recognised them, and
"có thêm bao nhiêu" asks it; "Về cơ cấu, nhóm đồ uống chiếm 18%": a group the report gives
only as a share of the total is refused with that share named, never answered with the total.
Reports written for these tests, in the shape of the break-test's documents."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames.indicators import granted_by

DOCS = [
    {"id": "ocop", "title": "Sản phẩm OCOP của tỉnh đến cuối năm 2031", "date": "2031-12-22",
     "text": "Đến tháng 6/2031, toàn tỉnh có 305 sản phẩm OCOP được công nhận. Đến ngày "
             "20/12/2031, tổng số sản phẩm OCOP của tỉnh là 347 sản phẩm.\n\nRiêng trong năm "
             "2031, Hội đồng đánh giá cấp tỉnh đã công nhận mới 61 sản phẩm OCOP, trong đó 6 "
             "sản phẩm 4 sao.\n\nVề cơ cấu, nhóm thực phẩm chiếm 58% tổng số sản phẩm, nhóm đồ "
             "uống chiếm 21%, nhóm dược liệu chiếm 13%, còn lại là nhóm thủ công mỹ nghệ."},
    {"id": "dn", "title": "Phát triển doanh nghiệp năm 2034", "date": "2034-12-26",
     "text": "Tính đến ngày 15/12/2034, toàn tỉnh có 4.230 doanh nghiệp đang hoạt động.\n\n"
             "Năm 2034, Sở Kế hoạch và Đầu tư đã cấp mới 318 giấy chứng nhận đăng ký doanh "
             "nghiệp.\n\nVề cơ cấu, ngành thương mại, dịch vụ chiếm 64% số doanh nghiệp đang "
             "hoạt động, ngành xây dựng chiếm 22%."},
    {"id": "htx", "title": "Kinh tế tập thể năm 2036", "date": "2036-12-20",
     "text": "Đến ngày 10/12/2036, tổng số hợp tác xã trên địa bàn tỉnh là 512 hợp tác xã.\n\n"
             "Trong năm 2036, UBND tỉnh vừa công nhận mới 37 hợp tác xã."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("granted"), DOCS)


def _ask(service: RagService, question: str, today: date) -> tuple[bool, str]:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=today))
    return reply.found, reply.answer


@pytest.mark.parametrize(("clause", "body", "verb"), [
    (" Hội đồng đánh giá cấp tỉnh đã công nhận mới ", "Hội đồng đánh giá cấp tỉnh",
     "công nhận mới"),
    (" Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh đã công nhận ",
     "Hội đồng đánh giá phân hạng sản phẩm OCOP cấp tỉnh", "công nhận"),
    (" Sở Kế hoạch và Đầu tư đã cấp mới ", "Sở Kế hoạch và Đầu tư", "cấp mới"),
    (" UBND tỉnh phê duyệt ", "UBND tỉnh", "phê duyệt"),
])
def test_the_granting_body_is_read(clause: str, body: str, verb: str) -> None:
    assert granted_by(clause) == (body, verb)


@pytest.mark.parametrize("clause", [
    " sản phẩm được công nhận ",       # a passive: the noun is what is counted
    " Số sản phẩm công nhận mới ",     # a figure's own noun
    " toàn tỉnh cấp mới ",             # an area: read as such already
    " lực lượng quản lý thị trường đã kiểm tra ",  # no verb of granting
    " sản phẩm công nhận ",            # no aspect word and no name
])
def test_no_granting_body(clause: str) -> None:
    assert granted_by(clause) == ("", "")


@pytest.mark.parametrize(("question", "today", "expected"), [
    ("Năm 2031 có thêm bao nhiêu sản phẩm OCOP?", date(2032, 1, 10), "61 sản phẩm"),
    ("Năm 2034 cấp mới bao nhiêu giấy chứng nhận đăng ký doanh nghiệp?", date(2035, 1, 5),
     "318 giấy"),
    ("Năm 2036 có thêm bao nhiêu hợp tác xã?", date(2037, 1, 5), "37 hợp tác xã"),
])
def test_the_count_a_body_granted_answers(service: RagService, question: str, today: date,
                                          expected: str) -> None:
    found, answer = _ask(service, question, today)
    assert found and answer.startswith(expected), answer


@pytest.mark.parametrize(("question", "today", "expected"), [
    # near-misses: the total is still the stock, not the year's additions
    ("Tổng số sản phẩm OCOP của tỉnh năm 2031?", date(2032, 1, 10), "347 sản phẩm"),
    ("Hiện nay tỉnh có bao nhiêu hợp tác xã?", date(2037, 1, 5), "512 hợp tác xã"),
    ("Năm 2031 có bao nhiêu sản phẩm OCOP?", date(2032, 1, 10), "347 sản phẩm"),
])
def test_the_total_is_still_the_stock(service: RagService, question: str, today: date,
                                      expected: str) -> None:
    found, answer = _ask(service, question, today)
    assert found and answer.startswith(expected), answer


@pytest.mark.parametrize(("question", "today", "share"), [
    ("Có bao nhiêu sản phẩm OCOP nhóm đồ uống?", date(2032, 1, 10), "nhóm đồ uống chiếm 21%"),
    ("Số sản phẩm OCOP nhóm thực phẩm là bao nhiêu?", date(2032, 1, 10),
     "nhóm thực phẩm chiếm 58%"),
    ("Có bao nhiêu doanh nghiệp ngành xây dựng đang hoạt động?", date(2035, 1, 5),
     "ngành xây dựng chiếm 22%"),
])
def test_a_part_given_only_as_a_share_is_refused(service: RagService, question: str,
                                                  today: date, share: str) -> None:
    found, answer = _ask(service, question, today)
    assert not found and f"chỉ nêu {share}" in answer, answer


def test_the_share_itself_still_answers(service: RagService) -> None:
    found, answer = _ask(service, "Nhóm đồ uống chiếm bao nhiêu % sản phẩm OCOP?",
                         date(2032, 1, 10))
    assert found and answer.startswith("21%"), answer
