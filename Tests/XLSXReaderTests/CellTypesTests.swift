import SheetModel
import XLSXReader
import Testing

@Suite struct CellTypesTests {
    @Test func everyCellType() throws {
        let c = try cells("cell-types.xlsx")
        #expect(c["Sheet1!A1"] == .text("共享"))
        #expect(c["Sheet1!B1"] == .text("内联"))
        #expect(c["Sheet1!C1"] == .text("文本x"))
        #expect(c["Sheet1!D1"] == .bool(true))
        #expect(c["Sheet1!J1"] == .bool(false))
        #expect(c["Sheet1!E1"] == .error(CellError("#DIV/0!")))
        #expect(c["Sheet1!F1"] == .number(12.5))
        #expect(c["Sheet1!G1"] == .dateSerial(45504))
        #expect(c["Sheet1!H1"] == .number(2), "a formula gives its cached value")
        #expect(c["Sheet1!I1"] == .uncachedFormula, "a formula without a cached value has no value")
    }

    /// openpyxl writes a formula it never calculated as `<f>…</f><v/>`: no result, as without `<v>`.
    /// An empty cached string (t="str") is a result, the empty text: no cell.
    @Test func formulaWithAnEmptyCachedValueIsUncached() throws {
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let path = try oneSheetWorkbook(#"""
            <worksheet xmlns="\#(ns)"><sheetData><row r="1"><c r="A1"><f>1+1</f><v/></c><c r="B1" t="str"><f>T(C1)</f><v/></c><c r="C1" t="b"><f>TRUE()</f><v></v></c><c r="D1"><f>1+1</f><v>2</v></c><c r="E1"><v/></c></row></sheetData></worksheet>
            """#)
        let cells = try Workbook.load(path: path).sheets[0].rows.flatMap(\.cells)
        #expect(cells == [Cell(column: 0, value: .uncachedFormula), Cell(column: 2, value: .uncachedFormula),
                          Cell(column: 3, value: .number(2))])
    }

    @Test func rowsAndCellsWithoutReferences() throws {
        let c = try cells("no-r-attributes.xlsx")
        #expect(c["Sheet1!A1"] == .number(1))
        #expect(c["Sheet1!B1"] == .number(2))
        #expect(c["Sheet1!E1"] == .number(5), "lower-case reference")
        #expect(c["Sheet1!F1"] == .number(6), "continues after the last explicit column")
        #expect(c["Sheet1!B4"] == .number(8), "the last duplicate wins")
        #expect(c["Sheet1!A5"] == .number(9), "a row without r follows the previous row")
        #expect(c.count == 6)
    }

    @Test func producersOutput() throws {
        let a = try cells("openpyxl-basic.xlsx")
        #expect(a["月报!B2"] == .number(1234.56))
        #expect(a["月报!C2"] == .dateSerial(45504))
        #expect(a["月报!D2"] == .bool(true))
        let b = try cells("xlsxwriter-basic.xlsx")
        #expect(b["汇总!A2"] == .text("税收"))
        #expect(b["汇总!B3"] == .number(25))
        #expect(b["汇总!A3"] == .dateSerial(45504))
        // The same workbook after a round trip through LibreOffice (its own styles and part layout).
        let lo = try cells("libreoffice-basic.xlsx")
        #expect(lo == b)
    }
}
