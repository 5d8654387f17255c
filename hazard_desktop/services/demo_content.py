"""Chinese content for demo and load-test data: people, and hazards built from templates.

Pure data and a deterministic generator, no I/O. A hazard description is a template of its
subcategory (rule §4.5–§4.10) filled with an equipment tag of the department that owns it (e.g.
``P-101A``, ``V-203``, ``T-305``, ``E-110``), a chemical, a number of days and so on, so that even
100,000 generated hazards read like real register entries and are rarely identical.

Department codes are those of ``reference_data/departments.json``; subcategory codes those of
``reference_data/categories.json`` (the unit tests check both).
"""

from __future__ import annotations

import bisect
import itertools
import random
import string
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["DemoHazardSpec", "hazard_specs", "people_specs", "subcategory_codes"]

FOUND_SPAN_DAYS = 730  # hazards are spread over the two years before the reference date


@dataclass(frozen=True)
class DemoHazardSpec:
    """One generated hazard; ``found_offset_days`` counts back from the reference date."""

    description: str
    location: str
    equipment_tag: str
    department_code: str
    category_code: str
    subcategory_code: str | None
    found_offset_days: int


# --------------------------------------------------------------------------------------------
# People

_PEOPLE: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # 隐患争议判定小组 (rule §7)
    ("肖才根", "ZJB", ("dispute_leader",)),
    ("刘家华", "AHB", ("dispute_deputy", "safety_officer")),
    # 安环部
    ("陈建国", "AHB", ("panel_leader", "panel_member", "safety_officer")),
    ("王丽萍", "AHB", ("panel_member", "safety_officer", "inspector")),
    ("赵志强", "AHB", ("panel_member", "inspector")),
    ("孙海燕", "AHB", ("safety_officer", "inspector")),
    # 生产部
    ("周永明", "SCB", ("panel_member",)),
    ("吴晓东", "SCB", ("panel_member", "inspector")),
    ("郑红梅", "SCB", ("panel_member",)),
    # 工会
    ("黄秀英", "GH", ("panel_member",)),
    ("林国栋", "GH", ("panel_member",)),
    # 事业部
    ("何伟", "SYB", ("panel_member",)),
    ("高建军", "SYB", ("panel_member",)),
    # 设备部、质量部、技术部
    ("马俊", "SBB", ("inspector",)),
    ("罗文斌", "SBB", ("inspector",)),
    ("梁静", "ZLB", ("inspector",)),
    ("蒋明辉", "JSB", ("inspector",)),
    # 车间
    ("宋立新", "HC1", ("inspector",)),
    ("唐志刚", "HC1", ("inspector",)),
    ("许振华", "HC2", ("inspector",)),
    ("韩雪", "HC2", ("inspector",)),
    ("曹德胜", "GQ", ("inspector",)),
    ("董卫东", "GQ", ("inspector",)),
    ("冯涛", "JL", ("inspector",)),
    ("邓小军", "JL", ("inspector",)),
    ("彭勇", "GY", ("inspector",)),
    ("曾庆丰", "WS", ("inspector",)),
    ("谢春燕", "BZ", ("inspector",)),
    ("袁明", "CC", ("inspector",)),
    ("田宝林", "CC", ("inspector",)),
)


def people_specs() -> list[tuple[str, str, tuple[str, ...]]]:
    """Demo staff as (name, department code, role values)."""
    return list(_PEOPLE)


# --------------------------------------------------------------------------------------------
# Departments that own hazards: equipment they have and the places where hazards are found


@dataclass(frozen=True)
class _Dept:
    code: str
    area: int  # first digit of equipment tags; 0 = offices without process equipment
    kinds: tuple[str, ...]  # tag kinds present
    places: Mapping[str, tuple[str, ...]]  # tag kind (or "" = anywhere) -> places


_INSTRUMENTS = ("lt", "pt", "tt", "ft", "xv", "gd", "psv")

_DEPTS: tuple[_Dept, ...] = (
    _Dept(
        "HC1",
        1,
        ("reactor", "pump", "vessel", "hx", "tank", "line", "panel", "fan", "centrifuge", "crane", *_INSTRUMENTS),
        {
            "": (
                "合成一车间一楼",
                "合成一车间二楼反应釜平台",
                "合成一车间三楼投料平台",
                "合成一车间外管廊",
                "合成一车间东侧通道",
            ),
            "reactor": ("合成一车间二楼反应釜平台", "合成一车间三楼投料平台", "合成一车间高位槽区"),
            "pump": ("合成一车间一楼泵区",),
            "centrifuge": ("合成一车间离心机房",),
            "tank": ("合成一车间中间罐区",),
            "line": ("合成一车间外管廊", "合成一车间二楼管廊"),
            "panel": ("合成一车间配电间", "合成一车间一楼泵区"),
            "fan": ("合成一车间屋面尾气处理区",),
            "crane": ("合成一车间吊装孔",),
        },
    ),
    _Dept(
        "HC2",
        2,
        ("reactor", "pump", "vessel", "hx", "tank", "line", "panel", "fan", "centrifuge", "crane", *_INSTRUMENTS),
        {
            "": (
                "合成二车间一楼",
                "合成二车间加氢釜区",
                "合成二车间二楼操作平台",
                "合成二车间氢气汇流排间",
                "合成二车间北侧管廊",
            ),
            "reactor": ("合成二车间加氢釜区", "合成二车间二楼操作平台", "合成二车间三楼投料间"),
            "pump": ("合成二车间一楼泵区",),
            "centrifuge": ("合成二车间离心干燥间",),
            "tank": ("合成二车间溶剂回收罐区",),
            "vessel": ("合成二车间加氢釜区", "合成二车间一楼"),
            "line": ("合成二车间北侧管廊",),
            "panel": ("合成二车间配电间",),
            "fan": ("合成二车间屋面尾气吸收塔旁",),
            "crane": ("合成二车间吊装孔",),
        },
    ),
    _Dept(
        "GQ",
        3,
        ("tank", "pump", "line", "panel", "lt", "pt", "tt", "xv", "gd", "psv"),
        {
            "": (
                "罐区甲类罐组防火堤内",
                "罐区乙类罐组",
                "罐区装卸车栈台",
                "罐区泵棚",
                "罐区消防泡沫站",
                "罐区围堰雨水排放口",
            ),
            "tank": ("罐区 {tank} 防火堤内", "罐区 {tank} 罐顶平台", "罐区甲类罐组防火堤内"),
            "pump": ("罐区泵棚", "罐区装卸泵区"),
            "line": ("罐区装卸车栈台", "罐区管廊"),
            "panel": ("罐区配电间", "罐区泵棚"),
        },
    ),
    _Dept(
        "JL",
        4,
        ("column", "pump", "hx", "vessel", "tank", "line", "panel", *_INSTRUMENTS),
        {
            "": (
                "精馏车间塔区一层",
                "精馏车间塔区四层平台",
                "精馏车间回流泵区",
                "精馏车间冷凝器框架",
                "精馏车间真空机组房",
            ),
            "column": ("精馏车间 {column} 塔顶平台", "精馏车间塔区四层平台", "精馏车间塔区一层"),
            "pump": ("精馏车间回流泵区", "精馏车间真空机组房"),
            "hx": ("精馏车间冷凝器框架", "精馏车间再沸器平台"),
            "tank": ("精馏车间产品中间罐区",),
            "line": ("精馏车间管廊",),
        },
    ),
    _Dept(
        "GY",
        5,
        ("compressor", "pump", "vessel", "hx", "fan", "line", "panel", "pt", "tt", "psv"),
        {
            "": (
                "公用工程车间空压站",
                "公用工程车间循环水站",
                "公用工程车间冷冻站",
                "公用工程车间变配电室",
                "公用工程车间蒸汽分汽缸间",
                "公用工程车间氮气站",
            ),
            "compressor": ("公用工程车间空压站", "公用工程车间冷冻站"),
            "pump": ("公用工程车间循环水泵房", "公用工程车间消防泵房"),
            "vessel": ("公用工程车间空压站", "公用工程车间蒸汽分汽缸间", "公用工程车间氮气站"),
            "fan": ("公用工程车间循环水站凉水塔",),
            "hx": ("公用工程车间冷冻站", "公用工程车间循环水站"),
            "panel": ("公用工程车间变配电室",),
            "line": ("公用工程车间蒸汽管网", "公用工程车间外管廊"),
        },
    ),
    _Dept(
        "WS",
        6,
        ("pump", "tank", "fan", "line", "panel", "lt", "gd"),
        {
            "": (
                "污水处理站调节池",
                "污水处理站加药间",
                "污水处理站生化池走道",
                "污水处理站污泥压滤间",
                "污水处理站废气处理装置旁",
            ),
            "pump": ("污水处理站提升泵房",),
            "fan": ("污水处理站鼓风机房", "污水处理站废气处理装置旁"),
            "tank": ("污水处理站加药间",),
        },
    ),
    _Dept(
        "BZ",
        7,
        ("pump", "tank", "panel", "forklift", "fan", "crane", "gd"),
        {
            "": ("包装车间灌装线", "包装车间成品暂存区", "包装车间打包区", "包装车间空桶存放区"),
            "forklift": ("包装车间成品暂存区", "包装车间装车口"),
            "pump": ("包装车间灌装线",),
            "tank": ("包装车间灌装线",),
        },
    ),
    _Dept(
        "CC",
        8,
        ("forklift", "panel", "fan", "gd"),
        {
            "": (
                "甲类仓库一号库",
                "甲类仓库二号库",
                "丙类仓库",
                "危险废物暂存库",
                "原料装卸平台",
                "仓储物流部桶装物料堆场",
            ),
            "forklift": ("原料装卸平台", "仓储物流部桶装物料堆场"),
        },
    ),
    _Dept("ZLB", 0, (), {"": ("质量部中心化验室", "质量部留样室", "质量部气瓶间", "质量部中控分析室")}),
    _Dept("SBB", 0, (), {"": ("设备部机修间", "设备部备件库", "设备部电气维修班", "设备部档案室")}),
    _Dept("AHB", 0, (), {"": ("安环部应急物资库", "安环部气体防护站", "安环部档案室")}),
    _Dept("SCB", 0, (), {"": ("生产部调度室", "生产部办公室")}),
    _Dept("JSB", 0, (), {"": ("技术部工艺室",)}),
    _Dept("ZJB", 0, (), {"": ("办公楼", "厂区大门门卫室", "厂区主干道", "厂区东侧围墙边")}),
)

_WORKSHOPS = ("HC1", "HC2", "GQ", "JL", "GY", "WS", "BZ", "CC")

# Tag kinds: prefix and how many numbers each department has. Pumps come in A/B pairs.
_TAG_PREFIX = {
    "reactor": "R",
    "pump": "P",
    "vessel": "V",
    "hx": "E",
    "tank": "T",
    "column": "C",
    "compressor": "K",
    "fan": "B",
    "centrifuge": "CF",
    "crane": "HS",
    "forklift": "FL",
    "panel": "AP",
    "line": "PL",
    "lt": "LT",
    "pt": "PT",
    "tt": "TT",
    "ft": "FT",
    "xv": "XV",
    "gd": "GD",
    "psv": "PSV",
}
_TAG_COUNT = {"crane": 2, "forklift": 4, "compressor": 3, "centrifuge": 3, "fan": 4}


def _tags(area: int, kind: str) -> tuple[str, ...]:
    prefix = _TAG_PREFIX[kind]
    count = _TAG_COUNT.get(kind, 12)
    if kind == "pump":
        return tuple(f"P-{area}{n:02d}{ab}" for n in range(1, count + 1) for ab in "AB")
    if kind == "line":
        return tuple(f"PL-{area}{n:03d}" for n in range(1, 40, 3))
    if kind == "gd":
        return tuple(f"GD-{area}{n:02d}" for n in range(1, 25, 2))
    return tuple(f"{prefix}-{area}{n:02d}" for n in range(1, count + 1))


# --------------------------------------------------------------------------------------------
# Fillers other than tags


def _numbers(first: int, last: int, step: int = 1) -> tuple[str, ...]:
    return tuple(str(n) for n in range(first, last + 1, step))


_FILLERS: dict[str, tuple[str, ...]] = {
    "chem": (
        "甲醇",
        "甲苯",
        "丙酮",
        "乙酸乙酯",
        "二氯甲烷",
        "液碱",
        "硫酸",
        "盐酸",
        "四氢呋喃",
        "正己烷",
        "乙醇",
        "异丙醇",
        "DMF",
        "乙腈",
        "醋酸",
        "氨水",
        "导热油",
    ),
    "solvent": ("甲醇", "甲苯", "丙酮", "乙酸乙酯", "四氢呋喃", "正己烷", "乙醇", "异丙醇", "乙腈", "石油醚", "二甲苯"),
    "corrosive": ("浓硫酸", "盐酸", "32% 液碱", "氢氧化钠溶液", "硝酸", "氢氟酸", "氨水", "醋酸"),
    "oxidizer": ("双氧水", "次氯酸钠", "高锰酸钾", "硝酸", "过氧化苯甲酰"),
    "gas": ("氢气", "氮气", "氩气", "乙炔", "液氨", "一氧化碳标气"),
    "detgas": ("可燃气体", "硫化氢", "氧含量", "一氧化碳", "氨气", "氯化氢"),
    "permit": (
        "动火作业票",
        "受限空间作业票",
        "高处作业票",
        "临时用电作业票",
        "盲板抽堵作业票",
        "吊装作业票",
        "动土作业票",
        "断路作业票",
    ),
    "person": (
        "操作工张某",
        "操作工李某",
        "外操王某",
        "班长刘某",
        "维修工陈某",
        "操作工赵某",
        "实习生黄某",
        "外操周某",
        "电工吴某",
    ),
    "contractor": (
        "外来施工单位",
        "防腐保温承包商",
        "机电安装承包商",
        "钢结构施工队",
        "外包清洗单位",
        "仪表安装承包商",
        "土建施工队",
    ),
    "minutes": _numbers(10, 45, 5),
    "hours": _numbers(2, 8),
    "days": _numbers(3, 120),
    "weeks": _numbers(2, 6),
    "n": _numbers(2, 6),
    "kg": _numbers(2, 30),
    "pct": _numbers(85, 98),
    "dev": _numbers(5, 20),
    "pressure": ("0.35", "0.45", "0.6", "0.8", "1.0", "1.2", "1.6", "2.5"),
    "cw": ("0.15", "0.18", "0.2", "0.22"),
    "temp": _numbers(45, 180, 5),
    "bearing": _numbers(70, 95),
    "room": _numbers(31, 38),
    "height": _numbers(3, 18),
    "scba": _numbers(10, 20),
    "layers": _numbers(3, 6),
}


# --------------------------------------------------------------------------------------------
# Description templates per subcategory. A template is a string, or (string, department codes)
# when only some departments fit. A tag placeholder restricts it to departments with that equipment.

_Template = str | tuple[str, tuple[str, ...]]

_LAB = ("ZLB",)
_STORE = ("CC",)

_TEMPLATES: dict[str, tuple[_Template, ...]] = {
    # 4.5 生产工艺
    "4.5.1": (
        "{reactor} 滴加{chem}时未按操作规程控制滴加速度，釜温短时超过控制上限",
        "{reactor} 投料前未确认氮气置换合格即开始投加{solvent}",
        "{reactor} 反应结束后未降温至规定温度即进行出料操作",
        "{column} 开车过程中未按开车方案逐步升温，塔釜升温过快",
        "{reactor} 保温阶段操作人员离开现场，釜温无人监控约{minutes}分钟",
        "{vessel} 转料时未确认接收罐液位，险些造成冒罐",
        "{reactor} 冷却水中断后未按应急处置程序立即停止加料",
        "{hx} 冷凝器冷却水未开启即开始蒸馏回流操作",
        "交接班时未交接 {reactor} 反应进度及异常情况",
    ),
    "4.5.2": (
        "{reactor} 批生产记录投料量一栏空白，未记录{chem}实际投料量",
        "{column} 操作记录中温度数据连续{hours}小时未填写",
        "岗位操作记录存在提前填写现象，记录时间晚于检查时间",
        "{reactor} 批记录涂改处未签名确认，修改后的数值无法追溯",
        "交接班记录未记录 {pump} 切换运行情况",
        "{tank} 液位记录与 DCS 实时数据不符，相差约{dev}%",
        "生产记录使用铅笔填写，部分数据已模糊不清",
    ),
    "4.5.3": (
        "{reactor} 釜内压力长期在{pressure} MPa 运行，超过工艺卡片规定上限",
        "{column} 塔顶温度控制在{temp}℃，偏离工艺指标且未办理变更",
        "{tt} 显示夹套出口温度超工艺指标，当班未采取调整措施",
        "{vessel} 液位长期控制在{pct}%，超过工艺卡片规定的 80% 上限",
        "工艺卡片未随 {reactor} 工艺变更同步更新，现场执行参数与卡片不一致",
        "{hx} 冷却水出口温度超过工艺控制值，换热能力不足",
        "{reactor} 真空度未达到工艺要求，操作人员擅自放宽控制指标",
    ),
    "4.5.4": (
        "{reactor} 投料前未执行双人复核，投料单仅一人签字",
        "{solvent}领料未执行品名、批号复核，现场发现领错物料批次",
        "{xv} 阀门倒换后未进行第二人确认",
        "{reactor} 升温前未复核 {hx} 冷却水阀门开启状态",
        "配料称量未按要求复核，实际称量数据与配料单相差{kg} kg",
        "盲板抽堵后未按盲板表逐一复核确认，{line} 盲板状态不明",
        "{tank} 收料前未复核进料流程，存在串料风险",
    ),
    "4.5.5": (
        "{reactor} 取样未使用密闭取样器，敞口取样导致{solvent}挥发",
        "取样人员单人在 {tank} 罐顶取样，无人监护",
        "{vessel} 取样口阀门内漏，取样后仍有{chem}滴漏",
        "中控分析样品未按规定标识取样时间和取样点",
        ("化验室{solvent}废液瓶未加盖，室内有明显刺激性气味", _LAB),
        ("化验室{gas}气瓶未固定，与氧气瓶间距不足 5 m", _LAB),
        ("留样室样品超过留样期限未处置，{solvent}样品瓶堆放在通风橱外", _LAB),
        "{reactor} 出料前未取样分析合格即转料",
        "取样管线 {line} 冲洗液直接排入地沟",
    ),
    "4.5.6": (
        ("{solvent}与{oxidizer}在同一库区混存，未按禁配要求分区隔离", _STORE),
        ("甲类仓库{solvent}实际存量超过核定最大储存量", _STORE),
        "{solvent}桶装物料发放未登记领用人和数量",
        "车间中间暂存点存放{solvent}超过一天用量",
        "{corrosive}桶直接放置在地面上，未设防泄漏托盘",
        ("易制爆化学品{oxidizer}发放未执行“双人双锁”，库房钥匙由一人保管", _STORE),
        ("仓库{solvent}桶堆垛高度超过规定，且距灯具不足 0.5 m", _STORE),
        "退库{chem}未经检验即与合格品混放",
    ),
    "4.5.7": (
        "{reactor} 清釜产生的废{solvent}装在未加盖的敞口桶内，暂存于车间过道",
        "{chem}废包装桶未分类存放，危废标签填写不全",
        "含{solvent}废液桶存放于雨水沟旁，无防渗托盘",
        "废活性炭与一般固废混装，未按危险废物管理",
        ("危废出库未填写转移联单，台账与实物数量不符", _STORE),
        "{pump} 检修更换下的含油废抹布丢弃在一般垃圾桶内",
        "废{corrosive}包装袋在车间外露天堆放，未及时转运至危废库",
        ("压滤污泥收集桶已满未及时清运，污泥外溢至地面", ("WS",)),
    ),
    # 4.6 设备/设施/工器具
    "4.6.1": (
        "{vessel} 压力容器定期检验已超期{days}天，仍在使用",
        "{psv} 安全阀校验有效期已过{days}天，未及时送检",
        "{vessel} 压力表超过检定周期，表盘未标注最高工作压力红线",
        "{crane} 电动葫芦超期未检，检验合格标志缺失",
        "{forklift} 叉车司机未持特种设备作业人员证上岗",
        "{psv} 安全阀前切断阀处于关闭状态，安全阀未有效投用",
        "特种设备台账未录入 {vessel}，使用登记证缺失",
        "{reactor} 夹套属压力容器，未办理使用登记",
        "{forklift} 叉车制动失灵，仍在厂区行驶作业",
    ),
    "4.6.2": (
        "{pump} 机械密封泄漏，泵体下方积有{chem}",
        "{pump} 联轴器防护罩缺失",
        "{pump} 轴承温度约{bearing}℃，振动明显，未安排检修",
        "{compressor} 压缩机油位低于下限，出口压力表指示不稳",
        "{fan} 风机皮带防护罩破损，皮带外露",
        "{pump} 备用泵长期未盘车，无法确认备用状态",
        "{centrifuge} 离心机盖板联锁失效，运转中可以开盖",
        "{pump} 地脚螺栓松动，运行时振动大",
    ),
    "4.6.3": (
        "{vessel} 外壁腐蚀严重，保温层脱落",
        "{tank} 罐顶呼吸阀锈死，阻火器未定期清理",
        "{hx} 换热器法兰垫片泄漏，有{chem}渗出",
        "{column} 塔体保温铝皮脱落，存在烫伤风险",
        "{tank} 储罐基础沉降开裂，接地扁钢断开",
        "{reactor} 搪瓷釜视镜玻璃有裂纹",
        "{vessel} 人孔缺少{n}颗螺栓，未满螺栓紧固",
        "{tank} 罐壁有明显鼓包变形",
    ),
    "4.6.4": (
        "{line} 管道法兰未做静电跨接",
        "{line} 管道支架脱落，管道悬空下垂",
        "{line} 管线保温破损，外露部分腐蚀减薄",
        "{line} 管道未标识介质名称和流向",
        "{line} 蒸汽管线疏水阀失效，存在水击现象",
        "{line} 软管接头用铁丝捆扎，未使用卡箍",
        "{line} 管道穿越楼板处未设套管，孔洞未封堵",
        "{line} 盲板未挂牌，盲板厚度不符合要求",
    ),
    "4.6.5": (
        "{lt} 液位计显示与现场玻璃板液位计偏差较大，未及时校验",
        "{pt} 压力变送器引压管堵塞，DCS 显示值长时间不变化",
        "{gd} 气体检测器超过标定周期{days}天",
        "{gd} 有毒气体检测器探头被塑料袋包裹，处于失效状态",
        "{tt} 温度计套管损坏，DCS 温度显示跳变",
        "{ft} 流量计长期故障，投料量依靠人工估算",
        "{xv} 紧急切断阀气源管线泄漏，阀门动作迟缓",
        "{lt} 高液位报警值设定为{pct}%，高于规定值",
        ("DCS 机柜间空调故障，室内温度达{room}℃", ("HC1", "HC2", "JL")),
    ),
    "4.6.6": (
        "{panel} 防爆配电箱缺少紧固螺栓，防爆面锈蚀",
        "{panel} 配电箱门未关闭，箱内接线裸露",
        "{pump} 电机接地线断开",
        "爆炸危险区域内使用非防爆照明灯具",
        "{panel} 电缆进线口未使用防爆密封接头，存在孔洞",
        "临时电源线沿地面拖拉，经过 {pump} 附近积水处",
        "{panel} 漏电保护器试验按钮失效",
        ("变配电室电缆沟未封堵，有鼠害痕迹", ("GY",)),
        "{panel} 防爆挠性管破损，电线外露",
    ),
    "4.6.7": (
        "{gd} 可燃气体报警器声光报警功能失效",
        "{tank} 防火堤有穿越管道孔洞未封堵",
        "{reactor} 爆破片后泄放管线未引至安全处，直接朝向操作平台",
        "{tank} 罐顶阻火器拆除后未恢复",
        "平台防护栏杆高度不足 1.05 m，踢脚板缺失",
        "{column} 塔顶平台斜梯扶手松动",
        "{tank} 静电接地线断开，接地电阻未检测",
        "入口处人体静电释放器损坏",
        "{vessel} 氮封阀失效，氮封压力为零",
    ),
    "4.6.8": (
        "洗眼器水压不足，冲淋装置无法正常出水",
        "应急柜内正压式空气呼吸器气瓶压力仅{scba} MPa，不满足使用要求",
        "消防栓被物料遮挡，无法正常使用",
        "灭火器压力指针处于红区，已失效",
        "应急物资柜内防化服缺失，物资清单与实物不符",
        "应急照明灯具损坏，疏散通道无照明",
        "洗眼器冬季未采取防冻措施，管道冻结",
        "疏散指示标志灯不亮",
        ("事故应急池被杂物占用，有效容积不足", ("WS", "GQ")),
    ),
    "4.6.9": (
        "{fan} 排风机停运，现场{solvent}气味较重",
        ("离心机房机械排风量不足，未达到换气次数要求", ("HC1", "HC2")),
        "{fan} 废气处理风机故障，尾气未经处理直接排放",
        "循环冷却水供水压力仅{cw} MPa，{hx} 换热不足",
        ("氮气总管压力波动，氮封系统供气不足", ("GY", "GQ", "JL", "HC1", "HC2")),
        "仪表风储罐 {vessel} 未定期排凝，仪表风带水",
        ("局部排风罩脱落，投料口粉尘外逸", ("HC1", "HC2", "BZ")),
        "冷冻盐水出口温度偏高，{reactor} 冷却能力不足",
    ),
    "4.6.10": (
        "在爆炸危险区域使用非防爆扳手",
        "手持电动工具未经绝缘检测，无检测合格标签",
        "人字梯防滑脚缺失，无防张开拉链",
        "手拉葫芦吊钩防脱装置缺失",
        "电焊机二次线绝缘破损，焊钳把线裸露",
        "登高用安全带织带磨损，未按规定报废",
        "便携式{detgas}检测仪超过校准有效期{days}天",
        "砂轮机防护罩缺失，托架间隙过大",
    ),
    # 4.7 作业
    "4.7.1": (
        "{vessel} 受限空间作业前未进行气体分析即进入",
        "{reactor} 釜内作业时监护人离开现场",
        "{line} 动火作业点周围可燃物未清理，残留{solvent}",
        "高处作业人员未系挂安全带，作业高度约{height} m",
        "{line} 盲板抽堵作业前未确认管线泄压，作业人员未佩戴呼吸防护",
        "吊装作业区域未设置警戒，吊物下方有人员通行",
        "临时用电作业未办理作业票，私接电源",
        "动土作业未办理作业票，开挖后未设围栏警示",
        "{tank} 罐顶动火作业中断{hours}小时后未重新进行气体分析即恢复作业",
    ),
    "4.7.2": (
        "{contractor}作业人员未经入厂安全教育即进入装置区",
        "{contractor}在 {tank} 附近使用非防爆工具",
        "承包商作业现场无本单位监护人员",
        "{contractor}电焊工特种作业操作证复审记录缺失",
        "{contractor}搭设的脚手架未经验收即投入使用，无验收挂牌",
        "{contractor}施工垃圾堆放在消防通道上",
        "{contractor}施工人员未佩戴安全帽进入装置区",
        "{contractor}作业人员超出作业票批准区域作业",
    ),
    "4.7.3": (
        "新增 {pump} 安装后未进行单机试车即交付使用",
        "{line} 管道安装完毕未进行压力试验即投用",
        "{vessel} 设备吊装就位后地脚螺栓未紧固",
        "新装 {gd} 气体检测器未接入报警系统",
        "安装作业拆除的 {column} 平台栏杆未恢复",
        "{panel} 新装配电箱未做接地",
        "{line} 管道安装使用的垫片材质与介质不符",
        "安装现场切割作业未设置接火盆",
    ),
    "4.7.4": (
        "{pump} 检修前未断电挂牌，仅在现场按钮停机",
        "{vessel} 检修前未进行倒空置换，内部残留{chem}",
        "{pump} 检修完毕安全防护罩未恢复",
        "{hx} 检修时未加盲板隔断，仅关闭阀门",
        "{reactor} 检修作业未办理检修作业票",
        "{line} 拆卸法兰时管道内仍有压力",
        "检修使用的临时梯子未固定，无人扶梯",
        "检修后 {xv} 切断阀未恢复至正常工作状态",
    ),
    # 4.8 基础安全与5S
    "4.8.1": (
        "作业人员未按规定佩戴防护面罩进行{corrosive}取样",
        "{person}进入装置区未佩戴安全帽",
        "操作人员装卸{corrosive}时未戴耐酸碱手套",
        "{reactor} 投料口投加粉料时操作人员未佩戴防尘口罩",
        "{person}穿化纤服装进入防爆区域",
        "{solvent}转料时操作人员未佩戴防护眼镜",
        "{compressor} 旁噪声超标区域作业人员未佩戴耳塞",
        "{person}未穿防静电工作鞋进入甲类区域",
    ),
    "4.8.2": (
        "{pump} 出口法兰滴漏{chem}，地面有积液",
        "{tank} 罐根阀门阀杆填料处渗漏",
        "{line} 管线焊缝处有{chem}渗出",
        "{reactor} 人孔盖密封不严，有{solvent}气味逸出",
        "{hx} 封头处漏水，地面积水",
        ("装车鹤管拆卸时{solvent}洒落地面，未及时清理", ("GQ",)),
        "{vessel} 排凝阀未关严，持续滴漏",
        "蒸汽管线 {line} 疏水阀处漏汽",
    ),
    "4.8.3": (
        "{chem}桶堆放在消防通道上",
        "安全出口处堆放空包装袋，影响疏散",
        "{pump} 周边堆放检修更换下的旧配件",
        "{panel} 配电柜前堆放杂物，操作距离不足",
        "物料桶堆放{layers}层，存在倾倒风险",
        "{reactor} 操作平台上堆放{chem}原料，超出平台承重标识",
        "消防器材前堆放托盘",
        "成品堆垛紧贴墙体，未留墙距、垛距",
    ),
    "4.8.4": (
        "{tank} 储罐未标识介质名称和容积",
        "{pump} 泵体无位号标识",
        "{chem}储存点未张贴安全技术说明书（MSDS）和安全周知卡",
        "{line} 管道介质流向标识错误",
        "受限空间 {vessel} 入口未设置“未经许可严禁入内”警示标识",
        "应急疏散路线图未更新，与现场布局不符",
        "定置管理区域划线褪色，物品未按定置摆放",
        "{xv} 阀门未挂开关状态牌",
        "岗位应急处置卡缺失，未公示应急联系电话",
    ),
    # 4.9 管理
    "4.9.1": (
        "{reactor} 工艺变更未履行变更审批程序即实施",
        "开停车未按开停车方案确认，检查表未逐项签字",
        "岗位操作规程未按期修订，现行版本已超过三年",
        "{pump} 设备变更后未更新操作规程",
        "隐患整改完成后未经验收即销号",
        "安全检查发现的问题未制定整改措施和完成期限",
        "交接班未按交接班管理规定进行现场交接",
        "应急预案演练未按计划开展，本季度演练缺失",
    ),
    "4.9.2": (
        "{xv} 高液位联锁处于摘除状态，未办理联锁摘除审批",
        "{reactor} 温度联锁被强制旁路，未办理审批手续",
        "联锁摘除审批单已过期{days}天，联锁仍未恢复",
        "{lt} 联锁设定值与联锁台账不一致",
        "新增 {tt} 温度联锁未录入联锁台账",
        "{pump} 低液位停泵联锁未定期测试",
        "{reactor} 搅拌停止切断进料联锁未投用",
        "DCS 联锁投切记录不完整，缺少操作人签字",
    ),
    "4.9.3": (
        "动火作业票未填写气体分析时间和分析人",
        "受限空间作业票中 {vessel} 安全措施确认栏未逐项签字",
        "高处作业票填写的作业高度与实际不符",
        "{permit}审批人签字为他人代签",
        "{permit}作业时间超过规定有效期",
        "{permit}未注明作业内容和危害辨识结果",
        "盲板抽堵作业票未附盲板位置图，{line} 盲板编号缺失",
        "{permit}监护人一栏空白",
    ),
    "4.9.4": (
        "{gd} 气体检测器日常检查记录近一个月缺少{n}天",
        "消防器材月检记录未填写",
        "洗眼器每周试水记录连续{weeks}周未填写",
        "设备润滑记录与实际加油情况不符",
        "{pump} 设备运行记录未记录振动、温度数据",
        "班组安全活动记录连续{weeks}周缺失",
        "{psv} 安全阀校验记录缺少校验报告编号",
        "安全活动记录内容空泛，无参加人员签字",
    ),
    "4.9.5": (
        "{vessel} 压力容器技术档案缺少定期检验报告",
        "特种作业人员证书复印件未归档",
        "{reactor} 设备档案缺少检修记录",
        "危险化学品安全技术说明书（MSDS）档案版本过期",
        "隐患整改档案资料不全，缺少整改前后照片",
        "{pump} 设备变更资料未归档",
        "安全阀校验报告未按位号归档",
        "职业健康监护档案未按人建立",
    ),
    "4.9.6": (
        "巡检人员未按规定路线巡检，{tank} 巡检点未打卡",
        "巡检记录存在漏检，{pump} 巡检时间与打卡时间不符",
        "夜班巡检间隔达{hours}小时，超过规定的 2 小时",
        "巡检人员巡检时未携带便携式气体检测仪",
        "巡检发现 {pump} 异常声响后未及时上报",
        "巡检记录提前填写",
        "巡检未检查 {gd} 气体检测器状态，检测器故障未被发现",
        "巡检卡集中放在控制室，未到现场即打卡",
    ),
    # 4.10 其他隐患 (the rule gives it no subdivisions)
    "4.10": (
        ("厂区道路限速标志缺失，车辆超速行驶", ("ZJB",)),
        "绿化带枯枝杂草未清理，靠近甲类装置",
        "休息室内使用大功率电器",
        ("门卫未检查进厂机动车是否安装防火帽", ("ZJB",)),
        ("办公楼消防通道被车辆占用", ("ZJB",)),
        "路面井盖破损",
        "雨季前排水沟未清淤，存在积水风险",
    ),
}

# Remarks an inspector sometimes adds after the finding (about one description in three).
_REMARKS = (
    *(f"，同类问题本月已发现{n}次" for n in range(2, 5)),
    "，已通知当班班长",
    "，现场已拍照留存",
    "，已要求立即整改",
    "，属重复出现问题",
    "（夜班检查发现）",
    "（节假日检查发现）",
    "（综合检查发现）",
    "（专项检查发现）",
)
_REMARK_RATE = 0.3

# Departments a subcategory's untagged templates may go to (default: the workshops).
_SUBCATEGORY_DEPTS: dict[str, tuple[str, ...]] = {
    "4.5.5": (*_WORKSHOPS, "ZLB"),
    "4.5.6": ("HC1", "HC2", "JL", "GQ", "BZ", "CC"),
    "4.6.8": (*_WORKSHOPS, "AHB"),
    "4.6.10": (*_WORKSHOPS, "SBB"),
    "4.9.1": (*_WORKSHOPS, "SCB"),
    "4.9.5": (*_WORKSHOPS, "AHB", "SBB", "ZLB", "SCB", "JSB"),
    "4.10": (*_WORKSHOPS, "ZJB"),
}

# Share of each category in a plant's register (5S and equipment most, "other" least), spread
# evenly over its subcategories.
_CATEGORY_SHARE = {"4.5": 0.13, "4.6": 0.30, "4.7": 0.10, "4.8": 0.28, "4.9": 0.16, "4.10": 0.03}


# --------------------------------------------------------------------------------------------
# Compiled tables


@dataclass(frozen=True)
class _Compiled:
    text: str
    fields: tuple[str, ...]
    tag_kind: str  # first tag placeholder, "" if none
    depts: tuple[_Dept, ...]


def _fields(text: str) -> tuple[str, ...]:
    names = (name for _, name, _, _ in string.Formatter().parse(text) if name)
    return tuple(dict.fromkeys(names))


def _compile() -> dict[str, tuple[_Compiled, ...]]:
    by_code = {d.code: d for d in _DEPTS}
    result: dict[str, tuple[_Compiled, ...]] = {}
    for sub, templates in _TEMPLATES.items():
        compiled = []
        for template in templates:
            text, allowed = (
                (template, _SUBCATEGORY_DEPTS.get(sub, _WORKSHOPS)) if isinstance(template, str) else template
            )
            fields = _fields(text)
            unknown = [f for f in fields if f not in _TAG_PREFIX and f not in _FILLERS]
            if unknown:
                raise ValueError(f"template {text!r} has unknown fields {unknown}")
            kinds = [f for f in fields if f in _TAG_PREFIX]
            depts = tuple(by_code[c] for c in allowed if all(k in by_code[c].kinds for k in kinds))
            if not depts:
                raise ValueError(f"no department has the equipment of template {text!r}")
            compiled.append(_Compiled(text, fields, kinds[0] if kinds else "", depts))
        result[sub] = tuple(compiled)
    return result


_COMPILED = _compile()
_SUBCATEGORIES = tuple(_COMPILED)
_DEPT_TAGS = {d.code: {k: _tags(d.area, k) for k in d.kinds} for d in _DEPTS}
_PLACE_FIELDS = {p: _fields(p) for d in _DEPTS for ps in d.places.values() for p in ps}


def _category_of(code: str) -> str:
    """The category of a template key: 4.6.1 → 4.6; a category without subdivisions is its own key (4.10)."""
    return code if code.count(".") == 1 else code.rsplit(".", 1)[0]


def _cumulative_weights() -> list[float]:
    categories = [_category_of(code) for code in _SUBCATEGORIES]
    weights = [_CATEGORY_SHARE[c] / categories.count(c) for c in categories]
    return list(itertools.accumulate(weights))


_CUM_WEIGHTS = _cumulative_weights()


def subcategory_codes() -> tuple[str, ...]:
    """Every subcategory code the generator has templates for, in rule order."""
    return _SUBCATEGORIES


def hazard_specs(count: int, seed: int = 2026) -> list[DemoHazardSpec]:
    """Generate ``count`` hazards, the same list for the same seed.

    The first specs cover every subcategory once (in shuffled order); later ones follow the
    category weights. A shorter list is a prefix of a longer one with the same seed.
    """
    rng = random.Random(seed)
    rnd = rng.random
    first = list(_SUBCATEGORIES)
    rng.shuffle(first)
    total = _CUM_WEIGHTS[-1]
    specs: list[DemoHazardSpec] = []
    append = specs.append
    for i in range(count):
        sub = first[i] if i < len(first) else _SUBCATEGORIES[bisect.bisect(_CUM_WEIGHTS, rnd() * total)]
        templates = _COMPILED[sub]
        template = templates[int(rnd() * len(templates))]
        dept = template.depts[int(rnd() * len(template.depts))]
        kind_places = dept.places.get(template.tag_kind)
        places = kind_places if kind_places and rnd() < 0.8 else dept.places[""]
        place = places[int(rnd() * len(places))]
        tags = _DEPT_TAGS[dept.code]
        values: dict[str, str] = {}
        for name in template.fields + _PLACE_FIELDS[place]:
            if name not in values:
                pool = tags.get(name) or _FILLERS[name]
                values[name] = pool[int(rnd() * len(pool))]
        description = template.text.format_map(values)
        if rnd() < _REMARK_RATE:
            description += _REMARKS[int(rnd() * len(_REMARKS))]
        tag_kind = template.tag_kind or next((f for f in _PLACE_FIELDS[place] if f in tags), "")
        append(
            DemoHazardSpec(
                description=description,
                location=place.format_map(values) if _PLACE_FIELDS[place] else place,
                equipment_tag=values[tag_kind] if tag_kind else "",
                department_code=dept.code,
                category_code=_category_of(sub),
                subcategory_code=None if sub == _category_of(sub) else sub,
                found_offset_days=int(rnd() * FOUND_SPAN_DAYS),
            )
        )
    return specs
