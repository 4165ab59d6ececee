"""Reads an FTZ Atlas .pptx back the way office users will meet it, and checks it.

    python check_pptx.py FILE.pptx [--csv CHART.csv ...] [--all-native] [--slides N | --min-slides N]
                         [--lang zh|en] [--out DIR]

- python-pptx opens it: slide count (--slides), per slide the chart type, series names and
  values; every chart frame has alt text (descr) and an embedded workbook.
- openpyxl opens each embedded workbook: the chart's cached values equal the Data sheet's cells
  (a gap is an empty cell, never 0), and each Figures row's drawn value is the value in the chart.
- With --csv (the chart's CSV export from the page): every figure of a native chart's Figures
  sheet is in a CSV, its drawn value is the CSV number times a power of ten (the display unit:
  万, 亿, …); with --all-native (a chart without picture panels) every CSV figure is in one.
- LibreOffice converts it to PDF without error; the PDF has one page per slide, Chinese glyphs
  when --lang zh, and each chart slide has drawn pixels inside its chart frame. The pages are
  saved as PNG under --out/<file name>/ to look at.

Prints one line per check and exits 1 on the first failure set.
"""

import argparse
import csv
import io
import math
import os
import re
import subprocess
import sys
import tempfile

from openpyxl import load_workbook
from PIL import Image
from pptx import Presentation
from pptx.util import Emu

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def power_of_ten(ratio):
    if ratio <= 0:
        return False
    k = round(math.log10(ratio))
    # Derived numbers are exported with six decimals: allow that rounding.
    return abs(ratio / (10.0**k) - 1) < 1e-6


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return {row["id"]: row for row in csv.DictReader(f)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pptx")
    ap.add_argument("--csv", action="append", default=[])
    ap.add_argument("--slides", type=int)
    ap.add_argument("--min-slides", type=int)
    ap.add_argument("--all-native", action="store_true")
    ap.add_argument("--lang", default="zh")
    ap.add_argument("--out")
    args = ap.parse_args()
    name = os.path.basename(args.pptx)

    prs = Presentation(args.pptx)
    slides = list(prs.slides)
    if args.slides is not None:
        check(len(slides) == args.slides, f"{name}: {len(slides)} slides (expected {args.slides})")
    if args.min_slides is not None:
        check(len(slides) >= args.min_slides, f"{name}: {len(slides)} slides (at least {args.min_slides})")
    csv_rows = {}
    for c in args.csv:
        csv_rows.update(read_csv(c))
    on_slides = set()
    chart_frames = {}  # slide index -> (x, y, w, h) in EMU
    for si, slide in enumerate(slides, 1):
        for shape in slide.shapes:
            descr = shape._element.xpath("./*[1]/p:cNvPr/@descr")
            if shape.shape_type == 13:  # picture
                check(bool(descr and descr[0].strip()), f"{name} slide {si}: picture has alt text")
            if not getattr(shape, "has_chart", False):
                continue
            chart = shape.chart
            chart_frames[si] = (shape.left, shape.top, shape.width, shape.height)
            check(bool(descr and descr[0].strip()), f"{name} slide {si}: chart has alt text")
            plot = chart.plots[0]
            series = list(plot.series)
            cats = list(plot.categories)
            print(f"     slide {si}: {chart.chart_type} {[s.name for s in series]} × {len(cats)} categories")
            check(len(series) > 0 and all(s.name for s in series), f"{name} slide {si}: series are named")
            wb_part = chart.part.chart_workbook.xlsx_part
            check(wb_part is not None, f"{name} slide {si}: chart has an embedded workbook")
            if wb_part is None:
                continue
            wb = load_workbook(io.BytesIO(wb_part.blob))
            data = wb["Data"]
            for col, s in enumerate(series, 2):
                cells = [data.cell(row=r, column=col).value for r in range(2, len(cats) + 2)]
                cached = list(s.values)
                same = all(
                    (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 1e-12)
                    for a, b in zip(cached, cells)
                )
                check(same and len(cached) == len(cells), f"{name} slide {si}: '{s.name}' cache = workbook {cells}")
            figs = wb["Figures"]
            header = [c.value for c in figs[1]]
            check("id" in header and "quote" in header and "source" in header, f"{name} slide {si}: Figures sheet has id, source, quote")
            col = {h: i for i, h in enumerate(header)}
            for row in figs.iter_rows(min_row=2, values_only=True):
                fid = row[col["id"]]
                on_slides.add(fid)
                sname, cat, drawn = row[col["series"]], row[col["category"]], row[col["drawn"]]
                try:
                    s = next(s for s in series if s.name == sname)
                    v = list(s.values)[cats.index(cat)]
                except (StopIteration, ValueError):
                    check(False, f"{name} slide {si}: {fid} is drawn at '{sname}' / '{cat}'")
                    continue
                check(v is not None and abs(v - float(drawn)) < 1e-9, f"{name} slide {si}: {fid} drawn {drawn} = chart {v}")
                if csv_rows:
                    r = csv_rows.get(fid)
                    check(r is not None, f"{name} slide {si}: {fid} is in the chart's CSV export")
                    if r is not None:
                        num, _, den = r["number"].partition("/")
                        number = float(num) / float(den or 1)
                        check(power_of_ten(float(drawn) / number) if number else float(drawn) == 0,
                              f"{name} slide {si}: {fid} drawn {drawn} is the CSV's {number} in the display unit")
    if csv_rows and args.all_native:
        missing = sorted(set(csv_rows) - on_slides)
        check(not missing, f"{name}: every CSV figure is on a slide (missing: {missing[:8]})")

    # LibreOffice: PDF, pages, glyphs, pixels in each chart frame.
    with tempfile.TemporaryDirectory() as tmp:
        r = subprocess.run(
            ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
             "--convert-to", "pdf", "--outdir", tmp, args.pptx],
            capture_output=True, text=True, timeout=180,
        )
        pdf = os.path.join(tmp, os.path.splitext(name)[0] + ".pdf")
        check(r.returncode == 0 and os.path.exists(pdf), f"{name}: LibreOffice converts it to PDF ({r.stderr.strip()[:200]})")
        if not os.path.exists(pdf):
            return
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
        if args.lang == "zh":
            check(re.search(r"[\u4e00-\u9fff]", text) is not None, f"{name}: the PDF has Chinese text")
        # The slides as PNG, one folder per file (pdftoppm names them <name>-<page>.png).
        pages_dir = os.path.join(args.out or tmp, os.path.splitext(name)[0])
        os.makedirs(pages_dir, exist_ok=True)
        prefix = os.path.join(pages_dir, "slide")
        for old in os.listdir(os.path.dirname(prefix)):
            if old.startswith(os.path.basename(prefix) + "-") and old.endswith(".png"):
                os.remove(os.path.join(os.path.dirname(prefix), old))
        subprocess.run(["pdftoppm", "-r", "50", "-png", pdf, prefix], check=True)
        pages = sorted(p for p in os.listdir(os.path.dirname(prefix)) if p.startswith(os.path.basename(prefix) + "-") and p.endswith(".png"))
        check(len(pages) == len(slides), f"{name}: {len(pages)} PDF pages for {len(slides)} slides")
        for si, (x, y, w, h) in chart_frames.items():
            if si > len(pages):
                continue
            img = Image.open(os.path.join(os.path.dirname(prefix), pages[si - 1])).convert("RGB")
            sx, sy = img.width / prs.slide_width, img.height / prs.slide_height
            box = (int(x * sx), int(y * sy), int((x + w) * sx), int((y + h) * sy))
            region = img.crop(box)
            bg = img.getpixel((2, 2))
            drawn = sum(1 for p in (region.get_flattened_data() if hasattr(region, "get_flattened_data") else region.getdata()) if sum(abs(a - b) for a, b in zip(p, bg)) > 60)
            share = drawn / max(1, region.width * region.height)
            check(share > 0.01, f"{name} slide {si}: {share:.1%} of the chart frame is drawn")


if __name__ == "__main__":
    main()
    if failures:
        print(f"{len(failures)} failed")
        sys.exit(1)
