/// The rule every progression is held to: no more load after a session logged with high discomfort.
///
/// The source article asks that nothing cause serious discomfort; a plan that grows after a
/// session rated ``discomfortLimit`` or more out of 10 would ignore what the person reported. The
/// host judges the plan a progression returns, not its intent: whatever its shape, no exercise
/// may carry more load (``PlanLoad``: dose × sides, summed over its steps) than in that session's
/// plan, and so neither may the total. Longer holds, more reps, more sides, added steps and moves
/// swapped in are all load; a shorter rest, fewer steps or a smaller dose are not.
package enum ProgressionSafety {
    /// Discomfort (0–10) at or above which no load may grow in the next plan. The one place it
    /// is set: progressions read it as `ctx.discomfort_limit`.
    package static let discomfortLimit = 7

    /// What the routine's last logged session says about load.
    package struct LastSession: Sendable, Equatable {
        /// The highest discomfort rated in it, if any was.
        package var maxDiscomfort: Int?
        /// That session's plan as its sets show it: one step per set, or per left and right pair.
        package var steps: [Routine.Step]

        package init(maxDiscomfort: Int?, steps: [Routine.Step]) {
            self.maxDiscomfort = maxDiscomfort
            self.steps = steps
        }

        /// The session read back from its logged sets, in the order they were done.
        ///
        /// A set names its side only when its step had two (see ``GuidedSessionLogger``), so a
        /// set with a side is a two-sided step, even when the session ended before the other
        /// side; a left set followed by the right one of the same exercise is one step.
        package init(sets: [LoggedSet]) {
            maxDiscomfort = sets.compactMap(\.discomfort).max()
            var steps: [Routine.Step] = []
            var openLeft: (exercise: String, unit: Dose.Unit, amount: Int)?
            for set in sets {
                // A stored amount past what the log accepts (an old log could hold one) counts as the most it accepts.
                let amount =
                    (try? CheckedNumber.rounded(set.planned ?? set.actual ?? 0, .up, field: "planned", in: 0...1_000_000_000))
                    ?? 1_000_000_000
                if set.side == .right, let left = openLeft, left.exercise == set.exercise, left.unit == set.unit {
                    steps[steps.count - 1] = Self.step(set.exercise, set.unit, max(left.amount, amount), sides: 2)
                    openLeft = nil
                    continue
                }
                steps.append(Self.step(set.exercise, set.unit, amount, sides: set.side == nil ? 1 : 2))
                openLeft = set.side == .left ? (set.exercise, set.unit, amount) : nil
            }
            self.steps = steps
        }

        private static func step(_ exercise: String, _ unit: Dose.Unit, _ amount: Int, sides: Int) -> Routine.Step {
            unit == .seconds
                ? Routine.Step(exercise: exercise, hold: amount, sides: sides)
                : Routine.Step(exercise: exercise, reps: amount, sides: sides)
        }

        /// Whether the next plan may not grow.
        package var blocksGrowth: Bool { (maxDiscomfort ?? 0) >= ProgressionSafety.discomfortLimit }
    }

    /// The most each exercise may carry after `last`: that session's load for the exercises it
    /// had; for those it did not have (a session cut short, a move it never reached), what the
    /// plan given to the progression had, since that session says nothing safer; nothing for an
    /// exercise in neither.
    package struct Ceiling: Sendable {
        package let session: LastSession
        /// The steps an exercise falls back to when it carries too much.
        let fallback: [String: [Routine.Step]]
        package let load: PlanLoad

        package init(last: LastSession, base: Routine, catalogue: Catalogue) {
            session = last
            var fallback = Dictionary(grouping: last.steps, by: \.exercise)
            for step in base.steps where !last.steps.contains(where: { $0.exercise == step.exercise }) {
                fallback[step.exercise, default: []].append(step)
            }
            self.fallback = fallback
            load = PlanLoad(steps: fallback.values.flatMap { $0 }, catalogue: catalogue)
        }

        /// The exercises of `plan` that carry more than allowed.
        func offending(_ plan: PlanLoad) -> Set<String> {
            Set(plan.exercises.filter { $0.value > load.exercises[$0.key, default: 0] }.map(\.key.exercise))
        }
    }

    /// The outcome of holding one progression's plan to the rule.
    package struct Review: Sendable, Equatable {
        /// The plan to use: the progression's, with any exercise that carried too much put back.
        package var routine: Routine
        /// Every change the plan now carries, then every change refused, each with its reason.
        package var changes: [ProgressionChange]
    }

    /// Holds `adjusted`, what a progression returned for the plan `base` it was given (both
    /// resolved), to the rule after `last`, and lists every change and refusal.
    ///
    /// When the rule applies, an exercise carrying more load than allowed is repaired as a whole,
    /// in two passes. First the progression's change to it is undone: its steps keep their doses
    /// from `base`, steps added for it go, and a move swapped in for it gives its place back to the
    /// move it replaced (so a refused swap never leaves a hole). Then any exercise still over
    /// (because `base` itself was, as when the routine's own holds are longer than the ones that
    /// hurt) takes that session's plan for it, step for step. The rest of the progression's plan
    /// stands: its decreases, shorter rests and changes to other exercises.
    package static func review(
        base: Routine, adjusted: Routine, progression: String, reason: String?,
        last: LastSession?, catalogue: Catalogue
    ) -> Review {
        var proposed = adjusted
        // A progression adjusts doses and steps; what the routine is stays the routine's.
        proposed.id = base.id
        proposed.name = base.name
        proposed.summary = base.summary
        proposed.phase = base.phase
        proposed.source = base.source
        let asked = PlanDiff(old: base, new: proposed, catalogue: catalogue)
        guard let last, last.blocksGrowth else {
            return Review(
                routine: proposed, changes: asked.changes(progression: progression, reason: reason, catalogue: catalogue))
        }
        let ceiling = Ceiling(last: last, base: base, catalogue: catalogue)
        let askedLoad = PlanLoad(steps: proposed.steps, catalogue: catalogue)
        let over = ceiling.offending(askedLoad)
        var repaired = proposed
        if !over.isEmpty {
            repaired.steps = []
            for operation in asked.operations {
                switch operation {
                case .kept(let o, let n):
                    var step = proposed.steps[n]
                    if over.contains(step.exercise) {
                        // The dose goes back; a changed rest is not load and stands.
                        step.hold = base.steps[o].hold
                        step.reps = base.steps[o].reps
                        step.sides = base.steps[o].sides
                        step.tempo = base.steps[o].tempo
                    }
                    repaired.steps.append(step)
                case .swapped(let o, let n):
                    repaired.steps.append(over.contains(proposed.steps[n].exercise) ? base.steps[o] : proposed.steps[n])
                case .added(let n):
                    if !over.contains(proposed.steps[n].exercise) { repaired.steps.append(proposed.steps[n]) }
                case .removed:
                    break
                }
            }
        }
        let stillOver = ceiling.offending(PlanLoad(steps: repaired.steps, catalogue: catalogue))
        if !stillOver.isEmpty { repaired.steps = heldToSession(repaired.steps, exercises: stillOver, ceiling: ceiling) }
        if repaired.steps.isEmpty {
            // Every move it asked for was refused: the plan it was given, held to that session.
            let baseOver = ceiling.offending(PlanLoad(steps: base.steps, catalogue: catalogue))
            repaired.steps = heldToSession(base.steps, exercises: baseOver, ceiling: ceiling)
        }

        let rated = "after a session rated \(last.maxDiscomfort ?? 0)/10 discomfort"
        let askedChanges = asked.changes(progression: progression, reason: reason, catalogue: catalogue)
        let held = PlanDiff(old: base, new: repaired, catalogue: catalogue).changes(
            progression: progression, reason: reason, catalogue: catalogue
        ).map { change in
            var change = change
            let exercises = [change.exercise] + (change.replaces.map { [$0] } ?? [])
            // A change the progression asked for keeps its words; one the repair made says why.
            if exercises.contains(where: { over.contains($0) || stillOver.contains($0) }),
                !askedChanges.contains(where: { $0.isSameChange(as: change) })
            {
                change.reason = "\(rated), kept to that session's plan"
            }
            return change
        }
        var refused: [ProgressionChange] = []
        let repairedLoad = PlanLoad(steps: repaired.steps, catalogue: catalogue)
        for change in askedChanges
        where over.contains(change.exercise) && !held.contains(where: { $0.isSameChange(as: change) }) {
            var change = change
            change.refused = true
            change.reason =
                "\(rated): " + excess(change.exercise, asked: askedLoad, allowed: ceiling.load)
                + "; total \(askedLoad.total) s asked, \(repairedLoad.total) s kept"
            refused.append(change)
        }
        return Review(routine: repaired, changes: held + refused)
    }

    /// `childs-pose 60 s asked, that session had 30 s` for each unit the exercise went over in.
    static func excess(_ exercise: String, asked: PlanLoad, allowed: PlanLoad) -> String {
        asked.exercises.keys.filter { $0.exercise == exercise }.sorted().compactMap { key in
            let amount = asked.exercises[key, default: 0], most = allowed.exercises[key, default: 0]
            guard amount > most else { return nil }
            let had = most == 0 ? "that session had none" : "that session had \(PlanLoad.amount(most, key.unit))"
            return "\(exercise) \(PlanLoad.amount(amount, key.unit)) in all asked, \(had)"
        }.joined(separator: "; ")
    }

    /// `steps` with each of `exercises` given that session's steps for it, occurrence for
    /// occurrence; occurrences beyond that session's go.
    static func heldToSession(_ steps: [Routine.Step], exercises: Set<String>, ceiling: Ceiling) -> [Routine.Step] {
        var seen: [String: Int] = [:]
        var result: [Routine.Step] = []
        for step in steps {
            guard exercises.contains(step.exercise) else {
                result.append(step)
                continue
            }
            let index = seen[step.exercise, default: 0]
            seen[step.exercise] = index + 1
            let targets = ceiling.fallback[step.exercise] ?? []
            guard index < targets.count else { continue }
            var held = step
            held.hold = targets[index].hold
            held.reps = targets[index].reps
            held.sides = targets[index].sides
            result.append(held)
        }
        return result
    }
}

extension ProgressionChange {
    /// Whether two changes say the same thing (reason and refusal aside).
    func isSameChange(as other: ProgressionChange) -> Bool {
        (step, exercise, field, from, to, replaces) == (
            other.step, other.exercise, other.field, other.from, other.to, other.replaces
        )
    }
}
