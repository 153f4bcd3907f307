"""What the Office Open XML readers (DOCX, XLSX) share: a zip archive checked before parsing."""

from __future__ import annotations

import io
import zipfile

from rag.errors import IngestError

MAX_UNCOMPRESSED = 50 * 1024 * 1024  # bytes an archive may expand to (a zip bomb is refused)


def check_archive(name: str, data: bytes, kind: str) -> None:
    """IngestError when ``data`` is not a zip archive (``kind``: "DOCX", "XLSX", for the
    message) or expands past MAX_UNCOMPRESSED bytes; read before any parser sees it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if sum(i.file_size for i in zf.infolist()) > MAX_UNCOMPRESSED:
                raise IngestError(f"{name}: {kind} expands to more than "
                                  f"{MAX_UNCOMPRESSED // (1024 * 1024)} MB")
    except zipfile.BadZipFile as exc:
        raise IngestError(f"{name}: not an {kind} file" if kind[0] in "AEIOUX"
                          else f"{name}: not a {kind} file") from exc
