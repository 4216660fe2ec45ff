-- longer-holds_test.lua: today's plan from a made-up history.
local evening = { id = "evening-hips", name = "Evening hips", steps = {
  { exercise = "figure-four-stretch", hold = 30 },
  { exercise = "cat-cow" }, -- counted in breaths: no hold to grow
} }

-- `count` sessions of the routine, one a day, the last one `days_ago` days before now.
local function sessions(count, days_ago, fields)
  fields = fields or {}
  for i = count - 1, 0, -1 do
    log.seed{ routine = "evening-hips", at = clock.now() - (days_ago + i) * 86400, completed = fields.completed,
      sets = { { exercise = "figure-four-stretch", side = "left", hold = 30, discomfort = fields.discomfort } } }
  end
end

test("no history, no change", function()
  local plan = progressions.plan(evening)
  expect(plan.steps[1].hold).to_be(30)
  expect(plan.steps[2].hold).to_be_nil()
  expect(plan.applied).to_equal({ "longer-holds" })
end)

test("five seconds more for every three completed sessions", function()
  sessions(7, 1)
  local plan = progressions.plan(evening)
  expect(plan.steps[1].hold).to_be(40)
  expect(plan.changes[1].reason).to_be("7 completed sessions in 4 weeks")
end)

test("old and unfinished sessions do not count", function()
  sessions(3, 40)
  sessions(3, 1, { completed = false })
  expect(progressions.plan(evening).steps[1].hold).to_be(30)
end)

test("never more than 60 s", function()
  sessions(27, 1)
  expect(progressions.plan(evening).steps[1].hold).to_be(60)
end)

test("unchanged after a session that hurt", function()
  sessions(6, 2)
  sessions(1, 1, { discomfort = 7 })
  local plan = progressions.plan(evening)
  expect(plan.steps[1].hold).to_be(30)
  expect(plan.changes).to_equal({})
end)
