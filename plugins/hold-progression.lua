-- Longer holds as the habit builds.
--
-- The static holds of a routine start at 30 s and grow 5 s for every week (seven local days from
-- the first logged session) with at least `min_sessions` completed sessions, up to 60 s. A week
-- with a set rated at limber's discomfort limit or more (`ctx.discomfort_limit`, 7/10) earns
-- nothing, and after such a session the hold stays where it was then. Settings, in config.lua:
--   settings = { ["hold-progression"] = { min_sessions = 3, routine = "runner-cooldown" } }

local MIN_SESSIONS = settings.min_sessions or 3
local ROUTINE = settings.routine or "runner-cooldown"
local START, STEP, CAP = 30, 5, 60

local function worst_discomfort(session)
  local worst
  for _, set in ipairs(session.sets or {}) do
    if set.discomfort and (worst == nil or set.discomfort > worst) then worst = set.discomfort end
  end
  return worst
end

-- The local calendar day of a time, as a number, so weeks stay seven days long on the wall
-- clock when the clocks change.
local function day_of(t)
  local d = os.date("*t", t)
  return os.time{ year = d.year, month = d.month, day = d.day, hour = 12 } // 86400
end

-- The hold earned by the weeks that ended by `now`, and how many of them counted. Weeks run
-- seven local days from the day of the first logged session.
local function earned(history, now, limit)
  if #history == 0 then return START, 0 end
  local hold, counted = START, 0
  local first, today = day_of(history[1].started_at), day_of(now)
  local week = 0
  while first + 7 * (week + 1) <= today do
    local from, to = first + 7 * week, first + 7 * (week + 1)
    local completed, worst = 0, 0
    for _, session in ipairs(history) do
      local day = day_of(session.started_at)
      if day >= from and day < to then
        if session.completed then completed = completed + 1 end
        worst = math.max(worst, worst_discomfort(session) or 0)
      end
    end
    if completed >= MIN_SESSIONS and worst < limit then
      hold = math.min(CAP, hold + STEP)
      counted = counted + 1
    end
    week = week + 1
  end
  return hold, counted
end

limber.progression{
  id = "hold-progression",
  routine = ROUTINE,
  describe = string.format(
    "static holds start at %d s and grow %d s a week after a week with %d or more completed sessions, up to %d s; "
      .. "never after discomfort at limber's limit or more",
    START, STEP, MIN_SESSIONS, CAP),
  adjust = function(plan, history, ctx)
    local limit = ctx.discomfort_limit
    local hold, weeks = earned(history, ctx.now, limit)
    local why = string.format("%d week%s with %d+ completed sessions", weeks, weeks == 1 and "" or "s", MIN_SESSIONS)
    local last = history[#history]
    if last and (worst_discomfort(last) or 0) >= limit then
      -- No growth after a session that hurt: the hold it had then, at most.
      hold = math.min(hold, (earned(history, last.started_at, limit)))
      why = string.format("held at %d s: the last session was rated %d/10 discomfort", hold, worst_discomfort(last))
    end
    for _, step in ipairs(plan.steps) do
      if step.hold then step.hold = hold end
    end
    return plan, why
  end,
}
