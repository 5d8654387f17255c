<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>ConflictSection</name>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/actions.py" line="29" />
            <source>Exchange conflict: this hazard was changed here and on another computer.</source>
            <translation>交换冲突：本隐患在本机和另一台电脑上都被修改过。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/actions.py" line="32" />
            <source>Resolve…</source>
            <translation>解决…</translation>
        </message>
    </context>
    <context>
        <name>ConflictsDialog</name>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/conflicts.py" line="83" />
            <source>Exchange conflicts</source>
            <translation>交换冲突</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/conflicts.py" line="103" />
            <source>All from this computer</source>
            <translation>全部保留本机的</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/conflicts.py" line="104" />
            <source>All from the file</source>
            <translation>全部采用对方的</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/conflicts.py" line="105" />
            <source>Keep these choices</source>
            <translation>按所选保存</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/conflicts.py" line="159" />
            <source>%1 · %2
from %3</source>
            <translation>%1 · %2
来自 %3</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/conflicts.py" line="190" />
            <source>No open conflicts: every exchanged record agrees.</source>
            <translation>没有待解决的冲突：交换的记录全部一致。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/conflicts.py" line="194" />
            <source>%1 %2 was changed on this computer and on %3 since their last exchange (received %4). Tick, for each field, the version to keep.</source>
            <translation>%1 %2 自上次交换以来在本机和 %3 上都被修改过（收到于 %4）。请逐项勾选要保留的版本。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/conflicts.py" line="201" />
            <source>Field</source>
            <translation>项目</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/conflicts.py" line="201" />
            <source>This computer</source>
            <translation>本机</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/conflicts.py" line="201" />
            <source>From %1</source>
            <translation>来自 %1</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/conflicts.py" line="284" />
            <source>Resolved: %1 keeps the chosen values.</source>
            <translation>已解决：%1 按所选的值保存。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/conflicts.py" line="177" />
            <source>From the file</source>
            <translation>来自交换包</translation>
        </message>
    </context>
    <context>
        <name>Exchange</name>
    <message>
        <source>Panel members</source>
        <translation>判定小组成员</translation>
    </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="26" />
            <source>Departments</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="27" />
            <source>People</source>
            <translation>人员</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="28" />
            <source>Hazard categories</source>
            <translation>隐患类别</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="29" />
            <source>Subcategories</source>
            <translation>隐患子类</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="30" />
            <source>LEC scale values</source>
            <translation>LEC 取值</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="31" />
            <source>Threshold sets</source>
            <translation>分级阈值</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="32" />
            <source>Danger bands</source>
            <translation>危险等级</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="33" />
            <source>Major-hazard criteria</source>
            <translation>重大隐患判定标准</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="34" />
            <source>Checklist templates</source>
            <translation>检查表模板</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="35" />
            <source>Checklist template versions</source>
            <translation>检查表模板版本</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="36" />
            <source>Checklist sections</source>
            <translation>检查表分项</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="37" />
            <source>Checklist items</source>
            <translation>检查项</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="38" />
            <source>Hazards</source>
            <translation>隐患</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="39" />
            <source>Hazard photos</source>
            <translation>隐患照片</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="40" />
            <source>Grading meetings</source>
            <translation>定级会议</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="41" />
            <source>Gradings</source>
            <translation>定级</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="42" />
            <source>Member scores</source>
            <translation>组员评分</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="43" />
            <source>Matched criteria</source>
            <translation>对照的判定标准</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="44" />
            <source>Criterion votes</source>
            <translation>标准表决</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="45" />
            <source>Disputes</source>
            <translation>争议</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="46" />
            <source>Dispute claims</source>
            <translation>争议主张</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="47" />
            <source>Printed sheets</source>
            <translation>已打印的表单</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="48" />
            <source>Inspections</source>
            <translation>检查</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="49" />
            <source>Inspectors</source>
            <translation>检查人员</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="50" />
            <source>Inspection answers</source>
            <translation>检查结果</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="51" />
            <source>Inspection photos</source>
            <translation>检查照片</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="52" />
            <source>Rectification assignments</source>
            <translation>整改五定</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="53" />
            <source>Treatment plans</source>
            <translation>治理方案</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="54" />
            <source>Rectification progress notes</source>
            <translation>整改进展</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="55" />
            <source>Rectification photos</source>
            <translation>整改照片</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="56" />
            <source>Extension requests</source>
            <translation>延期申请</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="57" />
            <source>Acceptances</source>
            <translation>验收</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="58" />
            <source>Status changes</source>
            <translation>状态变更</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="59" />
            <source>Printed forms</source>
            <translation>已打印的文书</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="63" />
            <source>office register</source>
            <translation>办公室主库</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="64" />
            <source>field laptop</source>
            <translation>现场终端</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="68" />
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="69" />
            <source>Old number</source>
            <translation>原编号</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="70" />
            <source>Description</source>
            <translation>隐患描述</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="71" />
            <source>Location</source>
            <translation>位置</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="72" />
            <source>Equipment tag</source>
            <translation>设备位号</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="73" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="74" />
            <source>Subcategory</source>
            <translation>子类</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="75" />
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="76" />
            <source>Found by</source>
            <translation>排查人</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="77" />
            <source>Found at</source>
            <translation>发现时间</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="78" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="79" />
            <source>Grade</source>
            <translation>等级</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="80" />
            <source>Remark</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="81" />
            <source>Remarks</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="82" />
            <source>Deadline</source>
            <translation>整改期限</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="83" />
            <source>Responsible department</source>
            <translation>责任部门</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="84" />
            <source>Responsible person</source>
            <translation>责任人</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="85" />
            <source>Measures</source>
            <translation>整改措施</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="86" />
            <source>Funds</source>
            <translation>资金</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="87" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="88" />
            <source>Note</source>
            <translation>说明</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="89" />
            <source>Text</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="90" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="91" />
            <source>Active</source>
            <translation>在用</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="92" />
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="123" />
            <source>(empty)</source>
            <translation>（空）</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="125" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/common.py" line="125" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
        <location filename="../../hazard_desktop/ui/exchange/common.py" line="1"/>
        <source>Found by (old ledger)</source>
        <translation>发现人（原台账）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/exchange/common.py" line="1"/>
        <source>Found on a day without a time (old ledger)</source>
        <translation>仅有发现日期（原台账）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/exchange/common.py" line="1"/>
        <source>Saved statistics reports</source>
        <translation>已保存的统计报表</translation>
    </message>
</context>
    <context>
        <name>ExchangeActions</name>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/actions.py" line="47" />
            <source>Expor&amp;t exchange file…</source>
            <translation>导出交换包(&amp;T)…</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/actions.py" line="50" />
            <source>Write what the office or a laptop lacks to one file, on a USB drive</source>
            <translation>把办公室或现场终端缺少的记录写入一个文件（存到 U 盘）</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/actions.py" line="54" />
            <source>Import exchan&amp;ge file…</source>
            <translation>导入交换包(&amp;G)…</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/actions.py" line="57" />
            <source>See what a file from the office or a laptop brings, then import it</source>
            <translation>先查看办公室或现场终端的交换包带来什么，再导入</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/actions.py" line="61" />
            <source>Exchange &amp;conflicts…</source>
            <translation>交换冲突(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/actions.py" line="64" />
            <source>Records changed on two computers: choose, field by field, what to keep</source>
            <translation>两台电脑上都改过的记录：逐项选择要保留的内容</translation>
        </message>
    </context>
    <context>
        <name>ExchangeMessages</name>
        <message>
            <source>The office register knows another computer as {short}: this computer joined with a join file that had already been used, so its hazard numbers may repeat that computer's. Stop recording here and ask the office to register a new code for this computer. Nothing was imported.</source>
            <translation>办公室主库把 {short} 记为另一台电脑：本机是用一个已经用过的加入文件加入的，其隐患编号可能与那台电脑重复。请停止在本机登记，并请办公室为本机登记新的简码。没有导入任何内容。</translation>
        </message>
        <message>
            <source>This join file was already used: the office has received files from the computer that joined as {short}. Ask the office to register a new code for this computer and export a join file for it. Nothing was imported.</source>
            <translation>此加入文件已经用过：办公室已收到以 {short} 加入的那台电脑的交换包。请办公室为本机登记新的简码，并为它导出加入文件。没有导入任何内容。</translation>
        </message>
        <message>
            <source>The exchange file could not be read ({reason}). Was the USB drive removed? Nothing was imported.</source>
            <translation>无法读取交换包（{reason}）。U 盘是否已拔出？没有导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="14" />
            <source>The short code is 1 to {max} letters, digits or hyphens, e.g. “A3”.</source>
            <translation>代号为 1 到 {max} 个字母、数字或连字符，例如“A3”。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="17" />
            <source>The role cannot be changed: a laptop that joined a plant cannot become the office register, and an office register with laptops cannot become a laptop.</source>
            <translation>不能更改角色：已加入工厂的现场终端不能改为办公室主库，已登记现场终端的办公室主库也不能改为现场终端。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="22" />
            <source>Only the office register registers laptops.</source>
            <translation>只有办公室主库可以登记现场终端。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="23" />
            <source>No number range is left for another laptop (49 laptops are registered).</source>
            <translation>没有可分配给新终端的编号段了（已登记 49 台现场终端）。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="26" />
            <source>This short code is already used in the plant. Choose another one.</source>
            <translation>这个代号在本厂已被使用，请换一个。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="29" />
            <source>This laptop has used all 9,999 numbers of its range for this year.</source>
            <translation>本终端今年编号段内的 9999 个编号已全部用完。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="32" />
            <source>The number range {slot} is not valid.</source>
            <translation>编号段 {slot} 无效。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="33" />
            <source>This computer has no exchange identity yet. Set its short code and role in Tools → Settings → Exchange first.</source>
            <translation>本机还没有交换身份。请先在“工具 → 设置 → 交换”中设置代号和角色。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="37" />
            <source>“{peer}” is not an installation of this plant that this computer knows.</source>
            <translation>“{peer}”不是本机已知的本厂安装。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="40" />
            <source>There is no one to send to yet: a laptop first joins its plant with the office's file; the office registers its laptops in Settings → Exchange.</source>
            <translation>还没有可发送的对象：现场终端要先用办公室的交换包加入工厂；办公室在“设置 → 交换”中登记现场终端。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="45" />
            <source>Cancelled: nothing was written.</source>
            <translation>已取消：没有写入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="46" />
            <source>The folder does not exist (was the USB drive removed?). Nothing was written.</source>
            <translation>文件夹不存在（U 盘是否已拔出？）。没有写入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="49" />
            <source>The exchange file could not be written ({reason}). Nothing was left behind; check that the drive is in place and has room.</source>
            <translation>交换包无法写入（{reason}）。没有留下任何文件；请检查 U 盘是否插好、空间是否足够。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="54" />
            <source>This is not an exchange file of this program (.hzx). Nothing was imported.</source>
            <translation>这不是本程序的交换包（.hzx）。没有导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="57" />
            <source>The exchange file is incomplete (the copy was cut short, or the drive was removed too early). Copy it again. Nothing was imported.</source>
            <translation>交换包不完整（复制中断，或 U 盘拔出过早）。请重新复制。没有导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="62" />
            <source>The exchange file is damaged or was altered after it was written ({entry} does not match its checksum). Copy it again from the other computer. Nothing was imported.</source>
            <translation>交换包已损坏或在写出后被改动（{entry} 与校验值不符）。请从对方电脑重新复制。没有导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="67" />
            <source>The exchange file is larger than any real one can be ({limit}). Nothing was imported.</source>
            <translation>交换包超出正常文件可能的大小（{limit}）。没有导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="70" />
            <source>The exchange file would unpack to far more than it holds (a damaged or hostile file). Nothing was imported.</source>
            <translation>交换包解压后会远大于其本身（文件损坏或有恶意）。没有导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="74" />
            <source>The exchange file names a file outside its own folder ({entry}); it is refused. Nothing was imported.</source>
            <translation>交换包中有指向自身目录以外的文件名（{entry}），已拒绝。没有导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="78" />
            <source>The exchange file was written by a newer version of the program (format {version}). Install the newer program here first. Nothing was imported.</source>
            <translation>交换包由更新版本的程序写出（格式 {version}）。请先在本机安装新版程序。没有导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="83" />
            <source>The exchange file comes from a newer version of the program (schema {revision}; this one has {ours}). Install the newer program here first. Nothing was imported.</source>
            <translation>交换包来自更新版本的程序（数据库版本 {revision}，本机为 {ours}）。请先在本机安装新版程序。没有导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="88" />
            <source>The exchange file comes from an older version of the program (schema {revision}; this one has {ours}). Update the program on the other computer. Nothing was imported.</source>
            <translation>交换包来自较旧版本的程序（数据库版本 {revision}，本机为 {ours}）。请升级对方电脑上的程序。没有导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="93" />
            <source>The exchange file comes from another plant ({plant}). Nothing was imported.</source>
            <translation>交换包来自其他工厂（{plant}）。没有导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="96" />
            <source>This exchange file was written by this computer itself. Nothing was imported.</source>
            <translation>这个交换包是本机自己导出的。没有导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="99" />
            <source>The exchange file is addressed to another installation ({to}). Nothing was imported.</source>
            <translation>交换包是发给另一台电脑（{to}）的。没有导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="103" />
            <source>To join a plant, import a file that the office register wrote for this laptop (the office registers the laptop first, then exports to it). Nothing was imported.</source>
            <translation>加入工厂需要导入办公室主库为本终端导出的交换包（办公室先登记本终端，再向它导出）。没有导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="108" />
            <source>This computer has no exchange identity and its register already holds data, so it cannot join a plant. If it is the office register, set its short code and role in Tools → Settings → Exchange; a laptop joins with an empty data folder. Nothing was imported.</source>
            <translation>本机还没有交换身份，且台账已有数据，因此不能加入工厂。如果这是办公室主库，请在“工具 → 设置 → 交换”中设置代号和角色；现场终端请用空的数据文件夹加入。没有导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="114" />
            <source>The exchange file comes from another installation with the same role: a laptop exchanges with the office register, the office with its laptops. Nothing was imported.</source>
            <translation>交换包来自角色相同的另一台电脑：现场终端与办公室主库交换，办公室主库与现场终端交换。没有导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="119" />
            <source>The file says it comes from {peer}, but this register knows {peer} as another computer: most likely a second computer joined with a copy of {peer}'s join file, so its hazard numbers may repeat {peer}'s. It is told to stop at its next import from here; register it under a new code and check forms printed there. Nothing was imported.</source>
            <translation>文件自称来自 {peer}，但本台账记录的 {peer} 是另一台电脑：很可能有第二台电脑用 {peer} 加入文件的副本加入了，其隐患编号可能与 {peer} 重复。它下次导入本机的交换包时会被告知停止使用；请为它登记新的代号，并核对它打印过的表单。没有导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="124" />
            <source>The exchange file holds records this version of the program does not know ({kind}). Install the newer program here first. Nothing was imported.</source>
            <translation>交换包含有本版本程序不认识的记录（{kind}）。请先在本机安装新版程序。没有导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="129" />
            <source>The exchange file's records do not fit this register ({kind}: {detail}). Nothing was imported.</source>
            <translation>交换包中的记录与本台账不相符（{kind}：{detail}）。没有导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="133" />
            <source>A record of the file ({kind}) names data this register does not have ({column} = {value}): import the other computer's earlier files first, or ask the office for a file with everything. Nothing was imported.</source>
            <translation>交换包中的一条记录（{kind}）引用了本台账没有的数据（{column} = {value}）：请先导入对方较早的交换包，或请办公室导出全部记录。没有导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="156" />
            <source>The file brings a person called {name} of {department}, and this register has a {name} there too: nothing tells the two apart. Give each of them their employee number (Tools → Settings → People) on the computer where they were entered, then export the file again. Nothing was imported.</source>
            <translation>交换包带来{department}的{name}，本台账该部门也有一位{name}，二者无法区分。请在录入他们的计算机上，在“工具 → 设置 → 人员”中为两人各自填写工号，然后重新导出交换包。没有导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="162" />
            <source>The file brings {name} with employee number {employee_no}, which {other} already has in this register. Correct the number (Tools → Settings → People), then export the file again. Nothing was imported.</source>
            <translation>交换包带来的{name}的工号为 {employee_no}，本台账中{other}已使用该工号。请在“工具 → 设置 → 人员”中更正工号，然后重新导出交换包。没有导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange_messages.py" line="138" />
            <source>This conflict was already resolved (perhaps in another window).</source>
            <translation>这个冲突已经解决了（可能在另一个窗口中）。</translation>
        </message>
    </context>
    <context>
        <name>ExchangePage</name>
        <message>
            <location filename="../../hazard_desktop/ui/dialogs/settings_pages/exchange.py" line="61" />
            <source>e.g. A3</source>
            <translation>例如 A3</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/dialogs/settings_pages/exchange.py" line="75" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/dialogs/settings_pages/exchange.py" line="78" />
            <source>This computer</source>
            <translation>本机</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/dialogs/settings_pages/exchange.py" line="80" />
            <source>Installation:</source>
            <translation>安装标识：</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/dialogs/settings_pages/exchange.py" line="81" />
            <source>Short code:</source>
            <translation>代号：</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/dialogs/settings_pages/exchange.py" line="82" />
            <source>Role:</source>
            <translation>角色：</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/dialogs/settings_pages/exchange.py" line="83" />
            <source>Plant:</source>
            <translation>工厂：</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/dialogs/settings_pages/exchange.py" line="84" />
            <source>Numbers:</source>
            <translation>编号：</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/dialogs/settings_pages/exchange.py" line="93" />
            <source>laptop's short code</source>
            <translation>终端代号</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/dialogs/settings_pages/exchange.py" line="94" />
            <source>Register laptop</source>
            <translation>登记现场终端</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/dialogs/settings_pages/exchange.py" line="98" />
            <source>A new laptop: register its short code here, export an exchange file to it, and import that file at the laptop's first start (empty data folder).</source>
            <translation>新的现场终端：先在这里登记它的代号，再向它导出交换包，然后在终端第一次启动（数据文件夹为空）时导入该文件。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/dialogs/settings_pages/exchange.py" line="111" />
            <source>Short code</source>
            <translation>代号</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/dialogs/settings_pages/exchange.py" line="111" />
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/dialogs/settings_pages/exchange.py" line="111" />
            <source>First number</source>
            <translation>起始编号</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/dialogs/settings_pages/exchange.py" line="111" />
            <source>Last sent</source>
            <translation>上次发出</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/dialogs/settings_pages/exchange.py" line="112" />
            <source>Last received</source>
            <translation>上次收到</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/dialogs/settings_pages/exchange.py" line="117" />
            <source>Other installations of the plant</source>
            <translation>本厂的其他电脑</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/dialogs/settings_pages/exchange.py" line="153" />
            <source>not set yet</source>
            <translation>尚未设置</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/dialogs/settings_pages/exchange.py" line="156" />
            <source>A laptop gets its number range when it joins the plant; the office numbers from %1.</source>
            <translation>现场终端在加入工厂时获得编号段；办公室主库从 %1 开始编号。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/dialogs/settings_pages/exchange.py" line="166" />
            <source>None yet: this laptop has not joined its plant.</source>
            <translation>暂无：本终端还没有加入工厂。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/dialogs/settings_pages/exchange.py" line="169" />
            <source>New hazards here are numbered from %1 on, unique in the plant.</source>
            <translation>本机新登记的隐患从 %1 开始编号，全厂唯一。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/dialogs/settings_pages/exchange.py" line="177" />
            <source>Given by the office when this laptop joined.</source>
            <translation>加入工厂时由办公室分配。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/dialogs/settings_pages/exchange.py" line="217" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/dialogs/settings_pages/exchange.py" line="236" />
            <source>Laptop %1 registered: it numbers from %2. Now export an exchange file to it.</source>
            <translation>已登记现场终端 %1：从 %2 开始编号。现在请向它导出交换包。</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/export_dialog.py" line="78" />
            <source>Export exchange file</source>
            <translation>导出交换包</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/export_dialog.py" line="85" />
            <source>Everything (not only what the receiver lacks)</source>
            <translation>全部记录（不只是对方缺少的）</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/export_dialog.py" line="87" />
            <source>For a laptop set up again, or when the receiver lost its data; the file is larger.</source>
            <translation>用于重装的终端或对方数据丢失时；文件会更大。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/export_dialog.py" line="91" />
            <source>Other folder…</source>
            <translation>其他文件夹…</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/export_dialog.py" line="100" />
            <source>Send to:</source>
            <translation>发送给：</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/export_dialog.py" line="102" />
            <source>Save to:</source>
            <translation>保存到：</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/export_dialog.py" line="103" />
            <source>File:</source>
            <translation>文件：</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/export_dialog.py" line="112" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/export_dialog.py" line="162" />
            <source>This computer has no exchange identity yet: set its short code and role in Tools → Settings → Exchange.</source>
            <translation>本机还没有交换身份：请在“工具 → 设置 → 交换”中设置代号和角色。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/export_dialog.py" line="169" />
            <source>This computer: %1 (%2) of %3</source>
            <translation>本机：%1（%2），%3</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/export_dialog.py" line="176" />
            <source>The office register</source>
            <translation>办公室主库</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/export_dialog.py" line="179" />
            <source>%1 (%2), last sent %3</source>
            <translation>%1（%2），上次发出 %3</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/export_dialog.py" line="179" />
            <source>%1 (%2), nothing sent yet</source>
            <translation>%1（%2），尚未发出过</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/export_dialog.py" line="183" />
            <source>No laptop registered yet: everything</source>
            <translation>尚未登记现场终端：全部记录</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/export_dialog.py" line="208" />
            <source>USB drive %1</source>
            <translation>U 盘 %1</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/export_dialog.py" line="243" />
            <source>Folder for the exchange file</source>
            <translation>交换包的保存文件夹</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/export_dialog.py" line="282" />
            <source>Writing the exchange file…</source>
            <translation>正在写入交换包…</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/export_dialog.py" line="310" />
            <source>Written: %1
%2 records, %3 photos, %4.</source>
            <translation>已写入：%1
%2 条记录，%3 张照片，%4。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/export_dialog.py" line="314" />
            <source>Remove the USB drive safely (eject it) before pulling it out.</source>
            <translation>拔出 U 盘前请先安全弹出。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/export_dialog.py" line="328" />
            <source>Cancelled: nothing was written.</source>
            <translation>已取消：没有写入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/export_dialog.py" line="346" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
    </context>
    <context>
        <name>FirstStartDialog</name>
        <message>
            <source>The join file could not be removed (a write-protected drive?). Delete it yourself: it must not be used for another computer.</source>
            <translation>加入文件无法删除（U 盘写保护？）。请手动删除它：它不能再用于另一台电脑。</translation>
        </message>
        <message>
            <source>The join file was used up and removed: it cannot make another computer join.</source>
            <translation>加入文件已用过并已删除：它不能再让另一台电脑加入。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/first_start.py" line="62" />
            <source>Welcome</source>
            <extracomment>``join(file, progress) -&gt; ImportResult`` (``app.join_plant`` bound to the data folder).</extracomment>
            <translation>欢迎使用</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/first_start.py" line="67" />
            <source>The data folder %1 holds no register yet. Is this the plant's office register (or a computer used on its own), or a field laptop joining its plant?</source>
            <translation>数据文件夹 %1 中还没有台账。这台电脑是本厂的办公室主库（或单独使用），还是要加入工厂的现场终端？</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/first_start.py" line="73" />
            <source>Start a new register</source>
            <translation>新建台账</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/first_start.py" line="75" />
            <source>Join a plant with the office's file…</source>
            <translation>用办公室的交换包加入工厂…</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/first_start.py" line="84" />
            <source>Choose file…</source>
            <translation>选择文件…</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/first_start.py" line="106" />
            <source>Join</source>
            <translation>加入</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/first_start.py" line="110" />
            <source>Open the register</source>
            <translation>打开台账</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/first_start.py" line="164" />
            <source>Exchange files on the USB drive, newest first:</source>
            <translation>U 盘上的交换包（最新的在前）：</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/first_start.py" line="170" />
            <source>No exchange file on a USB drive. Plug in the drive with the office's file, or choose it.</source>
            <translation>U 盘上没有交换包。请插入存有办公室交换包的 U 盘，或手动选择文件。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/first_start.py" line="181" />
            <source>File: %1</source>
            <translation>文件：%1</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/first_start.py" line="186" />
            <source>The office's exchange file</source>
            <translation>办公室的交换包</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/first_start.py" line="187" />
            <source>Exchange files (*%1);;All files (*)</source>
            <translation>交换包 (*%1);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/first_start.py" line="200" />
            <source>Joining the plant…</source>
            <translation>正在加入工厂…</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/first_start.py" line="227" />
            <source>This laptop has joined %1. Its findings are numbered in its own range; export them to the office with File → Export exchange file.</source>
            <translation>本终端已加入 %1。本机发现的隐患使用自己的编号段；用“文件 → 导出交换包”交给办公室。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/first_start.py" line="249" />
            <source>Cancelled: the data folder was left as it was.</source>
            <translation>已取消：数据文件夹保持原样。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/first_start.py" line="259" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="83" />
            <source>Import exchange file</source>
            <translation>导入交换包</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="91" />
            <source>Choose file…</source>
            <translation>选择文件…</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="102" />
            <source>Records</source>
            <translation>记录</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="102" />
            <source>New</source>
            <translation>新增</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="102" />
            <source>Changed</source>
            <translation>变更</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="102" />
            <source>Unchanged</source>
            <translation>未变</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="102" />
            <source>Conflicts</source>
            <translation>冲突</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="121" />
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="125" />
            <source>Resolve conflicts…</source>
            <translation>解决冲突…</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="192" />
            <source>%1  (%2, %3)</source>
            <translation>%1  （%2，%3）</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="203" />
            <source>Exchange files on %1, newest first:</source>
            <translation>%1 上的交换包（最新的在前）：</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="205" />
            <source>No exchange file on %1. Choose one elsewhere.</source>
            <translation>%1 上没有交换包。请从其他位置选择。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="209" />
            <source>Exchange files found, newest first:</source>
            <translation>找到的交换包（最新的在前）：</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="211" />
            <source>No exchange file on a USB drive. Plug in the drive with the file, or choose it.</source>
            <translation>U 盘上没有交换包。请插入存有交换包的 U 盘，或手动选择文件。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="225" />
            <source>Choose an exchange file</source>
            <translation>选择交换包</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="227" />
            <source>Exchange files (*%1);;All files (*)</source>
            <translation>交换包 (*%1);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="249" />
            <source>Checking the file…</source>
            <translation>正在检查文件…</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="288" />
            <source>From %1 (%2) of %3, written %4.</source>
            <translation>来自 %1（%2），%3，写于 %4。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="311" />
            <source>This file was imported already: it brings nothing new.</source>
            <translation>这个文件已经导入过：没有新内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="314" />
            <source>Importing makes this computer a laptop of %1 with the short code the office gave it.</source>
            <translation>导入后本机将成为 %1 的现场终端，使用办公室分配的代号。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="321" />
            <source>%n record(s) were changed here and there since the last exchange: both versions are kept and the hazards are marked until you choose, field by field, in the conflict window.</source>
            <translation>
                <numerusform>%n 条记录自上次交换以来在两边都被修改过：两个版本都会保留，隐患会被标记，直到您在冲突窗口中逐项选择。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="328" />
            <source>Nothing is written until you press Import.</source>
            <translation>按“导入”之前不会写入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="346" />
            <source>Importing…</source>
            <translation>正在导入…</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="373" />
            <source>Nothing was written: this file was imported already.</source>
            <translation>没有写入任何内容：这个文件已经导入过。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="377" />
            <source>Imported: %1 new and %2 changed records, %3 new photos.</source>
            <translation>已导入：新增 %1 条、变更 %2 条记录，新增照片 %3 张。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="380" />
            <source>This computer has joined %1.</source>
            <translation>本机已加入 %1。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="383" />
            <source>%n conflict(s) wait for your choice.</source>
            <translation>
                <numerusform>%n 处冲突等待您选择。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="407" />
            <source>Cancelled: nothing was imported.</source>
            <translation>已取消：没有导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="292" />
            <source>Check cancelled: nothing was imported. Choose a file to check it again.</source>
            <translation>已取消检查：没有导入任何内容。请重新选择文件再检查。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="419" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="477" />
            <source>No photos in the file.</source>
            <translation>文件中没有照片。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/exchange/import_dialog.py" line="478" />
            <source>Photos in the file: %1 (%2 new, %3 already here).</source>
            <translation>文件中的照片：%1 张（新增 %2 张，本机已有 %3 张）。</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Exchange</source>
            <translation>交换</translation>
        </message>
    </context>
    <context>
        <name>RegisterFilterBar</name>
        <message>
            <source>Exchange conflict</source>
            <translation>交换冲突</translation>
        </message>
    </context>
    <context>
        <name>RegisterModel</name>
        <message>
            <source>Exchange conflict: changed here and on another computer (File → Exchange conflicts…)</source>
            <translation>交换冲突：本机和另一台电脑都改过（文件 → 交换冲突…）</translation>
        </message>
    </context>
</TS>