<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Application</name>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="118"/>
        <source>Hazard Register</source>
        <translation>隐患台账</translation>
    </message>
</context>
<context>
    <name>BandChooser</name>
    <message>
        <location filename="../../hazard_desktop/ui/register_filters.py" line="82"/>
        <source>Show only hazards whose mean D falls in the ticked danger bands (table D.4)</source>
        <translation>只显示平均 D 值落在所勾选危险程度（表 D.4）内的隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/register_filters.py" line="88"/>
        <location filename="../../hazard_desktop/ui/register_filters.py" line="142"/>
        <location filename="../../hazard_desktop/ui/register_filters.py" line="149"/>
        <source>All bands</source>
        <translation>全部危险程度</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/register_filters.py" line="144"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/register_filters.py" line="146"/>
        <source>{count} bands</source>
        <translation>{count} 个危险程度</translation>
    </message>
</context>
<context>
    <name>DisputeCard</name>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="464"/>
        <source>{date} · Dispute</source>
        <translation>{date} · 争议</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="469"/>
        <source>Raised by:</source>
        <translation>提出方：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="470"/>
        <source>Raised on:</source>
        <translation>提出时间：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="471"/>
        <source>Reason:</source>
        <translation>争议理由：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="473"/>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="473"/>
        <source>Waiting for the dispute panel</source>
        <translation>等待争议判定小组裁决</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="475"/>
        <source>Ruled on:</source>
        <translation>裁决时间：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="477"/>
        <source>Ruling:</source>
        <translation>裁决意见：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="479"/>
        <source>Withdrawn on:</source>
        <translation>撤回时间：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="481"/>
        <source>Why withdrawn:</source>
        <translation>撤回理由：</translation>
    </message>
    <message>
        <source>Withdrawn by:</source>
        <translation>撤回人：</translation>
    </message>
    <message>
        <source>Criteria claimed:</source>
        <translation>主张适用条款：</translation>
    </message>
</context>
<context>
    <name>GradingCard</name>
    <message>
        <source>Panel:</source>
        <translation>判定小组：</translation>
    </message>
    <message>
        <source>leader</source>
        <translation>组长</translation>
    </message>
    <message>
        <source>deputy</source>
        <translation>副组长</translation>
    </message>
    <message>
        <source>not recorded (graded before the panel was recorded)</source>
        <translation>未记录（本判定早于系统记录判定小组成员）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="358"/>
        <source>{date} · {method}</source>
        <translation>{date} · {method}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="364"/>
        <source>Final</source>
        <translation>最终定级</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="364"/>
        <source>This grading counts for the hazard</source>
        <translation>本次定级为该隐患的有效定级</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="366"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="367"/>
        <source>Not confirmed by the panel leader yet: it does not count</source>
        <translation>组长尚未确认，本次定级暂不生效</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="370"/>
        <source>Superseded</source>
        <translation>已更正</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="376"/>
        <source>Dispute ruling</source>
        <translation>争议裁决</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="444"/>
        <source>Mean D:</source>
        <translation>平均 D 值：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="383"/>
        <source>Threshold set:</source>
        <translation>分级标准：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="372"/>
        <source>Overruled</source>
        <translation>已被裁决取代</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="373"/>
        <source>The dispute panel&apos;s ruling replaced this grading</source>
        <translation>争议判定小组的裁决已取代本次定级</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="385"/>
        <source>Panel leader:</source>
        <translation>组长：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="387"/>
        <source>Meeting:</source>
        <translation>判定会：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="389"/>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="391"/>
        <source>Confirmed:</source>
        <translation>确认时间：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="391"/>
        <source>No (draft)</source>
        <translation>未确认（草稿）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="394"/>
        <source>Corrects the grading of {date}</source>
        <translation>更正 {date} 的定级</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="394"/>
        <source>Correction</source>
        <translation>更正定级</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="395"/>
        <source>Correction:</source>
        <translation>更正：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="396"/>
        <source>Reason:</source>
        <translation>更正理由：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="400"/>
        <source>Replaced by the correction of {date}</source>
        <translation>已被 {date} 的更正定级取代</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="401"/>
        <source>Superseded:</source>
        <translation>取代：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="401"/>
        <source>Replaced by a correction</source>
        <translation>已被更正定级取代</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="403"/>
        <source>Panel&apos;s reason:</source>
        <translation>小组判定理由：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="406"/>
        <source>Matched major-hazard criteria ({count}):</source>
        <translation>符合的重大隐患判定标准（{count} 条）：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="415"/>
        <source>Evidence: {evidence}</source>
        <translation>现场依据：{evidence}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="421"/>
        <source>Scores of the {count} panel members:</source>
        <translation>{count} 名小组成员的评分：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="449"/>
        <source>upper limit inclusive</source>
        <translation>含上限</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="451"/>
        <source>lower limit inclusive</source>
        <translation>含下限</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="452"/>
        <source>{name} (from {date}, {rule})</source>
        <translation>{name}（自 {date} 起，{rule}）</translation>
    </message>
    <message>
        <source>§5.1 check:</source>
        <translation>第5.1条判定：</translation>
    </message>
    <message>
        <source>criteria met: {codes}</source>
        <translation>符合条款：{codes}</translation>
    </message>
    <message>
        <source>no criterion met; the panel decided under §4.3</source>
        <translation>未符合任一条款，由判定小组依第4.3条集体判定</translation>
    </message>
    <message>
        <source>not recorded (graded before the check was recorded)</source>
        <translation>未记录（定级早于系统记录第5.1条核对）</translation>
    </message>
    <message>
        <source>{items} criteria, version {newest} {digest}</source>
        <translation>判定标准 {newest} 版，共 {items} 条，标识 {digest}</translation>
    </message>
    <message>
        <source>the dispute panel upheld no criterion</source>
        <translation>争议判定小组表决：未支持任一条款</translation>
    </message>
    <message>
        <source>no criterion met</source>
        <translation>逐条核对：未符合任一条款</translation>
    </message>
    <message>
        <source>{found} ({listed}); {by}, {at}</source>
        <translation>{found}（{listed}）；{by}，{at}</translation>
    </message>
    <message>
        <source>the dispute claimed no criterion; the dispute panel ruled by LEC</source>
        <translation>争议未提出所符合的条款，争议判定小组按 LEC 裁决</translation>
    </message>
</context>
<context>
    <name>GradingHistoryWidget</name>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="509"/>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="613"/>
        <source>Grading history</source>
        <translation>定级记录</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="515"/>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="615"/>
        <source>Not graded yet.</source>
        <translation>尚未定级。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="609"/>
        <source>Grading history (gradings: {gradings}, disputes: {disputes})</source>
        <translation>定级记录（定级 {gradings} 次，争议 {disputes} 次）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="611"/>
        <source>Grading history (gradings: {gradings})</source>
        <translation>定级记录（定级 {gradings} 次）</translation>
    </message>
</context>
<context>
    <name>HazardDetailPane</name>
    <message>
        <location filename="../../hazard_desktop/ui/detail_pane.py" line="162"/>
        <location filename="../../hazard_desktop/ui/detail_pane.py" line="304"/>
        <source>Select a hazard in the register to see its details.</source>
        <translation>在隐患台账中选择一条隐患，即可在此查看详情。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/detail_pane.py" line="203"/>
        <source>Description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/detail_pane.py" line="204"/>
        <source>Location / area</source>
        <translation>所在区域/位置</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/detail_pane.py" line="205"/>
        <source>Equipment tag</source>
        <translation>设备位号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/detail_pane.py" line="206"/>
        <source>Responsible department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/detail_pane.py" line="207"/>
        <source>Category</source>
        <translation>隐患类别</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/detail_pane.py" line="208"/>
        <source>Subcategory</source>
        <translation>子类</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/detail_pane.py" line="209"/>
        <source>Found by</source>
        <translation>发现人</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/detail_pane.py" line="210"/>
        <source>Found at</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/detail_pane.py" line="211"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/detail_pane.py" line="212"/>
        <source>Grade</source>
        <translation>隐患等级</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/detail_pane.py" line="213"/>
        <source>Last changed</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/detail_pane.py" line="221"/>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/detail_pane.py" line="237"/>
        <source>Click a photo to enlarge it</source>
        <translation>单击照片可放大查看</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/detail_pane.py" line="241"/>
        <source>No photos attached.</source>
        <translation>未附照片。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/detail_pane.py" line="350"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/detail_pane.py" line="387"/>
        <source>Danger band of the grading that counts</source>
        <translation>有效定级的危险程度</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/detail_pane.py" line="397"/>
        <source>Photos ({count})</source>
        <translation>照片（{count}）</translation>
    </message>
    <message>
      <source>Photos ({count}; rectification {loop})</source>
      <translation>照片（{count}；整改 {loop}）</translation>
    </message>
</context>
<context>
    <name>HazardEditorDialog</name>
    <message>
        <source>%1, employee no. %2</source>
        <translation>%1，工号 %2</translation>
    </message>
    <message>
        <source>Who found the hazard?</source>
        <translation>发现人是谁？</translation>
    </message>
    <message>
        <source>%1 people are called %2. Which of them found the hazard?</source>
        <translation>有 %1 人名为%2。发现隐患的是哪一位？</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="174"/>
        <source>What is wrong, and what could it lead to?</source>
        <translation>存在什么问题，可能导致什么后果？</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="180"/>
        <source>e.g. tank farm, east pump house</source>
        <translation>例如：罐区、东泵房</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="184"/>
        <source>e.g. P-101A (optional)</source>
        <translation>例如：P-101A（选填）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="207"/>
        <source>Hazard number:</source>
        <translation>隐患编号：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="208"/>
        <source>Description:</source>
        <translation>隐患描述：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="209"/>
        <source>Location / area:</source>
        <translation>所在区域/位置：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="210"/>
        <source>Equipment tag:</source>
        <translation>设备位号：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="211"/>
        <source>Responsible department:</source>
        <translation>责任部门：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="212"/>
        <source>Category:</source>
        <translation>隐患类别：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="213"/>
        <source>Subcategory:</source>
        <translation>子类：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="214"/>
        <source>Found by:</source>
        <translation>发现人：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="215"/>
        <source>Found at:</source>
        <translation>发现时间：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="216"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="225"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="228"/>
        <source>Remove selected</source>
        <translation>移除所选</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="233"/>
        <source>Photos:</source>
        <translation>照片：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="242"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="243"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="296"/>
        <source>Unsaved input</source>
        <translation>未保存的输入</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="298"/>
        <source>This form was not saved.

Keep it as a draft to finish later (the form offers it again the next time it is opened), or discard what you entered?</source>
        <translation>本表尚未保存。

要保留为草稿以后继续填写（下次打开本表时会提示恢复），还是丢弃已填写的内容？</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="309"/>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="313"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="318"/>
        <source>Choose or type a name</source>
        <translation>选择或输入姓名</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="334"/>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="344"/>
        <source>New hazard</source>
        <translation>新建隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="345"/>
        <source>Leave empty for the next free number</source>
        <translation>留空则自动编号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="346"/>
        <source>Type a number only for a hazard from a paper register (YH-2026-0001)</source>
        <translation>仅在录入纸质台账中已有编号的隐患时填写（如 YH-2026-0001）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="350"/>
        <source>Edit hazard {number}</source>
        <translation>编辑隐患 {number}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="353"/>
        <source>The number of a hazard never changes</source>
        <translation>隐患编号一经生成不可更改</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="404"/>
        <source>Attach photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="406"/>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp);;All files (*)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="427"/>
        <source>The file “{name}” cannot be read: {reason}</source>
        <translation>无法读取文件“{name}”：{reason}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="465"/>
        <source>{count} of at most {max}</source>
        <translation>{count} 张（最多 {max} 张）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="723"/>
        <source>This form has an unsaved draft from {time}.

Restore the draft? Choose No to discard it.</source>
        <translation>本表有一份 {time} 的未保存草稿。

要恢复该草稿吗？选择“否”将丢弃它。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="729"/>
        <source>Hazard {number} has been changed since the draft was written. Restoring takes the fields you changed from the draft and keeps the others as they are now: check them before saving.</source>
        <translation>隐患 {number} 在草稿写入后已被修改。恢复时，您在草稿中改动过的字段采用草稿内容，其余字段保持当前内容：保存前请核对。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="732"/>
        <source>Restore unsaved draft</source>
        <translation>恢复未保存的草稿</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="790"/>
        <source>These photos of the draft could not be restored: {names}. Please add them again.</source>
        <translation>草稿中的以下照片无法恢复：{names}。请重新添加。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="859"/>
        <source>The unsaved draft of this form cannot be read ({detail}). It was set aside as {kept}.</source>
        <translation>本表的未保存草稿无法读取（{detail}），已另存为 {kept}。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="862"/>
        <source>The unsaved draft of this form cannot be read: {detail}</source>
        <translation>本表的未保存草稿无法读取：{detail}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="865"/>
        <source>What you enter cannot be kept as a draft ({detail}). Save soon: it would be lost if the program stopped.</source>
        <translation>所填内容无法保存为草稿（{detail}）。请尽快保存：程序一旦中断，这些内容将会丢失。</translation>
    </message>
    <message>
        <source>Fields marked * are required.</source>
        <translation>标 * 的为必填项。</translation>
    </message>
    <message>
        <source>Save (Ctrl+S, Ctrl+Enter)</source>
        <translation>保存（Ctrl+S、Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续填写</translation>
    </message>
    <message>
        <source>Keep as draft</source>
        <translation>保留为草稿</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/hazard_editor.py" line="1"/>
        <source>{finder} (old ledger)</source>
        <translation>{finder}（原台账）</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="22"/>
        <source>To be graded</source>
        <translation>待定级</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="23"/>
        <source>Graded</source>
        <translation>已定级</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="24"/>
        <source>Rectifying</source>
        <translation>整改中</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="25"/>
        <source>To be accepted</source>
        <translation>待验收</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="26"/>
        <source>Closed out</source>
        <translation>已销号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="30"/>
        <source>Ungraded</source>
        <translation>未定级</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="31"/>
        <source>General hazard</source>
        <translation>一般隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="32"/>
        <source>Major hazard</source>
        <translation>重大隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="36"/>
        <source>Safety and environment</source>
        <translation>安全环保</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="37"/>
        <source>Production</source>
        <translation>生产</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="38"/>
        <source>Trade union</source>
        <translation>工会</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="39"/>
        <source>Business division</source>
        <translation>事业部</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="40"/>
        <source>Workshop / production unit</source>
        <translation>车间/生产单元</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="41"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="45"/>
        <source>Inspector</source>
        <translation>隐患排查人员</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="46"/>
        <source>Grading panel member</source>
        <translation>定级小组成员</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="47"/>
        <source>Grading panel leader</source>
        <translation>定级小组组长</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="48"/>
        <source>Dispute panel leader</source>
        <translation>争议判定小组组长</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="49"/>
        <source>Dispute panel deputy leader</source>
        <translation>争议判定小组副组长</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="50"/>
        <source>Safety officer</source>
        <translation>安全管理人员</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="55"/>
        <source>Major-hazard criteria</source>
        <translation>判定标准</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="56"/>
        <source>LEC panel</source>
        <translation>小组评分</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="57"/>
        <source>Panel decision</source>
        <translation>依第4.3条定义判定</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="61"/>
        <source>Disputed</source>
        <translation>争议中</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="62"/>
        <source>Ruled</source>
        <translation>已裁决</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="63"/>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="67"/>
        <source>A department disputes the grading; the dispute panel has not ruled yet</source>
        <translation>有部门对定级提出争议，争议判定小组尚未裁决</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="70"/>
        <source>The dispute panel ruled; its grading is final</source>
        <translation>争议判定小组已裁决，裁决结果为最终定级</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="71"/>
        <source>The department withdrew its dispute; the panel&apos;s grading stands</source>
        <translation>提出部门已撤回争议，原定级结果有效</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="77"/>
        <source>Leader</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="78"/>
        <source>Deputy</source>
        <translation>副组长</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/labels.py" line="79"/>
        <source>Member</source>
        <translation>组员</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Unsaved forms: {count} – open…</source>
        <translation>未保存的表单：{count} 份 – 打开…</translation>
    </message>
    <message>
        <source>{count} hazard form(s) were left unsaved (the program closed during an edit). Click to open them.</source>
        <translation>有 {count} 份隐患表单未保存（程序在编辑时关闭）。点击打开。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="83"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="84"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="85"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="86"/>
        <source>&amp;Grading</source>
        <translation>定级(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="87"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="88"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="241"/>
        <source>&amp;New hazard…</source>
        <translation>新建隐患(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="241"/>
        <source>Register a new hazard</source>
        <translation>登记一条新隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="244"/>
        <source>New hazard</source>
        <translation>新建隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="246"/>
        <source>&amp;Edit hazard…</source>
        <translation>编辑隐患(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="246"/>
        <source>Edit the selected hazard</source>
        <translation>编辑所选隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="249"/>
        <source>Edit hazard</source>
        <translation>编辑隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="251"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="251"/>
        <source>Search the register</source>
        <translation>在台账中搜索</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="254"/>
        <source>Clear &amp;filters</source>
        <translation>清除筛选(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="257"/>
        <source>Show every hazard</source>
        <translation>显示全部隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="260"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="260"/>
        <source>Read the register again</source>
        <translation>重新读取台账</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="263"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="265"/>
        <source>&amp;Details pane</source>
        <translation>详情面板(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="265"/>
        <source>Show or hide the details</source>
        <translation>显示或隐藏详情面板</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="270"/>
        <source>Reset &amp;layout</source>
        <translation>恢复默认布局(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="270"/>
        <source>Restore the default column widths and panes</source>
        <translation>恢复默认列宽和面板布局</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="272"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="272"/>
        <source>Quit</source>
        <translation>退出程序</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="273"/>
        <source>&amp;About…</source>
        <translation>关于(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="279"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="306"/>
        <source>&amp;Columns</source>
        <translation>显示列(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="421"/>
        <source>Hazard {number} registered.</source>
        <translation>隐患 {number} 已登记。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="442"/>
        <source>Hazard {number} saved.</source>
        <translation>隐患 {number} 已保存。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="482"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="483"/>
        <source>{title} {version}

Finds, grades, prints and closes out accident hazards (事故隐患).

Program version: {version}
Database schema revision: {revision}
Data folder: {folder}</source>
        <translation>{title} {version}

用于事故隐患的排查登记、分级、打印和销号闭环管理。

程序版本：{version}
数据库结构版本：{revision}
数据文件夹：{folder}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="497"/>
        <source>This column cannot be sorted.</source>
        <translation>此列不能排序。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="520"/>
        <source>1 hazard</source>
        <translation>共 1 条隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="520"/>
        <source>{count} hazards</source>
        <translation>共 {count} 条隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/main_window.py" line="528"/>
        <source>{count} of {total} hazards (filtered)</source>
        <translation>筛选出 {count} 条，共 {total} 条隐患</translation>
    </message>
    <message>
      <source>Closed out (已销号): read-only — its notice and acceptance form are final.</source>
      <translation>已销号：只读——其整改通知书和验收单已定稿，不能再修改。</translation>
    </message>
</context>
<context>
    <name>MemberScoresModel</name>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="185"/>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="186"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="187"/>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_history.py" line="211"/>
        <source>This member&apos;s D alone falls in: {band}</source>
        <translation>该成员的 D 值单独对应：{band}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>{department} already has a person called {name} (employee no. {employee_no}): choose them instead of entering them again. A namesake in the same department needs an employee number of their own.</source>
        <translation>{department}已有名为{name}的人员（工号 {employee_no}）：请选用此人，不要重复录入。同一部门的同名人员需各有自己的工号。</translation>
    </message>
    <message>
        <source>{department} already has a person called {name}: choose them instead of entering them again. Two people of one department with one name are told apart by their employee numbers (Tools → Settings → People).</source>
        <translation>{department}已有名为{name}的人员：请选用此人，不要重复录入。同一部门确有两位同名人员时，请分别填写工号加以区分（工具 → 设置 → 人员）。</translation>
    </message>
    <message>
        <source>{department} already has a person called {name}, switched off: switch them on again under Tools → Settings → People instead of entering them again.</source>
        <translation>{department}已有名为{name}的人员（已停用）：请在“工具 → 设置 → 人员”中重新启用此人，不要重复录入。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="28"/>
        <source>“{value}” is not a register number. Use the form YH-2026-0001 or leave it empty.</source>
        <translation>“{value}”不是有效的隐患编号。请按 YH-2026-0001 的格式填写，或留空自动编号。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="32"/>
        <source>Please describe the hazard.</source>
        <translation>请填写隐患描述。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="33"/>
        <source>The description is too long (at most {max} characters).</source>
        <translation>隐患描述过长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="34"/>
        <source>Please enter where the hazard is (area or location).</source>
        <translation>请填写隐患所在区域或位置。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="35"/>
        <source>The location is too long (at most {max} characters).</source>
        <translation>所在区域/位置过长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="37"/>
        <source>The equipment tag is too long (at most {max} characters).</source>
        <translation>设备位号过长（最多 {max} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="39"/>
        <source>Please choose the responsible department.</source>
        <translation>请选择责任部门。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="40"/>
        <source>Please choose the hazard category.</source>
        <translation>请选择隐患类别。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="41"/>
        <source>Please choose who found the hazard. An empty list means no people yet: add them in Tools → Settings → People.</source>
        <translation>请选择发现人。列表为空表示尚未登记人员：请在“工具 → 设置 → 人员”中添加。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="42"/>
        <source>The time found has no time zone (program error).</source>
        <translation>发现时间缺少时区信息（程序错误）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="43"/>
        <source>The time found lies in the future.</source>
        <translation>发现时间不能晚于当前时间。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="45"/>
        <source>The chosen department no longer exists.</source>
        <translation>所选部门已不存在。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="46"/>
        <source>The chosen person no longer exists.</source>
        <translation>所选人员已不存在。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="48"/>
        <source>“{value}” is not a hazard category of the rule.</source>
        <translation>“{value}”不是制度规定的隐患类别。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="49"/>
        <source>Unknown hazard category.</source>
        <translation>未知的隐患类别。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="52"/>
        <source>“{value}” is not a subcategory of the chosen category.</source>
        <translation>“{value}”不属于所选隐患类别的子类。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="53"/>
        <source>Unknown subcategory.</source>
        <translation>未知的子类。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="56"/>
        <source>The number {value} is already used by another hazard.</source>
        <translation>隐患编号 {value} 已被其他隐患使用。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="57"/>
        <source>This number is already used by another hazard.</source>
        <translation>该隐患编号已被其他隐患使用。</translation>
    </message>
    <message>
        <source>The number {value} skips ahead: the next free number of its year is {next}. Use that number, a free earlier one, or leave the field empty.</source>
        <translation>隐患编号 {value} 跳号了：该年度下一个可用编号是 {next}。请使用该编号或之前未用过的编号，或留空由程序自动编号。</translation>
    </message>
    <message>
        <source>The year {year} of the number {value} is not possible: use a year from {first} to {last}.</source>
        <translation>隐患编号 {value} 中的年份 {year} 不合理：年份应在 {first} 至 {last} 之间。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="59"/>
        <source>The hazard no longer exists.</source>
        <translation>该隐患已不存在。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="61"/>
        <source>Hazard {number} was changed by someone else meanwhile. Reload it and enter your change again.</source>
        <translation>隐患 {number} 在此期间已被他人修改。请重新打开后再次录入您的修改。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="64"/>
        <source>The record was changed meanwhile. Reload it and enter your change again.</source>
        <translation>该记录在此期间已被修改。请重新打开后再次录入您的修改。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="67"/>
        <source>The photo “{name}” is too large (at most {max_mb} MB).</source>
        <translation>照片“{name}”过大（最大 {max_mb} MB）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="68"/>
        <source>The photo “{name}” has too many pixels ({pixels}).</source>
        <translation>照片“{name}”像素过多（{pixels}）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="69"/>
        <source>The photo is too large.</source>
        <translation>照片过大。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="72"/>
        <source>“{name}” is not an image this program can read. Use JPEG, PNG, BMP, GIF, TIFF or WebP files.</source>
        <translation>“{name}”不是可识别的图片文件。请使用 JPEG、PNG、BMP、GIF、TIFF 或 WebP 格式。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="75"/>
        <source>The file is not an image this program can read.</source>
        <translation>该文件不是可识别的图片。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="77"/>
        <source>A hazard can have at most {max} photos.</source>
        <translation>每条隐患最多可附 {max} 张照片。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="78"/>
        <source>The photo no longer exists.</source>
        <translation>该照片已不存在。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="80"/>
        <source>Please enter the person&apos;s name.</source>
        <translation>请填写人员姓名。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="81"/>
        <source>The name is too long (at most {max} characters).</source>
        <translation>姓名过长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="82"/>
        <source>Please enter the department.</source>
        <translation>请填写部门。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="84"/>
        <source>The department name is too long (at most {max} characters).</source>
        <translation>部门名称过长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="86"/>
        <source>Please enter the leader&apos;s name.</source>
        <translation>请填写组长姓名。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="88"/>
        <source>The leader&apos;s name is too long (at most {max} characters).</source>
        <translation>组长姓名过长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="90"/>
        <source>Please give a reason.</source>
        <translation>请填写理由。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="91"/>
        <source>The reason is too long (at most {max} characters).</source>
        <translation>理由过长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="93"/>
        <source>Please record the evidence for criterion {criterion}.</source>
        <translation>请填写符合判定标准 {criterion} 的依据。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="94"/>
        <source>Please record the evidence.</source>
        <translation>请填写判定依据。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="96"/>
        <source>The evidence is too long (at most {max} characters).</source>
        <translation>判定依据过长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="99"/>
        <source>“{value}” is not a number.</source>
        <translation>“{value}”不是数字。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="100"/>
        <source>Please enter a number.</source>
        <translation>请输入数字。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="103"/>
        <source>{value} is not a value of the {factor} scale. Allowed: {allowed}.</source>
        <translation>{value} 不是 {factor} 的取值。允许的取值：{allowed}。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="104"/>
        <source>The value is not on the scale.</source>
        <translation>该值不在取值表中。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="107"/>
        <source>D = {value} falls in no band of the threshold set “{threshold_set}”.</source>
        <translation>D = {value} 不在分级标准“{threshold_set}”的任何区间内。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="108"/>
        <source>The value falls in no band of the threshold set.</source>
        <translation>该值不在分级标准的任何区间内。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="110"/>
        <source>A threshold set needs at least one band.</source>
        <translation>分级标准至少需要一个区间。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="112"/>
        <source>The lowest band must have no lower limit and the highest no upper limit.</source>
        <translation>最低区间不能设下限，最高区间不能设上限。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="115"/>
        <source>The bands leave a gap or overlap at band {band}.</source>
        <translation>区间 {band} 处存在空缺或重叠。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="116"/>
        <source>The bands leave a gap or overlap.</source>
        <translation>各区间之间存在空缺或重叠。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="119"/>
        <source>No threshold set is in force on {on}.</source>
        <translation>{on} 没有生效的分级标准。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="120"/>
        <source>No threshold set is in force on that date.</source>
        <translation>该日期没有生效的分级标准。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="122"/>
        <source>There are no values to calculate with.</source>
        <translation>没有可用于计算的数值。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="125"/>
        <source>Entry {index} (“{value}”) must be three values L, E, C separated by commas.</source>
        <translation>第 {index} 项（“{value}”）应为以逗号分隔的 L、E、C 三个值。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="126"/>
        <source>Enter three values L, E, C separated by commas.</source>
        <translation>请输入以逗号分隔的 L、E、C 三个值。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="128"/>
        <source>The panel has no members.</source>
        <translation>评价小组没有成员。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="130"/>
        <source>The panel must have an odd number of members (now {count}).</source>
        <translation>评价小组成员须为奇数（当前 {count} 人）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="131"/>
        <source>The panel must have an odd number of members.</source>
        <translation>评价小组成员须为奇数。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="133"/>
        <source>Unknown language “{value}”.</source>
        <translation>未知的语言“{value}”。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="134"/>
        <source>The chosen threshold set does not exist.</source>
        <translation>所选分级标准不存在。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="135"/>
        <source>No threshold set was chosen.</source>
        <translation>未选择分级标准。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="136"/>
        <source>The LEC scales are missing.</source>
        <translation>缺少 LEC 取值表。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="138"/>
        <source>Criterion {criterion} has been retired and can no longer be cited.</source>
        <translation>判定标准 {criterion} 已停用，不能再引用。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="139"/>
        <source>The criterion has been retired and can no longer be cited.</source>
        <translation>该判定标准已停用，不能再引用。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="141"/>
        <source>Please cite at least one major-hazard criterion.</source>
        <translation>请至少引用一条重大隐患判定标准。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="142"/>
        <source>A criterion is cited twice.</source>
        <translation>同一判定标准被重复引用。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="143"/>
        <source>A time has no time zone (program error).</source>
        <translation>时间缺少时区信息（程序错误）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="144"/>
        <source>This grading is already confirmed.</source>
        <translation>该定级已确认。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="145"/>
        <source>This grading has been superseded by a newer one.</source>
        <translation>该定级已被新的定级取代。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="146"/>
        <source>This grading is not confirmed yet.</source>
        <translation>该定级尚未确认。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="147"/>
        <source>The new grading is the same as the old one.</source>
        <translation>新定级与原定级相同。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="148"/>
        <source>The grading belongs to another hazard.</source>
        <translation>该定级属于另一条隐患。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="149"/>
        <source>The hazard has no grading yet.</source>
        <translation>该隐患尚未定级。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="150"/>
        <source>This grading is final and cannot be disputed.</source>
        <translation>该定级为最终结论，不能再提出争议。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="151"/>
        <source>The dispute is no longer open.</source>
        <translation>该争议已结束。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="152"/>
        <source>The ruling belongs to another dispute.</source>
        <translation>该判定结论属于另一项争议。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="154"/>
        <source>Invalid copy number “{value}”.</source>
        <translation>联次编号“{value}”无效。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="155"/>
        <source>There is nothing to print.</source>
        <translation>没有可打印的内容。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="156"/>
        <source>The verification code is not valid.</source>
        <translation>校验码无效。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="157"/>
        <source>The QR code is not a sheet code of this program.</source>
        <translation>该二维码不是本程序生成的表单码。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="160"/>
        <source>The database {path} cannot be read. It may be damaged or not a database.</source>
        <translation>无法读取数据库 {path}。文件可能已损坏，或不是数据库文件。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="161"/>
        <source>The database cannot be read.</source>
        <translation>无法读取数据库。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="164"/>
        <source>The database {path} was written by a newer version of this program (schema {revision}, this program knows up to {head}). Please install the newer version.</source>
        <translation>数据库 {path} 由更新版本的程序写入（结构版本 {revision}，本程序最高支持 {head}）。请安装新版本程序。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="169"/>
        <source>The database was written by a newer version of this program.</source>
        <translation>数据库由更新版本的程序写入。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="172"/>
        <source>The database {path} could not be upgraded. It is unchanged; the copy made before the upgrade is {backup}.</source>
        <translation>数据库 {path} 升级失败。数据库未被改动；升级前的备份为 {backup}。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="176"/>
        <source>The database could not be upgraded.</source>
        <translation>数据库升级失败。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="179"/>
        <source>The database is busy (another program is writing to it). Try again shortly.</source>
        <translation>数据库正忙（其他程序正在写入），请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="179"/>
        <source>The backup before upgrading the database could not be written ({detail}). The database was neither upgraded nor changed; check the free disk space, then try again.</source>
        <translation>升级数据库前无法写入备份（{detail}）。数据库未升级，也未被修改；请检查磁盘剩余空间后重试。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="181"/>
        <source>The database is read-only. Check the folder&apos;s permissions.</source>
        <translation>数据库为只读，请检查文件夹权限。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="182"/>
        <source>The disk is full. Free some space and try again.</source>
        <translation>磁盘空间已满，请清理后重试。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="185"/>
        <source>The database {path} is on a network location ({root}). A database on a network share gets damaged, so it was not opened. Use a folder on a local disk.</source>
        <translation>数据库 {path} 位于网络位置（{root}）。放在网络共享上的数据库会被损坏，因此未打开它。请使用本机磁盘上的文件夹。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="192"/>
        <source>The database {path} is in a OneDrive folder ({root}). Synchronising it while it is written can damage it, so it was not opened. Use a local folder that is not synchronised.</source>
        <translation>数据库 {path} 位于 OneDrive 同步文件夹（{root}）中。写入时同步可能损坏数据库，因此未打开它。请使用不同步的本机文件夹。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="199"/>
        <source>The data folder setting HAZARD_DESKTOP_DATA=“{value}” uses {variable}, which is not defined. Check the setting.</source>
        <translation>数据文件夹设置 HAZARD_DESKTOP_DATA=“{value}” 中的环境变量 {variable} 未定义。请检查该设置。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="199"/>
        <source>The database of the older version {source} could not be moved to {target}. Nothing was changed. Close every program using it and try again.</source>
        <translation>无法把旧版本的数据库 {source} 移到 {target}，未做任何更改。请关闭所有使用它的程序后重试。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="183"/>
        <source>The database reported an error. Nothing was saved.</source>
        <translation>数据库出错，未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="187"/>
        <source>Number</source>
        <translation>隐患编号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="188"/>
        <source>Description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="189"/>
        <source>Location</source>
        <translation>所在区域/位置</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="190"/>
        <source>Equipment tag</source>
        <translation>设备位号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="191"/>
        <source>Responsible department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="192"/>
        <source>Category</source>
        <translation>隐患类别</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="193"/>
        <source>Subcategory</source>
        <translation>子类</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="194"/>
        <source>Found by</source>
        <translation>发现人</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="195"/>
        <source>Found at</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="196"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="197"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="198"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="199"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="200"/>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="203"/>
        <source>“{field}” must be filled in.</source>
        <translation>“{field}”为必填项。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="204"/>
        <source>“{field}” is too long (at most {max} characters).</source>
        <translation>“{field}”过长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="205"/>
        <source>“{field}” is not valid ({code}).</source>
        <translation>“{field}”无效（{code}）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="206"/>
        <source>The request was refused ({code}). Nothing was changed.</source>
        <translation>操作被拒绝（{code}），未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="207"/>
        <source>A record it refers to no longer exists ({code}).</source>
        <translation>所引用的记录已不存在（{code}）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="208"/>
        <source>It collides with stored data ({code}). Nothing was changed.</source>
        <translation>与已保存的数据冲突（{code}），未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="209"/>
        <source>This step is not allowed now ({code}).</source>
        <translation>当前不允许执行此步骤（{code}）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="210"/>
        <source>The database cannot be used ({code}).</source>
        <translation>数据库无法使用（{code}）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="211"/>
        <source>An unexpected error occurred: {detail}</source>
        <translation>发生意外错误：{detail}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="213"/>
        <source>Cannot do that</source>
        <translation>无法执行</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="214"/>
        <source>Database problem</source>
        <translation>数据库问题</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="1"/>
        <source>The database {path} could not be upgraded. It is unchanged.</source>
        <translation>数据库 {path} 升级失败。数据库未被改动。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="1"/>
        <source>The database file {path} is empty (0 bytes): it is not a register and is not turned into a new one. Restore it from a backup, or delete it to start a new register.</source>
        <translation>数据库文件 {path} 是空的（0 字节），不是台账，程序不会把它当作新台账。请从备份恢复，或删除该文件后再新建台账。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="1"/>
        <source>The database {path} cannot be opened: the file or its folder is read-only or not accessible to you. It was not changed.</source>
        <translation>无法打开数据库 {path}：该文件或其所在文件夹是只读的，或当前用户无权访问。文件未被修改。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="1"/>
        <source>The data folder {path} is a file, not a folder. Nothing was changed.</source>
        <translation>数据目录 {path} 是一个文件，不是文件夹。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="1"/>
        <source>The data folder {path} does not exist. Nothing was created.</source>
        <translation>数据目录 {path} 不存在。未创建任何内容。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="1"/>
        <source>The data folder {path} cannot be created: {detail}</source>
        <translation>无法创建数据目录 {path}：{detail}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="1"/>
        <source>“{value}” is too large (at most {max_digits} digits before the point).</source>
        <translation>“{value}” 太大（整数部分最多 {max_digits} 位）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="1"/>
        <source>The number is too large.</source>
        <translation>数字太大。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="1"/>
        <source>The text contains an invisible control character (such as NUL or ESC) at position {position}. Remove it.</source>
        <translation>文字第 {position} 个字符是不可见的控制字符（如 NUL、ESC），请删除。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="1"/>
        <source>The text contains an invisible control character (such as NUL or ESC).</source>
        <translation>文字中含有不可见的控制字符（如 NUL、ESC），请删除。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="1"/>
        <source>The register cannot be opened</source>
        <translation>无法打开台账</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="1"/>
        <source>New register?</source>
        <translation>新建台账？</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="1"/>
        <source>The data folder {path} does not exist.

Create it and start a new, empty register there? Choose No if the folder name was mistyped: nothing is created.</source>
        <translation>数据目录 {path} 不存在。

要创建该目录并在其中新建一个空台账吗？如果目录名输错了，请选择“否”：不会创建任何内容。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="1"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="1"/>
        <source>An unexpected error occurred: {detail}

What you saved before is safe. The program keeps running; if something looks wrong, close it and start it again.

The details were written to:
{log}</source>
        <translation>发生意外错误：{detail}

此前已保存的内容不受影响。程序继续运行；如有异常，请关闭后重新启动。

详细信息已写入：
{log}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="1"/>
        <source>The status is not changed by editing: grading sets 已定级, the rectification steps set the others.</source>
        <translation>编辑隐患不改变状态：定级后为“已定级”，其余状态由整改、验收、销号各步骤设定。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="1"/>
        <source>A hazard cannot go from this status to that one.</source>
        <translation>隐患不能从当前状态改为该状态。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="1"/>
        <source>Hazard {hazard} is closed (已销号) and is graded no more.</source>
        <translation>隐患 {hazard} 已销号，不能再定级。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/messages.py" line="1"/>
        <source>The hazard is closed (已销号) and is graded no more.</source>
        <translation>该隐患已销号，不能再定级。</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>这是一个文件夹，不是文件</translation>
    </message>
    <message>
        <source>permission denied, or the file is open in another program</source>
        <translation>没有权限，或文件正被其他程序打开</translation>
    </message>
    <message>
        <source>the operation is not permitted</source>
        <translation>没有权限执行此操作</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>已超出磁盘配额</translation>
    </message>
    <message>
        <source>the disk or folder is read-only</source>
        <translation>磁盘或文件夹是只读的</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>路径中有一部分不是文件夹</translation>
    </message>
    <message>
        <source>a file or folder of that name already exists</source>
        <translation>同名的文件或文件夹已存在</translation>
    </message>
    <message>
        <source>the file name or path is too long</source>
        <translation>文件名或路径太长</translation>
    </message>
    <message>
        <source>the file name is not valid</source>
        <translation>文件名无效</translation>
    </message>
    <message>
        <source>the file or device is busy</source>
        <translation>文件或设备正忙</translation>
    </message>
    <message>
        <source>the disk reported a read or write error</source>
        <translation>磁盘读写出错</translation>
    </message>
    <message>
        <source>the drive is no longer connected</source>
        <translation>U 盘或磁盘已断开连接</translation>
    </message>
    <message>
        <source>Register already open</source>
        <translation>台账已打开</translation>
    </message>
    <message>
        <source>The register in {path} is already open in another window of the program (process {pid} on {host}).

Two windows on one register show each other&apos;s changes only after a refresh, and both may print the same sheets. Open it here as well?</source>
        <translation>{path} 中的台账已在本程序的另一个窗口中打开（计算机 {host} 上的进程 {pid}）。

同一台账在两个窗口中打开时，一个窗口的修改要刷新后才会在另一个窗口中显示，两边还可能打印同一张判定表。仍要在这里再打开一次吗？</translation>
    </message>
    <message>
      <source>Hazard {number} is closed out (已销号): its record and its printed forms are final and it cannot be edited.</source>
      <translation>隐患 {number} 已销号：其记录和已打印的表单已定稿，不能再修改。</translation>
    </message>
    <message>
      <source>The hazard is closed out (已销号): its record and its printed forms are final.</source>
      <translation>该隐患已销号：其记录和已打印的表单已定稿。</translation>
    </message>
    <message>
      <source>The hazard is graded: its edits are recorded in its timeline under the operator (操作人). Choose the operator first (Rectification → Operator).</source>
      <translation>该隐患已定级：修改会以操作人的名义记入其处理记录。请先选择操作人（整改 → 操作人）。</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../hazard_desktop/ui/detail_pane.py" line="106"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/detail_pane.py" line="119"/>
        <source>The photo cannot be shown.</source>
        <translation>无法显示该照片。</translation>
    </message>
</context>
<context>
    <name>RegisterFilterBar</name>
    <message>
        <location filename="../../hazard_desktop/ui/register_filters.py" line="181"/>
        <source>Number or words…</source>
        <translation>搜索编号、描述、位置、位号…</translation>
    </message>
    <message>
        <source>Searches the register number, the old ledger's number (原编号), the description, the location and the equipment tag. A search that is exactly a number lists that hazard first.</source>
        <translation>搜索隐患编号、原编号、隐患描述、位置和设备位号。输入完整编号时，该隐患排在最前。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/register_filters.py" line="190"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/register_filters.py" line="191"/>
        <source>Not closed out</source>
        <translation>未销号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/register_filters.py" line="197"/>
        <source>All grades</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/register_filters.py" line="216"/>
        <source>How the grade that counts was reached</source>
        <translation>有效定级的判定方式</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/register_filters.py" line="217"/>
        <source>All methods</source>
        <translation>全部判定方式</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/register_filters.py" line="223"/>
        <source>Hazards whose grading a department disputed (open, ruled or withdrawn)</source>
        <translation>有部门对其定级提出过争议的隐患（争议中、已裁决或已撤回）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/register_filters.py" line="224"/>
        <source>Disputed or not</source>
        <translation>全部争议情况</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/register_filters.py" line="225"/>
        <source>Disputed</source>
        <translation>有争议</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/register_filters.py" line="226"/>
        <source>Never disputed</source>
        <translation>无争议</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/register_filters.py" line="229"/>
        <source>Found</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/register_filters.py" line="231"/>
        <source>Only hazards found between these two days (both included)</source>
        <translation>只显示在这两天之间（含首尾两天）发现的隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/register_filters.py" line="244"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/register_filters.py" line="296"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/register_filters.py" line="300"/>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <location filename="../../hazard_desktop/ui/models/register_model.py" line="66"/>
        <source>Number</source>
        <translation>隐患编号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/models/register_model.py" line="67"/>
        <source>Found at</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/models/register_model.py" line="68"/>
        <source>Description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/models/register_model.py" line="69"/>
        <source>Location</source>
        <translation>所在区域/位置</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/models/register_model.py" line="70"/>
        <source>Category</source>
        <translation>隐患类别</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/models/register_model.py" line="71"/>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/models/register_model.py" line="72"/>
        <source>Found by</source>
        <translation>发现人</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/models/register_model.py" line="73"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/models/register_model.py" line="74"/>
        <source>Grade</source>
        <translation>隐患等级</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/models/register_model.py" line="75"/>
        <source>Band</source>
        <translation>危险程度</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/models/register_model.py" line="76"/>
        <source>Mean D</source>
        <translation>D 均值</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/models/register_model.py" line="77"/>
        <source>Method</source>
        <translation>判定方式</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/models/register_model.py" line="78"/>
        <source>Dispute</source>
        <translation>争议</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/models/register_model.py" line="79"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/models/register_model.py" line="83"/>
        <source>Danger band of the mean D (table D.4)</source>
        <translation>平均 D 值对应的危险程度（表 D.4）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/models/register_model.py" line="84"/>
        <source>Mean of the panel members&apos; D = L × E × C</source>
        <translation>小组成员 D = L × E × C 的平均值</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/models/register_model.py" line="85"/>
        <source>How the grade that counts was reached</source>
        <translation>有效定级的判定方式</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/models/register_model.py" line="86"/>
        <source>Whether a department disputed the grading</source>
        <translation>是否有部门对定级提出争议</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/models/register_model.py" line="576"/>
        <source>This column cannot be sorted</source>
        <translation>此列不能排序</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../hazard_desktop/ui/formatting.py" line="1"/>
        <source>Not recorded in the old ledger</source>
        <translation>原台账未记录</translation>
    </message>
</context>
</TS>
