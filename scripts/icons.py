#!/usr/bin/env python3
"""Draws the app's icons as PNG files from the design of public/favicon.svg (a blue rounded square,
three white lines of different lengths, a yellow dot), with the standard library only.

    python3 scripts/icons.py [public]

Writes icon-192.png and icon-512.png (rounded, transparent corners, for the manifest's "any"),
icon-maskable-512.png (full-bleed square with the drawing inside the central safe circle, for
"maskable") and apple-touch-icon.png (180 px, full-bleed: iOS rounds the corners itself). The files are
committed; run this again only when the design changes.
"""

import math
import struct
import sys
import zlib
from pathlib import Path

# The favicon's drawing, in its 64-unit viewBox.
BLUE = (0x0B, 0x57, 0xD0)
WHITE = (0xFF, 0xFF, 0xFF)
YELLOW = (0xFF, 0xD4, 0x3B)
CORNER = 14.0
LINES = [((14, 20), (50, 20)), ((14, 32), (38, 32)), ((14, 44), (44, 44))]
LINE_RADIUS = 3.0
DOT = ((48, 32), 5.0)


def rounded_square(x, y, radius):
    """Signed distance from (x, y) to the 64-unit square with rounded corners (negative inside)."""
    qx = abs(x - 32) - (32 - radius)
    qy = abs(y - 32) - (32 - radius)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - radius


def capsule(x, y, a, b, radius):
    """Signed distance to a line from a to b with round caps of the given radius."""
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - ax - t * dx, y - ay - t * dy) - radius


def draw(size, full_bleed, scale):
    """RGBA rows of the icon at `size` pixels. `scale` shrinks the drawing around the centre (the
    maskable icon keeps it inside the safe circle); `full_bleed` fills the corners with the blue."""
    unit = 64.0 / size / scale  # one pixel, in viewBox units
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            # Pixel centre, in viewBox units, around the centre of the drawing.
            x = 32 + ((px + 0.5) / size * 64 - 32) / scale
            y = 32 + ((py + 0.5) / size * 64 - 32) / scale

            def cover(distance):
                return max(0.0, min(1.0, 0.5 - distance / unit))

            alpha = 1.0 if full_bleed else cover(rounded_square(x, y, CORNER))
            colour = BLUE
            for a, b in LINES:
                colour = mix(colour, WHITE, cover(capsule(x, y, a, b, LINE_RADIUS)))
            colour = mix(colour, YELLOW, cover(math.hypot(x - DOT[0][0], y - DOT[0][1]) - DOT[1]))
            row += bytes(colour) + bytes([round(alpha * 255)])
        rows.append(bytes(row))
    return rows


def mix(under, over, amount):
    return tuple(round(u + (o - u) * amount) for u, o in zip(under, over))


def png(rows, size):
    """A PNG file (8-bit RGBA, no filter) holding `rows`."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    raw = b"".join(b"\x00" + row for row in rows)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "public")
    icons = {
        "icon-192.png": (192, False, 1.0),
        "icon-512.png": (512, False, 1.0),
        # The safe zone of a maskable icon is the central circle of radius 0.4 × size; at 0.8 the
        # drawing's farthest point (a line's end) sits well inside it.
        "icon-maskable-512.png": (512, True, 0.8),
        "apple-touch-icon.png": (180, True, 0.9),
    }
    for name, (size, full_bleed, scale) in icons.items():
        data = png(draw(size, full_bleed, scale), size)
        (out / name).write_bytes(data)
        print(f"{name}: {size}x{size}, {len(data)} bytes")


if __name__ == "__main__":
    main()
