"""Where a reader's document comes from: a path, an open file, or the document itself.

Every reader of another format reads its source through :func:`read_source`
and :func:`as_text`, so that they all take the same kinds of source, refuse
the same oversized input before parsing it, and report undecodable bytes the
same way.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, cast

from summitkit._validators import describe
from summitkit.exceptions import FormatError, InvalidTypeError

__all__ = ["MAX_DOCUMENT_BYTES", "Source", "as_text", "read_source"]

#: The largest document a reader of another format accepts, in bytes (64 MiB:
#: the largest published programmes we know of are a few MiB). A file from
#: elsewhere is untrusted; the limit bounds the memory and time one costs.
#: Readers take ``max_bytes=`` to change it.
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024

#: What a ``load`` reads: a path (``str`` or :class:`~pathlib.Path`), an open
#: file (text or binary), or the document itself as ``bytes``.
Source = str | os.PathLike[str] | IO[str] | IO[bytes] | bytes | bytearray


def read_source(source: Source, where: str, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> str | bytes:
    """The document *source* holds: a path's content, a file's content, or the bytes given.

    A ``str`` is always a path: the document as text goes to ``loads``.

    Args:
        source: A path, an open file, or the document as bytes.
        where: The calling function, for messages (``"frab.load(source)"``).
        max_bytes: The largest document accepted.

    Raises:
        InvalidTypeError: If *source* is none of these.
        FormatError: If the document is larger than *max_bytes*.
        OSError: If the file cannot be read.
    """
    if isinstance(source, (bytes, bytearray)):
        data: str | bytes = bytes(source)
    elif isinstance(source, (str, os.PathLike)):
        with Path(source).open("rb") as file:
            data = file.read(max_bytes + 1)
    else:
        read = getattr(source, "read", None)
        if not callable(read):
            raise InvalidTypeError(
                where, f"expected a path, an open file or bytes, got {describe(source)}"
            )
        data = cast("str | bytes", read(max_bytes + 1))
    check_size(data, max_bytes)
    return data


def check_size(data: str | bytes, max_bytes: int) -> None:
    """Refuse a document longer than *max_bytes* (a text counts its characters).

    Raises:
        FormatError: If it is.
    """
    if len(data) > max_bytes:
        raise FormatError(
            [("$", f"the document is larger than {max_bytes} bytes, the most this reader takes")]
        )


def as_text(data: object, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> str:
    """The document as text: ``str`` as it is, bytes as UTF-8; one byte order mark skipped.

    Raises:
        FormatError: If *data* is neither, is not UTF-8, or is larger than *max_bytes*.
    """
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(cast("bytes", data))
        check_size(raw, max_bytes)
        try:
            data = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise FormatError([("$", f"expected UTF-8 text: {error}")]) from None
    if not isinstance(data, str):
        raise FormatError([("$", f"expected text or bytes, got {describe(data)}")])
    check_size(data, max_bytes)
    return data.removeprefix("\ufeff")
