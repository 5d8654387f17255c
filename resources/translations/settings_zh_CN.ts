<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BandTableModel</name>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="184"/>
        <source>Rank</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="185"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="186"/>
        <source>Name (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="187"/>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="188"/>
        <source>Action (Chinese)</source>
        <translation>措施（中文）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="189"/>
        <source>Action (English)</source>
        <translation>措施（英文）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="190"/>
        <source>Lower limit</source>
        <translation>下限</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="191"/>
        <source>Upper limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="192"/>
        <source>D range</source>
        <translation>D 值范围</translation>
    </message>
</context>
<context>
    <name>CategoriesPage</name>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/categories.py" line="81"/>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/categories.py" line="103"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/categories.py" line="89"/>
        <source>The codes are those of the rule and cannot be changed; only the names can be edited.</source>
        <translation>编号由制度规定，不能修改；只能编辑名称。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/categories.py" line="92"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/categories.py" line="93"/>
        <source>Belongs to</source>
        <translation>所属类别</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/categories.py" line="94"/>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/categories.py" line="95"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/categories.py" line="103"/>
        <source>Subcategory</source>
        <translation>子类别</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/categories.py" line="106"/>
        <source>— (top-level category)</source>
        <translation>—（一级类别）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/categories.py" line="127"/>
        <source>Names of %1 saved.</source>
        <translation>%1 的名称已保存。</translation>
    </message>
</context>
<context>
    <name>CategoryTableModel</name>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/categories.py" line="56"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/categories.py" line="56"/>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/categories.py" line="56"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
</context>
<context>
    <name>CriteriaPage</name>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="91"/>
        <source>Search code, clause or text</source>
        <translation>搜索编号、条款或内容</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="92"/>
        <source>Show retired versions</source>
        <translation>显示已废止的版本</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="108"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="109"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="110"/>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="111"/>
        <source>Category</source>
        <translation>隐患类别</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="112"/>
        <source>Criterion</source>
        <translation>标准内容</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="115"/>
        <source>Retire</source>
        <translation>废止</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="131"/>
        <source>— none —</source>
        <translation>—（无）—</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="143"/>
        <source>Add criterion</source>
        <translation>新增标准</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="143"/>
        <source>Save as new version</source>
        <translation>另存为新版本</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="147"/>
        <source>Criterion %1</source>
        <translation>判定标准 %1</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="154"/>
        <source>Version %1, in force since %2.</source>
        <translation>第 %1 版，自 %2 起现行有效。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="156"/>
        <source>Saving a change stores version %1 and retires this one.</source>
        <translation>保存修改将生成第 %1 版，并废止本版。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="160"/>
        <source>Version %1, retired %2. It is kept for the gradings that cite it and cannot be changed.</source>
        <translation>第 %1 版，已于 %2 废止。为引用它的判定记录存档保留，不能修改。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="167"/>
        <source>New criterion</source>
        <translation>新增判定标准</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="173"/>
        <source>A new criterion is stored as version 1.</source>
        <translation>新标准保存为第 1 版。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="197"/>
        <source>Criterion %1 added.</source>
        <translation>已新增判定标准 %1。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="198"/>
        <source>Criterion %1 saved as version %2; version %3 is retired.</source>
        <translation>判定标准 %1 已保存为第 %2 版，第 %3 版已废止。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="213"/>
        <source>Criterion %1 retired.</source>
        <translation>判定标准 %1 已废止。</translation>
    </message>
</context>
<context>
    <name>CriteriaTableModel</name>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="45"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="46"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="47"/>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="48"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="49"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="50"/>
        <source>Criterion</source>
        <translation>标准内容</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="56"/>
        <source>In force</source>
        <translation>现行有效</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/criteria.py" line="57"/>
        <source>Retired %1</source>
        <translation>已废止（%1）</translation>
    </message>
</context>
<context>
    <name>DepartmentTableModel</name>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/departments.py" line="34"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/departments.py" line="34"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/departments.py" line="34"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/departments.py" line="34"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>DepartmentsPage</name>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/departments.py" line="56"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/departments.py" line="57"/>
        <source>Show inactive departments</source>
        <translation>显示已停用的部门</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/departments.py" line="64"/>
        <source>e.g. HC1</source>
        <translation>例如 HC1</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/departments.py" line="66"/>
        <source>e.g. 合成一车间</source>
        <translation>例如 合成一车间</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/departments.py" line="70"/>
        <source>Active (offered when hazards are registered)</source>
        <translation>在用（登记隐患时可选）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/departments.py" line="73"/>
        <source>Departments are never deleted, because hazards and people refer to them. Clear “Active” to stop offering a department.</source>
        <translation>部门不能删除，因为隐患和人员记录引用了它。取消勾选“在用”即可不再提供该部门。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/departments.py" line="79"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/departments.py" line="80"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/departments.py" line="81"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/departments.py" line="82"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/departments.py" line="92"/>
        <source>Department %1</source>
        <translation>部门：%1</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/departments.py" line="99"/>
        <source>New department</source>
        <translation>新增部门</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/departments.py" line="116"/>
        <source>Department “%1” saved.</source>
        <translation>部门“%1”已保存。</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/people.py" line="81"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/people.py" line="82"/>
        <source>Show inactive people</source>
        <translation>显示已停用的人员</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/people.py" line="101"/>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/people.py" line="102"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/people.py" line="103"/>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/people.py" line="104"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/people.py" line="105"/>
        <source>Roles</source>
        <translation>职责</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/people.py" line="106"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/people.py" line="120"/>
        <source>— choose —</source>
        <translation>—请选择—</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/people.py" line="125"/>
        <source>%1 (inactive)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/people.py" line="137"/>
        <source>Person %1</source>
        <translation>人员：%1</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/people.py" line="146"/>
        <source>New person</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/people.py" line="166"/>
        <source>“%1” saved.</source>
        <translation>“%1”已保存。</translation>
    </message>
</context>
<context>
    <name>PeopleTableModel</name>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/people.py" line="55"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/people.py" line="55"/>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/people.py" line="55"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/people.py" line="55"/>
        <source>Roles</source>
        <translation>职责</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/people.py" line="55"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>PlantPage</name>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/plant.py" line="46"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/plant.py" line="49"/>
        <source>Plant</source>
        <translation>工厂</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/plant.py" line="52"/>
        <source>Plant name</source>
        <translation>工厂名称</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/plant.py" line="54"/>
        <source>Printed at the top of every sheet (at most %1 characters).</source>
        <translation>打印在每张表单的抬头（最多 %1 个字符）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/plant.py" line="60"/>
        <source>Decimals shown for D</source>
        <translation>D 值显示的小数位数</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/plant.py" line="85"/>
        <source>Example: a panel mean of 61/3 is shown as %1; exact values are always kept.</source>
        <translation>示例：评价小组平均值 61/3 显示为 %1；系统始终保存精确值。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/plant.py" line="100"/>
        <source>Plant settings saved.</source>
        <translation>工厂设置已保存。</translation>
    </message>
</context>
<context>
    <name>ScaleTableModel</name>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/lec_scales.py" line="40"/>
        <source>Factor</source>
        <translation>因素</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/lec_scales.py" line="40"/>
        <source>Value</source>
        <translation>分值</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/lec_scales.py" line="40"/>
        <source>Chinese meaning</source>
        <translation>中文含义</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/lec_scales.py" line="40"/>
        <source>English meaning</source>
        <translation>英文含义</translation>
    </message>
</context>
<context>
    <name>ScalesPage</name>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/lec_scales.py" line="71"/>
        <source>Scale value</source>
        <translation>取值</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/lec_scales.py" line="81"/>
        <source>The values are fixed by the rule (D = L × E × C); only their meanings, shown to the scorers and printed on the sheets, can be edited.</source>
        <translation>分值由制度规定（D = L × E × C），不能修改；只能编辑其含义（供评价人员参考，并打印在表单上）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/lec_scales.py" line="87"/>
        <source>Factor</source>
        <translation>因素</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/lec_scales.py" line="88"/>
        <source>Value</source>
        <translation>分值</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/lec_scales.py" line="89"/>
        <source>Chinese meaning</source>
        <translation>中文含义</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/lec_scales.py" line="90"/>
        <source>English meaning</source>
        <translation>英文含义</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/lec_scales.py" line="120"/>
        <source>Meaning of %1 = %2 saved.</source>
        <translation>%1 = %2 的含义已保存。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>The page “%1” has changes that are not saved yet.</source>
        <translation>“%1”页有尚未保存的修改。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_dialog.py" line="44"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_dialog.py" line="66"/>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_dialog.py" line="67"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_dialog.py" line="68"/>
        <source>Hazard categories</source>
        <translation>隐患类别</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_dialog.py" line="69"/>
        <source>LEC scales</source>
        <translation>LEC 取值表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_dialog.py" line="70"/>
        <source>Grading thresholds D.4</source>
        <translation>分级阈值 D.4</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_dialog.py" line="71"/>
        <source>Major-hazard criteria</source>
        <translation>重大隐患判定标准</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_dialog.py" line="72"/>
        <source>Plant settings</source>
        <translation>工厂设置</translation>
    </message>
    <message>
        <source>Dispute panel</source>
        <translation>争议判定小组</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
</context>
<context>
    <name>SettingsEditorPage</name>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="362"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="363"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="417"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>SettingsErrors</name>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="24"/>
        <source>Department code</source>
        <translation>部门代码</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="25"/>
        <source>Department name</source>
        <translation>部门名称</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="26"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="27"/>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="28"/>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="29"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="30"/>
        <source>Chinese meaning</source>
        <translation>中文含义</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="31"/>
        <source>English meaning</source>
        <translation>英文含义</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="32"/>
        <source>Name of the threshold set</source>
        <translation>阈值版本名称</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="33"/>
        <source>Band name (Chinese)</source>
        <translation>等级名称（中文）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="34"/>
        <source>Band name (English)</source>
        <translation>等级名称（英文）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="35"/>
        <source>Required action (Chinese)</source>
        <translation>应采取的措施（中文）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="36"/>
        <source>Required action (English)</source>
        <translation>应采取的措施（英文）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="37"/>
        <source>Criterion code</source>
        <translation>标准编号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="38"/>
        <source>Criterion text</source>
        <translation>标准内容</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="39"/>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="40"/>
        <source>Plant name</source>
        <translation>工厂名称</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="59"/>
        <source>%1 is too long (at most %2 characters).</source>
        <translation>%1过长（最多 %2 个字符）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="62"/>
        <source>%1 must not be empty.</source>
        <translation>%1不能为空。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="66"/>
        <source>A department called “%1” already exists (it may be inactive).</source>
        <translation>已存在名为“%1”的部门（可能已停用）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="70"/>
        <source>A department with the code %1 already exists (it may be inactive).</source>
        <translation>已存在代码为 %1 的部门（可能已停用）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="76"/>
        <source>A department code may contain only Latin letters, digits, “-” and “_” (not “%1”).</source>
        <translation>部门代码只能包含英文字母、数字、“-”和“_”（“%1”不符合要求）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="79"/>
        <source>Unknown kind of department: %1.</source>
        <translation>未知的部门类型：%1。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="80"/>
        <source>The department no longer exists. Close and reopen the settings.</source>
        <translation>该部门已不存在。请关闭并重新打开设置。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="83"/>
        <source>Choose the person’s department.</source>
        <translation>请选择该人员所属的部门。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="84"/>
        <source>The department “%1” is inactive. Choose an active department.</source>
        <translation>部门“%1”已停用，请选择在用的部门。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="87"/>
        <source>The person no longer exists. Close and reopen the settings.</source>
        <translation>该人员已不存在。请关闭并重新打开设置。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="90"/>
        <source>The employee no. %1 is already used by %2.</source>
        <translation>工号 %1 已被 %2 使用。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="93"/>
        <source>Unknown role: %1.</source>
        <translation>未知的职责：%1。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="94"/>
        <source>Unknown hazard category: %1.</source>
        <translation>未知的隐患类别：%1。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="95"/>
        <source>Unknown LEC factor: %1.</source>
        <translation>未知的 LEC 因素：%1。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="96"/>
        <source>%1 = %2 is not a value of the table; the values themselves cannot be changed.</source>
        <translation>%1 = %2 不是取值表中的分值；分值本身不能修改。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="99"/>
        <source>“%1” is not a number.</source>
        <translation>“%1”不是数字。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="100"/>
        <source>The limits of band “%1” must not be negative.</source>
        <translation>等级“%1”的界限不能为负数。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="103"/>
        <source>The colour of band “%1” must be written as #RRGGBB, for example #D32F2F.</source>
        <translation>等级“%1”的颜色须按 #RRGGBB 格式填写，例如 #D32F2F。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="106"/>
        <source>Two bands have the same code “%1”.</source>
        <translation>有两个等级的代码都是“%1”。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="107"/>
        <source>Two bands have the same rank.</source>
        <translation>有两个等级的序号相同。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="108"/>
        <source>The rank of band “%1” must be a whole number from 1 up.</source>
        <translation>等级“%1”的序号须为不小于 1 的整数。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="111"/>
        <source>A threshold set needs at least one band.</source>
        <translation>阈值版本至少需要一个危险等级。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="112"/>
        <source>The limits of band “%1” do not join its neighbours: each lower limit must equal the upper limit of the next less dangerous band and be below the band’s own upper limit.</source>
        <translation>等级“%1”的界限与相邻等级不衔接：每个等级的下限须等于下一（危险程度较低）等级的上限，且须小于本等级的上限。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="117"/>
        <source>The most dangerous band must have no upper limit and the least dangerous band no lower limit.</source>
        <translation>危险程度最高的等级不设上限，危险程度最低的等级不设下限。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="121"/>
        <source>“%1” is not a valid date.</source>
        <translation>“%1”不是有效的日期。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="122"/>
        <source>Unknown limit rule: %1.</source>
        <translation>未知的界限规则：%1。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="123"/>
        <source>A threshold set called “%1” already exists. Choose another name.</source>
        <translation>已存在名为“%1”的阈值版本，请另取名称。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="126"/>
        <source>No threshold set is in force on %1.</source>
        <translation>%1 没有现行有效的阈值版本。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="127"/>
        <source>A criterion in force from the same source already has the code %1.</source>
        <translation>同一来源的现行标准中已有编号 %1。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="130"/>
        <source>Nothing was changed, so no new version was stored.</source>
        <translation>内容没有改动，未生成新版本。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="133"/>
        <source>Criterion %1 is retired; only the version in force can be revised or retired.</source>
        <translation>判定标准 %1 已废止；只有现行版本才能修订或废止。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="136"/>
        <source>The criterion no longer exists. Close and reopen the settings.</source>
        <translation>该判定标准已不存在。请关闭并重新打开设置。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="139"/>
        <source>Unknown source: %1.</source>
        <translation>未知的来源：%1。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="140"/>
        <source>The number of decimals must be a whole number from %1 to %2.</source>
        <translation>小数位数须为 %1 至 %2 之间的整数。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="143"/>
        <source>Unknown setting: %1.</source>
        <translation>未知的设置项：%1。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="144"/>
        <source>The database is busy (another program is writing to it). Try again in a moment.</source>
        <translation>数据库正忙（另一程序正在写入），请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="147"/>
        <source>The database is read-only; the change was not saved.</source>
        <translation>数据库为只读，修改未保存。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="150"/>
        <source>The disk is full; the change was not saved.</source>
        <translation>磁盘已满，修改未保存。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_errors.py" line="154"/>
        <source>The change was refused (%1).</source>
        <translation>修改未被接受（%1）。</translation>
    </message>
</context>
<context>
    <name>SettingsLabels</name>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="70"/>
        <source>Safety and environment</source>
        <translation>安全环保</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="71"/>
        <source>Production management</source>
        <translation>生产管理</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="72"/>
        <source>Trade union</source>
        <translation>工会</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="73"/>
        <source>Business division</source>
        <translation>事业部</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="74"/>
        <source>Workshop / production unit</source>
        <translation>车间/生产单元</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="75"/>
        <source>Other department</source>
        <translation>其他部门</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="83"/>
        <source>Inspector</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="84"/>
        <source>Grading panel member</source>
        <translation>评价小组成员</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="85"/>
        <source>Grading panel leader</source>
        <translation>评价小组组长</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="86"/>
        <source>Dispute panel leader</source>
        <translation>争议判定小组组长</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="87"/>
        <source>Dispute panel deputy leader</source>
        <translation>争议判定小组副组长</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="88"/>
        <source>Safety officer</source>
        <translation>安全管理人员</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="96"/>
        <source>L — likelihood of an accident (D.1)</source>
        <translation>L — 发生事故的可能性（D.1）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="97"/>
        <source>E — frequency of exposure (D.2)</source>
        <translation>E — 暴露于危险环境的频繁程度（D.2）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="98"/>
        <source>C — consequences (D.3)</source>
        <translation>C — 发生事故产生的后果（D.3）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="112"/>
        <source>lower &lt; D ≤ upper (a D on a limit belongs to the less dangerous band)</source>
        <translation>下限 &lt; D ≤ 上限（D 恰在界限上时归入危险程度较低的等级）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="115"/>
        <source>lower ≤ D &lt; upper (a D on a limit belongs to the more dangerous band)</source>
        <translation>下限 ≤ D &lt; 上限（D 恰在界限上时归入危险程度较高的等级）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="125"/>
        <source>Company standard</source>
        <translation>本公司判定标准</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="126"/>
        <source>SAWS [2017] No. 121</source>
        <translation>安监总管三〔2017〕121号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="127"/>
        <source>Other source</source>
        <translation>其他来源</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="134"/>
        <source>, </source>
        <comment>separator between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="140"/>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/common.py" line="141"/>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>ThresholdSetEditor</name>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="303"/>
        <source>New version of the grading thresholds (D.4)</source>
        <translation>新建分级阈值版本（D.4）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="308"/>
        <source>Based on “%1” (effective from %2). Saving stores a new set; the stored sets, and the gradings made with them, stay as they are.</source>
        <translation>以“%1”（自 %2 起生效）为基础。保存时存为新版本；已存储的版本及据其作出的判定均保持不变。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="329"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="330"/>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="331"/>
        <source>Limit rule</source>
        <translation>界限规则</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="347"/>
        <source>Double-click a cell to change it. Limits of neighbouring bands move together. Colours are written as #RRGGBB or chosen with “Colour…”.</source>
        <translation>双击单元格进行修改。相邻等级的界限同步变动。颜色按 #RRGGBB 格式填写，或点击“颜色…”选择。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="353"/>
        <source>Colour…</source>
        <translation>颜色…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="356"/>
        <source>Save as new set</source>
        <translation>保存为新版本</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="399"/>
        <source>Select a band first.</source>
        <translation>请先选择一个等级。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="401"/>
        <source>Colour of “%1”</source>
        <translation>“%1”的颜色</translation>
    </message>
</context>
<context>
    <name>ThresholdSetTableModel</name>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="133"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="133"/>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="133"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="133"/>
        <source>Limit rule</source>
        <translation>界限规则</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="133"/>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="138"/>
        <source>In force</source>
        <translation>现行有效</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="140"/>
        <source>Scheduled</source>
        <translation>待生效</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="141"/>
        <source>Superseded</source>
        <translation>已被取代</translation>
    </message>
</context>
<context>
    <name>ThresholdsPage</name>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="437"/>
        <source>Table D.4 is kept in versions. A stored set is never changed: “New version…” copies the set in force, and the copy is stored as a new set from its effective-from date on. Gradings already made keep the set they were made with.</source>
        <translation>表 D.4 按版本保存，已存储的版本不会被修改：“新版本…”复制现行版本，修改后作为新版本保存，自其生效日期起适用。已作出的判定仍沿用当时所用的版本。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="444"/>
        <source>New version…</source>
        <translation>新版本…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="512"/>
        <source>Bands of “%1” (%2)</source>
        <translation>“%1”的危险等级（%2）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/thresholds.py" line="528"/>
        <source>New threshold set “%1” stored; in force from %2.</source>
        <translation>新阈值版本“%1”已保存，自 %2 起生效。</translation>
    </message>
</context>
<context>
    <name>DisputeChairsPage</name>
    <message>
        <source>Name them from this date</source>
        <translation>自该日期起指定</translation>
    </message>
    <message>
        <source>Dispute panel (rule §7): 组长 and 副组长</source>
        <translation>隐患争议判定小组（制度第7条）：组长和副组长</translation>
    </message>
    <message>
        <source>组长 (leader)</source>
        <translation>组长</translation>
    </message>
    <message>
        <source>副组长 (deputy leader)</source>
        <translation>副组长</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>The rule names these two persons. A ruling must be chaired by the persons named for its date; naming others from a later date keeps earlier rulings as they were.</source>
        <translation>制度点名指定这两人。裁决须由裁决日期适用的组长、副组长主持；自较晚日期起改指定他人，不影响此前的裁决。</translation>
    </message>
    <message>
        <source>Named so far (oldest first):</source>
        <translation>历次指定（按生效日期）：</translation>
    </message>
    <message>
        <source>Nobody named yet: disputes cannot be ruled.</source>
        <translation>尚未指定：争议无法裁决。</translation>
    </message>
    <message>
        <source>From %1: 组长 %2, 副组长 %3</source>
        <translation>自 %1 起：组长 %2，副组长 %3</translation>
    </message>
    <message>
        <source>Dispute panel leaders named.</source>
        <translation>已指定争议判定小组组长和副组长。</translation>
    </message>
</context>
</TS>
