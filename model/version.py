"""The program's version and its application id (应用标识), the one place both are written.

VERSION is MAJOR.MINOR.PATCH (numbers only: the Windows version resource and the UOS `info` file
need four numbers, made by appending a build number). APP_ID is the reverse-domain id UOS/Kylin
packages are named and installed by (/opt/apps/<APP_ID>/).
"""
VERSION = "1.0.0"
APP_ID = "cn.jxzp.selfeval"
