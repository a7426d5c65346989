import SheetModel
import Testing
import TestSupport
import XLSXReader

@Suite struct DateTests {
    @Test func datesByStyle() throws {
        let c = try cells("date-styles.xlsx")
        #expect(c["Sheet1!A1"] == .number(45504.5), "General")
        #expect(c["Sheet1!B1"] == .dateSerial(45504.5), "custom yyyy-mm")
        #expect(c["Sheet1!C1"] == .dateSerial(45504.5), "elapsed [h]:mm")
        #expect(c["Sheet1!D1"] == .number(45504.5), "quoted text is not a date")
        #expect(c["Sheet1!E1"] == .number(45504.5), "[Red] is not a date")
        #expect(c["Sheet1!F1"] == .number(45504.5), "an escaped d is not a date")
        #expect(c["Sheet1!G1"] == .dateSerial(45504.5), "locale prefix then a date")
        #expect(c["Sheet1!H1"] == .dateSerial(45504.5), "built-in 22")
        #expect(c["Sheet1!I1"] == .number(45504.5), "a custom format overrides built-in 14")
        #expect(c["Sheet1!J1"] == .dateSerial(45504.5), "built-in 47 mmss.0")
        #expect(c["Sheet1!C2"] == .number(5), "a style index outside cellXfs uses the default")
    }

    @Test func date1904() throws {
        let book = try Workbook.load(path: Fixtures.reader("date-1904.xlsx"))
        #expect(book.dateSystem == .d1904)
        let row = book.sheets[0].rows[0]
        #expect(row[0] == .dateSerial(44042))
        #expect(ExcelDate.isoText(serial: 44042, system: .d1904) == "2024-07-31")
        #expect(row[1] == .dateSerial(44042), "t=\"d\" ISO text converts in the workbook's system")
    }
}
