import Foundation

/// The activity file formats limber reads, told by the file name: `.fit`, `.gpx`, `.tcx`, each
/// optionally gzipped (`.fit.gz`: Strava's bulk export gzips its files).
package struct RunFileFormat: Sendable, Equatable {
    package enum Kind: String, Sendable {
        case fit, gpx, tcx
    }

    package var kind: Kind
    package var gzipped: Bool

    /// The format of a file name (any case), or nil for other files.
    package init?(fileName: String) {
        var name = fileName.lowercased()
        gzipped = name.hasSuffix(".gz")
        if gzipped { name.removeLast(3) }
        guard let dot = name.lastIndex(of: "."), let kind = Kind(rawValue: String(name[name.index(after: dot)...])) else {
            return nil
        }
        self.kind = kind
    }

    /// The largest file read, and the most a gzipped one may inflate to: a day-long run recorded
    /// every second is a few MiB of FIT and some tens of GPX.
    package static let maximumSize = 64 << 20
}

/// Reads one activity file: checked for size before it is read, decompressed within bounds,
/// then decoded by its format's reader.
package enum RunFileReader {
    package static func contents(of url: URL, format: RunFileFormat) throws(RunFileError) -> FileContents {
        try contents(of: try read(url, format: format), kind: format.kind)
    }

    /// Decodes bytes already read (and decompressed) as a file of `kind`.
    package static func contents(of data: Data, kind: RunFileFormat.Kind) throws(RunFileError) -> FileContents {
        switch kind {
        case .fit: return FITActivities.contents(of: try FITDecoder.decode(data))
        case .gpx: return try GPXReader.contents(of: data)
        case .tcx: return try TCXReader.contents(of: data)
        }
    }

    /// The file's bytes (decompressed when gzipped), at most ``RunFileFormat/maximumSize``.
    static func read(_ url: URL, format: RunFileFormat) throws(RunFileError) -> Data {
        let data = try RunFileBytes.read(path: url.path, limit: RunFileFormat.maximumSize)
        guard format.gzipped else { return data }
        return try unzipped(data, limit: RunFileFormat.maximumSize)
    }

    /// A gzip file's content, refused past `limit` bytes (a gzip bomb stops there).
    package static func unzipped(_ data: Data, limit: Int = RunFileFormat.maximumSize) throws(RunFileError) -> Data {
        guard data.count >= 2, data[data.startIndex] == 0x1F, data[data.startIndex + 1] == 0x8B else {
            throw RunFileError(data.isEmpty ? "empty file" : "not a gzip file (no gzip signature)")
        }
        return try Gunzip.decompress(data, limit: limit)
    }
}
