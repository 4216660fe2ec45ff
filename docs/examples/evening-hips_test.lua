-- evening-hips_test.lua: the exercise is in the catalogue; the routine runs, on the test's clock.
test("adds the 90/90 stretch", function()
  local e = limber.catalogue.get("ninety-ninety-stretch")
  expect(e).never.to_be_nil()
  expect(e.dose).to_equal({ unit = "seconds", min = 30, max = 90, default = 45 })
  expect(e.source).to_contain("evening-hips.lua")
end)

test("is found by alias and by region", function()
  expect(limber.catalogue.get("90-90").id).to_be("ninety-ninety-stretch")
  local ids = {}
  for _, e in ipairs(limber.catalogue.find{ region = "glutes", kind = "static" }) do ids[#ids + 1] = e.id end
  expect(ids).to_contain("ninety-ninety-stretch")
end)

test("a second definition is refused", function()
  expect(function()
    limber.catalogue.add{ id = "ninety-ninety-stretch", name = "Again", kind = "static", position = "seated",
      laterality = "per_side", phase = "anytime", regions = { "hips" },
      dose = { unit = "seconds", min = 30, max = 60, default = 30 } }
  end).to_fail_with("already defined by")
end)

test("the routine runs its five moves in order", function()
  local order = {}
  limber.on("step_start", function(e)
    if e.side == 1 then order[#order + 1] = e.exercise end
  end)
  local result = limber.session.start("evening-hips")
  expect(result.completed).to_be(true)
  expect(order).to_equal({ "cat-cow", "ninety-ninety-stretch", "figure-four-stretch",
    "kneeling-hip-flexor-stretch", "childs-pose" })
end)

test("each side gets its full hold, and the session is logged", function()
  limber.on("step_done", function(e)
    if e.exercise == "ninety-ninety-stretch" then expect(e.actual_seconds).to_be(45) end
  end)
  local start = clock.now()
  local result = limber.session.start("evening-hips")
  expect(result.sets).to_be(8) -- one set per side: 1 + 2 + 2 + 2 + 1
  expect(clock.now() - start).to_be(result.planned_seconds)
  local logged = limber.log.last("evening-hips")
  expect(#logged.sets).to_be(8)
  expect(logged.completed).to_be(true)
end)
