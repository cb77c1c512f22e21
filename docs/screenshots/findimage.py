#!/usr/bin/env python3
"""Prints the screen position of an inline picture in a screenshot (the bars of q3-growth.png: a run of 30
pixels of their blue), for take-files.sh to click on."""
import subprocess, sys
w, h = 1400, 900
raw = subprocess.run(["convert", sys.argv[1], "-depth", "8", "rgb:-"], capture_output=True, check=True).stdout
for y in range(120, h - 100, 4):
    for x in range(300, w - 200, 4):
        i = (y * w + x) * 3
        run = 0
        for k in range(30):
            r, g, b = raw[i + 3 * k], raw[i + 3 * k + 1], raw[i + 3 * k + 2]
            if not (b > 200 and r < 80 and 80 < g < 120):
                break
            run += 1
        if run == 30:
            print(x + 15, y + 20)
            sys.exit(0)
sys.exit(1)
