#!/usr/bin/env bash
# Renders natter.svg into the hicolor PNG sizes committed beside it (rsvg-convert from librsvg2-bin). Run after
# changing the SVG; the build uses the PNGs as they are.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "hicolor/${size}x${size}/apps"
  rsvg-convert -w "$size" -h "$size" natter.svg -o "hicolor/${size}x${size}/apps/org.natter.Natter.png"
done
mkdir -p hicolor/scalable/apps
cp natter.svg hicolor/scalable/apps/org.natter.Natter.svg
convert hicolor/{16x16,24x24,32x32,48x48,256x256}/apps/org.natter.Natter.png natter.ico  # Windows icon (ImageMagick)
