"""Reading files the app did not write itself: regular files only, never past a size limit.

Every file read from disk (content, shortlist, profile, cache) goes through `read_bounded`,
so that a FIFO, a device or a link to /dev/zero can neither hang the app nor fill its memory.
"""

from __future__ import annotations

import errno
import os
import stat
import tomllib
from pathlib import Path
from typing import Any

_TOML_POSITION_SUFFIX = " (at line "
_CHUNK = 64 * 1024 * 1024  # at most this much asked of one read


class FileProblem(Exception):
    """A file that cannot be used; the message is French and names no path (the caller does).

    `line` and `column` are set for a syntax or encoding error.
    """

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, whatever `st_size` says.

    Raises FileNotFoundError when the file does not exist, FileProblem otherwise.
    """
    try:
        # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise
    except IsADirectoryError as error:
        raise FileProblem("est un dossier, pas un fichier") from error
    except OSError as error:
        raise FileProblem(f"lecture impossible : {os_reason(error)}") from error
    try:
        info = os.fstat(fd)
        mode = info.st_mode
        if stat.S_ISDIR(mode):
            raise FileProblem("est un dossier, pas un fichier")
        if not stat.S_ISREG(mode):
            raise FileProblem("n'est pas un fichier ordinaire (tube, périphérique…)")
        try:
            # As long as the file says (one read, no buffer of `limit` bytes), then on to the
            # limit if it was longer than it said.
            data = _read_up_to(fd, min(info.st_size, limit) + 1)
            if len(data) > info.st_size:
                data += _read_up_to(fd, limit + 1 - len(data))
        except OSError as error:
            raise FileProblem(f"lecture impossible : {os_reason(error)}") from error
    finally:
        os.close(fd)
    if len(data) > limit:
        raise FileProblem(f"fichier trop volumineux (maximum {_size(limit)})")
    return data


def _read_up_to(fd: int, size: int) -> bytes:
    """`size` bytes, or fewer at the end of the file (one read may return less)."""
    chunks = []
    while size > 0 and (chunk := os.read(fd, min(size, _CHUNK))):
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)  # one chunk: that very object, not a copy


def parse_toml(raw: bytes) -> dict[str, Any]:
    """A TOML document from bytes; every failure is a FileProblem with a French message."""
    try:
        # "utf-8-sig": a byte-order mark, which Windows editors may write first, is dropped.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise FileProblem("le fichier n'est pas encodé en UTF-8", line, column) from error
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message, line, column = _toml_position(str(error))
        raise FileProblem(f"erreur de syntaxe TOML : {message}", line, column) from error
    except RecursionError as error:
        raise FileProblem("valeurs imbriquées trop profondément") from error


def read_toml_file(path: Path, limit: int) -> dict[str, Any]:
    """`read_bounded` then `parse_toml`."""
    return parse_toml(read_bounded(path, limit))


def _toml_position(message: str) -> tuple[str, int, int]:
    """tomllib's "Invalid value (at line 3, column 7)" -> ("Invalid value", 3, 7)."""
    cut = message.rfind(_TOML_POSITION_SUFFIX)
    if cut < 0 or not message.endswith(")"):
        return message, 1, 1
    position = message[cut + len(_TOML_POSITION_SUFFIX) : -1]  # "3, column 7"
    line, _, column = position.partition(", column ")
    if not (line.isdigit() and column.isdigit()):
        return message, 1, 1
    return message[:cut], int(line), int(column)


# The usual reasons a file cannot be read or written, in French (reading, saving, listing).
_REASONS = {
    errno.EACCES: "accès refusé",
    errno.EPERM: "accès refusé",
    errno.EROFS: "disque en lecture seule",
    errno.ENOSPC: "disque plein",
    getattr(errno, "EDQUOT", errno.ENOSPC): "disque plein",
    errno.EISDIR: "c'est un dossier, pas un fichier",
    errno.ENOTDIR: "un fichier occupe la place d'un dossier",
    errno.EEXIST: "un fichier occupe la place d'un dossier",
    errno.ELOOP: "liens symboliques en boucle",
    errno.ENAMETOOLONG: "nom de fichier trop long",
    errno.EIO: "erreur d'entrée-sortie",
}


def os_reason(error: OSError) -> str:
    """The reason in French where it is a usual one, else the system's words."""
    return _REASONS.get(error.errno or 0) or error.strerror or str(error)


def _size(limit: int) -> str:
    if limit >= 1_048_576:
        return f"{limit / 1_048_576:g} Mo"
    return f"{limit / 1024:g} ko"
