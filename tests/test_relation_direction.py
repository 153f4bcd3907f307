"""A question asking a relation the text states the other way round, or negating the verb the
text states, is refused; the question asked the right way is still answered (break-test bt24b,
session 51: "Ai thay Nguyễn Thị Hoài ...?" answered at 1.0 by the man she replaced, "... được
mua từ câu lạc bộ nào?" by the club he was sold to, "Ai không được bổ nhiệm ...?" by the man
who was).  rag.answer.relations."""

from __future__ import annotations

import pytest

from rag.answer.relations import negated, negation_unmet, relation_reversed

REPLACED = ("Từ năm 2031 đến năm 2036, bà giữ chức Viện trưởng Viện Sinh học, thay cho giáo sư "
            "Hà Văn Tùng.")
SOLD = "Năm 2033, tiền vệ Lò Văn Quyết được bán sang câu lạc bộ Hải Đăng Star với giá 9 tỷ đồng."
BOUGHT = ("Năm 2034, công ty mua lại thương hiệu chè Mẫu Sơn của Công ty Chè Bắc Hà với giá 120 "
          "tỷ đồng.")
SUCCEEDED = ("Ông Vi Đức Lâm giữ chức giám đốc đầu tiên của hợp tác xã, đến năm 2035 thì được bà "
             "Hoàng Thị Mơ kế nhiệm.")
BEATEN = "Ở chung kết năm 2036, đội Lạng Sơn đánh bại đội Cao Bằng với tỷ số 2-1."


@pytest.mark.parametrize(("question", "sentence", "answer"), [
    ("Ai thay Lê Thị Hồng giữ chức Viện trưởng Viện Sinh học?",
     REPLACED.replace("bà", "bà Lê Thị Hồng"), None),
    ("Ai thay thế Lê Thị Hồng làm Viện trưởng?", REPLACED, None),
    ("Lò Văn Quyết được mua từ câu lạc bộ nào?", SOLD, "câu lạc bộ Hải Đăng Star"),
    ("Công ty Chè Bắc Hà mua thương hiệu chè Mẫu Sơn với giá bao nhiêu?", BOUGHT, "120 tỷ đồng"),
    ("Hoàng Thị Mơ được ai kế nhiệm làm giám đốc?", SUCCEEDED, "Vi Đức Lâm"),
    ("Đội Cao Bằng đánh bại đội nào trong trận chung kết năm 2036?", BEATEN, "đội Lạng Sơn"),
    ("Ai thay thế Lê Văn Bình?", "Năm 2035, ông Trần Văn An bị thay thế bởi ông Lê Văn Bình.",
     None),
])
def test_reversed_relation(question: str, sentence: str, answer: str | None) -> None:
    assert relation_reversed(question, sentence, answer)


@pytest.mark.parametrize(("question", "sentence", "answer"), [
    ("Lê Thị Hồng thay ai giữ chức Viện trưởng Viện Sinh học?",
     REPLACED.replace("bà", "bà Lê Thị Hồng"), "Hà Văn Tùng"),
    ("Ai được bà thay giữ chức Viện trưởng?", REPLACED, "Hà Văn Tùng"),
    ("Lò Văn Quyết được bán sang câu lạc bộ nào?", SOLD, "câu lạc bộ Hải Đăng Star"),
    ("Câu lạc bộ nào mua Lò Văn Quyết?", SOLD, "câu lạc bộ Hải Đăng Star"),
    ("Công ty Chè Bắc Hà bán thương hiệu chè Mẫu Sơn với giá bao nhiêu?", BOUGHT, "120 tỷ đồng"),
    ("Thương hiệu chè Mẫu Sơn được mua lại với giá bao nhiêu?", BOUGHT, "120 tỷ đồng"),
    ("Hoàng Thị Mơ kế nhiệm ai làm giám đốc?", SUCCEEDED, "Vi Đức Lâm"),
    ("Vi Đức Lâm được ai kế nhiệm?", SUCCEEDED, "Hoàng Thị Mơ"),
    ("Ai kế nhiệm Vi Đức Lâm?", SUCCEEDED, "Hoàng Thị Mơ"),
    ("Đội Lạng Sơn đánh bại đội nào?", BEATEN, "đội Cao Bằng"),
    ("Đội Cao Bằng thua đội nào?", BEATEN, "đội Lạng Sơn"),
    # words that hold a relation verb's syllable are none: "thay đổi", "bán đảo", "mua sắm"
    ("Ai thay đổi quy hoạch của Viện Sinh học?", REPLACED, None),
])
def test_relation_asked_the_right_way(question: str, sentence: str, answer: str | None) -> None:
    assert not relation_reversed(question, sentence, answer)


@pytest.mark.parametrize("question", [
    "Ai không được bổ nhiệm làm chủ tịch xã năm 2034?",
    "Năm nào lễ hội không được tổ chức?",
    "Cầu thủ nào chưa từng khoác áo đội tuyển?",
    "Huyện nào chẳng hề có dự án mới?",
])
def test_negated_question(question: str) -> None:
    assert negated(question)
    assert negation_unmet(question, "Năm 2034, ông Hà Văn Tùng được bổ nhiệm làm chủ tịch xã.")
    assert not negation_unmet(question, "Năm 2034, ông Hà Văn Tùng không được bổ nhiệm lại.")
    assert not negation_unmet(question, "Ông Hà Văn Tùng từ chối nhận chức chủ tịch xã.")
    # a lack or an objection said in words (XQuAD-vi dev: "... lại thiếu xúc tu" answers
    # "... không có cái gì?"); "thiếu niên" is none
    assert not negation_unmet(question, "Đội tuyển năm 2034 thiếu các cầu thủ trẻ.")
    assert not negation_unmet(question, "Các hộ dân phản đối dự án năm 2034.")
    assert negation_unmet(question, "Năm 2034, các thiếu niên được tập huấn.")


@pytest.mark.parametrize("question", [
    "Chất lượng không khí năm 2034 ra sao?",
    "Hãng hàng không nào mở đường bay năm 2034?",
    "Dự án có hoàn thành năm 2034 không?",
    "Tỉnh nào có lạm phát không quá 4%?",
    "Trung tâm không gian được xây ở đâu?",
    "Lực lượng không quân đóng ở đâu?",
])
def test_no_negation(question: str) -> None:
    assert not negated(question)


DOCS = {
    "vien.txt": ("Nhà khoa học Lê Thị Hồng\n\nLê Thị Hồng là nhà sinh học. " + REPLACED + "\n"),
    "clb.txt": ("Câu lạc bộ Hoa Sơn\n\nCâu lạc bộ Hoa Sơn đào tạo nhiều cầu thủ trẻ. " + SOLD
                + "\n"),
    "htx.txt": ("Hợp tác xã chè Mẫu Sơn\n\nHợp tác xã chè Mẫu Sơn được thành lập năm 2031. "
                + SUCCEEDED + " Năm 2034, ông Nông Văn Hải được bổ nhiệm làm chủ tịch hội "
                "đồng quản trị của hợp tác xã.\n"),
    "du_an.txt": ("Dự án hồ Na Sầm\n\nDự án hồ chứa nước Na Sầm năm 2036 chưa triển khai do "
                  "vướng mặt bằng.\n"),
}


def test_reversed_and_negated_refused(tmp_path) -> None:
    from conftest import service_over_files

    from rag.records import AskOptions
    svc = service_over_files(tmp_path, {k: v.encode() for k, v in DOCS.items()})

    def ask(q: str):
        return svc.ask(q, AskOptions(retrieval_mode="lexical"))

    for q in ("Ai thay Lê Thị Hồng giữ chức Viện trưởng Viện Sinh học?",
              "Lò Văn Quyết được mua từ câu lạc bộ nào?",
              "Hoàng Thị Mơ được ai kế nhiệm làm giám đốc hợp tác xã?",
              "Ai không được bổ nhiệm làm chủ tịch hội đồng quản trị hợp tác xã năm 2034?"):
        a = ask(q)
        assert not a.found, (q, a.answer, a.confidence)
    for q, want in (("Lê Thị Hồng thay ai giữ chức Viện trưởng Viện Sinh học?", "Hà Văn Tùng"),
                    ("Lò Văn Quyết được bán sang câu lạc bộ nào?", "Hải Đăng Star"),
                    ("Ai là giám đốc đầu tiên của hợp tác xã chè Mẫu Sơn?", "Vi Đức Lâm"),
                    ("Ai được bổ nhiệm làm chủ tịch hội đồng quản trị hợp tác xã năm 2034?",
                     "Nông Văn Hải"),
                    ("Vì sao dự án hồ chứa nước Na Sầm chưa triển khai?", "mặt bằng")):
        a = ask(q)
        assert a.found and want in a.answer, (q, a.answer, a.confidence)
