/// A cell format, registered once with `WorkbookWriter.addStyle` and then used by id. Equal styles
/// share one `<xf>`, so callers need not cache them.
public struct Style: Hashable, Sendable {
    /// An Excel format code such as `#,##0.00`, `0.0%`, `yyyy-mm`; nil is General.
    public var numberFormat: String?
    public var font: Font?
    public var fill: Fill?
    public var border: Border?
    public var alignment: Alignment?
    /// Locked cells cannot be edited once the sheet is protected; input cells set this to false.
    public var locked: Bool
    /// Hides the formula of a protected cell.
    public var hidden: Bool

    public init(numberFormat: String? = nil, font: Font? = nil, fill: Fill? = nil, border: Border? = nil,
                alignment: Alignment? = nil, locked: Bool = true, hidden: Bool = false) {
        self.numberFormat = numberFormat
        self.font = font
        self.fill = fill
        self.border = border
        self.alignment = alignment
        self.locked = locked
        self.hidden = hidden
    }

    public struct Font: Hashable, Sendable {
        public var name: String
        public var size: Double
        public var bold: Bool
        public var italic: Bool
        /// ARGB hex, e.g. "FFC00000"; nil is automatic.
        public var color: String?

        public init(bold: Bool = false, italic: Bool = false, size: Double = 11, name: String = Font.defaultName,
                    color: String? = nil) {
            self.name = name
            self.size = size
            self.bold = bold
            self.italic = italic
            self.color = color
        }

        /// Column widths are measured in this font's digit width, so it stays the workbook default.
        public static let defaultName = "Calibri"
    }

    public enum Fill: Hashable, Sendable {
        /// A solid background, ARGB hex such as "FFDDEBF7".
        case solid(String)
    }

    public struct Border: Hashable, Sendable {
        public enum Line: String, Hashable, Sendable { case thin, medium, thick, dashed, dotted, double, hair }
        /// The same line on all four sides.
        public var line: Line
        /// ARGB hex; nil is automatic (black).
        public var color: String?

        public init(_ line: Line, color: String? = nil) {
            self.line = line
            self.color = color
        }

        public static let thin = Border(.thin)
        public static let medium = Border(.medium)
    }

    public struct Alignment: Hashable, Sendable {
        public enum Horizontal: String, Hashable, Sendable { case left, center, right, fill, justify, centerContinuous, distributed }
        public enum Vertical: String, Hashable, Sendable { case top, center, bottom, justify, distributed }
        public var horizontal: Horizontal?
        public var vertical: Vertical?
        public var wrap: Bool
        public var indent: Int

        public init(horizontal: Horizontal? = nil, vertical: Vertical? = nil, wrap: Bool = false, indent: Int = 0) {
            self.horizontal = horizontal
            self.vertical = vertical
            self.wrap = wrap
            self.indent = indent
        }
    }
}

/// The index of a registered style (its `<xf>` in `cellXfs`); 0 is the default style.
public struct StyleID: Hashable, Sendable {
    public let index: Int
    init(_ index: Int) { self.index = index }
    public static let `default` = StyleID(0)
}
