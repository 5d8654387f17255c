<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>StatisticsActions</name>
    <message>
        <source>The register shows the hazards of the chart; the filters set before were replaced.</source>
        <translation>台账已显示统计图所选的隐患；原有的筛选条件已被替换。</translation>
    </message>
    <message>
        <source>The register shows the hazards of the chart.</source>
        <translation>台账已显示统计图所选的隐患。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/actions.py" line="28"/>
        <source>year {year}</source>
        <translation>{year}年度</translation>
    </message>
    <message>
        <source>Report due today {due}</source>
        <translation>今日报送 {due}</translation>
    </message>
    <message>
        <source>Next report due {due}</source>
        <translation>下次报送 {due}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/actions.py" line="30"/>
        <source>Statutory report of {period} due today ({due})</source>
        <translation>{period}统计分析表今日（{due}）到期报送</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/actions.py" line="33"/>
        <source>Next statutory report: {period}, due {due} (in {days} days)</source>
        <translation>下次报送：{period}统计分析表，{due}前（还有 {days} 天）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/actions.py" line="47"/>
        <source>S&amp;tatistics…</source>
        <translation>统计分析(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/actions.py" line="50"/>
        <source>Counts and charts by period; the quarterly and annual statistics reports</source>
        <translation>按期间统计隐患并绘制图表；生成季度、年度统计分析表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/actions.py" line="58"/>
        <source>Order No. 16 Art. 14: the statistics of a quarter reach the regulator by the 15th of the next month, those of a year by 31 January. Tools → Statistics… → Report writes them.</source>
        <translation>《安全生产事故隐患排查治理暂行规定》第十四条：季度统计分析表于下一季度第一个月15日前、年度统计分析表于次年1月31日前报送。在“工具 → 统计分析… → 报表”中生成。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/actions.py" line="35" />
        <source>Report {due}</source>
        <translation>报送 {due}</translation>
    </message>
</context>
<context>
    <name>StatisticsMessages</name>
    <message>
        <location filename="../../hazard_desktop/ui/statistics_messages.py" line="14"/>
        <source>“{value}” is not a period: write 2026Q4 for a quarter, 2026 for a year, 2026-03 for a month.</source>
        <translation>“{value}”不是有效的统计期间：季度写作 2026Q4，年度写作 2026，月份写作 2026-03。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics_messages.py" line="18"/>
        <source>The period ends ({last}) before it begins ({first}).</source>
        <translation>统计期间的结束日（{last}）早于开始日（{first}）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics_messages.py" line="19"/>
        <source>A custom period may cover at most ten years.</source>
        <translation>自定义期间最长为十年。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics_messages.py" line="20"/>
        <source>A report is saved as .pdf or .xlsx, not as “{suffix}”.</source>
        <translation>报表只能保存为 .pdf 或 .xlsx，不支持“{suffix}”。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics_messages.py" line="23"/>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
</context>
<context>
    <name>StatisticsWindow</name>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="103"/>
        <source>Statistics</source>
        <translation>统计分析</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="135"/>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="622"/>
        <source>Major hazards</source>
        <translation>重大事故隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="136"/>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="146"/>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="147"/>
        <source>By department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="148"/>
        <source>By grade</source>
        <translation>按级别</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="149"/>
        <source>By band</source>
        <translation>按风险等级</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="150"/>
        <source>By status</source>
        <translation>按状态</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="151"/>
        <source>Found and closed by month</source>
        <translation>分月排查与销号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="156"/>
        <source>Period:</source>
        <translation>统计期间：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="160"/>
        <source>Monthly</source>
        <translation>月度</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="161"/>
        <source>Quarterly</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="162"/>
        <source>Annual</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="163"/>
        <source>Custom range</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="201"/>
        <source>Month {n}</source>
        <translation>{n}月</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="204"/>
        <source>Q{n}</source>
        <translation>第{n}季度</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="242"/>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="427"/>
        <source>Hazards</source>
        <translation>隐患数</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="242"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="256"/>
        <source>Category</source>
        <translation>隐患类别</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="257"/>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="279"/>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="258"/>
        <source>Grade</source>
        <translation>隐患级别</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="259"/>
        <source>Band</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="260"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="264"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="264"/>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="455"/>
        <source>Found</source>
        <translation>排查发现</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="264"/>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="457"/>
        <source>Closed</source>
        <translation>销号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="277"/>
        <source>Number</source>
        <translation>隐患编号</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="278"/>
        <source>Description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="280"/>
        <source>Found on</source>
        <translation>排查日期</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="281"/>
        <source>State</source>
        <translation>治理状态</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="282"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="283"/>
        <source>Reported to regulator</source>
        <translation>报告情况</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="300"/>
        <source>Analysis (printed in the report; leave empty to write it by hand):</source>
        <translation>统计分析（打印在报表中；留空则手写）：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="305"/>
        <source>Save report as &amp;PDF…</source>
        <translation>保存报表为 &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="307"/>
        <source>Save report as E&amp;xcel…</source>
        <translation>保存报表为 E&amp;xcel…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="319"/>
        <source>Export &amp;tables (.xlsx)…</source>
        <translation>导出统计表(&amp;T)（.xlsx）…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="321"/>
        <source>Save &amp;chart as PNG…</source>
        <translation>保存图表为 PNG(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="323"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="415"/>
        <source>No band (not graded by LEC)</source>
        <translation>无风险等级（未经 LEC 判定）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="486"/>
        <source>&lt;b&gt;{period}&lt;/b&gt;: {found} found ({general} general, {major} major, {ungraded} not graded); {rectified} of them rectified. Due {due}, closed on time {on_time} (rate {rate}); overdue on {as_of}: {overdue}; closed {closed}, on average {days} days after being found; funds {funds} yuan.</source>
        <translation>&lt;b&gt;{period}&lt;/b&gt;：排查发现隐患 {found} 项（一般 {general} 项，重大 {major} 项，未定级 {ungraded} 项），已整改 {rectified} 项。到期应整改 {due} 项，按期整改 {on_time} 项（按期整改率 {rate}）；截至 {as_of} 逾期未整改 {overdue} 项；本期销号 {closed} 项，平均整改 {days} 天；落实整改资金 {funds} 元。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="517"/>
        <source>{title} for {period}: due at the regulator on {due}.</source>
        <translation>{period}{title}：须于 {due} 前报送监管部门。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="520"/>
        <source>{title} for {period} (internal report).</source>
        <translation>{period}{title}（内部报表）。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="530"/>
        <source>Not reported</source>
        <translation>未报告</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="531"/>
        <source>Reported {day}</source>
        <translation>已报告 {day}</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="599"/>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="610"/>
        <source>Save chart as PNG</source>
        <translation>保存图表为 PNG</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="599"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="613"/>
        <source>Chart saved to {path}.</source>
        <translation>图表已保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="628"/>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="638"/>
        <source>Export tables</source>
        <translation>导出统计表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="628"/>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="653"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="653"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="654"/>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="673"/>
        <source>Save report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="682"/>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/statistics/window.py" line="1"/>
        <source>Your account may not issue reports (their codes are recorded).</source>
        <translation>您的账户无权出具报表（报表的核验码会被记录）。</translation>
    </message>
</context>
</TS>
