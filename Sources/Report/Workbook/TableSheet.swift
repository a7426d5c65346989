import SheetModel
import XLSXWriter

/// The workbook's styles, registered once per workbook.
struct SheetStyles {
    let title, note, header, text, money, decimal, integer, percent, unavailable: StyleID

    init(_ book: WorkbookWriter) {
        let border = Style.Border(.thin, color: "FFBFBFBF")
        func cell(_ format: String?, _ horizontal: Style.Alignment.Horizontal? = nil) -> StyleID {
            book.addStyle(Style(numberFormat: format, border: border,
                                alignment: Style.Alignment(horizontal: horizontal, vertical: .center)))
        }
        title = book.addStyle(Style(font: Style.Font(bold: true, size: 14),
                                    alignment: Style.Alignment(horizontal: .center, vertical: .center)))
        note = book.addStyle(Style(font: Style.Font(size: 10, color: "FF595959"),
                                   alignment: Style.Alignment(horizontal: .left, vertical: .center)))
        header = book.addStyle(Style(font: Style.Font(bold: true), fill: .solid("FFDDEBF7"), border: border,
                                     alignment: Style.Alignment(horizontal: .center, vertical: .center, wrap: true)))
        text = cell(nil)
        money = cell("#,##0.00")
        decimal = cell("#,##0.00")
        integer = cell("#,##0")
        // Percentages are stored as fractions (12.3% as 0.123) so Excel and WPS compute with them.
        percent = cell("0.0%")
        unavailable = cell(nil, .right)
    }

    func style(for kind: ValueKind) -> StyleID {
        switch kind {
        case .text: text
        case .money: money
        case .decimal: decimal
        case .integer: integer
        case .percent: percent
        }
    }
}

/// Lays one `Table` out as a printable sheet: merged title, note, header, rows; frozen header,
/// autofilter, fitted widths, A4 landscape one page wide with the header repeated on each page.
enum TableSheet {
    /// Rows above the data: title, note, header.
    static let headerRows: UInt32 = 3

    static func write(_ table: Table, into book: WorkbookWriter, styles: SheetStyles) throws {
        let sheet = try book.addSheet(table.name)
        let lastColumn = UInt16(max(table.columns.count, 1) - 1)
        let widths = columnWidths(table)
        for (c, w) in widths.enumerated() { sheet.setColumnWidth(UInt16(c), w) }

        try sheet.writeRow([.text(table.title, style: styles.title)], height: 24)
        try sheet.merge(CellRange(first: CellRef(row: 0, column: 0), last: CellRef(row: 0, column: lastColumn)))
        try sheet.writeRow([.text(table.note, style: styles.note)])
        try sheet.merge(CellRange(first: CellRef(row: 1, column: 0), last: CellRef(row: 1, column: lastColumn)))

        // A header wider than its column wraps; give it two lines so it is not cut off.
        let wraps = zip(table.columns, widths).contains { Double(ColumnWidth.displayWidth($0.header)) + 1 > $1 }
        try sheet.writeRow(table.columns.map { .text($0.header, style: styles.header) }, height: wraps ? 32 : nil)

        for r in table.rows.indices {
            try sheet.writeRow(table.rows[r].indices.map { c in cell(table, row: r, column: c, styles: styles) })
        }

        let lastRow = headerRows - 1 + UInt32(table.rows.count)
        sheet.freeze(rows: headerRows)
        sheet.autoFilter(CellRange(first: CellRef(row: headerRows - 1, column: 0),
                                   last: CellRef(row: lastRow, column: lastColumn)))
        sheet.printSetup(PrintSetup(paper: .a4, orientation: .landscape, fitToWidth: true,
                                    repeatRows: 0...(headerRows - 1), centerHorizontally: true))
    }

    static func cell(_ table: Table, row: Int, column: Int, styles: SheetStyles) -> WriteCell {
        let kind = table.kind(row: row, column: column)
        switch table.rows[row][column] {
        case .text(let s): return .text(s, style: styles.text)
        case .blank: return .empty(style: styles.text)
        case .unavailable: return .text(Formatting.unavailable, style: styles.unavailable)
        case .number(let d, _): return .number(kind == .percent ? fraction(d) : d, style: styles.style(for: kind))
        }
    }

    /// 14.4 → 0.144, without the binary noise of a plain division (0.14400000000000002), which
    /// would show in Excel's formula bar.
    static func fraction(_ percent: Double) -> Double { (percent * 1e6).rounded() / 1e8 }

    /// Widths from the text each cell shows (with separators and decimals, which the writer's
    /// own measure of raw numbers would miss); CJK counts double. Long headers wrap instead of
    /// widening their column.
    static func columnWidths(_ table: Table) -> [Double] {
        table.columns.indices.map { c in
            var widest = min(ColumnWidth.displayWidth(table.columns[c].header), 12)
            for r in table.rows.indices {
                let width: Int
                if case .number(let d, let own) = table.rows[r][c] {
                    width = Formatting.displayWidth(d, kind: own ?? table.columns[c].kind)
                } else {
                    width = ColumnWidth.displayWidth(Formatting.display(table.rows[r][c], kind: table.columns[c].kind))
                }
                widest = max(widest, width)
            }
            return ColumnWidth.fitted(displayWidth: widest, minimum: 6, maximum: 50)
        }
    }
}
