"""Messages of the command line (no Qt here): Chinese by default, English with ``--lang en``."""

from __future__ import annotations

import errno
import os
from typing import Any

_MESSAGES: dict[str, tuple[str, str]] = {
    # ---- ledger import (issue 13)
    "ledger_not_workbook": (
        "该文件不是 Excel 工作簿（.xlsx）或已损坏，未导入任何内容。",
        "The file is not an Excel workbook (.xlsx) or it is damaged; nothing was imported.",
    ),
    "ledger_encrypted": (
        "该工作簿设有打开密码。请在 Excel/WPS 中取消密码另存后再导入；未导入任何内容。",
        "The workbook is protected by a password. Remove the password in Excel/WPS, save it and import again; "
        "nothing was imported.",
    ),
    "ledger_xls": (
        "这是旧的 .xls 格式。请在 Excel/WPS 中“另存为” .xlsx 后再导入；未导入任何内容。",
        "This is the old .xls format. Save it as .xlsx in Excel/WPS and import that; nothing was imported.",
    ),
    "ledger_xlsb": (
        "这是二进制 .xlsb 格式。请另存为 .xlsx 后再导入；未导入任何内容。",
        "This is the binary .xlsb format. Save it as .xlsx and import that; nothing was imported.",
    ),
    "ledger_too_many_rows": (
        "工作表超过 {max} 行，不像一本隐患台账（可能末尾有误填的单元格）；未导入任何内容。",
        "A sheet has more than {max} rows, which is no hazard ledger (perhaps a stray cell far down); "
        "nothing was imported.",
    ),
    "ledger_too_large": (
        "文件过大或解压后异常庞大（上限 {max_mb} MB），未导入任何内容。",
        "The file is too large or unpacks to far too much (limit {max_mb} MB); nothing was imported.",
    ),
    "ledger_unreadable": ("无法读取该文件：{detail}", "Cannot read the file: {detail}"),
    "ledger_empty": ("工作簿中没有可见的工作表。", "The workbook has no visible sheet."),
    "ledger_no_header": (
        "在前 30 行中找不到台账表头（至少需要“隐患描述/存在问题”等列）；未导入任何内容。",
        "No ledger header found in the first 30 rows (a column such as 隐患描述/存在问题 is needed); "
        "nothing was imported.",
    ),
    "ledger_mapping_no_description": ("没有列被指定为“隐患描述”。", "No column is mapped to the description."),
    "ledger_mapping_no_date": ("没有列被指定为“发现日期”。", "No column is mapped to the date found."),
    "ledger_mapping_doubled": ("有两列被指定为同一字段。", "Two columns are mapped to the same field."),
    "ledger_recorder_unknown": ("没有名为“{value}”的人员。", "There is no person named “{value}”."),
    "ledger_no_people": (
        "尚未登记任何人员：请先在设置中添加人员（导入的隐患需要记录登记人）。",
        "No people are registered yet: add people in the settings first (imported hazards need a recorder).",
    ),
    "department_unknown": ("没有名为“{value}”的部门。", "There is no department “{value}”."),
    "category_unknown": ("没有类别“{value}”。", "There is no category “{value}”."),
    "ledger_dry_run": (
        "预览：新增 {new} 行，已导入过 {known} 行，有问题被拒绝 {refused} 行。未写入任何内容（--dry-run）。",
        "Preview: {new} new rows, {known} imported before, {refused} refused. Nothing was written (--dry-run).",
    ),
    "ledger_imported": (
        "已导入 {new} 行；{known} 行以前已导入，{refused} 行因问题未导入。",
        "Imported {new} rows; {known} were imported before, {refused} were refused.",
    ),
    "ledger_nothing_new": (
        "没有新的行：{known} 行以前已导入，{refused} 行有问题。未做任何更改。",
        "Nothing new: {known} rows were imported before, {refused} have problems. Nothing was changed.",
    ),
    "exchange_joined": (
        "已加入工厂“{plant}”（来自办公室主库 {sender}）。",
        "Joined the plant “{plant}” (from the office {sender}).",
    ),
    "exchange_join_file_removed": (
        "加入文件 {file} 已用过并已删除：同一个文件不能再让第二台电脑加入。",
        "The join file {file} was used and has been removed: it cannot make a second computer join.",
    ),
    "exchange_join_file_kept": (
        "加入文件 {file} 无法删除（U 盘写保护？）：请手动删除它，不要用它让另一台电脑加入。",
        "The join file {file} could not be removed (a write-protected drive?): delete it yourself and do not "
        "use it for another computer.",
    ),
    "exchange_identity_line": (
        "本机：简码 {short}，角色 {role}，工厂“{plant}”，编号段 {slot}，标识 {id}",
        "This installation: code {short}, role {role}, plant “{plant}”, number slot {slot}, id {id}",
    ),
    "exchange_peer_line": (
        "  对方 {short}（{role}，编号段 {slot}）：上次发出 {sent}，上次收到 {received}",
        "  peer {short} ({role}, slot {slot}): last sent {sent}, last received {received}",
    ),
    "exchange_registered": (
        "已登记现场终端 {short}，编号段 {slot}。",
        "Registered the laptop {short}, number slot {slot}.",
    ),
    "exchange_exported": (
        "已导出 {records} 条记录、{photos} 张照片（给 {to}）：{path}（{size} 字节）",
        "Exported {records} records and {photos} photos (for {to}): {path} ({size} bytes)",
    ),
    "exchange_from": (
        "交换包来自 {short}（{role}），工厂“{plant}”，生成于 {created}（+新增 ~变更 =未变 !冲突）：",
        "Exchange file from {short} ({role}), plant “{plant}”, made {created} (+new ~changed =unchanged !conflicts):",
    ),
    "exchange_dry_run": ("仅预览，未写入任何内容（--dry-run）。", "Preview only; nothing was written (--dry-run)."),
    "exchange_nothing_new": (
        "没有新内容：此交换包已导入过，未做任何更改。",
        "Nothing new: this file was imported before; nothing was changed.",
    ),
    "exchange_imported": (
        "已导入；新出现 {conflicts} 处冲突，请在“交换冲突”中逐项处理。",
        "Imported; {conflicts} new conflicts to resolve field by field.",
    ),
    "identity_missing": (
        "本机尚未设置简码和角色（exchange identity --code … --role …）。",
        "This installation has no short code and role yet (exchange identity --code … --role …).",
    ),
    "short_code_invalid": (
        "简码须为 1–{max} 个字母、数字或连字符。",
        "A short code is 1–{max} letters, digits or hyphens.",
    ),
    "short_code_taken": ("简码 {short} 已被使用。", "The short code {short} is taken."),
    "role_change_refused": (
        "本机已作为 {role} 参与交换，不能改变角色。",
        "This installation exchanges as {role} already; its role cannot change.",
    ),
    "not_office": ("只有办公室主库可以登记现场终端。", "Only the office register registers laptops."),
    "slots_exhausted": ("编号段已用完（最多 {max} 台现场终端）。", "No number slot left (at most {max} laptops)."),
    "numbers_exhausted": (
        "本机今年的编号段已用完，请在办公室主库为本机登记新的简码。",
        "This laptop's numbers for the year are used up; register it again under a new code.",
    ),
    "peer_unknown": (
        "没有简码为“{peer}”的交换对象（先用 --to 指定，或 --all 导出全部）。",
        "No installation “{peer}” is known (name one with --to, or export everything with --all).",
    ),
    "exchange_cancelled": ("已取消，未写入任何内容。", "Cancelled; nothing was written."),
    "exchange_target_missing": ("文件夹 {folder} 不存在。", "The folder {folder} does not exist."),
    "exchange_write_failed": ("无法写入交换包：{reason}", "The exchange file could not be written: {reason}"),
    "exchange_not_a_file": ("这不是交换包（.hzx）。", "This is not an exchange file (.hzx)."),
    "exchange_truncated": (
        "交换包不完整（复制中断？），未导入任何内容。",
        "The exchange file is incomplete (an interrupted copy?); nothing was imported.",
    ),
    "exchange_tampered": (
        "交换包已损坏或被改动（{entry} 与校验值不符），请从对方电脑重新复制。未导入任何内容。",
        "The exchange file is damaged or was altered ({entry} does not match its checksum); copy it again "
        "from the other computer. Nothing was imported.",
    ),
    "exchange_read_failed": (
        "无法读取交换包（{reason}）：U 盘是否已拔出？未导入任何内容。",
        "The exchange file could not be read ({reason}): was the drive removed? Nothing was imported.",
    ),
    "join_file_used": (
        "此加入文件已被另一台电脑用过（办公室已收到 {short} 的交换包），不能再用来加入。"
        "请办公室为本机登记新的简码后重新导出。未导入任何内容。",
        "This join file was already used by another computer (the office has received files from {short}); "
        "it cannot join again. Ask the office to register a new code for this computer. Nothing was imported.",
    ),
    "exchange_duplicate_terminal": (
        "办公室主库把简码 {short} 记为另一台电脑：本机是用一个已用过的加入文件加入的，"
        "其隐患编号可能与那台电脑重复。请停止在本机登记，联系办公室为本机登记新的简码。未导入任何内容。",
        "The office register knows another computer as {short}: this computer joined with a join file that was "
        "already used, so its hazard numbers may repeat that computer's. Stop recording here and ask the office "
        "to register a new code for this computer. Nothing was imported.",
    ),
    "exchange_too_large": (
        "交换包超出允许的大小（{limit}），未导入任何内容。",
        "The exchange file exceeds a size limit ({limit}); nothing was imported.",
    ),
    "exchange_zip_bomb": (
        "交换包的压缩比异常（{entry}），未导入任何内容。",
        "The exchange file's compression is abnormal ({entry}); nothing was imported.",
    ),
    "exchange_unsafe_path": (
        "交换包含有不安全的路径（{entry}），未导入任何内容。",
        "The exchange file holds an unsafe path ({entry}); nothing was imported.",
    ),
    "exchange_format_newer": (
        "交换包由更新版本的程序生成（格式 {version}），请先升级本程序。",
        "The exchange file was made by a newer program (format {version}); update this one.",
    ),
    "exchange_schema_newer": (
        "交换包来自数据库版本 {revision}（本机 {ours}），请先升级本程序。",
        "The file comes from database revision {revision} (ours {ours}); update this program.",
    ),
    "foreign_plant": (
        "交换包来自另一工厂（{plant}），已拒绝。",
        "The file comes from another plant ({plant}); refused.",
    ),
    "exchange_from_self": ("这是本机自己导出的交换包。", "This file was exported by this installation itself."),
    "exchange_not_for_us": (
        "此交换包是给 {to} 的，不是给本机的。",
        "This file is for {to}, not for this installation.",
    ),
    "exchange_same_role": (
        "交换只在办公室主库与现场终端之间进行（双方都是 {role}）。",
        "Files go between the office and laptops (both are {role}).",
    ),
    "exchange_peer_mismatch": ("简码 {peer} 已属于另一台计算机。", "The code {peer} belongs to another computer."),
    "exchange_integrity": (
        "交换包中的记录与本机数据不一致（{kind}）：{detail}",
        "The file's records do not fit this register ({kind}): {detail}",
    ),
    "exchange_unknown_kind": (
        "交换包含有本程序不认识的记录类型（{kind}），请先升级本程序。",
        "The file holds records of an unknown kind ({kind}); update this program.",
    ),
    "exchange_missing_reference": (
        "交换包中的记录（{kind}）引用了本机没有的数据（{column} = {value}），未导入任何内容。",
        "A record of the file ({kind}) names data this register lacks ({column} = {value}); nothing was imported.",
    ),
    "exchange_person_duplicate": (
        "交换包带来{department}的{name}，本台账该部门已有{name}，二者无法区分（缺少工号）。请在录入他们的计算机上"
        "为两人各自填写工号（工具 → 设置 → 人员），再重新导出交换包。未导入任何内容。",
        "The file brings {name} of {department}, and this register has a {name} there too, with nothing to tell "
        "them apart: give each their employee number where they were entered, then export again. Nothing was "
        "imported.",
    ),
    "exchange_employee_no_duplicate": (
        "交换包中{name}的工号 {employee_no} 在本台账中已属于{other}。请更正工号（工具 → 设置 → 人员）后重新导出。"
        "未导入任何内容。",
        "The file brings {name} with employee number {employee_no}, which {other} has here: correct the number, "
        "then export again. Nothing was imported.",
    ),
    "join_needs_office_file": (
        "本机尚未加入工厂：请导入办公室主库为本机导出的交换包。",
        "This installation has not joined a plant: import the office's file made for it.",
    ),
    "join_not_empty": (
        "此数据文件夹已有数据，不能用于加入工厂。",
        "This data folder holds data; it cannot join a plant.",
    ),
    "conflict_not_found": ("该冲突已处理。", "That conflict was resolved already."),
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
    "form_notice_unassigned": (
        "隐患 {number} 尚未下达整改（五定），没有整改通知书可打印；未写入任何文件。",
        "Hazard {number} has no rectification assignment yet: there is no notice to print; nothing was written.",
    ),
    "form_acceptance_not_due": (
        "隐患 {number} 尚未申请验收，待验收之后才能打印验收单；未写入任何文件。",
        "Hazard {number} has not been submitted for acceptance: the acceptance form is printed from then on; "
        "nothing was written.",
    ),
    "form_not_major": (
        "隐患 {number} 不是重大事故隐患，没有{form}；未写入任何文件。",
        "Hazard {number} is not a major hazard: it has no {form}; nothing was written.",
    ),
    "form_plan_missing": (
        "隐患 {number} 尚无治理方案，保存治理方案后才能打印{form}；未写入任何文件。",
        "Hazard {number} has no treatment plan yet: the {form} is printed once the plan is saved; nothing was written.",
    ),
    "form_chinese_only": (
        "整改文书是公司的中文正式文书，只能以中文打印；--lang en 不适用于 print，未写入任何文件"
        "（英文提示请设置 HAZARD_DESKTOP_LANG=en）。",
        "The rectification forms are the plant's Chinese records and are printed in Chinese only, so --lang en "
        "is refused for 'print' (nothing was written). Leave the option out; for English messages set "
        "HAZARD_DESKTOP_LANG=en.\n整改文书是公司的中文正式文书，只能以中文打印。",
    ),
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
    # ---- accounts (issue 14)
    "secret_prompt": ("新密码：", "New password: "),
    "secret_prompt_pin": ("新 PIN（6 位数字）：", "New PIN (6 digits): "),
    "secret_prompt_again": ("再次输入：", "Again: "),
    "secret_mismatch": ("两次输入不一致，未作任何更改。", "The two entries differ; nothing was changed."),
    "secret_needs_terminal": (
        "请在终端中运行以便输入新密码（或使用 --stdin 从标准输入读取）；未作任何更改。",
        "Run this in a terminal to type the new secret (or use --stdin to read it); nothing was changed.",
    ),
    "secret_reset": (
        "账户“{name}”的密码已重置并解锁；本人下次登录时须修改密码。",
        "The password of account “{name}” was reset and the account unlocked; its owner must change it at the"
        " next sign-in.",
    ),
    "secret_reset_pin": (
        "账户“{name}”的 PIN 已重置并解锁；本人下次登录时须修改 PIN。",
        "The PIN of account “{name}” was reset and the account unlocked; its owner must change it at the next sign-in.",
    ),
    "account_unknown": (
        "没有名为“{name}”的账户；未作任何更改。",
        "There is no account called “{name}”; nothing was changed.",
    ),
    "pin_format": ("PIN 必须是 6 位数字；未作任何更改。", "A PIN must be exactly 6 digits; nothing was changed."),
    "pin_trivial": (
        "PIN 过于简单（如 111111、123456）；未作任何更改。",
        "The PIN is too simple (such as 111111 or 123456); nothing was changed.",
    ),
    "password_too_short": (
        "密码至少需要 {min} 个字符；未作任何更改。",
        "A password needs at least {min} characters; nothing was changed.",
    ),
    "password_too_long": (
        "密码最多 {max} 个字符；未作任何更改。",
        "A password has at most {max} characters; nothing was changed.",
    ),
    "password_blank": ("密码不能为空；未作任何更改。", "The password cannot be blank; nothing was changed."),
    "sign_in_needed": (
        "此台账启用了账户：请用 --user 登录名 以账户身份执行（PIN 或密码随后输入，或由标准输入提供）；未作任何更改。",
        "This register uses accounts: act as an account with --user NAME (its PIN or password is then typed, or "
        "read from standard input); nothing was changed.",
    ),
    "sign_in_prompt": ("“{name}”的 PIN 或密码：", "PIN or password of “{name}”: "),
    "sign_in_no_secret": (
        "标准输入中没有“{name}”的 PIN 或密码；未作任何更改。",
        "Standard input holds no PIN or password for “{name}”; nothing was changed.",
    ),
    "sign_in_must_change": (
        "账户“{name}”须先在程序窗口中登录并设置自己的 PIN 或密码，才能在命令行使用；未作任何更改。",
        "The account “{name}” must first sign in in the program's window and choose its own PIN or password "
        "before it acts at the command line; nothing was changed.",
    ),
    "credential_wrong": (
        "“{name}”的 PIN 或密码错误；再错 {left} 次账户将被锁定。未作任何更改。",
        "Wrong PIN or password for “{name}”; {left} more wrong attempt(s) lock the account. Nothing was changed.",
    ),
    "account_locked": (
        "账户“{name}”因多次输错已锁定至 {until}（管理员可在“工具 → 账户”中解锁）；未作任何更改。",
        "The account “{name}” is locked after repeated wrong attempts until {until} (an administrator can unlock "
        "it under Tools → Accounts); nothing was changed.",
    ),
    "no_account": ("没有此登录名的账户；未作任何更改。", "There is no account of that name; nothing was changed."),
    "account_inactive": (
        "账户“{name}”已停用；未作任何更改。",
        "The account “{name}” is switched off; nothing was changed.",
    ),
    "role_required": (
        "“{actor}”无权执行此操作：需要角色{roles}（安环部管理员在 工具 → 账户 中授予角色）；未作任何更改。",
        "“{actor}” may not do this: it needs the role {roles} (the safety office administrator gives roles under "
        "Tools → Accounts); nothing was changed.",
    ),
    "audit_ok": (
        "审计日志完好：{entries} 条日志的哈希链无断裂，{records} 条记录与最后一次记录的摘要一致。",
        "The audit trail is intact: the chain of {entries} entries is unbroken and {records} records match "
        "their last recorded digests.",
    ),
    "audit_broken": (
        "审计日志发现 {count} 处问题（共 {entries} 条日志）。最先的断点在前：",
        "The audit trail has {count} breaks ({entries} entries). The first break comes first:",
    ),
    "audit_chain_hash": (
        "第 {seq} 条日志被改动（其哈希不符）：表 {table}，记录 {record}",
        "Entry {seq} was altered (its hash does not match): table {table}, record {record}",
    ),
    "audit_chain_link": (
        "第 {seq} 条日志与前一条断开（链接哈希不符）：表 {table}，记录 {record}",
        "Entry {seq} is not linked to the one before (previous hash differs): table {table}, record {record}",
    ),
    "audit_chain_gap": (
        "第 {seq} 条日志之前缺少日志（编号不连续）：表 {table}，记录 {record}",
        "Entries are missing before entry {seq} (numbers not consecutive): table {table}, record {record}",
    ),
    "audit_record_changed": (
        "表 {table} 的记录 {record} 在程序之外被修改：与第 {seq} 条日志记录的状态不符",
        "Table {table}, record {record} was changed outside the program: it differs from entry {seq}",
    ),
    "audit_record_deleted": (
        "表 {table} 的记录 {record} 在程序之外被删除（最后一次记录：第 {seq} 条日志）",
        "Table {table}, record {record} was deleted outside the program (last recorded in entry {seq})",
    ),
    "audit_record_unrecorded": (
        "表 {table} 的记录 {record} 在程序之外被添加（审计日志中没有它）",
        "Table {table}, record {record} was added outside the program (the trail has no entry for it)",
    ),
    "audit_exported": (
        "审计日志已导出：{path}（{count} 条，含哈希链）",
        "Audit trail exported: {path} ({count} entries, with the chain)",
    ),
    "audit_export_suffix": (
        "审计日志只能导出为 .csv 或 .json 文件：{path}",
        "The audit trail is exported as a .csv or .json file only: {path}",
    ),
    "audit_export_folder": (
        "文件夹 {path} 不存在。未写入任何内容。",
        "The folder {path} does not exist. Nothing was written.",
    ),
    "backup_written": (
        "备份已写入并校验：{path}\n（{created}，数据库版本 {revision}；{counts}）",
        "Backup written and verified: {path}\n({created}, schema revision {revision}; {counts})",
    ),
    "output_exists": (
        "文件 {path} 已存在，未覆盖，未写入任何文件。请另选文件名，或加 --overwrite 覆盖它。",
        "The file {path} exists already and was not overwritten; nothing was written. Choose another name, "
        "or add --overwrite to replace it.",
    ),
    "output_is_folder": (
        "无法写入文件 {path}：这是一个文件夹，不是文件。未写入任何文件。",
        "Cannot write the file {path}: it is a folder, not a file. Nothing was written.",
    ),
    "backup_write_failed": (
        "无法写入备份 {path}（{detail}）。未留下任何文件，台账未被修改。",
        "The backup {path} could not be written ({detail}). Nothing was left behind; the register was not changed.",
    ),
    "backup_foreign": (
        "{path} 不是本程序的备份文件。台账未被修改。",
        "{path} is not a backup file of this program. The register was not changed.",
    ),
    "backup_damaged": (
        "备份文件 {path} 已损坏或被改动（{detail}），不能用于恢复。台账未被修改。",
        "The backup file {path} is damaged or was altered ({detail}); it cannot be restored. "
        "The register was not changed.",
    ),
    "backup_unreadable": (
        "无法读取备份文件 {path}（{detail}）。台账未被修改。",
        "Cannot read the backup file {path} ({detail}). The register was not changed.",
    ),
    "backup_format_newer": (
        "备份文件 {path} 由更新版本的程序写入，本程序无法读取。请安装更新版本。台账未被修改。",
        "The backup file {path} was written by a newer version of the program in a format this one cannot read. "
        "Install the newer program. The register was not changed.",
    ),
    "backup_newer": (
        "该备份来自更新版本的程序（数据库版本 {revision}，本程序最高支持 {head}），不能恢复。"
        "请安装更新版本。台账未被修改。",
        "The backup comes from a newer version of the program (schema revision {revision}; this build knows up "
        "to {head}) and cannot be restored. Install the newer program. The register was not changed.",
    ),
    "register_in_use": (
        "台账正被本程序的窗口或另一个命令使用，不能恢复。"
        "请先关闭程序窗口（或在窗口中使用“文件 → 恢复”）。台账未被修改。",
        "The register is in use by the program's window or another command, so it cannot be restored. Close "
        "the window first (or restore from its File menu). The register was not changed.",
    ),
    "restore_failed": (
        "恢复失败（{detail}），台账未被修改。",
        "The restore failed ({detail}); the register was not changed.",
    ),
    "restored": (
        "已从 {path} 恢复台账（{created}，数据库版本 {revision}；{counts}）。\n原台账的安全副本：{safety}",
        "The register was restored from {path} ({created}, schema revision {revision}; {counts}).\n"
        "Safety copy of the replaced register: {safety}",
    ),
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
    "period_invalid": (
        "“{value}”不是有效的统计期间：季度写作 2026Q4，年度写作 2026，月份写作 2026-03。未写入任何文件。",
        "“{value}” is not a period: write 2026Q4 for a quarter, 2026 for a year, 2026-03 for a month. "
        "Nothing was written.",
    ),
    "report_format_unknown": (
        "报表只能保存为 .pdf 或 .xlsx 文件，“{suffix}”不受支持。未写入任何文件。",
        "A report is saved as .pdf or .xlsx, not as “{suffix}”. Nothing was written.",
    ),
    "report_format_missing": (
        "文件名“{path}”没有扩展名：报表保存为 .pdf 或 .xlsx，由扩展名决定，请写明其一。未写入任何文件。",
        "The file name “{path}” has no extension: a report is saved as .pdf or .xlsx, chosen by the extension; "
        "give one. Nothing was written.",
    ),
    "report_folder_missing": (
        "文件夹 {folder} 不存在，未写入任何文件。",
        "The folder {folder} does not exist; nothing was written.",
    ),
    "report_written": (
        "已生成{title}（{period}），核验码 {verify}。",
        "Wrote the {title} of {period}, verify code {verify}.",
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
    # a USB drive (or its FUSE driver) gone while in use
    errno.ENOTCONN: ("U 盘或磁盘已断开连接", "the drive is no longer connected"),
    errno.ECONNABORTED: ("U 盘或磁盘已断开连接", "the drive is no longer connected"),
    errno.ENODEV: ("U 盘或磁盘已断开连接", "the drive is no longer connected"),
}


def os_error_text(exc: BaseException, lang: str = "zh") -> str:
    """A short reason for an OSError in ``lang`` (the OS's own text only for errors not in the table)."""
    pair = _OS_ERRORS.get(getattr(exc, "errno", None) or -1)
    if pair is not None:
        return pair[1] if lang == "en" else pair[0]
    return getattr(exc, "strerror", None) or str(exc)


#: The record kinds of an exchange file (``domain.exchange.RECORD_KINDS``), as the window names them
#: (``ui/exchange/common.py``); tests/unit/test_cli_output_language.py checks every kind has a name.
KIND_NAMES: dict[str, tuple[str, str]] = {
    "department": ("部门", "Departments"),
    "person": ("人员", "People"),
    "category": ("隐患类别", "Hazard categories"),
    "subcategory": ("隐患子类", "Subcategories"),
    "lec_scale_value": ("LEC 取值", "LEC scale values"),
    "threshold_set": ("分级阈值", "Threshold sets"),
    "threshold_band": ("危险等级", "Danger bands"),
    "major_criterion": ("重大隐患判定标准", "Major-hazard criteria"),
    "checklist_template": ("检查表模板", "Checklist templates"),
    "checklist_template_version": ("检查表模板版本", "Checklist template versions"),
    "checklist_section": ("检查表分项", "Checklist sections"),
    "checklist_item": ("检查项", "Checklist items"),
    "hazard": ("隐患", "Hazards"),
    "hazard_photo": ("隐患照片", "Hazard photos"),
    "grading_meeting": ("定级会议", "Grading meetings"),
    "grading": ("定级", "Gradings"),
    "grading_score": ("组员评分", "Member scores"),
    "grading_criterion": ("对照的判定标准", "Matched criteria"),
    "grading_vote": ("标准表决", "Criterion votes"),
    "grading_panel_member": ("判定小组成员", "Panel members"),
    "dispute": ("争议", "Disputes"),
    "dispute_claim": ("争议主张", "Dispute claims"),
    "sheet_print": ("已打印的表单", "Printed sheets"),
    "inspection": ("检查", "Inspections"),
    "inspection_inspector": ("检查人员", "Inspectors"),
    "inspection_answer": ("检查结果", "Inspection answers"),
    "inspection_photo": ("检查照片", "Inspection photos"),
    "rectification_assignment": ("整改五定", "Rectification assignments"),
    "treatment_plan": ("治理方案", "Treatment plans"),
    "rectification_note": ("整改进展", "Rectification progress notes"),
    "rectification_photo": ("整改照片", "Rectification photos"),
    "extension_request": ("延期申请", "Extension requests"),
    "acceptance": ("验收", "Acceptances"),
    "hazard_transition": ("状态变更", "Status changes"),
    "form_print": ("已打印的文书", "Printed forms"),
    "report_print": ("已保存的统计报表", "Saved statistics reports"),
}

#: The exchange roles of an installation (``domain.exchange.Role``), as the window names them.
EXCHANGE_ROLE_NAMES: dict[str, tuple[str, str]] = {
    "office": ("办公室主库", "office register"),
    "field": ("现场终端", "field laptop"),
}


def kind_name(kind: str, lang: str = "zh") -> str:
    """A record kind of an exchange file in words (its internal name only when the program has none)."""
    pair = KIND_NAMES.get(kind)
    return kind if pair is None else pair[1] if lang == "en" else pair[0]


def exchange_role_name(role: object, lang: str = "zh") -> str:
    """An installation's exchange role (``office``/``field``, or a ``Role``) in words."""
    value = str(getattr(role, "value", role))
    pair = EXCHANGE_ROLE_NAMES.get(value)
    return value if pair is None else pair[1] if lang == "en" else pair[0]


def language(cli_value: str | None = None) -> str:
    """``zh`` unless English was asked for by ``--lang`` or ``HAZARD_DESKTOP_LANG``."""
    value = cli_value or os.environ.get("HAZARD_DESKTOP_LANG") or "zh_CN"
    return "en" if value.lower().startswith("en") else "zh"


#: The account roles' names, as the window names them (``ui/accounts/labels.py``), by stored value.
ROLE_NAMES: dict[str, tuple[str, str]] = {
    "inspector": ("检查员", "Inspector"),
    "panel_member": ("评分成员", "Panel member"),
    "panel_leader": ("评分组长", "Panel leader"),
    "dispute_chair": ("争议组长/副组长", "Dispute chair / deputy"),
    "safety_admin": ("安环部管理员", "Safety office administrator"),
    "read_only": ("只读", "Read only"),
}


def roles_needed(values: object, lang: str = "zh") -> str:
    """The roles a refused use case needs (``role_required``'s ``roles``), quoted and joined by "or"."""
    wanted = [str(v) for v in values] if isinstance(values, list | tuple | set | frozenset) else [str(values)]
    names = [pair[1] if lang == "en" else pair[0] for value, pair in ROLE_NAMES.items() if value in wanted]
    if lang == "en":
        return " or ".join(f"“{name}”" for name in names)
    return "或".join(f"“{name}”" for name in names)


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


_ROW_STATUS = {"new": ("新增", "new"), "known": ("已导入过", "imported before"), "refused": ("拒绝", "refused")}
_PROBLEMS: dict[str, tuple[str, str]] = {
    "ledger_date_missing": ("缺少发现日期", "no date found"),
    "ledger_date_invalid": ("日期无法识别：{value}", "date not understood: {value}"),
    "ledger_date_future": ("日期在将来：{value}", "date in the future: {value}"),
    "ledger_description_empty": ("缺少隐患描述", "no description"),
    "ledger_department_unknown": ("未知部门：{value}", "unknown department: {value}"),
    "ledger_department_missing": ("缺少部门", "no department"),
    "ledger_location_missing": ("缺少部位，记为部门“{value}”", "no place; the department “{value}” is used"),
    "ledger_category_unknown": ("未知类别：{value}，用默认类别", "unknown category {value}; the default is used"),
    "ledger_finder_ambiguous": (
        "有多人名为{value}：发现人按原台账文字保留",
        "several people are called {value}: the finder is kept as the ledger's text",
    ),
    "ledger_category_unknown_refused": (
        "未知类别：{value}（请用 --category 指定默认类别）",
        "unknown category {value} (give a default with --category)",
    ),
    "ledger_category_missing": (
        "缺少类别（请用 --category 指定默认类别）",
        "no category (give a default with --category)",
    ),
    "ledger_lec_off_scale": (
        "{factor} = {value} 不在取值表中（{allowed}），不导入 LEC",
        "{factor} = {value} is off the scale ({allowed}); LEC not imported",
    ),
    "ledger_lec_incomplete": ("L/E/C 不全且无 D，不导入 LEC", "L/E/C incomplete and no D; LEC not imported"),
    "ledger_score_invalid": ("D 值无效：{value}", "D is not a number: {value}"),
    "ledger_score_mismatch": (
        "D = {value} 与 L×E×C = {computed} 不符，取后者",
        "D = {value} ≠ L×E×C = {computed}; the latter is kept",
    ),
    "ledger_number_duplicate": ("原编号 {value} 与第 {row} 行重复", "number {value} repeats row {row}"),
    "ledger_row_duplicate": ("与第 {row} 行内容相同", "same as row {row}"),
    "ledger_cell_error": ("单元格公式错误 {value}", "formula error {value} in a cell"),
    "ledger_text_control": ("含有控制字符", "holds control characters"),
    "ledger_text_too_long": ("文字超过 {max} 字", "text longer than {max}"),
}


def ledger_problem_text(code: str, lang: str, params: dict[str, Any]) -> str:
    """One problem of a previewed ledger row, in words."""
    pair = _PROBLEMS.get(code, (code, code))
    return (pair[1] if lang == "en" else pair[0]).format_map({k: params.get(k, "") for k in _names(pair)} | params)


def _names(pair: tuple[str, str]) -> set[str]:
    import string

    return {name for text in pair for _, name, _, _ in string.Formatter().parse(text) if name}


def ledger_row_line(row: Any, lang: str) -> str:
    """One previewed row as a line of the command's output (``row``: a ``services.ledger_import.PreviewRow``)."""
    status = _ROW_STATUS[row.status.value][1 if lang == "en" else 0]
    found = row.found_on.isoformat() if row.found_on else "-"
    if row.found_on and row.found_time:
        found += f" {row.found_time:%H:%M}"
    description = row.description if len(row.description) <= 24 else row.description[:23] + "…"
    problems = "；".join(ledger_problem_text(p.code, lang, p.params) for p in row.problems)
    head = f"row {row.row_no}" if lang == "en" else f"第 {row.row_no} 行"
    parts = [head, status, row.legacy_number or "-", found, description]
    return "  ".join(parts + ([problems] if problems else []))
