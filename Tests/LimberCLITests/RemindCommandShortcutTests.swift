import ArgumentParser
import Testing

@testable import LimberCLI

/// `limber remind [OPTIONS]` skips the full parser only where its answer is known.
@Suite("limber remind: the parser shortcut")
struct RemindCommandShortcutTests {
    @Test(arguments: [
        ["remind"],
        ["remind", "--json"],
        ["remind", "--dry-run", "--json"],
        ["remind", "--notify", "desktop"],
        ["remind", "--notify", "stdout", "--timeout", "2.5"],
        ["remind", "--command", "notify-send -u low"],
        ["remind", "--timeout", "3600"],
        ["remind", "--timeout", "1e2", "--dry-run"],
        ["remind", "--command", "say \"it's time\"", "--json", "--timeout", "0x10"],
    ])
    func theShortcutMakesWhatTheParserMakes(arguments: [String]) throws {
        let quick = try #require(RemindCommandShortcut.command(for: arguments), "takes the shortcut")
        let full = try #require(try LimberCommand.parseAsRoot(arguments) as? RemindCommand)
        #expect(quick == full.plain)
    }

    @Test(arguments: [
        ["remind", "--snooze", "evening"],
        ["remind", "--snooze", "evening", "10m"],
        ["remind", "10m"],
        ["remind", "--now", "2025-06-04T10:00"],
        ["remind", "--await-action", "evening", "--message", "stretch"],
        ["remind", "--notify=desktop"],
        ["remind", "--json", "--json"],
        ["remind", "--timeout", "5", "--timeout", "6"],
        ["remind", "--notify", "desktop", "--command", "say"],
        ["remind", "--notify", "email"],
        ["remind", "--notify"],
        ["remind", "--command"],
        ["remind", "--command", ""],
        ["remind", "--command", "   "],
        ["remind", "--command", "-x"],
        ["remind", "--timeout", "0"],
        ["remind", "--timeout", "-1"],
        ["remind", "--timeout", "nan"],
        ["remind", "--timeout", "3601"],
        ["remind", "--timeout", "ten"],
        ["remind", "--help"],
        ["remind", "-h"],
        ["remind", "help"],
        ["remind", "--plugins", "/tmp/p"],
        ["remind", "--generate-completion-script", "bash"],
        ["remind", "---completion"],
        ["remind", "--version"],
        ["Remind"],
        ["cron", "remind"],
        [],
    ])
    func otherShapesGoToTheParser(arguments: [String]) {
        #expect(RemindCommandShortcut.command(for: arguments) == nil)
    }
}

/// `limber --version` skips the full parser only when it is alone.
@Suite("limber --version: the parser shortcut")
struct VersionShortcutTests {
    @Test func theShortcutPrintsWhatTheParserPrints() throws {
        let text = try #require(VersionShortcut.text(for: ["--version"]))
        do {
            _ = try LimberCommand.parseAsRoot(["--version"])
            Issue.record("the parser made a command of --version")
        } catch {
            #expect(LimberCommand.message(for: error) == text)
            #expect(LimberCommand.exitCode(for: error) == .success)
        }
    }

    @Test(arguments: [["--version", "run"], ["run", "--version"], ["-v"], ["--Version"], ["remind", "--version"], []])
    func otherShapesGoToTheParser(arguments: [String]) {
        #expect(VersionShortcut.text(for: arguments) == nil)
    }
}
