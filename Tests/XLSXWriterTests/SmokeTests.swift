import Testing
import TestSupport
@testable import XLSXWriter

@Test func smoke() throws {
    try SampleWorkbook.make(at: "/tmp/parkstat-smoke.xlsx")
}
