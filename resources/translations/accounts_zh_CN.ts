<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Accounts</name>
    <message>
        <source>Inspector</source>
        <translation>检查员</translation>
    </message>
    <message>
        <source>Panel member</source>
        <translation>评分成员</translation>
    </message>
    <message>
        <source>Panel leader</source>
        <translation>评分组长</translation>
    </message>
    <message>
        <source>Dispute chair / deputy</source>
        <translation>争议组长/副组长</translation>
    </message>
    <message>
        <source>Safety office administrator</source>
        <translation>安环部管理员</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <source>This needs the role %1 (signed in: %2). The safety office administrator gives roles under Tools → Accounts.</source>
        <translation>此操作需要%1角色（当前登录：%2）。可由安环部管理员在“工具 → 账户”中分配。</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation>角色：%1</translation>
    </message>
    <message>
        <source>Single-user</source>
        <translation>单用户</translation>
    </message>
    <message>
        <source>Single-user mode (no accounts)</source>
        <translation>单用户模式（未启用账户）</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>切换用户(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Change my PIN or &amp;password…</source>
        <translation>修改我的 PIN 或密码(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>账户(&amp;A)…</translation>
    </message>
    <message>
        <source>Accounts, roles, lock-outs, idle lock (safety office)</source>
        <translation>账户、角色、锁定、空闲锁定（安环部）</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/accounts/actions.py" line="1"/>
        <source>Locked ({name}). Sign in to go on.</source>
        <translation>已锁定（{name}）。请登录后继续。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/accounts/actions.py" line="1"/>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/accounts/actions.py" line="1"/>
        <source>{window} is still working for {previous}. Wait until it has finished, then switch.</source>
        <translation>“{window}”仍在为 {previous} 工作，请等它完成后再切换用户。</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/accounts/actions.py" line="1"/>
        <source>{name} is signing in. {previous} left these windows open:
{titles}

They are closed first and what was entered in them and not saved is discarded. Close them and switch to {name}?</source>
        <translation>{name} 正在登录。{previous} 还打开着以下窗口：
{titles}

切换前将先关闭这些窗口，其中已填写但未保存的内容将被放弃。关闭这些窗口并切换到 {name} 吗？</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/accounts/actions.py" line="1"/>
        <source>Quit the program</source>
        <translation>退出程序</translation>
    </message>
    <message>
        <location filename="../../hazard_desktop/ui/accounts/actions.py" line="1"/>
        <source>These windows are open:
{titles}

Quit the program anyway? What was entered in them and not saved is lost (a hazard form's input is kept as a draft and offered again).</source>
        <translation>以下窗口仍然打开：
{titles}

仍要退出程序吗？其中已填写但未保存的内容将丢失（隐患登记表单的内容会保存为草稿，下次打开时可继续）。</translation>
    </message>
</context>
<context>
    <name>SecretFields</name>
    <message>
        <source>6-digit PIN</source>
        <translation>6 位数字 PIN</translation>
    </message>
    <message>
        <source>Password (at least 8 characters)</source>
        <translation>密码（至少 8 个字符）</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <source>New PIN or password:</source>
        <translation>新 PIN 或密码：</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>再次输入：</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>The window was locked after a time without use. Sign in again, or as another user.</source>
        <translation>一段时间未操作，窗口已锁定。请重新登录，或以其他用户登录。</translation>
    </message>
    <message>
        <source>Sign in with your account.</source>
        <translation>请用您的账户登录。</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>PIN or password:</source>
        <translation>PIN 或密码：</translation>
    </message>
    <message>
        <source>Quit the program</source>
        <translation>退出程序</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>Another person signs in here. Cancel goes back to the window, still signed in as %1.</source>
        <translation>请由另一位用户在此登录。按“取消”返回窗口，仍以%1的身份登录。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>New person (not in the list)</source>
        <translation>新人员（不在列表中）</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>人员：</translation>
    </message>
    <message>
        <source>New person's name:</source>
        <translation>新人员姓名：</translation>
    </message>
    <message>
        <source>Choose the administrator among the people, or “New person (not in the list)”.</source>
        <translation>请在人员中选择管理员，或选“新人员（不在列表中）”。</translation>
    </message>
    <message>
        <source>%1 They are chosen above now: press OK to make them the administrator.</source>
        <translation>%1已在上方选中此人：按“确定”即设其为管理员。</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Sheets are legal records and laptops are shared: with accounts everyone signs in, each action is done under a role, and sheets print who did it. Create the first administrator now (the safety office adds the others under Tools → Accounts), or use the program without accounts.</source>
        <translation>判定表是法定记录，笔记本电脑多人共用：启用账户后，每人登录使用，每项操作都在相应角色下进行，表单上打印操作人。请现在创建第一个管理员（其他账户由安环部在“工具 → 账户”中添加），或不使用账户。</translation>
    </message>
    <message>
        <source>Use accounts: create the first administrator</source>
        <translation>使用账户：创建第一个管理员</translation>
    </message>
    <message>
        <source>No accounts (single-user mode, printed on every sheet)</source>
        <translation>不使用账户（单用户模式，每张表单上注明）</translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation>第一个管理员</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>部门：</translation>
    </message>
    <message>
        <source>Quit the program</source>
        <translation>退出程序</translation>
    </message>
</context>
<context>
    <name>ChangeSecretDialog</name>
    <message>
        <source>Change my PIN or password</source>
        <translation>修改我的 PIN 或密码</translation>
    </message>
    <message>
        <source>Your PIN or password was reset: choose your own now.</source>
        <translation>您的 PIN 或密码已被重置，请现在设置您自己的。</translation>
    </message>
    <message>
        <source>Choose a new PIN or password.</source>
        <translation>请设置新的 PIN 或密码。</translation>
    </message>
    <message>
        <source>Your account is new. Its PIN or password was set by the administrator who made it: choose your own now (only you will know it).</source>
        <translation>这是您的新账户，其 PIN 或密码由创建账户的管理员设置：请现在设置您自己的（只有您本人知道）。</translation>
    </message>
    <message>
        <source>PIN or password you were given:</source>
        <translation>您收到的 PIN 或密码：</translation>
    </message>
    <message>
        <source>Current PIN or password:</source>
        <translation>当前 PIN 或密码：</translation>
    </message>
</context>
<context>
    <name>AccountEditor</name>
    <message>
        <source>New account</source>
        <translation>新建账户</translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation>编辑账户</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Account switched on</source>
        <translation>账户已启用</translation>
    </message>
    <message>
        <source>Set a new PIN or password (the owner changes it at next sign-in)</source>
        <translation>设置新的 PIN 或密码（本人下次登录时修改）</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>人员：</translation>
    </message>
    <message>
        <source>Sign-in name:</source>
        <translation>登录名：</translation>
    </message>
    <message>
        <source>Nobody to choose: everyone entered has an account already. An account belongs to a person of the register: add the person first under Tools → Settings → People, then come back here.</source>
        <translation>没有可选的人员：已录入的人员都已有账户。账户属于台账中的人员：请先在“工具 → 设置 → 人员”中添加此人，再回到这里。</translation>
    </message>
    <message>
        <source>People without an account are listed. Someone missing? Add them under Tools → Settings → People.</source>
        <translation>此处列出尚无账户的人员。找不到某人？请先在“工具 → 设置 → 人员”中添加。</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Sign-in name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Signs in with</source>
        <translation>登录方式</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Turn log-in off (single-user mode)…</source>
        <translation>停用登录（单用户模式）…</translation>
    </message>
    <message>
        <source>Lock the window after</source>
        <translation>空闲多久后锁定窗口</translation>
    </message>
    <message>
        <source>Turn log-in on…</source>
        <translation>启用登录…</translation>
    </message>
    <message>
        <source>switched off</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>must change PIN/password</source>
        <translation>须修改 PIN/密码</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Log-in is off from now on: single-user mode.</source>
        <translation>已停用登录，立即生效：现为单用户模式。</translation>
    </message>
    <message>
        <source>Saved; it applies from the next start.</source>
        <translation>已保存，下次启动时生效。</translation>
    </message>
    <message>
        <source>Turn log-in off? Anyone at this laptop can then do everything; every sheet prints “single-user”.</source>
        <translation>停用登录？此后任何使用本机的人都可执行所有操作；每张表单上注明“单用户模式”。</translation>
    </message>
    <message>
        <source>Turn log-in on? From the next start everyone signs in with an account.</source>
        <translation>启用登录？下次启动起，每人须用账户登录。</translation>
    </message>
</context>
<context>
    <name>AccountMessages</name>
    <message>
        <source>The PIN of “{name}” must be changed first: sign in under this account and choose a new PIN, then confirm.</source>
        <translation>账户“{name}”的 PIN 须先修改：请用该账户登录并设置新 PIN，然后再确认。</translation>
    </message>
    <message>
        <source>Wrong password or PIN. {left} more wrong attempt(s) lock the account.</source>
        <translation>密码或 PIN 错误。再错 {left} 次账户将被锁定。</translation>
    </message>
    <message>
        <source>The account “{name}” is locked after repeated wrong attempts until {until}. An administrator can unlock it (Tools → Accounts).</source>
        <translation>账户“{name}”因多次输错已被锁定，至 {until} 解除。管理员可在“工具 → 账户”中解锁。</translation>
    </message>
    <message>
        <source>This person already has an active account (“{name}”); edit that one instead.</source>
        <translation>此人已有启用的账户（“{name}”），请编辑该账户。</translation>
    </message>
    <message>
        <source>There is no account of that name.</source>
        <translation>没有这个名称的账户。</translation>
    </message>
    <message>
        <source>The account “{name}” is switched off.</source>
        <translation>账户“{name}”已停用。</translation>
    </message>
    <message>
        <source>The account does not exist (any more).</source>
        <translation>该账户不存在（或已被删除）。</translation>
    </message>
    <message>
        <source>There is already an account called “{value}”.</source>
        <translation>已有名为“{value}”的账户。</translation>
    </message>
    <message>
        <source>Enter the account's sign-in name.</source>
        <translation>请输入账户的登录名。</translation>
    </message>
    <message>
        <source>The sign-in name is too long (at most {max}).</source>
        <translation>登录名过长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <source>Enter the administrator's name.</source>
        <translation>请输入管理员姓名。</translation>
    </message>
    <message>
        <source>Choose the department.</source>
        <translation>请选择部门。</translation>
    </message>
    <message>
        <source>A PIN is exactly 6 digits.</source>
        <translation>PIN 必须是 6 位数字。</translation>
    </message>
    <message>
        <source>The PIN is too simple (such as 111111 or 123456); choose another.</source>
        <translation>PIN 过于简单（如 111111、123456），请另选。</translation>
    </message>
    <message>
        <source>A password needs at least {min} characters.</source>
        <translation>密码至少需要 {min} 个字符。</translation>
    </message>
    <message>
        <source>A password has at most {max} characters.</source>
        <translation>密码最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>The password cannot be blank.</source>
        <translation>密码不能为空。</translation>
    </message>
    <message>
        <source>Enter the new account's password or PIN.</source>
        <translation>请输入新账户的密码或 PIN。</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>两次输入不一致。</translation>
    </message>
    <message>
        <source>Tick at least one role.</source>
        <translation>请至少勾选一个角色。</translation>
    </message>
    <message>
        <source>“Read only” cannot be combined with roles that write.</source>
        <translation>“只读”不能与可写入的角色同时选择。</translation>
    </message>
    <message>
        <source>This is the last active administrator: keep the role and the account switched on.</source>
        <translation>这是最后一个启用的管理员：请保留该角色并保持账户启用。</translation>
    </message>
    <message>
        <source>The choice of accounts was already made.</source>
        <translation>是否使用账户已经选定。</translation>
    </message>
    <message>
        <source>Create an active administrator account before turning log-in on.</source>
        <translation>启用登录前，请先创建一个启用的管理员账户。</translation>
    </message>
    <message>
        <source>No account is signed in.</source>
        <translation>当前没有登录的账户。</translation>
    </message>
    <message>
        <source>Between 0 (never) and {max} minutes.</source>
        <translation>请输入 0（从不）到 {max} 分钟。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The account “{actor}” may not do this: it needs the role {roles_needed}. The safety office administrator gives roles under Tools → Accounts. Nothing was changed.</source>
        <translation>账户“{actor}”无权执行此操作：需要{roles_needed}角色，可由安环部管理员在“工具 → 账户”中分配。未作任何更改。</translation>
    </message>
    <message>
        <source>The account “{actor}” may not do this. Nothing was changed.</source>
        <translation>账户“{actor}”无权执行此操作。未作任何更改。</translation>
    </message>
    <message>
        <source>This needs the role {roles_needed}: sign in with an account that has it (the safety office administrator gives roles under Tools → Accounts). Nothing was changed.</source>
        <translation>此操作需要{roles_needed}角色：请用具有该角色的账户登录（可由安环部管理员在“工具 → 账户”中分配）。未作任何更改。</translation>
    </message>
    <message>
        <source>Sign in with an account that may do this. Nothing was changed.</source>
        <translation>请用有权执行此操作的账户登录。未作任何更改。</translation>
    </message>
    <message>
        <source>Only the safety office may act for another person: choose yourself as the operator.</source>
        <translation>只有安环部可以代他人操作：请选择您本人为操作人。</translation>
    </message>
</context>
</TS>
