"""The chat page end to end: real uvicorn on loopback, the real seed index, headless Chromium.

Needs Debian's chromium (``apt-get install -y chromium``) and ``pip install playwright``;
the system browser is used, so ``playwright install`` is never needed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import SeedIndex
from helpers import serve

from rag.ingest.readers import make_document
from rag.service import RagService
from rag.settings import Settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
TITLE_2018 = "Ngành Công thương Lạng Sơn: Khẳng định vai trò đầu tàu trong phát triển kinh tế"
XSS_TEXT = ('<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">\n'
            "Năm 2019, sản lượng hồi khô của tỉnh Lạng Sơn đạt 4.321 tấn, tăng 12% so với cùng kỳ.")
TIMEOUT_MS = 20_000

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")


@pytest.fixture(scope="module")
def base_url(seed: SeedIndex, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    settings = Settings(index_dir=seed.index_dir,
                        sessions_db=tmp_path_factory.mktemp("web") / "s.db")
    with serve(settings, RagService(settings, embedder=seed.service.embedder)) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh browser context; any request off loopback is blocked and fails the test."""
    context = browser.new_context(viewport={"width": 900, "height": 900}, locale="vi-VN")
    context.set_default_timeout(TIMEOUT_MS)
    outside: list[str] = []

    def only_loopback(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1:", "data:", "blob:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", only_loopback)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert not outside, f"the page tried to load from outside: {outside}"
    assert not errors, f"JavaScript errors: {errors}"


def ask(page, question: str):
    """Type a question, press Enter, and return the finished answer bubble."""
    answers = page.locator(".bubble.assistant")
    before = answers.count()
    box = page.locator("#question")
    box.click()
    page.keyboard.type(question)
    page.keyboard.press("Enter")
    page.wait_for_function(
        "n => { const b = document.querySelectorAll('.bubble.assistant');"
        " return b.length > n && !b[b.length - 1].classList.contains('pending'); }",
        arg=before)
    return answers.nth(before)


def test_answer_shows_highlighted_figure_and_citation(page, base_url: str) -> None:
    page.goto(base_url)
    assert page.locator("h1").inner_text() == "Hỏi đáp báo cáo Sở Công Thương Lạng Sơn"
    assert page.locator("html").get_attribute("lang") == "vi"
    assert "kim ngạch xuất khẩu 2018" in page.locator("#question").get_attribute("placeholder")
    assert page.locator("#send").inner_text() == "Gửi"

    bubble = ask(page, "kim ngạch xuất khẩu 2018?")
    assert page.locator(".bubble.user").last.inner_text() == "kim ngạch xuất khẩu 2018?"
    figure = bubble.locator("mark.figure")
    assert figure.count() == 1 and figure.inner_text() == "769 triệu USD"
    assert "kim ngạch xuất khẩu: 769 triệu USD" in bubble.locator(".answer").inner_text()
    assert bubble.locator(".resolved").count() == 0  # nothing to resolve in a first question
    assert "Độ tin cậy" in bubble.locator(".confidence").inner_text()

    citation = bubble.locator(".citation").first
    assert citation.locator(".source-title").inner_text() == TITLE_2018
    assert citation.locator("time").get_attribute("datetime") == "2018-05-22"
    assert citation.locator("time").inner_text() == "22/05/2018"
    quote = citation.locator("mark.quote")
    assert quote.count() == 1 and "769 triệu USD" in quote.inner_text()
    # the quote sits inside its passage, with context around it
    assert "Tổng kim ngạch xuất nhập khẩu" in citation.locator(".passage").inner_text()
    assert page.evaluate("sessionStorage.getItem('rag.session_id')")

    page.screenshot(path="/tmp/web_answer.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path="/tmp/web_answer_phone.png", full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width}px)"


def test_follow_up_in_the_same_session(page, base_url: str) -> None:
    page.goto(base_url)
    ask(page, "kim ngạch xuất khẩu 2018?")
    sent: list[dict] = []
    page.on("request", lambda r: sent.append(r.post_data_json)
            if r.method == "POST" and r.url.endswith("/chat") else None)
    # typed as decomposed Unicode (NFD), as some input methods produce: the page sends NFC
    page.locator("#question").fill("co\u0300n nha\u0323\u0302p kha\u0302\u0309u?")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.bubble.assistant:not(.pending)')"
                           ".length === 2")
    bubble = page.locator(".bubble.assistant").nth(1)
    assert bubble.locator(".resolved").inner_text() == "Hiểu là: kim ngạch nhập khẩu 2018?"
    assert bubble.locator("mark.figure").inner_text() == "464 triệu USD"
    assert sent and sent[0]["message"] == "còn nhập khẩu?" and sent[0]["session_id"]


def test_enter_during_ime_composition_does_not_send(page, base_url: str) -> None:
    page.goto(base_url)
    box = page.locator("#question")
    box.fill("kim nga")
    for init in ("{key: 'Enter', isComposing: true, bubbles: true, cancelable: true}",
                 "{key: 'Enter', keyCode: 229, bubbles: true, cancelable: true}"):
        box.evaluate(f"el => el.dispatchEvent(new KeyboardEvent('keydown', {init}))")
    page.keyboard.press("Shift+Enter")
    assert page.locator(".bubble.user").count() == 0
    assert box.input_value() == "kim nga\n"


def test_server_text_is_never_run_as_markup(browser, seed: SeedIndex, seed_copy: Path,
                                            tmp_path: Path) -> None:
    settings = Settings(index_dir=seed_copy, sessions_db=tmp_path / "s.db")
    service = RagService(settings, embedder=seed.service.embedder)
    service.upsert([make_document("xss", XSS_TEXT, title="<b>XSS</b> test")])
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    try:
        with serve(settings, service) as base:
            page = context.new_page()
            page.goto(base)
            bubble = ask(page, "sản lượng hồi khô năm 2019?")
            assert bubble.locator("mark.figure").inner_text() == "4.321 tấn"
            citation = bubble.locator(".citation").first
            assert citation.locator(".source-title").inner_text() == "<b>XSS</b> test"
            passage = citation.locator(".passage").inner_text()
            assert "<script>window.__pwned=1</script>" in passage
            assert "4.321 tấn" in citation.locator("mark.quote").inner_text()
            page.get_by_text("<script>window.__pwned=1</script>", exact=False).first \
                .wait_for(state="visible")
            page.wait_for_timeout(300)  # give a stray onerror time to fire
            assert page.evaluate("typeof window.__pwned") == "undefined"
            assert page.locator(".conversation script, .conversation img, .conversation b") \
                .count() == 0
    finally:
        context.close()


def test_unanswerable_question_is_refused(page, base_url: str) -> None:
    page.goto(base_url)
    bubble = ask(page, "giá vàng hôm nay")
    assert "Không tìm thấy thông tin" in bubble.locator(".refusal").inner_text()
    assert bubble.locator("mark.figure").count() == 0
    assert bubble.locator(".citation").count() == 0
    assert bubble.locator(".related-item").count() >= 1
    assert bubble.locator(".related-item .source-title").first.inner_text()


def test_session_survives_reload_expires_and_ends(page, base_url: str) -> None:
    page.goto(base_url)
    ask(page, "kim ngạch xuất khẩu 2018?")
    sid = page.evaluate("sessionStorage.getItem('rag.session_id')")
    page.reload()  # the earlier turn comes back from GET /chat/{id}
    page.locator(".bubble.assistant mark.figure").wait_for()
    assert page.locator(".bubble.user").inner_text() == "kim ngạch xuất khẩu 2018?"

    assert httpx.delete(f"{base_url}/chat/{sid}").status_code == 204  # the server forgets it
    posted: list[dict] = []
    page.on("request", lambda r: posted.append(r.post_data_json)
            if r.method == "POST" and r.url.endswith("/chat") else None)
    bubble = ask(page, "kim ngạch xuất khẩu 2018?")  # 404, then again without the old id
    assert bubble.locator("mark.figure").inner_text() == "769 triệu USD"
    assert [d.get("session_id") for d in posted] == [sid, None]
    new_sid = page.evaluate("sessionStorage.getItem('rag.session_id')")
    assert new_sid and new_sid != sid

    with page.expect_request(lambda r: r.method == "DELETE") as deleted:
        page.get_by_role("button", name="Cuộc trò chuyện mới").click()
    assert deleted.value.url.endswith(f"/chat/{new_sid}")
    assert page.locator(".bubble").count() == 0
    assert page.evaluate("sessionStorage.getItem('rag.session_id')") is None


def test_http_and_network_errors_show_in_the_conversation(page, base_url: str) -> None:
    page.goto(base_url)
    detail = '<img src=x onerror="window.__pwned=3"> quá tải'
    page.route("**/chat", lambda route: route.fulfill(
        status=429, content_type="application/json", body=json.dumps({"detail": detail})))
    bubble = ask(page, "kim ngạch xuất khẩu 2018?")
    assert "error" in bubble.get_attribute("class")
    assert detail in bubble.inner_text()
    page.unroute("**/chat")
    page.route("**/chat", lambda route: route.abort("connectionrefused"))
    bubble = ask(page, "còn nhập khẩu?")
    assert "Không kết nối được" in bubble.inner_text()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#send").is_enabled()

