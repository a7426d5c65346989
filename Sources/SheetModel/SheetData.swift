/// Whether a sheet is shown in Excel's tab bar.
public enum SheetState: String, Sendable, Hashable {
    case visible, hidden, veryHidden
}

/// What kind of sheet a workbook lists; only worksheets have cells.
public enum SheetKind: String, Sendable, Hashable {
    case worksheet, chartsheet, dialogsheet, macrosheet
}

/// One sheet held in memory: what the validator works on (submissions are small; big sheets are
/// streamed with the reader's `SheetRows` instead).
public struct SheetData: Sendable {
    public var name: String
    public var state: SheetState
    public var kind: SheetKind
    /// Non-empty rows in document order, each with sparse cells sorted by column.
    public var rows: [Row]
    /// Merged areas; the value sits in the top-left cell, as in the file.
    public var merged: [CellRange]

    public init(name: String, state: SheetState = .visible, kind: SheetKind = .worksheet, rows: [Row] = [], merged: [CellRange] = []) {
        self.name = name
        self.state = state
        self.kind = kind
        self.rows = rows
        self.merged = merged
    }

    /// The value at a reference (empty when absent).
    public subscript(ref: CellRef) -> CellValue {
        let i = rows.firstIndex(sortedBy: { $0.index < ref.row })
        return i < rows.count && rows[i].index == ref.row ? rows[i][ref.column] : .empty
    }
}

/// A whole workbook held in memory.
public struct WorkbookData: Sendable {
    public var path: String
    public var dateSystem: DateSystem
    public var sheets: [SheetData]

    public init(path: String, dateSystem: DateSystem = .d1900, sheets: [SheetData]) {
        self.path = path
        self.dateSystem = dateSystem
        self.sheets = sheets
    }
}
