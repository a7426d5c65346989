import SheetModel

/// One cell handed to `SheetWriter.writeRow`: a value and an optional style.
///
/// ```swift
/// try sheet.writeRow([.text("合计", style: bold), .formula("SUM(B2:B9)", cached: .number(42)), .empty])
/// ```
public struct WriteCell: Sendable {
    public enum Value: Sendable {
        case empty
        case number(Double)
        case text(String)
        case bool(Bool)
        /// A date serial in the 1900 system; shown as a date through its style.
        case date(Double)
        /// A formula without the leading "=", and the value Excel shows until it recalculates.
        case formula(String, cached: CellValue)
    }

    public var value: Value
    /// nil: the default style, except for dates, which get the workbook's date style.
    public var style: StyleID?

    public init(_ value: Value, style: StyleID? = nil) {
        self.value = value
        self.style = style
    }

    /// A cell with only a style: borders and unlocked input cells in a template.
    public static func empty(style: StyleID? = nil) -> WriteCell { WriteCell(.empty, style: style) }
    public static var empty: WriteCell { WriteCell(.empty) }
    public static func number(_ d: Double, style: StyleID? = nil) -> WriteCell { WriteCell(.number(d), style: style) }
    public static func number(_ i: Int, style: StyleID? = nil) -> WriteCell { WriteCell(.number(Double(i)), style: style) }
    public static func text(_ s: String, style: StyleID? = nil) -> WriteCell { WriteCell(.text(s), style: style) }
    public static func bool(_ b: Bool, style: StyleID? = nil) -> WriteCell { WriteCell(.bool(b), style: style) }
    public static func date(_ t: CivilDateTime, style: StyleID? = nil) -> WriteCell {
        WriteCell(.date(ExcelDate.serial(of: t, system: .d1900)), style: style)
    }
    public static func date(serial: Double, style: StyleID? = nil) -> WriteCell { WriteCell(.date(serial), style: style) }
    public static func formula(_ f: String, cached: CellValue = .empty, style: StyleID? = nil) -> WriteCell {
        WriteCell(.formula(f.hasPrefix("=") ? String(f.dropFirst()) : f, cached: cached), style: style)
    }
}

extension WriteCell: ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral s: String) { self.init(.text(s)) }
    public init(floatLiteral d: Double) { self.init(.number(d)) }
    public init(integerLiteral i: Int) { self.init(.number(Double(i))) }
}
