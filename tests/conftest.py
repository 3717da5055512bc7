"""Shared test fixtures: paths to the real documents."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED_CORPUS = REPO.parent / "shared" / "corpus"
SEED = SHARED_CORPUS / "seed" / "000_b24cdd112820c31b.txt"
BRUSSELS_HTML = SHARED_CORPUS / "brussels" / "html"
BRUSSELS_RECORDS = SHARED_CORPUS / "brussels" / "records.jsonl"
SHIPPED_CORPUS = REPO / "corpus"
