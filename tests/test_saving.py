"""Saves that respect the file: mode, owner, symlinks, read-only files, stale temporary files, kill -9."""
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from decimal import Decimal

import pytest

from model import storage
from model.factory import new_document
from tests.conftest import ROOT, example_path

POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX modes, owners and links")


def saved(tmp_path, name="doc.jxzp", unit="原单位"):
    path = tmp_path / name
    storage.save(new_document(unit, 2024), path)
    return path


@POSIX
def test_mode_is_kept_and_a_new_file_gets_the_usual_mode(tmp_path):
    path = saved(tmp_path)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask  # not tempfile's 0600
    path.chmod(0o640)
    storage.save(new_document("新单位", 2024), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert storage.load(path).unit.name == "新单位"


@POSIX
@pytest.mark.skipif(os.name == "posix" and os.geteuid() != 0, reason="only root can give a file to someone else")
def test_owner_is_kept(tmp_path):
    path = saved(tmp_path)
    os.chown(path, 4321, 4321)
    storage.save(new_document("新单位", 2024), path)
    status = path.stat()
    assert (status.st_uid, status.st_gid) == (4321, 4321)


@POSIX
def test_a_symlink_is_written_through(tmp_path):
    target = saved(tmp_path, "real.jxzp")
    link = tmp_path / "link.jxzp"
    link.symlink_to(target)
    storage.save(new_document("新单位", 2024), link)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert storage.load(target).unit.name == "新单位"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.jxzp", "real.jxzp"]


def test_a_read_only_file_is_not_replaced_unless_asked(tmp_path):
    path = saved(tmp_path)
    before = path.read_bytes()
    path.chmod(0o444)  # refused even for root: the mode says read-only
    try:
        with pytest.raises(storage.ReadOnlyError, match="只读"):
            storage.save(new_document("新单位", 2024), path)
        assert path.read_bytes() == before
        assert [p.name for p in tmp_path.iterdir()] == ["doc.jxzp"]
        storage.save(new_document("新单位", 2024), path, replace_read_only=True)
        assert storage.load(path).unit.name == "新单位"
        assert not path.stat().st_mode & 0o222  # still read-only afterwards
    finally:
        path.chmod(0o644)


def test_stale_temporary_files_of_the_document_are_removed(tmp_path):
    path = saved(tmp_path)
    stale = [tmp_path / ".doc.jxzp.k2j4h5g6.tmp", tmp_path / ".doc.jxzp.a_b_c_d_.tmp"]
    keep = [tmp_path / ".doc.jxzp.notes.tmp", tmp_path / ".other.jxzp.k2j4h5g6.tmp", tmp_path / "doc.jxzp.bak"]
    for leftover in stale + keep:
        leftover.write_text("x")
    storage.save(new_document("新单位", 2024), path)
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in keep)


def test_an_unwritable_path_is_refused_even_for_root(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(storage.DocumentError) as caught:
        storage.save(new_document("单位", 2024), blocker / "sub" / "a.jxzp")  # a file is no folder, whoever you are
    assert "无法保存" in str(caught.value) and "Errno" not in str(caught.value)
    assert blocker.read_text() == "x"
    readonly = tmp_path / "ro"
    readonly.mkdir()
    readonly.chmod(0o500)
    try:
        if not os.access(readonly, os.W_OK):  # root ignores folder permissions: the case above covers it
            with pytest.raises(storage.DocumentError, match="权限"):
                storage.save(new_document("单位", 2024), readonly / "a.jxzp")
    finally:
        readonly.chmod(0o700)


def test_saving_onto_a_folder_is_refused(tmp_path):
    (tmp_path / "x.jxzp").mkdir()
    with pytest.raises(storage.DocumentError, match="是文件夹"):
        storage.save(new_document("单位", 2024), tmp_path / "x.jxzp")


def test_os_errors_come_in_chinese(tmp_path, monkeypatch):
    path = saved(tmp_path)

    def full(_src, _dst):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(storage.DocumentError) as caught:
        storage.save(new_document("新单位", 2024), path)
    assert "磁盘空间不足" in str(caught.value) and "No space" not in str(caught.value)


def test_a_change_by_another_program_is_noticed(tmp_path):
    path = saved(tmp_path)
    _doc, stamp = storage.load_stamped(path)
    assert not storage.changed_since(path, stamp)
    os.utime(path, ns=(stamp.mtime_ns + 5 * 10 ** 9, stamp.mtime_ns + 5 * 10 ** 9))  # touched, same bytes
    assert not storage.changed_since(path, stamp)
    path.write_bytes(path.read_bytes().replace("原单位".encode(), "他单位".encode()))
    assert storage.changed_since(path, stamp)
    new_stamp = storage.save(new_document("我的", 2024), path)
    assert not storage.changed_since(path, new_stamp)
    path.unlink()
    assert storage.changed_since(path, new_stamp)


SAVER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from model import storage
    docs = [storage.load({a!r}), storage.load({b!r})]
    print("READY", flush=True)
    number = 0
    while True:
        storage.save(docs[number % 2], {target!r})
        number += 1
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_9_during_saves_leaves_old_or_new_and_the_next_save_cleans_up(tmp_path):
    a, b = example_path("lukou-2023"), example_path("tianyuan-2024")
    target = tmp_path / "work.jxzp"
    target.write_bytes(a.read_bytes())
    allowed = {a.read_bytes(), b.read_bytes()}
    code = SAVER.format(root=str(ROOT), a=str(a), b=str(b), target=str(target))
    for round_ in range(6):
        child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
        try:
            assert child.stdout.readline().startswith("READY")
            time.sleep(0.05 + 0.03 * round_)
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
        assert target.read_bytes() in allowed  # the old file or the new one, never half of one
        storage.load(target)
    storage.save(storage.load(a), target)
    assert [p.name for p in tmp_path.iterdir()] == ["work.jxzp"]  # no temporary file left


def test_a_document_that_would_not_open_again_is_never_written(tmp_path):
    """Whatever built it (an importer, a script): the bytes are read back before they are written."""
    path = saved(tmp_path)
    before = path.read_bytes()
    doc = new_document("株洲\x01市", 2024)
    with pytest.raises(storage.DocumentError, match="保存后将无法打开.*控制字符"):
        storage.save(doc, path)
    doc = new_document("单位", 2024)
    doc.overall.funding.annual = Decimal("1E+20")
    with pytest.raises(storage.DocumentError, match="数值过大"):
        storage.save(doc, path)
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["doc.jxzp"]
