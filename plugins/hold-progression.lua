-- Longer holds as the habit builds.
--
-- The static holds of a routine start at 30 s and grow 5 s for every week (counted from the
-- first logged session) with at least `min_sessions` completed sessions, up to 60 s. A week
-- with a set rated 7/10 discomfort or more earns nothing, and after such a session the hold
-- stays where it was then. Settings, in config.lua:
--   settings = { ["hold-progression"] = { min_sessions = 3, routine = "runner-cooldown" } }

local MIN_SESSIONS = settings.min_sessions or 3
local ROUTINE = settings.routine or "runner-cooldown"
local START, STEP, CAP = 30, 5, 60
local DISCOMFORT_LIMIT = 7
local WEEK = 7 * 24 * 60 * 60

local function worst_discomfort(session)
  local worst
  for _, set in ipairs(session.sets or {}) do
    if set.discomfort and (worst == nil or set.discomfort > worst) then worst = set.discomfort end
  end
  return worst
end

-- The hold earned by the weeks that ended by `now`, and how many of them counted.
local function earned(history, now)
  if #history == 0 then return START, 0 end
  local hold, counted = START, 0
  local week_start = history[1].started_at
  while week_start + WEEK <= now do
    local week_end = week_start + WEEK
    local completed, worst = 0, 0
    for _, session in ipairs(history) do
      if session.started_at >= week_start and session.started_at < week_end then
        if session.completed then completed = completed + 1 end
        worst = math.max(worst, worst_discomfort(session) or 0)
      end
    end
    if completed >= MIN_SESSIONS and worst < DISCOMFORT_LIMIT then
      hold = math.min(CAP, hold + STEP)
      counted = counted + 1
    end
    week_start = week_end
  end
  return hold, counted
end

limber.progression{
  id = "hold-progression",
  routine = ROUTINE,
  describe = string.format(
    "static holds start at %d s and grow %d s a week after a week with %d or more completed sessions, up to %d s; never after discomfort of %d/10 or more",
    START, STEP, MIN_SESSIONS, CAP, DISCOMFORT_LIMIT),
  adjust = function(plan, history, ctx)
    local hold, weeks = earned(history, ctx.now)
    local why = string.format("%d week%s with %d+ completed sessions", weeks, weeks == 1 and "" or "s", MIN_SESSIONS)
    local last = history[#history]
    if last and (worst_discomfort(last) or 0) >= DISCOMFORT_LIMIT then
      -- No growth after a session that hurt: the hold it had then, at most.
      hold = math.min(hold, (earned(history, last.started_at)))
      why = string.format("held at %d s: the last session was rated %d/10 discomfort", hold, worst_discomfort(last))
    end
    for _, step in ipairs(plan.steps) do
      if step.hold then step.hold = hold end
    end
    return plan, why
  end,
}
