/// Why a workbook or a part of it could not be read. `description` names file, part, sheet and
/// cell, never a cell's value (values may be confidential figures).
public struct SheetError: Error, Sendable, CustomStringConvertible {
    /// Codes are extensible without breaking callers. Each maps to a DOMAIN.md §6 rule ID.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Not an OOXML package (.xls, CSV, HTML renamed, no `PK` signature).
        public static let notXLSX = Code("file.not_xlsx")
        /// An OLE container holding an encrypted package.
        public static let encrypted = Code("file.encrypted")
        /// A broken zip, or broken XML in a needed part.
        public static let corrupt = Code("file.corrupt")
        /// A part over the size or compression-ratio limits.
        public static let tooLarge = Code("file.too_large")
        /// A needed part is absent (a kind of corruption, kept apart for clearer messages).
        public static let missingPart = Code("file.corrupt.missing_part")
        /// A sheet asked for by name does not exist.
        public static let noSuchSheet = Code("sheet.not_found")
        /// I/O failure reading the file itself.
        public static let io = Code("file.io")

        /// The DOMAIN.md rule ID this code reports under.
        public var ruleID: String {
            rawValue.hasPrefix("file.corrupt") ? "file.corrupt" : rawValue
        }
    }

    public var code: Code
    public var file: String
    public var part: String?
    public var sheet: String?
    public var cell: CellRef?
    public var line: Int?
    /// The libzip or libxml2 message, or a plain explanation in English.
    public var underlying: String?
    /// Chinese explanation for staff, first in `description`.
    public var message: String

    public init(_ code: Code, file: String, message: String, part: String? = nil, sheet: String? = nil,
                cell: CellRef? = nil, line: Int? = nil, underlying: String? = nil) {
        self.code = code
        self.file = file
        self.message = message
        self.part = part
        self.sheet = sheet
        self.cell = cell
        self.line = line
        self.underlying = underlying
    }

    public var description: String {
        var where_ = [file]
        if let sheet { where_.append("工作表「\(sheet)」") }
        if let cell { where_.append("单元格 \(cell)") }
        if let part { where_.append("部件 \(part)") }
        if let line { where_.append("XML 第 \(line) 行") }
        var s = "\(where_.joined(separator: "，"))：\(message) [\(code.ruleID)]"
        if let underlying { s += "（\(underlying)）" }
        return s
    }
}
