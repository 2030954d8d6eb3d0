; Inno Setup script: the Windows installer of Second Opinion Organizer, from the one-folder
; PyInstaller build (packaging/organizer.spec). Built on a hosted Windows runner by
; .github/workflows/installers.yml, not on the Linux machine where `make package` runs:
;   iscc /DAppVersion=0.1.0 packaging\windows\organizer.iss
; Installs for the current user without administrator rights (the user may choose all users),
; adds a Start-menu entry and an uninstaller (Settings > Apps, or the Start-menu folder).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Second Opinion Organizer"
#define GuiExe "second-opinion-organizer.exe"
#define Root "..\.."

[Setup]
AppId={{6B1F3C52-9E0A-4D7B-A1C4-5E2F8D9B0A17}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The Second Opinion Organizer contributors
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=second-opinion-organizer-{#AppVersion}-windows-setup
SetupIconFile={#Root}\build\icons\second-opinion-organizer.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}
LicenseFile={#Root}\packaging\licences\GPL-3.0.txt
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\second-opinion-organizer\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"
Name: "{autoprograms}\{#AppName} (uninstall)"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The vaults live in the user's data folder, not in {app}: uninstalling never deletes records.
