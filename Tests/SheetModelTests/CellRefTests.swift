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
