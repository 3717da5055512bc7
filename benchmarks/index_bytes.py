"""Where an index's bytes go: per file kind, per Whoosh field, per stored key, per lexicon table.

    PYTHONPATH=$PWD python benchmarks/index_bytes.py --index IDX [--text-bytes N] [--json F]

- **files**: every file of the live data folder, grouped by what it holds (postings `.pst`,
  term dictionary `.trm`, stored records `_stored.col`, field lengths `_*_len.col`, Whoosh's
  sortable columns, our raw columns and positions files, the lexicon, the rest);
- **per field**: its terms, their term-dictionary entries (key and value bytes; the hash
  table's own slots are the file's remainder), their postings bytes (exact: each term's
  extent in `.pst`, or its postings inlined in its entry, counted apart: "inlined terms",
  "inlined bytes", part of the dictionary values) and how those split between document ids,
  weights (frequencies) and values (positions), block headers and framing. A block is one
  zlib stream of the three, so the split is each part compressed alone, scaled to the
  block's real size: an estimate, whose total is exact;
- **stored records**: per key of the stored record (and of its `question`), the bytes each
  costs, as the same estimate over the real `_stored.col` size;
- **lexicon**: SQLite's pages per table and index (`dbstat`).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sqlite3
import struct
import sys
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pqsearch.index import store
from pqsearch.index.records import decode_record

# Whoosh's postings: a magic number before a term's first block, then per block a signed
# int length (negative on the last block), a pickled info tuple and the zlib data.
_MAGIC = 4
_INT = struct.Struct("!i")
_TERMINFO_FIXED = struct.calcsize("!BfIBBfII")
_LEVEL = 3  # Whoosh's compression level for postings and stored fields


def file_kind(name: str) -> str:
    if name.startswith("lexicon.sqlite"):
        return "lexicon"
    if name.endswith(".pst"):
        return "postings"
    if name.endswith(".trm"):
        return "term dictionary"
    if name.endswith("._stored.col"):
        return "stored records"
    if name.endswith("_len.col"):
        return "field lengths"
    if name.endswith(".col"):
        return "columns (Whoosh)"
    if name.startswith("columns-"):
        return "columns (raw)"
    if name.startswith("positions-"):
        return "positions file"
    return "other"


def files(data: Path) -> dict[str, int]:
    sizes: Counter[str] = Counter()
    for path in data.iterdir():
        if path.is_file():
            sizes[file_kind(path.name)] += path.stat().st_size
    return dict(sizes.most_common())


def _compressed(value: Any) -> int:
    return len(zlib.compress(pickle.dumps(value, 2), _LEVEL))


def _blocks(postfile: Any, offset: int, length: int) -> list[tuple[int, bytes, bytes]]:
    """(block length, info bytes, data bytes) of each block of one term's postings."""
    raw = bytes(postfile.get(offset, length))
    at, blocks = _MAGIC, []
    while at < len(raw):
        size = _INT.unpack_from(raw, at)[0]
        at += _INT.size
        body = raw[at : at + abs(size)]
        at += abs(size)
        info_end = _info_length(body)
        blocks.append((abs(size), body[:info_end], body[info_end:]))
        if size < 0:
            break
    return blocks


def _info_length(body: bytes) -> int:
    """Where the pickled info tuple ends (pickle stops at its STOP byte)."""
    import io

    stream = io.BytesIO(body)
    pickle.load(stream)
    return stream.tell()


def _raw_entries(terms_reader: Any) -> Iterator[tuple[bytes, bytes]]:
    """The term dictionary's (key, value) bytes: Whoosh's hash file (segments written before
    schema 4) or our blocks (`pqsearch/index/term_blocks.py`)."""
    if hasattr(terms_reader, "_tindex"):
        return iter(terms_reader._tindex.items())
    return iter(terms_reader._items_from_key(b"", keep=False))


def field_bytes(leaf: Any) -> dict[str, dict[str, float]]:
    terms_reader = leaf._terms
    unmap = terms_reader._fieldunmap
    postfile = terms_reader._postfile
    table: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for key, value in _raw_entries(terms_reader):
        field = unmap[struct.unpack("!H", key[:2])[0]]
        row = table[field]
        row["terms"] += 1
        row["dictionary keys"] += len(key)
        row["dictionary values"] += len(value)
        if value[0]:  # inlined (`whoosh_codec`): pickled into the entry, no block
            row["inlined terms"] += 1
            row["inlined bytes"] += len(value) - _TERMINFO_FIXED
            row["postings"] += struct.unpack("!BfIBBfII", value[:_TERMINFO_FIXED])[2]
            continue
        offset = struct.unpack("!q", value[_TERMINFO_FIXED : _TERMINFO_FIXED + 8])[0]
        length = struct.unpack("!i", value[_TERMINFO_FIXED + 8 : _TERMINFO_FIXED + 12])[0]
        row["pst bytes"] += length
        blocks = _blocks(postfile, offset, length)
        row["blocks"] += len(blocks)
        row["postings"] += sum(pickle.loads(info)[0] for _, info, _ in blocks)
        if len(blocks) == 1 and pickle.loads(blocks[0][1])[0] == 1:
            row["single-posting terms"] += 1
            row["single-posting pst bytes"] += length
        row["framing (magic, lengths)"] += _MAGIC + _INT.size * len(blocks)
        for _, info, data in blocks:
            row["block info"] += len(info)
            ids, weights, values = pickle.loads(zlib.decompress(data))
            parts = {"ids": _compressed(ids), "weights": _compressed(weights)}
            parts["values (positions)"] = _compressed(values)
            whole = sum(parts.values())
            for name, size in parts.items():
                row[name] += len(data) * size / whole
    return {field: dict(row) for field, row in table.items()}


def stored_bytes(leaf: Any, column_bytes: int) -> dict[str, float]:
    """Each stored key's share of `_stored.col`, compressed alone and scaled to its size."""
    sizes: Counter[str] = Counter()
    for docnum in range(leaf.doc_count_all()):
        fields = leaf.stored_fields(docnum)
        for name, value in fields.items():
            if name != "record":
                sizes[name] += _compressed(value)
                continue
            record = decode_record(value)
            for key, item in record.items():
                if key == "question":
                    for sub, part in item.items():
                        sizes[f"record.question.{sub}"] += _compressed(json.dumps(part))
                else:
                    sizes[f"record.{key}"] += _compressed(json.dumps(item, ensure_ascii=False))
    whole = sum(sizes.values()) or 1
    return {name: column_bytes * size / whole for name, size in sizes.most_common()}


def lexicon_bytes(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute(
            "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"
        ).fetchall()
    except sqlite3.OperationalError:  # SQLite built without dbstat
        return {"lexicon.sqlite": path.stat().st_size}
    finally:
        connection.close()
    return {str(name): int(size) for name, size in rows}


def measure(root: Path) -> dict[str, Any]:
    data, _, reader = store.open_live(root)
    try:
        result: dict[str, Any] = {"documents": reader.doc_count_all(), "files": files(data)}
        fields: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        stored: Counter[str] = Counter()
        for leaf, _ in reader.leaf_readers():
            segment = leaf.segment()
            for field, row in field_bytes(leaf).items():
                for name, value in row.items():
                    fields[field][name] += value
            column = data / segment.make_filename("._stored.col")
            for name, value in stored_bytes(leaf, column.stat().st_size).items():
                stored[name] += value  # type: ignore[assignment]
        result["fields"] = {f: dict(r) for f, r in fields.items()}
        result["stored"] = dict(stored.most_common())
        result["lexicon"] = lexicon_bytes(data / store.LEXICON_FILE)
    finally:
        reader.close()
    return result


def _mb(value: float) -> str:
    return f"{value / 1e6:,.3f}"


def report(result: dict[str, Any], text_bytes: int | None) -> str:
    docs = result["documents"]
    total = sum(result["files"].values())
    lines = [f"{docs:,} documents, {_mb(total)} MB"]
    if text_bytes:
        lines[0] += f", {total / text_bytes:.2f} x the text ({_mb(text_bytes)} MB)"
    lines += ["", "| files | MB | bytes / document |", "|---|---:|---:|"]
    for kind, size in result["files"].items():
        lines.append(f"| {kind} | {_mb(size)} | {size / docs:,.0f} |")
    columns = (
        "terms",
        "dictionary keys",
        "dictionary values",
        "pst bytes",
        "inlined terms",
        "inlined bytes",
        "single-posting terms",
        "single-posting pst bytes",
        "ids",
        "weights",
        "values (positions)",
        "block info",
        "framing (magic, lengths)",
    )
    lines += ["", "| field | " + " | ".join(columns) + " |", "|---" + "|---:" * len(columns) + "|"]
    fields = sorted(result["fields"].items(), key=lambda item: -item[1].get("pst bytes", 0))
    for field, row in fields:
        cells = [f"{row.get(c, 0):,.0f}" for c in columns]
        lines.append(f"| {field} | " + " | ".join(cells) + " |")
    sums = [sum(r.get(c, 0) for _, r in fields) for c in columns]
    lines.append("| **all** | " + " | ".join(f"{s:,.0f}" for s in sums) + " |")
    lines += ["", "| stored key | MB (estimate) | bytes / document |", "|---|---:|---:|"]
    for name, size in result["stored"].items():
        lines.append(f"| {name} | {_mb(size)} | {size / docs:,.0f} |")
    lines += ["", "| lexicon table or index | MB |", "|---|---:|"]
    for name, size in result["lexicon"].items():
        lines.append(f"| {name} | {_mb(size)} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--text-bytes", type=int, default=None, help="for the index / text ratio")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args(argv)
    result = measure(args.index)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    print(report(result, args.text_bytes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
