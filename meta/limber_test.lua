---@meta limber-test

-- What a limber plugin test (*_test.lua, run by `limber test`) sees besides `limber`.
-- Generated from Sources/LimberLua/TestRuntime/PluginTestAPI.swift; do not edit.
-- Regenerate with: swift run limber stub --tests --output meta/limber_test.lua

---The virtual clock every test runs on. Each test starts at 2026-01-05 09:00 in the test's time zone (UTC unless `limber test --time-zone` says otherwise); limber, os.time() and os.date() read this clock and zone.
---@class limber.test.clock
clock = {}

---The test's session log: in memory, empty when each test starts; `limber.log` reads and writes it.
---@class limber.test.log
log = {}

---Today's plan of a routine after its progressions, at the virtual time, as `limber plan` shows it.
---@class limber.test.progressions
progressions = {}

---The reminders plugins defined, evaluated at the virtual time as `limber remind` would; nothing is shown, and each test starts with none delivered.
---@class limber.test.reminders
reminders = {}

---Declares a test. Tests run in file order, after the whole file has loaded; the first failed expectation or error ends a test.
---
---```lua
---test('the cool-down has seven steps', function()
---  expect(#limber.catalogue.find{ phase = 'cooldown' }).to_be(7)
---end)
---```
---@param name string what the test shows
---@param fn fun() # the test's body
function test(name, fn) end

---Starts an expectation about a value; a failed one stops the test and reports file:line, expected and actual.
---
---```lua
---expect(plan.steps[1].hold).to_be(35)
---expect(function() limber.catalogue.add{} end).to_fail_with("field 'id'")
---```
---@param actual any the value to check
---@return limber.test.Expectation # the matchers
function expect(actual) end

---The virtual time, in seconds since 1970 (what os.time() returns).
---@return integer # seconds since 1970
function clock.now() end

---Moves the clock to a local time.
---
---```lua
---clock.set('2026-03-08 17:00')
---```
---@param when string|number 'YYYY-MM-DD HH:MM', 'YYYY-MM-DD HH:MM:SS', 'YYYY-MM-DD' (midnight) or seconds since 1970
---@return integer # the new time, in seconds since 1970
function clock.set(when) end

---Moves the clock forward.
---
---```lua
---clock.advance{ days = 7 }
---clock.advance(90)
---```
---@param amount number|{ days: number?, hours: number?, minutes: number?, seconds: number? } seconds, or a table of days, hours, minutes and seconds (a day is 86400 s)
---@return integer # the new time, in seconds since 1970
function clock.advance(amount) end

---The virtual time formatted with os.date.
---@param format? string an os.date format; default '%Y-%m-%d %H:%M:%S'
---@return string # the formatted time
function clock.date(format) end

---Writes history into the test's log: each entry goes to `limber.log.record`, with `at` and `ended_at` (also in sets) given as seconds or as 'YYYY-MM-DD HH:MM' local times. A run (activity = 'run') may also have `sport`, `distance_m` and `file`, written as `limber runs import` writes them (with a file it reads as imported), and comes back as `limber.log.last` gives it.
---
---```lua
---log.seed{
---  { routine = 'runner-cooldown', at = '2026-03-01 18:00', sets = { { exercise = 'cat-cow', reps = 10 } } },
---  { routine = 'runner-cooldown', at = '2026-03-03 18:10', completed = false, sets = {} },
---  { activity = 'run', at = '2026-03-04 07:00', minutes = 62, distance_m = 16000, file = '/watch/run.fit' },
---}
---```
---@param entries limber.test.SeedEntry[]|limber.test.SeedEntry whole sessions (routine and sets) or runs, or one of them
---@return limber.Session[] # what was written, as the log reads it back
function log.seed(entries) end

---Today's plan of a routine at the virtual time, as a guided session would start it: every dose written out, then each progression for the routine applied in load order to the logged history, each change held to the discomfort rule.
---
---```lua
---clock.set('2026-03-16 18:00')
---expect(progressions.plan('runner-cooldown').steps[1].hold).to_be(35)
---```
---@param routine string|limber.Routine a registered routine's id, or a routine table as `limber.routine` takes it
---@return limber.test.ProgressedPlan # the routine with every dose written out, what changed and why
function progressions.plan(routine) end

---Evaluates one reminder now, as `limber remind --dry-run` would: delivers and records nothing.
---
---```lua
---clock.set('2026-03-09 18:30')
---expect(reminders.check('evening-stretch').status).to_be('due')
---```
---@param id string the reminder's id
---@return limber.test.ReminderOutcome # its status, and its message when due
function reminders.check(id) end

---Evaluates every reminder now, as a `limber remind` run from cron would: the due ones are sent (see `reminders.sent`) and recorded, so they are not due again in the same period.
---@return table<string, limber.test.ReminderOutcome> # every reminder's outcome, by id
function reminders.run() end

---The messages sent in this test, in order: by `limber.notify` and by reminders that `reminders.run` delivered.
---@return string[] # the messages
function reminders.sent() end

---What `log.seed` takes: an entry for `limber.log.record`, and for a run the sport, distance and file `limber runs import` writes.
---@class limber.test.SeedEntry
---@field routine? string the routine; a set without one logs under its exercise
---@field exercise? string a catalogue exercise (id, alias or name)
---@field side? 'left'|'right' the side of a per-side move
---@field hold? number seconds held
---@field reps? number repetitions done
---@field breaths? number breaths held for
---@field actual? number what was done, in `unit` (the exercise's unit by default)
---@field unit? 'seconds'|'reps'|'breaths' the unit of planned and actual
---@field planned? number what was planned
---@field completed? boolean done in full (default true)
---@field discomfort? integer 0 (none) to 10
---@field at? number|string when, seconds since 1970 (default now), or a local time 'YYYY-MM-DD HH:MM'
---@field sets? limber.LogEntry[] a whole session's sets (exercise and amount each)
---@field activity? 'mobility'|'run' 'run' logs a run
---@field minutes? number how long a whole session or run took
---@field ended_at? number|string when a whole session ended, or a local time 'YYYY-MM-DD HH:MM'
---@field notes? string notes for a whole session
---@field sport? string a run's sport: 'running' (the default), 'trail_running', 'treadmill_running', ...
---@field distance_m? number a run's distance in metres (0 to 10,000,000)
---@field file? string the file the run came from: it reads as imported (source 'import')

---What `expect(actual)` returns; each matcher stops the test when it fails.
---@class limber.test.Expectation
---@field to_be fun(expected: any) # actual == expected (the same table, for tables)
---@field to_equal fun(expected: any) # deep equality; a failure names the first path that differs
---@field to_be_nil fun() # actual is nil
---@field to_be_truthy fun() # actual is neither nil nor false
---@field to_be_falsy fun() # actual is nil or false
---@field to_contain fun(item: any) # a string holds the text, or a table holds a value deep-equal to item
---@field to_match fun(pattern: string) # a string matches the Lua pattern
---@field to_fail_with fun(pattern: string?) # actual is a function that raises an error holding the text (or matching the Lua pattern); any error without a pattern
---@field never limber.test.Expectation the same matchers, negated

---What `progressions.plan` returns: the routine's fields, plus what changed.
---@class limber.test.ProgressedPlan
---@field id string the routine's id
---@field steps limber.RoutineStep[] every step, with its hold or reps written out
---@field changes limber.test.ProgressionChange[] every change each progression made, then those refused, in order
---@field applied string[] the ids of the progressions that applied, in order
---@field problems string[] progressions that failed and were skipped

---One change a progression made to the plan, or asked for and was refused.
---@class limber.test.ProgressionChange
---@field progression string its id
---@field step integer 1-based step number (for a removed step, in the plan before)
---@field exercise string the step's exercise (for a swap, the one put in)
---@field field 'hold'|'reps'|'sides'|'rest'|'tempo'|'added'|'removed'|'swapped' what changed
---@field from? integer the value before; for a whole step, its dose times its sides
---@field to? integer the value after, as `from`
---@field replaces? string for a swap, the exercise that was there
---@field summary string the change in words, as `limber plan` shows it
---@field reason? string why, in the progression's words or the discomfort rule's
---@field refused boolean true when the discomfort rule refused it: the plan does not carry it

---What evaluating a reminder found.
---@class limber.test.ReminderOutcome
---@field id string the reminder's id
---@field status 'due'|'not_due'|'already_fired'|'missed'|'not_started'|'failed' due now; its `due` said no; delivered already this period; its window passed; no scheduled time yet; its `due` or `message` failed
---@field message? string what it says, when due
---@field error? string file:line: message, when it failed
---@field occurrence? integer the scheduled time of the current period, seconds since 1970
