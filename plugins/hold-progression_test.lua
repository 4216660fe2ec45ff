-- Longer holds as the habit builds: +5 s per week with 3 completed sessions, up to 60 s, never
-- after a session rated 7/10 discomfort or more.
local DAY = 86400
local START = os.time{ year = 2026, month = 3, day = 2, hour = 18 } -- a Monday evening

local cooldown = { id = "runner-cooldown", name = "Runner's cool-down", steps = {
  { exercise = "childs-pose" }, { exercise = "cat-cow" }, { exercise = "figure-four-stretch" },
} }

-- A cool-down `day` days after the start; `discomfort` rates its set.
local function session(day, fields)
  fields = fields or {}
  log.seed{ routine = "runner-cooldown", at = START + day * DAY, completed = fields.completed,
    sets = { { exercise = "childs-pose", hold = 30, discomfort = fields.discomfort } } }
end

-- Three completed sessions a week (days 0, 2, 4 of each); `discomfort[day]` rates that day's.
local function weeks_of_sessions(weeks, discomfort)
  for week = 0, weeks - 1 do
    for _, offset in ipairs({ 0, 2, 4 }) do
      local day = week * 7 + offset
      session(day, { discomfort = discomfort and discomfort[day] })
    end
  end
end

local function holds_on(day)
  clock.set(START + day * DAY)
  local plan = progressions.plan(cooldown)
  expect(plan.problems).to_equal({})
  return { plan.steps[1].hold, plan.steps[2].hold, plan.steps[3].hold }, plan
end

test("holds start at 30 s; counted steps keep no hold", function()
  local holds, plan = holds_on(0)
  expect(holds).to_equal({ 30, nil, 30 })
  expect(plan.applied).to_equal({ "hold-progression" })
  expect(plan.changes[1].from).to_be(45)
end)

test("five seconds more for each week with three completed sessions", function()
  weeks_of_sessions(3)
  expect(holds_on(6.5)[1]).to_be(30)
  expect(holds_on(7.5)[1]).to_be(35)
  local holds, plan = holds_on(21.5)
  expect(holds).to_equal({ 45, nil, 45 })
  expect(plan.changes[1].reason).to_be("3 weeks with 3+ completed sessions")
end)

test("a week with a session left unfinished earns nothing", function()
  session(0)
  session(2)
  session(4, { completed = false })
  expect(holds_on(8)[1]).to_be(30)
end)

test("capped at 60 s", function()
  weeks_of_sessions(9)
  expect(holds_on(63.5)).to_equal({ 60, nil, 60 })
end)

test("a week with a session that hurt earns nothing", function()
  weeks_of_sessions(3, { [9] = 7 })
  local holds, plan = holds_on(21.5)
  expect(holds[1]).to_be(40)
  expect(plan.changes[1].reason).to_be("2 weeks with 3+ completed sessions")
end)

test("held where it was after a session that hurt", function()
  weeks_of_sessions(2)
  session(14, { discomfort = 8 })
  local holds, plan = holds_on(14.5)
  expect(holds[1]).to_be(40)
  expect(plan.changes[1].reason).to_be("held at 40 s: the last session was rated 8/10 discomfort")
end)
