; hazard_desktop — Inno Setup 6 script: per-machine install of the one-folder build, Chinese + English.
;
; Build (Windows, from the project root, after `pyinstaller installer\hazard_desktop.spec` and
; `python installer\dist_check.py`):
;     python installer\gen_version_info.py
;     iscc installer\windows\hazard_desktop.iss
; Output: installer\build\installer\hazard_desktop-<version>-setup.exe
;
; What it guarantees (docs/INSTALL-IT.md):
; * one product identity for ever: AppId below never changes, so a newer setup upgrades in place
;   (same folder, UsePreviousAppDir) and Windows lists the program once;
; * it never touches the user's data folder (%APPDATA%\hazard_desktop) on install or upgrade; the
;   program itself backs up and migrates the database on its first start after an upgrade;
; * uninstall removes the data folder only when the user ticks the (unticked) box; never when silent;
; * setup and uninstall refuse to run while the program runs (AppMutex = hazard_desktop/winmutex.py).
;
; ChineseSimplified.isl is an *unofficial* Inno Setup translation: it is not installed with every
; Inno Setup version. It is looked up next to this script (languages\), then in the compiler's
; Languages and Languages\Unofficial folders; the CI workflow downloads it into languages\.

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

#if FileExists(AddBackslash(SourcePath) + "languages\ChineseSimplified.isl")
  #define ChineseIsl AddBackslash(SourcePath) + "languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ChineseIsl "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\ChineseSimplified.isl")
  #define ChineseIsl "compiler:Languages\Unofficial\ChineseSimplified.isl"
#else
  #error "ChineseSimplified.isl not found: put it into installer\windows\languages\ (see docs/INSTALL-IT.md)"
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
MinVersion=10.0
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

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundled runtime completely, so no module of the old version lingers.
; Only inside {app}; the user's data folder is elsewhere (and a portable data\ folder is left alone).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

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
var
  RemoveUserData: Boolean;

// The per-user data folder of platformdirs.user_data_dir('hazard_desktop', 'hazard_desktop', roaming=True)
// is %APPDATA%\hazard_desktop\hazard_desktop; its parent is removed. In an elevated uninstall the
// user-appdata constant is the profile of the account that elevated: the dialog shows the exact path.
function UserDataDir(): String;
begin
  Result := ExpandConstant('{userappdata}\hazard_desktop');
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
end;
