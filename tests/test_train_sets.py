"""`rag train` on several (gold, index) pairs (issue 18): each set's figure questions are read
on its own index, a break-test round (`--round`) is one fold group, a `--set` is grouped by the
document answering each question, and no group is ever on both sides of a fold -- nor of
the calibration's inner folds."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from conftest import GOLD, SeedIndex, service_over_files
from helpers import make_docx

from rag.eval.train import Candidate, TrainQuestion, train

ROUNDS = {  # three tiny rounds, other wording, numbers and file shapes
    "ra": ("bc.txt", "Báo cáo tình hình thương mại 6 tháng đầu năm 2030\n\n"
           "Kim ngạch xuất khẩu 6 tháng đầu năm 2030 đạt 120,5 triệu USD, tăng 8,2% so với "
           "cùng kỳ. Kim ngạch nhập khẩu 6 tháng đầu năm 2030 đạt 75,3 triệu USD.",
           [("Kim ngạch xuất khẩu 6 tháng đầu năm 2030 đạt bao nhiêu?", "120,5 triệu USD"),
            ("Kim ngạch nhập khẩu 6 tháng đầu năm 2030 là bao nhiêu?", "75,3 triệu USD")]),
    "rb": ("dl.html", "<html><head><title>Du lịch năm 2031</title></head><body>"
           "<h1>Kết quả du lịch năm 2031</h1><p>Năm 2031, tổng lượt khách du lịch đạt "
           "2.150 nghìn lượt; doanh thu du lịch đạt 3.420 tỷ đồng.</p></body></html>",
           [("Doanh thu du lịch năm 2031 đạt bao nhiêu tỷ đồng?", "3.420 tỷ đồng"),
            ("Tổng lượt khách du lịch năm 2031?", "2.150 nghìn lượt")]),
    "rc": ("ct.docx", make_docx("Báo cáo kết quả sản xuất công nghiệp quý I năm 2032",
                                "Chỉ số sản xuất công nghiệp quý I năm 2032 tăng 6,4% so "
                                "với cùng kỳ năm trước."),
           [("Chỉ số sản xuất công nghiệp quý I/2032 tăng bao nhiêu?", "6,4%")]),
}


def _round(root: Path, name: str) -> tuple[Path, object]:
    file, text, questions = ROUNDS[name]
    (root / name).mkdir(parents=True)
    svc = service_over_files(root / name, {file: text})
    gold = root / name / "questions.jsonl"
    stem = Path(file).stem
    gold.write_text("".join(json.dumps({"id": f"{name}{i}", "question": q, "answers": [a],
                                        "doc_ids": [stem]}, ensure_ascii=False) + "\n"
                            for i, (q, a) in enumerate(questions)), encoding="utf-8")
    return gold, svc


def _synthetic(n: int, groups: int) -> list[TrainQuestion]:
    """Questions of ``groups`` other documents, the hand-set answerer's choice right 5 in 6."""
    rng = np.random.default_rng(7)
    out = []
    for i in range(n):
        good = i % 6 != 1
        x = tuple(float(v) for v in rng.random(10))
        right = Candidate(x, True, False, 90, 0.9, good, 0.95 if good else None)
        wrong = Candidate(x[::-1], False, False, 90, 0.8, not good, 0.93 if not good else None)
        out.append(TrainQuestion(f"s{i}", f"doc{i % groups}", "figure", True, ((right, wrong),)))
    return out


def test_each_round_is_read_on_its_own_index_and_is_one_fold_group(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sklearn.model_selection import GroupKFold

    from rag.answer.figures import FEATURES

    rows = []
    for name in ROUNDS:
        gold, svc = _round(tmp_path, name)
        got = svc.train_rows([gold], f"round:{name}")  # type: ignore[attr-defined]
        assert [q.id for q in got] == [f"{name}{i}" for i in range(len(ROUNDS[name][2]))]
        assert {q.group for q in got} == {f"round:{name}"}
        # read on its own index: the right value is among its candidates, and the hand-set
        # answerer's given one carries its confidence
        for q in got:
            assert any(c.right for p in q.parts for c in p), q.id
            given = [c for p in q.parts for c in p if c.hand_chosen]
            assert given and all(0 < (c.hand_confidence or 0) <= 1 for c in given)
        rows += got
    # near miss: a set read without a round keeps its document as the group
    gold, svc = _round(tmp_path / "set", "ra")
    assert {q.group for q in svc.train_rows([gold])} == {"bc"}  # type: ignore[attr-defined]

    n = len(FEATURES)
    pad = [TrainQuestion(q.id, q.group, q.kind, q.answerable, tuple(tuple(
        Candidate(tuple(list(c.features) + [0.0] * (n - len(c.features)))[:n], c.right,
                  c.partial, c.span_days, c.hand_score, c.hand_chosen, c.hand_confidence)
        for c in p) for p in q.parts)) for q in _synthetic(120, 8)]
    splits: list[tuple[set[str], set[str]]] = []
    real_split = GroupKFold.split

    def spy(self, x, y=None, groups=None):  # type: ignore[no-untyped-def]
        for tr, va in real_split(self, x, y, groups):
            g = np.asarray(groups)
            splits.append((set(g[tr].tolist()), set(g[va].tolist())))
            yield tr, va

    monkeypatch.setattr(GroupKFold, "split", spy)
    scorer, report = train(rows + pad, folds=4, c=1.0, ranker="hand")
    assert report.groups == len(ROUNDS) + 8 and scorer.ranker == "hand"
    assert splits and all(not (tr & va) for tr, va in splits)
    assert any(g.startswith("round:") for _, va in splits for g in va)
    # the hand-set confidence is reported beside the calibrated one, on the same answers
    assert sum(b["answered"] for b in report.reliability_hand) == report.answered
    assert sum(b["answered"] for b in report.reliability) == report.answered


def test_rag_train_reads_every_set_and_round(seed: SeedIndex, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from api.cli import main

    lines = GOLD.read_text(encoding="utf-8").splitlines()
    # every third expected answer made one no report gives: the confidence model needs wrong
    # answers beside the right ones in every fold
    lines = [json.dumps({**json.loads(x), "answers": ["987.654,3"]}, ensure_ascii=False)
             if i % 3 == 0 and json.loads(x).get("doc_ids") else x for i, x in enumerate(lines)]
    rnd = tmp_path / "r99"
    rnd.mkdir()
    (rnd / "questions.jsonl").write_text("\n".join(lines[:12]) + "\n", encoding="utf-8")
    rest = tmp_path / "rest.jsonl"
    rest.write_text("\n".join(lines[12:]) + "\n", encoding="utf-8")
    out = tmp_path / "conf.json"
    idx = str(seed.index_dir)
    res = CliRunner().invoke(main, ["train", "--ranker", "hand", "-C", "1.0", "--json",
                                    "--set", f"{rest}:{idx}",
                                    "--round", f"{rnd / 'questions.jsonl'}:{idx}",
                                    "--out", str(out)])
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    docs = {json.loads(x)["doc_ids"][0] for x in lines[12:] if json.loads(x).get("doc_ids")}
    unanswerable = sum(not json.loads(x).get("doc_ids") for x in lines[12:])
    assert len(docs) + 1 <= report["groups"] <= len(docs) + 1 + unanswerable
    assert report["questions"] > 50 and out.exists()
    # a round alone is one fold group: too few to split in two
    alone = CliRunner().invoke(main, ["train", "--ranker", "hand", "--folds", "2",
                                      "--round", f"{rnd / 'questions.jsonl'}:{idx}",
                                      "--out", str(out)])
    assert alone.exit_code != 0 and "1 documents, fewer than 2 folds" in alone.output
    bad = CliRunner().invoke(main, ["train", "--set", "nocolon.jsonl"])
    assert bad.exit_code != 0 and "GOLD.jsonl:INDEX_DIR" in bad.output
