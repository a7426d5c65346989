import Foundation
import SheetModel
import Testing
import TestSupport
import XLSXReader
import ZipXML
@testable import XLSXWriter

/// Whole workbooks: writer → our reader, determinism, atomic save, argument errors, streaming.
@Suite struct WorkbookTests {
    @Test func roundTripsThroughOurReader() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("样例.xlsx").path
        try SampleWorkbook.make(at: path)
        let book = try Workbook.load(path: path)
        #expect(book.sheets.map(\.name) == ["汇总", "填报", "说明"])
        let sum = book.sheets[0]
        #expect(sum.merged == [CellRange("A1:F1")!])
        #expect(sum[CellRef("A1")!] == .text("园区企业月报 <2024年3月> & \"汇总\""))
        #expect(sum[CellRef("B2")!] == .text("营业收入（万元）"))
        #expect(sum[CellRef("A4")!] == .text("企业2 有限公司"))
        #expect(sum[CellRef("B4")!] == .number(1234.75))
        #expect(sum[CellRef("C4")!] == .number(0.01))
        #expect(sum[CellRef("D4")!] == .dateSerial(ExcelDate.serial(of: CivilDateTime(year: 2024, month: 2, day: 1), system: .d1900)))
        #expect(sum[CellRef("E3")!] == .bool(true))
        #expect(sum[CellRef("E4")!] == .bool(false))
        #expect(sum[CellRef("F4")!] == .number(2469.5))
        #expect(sum.rows.count == 22)
        let form = book.sheets[1]
        #expect(form[CellRef("D2")!] == .number(12.5))
        #expect(form[CellRef("B2")!] == .empty)
        let notes = book.sheets[2]
        #expect(notes[CellRef("A1")!] == .text("  填报说明：\n1. 金额单位为万元\t\u{1}"))
        #expect(notes[CellRef("A4")!] == .text("_x0041_ 不是转义"))
        #expect(notes.rows.map(\.index) == [0, 3])
    }

    @Test func partsInExcelsOrderWithFixedTimestamps() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.xlsx").path
        try SampleWorkbook.make(at: path)
        let zip = try ZipArchive(path: path)
        #expect(zip.entryNames == ["[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml",
                                   "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                                   "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/_rels/sheet1.xml.rels",
                                   "xl/comments1.xml", "xl/drawings/vmlDrawing1.vml", "xl/worksheets/sheet2.xml",
                                   "xl/worksheets/_rels/sheet2.xml.rels", "xl/comments2.xml", "xl/drawings/vmlDrawing2.vml",
                                   "xl/worksheets/sheet3.xml"])
        // DOS date 1980-01-01 00:00 is 0x0021 0x0000 in every local header (offset 10: time, 12: date).
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Array(bytes[10..<14]) == [0x00, 0x00, 0x21, 0x00])
    }

    @Test func sameInputSameBytes() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.xlsx").path, b = dir.appendingPathComponent("b.xlsx").path
        try SampleWorkbook.make(at: a)
        try SampleWorkbook.make(at: b)
        #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
        // A faster deflate level changes the bytes, not the content.
        let c = dir.appendingPathComponent("c.xlsx").path
        try SampleWorkbook.make(at: c, level: 1)
        #expect(try Workbook.load(path: c).sheets[0].rows.count == 22)
    }

    @Test func savesAtomicallyAndCleansUp() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.xlsx").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        try SampleWorkbook.make(at: path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.xlsx"])
        #expect(try Workbook.load(path: path).sheets.count == 3)

        let missing = dir.appendingPathComponent("没有这个目录/out.xlsx").path
        let error = try #require(throws: SheetError.self) { try SampleWorkbook.make(at: missing) }
        #expect(error.code == .io)
        #expect(error.description.contains("无法"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.xlsx"])
    }

    @Test func rejectsWhatExcelCannotHold() throws {
        let book = WorkbookWriter()
        for bad in ["", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二", "a/b", "[x]", "'q"] {
            #expect(throws: SheetError.self) { try book.addSheet(bad) }
        }
        let sheet = try book.addSheet("汇总")
        #expect(throws: SheetError.self) { try book.addSheet("汇总") }
        try sheet.writeRow(["a"], at: 5)
        let outOfOrder = try #require(throws: SheetError.self) { try sheet.writeRow(["b"], at: 2) }
        #expect(outOfOrder.code == .invalidArgument)
        try sheet.merge(CellRange("A1:B2")!)
        #expect(throws: SheetError.self) { try sheet.merge(CellRange("B2:C3")!) }
        #expect(throws: SheetError.self) { try sheet.addValidation(.list(["含,逗号"], range: CellRange("A1")!)) }
        #expect(throws: SheetError.self) { try WorkbookWriter().save(to: "/tmp/never.xlsx") }
    }

    @Test func datesWithoutStyleGetDateFormatAndFormulasRecalculate() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("d.xlsx").path
        let book = WorkbookWriter(properties: .init(created: SampleWorkbook.created))
        let sheet = try book.addSheet("日期")
        try sheet.writeRow([.date(CivilDateTime(year: 2024, month: 12, day: 31)), .formula("=A1+1"),
                            .formula("\"年\"&\"月\"", cached: .text("年月")), .number(.nan)])
        try book.save(to: path)
        let data = try Workbook.load(path: path).sheets[0]
        #expect(data[CellRef("A1")!] == .dateSerial(45657))
        #expect(data[CellRef("C1")!] == .text("年月"))
        #expect(data[CellRef("D1")!] == .error(CellError("#NUM!")))
        let zip = try ZipArchive(path: path)
        let workbook = String(decoding: try #require(try zip.read("xl/workbook.xml")), as: UTF8.self)
        #expect(workbook.contains(#"fullCalcOnLoad="1""#))
        let styles = String(decoding: try #require(try zip.read("xl/styles.xml")), as: UTF8.self)
        #expect(styles.contains(#"formatCode="yyyy-mm-dd""#))
    }

    /// Rows go to the temporary file in chunks; the in-memory buffer never holds the sheet.
    @Test func streamsRowsToATemporaryFile() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = WorkbookWriter(properties: .init(created: SampleWorkbook.created), compressionLevel: 1)
        let sheet = try book.addSheet("明细")
        let rows = 40_000
        for i in 0..<rows {
            try sheet.writeRow([.number(i), .number(Double(i) * 0.5), .text("企业\(i % 100)"), .bool(i % 3 == 0)])
        }
        #expect(sheet.rows.flushed > 2 * RowStream.flushThreshold)
        let path = dir.appendingPathComponent("big.xlsx").path
        try book.save(to: path)
        let data = try Workbook.load(path: path).sheets[0]
        #expect(data.rows.count == rows)
        #expect(data[CellRef(row: UInt32(rows - 1), column: 1)] == .number(Double(rows - 1) * 0.5))
        #expect(data[CellRef(row: 12_345, column: 2)] == .text("企业45"))
        // Saving twice (e.g. after more rows) works: the rows file stays open for appending.
        try sheet.writeRow([.text("追加")])
        try book.save(to: path)
        #expect(try Workbook.load(path: path).sheets[0].rows.count == rows + 1)
    }

    /// A source libzip cannot read at `zip_close` fails the save with a coded error and leaves
    /// neither the temporary file nor a half-written workbook behind.
    @Test func zipWriterFailureRemovesTemporaryFile() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("broken.xlsx").path
        let zip = try ZipWriter(path: path, compressionLevel: 1)
        try zip.add("a.xml", bytes: Array("<a/>".utf8))
        try zip.add("b.xml", segments: [.bytes(Array("<b>".utf8)), .file(path: dir.appendingPathComponent("gone").path)])
        let error = try #require(throws: SheetError.self) { try zip.commit() }
        #expect(error.code == .io)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func hiddenFirstSheetIsNotActive() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("h.xlsx").path
        let book = WorkbookWriter(properties: .init(created: SampleWorkbook.created))
        let lists = try book.addSheet("选项")
        lists.state = .hidden
        try lists.writeRow(["制造业"])
        let form = try book.addSheet("填报")
        form.freeze(rows: 0, columns: 2)
        try form.addValidation(DataValidation(.listRange("'选项'!$A$1:$A$1"), ranges: [CellRange("A1:A9")!]))
        try book.save(to: path)
        let zip = try ZipArchive(path: path)
        let workbook = String(decoding: try #require(try zip.read("xl/workbook.xml")), as: UTF8.self)
        #expect(workbook.contains(#"activeTab="1""#))
        #expect(workbook.contains(#"<sheet name="选项" sheetId="1" state="hidden" r:id="rId1"/>"#))
        let sheet2 = String(decoding: try #require(try zip.read("xl/worksheets/sheet2.xml")), as: UTF8.self)
        #expect(sheet2.contains(#"<sheetView tabSelected="1" workbookViewId="0"><pane xSplit="2" topLeftCell="C1" activePane="topRight" state="frozen"/>"#))
        #expect(sheet2.contains(#"<formula1>'选项'!$A$1:$A$1</formula1>"#))
        #expect(try Workbook.load(path: path).sheets.map(\.state) == [.hidden, .visible])
    }
}
