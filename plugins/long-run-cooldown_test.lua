-- A longer cool-down after a long run: +15 s on each static hold within 12 hours of a run of
-- 75 minutes or more (the shipped hold progression starts the holds at 30 s).

local function ran(at, minutes)
  log.seed{ activity = "run", at = at, minutes = minutes }
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
