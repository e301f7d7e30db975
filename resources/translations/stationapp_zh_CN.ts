<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="81"/>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="85"/>
        <source>Name</source>
        <translation>账户名</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="85"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="86"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="86"/>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="93"/>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="95"/>
        <source>Set &amp;password…</source>
        <translation>设置密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="109"/>
        <source>&amp;Add account</source>
        <translation>添加账户(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="111"/>
        <source>New account</source>
        <translation>新账户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="113"/>
        <source>&amp;Name:</source>
        <translation>账户名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="114"/>
        <source>R&amp;ole:</source>
        <translation>角色(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="115"/>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="116"/>
        <source>R&amp;epeat password:</source>
        <translation>再输一遍密码(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="144"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="144"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="194"/>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="209"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="197"/>
        <source>Account not added</source>
        <translation>账户未添加</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="203"/>
        <source>Account not disabled</source>
        <translation>账户未停用</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="212"/>
        <source>Password not changed</source>
        <translation>密码未更改</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="227"/>
        <source>Disable account</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="228"/>
        <source>Disable {name}? The account can no longer sign in; what it did stays on record.</source>
        <translation>停用 {name}？该账户将不能再登录；它做过的事仍留在记录中。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../stationapp/ui/app.py" line="164"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/app.py" line="177"/>
        <source>Database upgraded</source>
        <translation>数据库已升级</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../stationapp/ui/audit_table_model.py" line="38"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_table_model.py" line="39"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_table_model.py" line="40"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_table_model.py" line="41"/>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_table_model.py" line="42"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_table_model.py" line="43"/>
        <source>Changes</source>
        <translation>改动</translation>
    </message>
</context>
<context>
    <name>AuditWindow</name>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="77"/>
        <location filename="../../stationapp/ui/audit_window.py" line="188"/>
        <location filename="../../stationapp/ui/audit_window.py" line="266"/>
        <location filename="../../stationapp/ui/audit_window.py" line="271"/>
        <source>Audit trail</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="82"/>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="84"/>
        <source>&amp;To</source>
        <translation>至(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="86"/>
        <source>All accounts</source>
        <translation>全部账户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="87"/>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="89"/>
        <source>All objects</source>
        <translation>全部对象</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="114"/>
        <source>Audit entries</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="118"/>
        <source>Changes of the chosen entry</source>
        <translation>所选记录的改动</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="119"/>
        <source>Choose an entry to see all its changes.</source>
        <translation>选择一条记录以查看全部改动。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="129"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="131"/>
        <source>&amp;Check the trail</source>
        <translation>检查审计记录(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="132"/>
        <source>Check that no entry was edited or deleted outside the program</source>
        <translation>检查是否有记录在程序之外被修改或删除</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="170"/>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="170"/>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="171"/>
        <source>Status changed</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="171"/>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="172"/>
        <source>Read in bulk</source>
        <translation>批量查看</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="172"/>
        <source>Full ID shown</source>
        <translation>查看完整身份证号</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="173"/>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="173"/>
        <source>Exported with full IDs</source>
        <translation>导出完整身份证号</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="174"/>
        <source>Printed</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="181"/>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="181"/>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="182"/>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="182"/>
        <location filename="../../stationapp/ui/audit_window.py" line="183"/>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="183"/>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="184"/>
        <source>Delivery</source>
        <translation>配送</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="184"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="185"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="186"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="186"/>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="187"/>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="187"/>
        <source>Households</source>
        <translation>住户花名册</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="189"/>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="189"/>
        <source>Event type</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="190"/>
        <source>Request category</source>
        <translation>诉求类别</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="190"/>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="191"/>
        <source>Delivery round</source>
        <translation>配送趟次</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="192"/>
        <source>Seasonal visit period</source>
        <translation>季节性走访期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="193"/>
        <source>Service certificate</source>
        <translation>志愿服务记录证明</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="194"/>
        <source>Residents (export)</source>
        <translation>居民名册（导出）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="194"/>
        <source>Visits (export)</source>
        <translation>走访记录（导出）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="195"/>
        <source>Requests (export)</source>
        <translation>诉求记录（导出）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="195"/>
        <source>Events (export)</source>
        <translation>活动记录（导出）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="196"/>
        <source>Deliveries (export)</source>
        <translation>配送记录（导出）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="220"/>
        <source>Audit trail not read</source>
        <translation>未能读取审计记录</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="225"/>
        <source>The newest {shown} of {total} entries</source>
        <translation>最新 {shown} 条（共 {total} 条）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="228"/>
        <source>{total} entries</source>
        <translation>共 {total} 条</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="242"/>
        <source>Entry {id} · {at} · {user}
{action} {entity} {entity_id}</source>
        <translation>第 {id} 条 · {at} · {user}
{action} {entity} {entity_id}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="261"/>
        <source>Audit trail not checked</source>
        <translation>未能检查审计记录</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="277"/>
        <source>Export the audit trail to</source>
        <translation>审计记录导出到</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="277"/>
        <source>audit trail.xlsx</source>
        <translation>审计记录.xlsx</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="278"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="290"/>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/audit_window.py" line="293"/>
        <source>{rows} entries exported to {name}</source>
        <translation>已导出 {rows} 条记录到 {name}</translation>
    </message>
</context>
<context>
    <name>AutoSplitDialog</name>
    <message>
        <location filename="../../stationapp/ui/delivery_split_dialog.py" line="33"/>
        <source>Split stops among volunteers</source>
        <translation>把配送户分给志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_split_dialog.py" line="35"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_split_dialog.py" line="38"/>
        <source>{name} ({community})</source>
        <translation>{name}（{community}）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_split_dialog.py" line="46"/>
        <source>Only stops &amp;not yet assigned (keep what is assigned)</source>
        <translation>只分还没分配的户，已分配的不变(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_split_dialog.py" line="49"/>
        <source>Pending stops are split by community and building: a building stays with one volunteer, and every volunteer gets about the same number of stops.</source>
        <translation>待送的户按小区和楼栋来分：同一栋楼归同一位志愿者，每位志愿者分到的户数大致相同。</translation>
    </message>
</context>
<context>
    <name>AutomaticBackup</name>
    <message>
        <location filename="../../stationapp/ui/app.py" line="139"/>
        <source>Backed up today into {folder}</source>
        <translation>今天已自动备份到 {folder}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/app.py" line="147"/>
        <source>The automatic backup failed (see File ▸ Backups…): {reason}</source>
        <translation>自动备份没有成功（请看“文件 ▸ 备份…”）：{reason}</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="130"/>
        <location filename="../../stationapp/ui/backup_dialog.py" line="546"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="146"/>
        <source>e.g. a folder on a USB disk</source>
        <translation>如：U 盘上的一个文件夹</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="147"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="151"/>
        <source> newest backups</source>
        <translation> 份最新备份</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="152"/>
        <source>&amp;Save settings</source>
        <translation>保存设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="159"/>
        <source>Made at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="159"/>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="159"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="160"/>
        <source>Backups in the folder</source>
        <translation>文件夹中的备份</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="172"/>
        <source>Back &amp;up now</source>
        <translation>立即备份(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="173"/>
        <source>&amp;Restore selected…</source>
        <translation>恢复选中的备份(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="174"/>
        <source>Restore from f&amp;ile…</source>
        <translation>从文件恢复(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="175"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="217"/>
        <source>Where backups go</source>
        <translation>备份存放位置</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="225"/>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="228"/>
        <source>&amp;Keep:</source>
        <translation>保留(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="238"/>
        <source>Once a day, when the program starts, a backup is made here automatically. Older backups beyond the number kept are deleted.</source>
        <translation>每天第一次打开程序时，会自动在这里备份一次。超出保留份数的旧备份会被删除。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="245"/>
        <source>Backups in this folder</source>
        <translation>这个文件夹中的备份</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="253"/>
        <source>This ledger is kept on a PostgreSQL server. This program does not back it up itself; use the server&apos;s own tools:</source>
        <translation>本台账保存在 PostgreSQL 服务器上。本程序不负责备份它，请用服务器自带的工具备份：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="307"/>
        <source>Choose the folder where backups go.</source>
        <translation>请选择存放备份的文件夹。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="313"/>
        <source>Give the whole path of the folder (or choose it with Browse…).</source>
        <translation>请填写文件夹的完整路径（或点“浏览…”选择）。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="321"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/backup_dialog.py" line="365"/>
        <source>%n backup(s) in {folder}</source>
        <translation>
            <numerusform>{folder} 中有 %n 份备份</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="369"/>
        <source>No backups in {folder} yet.</source>
        <translation>{folder} 中还没有备份。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="371"/>
        <source>The folder {folder} does not exist yet; it is made with the first backup.</source>
        <translation>文件夹 {folder} 还不存在，第一次备份时会自动创建。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="378"/>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="379"/>
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="380"/>
        <source>before restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="381"/>
        <source>before upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="419"/>
        <source>Backing up the ledger…</source>
        <translation>正在备份台账…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="429"/>
        <source>Backed up</source>
        <translation>已备份</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="430"/>
        <source>The ledger was backed up to
{path}
({size}).</source>
        <translation>台账已备份到
{path}
（{size}）。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="440"/>
        <source>Not backed up</source>
        <translation>未备份</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="472"/>
        <source>This is the ledger in use, not a backup. Choose one of the backups.</source>
        <translation>这是正在使用的台账，不是备份。请选择一份备份。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="473"/>
        <location filename="../../stationapp/ui/backup_dialog.py" line="485"/>
        <location filename="../../stationapp/ui/backup_dialog.py" line="493"/>
        <source>Cannot restore this file</source>
        <translation>不能用这个文件恢复</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="477"/>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="478"/>
        <source>This backup was made on another desk, with another key. Type the recovery code that was printed when that key was made (14 groups of 4 characters):</source>
        <translation>这份备份是在另一台电脑上用另一把密钥制作的。请输入生成该密钥时打印的恢复码（共 14 组，每组 4 个字符）：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="498"/>
        <source>The ledger now in use will be REPLACED by the backup
{path}

Everything entered since that backup was made will no longer be in the ledger. The current ledger is first kept aside as a backup (&quot;before restore&quot;) in
{folder}
so it can be brought back if needed.

Restore this backup?</source>
        <translation>正在使用的台账将被这份备份整个替换：
{path}

这份备份之后录入的内容，都将不在台账里。替换前，当前台账会先另存为一份备份（“恢复前”），放在
{folder}
需要时可以再恢复回来。

确定要恢复这份备份吗？</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="503"/>
        <source>Replace the ledger?</source>
        <translation>替换台账？</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="503"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="511"/>
        <source>Restoring the ledger…</source>
        <translation>正在恢复台账…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="521"/>
        <source>The ledger was restored from
{source}.

The previous ledger was kept as
{aside}.</source>
        <translation>台账已用这份备份恢复：
{source}

原来的台账另存为：
{aside}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="526"/>
        <source>The backup came from an older version of stationapp (schema {revision}) and was brought up to date.</source>
        <translation>这份备份来自旧版 stationapp（数据结构 {revision}），已自动升级到当前版本。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="528"/>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="533"/>
        <source>Not restored</source>
        <translation>未恢复</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="571"/>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="572"/>
        <source>The backup folder or count was changed but not saved. Close anyway?</source>
        <translation>备份文件夹或保留份数已修改，但还没保存。仍然关闭吗？</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="573"/>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="606"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="610"/>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/backup_dialog.py" line="611"/>
        <source>stationapp backups (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>党员服务社台账备份 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>CalendarSection</name>
    <message numerus="yes">
        <location filename="../../stationapp/ui/home_calendar.py" line="90"/>
        <source>Next %n days</source>
        <translation>
            <numerusform>未来 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/home_calendar.py" line="91"/>
        <source>round birthdays: %n</source>
        <translation>
            <numerusform>整寿 %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/home_calendar.py" line="110"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>还有 %n 条…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/home_calendar.py" line="113"/>
        <source>No festival, holiday or round birthday in the next %n days.</source>
        <translation>
            <numerusform>未来 %n 天没有节日、假日或整寿。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/home_calendar.py" line="123"/>
        <source>{name} today</source>
        <translation>今天是{name}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/home_calendar.py" line="124"/>
        <source>{name} in %n day(s)</source>
        <translation>
            <numerusform>{name} 还有 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/home_calendar.py" line="127"/>
        <source>aged 80+: %n household(s)</source>
        <translation>
            <numerusform>80 岁以上 %n 户</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/home_calendar.py" line="130"/>
        <source>Plan a visit round (households aged 80+)</source>
        <translation>安排走访（80 岁以上住户）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/home_calendar.py" line="134"/>
        <source>Plan an event: {name}</source>
        <translation>按模板安排活动：{name}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/home_calendar.py" line="144"/>
        <source>{date} {name}: a working day (调休)</source>
        <translation>{date} {name}调休上班</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/home_calendar.py" line="151"/>
        <source>{when} {name}: %n day(s) off</source>
        <translation>
            <numerusform>{when} {name}放假 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/home_calendar.py" line="154"/>
        <source>(by the law; this year&apos;s dates are not published yet)</source>
        <translation>（按法定规则推算，今年安排尚未公布）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/home_calendar.py" line="158"/>
        <source>{date}（{lunar}）{name} turns {age}</source>
        <translation>{date}（{lunar}）{name} {age} 岁整寿</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/home_calendar.py" line="161"/>
        <source>(lunar birthday)</source>
        <translation>（农历生日）</translation>
    </message>
</context>
<context>
    <name>CandidateModel</name>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="106"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="107"/>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="108"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="109"/>
        <source>Care categories</source>
        <translation>关爱类别</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="110"/>
        <source>Mobility notes</source>
        <translation>行动情况</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="111"/>
        <source>Already planned</source>
        <translation>已安排</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="197"/>
        <source>This household already has a delivery for this event; an item it already gets is not planned twice.</source>
        <translation>这户在本次活动中已安排了配送；已经安排过的物品不会重复安排。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="228"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>CatalogueEntryDialog</name>
    <message>
        <location filename="../../stationapp/ui/settings_catalogue_tab.py" line="81"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_catalogue_tab.py" line="87"/>
        <source>e.g. 幅, 张, 份</source>
        <translation>如：幅、张、份</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_catalogue_tab.py" line="90"/>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
</context>
<context>
    <name>CertificateRegisterWindow</name>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="151"/>
        <source>Certificate register</source>
        <translation>证明登记簿</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="153"/>
        <source>Year of issue</source>
        <translation>开具年份</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="155"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="157"/>
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="159"/>
        <source>&amp;Volunteer:</source>
        <translation>志愿者(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="167"/>
        <source>Certificates</source>
        <translation>证明</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="177"/>
        <source>&amp;Reprint (补打)…</source>
        <translation>补打(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="179"/>
        <source>Print the chosen certificate again with its own number, marked 补打</source>
        <translation>用原编号再次打印所选证明，并标明补打</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="180"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="181"/>
        <source>Write the certificates listed to .xlsx or .csv</source>
        <translation>把列出的证明导出为 .xlsx 或 .csv</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="222"/>
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="225"/>
        <source>All volunteers</source>
        <translation>全部志愿者</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/certificate_register.py" line="258"/>
        <source>%n certificate(s)</source>
        <translation>
            <numerusform>%n 份证明</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="298"/>
        <location filename="../../stationapp/ui/certificate_register.py" line="312"/>
        <source>Service record No. {number}: {name} (reprint)</source>
        <translation>志愿服务记录证明 {number}：{name}（补打）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="309"/>
        <source>Certificate No. {number} of {name} reprinted (补打) on {day}.</source>
        <translation>证明 {number}（{name}）已于 {day} 补打。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="323"/>
        <source>Export the certificate register to</source>
        <translation>把证明登记簿导出到</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="324"/>
        <source>certificate register.xlsx</source>
        <translation>证明登记簿.xlsx</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="325"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="339"/>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="342"/>
        <source>{rows} certificate(s) exported to {name}</source>
        <translation>已导出 {rows} 份证明到 {name}</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="237"/>
        <source>Columns</source>
        <translation>各列内容</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="239"/>
        <source>Check the header row (marked in yellow) and what each column holds. Columns set to “(ignore)” are not imported.</source>
        <translation>请核对表头行（黄色标出）和每一列的内容。设为“（忽略）”的列不会导入。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="262"/>
        <source>&amp;Header row:</source>
        <translation>表头行(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="266"/>
        <source>(click a row below to take it as the header)</source>
        <translation>（点击下面某一行，就把它作为表头）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="271"/>
        <source>What each column holds:</source>
        <translation>每一列的内容：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="320"/>
        <source>“{field}” is chosen for more than one column ({columns})</source>
        <translation>“{field}”被选给了不止一列（{columns}）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="349"/>
        <source>Column {letter}: {title}</source>
        <translation>{letter} 列：{title}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="350"/>
        <source>(no header)</source>
        <translation>（无表头）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="353"/>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="362"/>
        <source>e.g. {value}</source>
        <translation>如：{value}</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../stationapp/ui/crash.py" line="54"/>
        <source>Unexpected error</source>
        <translation>程序出错了</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/crash.py" line="57"/>
        <source>Sorry, something went wrong inside stationapp. Your saved data is safe, but the last action may not have finished.
Please copy the details below and send them to whoever looks after this program.</source>
        <translation>抱歉，程序内部出了问题。已经保存的数据不会丢失，但刚才的操作可能没有完成。
请复制下面的详细信息，发给负责维护本程序的人员。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/crash.py" line="62"/>
        <source>The details are also written to: {path}</source>
        <translation>详细信息也已记录在：{path}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/crash.py" line="73"/>
        <source>&amp;Copy details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/crash.py" line="85"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../stationapp/ui/crash.py" line="146"/>
        <source>Could not finish</source>
        <translation>操作未完成</translation>
    </message>
</context>
<context>
    <name>DeliveriesPanel</name>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="117"/>
        <source>Deliveries: {title}</source>
        <translation>配送：{title}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="146"/>
        <source>&amp;Plan deliveries…</source>
        <translation>安排配送(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="147"/>
        <source>Choose households and items for this event</source>
        <translation>为本次活动选择要送的住户和物品</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="157"/>
        <source>Sheets</source>
        <translation>配送单</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="168"/>
        <source>&amp;Split among volunteers…</source>
        <translation>分给志愿者(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="170"/>
        <source>Split the stops by community and building, balanced</source>
        <translation>按小区和楼栋，把各户平均分给志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="171"/>
        <source>P&amp;rint sheet…</source>
        <translation>打印配送单(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="172"/>
        <source>Include &amp;unassigned stops</source>
        <translation>包括未分配的户(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="175"/>
        <source>Also print the stops no volunteer has yet, on sheets marked as not to be handed out</source>
        <translation>也打印还没有指定志愿者的户（单上标明不得发出）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="177"/>
        <source>All &amp;delivered</source>
        <translation>全部送达(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="179"/>
        <source>Mark every pending stop of this sheet as delivered</source>
        <translation>把这张单上所有待送的户记为已送达</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="159"/>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="208"/>
        <source>Stops</source>
        <translation>配送户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="159"/>
        <source>Sheet</source>
        <translation>配送单</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="159"/>
        <source>To go</source>
        <translation>待送</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="183"/>
        <source>Sh&amp;eets:</source>
        <translation>配送单(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="223"/>
        <source>Volunteer to assign to</source>
        <translation>分配给哪位志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="225"/>
        <source>&amp;Assign</source>
        <translation>分配(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="226"/>
        <source>Give the selected stops to this volunteer</source>
        <translation>把选中的户分给这位志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="227"/>
        <source>Assign &amp;to:</source>
        <translation>分配给(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="230"/>
        <source>Search name, pinyin, address or phone</source>
        <translation>搜索姓名、拼音、地址或电话</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="230"/>
        <source>Search stops</source>
        <translation>搜索配送点</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="250"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="340"/>
        <source>(nobody: unassigned)</source>
        <translation>（不分配）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="355"/>
        <source>All stops</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="358"/>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="415"/>
        <source>No deliveries planned yet: start with Plan deliveries…</source>
        <translation>还没有安排配送：请从“安排配送…”开始</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="419"/>
        <source>{households} · {items} · {pending} to go · {delivered} delivered · {unassigned} unassigned</source>
        <translation>共 {households} · {items} · 待送 {pending} · 已送达 {delivered} · 未分配 {unassigned}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/deliveries_panel.py" line="421"/>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="423"/>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="424"/>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="425"/>
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n 户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/deliveries_panel.py" line="422"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/deliveries_panel.py" line="505"/>
        <source>%n delivery(ies) planned.</source>
        <translation>
            <numerusform>已安排 %n 项配送。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="507"/>
        <source>{text} {skipped} already planned, not planned twice.</source>
        <translation>{text}另有 {skipped} 项之前已安排，没有重复安排。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="534"/>
        <source>Tick at least one volunteer to split the stops among.</source>
        <translation>请至少勾选一位志愿者。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="546"/>
        <source>{name} {count}</source>
        <translation>{name} {count} 户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="548"/>
        <source>Stops split: {parts}.</source>
        <translation>已分好：{parts}。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="561"/>
        <source>Select the stops to assign first.</source>
        <translation>请先选中要分配的户。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/deliveries_panel.py" line="570"/>
        <source>%n stop(s) assigned.</source>
        <translation>
            <numerusform>已分配 %n 户。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="607"/>
        <source>Delivery sheets: {event}</source>
        <translation>配送单：{event}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="609"/>
        <source>Delivery sheet of {name}: {event}</source>
        <translation>{name}的配送单：{event}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="617"/>
        <source>delivery sheets</source>
        <translation>配送单</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="691"/>
        <source>P&amp;rint this sheet…</source>
        <translation>打印这张配送单(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="692"/>
        <source>P&amp;rint all sheets…</source>
        <translation>打印全部配送单(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>DeliveryPlannerDialog</name>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="256"/>
        <source>Plan deliveries: {title}</source>
        <translation>安排配送：{title}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="263"/>
        <source>Search name, pinyin, address or phone</source>
        <translation>搜索姓名、拼音、地址或电话</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="266"/>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="267"/>
        <source>All communities</source>
        <translation>全部小区</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="271"/>
        <source>Care category</source>
        <translation>关爱类别</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="272"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="276"/>
        <source>Care tier</source>
        <translation>关爱等级</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="277"/>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="280"/>
        <source>&amp;Mobility problems only</source>
        <translation>只看行动不便的(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="290"/>
        <source>Households to deliver to</source>
        <translation>要送上门的住户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="305"/>
        <source>&amp;Tick all</source>
        <translation>全选(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="306"/>
        <source>&amp;Untick all</source>
        <translation>全不选(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="312"/>
        <source>Households (only those {status} on the ledger)</source>
        <translation>住户（仅限{status}住户）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="320"/>
        <source>Every ticked household gets</source>
        <translation>每户送上门的物品</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="324"/>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="324"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="324"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="338"/>
        <source>Add &amp;item</source>
        <translation>添加物品(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="339"/>
        <source>Remove item</source>
        <translation>移除物品</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="346"/>
        <source>Note printed on the sheet (optional; mobility notes are added anyway)</source>
        <translation>印在配送单上的备注（选填；行动情况会自动印上）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="526"/>
        <source>Choose a community, care category, tier or mobility problems, or search, to list households.</source>
        <translation>请先选小区、关爱类别、关爱等级或“只看行动不便的”，或输入搜索，才会列出住户。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="529"/>
        <source>{listed} households match · {ticked} ticked</source>
        <translation>符合条件 {listed} 户 · 已选 {ticked} 户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="532"/>
        <source>{text} · {planned} already planned for this event</source>
        <translation>{text} · 其中 {planned} 户本次活动已安排</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/delivery_planner.py" line="537"/>
        <source>&amp;Plan for %n household(s)</source>
        <translation>
            <numerusform>为 %n 户安排配送(&amp;P)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="541"/>
        <source>The item catalogue is empty.</source>
        <translation>物品目录是空的，请先添加物品。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="550"/>
        <source>Tick at least one household and add an item.</source>
        <translation>请至少勾选一户，并添加一种物品。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/delivery_planner.py" line="569"/>
        <source>%n delivery(ies) planned.</source>
        <translation>
            <numerusform>已安排 %n 项配送。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="571"/>
        <source>{text} {skipped} already planned, not planned twice.</source>
        <translation>{text}另有 {skipped} 项之前已安排，没有重复安排。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="573"/>
        <source>{text} Plan more, or close.</source>
        <translation>{text}可以接着安排，也可以关闭。</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="190"/>
        <source>New event</source>
        <translation>新增活动</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="212"/>
        <source>e.g. couplets for the Spring Festival</source>
        <translation>如：迎新春写春联送祝福</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="215"/>
        <source>&amp;Ends:</source>
        <translation>结束(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="245"/>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="250"/>
        <source>&amp;Participants:</source>
        <translation>参加人数(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="249"/>
        <source>T&amp;ype:</source>
        <translation>类型(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="251"/>
        <source>&amp;Title:</source>
        <translation>名称(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="252"/>
        <source>&amp;Starts:</source>
        <translation>开始(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="257"/>
        <source>P&amp;lace:</source>
        <translation>地点(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="258"/>
        <source>&amp;Organiser:</source>
        <translation>组织者(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="259"/>
        <source>&amp;Description:</source>
        <translation>活动内容(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="266"/>
        <source>Handed out on the spot</source>
        <translation>现场发放</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="268"/>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="268"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="269"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="275"/>
        <source>Add &amp;item</source>
        <translation>添加物品(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="276"/>
        <source>Remove item</source>
        <translation>移除物品</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="285"/>
        <source>Volunteers who served</source>
        <translation>参加服务的志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="287"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="287"/>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="288"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="294"/>
        <source>Add &amp;volunteer</source>
        <translation>添加志愿者(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="295"/>
        <source>Remove volunteer</source>
        <translation>移除志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="305"/>
        <source>Register volunteers on the Volunteers page first</source>
        <translation>请先在“志愿者”页面登记志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="477"/>
        <source>Event: {title}</source>
        <translation>活动：{title}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="547"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="548"/>
        <source>Someone else changed this event after you opened it, so your changes were not saved. Close this window and open the event again to see their changes.</source>
        <translation>您打开这个活动之后，别人也修改了它，所以您的修改没有保存。请关闭此窗口，重新打开这个活动查看最新信息。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="547"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="553"/>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="554"/>
        <source>You changed this event. Close without saving?</source>
        <translation>这个活动的信息已修改，不保存就关闭吗？</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="606"/>
        <source>Line {number}: {message}</source>
        <translation>第 {number} 行：{message}</translation>
    </message>
</context>
<context>
    <name>EventSummaryDialog</name>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="63"/>
        <source>Summary and photos — {title}</source>
        <translation>活动小结和照片 — {title}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="65"/>
        <source>&amp;Summary (what the event achieved):</source>
        <translation>活动小结(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="70"/>
        <source>At most {limit} characters</source>
        <translation>最多 {limit} 个字</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="71"/>
        <source>Summary</source>
        <translation>活动小结</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="75"/>
        <source>P&amp;hotos (printed in the event report):</source>
        <translation>活动照片(&amp;H)（印在活动记录中）：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="84"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="86"/>
        <source>&amp;Add photo…</source>
        <translation>添加照片(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="87"/>
        <source>&amp;Remove photo</source>
        <translation>删除照片(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="92"/>
        <source>Photos are saved as soon as you add or remove them; they are kept shrunk in the ledger.</source>
        <translation>照片添加或删除后立即保存，缩小后存放在台账中。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="98"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="137"/>
        <source>Photo {number}</source>
        <translation>照片 {number}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="153"/>
        <source>{count} of at most {limit} photos</source>
        <translation>已有 {count} 张，最多 {limit} 张</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="161"/>
        <source>Add a photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="161"/>
        <source>Images ({patterns})</source>
        <translation>图片 ({patterns})</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="166"/>
        <source>Caption</source>
        <translation>照片说明</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="166"/>
        <source>Caption printed under the photo (may be empty):</source>
        <translation>印在照片下方的说明（可不填）：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="180"/>
        <source>Photo not added</source>
        <translation>未添加照片</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="190"/>
        <source>Remove photo?</source>
        <translation>删除照片？</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="191"/>
        <source>Remove “{caption}” from the event? This cannot be undone.</source>
        <translation>从活动中删除“{caption}”？删除后无法恢复。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="201"/>
        <source>Photo not removed</source>
        <translation>未删除照片</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="219"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="219"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="220"/>
        <source>Someone else changed this event after you opened this window, so the summary was not saved. Copy your text, close this window and open it again.</source>
        <translation>打开本窗口后，别人修改了这个活动，所以小结没有保存。请复制您写的内容，关闭本窗口后重新打开。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="239"/>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_summary_dialog.py" line="240"/>
        <source>You changed the summary. Close without saving it?</source>
        <translation>小结已修改。不保存就关闭吗？</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="103"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="104"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="105"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="106"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="107"/>
        <source>Participants</source>
        <translation>参加人数</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="108"/>
        <source>Planned</source>
        <translation>已安排</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="109"/>
        <source>Items</source>
        <translation>物品件数</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="111"/>
        <source>To go</source>
        <translation>待送</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="115"/>
        <source>Households with door-to-door deliveries planned (not cancelled)</source>
        <translation>已安排送上门的户数（不含已取消的）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="117"/>
        <source>Item deliveries planned (not cancelled)</source>
        <translation>已安排配送的物品件数（不含已取消的）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="118"/>
        <source>Households whose deliveries were all delivered</source>
        <translation>物品已全部送达的户数</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="119"/>
        <source>Households with deliveries still to go</source>
        <translation>还有物品待送的户数</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/events_page.py" line="136"/>
        <location filename="../../stationapp/ui/events_page.py" line="138"/>
        <location filename="../../stationapp/ui/events_page.py" line="140"/>
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n 户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/events_page.py" line="142"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="110"/>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
</context>
<context>
    <name>EventTypesTab</name>
    <message>
        <location filename="../../stationapp/ui/settings_list_tabs.py" line="42"/>
        <source>Event type</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_list_tabs.py" line="42"/>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_list_tabs.py" line="43"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_list_tabs.py" line="43"/>
        <source>&amp;Rename…</source>
        <translation>改名(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_list_tabs.py" line="45"/>
        <source>Types are never deleted: clear &quot;In use&quot; to retire one. A retired type is no longer offered for new events; past events keep it.</source>
        <translation>活动类型不会被删除：取消勾选“在用”即可停用。停用的类型不再供新活动选择，以往的活动仍保留它。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_list_tabs.py" line="94"/>
        <source>New event type</source>
        <translation>新增活动类型</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_list_tabs.py" line="103"/>
        <source>Rename event type</source>
        <translation>活动类型改名</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="193"/>
        <source>Search title, type, place or organiser</source>
        <translation>搜索活动名称、类型、地点或组织者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="195"/>
        <source>Search events</source>
        <translation>搜索活动</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="196"/>
        <source>From date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="197"/>
        <source>To date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="198"/>
        <source>An&amp;y date</source>
        <translation>不限日期(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="199"/>
        <source>Show events of every date</source>
        <translation>显示所有日期的活动</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="201"/>
        <source>&amp;New event…</source>
        <translation>新增活动(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="202"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="203"/>
        <source>Edit the selected event (Enter)</source>
        <translation>修改选中的活动（Enter）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="204"/>
        <source>&amp;Deliveries…</source>
        <translation>配送(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="206"/>
        <source>Plan, assign and record the door-to-door deliveries of the event</source>
        <translation>安排、分配和登记本次活动的送上门配送</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="208"/>
        <source>&amp;Print sheets</source>
        <translation>打印配送单(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="209"/>
        <source>Delivery sheets of all volunteers, or of one</source>
        <translation>打印全部志愿者的配送单，或其中一位的</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="215"/>
        <source>Event &amp;report</source>
        <translation>活动记录(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="216"/>
        <source>S&amp;ummary and photos…</source>
        <translation>小结和照片(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="218"/>
        <source>The event&apos;s summary and up to 6 photos, printed in the event report</source>
        <translation>活动小结和最多 6 张照片，印在活动记录中</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="220"/>
        <source>The event record: details, tallies, volunteers, delivery results</source>
        <translation>活动记录：活动情况、发放数量、志愿者和配送结果</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="223"/>
        <location filename="../../stationapp/ui/events_page.py" line="230"/>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="233"/>
        <source>Fro&amp;m:</source>
        <translation>从(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="235"/>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="268"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/events_page.py" line="345"/>
        <source>%n event(s) shown</source>
        <translation>
            <numerusform>显示 %n 个活动</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="394"/>
        <location filename="../../stationapp/ui/events_page.py" line="427"/>
        <location filename="../../stationapp/ui/events_page.py" line="447"/>
        <source>Event not found</source>
        <translation>找不到这个活动</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="475"/>
        <source>All volunteers (one file)</source>
        <translation>全部志愿者（一个文件）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="481"/>
        <source>Only {name}</source>
        <translation>只打印{name}的</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="499"/>
        <source>Delivery sheet of {name}: {event}</source>
        <translation>{name}的配送单：{event}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="502"/>
        <source>Delivery sheets: {event}</source>
        <translation>配送单：{event}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="505"/>
        <source>delivery sheets</source>
        <translation>配送单</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="513"/>
        <source>Event report: {event}</source>
        <translation>活动记录：{event}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="514"/>
        <source>event report</source>
        <translation>活动记录</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="122"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="131"/>
        <source>This &amp;month</source>
        <translation>本月(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="132"/>
        <source>This &amp;year</source>
        <translation>今年(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="146"/>
        <source>With the current filters of the households page: {filter}</source>
        <translation>按住户台账页当前的筛选条件：{filter}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="150"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿 (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="151"/>
        <source>CSV text (.csv)</source>
        <translation>CSV 文本 (.csv)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="154"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="156"/>
        <source>F&amp;ull ID numbers and birth dates (recorded in the audit trail)</source>
        <translation>完整身份证号和出生日期（记入审计记录）(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="160"/>
        <source>why full ID numbers are needed</source>
        <translation>为什么需要完整身份证号</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="162"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="169"/>
        <source>&amp;Period:</source>
        <translation>时间段(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="171"/>
        <source>&amp;What:</source>
        <translation>导出内容(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="173"/>
        <source>F&amp;ormat:</source>
        <translation>格式(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="175"/>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="195"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="282"/>
        <source>tier {tier}</source>
        <translation>关爱等级：{tier}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="283"/>
        <source>every status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="285"/>
        <source>liaison {name}</source>
        <translation>联户人：{name}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="287"/>
        <source>without a liaison</source>
        <translation>无联户人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="289"/>
        <source>visit overdue on {date}</source>
        <translation>截至 {date} 走访逾期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="292"/>
        <source>name, address or phone “{text}”</source>
        <translation>姓名、地址或电话含“{text}”</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="294"/>
        <source>every household ({status})</source>
        <translation>全部住户（{status}）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="301"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="302"/>
        <source>CSV text (*.csv)</source>
        <translation>CSV 文本 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="304"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="324"/>
        <source>Choose the file to write.</source>
        <translation>请选择要保存的文件。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="333"/>
        <source>The period ends before it starts.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="338"/>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="356"/>
        <source>Exporting {what}…</source>
        <translation>正在导出{what}…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="356"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="402"/>
        <source>Only an administrator may export full ID numbers.</source>
        <translation>只有管理员可以导出完整身份证号。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="405"/>
        <source>Your role may not export.</source>
        <translation>您的角色不能导出。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="421"/>
        <source>Full ID numbers and birth dates will be exported; the export and its reason are recorded.</source>
        <translation>将导出完整身份证号和出生日期；本次导出及原因会记入审计记录。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="425"/>
        <source>ID numbers are masked (370502********1234) and birth dates cut to the year.</source>
        <translation>身份证号已打码（370502********1234），出生日期只保留年份。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="441"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/export_dialog.py" line="442"/>
        <source>%n row(s) written to {path}.</source>
        <translation>
            <numerusform>已将 %n 行写入 {path}。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="453"/>
        <location filename="../../stationapp/ui/export_dialog.py" line="458"/>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/export_dialog.py" line="459"/>
        <source>The file {path} could not be written: {reason}. Choose another folder, or close the file if it is open in Excel or WPS.</source>
        <translation>文件 {path} 没能写入：{reason}。请换一个文件夹；如果这个文件正在 Excel 或 WPS 中打开，请先关闭它。</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="103"/>
        <source>Choose file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="105"/>
        <source>Choose the roster to import: an Excel workbook (.xlsx) or a CSV file.</source>
        <translation>选择要导入的花名册：Excel 工作簿（.xlsx）或 CSV 文件。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="108"/>
        <source>Type the path or press Browse…</source>
        <translation>输入路径，或点“浏览…”</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="109"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="120"/>
        <source>Used for rows whose address does not name a community.</source>
        <translation>地址里没写小区的行，算作这个小区。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="129"/>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="132"/>
        <source>&amp;Sheet:</source>
        <translation>工作表(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="135"/>
        <source>Default &amp;community:</source>
        <translation>默认小区(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="186"/>
        <source>Choose a roster</source>
        <translation>选择花名册</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="187"/>
        <source>Rosters (*.xlsx *.xls *.ods *.csv *.txt)</source>
        <translation>花名册 (*.xlsx *.xls *.ods *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="227"/>
        <source>There is no file {path}.</source>
        <translation>找不到文件 {path}。</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../stationapp/ui/first_admin.py" line="61"/>
        <source>Create the administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/first_admin.py" line="63"/>
        <source>This ledger holds personal data. Create the administrator&apos;s account now: from then on everyone signs in, and each person&apos;s role decides what they may see and change. You can also do it later; until then the ledger works without sign-in.</source>
        <translation>台账中有个人信息。请现在创建管理员账户：此后每个人都要登录，各人的角色决定能查看和修改什么。也可以以后再创建；在此之前台账无需登录即可使用。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/first_admin.py" line="82"/>
        <source>&amp;Account name:</source>
        <translation>账户名(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/first_admin.py" line="83"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/first_admin.py" line="84"/>
        <source>Password a&amp;gain:</source>
        <translation>再次输入密码(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/first_admin.py" line="90"/>
        <source>&amp;Create administrator</source>
        <translation>创建管理员(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/first_admin.py" line="92"/>
        <source>&amp;Later</source>
        <translation>以后再说(&amp;L)</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../stationapp/ui/first_run.py" line="60"/>
        <source>Creating {count} demo households…</source>
        <translation>正在生成 {count} 户演示数据…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/first_run.py" line="65"/>
        <location filename="../../stationapp/ui/first_run.py" line="84"/>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/first_run.py" line="94"/>
        <source>Welcome to {program}</source>
        <translation>欢迎使用{program}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/first_run.py" line="96"/>
        <source>The ledger is empty.</source>
        <translation>住户台账里还没有数据。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/first_run.py" line="98"/>
        <source>You can try the program with a demo station of {count} made-up households, or start with an empty ledger and enter your own households.

Demo data is for practice only: use a separate database for the real ledger.</source>
        <translation>可以先用一个含 {count} 户虚构住户的演示服务社来熟悉程序，也可以从空台账开始，录入本社区的住户。

演示数据只供练习：正式台账请另用一个数据库。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/first_run.py" line="106"/>
        <source>Load &amp;demo data</source>
        <translation>载入演示数据(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/first_run.py" line="109"/>
        <source>Start &amp;empty</source>
        <translation>从空台账开始(&amp;E)</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../stationapp/ui/home_sections.py" line="105"/>
        <location filename="../../stationapp/ui/skeleton.py" line="93"/>
        <source>Today</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/home_sections.py" line="107"/>
        <location filename="../../stationapp/ui/skeleton.py" line="94"/>
        <source>&amp;Read again</source>
        <translation>重新读取(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/home_sections.py" line="108"/>
        <source>Read today&apos;s work again (F5)</source>
        <translation>重新读取今天的工作（F5）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/home_page.py" line="101"/>
        <source>Not in the item catalogue: {items} (add them under Settings)</source>
        <translation>物品目录中没有：{items}（请在设置中添加）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/home_page.py" line="145"/>
        <source>Reading today&apos;s work…</source>
        <translation>正在读取今日工作…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/home_sections.py" line="165"/>
        <source>Overdue visits: %n household(s)</source>
        <translation>
            <numerusform>逾期未走访 %n 户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/home_sections.py" line="167"/>
        <source>due today: %n household(s)</source>
        <translation>
            <numerusform>今天到期 %n 户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/home_sections.py" line="172"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/home_sections.py" line="174"/>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/home_sections.py" line="182"/>
        <source>No household is due for a visit.</source>
        <translation>没有需要走访的住户。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/home_sections.py" line="185"/>
        <source>Reminders due today: %n</source>
        <translation>
            <numerusform>提醒 今天到期 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/home_sections.py" line="187"/>
        <source>overdue: %n</source>
        <translation>
            <numerusform>逾期 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/home_sections.py" line="190"/>
        <source>{due} {address} {head}: {text}</source>
        <translation>{due} {address} {head}：{text}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/home_sections.py" line="198"/>
        <source>No reminder is due.</source>
        <translation>没有到期的提醒。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/home_sections.py" line="201"/>
        <source>Requests past their deadline: %n</source>
        <translation>
            <numerusform>逾期诉求 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/home_sections.py" line="203"/>
        <source>{address} {head} · {category}: {description} · open %n day(s)</source>
        <translation>
            <numerusform>{address} {head} · {category}：{description} · 已受理 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/home_sections.py" line="212"/>
        <source>Open requests: %n</source>
        <translation>
            <numerusform>未办结诉求 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/home_sections.py" line="219"/>
        <source>Events: %n household(s) waiting for deliveries</source>
        <translation>
            <numerusform>活动 待送 %n 户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/home_sections.py" line="226"/>
        <source>to go: %n household(s)</source>
        <translation>
            <numerusform>待送 %n 户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/home_sections.py" line="228"/>
        <source>(%n item(s))</source>
        <translation>
            <numerusform>（%n 件）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/home_sections.py" line="236"/>
        <source>No event in the next %n day(s) and no deliveries to go.</source>
        <translation>
            <numerusform>未来 %n 天没有活动，也没有待送的物品。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/home_sections.py" line="241"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>还有 %n 条…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/home_page.py" line="228"/>
        <source>Today: %n thing(s) to do</source>
        <translation>
            <numerusform>今天待办 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="156"/>
        <source>New household</source>
        <translation>新增住户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="189"/>
        <source>Choose or type a community</source>
        <translation>选择或输入小区</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="198"/>
        <source>Mobile, or landline with area code</source>
        <translation>手机号，或带区号的座机号</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="212"/>
        <source>The day the household came onto the ledger (not after today)</source>
        <translation>这户登记到台账上的日期（不能晚于今天）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="219"/>
        <source>Address and contact</source>
        <translation>地址和联系方式</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="224"/>
        <source>&amp;Community:</source>
        <translation>小区(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="225"/>
        <source>&amp;Building:</source>
        <translation>楼栋(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="226"/>
        <source>&amp;Unit:</source>
        <translation>单元(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="227"/>
        <source>R&amp;oom:</source>
        <translation>室(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="228"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="229"/>
        <source>Re&amp;gistered:</source>
        <translation>登记日期(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="233"/>
        <source>Care</source>
        <translation>关爱情况</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="261"/>
        <source>Care &amp;tier:</source>
        <translation>关爱等级(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="269"/>
        <source>Liaison</source>
        <translation>联户人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="271"/>
        <source>The staff member or volunteer who looks after this household</source>
        <translation>负责联系这户的工作人员或志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="274"/>
        <source>&amp;Liaison:</source>
        <translation>联户人(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_members.py" line="154"/>
        <source>&amp;Members</source>
        <translation>家庭成员(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_members.py" line="159"/>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_members.py" line="160"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_members.py" line="161"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_members.py" line="162"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_members.py" line="163"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_members.py" line="164"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_members.py" line="165"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_members.py" line="166"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_members.py" line="167"/>
        <source>Mobility</source>
        <translation>行动情况</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_members.py" line="203"/>
        <source>Show &amp;ID number</source>
        <translation>显示身份证号(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_members.py" line="204"/>
        <source>Shows the selected member&apos;s full ID number; recorded in the audit trail</source>
        <translation>显示所选成员的完整身份证号；会记入审计记录</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="321"/>
        <location filename="../../stationapp/ui/household_dialog.py" line="335"/>
        <location filename="../../stationapp/ui/household_members.py" line="168"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_members.py" line="197"/>
        <source>&amp;Add member…</source>
        <translation>添加成员(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_members.py" line="199"/>
        <source>&amp;Edit member…</source>
        <translation>修改成员(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_members.py" line="201"/>
        <source>&amp;Remove member</source>
        <translation>移除成员(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="308"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="315"/>
        <source>&amp;Notes (family situation, how to reach them):</source>
        <translation>备注（家庭情况、怎样联系）(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="326"/>
        <source>C&amp;hange status…</source>
        <translation>变更状态(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="335"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="335"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="335"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="427"/>
        <source>Household: {address}</source>
        <translation>住户：{address}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="434"/>
        <source>never</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="435"/>
        <source>Last visit {last}</source>
        <translation>上次走访：{last}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="438"/>
        <source>{text} · next due {due}</source>
        <translation>{text} · 下次应访：{due}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/household_dialog.py" line="444"/>
        <source>{text} (%n day(s) overdue)</source>
        <translation>
            <numerusform>{text}（已逾期 %n 天）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="453"/>
        <source>Current status: {status}</source>
        <translation>当前状态：{status}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="456"/>
        <source>This household is {status} since {date}</source>
        <translation>本户已{status}（{date}）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="457"/>
        <source>(date not known)</source>
        <translation>日期不详</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="459"/>
        <source>{text}: {reason}</source>
        <translation>{text}：{reason}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="463"/>
        <source>Current status: {status} since {date}</source>
        <translation>当前状态：{status}（自 {date} 起）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_members.py" line="250"/>
        <source>{status} on save</source>
        <translation>保存后记为{status}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_members.py" line="386"/>
        <source>Kept for the record; not living in the household</source>
        <translation>仅保留记录，已不在本户居住</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_members.py" line="400"/>
        <source>{date} (lunar birthday)</source>
        <translation>{date}（农历生日）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_members.py" line="421"/>
        <source>From the ID number</source>
        <translation>由身份证号得出</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_members.py" line="438"/>
        <source>Registered as {alone}, but other members live here: {names}</source>
        <translation>登记为{alone}，但还有同住成员：{names}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_members.py" line="441"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_members.py" line="451"/>
        <source>{elderly} (80+) is derived from birth dates</source>
        <translation>“{elderly}”（80 岁及以上）按出生日期自动判断</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_members.py" line="455"/>
        <source>{note}: this household is {elderly}.</source>
        <translation>{note}：本户属于{elderly}。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="513"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="514"/>
        <source>Someone else changed this household after you opened it, so your changes were not saved. Close this window and open the household again to see their changes.</source>
        <translation>您打开这户之后，别人也修改了这户的信息，所以您的修改没有保存。请关闭此窗口，重新打开这户查看最新信息。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="513"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="303"/>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="304"/>
        <source>Histor&amp;y</source>
        <translation>历史(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="345"/>
        <source>Status recor&amp;d:</source>
        <translation>变更记录(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="519"/>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="520"/>
        <source>You changed this household. Close without saving?</source>
        <translation>这户的信息已修改，不保存就关闭吗？</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_members.py" line="471"/>
        <source>Member {number} ({name}): {message}</source>
        <translation>第 {number} 位成员（{name}）：{message}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="608"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="609"/>
        <source>Save or undo your changes before changing the status.</source>
        <translation>请先保存或撤销修改，再变更状态。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="629"/>
        <source>Deliveries cancelled</source>
        <translation>配送已取消</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/household_dialog.py" line="630"/>
        <source>%n pending delivery(ies) of this household were cancelled.</source>
        <translation>
            <numerusform>这户还有 %n 项待送的配送，已全部取消。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HouseholdHistoryView</name>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="78"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="78"/>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="78"/>
        <source>What happened</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="85"/>
        <source>Household history</source>
        <translation>本户历史</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="91"/>
        <source>Nothing recorded for this household yet.</source>
        <translation>本户还没有任何记录。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="94"/>
        <source>Double-click a line or press Enter to open it.</source>
        <translation>双击一行或按回车键打开。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="165"/>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="166"/>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="167"/>
        <location filename="../../stationapp/ui/household_history.py" line="263"/>
        <source>Delivery</source>
        <translation>配送</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="168"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="177"/>
        <source>{category}: {description} ({status})</source>
        <translation>{category}：{description}（{status}）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="194"/>
        <source>needs follow-up</source>
        <translation>需跟进</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="200"/>
        <source>{event}: {item} {count}, {outcome}</source>
        <translation>{event}：{item} {count}，{outcome}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="207"/>
        <source>Event: {title} on {date}</source>
        <translation>活动：{title}（{date}）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="209"/>
        <source>Item: {item} {count}</source>
        <translation>物品：{item} {count}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="211"/>
        <source>Outcome: {outcome}</source>
        <translation>配送结果：{outcome}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="214"/>
        <source>Recorded for: {when}</source>
        <translation>结果时间：{when}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="217"/>
        <source>Note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="219"/>
        <source>Volunteer: {name}</source>
        <translation>志愿者：{name}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="221"/>
        <source>Attempt: {n}</source>
        <translation>配送次数：{n}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="226"/>
        <source>Back on the ledger ({status})</source>
        <translation>恢复{status}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="228"/>
        <source>Status changed to {status}</source>
        <translation>状态改为{status}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="230"/>
        <source>{text}: {reason}</source>
        <translation>{text}：{reason}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="232"/>
        <source>From {before} to {after}</source>
        <translation>由{before}改为{after}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="234"/>
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="235"/>
        <source>Recorded by {actor} on {when}</source>
        <translation>经办人：{actor}，记录于 {when}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="267"/>
        <source>Status change of {date}</source>
        <translation>{date} 的状态变更</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_history.py" line="297"/>
        <source>Not found</source>
        <translation>找不到记录</translation>
    </message>
</context>
<context>
    <name>HouseholdPicker</name>
    <message>
        <location filename="../../stationapp/ui/household_picker.py" line="62"/>
        <source>Type a name, pinyin initials, address or phone</source>
        <translation>输入姓名、拼音首字母、地址或电话</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_picker.py" line="64"/>
        <source>Household</source>
        <translation>住户</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location filename="../../stationapp/ui/household_table_model.py" line="181"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_table_model.py" line="181"/>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_table_model.py" line="181"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_table_model.py" line="181"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_table_model.py" line="182"/>
        <source>Care categories</source>
        <translation>关爱类别</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_table_model.py" line="182"/>
        <source>Tier</source>
        <translation>关爱等级</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_table_model.py" line="182"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_table_model.py" line="183"/>
        <source>Liaison</source>
        <translation>联户人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_table_model.py" line="183"/>
        <source>Next visit</source>
        <translation>下次走访</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/household_table_model.py" line="402"/>
        <source>Visit overdue by %n day(s)</source>
        <translation>
            <numerusform>走访已逾期 %n 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="114"/>
        <source>Search name, pinyin, address or phone</source>
        <translation>搜索姓名、拼音、地址或电话</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="117"/>
        <source>Search households</source>
        <translation>搜索住户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="120"/>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="123"/>
        <source>Care category</source>
        <translation>关爱类别</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="124"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="128"/>
        <source>Care tier</source>
        <translation>关爱等级</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="129"/>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="133"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="136"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="138"/>
        <source>All liaisons</source>
        <translation>全部联户人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="139"/>
        <source>No liaison</source>
        <translation>无联户人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="141"/>
        <source>Liaison</source>
        <translation>联户人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="142"/>
        <source>Households of one liaison (&quot;my households&quot;), or those without one</source>
        <translation>某位联户人负责的住户（“我的住户”），或没有联户人的住户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="146"/>
        <source>&amp;New household…</source>
        <translation>新增住户(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="147"/>
        <source>Add a household to the ledger (Ctrl+N)</source>
        <translation>在台账中新增一户（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="148"/>
        <location filename="../../stationapp/ui/households_page.py" line="155"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="149"/>
        <source>Open the selected household (Enter)</source>
        <translation>打开选中的住户（Enter）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="150"/>
        <location filename="../../stationapp/ui/households_page.py" line="157"/>
        <source>Record v&amp;isit…</source>
        <translation>登记走访(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="151"/>
        <source>Record a visit to the selected household</source>
        <translation>为选中的住户登记一次走访</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="152"/>
        <location filename="../../stationapp/ui/households_page.py" line="161"/>
        <source>Assign &amp;liaison…</source>
        <translation>指定联户人(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="153"/>
        <source>Make one person the liaison of the selected households</source>
        <translation>把选中的住户交给一位联户人负责</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="171"/>
        <location filename="../../stationapp/ui/households_page.py" line="188"/>
        <source>Households</source>
        <translation>住户台账</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="259"/>
        <source>Liaison: {name}</source>
        <translation>联户人：{name}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="262"/>
        <source>Search “{text}”</source>
        <translation>搜索“{text}”</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="308"/>
        <source>{shown} of {total} households shown</source>
        <translation>共 {total} 户，显示 {shown} 户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="382"/>
        <location filename="../../stationapp/ui/households_page.py" line="467"/>
        <source>Household not found</source>
        <translation>找不到这户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="422"/>
        <source>Liaison not assigned</source>
        <translation>联户人没有指定</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/households_page.py" line="429"/>
        <source>Liaison removed from %n household(s).</source>
        <translation>
            <numerusform>已取消 %n 户的联户人。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/households_page.py" line="431"/>
        <source>{name} is now liaison of %n more household(s).</source>
        <translation>
            <numerusform>已将 %n 户的联户人设为{name}。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="483"/>
        <source>Saved. The household no longer matches the search or filters, so it is not in the list now; clear the search to see it again.</source>
        <translation>已保存。这一户已不符合当前的搜索或筛选条件，所以暂时不在列表中；清空搜索和筛选即可再看到。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="527"/>
        <source>Saved {name}&apos;s household; the search was cleared to show it.</source>
        <translation>已保存{name}家的信息；为显示这户，已清空搜索和筛选条件。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="576"/>
        <source>All communities</source>
        <translation>全部小区</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../stationapp/ui/import_wizard.py" line="137"/>
        <source>Import roster</source>
        <translation>导入花名册</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard.py" line="140"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard.py" line="198"/>
        <source>This file does not look like a roster: none of its first 20 rows has headers such as 姓名, 住址 or 身份证号. Choose the sheet with the households, or another file.</source>
        <translation>这个文件不像花名册：前 20 行里没有“姓名”“住址”“身份证号”这样的表头。请选择存放住户的工作表，或换一个文件。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard.py" line="213"/>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard.py" line="242"/>
        <source>Checking the rows of {name}…</source>
        <translation>正在检查 {name} 的各行…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard.py" line="276"/>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard.py" line="292"/>
        <source>Nothing imported</source>
        <translation>没有导入</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/import_wizard.py" line="293"/>
        <source>Nothing was imported: %n row(s) have problems and “Stop on first error” is ticked. Save the rejected rows, correct them in the sheet and import again, or untick the box.</source>
        <translation>
            <numerusform>没有导入任何数据：有 %n 行有问题，而且勾选了“遇到错误就停止”。请保存不导入的行，在表格里改正后重新导入；或者取消勾选这一项。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard.py" line="299"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard.py" line="300"/>
        <source>The roster was imported.

New people: {created}
Updated: {updated}
Unchanged: {unchanged}
Not imported: {rejected}

{households_created} new household(s), {households_updated} household(s) changed.</source>
        <translation>花名册已导入。

新增人员：{created}
更新：{updated}
无变化：{unchanged}
不导入：{rejected}

新增 {households_created} 户，修改 {households_updated} 户。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard.py" line="312"/>
        <source>Import cancelled</source>
        <translation>导入已取消</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard.py" line="313"/>
        <source>The import was cancelled. Nothing was imported.</source>
        <translation>导入已取消，没有导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard.py" line="317"/>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard.py" line="318"/>
        <source>Nothing was imported: {reason}</source>
        <translation>没有导入任何数据：{reason}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard.py" line="344"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard.py" line="369"/>
        <source>Stopping the import…</source>
        <translation>正在停止导入…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/import_wizard.py" line="387"/>
        <source>Reading the file… %n row(s) read</source>
        <translation>
            <numerusform>正在读取文件…已读 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard.py" line="390"/>
        <source>Writing the households…</source>
        <translation>正在写入住户…</translation>
    </message>
</context>
<context>
    <name>ItemsTab</name>
    <message>
        <location filename="../../stationapp/ui/settings_list_tabs.py" line="113"/>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_list_tabs.py" line="113"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_list_tabs.py" line="113"/>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_list_tabs.py" line="114"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_list_tabs.py" line="114"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_list_tabs.py" line="116"/>
        <source>Items are never deleted: clear &quot;In use&quot; to retire one. A retired item is no longer offered for new events and deliveries; past records keep it.</source>
        <translation>物品不会被删除：取消勾选“在用”即可停用。停用的物品不再供新活动和配送选择，以往的记录仍保留它。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_list_tabs.py" line="167"/>
        <source>New item</source>
        <translation>新增物品</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_list_tabs.py" line="176"/>
        <source>Edit item</source>
        <translation>修改物品</translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message>
        <location filename="../../stationapp/ui/ledger_dialog.py" line="83"/>
        <source>Print the ledger</source>
        <translation>打印住户台账</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/ledger_dialog.py" line="95"/>
        <source>Columns to print</source>
        <translation>要打印的列</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/ledger_dialog.py" line="105"/>
        <source>&amp;Default columns</source>
        <translation>恢复默认列(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/ledger_dialog.py" line="116"/>
        <source>The ledger is printed on landscape A4, one section per community, with the header row repeated on every page.</source>
        <translation>台账用 A4 纸横向打印，每个小区单独一节，每页都印表头。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/ledger_dialog.py" line="120"/>
        <source>&amp;Preview…</source>
        <translation>预览(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/ledger_dialog.py" line="123"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/ledger_dialog.py" line="170"/>
        <source>At least one column must be printed.</source>
        <translation>至少要打印一列。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/ledger_dialog.py" line="178"/>
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n 户</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/ledger_dialog.py" line="180"/>
        <source>No household matches {filter}: there is nothing to print.</source>
        <translation>没有符合条件的住户（{filter}），没有可打印的内容。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/ledger_dialog.py" line="181"/>
        <source>the current filter</source>
        <translation>当前筛选条件</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/ledger_dialog.py" line="183"/>
        <source>Printed: {count} — {filter}</source>
        <translation>将打印 {count}：{filter}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/ledger_dialog.py" line="185"/>
        <source>Printed: {count} — every household on the ledger</source>
        <translation>将打印 {count}：台账上的全部住户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/ledger_dialog.py" line="200"/>
        <source>Household ledger</source>
        <translation>住户台账</translation>
    </message>
</context>
<context>
    <name>LiaisonDialog</name>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="647"/>
        <source>Assign liaison</source>
        <translation>指定联户人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="649"/>
        <source>(no liaison)</source>
        <translation>（无联户人）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/households_page.py" line="651"/>
        <source>&amp;Liaison for the %n selected household(s):</source>
        <translation>
            <numerusform>选中的 %n 户的联户人(&amp;L)：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockCover</name>
    <message>
        <location filename="../../stationapp/ui/idle_lock.py" line="34"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="98"/>
        <source>Areas</source>
        <translation>功能</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="109"/>
        <source>Today</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="110"/>
        <source>Households</source>
        <translation>住户台账</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="111"/>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="112"/>
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="113"/>
        <source>Requests</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="114"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="115"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="138"/>
        <source>Signed in: {name} ({role})</source>
        <translation>已登录：{name}（{role}）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="219"/>
        <source>Saved, but a page could not be read again (F5 tries again): {reason}</source>
        <translation>已保存，但有一页没能重新读取（按 F5 再试）：{reason}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="354"/>
        <source>&amp;New event…</source>
        <translation>新增活动(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="355"/>
        <source>&amp;New visit…</source>
        <translation>新增走访(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="356"/>
        <source>&amp;New request…</source>
        <translation>新增诉求(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="357"/>
        <source>&amp;New volunteer…</source>
        <translation>新增志愿者(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="362"/>
        <location filename="../../stationapp/ui/main_window.py" line="368"/>
        <source>&amp;New household…</source>
        <translation>新增住户(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="377"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="380"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="383"/>
        <source>Station &amp;settings…</source>
        <translation>服务社设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="385"/>
        <source>&amp;Lock desk</source>
        <translation>锁定工作台(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="387"/>
        <source>Cover the window until the password is typed again (open windows keep what was typed)</source>
        <translation>遮住窗口，直到再次输入密码（已打开的窗口保留已输入的内容）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="390"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="393"/>
        <source>&amp;About {program}</source>
        <translation>关于 {program}(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="397"/>
        <source>&amp;Print ledger…</source>
        <translation>打印台账(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="400"/>
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="402"/>
        <source>&amp;Import roster…</source>
        <translation>导入花名册(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="405"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="409"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="418"/>
        <source>Seasonal &amp;visits…</source>
        <translation>季节性走访(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="423"/>
        <source>&amp;Audit trail…</source>
        <translation>审计(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="425"/>
        <source>A&amp;ccounts…</source>
        <translation>账户(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="427"/>
        <source>&amp;Administration</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="430"/>
        <source>&amp;De-identify households…</source>
        <translation>住户去标识(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="433"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="436"/>
        <source>&amp;Go to</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="441"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="538"/>
        <source>Audit trail</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="552"/>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="601"/>
        <source>Select a household in the list to record a visit</source>
        <translation>请先在列表中选择一户再登记走访</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="621"/>
        <source>Refreshed</source>
        <translation>已刷新</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="629"/>
        <source>About {program}</source>
        <translation>关于 {program}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="634"/>
        <source>{program} {version}

The ledger, events, deliveries and follow-up visits of a residents&apos; party-member service station.</source>
        <translation>{program} {version}

党员服务社的住户台账、活动、送上门配送和走访回访。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="642"/>
        <source>{backend}: {name}</source>
        <translation>{backend}：{name}</translation>
    </message>
</context>
<context>
    <name>MemberEditor</name>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="85"/>
        <source>Edit member</source>
        <translation>修改成员</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="85"/>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="92"/>
        <source>(from ID number)</source>
        <translation>（按身份证号）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="97"/>
        <source>YYYY-MM-DD, empty if not known</source>
        <translation>年-月-日，如 1943-05-08；不清楚可不填</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="99"/>
        <source>Birthday by the &amp;lunar calendar</source>
        <translation>按农历过生日(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="102"/>
        <source>The resident celebrates the birthday on the lunar date: round-number birthdays (80, 90, 100) are reckoned on it</source>
        <translation>按农历日期过生日：80、90、100 整寿按农历推算</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="107"/>
        <source>18 characters</source>
        <translation>18 位</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="110"/>
        <source>Mobile, or landline with area code</source>
        <translation>手机号，或带区号的座机号</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="118"/>
        <source>&amp;Head of household</source>
        <translation>户主(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="123"/>
        <source>e.g. uses a wheelchair, needs help on stairs</source>
        <translation>如：坐轮椅、上下楼需要搀扶</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="143"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="144"/>
        <source>I&amp;D number:</source>
        <translation>身份证号(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="151"/>
        <source>&amp;Sex:</source>
        <translation>性别(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="152"/>
        <source>&amp;Birth date:</source>
        <translation>出生日期(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="154"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="155"/>
        <source>&amp;Relation to head:</source>
        <translation>与户主关系(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="157"/>
        <source>&amp;Mobility notes:</source>
        <translation>行动情况(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="262"/>
        <source>Write the birth date as YYYY-MM-DD, e.g. 1943-05-08</source>
        <translation>出生日期请按“年-月-日”填写，如 1943-05-08</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="340"/>
        <source>From the ID number: born {date} (age {age}), {sex}</source>
        <translation>按身份证号：{date} 出生（{age} 岁），{sex}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="344"/>
        <source>Birth date and sex left empty are taken from the ID number.</source>
        <translation>出生日期和性别不填时，按身份证号自动得出。</translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="59"/>
        <source>New password for {name}</source>
        <translation>{name} 的新密码</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="63"/>
        <source>New &amp;password:</source>
        <translation>新密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/accounts_dialog.py" line="64"/>
        <source>&amp;Repeat:</source>
        <translation>再输一遍(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>OutcomeBox</name>
    <message>
        <location filename="../../stationapp/ui/delivery_outcome_box.py" line="56"/>
        <source>Record what happened (keys 1–5 in the table)</source>
        <translation>登记配送结果（在表格里可按 1–5 键）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_outcome_box.py" line="64"/>
        <source>Record {outcome} for the selected stops (key {key})</source>
        <translation>把选中的户记为“{outcome}”（按键 {key}）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_outcome_box.py" line="70"/>
        <source>Deliver a&amp;gain</source>
        <translation>再送一次(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_outcome_box.py" line="72"/>
        <source>Put stops found not at home or at a wrong address back to pending</source>
        <translation>把“不在家”和“地址有误”的户改回待送</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_outcome_box.py" line="79"/>
        <source>Optional note, e.g. the neighbour took it; Enter returns to the table</source>
        <translation>可填说明，如：邻居代收；按 Enter 回到表格</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_outcome_box.py" line="80"/>
        <source>N&amp;ote:</source>
        <translation>说明(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_outcome_box.py" line="85"/>
        <source>Whe&amp;n:</source>
        <translation>时间(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_outcome_box.py" line="91"/>
        <source>Add note to &amp;household</source>
        <translation>说明记入住户备注(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_outcome_box.py" line="93"/>
        <source>Append the note to the household&apos;s record on the ledger</source>
        <translation>把这条说明添加到住户台账里这户的备注中</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_outcome_box.py" line="144"/>
        <source>Select a stop first.</source>
        <translation>请先选中一户。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/delivery_outcome_box.py" line="163"/>
        <source>%n stop(s) recorded as {outcome}.</source>
        <translation>
            <numerusform>已将 %n 户记为“{outcome}”。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_outcome_box.py" line="174"/>
        <source>Choose one volunteer&apos;s sheet on the left first.</source>
        <translation>请先在左边选一位志愿者的配送单。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_outcome_box.py" line="178"/>
        <source>Nothing is pending on this sheet.</source>
        <translation>这张单上没有待送的户。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_outcome_box.py" line="181"/>
        <source>All delivered?</source>
        <translation>全部送达？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/delivery_outcome_box.py" line="182"/>
        <source>Mark the %n stop(s) still pending on this sheet as delivered?</source>
        <translation>
            <numerusform>把这张单上还待送的 %n 户都记为已送达吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/delivery_outcome_box.py" line="210"/>
        <source>%n delivery(ies) marked delivered.</source>
        <translation>
            <numerusform>已将 %n 项配送记为已送达。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_outcome_box.py" line="220"/>
        <source>No stop was found not at home or at a wrong address.</source>
        <translation>没有“不在家”或“地址有误”的户。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/delivery_outcome_box.py" line="232"/>
        <source>%n delivery(ies) planned again.</source>
        <translation>
            <numerusform>已重新安排 %n 项配送。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_outcome_box.py" line="241"/>
        <source>Select a stop and type the note first.</source>
        <translation>请先选中一户，再填写说明。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_outcome_box.py" line="253"/>
        <source>Note added to the household of {name}.</source>
        <translation>说明已记入{name}家的住户备注。</translation>
    </message>
</context>
<context>
    <name>OverdueTableModel</name>
    <message>
        <location filename="../../stationapp/ui/overdue_model.py" line="68"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/overdue_model.py" line="68"/>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/overdue_model.py" line="68"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/overdue_model.py" line="69"/>
        <source>Tier</source>
        <translation>关爱等级</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/overdue_model.py" line="69"/>
        <source>Liaison</source>
        <translation>联户人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/overdue_model.py" line="69"/>
        <source>Last visit</source>
        <translation>上次走访</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/overdue_model.py" line="69"/>
        <source>Due</source>
        <translation>应访日期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/overdue_model.py" line="70"/>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/overdue_model.py" line="140"/>
        <source>More than %n day(s) overdue</source>
        <translation>
            <numerusform>逾期超过 %n 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfMaker</name>
    <message>
        <location filename="../../stationapp/ui/pdf_work.py" line="183"/>
        <source>Making {title}…</source>
        <translation>正在生成{title}…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_work.py" line="183"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_work.py" line="186"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_work.py" line="277"/>
        <source>They are blank in the preview. Check the names, or ask the administrator to install a font that has these characters.</source>
        <translation>预览中这些字是空白的。请核对姓名，或请管理员安装含这些字的字体。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_work.py" line="280"/>
        <source>Some characters will print blank</source>
        <translation>有字会印成空白</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_work.py" line="288"/>
        <source>The PDF could not be made</source>
        <translation>PDF 没有生成</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="89"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="93"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="94"/>
        <source>Print on a printer of this computer (Ctrl+P)</source>
        <translation>用这台电脑连接的打印机打印（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="95"/>
        <source>&amp;Save as…</source>
        <translation>另存为(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="96"/>
        <source>Keep a copy of this PDF (Ctrl+S)</source>
        <translation>把这份 PDF 另存一份（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="97"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="98"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="99"/>
        <source>&amp;Fit width</source>
        <translation>适合宽度(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="100"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="183"/>
        <source>Print {title}</source>
        <translation>打印{title}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="201"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/pdf_preview.py" line="206"/>
        <source>Sending %n page(s) to the printer…</source>
        <translation>
            <numerusform>正在把 %n 页送往打印机…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="208"/>
        <source>Printing</source>
        <translation>正在打印</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="237"/>
        <source>Printing page {page} of {total}…</source>
        <translation>正在打印 第 {page}/{total} 页…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/pdf_preview.py" line="251"/>
        <source>Sent to the printer: %n page(s)</source>
        <translation>
            <numerusform>已送往打印机：%n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="262"/>
        <source>The pages could not be sent to the printer: {reason}. Check that it is switched on and chosen correctly, then try again.</source>
        <translation>未能送往打印机：{reason}。请检查打印机是否已开机、是否选对，然后再试一次。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="267"/>
        <source>Not printed.</source>
        <translation>未打印。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="268"/>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="259"/>
        <source>The printer could not be started. Check that it is switched on and chosen correctly, then try again.</source>
        <translation>打印机没能启动。请检查打印机是否已开机、是否选对了，然后再试一次。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="277"/>
        <source>Printing cancelled.</source>
        <translation>已取消打印。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="303"/>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="304"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="315"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="316"/>
        <source>The PDF could not be saved as {path}: {reason}. Choose another folder or free some disk space.</source>
        <translation>PDF 没能保存为 {path}：{reason}。请换一个文件夹，或清理出一些磁盘空间。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/pdf_preview.py" line="339"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="341"/>
        <source>The PDF could not be shown.</source>
        <translation>无法显示这份 PDF。</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <location filename="../../stationapp/ui/person_picker.py" line="74"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/person_picker.py" line="96"/>
        <source>Type a name or pinyin</source>
        <translation>输入姓名或拼音</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/person_picker.py" line="205"/>
        <source>{name} (staff)</source>
        <translation>{name}（工作人员）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/person_picker.py" line="213"/>
        <source>{name} (inactive)</source>
        <translation>{name}（不在岗）</translation>
    </message>
</context>
<context>
    <name>PlanRowsModel</name>
    <message>
        <location filename="../../stationapp/ui/import_wizard_models.py" line="133"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_models.py" line="133"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_models.py" line="133"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="392"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="394"/>
        <source>Nothing has been written yet. Rows marked 不导入 are left out; press Import to import the others.</source>
        <translation>现在还没有写入任何数据。标为“不导入”的行会跳过；点“导入”即导入其余各行。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="401"/>
        <source>Show &amp;only rejected rows</source>
        <translation>只看不导入的行(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="402"/>
        <source>&amp;Save rejected rows…</source>
        <translation>保存不导入的行(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="405"/>
        <source>S&amp;top on first error (import nothing if any row is rejected)</source>
        <translation>遇到错误就停止（只要有一行不能导入，就全部不导入）(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="463"/>
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="467"/>
        <source>{new} new · {updated} updated · {unchanged} unchanged · {rejected} rejected</source>
        <translation>新增 {new} · 更新 {updated} · 无变化 {unchanged} · 不导入 {rejected}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="484"/>
        <source>Save rejected rows</source>
        <translation>保存不导入的行</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="485"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="494"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="495"/>
        <source>The rejected rows could not be saved as {path}: {reason}. Choose another folder, or close the file if it is open in Excel or WPS.</source>
        <translation>不导入的行没能保存为 {path}：{reason}。请换一个文件夹；如果这个文件正在 Excel 或 WPS 中打开，请先关闭它。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="499"/>
        <source>%n rejected row(s) saved to {path}.</source>
        <translation>
            <numerusform>已把 %n 行不导入的数据保存到 {path}。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="523"/>
        <source>Row {row}: {problems}</source>
        <translation>第 {row} 行：{problems}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/import_wizard_pages.py" line="531"/>
        <source>%n row(s) are rejected, so nothing will be imported while “Stop on first error” is ticked.</source>
        <translation>
            <numerusform>有 %n 行不能导入；勾选了“遇到错误就停止”时，不会导入任何数据。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Program</name>
    <message>
        <location filename="../../stationapp/ui/program_name.py" line="10"/>
        <source>Service station ledger</source>
        <translation>党员服务社台账</translation>
    </message>
</context>
<context>
    <name>RecoveryCode</name>
    <message>
        <location filename="../../stationapp/ui/recovery_code.py" line="25"/>
        <source>Recovery code of the backups</source>
        <translation>备份恢复码</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/recovery_code.py" line="26"/>
        <source>Backups are encrypted. This is the recovery code of the backup key, shown only this once:

{code}

Print it or write it down and lock it away. Without it, the backups cannot be restored on another desk.</source>
        <translation>备份已加密。下面是备份密钥的恢复码，只显示这一次：

{code}

请打印或抄写下来并锁好保管。没有它，备份无法在另一台电脑上恢复。</translation>
    </message>
</context>
<context>
    <name>RegisterTableModel</name>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="82"/>
        <source>Number</source>
        <translation>证明编号</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="83"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="84"/>
        <source>Period</source>
        <translation>服务期间</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="85"/>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="86"/>
        <source>Issued by</source>
        <translation>出具人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="87"/>
        <source>Date of issue</source>
        <translation>出具日期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="88"/>
        <source>Reprints</source>
        <translation>补打次数</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/certificate_register.py" line="103"/>
        <source>Last reprinted on {day} by {name}</source>
        <translation>最近一次补打：{day}，{name}</translation>
    </message>
</context>
<context>
    <name>ReminderTableModel</name>
    <message>
        <location filename="../../stationapp/ui/reminder_model.py" line="40"/>
        <source>Due</source>
        <translation>提醒日期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/reminder_model.py" line="41"/>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/reminder_model.py" line="42"/>
        <source>Reminder</source>
        <translation>提醒内容</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/reminder_model.py" line="43"/>
        <source>Who</source>
        <translation>跟进人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/reminder_model.py" line="80"/>
        <source>{date} · done</source>
        <translation>{date} · 已办</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/reminder_model.py" line="82"/>
        <source>{date} · overdue</source>
        <translation>{date} · 逾期</translation>
    </message>
</context>
<context>
    <name>RequestCategoriesTab</name>
    <message>
        <location filename="../../stationapp/ui/settings_list_tabs.py" line="189"/>
        <source>Request category</source>
        <translation>诉求类别</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_list_tabs.py" line="189"/>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_list_tabs.py" line="190"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_list_tabs.py" line="190"/>
        <source>&amp;Rename…</source>
        <translation>改名(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_list_tabs.py" line="192"/>
        <source>Categories are never deleted: clear &quot;In use&quot; to hide one. A hidden category is no longer offered for new requests; past requests keep it.</source>
        <translation>诉求类别不会被删除：取消勾选“在用”即可停用。停用的类别不再供新诉求选择，以往的诉求仍保留它。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_list_tabs.py" line="259"/>
        <source>New request category</source>
        <translation>新增诉求类别</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_list_tabs.py" line="268"/>
        <source>Rename request category</source>
        <translation>诉求类别改名</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="144"/>
        <source>New request</source>
        <translation>新增诉求</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="179"/>
        <source>Who reported it, if not the head</source>
        <translation>反映人（不是户主时填写）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="182"/>
        <source>(not yet)</source>
        <translation>（暂未派单）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="187"/>
        <source>What is wrong, e.g. the radiator in the bedroom stays cold</source>
        <translation>什么问题，如：卧室的暖气片不热</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="210"/>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="214"/>
        <source>&amp;Household:</source>
        <translation>住户(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="215"/>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="217"/>
        <source>&amp;Received:</source>
        <translation>受理时间(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="219"/>
        <source>&amp;Assignee:</source>
        <translation>处理人(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="220"/>
        <source>&amp;Description:</source>
        <translation>诉求内容(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="223"/>
        <source>Progress</source>
        <translation>办理进度</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="237"/>
        <source>Status history</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="239"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="239"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="239"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="239"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="216"/>
        <source>Cha&amp;nnel:</source>
        <translation>反映渠道(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="218"/>
        <source>R&amp;eporter:</source>
        <translation>反映人(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="252"/>
        <location filename="../../stationapp/ui/request_dialog.py" line="395"/>
        <source>Dis&amp;patch…</source>
        <translation>派单(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="253"/>
        <source>S&amp;tart work…</source>
        <translation>开始处理(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="254"/>
        <source>Re&amp;solve…</source>
        <translation>办结(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="255"/>
        <source>Ca&amp;ll back…</source>
        <translation>回访(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="256"/>
        <source>Send &amp;back to work…</source>
        <translation>退回处理(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="259"/>
        <source>Choose who handles the request (派单)</source>
        <translation>选定由谁处理这件诉求（派单）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="260"/>
        <source>Work on the request has begun (处理中)</source>
        <translation>已经开始处理这件诉求（处理中）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="261"/>
        <source>The problem is solved: say what was done (办结)</source>
        <translation>问题已解决：写明做了什么（办结）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="262"/>
        <source>Ask the resident whether they are satisfied (回访)</source>
        <translation>询问居民是否满意（回访）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="263"/>
        <source>The call-back found the problem still there (退回处理)</source>
        <translation>回访发现问题还没解决（退回处理）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="266"/>
        <source>Next step:</source>
        <translation>下一步：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="275"/>
        <source>Closed: the call-back was made.</source>
        <translation>已结束：已经回访。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="289"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="330"/>
        <source>Request No. {number}: {title}</source>
        <translation>{number} 号诉求：{title}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="341"/>
        <source>Change the assignee with Dispatch…</source>
        <translation>要更换处理人，请用“派单…”</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/request_dialog.py" line="351"/>
        <source>Open for %n day(s)</source>
        <translation>
            <numerusform>已办理 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/request_dialog.py" line="353"/>
        <source>Took %n day(s)</source>
        <translation>
            <numerusform>用时 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="355"/>
        <source>{days} · assigned to {name}</source>
        <translation>{days} · 处理人：{name}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="357"/>
        <source>{days} · overdue</source>
        <translation>{days} · 已逾期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="363"/>
        <source>Open longer than the station&apos;s time limit</source>
        <translation>未办结的时间已超过服务社规定的时限</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="367"/>
        <source>Resolution ({when}): {text}</source>
        <translation>办结情况（{when}）：{text}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="372"/>
        <source>Call-back: {verdict}</source>
        <translation>回访：{verdict}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="395"/>
        <source>Reassi&amp;gn…</source>
        <translation>改派(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="450"/>
        <source>Request not found</source>
        <translation>找不到这件诉求</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="482"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="483"/>
        <source>Someone else changed this request after you opened it, so your changes were not saved. Close this window and open the request again to see their changes.</source>
        <translation>您打开这件诉求之后，别人也修改了它，所以您的修改没有保存。请关闭此窗口，重新打开这件诉求查看最新信息。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="482"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="488"/>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_dialog.py" line="489"/>
        <source>You changed this request. Close without saving?</source>
        <translation>这件诉求的信息已修改，不保存就关闭吗？</translation>
    </message>
</context>
<context>
    <name>RequestStepDialog</name>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="133"/>
        <source>(choose someone)</source>
        <translation>（请选择处理人）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="138"/>
        <source>&amp;Assignee:</source>
        <translation>处理人(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="142"/>
        <source>What was done, by whom</source>
        <translation>谁做了什么</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="146"/>
        <source>&amp;Resolution:</source>
        <translation>办结情况(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="150"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="154"/>
        <source>&amp;Satisfaction:</source>
        <translation>满意度(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="159"/>
        <source>&amp;Note:</source>
        <translation>说明(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="163"/>
        <source>&amp;When:</source>
        <translation>时间(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="193"/>
        <source>Dispatch request No. {number}</source>
        <translation>{number} 号诉求派单</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="194"/>
        <source>Start work on request No. {number}</source>
        <translation>{number} 号诉求开始处理</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="195"/>
        <source>Resolve request No. {number}</source>
        <translation>{number} 号诉求办结</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="196"/>
        <source>Call back on request No. {number}</source>
        <translation>{number} 号诉求回访</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="197"/>
        <source>Send request No. {number} back to work</source>
        <translation>{number} 号诉求退回处理</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="208"/>
        <source>e.g. asked to go before noon</source>
        <translation>如：请中午前上门</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="209"/>
        <source>e.g. plumber on the way</source>
        <translation>如：维修师傅已出发</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="210"/>
        <source>Anything else worth keeping</source>
        <translation>其他需要记下的情况</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="211"/>
        <source>What the resident said</source>
        <translation>居民怎么说</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="212"/>
        <source>Why the request goes back to work</source>
        <translation>为什么退回处理</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="218"/>
        <source>Dispatch</source>
        <translation>派单</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="219"/>
        <source>Start work</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="220"/>
        <source>Resolve</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="221"/>
        <source>Record call-back</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="222"/>
        <source>Send back</source>
        <translation>退回处理</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="261"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="262"/>
        <source>Someone else changed this request after you opened it, so this step was not recorded. The request is read again: look at it and try again.</source>
        <translation>您打开之后，别人也修改了这件诉求，所以这一步没有记录。已重新读取这件诉求，请查看后再试一次。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_step_dialog.py" line="261"/>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
</context>
<context>
    <name>RequestTableModel</name>
    <message>
        <location filename="../../stationapp/ui/request_table_model.py" line="60"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_table_model.py" line="61"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_table_model.py" line="62"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_table_model.py" line="63"/>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_table_model.py" line="64"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_table_model.py" line="65"/>
        <source>Description</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_table_model.py" line="66"/>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_table_model.py" line="67"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_table_model.py" line="68"/>
        <source>Days open</source>
        <translation>办理天数</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_table_model.py" line="69"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_table_model.py" line="72"/>
        <source>Days since the request was received (until it was resolved)</source>
        <translation>从受理起的天数（已办结的算到办结为止）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_table_model.py" line="74"/>
        <source>The resident&apos;s verdict at the call-back</source>
        <translation>回访时居民的评价</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_table_model.py" line="111"/>
        <source>Overdue: open for {days} days, the limit is {limit} days</source>
        <translation>已逾期：已办理 {days} 天，时限 {limit} 天</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/request_table_model.py" line="114"/>
        <source>Overdue: open for {days} days</source>
        <translation>已逾期：已办理 {days} 天</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <location filename="../../stationapp/ui/requests_page.py" line="88"/>
        <source>Search name, pinyin, address, phone, description or assignee</source>
        <translation>搜索姓名、拼音、地址、电话、诉求内容或处理人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/requests_page.py" line="90"/>
        <source>Search requests</source>
        <translation>搜索诉求</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/requests_page.py" line="92"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/requests_page.py" line="93"/>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/requests_page.py" line="94"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/requests_page.py" line="98"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/requests_page.py" line="101"/>
        <source>Anyone</source>
        <translation>全部处理人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/requests_page.py" line="102"/>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/requests_page.py" line="103"/>
        <source>Overdue onl&amp;y</source>
        <translation>只看逾期的(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/requests_page.py" line="134"/>
        <source>Assi&amp;gnee:</source>
        <translation>处理人(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/requests_page.py" line="105"/>
        <source>Open requests past the station&apos;s time limit (Station settings)</source>
        <translation>超过服务社时限仍未办结的诉求（见“服务社设置”）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/requests_page.py" line="109"/>
        <source>Show the requests of every month</source>
        <translation>显示所有月份的诉求</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/requests_page.py" line="113"/>
        <source>&amp;New request…</source>
        <translation>新增诉求(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/requests_page.py" line="114"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/requests_page.py" line="115"/>
        <source>Open the selected request (Enter)</source>
        <translation>打开选中的诉求（Enter）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/requests_page.py" line="118"/>
        <location filename="../../stationapp/ui/requests_page.py" line="127"/>
        <source>Requests</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/requests_page.py" line="132"/>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/requests_page.py" line="133"/>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/requests_page.py" line="175"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/requests_page.py" line="209"/>
        <source>Received in {month} ✕</source>
        <translation>{month} 受理 ✕</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/requests_page.py" line="279"/>
        <source>%n open</source>
        <translation>
            <numerusform>未办结 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/requests_page.py" line="282"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>逾期 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/requests_page.py" line="288"/>
        <source>Requests still open in the whole station; overdue: open longer than {limit} days</source>
        <translation>全服务社未办结的诉求；逾期：超过 {limit} 天未办结</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/requests_page.py" line="301"/>
        <source>%n request(s) shown</source>
        <translation>
            <numerusform>显示 %n 件诉求</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/requests_page.py" line="373"/>
        <source>Request not found</source>
        <translation>找不到这件诉求</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <location filename="../../stationapp/ui/retention_dialog.py" line="63"/>
        <source>De-identify households</source>
        <translation>住户去标识</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/retention_dialog.py" line="75"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/retention_dialog.py" line="75"/>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/retention_dialog.py" line="75"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/retention_dialog.py" line="75"/>
        <source>Left on</source>
        <translation>迁出/注销日期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/retention_dialog.py" line="76"/>
        <source>Members</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/retention_dialog.py" line="85"/>
        <source>&amp;De-identify…</source>
        <translation>去标识(&amp;D)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/retention_dialog.py" line="110"/>
        <source>Households that moved away or closed more than %n year(s) ago. De-identifying removes their names, ID numbers, phones, room numbers and notes for good; their counts in the statistics stay.</source>
        <translation>
            <numerusform>迁出或注销已超过 %n 年的住户。去标识将永久删除其姓名、身份证号、电话、室号和备注；统计中的户数保持不变。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/retention_dialog.py" line="132"/>
        <source>De-identify households?</source>
        <translation>对住户去标识？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/retention_dialog.py" line="133"/>
        <source>Remove the names, ID numbers, phones, room numbers and notes of %n household(s) for good? This cannot be undone.</source>
        <translation>
            <numerusform>永久删除 %n 户住户的姓名、身份证号、电话、室号和备注？此操作不可撤销。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/retention_dialog.py" line="147"/>
        <source>Not de-identified</source>
        <translation>未能去标识</translation>
    </message>
</context>
<context>
    <name>RoleHoldersModel</name>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="324"/>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="344"/>
        <source>Nobody is {role} in {community}</source>
        <translation>{community}还没有{role}</translation>
    </message>
</context>
<context>
    <name>RoleRow</name>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="99"/>
        <source>Community of the role</source>
        <translation>担任角色的小区</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="103"/>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="105"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="108"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="110"/>
        <source>Remove this role</source>
        <translation>移除这个角色</translation>
    </message>
</context>
<context>
    <name>RolesEditor</name>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="147"/>
        <source>No role in any community.</source>
        <translation>没有在任何小区担任角色。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="149"/>
        <source>Add &amp;role</source>
        <translation>添加角色(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="152"/>
        <source>Add a role (supervisor, liaison or publicist) in a community</source>
        <translation>添加在某个小区担任的角色（监督员、联络员或宣传员）</translation>
    </message>
</context>
<context>
    <name>RoundBirthdayFilter</name>
    <message>
        <location filename="../../stationapp/ui/round_birthday_filter.py" line="41"/>
        <source>Round &amp;birthdays in the next</source>
        <translation>整寿(&amp;B)：未来</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/round_birthday_filter.py" line="43"/>
        <source>Households where someone turns 80, 90, 100 or more (by the lunar date where the resident keeps it)</source>
        <translation>有人满 80、90、100 岁及以上的住户（按农历过生日的按农历算）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/round_birthday_filter.py" line="48"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/round_birthday_filter.py" line="49"/>
        <source>Days ahead for round birthdays</source>
        <translation>整寿提前天数</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/round_birthday_filter.py" line="90"/>
        <source>Round birthdays in the next %n day(s)</source>
        <translation>
            <numerusform>未来 %n 天内整寿</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoundsEditor</name>
    <message>
        <location filename="../../stationapp/ui/delivery_rounds.py" line="51"/>
        <source>Delivery rounds</source>
        <translation>配送趟次</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_rounds.py" line="53"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_rounds.py" line="53"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_rounds.py" line="53"/>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_rounds.py" line="54"/>
        <source>Stops</source>
        <translation>配送户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_rounds.py" line="58"/>
        <source>Enter loads the round below for correcting</source>
        <translation>按 Enter 把这一趟调到下方修改</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_rounds.py" line="64"/>
        <source>De&amp;livery rounds:</source>
        <translation>配送趟次(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_rounds.py" line="70"/>
        <source>Day of the round</source>
        <translation>这一趟的日期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_rounds.py" line="74"/>
        <source>Da&amp;y:</source>
        <translation>日期(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_rounds.py" line="77"/>
        <source>Hours of the round</source>
        <translation>这一趟的时长</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_rounds.py" line="81"/>
        <source>0 removes the round; Enter saves</source>
        <translation>填 0 即删除这一趟；按 Enter 保存</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_rounds.py" line="83"/>
        <source>Hours wor&amp;ked:</source>
        <translation>服务时长(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_rounds.py" line="85"/>
        <source>Sa&amp;ve hours</source>
        <translation>保存时长(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_rounds.py" line="87"/>
        <source>Record the hours this volunteer spent on the round that day</source>
        <translation>记录这位志愿者当天这一趟用了多长时间</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_rounds.py" line="147"/>
        <source>Round hours: choose a volunteer&apos;s sheet.</source>
        <translation>配送时长：请先选一位志愿者的配送单。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_rounds.py" line="150"/>
        <source>Round of {name}:</source>
        <translation>{name}的这一趟：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_rounds.py" line="172"/>
        <source>{name} has no stops on this event any more.</source>
        <translation>{name}在本次活动中已经没有配送户了。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_rounds.py" line="187"/>
        <source>Choose one volunteer&apos;s sheet on the left first.</source>
        <translation>请先在左边选一位志愿者的配送单。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_rounds.py" line="206"/>
        <source>Round of {name} on {day}: {hours} hours recorded.</source>
        <translation>已记录{name} {day} 这一趟：{hours} 小时。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_rounds.py" line="209"/>
        <source>Round of {name} on {day} removed.</source>
        <translation>已删除{name} {day} 这一趟。</translation>
    </message>
</context>
<context>
    <name>SeasonalDialog</name>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="61"/>
        <source>Seasonal visits</source>
        <translation>季节性走访</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="66"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="66"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="66"/>
        <source>Until</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="66"/>
        <source>Visit by</source>
        <translation>走访截止</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="67"/>
        <source>Categories</source>
        <translation>关爱类别</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="73"/>
        <source>Seasonal visit periods</source>
        <translation>季节性走访期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="78"/>
        <source>&amp;End today</source>
        <translation>今天结束(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="79"/>
        <source>Today is the selected period&apos;s last day</source>
        <translation>选中的走访期以今天为最后一天</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="80"/>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="81"/>
        <source>Delete a period declared by mistake</source>
        <translation>删除误登记的走访期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="87"/>
        <source>Declare a period</source>
        <translation>登记走访期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="89"/>
        <source>e.g. 寒潮, 高温, 春节</source>
        <translation>如 寒潮、高温、春节</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="92"/>
        <source>Ends &amp;on:</source>
        <translation>结束于(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="93"/>
        <source>Unticked, the period runs until it is ended</source>
        <translation>不勾选则一直有效，直到结束</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="100"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="109"/>
        <source>&amp;Add period</source>
        <translation>添加走访期(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="111"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="114"/>
        <source>&amp;Starts on:</source>
        <translation>开始于(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="118"/>
        <source>&amp;Due within:</source>
        <translation>走访期限(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="121"/>
        <source>Categories:</source>
        <translation>关爱类别：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="149"/>
        <source>until ended</source>
        <translation>直到结束</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="184"/>
        <source>Period not added</source>
        <translation>走访期未添加</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="199"/>
        <source>Period not ended</source>
        <translation>走访期未结束</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="208"/>
        <source>Delete period?</source>
        <translation>删除走访期？</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="209"/>
        <source>Delete the period “{name}”? Use End today for a period that took place.</source>
        <translation>删除走访期“{name}”？已经进行过的走访期请用“今天结束”。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/seasonal_dialog.py" line="216"/>
        <source>Period not deleted</source>
        <translation>走访期未删除</translation>
    </message>
</context>
<context>
    <name>ServiceRecordDialog</name>
    <message>
        <location filename="../../stationapp/ui/volunteers_service_record.py" line="60"/>
        <source>Service record: {name}</source>
        <translation>志愿服务记录证明：{name}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_service_record.py" line="61"/>
        <source>From date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_service_record.py" line="62"/>
        <source>To date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_service_record.py" line="68"/>
        <source>A certificate (志愿服务记录证明) with a new number is issued for the hours at events and on delivery rounds in this period, and shown for printing. The same record issued before is printed again under its number, marked 补打.</source>
        <translation>按这段时间在活动和送上门中的服务时长开具一份新编号的志愿服务记录证明，并显示出来供打印。同一记录此前开具过的，用原编号再次打印并标明补打。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_service_record.py" line="73"/>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_service_record.py" line="75"/>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_service_record.py" line="84"/>
        <location filename="../../stationapp/ui/volunteers_service_record.py" line="142"/>
        <source>&amp;Issue certificate</source>
        <translation>开具证明(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_service_record.py" line="115"/>
        <source>The period ends before it starts.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_service_record.py" line="128"/>
        <source>No service recorded in this period: choose another period.</source>
        <translation>这段时间没有服务记录，请换一个时间段。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/volunteers_service_record.py" line="131"/>
        <source>%n service(s), {hours} hours in total.</source>
        <translation>
            <numerusform>共服务 %n 次，合计 {hours} 小时。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_service_record.py" line="137"/>
        <source>Issued before as No. {number} on {day}: it will be printed again under that number, marked 补打.</source>
        <translation>已于 {day} 开具，编号 {number}：将用原编号再次打印并标明补打。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_service_record.py" line="141"/>
        <source>&amp;Reprint (补打)</source>
        <translation>补打(&amp;R)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="67"/>
        <source>Station settings</source>
        <translation>服务社设置</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="76"/>
        <source>&amp;Station</source>
        <translation>服务社(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="77"/>
        <source>E&amp;vent types</source>
        <translation>活动类型(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="78"/>
        <source>&amp;Items</source>
        <translation>物品(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="79"/>
        <source>Re&amp;quest categories</source>
        <translation>诉求类别(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="87"/>
        <source>Save the Station tab and close. Changes to event types, items and request categories are saved at once.</source>
        <translation>保存“服务社”页的设置并关闭。活动类型、物品和诉求类别的修改会立即保存。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="125"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="142"/>
        <source>You changed the station&apos;s name, phone, visit intervals or request time limit. Close without saving them?</source>
        <translation>服务社名称、电话、走访间隔或诉求办理时限已修改。不保存就关闭吗？</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="141"/>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../stationapp/ui/sign_in.py" line="84"/>
        <source>Desk locked</source>
        <translation>工作台已锁定</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/sign_in.py" line="84"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/sign_in.py" line="96"/>
        <source>The desk was locked after a time without use. Type your password to go on where you left off.</source>
        <translation>一段时间无人操作，工作台已锁定。请输入密码，继续刚才的工作。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/sign_in.py" line="98"/>
        <source>This ledger has accounts: please sign in.</source>
        <translation>这个台账已设账户，请登录。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/sign_in.py" line="101"/>
        <source>&amp;Account:</source>
        <translation>账户(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/sign_in.py" line="103"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/sign_in.py" line="110"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/sign_in.py" line="110"/>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
</context>
<context>
    <name>SkeletonWindow</name>
    <message>
        <location filename="../../stationapp/ui/skeleton.py" line="85"/>
        <source>Opening the ledger…</source>
        <translation>正在打开台账…</translation>
    </message>
</context>
<context>
    <name>StationTab</name>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="81"/>
        <source>Mobile, or landline with area code</source>
        <translation>手机号，或带区号的座机号</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="88"/>
        <source>Station &amp;name:</source>
        <translation>服务社名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="89"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="94"/>
        <source>Name and phone are printed on every delivery sheet and report.</source>
        <translation>名称和电话会印在每张配送单和每份报表上。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="98"/>
        <source>Signed on the papers</source>
        <translation>报表签署</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="103"/>
        <source>Person in &amp;charge:</source>
        <translation>负责人(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="104"/>
        <source>Revie&amp;wer:</source>
        <translation>审核人(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="105"/>
        <source>Prepared &amp;by:</source>
        <translation>制表人/填报人(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="111"/>
        <source>Empty: a blank line to sign on</source>
        <translation>留空则印空白横线供签名</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="117"/>
        <source>Empty: the station&apos;s phone</source>
        <translation>留空则用服务社电话</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="121"/>
        <source>Contact p&amp;hone:</source>
        <translation>联系电话(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="127"/>
        <source>Printed in the sign-off blocks of the ledger, the monthly report, the event report and the certificates.</source>
        <translation>印在台账、月报、活动记录和服务证明的签署栏中。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="132"/>
        <source>Visit interval per care tier</source>
        <translation>各关爱等级的走访间隔</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="138"/>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="152"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="143"/>
        <source>{tier}:</source>
        <translation>{tier}：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="147"/>
        <source>Requests</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="154"/>
        <source>Request time limit</source>
        <translation>诉求办理时限</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="156"/>
        <source>Open requests older than this stand out in red as overdue</source>
        <translation>超过这个天数还没办结的诉求，用红色标为逾期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="158"/>
        <source>Request &amp;time limit:</source>
        <translation>诉求办理时限(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="163"/>
        <source>Desk lock</source>
        <translation>工作台锁定</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="168"/>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="170"/>
        <source>Lock after</source>
        <translation>锁定时间</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="172"/>
        <source>A desk where someone signed in locks after this long without keyboard or mouse, and asks for the password again</source>
        <translation>已登录的工作台在这段时间内无键盘或鼠标操作后自动锁定，并要求重新输入密码</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="175"/>
        <source>&amp;Lock after:</source>
        <translation>无操作锁定(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="180"/>
        <source>Privacy</source>
        <translation>隐私保护</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="185"/>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="187"/>
        <source>Keep households that left for</source>
        <translation>迁出/注销住户保留年限</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="189"/>
        <source>Households that moved away or closed longer ago than this are listed for the administrator to de-identify</source>
        <translation>迁出或注销超过此年限的住户将列出，供管理员去标识</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_station_tab.py" line="192"/>
        <source>&amp;Keep households that left for:</source>
        <translation>迁出/注销住户保留(&amp;K)：</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="137"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="141"/>
        <source>Previous month (Ctrl+PgUp, Alt+Left)</source>
        <translation>上个月（Ctrl+PgUp 或 Alt+Left）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="142"/>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="145"/>
        <source>Next month (Ctrl+PgDown, Alt+Right)</source>
        <translation>下个月（Ctrl+PgDown 或 Alt+Right）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="146"/>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="150"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="151"/>
        <source>The month whose figures are shown</source>
        <translation>显示哪个月的数据</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="156"/>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="158"/>
        <source>&amp;This month</source>
        <translation>本月(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="159"/>
        <source>Show the current month</source>
        <translation>显示本月的数据</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="162"/>
        <source>&amp;Print monthly report…</source>
        <translation>打印月报(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="164"/>
        <source>The monthly report (月报) of the month shown, as a PDF to print or save</source>
        <translation>把所显示月份的月报生成 PDF，可打印或保存</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="177"/>
        <source>Households on the ledger</source>
        <translation>在册住户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="178"/>
        <source>Visits this month</source>
        <translation>本月走访</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="179"/>
        <source>Overdue visits</source>
        <translation>走访逾期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="180"/>
        <source>Requests received</source>
        <translation>受理诉求</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="181"/>
        <source>Overdue requests</source>
        <translation>逾期诉求</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="182"/>
        <source>Average days to close</source>
        <translation>平均办结天数</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="183"/>
        <source>Satisfaction</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="184"/>
        <source>Events this month</source>
        <translation>本月活动</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="185"/>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="186"/>
        <source>Volunteer hours</source>
        <translation>志愿服务时长</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="198"/>
        <source>Click (or Enter) to open the list</source>
        <translation>单击（或按回车）打开列表</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="207"/>
        <source>No data this month</source>
        <translation>本月没有数据</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="208"/>
        <source>Others</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="209"/>
        <source>Households by care category</source>
        <translation>各关爱类别户数</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="210"/>
        <source>No household has a care category</source>
        <translation>还没有住户填写关爱类别</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="212"/>
        <source>Households by community</source>
        <translation>各小区户数</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="213"/>
        <source>No households on the ledger</source>
        <translation>台账上还没有住户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="215"/>
        <source>Visits by method</source>
        <translation>各走访方式次数</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="217"/>
        <source>Satisfaction at the call-back</source>
        <translation>回访满意度</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="220"/>
        <source>Requests by category</source>
        <translation>各类别诉求</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="221"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="221"/>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="221"/>
        <source>Closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="221"/>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="222"/>
        <source>Volunteer hours (most)</source>
        <translation>服务时长排行</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="223"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="223"/>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/statistics_page.py" line="389"/>
        <source>%n household(s) on the ledger</source>
        <translation>
            <numerusform>台账在册 %n 户</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="439"/>
        <source>Figures as of {day}</source>
        <translation>数据截至 {day}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="444"/>
        <source>Nothing was recorded in {month}: no visits, requests, events or deliveries.</source>
        <translation>{month} 没有任何记录：没有走访、诉求、活动或配送。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="459"/>
        <source>No household was due for a visit</source>
        <translation>本月没有应走访的住户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="461"/>
        <source>{visited} of {due} households due were visited · target {target}</source>
        <translation>已访 {visited}/{due} 户 · 目标 {target}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="467"/>
        <source>Coverage {percent}</source>
        <translation>覆盖率 {percent}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="468"/>
        <source>Coverage: households visited ÷ households due (target {target})</source>
        <translation>覆盖率 = 已访户数 ÷ 应访户数（目标 {target}）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="473"/>
        <source>Households past their visit date</source>
        <translation>已过应访日期的住户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="477"/>
        <source>Closed {closed} · still open {open}</source>
        <translation>已办结 {closed} · 未办结 {open}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/statistics_page.py" line="480"/>
        <source>Open longer than %n day(s)</source>
        <translation>
            <numerusform>超过 %n 天未办结</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="482"/>
        <source>Open requests past the time limit</source>
        <translation>超过时限未办结的诉求</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="487"/>
        <source>No request was closed</source>
        <translation>没有办结的诉求</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="490"/>
        <source>{days} d</source>
        <translation>{days} 天</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/statistics_page.py" line="491"/>
        <source>%n request(s) closed</source>
        <translation>
            <numerusform>办结 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="495"/>
        <source>No call-back this month</source>
        <translation>本月没有回访</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="509"/>
        <source>No deliveries this month</source>
        <translation>本月没有配送</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="511"/>
        <source>All delivered</source>
        <translation>全部送达</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/statistics_page.py" line="513"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="516"/>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/statistics_page.py" line="517"/>
        <source>%n volunteer(s) served</source>
        <translation>
            <numerusform>%n 人参加服务</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="522"/>
        <source>The figures could not be read</source>
        <translation>无法读取统计数据</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="543"/>
        <source>Monthly report {month}</source>
        <translation>{month} 月报</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/statistics_page.py" line="544"/>
        <source>Monthly report</source>
        <translation>月报</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../stationapp/ui/status_dialog.py" line="77"/>
        <source>Change household status</source>
        <translation>变更住户状态</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/status_dialog.py" line="81"/>
        <source>Current status: {status}</source>
        <translation>当前状态：{status}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/status_dialog.py" line="93"/>
        <source>e.g. moved to live with the children; deceased</source>
        <translation>如：随子女居住；去世</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/status_dialog.py" line="107"/>
        <source>New &amp;status:</source>
        <translation>新状态(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/status_dialog.py" line="108"/>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/status_dialog.py" line="151"/>
        <source>&amp;Reason (required):</source>
        <translation>原因（必填）(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/status_dialog.py" line="151"/>
        <source>&amp;Reason (optional):</source>
        <translation>原因（选填）(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/status_dialog.py" line="182"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/status_dialog.py" line="187"/>
        <source>Status not changed</source>
        <translation>状态未更改</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/status_dialog.py" line="188"/>
        <source>Someone else changed this household after you opened it, so the status was not changed. Close the household and open it again.</source>
        <translation>您打开这户之后，别人也修改了这户的信息，所以状态没有变更。请关闭这户后重新打开。</translation>
    </message>
</context>
<context>
    <name>StopTableModel</name>
    <message>
        <location filename="../../stationapp/ui/delivery_stop_model.py" line="72"/>
        <source>Stop</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_stop_model.py" line="73"/>
        <source>Community · sheet</source>
        <translation>小区 · 张</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_stop_model.py" line="74"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_stop_model.py" line="75"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_stop_model.py" line="76"/>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_stop_model.py" line="77"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_stop_model.py" line="78"/>
        <source>Items</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_stop_model.py" line="79"/>
        <source>Notes</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_stop_model.py" line="80"/>
        <source>Outcome</source>
        <translation>配送结果</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_stop_model.py" line="81"/>
        <source>Outcome note</source>
        <translation>结果说明</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_stop_model.py" line="82"/>
        <source>Attempt</source>
        <translation>第几次</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_stop_model.py" line="112"/>
        <source>Recorded {time}</source>
        <translation>登记于 {time}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_stop_model.py" line="117"/>
        <source>Number {number} on sheet {sheet} of {sheets} ({community}), as printed</source>
        <translation>配送单上的序号 {number}，第 {sheet}/{sheets} 张（{community}）</translation>
    </message>
</context>
<context>
    <name>TextLimit</name>
    <message>
        <location filename="../../stationapp/ui/text_limits.py" line="33"/>
        <source>At most %n characters</source>
        <translation>最多 %n 个字</translation>
    </message>
</context>
<context>
    <name>TextSizeActions</name>
    <message>
        <location filename="../../stationapp/ui/text_size.py" line="228"/>
        <source>&amp;Standard text</source>
        <translation>标准字号(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/text_size.py" line="229"/>
        <source>&amp;Large text</source>
        <translation>大字号(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/text_size.py" line="230"/>
        <source>E&amp;xtra large text</source>
        <translation>特大字号(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/text_size.py" line="240"/>
        <source>&amp;Bigger text</source>
        <translation>放大字号(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/text_size.py" line="243"/>
        <source>S&amp;maller text</source>
        <translation>缩小字号(&amp;M)</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="197"/>
        <source>Visit of {date}: {address}</source>
        <translation>{date} 的走访：{address}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="202"/>
        <source>Record a visit: {address}</source>
        <translation>登记走访：{address}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="247"/>
        <source>Visitor</source>
        <translation>走访人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="254"/>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="254"/>
        <source>H&amp;ow:</source>
        <translation>方式(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="255"/>
        <source>&amp;Visitor:</source>
        <translation>走访人(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="270"/>
        <source>Findings</source>
        <translation>走访情况</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="284"/>
        <source>{topic}: note</source>
        <translation>{topic}：说明</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="285"/>
        <source>What was seen or said</source>
        <translation>看到或听到的情况</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="300"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="311"/>
        <source>Needs &amp;follow-up</source>
        <translation>需要跟进(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="313"/>
        <source>Follow-up</source>
        <translation>后续跟进</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="320"/>
        <source>Open a &amp;request for the station</source>
        <translation>转为诉求，由服务社办理(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="323"/>
        <source>Re&amp;mind on a date</source>
        <translation>到日子提醒(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="338"/>
        <source>What is the problem?</source>
        <translation>是什么问题？</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="343"/>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="346"/>
        <source>D&amp;escription:</source>
        <translation>问题描述(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="355"/>
        <source>What to look at again</source>
        <translation>到时要再看看什么</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="360"/>
        <source>O&amp;n:</source>
        <translation>提醒日期(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="363"/>
        <source>&amp;Text:</source>
        <translation>提醒内容(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="370"/>
        <source>Who follows up</source>
        <translation>跟进人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="372"/>
        <source>&amp;Who follows up:</source>
        <translation>跟进人(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="441"/>
        <source>Care tier {tier} (visit every {days} days)</source>
        <translation>关爱等级：{tier}（每 {days} 天走访一次）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="444"/>
        <source>never visited</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="445"/>
        <source>{text} · last visit: {last}</source>
        <translation>{text} · 上次走访：{last}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="447"/>
        <source>{text} · next due: {due}</source>
        <translation>{text} · 下次应访：{due}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/visit_dialog.py" line="450"/>
        <source>{text} — %n day(s) overdue</source>
        <translation>
            <numerusform>{text} — 已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="468"/>
        <source>Request No. {number} was opened from this visit.</source>
        <translation>本次走访已转为 {number} 号诉求。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="471"/>
        <source>A reminder was set from this visit.</source>
        <translation>本次走访已设了提醒。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="473"/>
        <source>Requests and reminders are made only when a visit is first recorded.</source>
        <translation>只有第一次登记走访时，才能转诉求或设提醒。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="570"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="571"/>
        <source>Someone else changed this visit after you opened it, so your changes were not saved. Close this window and open the visit again.</source>
        <translation>您打开这次走访之后，别人也修改了它，所以您的修改没有保存。请关闭此窗口，重新打开这次走访。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="570"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="598"/>
        <source>Visit saved.</source>
        <translation>走访已保存。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="599"/>
        <source>Visit recorded.</source>
        <translation>走访已登记。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="601"/>
        <source>{message} Request No. {number} opened.</source>
        <translation>{message}已转为 {number} 号诉求。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="604"/>
        <source>{message} Reminder set for {date}.</source>
        <translation>{message}已设提醒：{date}。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="575"/>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_dialog.py" line="576"/>
        <source>You changed this visit. Close without saving?</source>
        <translation>这次走访的信息已修改，不保存就关闭吗？</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <location filename="../../stationapp/ui/visit_table_model.py" line="61"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_table_model.py" line="61"/>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_table_model.py" line="61"/>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_table_model.py" line="61"/>
        <source>Visitor</source>
        <translation>走访人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_table_model.py" line="62"/>
        <source>Concerns</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_table_model.py" line="62"/>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_table_model.py" line="121"/>
        <source>Request No. {number}</source>
        <translation>{number} 号诉求</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_table_model.py" line="137"/>
        <source>Reminder</source>
        <translation>已设提醒</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visit_table_model.py" line="138"/>
        <source>Needed</source>
        <translation>需跟进</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="143"/>
        <location filename="../../stationapp/ui/visits_page.py" line="226"/>
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="144"/>
        <source>&amp;Record visit…</source>
        <translation>登记走访(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="146"/>
        <source>Record a visit to the selected household (Enter in the overdue list)</source>
        <translation>为选中的住户登记走访（在逾期名单里按 Enter）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="147"/>
        <source>&amp;Open visit…</source>
        <translation>打开走访(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="148"/>
        <source>Open the selected visit (Enter in the visits list)</source>
        <translation>打开选中的走访记录（在走访记录里按 Enter）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="149"/>
        <source>Dele&amp;te visit</source>
        <translation>删除走访(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="150"/>
        <source>Remove a visit entered by mistake</source>
        <translation>删除录错的走访记录</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="165"/>
        <source>This month&apos;s coverage</source>
        <translation>本月走访覆盖率</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="167"/>
        <source>Everyone</source>
        <translation>全部联户人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="169"/>
        <source>Liaison</source>
        <translation>联户人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="171"/>
        <source>Only the households of this liaison (and the visits they made)</source>
        <translation>只看这位联户人负责的住户及其走访记录</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="172"/>
        <source>&amp;Liaison:</source>
        <translation>联户人(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="184"/>
        <source>Overdue households</source>
        <translation>逾期住户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="188"/>
        <location filename="../../stationapp/ui/visits_page.py" line="261"/>
        <source>Search name, pinyin, address or phone</source>
        <translation>搜索姓名、拼音、地址或电话</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="189"/>
        <source>Search overdue households</source>
        <translation>搜索逾期住户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="209"/>
        <source>Overdue (&amp;K)</source>
        <translation>逾期未访(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="217"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="219"/>
        <source>Search address, name or visitor</source>
        <translation>搜索地址、姓名或走访人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="222"/>
        <source>Only with follo&amp;w-up</source>
        <translation>只看需跟进的(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="395"/>
        <source>This month&apos;s coverage: nobody is due — target {target}</source>
        <translation>本月走访覆盖率：没有应访住户 — 目标 {target}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="403"/>
        <source>This month&apos;s coverage: {percent} ({visited} of {due} due) — target {target}</source>
        <translation>本月走访覆盖率：{percent}（应访 {due} 户，已访 {visited} 户）— 目标 {target}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/visits_page.py" line="425"/>
        <source>%n overdue household(s) found</source>
        <translation>
            <numerusform>找到 %n 户逾期住户</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="426"/>
        <source>No overdue household matches the search.</source>
        <translation>没有符合搜索的逾期住户。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/visits_page.py" line="454"/>
        <source>%Ln visit(s)</source>
        <translation>
            <numerusform>共 %Ln 次走访</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="221"/>
        <source>Search visits</source>
        <translation>搜索走访记录</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="235"/>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="246"/>
        <source>V&amp;isits</source>
        <translation>走访记录(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="250"/>
        <source>Show &amp;upcoming ones too</source>
        <translation>也显示以后的提醒(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="252"/>
        <source>&amp;Done</source>
        <translation>已完成(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="253"/>
        <source>Mark the selected reminder done</source>
        <translation>把选中的提醒标为已完成</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="255"/>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="262"/>
        <source>Search reminders</source>
        <translation>搜索提醒</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="271"/>
        <location filename="../../stationapp/ui/visits_page.py" line="474"/>
        <source>R&amp;eminders</source>
        <translation>提醒(&amp;E)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/visits_page.py" line="429"/>
        <source>%n household(s) overdue for a visit, most days overdue first</source>
        <translation>
            <numerusform>%n 户走访逾期，逾期最久的排在前面</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="431"/>
        <source>No household is overdue for a visit.</source>
        <translation>没有走访逾期的住户。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="474"/>
        <source>R&amp;eminders ({count})</source>
        <translation>提醒（{count}）(&amp;E)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/visits_page.py" line="486"/>
        <source>%n visit(s) shown</source>
        <translation>
            <numerusform>显示 %n 次走访</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/visits_page.py" line="488"/>
        <source>%n reminder(s) shown</source>
        <translation>
            <numerusform>显示 %n 条提醒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/visits_page.py" line="489"/>
        <source>%n household(s) overdue for a visit</source>
        <translation>
            <numerusform>%n 户走访逾期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="621"/>
        <source>Not found</source>
        <translation>找不到记录</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="651"/>
        <source>Delete visit?</source>
        <translation>删除走访记录？</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="652"/>
        <source>Delete the visit of {date} to {household}? Use this only for a visit entered by mistake; a request or reminder made from it stays.</source>
        <translation>删除 {date} 对{household}的走访记录吗？只有录错时才删除；由它转成的诉求或提醒会保留。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="664"/>
        <source>Visit not deleted</source>
        <translation>走访记录未删除</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="666"/>
        <source>Visit of {date} deleted.</source>
        <translation>{date} 的走访记录已删除。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="679"/>
        <source>Reminder not done</source>
        <translation>提醒未标记完成</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/visits_page.py" line="683"/>
        <source>Reminder done: {text}</source>
        <translation>提醒已完成：{text}</translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="271"/>
        <source>Volunteer: {name}</source>
        <translation>志愿者：{name}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="273"/>
        <source>New volunteer</source>
        <translation>新增志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="289"/>
        <source>Mobile, or landline with area code</source>
        <translation>手机号，或带区号的座机号</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="298"/>
        <source>Where the volunteer lives (optional)</source>
        <translation>所住小区（选填）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="316"/>
        <source>Other skills, separated by commas</source>
        <translation>其他特长，用逗号隔开</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="324"/>
        <source>Station &amp;staff (not a volunteer)</source>
        <translation>服务社工作人员（不是志愿者）(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="326"/>
        <source>Staff of the station can be liaisons, visitors and assignees like volunteers</source>
        <translation>服务社工作人员和志愿者一样，可以当联户人、走访人和诉求处理人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="336"/>
        <source>&amp;Active (can be given deliveries)</source>
        <translation>在岗（可安排配送）(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="353"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="354"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="355"/>
        <source>ID &amp;type:</source>
        <translation>证件类型(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="356"/>
        <source>I&amp;D number:</source>
        <translation>身份证号(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="357"/>
        <source>Volunteer n&amp;umber:</source>
        <translation>志愿者编号(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="358"/>
        <source>&amp;Community:</source>
        <translation>小区(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="359"/>
        <source>S&amp;kills:</source>
        <translation>特长(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="365"/>
        <source>Ro&amp;les:</source>
        <translation>角色(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="367"/>
        <source>Supervisor (监督员), liaison (联络员) and publicist (宣传员) per community</source>
        <translation>在各小区担任的监督员、联络员、宣传员</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="371"/>
        <source>Hours served:</source>
        <translation>服务时长：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="373"/>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="413"/>
        <source>18 characters for a resident ID card (optional)</source>
        <translation>居民身份证为 18 位（可不填）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="418"/>
        <source>Number in the national volunteer service system (optional)</source>
        <translation>全国志愿服务信息系统编号（可不填）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="422"/>
        <source>Sho&amp;w ID number</source>
        <translation>显示证件号码(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="426"/>
        <source>Shows the full ID number; recorded in the audit trail</source>
        <translation>显示完整证件号码，并记入审计记录</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="468"/>
        <source>{total} h (events {events} h · delivery rounds {rounds} h)</source>
        <translation>{total} 小时（活动 {events} 小时 · 配送 {rounds} 小时）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="472"/>
        <source>; liaison for %n household(s)</source>
        <translation>
            <numerusform>；担任 %n 户的联户人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="518"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="519"/>
        <source>Someone else changed this volunteer after you opened it, so your changes were not saved. Close this window and open the volunteer again to see their changes.</source>
        <translation>您打开之后，别人也修改了这位志愿者的信息，所以您的修改没有保存。请关闭此窗口，重新打开查看最新信息。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="518"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="524"/>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="525"/>
        <source>You changed this volunteer. Close without saving?</source>
        <translation>这位志愿者的信息已修改，不保存就关闭吗？</translation>
    </message>
</context>
<context>
    <name>VolunteerTableModel</name>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="176"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="177"/>
        <source>Staff / volunteer</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="178"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="179"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="180"/>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="181"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="182"/>
        <source>Skills</source>
        <translation>特长</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="183"/>
        <source>Hours served</source>
        <translation>服务时长（小时）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="184"/>
        <source>Liaison for</source>
        <translation>联户数</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="185"/>
        <source>Active</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="188"/>
        <source>Hours at events and on delivery rounds</source>
        <translation>参加活动和配送的服务时长</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="189"/>
        <source>Households this person is liaison for</source>
        <translation>由此人担任联户人的户数</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="210"/>
        <source>Events {events} h · delivery rounds {rounds} h</source>
        <translation>活动 {events} 小时 · 配送 {rounds} 小时</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="221"/>
        <source>staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="221"/>
        <source>volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="236"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="236"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>VolunteersPage</name>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="383"/>
        <source>Search name, pinyin, phone, community or skill</source>
        <translation>搜索姓名、拼音、电话、小区或特长</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="385"/>
        <source>Search volunteers</source>
        <translation>搜索志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="387"/>
        <source>Staff or volunteers</source>
        <translation>工作人员或志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="388"/>
        <source>Staff and volunteers</source>
        <translation>工作人员和志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="389"/>
        <source>Staff only</source>
        <translation>只看工作人员</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="390"/>
        <source>Volunteers only</source>
        <translation>只看志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="392"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="393"/>
        <source>Any role or none</source>
        <translation>不限角色</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="394"/>
        <source>Holds a role</source>
        <translation>担任角色的</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="397"/>
        <source>Show &amp;inactive</source>
        <translation>显示不在岗人员(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="398"/>
        <source>&amp;New volunteer…</source>
        <translation>新增志愿者(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="399"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="400"/>
        <source>Edit the selected volunteer (Enter)</source>
        <translation>修改选中的志愿者（Enter）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="401"/>
        <source>Service &amp;record…</source>
        <translation>服务记录证明(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="403"/>
        <source>Issue a service record certificate (志愿服务记录证明) for the selected person</source>
        <translation>为选中的人员开具志愿服务记录证明</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="404"/>
        <source>Certificate re&amp;gister…</source>
        <translation>证明登记簿(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="406"/>
        <source>The certificates issued (证明登记簿): list, export and reprint (补打)</source>
        <translation>已开具的证明：查看、导出、补打</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="409"/>
        <location filename="../../stationapp/ui/volunteers_page.py" line="445"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="414"/>
        <source>Role holders</source>
        <translation>三员名单</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="425"/>
        <source>Who holds the three roles in each community; &quot;—&quot; marks a role nobody holds. Enter opens the person.</source>
        <translation>各小区的“三员”由谁担任；“—”表示没人担任。按 Enter 打开此人的信息。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="437"/>
        <source>&amp;People</source>
        <translation>人员(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="438"/>
        <source>Role h&amp;olders</source>
        <translation>三员名单(&amp;O)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/volunteers_page.py" line="498"/>
        <source>%n role(s) nobody holds.</source>
        <translation>
            <numerusform>有 %n 个角色没人担任。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="499"/>
        <source>Every role is held in every community.</source>
        <translation>各小区的角色都有人担任。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/volunteers_page.py" line="528"/>
        <source>%n volunteer(s) shown</source>
        <translation>
            <numerusform>显示 %n 位志愿者</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="629"/>
        <location filename="../../stationapp/ui/volunteers_page.py" line="718"/>
        <source>Volunteer not found</source>
        <translation>找不到这位志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="650"/>
        <source>Service record: {name}</source>
        <translation>志愿服务记录证明：{name}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="651"/>
        <source>service record</source>
        <translation>志愿服务记录证明</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="699"/>
        <source>Service record No. {number}: {name}</source>
        <translation>志愿服务记录证明（编号 {number}）：{name}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="701"/>
        <source>Certificate No. {number} of {name} reprinted (补打): the same record was issued before; {hours} hours.</source>
        <translation>证明 {number}（{name}）已补打：同一记录此前已开具；{hours} 小时。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="703"/>
        <source>Certificate No. {number} issued to {name}: {hours} hours.</source>
        <translation>已为{name}开具证明（编号 {number}）：{hours} 小时。</translation>
    </message>
</context>
</TS>
