"""Reading office files from outside: tables with merged cells come back as grids; hostile files are refused."""
import os
import resource
import time
import zipfile

import pytest

from importers import ImportRefused, Paragraph, read_office
from importers import convert as convert_module
from tests.conftest import example_path

WORD_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}'
            "</w:body></w:document>")


def docx_with(tmp_path, body, doctype="", name="a.docx"):
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", WORD_XML.format(doctype=doctype, body=body))
    return path


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    from exporters import export
    from model import storage
    folder = tmp_path_factory.mktemp("exports")
    return {path.suffix: path for path in export(storage.load(example_path("tianyuan-2024")), ["xlsx", "docx"], folder)
            if "报告" not in path.name}  # the forms, not the report beside them


def test_word_tables_keep_their_merged_cells(tmp_path):
    body = ("<w:p><w:r><w:t>项目支出绩效自评表</w:t></w:r></w:p>"
            "<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>绩</w:t></w:r>"
            "<w:r><w:br/><w:t>效</w:t></w:r></w:p></w:tc>"
            "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>一级指标</w:t></w:r></w:p></w:tc></w:tr>"
            "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
            "<w:tc><w:p><w:r><w:t>产出指标</w:t></w:r></w:p><w:p><w:r><w:t>(50分)</w:t></w:r></w:p></w:tc>"
            "<w:tc><w:p><w:r><w:delText>旧</w:delText><w:t xml:space=\"preserve\">10分 </w:t></w:r></w:p></w:tc></w:tr>"
            "</w:tbl>")
    result = read_office(docx_with(tmp_path, body))
    assert isinstance(result.blocks[0], Paragraph) and result.blocks[0].text == "项目支出绩效自评表"
    table = result.blocks[1]
    side = table.at(1, 0)
    assert side is table.at(0, 0) and side.text == "绩\n效" and side.rowspan == 2
    assert table.at(0, 2).text == "一级指标" and table.at(0, 1).colspan == 2
    assert table.at(1, 1).text == "产出指标\n(50分)" and table.at(1, 2).text == "10分 "


def test_our_own_exports_read_back_as_grids(exported):
    book = read_office(exported[".xlsx"])
    assert book.kind == "xlsx" and len(book.tables()) == 7  # 基础数据表, 整体表, 5 项目表
    overall = book.tables()[1]
    texts = [c.text for row in overall.rows() for c in row]
    assert "区级预算部门名称" in texts and "99.32%" in texts and "1820.23" in texts
    word = read_office(exported[".docx"])
    assert word.kind == "docx" and any("99.32%" in c.text for t in word.tables() for c in t.cells)


def test_a_zip_bomb_is_refused_quickly_with_little_memory(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/workbook.xml", "<workbook/>")
        with package.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as stream:
            block = b" " * (1 << 22)
            for _ in range(256):  # 1 GiB of spaces, a few MB on disk
                stream.write(block)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.monotonic()
    with pytest.raises(ImportRefused, match="压缩炸弹"):
        read_office(path)
    assert time.monotonic() - start < 5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024  # KiB


def test_a_part_inflating_far_beyond_its_size_is_refused(tmp_path, monkeypatch):
    from importers import safety
    monkeypatch.setattr(safety, "MAX_MEMBER_BYTES", 8 * 1024 * 1024)
    path = tmp_path / "big.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", b"<a>" + b" " * (9 * 1024 * 1024) + b"</a>")
    with pytest.raises(ImportRefused, match="压缩炸弹"):
        read_office(path)


def test_external_entities_leak_nothing(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    path = docx_with(tmp_path, "<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>", doctype)
    with pytest.raises(ImportRefused, match="DTD") as caught:
        read_office(path)
    assert "机密" not in str(caught.value)


def test_entity_expansion_is_refused(tmp_path):
    doctype = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
               '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>')
    with pytest.raises(ImportRefused, match="DTD"):
        read_office(docx_with(tmp_path, "<w:p><w:r><w:t>&lol3;</w:t></w:r></w:p>", doctype))


def test_a_truncated_file_gets_a_message(exported, tmp_path):
    for suffix in (".docx", ".xlsx"):
        raw = exported[suffix].read_bytes()
        path = tmp_path / f"cut{suffix}"
        path.write_bytes(raw[: len(raw) // 2])
        with pytest.raises(ImportRefused, match="损坏"):
            read_office(path)


def test_encrypted_renamed_empty_and_special_files(tmp_path, monkeypatch):
    encrypted = tmp_path / "加密.xlsx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(ImportRefused, match="密码"):
        read_office(encrypted)
    picture = tmp_path / "照片.docx"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(200))
    with pytest.raises(ImportRefused, match="不是 Excel"):
        read_office(picture)
    empty = tmp_path / "空.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(ImportRefused, match="空文件"):
        read_office(empty)
    with pytest.raises(ImportRefused, match="不是普通文件"):
        read_office(tmp_path)
    fifo = tmp_path / "管道.xlsx"
    os.mkfifo(fifo)
    with pytest.raises(ImportRefused, match="不是普通文件"):  # and never blocks
        read_office(fifo)
    with pytest.raises(ImportRefused, match="找不到"):
        read_office(tmp_path / "没有.docx")


def test_old_binary_files_without_libreoffice(tmp_path, monkeypatch):
    monkeypatch.setattr(convert_module, "office_program", lambda: None)
    old = tmp_path / "去年.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1000)
    with pytest.raises(ImportRefused, match="另存为 .xlsx"):
        read_office(old)
    word = tmp_path / "去年.doc"
    word.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1000)
    with pytest.raises(ImportRefused, match="另存为 .docx"):
        read_office(word)


def test_a_word_file_with_only_macros(tmp_path):
    path = tmp_path / "宏.docm"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/vbaProject.bin", b"\0" * 10)
    with pytest.raises(ImportRefused, match="只含宏"):
        read_office(path)


def test_characters_no_document_may_hold_are_dropped_and_said(tmp_path):
    body = "<w:p><w:r><w:t>部门整体\x7f支出</w:t></w:r></w:p>"  # XML forbids most control characters; not DEL
    path = tmp_path / "ctl.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/document.xml", WORD_XML.format(doctype="", body=body).encode("utf-8"))
    result = read_office(path)
    assert result.blocks[0].text == "部门整体支出" and any("控制字符" in note for note in result.notes)
