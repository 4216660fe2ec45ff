/// Every difference between two resolved plans of one routine, step by step.
///
/// Steps are lined up by exercise (the longest common sequence of exercise ids), so a step
/// added, removed or moved reads as such rather than as a change to every step after it. Between
/// two lined-up steps, the steps only one plan has are paired in order as swaps; the rest are
/// added or removed.
package struct PlanDiff: Sendable {
    /// How one step of the old plan relates to the new one.
    package enum Operation: Sendable, Equatable {
        /// The same exercise in both (its dose may differ): indices into old and new.
        case kept(old: Int, new: Int)
        /// Another exercise (or the same one measured the other way) in the old step's place.
        case swapped(old: Int, new: Int)
        case added(new: Int)
        case removed(old: Int)
    }

    package let old: Routine
    package let new: Routine
    package let operations: [Operation]

    /// Beyond this many step pairs the plans are lined up by position only (a hostile plan of
    /// thousands of steps must not cost quadratic time).
    static let alignmentLimit = 250_000

    package init(old: Routine, new: Routine, catalogue: Catalogue) {
        self.old = old
        self.new = new
        let oldKeys = old.steps.map { PlanLoad.measure($0, catalogue: catalogue).0 }
        let newKeys = new.steps.map { PlanLoad.measure($0, catalogue: catalogue).0 }
        let pairs =
            oldKeys.count * newKeys.count <= Self.alignmentLimit
            ? Self.commonSequence(oldKeys, newKeys)
            : Self.samePositions(oldKeys, newKeys)
        var operations: [Operation] = []
        var i = 0, j = 0
        for (a, b) in pairs + [(oldKeys.count, newKeys.count)] {
            let gap = min(a - i, b - j)
            for k in 0..<gap { operations.append(.swapped(old: i + k, new: j + k)) }
            for k in (i + gap)..<a { operations.append(.removed(old: k)) }
            for k in (j + gap)..<b { operations.append(.added(new: k)) }
            if a < oldKeys.count, b < newKeys.count { operations.append(.kept(old: a, new: b)) }
            i = a + 1
            j = b + 1
        }
        self.operations = operations
    }

    /// Index pairs of the longest common subsequence of `a` and `b`, in order.
    private static func commonSequence(_ a: [PlanLoad.Key], _ b: [PlanLoad.Key]) -> [(Int, Int)] {
        let n = a.count, m = b.count
        guard n > 0, m > 0 else { return [] }
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for x in stride(from: n - 1, through: 0, by: -1) {
            for y in stride(from: m - 1, through: 0, by: -1) {
                table[x][y] = a[x] == b[y] ? table[x + 1][y + 1] + 1 : max(table[x + 1][y], table[x][y + 1])
            }
        }
        var pairs: [(Int, Int)] = []
        var x = 0, y = 0
        while x < n, y < m {
            if a[x] == b[y] {
                pairs.append((x, y))
                x += 1
                y += 1
            } else if table[x + 1][y] >= table[x][y + 1] {
                x += 1
            } else {
                y += 1
            }
        }
        return pairs
    }

    private static func samePositions(_ a: [PlanLoad.Key], _ b: [PlanLoad.Key]) -> [(Int, Int)] {
        (0..<min(a.count, b.count)).filter { a[$0] == b[$0] }.map { ($0, $0) }
    }

    /// Every difference, as changes by `progression` with `reason`, in the new plan's order.
    package func changes(progression: String, reason: String?, catalogue: Catalogue) -> [ProgressionChange] {
        var changes: [ProgressionChange] = []
        func add(
            _ step: Int, _ exercise: String, _ field: ProgressionChange.Field, _ from: Int?, _ to: Int?,
            _ summary: String, replaces: String? = nil
        ) {
            changes.append(
                ProgressionChange(
                    progression: progression, step: step, exercise: exercise, field: field, from: from, to: to,
                    replaces: replaces, summary: summary, reason: reason))
        }
        for operation in operations {
            switch operation {
            case .kept(let o, let n):
                let before = old.steps[o], after = new.steps[n], name = after.exercise
                if let from = before.hold, let to = after.hold, from != to {
                    add(n + 1, name, .hold, from, to, "\(name) hold \(from) → \(to) s")
                }
                if let from = before.reps, let to = after.reps, from != to {
                    let unit = PlanLoad.measure(after, catalogue: catalogue).0.unit
                    add(n + 1, name, .reps, from, to, "\(name) \(unit.rawValue) \(from) → \(to)")
                }
                let sides = (before.sides ?? 1, after.sides ?? 1)
                if sides.0 != sides.1 { add(n + 1, name, .sides, sides.0, sides.1, "\(name) sides \(sides.0) → \(sides.1)") }
                let rest = (before.rest ?? old.rest, after.rest ?? new.rest)
                if rest.0 != rest.1 { add(n + 1, name, .rest, rest.0, rest.1, "\(name) rest \(rest.0) → \(rest.1) s") }
                if before.reps != nil, before.tempo != after.tempo {
                    let from = before.tempo.map { "\($0) s" } ?? "default", to = after.tempo.map { "\($0) s" } ?? "default"
                    add(n + 1, name, .tempo, nil, nil, "\(name) tempo \(from) → \(to) a repetition")
                }
            case .swapped(let o, let n):
                let before = old.steps[o], after = new.steps[n]
                add(
                    n + 1, after.exercise, .swapped, Self.load(before, catalogue), Self.load(after, catalogue),
                    "\(Self.describe(before, catalogue)) → \(Self.describe(after, catalogue))", replaces: before.exercise)
            case .added(let n):
                let after = new.steps[n]
                add(n + 1, after.exercise, .added, nil, Self.load(after, catalogue), "\(Self.describe(after, catalogue)) added")
            case .removed(let o):
                let before = old.steps[o]
                add(
                    o + 1, before.exercise, .removed, Self.load(before, catalogue), nil,
                    "\(Self.describe(before, catalogue)) removed")
            }
        }
        return changes
    }

    /// A step's dose times its sides.
    static func load(_ step: Routine.Step, _ catalogue: Catalogue) -> Int {
        PlanLoad.measure(step, catalogue: catalogue).1 * max(1, step.sides ?? 1)
    }

    /// `childs-pose 45 s`, `figure-four-stretch 30 s each side`, `cat-cow 8 breaths`.
    static func describe(_ step: Routine.Step, _ catalogue: Catalogue) -> String {
        let (key, amount) = PlanLoad.measure(step, catalogue: catalogue)
        let sides = step.sides ?? 1
        return "\(step.exercise) \(PlanLoad.amount(amount, key.unit))" + (sides > 1 ? " each side" : "")
    }
}
