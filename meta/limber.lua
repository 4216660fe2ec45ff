---@meta limber

-- The limber host API, version 1, for lua-language-server.
-- Generated from the host API registration (Sources/LimberLua/HostAPI); do not edit.
-- Regenerate with: swift run limber stub --output meta/limber.lua

---The limber host API (version 1). Read-only: plugins call it, never assign to it.
---@class limber
---@field api_version integer the host API version (1)
---@field version string limber's version
limber = {}

---The exercise catalogue: built-in moves and those plugins add.
---@class limber.catalogue
limber.catalogue = {}

---The session log: sessions, sets, streaks; recording what was done.
---@class limber.log
limber.log = {}

---Waiting on limber's clock: sleeps and countdowns that never drift.
---@class limber.timer
limber.timer = {}

---Guided sessions: run a routine with timers, side switches and hooks.
---@class limber.session
limber.session = {}

---Every exercise in the catalogue, built-in and added, in catalogue order.
---
---```lua
---for _, e in ipairs(limber.catalogue.all()) do print(e.id) end
---```
---@return limber.Exercise[] # copies of the exercise records
function limber.catalogue.all() end

---The exercise with this id, alias or name; nil and a message when there is none.
---
---```lua
---local e = limber.catalogue.get('childs-pose')
---```
---@param id string an id such as 'cat-cow', an alias or a name
---@return limber.Exercise? # the exercise, or nil
---@return string? # why it was not found, with the closest id
function limber.catalogue.get(id) end

---The exercises that match every given field of the filter.
---
---```lua
---limber.catalogue.find{ phase = 'cooldown', kind = 'static' }
---```
---@param filter? limber.ExerciseFilter fields to match; omit one to match all
---@return limber.Exercise[] # matching exercises, in catalogue order
function limber.catalogue.find(filter) end

---Adds an exercise after validating every field; a bad field is an error that names it.
---
---```lua
---limber.catalogue.add{ id = 'wall-calf-stretch', name = 'Wall calf stretch',
---  kind = 'static', position = 'standing', laterality = 'per_side', phase = 'post_run',
---  dose = { unit = 'seconds', min = 30, max = 60, default = 30 }, regions = { 'calves' } }
---```
---@param exercise limber.Exercise the new exercise; list fields default to {}; override = true replaces one with the same id
---@return limber.Exercise # the exercise as stored
function limber.catalogue.add(exercise) end

---Defines a routine for guided sessions, checked against the catalogue; a bad field is an error that names it.
---
---```lua
---limber.routine{ id = 'desk-break', name = 'Desk break', phase = 'anytime', rest = 5,
---  steps = { { exercise = 'cat-cow', reps = 6 }, { exercise = 'calf-stretch', hold = 30 } } }
---```
---@param routine limber.Routine id, name, steps, and optionally phase, summary, rest; override = true replaces one with the same id
---@return limber.RoutineInfo # the routine as stored, with its planned length
function limber.routine(routine) end

---Runs a routine as a guided session and returns when it ends; limber.on hooks run on this thread as it goes.
---
---```lua
---local result = limber.session.start('runner-cooldown', { get_ready = 0 })
---```
---@param routine_id string a routine defined with limber.routine
---@param options? limber.SessionOptions hold, get_ready, switch, pace, log
---@return limber.SessionResult # how it ended
function limber.session.start(routine_id, options) end

---Calls fn(event) for every session event of this name; a hook that raises is reported and the session goes on.
---
---```lua
---limber.on('step_done', function(e) print(e.exercise, e.side, e.actual_seconds) end)
---```
---@param event 'session_start'|'step_start'|'tick'|'side_switch'|'step_done'|'paused'|'resumed'|'session_done' which event
---@param fn fun(event: limber.SessionEvent) # the hook; gets the event's fields
function limber.on(event, fn) end

---Waits this many seconds on limber's clock (no busy loop); plugin tests' virtual clock returns at once.
---
---```lua
---limber.timer.sleep(1.5)
---```
---@param seconds number how long, 0 to 86400; fractions allowed
function limber.timer.sleep(seconds) end

---Counts down whole seconds, calling on_tick(seconds_left) after each one and on_tick(0) at the end; ticks never drift.
---
---```lua
---limber.timer.countdown(5, { on_tick = function(left) print(left) end })
---```
---@param seconds number how long, 0 to 86400
---@param options? limber.CountdownOptions on_tick
function limber.timer.countdown(seconds, options) end

---The time now, in seconds since 1970-01-01 UTC, with a fraction (plugin tests see their virtual clock).
---
---```lua
---local started = limber.now()
---```
---@return number # seconds since the epoch
function limber.now() end

---Logged sessions, oldest first; every field of the filter must match.
---
---```lua
---for _, s in ipairs(limber.log.sessions{ since = '7d', routine = 'cooldown' }) do print(s.day, s.outcome) end
---```
---@param filter? limber.SessionFilter since, routine, activity, limit
---@return limber.Session[] # the sessions (without their sets)
function limber.log.sessions(filter) end

---Logged sets, in the order they were done; every field of the filter must match.
---
---```lua
---local holds = limber.log.sets{ exercise = 'figure-four-stretch', since = '4w' }
---```
---@param filter? limber.SetFilter session, exercise, routine, since, limit
---@return limber.LoggedSet[] # the sets
function limber.log.sets(filter) end

---Logs one set now (into this script's session of the routine, finished when the script ends), or a whole session when given `sets` or a run.
---
---```lua
---limber.log.record{ routine = 'evening', exercise = 'figure-four-stretch', side = 'left', hold = 45 }
---limber.log.record{ routine = 'cooldown', sets = { { exercise = 'cat-cow', reps = 10 } } }
---limber.log.record{ activity = 'run', minutes = 40, notes = 'easy 8k' }
---```
---@param entry limber.LogEntry a set (exercise, hold|reps|breaths, ...) or a session (routine, sets)
---@return limber.LoggedSet|limber.Session # the set written (its `session` is the session id), or the session with its sets
function limber.log.record(entry) end

---The current and longest streaks of practice days; skips and rest days keep a streak alive.
---
---```lua
---local s = limber.log.streak(); print(s.current .. ' days, best ' .. s.longest)
---```
---@return limber.Streak # current and longest, in days, with their first and last days
function limber.log.streak() end

---The most recent session of a routine (or exercise, or 'run'), with its sets; nil if there is none.
---
---```lua
---local last = limber.log.last('cooldown'); if last then print(last.day, #last.sets) end
---```
---@param routine_id string the routine id
---@return limber.Session? # the session with `sets`, or nil
function limber.log.last(routine_id) end

---Defines a reminder that `limber remind` delivers once per scheduled time, when it is due.
---
---```lua
---limber.reminder{ id = 'evening-stretch', schedule = 'weekdays 18:30',
---  due = function(ctx) return #limber.log.sessions{ since = ctx.today } == 0 end,
---  message = 'Ten minutes of stretching? limber start runner-cooldown' }
---```
---@param reminder limber.Reminder id, schedule, message, and optionally due and window
---@return limber.ReminderInfo # the id and the schedule as limber reads it
function limber.reminder(reminder) end

---Sends a message to the person through the configured backend (stdout, desktop, or a command).
---
---```lua
---limber.notify('Your weekly summary is ready')
---```
---@param message string what to say
function limber.notify(message) end

---Defines a progression: a rule that adjusts a routine's plan for today from the logged history.
---
---```lua
---limber.progression{ id = 'longer-holds', routine = 'runner-cooldown',
---  describe = 'holds grow 5 s after each completed session, up to 60 s',
---  adjust = function(plan, history, ctx)
---    local done = 0
---    for _, s in ipairs(history) do if s.completed then done = done + 1 end end
---    for _, step in ipairs(plan.steps) do
---      if step.hold then step.hold = math.min(60, step.hold + 5 * done) end
---    end
---    return plan, done .. ' completed sessions'
---  end }
---```
---@param progression limber.Progression id, routine, describe and adjust
function limber.progression(progression) end

---Plays a sound cue now (with --sound or cues = { sound = true }); a cue name follows the session's cue set, a sound name plays that sound.
---
---```lua
---limber.on('step_start', function(e) if e.step == 3 then limber.cue('halfway') end end)
---```
---@param name 'tick'|'soft_tick'|'halfway'|'switch'|'step_end'|'session_end' a cue or built-in sound
---@return boolean # whether a sound was played (false when sound is off or there is no player)
function limber.cue(name) end

---One movement in the catalogue.
---@class limber.Exercise
---@field id string slug: lower-case letters, digits and '-'
---@field name string display name
---@field aliases? string[] other names it is found by
---@field kind 'static'|'dynamic' held stretch or moving drill
---@field position 'standing'|'kneeling'|'half_kneeling'|'quadruped'|'supine'|'prone'|'seated'|'lunge' starting position
---@field laterality 'bilateral'|'per_side'|'alternating' how the sides take part
---@field dose limber.Dose how much makes one set
---@field regions string[] body regions, as slugs ('lower_back', 'hips')
---@field muscles? string[] target muscles
---@field phase 'pre_run'|'post_run'|'cooldown'|'anytime' when it belongs
---@field equipment? string[] equipment needed; empty for none
---@field instructions? string[] step-by-step instructions
---@field cues? string[] short cues shown while holding
---@field benefits? string[] why do it
---@field cautions? string[] what to watch for
---@field source? string where it comes from; defaults to the plugin file

---A range and a default in one unit.
---@class limber.Dose
---@field unit 'seconds'|'reps'|'breaths' what the numbers count
---@field min integer least
---@field max integer most
---@field default integer what a routine uses unless told otherwise

---Fields to match in `limber.catalogue.find`.
---@class limber.ExerciseFilter
---@field region? string a region slug the exercise works
---@field phase? 'pre_run'|'post_run'|'cooldown'|'anytime' its phase
---@field kind? 'static'|'dynamic' its kind
---@field position? string its starting position

---A routine for `limber.routine{...}`.
---@class limber.Routine
---@field id string slug: lower-case letters, digits and '-'
---@field name string display name
---@field phase? 'pre_run'|'post_run'|'cooldown'|'anytime' when it belongs; default 'anytime'
---@field summary? string one line on what it is for
---@field rest? integer seconds of rest between steps; default 10
---@field steps limber.RoutineStep[] the exercises, in order
---@field cues? limber.CueSet the routine's own sounds, over the user's config

---One step of a routine: an exercise and how much of it.
---@class limber.RoutineStep
---@field exercise string an exercise id (or alias) from the catalogue
---@field hold? integer seconds to hold, per side (1-3600)
---@field reps? integer repetitions or breaths per side, for a counted exercise
---@field tempo? number seconds one repetition takes (default 3, a breath 5)
---@field sides? integer 1 or 2; default from the exercise (per_side: 2)
---@field rest? integer seconds of rest after this step; default the routine's

---A routine as limber stored it.
---@class limber.RoutineInfo
---@field id string its id
---@field name string its name
---@field phase string its phase
---@field summary? string its one-line summary, if it has one
---@field rest integer seconds of rest between steps
---@field steps limber.RoutineStep[] its steps
---@field total_seconds integer planned length with the default get-ready and switches
---@field source string the plugin or script that defined it

---Options for `limber.session.start`.
---@class limber.SessionOptions
---@field hold? integer seconds for every timed hold instead of the routine's
---@field get_ready? integer seconds of get-ready countdown (default 10; 0 for none)
---@field switch? integer seconds to change sides on a two-sided step (default 5)
---@field pace? number how many times faster than real time (0.1-100; default 1)
---@field log? boolean write the session to the log (default: only at pace 1)

---How a guided session ended.
---@class limber.SessionResult
---@field routine string the routine's id
---@field completed boolean ran to the end (false: ended early)
---@field sets_completed integer sets that ran their full time
---@field sets integer sets planned (one per side of each step)
---@field planned_seconds integer planned length
---@field elapsed_seconds integer time taken, pauses excluded, in plan seconds
---@field session? integer the logged session's id, when it was logged

---What a limber.on hook receives; `event` and `routine` always, the rest by event (step numbers count from 1; a set is one side of a step).
---@class limber.SessionEvent
---@field event string session_start, step_start, tick, side_switch, step_done, paused, resumed, session_done
---@field routine string the routine's id
---@field step? integer step number (tick: during get-ready and rest, the step coming up)
---@field exercise? string exercise id (step_start, side_switch, step_done)
---@field side? integer 1 or 2 (side 1 logs as left, 2 as right)
---@field sides? integer how many sides the step has
---@field unit? 'seconds'|'reps'|'breaths' what amount, planned and actual count
---@field amount? integer step_start: the dose of this set
---@field seconds? integer length of the set, segment or side switch
---@field phase? 'get_ready'|'hold'|'switch'|'rest' tick: the part of the session
---@field remaining? integer tick: whole seconds left in the segment
---@field from? integer side_switch: the side just done
---@field to? integer side_switch: the side to do next
---@field planned? integer step_done: planned dose
---@field actual? integer step_done: dose done (cut short: the share done)
---@field planned_seconds? integer step_done and session_start/done: planned seconds
---@field actual_seconds? integer step_done: seconds held
---@field completed? boolean step_done: ran its full time; session_done: ran to the end
---@field rest? integer step_done: seconds of rest that follow
---@field name? string session_start: the routine's name
---@field pace? number session_start: pace factor
---@field get_ready? integer session_start: seconds of get-ready
---@field elapsed? integer paused/resumed: session seconds so far
---@field steps? integer session_start: how many steps the plan has
---@field sets? integer session_start: how many sets (a two-sided step has two); session_done: sets done
---@field sets_completed? integer session_done: sets that ran their full time
---@field elapsed_seconds? integer session_done: session seconds it took, pauses not counted

---Options for `limber.timer.countdown`.
---@class limber.CountdownOptions
---@field on_tick? fun(seconds_left: integer) # called after each whole second, and with 0 at the end

---A logged session.
---@class limber.Session
---@field id integer its id in this log
---@field uuid string a stable identity across export and import
---@field routine string the routine id (an exercise id for one logged exercise, 'run' for a run)
---@field activity 'mobility'|'run' what kind of session; streaks count mobility
---@field source 'guided'|'manual'|'script'|'import' how it was logged ('import': from an activity file)
---@field started_at integer seconds since 1970 (UTC)
---@field ended_at? integer seconds since 1970; nil if it never finished
---@field completed boolean finished and complete
---@field outcome 'completed'|'ended_early' an unfinished session reads as ended early
---@field day string the local day it counts for, YYYY-MM-DD
---@field notes? string notes
---@field sets? limber.LoggedSet[] its sets (from `last` and `record`)
---@field seconds? integer a run's elapsed time, end minus start (from `sessions` and `last`)
---@field distance_m? number a run's distance in metres, when known
---@field sport? string a run's sport: 'running', 'trail_running', 'treadmill_running', ...
---@field file? string the file a run was imported from

---One logged set.
---@class limber.LoggedSet
---@field id integer its id in this log
---@field session integer the session's id
---@field exercise string the exercise id
---@field side? 'left'|'right' the side of a per-side move
---@field unit 'seconds'|'reps'|'breaths' what planned and actual count
---@field planned? number what was planned
---@field actual? number what was done
---@field completed boolean done in full
---@field discomfort? integer 0 (none) to 10
---@field at integer when it ended, seconds since 1970

---Which sessions `limber.log.sessions` returns.
---@class limber.SessionFilter
---@field since? number|string seconds since 1970, a period ('7d', '2w', '1y'), 'today', or a date 'YYYY-MM-DD'
---@field routine? string only this routine
---@field activity? 'mobility'|'run' only this activity
---@field limit? integer only the newest this many

---Which sets `limber.log.sets` returns.
---@class limber.SetFilter
---@field session? integer only this session's
---@field exercise? string only this exercise
---@field routine? string only sets of this routine's sessions
---@field since? number|string as in limber.SessionFilter
---@field limit? integer only the newest this many

---What `limber.log.record` writes: a set (exercise and one of hold, reps, breaths or actual), or a whole session (sets, or activity = 'run').
---@class limber.LogEntry
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
---@field at? number when, seconds since 1970 (default now)
---@field sets? limber.LogEntry[] a whole session's sets (exercise and amount each)
---@field activity? 'mobility'|'run' 'run' logs a run
---@field minutes? number how long a whole session or run took
---@field ended_at? number when a whole session ended
---@field notes? string notes for a whole session

---Streaks of practice days.
---@class limber.Streak
---@field current integer practice days in the streak still alive (0 if none)
---@field longest integer practice days in the longest streak
---@field current_start? string its first day
---@field current_end? string its last practice day
---@field longest_start? string first day of the longest
---@field longest_end? string last day of the longest

---A reminder for `limber.reminder{...}`.
---@class limber.Reminder
---@field id string unique id: lower-case letters, digits, '-' and '_'
---@field schedule string when: 'daily 18:00', 'weekdays 07:30', 'weekends 09:00', 'mon,wed,fri 18:30', 'every 2 days at 18:00', 'every 30 minutes', 'hourly'
---@field message string|fun(ctx: limber.ReminderContext): string # what to say, or a function that says it
---@field due? fun(ctx: limber.ReminderContext): boolean # whether it is due now; omit for always
---@field window? number seconds after the scheduled time it may still be delivered; default until the next time
---@field routine? string the routine it is for: the notification's Start button and the calendar event name it
---@field override? boolean replace a reminder with the same id

---What `due` and `message` functions receive; times are epoch seconds.
---@class limber.ReminderContext
---@field id string the reminder's id
---@field schedule string its schedule as limber reads it
---@field now integer the time of this evaluation
---@field occurrence integer the scheduled time this period began at
---@field next? integer the next scheduled time
---@field today integer local midnight of the day `now` falls on
---@field occurrence_day integer local midnight of the day `occurrence` falls on
---@field last_fired? integer when it was last delivered
---@field last_occurrence? integer the scheduled time it last delivered
---@field last_run? limber.Session the last run (seconds, distance_m, sport, file), imported or logged

---What `limber.reminder` returns.
---@class limber.ReminderInfo
---@field id string the reminder's id
---@field schedule string the schedule in its canonical spelling

---A rule that adjusts today's plan of one routine.
---@class limber.Progression
---@field id string slug naming the progression
---@field routine string the routine it adjusts
---@field describe string the rule in one sentence, shown by `limber plan`
---@field adjust fun(plan: limber.Routine, history: limber.Session[], ctx: limber.ProgressionContext): limber.Routine?, string? # returns the adjusted plan (nil: unchanged) and why; after a session rated ctx.discomfort_limit or more, limber refuses any added load
---@field override? boolean replace a progression with the same id

---What an `adjust` function knows besides the plan and history.
---@class limber.ProgressionContext
---@field now integer seconds since 1970
---@field today string the local day, YYYY-MM-DD
---@field last_discomfort? integer the highest discomfort (0–10) of the routine's last session
---@field discomfort_limit integer the discomfort (0–10) from which limber refuses any added load in the next plan (7)
---@field last_run? limber.Session the last run (seconds, distance_m, sport, file), imported or logged

---A routine's sounds (`cues` in limber.routine); each cue is true, false or a built-in sound name (tick, soft_tick, halfway, switch, step_end, session_end).
---@class limber.CueSet
---@field sound? boolean play sounds for this routine (the user's --sound or config can also turn them on)
---@field countdown? 'sound'|'voice'|'off' the last three seconds of a hold: ticks, spoken with --voice, or nothing
---@field tick? boolean|string each of the last three seconds of a hold
---@field halfway? boolean|string halfway through a hold of 40 s or more
---@field switch? boolean|string at a side switch
---@field step_end? boolean|string at the end of a step that another follows
---@field session_end? boolean|string at the end of the session
