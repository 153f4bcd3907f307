"""The web chat page at / and its files under /static (plain HTML/JS, no build step)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, FastAPI, HTTPException
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"

PLACEHOLDER_PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Hỏi đáp Sở Công Thương Lạng Sơn</title></head>
<body><h1>Hỏi đáp Sở Công Thương Lạng Sơn</h1>
<p>Trang web chưa được cài đặt. Xem tài liệu API tại <a href="docs">/docs</a>.</p>
<p>The web page is not installed; see the API documentation at <a href="docs">/docs</a>.</p>
</body></html>
"""

router = APIRouter(include_in_schema=False)


@router.get("/")
def home() -> Response:
    """The web chat page (static/index.html), or a placeholder page when it is not built."""
    page = STATIC_DIR / "index.html"
    if page.is_file():
        return FileResponse(page, media_type="text/html; charset=utf-8")
    return HTMLResponse(PLACEHOLDER_PAGE)


class _Static(StaticFiles):
    """Static files that answer 404, not 500, while the directory does not exist yet."""

    async def check_config(self) -> None:
        if self.directory is not None and not Path(self.directory).is_dir():
            raise HTTPException(404, "Not Found")
        await super().check_config()


def mount_static(app: FastAPI) -> None:
    """Serve the web page's files under /static."""
    app.mount("/static", _Static(directory=STATIC_DIR, check_dir=False), name="static")
