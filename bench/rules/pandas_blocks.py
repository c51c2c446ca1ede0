"""The rules benchmark's building blocks as an analyst would write them in pandas (merge-based).

Usage (called by rules.bench.ts): python3 pandas_blocks.py DATA_DIR csv|parquet AS_OF BLOCKS
Loads reg, closure and claim once (not timed), times only each block's computation, and prints
one JSON line: {block: {"ms": float, "hits": int}}.
"""
import json
import sys
import time

import pandas as pd

data_dir, ext, as_of, blocks = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split(",")
run_date = pd.Timestamp(as_of)


def load(name, dates):
    if ext == "parquet":
        df = pd.read_parquet(f"{data_dir}/{name}.parquet")
        for d in dates:
            df[d] = pd.to_datetime(df[d])
        return df
    return pd.read_csv(f"{data_dir}/{name}.csv", parse_dates=dates)


need_reg = any(b in blocks for b in ["filter", "anti_join", "semi_join", "inner_join", "date_window"])
t = time.perf_counter()
reg = load("reg", ["filed_date"]) if need_reg else None
closure = load("closure", ["closure_date"]) if need_reg else None
claim = load("claim", ["settlement_date"]) if "aggregate" in blocks else None
print(f"pandas {pd.__version__}: loaded in {(time.perf_counter() - t) * 1000:.0f} ms", file=sys.stderr)


def filter_block():
    r = reg[(reg.handling_unit == "公安分局7") & (reg.filed_date <= run_date) & ((run_date - reg.filed_date).dt.days >= 730)]
    return r[["case_no", "filed_date", "handling_unit"]]


def anti_join():
    m = reg.merge(closure[["case_no"]], on="case_no", how="left", indicator=True)
    return m.loc[m["_merge"] == "left_only", ["case_no", "filed_date", "handling_unit"]]


def semi_join():
    m = reg.merge(closure[["case_no"]].drop_duplicates(), on="case_no", how="inner")
    return m[["case_no", "filed_date", "handling_unit"]]


def inner_join():
    return reg.merge(closure, on="case_no", how="inner")[["case_no", "filed_date", "handling_unit", "closure_date"]]


def date_window():
    m = reg.merge(closure, on="case_no", how="inner")
    days = (m.closure_date - m.filed_date).dt.days
    m = m[(days >= 0) & (days <= 30)]
    return m.drop_duplicates("case_no")[["case_no", "filed_date", "handling_unit"]]


def aggregate():
    c = claim[claim.settlement_date >= pd.Timestamp("2024-01-01")]
    g = c.groupby("id_number").agg(n=("claim_no", "size"), total=("total_amount", "sum"), hospitals=("hospital_name", "nunique"))
    return g[(g.n >= 8) & (g.hospitals >= 8)].reset_index()


FUNCS = {
    "filter": filter_block,
    "anti_join": anti_join,
    "semi_join": semi_join,
    "inner_join": inner_join,
    "date_window": date_window,
    "aggregate": aggregate,
}

out = {}
for b in blocks:
    fn = FUNCS.get(b)
    if fn is None:
        continue
    best = None
    hits = 0
    for _ in range(2):
        t = time.perf_counter()
        res = fn()
        ms = (time.perf_counter() - t) * 1000
        hits = len(res)
        best = ms if best is None else min(best, ms)
    out[b] = {"ms": best, "hits": hits}
    print(f"  {b}: {best:.0f} ms, {hits} hits", file=sys.stderr)
print(json.dumps(out))
