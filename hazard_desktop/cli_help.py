"""The command line's own words in Chinese: argparse's usage, help and usage-error texts, and our help texts.

argparse looks its fixed texts (``usage: ``, ``options``, ``the following arguments are required: %s`` …)
up through ``gettext`` as the module global ``argparse._`` (and ``argparse.ngettext``), some when a parser
is built and the rest when it formats help or an error. :func:`argparse_language` points those two at
the Chinese table below for as long as the parser is built and used, then puts gettext's back; English
keeps argparse's own texts. No Qt here: the command line runs without it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

# argparse's texts of Python 3.11 (Lib/argparse.py) that a user can meet; the format fields stay as they are.
ARGPARSE_ZH: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示程序版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "the following arguments are required: %s": "缺少以下必需的参数：%s",
    "one of the arguments %s is required": "参数 %s 必须给出其中一个",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "多余的参数值 %r",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多只能有一个值",
    "expected at least one argument": "至少需要一个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是：%(matches)s",
    "unexpected option string: %s": "意外的选项：%s",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项值 %(value)r（可选：%(choices)s）",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "没有子命令 %(parser_name)r（可选：%(choices)s）",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
}
_NGETTEXT_ZH: dict[str, str] = {"expected %s argument": "需要 %s 个值"}


def _zh_gettext(text: str) -> str:
    return ARGPARSE_ZH.get(text, text)


def _zh_ngettext(singular: str, plural: str, n: int) -> str:
    return _NGETTEXT_ZH.get(singular, singular if n == 1 else plural)


@contextmanager
def argparse_language(lang: str) -> Iterator[None]:
    """Within the block, argparse speaks ``lang`` (``zh`` or ``en``)."""
    import argparse  # where a parser is built: the window's usual start reads its arguments without one

    if lang == "en":
        yield
        return
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _zh_gettext, _zh_ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def language_option(argv: list[str]) -> str | None:
    """The value of ``--lang`` in ``argv`` before argparse reads it (its texts depend on it), or None."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


# Our help texts: (English, Chinese).
_HELP: dict[str, tuple[str, str]] = {
    "description": (
        "隐患分级管理 — hazard register, grading and sheets (offline).",
        "隐患分级管理 — 隐患台账、分级判定与判定表（离线）。不带子命令时打开程序窗口。",
    ),
    "data_dir": (
        "data folder (default: HAZARD_DESKTOP_DATA or the user data folder)",
        "数据文件夹（默认：HAZARD_DESKTOP_DATA 或用户数据文件夹）",
    ),
    "create": (
        "create the data folder named by --data-dir/HAZARD_DESKTOP_DATA if it does not exist yet",
        "若 --data-dir/HAZARD_DESKTOP_DATA 指定的数据文件夹尚不存在，则新建它",
    ),
    "lang": ("interface language (default zh_CN)", "界面语言（默认 zh_CN）"),
    "version": ("show the program's version and exit", "显示程序版本号并退出"),
    "screenshot": ("render the main window to PNG and exit", "把主窗口渲染为 PNG 图片后退出"),
    "verbose": ("log debug messages", "记录调试信息"),
    "smoke": ("self-test (headless): database, window, sheet PDF", "自检（无界面）：数据库、窗口、判定表 PDF"),
    "demo": (
        "write realistic demo data into a data folder that holds no register yet",
        "向尚无台账的数据文件夹写入演示数据",
    ),
    "count": ("number of hazards (default 300)", "隐患条数（默认 300）"),
    "seed": ("random seed of the demo data (default 2026)", "演示数据的随机种子（默认 2026）"),
    "no_photos": ("skip the demo photos", "不生成演示照片"),
    "lec": ("LEC calculator: D = L × E × C and its band", "LEC 计算器：D = L × E × C 及其风险等级"),
    "values": ("the values of L, E and C from the value tables", "取值表中的 L、E、C 取值"),
    "panel": ("one L,E,C per panel member", "评分小组每人一组 L,E,C"),
    "json": ("print JSON", "以 JSON 输出"),
    "sheet": ("write the grading sheet PDF of a hazard", "生成隐患的分级判定表 PDF"),
    "import_ledger": ("import a legacy Excel ledger (.xlsx, .csv)", "导入旧的 Excel 隐患台账（.xlsx、.csv）"),
    "import_ledger_description": (
        "Reads the ledger, guesses its header and columns, lists every row with what would happen to it, and "
        "imports the new rows in one transaction. Importing the same file again changes nothing.",
        "读取台账，识别表头和各列，逐行列出处理结果，并在一个事务中导入新的行。重复导入同一文件不会做任何更改。",
    ),
    "ledger_file": ("the ledger file (.xlsx or .csv)", "台账文件（.xlsx 或 .csv）"),
    "exchange": (
        "exchange files between the office register and field laptops (.hzx)",
        "办公室主库与现场终端之间的交换包（.hzx）",
    ),
    "exchange_description": (
        "export writes what the other installation lacks since the last exchange (or everything with --all); "
        "import shows the preview (new ~changed =unchanged !conflicts per kind) and imports in one transaction. "
        "Importing an office file into an empty data folder joins the plant.",
        "export 导出对方自上次交换以来缺少的内容（--all 导出全部）；import 按类别显示预览（+新增 ~变更 =未变 !冲突），"
        "并在一个事务中导入。把办公室的交换包导入空的数据文件夹即加入工厂。",
    ),
    "exchange_export": ("write an exchange file", "导出交换包"),
    "exchange_output": (
        "the exchange file to write (.hzx, added to a name without an extension)",
        "要写入的交换包（.hzx；文件名没有扩展名时自动加上）",
    ),
    "exchange_to": (
        "the installation it is for (short code; a laptop: the office)",
        "接收方的简码（现场终端默认办公室）",
    ),
    "exchange_all": ("carry everything, not only what is new for the peer", "导出全部内容，而不只是对方缺少的"),
    "exchange_import": ("import an exchange file", "导入交换包"),
    "exchange_file": ("the exchange file (.hzx)", "交换包（.hzx）"),
    "exchange_identity": (
        "show or set this installation's short code, role and plant",
        "显示或设置本机的简码、角色和工厂",
    ),
    "exchange_code": ("short code, e.g. A3", "简码，例如 A3"),
    "exchange_role": ("office (办公室主库) or field (现场终端)", "office（办公室主库）或 field（现场终端）"),
    "exchange_plant": ("the plant's name", "工厂名称"),
    "exchange_register": (
        "at the office: register a laptop and reserve its numbers",
        "在办公室主库登记现场终端并为其预留编号段",
    ),
    "dry_run": ("only show the preview; write nothing", "只显示预览，不写入任何内容"),
    "recorder": (
        "the person recorded as finder where the ledger names no known person (default: someone of the safety "
        "department)",
        "台账中排查人不是已登记人员时记为发现人的人员（默认：安全管理部门的一名人员）",
    ),
    "default_department": (
        "the department of rows that name none (default: such rows are refused)",
        "未填写部门的行所属的部门（默认：拒绝这些行）",
    ),
    "default_category": (
        "the category of rows without one or naming an unknown one (default: such rows are refused)",
        "未填写类别或类别未知的行所用的类别（默认：拒绝这些行）",
    ),
    "sheet_description": (
        "The sheet is the plant's Chinese form (隐患分级判定表 / 争议裁决表) and is always printed in "
        "Chinese; --lang en is refused here (set HAZARD_DESKTOP_LANG=en for English messages).",
        "判定表（隐患分级判定表 / 争议裁决表）是公司的中文正式表格，总以中文打印；此处不接受 --lang en"
        "（英文提示请设置 HAZARD_DESKTOP_LANG=en）。",
    ),
    "number": ("the hazard's register number, e.g. YH-2026-0001", "隐患编号，例如 YH-2026-0001"),
    "report": ("write the statistics report of a quarter, year or month", "生成季度、年度或月度隐患统计分析表"),
    "report_description": (
        "The quarterly and annual 隐患排查治理情况统计分析表 (due at the regulator by the 15th after the quarter "
        "and by 31 January) and the monthly internal report, as PDF or .xlsx by the file's suffix. The report "
        "is printed in Chinese.",
        "季度、年度隐患排查治理情况统计分析表（季度报表于季度结束后次月15日前、年度报表于次年1月31日前报送）及月度内部报表；"
        "按文件后缀生成 PDF 或 .xlsx。报表以中文打印。",
    ),
    "quarter": ("the quarter, e.g. 2026Q4", "统计季度，例如 2026Q4"),
    "year": ("the year, e.g. 2026", "统计年度，例如 2026"),
    "month": ("the month, e.g. 2026-03 (internal monthly report)", "统计月份，例如 2026-03（月度内部报表）"),
    "report_output": ("the file to write (.pdf or .xlsx)", "要写入的文件（.pdf 或 .xlsx）"),
    "analysis": ("analysis text printed in the report's box", "填入报表“统计分析”栏的文字"),
    "admin": (
        "account administration by IT, with access to the data folder",
        "由 IT 在能访问数据文件夹时管理账户",
    ),
    "reset_password": (
        "set a new password (or PIN) for an account; it is unlocked and must be changed at the next sign-in",
        "为账户设置新密码（或 PIN）；账户随即解锁，下次登录时须由本人修改",
    ),
    "reset_password_description": (
        "Set a new password (or, with --pin, a 6-digit PIN) for the account NAME. The new secret is typed twice"
        " without being shown (or read as one line from standard input with --stdin), never given as an"
        " argument. The account is unlocked and its owner must choose a new one at the next sign-in.",
        "为名为 NAME 的账户设置新密码（使用 --pin 时为 6 位数字 PIN）。新密码须输入两次且不回显（或使用 --stdin"
        " 从标准输入读取一行），不得作为参数给出。账户随即解锁，下次登录时须由本人另设新密码。",
    ),
    "account_name": ("the account's sign-in name", "账户的登录名"),
    "user": (
        "in accounts mode: act as this account (its sign-in name); its PIN or password is typed without echo, or"
        " read as one line from standard input when that is not a terminal (scripts). Needed for every command"
        " that changes the register or carries its data away; refused without it",
        "启用账户时：以此账户（登录名）执行；其 PIN 或密码在终端中不回显输入，"
        "标准输入不是终端时（脚本）从标准输入读取一行。凡更改台账或带出台账数据的命令都需要此项，缺少时拒绝执行",
    ),
    "reset_pin": ("set a 6-digit PIN instead of a password", "设置 6 位数字 PIN 而不是密码"),
    "secret_stdin": ("read the new secret as one line from standard input", "从标准输入读取一行作为新密码"),
    "audit": ("the audit trail: verify its hash chain or export it", "审计日志：校验哈希链或导出"),
    "audit_description": (
        "The audit trail records every write (who, when, use case, record, digests before and after) as a SHA-256 "
        "hash chain. verify checks the chain and every record's current digest and exits with 1 on a break; "
        "export writes it as CSV or JSON, with the chain.",
        "审计日志记录每次写入（人员、时间、用例、记录、前后摘要），构成 SHA-256 哈希链。"
        "verify 校验链条及每条记录的当前摘要，发现断裂时退出码为 1；export 导出为 CSV 或 JSON（含链）。",
    ),
    "audit_verify": (
        "check the chain and the records (exit code 1 on a break)",
        "校验哈希链和记录（断裂时退出码为 1）",
    ),
    "audit_export": ("export the trail (CSV or JSON, with the chain)", "导出审计日志（CSV 或 JSON，含链）"),
    "audit_output": ("the .csv or .json file to write", "要写入的 .csv 或 .json 文件"),
    "backup": (
        "write a verified backup of the whole register (database and photos) as one file",
        "将整个台账（数据库和照片）备份为一个经过校验的文件",
    ),
    "backup_output": (
        "the backup file to write (.zip, added to a name without an extension), or a folder to write it into",
        "要写入的备份文件（.zip；文件名没有扩展名时自动加上），或存放备份的文件夹",
    ),
    "restore": (
        "put a backup file back in place of the register (the current one is kept as a safety copy first)",
        "用备份文件恢复台账（先将当前台账保存为安全副本）",
    ),
    "backup_file": ("the backup file to restore", "要恢复的备份文件"),
    "output": (
        "the PDF file to write (.pdf, added to a name without an extension)",
        "要写入的 PDF 文件（.pdf；文件名没有扩展名时自动加上）",
    ),
    "overwrite": (
        "replace the file if it exists (without this an existing file is refused and nothing is written)",
        "文件已存在时覆盖它（不加此项时拒绝覆盖已有文件，不写入任何内容）",
    ),
    "meeting": (
        "the whole batch of the meeting that graded the hazard",
        "该隐患所在判定会议的全部判定表",
    ),
    "dispute": ("the dispute ruling sheet (争议裁决表) of the hazard", "该隐患的争议裁决表"),
    "print": (
        "write a rectification form PDF of a hazard (notice, acceptance, plan, report)",
        "生成隐患的整改文书 PDF（通知书、验收单、治理方案、重大隐患报告）",
    ),
    "print_description": (
        "KIND is one of: notice (隐患整改通知书 with its reply slip), acceptance (隐患整改验收单), plan "
        "(重大事故隐患治理方案), report (重大事故隐患报告 for the regulator). The forms are the plant's Chinese "
        "records and are always printed in Chinese; --lang en is refused here. A form the hazard's state does "
        "not allow yet (e.g. an acceptance form before 待验收) is refused and nothing is written.",
        "KIND 为以下之一：notice（隐患整改通知书及回执）、acceptance（隐患整改验收单）、plan（重大事故隐患治理方案）、"
        "report（重大事故隐患报告，报送监管部门）。整改文书是公司的中文正式文书，总以中文打印；此处不接受 --lang en。"
        "隐患当前状态尚不允许的文书（例如待验收之前的验收单）会被拒绝，不写入任何文件。",
    ),
    "kind": ("which form: notice, acceptance, plan or report", "文书种类：notice、acceptance、plan 或 report"),
    "export": ("export the register as an Excel ledger (.xlsx)", "把隐患台账导出为 Excel 台账（.xlsx）"),
    "export_description": (
        "Writes the hazard ledger (隐患排查治理台账) in register-number order; the file is Chinese like the "
        "printed forms. Without options every hazard is exported.",
        "按隐患编号顺序写出隐患排查治理台账；台账内容为中文。不加选项时导出全部隐患。",
    ),
    "export_file": (
        "the workbook to write (.xlsx, added to a name without an extension)",
        "要写入的工作簿（.xlsx；文件名没有扩展名时自动加上）",
    ),
    "export_status": (
        "only these statuses: open graded rectifying verifying closed (or 待定级 已定级 整改中 待验收 已销号)",
        "只导出这些状态：open graded rectifying verifying closed（或 待定级 已定级 整改中 待验收 已销号）",
    ),
    "export_from": ("only hazards found on or after this day", "只导出该日及以后排查发现的隐患"),
    "export_to": ("only hazards found on or before this day", "只导出该日及以前排查发现的隐患"),
}


def help_text(key: str, lang: str) -> str:
    """Our help text ``key`` in ``lang`` (none holds a ``%``, which argparse would expand)."""
    english, chinese = _HELP[key]
    return english if lang == "en" else chinese
