/// Page setup for printing a sheet.
public struct PrintSetup: Sendable, Hashable {
    public enum Paper: Int, Sendable, Hashable {
        case a4 = 9
        case a3 = 8
        case letter = 1
    }

    public enum Orientation: String, Sendable, Hashable { case portrait, landscape }

    public var paper: Paper
    public var orientation: Orientation
    /// Shrinks the sheet to one page wide, as many pages tall as it needs.
    public var fitToWidth: Bool
    /// Zero-based rows repeated at the top of every page (`_xlnm.Print_Titles`), e.g. 0...1.
    public var repeatRows: ClosedRange<UInt32>?
    public var centerHorizontally: Bool

    public init(paper: Paper = .a4, orientation: Orientation = .portrait, fitToWidth: Bool = false,
                repeatRows: ClosedRange<UInt32>? = nil, centerHorizontally: Bool = false) {
        self.paper = paper
        self.orientation = orientation
        self.fitToWidth = fitToWidth
        self.repeatRows = repeatRows
        self.centerHorizontally = centerHorizontally
    }
}

/// Sheet protection. Locked cells (the default) cannot be edited; styles with `locked: false`
/// mark the input cells. The password only deters: Excel's legacy 16-bit hash is not security.
public struct SheetProtection: Sendable, Hashable {
    public var password: String?
    /// Lets users filter with the autofilter dropdowns while protected.
    public var allowAutoFilter: Bool
    public var allowSort: Bool
    public var allowFormatColumns: Bool

    public init(password: String? = nil, allowAutoFilter: Bool = false, allowSort: Bool = false,
                allowFormatColumns: Bool = false) {
        self.password = password
        self.allowAutoFilter = allowAutoFilter
        self.allowSort = allowSort
        self.allowFormatColumns = allowFormatColumns
    }

    /// Excel's legacy sheet-password hash (ECMA-376 Part 4, 14.7.1), on UTF-16 code units.
    static func legacyHash(_ password: String) -> String {
        var hash: UInt32 = 0
        let units = Array(password.utf16)
        for (i, unit) in units.enumerated() {
            let value = UInt32(unit) << UInt32(i + 1)
            hash ^= (value & 0x7FFF) | (value >> 15)
        }
        hash ^= UInt32(units.count)
        hash ^= 0xCE4B
        let hex = String(hash, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// Width, style and visibility of one column.
struct ColumnFormat: Hashable {
    var width: Double?
    var style: StyleID?
    var hidden = false
}
