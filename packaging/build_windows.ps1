<#
.SYNOPSIS
  Builds the Windows installer of Balti Monitor: dist\BaltiMonitor-Setup-<version>.exe

.DESCRIPTION
  For IT, on a Windows 10/11 x64 PC (the oldest Windows the office runs is best), from a clean copy of the
  repository. Needs, once:
    * Python 3.11 x64 from python.org (same minor version as CI), with the "py" launcher;
    * NSIS 3 (https://nsis.sourceforge.io, or: winget install NSIS.NSIS).
  Run in PowerShell from the repository folder:
    powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1

  Steps: a build virtual environment .venv-build with the project and PyInstaller (pip install -e ".[build]"),
  PyInstaller on build_installer.spec -> dist\BaltiMonitor (onedir), size report, the headless smoke checks
  (balti-monitor-cli.exe --version, demo, check, export; BaltiMonitor.exe shows its window and closes), then
  makensis packaging\installer.nsi -> dist\BaltiMonitor-Setup-<version>.exe and its SHA-256.
  The file to hand out is only dist\BaltiMonitor-Setup-<version>.exe.

.PARAMETER Python
  The Python 3.11 to create the build environment with (default: "py -3.11", else "python").

.PARAMETER MakeNsis
  Path of makensis.exe (default: from PATH or the usual NSIS install folders).

.PARAMETER SkipSmoke
  Do not run the smoke checks (not for a release).
#>
[CmdletBinding()]
param(
  [string]$Python = "",
  [string]$MakeNsis = "",
  [switch]$SkipSmoke
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Invoke-Checked {
  param([string]$Exe, [string[]]$Arguments)
  & $Exe @Arguments
  if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

# --- Python and the build environment ----------------------------------------------------------------
if (-not $Python) {
  if (Get-Command py -ErrorAction SilentlyContinue) {
    $Python = (& py -3.11 -c "import sys; print(sys.executable)")
    if ($LASTEXITCODE -ne 0) { throw "Python 3.11 not found by the py launcher: install Python 3.11 x64 from python.org" }
  } else {
    $Python = "python"
  }
}
$venv = Join-Path $Root ".venv-build"
$py = Join-Path $venv "Scripts\python.exe"
if (-not (Test-Path $py)) {
  Write-Host "== Creating $venv with $Python"
  Invoke-Checked $Python @("-m", "venv", $venv)
}
Invoke-Checked $py @("-c", "import sys, struct; assert sys.version_info[:2] == (3, 11) and struct.calcsize('P') == 8, 'need 64-bit Python 3.11, got ' + sys.version")
Invoke-Checked $py @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
Invoke-Checked $py @("-m", "pip", "install", "--quiet", "-e", ".[build]")
$version = (& $py -c "import balti_monitor; print(balti_monitor.__version__)").Trim()
$versionNum = (& $py -c "import re, balti_monitor as b; n = [int(x) for x in re.findall(r'\d+', b.__version__.split('+')[0])[:4]]; print('.'.join(map(str, n + [0] * (4 - len(n)))))").Trim()
$app = Join-Path $Root "dist\BaltiMonitor"
$work = Join-Path $Root "build\pyinstaller"

# --- PyInstaller onedir --------------------------------------------------------------------------------
Write-Host "== PyInstaller: Balti Monitor $version -> $app"
$clock = [Diagnostics.Stopwatch]::StartNew()
$env:QT_API = "pyside6"
Invoke-Checked $py @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
  "--distpath", (Join-Path $Root "dist"), "--workpath", $work, "build_installer.spec")
$clock.Stop()
Write-Host ("== Build time: {0:N1} s" -f $clock.Elapsed.TotalSeconds)

Write-Host "== Size"
Invoke-Checked $py @("packaging\size_report.py", $app, "--budget-mb", "150")

if (-not $SkipSmoke) {
  Write-Host "== Smoke checks"
  Invoke-Checked $py @("packaging\smoke_frozen.py", $app, "--expect-version", $version,
    "--report", (Join-Path $work "smoke-report.json"), "--screenshots", (Join-Path $work "screenshots"))
}

# --- NSIS installer ------------------------------------------------------------------------------------
if (-not $MakeNsis) {
  $candidates = @()
  $onPath = Get-Command makensis -ErrorAction SilentlyContinue
  if ($onPath) { $candidates += $onPath.Source }
  $candidates += @("${env:ProgramFiles(x86)}\NSIS\makensis.exe", "$env:ProgramFiles\NSIS\makensis.exe")
  $MakeNsis = $candidates | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
  if (-not $MakeNsis) { throw "makensis.exe not found: install NSIS 3 (winget install NSIS.NSIS) or pass -MakeNsis" }
}
$setup = Join-Path $Root "dist\BaltiMonitor-Setup-$version.exe"
Write-Host "== NSIS: $setup"
Invoke-Checked $MakeNsis @("/V2", "/WX", "/DVERSION=$version", "/DVERSION_NUM=$versionNum", "/DSOURCE_DIR=$app",
  "/DOUTFILE=$setup", "/DICON=$(Join-Path $Root 'ui\icons\balti_monitor.ico')", "packaging\installer.nsi")

$hash = (Get-FileHash $setup -Algorithm SHA256).Hash
$sizeMb = (Get-Item $setup).Length / 1MB
Write-Host ("== Done: {0} ({1:N1} MB), SHA-256 {2}" -f $setup, $sizeMb, $hash)
