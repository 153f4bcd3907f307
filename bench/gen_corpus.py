"""Synthetic report corpus for scale benchmarks (generated data is not committed).

    python bench/gen_corpus.py --chunks 10000 --out /tmp/gen10k [--seed 7]

Writes ``docs/part-NNNN.jsonl`` (``id``, ``title``, ``date``, ``text``: one report per line;
``rag index DIR/docs`` reads them) and ``facts.jsonl`` (one line per generated figure: the
question that asks for it, the answer and the document that states it).  Reports are built
from the seeds' vocabulary and sentence shapes — a company's or a cooperative's results for a
period of a year (2010–2030), with indicators (exports, imports, revenue, budget, workers,
output) and their figures, between the kinds of sentences the Department's reports carry.
Every subject is a distinct name, so each recorded question has exactly one answer however
large the corpus.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

CHARS_PER_CHUNK = 580  # what the default chunker makes of these reports, on average

# period code -> how reports write it, and how a question asks it
PERIODS = {
    "M3": ("3 tháng đầu năm", "ba tháng đầu năm"),
    "M6": ("6 tháng đầu năm", "6 tháng đầu năm"),
    "M9": ("9 tháng đầu năm", "9 tháng năm"),
    "FY": ("cả năm", "năm"),
}
# (indicator as written, unit, low, high, decimals)
INDICATORS = [
    ("kim ngạch xuất khẩu", "triệu USD", 5, 900, 1),
    ("kim ngạch nhập khẩu", "triệu USD", 5, 700, 1),
    ("doanh thu", "tỷ đồng", 10, 5000, 1),
    ("nộp ngân sách nhà nước", "tỷ đồng", 1, 400, 2),
    ("số lao động", "người", 20, 3000, 0),
    ("sản lượng hàng hóa", "tấn", 100, 90000, 0),
]
KINDS = ["Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV", "Hợp tác xã", "Doanh nghiệp"]
TRADES = ["Thương mại", "Xuất nhập khẩu", "Logistics", "Nông sản", "Vật liệu xây dựng",
          "Chế biến gỗ", "Dịch vụ cửa khẩu", "Vận tải", "Thực phẩm", "Cơ khí"]
NAMES = ("An Bình Cường Dũng Đạt Giang Hà Hải Hạnh Hòa Hoàng Hùng Hưng Khang Khánh Kiên Lâm "
         "Lan Linh Long Mai Minh Nam Nga Ngân Nghĩa Ngọc Nhân Phát Phong Phú Phúc Quang Quân "
         "Sơn Tài Tâm Tân Thái Thanh Thành Thảo Thắng Thịnh Thu Tiến Toàn Trung Trường Tuấn "
         "Tùng Uyên Văn Việt Vinh Vũ Xuân Yến Bảo Đông Kỳ Lừa Mẫu Sáng").split()
PLACES = ["Cao Lộc", "Văn Lãng", "Tràng Định", "Lộc Bình", "Đình Lập", "Hữu Lũng", "Chi Lăng",
          "Bắc Sơn", "Bình Gia", "Văn Quan", "Đồng Đăng", "Na Sầm"]
GATES = ["cửa khẩu quốc tế Hữu Nghị", "cửa khẩu Tân Thanh", "cửa khẩu Chi Ma",
         "cửa khẩu Cốc Nam", "ga đường sắt quốc tế Đồng Đăng", "cửa khẩu Bảo Lâm"]
FILLER = [
    "Sở Công Thương tiếp tục phối hợp với các sở, ngành và địa phương tháo gỡ khó khăn cho "
    "doanh nghiệp, tạo điều kiện thuận lợi cho hoạt động sản xuất, kinh doanh.",
    "Hoạt động thông quan hàng hóa tại {gate} được duy trì ổn định, không xảy ra ùn tắc kéo dài.",
    "Đơn vị đã chủ động rà soát kế hoạch, đẩy mạnh xúc tiến thương mại và mở rộng thị trường "
    "tiêu thụ trong nước.",
    "Công tác an toàn lao động, phòng cháy chữa cháy và bảo vệ môi trường được quan tâm thực hiện.",
    "Tuy nhiên, giá nguyên liệu đầu vào tăng cao và thị trường xuất khẩu biến động đã ảnh hưởng "
    "không nhỏ đến kết quả sản xuất, kinh doanh.",
    "Trong thời gian tới, đơn vị tập trung nâng cao chất lượng sản phẩm, ứng dụng chuyển đổi số "
    "trong quản lý và đào tạo nguồn nhân lực.",
    "Các mặt hàng chủ yếu gồm nông sản, hoa quả tươi, máy móc thiết bị và hàng tiêu dùng qua "
    "địa bàn {place}.",
    "Lãnh đạo đơn vị cho biết sẽ tiếp tục phối hợp chặt chẽ với lực lượng chức năng tại {gate} "
    "để bảo đảm thông quan thông suốt.",
]


@dataclass(frozen=True)
class Fact:
    doc_id: str
    question: str
    answer: str
    indicator: str
    subject: str
    year: int
    period: str


def number(value: float, decimals: int) -> str:
    """Vietnamese writing: 1.234,5 (dot thousands, comma decimals)."""
    whole, _, frac = f"{value:,.{decimals}f}".partition(".")
    whole = whole.replace(",", ".")
    return f"{whole},{frac}" if frac else whole


class Generator:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.used: set[str] = set()

    def subject(self) -> str:
        while True:
            name = " ".join(self.rng.sample(NAMES, 3))
            full = (f"{self.rng.choice(KINDS)} {self.rng.choice(TRADES)} {name}"
                    if self.rng.random() < 0.85 else f"Hợp tác xã {name} {self.rng.choice(PLACES)}")
            if full not in self.used:
                self.used.add(full)
                return full

    def report(self, n: int) -> tuple[dict[str, str], list[Fact]]:
        rng = self.rng
        doc_id = f"gen-{n:06d}"
        subject = self.subject()
        year = rng.randint(2010, 2030)
        period = rng.choice(list(PERIODS))
        written, asked = PERIODS[period]
        when = f"{written} {year}" if period != "FY" else f"năm {year}"
        place, gate = rng.choice(PLACES), rng.choice(GATES)
        month = {"M3": 4, "M6": 7, "M9": 10, "FY": 12}[period]  # published after the period
        date = f"{year:04d}-{month:02d}-{rng.randint(1, 28):02d}"
        title = f"{subject}: kết quả sản xuất, kinh doanh {when}"
        facts: list[Fact] = []
        paragraphs = [f"Theo báo cáo gửi Sở Công Thương Lạng Sơn, {when}, {subject} (địa bàn "
                      f"{place}) duy trì hoạt động sản xuất, kinh doanh ổn định."]
        for indicator, unit, low, high, decimals in rng.sample(INDICATORS, 4):
            value = number(rng.uniform(low, high), decimals)
            change = number(rng.uniform(0.5, 40), 1)
            direction = rng.choice(["tăng", "giảm"])
            sentence = rng.choice([
                f"{indicator.capitalize()} {when} của {subject} đạt {value} {unit}, {direction} "
                f"{change}% so với cùng kỳ năm {year - 1}.",
                f"Tính đến hết {written} {year}, {indicator} của đơn vị đạt {value} {unit} "
                f"({direction} {change}% so cùng kỳ).",
                f"Trong {written} {year}, {subject} có {indicator} đạt {value} {unit}, "
                f"{direction} {change}% so với cùng kỳ.",
            ])
            fillers = rng.sample(FILLER, 2)
            paragraphs.append(" ".join([sentence] + [f.format(place=place, gate=gate)
                                                     for f in fillers]))
            q_when = f"{asked} {year}"  # "năm 2019" for a whole year
            facts.append(Fact(doc_id, f"{indicator.capitalize()} của {subject} {q_when} đạt "
                                      f"bao nhiêu?", f"{value} {unit}", indicator, subject,
                              year, period))
        paragraphs.append(rng.choice(FILLER).format(place=place, gate=gate))
        doc = {"id": doc_id, "title": title, "date": date, "text": "\n\n".join(paragraphs)}
        return doc, facts


def generate(chunks: int, seed: int = 7) -> Iterator[tuple[dict[str, str], list[Fact]]]:
    """Reports until about ``chunks`` chunks' worth of text."""
    gen = Generator(seed)
    total, n = 0, 0
    while total < chunks * CHARS_PER_CHUNK:
        doc, facts = gen.report(n)
        total += len(doc["text"])
        n += 1
        yield doc, facts


DOCS_PER_FILE = 5000  # ~9 MB a file: well under the ingester's per-file limit


def write(out: Path, chunks: int, seed: int = 7) -> tuple[int, int]:
    """Reports into ``out/docs/part-NNNN.jsonl``, their facts into ``out/facts.jsonl`` and
    the same facts as a gold set `rag eval` reads into ``out/gold.jsonl``."""
    (out / "docs").mkdir(parents=True, exist_ok=True)
    for old in (out / "docs").glob("part-*.jsonl"):
        old.unlink()
    docs = facts = 0
    fd = None
    try:
        with (out / "facts.jsonl").open("w", encoding="utf-8") as ff, \
                (out / "gold.jsonl").open("w", encoding="utf-8") as gf:
            for doc, doc_facts in generate(chunks, seed):
                if docs % DOCS_PER_FILE == 0:
                    if fd:
                        fd.close()
                    part = out / "docs" / f"part-{docs // DOCS_PER_FILE:04d}.jsonl"
                    fd = part.open("w", encoding="utf-8")
                fd.write(json.dumps(doc, ensure_ascii=False) + "\n")
                for k, f in enumerate(doc_facts, facts):
                    ff.write(json.dumps(asdict(f), ensure_ascii=False) + "\n")
                    gf.write(json.dumps({"id": f"gen-q{k}", "question": f.question,
                                         "answers": [f.answer], "doc_ids": [f.doc_id]},
                                        ensure_ascii=False) + "\n")
                docs += 1
                facts += len(doc_facts)
    finally:
        if fd:
            fd.close()
    return docs, facts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chunks", type=int, default=1000, help="about this many chunks")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    docs, facts = write(args.out, args.chunks, args.seed)
    print(f"{docs} documents, {facts} facts in {args.out}")


if __name__ == "__main__":
    main()
