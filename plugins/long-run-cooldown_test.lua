-- A longer cool-down after a long run: +15 s on each static hold within 12 hours of a run of
-- 75 minutes or more, or of 15 km or more when the distance is known (the shipped hold
-- progression starts the holds at 30 s).

local function ran(at, minutes)
  log.seed{ activity = "run", at = at, minutes = minutes }
end

-- A run imported from a watch's file, with its distance.
local function ran_far(at, minutes, metres)
  return log.seed{ activity = "run", at = at, minutes = minutes, distance_m = metres, sport = "running",
    file = "/media/GARMIN/Activity/run.fit" }[1]
end

-- Every hold of today's cool-down.
local function holds()
  local found = {}
  for _, step in ipairs(progressions.plan("runner-cooldown").steps) do
    if step.hold then found[#found + 1] = step.hold end
  end
  return found
end

local function change()
  for _, c in ipairs(progressions.plan("runner-cooldown").changes) do
    if c.progression == "long-run-cooldown" then return c end
  end
end

test("no run: the holds stay as the hold progression set them", function()
  clock.set("2026-03-09 10:00")
  for _, hold in ipairs(holds()) do expect(hold).to_be(30) end
  expect(change()).to_be(nil)
end)

test("a short run changes nothing", function()
  ran("2026-03-09 07:00", 40)
  clock.set("2026-03-09 08:00")
  for _, hold in ipairs(holds()) do expect(hold).to_be(30) end
end)

test("after a long run every static hold is 15 s longer", function()
  ran("2026-03-09 07:00", 95)
  clock.set("2026-03-09 09:00")
  local after = holds()
  expect(#after > 0).to_be(true)
  for _, hold in ipairs(after) do expect(hold).to_be(45) end
  expect(change().reason).to_be("+15 s after a 95-minute run")
end)

test("the longer holds last 12 hours after the run", function()
  ran("2026-03-09 07:00", 90)
  clock.set("2026-03-09 20:00")
  expect(holds()[1]).to_be(45)
  clock.set("2026-03-09 20:31")
  expect(holds()[1]).to_be(30)
end)

test("the last run is the one that counts", function()
  ran("2026-03-09 07:00", 90)
  ran("2026-03-09 12:00", 30)
  clock.set("2026-03-09 13:00")
  expect(holds()[1]).to_be(30)
end)

test("a run logged for later does not count yet", function()
  ran("2026-03-09 18:00", 90)
  clock.set("2026-03-09 10:00")
  expect(holds()[1]).to_be(30)
end)

test("no longer holds after a cool-down that hurt", function()
  log.seed{ routine = "runner-cooldown", at = "2026-03-08 18:00",
    sets = { { exercise = "childs-pose", hold = 30, discomfort = 8 } } }
  ran("2026-03-09 07:00", 100)
  clock.set("2026-03-09 09:00")
  for _, hold in ipairs(holds()) do expect(hold <= 30).to_be(true) end
end)

test("a run of 15 km or more is a long run, however short its time", function()
  local run = ran_far("2026-03-09 07:00", 60, 16000)
  expect(run.source).to_be("import")
  expect(run.distance_m).to_be(16000)
  clock.set("2026-03-09 09:00")
  for _, hold in ipairs(holds()) do expect(hold).to_be(45) end
  expect(change().reason).to_be("+15 s after a 16.0 km run")
end)

test("exactly 15 km counts", function()
  ran_far("2026-03-09 07:00", 60, 15000)
  clock.set("2026-03-09 09:00")
  expect(holds()[1]).to_be(45)
  expect(change().reason).to_be("+15 s after a 15.0 km run")
end)

test("14.999 km in an hour changes nothing", function()
  ran_far("2026-03-09 07:00", 60, 14999)
  clock.set("2026-03-09 09:00")
  for _, hold in ipairs(holds()) do expect(hold).to_be(30) end
  expect(change()).to_be(nil)
end)

test("a run long by both time and distance is named by its time", function()
  ran_far("2026-03-09 07:00", 95, 21097.5)
  clock.set("2026-03-09 09:00")
  expect(change().reason).to_be("+15 s after a 95-minute run")
end)

test("a long distance counts only for 12 hours after the run ends", function()
  ran_far("2026-03-09 07:00", 60, 18000)
  clock.set("2026-03-09 20:00")
  expect(holds()[1]).to_be(45)
  clock.set("2026-03-09 20:01")
  expect(holds()[1]).to_be(30)
end)

test("a short run after a far one is the last run, and it is short", function()
  ran_far("2026-03-09 07:00", 60, 18000)
  ran("2026-03-09 12:00", 20)
  clock.set("2026-03-09 13:00")
  expect(holds()[1]).to_be(30)
end)

test("no longer holds after a far run when the last cool-down hurt", function()
  log.seed{ routine = "runner-cooldown", at = "2026-03-08 18:00",
    sets = { { exercise = "childs-pose", hold = 30, discomfort = 8 } } }
  ran_far("2026-03-09 07:00", 60, 25000)
  clock.set("2026-03-09 09:00")
  for _, hold in ipairs(holds()) do expect(hold <= 30).to_be(true) end
end)
