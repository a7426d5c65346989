import SheetModel

/// A field, and the part when it is numeric: how findings and messages name a slot.
struct FieldKey: Hashable, Comparable {
    var id: String
    var part: Part?

    var name: String { part.map { "\(id).\($0.rawValue)" } ?? id }
    /// Equal keys have equal ids and parts; hashing the part's position skips hashing its raw String.
    func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(part?.ordinal ?? -1)
    }
    static func < (a: FieldKey, b: FieldKey) -> Bool { (a.id, a.part?.rawValue ?? "") < (b.id, b.part?.rawValue ?? "") }
}

/// Where one value sits and the unit declared for it (header, title, unit column); nil means canonical.
struct Entry {
    var value: CellValue
    var cell: CellRef
    var unit: Unit?
}

/// One enterprise's values as found in either layout, before any rule looks at them.
struct Record {
    var row: UInt32
    var entries: FieldTable<Entry>
    var isTotal = false
}

/// What a sheet yields once its layout is understood.
struct SheetLayout {
    enum Kind { case wide, long }
    var sheet: String
    var kind: Kind
    /// Distinct fields recognised: how sure we are that this is the data sheet.
    var score: Int
    var numericFields: Int
    var hasIdentity: Bool
    var records: [Record]
    var totals: [Record]
    /// Header and unit findings found while reading the layout.
    var findings: [Finding]
    /// Slots with a column or indicator, at its header cell (header.missing_field looks here).
    var present: FieldTable<CellRef>
    /// A period from a title line or a metadata pair.
    var titlePeriod: Entry?
    var hidden: Bool

    var isCandidate: Bool { numericFields >= 1 && (hasIdentity || numericFields >= 3) }
}

extension CellValue {
    /// The value as text for text fields: numbers without ".0".
    var plainText: String? {
        switch self {
        case .empty, .uncachedFormula: return nil
        case .text(let s): let t = s.trimmingWhitespace(); return t.isEmpty ? nil : t
        case .number(let d), .dateSerial(let d): return NumberText.format(d)
        case .bool(let b): return b ? "是" : "否"
        case .error(let e): return e.text
        }
    }
}
