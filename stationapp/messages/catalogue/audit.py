"""Message texts of the audit area (code → English and Chinese words)."""

from __future__ import annotations

from stationapp.messages.catalogue.text import Text

TEXTS: dict[str, Text] = {
    "audit.chain_intact": Text(
        en="The audit trail is intact: {count} entries, none edited or deleted",
        zh="审计记录完整：共 {count} 条，没有被修改或删除"),
    "audit.chain_broken": Text(
        en="The audit trail is broken at entry {id} ({at}): this entry or the one before it "
           "was edited or deleted outside the program",
        zh="审计记录在第 {id} 条（{at}）处断开：这一条或它前面的一条在程序之外被修改或删除过"),
    "audit.reveal_not_allowed": Text(
        en="{name} ({role}) may not show full ID numbers: only an administrator may",
        zh="{name}（{role}）不能查看完整身份证号：只有管理员可以"),
    "audit.resident_not_found": Text(
        en="Resident {id} is not on the ledger", zh="台账中没有编号为 {id} 的居民"),
    "audit.export_reason_missing": Text(
        en="Say why full ID numbers are exported: the reason is kept in the audit trail",
        zh="请说明导出完整身份证号的原因：原因会记入审计记录"),
}
