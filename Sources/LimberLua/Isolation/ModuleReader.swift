import Foundation

/// Reads the source of a module a folder plugin `require`s, from inside its folder only.
///
/// The name is checked (`a`, `lib.deep`: letters, digits, `_` and `-`, dot-separated), the
/// path resolved with every symlink followed, and it must lie inside the plugin's folder (also
/// resolved). The file is opened without blocking and must be a regular file of at most
/// `maximumSize` bytes: a FIFO, a device, a directory or a link out of the folder is an error
/// naming the module, before anything is read.
enum ModuleReader {
    /// The largest module source read, in bytes.
    static let maximumSize = 4 << 20
    /// The longest module name accepted, in bytes.
    static let maximumNameLength = 200

    /// The module's source and the path its chunk is named by, or why it cannot be read.
    static func read(folder: String, name: String) -> Result<(source: [UInt8], path: String), ModuleReadError> {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= maximumNameLength, isModuleName(bytes) else {
            return .failure(ModuleReadError("bad module name '\(PluginErrorText.clean(String(name.prefix(maximumNameLength))))'"))
        }
        let relative = name.replacingOccurrences(of: ".", with: "/") + ".lua"
        let shown = folder + "/" + relative
        guard let root = realPath(folder) else {
            return .failure(ModuleReadError("module '\(name)' not found: the plugin's folder \(folder) is gone"))
        }
        let candidate = root + "/" + relative
        var linkInfo = stat()
        guard lstat(candidate, &linkInfo) == 0 else {
            return .failure(ModuleReadError("module '\(name)' not found in \(folder)"))
        }
        guard let resolved = realPath(candidate) else {
            return .failure(ModuleReadError("module '\(name)' is a broken symbolic link"))
        }
        guard resolved.hasPrefix(root + "/") else {
            return .failure(ModuleReadError("module '\(name)' resolves outside the plugin's folder, to \(resolved)"))
        }
        let descriptor = open(resolved, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY)
        guard descriptor >= 0 else {
            return .failure(ModuleReadError("module '\(name)' cannot be read: \(String(cString: strerror(errno)))"))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            return .failure(ModuleReadError("module '\(name)' cannot be read: \(String(cString: strerror(errno)))"))
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else {
            return .failure(ModuleReadError("module '\(name)' is \(describe(kind)), not a regular file"))
        }
        guard info.st_size <= maximumSize else {
            return .failure(
                ModuleReadError(
                    "module '\(name)' is \(info.st_size) bytes, more than the \(maximumSize >> 20) MiB a module may have"))
        }
        let source = DescriptorReader.read(descriptor, upTo: Int(info.st_size))
        return .success((source, shown))
    }

    /// Dot-separated parts of letters, digits, `_` and `-`; no empty part, none starting with `-`.
    private static func isModuleName(_ bytes: [UInt8]) -> Bool {
        var partStart = true
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "."):
                if partStart { return false }
                partStart = true
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                partStart = false
            case UInt8(ascii: "-"):
                if partStart { return false }
            default:
                return false
            }
        }
        return !partStart
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func describe(_ kind: mode_t) -> String {
        switch kind {
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "not a file"
        }
    }
}

/// Why a module could not be read: one line naming the module.
struct ModuleReadError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
