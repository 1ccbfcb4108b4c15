#!/usr/bin/env python3
"""Runs ../shared/tools/conformance.py unchanged, except that every tool invocation also sees the case's
directory in the environment variable CONVERGE_CASE_DIR. That lets a tool read the case's own to.sql
(bin/converge-plan-files does, to measure `converge plan --file-pattern` on the corpus' state files).
All arguments are passed through to conformance.py; outcome rules and comparison are the tool's own.

  python3 scripts/conformance_with_case_dir.py --corpus ../shared/corpus --sources sqldef --jobs 2 \
      --tool converge-files='bin/converge-plan-files {from} {to}' --out target/conformance-files
"""
import importlib.util
import os
import sys

TOOL = os.environ.get("CONFORMANCE_PY", os.path.join(os.path.dirname(__file__), "..", "..", "shared", "tools", "conformance.py"))
if not os.path.exists(TOOL):
    TOOL = "/work/shared/tools/conformance.py"

spec = importlib.util.spec_from_file_location("conformance", TOOL)
conformance = importlib.util.module_from_spec(spec)
sys.modules["conformance"] = conformance
spec.loader.exec_module(conformance)

_run_case = conformance.run_case


def run_case_with_dir(args_d, worker, src, case, cdir, tools):
    os.environ["CONVERGE_CASE_DIR"] = os.path.abspath(cdir)  # inherited by the tool's shell
    return _run_case(args_d, worker, src, case, cdir, tools)


conformance.run_case = run_case_with_dir

if __name__ == "__main__":
    sys.argv[0] = TOOL
    conformance.main()
