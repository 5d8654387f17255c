<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MeetingChoiceDialog</name>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="166"/>
        <source>Print meeting sheets</source>
        <translation>打印判定会议的判定表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="167"/>
        <source>Choose the grading meeting: its confirmed gradings print as one document, one sheet each.</source>
        <translation>请选择判定会议：该会议已确认的各项分级合为一份文件打印，每条隐患一张判定表。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="168"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="168"/>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="168"/>
        <source>Leader</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="168"/>
        <source>Gradings</source>
        <translation>分级数</translation>
    </message>
</context>
<context>
    <name>SheetActions</name>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="88"/>
        <source>&amp;Print grading sheet…</source>
        <translation>打印隐患分级判定表(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="89"/>
        <source>Print preview and print the grading sheet (隐患分级判定表) of the selected hazard</source>
        <translation>预览并打印所选隐患的隐患分级判定表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="94"/>
        <source>Print &amp;meeting sheets…</source>
        <translation>打印判定会议的判定表(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="95"/>
        <source>Print the grading sheets of a whole panel meeting as one document</source>
        <translation>将一次判定会议的全部判定表合为一份文件打印</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="99"/>
        <source>Print &amp;dispute ruling…</source>
        <translation>打印争议裁决表(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="100"/>
        <source>Print the dispute ruling sheet (争议裁决表) of the selected hazard</source>
        <translation>打印所选隐患的争议裁决表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="104"/>
        <source>Save sheet as PD&amp;F…</source>
        <translation>判定表另存为 PDF(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="105"/>
        <source>Save the grading sheet of the selected hazard as a PDF file</source>
        <translation>将所选隐患的判定表保存为 PDF 文件</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="110"/>
        <source>Rectification &amp;notice…</source>
        <translation>隐患整改通知书(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="111"/>
        <source>Print the rectification notice (隐患整改通知书) with its reply slip for the selected hazard</source>
        <translation>打印所选隐患的隐患整改通知书（含回执）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="115"/>
        <source>&amp;Acceptance form…</source>
        <translation>隐患整改验收单(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="116"/>
        <source>Print the acceptance form (隐患整改验收单) of the selected hazard</source>
        <translation>打印所选隐患的隐患整改验收单</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="120"/>
        <source>Major hazard treatment &amp;plan…</source>
        <translation>重大事故隐患治理方案(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="121"/>
        <source>Print the treatment plan (重大事故隐患治理方案) of the selected major hazard</source>
        <translation>打印所选重大事故隐患的治理方案</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="125"/>
        <source>Major hazard &amp;report…</source>
        <translation>重大事故隐患报告(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="126"/>
        <source>Print the one-page report (重大事故隐患报告) of the selected major hazard for the regulator</source>
        <translation>打印所选重大事故隐患报送监管部门的重大事故隐患报告（一页）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="135"/>
        <source>Print &amp;rectification form</source>
        <translation>打印整改文书(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="139"/>
        <source>&amp;Verify sheet…</source>
        <translation>核验判定表(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="140"/>
        <source>Check a printed sheet&apos;s verification code against the database</source>
        <translation>用打印表上的核验码与数据库中的记录核对</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="209"/>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="233"/>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="291"/>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="332"/>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="373"/>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="380"/>
        <source>Sheets</source>
        <translation>判定表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="218"/>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="259"/>
        <source>Select a hazard first.</source>
        <translation>请先选择一条隐患。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="229"/>
        <source>The selected hazard has no ruled dispute.</source>
        <translation>所选隐患没有已裁决的争议。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="231"/>
        <source>The selected hazard has no confirmed grading yet: there is no sheet to print.</source>
        <translation>所选隐患尚无已确认的分级，没有可打印的判定表。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="291"/>
        <source>No meeting has confirmed gradings yet.</source>
        <translation>还没有含已确认分级的判定会议。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="312"/>
        <source>Save sheet as PDF</source>
        <translation>判定表另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="314"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="330"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="359"/>
        <source>Preparing sheet {number} of {count}…</source>
        <translation>正在准备第 {number} 张，共 {count} 张…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="361"/>
        <source>Rendering the PDF ({count} sheets)…</source>
        <translation>正在生成 PDF（共 {count} 张）…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="363"/>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="373"/>
        <source>The file cannot be written: {error}</source>
        <translation>无法写入文件：{error}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="380"/>
        <source>The sheets could not be produced: {error}</source>
        <translation>无法生成判定表：{error}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="385"/>
        <source>Cancelled; nothing was printed or recorded.</source>
        <translation>已取消，未打印也未登记任何内容。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="435"/>
        <source>Preparing the sheets…</source>
        <translation>正在准备判定表…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="457"/>
        <source>Saving the sheets…</source>
        <translation>正在保存判定表…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="470"/>
        <source>%n sheet(s) recorded</source>
        <translation>
            <numerusform>已登记 %n 张表</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="472"/>
        <source> (%n reprint(s) marked 副本)</source>
        <translation>
            <numerusform>（其中 %n 张为副本）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/actions.py" line="473"/>
        <source>{what}: {where}</source>
        <translation>{what}：{where}</translation>
    </message>
</context>
<context>
    <name>SheetChoiceDialog</name>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="82"/>
        <source>Choose the sheet — {number}</source>
        <translation>选择判定表 — {number}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="84"/>
        <source>Hazard {number} was graded more than once. Choose the grading whose sheet you want; the one that counts now is selected.</source>
        <translation>隐患 {number} 有多次分级记录。请选择要打印哪一次分级的表；已选中当前有效的一次。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="88"/>
        <source>Sheet no.</source>
        <translation>表号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="89"/>
        <source>Sheet</source>
        <translation>表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="90"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="91"/>
        <source>Method</source>
        <translation>判定方法</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="92"/>
        <source>Mean D</source>
        <translation>平均 D 值</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="93"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="94"/>
        <source>Leader</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="95"/>
        <source>Standing</source>
        <translation>效力</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="96"/>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="104"/>
        <source>Dispute ruling</source>
        <translation>争议裁决表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="104"/>
        <source>Grading sheet</source>
        <translation>隐患分级判定表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="106"/>
        <source>Major hazard</source>
        <translation>重大事故隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="112"/>
        <source>counts now</source>
        <translation>当前有效</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="114"/>
        <source>superseded</source>
        <translation>已被取代</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="117"/>
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n 次</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="117"/>
        <source>never</source>
        <translation>未打印</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="138"/>
        <source>LEC panel</source>
        <translation>LEC 小组评分</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="139"/>
        <source>Major-hazard criteria</source>
        <translation>重大隐患判定标准</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/choose.py" line="140"/>
        <source>Panel decision</source>
        <translation>依第4.3条定义判定（非判定标准条款）</translation>
    </message>
</context>
<context>
    <name>SheetMessages</name>
    <message>
        <location filename="../../hazard_desktop/ui/sheet_messages.py" line="14"/>
        <source>The hazard has no confirmed grading yet: there is no sheet to print.</source>
        <translation>该隐患尚无已确认的分级，没有可打印的判定表。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheet_messages.py" line="17"/>
        <source>A draft grading has no sheet: the panel leader confirms it first.</source>
        <translation>草稿分级不能打印判定表，须先由判定组长确认。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheet_messages.py" line="20"/>
        <source>The grading no longer exists.</source>
        <translation>该分级记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheet_messages.py" line="21"/>
        <source>The meeting no longer exists.</source>
        <translation>该判定会议已不存在。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheet_messages.py" line="22"/>
        <source>The dispute no longer exists.</source>
        <translation>该争议已不存在。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheet_messages.py" line="23"/>
        <source>The dispute has not been ruled on yet.</source>
        <translation>该争议尚未裁决。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheet_messages.py" line="24"/>
        <source>The meeting has no confirmed gradings to print.</source>
        <translation>该会议没有已确认的分级可打印。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheet_messages.py" line="25"/>
        <source>Sheet {sheet_no} was printed by someone else meanwhile. Please print again.</source>
        <translation>判定表 {sheet_no} 刚被他人打印，请重新打印。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheet_messages.py" line="28"/>
        <source>That is not a verification code: it has 12 letters and digits, like 7K3M-Q9XA-2B4C.</source>
        <translation>这不是核验码：核验码由 12 位字母和数字组成，例如 7K3M-Q9XA-2B4C。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheet_messages.py" line="31"/>
        <source>The scanned QR code is not a sheet code of this program.</source>
        <translation>扫描的二维码不是本程序打印的判定表二维码。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheet_messages.py" line="32"/>
        <source>Hazard {number} has no rectification assignment yet: the notice is printed once it is assigned.</source>
        <translation>隐患 {number} 尚未下达整改（五定），下达整改后才能打印整改通知书。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheet_messages.py" line="36"/>
        <source>Hazard {number} has not been submitted for acceptance: the acceptance form is printed from then on.</source>
        <translation>隐患 {number} 尚未申请验收，申请验收后才能打印验收单。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheet_messages.py" line="40"/>
        <source>Hazard {number} is not a major hazard: it has no {form}.</source>
        <translation>隐患 {number} 不是重大事故隐患，没有{form}。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheet_messages.py" line="43"/>
        <source>Hazard {number} has no treatment plan yet: the {form} is printed once the plan is saved.</source>
        <translation>隐患 {number} 尚无治理方案，保存治理方案后才能打印{form}。</translation>
    </message>
</context>
<context>
    <name>SheetPreviewDialog</name>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/preview.py" line="124"/>
        <source>Print preview — {title}</source>
        <extracomment>Called just before the pages go to a printer or a file; returns the PDF to output (the same path, a re-rendered one, or None to output nothing: the hook has told the user why). &quot;Save as PDF…&quot; in one step: writes the document as the given file and records its prints; returns the PDF it saved (the previewed one or a re-rendered one), or None (the hook has told the user why).</extracomment>
        <translation>打印预览 — {title}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/preview.py" line="135"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/preview.py" line="137"/>
        <source>Save the sheets as a PDF file</source>
        <translation>将判定表保存为 PDF 文件</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/preview.py" line="185"/>
        <location filename="../../hazard_desktop/ui/sheets/preview.py" line="193"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/preview.py" line="193"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/preview.py" line="186"/>
        <source>The file cannot be written: {error}</source>
        <translation>无法写入文件：{error}</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="53"/>
        <source>Verify sheet</source>
        <translation>核验判定表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="59"/>
        <source>Type the verification code printed on the sheet (for example 7K3M-Q9XA-2B4C), or scan its QR code.</source>
        <translation>请输入表上印的核验码（例如 7K3M-Q9XA-2B4C），或扫描表上的二维码。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="66"/>
        <source>XXXX-XXXX-XXXX or scanned QR code</source>
        <translation>XXXX-XXXX-XXXX 或扫描二维码</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="69"/>
        <source>&amp;Verify</source>
        <translation>核验(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="136"/>
        <source>Please type or scan a verification code.</source>
        <translation>请输入或扫描核验码。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="218"/>
        <source>Dispute ruling sheet (争议裁决表)</source>
        <translation>争议裁决表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="224"/>
        <source>Grading sheet (隐患分级判定表)</source>
        <translation>隐患分级判定表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="169"/>
        <source>Code</source>
        <translation>核验码</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="170"/>
        <source>Hazard</source>
        <translation>隐患编号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="171"/>
        <source>Sheet no.</source>
        <translation>表号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="173"/>
        <source>First printed</source>
        <translation>首次打印</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="174"/>
        <source>{time} by {who}</source>
        <translation>{time}，{who}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="179"/>
        <source>Prints</source>
        <translation>打印次数</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="180"/>
        <source>{count} (original and {copies} reprints); last {time}</source>
        <translation>{count} 次（正本及 {copies} 次副本）；最近一次 {time}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="186"/>
        <source>{count}; last {time}</source>
        <translation>{count} 次；最近一次 {time}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="194"/>
        <source>Standing</source>
        <translation>效力</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="195"/>
        <source>This grading is the one that counts for the hazard.</source>
        <translation>该分级是该隐患当前有效的分级。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="197"/>
        <source>This grading has since been corrected or replaced by a dispute ruling.</source>
        <translation>该分级此后已被更正或被争议裁决取代。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="203"/>
        <source>Warning</source>
        <translation>注意</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="204"/>
        <source>The QR code names hazard {scanned}, but the code belongs to hazard {stored}.</source>
        <translation>二维码中的隐患编号为 {scanned}，但该核验码属于隐患 {stored}。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="219"/>
        <source>Rectification notice (隐患整改通知书)</source>
        <translation>隐患整改通知书</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="220"/>
        <source>Acceptance form (隐患整改验收单)</source>
        <translation>隐患整改验收单</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="221"/>
        <source>Major hazard treatment plan (重大事故隐患治理方案)</source>
        <translation>重大事故隐患治理方案</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="222"/>
        <source>Major hazard report (重大事故隐患报告)</source>
        <translation>重大事故隐患报告</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="229"/>
        <source>Verified</source>
        <translation>核验通过</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="230"/>
        <source>The database holds exactly the record printed on this sheet.</source>
        <translation>数据库中的记录与本表打印的内容完全一致。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="235"/>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="240"/>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="248"/>
        <source>Altered since printing</source>
        <translation>打印后已被改动</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="236"/>
        <source>The record printed on this sheet is no longer in the database.</source>
        <translation>本表打印的记录已不在数据库中。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="242"/>
        <source>This form was printed by this program, but the record stored now differs from the one printed on it (for example a deadline extended or an acceptance decided since). Do not rely on it; print the form again and check the hazard&apos;s timeline.</source>
        <translation>该文书由本程序打印，但数据库中现存的记录与打印时不同（例如此后期限已延长或验收已作出结论）。请勿依据该文书；请重新打印，并查看该隐患的处理记录。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="250"/>
        <source>This sheet was printed by this program, but the record stored now differs from the one printed on it. Do not rely on the sheet; check the grading history.</source>
        <translation>本表由本程序打印，但数据库中现存的记录与表上打印的内容不一致。请勿以本表为准，请核查分级历史。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="255"/>
        <source>Unknown code</source>
        <translation>未知核验码</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="256"/>
        <source>No sheet with the code {code} was printed or saved by this program.</source>
        <translation>本程序未打印或保存过核验码为 {code} 的判定表。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="1"/>
        <source>Statistics report (隐患排查治理统计报表)</source>
        <translation>隐患排查治理统计报表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="1"/>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="1"/>
        <source>This statistics report was saved by this program with exactly the figures printed on it (the figures of the register when it was made; later entries change them).</source>
        <translation>此统计报表由本程序保存，所印数字与保存时完全一致（即编制时台账的数字；此后的录入会改变统计结果）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/sheets/verify_dialog.py" line="1"/>
        <source>Report</source>
        <translation>报表</translation>
    </message>
</context>
</TS>
