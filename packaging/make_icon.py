"""Draw the application icon: ``ui/icons/balti_monitor.png`` (256 px) and ``ui/icons/balti_monitor.ico``.

Run it again only when the design changes (the two files are committed)::

    python packaging/make_icon.py

Drawn with Qt's ``QImage``/``QPainter`` (PySide6 is already a dependency; Pillow is not needed). The design
uses shapes only, no text, so it needs no fonts and looks the same on every machine: a blue rounded square,
a white report sheet with a folded corner and three table rows, and a green badge with a check mark.
Each icon size is drawn separately; the small sizes (16-32 px) drop the details that would only blur.

The ``.ico`` holds 16, 20, 24, 32, 40, 48, 64, 128 and 256 px images: classic 32-bit BMP entries up to
128 px (what every Windows tool, NSIS included, reads) and a PNG entry for 256 px (Windows Vista and later).
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QLinearGradient, QPainter, QPainterPath, QPen

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "ui" / "icons"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
PNG_SIZE = 256

BLUE_TOP = QColor("#2F6DB5")
BLUE_BOTTOM = QColor("#17406F")
SHEET = QColor("#FFFFFF")
FOLD = QColor("#C9D6E6")
ROW = QColor("#8FA6C1")
HEADER = QColor("#2F6DB5")
GREEN = QColor("#2E9E4F")
GREEN_EDGE = QColor("#FFFFFF")


def draw(size: int) -> QImage:
    """The icon drawn at ``size`` x ``size`` pixels (ARGB, transparent outside the rounded square)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    s = float(size)
    small = size <= 32

    # Background: rounded square with a vertical gradient.
    margin = s * (0.02 if small else 0.04)
    radius = s * 0.2
    gradient = QLinearGradient(QPointF(0, margin), QPointF(0, s - margin))
    gradient.setColorAt(0.0, BLUE_TOP)
    gradient.setColorAt(1.0, BLUE_BOTTOM)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(gradient))
    p.drawRoundedRect(QRectF(margin, margin, s - 2 * margin, s - 2 * margin), radius, radius)

    # The report sheet with a folded top-right corner.
    left, top = s * 0.22, s * 0.14
    width, height = s * 0.50, s * 0.66
    fold = width * 0.30
    sheet = QPainterPath()
    sheet.moveTo(left, top)
    sheet.lineTo(left + width - fold, top)
    sheet.lineTo(left + width, top + fold)
    sheet.lineTo(left + width, top + height)
    sheet.lineTo(left, top + height)
    sheet.closeSubpath()
    p.setBrush(SHEET)
    p.drawPath(sheet)
    corner = QPainterPath()
    corner.moveTo(left + width - fold, top)
    corner.lineTo(left + width - fold, top + fold)
    corner.lineTo(left + width, top + fold)
    corner.closeSubpath()
    p.setBrush(FOLD)
    p.drawPath(corner)

    # Table rows on the sheet: a blue header bar and grey rows (fewer at small sizes).
    inner_left = left + width * 0.14
    inner_width = width * 0.72
    bar = max(1.0, s * (0.06 if small else 0.045))
    p.setBrush(HEADER)
    p.drawRect(QRectF(inner_left, top + height * 0.30, inner_width * (0.62 if small else 0.55), bar))
    p.setBrush(ROW)
    rows = 2 if small else 3
    for i in range(rows):
        y = top + height * (0.48 + i * (0.18 if small else 0.14))
        p.drawRect(QRectF(inner_left, y, inner_width * (0.55 if i == rows - 1 else 1.0), bar))

    # The green "checked" badge at the bottom right.
    cx, cy, r = s * 0.70, s * 0.70, s * (0.19 if small else 0.17)
    p.setPen(QPen(GREEN_EDGE, max(1.0, s * 0.025)))
    p.setBrush(GREEN)
    p.drawEllipse(QPointF(cx, cy), r, r)
    tick = QPainterPath()
    tick.moveTo(cx - r * 0.48, cy + r * 0.02)
    tick.lineTo(cx - r * 0.12, cy + r * 0.38)
    tick.lineTo(cx + r * 0.50, cy - r * 0.34)
    pen = QPen(SHEET, max(1.2, r * 0.26))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(tick)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """``image`` encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stubs say bytes; str works
        raise RuntimeError("PNG encoding failed")
    buffer.close()
    return bytes(data.data())


def bmp_entry(image: QImage) -> bytes:
    """A classic ICO image: BITMAPINFOHEADER, 32-bit BGRA rows bottom-up, then a 1-bit AND mask."""
    size = image.width()
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = bytearray()
    for y in range(size - 1, -1, -1):
        for x in range(size):
            pixel = argb.pixel(x, y)  # 0xAARRGGBB
            rows += struct.pack("<I", pixel & 0xFFFFFFFF)  # little-endian: B, G, R, A
    mask_stride = ((size + 31) // 32) * 4
    mask = bytearray()
    for y in range(size - 1, -1, -1):
        bits = bytearray(mask_stride)
        for x in range(size):
            if (argb.pixel(x, y) >> 24) & 0xFF == 0:
                bits[x // 8] |= 0x80 >> (x % 8)
        mask += bits
    return header + bytes(rows) + bytes(mask)


def ico_bytes(images: dict[int, QImage]) -> bytes:
    """An ICO file holding every image (PNG-compressed for 256 px, BMP below)."""
    blobs = [
        (size, png_bytes(img) if size >= 256 else bmp_entry(img)) for size, img in sorted(images.items())
    ]
    out = bytearray(struct.pack("<HHH", 0, 1, len(blobs)))
    offset = 6 + 16 * len(blobs)
    for size, blob in blobs:
        dim = 0 if size >= 256 else size
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    for _, blob in blobs:
        out += blob
    return bytes(out)


def main() -> int:
    """Write both icon files."""
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    images = {size: draw(size) for size in ICO_SIZES}
    (OUT_DIR / "balti_monitor.ico").write_bytes(ico_bytes(images))
    (OUT_DIR / "balti_monitor.png").write_bytes(png_bytes(draw(PNG_SIZE)))
    print(f"{OUT_DIR / 'balti_monitor.ico'}: {', '.join(str(s) for s in ICO_SIZES)} px")
    print(f"{OUT_DIR / 'balti_monitor.png'}: {PNG_SIZE} px")
    return 0


if __name__ == "__main__":
    sys.exit(main())
