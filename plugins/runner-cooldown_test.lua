-- Tests for the shipped cool-down: it runs start to finish and keeps the article's order.
test('the cool-down runs the seven moves in the article order', function()
  local order = {}
  limber.on('step_start', function(e)
    if e.side == 1 then order[#order + 1] = e.exercise end
  end)
  local result = limber.session.start('runner-cooldown', { log = false })
  expect(result.completed).to_be(true)
  expect(table.concat(order, ' ')).to_be(
    'roll-down downward-dog childs-pose cat-cow modified-childs-pose kneeling-hip-flexor-stretch figure-four-stretch')
end)

test('every timed hold is 30 to 60 seconds and each side gets the full time', function()
  limber.on('step_done', function(e)
    if e.unit == 'seconds' then
      expect(e.planned >= 30 and e.planned <= 60).to_be(true)
      expect(e.actual_seconds).to_be(e.planned)
    end
  end)
  local result = limber.session.start('runner-cooldown', { log = false })
  expect(result.sets).to_be(9)
  expect(result.sets_completed).to_be(9)
end)

test('a session takes its planned time on the clock', function()
  local start = clock.now()
  local result = limber.session.start('runner-cooldown', { log = false })
  expect(clock.now() - start).to_be(result.planned_seconds)
end)
