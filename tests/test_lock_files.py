"""Office lock files ("~$bao_cao.docx" beside an open report, LibreOffice's ".~lock.x#") are
left out of a run quietly: not read, not counted unreadable, so --strict indexes the folder;
named apart among the files left out, with the reason."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from rag.errors import IngestError, UnsupportedFileType
from rag.ingest.folders import (
    LOCK_FILE_REASON,
    check_files,
    is_lock_file,
    iter_documents,
    iter_files,
)
from rag.ingest.uploads import check_type, read_upload


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "bao_cao"
    folder.mkdir()
    d = docx.Document()
    d.add_paragraph("Báo cáo tình hình xuất khẩu quý II/2026")
    d.add_paragraph("Kim ngạch xuất khẩu quý II/2026 đạt 845,2 triệu USD.")
    d.save(folder / "xk_quy2_2026.docx")
    # Word's owner file: a byte of the name's length, the user's name, padding
    (folder / "~$_quy2_2026.docx").write_bytes(b"\x0cTran Thi Lan" + b"\x00" * 149)
    (folder / "~$bieu_so_lieu.xlsx").write_bytes(b"\x05Minh " + b"\x20" * 100)
    (folder / ".~lock.xk_quy2_2026.docx#").write_text("Lan,host,/tmp,01.06.2026 09:10;")
    return folder


def test_lock_files_left_out_and_named(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    others: dict[str, str] = {}
    assert [p.name for p in iter_files([folder], others)] == ["xk_quy2_2026.docx"]
    assert others == {str(folder / "~$_quy2_2026.docx"): LOCK_FILE_REASON,
                      str(folder / "~$bieu_so_lieu.xlsx"): LOCK_FILE_REASON,
                      str(folder / ".~lock.xk_quy2_2026.docx#"): LOCK_FILE_REASON}
    skipped: dict[str, str] = {}
    docs = list(iter_documents([folder], skipped))
    assert [d.id for d in docs] == ["xk_quy2_2026"] and skipped == {}
    check_files([folder])  # --strict: no error for the lock files


def test_a_folder_of_lock_files_only_has_no_reports(tmp_path: Path) -> None:
    folder = tmp_path / "only"
    folder.mkdir()
    (folder / "~$bao_cao.docx").write_bytes(b"\x04Lan " + b"\x00" * 50)
    with pytest.raises(IngestError, match="no .* files in this directory"):
        list(iter_files([folder]))


def test_is_lock_file() -> None:
    assert is_lock_file("~$bc_thang5.docx") and is_lock_file(".~lock.bieu.xlsx#")
    assert not is_lock_file("bc~$.docx") and not is_lock_file(".~lock.bieu.xlsx")
    assert not is_lock_file("~bc_thang5.docx")


@pytest.mark.parametrize("name", [".~lock.bieu_lua_2016_2019.xlsx#", "~$bieu_lua_2016_2019.xlsx",
                                  "uploads/.~lock.bc_t4_2030.docx#"])
def test_an_uploaded_lock_file_is_named_a_lock_file_not_a_type(name: str) -> None:
    # POST /documents checks the type first (415): LibreOffice's suffix ".xlsx#" is no type
    with pytest.raises(IngestError, match="lock file") as caught:
        check_type(name)
    assert not isinstance(caught.value, UnsupportedFileType)
    with pytest.raises(IngestError, match="lock file"):
        read_upload(name, b"Lan,host,/tmp,01.06.2026 09:10;")
    with pytest.raises(UnsupportedFileType):
        check_type("bieu_lua.xlsx#")


def test_a_lock_file_named_on_the_command_line_is_left_out_with_the_reason(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    lock = folder / ".~lock.xk_quy2_2026.docx#"
    others: dict[str, str] = {}
    files = list(iter_files([lock, folder / "xk_quy2_2026.docx"], others))
    assert [p.name for p in files] == ["xk_quy2_2026.docx"]
    assert others == {str(lock): LOCK_FILE_REASON}
