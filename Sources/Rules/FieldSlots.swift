/// Each (field, part) of a schema as a small integer. Records, row values and header columns are
/// arrays indexed by it: as dictionaries keyed by field id they hashed a String at every look-up,
/// and that was most of checking a row.
struct FieldSlots: Sendable {
    /// One slot per part, then one for "no part" (text fields).
    static let perField = Part.allCases.count + 1
    private let fields: [FieldSpec]
    let count: Int
    let uscc: Int?, enterpriseName: Int?, period: Int?
    /// Each part slot's place among all of them sorted by (field id, part), the order of `Facts`.
    private let factRank: [Int32]

    /// `fields` carry their position (`FieldSpec.position`).
    init(_ fields: [FieldSpec]) {
        self.fields = fields
        count = fields.count * FieldSlots.perField
        var keys: [(slot: Int, field: String, part: String)] = []
        for (i, f) in fields.enumerated() {
            for p in Part.allCases { keys.append((i * FieldSlots.perField + p.ordinal, f.id, p.rawValue)) }
        }
        keys.sort { ($0.field, $0.part) < ($1.field, $1.part) }
        var rank = [Int32](repeating: -1, count: count)
        for (r, k) in keys.enumerated() { rank[k.slot] = Int32(r) }
        factRank = rank
        func find(_ id: String) -> Int? { fields.firstIndex { $0.id == id }.map { $0 * FieldSlots.perField + FieldSlots.perField - 1 } }
        uscc = find("uscc")
        enterpriseName = find("enterprise_name")
        period = find("period")
    }

    func slot(_ field: FieldSpec, _ part: Part?) -> Int {
        field.position * FieldSlots.perField + (part?.ordinal ?? FieldSlots.perField - 1)
    }

    /// For the few fields rules name; a dozen short ids compare faster than one is hashed.
    func slot(_ id: String, _ part: Part?) -> Int? {
        fields.firstIndex { $0.id == id }.map { $0 * FieldSlots.perField + (part?.ordinal ?? FieldSlots.perField - 1) }
    }

    func field(_ slot: Int) -> FieldSpec { fields[slot / FieldSlots.perField] }

    func part(_ slot: Int) -> Part? {
        let p = slot % FieldSlots.perField
        return p == FieldSlots.perField - 1 ? nil : Part.allCases[p]
    }

    func key(_ slot: Int) -> FieldKey { FieldKey(id: field(slot).id, part: part(slot)) }

    /// The facts of a row's values (slot → value), in `Facts` order; slots without a part hold none.
    func facts(_ values: FieldTable<Double>) -> Facts {
        var ranked = values.mapFilled { slot, v in (rank: factRank[slot], slot: slot, value: v) }
        ranked.sort { $0.rank < $1.rank }
        var out: [Facts.Fact] = []
        out.reserveCapacity(ranked.count)
        for (_, slot, v) in ranked {
            guard let part = part(slot) else { continue }
            out.append(Facts.Fact(field: field(slot).id, part: part.rawValue, value: v))
        }
        return Facts(sorted: out)
    }

    /// How many distinct fields the slots name, counting only those `include` accepts.
    func fieldCount(_ slots: some Sequence<Int>, where include: (FieldSpec) -> Bool = { _ in true }) -> Int {
        var seen = [Bool](repeating: false, count: fields.count), n = 0
        for s in slots where !seen[s / FieldSlots.perField] && include(field(s)) {
            seen[s / FieldSlots.perField] = true
            n += 1
        }
        return n
    }
}

/// A value per slot, nil where the sheet has none. A row fills a dozen of a hundred slots: the
/// values sit packed in filling order, found through a table of positions that is cheap to
/// create (a hundred slots of Entry were not).
struct FieldTable<Value> {
    /// Slot → index into `values`, -1 when empty.
    private var position: [Int32]
    private var filledSlots: [Int] = []
    private var values: [Value] = []

    /// `capacity`: how many slots will be filled, when known (growing the packed arrays dominated).
    init(_ slots: FieldSlots, capacity: Int = 0) {
        position = [Int32](repeating: -1, count: slots.count)
        filledSlots.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    var count: Int { values.count }

    subscript(slot: Int) -> Value? {
        get {
            let p = Int(position[slot])
            return p < 0 ? nil : values[p]
        }
        set {
            let p = Int(position[slot])
            switch (newValue, p < 0) {
            case (let v?, true):
                position[slot] = Int32(values.count)
                filledSlots.append(slot)
                values.append(v)
            case (let v?, false):
                values[p] = v
            case (nil, false):
                // Move the last value into the gap.
                let last = values.count - 1
                position[filledSlots[last]] = Int32(p)
                filledSlots.swapAt(p, last)
                values.swapAt(p, last)
                filledSlots.removeLast()
                values.removeLast()
                position[slot] = -1
            case (nil, true):
                break
            }
        }
    }

    /// The well-known slots are nil when a schema lacks the field.
    subscript(slot: Int?) -> Value? { slot.flatMap { self[$0] } }

    func contains(_ slot: Int?) -> Bool { slot.map { position[$0] >= 0 } ?? false }

    /// The slots holding a value, in the order they were filled.
    var slots: [Int] { filledSlots }

    /// `transform` of each filled slot and its value, in the order they were filled, without
    /// copying each value out first (copying out a row's entries for its cells was a tenth of
    /// checking the row).
    func mapFilled<T>(_ transform: (_ slot: Int, _ value: Value) -> T) -> [T] {
        var out: [T] = []
        out.reserveCapacity(values.count)
        for i in values.indices { out.append(transform(filledSlots[i], values[i])) }
        return out
    }

    /// Slot and value of each filled slot, in the order they were filled.
    var filled: LazyMapSequence<Zip2Sequence<[Int], [Value]>, (slot: Int, value: Value)> {
        zip(filledSlots, values).lazy.map { (slot: $0, value: $1) }
    }
}

extension FieldTable: Equatable where Value: Equatable {
    /// Equal when the same slots hold equal values, whatever order they were filled in.
    static func == (a: FieldTable, b: FieldTable) -> Bool {
        a.values.count == b.values.count && a.filled.allSatisfy { slot, v in b[slot] == v }
    }
}
