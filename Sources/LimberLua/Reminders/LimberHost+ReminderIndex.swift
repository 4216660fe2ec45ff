import Foundation
import LimberCore

/// `limber remind` with a ``ReminderIndex``: only the plugins a run needs are loaded, and the
/// run goes back to loading every plugin the moment one of them shows it needs the others.
extension LimberHost {
    /// Loads only the chosen plugins (in their load order); returns the first that failed or
    /// defined something other than what the index recorded for it, or nil when all are as
    /// recorded. A plugin returned means the run must load every plugin instead (in a new host:
    /// this one holds what these plugins defined).
    package func loadOnly(_ chosen: [ReminderLoadPlan.Chosen]) -> ReminderLoadPlan.Chosen? {
        let loader = PluginLoader(host: self)
        for choice in chosen {
            let report = loader.load(choice.plugin)
            guard report.status == .loaded, report.defines == choice.defines else { return choice }
        }
        return nil
    }

    /// How evaluating reminders on a host that loaded only some plugins went.
    package enum AloneEvaluation {
        /// Every reminder was evaluated; the outcomes are those of a host with every plugin.
        case done([ReminderOutcome])
        /// A `due` or `message` of the plugin at this path asked for what plugins define.
        case needsOthers(String?)
    }

    /// Evaluates the reminders, as ``evaluateReminders(at:in:state:)`` does, on a host that
    /// loaded only some plugins; `.needsOthers` when a `due` or `message` called a limber function that may
    /// read what the other plugins define (the run must then evaluate on a host that loaded
    /// them all). What the functions print is held back until it is known that they ran on a
    /// host that will not be asked again, so nothing is printed twice (past ``HeldPrint/limit``
    /// bytes it is written at once: a plugin that prints that much and then asks for the others
    /// has the start of its output shown twice).
    package func evaluateRemindersAlone(at now: Date, in timeZone: TimeZone, state: ReminderState) -> AloneEvaluation {
        var askedForOthers = false
        var asker: String?
        deferPlugins { host in
            askedForOthers = true
            asker = host.currentSource
        }
        let buffer = HeldPrint()
        let outer = sessions.printTarget
        sessions.printTarget = buffer
        let outcomes = evaluateReminders(at: now, in: timeZone, state: state)
        sessions.printTarget = outer
        deferredPlugins = nil
        if askedForOthers { return .needsOthers(asker) }
        buffer.flush()
        return .done(outcomes)
    }
}

/// Where plugins' `print` goes while their reminders are evaluated alone: held, in order.
private final class HeldPrint: SessionPresenter {
    /// The most bytes held before what is held is written out.
    static let limit = 1 << 20
    private var text = ""

    func output(_ text: String) {
        self.text += text
        if self.text.utf8.count > Self.limit { flush() }
    }

    /// Writes what is held to standard output, as the plugins' `print` does.
    func flush() {
        guard !text.isEmpty else { return }
        Swift.print(text, terminator: "")
        fflush(nil)
        text = ""
    }

    func sessionWillStart(_ plan: SessionPlan, pace: Double, controls: SessionControls) {}
    func present(_ event: SessionEvent) {}
    func hookFailed(_ message: String) {}
    func sessionDidEnd() {}
}
