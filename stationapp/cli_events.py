"""The ``event`` command: an event's summary (活动小结) and photos (活动照片), without the GUI.

``stationapp event summary EVENT_ID (--text T | --file F)``,
``stationapp event photo add EVENT_ID FILE [--caption C]``,
``stationapp event photo list EVENT_ID [--format table|json]`` and
``stationapp event photo remove PHOTO_ID``. Listing only reads; the others change the
ledger (see :func:`stationapp.cli_accounts.needed_permission`).
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from stationapp.domain.errors import ValidationError
from stationapp.messages import msg

if TYPE_CHECKING:
    from stationapp.domain.clock import Clock

Translate = Callable[[str, str], str]

COMMAND = "event"
PHOTO_COLUMNS = ("id", "number", "caption", "pixels", "kb", "added_at", "added_by")


def add_parser(commands: Any, t: Translate) -> None:
    """Add ``event summary`` and ``event photo add|list|remove`` to the sub-commands."""
    event = commands.add_parser(
        COMMAND, help=t("an event's summary and photos (活动小结、活动照片)",
                        "活动小结和活动照片"))
    actions = event.add_subparsers(dest="event_action", metavar="ACTION", required=True,
                                   title=t("actions", "操作"))
    event_id = t("event id (see `stationapp events`)", "活动编号（见 stationapp events）")

    summary = actions.add_parser(
        "summary", help=t("save the event's summary (活动小结)", "保存活动小结"))
    summary.add_argument("event_id", type=int, metavar="EVENT_ID", help=event_id)
    given = summary.add_mutually_exclusive_group(required=True)
    given.add_argument("--text", default=None, metavar="T",
                       help=t("the summary (an empty text clears it)", "小结内容（空白即清除）"))
    given.add_argument("--file", type=Path, default=None, metavar="F",
                       help=t("read the summary from a UTF-8 text file",
                              "从 UTF-8 文本文件读取小结"))

    photo = actions.add_parser(
        "photo", help=t("add, list or remove the event's photos (at most 6)",
                        "添加、列出或删除活动照片（最多 6 张）"))
    photo_actions = photo.add_subparsers(dest="photo_action", metavar="ACTION", required=True,
                                         title=t("actions", "操作"))
    add = photo_actions.add_parser(
        "add", help=t("add a photo (kept shrunk in the ledger)", "添加照片（缩小后存入台账）"))
    add.add_argument("event_id", type=int, metavar="EVENT_ID", help=event_id)
    add.add_argument("file", type=Path, metavar="FILE",
                     help=t("the photo (JPEG, PNG …)", "照片文件（JPEG、PNG 等）"))
    add.add_argument("--caption", default="", metavar="C",
                     help=t("the caption printed under the photo", "印在照片下方的说明"))
    listed = photo_actions.add_parser("list", help=t("list the photos", "列出照片"))
    listed.add_argument("event_id", type=int, metavar="EVENT_ID", help=event_id)
    listed.add_argument("--format", choices=["table", "json"], default="table",
                        help=t("output format", "输出格式"))
    remove = photo_actions.add_parser("remove", help=t("remove a photo", "删除照片"))
    remove.add_argument("photo_id", type=int, metavar="PHOTO_ID",
                        help=t("photo id (see `event photo list`)",
                               "照片编号（见 event photo list）"))


def only_reads(args: argparse.Namespace) -> bool:
    """Whether the ``event`` command ``args`` name only reads (``event photo list``)."""
    return (getattr(args, "event_action", "") == "photo"
            and getattr(args, "photo_action", "") == "list")


def run(args: argparse.Namespace, out: TextIO, clock: Clock) -> int | None:
    """Run ``event …`` as ``args.actor`` with the command's ``clock``; None when the
    command is another one."""
    if args.command != COMMAND:
        return None
    if args.event_action == "summary":
        return _summary(args, out, clock)
    if args.photo_action == "add":
        return _add(args, out, clock)
    if args.photo_action == "list":
        return _list(args, out, clock)
    return _remove(args, out, clock)


def _summary_text(args: argparse.Namespace) -> str:
    if args.file is None:
        return str(args.text)
    file = Path(args.file)
    if not file.is_file():
        raise ValidationError("file", msg("event.file_missing", path=file))
    try:
        return file.read_text(encoding="utf-8-sig")
    except (UnicodeDecodeError, OSError) as exc:
        raise ValidationError("file", msg("event.summary_file_unreadable", path=file)) from exc


def _summary(args: argparse.Namespace, out: TextIO, clock: Clock) -> int:
    from stationapp.cli_data import opened_database
    from stationapp.services.events import set_event_summary

    text = _summary_text(args)
    with opened_database(args, clock) as database, database.session() as session:
        set_event_summary(session, args.event_id, text, args.actor)
    print(msg("event.summary_saved", id=args.event_id), file=out)
    return 0


def _add(args: argparse.Namespace, out: TextIO, clock: Clock) -> int:
    from stationapp.cli_data import opened_database
    from stationapp.services.event_photos import MAX_PHOTOS, add_event_photo

    file = Path(args.file)
    if not file.is_file():
        raise ValidationError("file", msg("event.file_missing", path=file))
    with opened_database(args, clock) as database, database.session() as session:
        added = add_event_photo(session, args.event_id, file, caption=args.caption,
                                actor=args.actor, now=clock.now())
    print(msg("event.photo_added", id=added.id, event=args.event_id, count=added.number,
              limit=MAX_PHOTOS), file=out)
    return 0


def _list(args: argparse.Namespace, out: TextIO, clock: Clock) -> int:
    from stationapp.cli_data import opened_database
    from stationapp.services.event_photos import list_event_photos

    with opened_database(args, clock) as database, database.session() as session:
        photos = list_event_photos(session, args.event_id)
    records: list[dict[str, Any]] = [
        {"id": p.id, "number": p.number, "caption": p.caption,
         "pixels": f"{p.width}x{p.height}", "kb": round(p.size / 1024),
         "added_at": p.added_at.strftime("%Y-%m-%d %H:%M"), "added_by": p.added_by}
        for p in photos
    ]
    if args.format == "json":
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif records:
        _print_table(records, out)
    else:
        print(msg("event.no_photos", id=args.event_id), file=out)
    return 0


def _remove(args: argparse.Namespace, out: TextIO, clock: Clock) -> int:
    from stationapp.cli_data import opened_database
    from stationapp.services.event_photos import remove_event_photo

    with opened_database(args, clock) as database, database.session() as session:
        remove_event_photo(session, args.photo_id, args.actor)
    print(msg("event.photo_removed", id=args.photo_id), file=out)
    return 0


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _print_table(records: Sequence[dict[str, Any]], out: TextIO) -> None:
    cells = [[str(record[name]) for name in PHOTO_COLUMNS] for record in records]
    widths = [max([_width(name), *(_width(row[i]) for row in cells)])
              for i, name in enumerate(PHOTO_COLUMNS)]
    for row in [list(PHOTO_COLUMNS), *cells]:
        out.write("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True))
                  .rstrip() + "\n")
    out.write(f"({len(records)})\n")
