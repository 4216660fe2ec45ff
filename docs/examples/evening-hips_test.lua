-- evening-hips_test.lua: the plugin's exercise is in the catalogue, findable like the built-ins.
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
