import Foundation
import LimberCore
import LimberLua

/// One reminder's result as `limber remind --json` prints it: one object per line.
struct ReminderReport: Encodable {
    var id: String?
    /// `delivered`, `notified` (a `limber.notify` call), or in a dry run `due`, `not_due`,
    /// `already_delivered`, `missed`, `not_started`, `failed`.
    var status: String
    var message: String?
    var error: String?
    var occurrence: String?
    var next: String?
    var backend: String?
    var source: String?
    var dry_run: Bool?

    /// A local ISO 8601 time with its offset.
    static func time(_ date: Date?, in timeZone: TimeZone) -> String? {
        guard let date else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = timeZone
        return formatter.string(from: date)
    }

    init(
        id: String?, status: String, message: String? = nil, error: String? = nil, period: ReminderPeriod? = nil,
        timeZone: TimeZone, backend: String? = nil, source: String? = nil, dryRun: Bool = false
    ) {
        self.id = id
        self.status = status
        self.message = message
        self.error = error
        self.occurrence = Self.time(period?.occurrence, in: timeZone)
        self.next = Self.time(period?.next, in: timeZone)
        self.backend = backend
        self.source = source
        self.dry_run = dryRun ? true : nil
    }

    /// The JSON line.
    func line() throws -> String {
        try JSONOutput.string(self, pretty: false)
    }
}

extension ReminderOutcome.Status {
    /// The status word for reports.
    var word: String {
        switch self {
        case .due: "due"
        case .notDue: "not_due"
        case .alreadyFired: "already_delivered"
        case .missed: "missed"
        case .notStarted: "not_started"
        case .snoozed: "snoozed"
        case .failed: "failed"
        }
    }
}
