-- The shipped hold progression, on the runner's cool-down: holds start at 30 s and grow 5 s a
-- week after a week with 3 or more completed sessions, up to 60 s; never after discomfort >= 7.

-- A completed cool-down at a local time, with its first set rated `discomfort` if given.
local function cooldown(at, discomfort, completed)
  log.seed{ routine = "runner-cooldown", at = at, completed = completed ~= false,
    sets = { { exercise = "roll-down", reps = 4 }, { exercise = "childs-pose", hold = 30, discomfort = discomfort } } }
end

-- The hold of the routine's first timed step today.
local function hold()
  for _, step in ipairs(progressions.plan("runner-cooldown").steps) do
    if step.hold then return step.hold end
  end
end

-- Three sessions in each of `weeks` weeks from Monday 2026-03-02.
local function good_weeks(weeks)
  for week = 0, weeks - 1 do
    for _, day in ipairs{ 2, 4, 6 } do
      cooldown(string.format("2026-03-%02d 18:00", 2 + week * 7 + day - 2))
    end
  end
end

test("holds start at 30 s", function()
  clock.set("2026-03-02 08:00")
  expect(hold()).to_be(30)
  local plan = progressions.plan("runner-cooldown")
  expect(plan.problems).to_equal({})
  expect(plan.changes[1].progression).to_be("hold-progression")
end)

test("a good week adds 5 s", function()
  good_weeks(1)
  clock.set("2026-03-08 20:00")
  expect(hold()).to_be(30)
  clock.set("2026-03-09 18:00")
  expect(hold()).to_be(35)
  expect(progressions.plan("runner-cooldown").changes[1].reason).to_be("1 week with 3+ completed sessions")
end)

test("never more than 60 s", function()
  good_weeks(4)
  clock.set("2026-05-01 18:00")
  expect(hold()).to_be(50)
  good_weeks(4) -- the same days again: more sessions, not more weeks
  expect(hold()).to_be(50)
  for week = 4, 9 do
    for _, day in ipairs{ 2, 4, 6 } do
      cooldown(os.date("%Y-%m-%d 18:00", os.time{ year = 2026, month = 3, day = 2 + week * 7 + day - 2, hour = 12 }))
    end
  end
  clock.set("2026-06-01 18:00")
  expect(hold()).to_be(60)
end)

test("two sessions are not a week", function()
  cooldown("2026-03-02 18:00")
  cooldown("2026-03-04 18:00")
  cooldown("2026-03-06 18:00", nil, false)
  clock.set("2026-03-10 18:00")
  expect(hold()).to_be(30)
end)

test("no growth after a session rated 7 or more", function()
  good_weeks(1) -- 35 s from Monday 2026-03-09
  cooldown("2026-03-09 18:00", 8)
  clock.set("2026-03-10 18:00")
  expect(hold()).to_be(35)
  expect(progressions.plan("runner-cooldown").changes[1].reason).to_contain("8/10")
  cooldown("2026-03-11 18:00")
  cooldown("2026-03-13 18:00")
  clock.set("2026-03-16 18:00")
  expect(hold()).to_be(35) -- the week of the painful session earns nothing
end)

test("a week with a session rated 7 or more earns nothing", function()
  good_weeks(2)
  cooldown("2026-03-11 07:00", 7) -- in the second week
  clock.set("2026-03-17 18:00")
  expect(hold()).to_be(35)
  expect(progressions.plan("runner-cooldown").changes[1].reason).to_be("1 week with 3+ completed sessions")
end)

test("counted steps keep no hold", function()
  local plan = progressions.plan("runner-cooldown")
  for _, step in ipairs(plan.steps) do
    if step.exercise == "cat-cow" or step.exercise == "roll-down" then expect(step.hold).to_be_nil() end
  end
  expect(plan.applied).to_equal({ "hold-progression" })
end)

test("a session rated just under limber's limit does not stop growth", function()
  good_weeks(1)
  cooldown("2026-03-09 18:00", 6)
  clock.set("2026-03-10 18:00")
  expect(hold()).to_be(35)
  for _, change in ipairs(progressions.plan("runner-cooldown").changes) do expect(change.refused).to_be(false) end
end)

test("limber refuses a plan reshaped after pain, whoever reshaped it", function()
  limber.progression{ id = "reshaper", routine = "runner-cooldown", describe = "doubles sides, adds a step",
    adjust = function(plan)
      plan.steps[1].sides = 2
      plan.steps[#plan.steps + 1] = { exercise = "childs-pose", hold = 60 }
      return plan, "more"
    end }
  cooldown("2026-03-09 18:00", 9)
  clock.set("2026-03-10 18:00")
  local plan = progressions.plan("runner-cooldown")
  local refused = {}
  for _, change in ipairs(plan.changes) do
    if change.refused then refused[#refused + 1] = change.field end
  end
  expect(refused).to_equal({ "sides", "added" })
  expect(plan.steps[1].sides).to_be(1)
  expect(plan.steps[#plan.steps].exercise).never.to_be("childs-pose")
end)
