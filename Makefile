# A front for the common verbs; the scripts do the work.
.PHONY: run test build sanitize bench
run:
	bash scripts/run.sh
test:
	bash scripts/test.sh
build:
	bash scripts/build.sh
sanitize:
	PACTUM_BUILD_DIR=build-sanitize PACTUM_BUILD_TYPE=Sanitize bash scripts/build.sh && \
	ctest --test-dir build-sanitize --output-on-failure -j 2 -L unit
