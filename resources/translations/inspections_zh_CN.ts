<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>InspectionActions</name>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="127"/>
        <source>&amp;Inspections…</source>
        <translation>检查记录(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="128"/>
        <source>Drafts and finished inspections: continue, print the record</source>
        <translation>草稿和已完成的检查：继续检查、打印检查记录表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="133"/>
        <source>&amp;New inspection…</source>
        <translation>新建检查(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="134"/>
        <source>Run a checklist over an area; failed items become hazards</source>
        <translation>按检查表检查一个区域；不合格项登记为隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="139"/>
        <source>&amp;Checklists…</source>
        <translation>检查表(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="139"/>
        <source>Checklist templates: view, edit, import, export</source>
        <translation>检查表模板：查看、编辑、导入、导出</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="142"/>
        <source>&amp;Hazards of the same inspection</source>
        <translation>同一检查发现的隐患(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="143"/>
        <source>Show in the register only the hazards raised by the selected hazard&apos;s inspection</source>
        <translation>台账中只显示与所选隐患同一次检查发现的隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="170"/>
        <source>Show every hazard again</source>
        <translation>重新显示全部隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="187"/>
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="189"/>
        <source>&amp;Inspections</source>
        <translation>检查(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="249"/>
        <source>Only hazards of inspection {number}  ✕</source>
        <translation>仅显示检查 {number} 的隐患  ✕</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="252"/>
        <source>Showing the %n hazard(s) raised by the inspection. Clear the filters to see all.</source>
        <translation>
            <numerusform>正在显示该次检查发现的 %n 条隐患。清除筛选即可查看全部。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="283"/>
        <source>Hazards of the same inspection</source>
        <translation>同一检查发现的隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="284"/>
        <source>The selected hazard was not raised by an inspection.</source>
        <translation>所选隐患不是由检查表检查发现的。</translation>
    </message>
</context>
<context>
    <name>InspectionListModel</name>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/models.py" line="51"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/models.py" line="52"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/models.py" line="53"/>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/models.py" line="54"/>
        <source>Area</source>
        <translation>检查区域</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/models.py" line="55"/>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/models.py" line="56"/>
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/models.py" line="57"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/models.py" line="58"/>
        <source>Answered</source>
        <translation>已检查</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/models.py" line="59"/>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/models.py" line="60"/>
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/models.py" line="100"/>
        <source>{name} (v{version})</source>
        <translation>{name}（第{version}版）</translation>
    </message>
</context>
<context>
    <name>InspectionListWindow</name>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="61"/>
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="105"/>
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="93"/>
        <source>All inspections</source>
        <translation>全部检查</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="94"/>
        <source>Drafts</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="95"/>
        <source>Finalized</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="98"/>
        <source>&amp;New inspection…</source>
        <translation>新建检查(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="99"/>
        <source>&amp;Continue / open</source>
        <translation>继续/打开(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="100"/>
        <source>&amp;Print record…</source>
        <translation>打印检查记录表(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="101"/>
        <source>Show &amp;hazards in the register</source>
        <translation>在台账中显示隐患(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="102"/>
        <source>&amp;Delete draft…</source>
        <translation>删除草稿(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="103"/>
        <source>Check&amp;lists…</source>
        <translation>检查表(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="104"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="116"/>
        <source>Show: </source>
        <translation>显示：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="153"/>
        <source>%n inspection(s)</source>
        <translation>
            <numerusform>共 %n 次检查</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="153"/>
        <source>%n draft(s)</source>
        <translation>
            <numerusform>%n 份草稿</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="181"/>
        <source>&amp;Continue</source>
        <translation>继续检查(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="181"/>
        <source>&amp;Open (read only)</source>
        <translation>打开（只读）(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="237"/>
        <source>Save inspection record</source>
        <translation>保存检查记录表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="239"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="250"/>
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="260"/>
        <source>Print record</source>
        <translation>打印检查记录表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="250"/>
        <source>Printing is not available in this build.</source>
        <translation>此版本不能打印。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="259"/>
        <source>The file cannot be written: {error}</source>
        <translation>无法写入文件：{error}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="267"/>
        <source>Record saved to {path}</source>
        <translation>检查记录表已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="287"/>
        <source>Delete draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/list_window.py" line="288"/>
        <source>Delete the draft inspection {number} and its {count} answer(s)?</source>
        <translation>删除检查草稿 {number} 及其 {count} 条检查结果吗？</translation>
    </message>
    <message>
        <source>Inspection record {number}</source>
        <translation>安全检查记录表 {number}</translation>
    </message>
</context>
<context>
    <name>InspectionRunner</name>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="140"/>
        <source>Inspection {number}</source>
        <translation>检查 {number}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="150"/>
        <source>{number} · {template} (version {version})</source>
        <translation>{number} · {template}（第 {version} 版）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="157"/>
        <source>Area: {area} · Department: {department} · Date: {date} · Inspectors: {names}</source>
        <translation>检查区域：{area} · 责任部门：{department} · 检查日期：{date} · 检查人员：{names}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="223"/>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="224"/>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="225"/>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="260"/>
        <source>What was found (a failed item needs a note or a photo)… Ctrl+Enter: next item, Esc: keys</source>
        <translation>现场情况（不合格项须填写说明或拍照）… Ctrl+Enter：下一项，Esc：返回快捷键</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="276"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="281"/>
        <source>Remove photo</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="311"/>
        <source>Note</source>
        <translation>情况说明</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="317"/>
        <source>◀ Previous
Backspace</source>
        <translation>◀ 上一项
Backspace</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="318"/>
        <source>Next ▶
Enter</source>
        <translation>下一项 ▶
Enter</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="319"/>
        <source>Finalize…</source>
        <translation>定稿…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="320"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="330"/>
        <source>Keys: 1/Y pass · 2/N fail · 3/− not applicable · Enter next · Backspace previous · Ctrl+Enter next from the note · Esc leaves the note</source>
        <translation>快捷键：1/Y 合格 · 2/N 不合格 · 3/− 不适用 · Enter 下一项 · Backspace 上一项 · 在说明框中 Ctrl+Enter 下一项 · Esc 离开说明框</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="398"/>
        <source>{answered} of {total} answered · {failed} failed · {na} not applicable</source>
        <translation>已检查 {answered}/{total} 项 · 不合格 {failed} 项 · 不适用 {na} 项</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="409"/>
        <source>Hazard category if it fails: {category}</source>
        <translation>不合格时的隐患类别：{category}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="424"/>
        <source>Item {n} of {total}</source>
        <translation>第 {n} 项 / 共 {total} 项</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="432"/>
        <source>Checks major-hazard criterion {code}: {text}</source>
        <translation>本项对应重大事故隐患判定标准 {code}：{text}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="461"/>
        <source>Proposed grade: major hazard (criterion {code}) — the grading panel decides.</source>
        <translation>建议判定为重大事故隐患（标准 {code}），由判定小组确认。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="468"/>
        <source>Registered as hazard {number}</source>
        <translation>已登记为隐患 {number}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="483"/>
        <source>Photos (%n)</source>
        <translation>
            <numerusform>照片（%n 张）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="576"/>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="597"/>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="578"/>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="596"/>
        <source>The file cannot be read: {error}</source>
        <translation>无法读取文件：{error}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="641"/>
        <source>%n item(s) have no result yet.</source>
        <translation>
            <numerusform>还有 %n 项未检查。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="643"/>
        <source>%n failed item(s) need a note or a photo.</source>
        <translation>
            <numerusform>%n 个不合格项需要填写说明或拍照。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="645"/>
        <source>Not finished yet</source>
        <translation>尚未完成</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="649"/>
        <source>Finalize inspection</source>
        <translation>检查定稿</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="651"/>
        <source>Finalize inspection {number}? It is then locked, and its {failed} failed item(s) are registered as hazards.</source>
        <translation>确定将检查 {number} 定稿吗？定稿后不能再修改，{failed} 个不合格项将登记为隐患。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="673"/>
        <source>Inspection {number} is finalized. Hazards registered: {numbers}.</source>
        <translation>检查 {number} 已定稿。已登记隐患：{numbers}。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="677"/>
        <source>Inspection {number} is finalized. No hazard was found.</source>
        <translation>检查 {number} 已定稿。未发现隐患。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/runner.py" line="681"/>
        <source>Inspection finalized</source>
        <translation>检查已定稿</translation>
    </message>
</context>
<context>
    <name>InspectionTexts</name>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="23"/>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="24"/>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="25"/>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="28"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="29"/>
        <source>Finalized</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="32"/>
        <source>Made here</source>
        <translation>本机编制</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="33"/>
        <source>Shipped</source>
        <translation>系统自带</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="34"/>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="38"/>
        <source>Please give the checklist a name.</source>
        <translation>请填写检查表名称。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="40"/>
        <source>The checklist&apos;s name is too long (at most {max} characters).</source>
        <translation>检查表名称过长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="43"/>
        <source>The checklist&apos;s code is too long (at most {max} characters).</source>
        <translation>检查表编号过长（最多 {max} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="46"/>
        <source>The description is too long (at most {max} characters).</source>
        <translation>说明过长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="48"/>
        <source>A checklist needs at least one item.</source>
        <translation>检查表至少要有一个检查项。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="49"/>
        <source>Section {section} has no title.</source>
        <translation>第 {section} 部分没有标题。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="51"/>
        <source>The title of section {section} is too long (at most {max} characters).</source>
        <translation>第 {section} 部分的标题过长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="53"/>
        <source>Item {item} of section {section} has no text.</source>
        <translation>第 {section} 部分第 {item} 项没有检查内容。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="55"/>
        <source>The text of item {item} of section {section} is too long (at most {max} characters).</source>
        <translation>第 {section} 部分第 {item} 项的检查内容过长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="60"/>
        <source>The guidance of item {item} of section {section} is too long (at most {max} characters).</source>
        <translation>第 {section} 部分第 {item} 项的检查方法过长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="66"/>
        <source>Item {item} of section {section} has no hazard category.</source>
        <translation>第 {section} 部分第 {item} 项没有选择隐患类别。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="69"/>
        <source>The criterion code of item {item} is too long.</source>
        <translation>第 {item} 项的判定标准编号过长。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="72"/>
        <source>“{value}” in “{template}” is not a major-hazard criterion code.</source>
        <translation>“{template}”中的“{value}”不是重大事故隐患判定标准编号。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="73"/>
        <source>“{value}” is not a major-hazard criterion code.</source>
        <translation>“{value}”不是重大事故隐患判定标准编号。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="76"/>
        <source>“{value}” in “{template}” is not a hazard category of the rule.</source>
        <translation>“{template}”中的“{value}”不是制度规定的隐患类别。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="77"/>
        <source>“{value}” is not a hazard category of the rule.</source>
        <translation>“{value}”不是制度规定的隐患类别。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="80"/>
        <source>“{value}” in “{template}” is not a subcategory of its category.</source>
        <translation>“{template}”中的“{value}”不是所属类别的子类。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="81"/>
        <source>“{value}” is not a subcategory of the chosen category.</source>
        <translation>“{value}”不是所选类别的子类。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="83"/>
        <source>The checklist no longer exists.</source>
        <translation>该检查表已不存在。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="85"/>
        <source>Version {version} is not the newest (version {latest}); edit the newest version.</source>
        <translation>第 {version} 版不是最新版本（最新为第 {latest} 版），请编辑最新版本。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="90"/>
        <source>The checklist “{name}” is withdrawn; bring it back first.</source>
        <translation>检查表“{name}”已停用，请先恢复使用。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="91"/>
        <source>The checklist is withdrawn.</source>
        <translation>该检查表已停用。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="93"/>
        <source>This version is in use and can no longer change.</source>
        <translation>该版本已在使用，不能再修改。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="94"/>
        <source>Please enter the inspected area.</source>
        <translation>请填写检查区域。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="95"/>
        <source>The area is too long (at most {max} characters).</source>
        <translation>检查区域过长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="96"/>
        <source>Please choose who inspects.</source>
        <translation>请选择检查人员。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="97"/>
        <source>At most {max} inspectors.</source>
        <translation>检查人员最多 {max} 人。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="98"/>
        <source>An inspector is chosen twice.</source>
        <translation>同一检查人员被重复选择。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="99"/>
        <source>The inspection date lies in the future.</source>
        <translation>检查日期不能晚于今天。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="101"/>
        <source>The remarks are too long (at most {max} characters).</source>
        <translation>检查意见过长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="103"/>
        <source>The note is too long (at most {max} characters).</source>
        <translation>情况说明过长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="104"/>
        <source>The inspection no longer exists.</source>
        <translation>该检查已不存在。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="105"/>
        <source>The item is not part of this checklist.</source>
        <translation>该检查项不属于此检查表。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="107"/>
        <source>Inspection {number} is finalized and can no longer change.</source>
        <translation>检查 {number} 已定稿，不能再修改。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="108"/>
        <source>The inspection is finalized and can no longer change.</source>
        <translation>该检查已定稿，不能再修改。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="111"/>
        <source>{count} item(s) have no result yet (the first is item {first}).</source>
        <translation>还有 {count} 项未检查（第一项为第 {first} 项）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="114"/>
        <source>{count} failed item(s) need a note or a photo (the first is item {first}).</source>
        <translation>有 {count} 个不合格项需要填写说明或拍照（第一项为第 {first} 项）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="119"/>
        <source>This item already raised a hazard; its result stays “Fail”.</source>
        <translation>该项已登记为隐患，检查结果只能是“不合格”。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="121"/>
        <source>Only a failed item raises a hazard.</source>
        <translation>只有不合格项才能登记为隐患。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="123"/>
        <source>Inspection {number} already raised hazards; it can be finalized but not deleted.</source>
        <translation>检查 {number} 已登记了隐患，只能定稿，不能删除。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="127"/>
        <source>An item can have at most {max} photos.</source>
        <translation>每个检查项最多 {max} 张照片。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="129"/>
        <source>The file is not a valid checklist file ({detail}).</source>
        <translation>该文件不是有效的检查表文件（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="130"/>
        <source>The file is not a valid checklist file.</source>
        <translation>该文件不是有效的检查表文件。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="132"/>
        <source>The file holds no checklists.</source>
        <translation>该文件中没有检查表。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="134"/>
        <source>The file was written by a newer version of this program (format {version}); please update.</source>
        <translation>该文件由更新版本的程序生成（格式 {version}），请先升级程序。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="139"/>
        <source>The file is too large (at most {max_mb} MB).</source>
        <translation>文件过大（最大 {max_mb} MB）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/texts.py" line="210"/>
        <source>Cannot do that</source>
        <translation>无法执行</translation>
    </message>
</context>
<context>
    <name>OriginSection</name>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="41"/>
        <source>Raised by inspection</source>
        <translation>来源检查</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="53"/>
        <source>Inspection:</source>
        <translation>检查：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="54"/>
        <source>Checklist:</source>
        <translation>检查表：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="55"/>
        <source>Item:</source>
        <translation>检查项：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="56"/>
        <source>Proposal:</source>
        <translation>建议级别：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="58"/>
        <source>Open inspection</source>
        <translation>打开检查</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="59"/>
        <source>All its hazards</source>
        <translation>该次检查的全部隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="97"/>
        <source>{number} · {date} · {area}</source>
        <translation>{number} · {date} · {area}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="102"/>
        <source>{template} (version {version})</source>
        <translation>{template}（第 {version} 版）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/actions.py" line="108"/>
        <source>Major hazard (criterion {code}) — the grading panel decides.</source>
        <translation>重大事故隐患（标准 {code}），由判定小组确认</translation>
    </message>
</context>
<context>
    <name>StartInspectionDialog</name>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/start_dialog.py" line="41"/>
        <source>Start an inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/start_dialog.py" line="59"/>
        <source>{code} {name} (version {version}, {count} items)</source>
        <translation>{code} {name}（第 {version} 版，{count} 项）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/start_dialog.py" line="70"/>
        <source>e.g. tank farm 2, tanks T-201 to T-206</source>
        <translation>例如：二号罐区 T-201～T-206</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/start_dialog.py" line="78"/>
        <location filename="../../hazard_desktop/ui/inspections/start_dialog.py" line="84"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/start_dialog.py" line="109"/>
        <source>Optional: purpose, weather, shift…</source>
        <translation>可选：检查目的、天气、班次…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/start_dialog.py" line="112"/>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/start_dialog.py" line="113"/>
        <source>Area inspected</source>
        <translation>检查区域</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/start_dialog.py" line="114"/>
        <source>Responsible department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/start_dialog.py" line="115"/>
        <source>Leader</source>
        <translation>检查组长</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/start_dialog.py" line="116"/>
        <source>Other inspectors</source>
        <translation>其他检查人员</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/start_dialog.py" line="117"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/start_dialog.py" line="118"/>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/start_dialog.py" line="122"/>
        <source>Start</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/start_dialog.py" line="186"/>
        <source>There is no checklist yet: add one under Inspections → Checklists.</source>
        <translation>还没有检查表：请在“检查 → 检查表”中添加。</translation>
    </message>
</context>
<context>
    <name>TemplateEditorDialog</name>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="396"/>
        <source>Edit checklist “{name}” (version {version})</source>
        <translation>编辑检查表“{name}”（第 {version} 版）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="398"/>
        <source>New checklist</source>
        <translation>新建检查表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="417"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="418"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="419"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="427"/>
        <source>Section</source>
        <translation>部分</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="433"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="434"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="445"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="454"/>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="584"/>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="463"/>
        <source>What is checked</source>
        <translation>检查内容</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="464"/>
        <source>How to check / basis</source>
        <translation>检查方法/依据</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="465"/>
        <source>Hazard category</source>
        <translation>隐患类别</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="466"/>
        <source>Subcategory</source>
        <translation>子类</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="467"/>
        <source>Major-hazard criterion</source>
        <translation>重大隐患判定标准</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="476"/>
        <source>Add section</source>
        <translation>添加部分</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="477"/>
        <source>Add item</source>
        <translation>添加检查项</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="478"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="479"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="480"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="509"/>
        <source>This version is in use or was handed out: saving stores version {next}.</source>
        <translation>该版本已在使用或已分发：保存后将生成第 {next} 版。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="540"/>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="598"/>
        <source>(untitled section)</source>
        <translation>（未命名部分）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="553"/>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="616"/>
        <source>(new item)</source>
        <translation>（新检查项）</translation>
    </message>
</context>
<context>
    <name>TemplateListModel</name>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/models.py" line="143"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/models.py" line="144"/>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/models.py" line="145"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/models.py" line="146"/>
        <source>Items</source>
        <translation>项数</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/models.py" line="147"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/models.py" line="148"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/models.py" line="187"/>
        <source>Withdrawn</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/models.py" line="189"/>
        <source>In use</source>
        <translation>已使用</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/models.py" line="190"/>
        <source>Editable</source>
        <translation>可修改</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="89"/>
        <source>Checklists</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="108"/>
        <source>Show withdrawn checklists</source>
        <translation>显示已停用的检查表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="120"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="120"/>
        <source>Hazard category</source>
        <translation>隐患类别</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="120"/>
        <source>Criterion</source>
        <translation>判定标准</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="131"/>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="147"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="148"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="149"/>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="209"/>
        <source>Withdraw</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="150"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="151"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="152"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="201"/>
        <source>Version {version} · {date}</source>
        <translation>第 {version} 版 · {date}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="209"/>
        <source>Bring back</source>
        <translation>恢复使用</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="220"/>
        <source>Fixed: an edit makes a new version.</source>
        <translation>已固定：修改将生成新版本。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="222"/>
        <source>Not used yet: edits change this version.</source>
        <translation>尚未使用：修改直接保存在本版本中。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="225"/>
        <source>{usage} Source: {origin}. {state}</source>
        <translation>{usage}来源：{origin}。{state}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="226"/>
        <source>%n inspection(s) ran this version.</source>
        <translation>
            <numerusform>已有 %n 次检查使用此版本。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="254"/>
        <source>Checklist saved</source>
        <translation>检查表已保存</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="256"/>
        <source>The checklist was in use, so the change was saved as version {version}. Inspections already run keep the version they used.</source>
        <translation>该检查表已在使用，修改已保存为第 {version} 版。已完成的检查仍保留原来使用的版本。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="283"/>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="299"/>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="309"/>
        <source>Export checklists</source>
        <translation>导出检查表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="283"/>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="315"/>
        <source>Checklist files (*.json)</source>
        <translation>检查表文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="299"/>
        <source>The file cannot be written: {error}</source>
        <translation>无法写入文件：{error}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="309"/>
        <source>Checklists saved to {path}.</source>
        <translation>检查表已保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="315"/>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="328"/>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="352"/>
        <source>Import checklists</source>
        <translation>导入检查表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="328"/>
        <source>The file cannot be read: {error}</source>
        <translation>无法读取文件：{error}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="337"/>
        <source>%n version(s) added.</source>
        <translation>
            <numerusform>新增 %n 个版本。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="340"/>
        <source>%n version(s) were already here.</source>
        <translation>
            <numerusform>%n 个版本本机已有。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="342"/>
        <source>%n version(s) got a new number (theirs was taken here).</source>
        <translation>
            <numerusform>%n 个版本因版本号已被占用而重新编号。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hazard_desktop/ui/inspections/templates_dialog.py" line="346"/>
        <source>%n version(s) differ from the stored ones with the same id and were left alone:</source>
        <translation>
            <numerusform>%n 个版本与本机同一标识的版本内容不同，未作改动：</numerusform>
        </translation>
    </message>
</context>
</TS>
