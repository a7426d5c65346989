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
        String(unsafeUninitializedCapacity: 4) { letters(column, into: $0, at: 0) }
    }

    /// Writes the column's letters (at most 4) at `start`; returns the index after them. Built as
    /// bytes: every finding's cell is written out (reports, store), and Characters cost 20× more.
    private static func letters(_ column: UInt16, into out: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        var count = 0, m = Int(column) + 1
        while m > 0 { count += 1; m = (m - 1) / 26 }
        var n = Int(column) + 1, i = start + count
        while n > 0 {
            i -= 1
            out[i] = UInt8(65 + (n - 1) % 26)
            n = (n - 1) / 26
        }
        return start + count
    }

    public var description: String {
        String(unsafeUninitializedCapacity: 16) { out in    // 4 letters, 10 digits at most
            var end = CellRef.letters(column, into: out, at: 0)
            var digits = 0, r = Int(row) + 1
            while r > 0 { digits += 1; r /= 10 }
            r = Int(row) + 1
            end += digits
            var i = end
            while r > 0 {
                i -= 1
                out[i] = UInt8(48 + r % 10)
                r /= 10
            }
            return end
        }
    }

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
