import Foundation
import SheetModel
import Testing
import TestSupport
import XLSXReader
import ZipXML

/// Rows span many parser chunks and a new row takes over the cell array of one handed out
/// before: rows a caller keeps must never change, whether it keeps all of them or none.
@Suite struct RowReuseTests {
    static let rowCount = 6000

    private func expectedCells(_ r: Int) -> [Cell] {
        var cells = [Cell(column: 0, value: .number(Double(r))), Cell(column: 1, value: .text("企业\(r % 37)"))]
        if r % 5 != 0 { cells.append(Cell(column: 2, value: .number(Double(r) / 4))) }
        if r % 7 == 0 { cells.append(Cell(column: 5, value: .bool(r % 2 == 0))) }
        return cells
    }

    private func sheetXML() -> String {
        var xml = #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for r in 1...RowReuseTests.rowCount {
            xml += #"<row r="\#(r)">"#
            // Every 11th row lists its cells out of order, so it is sorted before it is queued.
            let cells = expectedCells(r)
            for cell in r % 11 == 0 ? cells.reversed() : cells {
                let ref = "\(CellRef(row: UInt32(r - 1), column: cell.column))"
                switch cell.value {
                case .number(let d): xml += #"<c r="\#(ref)"><v>\#(d)</v></c>"#
                case .text(let s): xml += #"<c r="\#(ref)" t="inlineStr"><is><t>\#(s)</t></is></c>"#
                case .bool(let b): xml += #"<c r="\#(ref)" t="b"><v>\#(b ? 1 : 0)</v></c>"#
                default: break
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    @Test func keptRowsStayIntactAndStreamedRowsMatch() throws {
        let path = try oneSheetWorkbook(sheetXML(), name: "rows.xlsx")
        // All rows kept (as Workbook.load does), then checked.
        let book = try Workbook(path: path)
        let rows = try book.rows(at: 0)
        var kept: [Row] = []
        while let row = try rows.next() { kept.append(row) }
        #expect(kept.count == RowReuseTests.rowCount)
        for (i, row) in kept.enumerated() {
            #expect(row.index == UInt32(i))
            #expect(row.cells == expectedCells(i + 1), "row \(i + 1)")
        }
        // Each row let go before the next (the streaming loop): the same contents.
        let streamed = try book.rows(at: 0)
        var i = 0
        while let row = try streamed.next() {
            #expect(row.cells == expectedCells(i + 1), "row \(i + 1)")
            i += 1
        }
        #expect(i == RowReuseTests.rowCount)
    }
}
