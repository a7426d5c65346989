import Testing
@testable import XLSXWriter

@Suite struct XMLBytesTests {
    private func text(_ s: String) -> String {
        var x = XMLBytes()
        x.text(s)
        return String(decoding: x.bytes, as: UTF8.self)
    }

    private func attribute(_ s: String) -> String {
        var x = XMLBytes()
        x.attribute(s)
        return String(decoding: x.bytes, as: UTF8.self)
    }

    private func number(_ d: Double) -> String {
        var x = XMLBytes()
        x.number(d)
        return String(decoding: x.bytes, as: UTF8.self)
    }

    @Test func escapesMarkupAndKeepsChinese() {
        #expect(text("营业收入，<万元> & \"税\"") == "营业收入，&lt;万元&gt; &amp; \"税\"")
        #expect(attribute("说明\"1\"\n第二行<>") == "说明&quot;1&quot;&#10;第二行&lt;&gt;")
    }

    @Test func escapesControlsAsExcelDoes() {
        #expect(text("a\u{1}b\u{1F}c") == "a_x0001_b_x001F_c")
        #expect(text("tab\tline\nreturn\r") == "tab\tline\nreturn_x000D_")
        #expect(text("\u{FFFE}") == "_xFFFE_")
        // A literal escape sequence is guarded so that readers do not decode it.
        #expect(text("_x0041_ and _x00") == "_x005F_x0041_ and _x00")
        // Full-width punctuation shares the EF lead byte with U+FFFE but is left alone.
        #expect(text("（），") == "（），")
    }

    @Test func preserveOnlyWhenNeeded() {
        #expect(XMLBytes.needsPreserve(" a"))
        #expect(XMLBytes.needsPreserve("a\nb"))
        #expect(!XMLBytes.needsPreserve("企业 名称"))
        #expect(!XMLBytes.needsPreserve(""))
    }

    @Test func numbersAreShortest() {
        #expect(number(0) == "0")
        #expect(number(-0.0) == "0")
        #expect(number(42) == "42")
        #expect(number(-1234567890123) == "-1234567890123")
        #expect(number(0.1) == "0.1")
        #expect(number(1234.5) == "1234.5")
        #expect(number(1e-05) == "1e-05")
        #expect(number(1e20) == "1e+20")
        #expect(Double(number(0.1 + 0.2)) == 0.1 + 0.2)
    }

    @Test func cellReferences() {
        for (row, column, expected) in [(0, 0, "A1"), (9, 25, "Z10"), (0, 26, "AA1"), (0, 701, "ZZ1"), (0, 702, "AAA1"),
                                        (1_048_575, 16_383, "XFD1048576")] {
            var x = XMLBytes()
            x.cellRef(row: UInt32(row), column: UInt16(column))
            #expect(String(decoding: x.bytes, as: UTF8.self) == expected)
        }
    }

    @Test func cjkDisplayWidth() {
        #expect(ColumnWidth.displayWidth("abc") == 3)
        #expect(ColumnWidth.displayWidth("营业收入") == 8)
        #expect(ColumnWidth.displayWidth("出口额（万元）") == 14)
        #expect(ColumnWidth.displayWidth("ＡＢ12") == 6)
        #expect(ColumnWidth.fitted(displayWidth: 8) == 10)
        #expect(ColumnWidth.fitted(displayWidth: 1) == 8)
        #expect(ColumnWidth.fitted(displayWidth: 500) == 60)
    }

    @Test func legacyPasswordHashMatchesOpenpyxl() {
        #expect(SheetProtection.legacyHash("park") == "CA0B")
        #expect(SheetProtection.legacyHash("password") == "83AF")
    }
}
