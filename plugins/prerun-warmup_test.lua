-- Tests for the shipped pre-run warm-up: dynamic moves only, each side counted, on the clock.
test('the warm-up runs the four dynamic moves in order, both sides of each one-sided move', function()
  local sets = {}
  limber.on('step_start', function(e) sets[#sets + 1] = e.exercise .. ':' .. e.side end)
  local result = limber.session.start('prerun-warmup', { log = false })
  expect(result.completed).to_be(true)
  expect(sets).to_equal({
    'leg-swings-front-back:1', 'leg-swings-front-back:2',
    'leg-swings-side-to-side:1', 'leg-swings-side-to-side:2',
    'worlds-greatest-stretch:1', 'worlds-greatest-stretch:2',
    'quadruped-rock-back:1',
  })
end)

test('everything in it is a dynamic, pre-run move counted in reps', function()
  limber.on('step_done', function(e)
    local exercise = limber.catalogue.get(e.exercise)
    expect(exercise.kind).to_be('dynamic')
    expect(exercise.phase).to_be('pre_run')
    expect(e.unit).to_be('reps')
  end)
  expect(limber.session.start('prerun-warmup', { log = false }).sets_completed).to_be(7)
end)

test('a guided warm-up is logged set by set', function()
  local result = limber.session.start('prerun-warmup')
  expect(result.completed).to_be(true)
  local last = limber.log.last('prerun-warmup')
  expect(last.completed).to_be(true)
  expect(#last.sets).to_be(7)
end)
