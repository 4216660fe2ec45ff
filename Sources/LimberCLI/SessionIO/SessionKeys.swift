import Foundation
import LimberLua

/// The keyboard during a live session: space pauses or resumes, `n` skips to the next step,
/// `q` ends the session. The terminal goes into a raw-ish mode (no line buffering, no echo;
/// Ctrl-C still sends SIGINT) and is always put back: by `stop()`, and at process exit.
final class SessionKeys: @unchecked Sendable {
    private let input: Int32
    private var wake: [Int32] = [-1, -1]
    private var reader: Thread?
    private let finished = DispatchSemaphore(value: 0)

    /// Keys on `input` (standard input by default), which must be a TTY.
    init(input: Int32 = STDIN_FILENO) {
        self.input = input
    }

    /// Enters key mode and sends a control for each key pressed; false if the terminal refused.
    @discardableResult
    func start(_ controls: SessionControls) -> Bool {
        guard TerminalModes.enterKeyMode(input) else { return false }
        guard pipe(&wake) == 0 else {
            TerminalModes.restore()
            return false
        }
        let input = self.input
        let wakeRead = wake[0]
        let finished = self.finished
        let thread = Thread {
            var fds = [
                pollfd(fd: input, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
            ]
            var byte: UInt8 = 0
            reading: while true {
                guard poll(&fds, 2, -1) >= 0 || errno == EINTR else { break }
                if fds[1].revents != 0 { break }
                guard fds[0].revents != 0 else { continue }
                guard read(input, &byte, 1) == 1 else { break }
                switch byte {
                case UInt8(ascii: " "): controls.send(.togglePause)
                case UInt8(ascii: "n"), UInt8(ascii: "N"): controls.send(.skip)
                case UInt8(ascii: "q"), UInt8(ascii: "Q"), 0x03, 0x04: controls.send(.abort)
                default: continue reading
                }
            }
            finished.signal()
        }
        thread.name = "limber keys"
        reader = thread
        thread.start()
        return true
    }

    /// Stops reading keys and puts the terminal back as it was.
    func stop() {
        if reader != nil {
            var byte: UInt8 = 1
            _ = write(wake[1], &byte, 1)
            finished.wait()
            reader = nil
            close(wake[0])
            close(wake[1])
        }
        TerminalModes.restore()
    }
}

/// The terminal settings limber changes, saved so they can be put back even at exit.
enum TerminalModes {
    nonisolated(unsafe) private static var saved: termios?
    nonisolated(unsafe) private static var savedDescriptor: Int32 = STDIN_FILENO
    nonisolated(unsafe) private static var exitHookInstalled = false
    private static let lock = NSLock()

    /// No line buffering, no echo, no output flush on Ctrl-C; signals (Ctrl-C) still work.
    static func enterKeyMode(_ descriptor: Int32) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        var original = termios()
        guard tcgetattr(descriptor, &original) == 0 else { return false }
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        // Ctrl-C must not make the terminal discard output already written: a redraw cut off in
        // the middle of its escape sequences wiped the screen, summary line and all.
        raw.c_lflag |= tcflag_t(NOFLSH)
        withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
            bytes[Int(VMIN)] = 1
            bytes[Int(VTIME)] = 0
        }
        guard tcsetattr(descriptor, TCSANOW, &raw) == 0 else { return false }
        if saved == nil {
            saved = original
            savedDescriptor = descriptor
        }
        if !exitHookInstalled {
            exitHookInstalled = true
            atexit { TerminalModes.restore() }
        }
        return true
    }

    /// Puts back the saved settings and shows the cursor; safe to call more than once.
    static func restore() {
        lock.lock()
        defer { lock.unlock() }
        guard var original = saved else { return }
        _ = tcsetattr(savedDescriptor, TCSANOW, &original)
        saved = nil
        let show = "\u{1B}[?25h"
        if isatty(STDOUT_FILENO) == 1 { _ = show.withCString { write(STDOUT_FILENO, $0, strlen($0)) } }
    }
}
