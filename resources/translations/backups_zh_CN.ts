<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="80" />
        <source>Back up the register</source>
        <translation>备份台账</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="84" />
        <source>The whole register — every hazard, grading, inspection and photo — is written as one file and checked after writing. The program can stay open meanwhile.</source>
        <translation>整个台账（所有隐患、分级、检查和照片）写入一个文件，写入后立即校验。备份期间程序可以继续使用。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="92" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="95" />
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="105" />
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="126" />
        <source>Folder for the backup</source>
        <translation>备份存放的文件夹</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="135" />
        <source>Choose the folder for the backup first.</source>
        <translation>请先选择备份存放的文件夹。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="142" />
        <source>Writing and checking the backup…</source>
        <translation>正在写入并校验备份…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="163" />
        <source>Backup written and checked:
%1
(%2, schema revision %3; %4)</source>
        <translation>备份已写入并校验：
%1
（%2，数据库版本 %3；%4）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="178" />
        <source>Cancelled: no backup was written.</source>
        <translation>已取消：未写入任何备份。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="192" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>BackupMessages</name>
    <message>
        <location filename="../../hazard_desktop/ui/backup_messages.py" line="14" />
        <source>The backup could not be written ({detail}). Nothing was left behind; the register was not changed.</source>
        <translation>无法写入备份（{detail}）。未留下任何文件，台账未被修改。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backup_messages.py" line="18" />
        <source>This file is not a backup of this program. The register was not changed.</source>
        <translation>该文件不是本程序的备份文件。台账未被修改。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backup_messages.py" line="21" />
        <source>The backup file is damaged or was altered ({detail}); it cannot be restored. The register was not changed.</source>
        <translation>备份文件已损坏或被改动（{detail}），不能用于恢复。台账未被修改。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backup_messages.py" line="25" />
        <source>The backup file cannot be read ({detail}). The register was not changed.</source>
        <translation>无法读取备份文件（{detail}）。台账未被修改。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backup_messages.py" line="28" />
        <source>The backup was written by a newer version of the program in a format this one cannot read. Install the newer program. The register was not changed.</source>
        <translation>该备份由更新版本的程序写入，本程序无法读取其格式。请安装更新版本。台账未被修改。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backup_messages.py" line="33" />
        <source>The backup comes from a newer version of the program (schema revision {revision}; this one knows up to {head}) and cannot be restored. Install the newer program. The register was not changed.</source>
        <translation>该备份来自更新版本的程序（数据库版本 {revision}，本程序最高支持 {head}），不能恢复。请安装更新版本。台账未被修改。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backup_messages.py" line="38" />
        <source>Another window of the program or a command is using the register, so it cannot be restored now. Close the other program and try again. The register was not changed.</source>
        <translation>本程序的另一个窗口或命令正在使用台账，现在不能恢复。请关闭其他程序后重试。台账未被修改。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backup_messages.py" line="43" />
        <source>The restore failed ({detail}); the register was not changed.</source>
        <translation>恢复失败（{detail}），台账未被修改。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backup_messages.py" line="46" />
        <source>The safety copy of the current register could not be written ({detail}); the register was not changed.</source>
        <translation>无法写入当前台账的安全副本（{detail}），台账未被修改。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backup_messages.py" line="50" />
        <source>Give the whole path of the folder, beginning with a drive or “/”.</source>
        <translation>请填写文件夹的完整路径（以盘符或“/”开头）。</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="39" />
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="40" />
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="41" />
        <source>Gradings</source>
        <translation>分级</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="42" />
        <source>Disputes</source>
        <translation>争议</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="43" />
        <source>Printed sheets</source>
        <translation>已打印判定表</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="44" />
        <source>Inspections</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="45" />
        <source>Inspection photos</source>
        <translation>检查照片</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="57" />
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backup_actions.py" line="16" />
        <source>&amp;Back up…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backup_actions.py" line="18" />
        <source>Write the whole register as one checked backup file</source>
        <translation>将整个台账写入一个经过校验的备份文件</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backup_actions.py" line="19" />
        <source>R&amp;estore…</source>
        <translation>恢复(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backup_actions.py" line="21" />
        <source>Put a backup file back in place of the register</source>
        <translation>用备份文件恢复台账</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/backups.py" line="45" />
        <source>Made on</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/backups.py" line="45" />
        <source>Schema revision</source>
        <translation>数据库版本</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/backups.py" line="45" />
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/backups.py" line="45" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/backups.py" line="52" />
        <source>Made at the first start of each day and at exit after a change. Kept: the last 7 days, 4 weeks and 12 months. Folder: %1</source>
        <translation>每天首次启动时、以及有修改后退出时自动备份。保留最近 7 天、4 周和 12 个月的备份。文件夹：%1</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/backups.py" line="58" />
        <source>Automatic backups</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/backups.py" line="64" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/backups.py" line="65" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/backups.py" line="66" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/backups.py" line="67" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/backups.py" line="69" />
        <source>Second folder (another disk or a removable drive)</source>
        <translation>第二存放位置（另一块磁盘或移动存储）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/backups.py" line="101" />
        <source>Second folder for automatic backups</source>
        <translation>自动备份的第二存放文件夹</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/dialogs/settings_pages/backups.py" line="119" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="212" />
        <source>Restore the register from a backup</source>
        <translation>从备份恢复台账</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="216" />
        <source>The register is replaced by the backup. The current register is kept as a safety copy in the data folder's backups first. The program starts again afterwards.</source>
        <translation>台账将被备份内容替换。替换前，当前台账先作为安全副本保存在数据目录的 backups 文件夹中。恢复后程序将重新启动。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="224" />
        <source>Choose backup…</source>
        <translation>选择备份…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="227" />
        <source>Backup file:</source>
        <translation>备份文件：</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="231" />
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="231" />
        <source>Current register</source>
        <translation>当前台账</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="241" />
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="257" />
        <source>Choose a backup</source>
        <translation>选择备份文件</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="257" />
        <source>Backups (*.zip);;All files (*)</source>
        <translation>备份文件 (*.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="282" />
        <source>This backup is from a newer version of the program; it will be refused.</source>
        <translation>该备份来自更新版本的程序，将被拒绝。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="284" />
        <source>Check the dates and counts, then press Restore.</source>
        <translation>请核对日期和数量，然后点击“恢复”。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="290" />
        <source>Made on</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="290" />
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="291" />
        <source>Schema revision</source>
        <translation>数据库版本</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="310" />
        <source>Replace the register by the backup of %1?

The current register is kept as a safety copy first.</source>
        <translation>用 %1 的备份替换台账吗？

当前台账会先保存为安全副本。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="313" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="323" />
        <source>Checking the backup and restoring…</source>
        <translation>正在校验备份并恢复…</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="338" />
        <source>Restored. The program starts again on the restored register.</source>
        <translation>已恢复。程序将重新启动并打开恢复后的台账。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="348" />
        <source>The program starts again to open the register.</source>
        <translation>程序将重新启动以打开台账。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/backups.py" line="354" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
</TS>