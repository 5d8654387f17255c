<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
<context>
    <name>LedgerMessages</name>
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
</TS>
