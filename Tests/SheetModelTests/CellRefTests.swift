import Testing
@testable import SheetModel

@Suite struct CellRefTests {
    @Test func parsesAndPrints() {
        #expect(CellRef("A1") == CellRef(row: 0, column: 0))
        #expect(CellRef("c7") == CellRef(row: 6, column: 2))
        #expect(CellRef("$AB$10") == CellRef(row: 9, column: 27))
        #expect(CellRef("XFD1048576")?.description == "XFD1048576")
        #expect(CellRef(row: 0, column: 702).description == "AAA1")
    }

    /// Every column's letters, as the bijective base-26 of Excel, and the largest row and column
    /// the type can hold (beyond the grid, still printed whole).
    @Test func printsEveryColumn() {
        func letters(_ column: Int) -> String {
            var n = column + 1, out = ""
            while n > 0 { out = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + out; n = (n - 1) / 26 }
            return out
        }
        for column in 0..<Int(CellRef.maxColumns) {
            #expect(CellRef.columnName(UInt16(column)) == letters(column))
            #expect(CellRef(row: UInt32(column * 61), column: UInt16(column)).description == letters(column) + String(column * 61 + 1))
        }
        #expect(CellRef.columnName(.max) == letters(Int(UInt16.max)))
        #expect(CellRef(row: .max, column: .max).description == letters(Int(UInt16.max)) + "4294967296")
        #expect(CellRef(row: 9, column: 0).description == "A10")
    }

    @Test func rejectsOutsideTheGrid() {
        #expect(CellRef("XFE1") == nil)
        #expect(CellRef("A1048577") == nil)
        #expect(CellRef("A0") == nil)
        #expect(CellRef("1A") == nil)
        #expect(CellRef("") == nil)
    }

    @Test func ranges() {
        let r = CellRange("B2:A1")!
        #expect(r.description == "A1:B2")
        #expect(r.contains(CellRef("B1")!))
        #expect(!r.contains(CellRef("C1")!))
    }
}
