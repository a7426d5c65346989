/// A cell position: "C7" is row 6, column 2 (both zero-based).
public struct CellRef: Hashable, Sendable, Comparable, CustomStringConvertible {
    public static let maxRows: UInt32 = 1_048_576
    public static let maxColumns: UInt16 = 16_384

    public var row: UInt32
    public var column: UInt16

    public init(row: UInt32, column: UInt16) {
        self.row = row
        self.column = column
    }

    /// Parses "B3", "b3", "$B$3"; nil when malformed or outside Excel's grid.
    public init?(_ text: some StringProtocol) {
        var bytes = Array(text.utf8)
        bytes.removeAll { $0 == UInt8(ascii: "$") }
        guard let parsed = CellRef.parse(bytes[...]) else { return nil }
        self = parsed
    }

    /// Parses an A1 reference from raw bytes (letters then digits), case-insensitively.
    public static func parse(_ bytes: ArraySlice<UInt8>) -> CellRef? {
        var column: UInt32 = 0
        var row: UInt32 = 0
        var i = bytes.startIndex
        var letters = 0
        while i < bytes.endIndex {
            let b = bytes[i] | 0x20  // fold to lower case
            guard b >= UInt8(ascii: "a"), b <= UInt8(ascii: "z") else { break }
            column = column * 26 + UInt32(b - UInt8(ascii: "a") + 1)
            letters += 1
            guard letters <= 3 else { return nil }
            i += 1
        }
        var digits = 0
        while i < bytes.endIndex {
            let b = bytes[i]
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            row = row * 10 + UInt32(b - UInt8(ascii: "0"))
            digits += 1
            guard digits <= 7 else { return nil }
            i += 1
        }
        guard letters > 0, digits > 0, row >= 1, row <= maxRows,
              column >= 1, column <= UInt32(maxColumns) else { return nil }
        return CellRef(row: row - 1, column: UInt16(column - 1))
    }

    /// Column letters for a zero-based column: 0 → "A", 27 → "AB".
    public static func columnName(_ column: UInt16) -> String {
        var n = Int(column) + 1
        var scalars: [Character] = []
        while n > 0 {
            let rem = (n - 1) % 26
            scalars.append(Character(Unicode.Scalar(UInt8(65 + rem))))
            n = (n - 1) / 26
        }
        return String(scalars.reversed())
    }

    public var description: String { CellRef.columnName(column) + String(row + 1) }

    public static func < (a: CellRef, b: CellRef) -> Bool {
        (a.row, a.column) < (b.row, b.column)
    }
}

/// A rectangular range such as a merged area "A1:C2" (inclusive corners).
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public var first: CellRef
    public var last: CellRef

    public init(first: CellRef, last: CellRef) {
        self.first = CellRef(row: min(first.row, last.row), column: min(first.column, last.column))
        self.last = CellRef(row: max(first.row, last.row), column: max(first.column, last.column))
    }

    /// Parses "A1:C2" or a single "B4".
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              let a = CellRef(parts[0]), let b = CellRef(parts[parts.count - 1]) else { return nil }
        self.init(first: a, last: b)
    }

    public func contains(_ ref: CellRef) -> Bool {
        ref.row >= first.row && ref.row <= last.row && ref.column >= first.column && ref.column <= last.column
    }

    public var description: String {
        first == last ? first.description : "\(first):\(last)"
    }
}
