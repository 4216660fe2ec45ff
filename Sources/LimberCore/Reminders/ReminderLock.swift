import Foundation

/// An exclusive lock on a file (flock), so that two `limber remind` runs never overlap.
///
/// The lock belongs to the open file: it goes when this object goes, or when the process dies.
/// The descriptor is close-on-exec, so commands limber starts never hold it.
package final class ReminderLock {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// How long a run may hold the lock before a later run takes it over as hung: 10 minutes,
    /// five times the longest a reminder run takes (its deliveries are killed after seconds).
    package static let hungAfter: TimeInterval = 600

    /// Set when this lock was taken over from a process that was gone or hung: one line saying so.
    package private(set) var takeover: String?

    /// Takes the lock without waiting; nil when another live process holds it.
    ///
    /// The holder writes its pid and the time it took the lock into the file. A lock whose
    /// holder is no longer running, or that has been held longer than `hungAfter`, is taken
    /// over: a fresh lock file, already locked, replaces it (so the stuck holder keeps only a
    /// lock on a file nobody looks at), and `takeover` says whose it was.
    package static func acquire(at url: URL, now: Date = Date(), hungAfter: TimeInterval = hungAfter) throws(ReminderError)
        -> ReminderLock?
    {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .unwritableState(path: url.deletingLastPathComponent().path, reason: "cannot create the folder")
        }
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .unwritableState(path: url.path, reason: String(cString: strerror(errno)))
        }
        if try lock(descriptor, path: url.path) {
            let lock = ReminderLock(descriptor: descriptor)
            lock.stamp(now)
            return lock
        }
        let holder = LockHolder.read(descriptor)
        close(descriptor)
        guard let holder, let reason = holder.staleReason(now: now, hungAfter: hungAfter) else { return nil }
        return try takeOver(url, from: holder, reason: reason, now: now)
    }

    /// Locks a descriptor without waiting: true when locked, false when another holds it.
    private static func lock(_ descriptor: Int32, path: String) throws(ReminderError) -> Bool {
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            if code == EWOULDBLOCK { return false }
            close(descriptor)
            throw .unwritableState(path: path, reason: "cannot lock: \(String(cString: strerror(code)))")
        }
        return true
    }

    private static func takeOver(_ url: URL, from holder: LockHolder, reason: String, now: Date) throws(ReminderError)
        -> ReminderLock?
    {
        let fresh = url.path + ".\(getpid()).new"
        let descriptor = open(fresh, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .unwritableState(path: fresh, reason: String(cString: strerror(errno)))
        }
        guard try lock(descriptor, path: fresh) else {
            close(descriptor)
            unlink(fresh)
            return nil
        }
        let lock = ReminderLock(descriptor: descriptor)
        lock.stamp(now)
        guard rename(fresh, url.path) == 0 else {
            unlink(fresh)
            throw .unwritableState(path: url.path, reason: "cannot take over the lock: \(String(cString: strerror(errno)))")
        }
        // Another run taking over at the same moment may have renamed its own file over ours.
        var onDisk = stat()
        var ours = stat()
        guard stat(url.path, &onDisk) == 0, fstat(descriptor, &ours) == 0, onDisk.st_ino == ours.st_ino else { return nil }
        lock.takeover = "took over the reminder lock from pid \(holder.pid), \(reason)"
        return lock
    }

    /// Writes this process's pid and the time into the lock file.
    private func stamp(_ now: Date) {
        let line = "\(getpid()) \(Int64(now.timeIntervalSince1970))\n"
        _ = ftruncate(descriptor, 0)
        _ = line.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    /// The lock file in a state folder.
    package static func file(in folder: URL) -> URL {
        folder.appendingPathComponent("remind.lock")
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// Who holds a reminder lock, as the holder wrote it: `pid seconds-since-1970`.
struct LockHolder {
    let pid: Int32
    let since: Date

    static func read(_ descriptor: Int32) -> LockHolder? {
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let fields = String(decoding: buffer.prefix(count), as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard fields.count >= 2, let pid = Int32(fields[0]), pid > 0, let seconds = Int64(fields[1]) else { return nil }
        return LockHolder(pid: pid, since: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// Why the holder no longer counts (gone, or holding past the bound), or nil while it does.
    func staleReason(now: Date, hungAfter: TimeInterval) -> String? {
        if kill(pid, 0) != 0, errno == ESRCH { return "which is no longer running" }
        let held = now.timeIntervalSince(since)
        if held > hungAfter {
            return "which has held it for \(Int(held / 60)) min, longer than the \(Int(hungAfter / 60)) min a run may take"
        }
        return nil
    }
}
