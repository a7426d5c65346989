import SheetModel

/// One worksheet being written. Settings (widths, merges, validations, …) may be changed until
/// `WorkbookWriter.save`; rows are streamed in increasing order to a temporary file, so memory
/// stays bounded however many rows there are. Create it with `WorkbookWriter.addSheet`.
public final class SheetWriter {
    public let name: String
    public var state: SheetState = .visible
    let context: WorkbookContext

    var columns: [UInt16: ColumnFormat] = [:]
    var frozen: (rows: UInt32, columns: UInt16)?
    var merges: [CellRange] = []
    var autoFilterRange: CellRange?
    var validations: [DataValidation] = []
    var protection: SheetProtection?
    var print: PrintSetup?
    var comments: [CellRef: CellComment] = [:]
    var defaultRowHeight: Double = 15

    /// Column widths measured while streaming, when `fitColumnWidths` asked for them.
    var fit: (minimum: Double, maximum: Double)?
    var measured: [Int] = []

    var rows: RowStream
    /// Used range, for `<dimension>`.
    var minColumn = UInt16.max, maxColumn: UInt16 = 0, firstRow: UInt32?, lastRow: UInt32 = 0

    init(name: String, context: WorkbookContext) throws {
        self.name = name
        self.context = context
        rows = try RowStream(sheet: name)
    }

    // MARK: Layout

    /// Width in characters of the default font's digits (Excel's unit).
    public func setColumnWidth(_ column: UInt16, _ width: Double) {
        columns[column, default: ColumnFormat()].width = width
    }

    /// Width, default style (for cells never written, e.g. unlocked input columns) and visibility.
    public func setColumns(_ range: ClosedRange<UInt16>, width: Double? = nil, style: StyleID? = nil, hidden: Bool = false) {
        for c in range {
            var f = columns[c, default: ColumnFormat()]
            if let width { f.width = width }
            if let style { f.style = style }
            f.hidden = hidden
            columns[c] = f
        }
    }

    /// Sets each column without an explicit width from its widest cell written from now on
    /// (display width, CJK counting 2). Call before writing the rows.
    public func fitColumnWidths(minimum: Double = 8, maximum: Double = 60) {
        fit = (minimum, maximum)
    }

    /// Keeps the top `rows` rows and left `columns` columns in view while scrolling.
    public func freeze(rows: UInt32, columns: UInt16 = 0) {
        frozen = rows == 0 && columns == 0 ? nil : (rows, columns)
    }

    public func merge(_ range: CellRange) throws {
        guard range.first != range.last else { return }
        if let clash = merges.first(where: { $0.overlaps(range) }) {
            throw context.invalid("合并区域 \(range) 与已合并的 \(clash) 重叠", sheet: name)
        }
        merges.append(range)
    }

    public func autoFilter(_ range: CellRange) { autoFilterRange = range }

    public func addValidation(_ validation: DataValidation) throws {
        if let problem = validation.problem { throw context.invalid(problem, sheet: name) }
        validations.append(validation)
    }

    public func protect(_ protection: SheetProtection = SheetProtection()) { self.protection = protection }

    public func protect(password: String?) { protection = SheetProtection(password: password) }

    public func printSetup(_ setup: PrintSetup) { print = setup }

    public func setDefaultRowHeight(_ points: Double) { defaultRowHeight = points }

    // MARK: Rows

    /// The zero-based index the next `writeRow` without `at:` writes to.
    public var nextRow: UInt32 { rows.nextRow }

    /// Writes one row. Rows must come in increasing order; `at` skips ahead (nil: the next row).
    /// Cells start at `startColumn`; `.empty` cells without a style are not written.
    public func writeRow(_ cells: [WriteCell], at row: UInt32? = nil, startColumn: UInt16 = 0,
                         height: Double? = nil) throws {
        let r = row ?? rows.nextRow
        guard r >= rows.nextRow else {
            throw context.invalid("行必须按顺序写入：第 \(r + 1) 行已在第 \(rows.nextRow) 行之前", sheet: name)
        }
        guard r < CellRef.maxRows, Int(startColumn) + cells.count <= Int(CellRef.maxColumns) else {
            throw context.invalid("超出 Excel 的表格范围（1048576 行 × 16384 列）", sheet: name)
        }
        rows.nextRow = r + 1
        try rows.writeRow(r, cells: cells, startColumn: startColumn, height: height, sheet: self)
    }
}

@available(*, unavailable) extension SheetWriter: Sendable {}

extension CellRange {
    func overlaps(_ other: CellRange) -> Bool {
        first.row <= other.last.row && other.first.row <= last.row
            && first.column <= other.last.column && other.first.column <= last.column
    }

    /// Absolute reference on a sheet for defined names: `'汇总'!$A$1:$D$9`.
    func absolute(on sheet: String) -> String {
        func abs(_ c: CellRef) -> String { "$" + CellRef.columnName(c.column) + "$" + String(c.row + 1) }
        return WorkbookPart.quotedSheet(sheet) + "!" + abs(first) + ":" + abs(last)
    }
}
