-- evening-hips.lua: a hip stretch the built-in catalogue lacks, and a routine around it.
limber.catalogue.add{
  id = "ninety-ninety-stretch",
  name = "90/90 Hip Stretch",
  aliases = { "90-90" },
  kind = "static",
  position = "seated",
  laterality = "per_side",
  phase = "anytime",
  dose = { unit = "seconds", min = 30, max = 90, default = 45 },
  regions = { "hips", "glutes" },
  instructions = {
    "Sit with the front leg bent 90 degrees in front of you and the back leg bent 90 degrees behind.",
    "Sit tall, then lean your chest over the front shin until you feel the outer hip.",
  },
  cues = { "Both sit bones heavy", "Long spine, hinge from the hips" },
  cautions = { "Ease off if the knee, not the hip, complains." },
}

limber.routine{
  id = "evening-hips",
  name = "Evening hips",
  summary = "Ten quiet minutes for hips that ran all day.",
  rest = 10,
  steps = {
    { exercise = "cat-cow", reps = 6 },
    { exercise = "ninety-ninety-stretch", hold = 45 },
    { exercise = "figure-four-stretch", hold = 40 },
    { exercise = "kneeling-hip-flexor-stretch", hold = 40 },
    { exercise = "childs-pose", hold = 60 },
  },
}
