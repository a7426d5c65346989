import SheetModel

/// A data-validation rule over some ranges: a dropdown list, or a whole/decimal/length check,
/// with the input message Excel shows on selection and the alert it shows on a bad entry.
public struct DataValidation: Sendable, Hashable {
    public enum Rule: Sendable, Hashable {
        /// Inline choices; Excel caps the joined list at 255 characters and items cannot contain commas.
        case list([String])
        /// Choices from a range, e.g. `'说明'!$A$2:$A$20`: for long lists or items with commas.
        case listRange(String)
        case whole(Comparison)
        case decimal(Comparison)
        case textLength(Comparison)
        /// A formula that must be true, e.g. `ISNUMBER(B2)`.
        case custom(String)
    }

    public enum Comparison: Sendable, Hashable {
        case between(Double, Double)
        case notBetween(Double, Double)
        case equal(Double)
        case notEqual(Double)
        case greaterThan(Double)
        case greaterThanOrEqual(Double)
        case lessThan(Double)
        case lessThanOrEqual(Double)
    }

    public struct Message: Sendable, Hashable {
        public var title: String
        public var text: String
        public init(title: String = "", _ text: String) {
            self.title = title
            self.text = text
        }
    }

    public enum AlertStyle: String, Sendable, Hashable {
        /// Rejects the entry.
        case stop
        /// Asks whether to keep it.
        case warning
        /// Only informs.
        case information
    }

    public var rule: Rule
    public var ranges: [CellRange]
    public var allowBlank: Bool
    public var prompt: Message?
    public var error: Message?
    public var alertStyle: AlertStyle

    public init(_ rule: Rule, ranges: [CellRange], allowBlank: Bool = true, prompt: Message? = nil,
                error: Message? = nil, alertStyle: AlertStyle = .stop) {
        self.rule = rule
        self.ranges = ranges
        self.allowBlank = allowBlank
        self.prompt = prompt
        self.error = error
        self.alertStyle = alertStyle
    }

    /// A dropdown of inline choices.
    public static func list(_ items: [String], range: CellRange, prompt: Message? = nil, error: Message? = nil) -> Self {
        DataValidation(.list(items), ranges: [range], prompt: prompt, error: error)
    }

    public static func decimal(_ c: Comparison, range: CellRange, prompt: Message? = nil, error: Message? = nil) -> Self {
        DataValidation(.decimal(c), ranges: [range], prompt: prompt, error: error)
    }

    public static func whole(_ c: Comparison, range: CellRange, prompt: Message? = nil, error: Message? = nil) -> Self {
        DataValidation(.whole(c), ranges: [range], prompt: prompt, error: error)
    }

    /// Why Excel would reject this rule, in Chinese; nil when it is fine.
    var problem: String? {
        if ranges.isEmpty { return "数据验证没有指定单元格区域" }
        if case .list(let items) = rule {
            if items.isEmpty { return "下拉列表没有选项" }
            if items.contains(where: { $0.contains(",") }) { return "下拉列表选项不能含英文逗号，请改用 listRange" }
            if items.joined(separator: ",").count > 255 { return "下拉列表选项合计超过 255 个字符，请改用 listRange" }
        }
        if let prompt, prompt.title.count > 32 || prompt.text.count > 255 { return "输入信息标题不能超过 32 字、内容不能超过 255 字" }
        if let error, error.title.count > 32 || error.text.count > 255 { return "出错警告标题不能超过 32 字、内容不能超过 255 字" }
        return nil
    }
}

/// `<dataValidation>` elements, written inside the worksheet part.
extension DataValidation {
    func write(into xml: inout XMLBytes) {
        let (type, comparison, formula1): (StaticString, Comparison?, String?) = switch rule {
        case .list(let items): ("list", nil, "\"" + items.map { doublingQuotes($0, "\"") }.joined(separator: ",") + "\"")
        case .listRange(let ref): ("list", nil, ref)
        case .whole(let c): ("whole", c, nil)
        case .decimal(let c): ("decimal", c, nil)
        case .textLength(let c): ("textLength", c, nil)
        case .custom(let f): ("custom", nil, f)
        }
        xml.raw(#"<dataValidation type=""#); xml.raw(type); xml.raw(#"""#)
        if alertStyle != .stop { xml.raw(#" errorStyle=""#); xml.raw(alertStyle.rawValue); xml.raw(#"""#) }
        var first = formula1, second: String?
        if let comparison {
            let (op, a, b) = comparison.parts
            if op != "between" { xml.raw(#" operator=""#); xml.raw(op); xml.raw(#"""#) }
            first = Self.formulaNumber(a)
            second = b.map(Self.formulaNumber)
        }
        if allowBlank { xml.raw(#" allowBlank="1""#) }
        if prompt != nil { xml.raw(#" showInputMessage="1""#) }
        xml.raw(#" showErrorMessage="1""#)
        if let error {
            if !error.title.isEmpty { xml.raw(#" errorTitle=""#); xml.attribute(error.title); xml.raw(#"""#) }
            xml.raw(#" error=""#); xml.attribute(error.text); xml.raw(#"""#)
        }
        if let prompt {
            if !prompt.title.isEmpty { xml.raw(#" promptTitle=""#); xml.attribute(prompt.title); xml.raw(#"""#) }
            xml.raw(#" prompt=""#); xml.attribute(prompt.text); xml.raw(#"""#)
        }
        xml.raw(#" sqref=""#); xml.raw(ranges.map(\.description).joined(separator: " ")); xml.raw(#"">"#)
        if let first { xml.raw("<formula1>"); xml.text(first); xml.raw("</formula1>") }
        if let second { xml.raw("<formula2>"); xml.text(second); xml.raw("</formula2>") }
        xml.raw("</dataValidation>")
    }

    private static func formulaNumber(_ d: Double) -> String {
        var x = XMLBytes(capacity: 24)
        x.number(d)
        return String(decoding: x.bytes, as: UTF8.self)
    }
}

extension DataValidation.Comparison {
    var parts: (String, Double, Double?) {
        switch self {
        case .between(let a, let b): ("between", a, b)
        case .notBetween(let a, let b): ("notBetween", a, b)
        case .equal(let a): ("equal", a, nil)
        case .notEqual(let a): ("notEqual", a, nil)
        case .greaterThan(let a): ("greaterThan", a, nil)
        case .greaterThanOrEqual(let a): ("greaterThanOrEqual", a, nil)
        case .lessThan(let a): ("lessThan", a, nil)
        case .lessThanOrEqual(let a): ("lessThanOrEqual", a, nil)
        }
    }
}
