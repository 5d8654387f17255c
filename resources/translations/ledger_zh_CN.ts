<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>LedgerImport</name>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="58" />
            <source>(not imported)</source>
            <translation>（不导入）</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="59" />
            <source>Serial no. (ignored)</source>
            <translation>序号（不导入）</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="60" />
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="109" />
            <source>Old number</source>
            <translation>原编号</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="61" />
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="112" />
            <source>Description</source>
            <translation>隐患描述</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="62" />
            <source>Place</source>
            <translation>隐患部位</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="63" />
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="111" />
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="64" />
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="110" />
            <source>Date found</source>
            <translation>发现日期</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="65" />
            <location filename="../../hazard_desktop/ui/ledger/origin_section.py" line="21" />
            <source>Found by</source>
            <translation>排查人</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="66" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="67" />
            <location filename="../../hazard_desktop/ui/ledger/origin_section.py" line="22" />
            <source>Old grade (kept as text)</source>
            <translation>原等级（按文字保留）</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="68" />
            <location filename="../../hazard_desktop/ui/ledger/origin_section.py" line="23" />
            <source>Rectification measures</source>
            <translation>整改措施</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="69" />
            <location filename="../../hazard_desktop/ui/ledger/origin_section.py" line="24" />
            <source>Person responsible</source>
            <translation>责任人</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="70" />
            <location filename="../../hazard_desktop/ui/ledger/origin_section.py" line="25" />
            <source>Deadline</source>
            <translation>整改期限</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="71" />
            <location filename="../../hazard_desktop/ui/ledger/origin_section.py" line="26" />
            <source>Completion</source>
            <translation>完成情况</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="72" />
            <location filename="../../hazard_desktop/ui/ledger/origin_section.py" line="27" />
            <source>Date completed</source>
            <translation>完成日期</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="73" />
            <location filename="../../hazard_desktop/ui/ledger/origin_section.py" line="28" />
            <source>Remarks</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="74" />
            <source>L (likelihood)</source>
            <translation>L（可能性）</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="75" />
            <source>E (exposure)</source>
            <translation>E（暴露频繁程度）</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="76" />
            <source>C (consequence)</source>
            <translation>C（后果严重程度）</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="77" />
            <source>D (score)</source>
            <translation>D（风险值）</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="80" />
            <source>New</source>
            <translation>新增</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="81" />
            <source>Imported before</source>
            <translation>已导入过</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="82" />
            <source>Refused</source>
            <translation>拒绝</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="107" />
            <source>Row</source>
            <translation>行号</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="108" />
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="113" />
            <source>D</source>
            <translation>D</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="114" />
            <source>Problems</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="505" />
            <location filename="../../hazard_desktop/ui/ledger/actions.py" line="50" />
            <location filename="../../hazard_desktop/ui/ledger/actions.py" line="69" />
            <source>Import a ledger</source>
            <translation>导入台账</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/actions.py" line="25" />
            <source>&amp;Import a ledger…</source>
            <translation>导入台账(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/actions.py" line="28" />
            <source>Import the hazards of a legacy Excel ledger (.xlsx, .csv)</source>
            <translation>导入旧 Excel 隐患台账中的隐患（.xlsx、.csv）</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/actions.py" line="52" />
            <source>Ledgers (*.xlsx *.xlsm *.csv);;All files (*)</source>
            <translation>台账 (*.xlsx *.xlsm *.csv);;所有文件 (*)</translation>
        </message>
    </context>
    <context>
        <name>LedgerImportDialog</name>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="193" />
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="437" />
            <source>Import a ledger</source>
            <translation>导入台账</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="206" />
            <source>File: {name}</source>
            <translation>文件：{name}</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="222" />
            <source>Data starts at row</source>
            <translation>数据起始行</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="224" />
            <source>Sheet</source>
            <translation>工作表</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="234" />
            <source>(none: refuse rows without one)</source>
            <translation>（无：未填写的行不导入）</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="243" />
            <source>Department if none</source>
            <translation>未填部门时</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="245" />
            <source>Category if none</source>
            <translation>未填类别时</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="247" />
            <source>Recorded by</source>
            <translation>登记人</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="253" />
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="253" />
            <source>Header</source>
            <translation>表头</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="253" />
            <source>Imported as</source>
            <translation>导入为</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="265" />
            <source>Only rows with problems</source>
            <translation>只显示有问题的行</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="286" />
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="399" />
            <source>{new} new (of them {warned} with notes), {known} imported before, {refused} refused.</source>
            <translation>新增 {new} 行（其中 {warned} 行有提示），已导入过 {known} 行，拒绝 {refused} 行。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="403" />
            <source>Nothing to import.</source>
            <translation>没有可导入的行。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="405" />
            <source>Import %n row(s)</source>
            <translation>
                <numerusform>导入 %n 行</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="435" />
            <source>Importing the ledger…</source>
            <translation>正在导入台账…</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="435" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="463" />
            <source>Nothing new: every row was imported before or has problems. Nothing was changed.</source>
            <translation>没有新的行：各行均已导入过或有问题。未做任何更改。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/import_dialog.py" line="466" />
            <source>{new} hazards imported ({first} … {last}); {known} imported before, {refused} refused.</source>
            <translation>已导入 {new} 条隐患（{first} … {last}）；{known} 行以前已导入，{refused} 行被拒绝。</translation>
        </message>
    </context>
    <context>
        <name>LedgerMessages</name>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="16" />
            <source>The file is not an Excel workbook (.xlsx) or it is damaged. Nothing was imported.</source>
            <translation>该文件不是 Excel 工作簿（.xlsx）或已损坏。未导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="19" />
            <source>The workbook is protected by a password. Remove the password in Excel or WPS, save it and import that file. Nothing was imported.</source>
            <translation>该工作簿设有打开密码。请在 Excel 或 WPS 中取消密码并保存，再导入该文件。未导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="24" />
            <source>This is the old .xls format. Open it in Excel or WPS, save it as .xlsx and import that file. Nothing was imported.</source>
            <translation>这是旧的 .xls 格式。请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入。未导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="29" />
            <source>This is the binary .xlsb format. Save it as .xlsx and import that file. Nothing was imported.</source>
            <translation>这是二进制 .xlsb 格式。请另存为 .xlsx 后再导入。未导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="33" />
            <source>A sheet has more than {max} rows, which is no hazard ledger (perhaps a stray cell far down). Nothing was imported.</source>
            <translation>工作表超过 {max} 行，不像一本隐患台账（可能末尾有误填的单元格）。未导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="38" />
            <source>The file is too large or unpacks to far too much (limit {max_mb} MB). Nothing was imported.</source>
            <translation>文件过大或解压后异常庞大（上限 {max_mb} MB）。未导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="41" />
            <source>The file cannot be read: {detail}</source>
            <translation>无法读取该文件：{detail}</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="42" />
            <source>The workbook has no visible sheet.</source>
            <translation>工作簿中没有可见的工作表。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="43" />
            <source>No ledger header was found in the first 30 rows: a column such as 隐患描述 or 存在问题 is needed. Nothing was imported.</source>
            <translation>前 30 行中找不到台账表头：至少需要“隐患描述”或“存在问题”等列。未导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="48" />
            <source>Choose the column that holds the hazard description.</source>
            <translation>请指定隐患描述所在的列。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="51" />
            <source>Choose the column that holds the date found.</source>
            <translation>请指定发现日期所在的列。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="52" />
            <source>Two columns are set to the same field.</source>
            <translation>有两列被指定为同一字段。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="53" />
            <source>Choose the person who records the import.</source>
            <translation>请选择登记人。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="54" />
            <source>No people are registered yet: add them in the settings first (imported hazards need a recorder).</source>
            <translation>尚未登记任何人员：请先在设置中添加人员（导入的隐患需要记录登记人）。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="58" />
            <source>The import was cancelled. Nothing was imported.</source>
            <translation>导入已取消，未导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="62" />
            <source>no date found</source>
            <translation>缺少发现日期</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="63" />
            <source>date not understood: {value}</source>
            <translation>日期无法识别：{value}</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="64" />
            <source>date in the future: {value}</source>
            <translation>日期在将来：{value}</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="65" />
            <source>no description</source>
            <translation>缺少隐患描述</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="66" />
            <source>unknown department: {value}</source>
            <translation>未知部门：{value}</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="67" />
            <source>no department (choose a default)</source>
            <translation>缺少部门（可选择默认部门）</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="68" />
            <source>no place: the department {value} is used</source>
            <translation>缺少部位，记为部门“{value}”</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="69" />
            <source>unknown category {value}: the default is used</source>
            <translation>未知类别“{value}”，使用默认类别</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="80" />
            <source>several people are called {value}: the finder is kept as the ledger's text</source>
            <translation>有多人名为“{value}”：发现人按原台账文字保留</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="80" />
            <source>unknown category {value} (choose a default)</source>
            <translation>未知类别“{value}”（可选择默认类别）</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="83" />
            <source>no category (choose a default)</source>
            <translation>缺少类别（可选择默认类别）</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="70" />
            <source>{factor} = {value} is off the scale ({allowed}): LEC not imported</source>
            <translation>{factor} = {value} 不在取值表中（{allowed}），不导入 LEC</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="73" />
            <source>L/E/C incomplete and no D: LEC not imported</source>
            <translation>L/E/C 不全且无 D，不导入 LEC</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="74" />
            <source>D is not a number: {value}</source>
            <translation>D 不是数字：{value}</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="75" />
            <source>D = {value} is not L×E×C = {computed}: the product is kept</source>
            <translation>D = {value} 与 L×E×C = {computed} 不符，取乘积</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="78" />
            <source>number {value} repeats row {row}</source>
            <translation>原编号 {value} 与第 {row} 行重复</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="79" />
            <source>same as row {row}</source>
            <translation>与第 {row} 行内容相同</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="80" />
            <source>formula error {value} in a cell</source>
            <translation>单元格公式错误 {value}</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="81" />
            <source>holds control characters</source>
            <translation>含有控制字符</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger_messages.py" line="82" />
            <source>text longer than {max} characters</source>
            <translation>文字超过 {max} 字</translation>
        </message>
        <message>
            <source>The ledger is an Excel workbook: name the file “….xlsx”.</source>
            <translation>台账是 Excel 工作簿：文件名须以 .xlsx 结尾。</translation>
        </message>
        <message>
            <source>The folder {folder} does not exist. Choose an existing folder.</source>
            <translation>文件夹 {folder} 不存在。请选择已有的文件夹。</translation>
        </message>
        <message>
            <source>{path} is a folder, not a file name.</source>
            <translation>{path} 是一个文件夹，不是文件名。</translation>
        </message>
        <message>
            <source>Nothing can be written in the folder {folder} (read-only or no permission). Choose another folder.</source>
            <translation>无法在文件夹 {folder} 中写入文件（只读或没有权限）。请换一个文件夹。</translation>
        </message>
    </context>
    <context>
        <name>LedgerOriginSection</name>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/origin_section.py" line="44" />
            <source>Imported from an old ledger</source>
            <translation>导入自旧台账</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/origin_section.py" line="82" />
            <source>{file} · sheet {sheet} · row {row}</source>
            <translation>{file} · 工作表 {sheet} · 第 {row} 行</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/origin_section.py" line="85" />
            <source>Source:</source>
            <translation>来源：</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/origin_section.py" line="87" />
            <source>Old number:</source>
            <translation>原编号：</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/origin_section.py" line="98" />
            <source>Old LEC:</source>
            <translation>原台账 LEC：</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/origin_section.py" line="99" />
            <source>{values} — imported history, not a panel's grading</source>
            <translation>{values}（导入的历史记录，不是判定小组的分级）</translation>
        </message>
        <message>
            <location filename="../../hazard_desktop/ui/ledger/origin_section.py" line="105" />
            <source>:</source>
            <translation>：</translation>
        </message>
    </context>
    <context>
        <name>LedgerExportActions</name>
        <message>
            <source>E&amp;xport ledger (.xlsx)…</source>
            <translation>导出台账 (.xlsx)(&amp;X)…</translation>
        </message>
        <message>
            <source>Save the hazards the register shows (its filter and order) as an Excel ledger</source>
            <translation>把台账当前显示的隐患（按当前筛选和排序）导出为 Excel 隐患排查治理台账</translation>
        </message>
        <message>
            <source>Hazard ledger {day}.xlsx</source>
            <translation>隐患排查治理台账 {day}.xlsx</translation>
        </message>
        <message>
            <source>Export ledger</source>
            <translation>导出台账</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Exporting the ledger…</source>
            <translation>正在导出台账…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Exporting hazard {done} of {total}…</source>
            <translation>正在导出第 {done} 条，共 {total} 条…</translation>
        </message>
        <message>
            <source>Exported {count} hazards to {path}</source>
            <translation>已导出 {count} 条隐患到 {path}</translation>
        </message>
        <message>
            <source>The ledger cannot be written: {error}</source>
            <translation>无法写入台账：{error}。未留下任何文件。</translation>
        </message>
        <message>
            <source>The ledger could not be exported: {error}</source>
            <translation>未能导出台账：{error}</translation>
        </message>
        <message>
            <source>Export cancelled; no file was written.</source>
            <translation>已取消导出，未写入任何文件。</translation>
        </message>
    </context>
</TS>