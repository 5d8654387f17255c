<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditLog</name>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="58"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="59"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="60"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="61"/>
        <source>Use case</source>
        <translation>用例</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="62"/>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="63"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="64"/>
        <source>Before</source>
        <translation>之前摘要</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="65"/>
        <source>After</source>
        <translation>之后摘要</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="66"/>
        <source>Hash</source>
        <translation>哈希</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="144"/>
        <source>Entry {seq} was altered (its hash does not match): table {table}, record {record}</source>
        <translation>第 {seq} 条日志被改动（哈希不符）：表 {table}，记录 {record}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="147"/>
        <source>Entry {seq} is not linked to the one before: table {table}, record {record}</source>
        <translation>第 {seq} 条日志与前一条断开：表 {table}，记录 {record}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="150"/>
        <source>Entries are missing before entry {seq}: table {table}, record {record}</source>
        <translation>第 {seq} 条日志之前缺少日志：表 {table}，记录 {record}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="153"/>
        <source>Table {table}, record {record} was changed outside the program (differs from entry {seq})</source>
        <translation>表 {table} 的记录 {record} 在程序之外被修改（与第 {seq} 条日志不符）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="156"/>
        <source>Table {table}, record {record} was deleted outside the program (last entry {seq})</source>
        <translation>表 {table} 的记录 {record} 在程序之外被删除（最后记录于第 {seq} 条日志）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="159"/>
        <source>Table {table}, record {record} was added outside the program (no entry)</source>
        <translation>表 {table} 的记录 {record} 在程序之外被添加（无日志）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="168"/>
        <source>The trail is intact: {entries} entries chained, {records} records as last recorded.</source>
        <translation>审计日志完好：{entries} 条日志链接无误，{records} 条记录与最后记录一致。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="173"/>
        <source>{count} break(s) found. First: {first}</source>
        <translation>发现 {count} 处断裂。第一处：{first}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_actions.py" line="14"/>
        <source>A&amp;udit trail…</source>
        <translation>审计日志(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_actions.py" line="16"/>
        <source>Who changed what, when; verify the chain; export it</source>
        <translation>谁在何时改了什么；校验哈希链；导出</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="189"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="197"/>
        <source>record id or part of it</source>
        <translation>记录编号或其一部分</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="198"/>
        <source>From</source>
        <translation>日期从</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="208"/>
        <source>&amp;Filter</source>
        <translation>筛选(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="215"/>
        <source>Who:</source>
        <translation>操作人：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="217"/>
        <source>Use case:</source>
        <translation>用例：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="219"/>
        <source>Table:</source>
        <translation>表：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="222"/>
        <source>Record:</source>
        <translation>记录：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="226"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="248"/>
        <source>&amp;Verify the chain</source>
        <translation>校验哈希链(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="251"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="254"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="274"/>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="302"/>
        <source>Showing the newest {count} entries; narrow the filter or export.</source>
        <translation>仅显示最新的 {count} 条；请缩小筛选范围或导出。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="305"/>
        <source>{count} entries.</source>
        <translation>共 {count} 条。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="326"/>
        <source>audit-trail-{day}.csv</source>
        <translation>审计日志-{day}.csv</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="328"/>
        <source>Export the audit trail</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="328"/>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV 文件 (*.csv);;JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="348"/>
        <source>The trail could not be exported: {detail}</source>
        <translation>无法导出审计日志：{detail}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="352"/>
        <source>{count} entries exported with their chain to {path}</source>
        <translation>已将 {count} 条日志（含哈希链）导出到 {path}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="1"/>
        <source>&amp;Cancel verification</source>
        <translation>取消校验(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="1"/>
        <source>Verifying the chain and every record…</source>
        <translation>正在校验哈希链和每条记录…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="1"/>
        <source>Verification cancelled; nothing was checked to the end.</source>
        <translation>校验已取消，未校验完毕。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="1"/>
        <source>Verifying… {count} entries checked.</source>
        <translation>正在校验…已校验 {count} 条日志。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="1"/>
        <source>The trail could not be read: {detail}</source>
        <translation>无法读取审计日志：{detail}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="1"/>
        <source>The work failed unexpectedly; the log file has the details.</source>
        <translation>操作意外失败，详情见日志文件。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_log.py" line="1"/>
        <source>Exporting the trail to {path}…</source>
        <translation>正在导出审计日志到 {path}…</translation>
    </message>
</context>
<context>
    <name>AuditMessages</name>
    <message>
        <location filename="../../hazard_desktop/ui/audit_messages.py" line="10"/>
        <source>The audit trail is exported as a .csv or .json file only. Nothing was written.</source>
        <translation>审计日志只能导出为 .csv 或 .json 文件。未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/audit_messages.py" line="13"/>
        <source>The folder {path} does not exist. Nothing was written.</source>
        <translation>文件夹 {path} 不存在。未写入任何内容。</translation>
    </message>
</context>
</TS>
