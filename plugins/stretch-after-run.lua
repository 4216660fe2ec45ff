-- stretch-after-run: "you ran today but have not stretched".
--
-- Checks every half hour (with `limber cron install`) for a run logged today
-- (`limber log add run --minutes 40`); once the run is `delay` minutes old and no mobility
-- session has been logged since it started, it reminds you, once per run.
--
-- Settings, in config.lua:
--   settings = { ["stretch-after-run"] = {
--     delay = 30,                   -- minutes after the run before the nudge (default 30)
--     routine = "runner-cooldown",  -- the routine the message suggests
--     schedule = "every 30 minutes" -- how often to check (default)
--   } }

local delay = (settings.delay or 30) * 60
local suggested = settings.routine or "runner-cooldown"

-- Today's most recent run, or nil.
local function last_run_today(ctx)
  local latest = nil
  for _, run in ipairs(limber.log.sessions{ since = ctx.today, activity = "run" }) do
    if latest == nil or run.started_at > latest.started_at then latest = run end
  end
  return latest
end

local function finished_at(run)
  return run.ended_at or run.started_at
end

local function stretched_since(since)
  return #limber.log.sessions{ since = since, activity = "mobility" } > 0
end

limber.reminder{
  id = "stretch-after-run",
  routine = suggested,
  schedule = settings.schedule or "every 30 minutes",
  due = function(ctx)
    local run = last_run_today(ctx)
    if run == nil then return false end
    local finished = finished_at(run)
    if ctx.now - finished < delay then return false end
    -- Once per run: not again if we already reminded after this run finished.
    if ctx.last_fired ~= nil and ctx.last_fired >= finished then return false end
    return not stretched_since(run.started_at)
  end,
  message = function(ctx)
    local run = last_run_today(ctx)
    local minutes = run and run.ended_at and math.floor((run.ended_at - run.started_at) / 60 + 0.5)
    local what = minutes and minutes > 0 and ("You ran " .. minutes .. " minutes today") or "You ran today"
    return what .. " but have not stretched yet: limber start " .. suggested .. "."
  end,
}
