#pragma once

#include <QByteArray>

class QIODevice;

namespace Natter::ImageGuard {

// Which of Qt's image decoders may read bytes that someone else chose: PNG, JPEG, GIF, WebP and BMP, named
// from the bytes' signature, never from a file name. The other decoders Qt may load (ICO, XPM, PBM/PGM/PPM,
// XBM, TGA,
// ...) are not run on what users send; what they would show is a download. Qt's allocation limit bounds the
// pixels a decoder allocates, but not what the libraries underneath allocate on the header's word: libpng
// allocates a chunk's declared length before reading it, so a PNG whose chunks do not fit in the bytes there
// are (a 300-byte file declaring a 2 GB chunk, or ending in a chunk header with nothing after it) gets no
// decoder.
//
// Returns the format to pass to QImageReader::setFormat() (with setDecideFormatFromContent(false)), or an
// empty array when the bytes must not be decoded. Reads DEVICE from its start and leaves it at its start.
QByteArray decoderFor(QIODevice *device);

// The decoder for an image MIME type as FileInspector detects it ("image/png" -> "png"); empty for the
// others.
QByteArray decoderForMime(const QString &mime);

} // namespace Natter::ImageGuard
