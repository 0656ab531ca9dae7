#!/usr/bin/env python3
"""Writes <case>.expected.json beside each <case>.conf of this folder: what Python's configparser reads.

    python3 openstack/src/test/resources/services-conf/regenerate.py

IniFileTest compares DIMINET's own reader (org.diminet.openstack.config.IniFile) with these files, so the
Java build needs no Python; this script only records how they were made. They were made with Python 3.11.7.

The parser is configured as DIMINET promises to read services.conf, the prototype's way otherwise:
- ConfigParser(interpolation=None): values are taken as written. The default BasicInterpolation would
  turn "%%" into "%" and "%(host)s" into the host's value, and refuse a lone "%" when the value is read.
- read(path, encoding="utf-8"): a file opened in text mode, as the prototype's config.read(), so \\n, \\r\\n
  and \\r all end a line; a byte order mark is not removed.

Each result is one of:
- {"key": "value", ...}: the [DEFAULT] section, in file order, keys as configparser stores them (lower
  case). Other sections configparser accepts are not shown: IniFileTest lists the cases where DIMINET
  refuses what configparser accepts.
- {"error": "<configparser exception class>", "line": <first line it names>}.
"""
import configparser
import json
import pathlib


def expected(path):
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except configparser.ParsingError as e:  # MissingSectionHeaderError is a ParsingError that has a lineno
        line = e.lineno if hasattr(e, "lineno") else e.errors[0][0]
        return {"error": type(e).__name__, "line": line}
    except configparser.Error as e:  # DuplicateOptionError, DuplicateSectionError
        return {"error": type(e).__name__, "line": e.lineno}
    return dict(parser.defaults())


def main():
    folder = pathlib.Path(__file__).resolve().parent
    for case in sorted(folder.glob("*.conf")):
        result = expected(case)
        text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
        case.with_name(case.stem + ".expected.json").write_text(text, encoding="utf-8", newline="\n")
        print(f"{case.name}: {result}")


if __name__ == "__main__":
    main()
