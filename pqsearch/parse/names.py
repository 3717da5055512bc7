"""Names and words that are not UTF-8 text: a file name from the file system (a lone
surrogate per byte that is not UTF-8) or a word typed in a terminal of another encoding.

Kept apart from the folder walk so that a search can check its words without importing it
(a search from the terminal loads only what it needs: tests/cli/test_cold_start.py).
"""

from __future__ import annotations


def shown_name(name: str) -> str:
    """`name` as text: a byte that is not UTF-8 (a lone surrogate from the file system) is
    written `\\xe9`, so the name can be printed and stored."""
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no byte gave
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


__all__ = ["is_utf8", "shown_name"]
