/// The exercises that ship with limber: every move named by the source article
/// (`article.txt` beside DESIGN.md), written up as data in our own words.
///
/// Conventions used throughout:
/// - Held stretches are `.static` and dosed in seconds, 30–60 s, as the article advises.
/// - Moving exercises are `.dynamic` and dosed in reps (cat-cow in breaths, one cycle per breath).
/// - Region slugs come from one small vocabulary: lower_back, hips, hip_flexors, hamstrings,
///   glutes, quads, calves, ankles, thoracic_spine, spine, shoulders, feet.
/// - Every move carries the article's two safety points (``discomfortCaution`` and
///   ``professionalCaution``) ahead of any move-specific cautions.
/// - None of the moves needs equipment; a wall or the floor is all that is assumed.
enum BuiltinCatalogue {
    /// Source line for the seven moves of the physical therapist's cool-down routine.
    static let coolDownSource = "Tash Gale (physical therapist), seven-move cool-down for runners"
    /// Source line for the article's list of recommended lower-back stretches.
    static let articleSource = "article: recommended stretches for runners' lower back"

    /// Safety point one: nothing should hurt much.
    static let discomfortCaution =
        "Ease off or stop if the move causes serious discomfort; a mild, steady stretch is the goal."
    /// Safety point two: persistent back pain needs a clinician, not an app.
    static let professionalCaution =
        "If back pain keeps coming back or never fully settles, see a medical professional "
        + "or physical therapist, ideally before starting a new routine."

    /// The two shared cautions followed by any that are specific to one move.
    static func cautions(_ specific: String...) -> [String] {
        [discomfortCaution, professionalCaution] + specific
    }

    /// The standard dose for a held stretch: 30–60 seconds.
    static func hold(default seconds: Int) -> Dose {
        Dose(unit: .seconds, min: 30, max: 60, default: seconds)
    }

    static let exercises: [Exercise] = [
        // MARK: From the article's table of recommended stretches

        // Judgement call: the article gives no time of day for this one. It is gentle, done
        // lying down and aimed at easing the lower back, so it suits any moment (after a run,
        // on a rest day, before bed) and is filed as `.anytime`.
        Exercise(
            id: "knee-to-chest",
            name: "Supported Knee-to-Chest Stretch",
            aliases: [
                "supported knee-to-chest stretch", "knee to chest", "knee-to-chest stretch",
                "single knee to chest", "knee hug",
            ],
            kind: .static,
            position: .supine,
            laterality: .perSide,
            dose: hold(default: 30),
            regions: ["lower_back", "glutes", "hips"],
            muscles: ["lower back muscles", "glutes", "hamstrings"],
            phase: .anytime,
            instructions: [
                "Lie on your back with both knees bent and feet flat on the floor.",
                "Bring one knee towards you and hold it with both hands, behind the thigh or over the shin.",
                "Draw the knee gently to your chest until you feel the low back and buttock lengthen.",
                "Keep the head, shoulders and the other foot relaxed on the floor while you hold.",
                "Lower the leg slowly, then repeat with the other knee.",
            ],
            cues: ["Knee in gently", "Low back heavy on the floor", "Shoulders soft"],
            benefits: [
                "Takes pressure off the lumbar spine and lets the lower back settle into a relaxed position.",
                "A gentle way to unload the back after running-related strain.",
            ],
            cautions: cautions(
                "Hold behind the thigh rather than over the shin if your knee dislikes deep bending."
            ),
            source: articleSource
        ),
        Exercise(
            id: "worlds-greatest-stretch",
            name: "World's Greatest Stretch",
            aliases: ["world's greatest stretch", "worlds greatest stretch", "wgs", "lunge with rotation"],
            kind: .dynamic,
            position: .lunge,
            laterality: .perSide,
            dose: Dose(unit: .reps, min: 5, max: 8, default: 6),
            regions: ["hips", "hip_flexors", "thoracic_spine", "lower_back"],
            muscles: ["hip flexors", "glutes", "hamstrings", "upper back rotators"],
            phase: .preRun,
            instructions: [
                "Step one foot well forward into a long lunge and put both hands on the floor inside the front foot.",
                "Keep the back leg long and press its heel away to open the front of that hip.",
                "Drop the elbow on the front-foot side towards the instep of the front foot.",
                "Rotate your chest towards the front knee and reach that arm up to the ceiling, eyes following the hand.",
                "Bring the hand back down and repeat for the set, then switch legs.",
            ],
            cues: ["Back leg long", "Elbow to instep", "Reach up, eyes follow", "Breathe as you turn"],
            benefits: [
                "Moves the hips into extension and the upper back into rotation in one flowing drill.",
                "Loosens the hips and lower back before a run, which can head off post-run tightness and soreness.",
            ],
            cautions: cautions(
                "Rest the back knee on the floor if holding a full lunge is too demanding."
            ),
            source: articleSource
        ),
        Exercise(
            id: "quadruped-rock-back",
            name: "Quadruped Rock Back on Toes",
            aliases: ["quadruped rock back on toes", "quadruped rock back", "rock back on toes", "quadruped rocking"],
            kind: .dynamic,
            position: .quadruped,
            laterality: .bilateral,
            dose: Dose(unit: .reps, min: 8, max: 15, default: 10),
            regions: ["feet", "ankles", "hips"],
            muscles: ["big toe flexors", "foot muscles", "hip flexors", "glutes"],
            phase: .preRun,
            instructions: [
                "Start on hands and knees, hands under shoulders and knees under hips.",
                "Tuck your toes under so the weight rests on the balls of the feet.",
                "Keeping the back flat, shift your hips back towards your heels as far as is comfortable.",
                "Rock forward to the start again; move slowly and keep the spine still throughout.",
            ],
            cues: ["Toes tucked", "Back stays flat", "Hips back, then forward"],
            benefits: [
                "Works the bend at the big toe and the hip, two joints a runner uses on every stride.",
                "Teaches the hips to move without the lower back rounding to make up the difference.",
            ],
            cautions: cautions(
                "Pad the knees or shorten the range if kneeling or tucked toes are sore."
            ),
            source: articleSource
        ),
        // Judgement call: the couch stretch is a deep held stretch of the hip flexors and quads.
        // Long static holds sit better after running than before it, so it is `.postRun`.
        Exercise(
            id: "half-kneeling-couch-stretch",
            name: "Half-Kneeling Couch Stretch",
            aliases: ["half kneeling couch stretch", "couch stretch", "wall couch stretch"],
            kind: .static,
            position: .halfKneeling,
            laterality: .perSide,
            dose: hold(default: 30),
            regions: ["hip_flexors", "quads", "hips"],
            muscles: ["hip flexors", "quadriceps"],
            phase: .postRun,
            instructions: [
                "Kneel with your back to a wall or the front of a sofa, one knee close to it and that shin resting up against it.",
                "Step the other foot forward so you are in a half-kneeling position with the front knee over the ankle.",
                "Squeeze the glute on the kneeling side and tuck the pelvis slightly under.",
                "Lift the chest tall until you feel a stretch along the front of the thigh and hip, then hold.",
                "Come out slowly and change sides.",
            ],
            cues: ["Squeeze the back glute", "Tuck the pelvis", "Chest tall", "Ribs down"],
            benefits: [
                "Eases tight hip flexors and quads, which can pull on the lower back when running.",
                "Helps restore hip extension after long or hilly runs.",
            ],
            cautions: cautions(
                "Start with the back knee further from the wall if the stretch is too intense.",
                "Put something soft under the kneeling knee."
            ),
            source: articleSource
        ),
        Exercise(
            id: "leg-swings-front-back",
            name: "Leg Swings (Front-to-Back)",
            aliases: ["front to back leg swings", "forward leg swings", "leg swings front to back", "leg swings"],
            kind: .dynamic,
            position: .standing,
            laterality: .perSide,
            dose: Dose(unit: .reps, min: 10, max: 20, default: 15),
            regions: ["hips", "hip_flexors", "hamstrings", "glutes"],
            muscles: ["hip flexors", "hamstrings", "glutes"],
            phase: .preRun,
            instructions: [
                "Stand side-on to a wall and rest one hand on it for balance.",
                "Let the outside leg swing forward and back like a pendulum, knee soft.",
                "Start small and let the swing grow as the hip loosens, keeping the torso upright.",
                "Finish the set, turn around and swing the other leg.",
            ],
            cues: ["Stand tall", "Let the leg swing", "Grow the range slowly"],
            benefits: [
                "Warms up the hips and lower back with movement rather than holding.",
                "Takes the hip through the range it will use in the first strides of a run.",
            ],
            cautions: cautions(
                "Keep the swing controlled; do not kick or force the top of the range."
            ),
            source: articleSource
        ),
        Exercise(
            id: "leg-swings-side-to-side",
            name: "Leg Swings (Side-to-Side)",
            aliases: ["side to side leg swings", "lateral leg swings", "leg swings side to side"],
            kind: .dynamic,
            position: .standing,
            laterality: .perSide,
            dose: Dose(unit: .reps, min: 10, max: 20, default: 15),
            regions: ["hips", "glutes"],
            muscles: ["inner thigh (adductors)", "outer hip (gluteus medius)"],
            phase: .preRun,
            instructions: [
                "Face a wall and place both hands on it at about chest height.",
                "Swing one leg across the front of your body and then out to the side.",
                "Keep the hips facing the wall and the standing knee soft as the swing grows.",
                "Finish the set, then switch to the other leg.",
            ],
            cues: ["Hips face the wall", "Swing across and out", "Stay relaxed"],
            benefits: [
                "Loosens the inner and outer hip before running.",
                "Prepares the hip muscles that keep the pelvis level, which spares the lower back.",
            ],
            cautions: cautions(
                "Keep the swing controlled; let the range grow rather than throwing the leg."
            ),
            source: articleSource
        ),
        Exercise(
            id: "calf-stretch",
            name: "Static Calf Stretch",
            aliases: ["static calf stretch", "standing calf stretch", "wall calf stretch", "calf stretch"],
            kind: .static,
            position: .standing,
            laterality: .perSide,
            dose: hold(default: 30),
            regions: ["calves", "ankles"],
            muscles: ["calf (gastrocnemius)", "soleus", "Achilles tendon"],
            phase: .postRun,
            instructions: [
                "Face a wall and put both hands on it.",
                "Step one foot back, keeping that leg straight and its heel on the floor.",
                "Bend the front knee and lean in until the back calf feels a stretch, then hold.",
                "Switch legs and repeat.",
            ],
            cues: ["Back heel down", "Back leg straight", "Toes point forward"],
            benefits: [
                "Keeps the ankles flexible after running.",
                "Better ankle movement can indirectly ease how hard the lower back has to work.",
            ],
            cautions: cautions(
                "Do not bounce; ease into the hold, especially with a sore Achilles."
            ),
            source: articleSource
        ),

        // MARK: The physical therapist's seven-move cool-down

        Exercise(
            id: "roll-down",
            name: "Roll Down",
            aliases: ["standing roll down", "spinal roll down", "roll-down"],
            kind: .dynamic,
            position: .standing,
            laterality: .bilateral,
            dose: Dose(unit: .reps, min: 3, max: 6, default: 4),
            regions: ["spine", "lower_back", "hamstrings"],
            muscles: ["back extensors", "hamstrings"],
            phase: .cooldown,
            instructions: [
                "Stand with feet hip-width apart and knees slightly soft.",
                "Drop the chin to the chest and curl down slowly, one section of the spine at a time.",
                "Let the arms and head hang at the bottom and take a relaxed breath.",
                "Roll back up just as slowly, stacking the spine until you stand tall again.",
            ],
            cues: ["Chin to chest", "Curl down slowly", "Knees soft", "Stack back up"],
            benefits: [
                "Takes the spine gently through flexion, restoring movement after the stiffness of a run.",
                "Settles the breath at the start of a cool-down.",
            ],
            cautions: cautions(
                "Bend the knees more if the hamstrings pull hard or the low back objects.",
                "Come up slowly if you feel light-headed."
            ),
            source: coolDownSource
        ),
        Exercise(
            id: "downward-dog",
            name: "Downward Dog",
            aliases: ["downward facing dog", "down dog", "adho mukha svanasana"],
            kind: .static,
            position: .quadruped,
            laterality: .bilateral,
            dose: hold(default: 30),
            regions: ["hamstrings", "calves", "spine", "shoulders"],
            muscles: ["hamstrings", "calves", "back muscles", "shoulders"],
            phase: .cooldown,
            instructions: [
                "Start on hands and knees with the toes tucked under.",
                "Press through the hands and lift the hips up and back into an upside-down V.",
                "Lengthen the spine, keep the knees bent as much as you need and let the heels sink towards the floor.",
                "Hold with steady breathing, then lower the knees to come out.",
            ],
            cues: ["Hips high", "Long spine", "Knees can bend", "Heels sink"],
            benefits: [
                "Lengthens the whole back of the body, from calves and hamstrings to the spine.",
                "Eases tightness in the legs that can tug on the lower back.",
            ],
            cautions: cautions(
                "Keep the knees bent if straight legs make the back round."
            ),
            source: coolDownSource
        ),
        Exercise(
            id: "childs-pose",
            name: "Child's Pose",
            aliases: ["childs pose", "child pose", "balasana"],
            kind: .static,
            position: .kneeling,
            laterality: .bilateral,
            dose: hold(default: 45),
            regions: ["lower_back", "spine", "hips"],
            muscles: ["lower back muscles", "glutes", "lats"],
            phase: .cooldown,
            instructions: [
                "Kneel with the big toes touching and sit back towards your heels.",
                "Fold forward and rest the chest on the thighs and the forehead on the floor.",
                "Reach the arms forward or rest them by your sides.",
                "Breathe slowly into the back of the ribs and hold.",
            ],
            cues: ["Hips to heels", "Forehead down", "Breathe into the back"],
            benefits: [
                "Gently lengthens the spine and lower back.",
                "Slow breathing in the pose helps coordinate the breath with relaxation.",
            ],
            cautions: cautions(
                "Put a folded towel behind the knees or under the hips if kneeling is sore."
            ),
            source: coolDownSource
        ),
        Exercise(
            id: "cat-cow",
            name: "Cat-Cow",
            aliases: ["cat cow", "cat camel", "marjaryasana bitilasana"],
            kind: .dynamic,
            position: .quadruped,
            laterality: .bilateral,
            dose: Dose(unit: .breaths, min: 6, max: 10, default: 8),
            regions: ["spine", "lower_back", "thoracic_spine"],
            muscles: ["back extensors", "abdominals"],
            phase: .cooldown,
            instructions: [
                "Start on hands and knees, hands under shoulders and knees under hips.",
                "Breathing in, let the belly drop and lift the chest and tailbone.",
                "Breathing out, round the back towards the ceiling and let the head hang.",
                "Keep moving between the two shapes, one full cycle for each breath.",
            ],
            cues: ["In: chest lifts", "Out: back rounds", "Move with the breath"],
            benefits: [
                "Moves the whole spine through flexion and extension, improving its flexibility.",
                "Links breathing to movement, which carries over to running rhythm.",
            ],
            cautions: cautions(
                "Keep the arch small if bending backwards pinches the lower back."
            ),
            source: coolDownSource
        ),
        // The article names this move without describing the modification. We use the
        // wide-knee form: knees apart lets the torso sink between the thighs and opens the
        // hips, and it stays bilateral like the standard pose.
        Exercise(
            id: "modified-childs-pose",
            name: "Modified Child's Pose",
            aliases: ["modified childs pose", "wide-knee child's pose", "wide knee childs pose", "wide child's pose"],
            kind: .static,
            position: .kneeling,
            laterality: .bilateral,
            dose: hold(default: 45),
            regions: ["hips", "lower_back", "spine", "shoulders"],
            muscles: ["inner thigh (adductors)", "lower back muscles", "lats"],
            phase: .cooldown,
            instructions: [
                "Kneel with the big toes together and the knees spread wide.",
                "Sit the hips back towards the heels.",
                "Walk the hands forward and let the chest sink down between the knees.",
                "Rest the forehead on the floor or on your stacked hands and breathe slowly while you hold.",
            ],
            cues: ["Knees wide", "Chest sinks low", "Arms long", "Slow breaths"],
            benefits: [
                "Opens the hips as well as lengthening the lower back.",
                "Often easier than the standard pose for runners with tight hips.",
            ],
            cautions: cautions(
                "Bring the knees closer together if the inner thighs or knees complain."
            ),
            source: coolDownSource
        ),
        Exercise(
            id: "kneeling-hip-flexor-stretch",
            name: "Kneeling Hip Flexor Stretch",
            aliases: [
                "kneeling hip flex stretch", "hip flexor stretch", "half kneeling hip flexor stretch", "low lunge stretch",
            ],
            kind: .static,
            position: .halfKneeling,
            laterality: .perSide,
            dose: hold(default: 30),
            regions: ["hip_flexors", "quads", "hips"],
            muscles: ["hip flexors (iliopsoas)", "quadriceps"],
            phase: .cooldown,
            instructions: [
                "Kneel on one knee with the other foot flat on the floor in front of you.",
                "Tuck the pelvis under and squeeze the glute on the kneeling side.",
                "Shift your weight forward a little until the front of the back hip feels a stretch.",
                "Stay tall while you hold, then change sides.",
            ],
            cues: ["Tuck the pelvis", "Squeeze the glute", "Shift forward slightly"],
            benefits: [
                "Releases the front of the hip, which tightens from hours of running and sitting.",
                "Less hip-flexor pull means less strain on the lower back.",
            ],
            cautions: cautions(
                "Keep the ribs down; arching the low back takes the stretch away from the hip.",
                "Cushion the kneeling knee."
            ),
            source: coolDownSource
        ),
        Exercise(
            id: "figure-four-stretch",
            name: "Figure Four Stretch",
            aliases: ["figure four", "figure 4", "figure 4 stretch", "supine figure four", "pigeon on back", "reclined pigeon"],
            kind: .static,
            position: .supine,
            laterality: .perSide,
            dose: hold(default: 30),
            regions: ["glutes", "hips", "lower_back"],
            muscles: ["glutes", "piriformis", "outer hip rotators"],
            phase: .cooldown,
            instructions: [
                "Lie on your back with both knees bent and feet flat.",
                "Cross one ankle over the opposite knee so the legs make a 4 shape.",
                "Thread your hands behind the thigh of the lower leg and draw it towards you.",
                "Hold with the head and shoulders relaxed, then switch sides.",
            ],
            cues: ["Ankle over knee", "Flex the top foot", "Draw the leg in"],
            benefits: [
                "Stretches the glutes and deep hip rotators, which are often tight in runners.",
                "Easing the hips can take load off the lower back.",
            ],
            cautions: cautions(
                "Keep the crossed foot flexed to protect the knee, and back off if the knee hurts."
            ),
            source: coolDownSource
        ),
    ]
}
