/// `limber remind [OPTIONS]` without argument-parser's walk of the whole command tree.
///
/// The cron line (`limber remind`, perhaps with `--notify desktop`, `--command CMD` or
/// `--timeout N`, as `limber cron install` writes it) runs every half hour and is silent almost
/// every time, so the parser's reflection over every command and option was most of its start.
/// The shortcut takes only the shapes whose parse is plain: the flags `--json` and `--dry-run`
/// and the options `--notify stdout|desktop`, `--command CMD` and `--timeout SECONDS`, each at
/// most once, each value in its own argument and not starting with `-`, then checks them as the
/// parser does (`DeliveryChoice.validate()`). Anything else (`--snooze`, `--now`, `--opt=value`,
/// a repeat, a bad value, a failed check, a completion request) goes to the full parser, which
/// gives its own answer and its own messages. A test checks that both give the same command.
enum RemindCommandShortcut {
    /// What the command the full parser would make from `arguments` runs, when they have a plain
    /// shape; nil otherwise.
    static func command(for arguments: [String]) -> RemindRun? {
        guard arguments.first == RemindCommand.configuration.commandName else { return nil }
        var json = false
        var dryRun = false
        var channel: DeliveryOptions.Channel?
        var deliveryCommand: String?
        var timeout: Double?
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            switch argument {
            case "--json" where !json:
                json = true
            case "--dry-run" where !dryRun:
                dryRun = true
            case "--notify" where channel == nil:
                guard let value = rest.popFirst(), let parsed = DeliveryOptions.Channel(rawValue: value) else { return nil }
                channel = parsed
            case "--command" where deliveryCommand == nil:
                guard let value = rest.popFirst(), !value.hasPrefix("-") else { return nil }
                deliveryCommand = value
            case "--timeout" where timeout == nil:
                guard let value = rest.popFirst(), !value.hasPrefix("-"), let seconds = Double(value) else { return nil }
                timeout = seconds
            default:
                return nil
            }
        }
        let run = RemindRun(
            json: json, dryRun: dryRun,
            delivery: DeliveryChoice(
                channel: channel, command: deliveryCommand, timeout: timeout ?? DeliveryOptions.defaultTimeout))
        // What fails a check goes to the parser, which says so in its own words. (RemindCommand's
        // own checks concern --snooze and --await-action, which never come here.)
        do {
            try run.delivery.validate()
        } catch {
            return nil
        }
        return run
    }
}
