; hazard_desktop — Inno Setup 6 script: per-machine install of the one-folder build, Chinese + English.
;
; Build (Windows, from the project root, after `pyinstaller installer\hazard_desktop.spec` and
; `python installer\dist_check.py`):
;     python installer\gen_version_info.py
;     iscc installer\windows\hazard_desktop.iss
; Output: installer\build\installer\hazard_desktop-<version>-setup.exe
;
; Signed build (docs/INSTALL-IT.md): sign dist\hazard_desktop\*.exe with SignTool first, then
;     iscc /DSignToolName=plant "/Splant=signtool.exe sign /fd sha256 /tr <timestamp URL> /td sha256 /sha1 <thumbprint> $f" installer\windows\hazard_desktop.iss
; which signs the setup and (SignedUninstaller) the uninstaller too.
;
; What it guarantees (docs/INSTALL-IT.md):
; * one product identity for ever: AppId below never changes, so a newer setup upgrades in place
;   (same folder, UsePreviousAppDir) and Windows lists the program once;
; * an upgrade with a /DIR other than the installed folder is refused (it would install a second copy:
;   /DIR overrides UsePreviousAppDir), and so is installing an older version over a newer one;
; * it never touches the user's data folder (%LOCALAPPDATA%\hazard_desktop) on install or upgrade; the
;   program itself backs up and migrates the database on its first start after an upgrade;
; * it never packs a portable.txt or a data\ folder that happens to be in dist\;
; * uninstall removes the data folder only when the user ticks the (unticked) box; never when silent;
; * setup and uninstall refuse to run while the program runs (AppMutex = hazard_desktop/winmutex.py,
;   whose DACL lets setup under any account see it).
;
; ChineseSimplified.isl is an *unofficial* Inno Setup translation, not shipped with every Inno Setup
; version: the copy in languages\ is committed (its origin is in languages\README.md) and is the only
; one used, so every build has the same Chinese wizard.

#define VersionFile AddBackslash(SourcePath) + "..\build\version.iss"
#if !FileExists(VersionFile)
  #error "installer\build\version.iss missing: run `python installer\gen_version_info.py` first"
#endif
#include VersionFile

#ifndef DistDir
  #define DistDir AddBackslash(SourcePath) + "..\..\dist\hazard_desktop"
#endif
#if !FileExists(DistDir + "\hazard_desktop.exe")
  #error "no build in DistDir: run `pyinstaller --noconfirm installer\hazard_desktop.spec` first"
#endif

#define AppExe "hazard_desktop.exe"
; Never change these two between versions (the mutex name is MUTEX_NAME in hazard_desktop/winmutex.py).
#define AppGuid "67D5C649-5DA0-4B16-B7F2-0E10E5D91EC6"
#define AppMutexName "hazard_desktop-" + AppGuid
#define UninstallKeyName "Software\Microsoft\Windows\CurrentVersion\Uninstall\{" + AppGuid + "}_is1"

#define ChineseIsl AddBackslash(SourcePath) + "languages\ChineseSimplified.isl"
#if !FileExists(ChineseIsl)
  #error "installer\windows\languages\ChineseSimplified.isl missing (it is committed: check out the whole tree)"
#endif
#define IconFile AddBackslash(SourcePath) + "..\build\hazard_desktop.ico"
#if !FileExists(IconFile)
  #error "installer\build\hazard_desktop.ico missing: the PyInstaller spec draws it (or run python installer\make_icon.py)"
#endif

[Setup]
; The doubled brace escapes "{" in Inno Setup; the AppId is {67D5C649-…}.
AppId={{{#AppGuid}}
AppName={cm:AppDisplayName}
AppVersion={#AppVersion}
AppVerName={cm:AppDisplayName} {#AppVersion}
AppPublisher=hazard_desktop
AppCopyright=Proprietary — for internal use of the plant
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductVersion={#AppVersionNumeric}
VersionInfoDescription=hazard_desktop setup
; Per-machine install into Program Files; upgrades go into the folder of the previous install.
PrivilegesRequired=admin
DefaultDirName={autopf}\hazard_desktop
UsePreviousAppDir=yes
DisableDirPage=auto
DefaultGroupName={cm:AppDisplayName}
DisableProgramGroupPage=yes
UsePreviousLanguage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6.11 needs Windows 10 1809 (build 17763) or later; older Windows gets setup's own clear refusal.
MinVersion=10.0.17763
SetupIconFile={#IconFile}
#ifdef SignToolName
SignTool={#SignToolName}
SignedUninstaller=yes
#endif
; Refuse to install / uninstall while the program runs (it holds this mutex), and run one setup at a time.
AppMutex={#AppMutexName},Global\{#AppMutexName}
SetupMutex=hazard_desktop-setup-{#AppGuid},Global\hazard_desktop-setup-{#AppGuid}
; Never let the Restart Manager close a running program: an open edit dialog would lose its input.
CloseApplications=no
RestartApplications=no
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={cm:AppDisplayName} {#AppVersion}
OutputDir=..\build\installer
OutputBaseFilename=hazard_desktop-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage

[Languages]
; The first entry is the default when Windows' UI language matches neither.
Name: "chinesesimplified"; MessagesFile: "{#ChineseIsl}"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.AppDisplayName=隐患分级管理
english.AppDisplayName=Hazard Register
chinesesimplified.RemoveDataCaption=卸载 — 数据
english.RemoveDataCaption=Uninstall — data
chinesesimplified.RemoveDataInfo=将卸载程序文件。%n%n您的数据（隐患台账数据库、备份、日志）保存在：%n%1%n%n默认保留这些数据，以后重新安装即可继续使用。其他 Windows 用户的数据和便携模式的数据不受影响。
english.RemoveDataInfo=The program files will be removed.%n%nYour data (hazard register database, backups, logs) is in:%n%1%n%nBy default it is kept, so a later install continues with it. Other Windows users' data and portable-mode data are never touched.
chinesesimplified.RemoveDataCheck=同时永久删除我的数据（无法恢复）
english.RemoveDataCheck=Also delete my data permanently (cannot be undone)
chinesesimplified.RemoveDataContinue=卸载
english.RemoveDataContinue=Uninstall
chinesesimplified.RemoveDataFailed=无法完全删除数据文件夹 %1。请关闭正在使用其中文件的程序后手动删除。
english.RemoveDataFailed=The data folder %1 could not be deleted completely. Close any program using files in it and delete it by hand.
chinesesimplified.NewerInstalled=已安装更新的版本 %1，本安装程序（版本 %2）不会覆盖它。如需回退，请先卸载新版本（数据会保留）。
english.NewerInstalled=A newer version %1 is installed; this setup (version %2) does not replace it. To go back, uninstall the newer version first (the data is kept).
chinesesimplified.OtherDirInstalled=程序已安装在 %1。升级必须安装到同一文件夹，否则会留下第二份程序；请去掉 /DIR 参数或使用 /DIR="%1"（指定的是 %2）。
english.OtherDirInstalled=The program is installed in %1. An upgrade must go into the same folder, or a second copy would stay behind: leave out /DIR or use /DIR="%1" (asked: %2).

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundled runtime completely, so no module of the old version lingers.
; Only inside {app}; the user's data folder is elsewhere (and a portable data\ folder is left alone).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; Never ship a portable marker or portable data that happen to lie in dist\ (a developer's test run):
; an installed copy with portable.txt would keep the data in Program Files, where users cannot write.
Source: "{#DistDir}\*"; DestDir: "{app}"; Excludes: "\portable.txt,\data,\data\*"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:AppDisplayName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{cm:AppDisplayName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
; Started as the user who ran setup (not as the elevated admin), so the data lands in their profile.
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{cm:AppDisplayName}}"; Flags: nowait postinstall skipifsilent runasoriginaluser

[UninstallDelete]
; Files the program may have created inside {app} (Python caches). Never {app}\data (portable mode).
Type: filesandordirs; Name: "{app}\_internal"

[Code]
const
  // Written by every version of this setup (AppId + "_is1"): the installed version and folder.
  UninstallKey = '{#UninstallKeyName}';

var
  RemoveUserData: Boolean;

// The per-user data folder of platformdirs.user_data_dir('hazard_desktop', 'hazard_desktop', roaming=False)
// is %LOCALAPPDATA%\hazard_desktop\hazard_desktop; its parent is removed. In an elevated uninstall the
// local-appdata constant is the profile of the account that elevated: the dialog shows the exact path.
function UserDataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\hazard_desktop');
end;

// Where versions up to 0.1 kept the data (roaming AppData); after the one-time move it holds the
// renamed original database (hazard_desktop-moved-*.db), removed together with the data when ticked.
function OldRoamingDataDir(): String;
begin
  Result := ExpandConstant('{userappdata}\hazard_desktop');
end;

// "1.2.3", "1.2.3.4", "1.2rc1" -> four 16-bit parts packed into an Int64 (as gen_version_info.numeric()).
function PackedVersion(Value: String): Int64;
var
  I, Count: Integer;
  Part: Int64;
  Parts: array[0..3] of Int64;
begin
  for I := 0 to 3 do
    Parts[I] := 0;
  Count := 0;
  Part := 0;
  I := 1;
  while (I <= Length(Value)) and (Count < 4) do
  begin
    if (Value[I] >= '0') and (Value[I] <= '9') then
      Part := Part * 10 + (Ord(Value[I]) - Ord('0'))
    else if Value[I] = '.' then
    begin
      Parts[Count] := Part;
      Count := Count + 1;
      Part := 0;
    end
    else
      Break;
    I := I + 1;
  end;
  if Count < 4 then
    Parts[Count] := Part;
  Result := ((Parts[0] * 65536 + Parts[1]) * 65536 + Parts[2]) * 65536 + Parts[3];
end;

function Refuse(const Text: String): Boolean;
begin
  Log(Text);
  SuppressibleMsgBox(Text, mbCriticalError, MB_OK, IDOK);
  Result := False;
end;

// Runs before anything is installed; False ends setup with exit code 1 (also when silent).
function InitializeSetup(): Boolean;
var
  InstalledVersion, InstalledDir, AskedDir: String;
begin
  Result := True;
  if RegQueryStringValue(HKLM, UninstallKey, 'DisplayVersion', InstalledVersion) and
     (PackedVersion(InstalledVersion) > PackedVersion('{#AppVersionNumeric}')) then
  begin
    Result := Refuse(FmtMessage(CustomMessage('NewerInstalled'), [InstalledVersion, '{#AppVersion}']));
    exit;
  end;
  // /DIR= overrides UsePreviousAppDir: an upgrade into another folder would leave a second copy behind.
  AskedDir := ExpandConstant('{param:DIR|}');
  if (AskedDir <> '') and RegQueryStringValue(HKLM, UninstallKey, 'Inno Setup: App Path', InstalledDir) and
     (CompareText(RemoveBackslashUnlessRoot(ExpandFileName(AskedDir)),
                  RemoveBackslashUnlessRoot(InstalledDir)) <> 0) then
    Result := Refuse(FmtMessage(CustomMessage('OtherDirInstalled'), [InstalledDir, AskedDir]));
end;

// The data page of the uninstaller: an unticked box. Returns False when the user cancels.
function AskRemoveUserData(): Boolean;
var
  Form: TSetupForm;
  Info: TNewStaticText;
  Box: TNewCheckBox;
  OkButton, CancelButton: TNewButton;
begin
#if Ver >= EncodeVer(6, 6, 0)
  Form := CreateCustomForm(ScaleX(480), ScaleY(230), False, False);
#else
  Form := CreateCustomForm();
  Form.ClientWidth := ScaleX(480);
  Form.ClientHeight := ScaleY(230);
#endif
  try
    Form.Caption := CustomMessage('RemoveDataCaption');

    Info := TNewStaticText.Create(Form);
    Info.Parent := Form;
    Info.AutoSize := False;
    Info.WordWrap := True;
    Info.Left := ScaleX(16);
    Info.Top := ScaleY(16);
    Info.Width := Form.ClientWidth - ScaleX(32);
    Info.Height := ScaleY(120);
    Info.Caption := FmtMessage(CustomMessage('RemoveDataInfo'), [UserDataDir()]);

    Box := TNewCheckBox.Create(Form);
    Box.Parent := Form;
    Box.Left := ScaleX(16);
    Box.Top := Info.Top + Info.Height + ScaleY(8);
    Box.Width := Form.ClientWidth - ScaleX(32);
    Box.Height := ScaleY(20);
    Box.Caption := CustomMessage('RemoveDataCheck');
    Box.Checked := False;

    CancelButton := TNewButton.Create(Form);
    CancelButton.Parent := Form;
    CancelButton.Width := ScaleX(88);
    CancelButton.Height := ScaleY(25);
    CancelButton.Left := Form.ClientWidth - ScaleX(16) - CancelButton.Width;
    CancelButton.Top := Form.ClientHeight - ScaleY(14) - CancelButton.Height;
    CancelButton.Caption := SetupMessage(msgButtonCancel);
    CancelButton.ModalResult := mrCancel;
    CancelButton.Cancel := True;

    OkButton := TNewButton.Create(Form);
    OkButton.Parent := Form;
    OkButton.Width := CancelButton.Width;
    OkButton.Height := CancelButton.Height;
    OkButton.Left := CancelButton.Left - ScaleX(10) - OkButton.Width;
    OkButton.Top := CancelButton.Top;
    OkButton.Caption := CustomMessage('RemoveDataContinue');
    OkButton.ModalResult := mrOk;
    OkButton.Default := True;

    Form.ActiveControl := OkButton;
    Result := Form.ShowModal() = mrOk;
    RemoveUserData := Result and Box.Checked;
  finally
    Form.Free();
  end;
end;

function InitializeUninstall(): Boolean;
begin
  RemoveUserData := False;
  if UninstallSilent() then
    Result := True  // scripted uninstall (IT): the data is always kept
  else
    Result := AskRemoveUserData();
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and RemoveUserData and DirExists(UserDataDir()) then
  begin
    Log('Deleting the user data folder ' + UserDataDir() + ' (ticked by the user)');
    if not DelTree(UserDataDir(), True, True, True) then
      MsgBox(FmtMessage(CustomMessage('RemoveDataFailed'), [UserDataDir()]), mbError, MB_OK);
  end;
  if (CurUninstallStep = usPostUninstall) and RemoveUserData and DirExists(OldRoamingDataDir()) then
  begin
    Log('Deleting the old roaming data folder ' + OldRoamingDataDir() + ' (ticked by the user)');
    if not DelTree(OldRoamingDataDir(), True, True, True) then
      MsgBox(FmtMessage(CustomMessage('RemoveDataFailed'), [OldRoamingDataDir()]), mbError, MB_OK);
  end;
end;
