-- cooldown-reminder: a daily nudge to do your cool-down, quiet once one is logged that day.
--
-- `limber remind` (from cron: `limber cron install`) delivers it at most once a day. Any
-- mobility session logged that day counts as done: a guided session, `limber log add runner-cooldown`,
-- or a script's `limber.log.record`. A reminder missed by more than `window` hours (the machine
-- was off at 18:00) is dropped rather than delivered the next morning.
--
-- Settings, in config.lua:
--   settings = { ["cooldown-reminder"] = {
--     schedule = "weekdays 18:30",       -- when (default "daily 18:00"); see `limber remind --help`
--     routines = { "runner-cooldown" },  -- only these logged routines count (default: any)
--     routine = "runner-cooldown",       -- the routine the message suggests
--     window = 6,                        -- hours after the time it may still be delivered
--   } }

local schedule = settings.schedule or "daily 18:00"
local suggested = settings.routine or "runner-cooldown"
local window_hours = settings.window or 6
local counted = nil
if settings.routines ~= nil then
  counted = {}
  for _, id in ipairs(settings.routines) do counted[id] = true end
end

-- Whether a mobility session that counts was logged at or after `since` (epoch seconds).
local function stretched_since(since)
  for _, session in ipairs(limber.log.sessions{ since = since, activity = "mobility" }) do
    if counted == nil or counted[session.routine] then return true end
  end
  return false
end

limber.reminder{
  id = "cooldown",
  routine = suggested,
  schedule = schedule,
  window = window_hours * 3600,
  due = function(ctx)
    return not stretched_since(ctx.occurrence_day)
  end,
  message = "Time for your cool-down: limber start " .. suggested .. " (about 10 minutes).",
}
