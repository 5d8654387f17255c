<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AcceptDialog</name>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="643" />
      <source>Acceptance</source>
      <translation>验收</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="648" />
      <source>Before</source>
      <translation>整改前</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="649" />
      <source>After</source>
      <translation>整改后</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="656" />
      <source>No photos.</source>
      <translation>没有照片。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="659" />
      <source>Accepted: close the hazard out (销号)</source>
      <translation>验收合格，销号</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="661" />
      <source>Not accepted: send it back (退回)</source>
      <translation>验收不合格，退回整改</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="667" />
      <source>Result:</source>
      <translation>验收结论：</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="685" />
      <source>Acceptance group (≥ 3, incl. safety dept.):</source>
      <translation>验收组（至少 3 人，含安环部）：</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="688" />
      <source>Own experts</source>
      <translation>本单位技术人员和专家</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="689" />
      <source>Safety evaluation agency</source>
      <translation>有资质的安全评价机构</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="692" />
      <source>Experts' names or the agency</source>
      <translation>专家姓名或评价机构名称</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="695" />
      <source>Report no.</source>
      <translation>评估报告编号</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="704" />
      <source>Evaluation by:</source>
      <translation>评估单位／人员：</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="705" />
      <source>Report, date:</source>
      <translation>报告编号、日期：</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="706" />
      <source>Conclusion:</source>
      <translation>评估结论：</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="713" />
      <source>Accept and close out</source>
      <translation>验收合格并销号</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="713" />
      <source>Send back</source>
      <translation>退回</translation>
    </message>
      <message>
      <source>Required: the acceptance opinion, or why it is sent back</source>
      <translation>必填：验收意见，或退回原因</translation>
    </message>
    <message>
      <source>Opinion / reason (required):</source>
      <translation>验收意见／退回原因（必填）：</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>确定</translation>
    </message>
</context>
  <context>
    <name>AssignDialog</name>
    <message>
      <source>(nobody in this department)</source>
      <translation>（本部门无人员）</translation>
    </message>
    <message>
      <source>%1 has no people yet: add them under Tools → Settings → People, or choose another department.</source>
      <translation>“%1”尚无人员：请在“工具 → 设置 → 人员”中添加，或选择其他部门。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="415" />
      <source>Revise the assignment (五定)</source>
      <translation>修改五定</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="415" />
      <source>Assign the rectification (五定)</source>
      <translation>下达整改（五定）</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="426" />
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="432" />
      <source>(choose)</source>
      <translation>（请选择）</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="442" />
      <source>Source of funds</source>
      <translation>资金来源</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="445" />
      <source>yuan</source>
      <translation>元</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="457" />
      <source>The deadline moves only by an approved extension.</source>
      <translation>整改期限只能经批准延期后变更。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="460" />
      <source>A major hazard's deadline is its plan's time limit (below).</source>
      <translation>重大隐患的整改期限为治理方案中的时限（见下方）。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="464" />
      <source>Default from the settings: immediately</source>
      <translation>按设置默认：立即整改</translation>
    </message>
    <message numerus="yes">
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="465" />
      <source>Default from the settings: %n day(s)</source>
      <translation>
        <numerusform>按设置默认：%n 天</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="468" />
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="469" />
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="470" />
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="471" />
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="472" />
      <source>:</source>
      <translation>：</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="475" />
      <source>Reason for the change:</source>
      <translation>修改原因：</translation>
    </message>
  </context>
  <context>
    <name>DueListDialog</name>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/due_list.py" line="37" />
      <source>Number</source>
      <translation>编号</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/due_list.py" line="38" />
      <source>Description</source>
      <translation>隐患描述</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/due_list.py" line="39" />
      <source>Grade</source>
      <translation>级别</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/due_list.py" line="40" />
      <source>Deadline</source>
      <translation>整改期限</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/due_list.py" line="41" />
      <source>Days left</source>
      <translation>剩余天数</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/due_list.py" line="42" />
      <source>Responsible department</source>
      <translation>整改责任部门</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/due_list.py" line="43" />
      <source>Responsible person</source>
      <translation>整改责任人</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/due_list.py" line="56" />
      <source>Overdue and due within 7 days</source>
      <translation>逾期及 7 天内到期的隐患</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/due_list.py" line="59" />
      <source>%1 overdue, %2 due within 7 days.</source>
      <translation>逾期 %1 项，7 天内到期 %2 项。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/due_list.py" line="92" />
      <source>* an extension has been asked for</source>
      <translation>* 已申请延期</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/due_list.py" line="96" />
      <source>Show in register</source>
      <translation>在台账中显示</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/due_list.py" line="102" />
      <source>Filter register: overdue</source>
      <translation>台账筛选：逾期</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/due_list.py" line="103" />
      <source>Filter register: due soon</source>
      <translation>台账筛选：即将到期</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/due_list.py" line="104" />
      <source>Filter register: my acceptances</source>
      <translation>台账筛选：待我验收</translation>
    </message>
  </context>
  <context>
    <name>ExtensionDecisionDialog</name>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="788" />
      <source>Decide the extension</source>
      <translation>审批延期</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="791" />
      <source>%1 asks to move the deadline from %2 to %3.</source>
      <translation>%1 申请将整改期限由 %2 延至 %3。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="800" />
      <source>Approve</source>
      <translation>批准</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="802" />
      <source>Refuse</source>
      <translation>不批准</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="811" />
      <source>Reason given:</source>
      <translation>申请理由：</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="812" />
      <source>Decision:</source>
      <translation>审批结果：</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="813" />
      <source>Your reason:</source>
      <translation>审批意见：</translation>
    </message>
  </context>
  <context>
    <name>ExtensionRequestDialog</name>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="768" />
      <source>Request an extension</source>
      <translation>申请延期</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="774" />
      <source>Present deadline:</source>
      <translation>当前整改期限：</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="775" />
      <source>New deadline:</source>
      <translation>申请延至：</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="776" />
      <source>Reason:</source>
      <translation>延期理由：</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../hazard_desktop/ui/main_window.py" line="92" />
      <source>&amp;Rectification</source>
      <translation>整改(&amp;R)</translation>
    </message>
  </context>
  <context>
    <name>NoteDialog</name>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="537" />
      <source>Progress note</source>
      <translation>整改进展</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="540" />
      <source>What was done:</source>
      <translation>完成情况：</translation>
    </message>
  </context>
  <context>
    <name>OnTheSpotDialog</name>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="578" />
      <source>Fixed on the spot</source>
      <translation>当场整改</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="582" />
      <source>(choose)</source>
      <translation>（请选择）</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="584" />
      <source>Measure taken:</source>
      <translation>整改措施：</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="585" />
      <source>Acceptor:</source>
      <translation>验收人：</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="587" />
      <source>At least one photo after the fix. A major hazard cannot be fixed on the spot.</source>
      <translation>至少一张整改后照片。重大隐患不能当场整改。</translation>
    </message>
  </context>
  <context>
    <name>OperatorDialog</name>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/operator.py" line="68" />
      <source>Operator</source>
      <translation>操作人</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/operator.py" line="71" />
      <source>Rectification steps are recorded under the person chosen here and checked against what that person may do. The choice is remembered on this computer.</source>
      <translation>整改各步骤以此处选择的人员记录，并按该人员的职责核查能否操作。本机会记住所选人员。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/operator.py" line="77" />
      <source>(nobody)</source>
      <translation>（未选择）</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/operator.py" line="79" />
      <source>Operator:</source>
      <translation>操作人：</translation>
    </message>
  </context>
  <context>
    <name>PhotoStager</name>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="190" />
      <source>Before</source>
      <translation>整改前</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="191" />
      <source>During</source>
      <translation>整改中</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="192" />
      <source>After</source>
      <translation>整改后</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="196" />
      <source>Add photos…</source>
      <translation>添加照片…</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="199" />
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="207" />
      <source>Photos taken:</source>
      <translation>照片阶段：</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="240" />
      <source>Add photos</source>
      <translation>添加照片</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="240" />
      <source>Images</source>
      <translation>图片</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="243" />
      <source>Photos</source>
      <translation>照片</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="243" />
      <source>Could not read: </source>
      <translation>无法读取：</translation>
    </message>
  </context>
  <context>
    <name>PlanDialog</name>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="521" />
      <source>Treatment plan of a major hazard</source>
      <translation>重大隐患治理方案</translation>
    </message>
  </context>
  <context>
    <name>PlanForm</name>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="260" />
      <source>Treatment plan (major hazard)</source>
      <translation>治理方案（重大隐患）</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="272" />
      <source>(1) Goal and tasks:</source>
      <translation>（一）治理的目标和任务：</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="273" />
      <source>(2) Methods and measures:</source>
      <translation>（二）采取的方法和措施：</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="274" />
      <source>(3) Funds and materials:</source>
      <translation>（三）经费和物资的落实：</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="275" />
      <source>(4) Organisation and people:</source>
      <translation>（四）负责治理的机构和人员：</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="276" />
      <source>(5) Time limit:</source>
      <translation>（五）治理的时限：</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="277" />
      <source>     … and requirements:</source>
      <translation>　　　…和要求：</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="278" />
      <source>(6) Safety measures and emergency plan:</source>
      <translation>（六）安全措施和应急预案：</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="283" />
      <source>Production not stopped</source>
      <translation>未停产停业</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="284" />
      <source>Partly stopped</source>
      <translation>局部停产停业</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="285" />
      <source>Fully stopped</source>
      <translation>全部停产停业</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="292" />
      <source>since</source>
      <translation>自</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="295" />
      <source>Stoppage (停产停业):</source>
      <translation>停产停业：</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="300" />
      <source>Reported to the regulator</source>
      <translation>已向负有安全生产监督管理职责的部门报告</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="301" />
      <source>Reported to the workers' congress</source>
      <translation>已向职工大会或职工代表大会报告</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="307" />
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="320" />
      <source>Reference no.</source>
      <translation>文号／记录号</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="315" />
      <source>Listed for supervision (挂牌督办)</source>
      <translation>挂牌督办</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="318" />
      <source>by (authority)</source>
      <translation>督办单位</translation>
    </message>
  </context>
  <context>
    <name>RectificationActions</name>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="87" />
      <source>&amp;Assign rectification (五定)…</source>
      <translation>下达整改（五定）(&amp;A)…</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="88" />
      <source>Responsibility, measures, funds, deadline, contingency</source>
      <translation>定责任、定措施、定资金、定时限、定预案</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="90" />
      <source>&amp;Revise assignment…</source>
      <translation>修改五定(&amp;R)…</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="90" />
      <source>Change the 五定 (not the deadline)</source>
      <translation>修改五定（整改期限除外）</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="92" />
      <source>Treatment &amp;plan…</source>
      <translation>治理方案(&amp;P)…</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="93" />
      <source>The treatment plan of a major hazard, stoppage, reports, supervision</source>
      <translation>重大隐患治理方案、停产停业、双报告、挂牌督办</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="95" />
      <source>Progress &amp;note…</source>
      <translation>整改进展(&amp;N)…</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="95" />
      <source>Record progress with photos</source>
      <translation>记录整改进展及照片</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="96" />
      <source>Request &amp;extension…</source>
      <translation>申请延期(&amp;E)…</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="96" />
      <source>Ask for a later deadline</source>
      <translation>申请延长整改期限</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="97" />
      <source>&amp;Decide extension…</source>
      <translation>审批延期(&amp;D)…</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="97" />
      <source>Approve or refuse the extension asked for</source>
      <translation>批准或不批准延期申请</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="98" />
      <source>Request a&amp;cceptance…</source>
      <translation>申请验收(&amp;C)…</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="98" />
      <source>The rectification is done: name who accepts it</source>
      <translation>整改完成：指定验收人</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="100" />
      <source>Acceptance (accept / send &amp;back)…</source>
      <translation>验收（销号／退回）(&amp;B)…</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="101" />
      <source>Accept and close out, or send back with a reason</source>
      <translation>验收合格销号，或说明原因退回</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="104" />
      <source>Fixed on the &amp;spot…</source>
      <translation>当场整改(&amp;S)…</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="105" />
      <source>A general hazard fixed when found; a second person accepts it</source>
      <translation>发现时当场整改的一般隐患；须由另一人验收</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="133" />
      <source>&amp;Operator…</source>
      <translation>操作人(&amp;O)…</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="135" />
      <source>Who is at the keyboard: steps are recorded under this person</source>
      <translation>当前操作人：各步骤以此人名义记录</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="138" />
      <source>Overdue and d&amp;ue soon…</source>
      <translation>逾期及即将到期(&amp;U)…</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="140" />
      <source>Hazards under rectification that are overdue or due within 7 days</source>
      <translation>整改中已逾期或 7 天内到期的隐患</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="147" />
      <source>Open the list of overdue and due hazards</source>
      <translation>打开逾期及即将到期隐患清单</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="248" />
      <source>Overdue: %1 · due within 7 days: %2 · awaiting acceptance: %3</source>
      <translation>逾期：%1 · 7 天内到期：%2 · 待验收：%3</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="259" />
      <source>Operator: %1</source>
      <translation>操作人：%1</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="259" />
      <source>Operator: (choose)</source>
      <translation>操作人：（请选择）</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="371" />
      <source>Rectification assigned.</source>
      <translation>已下达整改。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="386" />
      <source>Assignment revised.</source>
      <translation>五定已修改。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="395" />
      <source>Treatment plan saved.</source>
      <translation>治理方案已保存。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="403" />
      <source>Progress note recorded.</source>
      <translation>整改进展已记录。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="413" />
      <source>Extension requested.</source>
      <translation>已申请延期。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="428" />
      <source>Extension decided.</source>
      <translation>延期已审批。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="443" />
      <source>Acceptance requested.</source>
      <translation>已申请验收。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="456" />
      <source>On-the-spot fix recorded; it waits for acceptance.</source>
      <translation>当场整改已记录，待验收。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="474" />
      <source>Acceptance recorded.</source>
      <translation>验收已记录。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="476" />
      <source>Accepted: the hazard is closed out.</source>
      <translation>验收合格：隐患已销号。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/actions.py" line="478" />
      <source>Sent back for rectification.</source>
      <translation>已退回整改。</translation>
    </message>
      <message>
      <source>Progress: %1</source>
      <translation>整改进展：%1</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/rectification/actions.py" line="257" />
        <source>Overdue %1 · 7 days %2 · to accept %3</source>
        <translation>逾期 %1 · 7 天内 %2 · 待验收 %3</translation>
    </message>
</context>
  <context>
    <name>RectificationDialogs</name>
    <message>
        <source>Close without saving? What you entered here is discarded; nothing of it has been stored.</source>
        <translation>不保存就关闭吗？此处输入的内容将被丢弃，尚未保存任何内容。</translation>
    </message>
    <message>
        <source>Discard the input?</source>
        <translation>丢弃输入的内容？</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="103" />
      <source>Responsibility</source>
      <translation>定责任</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="104" />
      <source>Measures</source>
      <translation>定措施</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="105" />
      <source>Funds</source>
      <translation>定资金</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="106" />
      <source>Time limit</source>
      <translation>定时限</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="107" />
      <source>Contingency plan</source>
      <translation>定预案</translation>
    </message>
  </context>
  <context>
    <name>RectificationErrors</name>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="17" />
      <source>Measures</source>
      <translation>整改措施</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="18" />
      <source>Source of funds</source>
      <translation>资金来源</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="19" />
      <source>Interim and contingency measures</source>
      <translation>临时安全措施和应急预案</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="20" />
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="21" />
      <source>Note</source>
      <translation>说明</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="22" />
      <source>Measure taken</source>
      <translation>整改措施</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="23" />
      <source>Remarks</source>
      <translation>验收意见</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="24" />
      <source>Goal and tasks</source>
      <translation>治理的目标和任务</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="25" />
      <source>Methods and measures</source>
      <translation>采取的方法和措施</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="26" />
      <source>Funds and materials</source>
      <translation>经费和物资的落实</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="27" />
      <source>Organisation and people</source>
      <translation>负责治理的机构和人员</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="28" />
      <source>Time limit and requirements</source>
      <translation>治理的时限和要求</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="29" />
      <source>Safety measures and emergency plan</source>
      <translation>安全措施和应急预案</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="30" />
      <source>Report reference</source>
      <translation>报告编号</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="31" />
      <source>Supervised by</source>
      <translation>督办单位</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="32" />
      <source>Evaluated by</source>
      <translation>评估单位／人员</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="33" />
      <source>Conclusion</source>
      <translation>评估结论</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="37" />
      <source>The hazard is closed out; nothing more can be done.</source>
      <translation>该隐患已销号，不能再操作。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="38" />
      <source>The hazard must be graded first.</source>
      <translation>请先对该隐患定级。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="39" />
      <source>This step is not possible in the hazard’s present state.</source>
      <translation>该隐患当前状态下不能进行此操作。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="42" />
      <source>An extension request waits for a decision; decide it first.</source>
      <translation>有延期申请待审批，请先审批。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="45" />
      <source>No extension request waits for a decision.</source>
      <translation>没有待审批的延期申请。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="46" />
      <source>A treatment plan is made for major hazards only.</source>
      <translation>只有重大隐患需要制定治理方案。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="47" />
      <source>A major hazard (or one citing a major-hazard criterion) cannot be fixed on the spot.</source>
      <translation>重大隐患（或涉及重大隐患判定标准的隐患）不能当场整改。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="50" />
      <source>The rectification has already been assigned.</source>
      <translation>已下达过整改。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="51" />
      <source>The rectification has not been assigned yet.</source>
      <translation>尚未下达整改。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="52" />
      <source>The hazard was graded major after it was fixed on the spot: send it back and treat it under a plan.</source>
      <translation>该隐患当场整改后被定为重大隐患：请退回并按治理方案整改。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="56" />
      <source>The hazard fixed on the spot must be graded before it can be accepted.</source>
      <translation>当场整改的隐患须先定级才能验收。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="59" />
      <source>Only the safety department (or a safety officer) may do this. Choose another operator.</source>
      <translation>只有安环部（或安全员）可以执行此操作。请更换操作人。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="62" />
      <source>Only the responsible person or department may do this. Choose another operator.</source>
      <translation>只有责任人或责任部门可以执行此操作。请更换操作人。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="65" />
      <source>Only the person who found the hazard records an on-the-spot fix.</source>
      <translation>当场整改只能由发现人记录。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="68" />
      <source>Only the person asked to accept (or the safety department) may decide the acceptance.</source>
      <translation>只有指定的验收人（或安环部）可以验收。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="71" />
      <source>The person responsible for the rectification may not decide this (separation of duties).</source>
      <translation>整改责任人不能审批或验收（职责分离）。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="75" />
      <source>Nobody accepts their own rectification (separation of duties).</source>
      <translation>不能验收自己完成的整改（职责分离）。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="78" />
      <source>Nobody decides their own extension request.</source>
      <translation>不能审批自己的延期申请。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="79" />
      <source>The person chosen is no longer active.</source>
      <translation>所选人员已停用。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="80" />
      <source>Choose the responsible department.</source>
      <translation>请选择责任部门。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="81" />
      <source>Choose the responsible person.</source>
      <translation>请选择责任人。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="82" />
      <source>The funds must not be negative.</source>
      <translation>资金不能为负数。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="83" />
      <source>The funds are too large (at most {max} yuan).</source>
      <translation>资金过大（最多 {max} 元）。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="85" />
      <source>The deadline must not be before today ({today}).</source>
      <translation>整改期限不能早于今天（{today}）。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="88" />
      <source>The deadline is changed only by an approved extension.</source>
      <translation>整改期限只能经批准延期后变更。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="91" />
      <source>The new deadline must be later than the present one ({deadline}).</source>
      <translation>新期限必须晚于当前期限（{deadline}）。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="94" />
      <source>A major hazard needs its treatment plan.</source>
      <translation>重大隐患必须有治理方案。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="95" />
      <source>Enter the plan’s time limit.</source>
      <translation>请填写治理方案的时限。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="96" />
      <source>The plan’s time limit must not be before today.</source>
      <translation>治理方案的时限不能早于今天。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="99" />
      <source>A stoppage date is given but production is not stopped.</source>
      <translation>填写了停产日期，但未选择停产停业。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="102" />
      <source>Enter since when production is stopped.</source>
      <translation>请填写停产停业的起始日期。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="103" />
      <source>A report cannot be dated in the future.</source>
      <translation>报告日期不能晚于今天。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="104" />
      <source>Choose who is to accept the rectification.</source>
      <translation>请选择验收人。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="105" />
      <source>The acceptor may not be the person responsible for the rectification.</source>
      <translation>验收人不能是整改责任人。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="108" />
      <source>You cannot ask yourself to accept your own work.</source>
      <translation>不能指定自己验收自己的整改。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="109" />
      <source>Add at least one photo after the fix.</source>
      <translation>请至少添加一张整改后照片。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="110" />
      <source>The acceptance group of a major hazard needs at least {min} people.</source>
      <translation>重大隐患验收组至少需要 {min} 人。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="113" />
      <source>The acceptance group must include someone of the safety department.</source>
      <translation>验收组必须包括安环部人员。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="116" />
      <source>The acceptance group may not include the person responsible for the rectification.</source>
      <translation>验收组不能包括整改责任人。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="119" />
      <source>The operator must be a member of the acceptance group.</source>
      <translation>操作人必须是验收组成员。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="122" />
      <source>A person is named twice in the acceptance group.</source>
      <translation>验收组中有人员重复。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="123" />
      <source>An acceptance group is for major hazards only.</source>
      <translation>只有重大隐患需要验收组。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="124" />
      <source>A major hazard needs the evaluation of its treatment (with the report’s reference).</source>
      <translation>重大隐患须有治理效果评估（含评估报告编号）。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="127" />
      <source>The evaluation cannot be dated in the future.</source>
      <translation>评估日期不能晚于今天。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="128" />
      <source>Nothing was changed.</source>
      <translation>没有任何修改。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="129" />
      <source>Label {index} of the five must not be empty.</source>
      <translation>五定第 {index} 项名称不能为空。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="130" />
      <source>Label {index} of the five is too long (at most {max} characters).</source>
      <translation>五定第 {index} 项名称过长（最多 {max} 个字符）。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="133" />
      <source>The default days must be whole numbers from 0 to {max}.</source>
      <translation>默认天数必须是 0 到 {max} 之间的整数。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="136" />
      <source>The hazard no longer exists.</source>
      <translation>该隐患已不存在。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="137" />
      <source>The person chosen no longer exists.</source>
      <translation>所选人员已不存在。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="138" />
      <source>The department chosen no longer exists.</source>
      <translation>所选部门已不存在。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="139" />
      <source>Someone else changed the hazard meanwhile. Close this window and try again.</source>
      <translation>该隐患已被他人修改。请关闭此窗口后重试。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="142" />
      <source>Choose the operator (操作人) first.</source>
      <translation>请先选择操作人。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="144" />
      <source>{field} must not be empty.</source>
      <translation>{field}不能为空。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification_messages.py" line="145" />
      <source>{field} is too long (at most {max} characters).</source>
      <translation>{field}过长（最多 {max} 个字符）。</translation>
    </message>
      <message>
      <source>Write the acceptance opinion.</source>
      <translation>请填写验收意见。</translation>
    </message>
    <message>
      <source>Choose the result: accepted (close out) or not accepted (send back).</source>
      <translation>请选择验收结果：验收合格（销号）或验收不合格（退回）。</translation>
    </message>
    <message>
      <source>The deadline is {days} days away; at most {max} days are allowed (a longer one needs a treatment plan).</source>
      <translation>整改期限距今 {days} 天，最多允许 {max} 天（更长的期限需要治理方案）。</translation>
    </message>
    <message>
      <source>The responsible person must belong to the responsible department.</source>
      <translation>整改责任人须是整改责任部门的人员。</translation>
    </message>
    <message>
      <source>The funds must be an amount in yuan with at most two decimals, e.g. 12,500.00.</source>
      <translation>资金应为以元计的金额，最多两位小数，如 12,500.00。</translation>
    </message>
</context>
  <context>
    <name>RectificationPage</name>
    <message>
      <location filename="../../hazard_desktop/ui/dialogs/settings_pages/rectification.py" line="44" />
      <source>Responsibility (定责任)</source>
      <translation>定责任</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/dialogs/settings_pages/rectification.py" line="45" />
      <source>Measures (定措施)</source>
      <translation>定措施</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/dialogs/settings_pages/rectification.py" line="46" />
      <source>Funds (定资金)</source>
      <translation>定资金</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/dialogs/settings_pages/rectification.py" line="47" />
      <source>Time limit (定时限)</source>
      <translation>定时限</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/dialogs/settings_pages/rectification.py" line="48" />
      <source>Contingency (定预案)</source>
      <translation>定预案</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/dialogs/settings_pages/rectification.py" line="50" />
      <source>The five 五定 labels</source>
      <translation>五定的名称</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/dialogs/settings_pages/rectification.py" line="60" />
      <source>Leave all five empty to use the program's labels (shown in grey).</source>
      <translation>五项都留空则使用程序自带的名称（灰色显示）。</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/dialogs/settings_pages/rectification.py" line="64" />
      <source>Default deadline of a general hazard, by danger band</source>
      <translation>一般隐患按危险程度的默认整改期限</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/dialogs/settings_pages/rectification.py" line="69" />
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/dialogs/settings_pages/rectification.py" line="89" />
      <source> days</source>
      <translation> 天</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/dialogs/settings_pages/rectification.py" line="90" />
      <source>immediately</source>
      <translation>立即整改</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/dialogs/settings_pages/rectification.py" line="109" />
      <source>No band (graded without LEC)</source>
      <translation>无危险程度（未经 LEC 定级）</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/dialogs/settings_pages/rectification.py" line="133" />
      <source>Rectification settings saved.</source>
      <translation>整改设置已保存。</translation>
    </message>
  </context>
  <context>
    <name>RectificationSection</name>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="98" />
      <source>Rectification</source>
      <translation>整改</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="107" />
      <source>Deadline</source>
      <translation>整改期限</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="108" />
      <source>Days left</source>
      <translation>剩余天数</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="109" />
      <source>Responsible</source>
      <translation>责任人／部门</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="110" />
      <source>Measures</source>
      <translation>整改措施</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="111" />
      <source>Acceptor</source>
      <translation>验收人</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="112" />
      <source>Closed out on</source>
      <translation>销号日期</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="119" />
      <source>:</source>
      <translation>：</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="134" />
      <source>Timeline</source>
      <translation>整改记录</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="143" />
      <source>No steps yet.</source>
      <translation>尚无记录。</translation>
    </message>
    <message numerus="yes">
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="161" />
      <source>%n day(s) overdue</source>
      <translation>
        <numerusform>逾期 %n 天</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="163" />
      <source> (extension asked)</source>
      <translation>（已申请延期）</translation>
    </message>
      <message>
      <source>Photos</source>
      <translation>照片</translation>
    </message>
    <message>
      <source>before %1</source>
      <translation>整改前 %1</translation>
    </message>
    <message>
      <source>progress %1</source>
      <translation>进展 %1</translation>
    </message>
    <message>
      <source>after %1</source>
      <translation>整改后 %1</translation>
    </message>
</context>
  <context>
    <name>RectificationTimeline</name>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="35" />
      <source>Rectification assigned (五定)</source>
      <translation>下达整改（五定）</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="36" />
      <source>Assignment revised</source>
      <translation>修改五定</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="37" />
      <source>Treatment plan saved</source>
      <translation>保存治理方案</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="38" />
      <source>Progress note</source>
      <translation>整改进展</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="39" />
      <source>Extension requested</source>
      <translation>申请延期</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="40" />
      <source>Extension approved</source>
      <translation>批准延期</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="41" />
      <source>Extension refused</source>
      <translation>不批准延期</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="42" />
      <source>Acceptance requested</source>
      <translation>申请验收</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="43" />
      <source>Accepted, closed out</source>
      <translation>验收合格，销号</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="44" />
      <source>Sent back</source>
      <translation>退回整改</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="45" />
      <source>Fixed on the spot</source>
      <translation>当场整改</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="46" />
      <source>Graded</source>
      <translation>定级</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="66" />
      <source>deadline %1</source>
      <translation>期限 %1</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="68" />
      <source>to %1</source>
      <translation>延至 %1</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="72" />
      <source>acceptor %1</source>
      <translation>验收人 %1</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/section.py" line="79" />
      <source>Reason: %1</source>
      <translation>原因：%1</translation>
    </message>
      <message>
      <source>Details edited</source>
      <translation>隐患信息已修改</translation>
    </message>
    <message>
      <source>description</source>
      <translation>隐患描述</translation>
    </message>
    <message>
      <source>location</source>
      <translation>隐患部位</translation>
    </message>
    <message>
      <source>equipment tag</source>
      <translation>设备位号</translation>
    </message>
    <message>
      <source>department</source>
      <translation>所属部门</translation>
    </message>
    <message>
      <source>category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>subcategory</source>
      <translation>子类</translation>
    </message>
    <message>
      <source>found by</source>
      <translation>发现人</translation>
    </message>
    <message>
      <source>found at</source>
      <translation>发现时间</translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) added</source>
      <translation>
        <numerusform>添加照片 %n 张</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) removed</source>
      <translation>
        <numerusform>删除照片 %n 张</numerusform>
      </translation>
    </message>
    <message>
      <source>changed: %1</source>
      <translation>修改：%1</translation>
    </message>
</context>
  <context>
    <name>RegisterFilterBar</name>
    <message>
      <location filename="../../hazard_desktop/ui/register_filters.py" line="269" />
      <source>Rectification deadlines (plant-local days) and acceptances waiting</source>
      <translation>整改期限（本厂日期）及待验收</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/register_filters.py" line="270" />
      <source>Any deadline</source>
      <translation>全部期限</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/register_filters.py" line="271" />
      <source>Overdue</source>
      <translation>已逾期</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/register_filters.py" line="272" />
      <source>Due within 7 days</source>
      <translation>7 天内到期</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/register_filters.py" line="273" />
      <source>Awaiting my acceptance</source>
      <translation>待我验收</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/register_filters.py" line="375" />
      <source>Choose the operator first (Rectification menu)</source>
      <translation>请先选择操作人（整改菜单）</translation>
    </message>
  </context>
  <context>
    <name>RegisterModel</name>
    <message>
      <location filename="../../hazard_desktop/ui/models/register_model.py" line="89" />
      <source>Deadline</source>
      <translation>整改期限</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/models/register_model.py" line="90" />
      <source>Days left</source>
      <translation>剩余天数</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/models/register_model.py" line="91" />
      <source>Responsible department</source>
      <translation>整改责任部门</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/models/register_model.py" line="92" />
      <source>Responsible person</source>
      <translation>整改责任人</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/models/register_model.py" line="100" />
      <source>Rectification deadline (after approved extensions)</source>
      <translation>整改期限（含已批准的延期）</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/models/register_model.py" line="101" />
      <source>Days until the deadline while under rectification; negative: overdue</source>
      <translation>整改中距期限的天数；负数表示已逾期</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/models/register_model.py" line="671" />
      <source>Overdue by %n day(s)</source>
      <translation>已逾期 %n 天</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/models/register_model.py" line="673" />
      <source>Due today</source>
      <translation>今天到期</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/models/register_model.py" line="675" />
      <source>%n day(s) left</source>
      <translation>还剩 %n 天</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/models/register_model.py" line="677" />
      <source>An extension has been requested</source>
      <translation>已申请延期</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../hazard_desktop/ui/dialogs/settings_dialog.py" line="81" />
      <source>Rectification</source>
      <translation>整改</translation>
    </message>
  </context>
  <context>
    <name>SubmitDialog</name>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="554" />
      <source>Request acceptance</source>
      <translation>申请验收</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="557" />
      <source>(choose)</source>
      <translation>（请选择）</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="560" />
      <source>Acceptor:</source>
      <translation>验收人：</translation>
    </message>
    <message>
      <location filename="../../hazard_desktop/ui/rectification/dialogs.py" line="561" />
      <source>What was done:</source>
      <translation>整改完成情况：</translation>
    </message>
  </context>
</TS>
