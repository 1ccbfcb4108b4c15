#!/usr/bin/env python3
"""Summarises conformance.py results per category (the case-name prefix before '__').

    scripts/conformance_report.py OUT_DIR [OUT_DIR ...]      (reads results.csv, or the .slot*.csv of a running run)

Prints a Markdown table per run (category x outcome, converged % of valid cases) and, with --failures FILE,
writes every non-converged case with its outcome and detail (for the engine-core engineer).
"""
import argparse
import collections
import csv
import glob
import os

OUTCOMES = ["converged", "wrong-result", "apply-error", "tool-error", "timeout", "invalid"]
ISSUE3 = {"tables", "constraints", "indices", "datatypes", "identity", "comments", "enable_drop", "fk_deps",
          "preserve_quotes", "schemas", "extensions", "set"}


def rows(out):
    paths = [os.path.join(out, "results.csv")] if os.path.exists(os.path.join(out, "results.csv")) else []
    paths += sorted(glob.glob(os.path.join(out, ".slot*.csv")))
    for p in paths:
        for r in csv.DictReader(open(p)):
            if r.get("case"):
                yield r


def table(out):
    by_cat = collections.defaultdict(collections.Counter)
    for r in rows(out):
        by_cat[r["case"].split("__")[0]][r["outcome"]] += 1
    lines = ["| category | issue 3 | " + " | ".join(OUTCOMES) + " | converged / valid |",
             "|---|---|" + "---:|" * (len(OUTCOMES) + 1)]
    total = collections.Counter()
    groups = {True: collections.Counter(), False: collections.Counter()}
    for cat in sorted(by_cat):
        c = by_cat[cat]
        total.update(c)
        groups[cat in ISSUE3].update(c)
        lines.append(f"| {cat} | {'yes' if cat in ISSUE3 else ''} | " + " | ".join(str(c[o]) for o in OUTCOMES) + f" | {pct(c)} |")
    lines.append("| **all** | | " + " | ".join(str(total[o]) for o in OUTCOMES) + f" | **{pct(total)}** |")
    lines.append("| **issue-3 categories** | yes | " + " | ".join(str(groups[True][o]) for o in OUTCOMES) + f" | **{pct(groups[True])}** |")
    return "\n".join(lines)


def pct(c):
    valid = sum(c.values()) - c["invalid"]
    return f"{c['converged']}/{valid} = {100.0 * c['converged'] / valid:.1f} %" if valid else "-"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outs", nargs="+")
    ap.add_argument("--failures")
    a = ap.parse_args()
    for out in a.outs:
        print(f"### {out}\n\n{table(out)}\n")
    if a.failures:
        with open(a.failures, "w") as f:
            for out in a.outs:
                f.write(f"# {out} (artifacts: {os.path.abspath(out)}/artifacts/<tool>/sqldef/<case>/)\n")
                for r in sorted(rows(out), key=lambda r: r["case"]):
                    if r["outcome"] not in ("converged", "invalid"):
                        f.write(f"{r['case']}\t{r['outcome']}\t{r.get('detail', '')[:400]}\n")


if __name__ == "__main__":
    main()
