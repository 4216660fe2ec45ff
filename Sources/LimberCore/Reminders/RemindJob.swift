import Foundation

/// The periodic `limber remind` job, as a crontab block or a systemd user service and timer.
package struct RemindJob: Sendable, Equatable {
    /// The absolute path of the limber executable.
    package var executable: String
    /// The arguments after it: `remind` and its options.
    package var arguments: [String]
    /// Variables the job needs, in order (`PATH`, `LIMBER_HOME` or the XDG ones, ...).
    package var environment: [(name: String, value: String)]
    /// Minutes between runs: 1 to 60.
    package var everyMinutes: Int

    package init(executable: String, arguments: [String], environment: [(name: String, value: String)], everyMinutes: Int = 30) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.everyMinutes = everyMinutes
    }

    package static func == (lhs: RemindJob, rhs: RemindJob) -> Bool {
        lhs.executable == rhs.executable && lhs.arguments == rhs.arguments && lhs.everyMinutes == rhs.everyMinutes
            && lhs.environment.map(\.name) == rhs.environment.map(\.name)
            && lhs.environment.map(\.value) == rhs.environment.map(\.value)
    }

    // MARK: cron

    /// The cron time fields.
    var cronTimes: String {
        everyMinutes >= 60 ? "0 * * * *" : "*/\(everyMinutes) * * * *"
    }

    /// The crontab line: times, then the variables and the command as `/bin/sh` reads them,
    /// with `%` escaped (cron would turn it into a newline).
    package var crontabLine: String {
        let words =
            environment.map { "\($0.name)=\(Self.shellQuote($0.value))" }
            + ([executable] + arguments).map(Self.shellQuote)
        return cronTimes + " " + words.joined(separator: " ").replacingOccurrences(of: "%", with: "\\%")
    }

    /// The marked block `limber cron install` keeps in the crontab.
    package var crontabBlock: String {
        """
        \(CrontabBlock.begin)
        # limber reminders: `limber remind` every \(everyMinutes) minutes. Managed by `limber cron install`;
        # `limber cron remove` takes this block out again.
        \(crontabLine)
        \(CrontabBlock.end)

        """
    }

    /// A word as `/bin/sh` reads it back unchanged: bare when it is plain, else single-quoted.
    static func shellQuote(_ word: String) -> String {
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@%+=:,./-")
        if !word.isEmpty && word.allSatisfy(plain.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    // MARK: systemd

    /// `limber-remind.service`: a one-shot user service that runs `limber remind`.
    package var systemdService: String {
        var lines = [
            "# ~/.config/systemd/user/limber-remind.service",
            "[Unit]",
            "Description=Deliver the limber reminders that are due",
            "",
            "[Service]",
            "Type=oneshot",
        ]
        for variable in environment {
            lines.append("Environment=" + Self.systemdQuote("\(variable.name)=\(variable.value)"))
        }
        lines.append("ExecStart=" + ([executable] + arguments).map(Self.systemdWord).joined(separator: " "))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `limber-remind.timer`: starts the service every few minutes, catching up after sleep.
    package var systemdTimer: String {
        let calendar = everyMinutes >= 60 ? "hourly" : "*:0/\(everyMinutes)"
        return """
            # ~/.config/systemd/user/limber-remind.timer
            # then: systemctl --user daemon-reload && systemctl --user enable --now limber-remind.timer
            [Unit]
            Description=Run limber remind every \(everyMinutes) minutes

            [Timer]
            OnCalendar=\(calendar)
            Persistent=true

            [Install]
            WantedBy=timers.target

            """
    }

    /// A double-quoted systemd value: `\` and `"` escaped, `%` doubled (specifiers).
    static func systemdQuote(_ value: String) -> String {
        "\""
            + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "%", with: "%%") + "\""
    }

    /// A word of an `ExecStart=` line: `%` and `$` doubled, quoted when it has spaces or quotes.
    static func systemdWord(_ word: String) -> String {
        let escaped = word.replacingOccurrences(of: "%", with: "%%").replacingOccurrences(of: "$", with: "$$")
        let plain =
            !escaped.isEmpty && !escaped.contains { $0.isWhitespace || $0 == "\"" || $0 == "'" || $0 == "\\" || $0 == ";" }
        if plain { return escaped }
        return "\"" + escaped.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// The marked block in a crontab: put in once, replaced in place, taken out.
package enum CrontabBlock {
    package static let begin = "# >>> limber >>>"
    package static let end = "# <<< limber <<<"

    /// The crontab with `block` in it: replacing the marked block where it is, else at the end.
    /// Installing twice gives the same text as installing once.
    package static func install(_ block: String, into crontab: String) throws(ReminderError) -> String {
        let (lines, range) = try locate(in: crontab)
        let blockLines = block.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        if let range {
            var result = lines
            result.replaceSubrange(range, with: blockLines)
            return join(result)
        }
        var result = lines
        if let last = result.last, !last.trimmingCharacters(in: .whitespaces).isEmpty { result.append("") }
        return join(result + blockLines)
    }

    /// The crontab without the marked block, and whether there was one.
    package static func remove(from crontab: String) throws(ReminderError) -> (text: String, removed: Bool) {
        let (lines, range) = try locate(in: crontab)
        guard let range else { return (crontab, false) }
        var result = lines
        result.removeSubrange(range)
        // Drop the blank line install put before the block.
        let before = range.lowerBound - 1
        if before >= 0, before < result.count, result[before].trimmingCharacters(in: .whitespaces).isEmpty {
            result.remove(at: before)
        }
        return (join(result), true)
    }

    /// The crontab's lines (without the final newline) and the block's line range, if any.
    private static func locate(in crontab: String) throws(ReminderError) -> ([String], Range<Int>?) {
        var lines = crontab.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let begins = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces) == begin }
        let ends = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces) == end }
        guard !begins.isEmpty || !ends.isEmpty else { return (lines, nil) }
        guard begins.count == 1, ends.count == 1, let first = begins.first, let last = ends.first, first < last else {
            throw .commandFailed(
                "the crontab's limber block is damaged (expected one '\(begin)' line and then one '\(end)' line); fix it with crontab -e"
            )
        }
        return (lines, first..<(last + 1))
    }

    private static func join(_ lines: [String]) -> String {
        lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }
}
