-- long-run-cooldown: a longer cool-down after a long run.
--
-- After a run of `long_run_minutes` or more (or of `long_run_km` or more, when its file recorded
-- a distance) that ended less than `within_hours` ago, every static hold of the cool-down grows
-- by `extra_seconds`, up to `max_hold`. The run can come from a watch's file (`limber runs
-- import`, a watched folder) or be typed in (`limber log add run --minutes 90`). After a session
-- rated 7/10 discomfort or more, limber's safety rule keeps the holds where they were.
--
-- Settings, in config.lua:
--   settings = { ["long-run-cooldown"] = {
--     long_run_minutes = 75,        -- a run this long is a long run (default 75)
--     long_run_km = 15,             -- or this far, when the distance is known (default 15)
--     extra_seconds = 15,           -- added to each static hold (default 15)
--     within_hours = 12,            -- how long after the run the longer holds apply (default 12)
--     max_hold = 90,                -- no hold grows past this (default 90)
--     routine = "runner-cooldown",  -- the routine to lengthen
--   } }

local function setting(name, default)
  local value = settings[name]
  if value == nil then return default end
  if type(value) ~= "number" or value <= 0 or value ~= value or value == math.huge then
    error(string.format("settings.%s must be a positive number, not %s", name, tostring(value)), 0)
  end
  return value
end

local LONG_MINUTES = setting("long_run_minutes", 75)
local LONG_KM = setting("long_run_km", 15)
local EXTRA = setting("extra_seconds", 15)
local WITHIN = setting("within_hours", 12) * 3600
local MAX_HOLD = setting("max_hold", 90)
local ROUTINE = settings.routine or "runner-cooldown"

-- Why the last run counts as long, or nil when it does not.
local function long_run(run, now)
  if run == nil or run.ended_at == nil or now - run.ended_at > WITHIN then return nil end
  local minutes = math.floor((run.seconds or 0) / 60 + 0.5)
  if minutes >= LONG_MINUTES then
    return string.format("a %d-minute run", minutes)
  end
  if run.distance_m and run.distance_m >= LONG_KM * 1000 then
    return string.format("a %.1f km run", run.distance_m / 1000)
  end
  return nil
end

limber.progression{
  id = "long-run-cooldown",
  routine = ROUTINE,
  describe = string.format(
    "static holds %d s longer (up to %d s) within %d hours of a run of %d minutes or %g km or more",
    EXTRA, MAX_HOLD, WITHIN // 3600, LONG_MINUTES, LONG_KM),
  adjust = function(plan, _history, ctx)
    local why = long_run(ctx.last_run, ctx.now)
    if why == nil then return nil end
    for _, step in ipairs(plan.steps) do
      if step.hold and step.hold < MAX_HOLD then step.hold = math.min(step.hold + EXTRA, MAX_HOLD) end
    end
    return plan, string.format("+%d s after %s", EXTRA, why)
  end,
}
