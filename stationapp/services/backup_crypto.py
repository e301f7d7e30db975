"""Encrypted backups: the desk's backup key, its recovery code, and the file format.

Every backup written to the backup folder (daily, manual, before a restore, the copy made
before a migration) is encrypted, because that folder is meant to be a USB disk that can
be lost. A plain copy only ever exists as a temporary file in the program's own data
folder (0700), while a backup is being made or checked.

File format (version 1)::

    b"STATIONAPP-BACKUP" · version (1 byte) · key id (8 bytes) · nonce (12 bytes) ·
    AES-256-GCM ciphertext of the whole SQLite file, with the 38 header bytes as
    associated data

so a changed byte anywhere (header included) is refused. The key id is a hash of the key:
it tells "encrypted with another key" apart from "changed", and says nothing of the key.
The whole file is encrypted in one piece (a ledger is a few megabytes; AES-GCM here takes
up to 2 GiB).

The key (32 random bytes) is made when the first administrator is created on a SQLite
ledger, or by the first backup of a ledger that has no accounts yet (a new or demo
ledger). It lives on the desk, outside the database and the backup folder, in the user's
data folder (``backup-key.json``, 0600). Its recovery code (the key and a 3-byte check in
base32: 14 groups of 4 characters) is to be shown once, printed and locked away: until
some screen has shown it, :func:`take_pending_recovery_code` hands it out (once). A restore
on a desk without the key asks for the code; that desk then keeps the key.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from stationapp.domain.errors import BackupError, ValidationError
from stationapp.files import atomic_write
from stationapp.messages import msg
from stationapp.paths import data_dir

MAGIC = b"STATIONAPP-BACKUP"
FORMAT_VERSION = 1
_KEY_ID_SIZE = 8
_NONCE_SIZE = 12
HEADER_SIZE = len(MAGIC) + 1 + _KEY_ID_SIZE + _NONCE_SIZE
_KEY_SIZE = 32
_CHECK_SIZE = 3
_GROUP = 4
_KEY_FILE_NAME = "backup-key.json"
_KEY_FILE_FORMAT = "stationapp-backup-key"
# Characters people confuse with base32 letters (base32 has no 0, 1, 8 or 9).
_TYPOS = str.maketrans({"0": "O", "1": "I", "8": "B"})


def key_file() -> Path:
    """Where this desk keeps its backup key (the user's data folder, never the backup
    folder)."""
    return data_dir() / _KEY_FILE_NAME


def key_id(key: bytes) -> bytes:
    """A short name of ``key`` written into each backup (a hash: it reveals nothing)."""
    return hashlib.sha256(b"stationapp backup key id\x00" + key).digest()[:_KEY_ID_SIZE]


def recovery_code(key: bytes) -> str:
    """The human-typable form of ``key``: 14 groups of 4 base32 characters."""
    check = hashlib.sha256(key).digest()[:_CHECK_SIZE]
    text = base64.b32encode(key + check).decode("ascii")
    return "-".join(text[i:i + _GROUP] for i in range(0, len(text), _GROUP))


def key_from_recovery_code(code: str) -> bytes:
    """The key a recovery code stands for; case, spaces and dashes do not matter, and 0,
    1 and 8 are read as O, I and B. ValidationError when it is incomplete or mistyped."""
    text = "".join(ch for ch in code.upper() if ch.isalnum()).translate(_TYPOS)
    try:
        raw = base64.b32decode(text)
    except (ValueError, TypeError):
        raw = b""
    key, check = raw[:_KEY_SIZE], raw[_KEY_SIZE:]
    if len(raw) != _KEY_SIZE + _CHECK_SIZE or hashlib.sha256(key).digest()[:_CHECK_SIZE] != check:
        raise ValidationError("recovery_code", msg("backups.code_mistyped"))
    return key


def _read_key_file() -> dict[str, object] | None:
    path = key_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != _KEY_FILE_FORMAT:
            raise ValueError("not a key file")
        base64.b64decode(str(data["key"]), validate=True)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError) as exc:
        raise BackupError(msg("backups.key_damaged", path=str(path))) from exc
    return data


def _write_key_file(key: bytes, code_shown: bool) -> None:
    path = key_file()
    data = {"format": _KEY_FILE_FORMAT, "version": 1,
            "key": base64.b64encode(key).decode("ascii"), "code_shown": code_shown}
    try:
        with atomic_write(path) as partial:  # created 0600
            partial.write_text(json.dumps(data), encoding="utf-8")
    except OSError as exc:
        raise BackupError(msg("backups.key_unwritable", path=str(path),
                              reason=str(exc.strerror or exc))) from exc


def desk_key() -> bytes | None:
    """This desk's backup key, None when it has none yet."""
    data = _read_key_file()
    return None if data is None else base64.b64decode(str(data["key"]))


def ensure_desk_key() -> bytes:
    """This desk's backup key, made now (its recovery code waiting to be shown) when it
    has none."""
    key = desk_key()
    if key is None:
        key = AESGCM.generate_key(bit_length=_KEY_SIZE * 8)
        _write_key_file(key, code_shown=False)
    return key


def take_pending_recovery_code() -> str | None:
    """The recovery code of this desk's key when no screen has shown it yet, marked as
    shown now: the caller must show it (to print and lock away). None otherwise."""
    data = _read_key_file()
    if data is None or data.get("code_shown") is True:
        return None
    key = base64.b64decode(str(data["key"]))
    _write_key_file(key, code_shown=True)
    return recovery_code(key)


def adopt_key(key: bytes) -> None:
    """Keep ``key`` (given as a recovery code) as this desk's key when it has none, so
    that its backups go on opening with the same code."""
    if desk_key() is None:
        _write_key_file(key, code_shown=True)


def is_encrypted(path: Path) -> bool:
    """Whether ``path`` starts like an encrypted backup (OSError when it cannot be read)."""
    with path.open("rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def encrypt_file(plain: Path, target: Path, key: bytes) -> None:
    """Write ``plain`` encrypted with ``key`` to ``target`` (a fresh random nonce)."""
    header = MAGIC + bytes([FORMAT_VERSION]) + key_id(key) + os.urandom(_NONCE_SIZE)
    sealed = AESGCM(key).encrypt(header[-_NONCE_SIZE:], plain.read_bytes(), header)
    with target.open("wb") as handle:
        handle.write(header + sealed)


def _header(path: Path, data: bytes) -> tuple[bytes, bytes]:
    """(key id, nonce) of an encrypted backup's bytes; BackupError when unknown."""
    if len(data) < HEADER_SIZE or not data.startswith(MAGIC):
        raise BackupError(msg("backups.tampered", name=path.name))
    version = data[len(MAGIC)]
    if version != FORMAT_VERSION:
        raise BackupError(msg("backups.newer_format", name=path.name, version=version))
    start = len(MAGIC) + 1
    return data[start:start + _KEY_ID_SIZE], data[start + _KEY_ID_SIZE:HEADER_SIZE]


def needs_recovery_code(path: Path) -> bool:
    """True when ``path`` is encrypted with a key this desk does not have."""
    try:
        if not is_encrypted(path):
            return False
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except OSError:
        return False  # reading it again later says why
    wanted, _nonce = _header(path, header)
    key = desk_key()
    return key is None or key_id(key) != wanted


def decrypt_file(source: Path, target: Path, recovery: str | None = None) -> bytes:
    """Write the plain ledger of the encrypted backup ``source`` to ``target``, with this
    desk's key or the key of the ``recovery`` code; returns the key used.

    BackupError when a code is needed and not given, the code is another key's, the file
    was changed or damaged, or made by a newer version; ValidationError for a mistyped
    code. Nothing is written to ``target`` then.
    """
    data = source.read_bytes()
    wanted, nonce = _header(source, data)
    key = desk_key()
    if key is None or key_id(key) != wanted:
        if not recovery:
            raise BackupError(msg("backups.code_needed", name=source.name))
        key = key_from_recovery_code(recovery)
        if key_id(key) != wanted:
            raise BackupError(msg("backups.code_wrong", name=source.name))
    try:
        plain = AESGCM(key).decrypt(nonce, data[HEADER_SIZE:], data[:HEADER_SIZE])
    except InvalidTag as exc:
        raise BackupError(msg("backups.tampered", name=source.name)) from exc
    target.write_bytes(plain)
    return key


@contextlib.contextmanager
def scratch_file(prefix: str) -> Iterator[Path]:
    """A temporary 0600 file in the program's own data folder (0700), removed (with any
    SQLite companions) when the block ends: the only place a plain copy is ever kept."""
    handle, name = tempfile.mkstemp(prefix=f".{prefix}-", suffix=".sqlite3", dir=data_dir())
    os.close(handle)
    path = Path(name)
    try:
        yield path
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                path.with_name(path.name + suffix).unlink(missing_ok=True)


@contextlib.contextmanager
def readable_backup(
    path: Path, recovery: str | None = None
) -> Iterator[tuple[Path, bytes | None]]:
    """(``path`` itself, None) when it is a plain (older) backup; otherwise (a decrypted
    scratch copy, the key that opened it), the copy removed when the block ends. Errors as
    :func:`decrypt_file`."""
    try:
        encrypted = is_encrypted(path)
    except OSError:
        encrypted = False  # the plain checks say why it cannot be read
    if not encrypted:
        yield path, None
        return
    with scratch_file("restore") as plain:
        key = decrypt_file(path, plain, recovery)
        yield plain, key


__all__ = ["FORMAT_VERSION", "HEADER_SIZE", "MAGIC", "adopt_key", "decrypt_file", "desk_key",
           "encrypt_file", "ensure_desk_key", "is_encrypted", "key_file",
           "key_from_recovery_code", "key_id", "needs_recovery_code", "readable_backup",
           "recovery_code", "scratch_file", "take_pending_recovery_code"]
