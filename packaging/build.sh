#!/usr/bin/env bash
# Linux build of Bălți Monitor: PyInstaller onedir from build_installer.spec, headless smoke checks of the
# built programs, size report, and a compile check of the Windows installer script.
#
#   bash packaging/build.sh [--skip-nsis]
#
# Needs: the project installed in the running Python (`python -m pip install -e ".[test]"`, which includes
# PyInstaller), and for the installer check Debian's `nsis` package (makensis). Environment:
#   PYTHON            the Python to build with (default: python3)
#   BALTI_DIST_DIR    where the onedir folder goes (default: dist/)            -> $BALTI_DIST_DIR/BaltiMonitor
#   BALTI_BUILD_DIR   PyInstaller's work folder (default: build/pyinstaller/)
#   BALTI_SIZE_BUDGET_MB  fail when the onedir is bigger (default: 180, issue 13)
#
# IMPORTANT: this builds a LINUX program. The Windows installer for the office PC must be built on Windows
# from the Windows onedir with packaging/build_windows.ps1 (PyInstaller cannot cross-compile). The NSIS
# step below compiles packaging/installer.nsi against the Linux folder only to prove that the script
# compiles; that throw-away .exe is deleted at once.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
DIST="${BALTI_DIST_DIR:-$ROOT/dist}"
WORK="${BALTI_BUILD_DIR:-$ROOT/build/pyinstaller}"
BUDGET="${BALTI_SIZE_BUDGET_MB:-192}"  # issue 13: <= 180 MB with charts; + 10.5 MB PostgreSQL client (issue 18)
SKIP_NSIS=0
for arg in "$@"; do
  case "$arg" in
    --skip-nsis) SKIP_NSIS=1 ;;
    *) echo "usage: $0 [--skip-nsis]" >&2; exit 2 ;;
  esac
done

if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
  echo "PyInstaller is missing: python -m pip install -e \".[test]\" (or \".[build]\")" >&2
  exit 2
fi
if ! "$PYTHON" -c "import importlib.metadata as m; m.version('balti-monitor')" 2>/dev/null; then
  echo "balti-monitor is not installed in $PYTHON: python -m pip install -e \".[test]\"" >&2
  exit 2
fi
VERSION="$("$PYTHON" -c 'import balti_monitor; print(balti_monitor.__version__)')"
VERSION_NUM="$("$PYTHON" -c 'import re, balti_monitor as b; n = [int(x) for x in re.findall(r"\d+", b.__version__.split("+")[0])[:4]]; print(".".join(map(str, n + [0] * (4 - len(n)))))')"
APP="$DIST/BaltiMonitor"

echo "== PyInstaller: Bălți Monitor $VERSION -> $APP"
start_ns=$(date +%s%N)
# QT_QPA_PLATFORM: PyInstaller's Qt hooks start Qt to ask for its paths; no screen is needed for that.
QT_QPA_PLATFORM=offscreen QT_API=pyside6 "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" build_installer.spec
build_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
build_time="$((build_ms / 1000)).$((build_ms % 1000 / 100)) s"
echo "== Build time: $build_time"

echo "== Size"
size_ok=0
"$PYTHON" packaging/size_report.py "$APP" --budget-mb "$BUDGET" || size_ok=$?

echo "== Smoke checks (headless)"
smoke_ok=0
"$PYTHON" packaging/smoke_frozen.py "$APP" --expect-version "$VERSION" --report "$WORK/smoke-report.json" \
  --screenshots "$WORK/screenshots" || smoke_ok=$?

nsis_ok=0
nsis_state=skipped
if [ "$SKIP_NSIS" = 1 ]; then
  echo "== NSIS: skipped (--skip-nsis)"
elif ! command -v makensis >/dev/null 2>&1; then
  echo "== NSIS: makensis not found (apt-get install nsis); the installer script was NOT compiled"
  nsis_state="not compiled (no makensis)"
else
  echo "== NSIS: compile check of packaging/installer.nsi against the Linux folder (not an installer to ship)"
  check_exe="$WORK/installer-compile-check-LINUX-NOT-FOR-WINDOWS.exe"
  makensis -WX -V2 -DNO_COMPRESSION -DVERSION="$VERSION" -DVERSION_NUM="$VERSION_NUM" \
    -DSOURCE_DIR="$APP" -DOUTFILE="$check_exe" -DICON="$ROOT/ui/icons/balti_monitor.ico" \
    packaging/installer.nsi || nsis_ok=$?
  rm -f "$check_exe"
  if [ "$nsis_ok" = 0 ]; then
    nsis_state="compiles (makensis $(makensis -VERSION))"
  else
    nsis_state=FAILED
  fi
fi

echo "== Summary: build $build_time; size $([ "$size_ok" = 0 ] && echo "within ${BUDGET} MB" || echo OVER BUDGET);" \
  "smoke $([ "$smoke_ok" = 0 ] && echo passed || echo FAILED); installer script $nsis_state"
[ "$size_ok" = 0 ] && [ "$smoke_ok" = 0 ] && [ "$nsis_ok" = 0 ]
