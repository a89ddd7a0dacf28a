# A front for the common verbs; the scripts do the work.
.PHONY: run test build sanitize bench bench-search
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
# Search at scale: make bench-search ARGS="--docs 1000000" (default 100000).
bench-search:
	bash scripts/bench.sh --search $(ARGS)
