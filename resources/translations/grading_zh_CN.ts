<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BandsModel</name>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/bands_table.py" line="24" />
        <source>Danger band</source>
        <translation>危险等级</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/bands_table.py" line="25" />
        <source>D range</source>
        <translation>D 值范围</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/bands_table.py" line="26" />
        <source>Required action</source>
        <translation>应采取措施</translation>
    </message>
</context>
<context>
    <name>CriteriaCheckDialog</name>
    <message>
        <source>Close the major-hazard check without using it? The ticked criteria and the evidence entered are discarded.</source>
        <translation>不采用本次重大隐患判定就关闭？已勾选的判定标准和录入的依据将被丢弃。</translation>
    </message>
    <message>
        <source>Discard the check?</source>
        <translation>丢弃本次判定？</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="369" />
        <source>Major-hazard check</source>
        <translation>重大隐患判定</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="383" />
        <source>Search text, code or clause…</source>
        <translation>按内容、编号或条款搜索…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="385" />
        <source>Ticked only</source>
        <translation>只显示已勾选</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="421" />
        <source>This hazard matches the criterion</source>
        <translation>本隐患符合该判定标准</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="427" />
        <source>What was found that matches this criterion (place, observation, document)…</source>
        <translation>符合该标准的事实（地点、现场情况、文件记录）…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="431" />
        <source>Selected criterion</source>
        <translation>当前判定标准</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="436" />
        <source>Evidence (required for each ticked criterion):</source>
        <translation>证据（每项勾选的标准均须填写）：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="456" />
        <source>Judgement by the definition in §4.3 (not a listed criterion): the panel judges it a major hazard</source>
        <translation>依第4.3条重大事故隐患定义判定（不属于所列判定标准条款）：判定小组集体判定为重大隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="463" />
        <source>Why the panel judges this a major hazard (required): harm, difficulty of rectification, …</source>
        <translation>评分小组认定为重大隐患的理由（必填）：危害程度、整改难度等…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="486" />
        <source>Result:</source>
        <translation>判定结果：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="493" />
        <source>Use this result</source>
        <translation>采用此结果</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="494" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="655" />
        <source>Choose a criterion in the list.</source>
        <translation>请在左侧列表中选择一项判定标准。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="662" />
        <source>%1 — clause %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="698" />
        <source>Major hazard — matches %n criterion(s)</source>
        <translation><numerusform>重大隐患 — %n 项符合</numerusform></translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="701" />
        <source>Matched: %1.</source>
        <translation>符合：%1。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="703" />
        <source>Evidence still missing for %1.</source>
        <translation>以下各项尚缺证据：%1。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="706" />
        <source>Major hazard — panel decision under §4.3</source>
        <translation>重大隐患 — 评分小组依据§4.3判定</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="708" />
        <source>A written reason is required.</source>
        <translation>必须填写书面理由。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="711" />
        <source>No criterion matches</source>
        <translation>未匹配任何判定标准</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="712" />
        <source>The hazard is graded by the LEC method (§5.2).</source>
        <translation>按 LEC 法（§5.2）评定隐患级别。</translation>
    </message>
</context>
<context>
    <name>CriteriaModel</name>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="57" />
        <source>Criterion</source>
        <translation>判定标准</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="58" />
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="59" />
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="60" />
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="63" />
        <source>Company major-hazard criteria (rule §4.4)</source>
        <translation>本公司重大隐患判定标准（§4.4）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="64" />
        <source>SAWS No. 121 (2017) major-hazard criteria</source>
        <translation>安监总管三〔2017〕121号 重大隐患判定标准</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="65" />
        <source>Other criteria</source>
        <translation>其他判定标准</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="67" />
        <source>recorded</source>
        <translation>已填写</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="68" />
        <source>missing</source>
        <translation>待填写</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/criteria_check.py" line="69" />
        <source>%1 (%2 shown, %3 ticked)</source>
        <translation>%1（显示 %2 项，已勾选 %3 项）</translation>
    </message>
</context>
<context>
    <name>DisputePanelDialog</name>
    <message>
        <source>Close without a ruling? The votes and scores the dispute panel entered for %1 are discarded; the dispute stays open.</source>
        <translation>不作裁决就关闭？争议判定小组为 %1 录入的表决和评分将被丢弃；争议仍保持未决。</translation>
    </message>
    <message>
        <source>Close dispute</source>
        <translation>关闭争议判定</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="128" />
        <source>Hazard dispute — %1</source>
        <translation>隐患争议判定 — %1</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="158" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="202" />
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="209" />
        <source>Name of the person raising the dispute</source>
        <translation>提出争议人员姓名</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="213" />
        <source>Why the department disagrees with the grade (facts, scores it would give, …)</source>
        <translation>对定级结果有异议的理由（事实依据、建议的评分等）…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="216" />
        <source>Raise dispute</source>
        <translation>提出争议</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="223" />
        <source>Raising department:</source>
        <translation>提出争议部门：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="224" />
        <source>Raised by:</source>
        <translation>提出人：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="225" />
        <source>Reason:</source>
        <translation>争议理由：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="226" />
        <source>Raise a dispute about this grading (§6)</source>
        <translation>对本定级结果提出争议（§6）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="264" />
        <source>Start scoring</source>
        <translation>开始评分</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="271" />
        <source>Reason for withdrawing (optional)</source>
        <translation>撤回理由（可不填）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="272" />
        <source>Withdraw dispute</source>
        <translation>撤回争议</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="278" />
        <source>Leader (组长):</source>
        <translation>组长：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="279" />
        <source>Deputy leader (副组长):</source>
        <translation>副组长：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="280" />
        <source>Ruled on:</source>
        <translation>裁决日期：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="281" />
        <source>Threshold set:</source>
        <translation>分级阈值组：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="303" />
        <source>Dispute panel scores (D = L × E × C), one member at a time</source>
        <translation>争议判定小组评分（D = L × E × C），逐人独立评分</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="316" />
        <source>The panel's ruling (required): what it decided and why</source>
        <translation>小组裁决意见（必填）：裁决结论及理由</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="319" />
        <source>Score again</source>
        <translation>重新评分</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="333" />
        <source>Ruling (the mean D of the dispute panel is final, §7):</source>
        <translation>裁决意见（争议判定小组的平均值为最终隐患值，§7）：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="398" />
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="665" />
        <source>Grading in force: %1</source>
        <translation>现行定级：%1</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="405" />
        <source>Dispute raised by %1 (%2) on %3: %4</source>
        <translation>争议：%2 %1 于 %3 提出 —— %4</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="417" />
        <source>The hazard has no confirmed grading yet: there is nothing to dispute.</source>
        <translation>该隐患尚无确认的定级结果，无可争议。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="421" />
        <source>The grading in force is a dispute panel's ruling: it is final and cannot be disputed (§7).</source>
        <translation>现行定级为争议判定小组的裁决，属最终结果，不能再提出争议（§7）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="501" />
        <source>Members (%1); odd number in all, leader and deputy included</source>
        <translation>组员（%1）；含组长、副组长在内总人数须为单数</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="604" />
        <source>The dispute was withdrawn; the panel's grading stands.</source>
        <translation>争议已撤回，维持评分小组的定级结果。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="627" />
        <source>Confirm ruling (leader %1)</source>
        <translation>确认裁决（组长 %1）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="669" />
        <source>Ruling confirmed. The final grading is: %1</source>
        <translation>裁决已确认。最终定级：%1</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/dispute_panel.py" line="671" />
        <source>Ruling: %1</source>
        <translation>裁决意见：%1</translation>
    </message>
    <message>
        <source>%1 (%2) %3</source>
        <translation>%1（%2）%3</translation>
    </message>
    <message>
        <source>Criteria the department says apply (optional):</source>
        <translation>提出部门认为适用的重大隐患判定标准（可选）：</translation>
    </message>
    <message>
        <source>Who withdraws it</source>
        <translation>撤回人</translation>
    </message>
    <message>
        <source>No 组长 and 副组长 are named for %1: name them in Tools → Settings → Dispute panel.</source>
        <translation>设置中未指定 %1 适用的组长和副组长：请在“工具 → 设置 → 争议判定小组”中指定。</translation>
    </message>
    <message>
        <source>Named in the settings from %1 (rule §7).</source>
        <translation>按设置自 %1 起指定（制度第7条）。</translation>
    </message>
    <message>
        <source>Record the votes</source>
        <translation>记录表决结果</translation>
    </message>
    <message>
        <source>First, as in §5: does each criterion below really apply? Every member votes; the majority of the (odd) panel decides. If one applies the hazard is 重大 with that clause; only if none applies does the panel score LEC.</source>
        <translation>按第5条的顺序，先逐条判定：下列判定标准是否确实适用？每位成员逐一表决，以小组（单数）过半数为准。任一条适用，即按该条款判定为重大事故隐患；均不适用时，小组才用 LEC 法评分。</translation>
    </message>
    <message>
        <source>The dispute was withdrawn by %1 (%2); the panel's grading stands.</source>
        <translation>争议已由 %1（%2）撤回；原判定维持有效。</translation>
    </message>
    <message>
        <source>A criterion applies (§5.1): the ruling is 重大事故隐患, citing:</source>
        <translation>判定标准适用（第5.1条）：裁决为重大事故隐患，依据：</translation>
    </message>
    <message>
        <source>Ruling (the panel's vote on the criteria is final, §7):</source>
        <translation>裁决意见（小组对判定标准的表决为最终裁决，第7条）：</translation>
    </message>
    <message>
        <source>No criterion in question applies; the LEC mean decides (§5.2, §7):</source>
        <translation>所涉判定标准均不适用；以 LEC 平均值裁决（第5.2、7条）：</translation>
    </message>
</context>
<context>
    <name>GradingActions</name>
    <message>
        <source>Select one or more hazards that are not graded yet and not closed out.</source>
        <translation>请选择一条或多条尚未定级、未销号的隐患。</translation>
    </message>
    <message>
        <source>Grading with the panel needs the role %1 (signed in: %2). The safety office administrator gives roles under Tools → Accounts.</source>
        <translation>评分小组定级需要%1角色（当前登录：%2）。可由安环部管理员在“工具 → 账户”中分配。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_actions.py" line="65" />
        <source>&amp;LEC calculator…</source>
        <translation>LEC 计算器(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_actions.py" line="66" />
        <source>D = L × E × C with band and required action</source>
        <translation>计算 D = L × E × C，给出危险等级和应采取措施</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_actions.py" line="70" />
        <source>LEC calculator</source>
        <translation>LEC 计算器</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_actions.py" line="72" />
        <source>&amp;Major-hazard check…</source>
        <translation>重大隐患判定(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_actions.py" line="73" />
        <source>Check the selected hazard against the major-hazard criteria</source>
        <translation>按重大隐患判定标准核查所选隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_actions.py" line="77" />
        <location filename="../../hazard_desktop/ui/grading_actions.py" line="155" />
        <source>&amp;Grade with the panel…</source>
        <translation>评分小组定级(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_actions.py" line="78" />
        <source>Grade the selected hazard(s) with the scoring panel; several selected hazards form a meeting</source>
        <translation>由评分小组对所选隐患定级；选中多条隐患时召开一次评分会议</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_actions.py" line="83" />
        <source>Grade</source>
        <translation>定级</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_actions.py" line="85" />
        <source>&amp;Dispute…</source>
        <translation>隐患争议(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_actions.py" line="86" />
        <source>Raise a dispute about the selected hazard's grade, or convene the dispute panel</source>
        <translation>对所选隐患的定级提出争议，或召集争议判定小组</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_actions.py" line="90" />
        <source>Dispute</source>
        <translation>争议</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hazard_desktop/ui/grading_actions.py" line="153" />
        <source>&amp;Grade %n hazard(s) with the panel…</source>
        <translation><numerusform>评分小组定级 %n 条隐患(&amp;G)…</numerusform></translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_actions.py" line="183" />
        <source>Hazard %1 is a major hazard by this check. Grade it with the panel now?</source>
        <translation>经判定，隐患 %1 为重大隐患。是否现在由评分小组定级？</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_actions.py" line="183" />
        <source>The result of the check was not applied: %1</source>
        <translation>判定结果未采用：%1</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_actions.py" line="185" />
        <source>Major-hazard check</source>
        <translation>重大隐患判定</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_actions.py" line="189" />
        <source>%1: no major-hazard criterion matches.</source>
        <translation>%1：未匹配任何重大隐患判定标准。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hazard_desktop/ui/grading_actions.py" line="211" />
        <source>%n grading(s) confirmed.</source>
        <translation><numerusform>已确认 %n 条定级结果。</numerusform></translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_actions.py" line="230" />
        <source>Dispute raised.</source>
        <translation>已提出争议。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_actions.py" line="231" />
        <source>Dispute ruled; the ruling is the final grading.</source>
        <translation>争议已裁决，裁决结果为最终定级。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_actions.py" line="232" />
        <source>Dispute withdrawn.</source>
        <translation>争议已撤回。</translation>
    </message>
</context>
<context>
    <name>GradingCommon</name>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/common.py" line="19" />
        <source>LEC panel</source>
        <translation>LEC 小组评分</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/common.py" line="20" />
        <source>major-hazard criteria</source>
        <translation>重大隐患判定标准</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/common.py" line="21" />
        <source>judgement by the §4.3 definition (not a listed criterion)</source>
        <translation>依第4.3条定义判定（非判定标准条款）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/common.py" line="23" />
        <source>dispute panel ruling (§7)</source>
        <translation>争议判定小组裁决（§7）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/common.py" line="24" />
        <source>%1 by %2: D = %3 (%4); leader %5, %6</source>
        <translation>%1（%2）：D = %3（%4）；组长 %5，%6</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/common.py" line="25" />
        <source>%1 by %2; leader %3, %4</source>
        <translation>%1（%2）；组长 %3，%4</translation>
    </message>
</context>
<context>
    <name>GradingMessages</name>
    <message>
        <source>The PIN of {name} was set by an administrator and must be changed first: {name} signs in once under their own account and chooses a new PIN, then confirms here.</source>
        <translation>{name} 的 PIN 由管理员设置，须先修改：请 {name} 用本人账户登录一次并设置新 PIN，再在此确认。</translation>
    </message>
    <message>
        <source>This member's PIN was set by an administrator and must be changed first (sign in once and choose a new one).</source>
        <translation>该成员的 PIN 由管理员设置，须先修改（用本人账户登录一次并设置新 PIN）。</translation>
    </message>
    <message>
        <source>A grading without LEC scores records the panel that decided it: choose the panel members first.</source>
        <translation>不经 LEC 评分的判定须记录作出判定的小组：请先选定判定小组成员。</translation>
    </message>
    <message>
        <source>With LEC scores the members who scored are the panel; no separate panel is recorded.</source>
        <translation>已有 LEC 评分时，评分成员即为判定小组，不另行记录小组。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="27" />
        <source>Choose the panel members.</source>
        <translation>请选择评分小组成员。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="29" />
        <source>The panel has {count} members: the rule requires an odd number (add or remove one member).</source>
        <translation>小组现有 {count} 人，制度要求参与人数必须是单数（请增加或减少一名成员）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="33" />
        <source>The rule requires an odd number of panel members.</source>
        <translation>制度要求评分小组参与人数必须是单数。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="36" />
        <source>{person} is on the panel twice.</source>
        <translation>{person} 在小组中重复出现。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="37" />
        <source>A person is on the panel twice.</source>
        <translation>有成员在小组中重复出现。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="40" />
        <source>Nobody from {kind_label} is on the panel.</source>
        <translation>小组中缺少{kind_label}的成员。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="41" />
        <source>A required department is not represented on the panel.</source>
        <translation>小组中缺少规定部门的成员。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="44" />
        <source>{person} ({kind_label}) cannot sit on this panel: the rule names other departments.</source>
        <translation>{person}（{kind_label}）不能参加本小组：制度规定的是其他部门。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="47" />
        <source>Members from {kind_label} cannot sit on this panel.</source>
        <translation>{kind_label}的人员不能参加本小组。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="48" />
        <source>A member's department may not sit on this panel.</source>
        <translation>有成员所在部门不属于本小组的组成部门。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="51" />
        <source>Nobody from {department}, the department that raised the dispute, is on the panel.</source>
        <translation>小组中缺少提出争议部门（{department}）的成员。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="54" />
        <source>Nobody from the department that raised the dispute is on the panel.</source>
        <translation>小组中缺少提出争议部门的成员。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="56" />
        <source>The dispute panel needs its leader (组长).</source>
        <translation>争议判定小组须有组长。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="58" />
        <source>The dispute panel needs its deputy leader (副组长).</source>
        <translation>争议判定小组须有副组长。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="60" />
        <source>The panel can have only one leader.</source>
        <translation>小组只能有一名组长。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="61" />
        <source>The panel can have only one deputy leader.</source>
        <translation>小组只能有一名副组长。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="64" />
        <source>{person}: {value} is not a value of the {factor} scale. Allowed: {allowed}.</source>
        <translation>{person}：{value} 不是 {factor} 的取值。可选值：{allowed}。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="67" />
        <source>{value} is not a value of the {factor} scale. Allowed: {allowed}.</source>
        <translation>{value} 不是 {factor} 的取值。可选值：{allowed}。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="70" />
        <source>{person} has not entered L, E and C yet.</source>
        <translation>{person} 尚未填写 L、E、C。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="71" />
        <source>Not every member has entered L, E and C yet.</source>
        <translation>尚有成员未填写 L、E、C。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="74" />
        <source>Choose the panel leader who confirms the grading.</source>
        <translation>请选择确认定级结果的组长。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="77" />
        <source>Hazard {hazard} already has a confirmed grading.</source>
        <translation>隐患 {hazard} 已有确认的定级结果。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="98" />
        <source>Only the grading in force can be disputed; this one was replaced.</source>
        <translation>只能对现行定级提出争议，该定级已被更正。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="101" />
        <source>The grading date {graded_on} is before the hazard was found ({found_on}).</source>
        <translation>定级日期 {graded_on} 早于隐患发现日期（{found_on}）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="104" />
        <source>The grading date is before the hazard was found.</source>
        <translation>定级日期早于隐患发现日期。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="106" />
        <source>The chosen leader no longer exists.</source>
        <translation>所选组长已不存在。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="108" />
        <source>{person} is no longer active and cannot sit on a panel.</source>
        <translation>{person} 已停用，不能参加评分小组。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="109" />
        <source>A chosen person is no longer active.</source>
        <translation>所选人员已停用。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="112" />
        <source>A hazard is listed twice.</source>
        <translation>有隐患重复列出。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="113" />
        <source>Please enter the meeting's title.</source>
        <translation>请填写会议名称。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="115" />
        <source>The meeting title is too long (at most {max} characters).</source>
        <translation>会议名称过长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="118" />
        <source>A ruling can only be corrected by a dispute panel's LEC scores.</source>
        <translation>裁决结果只能由争议判定小组以 LEC 评分更正。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="75" />
        <source>The hazard is closed out and can no longer be graded.</source>
        <translation>该隐患已销号，不能再定级。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="78" />
        <source>The hazard already has a confirmed grading.</source>
        <translation>该隐患已有确认的定级结果。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="80" />
        <source>The hazard has an open dispute: settle it first.</source>
        <translation>该隐患有未裁决的争议，请先裁决。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="81" />
        <source>The grading no longer exists.</source>
        <translation>该定级记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="82" />
        <source>The dispute no longer exists.</source>
        <translation>该争议已不存在。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="84" />
        <source>There is already an open dispute about this hazard.</source>
        <translation>该隐患已有未裁决的争议。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="86" />
        <source>The panel meeting no longer exists.</source>
        <translation>该评分会议已不存在。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="87" />
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="111" />
        <source>Choose at least one hazard to grade.</source>
        <translation>请至少选择一条待定级的隐患。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="88" />
        <source>Please write down the panel's ruling.</source>
        <translation>请填写小组的裁决意见。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="92" />
        <source>Please choose the department raising the dispute.</source>
        <translation>请选择提出争议的部门。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="95" />
        <source>{name}: several people of this department have that name. Choose the one raising the dispute in the list (shown with the employee number).</source>
        <translation>{name}：该部门有多人同名。请在列表中选择提出争议的人（列表中带工号显示）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="95" />
        <source>The ruling is too long (at most {max} characters).</source>
        <translation>裁决意见过长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/grading_messages.py" line="89" />
        <source>A cited criterion no longer exists.</source>
        <translation>所引用的判定标准已不存在。</translation>
    </message>
    <message>
        <source>The dispute panel must first vote on criterion {criterion}: does it apply?</source>
        <translation>争议判定小组须先逐人表决第 {criterion} 条是否适用。</translation>
    </message>
    <message>
        <source>The dispute panel must first vote on every criterion in question.</source>
        <translation>争议判定小组须先逐条表决所涉判定标准是否适用。</translation>
    </message>
    <message>
        <source>Please record what the panel found on site about criterion {criterion} (needed whatever the vote).</source>
        <translation>请填写第 {criterion} 条的现场核查情况（无论表决结果如何均须填写）。</translation>
    </message>
    <message>
        <source>Criterion {criterion} is not in question in this dispute.</source>
        <translation>第 {criterion} 条不在本次争议所涉的判定标准之内。</translation>
    </message>
    <message>
        <source>Nobody has voted on criterion {criterion}.</source>
        <translation>第 {criterion} 条尚无人表决。</translation>
    </message>
    <message>
        <source>A member voted twice on criterion {criterion}.</source>
        <translation>有成员对第 {criterion} 条表决了两次。</translation>
    </message>
    <message>
        <source>The members who score must be the members who voted on the criteria.</source>
        <translation>参与评分的成员必须与表决判定标准的成员相同。</translation>
    </message>
    <message>
        <source>A criterion applies, so the hazard is 重大: the panel does not score LEC.</source>
        <translation>已表决判定标准适用，该隐患为重大事故隐患，小组无需再用 LEC 评分。</translation>
    </message>
    <message>
        <source>No 组长 and 副组长 are named for {on}: name them in Tools → Settings → Dispute panel.</source>
        <translation>设置中未指定 {on} 适用的争议判定小组组长和副组长：请在“工具 → 设置 → 争议判定小组”中指定。</translation>
    </message>
    <message>
        <source>No 组长 and 副组长 of the dispute panel are named: name them in Tools → Settings → Dispute panel.</source>
        <translation>设置中未指定争议判定小组组长和副组长：请在“工具 → 设置 → 争议判定小组”中指定。</translation>
    </message>
    <message>
        <source>The settings name {name} as the dispute panel's 组长 for this date.</source>
        <translation>设置中指定该日期的争议判定小组组长为 {name}。</translation>
    </message>
    <message>
        <source>The settings name {name} as the dispute panel's 副组长 for this date.</source>
        <translation>设置中指定该日期的争议判定小组副组长为 {name}。</translation>
    </message>
    <message>
        <source>The 组长 and the 副组长 must be two different persons.</source>
        <translation>组长和副组长必须是两个不同的人。</translation>
    </message>
    <message>
        <source>The ruling must be about the disputed grading.</source>
        <translation>裁决必须针对被争议的判定。</translation>
    </message>
    <message>
        <source>Please enter who withdraws the dispute.</source>
        <translation>请填写撤回争议的人员。</translation>
    </message>
    <message>
        <source>Only {person} enters {person}'s score: signed in under their own account, or with their own PIN here.</source>
        <translation>{person} 的评分只能由 {person} 本人录入：用本人账户登录，或在此输入本人 PIN。</translation>
    </message>
    <message>
        <source>A member enters only their own score (own account or own PIN).</source>
        <translation>成员只能录入本人的评分（本人账户或本人 PIN）。</translation>
    </message>
    <message>
        <source>This person is not on the panel of this scoring.</source>
        <translation>此人不是本次评分的小组成员。</translation>
    </message>
    <message>
        <source>Choose L, E and C (or vote on every criterion).</source>
        <translation>请选择 L、E、C（或对每一条款表决）。</translation>
    </message>
    <message>
        <source>All members have entered: the entries cannot be changed any more.</source>
        <translation>全体成员已录入，评分不能再更改。</translation>
    </message>
    <message>
        <source>These entries were already used for a grading; start a new scoring.</source>
        <translation>这些评分已用于一次判定，请重新开始评分。</translation>
    </message>
    <message>
        <source>{missing} member(s) have not entered yet: the scores stay hidden.</source>
        <translation>还有 {missing} 名成员未录入，评分仍不公开。</translation>
    </message>
    <message>
        <source>Not every member has entered yet: the scores stay hidden.</source>
        <translation>尚有成员未录入，评分仍不公开。</translation>
    </message>
    <message>
        <source>This scoring no longer exists; start the scoring again.</source>
        <translation>本次评分已不存在，请重新开始评分。</translation>
    </message>
    <message>
        <source>These entries are votes, not LEC scores (or the reverse).</source>
        <translation>这些录入是表决而非 LEC 评分（或相反）。</translation>
    </message>
    <message>
        <source>These entries belong to another hazard.</source>
        <translation>这些评分属于另一条隐患。</translation>
    </message>
    <message>
        <source>Under accounts each member enters their own score (own account or own PIN); scores typed in for others are not accepted.</source>
        <translation>启用账户后，每位成员须自行录入评分（本人账户或本人 PIN），不接受代他人录入的评分。</translation>
    </message>
    <message>
        <source>Give the members' entries or typed scores, not both.</source>
        <translation>成员录入与直接填写的评分只能取其一。</translation>
    </message>
    <message>
        <source>Only the panel's leader {leader}, signed in, confirms this grading.</source>
        <translation>只有判定组长 {leader} 本人登录后才能确认本次判定。</translation>
    </message>
    <message>
        <source>Only the panel's leader, signed in, confirms this grading.</source>
        <translation>只有判定组长本人登录后才能确认本次判定。</translation>
    </message>
    <message>
        <source>PINs cannot be checked here; the member signs in instead.</source>
        <translation>此处无法核对 PIN，请该成员用本人账户登录后录入。</translation>
    </message>
    <message>
        <source>Wrong PIN for {name}: {left} more tries before the account is locked.</source>
        <translation>{name} 的 PIN 不正确：再错 {left} 次账户将被锁定。</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>PIN 不正确。</translation>
    </message>
    <message>
        <source>The account of {name} is locked after too many wrong PINs (until {until}).</source>
        <translation>{name} 的账户因多次输错 PIN 已锁定（至 {until}）。</translation>
    </message>
    <message>
        <source>The account is locked after too many wrong PINs.</source>
        <translation>账户因多次输错 PIN 已锁定。</translation>
    </message>
    <message>
        <source>This member has no account: they cannot confirm with a PIN.</source>
        <translation>该成员没有账户，无法用 PIN 确认。</translation>
    </message>
    <message>
        <source>This member's account is switched off.</source>
        <translation>该成员的账户已停用。</translation>
    </message>
    <message>
        <source>A signature under accounts needs the signing account.</source>
        <translation>启用账户时，签名必须注明签名账户。</translation>
    </message>
    <message>
        <source>A signature in single-user mode names no account.</source>
        <translation>单用户模式下的签名不注明账户。</translation>
    </message>
    <message>
        <source>A general (LEC) grading needs the §5.1 major-hazard check first: go through the criteria one by one and record that none matches.</source>
        <translation>一般隐患（LEC）定级须先完成第5.1条重大隐患判定：对照判定标准逐条核对，并记录未符合任一条款。</translation>
    </message>
    <message>
        <source>The major-hazard criteria were changed after the check was made: go through the criteria in force again.</source>
        <translation>重大隐患判定标准在核对之后已修订：请对照现行标准重新逐条核对。</translation>
    </message>
    <message>
        <source>The §5.1 check is dated after the grading: check first, then grade.</source>
        <translation>第5.1条判定的时间晚于定级：应先核对，再定级。</translation>
    </message>
</context>
<context>
    <name>HiddenScoring</name>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/hidden_scoring.py" line="48" />
        <source>leader</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/hidden_scoring.py" line="49" />
        <source>deputy leader</source>
        <translation>副组长</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/hidden_scoring.py" line="50" />
        <source>member</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/hidden_scoring.py" line="86" />
        <source>Each member scores on their own. The other members' entries stay hidden until everyone has scored; the score lists are cleared for each member.</source>
        <translation>各成员独立评分。全部成员评完之前，其他成员的评分不显示；每位成员开始时评分选项均已清空。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/hidden_scoring.py" line="116" />
        <source>Members (✓ = scored):</source>
        <translation>成员（✓ = 已评分）：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/hidden_scoring.py" line="235" />
        <source>Your D = L × E × C = %1</source>
        <translation>本人 D = L × E × C = %1</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/hidden_scoring.py" line="254" />
        <source>Scored: %1 of %2</source>
        <translation>已评分：%1 / %2</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/hidden_scoring.py" line="258" />
        <source>Now scoring: %1 (%2, %3)</source>
        <translation>当前评分：%1（%2，%3）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/hidden_scoring.py" line="262" />
        <location filename="../../hazard_desktop/ui/widgets/hidden_scoring.py" line="271" />
        <source>Save and hand over to the next member</source>
        <translation>保存，交下一位成员</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/hidden_scoring.py" line="262" />
        <source>Save — last member</source>
        <translation>保存（最后一位）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/hidden_scoring.py" line="266" />
        <source>All members have scored.</source>
        <translation>全部成员已评分。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/hidden_scoring.py" line="267" />
        <source>All members have scored</source>
        <translation>全部成员已评分</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/hidden_scoring.py" line="270" />
        <source>No panel yet.</source>
        <translation>尚未组成评分小组。</translation>
    </message>
    <message>
        <source>PIN of this member (to confirm it is them):</source>
        <translation>该成员的 PIN（确认为本人录入）：</translation>
    </message>
    <message>
        <source>6-digit PIN</source>
        <translation>6 位数字 PIN</translation>
    </message>
    <message>
        <source>PIN of %1 (to confirm it is them):</source>
        <translation>%1 的 PIN（确认为本人录入）：</translation>
    </message>
</context>
<context>
    <name>LecCalculatorDialog</name>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/lec_calculator.py" line="104" />
        <source>LEC calculator</source>
        <translation>LEC 计算器</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/lec_calculator.py" line="109" />
        <source>Working-condition risk evaluation: D = L × E × C. Choose the three values; the danger band and the required action follow from the threshold set.</source>
        <translation>作业条件危险性评价法：D = L × E × C。选择三个分值后，按分级阈值组得出危险等级和应采取措施。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/lec_calculator.py" line="118" />
        <source>Scores</source>
        <translation>分值</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/lec_calculator.py" line="136" />
        <source>choose L, E and C</source>
        <translation>请选择 L、E、C</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/lec_calculator.py" line="152" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/lec_calculator.py" line="155" />
        <source>Hazard value D:</source>
        <translation>危险值 D：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/lec_calculator.py" line="156" />
        <source>Required action:</source>
        <translation>应采取措施：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/lec_calculator.py" line="157" />
        <source>Threshold set:</source>
        <translation>分级阈值组：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/lec_calculator.py" line="158" />
        <source>Edge rule:</source>
        <translation>边界规则：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/lec_calculator.py" line="164" />
        <source>Danger bands of the chosen threshold set (table D.4)</source>
        <translation>所选阈值组的危险等级划分（表 D.4）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/lec_calculator.py" line="168" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/lec_calculator.py" line="225" />
        <source>No threshold set is stored. Add one in the settings.</source>
        <translation>尚未设置分级阈值组，请在设置中添加。</translation>
    </message>
</context>
<context>
    <name>LecFormat</name>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/lec_format.py" line="23" />
        <source>upper limit belongs to the band (lower &lt; D ≤ upper)</source>
        <translation>上限值归本级（下限 &lt; D ≤ 上限）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/lec_format.py" line="24" />
        <source>lower limit belongs to the band (lower ≤ D &lt; upper)</source>
        <translation>下限值归本级（下限 ≤ D &lt; 上限）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/lec_format.py" line="27" />
        <source>upper limit inclusive</source>
        <translation>上限归本级</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/lec_format.py" line="28" />
        <source>lower limit inclusive</source>
        <translation>下限归本级</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/lec_format.py" line="31" />
        <source>{name} — effective from {date}</source>
        <translation>{name} — 自 {date} 起施行</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/lec_format.py" line="32" />
        <source> (in force today)</source>
        <translation>（今日在用）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/lec_format.py" line="36" />
        <source>Safety &amp; Env.</source>
        <translation>安环部</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/lec_format.py" line="37" />
        <source>Production</source>
        <translation>生产部</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/lec_format.py" line="38" />
        <source>Trade union</source>
        <translation>工会</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/lec_format.py" line="39" />
        <source>Business division</source>
        <translation>事业部</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/lec_format.py" line="40" />
        <source>Workshop</source>
        <translation>车间</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/lec_format.py" line="41" />
        <source>Other</source>
        <translation>其他部门</translation>
    </message>
</context>
<context>
    <name>MemberPicker</name>
    <message>
        <source>{name} ({employee_no})</source>
        <translation>{name}（{employee_no}）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/member_picker.py" line="130" />
        <source>{name} ({department})</source>
        <translation>{name}（{department}）</translation>
    </message>
</context>
<context>
    <name>MemberPickerModel</name>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/member_picker.py" line="34" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/member_picker.py" line="35" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/member_picker.py" line="36" />
        <source>Panel seat</source>
        <translation>代表方</translation>
    </message>
</context>
<context>
    <name>PanelChecks</name>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/panel_checks.py" line="73" />
        <source>No members chosen yet</source>
        <translation>尚未选择成员</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hazard_desktop/ui/widgets/panel_checks.py" line="75" />
        <source>%n member(s) — odd number ✓</source>
        <translation><numerusform>共 %n 人 — 单数 ✓</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hazard_desktop/ui/widgets/panel_checks.py" line="77" />
        <source>%n member(s) — even number ✗</source>
        <translation><numerusform>共 %n 人 — 双数 ✗</numerusform></translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/panel_checks.py" line="82" />
        <source>The panel's composition meets the rule.</source>
        <translation>小组组成符合制度规定。</translation>
    </message>
</context>
<context>
    <name>PanelResultModel</name>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/panel_results.py" line="41" />
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/panel_results.py" line="42" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/panel_results.py" line="43" />
        <source>Seat</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/panel_results.py" line="48" />
        <source>Band of own D</source>
        <translation>个人 D 值等级</translation>
    </message>
</context>
<context>
    <name>PanelResults</name>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/panel_results.py" line="182" />
        <source>Σ D / members:</source>
        <translation>ΣD / 人数：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/panel_results.py" line="183" />
        <source>Hazard value D = Σ D ÷ n:</source>
        <translation>隐患值 D = ΣD ÷ n：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/panel_results.py" line="184" />
        <source>Required action:</source>
        <translation>应采取措施：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/panel_results.py" line="185" />
        <source>Threshold set:</source>
        <translation>分级阈值组：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/panel_results.py" line="224" />
        <source>⚠ The members' own D fall into different bands (%1). Flag this grading for review before confirming.</source>
        <translation>⚠ 各成员的 D 值分属不同危险等级（%1），建议确认前复核。</translation>
    </message>
</context>
<context>
    <name>PanelScoringDialog</name>
    <message>
        <source>Close without grading? The major-hazard check and the scores entered for %1 are discarded; the hazard stays awaiting grading.</source>
        <translation>不定级就关闭？为 %1 所作的重大隐患判定和已录入的评分将被丢弃；隐患仍为待定级。</translation>
    </message>
    <message>
        <source>Close grading</source>
        <translation>关闭定级</translation>
    </message>
    <message>
        <source>; decided by the panel (recorded on the sheet): %1</source>
        <translation>；判定小组（记入判定表）：%1</translation>
    </message>
    <message>
        <source>No account, so they cannot confirm their own score: %1. An administrator creates their accounts (Tools → Accounts), or choose other members.</source>
        <translation>以下成员没有账户，无法确认本人的评分：%1。请安环部管理员为其创建账户（工具 → 账户），或改选其他成员。</translation>
    </message>
    <message>
        <source>The PIN an administrator set must be changed first: %1. Each signs in once under their own account and chooses a new PIN, or choose other members.</source>
        <translation>以下成员须先修改管理员设置的 PIN：%1。请各自用本人账户登录一次并设置新 PIN，或改选其他成员。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="157" />
        <source>Grade hazards with the panel</source>
        <translation>评分小组定级</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="157" />
        <source>Grade hazard</source>
        <translation>隐患定级</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="169" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="189" />
        <source>%1 (already graded or closed: not graded again here)</source>
        <translation>%1（已定级或已销号，此处不再定级）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="204" />
        <source>Hazard grading meeting %1</source>
        <translation>隐患分级判定会 %1</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="220" />
        <source>Start scoring</source>
        <translation>开始评分</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="228" />
        <source>Meeting:</source>
        <translation>会议名称：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="231" />
        <source>Graded on:</source>
        <translation>定级日期：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="232" />
        <source>Threshold set:</source>
        <translation>分级阈值组：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="233" />
        <source>Leader (confirms):</source>
        <translation>组长（确认人）：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="236" />
        <source>Hazards to grade (%n)</source>
        <translation><numerusform>待定级隐患（%n 条）</numerusform></translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="236" />
        <source>Hazard to grade</source>
        <translation>待定级隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="240" />
        <source>Panel members (Safety &amp; Env., Production, Trade union; odd number)</source>
        <translation>评分小组成员（安环部、生产部、工会；人数须为单数）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="269" />
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="316" />
        <source>Major-hazard check…</source>
        <translation>重大隐患判定…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="272" />
        <source>not checked</source>
        <translation>未判定</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="274" />
        <source>Confirm as major without LEC scores</source>
        <translation>不评 LEC，直接确认为重大隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="282" />
        <source>§5.1 major-hazard check:</source>
        <translation>§5.1 重大隐患判定：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="287" />
        <source>§5.2 LEC scores, one member at a time</source>
        <translation>§5.2 LEC 评分（逐人独立评分）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="319" />
        <source>Score again</source>
        <translation>重新评分</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="322" />
        <source>Skip this hazard</source>
        <translation>跳过此条</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="332" />
        <source>Grade:</source>
        <translation>隐患级别：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="499" />
        <source>Hazard %1 of %2: %3</source>
        <translation>第 %1 / %2 条：%3</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="533" />
        <source>matches %1</source>
        <translation>符合 %1</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="535" />
        <source>panel decision under §4.3</source>
        <translation>评分小组依据§4.3判定</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="547" />
        <source>no criterion matches</source>
        <translation>未匹配判定标准</translation>
    </message>
    <message>
        <source>This answer is the major-hazard check made by %1 at %2 (Grading → Major-hazard check) against the criteria list still in force. Press “Major-hazard check…” to go through it again.</source>
        <translation>此结果是 %1 于 %2 所做的重大隐患判定（定级 → 重大隐患判定），所对照的判定标准现仍有效。如需重新核对，请按“重大隐患判定…”。</translation>
    </message>
    <message>
        <source>the single user</source>
        <translation>单用户</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="585" />
        <source>Major-hazard criteria matched (§5.1):</source>
        <translation>符合的重大隐患判定标准（§5.1）：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="587" />
        <source>• %1 (%2): %3 — evidence: %4</source>
        <translation>• %1（%2）：%3 —— 证据：%4</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="590" />
        <source>Panel decision under §4.3, reason: %1</source>
        <translation>依第4.3条定义判定（非判定标准条款），理由：%1</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="604" />
        <source>; LEC kept for the record: D = %1 (%2)</source>
        <translation>；LEC 评分存档：D = %1（%2）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="609" />
        <source>D = %1, %2</source>
        <translation>D = %1，%2</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="613" />
        <source>Confirm grading (leader %1)</source>
        <translation>确认定级（组长 %1）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="717" />
        <source>%1: skipped, still awaiting grading</source>
        <translation>%1：已跳过，仍待定级</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="719" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="723" />
        <source>%n hazard(s) graded and confirmed.</source>
        <translation><numerusform>已定级并确认 %n 条隐患。</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="725" />
        <source>%n skipped.</source>
        <translation><numerusform>跳过 %n 条。</numerusform></translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/panel_scoring.py" line="725" />
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>Complete the §5.1 major-hazard check first (go through the criteria one by one), then confirm the LEC grading.</source>
        <translation>先完成第5.1条重大隐患判定（对照标准逐条核对），再确认 LEC 定级。</translation>
    </message>
    <message>
        <source>; §5.1 check: no criterion matches</source>
        <translation>；第5.1条判定：未匹配判定标准</translation>
    </message>
    <message>
        <source>LEC provisional: %1 (awaiting the §5.1 check)</source>
        <translation>LEC 暂定：%1（待第5.1条判定）</translation>
    </message>
</context>
<context>
    <name>ScoreEntry</name>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/score_entry.py" line="30" />
        <source>L — likelihood of an accident:</source>
        <translation>L 可能性（发生事故的可能性大小）：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/score_entry.py" line="31" />
        <source>E — frequency of exposure:</source>
        <translation>E 暴露频率（暴露于危险环境的频繁程度）：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/score_entry.py" line="32" />
        <source>C — consequence:</source>
        <translation>C 后果（发生事故产生的后果）：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/widgets/score_entry.py" line="43" />
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
</context>
<context>
    <name>CriteriaVotes</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>What the panel found on site (required)</source>
        <translation>小组现场核查情况（必填）</translation>
    </message>
    <message>
        <source>%1 (%2): applies</source>
        <translation>%1（%2）：适用</translation>
    </message>
    <message>
        <source>组长</source>
        <translation>组长</translation>
    </message>
    <message>
        <source>副组长</source>
        <translation>副组长</translation>
    </message>
    <message>
        <source>Each member votes: tick if the criterion applies to this hazard.</source>
        <translation>每位成员逐一表决：认为该条款适用于本隐患的请勾选。</translation>
    </message>
    <message>
        <source>%1 (%2): %3 — %4 for, %5 against</source>
        <translation>%1（%2）：%3 —— 赞成 %4 票，反对 %5 票</translation>
    </message>
    <message>
        <source>applies</source>
        <translation>适用</translation>
    </message>
    <message>
        <source>does not apply</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Each member confirms their own votes with their PIN</source>
        <translation>各成员用本人 PIN 确认本人的表决</translation>
    </message>
    <message>
        <source>6-digit PIN</source>
        <translation>6 位数字 PIN</translation>
    </message>
    <message>
        <source>%1 (%2):</source>
        <translation>%1（%2）：</translation>
    </message>
</context>
<context>
    <name>CoverageNote</name>
    <message>
        <source>%1 of the company's %2 major-hazard criteria (§5.1) are entered (%4 of the company's own, %5 of SAWS No. 121) — add the other %3 in Tools → Settings → Major-hazard criteria. A hazard that matches an item not entered here is still a major hazard.</source>
        <translation>公司《重大隐患判定标准（%2条）》目前只录入了 %1 条（本公司自定 %4 条、国家121号文 %5 条）——请在“工具 → 设置 → 重大隐患判定标准”中补录其余 %3 条。符合未录入条款的隐患仍属重大事故隐患。</translation>
    </message>
</context>
</TS>
