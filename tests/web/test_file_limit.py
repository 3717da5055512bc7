"""The server out of file handles (`ulimit -n`): a 503 that says what to do, and answers
again once handles are free.

Eight searches at once at a low limit got some 500s (a library module imported only where
the failure is explained could not be read for want of a handle: an ImportError), and the
others a message naming that module's file rather than the index's. The service's worker
runs the real search on the real index here with this process's limit lowered to the
handles it holds, then raised again: what freeing handles does.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import resource
from pathlib import Path

import pytest

from pqsearch import api
from pqsearch.web.api_routes import status_of
from pqsearch.web.service import IndexService, ServerLimitError


async def _search(service: IndexService, word: str) -> int:
    return await service.run(lambda index: index.search(word).total)


async def _limited_then_free(service: IndexService) -> tuple[BaseException, int]:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (len(os.listdir("/proc/self/fd")), hard))
    try:
        with pytest.raises(ServerLimitError) as refused:
            await _search(service, "logement")
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    return refused.value, await _search(service, "logement")


def test_out_of_file_handles_is_a_503_saying_what_to_do(corpus_index: Path) -> None:
    with api.open_index(corpus_index) as index:
        total = index.search("logement").total
    service = IndexService(corpus_index)
    try:
        # A loop of its own, on a thread of its own: another test's loop may be running here.
        with concurrent.futures.ThreadPoolExecutor(1) as thread:
            refused, again = thread.submit(asyncio.run, _limited_then_free(service)).result()
    finally:
        service.close()
    assert status_of(refused) == 503
    message = str(refused)
    assert "ulimit -n" in message and "fewer clients" in message
    # The file the index could not open, not one of pqsearch's own modules.
    assert str(corpus_index.parent) in message and ".py'" not in message
    assert again == total
