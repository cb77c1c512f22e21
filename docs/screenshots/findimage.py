#!/usr/bin/env python3
"""Prints the screen position of the first inline picture of files.png (a pixel of the gradient of
mountains.jpg), for take-files.sh to click on."""
import subprocess, sys
w, h = 1400, 900
raw = subprocess.run(["convert", sys.argv[1], "-depth", "8", "rgb:-"], capture_output=True, check=True).stdout
for y in range(120, h - 100, 4):
    for x in range(300, w - 200, 4):
        i = (y * w + x) * 3
        r, g, b = raw[i], raw[i + 1], raw[i + 2]
        if b > 120 and r < 80 and g < 110 and b - r > 70:
            print(x + 40, y + 30)
            sys.exit(0)
sys.exit(1)
