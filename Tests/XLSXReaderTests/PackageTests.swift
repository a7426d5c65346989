import SheetModel
import Testing
import TestSupport
import XLSXReader

@Suite struct PackageTests {
    @Test func sheetStatesKindsAndMerges() throws {
        let book = try Workbook(path: Fixtures.reader("sheet-states.xlsx"))
        #expect(book.sheets.map(\.name) == ["可见", "隐藏", "深度隐藏", "图表"])
        #expect(book.sheets.map(\.state) == [.visible, .hidden, .veryHidden, .visible])
        #expect(book.sheets.map(\.kind) == [.worksheet, .worksheet, .worksheet, .chartsheet])
        let chart = try book.rows(at: 3)
        #expect(try chart.next() == nil, "a chartsheet yields no cells")
        let data = try Workbook.load(path: Fixtures.reader("sheet-states.xlsx"))
        #expect(data.sheets[0].merged == [CellRange("A1:B1")!])
    }

    @Test(arguments: ["x-prefix.xlsx", "strict-ooxml.xlsx", "unusual-locations.xlsx", "stored-entries.xlsx",
                      "zip64.xlsx", "data-descriptor.xlsx"])
    func unusualPackagesRead(_ fixture: String) throws {
        let c = try cells(fixture)
        #expect(!c.isEmpty)
        #expect(c.values.contains { if case .number = $0 { return true }; return false })
    }

    @Test func pullCursorStreamsRowByRow() throws {
        let book = try Workbook(path: Fixtures.reader("no-r-attributes.xlsx"))
        let rows = try book.rows(inSheet: "Sheet1")
        var indices: [UInt32] = []
        while let row = try rows.next() { indices.append(row.index) }
        #expect(indices == [0, 3, 4])
        #expect(throws: SheetError.self) { try book.rows(inSheet: "没有") }
    }
}
