-- longer-holds.lua: the holds of a routine grow with practice, and never after a session that hurt.
local ROUTINE = settings.routine or "evening-hips"
local STEP, EVERY, CAP = 5, 3, 60 -- +5 s for every 3 completed sessions in the last 4 weeks, up to 60 s
local FOUR_WEEKS = 28 * 86400

limber.progression{
  id = "longer-holds",
  routine = ROUTINE,
  describe = string.format("holds grow %d s for every %d completed sessions in the last 4 weeks, up to %d s",
    STEP, EVERY, CAP),
  adjust = function(plan, history, ctx)
    if (ctx.last_discomfort or 0) >= 7 then
      return nil -- the last session was uncomfortable: today stays as planned
    end
    local completed = 0
    for _, session in ipairs(history) do
      if session.completed and session.started_at > ctx.now - FOUR_WEEKS then completed = completed + 1 end
    end
    local extra = STEP * (completed // EVERY)
    for _, step in ipairs(plan.steps) do
      -- Never shorter than planned, never past the cap.
      if step.hold then step.hold = math.max(step.hold, math.min(CAP, step.hold + extra)) end
    end
    return plan, completed .. " completed sessions in 4 weeks"
  end,
}
