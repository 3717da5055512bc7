"""A command run as a user whom file permissions bind, root included (CI runs as root)."""

from __future__ import annotations

import os


def bound_by_permissions(command: list[str]) -> list[str]:
    """`command`, preceded for root by setpriv (util-linux, in every Debian) dropping the
    capabilities that let root read and write any file, as for a colleague's account."""
    if os.geteuid() != 0:
        return command
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", *command]
