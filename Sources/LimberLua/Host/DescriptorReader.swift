import Foundation

/// Reads an open file whole, by its descriptor: the one loop the loaders and caches share.
enum DescriptorReader {
    /// Up to `count` bytes from `descriptor`, fewer when the file ends (or a read fails) first;
    /// an interrupted read is retried.
    static func read(_ descriptor: Int32, upTo count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: max(0, count))
        var filled = 0
        while filled < bytes.count {
            let got = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.read(descriptor, base + filled, buffer.count - filled)
            }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { break }
            filled += got
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}
