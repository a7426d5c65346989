import Testing
@testable import SheetModel

@Suite struct ExcelDateTests {
    @Test func serialsAroundTheLotusQuirk() {
        #expect(ExcelDate.isoText(serial: 1, system: .d1900) == "1900-01-01")
        #expect(ExcelDate.isoText(serial: 59, system: .d1900) == "1900-02-28")
        #expect(ExcelDate.isoText(serial: 60, system: .d1900) == "1900-02-28")
        #expect(ExcelDate.isoText(serial: 61, system: .d1900) == "1900-03-01")
        #expect(ExcelDate.isoText(serial: 45504, system: .d1900) == "2024-07-31")
        #expect(ExcelDate.isoText(serial: 0, system: .d1904) == "00:00:00")
        #expect(ExcelDate.isoText(serial: 1, system: .d1904) == "1904-01-02")
    }

    @Test func timesAndDateTimes() {
        #expect(ExcelDate.isoText(serial: 0.5, system: .d1900) == "12:00:00")
        #expect(ExcelDate.isoText(serial: 45504.354166666664, system: .d1900) == "2024-07-31T08:30:00")
        #expect(ExcelDate.isoText(serial: 0.0000115740740740741, system: .d1900) == "00:00:01")
        #expect(ExcelDate.isoText(serial: 0.999999999, system: .d1900) == "1900-01-01")
        #expect(ExcelDate.isoText(serial: -1, system: .d1904) == "1903-12-31")
    }

    @Test func noDateOutsideTheCalendar() {
        #expect(ExcelDate.isoText(serial: -1, system: .d1900) == "1899-12-29")
        #expect(ExcelDate.isoText(serial: -700_000, system: .d1900) == nil)
        #expect(ExcelDate.isoText(serial: 2_958_466, system: .d1900) == nil)  // year 10000
        #expect(ExcelDate.isoText(serial: 2_958_465, system: .d1900) == "9999-12-31")
    }

    @Test func serialRoundTrip() {
        for serial in [1.0, 59, 61, 45504, 45504.75] {
            let t = ExcelDate.dateTime(serial: serial, system: .d1900)!
            #expect(ExcelDate.serial(of: t, system: .d1900) == serial)
        }
        let t = CivilDateTime(year: 2024, month: 7, day: 31)
        #expect(ExcelDate.serial(of: t, system: .d1904) == 45504 - 1462)
    }
}
