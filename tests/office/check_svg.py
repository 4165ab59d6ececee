"""Checks that LibreOffice draws an FTZ Atlas SVG export where Chromium does.

    python check_svg.py CHART.svg CHROMIUM.png [--out DIR]

CHROMIUM.png is the SVG as Chromium rendered it at 1 CSS px per pixel (the e2e test takes it).
LibreOffice converts the SVG to PDF, which is rasterized at 96 DPI (1 px per CSS px); the ink
box of the title (the darkest text in the top band) must agree within 4 px in both pictures.
Before the baselines were made absolute, LibreOffice drew the title 9–10 px higher, cut off.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

from PIL import Image


def ink_box(path, band=40, threshold=80):
    img = Image.open(path).convert("L")
    xs, ys = [], []
    for y in range(min(band, img.height)):
        for x in range(img.width):
            if img.getpixel((x, y)) < threshold:
                xs.append(x)
                ys.append(y)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("svg")
    ap.add_argument("chromium")
    ap.add_argument("--out")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "chart.svg")
        shutil.copy(args.svg, src)
        r = subprocess.run(
            ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
             "--convert-to", "pdf", "--outdir", tmp, src],
            capture_output=True, text=True, timeout=180,
        )
        pdf = os.path.join(tmp, "chart.pdf")
        if r.returncode != 0 or not os.path.exists(pdf):
            print(f"FAIL LibreOffice did not convert {args.svg}: {r.stderr.strip()[:300]}")
            sys.exit(1)
        png = os.path.join(args.out or tmp, os.path.splitext(os.path.basename(args.svg))[0] + "-libreoffice")
        subprocess.run(["pdftoppm", "-r", "96", "-png", "-singlefile", pdf, png], check=True)
        lo, cr = ink_box(png + ".png"), ink_box(args.chromium)
    print(f"title ink box: LibreOffice {lo}, Chromium {cr}")
    if lo is None or cr is None or max(abs(a - b) for a, b in zip(lo, cr)) > 4:
        print("FAIL the title is not where Chromium draws it (within 4 px)")
        sys.exit(1)
    print("ok   the title is within 4 px of where Chromium draws it")


if __name__ == "__main__":
    main()
