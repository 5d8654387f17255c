<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Features</name>
    <message>
        <location filename="../../hazard_desktop/ui/features.py" line="16"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/features.py" line="18"/>
        <source>Departments, people, categories, LEC tables, thresholds, criteria, plant name</source>
        <translation>部门、人员、隐患类别、LEC 取值表、分级阈值、重大隐患判定标准、工厂名称</translation>
    </message>
</context>
</TS>
