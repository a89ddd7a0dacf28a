# A front for the common verbs; the scripts do the work.
.PHONY: run test build sanitize crash soak fuzz bench bench-match bench-serve bench-search bench-workers
run:
	bash scripts/run.sh
test:
	bash scripts/test.sh
build:
	bash scripts/build.sh
# ASan+UBSan over the unit and integration tests, TSan over the server and
# the parallel ingest (scripts/sanitize.sh; scripts/test.sh runs it too).
sanitize:
	bash scripts/sanitize.sh $(ARGS)
# SIGKILL crash safety of ingest, curation and profile import (RUNS runs).
RUNS ?= 100
crash:
	bash scripts/build.sh >/dev/null && CRASH_RUNS=$(RUNS) bash tests/crash/crash_test.sh build/src/cli/pactum
# Soak: pactum serve under 64 connections of search, match and writes for
# SOAK_SECONDS (default 600); RSS growth and p50/p99 per kind (scripts/soak.sh).
soak:
	bash scripts/soak.sh
# Benchmarks (not in the test suite): one table, per stage beside its baseline.
# make bench ARGS="--mb 8 --rss-mb 1024" for the 1 GB peak-RSS run.
bench:
	bash scripts/bench.sh $(ARGS)
# Load benchmark of pactum serve (wrk, 64 connections, loopback); bench/README.md.
bench-serve:
	bash scripts/bench-serve.sh $(ARGS)
# Partner matching: NDCG@10/Recall@10/MRR against BM25, then top-10 latency
# and peak RSS at 1,000,000 generated profiles (ARGS="--scale 0" skips it).
bench-match:
	bash scripts/bench-match.sh $(ARGS)
# Search at scale: make bench-search ARGS="--docs 1000000 [--out DIR [--reuse]]" (default 100000).
bench-search:
	bash scripts/bench.sh --search $(ARGS)
# Fuzzing (fuzz/README.md): every libFuzzer target for FUZZ_SECONDS each
# (default 60, over 10 minutes in all); clang, in build-fuzz/.
fuzz:
	bash scripts/fuzz.sh $(ARGS)
# Ingest throughput with 1, 2 and 4 queue workers, SQLite and PostgreSQL:
# make bench-workers ARGS="--docs 2000".
bench-workers:
	bash scripts/bench-workers.sh $(ARGS)
