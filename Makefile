# A front for the common verbs; the scripts do the work.
.PHONY: run test build sanitize bench bench-match bench-serve bench-search
run:
	bash scripts/run.sh
test:
	bash scripts/test.sh
build:
	bash scripts/build.sh
sanitize:
	PACTUM_BUILD_DIR=build-sanitize PACTUM_BUILD_TYPE=Sanitize bash scripts/build.sh && \
	ctest --test-dir build-sanitize --output-on-failure -j 2 -L unit
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
