"""The .deb layout and metadata (tools/make_packages.py), the archive, and the bundled jxzp handing
Qt commands to the window program (cli/bundle.py) — built from a tiny fake bundle, in seconds."""
import configparser
import json
import os
import shutil
import stat
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from model.version import APP_ID, VERSION
from tests.conftest import ROOT
from tools import bundle_plan as plan
from tools import make_packages as packages


@pytest.fixture
def fake_bundle(tmp_path):
    bundle = tmp_path / "dist" / plan.BUNDLE_NAME
    (bundle / "_internal" / "resources").mkdir(parents=True)
    for name in (plan.WINDOW_PROGRAM, plan.CLI_PROGRAM):
        program = bundle / name
        program.write_text("#!/bin/sh\necho ok\n", encoding="utf-8")
        program.chmod(0o755)
    (bundle / "_internal" / "resources" / "data.txt").write_text("数据", encoding="utf-8")
    (bundle / "_internal" / "libfoo.so.1").write_bytes(b"\x7fELF")
    (bundle / "_internal" / "libfoo.so").symlink_to("libfoo.so.1")
    return bundle


def test_control_file():
    text = packages.control("amd64", 12345, "2.36")
    fields = dict(line.split(": ", 1) for line in text.splitlines() if not line.startswith(" "))
    assert fields["Package"] == APP_ID and fields["Version"] == VERSION and fields["Architecture"] == "amd64"
    assert fields["Installed-Size"] == "12345"
    assert fields["Depends"].startswith("libc6 (>= 2.36), libegl1, libgl1")
    assert "libcups2" in fields["Recommends"]
    assert text.endswith("\n") and "\n \n" not in text  # an empty description line would need " ."


def test_desktop_entry_starts_the_window_program_by_its_full_path():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read_string(packages.desktop_entry())
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Name"] == "绩效自评填报" and entry["Icon"] == APP_ID
    assert entry["Exec"] == f'"/opt/apps/{APP_ID}/files/{plan.WINDOW_PROGRAM}" %f'
    assert entry["Terminal"] == "false" and "application/x-jxzp" in entry["MimeType"]


def test_uos_info_file():
    info = json.loads(packages.info("arm64"))
    assert info["appid"] == APP_ID and info["arch"] == ["arm64"] and info["name"] == "绩效自评填报"
    assert info["version"] == VERSION + ".0" and all(part.isdigit() for part in info["version"].split("."))
    assert not any(info["permissions"].values())


def test_deb_tree_layout(fake_bundle, tmp_path):
    tree = packages.deb_tree(fake_bundle, tmp_path / "staging", "amd64", "2.36")
    app = tree / "opt" / "apps" / APP_ID
    assert sorted(p.name for p in (tree / "opt" / "apps").iterdir()) == [APP_ID]  # nothing outside /opt/apps/<appid>
    assert sorted(p.name for p in app.iterdir()) == ["entries", "files", "info"]
    assert (app / "files" / plan.WINDOW_PROGRAM).stat().st_mode & stat.S_IXOTH
    assert (app / "files" / "_internal" / "libfoo.so").is_symlink()
    assert (app / "entries" / "applications" / f"{APP_ID}.desktop").is_file()
    assert (app / "entries" / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").is_file()
    assert (app / "entries" / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (app / "entries" / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    assert sorted(p.name for p in (tree / "DEBIAN").iterdir()) == ["control", "md5sums"]  # no maintainer scripts
    sums = (tree / "DEBIAN" / "md5sums").read_text(encoding="utf-8")
    assert f"opt/apps/{APP_ID}/files/_internal/resources/data.txt" in sums and "libfoo.so\n" not in sums


@pytest.mark.skipif(not shutil.which("dpkg-deb"), reason="needs dpkg-deb")
def test_built_deb_installs_only_under_opt_apps(fake_bundle, tmp_path, monkeypatch):
    monkeypatch.setattr(packages, "glibc_required", lambda folder: "2.17")
    deb = packages.make_deb(fake_bundle, tmp_path, "amd64")
    assert deb.name == plan.deb_name("amd64")
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True).stdout
    paths = [line.split()[5] for line in listing.splitlines()]
    assert all(p in ("./", "./opt/", "./opt/apps/") or p.startswith(f"./opt/apps/{APP_ID}/") for p in paths), paths
    assert all(line.split()[1] == "root/root" for line in listing.splitlines())
    members = subprocess.run(["dpkg-deb", "--ctrl-tarfile", str(deb)], capture_output=True, check=True).stdout
    names = subprocess.run(["tar", "-t"], input=members, capture_output=True, check=True).stdout.decode().split()
    assert sorted(n for n in names if n not in ("./",)) == ["./control", "./md5sums"]


def test_archives_hold_the_folder_under_its_name(fake_bundle, tmp_path):
    linux = packages.make_archive(fake_bundle, tmp_path, plan.LINUX, "amd64")
    with tarfile.open(linux) as archive:
        names = archive.getnames()
        assert all(member.uid == 0 and member.uname == "root" for member in archive.getmembers())
    assert f"{plan.BUNDLE_NAME}/{plan.CLI_PROGRAM}" in names and f"{plan.BUNDLE_NAME}/_internal/libfoo.so" in names
    windows = packages.make_archive(fake_bundle, tmp_path, plan.WINDOWS, "x64")
    with zipfile.ZipFile(windows) as archive:
        info = archive.getinfo(f"{plan.BUNDLE_NAME}/_internal/resources/data.txt")
        assert info.flag_bits & 0x800  # names stored as UTF-8, which Windows' Explorer reads correctly


# --- the bundled jxzp hands Qt commands to the window program -----------------------------------

@pytest.fixture
def frozen_jxzp(tmp_path, monkeypatch):
    """As inside the bundle: sys.frozen set, sys.executable the jxzp program; the window program a script."""
    folder = tmp_path / "程序 文件夹"
    folder.mkdir()
    window = folder / plan.WINDOW_PROGRAM
    window.write_text(f"#!{sys.executable}\nimport sys\nprint('window', sys.argv[1:])\nsys.exit(7)\n",
                      encoding="utf-8")
    window.chmod(0o755)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / plan.CLI_PROGRAM))
    return window


@pytest.mark.skipif(sys.platform == "win32", reason="the fake window program is a script with a #! line")
@pytest.mark.parametrize("argv", [["screenshot", "文档 1.jxzp", "--out", "截图"], ["print", "a.jxzp", "--pdf", "a.pdf"],
                                  ["文档 1.jxzp"], []])
def test_qt_commands_go_to_the_window_program(frozen_jxzp, argv, capfd):
    from cli import app, bundle
    assert bundle.qt_missing() and bundle.program_name() == "jxzp"
    if argv[:1] == ["print"] and "print" not in app.COMMANDS:
        pytest.skip("no print command in this version")
    assert app.main(argv) == 7
    assert capfd.readouterr().out == f"window {argv!r}\n"


def test_check_runs_in_jxzp_itself(frozen_jxzp, capsys):
    from cli import app
    assert app.main(["check", "--json", str(ROOT / "resources" / "examples" / "tianyuan-2024.jxzp")]) == 0
    assert json.loads(capsys.readouterr().out)["forms"][1]["total_score"] == "92.93"


def test_missing_window_program_is_a_chinese_message(frozen_jxzp, capsys):
    from cli import app
    frozen_jxzp.unlink()
    assert app.main(["screenshot", "a.jxzp"]) == 2
    assert "找不到窗口程序" in capsys.readouterr().err


def test_from_a_checkout_nothing_is_handed_over():
    from cli import bundle
    assert not bundle.qt_missing() and bundle.program_name() == "main.py"


def test_version_option():
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--version"], capture_output=True, text=True,
                            encoding="utf-8", timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == f"绩效自评填报 {VERSION}"
    result = subprocess.run([sys.executable, str(ROOT / "jxzp.py"), "--version"], capture_output=True, text=True,
                            encoding="utf-8", timeout=60)
    assert result.stdout.strip() == f"绩效自评填报 {VERSION}"
