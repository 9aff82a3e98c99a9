"""What the operating system said, in Chinese: an OSError's ``strerror`` is English on most machines."""
from __future__ import annotations

import errno

_BY_ERRNO = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "磁盘或文件夹是只读的",
    errno.EBUSY: "文件被其他程序占用",
    errno.ETXTBSY: "文件被其他程序占用",
    errno.ENOENT: "找不到文件或文件夹",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENAMETOOLONG: "文件名或路径过长",
    errno.EEXIST: "文件已存在",
    errno.EIO: "磁盘读写出错（可能是 U 盘被拔出或磁盘损坏）",
    errno.EMFILE: "打开的文件过多",
    errno.ENFILE: "打开的文件过多",
    errno.EINVAL: "文件名或路径无效",
    errno.EXDEV: "不能跨磁盘移动文件",
    errno.ELOOP: "路径中的快捷方式（符号链接）循环引用",
}
for _name, _text in (("EDQUOT", "磁盘配额已用完"), ("ENODEV", "设备不存在或已移除"), ("ENXIO", "设备不存在或已移除"),
                     ("ESTALE", "网络文件已失效，请重新打开"), ("ETIMEDOUT", "网络磁盘连接超时"),
                     ("EHOSTDOWN", "网络磁盘无法连接"), ("ECONNRESET", "网络磁盘连接中断"),
                     ("EFBIG", "文件过大")):
    if hasattr(errno, _name):
        _BY_ERRNO[getattr(errno, _name)] = _text

# Windows reports sharing problems by its own error numbers (OSError.winerror).
_BY_WINERROR = {5: "没有写入权限", 19: "磁盘有写保护", 21: "设备未就绪（U 盘或网络磁盘可能已断开）",
                32: "文件被其他程序占用（例如正在 Excel、WPS 或 Word 中打开）", 33: "文件被其他程序锁定",
                39: "磁盘空间不足", 112: "磁盘空间不足", 206: "文件名或路径过长", 1224: "文件被其他程序占用"}


def os_reason(error: OSError, writing: bool = True) -> str:
    """A short Chinese reason for ``error`` (磁盘空间不足, 没有写入权限, 文件被其他程序占用 …)."""
    winerror = getattr(error, "winerror", None)
    if winerror == 5 and not writing:
        return "没有读取权限"
    if winerror in _BY_WINERROR:
        return _BY_WINERROR[winerror]
    if error.errno in (errno.EACCES, errno.EPERM) or isinstance(error, PermissionError):
        return "没有写入权限" if writing else "没有读取权限"
    if error.errno in _BY_ERRNO:
        return _BY_ERRNO[error.errno]
    if isinstance(error, FileNotFoundError):
        return "找不到文件或文件夹"
    number = f"（错误代码 {error.errno}）" if error.errno else ""
    return f"操作系统报告错误{number}"
