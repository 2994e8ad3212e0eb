;  Bălți Monitor - Windows installer (NSIS 3, Unicode). Per user: no administrator rights needed.
;
;  Built by packaging/build_windows.ps1 on Windows from the Windows onedir folder dist\BaltiMonitor:
;    makensis /DVERSION=0.1.0 /DVERSION_NUM=0.1.0.0 /DSOURCE_DIR=...\dist\BaltiMonitor
;             /DOUTFILE=...\dist\BaltiMonitor-Setup-0.1.0.exe packaging\installer.nsi
;  packaging/build.sh compiles it on Linux against the Linux onedir ONLY to check that the script compiles;
;  that .exe contains Linux files and must never be given to anybody.
;
;  What it does:
;  * installs into %LOCALAPPDATA%\Programs\Balti Monitor (RequestExecutionLevel user, HKCU only);
;  * a Start-menu shortcut and a desktop shortcut to BaltiMonitor.exe;
;  * registers its uninstaller under HKCU\...\Uninstall\BaltiMonitor ("Aplicații instalate");
;  * registers NO file association and writes nothing under Software\Classes;
;  * never touches %APPDATA%\Balti Monitor, the folder of the specialist's database and its backups:
;    not on install, not on upgrade (the program files are replaced, the data folder is elsewhere),
;    not on uninstall.

Unicode true
ManifestDPIAware true
!ifdef NO_COMPRESSION  ; build.sh's compile check on Linux: faster, same script otherwise
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif
RequestExecutionLevel user

!ifndef VERSION
  !error "Lipsește versiunea: makensis /DVERSION=0.1.0 ... (build_windows.ps1 o ia din balti_monitor.__version__)"
!endif
!ifndef VERSION_NUM
  !define VERSION_NUM "${VERSION}.0"
!endif
!ifndef SOURCE_DIR
  !define SOURCE_DIR "..\dist\BaltiMonitor"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\dist\BaltiMonitor-Setup-${VERSION}.exe"
!endif
!ifndef ICON
  !define ICON "..\ui\icons\balti_monitor.ico"
!endif

!define APP_NAME "Bălți Monitor"
!define APP_DIR_NAME "Balti Monitor"
!define APP_EXE "BaltiMonitor.exe"
!define CLI_EXE "balti-monitor-cli.exe"
!define UNINSTALLER "Dezinstalare.exe"
!define PUBLISHER "Primăria municipiului Bălți"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\BaltiMonitor"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_DIR_NAME}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
ShowInstDetails nevershow
ShowUninstDetails nevershow
BrandingText "${PUBLISHER}"

VIProductVersion "${VERSION_NUM}"
VIFileVersion "${VERSION_NUM}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "Instalarea ${APP_NAME} ${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "© ${PUBLISHER}"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "WinVer.nsh"
!include "x64.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "Programul ${APP_NAME} ${VERSION} va fi instalat pentru utilizatorul curent, fără drepturi de administrator.$\r$\n$\r$\nBaza de date și copiile ei de rezervă stau în dosarul %APPDATA%\${APP_DIR_NAME} și rămân neatinse la actualizare și la dezinstalare.$\r$\n$\r$\nApăsați Înainte pentru a continua."
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "Programul ${APP_NAME} va fi dezinstalat. Baza de date din %APPDATA%\${APP_DIR_NAME} NU va fi ștearsă."

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Romanian"

Function .onInit
  SetShellVarContext current
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastBuild} 17763
    MessageBox MB_OK|MB_ICONSTOP "${APP_NAME} necesită Windows 10 (versiunea 1809 sau mai nouă) ori Windows 11, pe 64 de biți."
    Abort
  ${EndIf}
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

Section "${APP_NAME}" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; Upgrade: the previous version's program files go first, so no stale library of it stays behind.
  ; Only the files this installer puts there are removed; the database is not in this folder.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  File /r "${SOURCE_DIR}\*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
    SW_SHOWNORMAL "" "Monitorizarea Planului local anticorupție"
  CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
    SW_SHOWNORMAL "" "Monitorizarea Planului local anticorupție"

  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  ; Only what the installer put in the program folder; %APPDATA%\Balti Monitor (the database) stays.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINST_KEY}"
SectionEnd
