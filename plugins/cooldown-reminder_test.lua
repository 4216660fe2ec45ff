-- The daily cool-down nudge: due at 18:00 until a mobility session is logged that day.
local function stretched(at, routine)
  log.seed{ routine = routine or "runner-cooldown", at = at, sets = { { exercise = "childs-pose", hold = 45 } } }
end

test("due at six in the evening when nothing is logged", function()
  clock.set("2026-03-09 18:01")
  local nudge = reminders.check("cooldown")
  expect(nudge.status).to_be("due")
  expect(nudge.message).to_be("Time for your cool-down: limber start runner-cooldown (about 10 minutes).")
end)

test("quiet once any mobility session is logged that day", function()
  stretched("2026-03-09 07:30", "morning-mobility")
  clock.set("2026-03-09 18:01")
  expect(reminders.check("cooldown").status).to_be("not_due")
end)

test("yesterday's session and today's run do not count", function()
  stretched("2026-03-08 19:00")
  log.seed{ activity = "run", minutes = 40, at = "2026-03-09 07:00" }
  clock.set("2026-03-09 18:01")
  expect(reminders.check("cooldown").status).to_be("due")
end)

test("delivered once a day", function()
  clock.set("2026-03-09 18:01")
  expect(reminders.run().cooldown.status).to_be("due")
  clock.advance{ minutes = 30 }
  expect(reminders.run().cooldown.status).to_be("already_fired")
  clock.set("2026-03-10 18:01")
  reminders.run()
  local cooldown = "Time for your cool-down: limber start runner-cooldown (about 10 minutes)."
  expect(reminders.sent()).to_equal({ cooldown, cooldown })
end)

test("dropped six hours after its time", function()
  clock.set("2026-03-09 23:59")
  expect(reminders.check("cooldown").status).to_be("due")
  clock.set("2026-03-10 08:00")
  expect(reminders.check("cooldown").status).to_be("missed")
end)
