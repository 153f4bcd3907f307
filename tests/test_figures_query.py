"""GET /figures refuses a query parameter it does not take ("doc" for "doc_id", a misspelt
"indicatr") with 422 naming it and the known ones, instead of listing every figure as if
filtered (issue 17's closing break-test); the known parameters still filter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FakeEmbedder
from fastapi.testclient import TestClient

from api.http.app import create_app
from rag.service import RagService
from rag.settings import Settings

DOCS = ('{"id": "xk", "title": "Xuất khẩu 2027", "date": "2027-12-30", "text": "Năm 2027, kim '
        'ngạch xuất khẩu qua địa bàn đạt 5.210 triệu USD."}\n'
        '{"id": "ocop", "title": "OCOP 2027", "date": "2027-12-30", "text": "Năm 2027, toàn '
        'tỉnh có 186 sản phẩm OCOP."}\n')


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    root = tmp_path_factory.mktemp("figures-query")
    (root / "docs.jsonl").write_text(DOCS, encoding="utf-8")
    settings = Settings(index_dir=root / "index", sessions_db=root / "s.db", public=True,
                        rate_limit_per_minute=0)
    service = RagService(settings, embedder=FakeEmbedder())
    service.index_paths([Path(root / "docs.jsonl")])
    with TestClient(create_app(settings, service=service)) as c:
        yield c


@pytest.mark.parametrize(("params", "unknown"), [
    ({"doc": "ocop"}, "doc"),
    ({"indicatr": "xuất khẩu"}, "indicatr"),
    ({"doc_id": "ocop", "years": "2027"}, "years"),
    ({"page": "2"}, "page"),
])
def test_an_unknown_query_parameter_is_refused_by_name(client: TestClient,
                                                       params: dict[str, str],
                                                       unknown: str) -> None:
    r = client.get("/figures", params=params)
    assert r.status_code == 422, r.text
    [error] = r.json()["detail"]
    assert error["loc"] == ["query", unknown] and error["type"] == "extra_forbidden"
    assert f"`{unknown}`" in error["msg"]
    for known in ("doc_id", "indicator", "year", "measure", "offset", "limit"):
        assert known in error["msg"]


def test_the_known_parameters_still_filter(client: TestClient) -> None:
    r = client.get("/figures", params={"doc_id": "ocop", "year": 2027, "limit": 10})
    assert r.status_code == 200, r.text
    rows = r.json()["rows"]
    assert rows and {row["doc_id"] for row in rows} == {"ocop"}
