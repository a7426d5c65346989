/// What a cell holds after reading. Units, aliases and periods belong to `Rules`, never here.
public enum CellValue: Hashable, Sendable {
    case empty
    case number(Double)
    case text(String)
    case bool(Bool)
    /// A number that its style makes a date or time; the serial is in the workbook's date system.
    case dateSerial(Double)
    case error(CellError)
    /// A formula saved without its result (a producer that never calculated): no value, but
    /// not the same as a blank cell for a required field.
    case uncachedFormula

    public var isEmpty: Bool {
        if case .empty = self { return true }
        return false
    }

    /// The number behind a numeric or date cell.
    public var number: Double? {
        switch self {
        case .number(let d), .dateSerial(let d): return d
        default: return nil
        }
    }

    public var text: String? {
        if case .text(let s) = self { return s }
        return nil
    }
}

/// Excel's error values, kept as the text Excel shows.
public struct CellError: Hashable, Sendable, CustomStringConvertible {
    public var text: String
    public init(_ text: String) { self.text = text }
    public var description: String { text }

    public static let known: Set<String> = [
        "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
        "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
    ]
}

/// One non-empty cell of a row.
public struct Cell: Hashable, Sendable {
    public var column: UInt16
    public var value: CellValue
    public init(column: UInt16, value: CellValue) {
        self.column = column
        self.value = value
    }
}

/// One row in document order; cells are sparse and sorted by column.
public struct Row: Sendable {
    /// Zero-based row index.
    public var index: UInt32
    public var cells: [Cell]

    public init(index: UInt32, cells: [Cell] = []) {
        self.index = index
        self.cells = cells
    }

    public subscript(column: UInt16) -> CellValue {
        // Rows are short and sorted; a binary search keeps wide rows cheap too.
        let i = cells.firstIndex(sortedBy: { $0.column < column })
        return i < cells.count && cells[i].column == column ? cells[i].value : .empty
    }
}

extension Array {
    /// Binary search in an array sorted so that `isBefore` holds for a prefix: the first index
    /// where it no longer holds (`count` when it holds everywhere).
    func firstIndex(sortedBy isBefore: (Element) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if isBefore(self[mid]) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
