-- evening-nudge_test.lua: when the nudge comes, when it stays quiet, and what it says.
local function stretched(at)
  log.seed{ routine = "evening", at = at, sets = { { exercise = "childs-pose", hold = 45 } } }
end

test("due on a weekday evening when nothing is logged", function()
  clock.set("2026-03-09 18:31") -- a Monday
  local nudge = reminders.check("evening-nudge")
  expect(nudge.status).to_be("due")
  expect(nudge.message).to_be("Ten minutes of stretching tonight?")
end)

test("quiet once you have stretched that day", function()
  clock.set("2026-03-09 18:31")
  stretched("2026-03-09 07:15")
  expect(reminders.check("evening-nudge").status).to_be("not_due")
end)

test("not before 18:30, and dropped after its window", function()
  clock.set("2026-03-10 18:00") -- Tuesday, before the time; Monday's nudge has expired
  expect(reminders.check("evening-nudge").status).to_be("missed")
  clock.set("2026-03-14 18:31") -- a Saturday: Friday's nudge has expired too
  expect(reminders.check("evening-nudge").status).to_be("missed")
end)

test("delivered once per evening", function()
  clock.set("2026-03-09 18:31")
  expect(reminders.run()["evening-nudge"].status).to_be("due")
  expect(reminders.sent()).to_contain("Ten minutes of stretching tonight?")
  clock.advance{ minutes = 30 }
  expect(reminders.run()["evening-nudge"].status).to_be("already_fired")
end)

test("mentions a streak", function()
  stretched("2026-03-06 19:00")
  stretched("2026-03-07 19:00")
  stretched("2026-03-08 19:00")
  clock.set("2026-03-09 18:31")
  expect(reminders.check("evening-nudge").message).to_be("Ten minutes of stretching keeps your 3-day streak going.")
end)
