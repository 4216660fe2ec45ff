-- lower-back-relief: the article's other stretches for a runner's lower back, gentle enough
-- for any time of day. Stop at any serious discomfort; pain that keeps coming back belongs
-- with a physical therapist or doctor.
limber.routine{
  id = 'lower-back-relief',
  name = 'Lower-back relief',
  phase = 'anytime',
  summary = "Knee-to-chest, couch stretch, cat-cow, child's pose and calves.",
  rest = 10,
  steps = {
    { exercise = 'knee-to-chest', hold = 40 },
    { exercise = 'half-kneeling-couch-stretch', hold = 40 },
    { exercise = 'cat-cow', reps = 8 },
    { exercise = 'childs-pose', hold = 60 },
    { exercise = 'calf-stretch', hold = 40 },
  },
}
