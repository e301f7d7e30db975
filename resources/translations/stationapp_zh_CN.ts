<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../stationapp/ui/app.py" line="71"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>AutoSplitDialog</name>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="286"/>
        <source>Split stops among volunteers</source>
        <translation>把配送户分给志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="288"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="291"/>
        <source>{name} ({community})</source>
        <translation>{name}（{community}）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="299"/>
        <source>Only stops &amp;not yet assigned (keep what is assigned)</source>
        <translation>只分还没分配的户，已分配的不变(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="302"/>
        <source>Pending stops are split by community and building: a building stays with one volunteer, and every volunteer gets about the same number of stops.</source>
        <translation>待送的户按小区和楼栋来分：同一栋楼归同一位志愿者，每位志愿者分到的户数大致相同。</translation>
    </message>
</context>
<context>
    <name>CandidateModel</name>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="102"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="103"/>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="104"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="105"/>
        <source>Care categories</source>
        <translation>关爱类别</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="106"/>
        <source>Mobility notes</source>
        <translation>行动情况</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="107"/>
        <source>Already planned</source>
        <translation>已安排</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="193"/>
        <source>This household already has a delivery for this event; an item it already gets is not planned twice.</source>
        <translation>这户在本次活动中已安排了配送；已经安排过的物品不会重复安排。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="224"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>CatalogueEntryDialog</name>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="116"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="122"/>
        <source>e.g. 幅, 张, 份</source>
        <translation>如：幅、张、份</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="124"/>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../stationapp/ui/crash.py" line="47"/>
        <source>Unexpected error</source>
        <translation>程序出错了</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/crash.py" line="50"/>
        <source>Sorry, something went wrong inside stationapp. Your saved data is safe, but the last action may not have finished.
Please copy the details below and send them to whoever looks after this program.</source>
        <translation>抱歉，程序内部出了问题。已经保存的数据不会丢失，但刚才的操作可能没有完成。
请复制下面的详细信息，发给负责维护本程序的人员。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/crash.py" line="55"/>
        <source>The details are also written to: {path}</source>
        <translation>详细信息也已记录在：{path}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/crash.py" line="66"/>
        <source>&amp;Copy details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/crash.py" line="78"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>DeliveriesPanel</name>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="363"/>
        <source>Deliveries: {title}</source>
        <translation>配送：{title}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="384"/>
        <source>&amp;Plan deliveries…</source>
        <translation>安排配送(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="385"/>
        <source>Choose households and items for this event</source>
        <translation>为本次活动选择要送的住户和物品</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="395"/>
        <source>Sheets</source>
        <translation>配送单</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="406"/>
        <source>&amp;Split among volunteers…</source>
        <translation>分给志愿者(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="408"/>
        <source>Split the stops by community and building, balanced</source>
        <translation>按小区和楼栋，把各户平均分给志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="409"/>
        <source>P&amp;rint sheet…</source>
        <translation>打印配送单(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="410"/>
        <source>All &amp;delivered</source>
        <translation>全部送达(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="412"/>
        <source>Mark every pending stop of this sheet as delivered</source>
        <translation>把这张单上所有待送的户记为已送达</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="397"/>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="429"/>
        <source>Stops</source>
        <translation>配送户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="397"/>
        <source>Sheet</source>
        <translation>配送单</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="397"/>
        <source>To go</source>
        <translation>待送</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="416"/>
        <source>Sh&amp;eets:</source>
        <translation>配送单(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="444"/>
        <source>Volunteer to assign to</source>
        <translation>分配给哪位志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="446"/>
        <source>&amp;Assign</source>
        <translation>分配(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="447"/>
        <source>Give the selected stops to this volunteer</source>
        <translation>把选中的户分给这位志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="448"/>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="449"/>
        <source>Move the stop up (Ctrl+Up)</source>
        <translation>往前移一位（Ctrl+Up）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="450"/>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="451"/>
        <source>Move the stop down (Ctrl+Down)</source>
        <translation>往后移一位（Ctrl+Down）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="452"/>
        <source>Assign &amp;to:</source>
        <translation>分配给(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="463"/>
        <source>Record what happened (keys 1–5 in the table)</source>
        <translation>登记配送结果（在表格里可按 1–5 键）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="470"/>
        <source>Record {outcome} for the selected stops (key {key})</source>
        <translation>把选中的户记为“{outcome}”（按键 {key}）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="478"/>
        <source>Put stops found not at home or at a wrong address back to pending</source>
        <translation>把“不在家”和“地址有误”的户改回待送</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="484"/>
        <source>Optional note, e.g. the neighbour took it; Enter returns to the table</source>
        <translation>可填说明，如：邻居代收；按 Enter 回到表格</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="485"/>
        <source>N&amp;ote:</source>
        <translation>说明(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="476"/>
        <source>Deliver a&amp;gain</source>
        <translation>再送一次(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="491"/>
        <source>Whe&amp;n:</source>
        <translation>时间(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="493"/>
        <source>Add note to &amp;household</source>
        <translation>说明记入住户备注(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="495"/>
        <source>Append the note to the household&apos;s record on the ledger</source>
        <translation>把这条说明添加到住户台账里这户的备注中</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="507"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="582"/>
        <source>(nobody: unassigned)</source>
        <translation>（不分配）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="597"/>
        <source>All stops</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="600"/>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="647"/>
        <source>No deliveries planned yet: start with Plan deliveries…</source>
        <translation>还没有安排配送：请从“安排配送…”开始</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/deliveries_panel.py" line="650"/>
        <source>%n stop(s) · {pending} to go · {delivered} delivered · {unassigned} unassigned</source>
        <translation>
            <numerusform>共 %n 户 · 待送 {pending} · 已送达 {delivered} · 未分配 {unassigned}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/deliveries_panel.py" line="735"/>
        <source>%n delivery(ies) planned.</source>
        <translation>
            <numerusform>已安排 %n 项配送。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="737"/>
        <source>{text} {skipped} already planned, not planned twice.</source>
        <translation>{text}另有 {skipped} 项之前已安排，没有重复安排。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="764"/>
        <source>Tick at least one volunteer to split the stops among.</source>
        <translation>请至少勾选一位志愿者。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="774"/>
        <source>{name} {count}</source>
        <translation>{name} {count} 户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="776"/>
        <source>Stops split: {parts}.</source>
        <translation>已分好：{parts}。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="789"/>
        <source>Select the stops to assign first.</source>
        <translation>请先选中要分配的户。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/deliveries_panel.py" line="798"/>
        <source>%n stop(s) assigned.</source>
        <translation>
            <numerusform>已分配 %n 户。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="832"/>
        <source>Select a stop first.</source>
        <translation>请先选中一户。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/deliveries_panel.py" line="854"/>
        <source>%n stop(s) recorded as {outcome}.</source>
        <translation>
            <numerusform>已将 %n 户记为“{outcome}”。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="865"/>
        <source>Choose one volunteer&apos;s sheet on the left first.</source>
        <translation>请先在左边选一位志愿者的配送单。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="869"/>
        <source>Nothing is pending on this sheet.</source>
        <translation>这张单上没有待送的户。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="872"/>
        <source>All delivered?</source>
        <translation>全部送达？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/deliveries_panel.py" line="873"/>
        <source>Mark the %n stop(s) still pending on this sheet as delivered?</source>
        <translation>
            <numerusform>把这张单上还待送的 %n 户都记为已送达吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/deliveries_panel.py" line="895"/>
        <source>%n delivery(ies) marked delivered.</source>
        <translation>
            <numerusform>已将 %n 项配送记为已送达。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="905"/>
        <source>No stop was found not at home or at a wrong address.</source>
        <translation>没有“不在家”或“地址有误”的户。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/deliveries_panel.py" line="913"/>
        <source>%n delivery(ies) planned again.</source>
        <translation>
            <numerusform>已重新安排 %n 项配送。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="921"/>
        <source>Select a stop and type the note first.</source>
        <translation>请先选中一户，再填写说明。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="931"/>
        <source>Note added to the household of {name}.</source>
        <translation>说明已记入{name}家的住户备注。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="943"/>
        <source>Delivery sheets: {event}</source>
        <translation>配送单：{event}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="945"/>
        <source>Delivery sheet of {name}: {event}</source>
        <translation>{name}的配送单：{event}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="948"/>
        <source>delivery sheets</source>
        <translation>配送单</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="1004"/>
        <source>P&amp;rint this sheet…</source>
        <translation>打印这张配送单(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="1005"/>
        <source>P&amp;rint all sheets…</source>
        <translation>打印全部配送单(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>DeliveryPlannerDialog</name>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="255"/>
        <source>Plan deliveries: {title}</source>
        <translation>安排配送：{title}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="262"/>
        <source>Search name, pinyin, address or phone</source>
        <translation>搜索姓名、拼音、地址或电话</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="265"/>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="266"/>
        <source>All communities</source>
        <translation>全部小区</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="270"/>
        <source>Care category</source>
        <translation>关爱类别</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="271"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="275"/>
        <source>Care tier</source>
        <translation>关爱等级</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="276"/>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="279"/>
        <source>&amp;Mobility problems only</source>
        <translation>只看行动不便的(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="289"/>
        <source>Households to deliver to</source>
        <translation>要送上门的住户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="304"/>
        <source>&amp;Tick all</source>
        <translation>全选(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="305"/>
        <source>&amp;Untick all</source>
        <translation>全不选(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="311"/>
        <source>Households (only those {status} on the ledger)</source>
        <translation>住户（仅限{status}住户）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="319"/>
        <source>Every ticked household gets</source>
        <translation>每户送上门的物品</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="323"/>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="323"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="323"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="337"/>
        <source>Add &amp;item</source>
        <translation>添加物品(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="338"/>
        <source>Remove item</source>
        <translation>移除物品</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="344"/>
        <source>Note printed on the sheet (optional; mobility notes are added anyway)</source>
        <translation>印在配送单上的备注（选填；行动情况会自动印上）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="505"/>
        <source>Choose a community, care category, tier or mobility problems, or search, to list households.</source>
        <translation>请先选小区、关爱类别、关爱等级或“只看行动不便的”，或输入搜索，才会列出住户。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="508"/>
        <source>{listed} households match · {ticked} ticked</source>
        <translation>符合条件 {listed} 户 · 已选 {ticked} 户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="511"/>
        <source>{text} · {planned} already planned for this event</source>
        <translation>{text} · 其中 {planned} 户本次活动已安排</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/delivery_planner.py" line="516"/>
        <source>&amp;Plan for %n household(s)</source>
        <translation>
            <numerusform>为 %n 户安排配送(&amp;P)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="520"/>
        <source>The item catalogue is empty.</source>
        <translation>物品目录是空的，请先添加物品。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="529"/>
        <source>Tick at least one household and add an item.</source>
        <translation>请至少勾选一户，并添加一种物品。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/delivery_planner.py" line="544"/>
        <source>%n delivery(ies) planned.</source>
        <translation>
            <numerusform>已安排 %n 项配送。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="546"/>
        <source>{text} {skipped} already planned, not planned twice.</source>
        <translation>{text}另有 {skipped} 项之前已安排，没有重复安排。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/delivery_planner.py" line="548"/>
        <source>{text} Plan more, or close.</source>
        <translation>{text}可以接着安排，也可以关闭。</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="168"/>
        <source>New event</source>
        <translation>新增活动</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="190"/>
        <source>e.g. couplets for the Spring Festival</source>
        <translation>如：迎新春写春联送祝福</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="193"/>
        <source>&amp;Ends:</source>
        <translation>结束(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="221"/>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="226"/>
        <source>&amp;Participants:</source>
        <translation>参加人数(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="225"/>
        <source>T&amp;ype:</source>
        <translation>类型(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="227"/>
        <source>&amp;Title:</source>
        <translation>名称(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="228"/>
        <source>&amp;Starts:</source>
        <translation>开始(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="233"/>
        <source>P&amp;lace:</source>
        <translation>地点(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="234"/>
        <source>&amp;Organiser:</source>
        <translation>组织者(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="235"/>
        <source>&amp;Description:</source>
        <translation>活动内容(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="242"/>
        <source>Handed out on the spot</source>
        <translation>现场发放</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="244"/>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="244"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="245"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="251"/>
        <source>Add &amp;item</source>
        <translation>添加物品(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="252"/>
        <source>Remove item</source>
        <translation>移除物品</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="261"/>
        <source>Volunteers who served</source>
        <translation>参加服务的志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="263"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="263"/>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="264"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="270"/>
        <source>Add &amp;volunteer</source>
        <translation>添加志愿者(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="271"/>
        <source>Remove volunteer</source>
        <translation>移除志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="281"/>
        <source>Register volunteers on the Volunteers page first</source>
        <translation>请先在“志愿者”页面登记志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="441"/>
        <source>Event: {title}</source>
        <translation>活动：{title}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="507"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="508"/>
        <source>Someone else changed this event after you opened it, so your changes were not saved. Close this window and open the event again to see their changes.</source>
        <translation>您打开这个活动之后，别人也修改了它，所以您的修改没有保存。请关闭此窗口，重新打开这个活动查看最新信息。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="511"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="532"/>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="533"/>
        <source>You changed this event. Close without saving?</source>
        <translation>这个活动的信息已修改，不保存就关闭吗？</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/event_dialog.py" line="581"/>
        <source>Line {number}: {message}</source>
        <translation>第 {number} 行：{message}</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="91"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="92"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="93"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="94"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="95"/>
        <source>Participants</source>
        <translation>参加人数</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="96"/>
        <source>Planned</source>
        <translation>已安排</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="98"/>
        <source>To go</source>
        <translation>待送</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="101"/>
        <source>Door-to-door deliveries planned (not cancelled)</source>
        <translation>已安排的送上门配送（不含已取消的）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="102"/>
        <source>Deliveries delivered</source>
        <translation>已送达的配送</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="103"/>
        <source>Deliveries still to go</source>
        <translation>还待送的配送</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="97"/>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
</context>
<context>
    <name>EventTypesTab</name>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="445"/>
        <source>Event type</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="445"/>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="446"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="446"/>
        <source>&amp;Rename…</source>
        <translation>改名(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="448"/>
        <source>Types are never deleted: clear &quot;In use&quot; to retire one. A retired type is no longer offered for new events; past events keep it.</source>
        <translation>活动类型不会被删除：取消勾选“在用”即可停用。停用的类型不再供新活动选择，以往的活动仍保留它。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="499"/>
        <source>New event type</source>
        <translation>新增活动类型</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="508"/>
        <source>Rename event type</source>
        <translation>活动类型改名</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="179"/>
        <source>Search title, type, place or organiser</source>
        <translation>搜索活动名称、类型、地点或组织者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="181"/>
        <source>Search events</source>
        <translation>搜索活动</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="182"/>
        <source>From date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="183"/>
        <source>To date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="184"/>
        <source>&amp;Any date</source>
        <translation>不限日期(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="185"/>
        <source>Show events of every date</source>
        <translation>显示所有日期的活动</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="187"/>
        <source>&amp;New event…</source>
        <translation>新增活动(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="188"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="189"/>
        <source>Edit the selected event (Enter)</source>
        <translation>修改选中的活动（Enter）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="190"/>
        <source>&amp;Deliveries…</source>
        <translation>配送(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="192"/>
        <source>Plan, assign and record the door-to-door deliveries of the event</source>
        <translation>安排、分配和登记本次活动的送上门配送</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="194"/>
        <source>&amp;Print sheets</source>
        <translation>打印配送单(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="195"/>
        <source>Delivery sheets of all volunteers, or of one</source>
        <translation>打印全部志愿者的配送单，或其中一位的</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="201"/>
        <source>Event &amp;report</source>
        <translation>活动记录(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="203"/>
        <source>The event record: details, tallies, volunteers, delivery results</source>
        <translation>活动记录：活动情况、发放数量、志愿者和配送结果</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="208"/>
        <location filename="../../stationapp/ui/events_page.py" line="221"/>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="234"/>
        <source>F&amp;rom:</source>
        <translation>从(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="236"/>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="276"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="370"/>
        <location filename="../../stationapp/ui/events_page.py" line="401"/>
        <source>Event not found</source>
        <translation>找不到这个活动</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="433"/>
        <source>All volunteers (one file)</source>
        <translation>全部志愿者（一个文件）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="439"/>
        <source>Only {name}</source>
        <translation>只打印{name}的</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="459"/>
        <source>Delivery sheet of {name}: {event}</source>
        <translation>{name}的配送单：{event}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="462"/>
        <source>Delivery sheets: {event}</source>
        <translation>配送单：{event}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="466"/>
        <source>delivery sheets</source>
        <translation>配送单</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="476"/>
        <source>Event report: {event}</source>
        <translation>活动记录：{event}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/events_page.py" line="477"/>
        <source>event report</source>
        <translation>活动记录</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../stationapp/ui/first_run.py" line="52"/>
        <source>Creating {count} demo households…</source>
        <translation>正在生成 {count} 户演示数据…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/first_run.py" line="57"/>
        <location filename="../../stationapp/ui/first_run.py" line="76"/>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/first_run.py" line="86"/>
        <source>Welcome to stationapp</source>
        <translation>欢迎使用 stationapp</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/first_run.py" line="87"/>
        <source>The ledger is empty.</source>
        <translation>住户台账里还没有数据。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/first_run.py" line="89"/>
        <source>You can try the program with a demo station of {count} made-up households, or start with an empty ledger and enter your own households.

Demo data is for practice only: use a separate database for the real ledger.</source>
        <translation>可以先用一个含 {count} 户虚构住户的演示服务社来熟悉程序，也可以从空台账开始，录入本社区的住户。

演示数据只供练习：正式台账请另用一个数据库。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/first_run.py" line="97"/>
        <source>Load &amp;demo data</source>
        <translation>载入演示数据(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/first_run.py" line="100"/>
        <source>Start &amp;empty</source>
        <translation>从空台账开始(&amp;E)</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="191"/>
        <source>New household</source>
        <translation>新增住户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="227"/>
        <source>Choose or type a community</source>
        <translation>选择或输入小区</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="236"/>
        <source>Mobile, or landline with area code</source>
        <translation>手机号，或带区号的座机号</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="242"/>
        <source>Address and contact</source>
        <translation>地址和联系方式</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="247"/>
        <source>&amp;Community:</source>
        <translation>小区(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="248"/>
        <source>&amp;Building:</source>
        <translation>楼栋(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="249"/>
        <source>&amp;Unit:</source>
        <translation>单元(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="250"/>
        <source>R&amp;oom:</source>
        <translation>室(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="251"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="255"/>
        <source>Care</source>
        <translation>关爱情况</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="275"/>
        <source>Care &amp;tier:</source>
        <translation>关爱等级(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="288"/>
        <source>&amp;Members</source>
        <translation>家庭成员(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="293"/>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="293"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="293"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="293"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="294"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="294"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="294"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="294"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="295"/>
        <source>Mobility</source>
        <translation>行动情况</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="295"/>
        <location filename="../../stationapp/ui/household_dialog.py" line="342"/>
        <location filename="../../stationapp/ui/household_dialog.py" line="356"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="317"/>
        <source>&amp;Add member…</source>
        <translation>添加成员(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="318"/>
        <source>&amp;Edit member…</source>
        <translation>修改成员(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="319"/>
        <source>&amp;Remove member</source>
        <translation>移除成员(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="330"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="336"/>
        <source>&amp;Notes (family situation, how to reach them):</source>
        <translation>备注（家庭情况、怎样联系）(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="347"/>
        <source>C&amp;hange status…</source>
        <translation>变更状态(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="356"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="356"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="356"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="366"/>
        <source>H&amp;istory:</source>
        <translation>变更记录(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="447"/>
        <source>Household: {address}</source>
        <translation>住户：{address}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="457"/>
        <source>Current status: {status}</source>
        <translation>当前状态：{status}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="460"/>
        <source>This household is {status} since {date}</source>
        <translation>本户已{status}（{date}）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="461"/>
        <source>(date not known)</source>
        <translation>日期不详</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="463"/>
        <source>{text}: {reason}</source>
        <translation>{text}：{reason}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="467"/>
        <source>Current status: {status} since {date}</source>
        <translation>当前状态：{status}（自 {date} 起）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="509"/>
        <source>{status} on save</source>
        <translation>保存后记为{status}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="605"/>
        <source>Kept for the record; not living in the household</source>
        <translation>仅保留记录，已不在本户居住</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="634"/>
        <source>From the ID number</source>
        <translation>由身份证号得出</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="645"/>
        <source>{elderly} (80+) is derived from birth dates</source>
        <translation>“{elderly}”（80 岁及以上）按出生日期自动判断</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="647"/>
        <source>{note}: this household is {elderly}.</source>
        <translation>{note}：本户属于{elderly}。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="701"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="702"/>
        <source>Someone else changed this household after you opened it, so your changes were not saved. Close this window and open the household again to see their changes.</source>
        <translation>您打开这户之后，别人也修改了这户的信息，所以您的修改没有保存。请关闭此窗口，重新打开这户查看最新信息。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="705"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="734"/>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="735"/>
        <source>You changed this household. Close without saving?</source>
        <translation>这户的信息已修改，不保存就关闭吗？</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="787"/>
        <source>Member {number} ({name}): {message}</source>
        <translation>第 {number} 位成员（{name}）：{message}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="804"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="805"/>
        <source>Save or undo your changes before changing the status.</source>
        <translation>请先保存或撤销修改，再变更状态。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_dialog.py" line="825"/>
        <source>Deliveries cancelled</source>
        <translation>配送已取消</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/household_dialog.py" line="826"/>
        <source>%n pending delivery(ies) of this household were cancelled.</source>
        <translation>
            <numerusform>这户还有 %n 项待送的配送，已全部取消。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location filename="../../stationapp/ui/household_table_model.py" line="106"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_table_model.py" line="107"/>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_table_model.py" line="108"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_table_model.py" line="109"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_table_model.py" line="110"/>
        <source>Care categories</source>
        <translation>关爱类别</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_table_model.py" line="111"/>
        <source>Tier</source>
        <translation>关爱等级</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/household_table_model.py" line="112"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="80"/>
        <source>Search name, pinyin, address or phone</source>
        <translation>搜索姓名、拼音、地址或电话</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="83"/>
        <source>Search households</source>
        <translation>搜索住户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="86"/>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="89"/>
        <source>Care category</source>
        <translation>关爱类别</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="90"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="94"/>
        <source>Care tier</source>
        <translation>关爱等级</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="95"/>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="99"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="102"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="104"/>
        <source>&amp;New household…</source>
        <translation>新增住户(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="105"/>
        <source>Add a household to the ledger (Ctrl+N)</source>
        <translation>在台账中新增一户（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="106"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="107"/>
        <source>Open the selected household (Enter)</source>
        <translation>打开选中的住户（Enter）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="112"/>
        <location filename="../../stationapp/ui/households_page.py" line="131"/>
        <source>Households</source>
        <translation>住户台账</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="272"/>
        <source>Household not found</source>
        <translation>找不到这户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/households_page.py" line="306"/>
        <source>All communities</source>
        <translation>全部小区</translation>
    </message>
</context>
<context>
    <name>ItemsTab</name>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="518"/>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="518"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="518"/>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="519"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="519"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="521"/>
        <source>Items are never deleted: clear &quot;In use&quot; to retire one. A retired item is no longer offered for new events and deliveries; past records keep it.</source>
        <translation>物品不会被删除：取消勾选“在用”即可停用。停用的物品不再供新活动和配送选择，以往的记录仍保留它。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="573"/>
        <source>New item</source>
        <translation>新增物品</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="582"/>
        <source>Edit item</source>
        <translation>修改物品</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="70"/>
        <source>Areas</source>
        <translation>功能</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="74"/>
        <source>Households</source>
        <translation>住户台账</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="75"/>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="76"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="92"/>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="117"/>
        <source>&amp;New household…</source>
        <translation>新增住户(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="120"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="123"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="126"/>
        <source>Station &amp;settings…</source>
        <translation>服务社设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="128"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="131"/>
        <source>&amp;About stationapp</source>
        <translation>关于 stationapp(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="134"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="140"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="143"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/main_window.py" line="169"/>
        <source>%n event(s) shown</source>
        <translation>
            <numerusform>显示 %n 个活动</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/main_window.py" line="171"/>
        <source>%n volunteer(s) shown</source>
        <translation>
            <numerusform>显示 %n 位志愿者</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="174"/>
        <source>{shown} of {total} households shown</source>
        <translation>共 {total} 户，显示 {shown} 户</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="198"/>
        <source>Refreshed</source>
        <translation>已刷新</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="204"/>
        <source>About stationapp</source>
        <translation>关于 stationapp</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/main_window.py" line="206"/>
        <source>stationapp {version}

The ledger, events, deliveries and follow-up visits of a residents&apos; party-member service station.</source>
        <translation>stationapp {version}

党员服务社的住户台账、活动、配送和走访回访管理程序。</translation>
    </message>
</context>
<context>
    <name>MemberEditor</name>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="72"/>
        <source>Edit member</source>
        <translation>修改成员</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="72"/>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="79"/>
        <source>(from ID number)</source>
        <translation>（按身份证号）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="84"/>
        <source>YYYY-MM-DD, empty if not known</source>
        <translation>年-月-日，如 1943-05-08；不清楚可不填</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="89"/>
        <source>18 characters</source>
        <translation>18 位</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="92"/>
        <source>Mobile, or landline with area code</source>
        <translation>手机号，或带区号的座机号</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="100"/>
        <source>&amp;Head of household</source>
        <translation>户主(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="105"/>
        <source>e.g. uses a wheelchair, needs help on stairs</source>
        <translation>如：坐轮椅、上下楼需要搀扶</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="119"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="120"/>
        <source>I&amp;D number:</source>
        <translation>身份证号(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="127"/>
        <source>&amp;Sex:</source>
        <translation>性别(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="128"/>
        <source>&amp;Birth date:</source>
        <translation>出生日期(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="129"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="130"/>
        <source>&amp;Relation to head:</source>
        <translation>与户主关系(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="132"/>
        <source>&amp;Mobility notes:</source>
        <translation>行动情况(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="206"/>
        <source>Write the birth date as YYYY-MM-DD, e.g. 1943-05-08</source>
        <translation>出生日期请按“年-月-日”填写，如 1943-05-08</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="280"/>
        <source>From the ID number: born {date} (age {age}), {sex}</source>
        <translation>按身份证号：{date} 出生（{age} 岁），{sex}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/member_editor.py" line="285"/>
        <source>Birth date and sex left empty are taken from the ID number.</source>
        <translation>出生日期和性别不填时，按身份证号自动得出。</translation>
    </message>
</context>
<context>
    <name>PdfMaker</name>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="301"/>
        <source>Making {title}…</source>
        <translation>正在生成{title}…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="301"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="304"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="365"/>
        <source>The PDF could not be made</source>
        <translation>PDF 没有生成</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="82"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="84"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="86"/>
        <source>Print on a printer of this computer (Ctrl+P)</source>
        <translation>用这台电脑连接的打印机打印（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="87"/>
        <source>&amp;Save as…</source>
        <translation>另存为(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="89"/>
        <source>Keep a copy of this PDF (Ctrl+S)</source>
        <translation>把这份 PDF 另存一份（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="90"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="92"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="94"/>
        <source>&amp;Fit width</source>
        <translation>适合宽度(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="95"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="158"/>
        <source>Print {title}</source>
        <translation>打印{title}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="165"/>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="166"/>
        <source>The printer could not be started. Check that it is switched on and chosen correctly, then try again.</source>
        <translation>打印机没能启动。请检查打印机是否已开机、是否选对了，然后再试一次。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="209"/>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="210"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="221"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="222"/>
        <source>The PDF could not be saved as {path}: {reason}. Choose another folder or free some disk space.</source>
        <translation>PDF 没能保存为 {path}：{reason}。请换一个文件夹，或清理出一些磁盘空间。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../stationapp/ui/pdf_preview.py" line="243"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/pdf_preview.py" line="245"/>
        <source>The PDF could not be shown.</source>
        <translation>无法显示这份 PDF。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="605"/>
        <source>Station settings</source>
        <translation>服务社设置</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="614"/>
        <source>&amp;Station</source>
        <translation>服务社(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="615"/>
        <source>&amp;Event types</source>
        <translation>活动类型(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="616"/>
        <source>&amp;Items</source>
        <translation>物品(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="624"/>
        <source>Save the Station tab and close. Changes to event types and items are saved at once.</source>
        <translation>保存“服务社”页的设置并关闭。活动类型和物品的修改会立即保存。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="668"/>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="669"/>
        <source>You changed the station&apos;s name, phone or visit intervals. Close without saving them?</source>
        <translation>服务社名称、电话或走访间隔已修改。不保存就关闭吗？</translation>
    </message>
</context>
<context>
    <name>StationTab</name>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="189"/>
        <source>Mobile, or landline with area code</source>
        <translation>手机号，或带区号的座机号</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="196"/>
        <source>Station &amp;name:</source>
        <translation>服务社名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="197"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="202"/>
        <source>Name and phone are printed on every delivery sheet and report.</source>
        <translation>名称和电话会印在每张配送单和每份报表上。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="206"/>
        <source>Visit interval per care tier</source>
        <translation>各关爱等级的走访间隔</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="212"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/settings_dialog.py" line="217"/>
        <source>{tier}:</source>
        <translation>{tier}：</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../stationapp/ui/status_dialog.py" line="72"/>
        <source>Change household status</source>
        <translation>变更住户状态</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/status_dialog.py" line="76"/>
        <source>Current status: {status}</source>
        <translation>当前状态：{status}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/status_dialog.py" line="89"/>
        <source>e.g. moved to live with the children; deceased</source>
        <translation>如：随子女居住；去世</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/status_dialog.py" line="102"/>
        <source>New &amp;status:</source>
        <translation>新状态(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/status_dialog.py" line="103"/>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/status_dialog.py" line="146"/>
        <source>&amp;Reason (required):</source>
        <translation>原因（必填）(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/status_dialog.py" line="146"/>
        <source>&amp;Reason (optional):</source>
        <translation>原因（选填）(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/status_dialog.py" line="182"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/status_dialog.py" line="183"/>
        <source>Someone else changed this household after you opened it, so the status was not changed. Close the household and open it again.</source>
        <translation>您打开这户之后，别人也修改了这户的信息，所以状态没有变更。请关闭这户后重新打开。</translation>
    </message>
</context>
<context>
    <name>StopTableModel</name>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="204"/>
        <source>Stop</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="205"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="206"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="207"/>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="208"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="209"/>
        <source>Items</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="210"/>
        <source>Notes</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="211"/>
        <source>Outcome</source>
        <translation>配送结果</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="212"/>
        <source>Outcome note</source>
        <translation>结果说明</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="213"/>
        <source>Attempt</source>
        <translation>第几次</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/deliveries_panel.py" line="253"/>
        <source>Recorded {time}</source>
        <translation>登记于 {time}</translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="90"/>
        <source>Volunteer: {name}</source>
        <translation>志愿者：{name}</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="92"/>
        <source>New volunteer</source>
        <translation>新增志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="108"/>
        <source>Mobile, or landline with area code</source>
        <translation>手机号，或带区号的座机号</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="117"/>
        <source>Where the volunteer lives (optional)</source>
        <translation>志愿者住在哪个小区（选填）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="130"/>
        <source>Other skills, separated by commas</source>
        <translation>其他特长，用逗号隔开</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="138"/>
        <source>&amp;Active (can be given deliveries)</source>
        <translation>在岗（可安排配送）(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="152"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="153"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="154"/>
        <source>&amp;Community:</source>
        <translation>小区(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="155"/>
        <source>S&amp;kills:</source>
        <translation>特长(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="161"/>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="231"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="232"/>
        <source>Someone else changed this volunteer after you opened it, so your changes were not saved. Close this window and open the volunteer again to see their changes.</source>
        <translation>您打开之后，别人也修改了这位志愿者的信息，所以您的修改没有保存。请关闭此窗口，重新打开查看最新信息。</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="235"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="256"/>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteer_dialog.py" line="257"/>
        <source>You changed this volunteer. Close without saving?</source>
        <translation>这位志愿者的信息已修改，不保存就关闭吗？</translation>
    </message>
</context>
<context>
    <name>VolunteerTableModel</name>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="73"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="74"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="75"/>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="76"/>
        <source>Skills</source>
        <translation>特长</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="77"/>
        <source>Hours served</source>
        <translation>服务时长（小时）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="78"/>
        <source>Active</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="126"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="126"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>VolunteersPage</name>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="145"/>
        <source>Search name, pinyin, phone, community or skill</source>
        <translation>搜索姓名、拼音、电话、小区或特长</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="147"/>
        <source>Search volunteers</source>
        <translation>搜索志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="148"/>
        <source>Show &amp;inactive</source>
        <translation>显示不在岗志愿者(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="149"/>
        <source>&amp;New volunteer…</source>
        <translation>新增志愿者(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="150"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="151"/>
        <source>Edit the selected volunteer (Enter)</source>
        <translation>修改选中的志愿者（Enter）</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="156"/>
        <location filename="../../stationapp/ui/volunteers_page.py" line="169"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../stationapp/ui/volunteers_page.py" line="270"/>
        <source>Volunteer not found</source>
        <translation>找不到这位志愿者</translation>
    </message>
</context>
</TS>
