"""Where a document comes from and goes to: a path, an open file, or the document itself.

Every reader of another format reads its source through :func:`read_source`
and :func:`as_text` (and a JSON one parses it with :func:`parse_json`), so
that they all take the same kinds of source, refuse the same oversized input
before parsing it, and report undecodable bytes and broken JSON the same way.
Every writer's ``dump`` writes through :func:`write_target`, so that they all
take the same kinds of target and write the same bytes to each.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import IO, Any, cast

from summitkit._validators import describe
from summitkit.exceptions import FormatError, InvalidTypeError

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "Source",
    "Target",
    "as_text",
    "check_size",
    "parse_json",
    "read_source",
    "write_target",
]

#: The largest document a reader of another format accepts, in bytes (64 MiB:
#: the largest published programmes we know of are a few MiB). A file from
#: elsewhere is untrusted; the limit bounds the memory and time one costs.
#: Readers take ``max_bytes=`` to change it.
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024

#: What a ``load`` reads: a path (``str`` or :class:`~pathlib.Path`), an open
#: file (text or binary), or the document itself as ``bytes``.
Source = str | os.PathLike[str] | IO[str] | IO[bytes] | bytes | bytearray

#: Where a ``dump`` writes: a path (``str`` or :class:`~pathlib.Path`), or a
#: file open for writing (text or binary).
Target = str | os.PathLike[str] | IO[str] | IO[bytes]


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


def parse_json(text: str) -> object:
    """The JSON document *text* holds, refusing an object that gives a key twice.

    The standard library parses it, not orjson: only it can refuse a key given
    twice (which would otherwise lose a value silently), and it reads integers
    of any size the same way whatever is installed.

    Raises:
        FormatError: If *text* is not JSON, gives a key twice in one object,
            is nested too deeply, or holds a number too long to convert.
    """
    try:
        return json.loads(text, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise FormatError([("$", f"not valid JSON at {where}: {error.msg}")]) from None
    except RecursionError:
        raise FormatError([("$", "not a usable JSON document: nested too deeply")]) from None
    except ValueError as error:  # a key given twice, or an integer of thousands of digits
        raise FormatError([("$", f"not a usable JSON document: {error}")]) from None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    document = dict(pairs)
    if len(document) != len(pairs):  # only then look for the key, in one pass
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                message = f"the key {key!r} is given twice in one object"
                raise ValueError(message)
            seen.add(key)
    return document


def write_target(data: str | bytes, target: object, where: str) -> None:
    r"""Write the document *data* to *target*: a path, or a file open for writing.

    The same bytes reach every kind of target:

    - a path (``str`` or :class:`~pathlib.Path`) is written whole, or
      replaced: ``str`` as UTF-8, ``bytes`` as they are, line ends unchanged
      on every platform;
    - a text file (one whose ``mode`` has no ``b``, or an
      :class:`io.TextIOBase` such as :class:`io.StringIO`) is given text:
      ``bytes`` are decoded as UTF-8 first.  A text file translates line
      ends as it was opened to: open it with ``newline=""`` to keep a
      document's CRLF;
    - a binary file (an :class:`io.BufferedIOBase` or :class:`io.RawIOBase`
      such as :class:`io.BytesIO`, or one whose ``mode`` has a ``b``) is
      given bytes: ``str`` is encoded as UTF-8 first.

    The file is neither flushed nor closed: it is the caller's.

    >>> import io
    >>> text, binary = io.StringIO(), io.BytesIO()
    >>> write_target("قمة\n", text, "dump(target)")
    >>> write_target("قمة\n", binary, "dump(target)")
    >>> text.getvalue(), binary.getvalue()
    ('قمة\n', b'\xd9\x82\xd9\x85\xd8\xa9\n')

    Args:
        data: The document: text, or its UTF-8 bytes.
        target: Where to write it.
        where: The argument, for the message (``"csv.dump(target)"``).

    Raises:
        InvalidTypeError: Naming *where*, if *target* is neither a path nor
            an object with a ``write`` method.
        OSError: If the file cannot be written.
    """
    if isinstance(target, (str, os.PathLike)):
        path = Path(cast("str | os.PathLike[str]", target))
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return
    write = getattr(target, "write", None)
    if not callable(write):
        raise InvalidTypeError(
            where, f"expected a path or a file open for writing, got {describe(target)}"
        )
    if _is_binary(target):
        write(data.encode("utf-8") if isinstance(data, str) else data)
    else:
        write(data if isinstance(data, str) else data.decode("utf-8"))


def _is_binary(file: object) -> bool:
    if isinstance(file, io.TextIOBase):
        return False
    if isinstance(file, (io.BufferedIOBase, io.RawIOBase)):
        return True
    # Wrappers that are no io class (tempfile's) say it in their mode.
    mode = getattr(file, "mode", "")
    return isinstance(mode, str) and "b" in mode
