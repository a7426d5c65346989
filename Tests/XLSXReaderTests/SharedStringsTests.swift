import SheetModel
import Testing

@Suite struct SharedStringsTests {
    @Test func richTextPhoneticWhitespaceAndEscapes() throws {
        let c = try cells("shared-strings.xlsx")
        #expect(c["Sheet1!A1"] == .text("工业总产值"), "rich-text runs are concatenated")
        #expect(c["Sheet1!A2"] == .text("漢字"), "phonetic runs are not text")
        #expect(c["Sheet1!A3"] == .text("trimmed"), "<t> without xml:space loses outer whitespace")
        #expect(c["Sheet1!A4"] == .text("  kept  "), "xml:space=preserve keeps it")
        #expect(c["Sheet1!A5"] == .text("a\r\nb"), "_xHHHH_ escapes are decoded")
        #expect(c["Sheet1!A6"] == .text("_x005F_"), "_x005F_ escapes the underscore")
        #expect(c["Sheet1!A7"] == nil, "a string that becomes empty is no value")
    }
}
