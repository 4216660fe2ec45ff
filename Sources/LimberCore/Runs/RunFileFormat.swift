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
        let limit = RunFileFormat.maximumSize
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw RunFileError("cannot read it: \((error as NSError).localizedDescription)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            // The size first, so a huge file is refused without reading any of it.
            let size = try handle.seekToEnd()
            if size > UInt64(limit) { throw RunFileError("larger than \(limit >> 20) MiB, which no activity file is") }
            try handle.seek(toOffset: 0)
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch let error as RunFileError {
            throw error
        } catch {
            throw RunFileError("cannot read it: \((error as NSError).localizedDescription)")
        }
        if data.count > limit {
            throw RunFileError("larger than \(limit >> 20) MiB, which no activity file is")
        }
        guard format.gzipped else { return data }
        return try unzipped(data, limit: limit)
    }

    /// A gzip file's content, refused past `limit` bytes (a gzip bomb stops there).
    package static func unzipped(_ data: Data, limit: Int = RunFileFormat.maximumSize) throws(RunFileError) -> Data {
        guard data.count >= 2, data[data.startIndex] == 0x1F, data[data.startIndex + 1] == 0x8B else {
            throw RunFileError(data.isEmpty ? "empty file" : "not a gzip file (no gzip signature)")
        }
        return try Gunzip.decompress(data, limit: limit)
    }
}
