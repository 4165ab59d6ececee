# The two commands. Both install whatever is missing first (scripts/setup.sh); see README.md.
.PHONY: serve test setup svg
serve:
	bash scripts/serve.sh
test:
	bash scripts/test.sh
setup:
	bash scripts/setup.sh --browser
# Every chart as SVG (both languages) into ./charts, natively.
svg:
	cargo run --quiet -- charts
