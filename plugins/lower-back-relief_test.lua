-- Tests for the shipped lower-back relief set: the article's other stretches, held 30-60 s.
test('it runs the five moves in order', function()
  local order = {}
  limber.on('step_start', function(e)
    if e.side == 1 then order[#order + 1] = e.exercise end
  end)
  expect(limber.session.start('lower-back-relief', { log = false }).completed).to_be(true)
  expect(order).to_equal({ 'knee-to-chest', 'half-kneeling-couch-stretch', 'cat-cow', 'childs-pose', 'calf-stretch' })
end)

test("every hold is within the article's 30 to 60 seconds, per side for one-sided moves", function()
  local holds = {}
  limber.on('step_done', function(e)
    if e.unit == 'seconds' then
      expect(e.planned >= 30 and e.planned <= 60).to_be(true)
      holds[e.exercise] = (holds[e.exercise] or 0) + 1
    end
  end)
  limber.session.start('lower-back-relief', { log = false })
  expect(holds).to_equal({ ['knee-to-chest'] = 2, ['half-kneeling-couch-stretch'] = 2, ['childs-pose'] = 1, ['calf-stretch'] = 2 })
end)

test('a guided session is logged with a set per side', function()
  expect(limber.session.start('lower-back-relief').completed).to_be(true)
  local last = limber.log.last('lower-back-relief')
  expect(last.completed).to_be(true)
  expect(#last.sets).to_be(8)
  expect(last.sets[1].exercise).to_be('knee-to-chest')
  expect(last.sets[1].side).to_be('left')
  expect(last.sets[2].side).to_be('right')
end)
