import Foundation

/// An exclusive lock on a file (flock), so that two `limber remind` runs never overlap.
///
/// The lock belongs to the open file: it goes when this object goes, or when the process dies.
/// The descriptor is close-on-exec, so commands limber starts never hold it.
public final class ReminderLock {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Takes the lock without waiting; nil when another process holds it.
    public static func acquire(at url: URL) throws(ReminderError) -> ReminderLock? {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .unwritableState(path: url.deletingLastPathComponent().path, reason: "cannot create the folder")
        }
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .unwritableState(path: url.path, reason: String(cString: strerror(errno)))
        }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            close(descriptor)
            if code == EWOULDBLOCK { return nil }
            throw .unwritableState(path: url.path, reason: "cannot lock: \(String(cString: strerror(code)))")
        }
        return ReminderLock(descriptor: descriptor)
    }

    /// The lock file in a state folder.
    public static func file(in folder: URL) -> URL {
        folder.appendingPathComponent("remind.lock")
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
