; Inno Setup 6 script: stationapp-<version>-setup.exe for Windows 10 1809+ / 11, x64.
; Build (after packaging/build-frozen made build\frozen\stationapp\):
;   iscc /DAppVersion=0.1.0 packaging\windows\stationapp.iss
; The version comes from stationapp/__init__.py (.github/workflows/windows.yml reads it).
; Per-user install by default (no administrator needed); an administrator may choose
; "for all users" (per-machine, Program Files). Uninstalling never touches the ledger,
; backups or logs under %LOCALAPPDATA%\stationapp.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z stationapp.iss
#endif
#define AppName "stationapp"
#define Frozen "..\..\build\frozen\stationapp"

[Setup]
AppId={{6C0B5E61-3F0A-4C58-9C57-57A7D1A0F017}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=stationapp
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\stationapp
DefaultGroupName=党员服务社台账
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Windows 10 1809 = build 17763
MinVersion=10.0.17763
OutputDir=..\..\dist
OutputBaseFilename=stationapp-{#AppVersion}-setup
SetupIconFile=stationapp.ico
UninstallDisplayIcon={app}\stationapp.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.AppTitle=党员服务社台账
english.AppTitle=stationapp — service station ledger

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#Frozen}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:AppTitle}"; Filename: "{app}\stationapp.exe"
Name: "{autodesktop}\{cm:AppTitle}"; Filename: "{app}\stationapp.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\stationapp.exe"; Description: "{cm:LaunchProgram,{cm:AppTitle}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program wrote beside itself; the user's data folder is left alone.
Type: filesandordirs; Name: "{app}\__pycache__"
