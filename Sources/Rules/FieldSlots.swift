/// Each (field, part) of a schema as a small integer. Records, row values and header columns are
/// arrays indexed by it: as dictionaries keyed by field id they hashed a String at every look-up,
/// and that was most of checking a row.
struct FieldSlots: Sendable {
    /// One slot per part, then one for "no part" (text fields).
    static let perField = Part.allCases.count + 1
    private let fields: [FieldSpec]
    let count: Int
    let uscc: Int?, enterpriseName: Int?, period: Int?

    /// `fields` carry their position (`FieldSpec.position`).
    init(_ fields: [FieldSpec]) {
        self.fields = fields
        count = fields.count * FieldSlots.perField
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

/// A value per slot, nil where the sheet has none.
struct FieldTable<Value> {
    private var storage: [Value?]

    init(_ slots: FieldSlots) { storage = [Value?](repeating: nil, count: slots.count) }

    subscript(slot: Int) -> Value? {
        get { storage[slot] }
        set { storage[slot] = newValue }
    }

    /// The well-known slots are nil when a schema lacks the field.
    subscript(slot: Int?) -> Value? { slot.flatMap { storage[$0] } }

    func contains(_ slot: Int?) -> Bool { self[slot] != nil }

    var isEmpty: Bool { !storage.contains { $0 != nil } }

    /// The slots holding a value, in slot order.
    var slots: [Int] { storage.indices.filter { storage[$0] != nil } }

    /// Slot and value of each filled slot, in slot order.
    var filled: [(slot: Int, value: Value)] { storage.indices.compactMap { i in storage[i].map { (i, $0) } } }
}

extension FieldTable: Equatable where Value: Equatable {}
