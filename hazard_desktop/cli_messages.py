"""Messages of the command line (no Qt here): Chinese by default, English with ``--lang en``."""

from __future__ import annotations

import errno
import os
from typing import Any

_MESSAGES: dict[str, tuple[str, str]] = {
    "db_newer": (
        "数据库 {path} 由更新版本的程序创建（版本 {revision}，本程序最高支持 {head}）。"
        "为保护数据，本程序不会打开或修改它。请安装更新版本的程序。",
        "The database {path} was written by a newer version of the program (revision {revision}; this "
        "build knows up to {head}). To protect the data it was not opened or changed. Install the newer program.",
    ),
    "db_unreadable": (
        "无法读取数据库 {path}：它不是本程序的数据库或文件已损坏。文件未被修改。",
        "Cannot read the database {path}: it is not a database of this program or the file is damaged. "
        "The file was not changed.",
    ),
    "migration_failed": (
        "数据库升级失败，未做任何更改。详情：{detail}",
        "Upgrading the database failed and nothing was changed. Details: {detail}",
    ),
    "backup_failed": (
        "升级数据库前无法写入备份（{detail}）。数据库未升级，也未被修改；请检查磁盘空间和 backups 文件夹后重试。",
        "The backup before upgrading the database could not be written ({detail}). The database was neither "
        "upgraded nor changed; check the free disk space and the backups folder, then try again.",
    ),
    "db_locked": ("数据库正被另一个程序占用，请稍后再试。", "The database is in use by another program; try again."),
    "db_readonly": ("数据库文件是只读的，无法保存。", "The database file is read-only; nothing can be saved."),
    "disk_full": ("磁盘已满，无法保存。", "The disk is full; nothing could be saved."),
    "db_error": ("数据库错误：{detail}", "Database error: {detail}"),
    "off_scale": (
        "{factor} 的取值 {value} 不在取值表中。允许的取值：{allowed}",
        "{factor} = {value} is not on the scale. Allowed values: {allowed}",
    ),
    "not_a_number": ("“{value}” 不是数字。", "“{value}” is not a number."),
    "panel_even": (
        "评分小组人数必须为单数（现为 {count} 人）。",
        "The panel must have an odd number of members (it has {count}).",
    ),
    "panel_empty": ("至少需要一名评分人。", "At least one scorer is needed."),
    "triple_invalid": (
        "第 {index} 个评分“{value}”格式不对，应为 L,E,C（例如 3,6,7）。",
        "Score {index} “{value}” is not of the form L,E,C (for example 3,6,7).",
    ),
    "no_band": (
        "D = {value} 不属于阈值组 {threshold_set} 的任何等级。",
        "D = {value} falls in no band of {threshold_set}.",
    ),
    "no_threshold_set": ("{on} 没有生效的分级阈值组。", "No threshold set is in force on {on}."),
    "hazard_number_unknown": ("没有编号为 {number} 的隐患。", "There is no hazard numbered {number}."),
    "grading_none": (
        "隐患 {number} 尚无已确认的分级，无法生成判定表。",
        "Hazard {number} has no confirmed grading yet: there is no sheet to print.",
    ),
    "meeting_none": ("隐患 {number} 不是在判定会议中分级的。", "Hazard {number} was not graded in a meeting."),
    "dispute_none": ("隐患 {number} 没有已裁决的争议。", "Hazard {number} has no ruled dispute."),
    "sheet_copies_changed": (
        "表 {sheet_no} 刚被他人打印，请重试。",
        "Sheet {sheet_no} was just printed by someone else; try again.",
    ),
    "sheet_write_failed": ("无法写入文件 {path}：{detail}", "Cannot write the file {path}: {detail}"),
    "sheet_folder_missing": (
        "文件夹 {folder} 不存在，未写入任何文件。程序不会自行创建文件夹：请先创建它，或选择已有的文件夹。",
        "The folder {folder} does not exist; nothing was written. The program does not create folders on its "
        "own: create it first or choose an existing folder.",
    ),
    "sheet_chinese_only": (
        "判定表是公司的中文正式表格，只能以中文打印；--lang en 不适用于 sheet，未写入任何文件"
        "（英文提示请设置 HAZARD_DESKTOP_LANG=en）。",
        "The sheet is the plant's Chinese legal form and is printed in Chinese only, so --lang en is refused for "
        "'sheet' (nothing was written). Leave the option out; for English messages set HAZARD_DESKTOP_LANG=en.\n"
        "判定表是公司的中文正式表格，只能以中文打印。",
    ),
    "no_display": (
        "没有图形显示（未设置 DISPLAY 或 WAYLAND_DISPLAY），无法打开窗口。\n"
        "已改为离屏运行：把{what}的主窗口渲染为图片：\n{path}",
        "No display (neither DISPLAY nor WAYLAND_DISPLAY is set), so no window can open.\n"
        "Ran offscreen instead and rendered the main window of {what_en} to:\n{path}",
    ),
    # ---- refusals that change nothing (issue 10)
    "db_cannot_open": (
        "无法打开数据库 {path}：该文件或其所在文件夹是只读的，或当前用户无权访问。文件未被修改。",
        "Cannot open the database {path}: the file or its folder is read-only or not accessible to you. "
        "The file was not changed.",
    ),
    "db_empty": (
        "数据库文件 {path} 是空的（0 字节），不是台账；程序不会把它当作新台账。"
        "请从备份恢复，或删除该文件后再新建台账。",
        "The database file {path} is empty (0 bytes): it is not a register, and it is not turned into a new one. "
        "Restore it from a backup, or delete it to start a new register.",
    ),
    "migration_failed_backup": (
        "数据库升级失败，未做任何更改；升级前的备份：{backup}。详情：{detail}",
        "Upgrading the database failed and nothing was changed; the backup made before the upgrade: {backup}. "
        "Details: {detail}",
    ),
    "data_dir_not_folder": (
        "数据目录 {path} 是一个文件，不是文件夹。请用 --data-dir 指定一个文件夹。",
        "The data folder {path} is a file, not a folder. Name a folder with --data-dir.",
    ),
    "data_dir_missing": (
        "数据目录 {path} 不存在（是否输错？）。未创建任何内容。要在此新建台账，请加 --create。",
        "The data folder {path} does not exist (mistyped?). Nothing was created. "
        "To start a new register there, add --create.",
    ),
    "data_dir_unusable": ("无法创建数据目录 {path}：{detail}", "Cannot create the data folder {path}: {detail}"),
    "no_register": (
        "数据目录 {path} 中没有台账（hazard_desktop.db），未做任何更改。",
        "The data folder {path} holds no register (hazard_desktop.db); nothing was changed.",
    ),
    "demo_register_exists": (
        "{path} 已有台账。演示数据只写入尚无台账的数据目录，以免虚构的隐患混入真实台账。"
        "请指定一个新目录：hazard-desktop demo --data-dir 新目录 --create",
        "{path} already holds a register. Demo data is written only into a data folder with no register yet, so "
        "that invented hazards never mix with real ones. Name a new folder: "
        "hazard-desktop demo --data-dir NEW_FOLDER --create",
    ),
    "number_too_large": (
        "“{value}” 太大（整数部分最多 {max_digits} 位）。",
        "“{value}” is too large (at most {max_digits} digits before the point).",
    ),
    "demo_count_invalid": (
        "演示隐患数量 {value} 无效：应为 1 到 {max} 之间的整数。",
        "{value} demo hazards is not possible: give a whole number from 1 to {max}.",
    ),
    "lec_usage": (
        "用法：hazard-desktop lec L E C [--json] | hazard-desktop lec --panel L,E,C ... [--json]",
        "usage: hazard-desktop lec L E C [--json] | hazard-desktop lec --panel L,E,C ... [--json]",
    ),
    "lec_value_not_plain": (
        "{factor} 的取值“{value}”不是取值表中的数。请照取值表输入普通写法的数字（只用数字和小数点，例如 0.5），"
        "不用科学计数法（如 1e3）、下划线或其他文字的数字。{factor} 的取值：{allowed}",
        "{factor} = “{value}” is not a value of the table. Type one of the table's values as a plain number "
        "(digits and a decimal point only, e.g. 0.5), not in scientific notation (1e3), with underscores or "
        "other scripts' digits. Values of {factor}: {allowed}",
    ),
    "not_a_whole_number": (
        "“{value}”不是整数：请只用数字书写，例如 300。",
        "“{value}” is not a whole number: write it in digits only, e.g. 300.",
    ),
    "sheet_output_not_pdf": (
        "输出文件“{path}”不是 .pdf 文件：判定表只能保存为 PDF，请使用以 .pdf 结尾的文件名。未做任何更改。",
        "The output file “{path}” is not a .pdf file: the sheet is a PDF, so give a name ending in .pdf. "
        "Nothing was changed.",
    ),
    # ---- export (services/ledger_export.py)
    "export_done": ("已导出 {count} 条隐患到 {path}", "Exported {count} hazards to {path}"),
    "export_status_unknown": (
        "未知的状态“{value}”。可用的状态：{allowed}。未写入任何文件。",
        "Unknown status “{value}”. The statuses are: {allowed}. Nothing was written.",
    ),
    "export_date_invalid": (
        "“{value}”不是日期：请写成 2026-03-05 的形式。未写入任何文件。",
        "“{value}” is not a date: write it like 2026-03-05. Nothing was written.",
    ),
    "export_dates_reversed": (
        "开始日期 {first} 晚于结束日期 {last}。未写入任何文件。",
        "The first day {first} is after the last day {last}. Nothing was written.",
    ),
    "ledger_not_xlsx": (
        "输出文件“{path}”不是 .xlsx 文件：台账是 Excel 工作簿，请使用以 .xlsx 结尾的文件名。未写入任何文件。",
        "The output file “{path}” is not a .xlsx file: the ledger is an Excel workbook, so give a name ending "
        "in .xlsx. Nothing was written.",
    ),
    "ledger_folder_missing": (
        "文件夹 {folder} 不存在。程序不会新建它；请指定已有的文件夹。未写入任何文件。",
        "The folder {folder} does not exist. The program does not create it; name an existing folder. "
        "Nothing was written.",
    ),
    "ledger_target_is_folder": (
        "{path} 是一个文件夹，不是文件名。未写入任何文件。",
        "{path} is a folder, not a file name. Nothing was written.",
    ),
    "ledger_folder_not_writable": (
        "无法在文件夹 {folder} 中写入文件（只读或没有权限）。请换一个文件夹。未写入任何文件。",
        "Nothing can be written in the folder {folder} (read-only or no permission). Choose another folder. "
        "Nothing was written.",
    ),
    "ledger_write_failed": (
        "无法写入台账 {path}：{detail}。未留下任何文件。",
        "Cannot write the ledger {path}: {detail}. No file was left.",
    ),
    "unexpected": (
        "发生意外错误，未能完成：{detail}\n详细信息已写入 {log}",
        "An unexpected error stopped the command: {detail}\nThe details were written to {log}",
    ),
    "demo_done": (
        "演示数据已写入 {path}：{people} 名人员，{hazards} 条隐患，另有 {inspection_hazards} 条由现场检查的不合格项生成"
        "（台账共 {total} 条），{photos} 张照片。",
        "Demo data written to {path}: {people} people, {hazards} hazards plus {inspection_hazards} raised by the demo "
        "inspections' failed items ({total} in the register), {photos} photos.",
    ),
    # ---- data location (adapters/data_location.py, adapters/register_move.py, paths.py)
    "db_network": (
        "数据库 {path} 位于网络位置（{root}）。SQLite 数据库放在网络共享上会被损坏，因此程序不会在此打开或创建它。"
        "请使用本机磁盘上的文件夹（例如默认的数据文件夹），并用公司的文件备份保存它。",
        "The database {path} is on a network location ({root}). An SQLite database on a network share gets "
        "damaged, so the program does not open or create it there. Use a folder on a local disk (e.g. the default "
        "data folder) and include it in the company's file backup.",
    ),
    "db_synced": (
        "数据库 {path} 位于 OneDrive 同步文件夹（{root}）中。同步程序会在写入时复制或锁定数据库文件，可能损坏数据，"
        "因此程序不会在此打开或创建它。请使用不同步的本机文件夹。",
        "The database {path} is in a OneDrive folder ({root}). The sync client copies or locks the file while "
        "it is written and can damage it, so the program does not open or create it there. Use a local folder "
        "that is not synchronised.",
    ),
    "data_dir_variable": (
        "数据文件夹设置 HAZARD_DESKTOP_DATA=“{value}” 中的环境变量 {variable} 未定义。请检查该设置。",
        "The data folder setting HAZARD_DESKTOP_DATA=“{value}” uses {variable}, which is not defined. "
        "Check the setting.",
    ),
    "data_move_failed": (
        "无法把旧版本的数据库 {source} 移到 {target}，未做任何更改（{detail}）。请关闭所有使用它的程序后重试。",
        "The database of the older version {source} could not be moved to {target}; nothing was changed "
        "({detail}). Close every program using it and try again.",
    ),
}

# What an operating-system error means, in the user's language: the OS's own text (`Is a directory`) is
# English only. Unknown errors fall back to that text.
_OS_ERRORS: dict[int, tuple[str, str]] = {
    errno.ENOENT: ("文件或文件夹不存在", "no such file or folder"),
    errno.EISDIR: ("这是一个文件夹，不是文件", "it is a folder, not a file"),
    errno.EACCES: ("没有权限，或文件正被其他程序打开", "permission denied, or the file is open in another program"),
    errno.EPERM: ("没有权限执行此操作", "the operation is not permitted"),
    errno.ENOSPC: ("磁盘已满", "the disk is full"),
    errno.EDQUOT: ("已超出磁盘配额", "the disk quota is used up"),
    errno.EROFS: ("磁盘或文件夹是只读的", "the disk or folder is read-only"),
    errno.ENOTDIR: ("路径中有一部分不是文件夹", "a part of the path is not a folder"),
    errno.EEXIST: ("同名的文件或文件夹已存在", "a file or folder of that name already exists"),
    errno.ENAMETOOLONG: ("文件名或路径太长", "the file name or path is too long"),
    errno.EINVAL: ("文件名无效", "the file name is not valid"),
    errno.EBUSY: ("文件或设备正忙", "the file or device is busy"),
    errno.EIO: ("磁盘读写出错", "the disk reported a read or write error"),
}


def os_error_text(exc: BaseException, lang: str = "zh") -> str:
    """A short reason for an OSError in ``lang`` (the OS's own text only for errors not in the table)."""
    pair = _OS_ERRORS.get(getattr(exc, "errno", None) or -1)
    if pair is not None:
        return pair[1] if lang == "en" else pair[0]
    return getattr(exc, "strerror", None) or str(exc)


def language(cli_value: str | None = None) -> str:
    """``zh`` unless English was asked for by ``--lang`` or ``HAZARD_DESKTOP_LANG``."""
    value = cli_value or os.environ.get("HAZARD_DESKTOP_LANG") or "zh_CN"
    return "en" if value.lower().startswith("en") else "zh"


def message(code: str, lang: str = "zh", **params: Any) -> str:
    """The text for ``code`` in ``lang`` with ``params`` filled in (unknown codes are shown as they are)."""
    pair = _MESSAGES.get(code)
    if pair is None:
        details = ", ".join(f"{k}={v}" for k, v in params.items())
        return f"{code} ({details})" if details else code
    template = pair[1] if lang == "en" else pair[0]

    class _Safe(dict[str, Any]):
        def __missing__(self, key: str) -> str:
            return "{" + key + "}"

    return template.format_map(_Safe(params))
