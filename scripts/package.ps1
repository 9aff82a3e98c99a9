# Builds the Windows 10/11 package of 绩效自评填报 and smoke-tests it:
#   dist\绩效自评填报\                          the onedir folder: 绩效自评填报.exe (window) and jxzp.exe
#   dist\jxzp-<version>-windows-<arch>.zip     the folder, to unzip anywhere (no admin rights needed)
# Usage (PowerShell 5.1 or 7, from a clone, with Python 3.11 installed):
#   powershell -ExecutionPolicy Bypass -File scripts\package.ps1
# This file is saved as UTF-8 with a BOM so that Windows PowerShell 5.1 reads its Chinese text.
# The bundle's own names (Chinese) are left to the Python tools, so no Chinese path passes through
# PowerShell's console code page.
$ErrorActionPreference = 'Stop'
Set-Location (Split-Path -Parent $PSScriptRoot)

function Invoke-Step([string]$what, [scriptblock]$command) {
    Write-Host "== $what"
    & $command
    if ($LASTEXITCODE -ne 0) { throw "失败：$what（退出码 $LASTEXITCODE）" }
}

# Python 3.11: the py launcher if it has 3.11, else python on PATH (as actions/setup-python leaves it).
$python = 'python'
$pythonArgs = @()
if (Get-Command py -ErrorAction SilentlyContinue) {
    $ErrorActionPreference = 'Continue'  # Windows PowerShell 5.1 turns a native program's stderr into errors
    & py -3.11 -c "import sys" *> $null
    $found = ($LASTEXITCODE -eq 0)
    $ErrorActionPreference = 'Stop'
    if ($found) { $python = 'py'; $pythonArgs = @('-3.11') }
}
if (-not (Get-Command $python -ErrorAction SilentlyContinue)) { throw '错误：需要 Python 3.11（https://www.python.org/）。' }
$venvPython = Join-Path '.venv' 'Scripts\python.exe'
if (-not (Test-Path $venvPython)) {
    Invoke-Step 'create .venv' { & $python @pythonArgs -m venv .venv }
}
Invoke-Step 'pip install -r requirements-build.txt' {
    & $venvPython -m pip install --quiet --disable-pip-version-check -r requirements-build.txt
}

if (Test-Path build) { Remove-Item build -Recurse -Force }
$env:PYTHONUTF8 = '1'  # the build tools print Chinese names; keep them readable in any console code page
Invoke-Step 'PyInstaller' { & $venvPython -m PyInstaller --noconfirm --clean --log-level WARN build.spec }
Invoke-Step 'zip' { & $venvPython tools\make_packages.py }
Invoke-Step 'smoke test' { & $venvPython tools\smoke_bundle.py }
Get-ChildItem dist -Filter *.zip | ForEach-Object { Write-Host ("done: {0} ({1:N1} MB)" -f $_.Name, ($_.Length / 1MB)) }
