#ifndef LIMBER_CZLIB_SHIM_H
#define LIMBER_CZLIB_SHIM_H
/* Debian's zlib1g-dev: inflate for .fit.gz, .gpx.gz and .tcx.gz files. */
#include <zlib.h>

/* inflateInit2 is a macro; Swift sees this instead. 15 + 32: any window, gzip or zlib header. */
static inline int limber_inflate_init(z_stream *stream) {
    return inflateInit2(stream, 15 + 32);
}
#endif
