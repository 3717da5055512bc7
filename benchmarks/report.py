"""The benchmark's Markdown report and its targets, from the results `run.py` gathers."""

from __future__ import annotations

from typing import Any

# --- the report --------------------------------------------------------------------------


def targets(results: dict[str, Any]) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met) for each target of issue 7."""
    rows: list[tuple[str, str, bool | None]] = []
    ingest = results.get("ingest")
    if ingest and ingest.get("reused_analyses"):
        ingest = None
    lemma = results["lemmatize"]
    lemma_rate = lemma["words"] / lemma["seconds"]
    if ingest:
        rate = ingest["words"] / ingest["seconds"]
        ratio = rate / lemma_rate
        rows.append(
            (
                "ingest >= 0.8 x lemmatization alone",
                f"{ratio:.2f} ({rate:,.0f} / {lemma_rate:,.0f} words/s)",
                ratio >= 0.8,
            )
        )
    query = results["queries"]["latency"]
    uncached = results["queries"].get("uncached")
    # p95 and p50: issue 7's targets at 100k; p99: issue 18's (with p50 <= 15 ms there).
    for share, limit in (("p99", 100), ("p95", 100), ("p50", 30)):
        measured = f"{query[f'{share}_ms']:.1f} ms"
        if uncached:
            measured += f" (nothing kept between searches: {uncached[f'{share}_ms']:.1f} ms)"
        rows.append((f"query {share} <= {limit} ms", measured, query[f"{share}_ms"] <= limit))
    cold = results["cold_start"]["median_s"]
    rows.append(("cold `pqsearch search` <= 0.5 s", f"{cold:.2f} s", cold <= 0.5))
    if ingest:
        rows.append(("peak RSS during ingest (bounded)", f"{ingest['peak_rss_mb']:,.0f} MB", None))
    if results["index_bytes"] is None:
        return rows
    ratio = results["index_bytes"] / results["corpus"]["text_bytes"]
    rows.append(("index size <= 3 x raw text", f"{ratio:.2f} x", ratio <= 3))
    return rows


def ingest_notes(ingest: dict[str, Any]) -> list[str]:
    """The index's bytes by part, and the main process's CPU share of the ingest with what it
    allows on more cores."""
    mb = 2**20
    lines: list[str] = []
    parts = ingest.get("index_parts")
    if parts:
        shown = ", ".join(
            f"{name} {size / mb:,.2f}" for name, size in sorted(parts.items(), key=lambda p: -p[1])
        )
        lines += ["", f"Index by part (MB): {shown}."]
    main, lemma = ingest.get("main_cpu_seconds"), ingest.get("analysis_cpu_seconds")
    if main and lemma:
        docs = max(ingest["documents"], 1)
        main_doc, lemma_doc = 1000 * main / docs, 1000 * lemma / docs
        share = main / (main + lemma)
        projected = ", ".join(
            f"{n} worker{'s' if n > 1 else ''} {1000 / max(main_doc, lemma_doc / n):,.0f} docs/s "
            f"({(main_doc + lemma_doc) / max(main_doc, lemma_doc / n):.1f} x one process)"
            for n in (1, 2, 8, 16)
        )
        lines += [
            "",
            f"Ingest CPU: main process {main_doc:.1f} ms per document (parse, writes, "
            f"commits, merges), analysis {lemma_doc:.1f} ms (lemmas and enrichment, in "
            f"{ingest.get('jobs', 0)} workers or in process); main share "
            f"{share:.0%}. Projected on idle cores, the slower of the main process and N "
            f"workers setting the pace: {projected}.",
        ]
    return lines


def _load(machine: dict[str, Any]) -> str:
    start = machine["load_average"][0]
    end = machine.get("load_average_end", (start,))[0]
    return f"{start:.1f} at start, {end:.1f} at end"


def markdown(results: dict[str, Any]) -> str:
    corpus = results["corpus"]
    mb = 2**20
    lines = [
        f"Corpus: {corpus['docs']:,} documents, {results['words']:,} words, "
        f"{corpus['text_bytes'] / mb:,.1f} MB of text ({corpus['file_bytes'] / mb:,.1f} MB "
        f"JSON Lines). Machine: {results['machine']['cpus']} CPUs, {results['machine']['cpu']}, "
        f"load average {_load(results['machine'])} (shared with other work).",
        "",
        "| engine | ingest docs/s | ingest words/s | index MB | index / text | "
        "query p50 ms | p95 ms | p99 ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    ingest = results.get("ingest")
    query = results["queries"]["latency"]
    size = "(not measured) | (not measured)"
    if results["index_bytes"] is not None:
        size = (
            f"{results['index_bytes'] / mb:,.1f} | "
            f"{results['index_bytes'] / corpus['text_bytes']:.2f}"
        )
    if ingest and not ingest.get("reused_analyses"):
        seconds = ingest["seconds"]
        rate = f"{ingest['documents'] / seconds:,.0f} | {ingest['words'] / seconds:,.0f}"
    else:
        rate = "(not measured) | (not measured)"
    lines.append(
        f"| pqsearch | {rate} | {size} | {query['p50_ms']:.1f} | "
        f"{query['p95_ms']:.1f} | {query['p99_ms']:.1f} |"
    )
    for name, base in results["baselines"].items():
        bq = base["latency"]
        lines.append(
            f"| {name} | {base['docs_per_s']:,.0f} | {base['words_per_s']:,.0f} | "
            f"{base['index_bytes'] / mb:,.1f} | {base['index_bytes'] / corpus['text_bytes']:.2f} | "
            f"{bq['p50_ms']:.1f} | {bq['p95_ms']:.1f} | {bq['p99_ms']:.1f} |"
        )
    lines += [
        "",
        "pqsearch counts every facet on every query; the baselines count the total and fetch "
        "the top 20 (they have no facets; filters are dropped from their queries).",
        "",
        "| ingest (pqsearch) | documents | words/s | seconds | parse | analyse | index write | "
        "commit | merge | peak RSS MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    scale = "scale corpus"
    if ingest and "jobs" in ingest:
        scale += f", {ingest['jobs']} workers"
    if ingest and ingest.get("reused_analyses"):
        scale += " (each sentence lemmatized once: not an ingest rate)"
    for label, run in (("real documents", results["ingest_real"]), (scale, ingest)):
        if not run:
            continue
        stages = run["stages"]
        lines.append(
            f"| {label} | {run['documents']:,} | {run['words'] / run['seconds']:,.0f} | "
            f"{run['seconds']:,.1f} | "
            + " | ".join(
                f"{stages.get(s, 0.0):,.1f}"
                for s in ("parse", "analyse", "index_write", "commit", "merge")
            )
            + f" | {run['peak_rss_mb']:,.0f} |"
        )
    lemma = results["lemmatize"]
    lines.append(
        f"| lemmatization alone | {lemma['docs']:,} | {lemma['words'] / lemma['seconds']:,.0f} | "
        f"{lemma['seconds']:,.1f} | | | | | | {lemma['peak_rss_mb']:,.0f} |"
    )
    if "spacy" in results:
        spacy = results["spacy"]
        lines.append(
            f"| spaCy pipe alone (tokens/s) | {spacy['docs']:,} | "
            f"{spacy['tokens'] / spacy['seconds']:,.0f} | {spacy['seconds']:,.1f} | | | | | | "
            f"{spacy['peak_rss_mb']:,.0f} |"
        )
    if ingest:
        lines += ingest_notes(ingest)
    queries = results["queries"]
    if "first_pass" in queries:
        lines += [
            "",
            "| pqsearch queries, every facet, 20 hits | p50 ms | p95 ms | p99 ms |",
            "|---|---:|---:|---:|",
        ]
        for label, figures in (
            (f"warm searcher ({results['args']['rounds']} passes after the first)", query),
            ("first pass (each query new to the searcher)", queries["first_pass"]),
            ("nothing kept between searches (cache_mb=0)", queries["uncached"]),
        ):
            lines.append(
                f"| {label} | {figures['p50_ms']:.1f} | {figures['p95_ms']:.1f} | "
                f"{figures['p99_ms']:.1f} |"
            )
    lines += [
        "",
        "| query kind (warm) | p50 ms | p95 ms | p99 ms | queries |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind, figures in results["queries"]["by_kind"].items():
        lines.append(
            f"| {kind} | {figures['p50_ms']:.1f} | {figures['p95_ms']:.1f} | "
            f"{figures['p99_ms']:.1f} | {figures['queries']} |"
        )
    cold = results["cold_start"]
    lines += [
        "",
        f"Cold start, `{cold['command']}`: median {cold['median_s']:.2f} s "
        f"(min {cold['min_s']:.2f}, max {cold['max_s']:.2f}, {cold['runs']} runs).",
        "",
        "| documents found for | " + " | ".join(["pqsearch", *results["baselines"]]) + " |",
        "|---|" + "---:|" * (1 + len(results["baselines"])),
    ]
    for word in results["queries"]["variants"]:
        counts = [results["queries"]["variants"][word]] + [
            base["variants"][word] for base in results["baselines"].values()
        ]
        lines.append(f"| {word} | " + " | ".join(f"{n:,}" for n in counts) + " |")
    lines += ["", "| target | measured | met |", "|---|---|---|"]
    for target, measured, met in targets(results):
        verdict = "reported" if met is None else ("yes" if met else "**no**")
        lines.append(f"| {target} | {measured} | {verdict} |")
    return "\n".join(lines) + "\n"
