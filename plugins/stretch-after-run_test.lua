-- "You ran today but have not stretched": once per run, 30 minutes after it ends.
local function ran(at, minutes)
  log.seed{ activity = "run", at = at, minutes = minutes }
end

-- What this reminder sent (the other shipped reminders run too).
local function nudges()
  local mine = {}
  for _, message in ipairs(reminders.sent()) do
    if message:find("have not stretched", 1, true) then mine[#mine + 1] = message end
  end
  return mine
end

test("quiet on a day without a run", function()
  clock.set("2026-03-09 18:00")
  expect(reminders.check("stretch-after-run").status).to_be("not_due")
end)

test("waits half an hour after the run ends", function()
  ran("2026-03-09 07:00", 40)
  clock.set("2026-03-09 07:50")
  expect(reminders.check("stretch-after-run").status).to_be("not_due")
  clock.set("2026-03-09 08:10")
  local nudge = reminders.check("stretch-after-run")
  expect(nudge.status).to_be("due")
  expect(nudge.message).to_be("You ran 40 minutes today but have not stretched yet: limber start runner-cooldown.")
end)

test("quiet once you stretched after the run", function()
  ran("2026-03-09 07:00", 40)
  log.seed{ routine = "runner-cooldown", at = "2026-03-09 07:45", sets = { { exercise = "cat-cow", breaths = 8 } } }
  clock.set("2026-03-09 08:10")
  expect(reminders.check("stretch-after-run").status).to_be("not_due")
end)

test("once per run", function()
  ran("2026-03-09 07:00", 40)
  clock.set("2026-03-09 08:10")
  expect(reminders.run()["stretch-after-run"].status).to_be("due")
  clock.advance{ minutes = 30 }
  expect(reminders.run()["stretch-after-run"].status).to_be("not_due")
  expect(#nudges()).to_be(1)
  ran("2026-03-09 17:00", 30)
  clock.set("2026-03-09 18:05")
  reminders.run()
  expect(nudges()).to_equal({
    "You ran 40 minutes today but have not stretched yet: limber start runner-cooldown.",
    "You ran 30 minutes today but have not stretched yet: limber start runner-cooldown.",
  })
end)
