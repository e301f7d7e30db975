"""Message texts of the backups area (code → English and Chinese words): encrypted
backups, the backup key and its recovery code."""

from __future__ import annotations

from stationapp.messages.catalogue.text import Text

TEXTS: dict[str, Text] = {
    "backups.code_needed": Text(
        en="“{name}” is encrypted with a key this desk does not have. Enter the recovery "
           "code that was printed when the backup key was made.",
        zh="“{name}”是用本机没有的密钥加密的。请输入生成备份密钥时打印的恢复码。"),
    "backups.code_mistyped": Text(
        en="The recovery code is not complete or has a typing mistake: it has 14 groups "
           "of 4 letters and digits (2 to 7). Please check it and type it again.",
        zh="恢复码不完整或有输入错误：恢复码共 14 组，每组 4 个字母或数字（2 到 7）。"
           "请核对后重新输入。"),
    "backups.code_wrong": Text(
        en="This recovery code does not belong to “{name}”: the backup was encrypted with "
           "another key. Nothing was changed.",
        zh="这个恢复码与“{name}”不匹配：这份备份是用另一把密钥加密的。没有做任何改动。"),
    "backups.tampered": Text(
        en="“{name}” has been changed or damaged since it was made, so it cannot be "
           "trusted and is not restored. Nothing was changed. Use another backup.",
        zh="“{name}”在备份之后被改动过或已损坏，不能信任，因此不予恢复。"
           "没有做任何改动。请换一份备份。"),
    "backups.newer_format": Text(
        en="“{name}” was made by a newer version of stationapp (backup format {version}). "
           "Please update stationapp on this desk first.",
        zh="“{name}”是较新版本的 stationapp 制作的（备份格式 {version}）。"
           "请先更新本机的 stationapp。"),
    "backups.key_damaged": Text(
        en="The backup key file {path} is damaged. Restore it from the recovery code "
           "(restore a backup with the code) or contact technical support.",
        zh="备份密钥文件 {path} 已损坏。请用恢复码恢复一份备份以找回密钥，或联系技术支持。"),
    "backups.key_unwritable": Text(
        en="The backup key could not be saved to {path} ({reason}). Nothing was backed up.",
        zh="备份密钥无法保存到 {path}（{reason}）。没有进行备份。"),
}
