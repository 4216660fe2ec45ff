import Foundation

/// A plugin on disk: a `.lua` file, or a folder with an `init.lua`.
package struct PluginFile: Sendable, Equatable {
    /// The plugin's name: the file name without `.lua`, or the folder's name.
    package let name: String
    /// The file that runs: `x.lua` or `x/init.lua`.
    package let entry: URL
    /// The folder `require` searches: the folder plugin's own folder, or none for a single file.
    package let moduleFolder: URL?

    package init(name: String, entry: URL, moduleFolder: URL?) {
        self.name = name
        self.entry = entry
        self.moduleFolder = moduleFolder
    }

    /// The entry's path as messages show it: relative to the working directory when inside it.
    package var displayPath: String {
        PluginFile.displayPath(of: entry)
    }

    static func displayPath(of url: URL) -> String {
        let path = url.standardizedFileURL.path
        let cwd = FileManager.default.currentDirectoryPath
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        return path
    }

    /// The plugins in a folder, sorted by name so the order never depends on the file system.
    package static func discover(in folder: URL) -> [PluginFile] {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder.path) else { return [] }
        var plugins: [PluginFile] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                let entry = url.appendingPathComponent("init.lua")
                if manager.fileExists(atPath: entry.path) {
                    plugins.append(PluginFile(name: name, entry: entry, moduleFolder: url))
                }
            } else if name.hasSuffix(".lua") && !name.hasSuffix("_test.lua") {
                plugins.append(PluginFile(name: String(name.dropLast(4)), entry: url, moduleFolder: nil))
            }
        }
        return plugins
    }

    /// The capabilities named in a `-- needs: exec, env` line among the entry's first lines.
    package func needs() -> [String] {
        guard let data = FileManager.default.contents(atPath: entry.path) else { return [] }
        let head = String(decoding: data.prefix(4096), as: UTF8.self)
        if let found = Self.asciiNeeds(head) { return found }
        for line in head.split(separator: "\n", omittingEmptySubsequences: false).prefix(20) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("--") else { continue }
            let comment = trimmed.drop { $0 == "-" }.trimmingCharacters(in: .whitespaces)
            guard comment.hasPrefix("needs:") else { continue }
            return comment.dropFirst("needs:".count).split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return []
    }

    /// What `needs()` reads, read byte by byte when the first lines are plain ASCII without
    /// carriage returns (the same lines, the same trimming of spaces and tabs); nil otherwise,
    /// for the general reading. Loading a plugin asks this on every run of `limber remind`.
    private static func asciiNeeds(_ head: String) -> [String]? {
        let bytes = Array(head.utf8)
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).prefix(20)
        guard lines.allSatisfy({ line in line.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "\r") } }) else { return nil }
        func blank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        func trimmed(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
            guard let first = text.firstIndex(where: { !blank($0) }), let last = text.lastIndex(where: { !blank($0) }) else {
                return []
            }
            return text[first...last]
        }
        let dash = UInt8(ascii: "-")
        for line in lines {
            let text = trimmed(line)
            guard text.starts(with: [dash, dash]) else { continue }
            let comment = trimmed(text.drop { $0 == dash })
            guard comment.starts(with: Array("needs:".utf8)) else { continue }
            return comment.dropFirst("needs:".count).split(separator: UInt8(ascii: ","))
                .map { String(decoding: trimmed($0), as: UTF8.self) }.filter { !$0.isEmpty }
        }
        return []
    }
}
