-- prerun-warmup: a short dynamic warm-up before a run; everything moves, nothing is held.
limber.routine{
  id = 'prerun-warmup',
  name = 'Pre-run warm-up',
  phase = 'pre_run',
  summary = "Leg swings, world's greatest stretch and rock backs to get the hips moving.",
  rest = 5,
  steps = {
    { exercise = 'leg-swings-front-back', reps = 15, tempo = 2 },
    { exercise = 'leg-swings-side-to-side', reps = 15, tempo = 2 },
    { exercise = 'worlds-greatest-stretch', reps = 5, tempo = 6 },
    { exercise = 'quadruped-rock-back', reps = 10, tempo = 3 },
  },
}
