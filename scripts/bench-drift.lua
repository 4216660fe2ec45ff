-- Runs a short routine on the real clock and prints: planned seconds, wall seconds, CPU seconds.
-- Used by scripts/bench-drift; `limber run scripts/bench-drift.lua [SECONDS_PER_HOLD]`.
local hold = tonumber(arg[1]) or 10
limber.routine{
  id = 'bench-drift', name = 'Drift benchmark', rest = 3,
  steps = {
    { exercise = 'childs-pose', hold = hold },
    { exercise = 'figure-four-stretch', hold = hold },      -- two sides, with a switch
    { exercise = 'cat-cow', reps = 3, tempo = 2 },
    { exercise = 'calf-stretch', hold = hold },             -- two sides
  },
}
local started, cpu = limber.now(), os.clock()
local result = limber.session.start('bench-drift', { get_ready = 0, log = false })
local wall, used = limber.now() - started, os.clock() - cpu
assert(result.completed, 'the session did not complete')
print(string.format('%d %.6f %.6f', result.planned_seconds, wall, used))
