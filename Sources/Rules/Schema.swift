import Foundation

/// What a column or indicator holds (DOMAIN.md §1–§2).
public enum FieldKind: String, Sendable, Codable {
    case uscc, text, period, date, flow, stock

    public var isNumeric: Bool { self == .flow || self == .stock }
}

/// When a field must be reported.
public enum Requirement: String, Sendable, Codable {
    case always, never
    /// Required for enterprises whose registry status is 投产.
    case ifProducing = "if_producing"
    /// Required except in January (1月免报).
    case exceptJanuary = "except_january"
}

/// What a negative value means for a field.
public enum NegativePolicy: String, Sendable, Codable {
    case error, warning, allowed
}

/// The part of an indicator a column holds: flows have cur/ytd/py_*, stocks end/py_end.
public enum Part: String, Sendable, CaseIterable, Codable, Comparable {
    case cur, ytd
    case pyCur = "py_cur"
    case pyYtd = "py_ytd"
    case end
    case pyEnd = "py_end"

    public var chinese: String {
        switch self {
        case .cur: "本月"
        case .ytd: "本年累计"
        case .pyCur: "上年同期"
        case .pyYtd: "上年同期累计"
        case .end: "期末"
        case .pyEnd: "上年同期期末"
        }
    }

    public static func < (a: Part, b: Part) -> Bool {
        a.ordinal < b.ordinal
    }

    /// The position in `allCases`, without the look-up (keys holding a part are hashed a lot).
    var ordinal: Int {
        switch self {
        case .cur: 0
        case .ytd: 1
        case .pyCur: 2
        case .pyYtd: 3
        case .end: 4
        case .pyEnd: 5
        }
    }
}

/// One field of the schema, as the schema file describes it.
public struct FieldSpec: Sendable, Hashable {
    /// The values live in one shared box: a spec is copied with every label match and header
    /// column, and a copy now counts one reference instead of one per String and array.
    private final class Box: Sendable {
        let values: Values
        init(_ values: Values) { self.values = values }
    }
    struct Values: Hashable, Sendable {
        var id: String
        var label: String
        var aliases: [String]
        var kind: FieldKind
        var unit: Unit?
        var required: Requirement
        var integer: Bool
        var negative: NegativePolicy
        var zeroWarning: Bool
        var max: Double?
    }
    private var box: Box

    init(id: String, label: String, aliases: [String], kind: FieldKind, unit: Unit?, required: Requirement,
         integer: Bool, negative: NegativePolicy, zeroWarning: Bool, max: Double?) {
        box = Box(Values(id: id, label: label, aliases: aliases, kind: kind, unit: unit, required: required,
                         integer: integer, negative: negative, zeroWarning: zeroWarning, max: max))
    }

    private mutating func update(_ change: (inout Values) -> Void) {
        var v = box.values
        change(&v)
        box = Box(v)
    }

    public var id: String { get { box.values.id } set { update { $0.id = newValue } } }
    public var label: String { get { box.values.label } set { update { $0.label = newValue } } }
    public var aliases: [String] { get { box.values.aliases } set { update { $0.aliases = newValue } } }
    public var kind: FieldKind { get { box.values.kind } set { update { $0.kind = newValue } } }
    /// Canonical unit for numeric fields (万元, 万千瓦时, 人).
    public var unit: Unit? { get { box.values.unit } set { update { $0.unit = newValue } } }
    public var required: Requirement { get { box.values.required } set { update { $0.required = newValue } } }
    public var integer: Bool { get { box.values.integer } set { update { $0.integer = newValue } } }
    public var negative: NegativePolicy { get { box.values.negative } set { update { $0.negative = newValue } } }
    public var zeroWarning: Bool { get { box.values.zeroWarning } set { update { $0.zeroWarning = newValue } } }
    public var max: Double? { get { box.values.max } set { update { $0.max = newValue } } }
    /// Where the field sits in its schema's list, set by `Schema`: its slots derive from it.
    /// Not part of what a field is: specs compare by their values.
    var position = 0

    public static func == (a: FieldSpec, b: FieldSpec) -> Bool { a.box === b.box || a.box.values == b.box.values }
    public func hash(into hasher: inout Hasher) { hasher.combine(box.values) }

    /// Parts that must be filled when the field is required (§6: both cur and ytd for flows).
    public var requiredParts: [Part] {
        switch kind {
        case .flow: [.cur, .ytd]
        case .stock: [.end]
        default: []
        }
    }

    /// Maps a part named in a header to this field's kind: a stock's "本月" is its end value.
    func resolve(_ part: Part?) -> Part? {
        switch kind {
        case .flow:
            guard let part else { return .cur }
            return part == .end || part == .pyEnd ? nil : part
        case .stock:
            switch part {
            case nil, .cur?, .end?: return .end
            case .pyCur?, .pyEnd?: return .pyEnd
            default: return nil
            }
        default:
            return part == nil ? nil : nil
        }
    }
}

/// The park's schema: fields, registry columns, part names and the label lists of DOMAIN.md §2–§4.
/// Alias tables are compiled once here, so matching a header costs dictionary look-ups only.
public struct Schema: Sendable {
    public private(set) var fields: [FieldSpec]
    public private(set) var registryFields: [FieldSpec]
    public private(set) var partLabels: [Part: [String]]
    public private(set) var ignoredLabels: Set<String>
    public private(set) var placeholders: Set<String>
    public private(set) var totalLabels: Set<String>
    public private(set) var footerLabels: [String]

    let matcher: LabelMatcher
    let registryMatcher: LabelMatcher
    /// The label lists as byte keys (see `LabelKey`): they are looked up for every header cell.
    let ignoredKeys: Set<LabelKey>
    let totalKeys: LabelSet
    let footers: LabelPrefixes
    let slots: FieldSlots
    /// The longest placeholder in UTF-8 bytes (see `isPlaceholder`).
    let placeholderBytes: Int

    /// Whether a value text (`Label.normalizeValueText`) is a placeholder. Both sides are NFKC, so
    /// equal texts have equal bytes and a longer text is none: every enterprise name and code
    /// is, and hashing CJK text was most of checking a row's identity.
    func isPlaceholder(_ valueText: String) -> Bool {
        valueText.utf8.count <= placeholderBytes && placeholders.contains(valueText)
    }

    public func field(_ id: String) -> FieldSpec? { matcher.byID[id] }

    init(file: SchemaFile) throws {
        var fields = try file.fields.map { try $0.spec() }
        for i in fields.indices { fields[i].position = i }
        let registry = try file.registryFields.map { try $0.spec() }
        var parts: [Part: [String]] = [:]
        for (key, labels) in file.parts {
            guard let part = Part(rawValue: key) else {
                throw SchemaError("parts 中的“\(key)”不是已知的部分（cur, ytd, py_cur, py_ytd, end, py_end）")
            }
            parts[part, default: []] += labels
        }
        self.fields = fields
        self.registryFields = registry
        self.partLabels = parts
        self.ignoredLabels = Set(file.ignoredLabels.map { Label.normalize($0).text })
        self.placeholders = Set(file.placeholders.map { Label.normalizeValueText($0) })
        self.placeholderBytes = placeholders.map(\.utf8.count).max() ?? -1
        self.totalLabels = Set(file.totalLabels.map { Label.normalize($0).text })
        self.footerLabels = file.footerLabels.map { Label.normalize($0).text }
        self.ignoredKeys = Set(ignoredLabels.map(LabelKey.init))
        self.totalKeys = LabelSet(totalLabels)
        self.footers = LabelPrefixes(footerLabels)
        self.slots = FieldSlots(fields)
        self.matcher = try LabelMatcher(fields: fields, parts: parts)
        self.registryMatcher = try LabelMatcher(fields: registry, parts: [:])
    }
}

/// A schema file that cannot be used; the message is Chinese, for the person who edited it.
public struct SchemaError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "口径文件有误：\(message)" }
}
