<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own texts that Qt 6.11's qtbase_zh_CN.qm lacks (its catalogue has "Look in:", but the widget file
     dialog's labels read "&Look in:" and "Files of &type:"): without these the Chinese 添加照片 and 另存为 PDF
     dialogs showed two English labels. Contexts and sources are Qt's own, so they must stay as they are. -->
<TS version="2.1" language="zh_CN">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
</TS>
