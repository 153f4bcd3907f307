"""The evaluation report: round trip and comparison, the HTML page, and `rag eval` end to end
(--json, --html, --compare, --corpus) on the seed index; the page rendered in headless
Chromium."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import GOLD, SeedIndex, rag_executable

from api.cli import main
from rag.answer import AnswerWeights
from rag.eval import (
    EvalReport,
    GoldQuestion,
    ReliabilityBin,
    ReportError,
    evaluate,
    metric_group,
)
from rag.eval.charts import histogram, line_chart, reliability_chart
from rag.eval.report import failure_kinds, render_html, snippet
from rag.records import Answer, Chunk, Citation, Hit, SearchResult

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SUBSET = ("s001", "s004", "s010", "s027", "s057", "s118", "s121")  # right, wrong, refused, ...
GROUP_ORDER = ["retrieval", "answers", "refusals", "confidence", "latency"]
ROW_FIELDS = {"id", "question", "answerable", "gold_answers", "gold_doc_ids", "rank", "doc_rank",
              "hits", "latency_ms", "answer", "found", "answer_sentence", "citations",
              "correct", "metrics"}


# --- hand-made runs ------------------------------------------------------------------------------

GOLD_SET = [GoldQuestion("q1", "Câu một?", ("769 triệu USD",), ("d1",)),
            GoldQuestion("q2", "Câu hai?", ("464 triệu USD",), ("d1",)),
            GoldQuestion("q3", "Câu <ba>?", (), ())]


def _hit(doc_id: str, text: str, rank: int) -> Hit:
    chunk = Chunk(f"{doc_id}:{rank}:x", doc_id, f"Bài <{doc_id}>", None, text, 0, len(text))
    return Hit(chunk, rank, 1.0)


def _answer(text: str, found: bool = True) -> Answer:
    cites = (Citation("d1", "d1:1:x", "t", None, f"đạt {text}", 0, 9),) if found else ()
    return Answer("?", "?", text, found, 0.9, f"đạt {text}" if found else None, cites)


def _run(answers: dict[str, Answer]):
    hits = {"Câu một?": [_hit("d1", "xuất khẩu đạt 769 triệu USD", 1)],
            "Câu hai?": [_hit("d2", "khác", 1), _hit("d1", "nhập khẩu 464 triệu USD", 2)],
            "Câu <ba>?": [_hit("d1", "<script>alert(1)</script> 2019", 1)]}
    return lambda g: (answers[g.question], SearchResult(g.question, hits[g.question]))


@pytest.fixture(scope="module")
def runs() -> tuple[EvalReport, EvalReport]:
    """A: q1 right, q2 wrong, q3 refused; B: q1 wrong, q2 right, q3 answered."""
    a = evaluate(GOLD_SET, _run({"Câu một?": _answer("769 triệu USD"),
                                 "Câu hai?": _answer("769 triệu USD"),
                                 "Câu <ba>?": _answer("Không tìm thấy", found=False)}),
                 config={"name": "A-run"})
    b = evaluate(GOLD_SET, _run({"Câu một?": _answer("Không tìm thấy", found=False),
                                 "Câu hai?": _answer("464 triệu USD"),
                                 "Câu <ba>?": _answer("12 tỷ đồng")}),
                 config={"name": "B-run"})
    return a, b


def test_round_trip_and_compare_shows_flips(runs):
    a, b = runs
    back = [EvalReport.from_dict(json.loads(json.dumps(r.to_dict(), ensure_ascii=False)))
            for r in runs]
    assert back[0].to_dict() == a.to_dict()
    assert back[0].name == "A-run"
    cmp = back[0].compare(back[1])
    assert cmp.flips["answer"] == (["q1", "q3"], ["q2"])
    assert cmp.flips["retrieval@1"] == ([], [])  # same hits in both runs
    rows = {n: (x, y, d) for n, x, y, d in cmp.rows}
    assert rows["answer_accuracy"] == (0.5, 0.5, 0.0)
    assert rows["refusal_accuracy"] == (1.0, 0.0, -1.0)
    assert rows["refusal_precision"] == (1.0, 0.0, -1.0)
    text = cmp.table()
    assert "answer: right in A, wrong in B (2): q1, q3" in text
    assert "answer: wrong in A, right in B (1): q2" in text
    assert "retrieval@1: right in A, wrong in B (0)" in text.splitlines()
    assert re.search(r"refusal_accuracy\s+1\.0000\s+0\.0000\s+-1\.0000", text)
    data = json.loads(json.dumps(cmp.to_dict()))
    assert data["flips"]["answer"] == {"right_in_a_wrong_in_b": ["q1", "q3"],
                                       "wrong_in_a_right_in_b": ["q2"]}
    assert data["metrics"]["hit@1"] == {"a": 0.5, "b": 0.5, "diff": 0.0}


def test_compare_questions_in_one_run_only(runs):
    a, b = runs
    fewer = EvalReport(b.metrics, b.questions[:2], b.config)
    cmp = a.compare(fewer)
    assert cmp.only_a == ["q3"] and cmp.only_b == []
    assert cmp.flips["answer"] == (["q1"], ["q2"])
    assert "only in A: 1" in cmp.table()


def test_table_is_grouped(runs):
    text = runs[0].table()
    heads = [ln.split()[0] for ln in text.splitlines() if ln and not ln.startswith(" ")][1:]
    assert heads == GROUP_ORDER
    assert text.splitlines()[0] == "A-run: 3 questions, 2 answerable, 1 unanswerable"
    assert re.search(r"^\s+hit@1\s+0\.5000\s+0\.5000$", text, re.M)  # passage and document
    assert re.search(r"^\s+refusal_recall\s+1\.0000$", text, re.M)


def test_load_errors_name_the_file(tmp_path):
    with pytest.raises(ReportError, match="no such file"):
        EvalReport.load(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{nope", encoding="utf-8")
    with pytest.raises(ReportError, match=f"{re.escape(str(bad))}: not a JSON report"):
        EvalReport.load(bad)
    other = tmp_path / "other.json"
    other.write_text('{"query": "x", "hits": []}', encoding="utf-8")
    with pytest.raises(ReportError, match="not an evaluation report"):
        EvalReport.load(other)


def test_failure_kinds():
    assert failure_kinds({"answerable": True, "found": True, "correct": False, "rank": 1}) == \
        ["wrong answer"]
    assert failure_kinds({"answerable": True, "found": False, "correct": False,
                          "rank": None}) == ["wrong refusal", "missed retrieval"]
    assert failure_kinds({"answerable": False, "found": True, "correct": False}) == \
        ["wrong refusal"]
    assert failure_kinds({"answerable": False, "found": False, "correct": True}) == []
    assert failure_kinds({"answerable": True, "rank": 2}) == []  # retrieval only
    assert failure_kinds({"answerable": True, "rank": None}) == ["missed retrieval"]
    # a full year of which the reports give half, refused: right
    assert failure_kinds({"answerable": True, "kind": "partial_period", "found": False,
                          "correct": True, "rank": 1}) == []


def test_snippet_marks_the_answer_and_escapes():
    text = "Mở đầu. " * 40 + "Xuất khẩu <b>đạt</b> 769 triệu USD. " + "Kết. " * 60
    out = snippet(text, ["769 TRIỆU usd"], width=80)
    assert "<mark>769 triệu USD</mark>" in out
    assert out.startswith("…") and out.endswith("…")
    assert "&lt;b&gt;đạt&lt;/b&gt;" in out and "<b>" not in out
    assert snippet("a <i>b</i>", ["zzz"]) == "a &lt;i&gt;b&lt;/i&gt;"


def test_charts_are_svg():
    svg = line_chart({"passage": ([0.5, 0.75, 1.0], "#00f"), "doc": ([0.6, 0.8, 1.0], "#f00")})
    assert svg.startswith("<svg") and svg.count("<path") == 2 and svg.count("<circle") == 6
    bars = histogram([10.0, 12.0, 30.0, 31.0, 90.0], marks={"p50": 30.0})
    assert bars.count('class="bar"') >= 5 and "p50 30" in bars
    assert "no values" in histogram([])
    assert histogram([5.0]).count('class="bar"') >= 5
    bins = [ReliabilityBin(0.0, 0.5, 2, 1, 0.3), ReliabilityBin(0.5, 0.9, 0, 0, None),
            ReliabilityBin(0.9, 1.0, 4, 1, 0.95)]
    svg = reliability_chart(bins)
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count('class="bin"') == 2 and svg.count("<circle") == 2  # empty bin: nothing
    assert 'class="diagonal"' in svg and "observed accuracy" in svg
    assert "0.90–1.00: 4 answered, 1 right (accuracy 0.250), mean confidence 0.950" in svg
    # the point of the 0.9-1 bin: x at confidence 0.95, y at accuracy 0.25 (plot 252 x 254)
    assert re.search(r'<circle cx="291\.4" cy="204\.5"', svg), svg
    assert "no answered questions" in reliability_chart([ReliabilityBin(0.0, 1.0, 0, 0, None)])


def test_html_is_self_contained_and_escaped(runs):
    _, b = runs
    page = render_html(b)
    assert page.startswith("<!doctype html>")
    assert "<script" not in page and "<link" not in page and "src=" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # a retrieved passage
    assert "Câu &lt;ba&gt;?" in page and "Bài &lt;d1&gt;" in page
    assert page.count("<svg") == 3 and 'id="metrics-table"' in page
    assert 'data-metric="ndcg@10"' in page and 'data-metric="wrong_at_0.9"' in page
    # the reliability of the two answers (0.9 each, one right) and the refusal left out
    assert 'id="reliability"' in page and "(2 answered questions)" in page
    assert re.search(r'<tr data-bin="0\.90-1\.00"><td>0\.90–1\.00</td><td class="num">2</td>'
                     r'<td class="num">1</td><td class="num">0\.5000</td>', page)
    # the failed questions: q1 refused, q3 answered though unanswerable; q2 right
    assert re.findall(r'class="failure" data-id="([^"]+)"', page) == ["q1", "q3"]
    assert page.count('<span class="badge wrong-refusal">') == 2
    assert "<mark>769 triệu USD</mark>" in page  # the gold answer in q1's passage


# --- `rag eval` end to end -----------------------------------------------------------------------


def rag(*args: str | Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([rag_executable(), *map(str, args)], capture_output=True, text=True,
                          env=env, timeout=300)


def rag_in_process(*args: str | Path) -> tuple[int, str, str]:
    """`rag` in this process (for paths that load no model): exit code, stdout, stderr."""
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def ok_json(proc: subprocess.CompletedProcess[str]) -> dict:
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def cli_runs(seed: SeedIndex, cli_env, tmp_path_factory: pytest.TempPathFactory):
    """Two runs on a gold subset: A hybrid with --json and --html, B lexical top-5."""
    base = tmp_path_factory.mktemp("eval-cli")
    gold = base / "gold.jsonl"
    lines = [ln for ln in GOLD.read_text(encoding="utf-8").splitlines()
             if ln.strip() and json.loads(ln)["id"] in SUBSET]
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    html = base / "report.html"
    a = base / "A.json"
    b = base / "B.json"
    proc = rag("eval", gold, "--index-dir", seed.index_dir, "--json", "--html", html,
               "--config-name", "hybrid", env=cli_env)
    a.write_text(json.dumps(ok_json(proc), ensure_ascii=False), encoding="utf-8")
    proc = rag("eval", gold, "--index-dir", seed.index_dir, "--json", "--mode", "lexical",
               "--top-k", "5", "--config-name", "lexical", env=cli_env)
    b.write_text(json.dumps(ok_json(proc), ensure_ascii=False), encoding="utf-8")
    return base, gold, html, a, b


def test_cli_eval_json(cli_runs, seed):
    _base, gold, _html, a, b = cli_runs
    data = json.loads(a.read_text(encoding="utf-8"))
    assert set(data) == {"metrics", "config", "reliability", "questions"}
    m, cfg, rows = data["metrics"], data["config"], data["questions"]
    for key in ("hit@1", "hit@3", "hit@5", "hit@10", "recall@1", "recall@10", "mrr@10",
                "ndcg@10", "doc_hit@1", "doc_recall@10", "doc_mrr@10", "doc_ndcg@10",
                "answer_accuracy", "exact_match", "f1", "sentence_accuracy",
                "citation_precision", "refusal_accuracy", "refusal_precision",
                "refusal_recall", "wrong_at_0.9", "latency_p50_ms", "latency_p95_ms"):
        assert key in m, key
    assert not any(k.startswith("accuracy") for k in m)  # the seed gold has no kinds
    # the reliability table: every answered question in one bin, right as judged
    answered = [q for q in data["questions"] if q["found"]]
    bins = data["reliability"]
    assert [(b["lo"], b["hi"]) for b in bins] == [(0.0, 0.5), (0.5, 0.7), (0.7, 0.9),
                                                  (0.9, 1.0)]
    assert sum(b["count"] for b in bins) == len(answered)
    assert sum(b["right"] for b in bins) == sum(q["correct"] for q in answered)
    assert m["wrong_at_0.9"] == sum(1 for q in answered
                                    if q["confidence"] >= 0.9 and not q["correct"])
    assert (m["questions"], m["answerable"], m["unanswerable"]) == (7.0, 5.0, 2.0)
    assert [metric_group(k) for k in m if metric_group(k) != "counts"] == \
        sorted((metric_group(k) for k in m if metric_group(k) != "counts"),
               key=GROUP_ORDER.index)
    assert cfg["name"] == "hybrid" and cfg["gold"] == str(gold)
    assert cfg["index_dir"] == str(seed.index_dir) and cfg["fresh_index"] is False
    assert (cfg["mode"], cfg["top_k"], cfg["embedder"], cfg["chunk_size"]) == \
        ("hybrid", 10, "onnx-e5", 800)
    assert cfg["documents"] == 5 and cfg["answer_passages"] == 5
    # every weight and threshold the answerer ran with, as AnswerWeights holds them
    assert cfg["answer_weights"] == AnswerWeights().to_dict() and cfg["answer_weights"]
    assert [q["id"] for q in rows] == list(SUBSET)
    for q in rows:
        assert set(q) >= ROW_FIELDS, ROW_FIELDS - set(q)
        assert isinstance(q["latency_ms"], float) and q["hits"]
        if q["answerable"]:
            assert q["metrics"]["hit@10"] == float(q["rank"] is not None)
            assert set(q["metrics"]) >= {"hit@1", "doc_ndcg@10", "exact_match", "f1",
                                         "answer_correct", "sentence_correct"}
            assert q["hits"][0]["gold_doc"] is (q["hits"][0]["doc_id"] in q["gold_doc_ids"])
        else:
            assert q["rank"] is None and q["metrics"]["refusal_correct"] == float(not q["found"])
    # the run-level numbers are the means of the per-question ones
    answerable = [q for q in rows if q["answerable"]]
    for key in ("hit@1", "ndcg@10", "doc_recall@3", "f1"):
        assert m[key] == pytest.approx(sum(q["metrics"][key] for q in answerable) / 5)
    lexical = json.loads(b.read_text(encoding="utf-8"))["config"]
    assert (lexical["name"], lexical["mode"], lexical["top_k"]) == ("lexical", "lexical", 5)
    assert all(len(q["hits"]) <= 5 for q in json.loads(b.read_text())["questions"])


def test_cli_eval_html(cli_runs):
    _base, _gold, html, a, _b = cli_runs
    page = html.read_text(encoding="utf-8")
    data = json.loads(a.read_text(encoding="utf-8"))
    assert page.count("<svg") == 3 and "<script" not in page
    assert "Evaluation report: hybrid" in page and 'id="reliability-table"' in page
    failed = [q["id"] for q in data["questions"] if failure_kinds(q)]
    assert re.findall(r'class="failure" data-id="([^"]+)"', page) == failed


def test_cli_eval_compare(cli_runs, cli_env):
    base, _gold, _html, a, b = cli_runs
    proc = rag("eval", "--compare", a, b, env=cli_env)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert f"A = hybrid ({a})" in out and f"B = lexical ({b})" in out
    ra, rb = (EvalReport.load(p) for p in (a, b))
    for name in ra.metrics:
        assert re.search(rf"^{re.escape(name)}\s", out, re.M), name
    for kind, (worse, better) in ra.compare(rb).flips.items():
        for label, ids in (("right in A, wrong in B", worse), ("wrong in A, right in B", better)):
            line = f"{kind}: {label} ({len(ids)})" + (f": {', '.join(ids)}" if ids else "")
            assert line in out.splitlines()

    # a copy of A where s001 and s010 changed their verdicts: both flips are listed, by id
    data = json.loads(a.read_text(encoding="utf-8"))
    was = {}
    for q in data["questions"]:
        if q["id"] in ("s001", "s010"):
            was[q["id"]] = q["correct"]
            q["correct"] = not q["correct"]
    c = base / "C.json"
    c.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, err = rag_in_process("eval", "--compare", a, c, "--json")
    assert code == 0, err
    cmp = json.loads(out)
    assert cmp["flips"]["answer"] == {
        "right_in_a_wrong_in_b": [i for i in ("s001", "s010") if was[i]],
        "wrong_in_a_right_in_b": [i for i in ("s001", "s010") if not was[i]]}
    assert cmp["metrics"]["hit@1"]["diff"] == 0.0


def test_cli_eval_fresh_corpus(cli_env, tmp_path):
    corpus = tmp_path / "mini.jsonl"
    docs = [{"id": "m1", "title": "Xuất khẩu", "text": "Năm 2030, kim ngạch xuất khẩu hồi khô "
             "của tỉnh Lạng Sơn đạt 123,4 triệu USD, tăng 7,5% so với năm trước."},
            {"id": "m2", "title": "Du lịch", "text": "Năm 2030, tỉnh Lạng Sơn đón 4.567 nghìn "
             "lượt khách du lịch, doanh thu đạt 890 tỷ đồng."},
            {"id": "m3", "title": "Nông nghiệp", "text": "Diện tích trồng na của tỉnh Lạng Sơn "
             "năm 2030 đạt 5.210 ha, sản lượng 52 nghìn tấn."}]
    corpus.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs) + "\n",
                      encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    qs = [{"id": "x1", "question": "Kim ngạch xuất khẩu hồi khô năm 2030 đạt bao nhiêu?",
           "answers": ["123,4 triệu USD"], "doc_ids": ["m1"]},
          {"id": "x2", "question": "Diện tích trồng na năm 2030?", "answers": ["5.210 ha"],
           "doc_ids": ["m3"]}]
    gold.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in qs) + "\n",
                    encoding="utf-8")
    data = ok_json(rag("eval", gold, "--corpus", corpus, "--chunk-size", "200",
                       "--chunk-overlap", "20", "--mode", "lexical", "--config-name", "mini",
                       "--json", env=cli_env))
    cfg = data["config"]
    assert cfg["fresh_index"] is True and cfg["index_dir"] is None
    assert cfg["corpus"] == [str(corpus)] and cfg["documents"] == 3
    assert (cfg["chunk_size"], cfg["chunk_overlap"], cfg["mode"]) == (200, 20, "lexical")
    assert data["metrics"]["hit@1"] == 1.0 and data["metrics"]["doc_hit@1"] == 1.0

    # into a named index dir, plain output
    index_dir = tmp_path / "idx"
    proc = rag("eval", gold, "--corpus", corpus, "--index-dir", index_dir, "--mode",
               "lexical", env=cli_env)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "2 questions, 2 answerable, 0 unanswerable"
    assert [ln.split()[0] for ln in lines if ln and not ln.startswith(" ")][1:] == GROUP_ORDER
    assert (index_dir / "CURRENT").is_file()


@pytest.mark.parametrize(("args", "fragment"), [
    ((), "give a GOLD file, or --compare"),
    (("GOLD", "--chunk-size", "300"), "give --corpus"),
    (("--compare", "MISSING", "MISSING"), "no such file"),
    (("GOLD", "--compare", "GOLD", "GOLD"), "give no GOLD"),
])
def test_cli_eval_errors_are_one_line(tmp_path, args, fragment):
    subs = {"GOLD": str(GOLD), "MISSING": str(tmp_path / "missing.json")}
    code, out, err = rag_in_process("eval", *(subs.get(a, a) for a in args))
    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith("error: ") and fragment in err, err


# --- the page in a real browser ------------------------------------------------------------------


@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing")
def test_report_renders_in_chromium(cli_runs):
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    _base, _gold, html, _a, _b = cli_runs
    requested: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on("request", lambda r: requested.append(r.url))
            page.goto(html.resolve().as_uri())
            assert page.title() == "hybrid — evaluation report"
            # the metrics table, with each group and a document-level column
            table = page.locator("#metrics-table")
            assert table.is_visible()
            groups = table.locator("tr.group th").all_inner_texts()
            assert [g.lower() for g in groups] == GROUP_ORDER
            row = table.locator('tr[data-metric="hit@1"] td')
            assert row.count() == 3 and re.fullmatch(r"[01]\.\d{4}", row.nth(1).inner_text())
            # the hit@k curve: two series of ten points, drawn with a real size
            curve = page.locator("#hit-curve svg")
            box = curve.bounding_box()
            assert box and box["width"] > 300 and box["height"] > 200
            assert curve.locator("path.series").count() == 2
            assert curve.locator("circle").count() == 20
            assert curve.locator("path.series").first.get_attribute("d").count("L") == 9
            # the latency histogram: bars, and the p50 / p95 marks
            bars = page.locator("#latency svg rect.bar")
            assert bars.count() >= 5
            assert sum(float(bars.nth(i).get_attribute("height") or 0)
                       for i in range(bars.count())) > 0
            assert "p50" in page.locator("#latency svg").inner_html()
            # the reliability chart: the diagonal, a bar and a point per answered bin
            chart = page.locator("#reliability svg")
            box = chart.bounding_box()
            assert box and box["width"] > 250 and box["height"] > 250
            filled = [r for r in page.locator("#reliability-table tbody tr").all()
                      if r.locator("td").nth(1).inner_text() != "0"]
            assert chart.locator("rect.bin").count() == len(filled) >= 1
            assert chart.locator("circle").count() == len(filled)
            # the failed questions, the first ones unfolded with the top passages
            failures = page.locator("details.failure")
            if failures.count():
                assert failures.first.locator("ol.hits li").count() >= 1
                assert failures.first.locator("ol.hits").is_visible()
            page.screenshot(path="/tmp/eval_report.png", full_page=True)
        finally:
            browser.close()
    assert requested and all(u.startswith("file://") for u in requested), requested
    assert Path("/tmp/eval_report.png").stat().st_size > 10_000
