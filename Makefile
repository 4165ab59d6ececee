# The two commands. Both install whatever is missing first (scripts/setup.sh); see README.md.
.PHONY: serve test setup svg bench single
serve:
	bash scripts/serve.sh
test:
	bash scripts/test.sh
setup:
	bash scripts/setup.sh --browser
# Every chart as SVG and as PowerPoint (editable charts), and the deck of all charts, in both
# languages, into ./charts, natively.
svg:
	cargo run --quiet -- charts
# FTZ Atlas against ECharts and Chart.js in Chromium (prints a table; never fails on timings).
# Builds the release page first. QUICK=1: 3 loads per target instead of 10, and fail when the page
# is over the 150 KB gzip budget (timings are printed, never checked).
bench:
	bash scripts/setup.sh --browser
	bash scripts/build.sh
	npm ci --prefix bench --no-audit --no-fund >/dev/null
	node bench/run.mjs $(if $(QUICK),--quick --size-budget 150,)
	npm ci --prefix bench/office --no-audit --no-fund >/dev/null
	node bench/office.mjs $(if $(QUICK),--n 2,)
# One self-contained HTML file (wasm, JS, CSS, data inside) that works from disk: dist-single/ftz-atlas.html.
single:
	bash scripts/setup.sh
	bash scripts/build.sh
	node scripts/single-file.mjs dist dist-single/ftz-atlas.html
