-- runner-cooldown: the physical therapist's seven-move cool-down for runners, in the
-- article's order. Every hold is 30–60 s; the moving ones (roll down, cat-cow) are timed
-- slowly enough to take about as long.
limber.routine{
  id = 'runner-cooldown',
  name = 'Runner cool-down',
  phase = 'cooldown',
  summary = "Seven moves for the lower back and hips after a run.",
  rest = 10,
  steps = {
    { exercise = 'roll-down', reps = 4, tempo = 8 },
    { exercise = 'downward-dog', hold = 45 },
    { exercise = 'childs-pose', hold = 45 },
    { exercise = 'cat-cow', reps = 8 },
    { exercise = 'modified-childs-pose', hold = 45 },
    { exercise = 'kneeling-hip-flexor-stretch', hold = 40 },
    { exercise = 'figure-four-stretch', hold = 40 },
  },
}
